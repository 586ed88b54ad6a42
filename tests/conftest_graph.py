"""Fixtures for tests that read the corpus graph: the corpus loaded once into the test server.

Test modules use them with `pytest_plugins = ["conftest_graph"]`.
"""

from __future__ import annotations

import pytest

from policykg.settings import Neo4jSettings, get_driver


def load_corpus(settings: Neo4jSettings) -> None:
    """The built-in corpus, loaded as `policykg build` loads it (the same library call)."""
    from policykg.build import Limits, build_corpus
    from policykg.paths import corpus_dir

    with get_driver(settings) as driver:
        # In-process extraction: the test session loads the NLP model once, for every test.
        report = build_corpus([corpus_dir()], driver, database=settings.database, limits=Limits(timeout_s=None))
        assert report.ok, [(d.path, d.status, d.reason) for d in report.documents if d.status != "loaded"]
        # The full-text index fills asynchronously; wait so that searches see every task.
        with driver.session(database=settings.database) as session:
            session.run("CALL db.awaitIndexes(120)").consume()


@pytest.fixture(scope="session")
def corpus_graph(neo4j: Neo4jSettings) -> Neo4jSettings:
    """Settings of the test server with the whole corpus loaded (once per session)."""
    load_corpus(neo4j)
    return neo4j


@pytest.fixture
def graph_driver(corpus_graph: Neo4jSettings):
    with get_driver(corpus_graph) as driver:
        yield driver
