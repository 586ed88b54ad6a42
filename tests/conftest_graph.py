"""Fixtures for tests that read the corpus graph: the corpus loaded once into the test server.

Test modules use them with `pytest_plugins = ["conftest_graph"]`.
"""

from __future__ import annotations

import pytest

from policykg.settings import Neo4jSettings, get_driver


def load_corpus(settings: Neo4jSettings) -> None:
    from policykg.extract.readers.corpus import discover
    from policykg.extract.pipeline import extract_document
    from policykg.graph import loader
    from policykg.graph.loader import delete_orphans, ensure_schema, load_document
    from policykg.paths import corpus_dir

    with get_driver(settings) as driver:
        ensure_schema(driver, settings.database)
        if hasattr(loader, "load_registry"):  # agency registry and lineage, as `policykg build` loads them
            loader.load_registry(driver, database=settings.database)
        for path in discover([corpus_dir()]):
            load_document(driver, extract_document(path), settings.database)
        delete_orphans(driver, settings.database)
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
