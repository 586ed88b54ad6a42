"""Shared fixtures: a real Neo4j server of the tests' own.

The session starts one managed server in a temporary server home on a free port: the jars
(home()/neo4j/<version>/lib) are shared with the user's install, the data never is. NEO4J_URI
in the environment or .env is ignored on purpose: tests must not write into anyone's graph.

Tests marked `neo4j` get the server started for them; tests that use the `neo4j` or
`neo4j_driver` fixtures are marked `neo4j` automatically, so `-m "not neo4j"` skips them all.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from policykg.graph import neo4j_server
from policykg.settings import Neo4jSettings, get_driver, managed_settings

# Small enough for CI next to other work, large enough for the project's test graphs.
TEST_HEAP = "512m"
TEST_PAGECACHE = "128m"
# First start on 2 cores: JVM + system database creation, typically 5-40 s.
START_TIMEOUT = 240.0


def free_port() -> int:
    """A port nobody listens on right now (the kernel picks it for a bind to port 0)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def make_server_config(tmp_path_factory: pytest.TempPathFactory) -> neo4j_server.ServerConfig:
    """A fresh server home on a free port, sized for tests."""
    return neo4j_server.ServerConfig(
        home=tmp_path_factory.mktemp("neo4j-server"),
        bolt_port=free_port(),
        http_port=None,  # nothing else listens; Bolt is all the tests use
        heap_initial="256m",
        heap_max=TEST_HEAP,
        pagecache=TEST_PAGECACHE,
        transaction_timeout="60s",
        tx_log_rotation_size="8M",  # default 256M is preallocated per database: 1 GB a run
    )


@pytest.fixture(scope="session")
def neo4j_config_factory(tmp_path_factory: pytest.TempPathFactory):
    """Makes further throwaway server configs, for tests that stop and restart a server."""
    return lambda: make_server_config(tmp_path_factory)


@pytest.fixture(scope="session")
def neo4j_server_config(neo4j_config_factory) -> neo4j_server.ServerConfig:
    """The config of the session's shared test server."""
    return neo4j_config_factory()


@pytest.fixture(scope="session", name="neo4j")
def neo4j_settings_fixture(
    neo4j_server_config: neo4j_server.ServerConfig,
) -> Iterator[Neo4jSettings]:
    """Settings (managed=True) for the session's own running server; stopped at session end."""
    neo4j_server.start(neo4j_server_config, timeout=START_TIMEOUT)
    try:
        yield managed_settings(neo4j_server_config)
    finally:
        neo4j_server.stop(neo4j_server_config)


@pytest.fixture
def neo4j_driver(neo4j: Neo4jSettings):
    with get_driver(neo4j) as driver:
        yield driver


@pytest.fixture(autouse=True)
def _neo4j_for_marked_tests(request: pytest.FixtureRequest) -> None:
    if request.node.get_closest_marker("neo4j") is not None:
        request.getfixturevalue("neo4j")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if {"neo4j", "neo4j_driver"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.neo4j)
