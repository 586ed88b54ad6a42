"""Every Cypher example users are offered (README, the viewer's console) runs read-only on the
built corpus and answers something."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policykg.graph.cypher import CONSOLE_EXAMPLES
from policykg.graph.readonly import run_read_query

pytest_plugins = ["conftest_graph"]

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
QUERIES = re.findall(r"```cypher\n(.*?)```", README, re.S)


def test_readme_has_examples():
    assert len(QUERIES) >= 4


@pytest.mark.parametrize("query", QUERIES, ids=[q.splitlines()[0][:40] for q in QUERIES])
def test_readme_query(graph_driver, query):
    res = run_read_query(graph_driver, query)
    assert res.rows, query


@pytest.mark.parametrize("title", list(CONSOLE_EXAMPLES))
def test_console_example(graph_driver, title):
    query, params = CONSOLE_EXAMPLES[title]
    values = dict(line.split("=", 1) for line in params.splitlines() if line.strip())
    res = run_read_query(graph_driver, query, values)
    assert res.rows, title
