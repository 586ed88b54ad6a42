"""Every Cypher example in README runs read-only on the built corpus and answers something."""

from __future__ import annotations

import re

import pytest

from policykg.graph.readonly import run_read_query
from policykg.paths import REPO_ROOT

pytest_plugins = ["conftest_graph"]

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
QUERIES = re.findall(r"```cypher\n(.*?)```", README, re.S)


def test_readme_has_examples():
    assert len(QUERIES) >= 4


@pytest.mark.parametrize("query", QUERIES, ids=[q.splitlines()[0][:40] for q in QUERIES])
def test_readme_query(graph_driver, query):
    res = run_read_query(graph_driver, query)
    assert res.rows, query
