"""Transaction memory on the managed server (issue 8 leftovers): the generated neo4j.conf bounds
what one transaction and all transactions may hold, so the biggest transaction a build sends
passes while a runaway console query is refused in one sentence and the server carries on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corpus_helpers import doc_path
from policykg.cli import app
from policykg.extract.pipeline import extract_document
from policykg.graph import neo4j_server
from policykg.extract.agencies.registry import default_registry
from policykg.graph.loader import (MAX_TX_BYTES, counts, delete_document, ensure_schema, load_agency_registry,
                                   load_rows)
from policykg.graph.rows import document_rows, weight_of

# collect() over 40 million integers: several hundred MB of tracked heap in one transaction,
# far over the 256m per-transaction limit (and over the shared test server's whole pool).
RUNAWAY = "UNWIND range(1, 40000000) AS i RETURN size(collect(i)) AS n"


def _conf_value(text: str, key: str) -> str:
    values = [line.split("=", 1)[1] for line in text.splitlines() if line.startswith(key + "=")]
    assert len(values) == 1, (key, values)
    return values[0]


def test_conf_bounds_one_transaction_below_all_of_them():
    config = neo4j_server.ServerConfig(home=Path("/nonexistent"), heap_max="2g")
    text = neo4j_server.render_conf(config)
    assert _conf_value(text, "db.memory.transaction.max") == "256m"
    assert _conf_value(text, "db.memory.transaction.total.max") == "1433m"  # 70% of 2048m
    small = neo4j_server.render_conf(neo4j_server.ServerConfig(home=Path("/nonexistent"), heap_max="512m"))
    assert _conf_value(small, "db.memory.transaction.total.max") == "358m"
    # A per-transaction limit at or over the pool would let one transaction starve the rest.
    with pytest.raises(neo4j_server.Neo4jSetupError, match="must be below"):
        neo4j_server.render_conf(neo4j_server.ServerConfig(home=Path("/nonexistent"), heap_max="256m"))


def test_size_bytes():
    assert neo4j_server.size_bytes("512m") == 512 * 2**20
    assert neo4j_server.size_bytes("2G") == 2 * 2**30
    assert neo4j_server.size_bytes("1024k") == 2**20
    assert neo4j_server.size_bytes("4096") == 4096


def test_runaway_console_query_is_refused_in_one_sentence_and_the_server_stays_up(neo4j, neo4j_driver,
                                                                                    neo4j_server_config):
    env = {"NEO4J_URI": neo4j.uri, "NEO4J_USER": neo4j.user, "NEO4J_PASSWORD": neo4j.password.get_secret_value()}
    with neo4j_driver.session() as s:  # the running server has the generated limits
        got = {r["name"]: r["value"] for r in s.run(
            "SHOW SETTINGS YIELD name, value WHERE name STARTS WITH 'db.memory.transaction' RETURN name, value")}
    assert got["db.memory.transaction.max"] in {"256m", "268435456", "256.00MiB"}, got
    runner = CliRunner()
    res = runner.invoke(app, ["query", RUNAWAY], env=env)
    assert res.exit_code == 1
    # One sentence, nothing else (the console may wrap it at its width): no traceback, no code dump.
    assert " ".join(res.output.split()) == ("The query needed more memory than the server allows it; "
                                           "ask for fewer rows or less at once.")
    # It was the per-transaction limit that stopped it (not the whole pool running dry, which
    # would have failed other sessions too): the server's own message names the setting.
    js = runner.invoke(app, ["query", RUNAWAY, "--format", "json"], env=env)
    assert "db.memory.transaction.max" in json.loads(js.stdout)["details"]
    assert neo4j_server.status(neo4j_server_config).running
    ok = runner.invoke(app, ["query", "RETURN 1 AS one", "--format", "json"], env=env)
    assert ok.exit_code == 0 and json.loads(ok.stdout) == [{"one": 1}]


def test_the_biggest_transaction_a_build_sends_fits_under_the_limit(neo4j_driver):
    """Rows at the loader's one-transaction budget (MAX_TX_BYTES): the 2021 plan's tasks and
    edges repeated under fresh ids (a stress input, like test_build_faults' hostile files)."""
    doc_id = "tx-memory-probe"
    rows = document_rows(extract_document(doc_path("2021"), doc_id, "tx-memory-probe.txt"), "k")
    base_tasks, base_assignments = list(rows.tasks), {k: list(v) for k, v in rows.assignments.items()}
    copy_bytes = weight_of(base_tasks) + weight_of(base_assignments)
    n = (MAX_TX_BYTES - 2**20 - rows.size_bytes()) // copy_bytes + 1  # copies to reach the budget
    for i in range(1, n + 1):
        rows.tasks += [{**t, "id": f"{t['id']}~{i}"} for t in base_tasks]
        for role, edges in base_assignments.items():
            rows.assignments[role] += [{**e, "task": f"{e['task']}~{i}"} for e in edges]
    assert MAX_TX_BYTES - 2**20 <= rows.size_bytes() <= MAX_TX_BYTES  # one transaction, not staged
    ensure_schema(neo4j_driver)  # the registry's agencies, which the edges point at
    load_agency_registry(neo4j_driver, default_registry())
    before = counts(neo4j_driver)
    try:  # (a MemoryPoolOutOfMemoryError here would mean the limit is below what a build may send)
        load_rows(neo4j_driver, rows)
        with neo4j_driver.session() as s:
            n_edges = s.run("MATCH (:Plan {id: $d})-[:HAS_TASK]->()<-[r:RESPONSIBLE_FOR]-() RETURN count(r) AS n",
                            d=doc_id).single()["n"]
        assert n_edges == 99 * (n + 1)
    finally:
        delete_document(neo4j_driver, doc_id)
    assert counts(neo4j_driver) == before
