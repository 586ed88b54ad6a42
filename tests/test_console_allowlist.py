"""The read-only console's allowlist (graph/readonly.py, issue 7), against the real test server.

Every query of HOSTILE must be refused by the plan check (QueryRefused, never a server error
after running), and afterwards an admin session sees nothing changed: node, relationship,
label, type and property-key counts, indexes and constraints, users and the neo4j password,
the query cache, a victim transaction that TERMINATE tried to kill, and zero requests at a
local HTTP server that the LOAD CSV attempts point at.
"""

from __future__ import annotations

import contextlib
import http.server
import json
import re
import threading
from pathlib import Path

import neo4j
import pytest
from typer.testing import CliRunner

from policykg.cli import app
from policykg.graph import cypher
from policykg.graph import neo4j_server
from policykg.graph.readonly import (
    READ_PROCEDURES,
    QueryFailed,
    QueryRefused,
    check_read_only,
    run_read_query,
)

REPO_ROOT = Path(__file__).resolve().parent.parent

pytest_plugins = ["conftest_graph"]

# {http}: a local HTTP server that counts requests; {victim}: the id of an open transaction.
# Unicode whitespace: U+00A0 (no-break space), U+2003 (em space), U+3000 (ideographic space,
# what a Chinese IME types), U+2028 (line separator), U+FEFF (byte order mark).
HOSTILE = [
    # the bypasses of issue 7
    "WITH 'a//' AS s LOAD CSV FROM '{http}/comment-in-string' AS row RETURN row",
    "WITH '/*' AS s LOAD CSV FROM '{http}/block-comment-in-string' AS row RETURN row, '*/' AS t",
    "CALL `dbms`.`listConfig`()",
    "CALL dbms .listConfig()",
    "CALL `db`.`clearQueryCaches`()",
    "SHOW USERS",
    "SHOW SETTINGS",
    "SHOW TRANSACTIONS",
    "TERMINATE TRANSACTIONS 'x'",
    "TERMINATE TRANSACTIONS '{victim}'",
    # quoting and comment tricks around LOAD CSV
    "LOAD CSV FROM '{http}/plain' AS row RETURN row",
    "load csv from '{http}/lower' as row return row",
    "LOAD/* hidden */CSV FROM '{http}/comment-between' AS row RETURN row",
    "// a comment\nLOAD CSV FROM '{http}/after-line-comment' AS row RETURN row",
    "WITH \"it\\'s // not a comment\" AS s LOAD CSV FROM '{http}/escaped-quote' AS row RETURN s, row",
    "WITH 'it\\'s /* still a string' AS s LOAD CSV FROM '{http}/escaped-quote2' AS row RETURN row",
    "WITH '`' AS s LOAD CSV FROM '{http}/backtick-in-string' AS row RETURN row",
    "MATCH (`a//b`) WITH count(*) AS n LOAD CSV FROM '{http}/backtick-name' AS row RETURN row",
    "LOAD\u00a0CSV\u00a0FROM '{http}/nbsp' AS row RETURN row",
    "LOAD\u2003CSV FROM '{http}/emsp' AS row RETURN row",
    "LOAD\u3000CSV\u3000FROM '{http}/ideographic' AS row RETURN row",
    "LOAD\u2028CSV FROM '{http}/line-separator' AS row RETURN row",
    "\ufeffLOAD CSV FROM '{http}/bom' AS row RETURN row",
    "LOAD CSV WITH HEADERS FROM '{http}/headers' AS row RETURN row",
    "LOAD CSV FROM 'http://127.0.0.1:{port}/ip' AS row RETURN row",
    "LOAD CSV FROM 'http://localhost:{port}/localhost' AS row RETURN row",
    "LOAD CSV FROM 'http://[::1]:{port}/ipv6' AS row RETURN row",
    "LOAD CSV FROM 'http://2130706433:{port}/decimal-ip' AS row RETURN row",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "LOAD CSV FROM 'file:///proc/self/environ' AS row RETURN row",
    "LOAD CSV FROM 'https://example.com/x.csv' AS row RETURN row",
    "CALL { LOAD CSV FROM '{http}/subquery' AS row RETURN row } RETURN row",
    "MATCH (p:Plan) CALL (p) { LOAD CSV FROM '{http}/correlated' AS row RETURN row } RETURN p, row",
    "RETURN [x IN [1] | x] AS l UNION LOAD CSV FROM '{http}/union' AS row RETURN row AS l",
    "CYPHER runtime=slotted LOAD CSV FROM '{http}/cypher-option' AS row RETURN row",
    "EXPLAIN LOAD CSV FROM '{http}/explain' AS row RETURN row",
    "PROFILE MATCH (n) RETURN count(n)",
    "PROFILE LOAD CSV FROM '{http}/profile' AS row RETURN row",
    # administration, SHOW and TERMINATE
    "SHOW USERS YIELD user RETURN user",
    "SHOW CURRENT USER",
    "SHOW DATABASES",
    "SHOW ROLES",
    "SHOW PRIVILEGES",
    "SHOW PROCEDURES",
    "SHOW FUNCTIONS",
    "SHOW INDEXES",
    "SHOW CONSTRAINTS",
    "SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery",
    "SHOW SETTINGS YIELD name, value WHERE name STARTS WITH 'dbms' RETURN name, value",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "CREATE USER mallory SET PASSWORD 'secret-password-1'",
    "ALTER USER neo4j SET PASSWORD 'mallory-was-here-1' CHANGE NOT REQUIRED",
    "ALTER USER neo4j SET STATUS SUSPENDED",
    "DROP USER neo4j",
    "CREATE DATABASE mallory",
    "STOP DATABASE neo4j",
    "GRANT ROLE admin TO mallory",
    "USE system SHOW USERS",
    "USE system CALL dbms.components()",
    "USE system MATCH (n) RETURN n",
    "USE neo4j CALL dbms.listConfig()",
    "USE neo4j LOAD CSV FROM '{http}/use-neo4j' AS row RETURN row",
    # every write clause
    "CREATE (n:Intruder {name: 'x'}) RETURN n",
    "MERGE (n:Intruder {name: 'x'}) RETURN n",
    "MATCH (p:Plan) SET p.hacked = true RETURN p",
    "MATCH (p:Plan) SET p:Intruder RETURN p",
    "MATCH (p:Plan) SET p += {hacked: true}",
    "MATCH (p:Plan) REMOVE p.title RETURN p",
    "MATCH (p:Plan) REMOVE p:Plan RETURN p",
    "MATCH (t:Task) DELETE t",
    "MATCH (n) DETACH DELETE n",
    "MATCH ()-[r]->() DELETE r",
    "FOREACH (x IN [1, 2] | CREATE (:Intruder {x: x}))",
    "MATCH (p:Plan) FOREACH (x IN [1] | SET p.hacked = x)",
    "CREATE INDEX intruder_idx FOR (n:Intruder) ON (n.name)",
    "CREATE INDEX intruder_idx2 IF NOT EXISTS FOR (n:Plan) ON (n.hacked)",
    "CREATE FULLTEXT INDEX intruder_ft FOR (n:Plan) ON EACH [n.title]",
    "CREATE CONSTRAINT intruder_c FOR (n:Intruder) REQUIRE n.name IS UNIQUE",
    "DROP INDEX task_fulltext",
    "DROP CONSTRAINT plan_id",
    "DROP INDEX task_doc IF EXISTS",
    "MATCH (p:Plan) WITH p CALL (p) { SET p.hacked = true } RETURN p",
    "UNWIND [1] AS x CALL (x) { CREATE (:Intruder {x: x}) } IN TRANSACTIONS",
    "UNWIND [1] AS x CALL (x) { MATCH (n) RETURN count(n) AS c } IN TRANSACTIONS RETURN c",
    "UNWIND range(1, 3) AS x CALL (x) { MERGE (:Intruder {x: x}) } IN TRANSACTIONS OF 1 ROW",
    # write and dbms procedures, every way the grammar spells a name
    "CALL db.clearQueryCaches()",
    "CALL db . clearQueryCaches ( )",
    "CALL `db`.clearQueryCaches()",
    "CALL `db.clearQueryCaches`()",
    "CALL DB.CLEARQUERYCACHES()",
    "call Db.ClearQueryCaches() yield value return value",
    "CALL db./* c */clearQueryCaches()",
    "CALL db.\nclearQueryCaches()",
    "CALL\u00a0db.clearQueryCaches()",
    "CALL dbms.listConfig() YIELD name, value RETURN name, value",
    "CALL dbms.listConnections()",
    "CALL dbms.killConnections(['bolt-1'])",
    "CALL dbms.showCurrentUser()",
    "CALL dbms.info()",
    "CALL dbms.queryJmx('*:*')",
    "CALL dbms.components()",
    "CALL db.createLabel('Intruder')",
    "CALL db.createProperty('intruder')",
    "CALL db.createRelationshipType('INTRUDES')",
    "CALL db.index.vector.createNodeIndex('intruder_v', 'Plan', 'v', 3, 'cosine')",
    "CALL db.create.setNodeVectorProperty(null, 'v', [1.0])",
    "CALL db.stats.clear('QUERIES')",
    "CALL db.prepareForReplanning()",
    "CALL db.resampleOutdatedIndexes()",
    "CALL tx.setMetaData({x: 1})",
    "CALL apoc.load.json('{http}/apoc')",
    "MATCH (p:Plan) CALL db.createLabel('Intruder') RETURN p",
    "CALL db.labels() YIELD label CALL dbms.listConfig() YIELD name RETURN label, name",
    "CALL { CALL db.clearQueryCaches() YIELD value RETURN value } RETURN value",
    # not one statement, or nothing at all
    "MATCH (n) RETURN count(n); CREATE (:Intruder)",
    "",
    "   \n\t  ",
    "// only a comment",
]

SAFE_READS = [
    # Text the old regex denylist refused although nothing is wrong with it.
    "MATCH (t:Task) WHERE t.title CONTAINS 'LOAD CSV' RETURN count(t) AS n",
    "MATCH (t:Task) WHERE t.text CONTAINS 'CALL dbms.listConfig' OR t.title = 'USE system' RETURN count(t) AS n",
    "// LOAD CSV FROM 'file:///etc/passwd'\nMATCH (p:Plan) RETURN count(p) AS n",
    "/* CREATE (x) */ MATCH (p:Plan) RETURN count(p) AS n",
    # Shapes a person exploring the graph writes.
    "EXPLAIN MATCH (p:Plan) RETURN p",
    "CYPHER runtime=slotted MATCH (p:Plan) RETURN count(p) AS n",
    "CYPHER 5 MATCH (p:Plan) RETURN count(p) AS n",
    "USE neo4j MATCH (p:Plan) RETURN count(p) AS n",
    "MATCH (p:Plan) RETURN p.id AS id UNION MATCH (a:Agency) RETURN a.id AS id",
    "MATCH (a:Agency) RETURN a.id AS id, COUNT { (a)-->() } AS out, EXISTS { (a)-[:LEADS]->() } AS leads,"
    " [(a)-[:LEADS]->(t) | t.title][0..2] AS some",
    "MATCH p = shortestPath((a:Agency)-[*..6]-(b:Plan)) RETURN length(p) AS l LIMIT 1",
    "MATCH p = ANY SHORTEST (a:Agency)-[:SUCCEEDED_BY]-+(b:Agency) RETURN length(p) AS l LIMIT 3",
    "MATCH (a:Agency) OPTIONAL CALL (a) { MATCH (a)-[:LEADS]->(t:Task) RETURN count(t) AS n } RETURN a.id, n",
    "MATCH (p:Plan) WITH p ORDER BY p.id SKIP 1 LIMIT 2 RETURN DISTINCT p.id AS id",
    "UNWIND range(1, 3) AS x RETURN x, x * 2 AS y",
    "MATCH (n:Task {id: $id}) RETURN n",
    "MATCH (t:Task) WHERE elementId(t) = $e RETURN t",
    "CALL db.labels() YIELD label RETURN label ORDER BY label",
    "CALL db.relationshipTypes()",
    "CALL db.propertyKeys() YIELD propertyKey RETURN count(*) AS n",
    "CALL db.schema.visualization()",
    "CALL db.index.fulltext.queryNodes('task_fulltext', '软件') YIELD node, score RETURN node.title, score LIMIT 3",
    "MATCH (n) RETURN count(n) AS n",
    "MATCH ()-[r]->() RETURN count(r) AS n",
]

# Statements policykg itself sends that are plain reads: the allowlist must accept them.
FIXED_READS = {name: text for name, text in vars(cypher).items()
               if isinstance(text, str) and name.startswith(("VIEW_", "UNRESOLVED_AGENCIES", "AGENCIES_BY_ROLES",
                                                             "TASKS_OF_AGENCY_LINEAGE", "COUNT_"))}


class CountingHandler(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 - http.server's name
        CountingHandler.hits.append(self.path)
        body = b"a,b\n1,2\n"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # keep the test output quiet
        pass


@pytest.fixture(scope="module")
def http_server():
    """A tiny HTTP server on a free local port that records every request it gets."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), CountingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def admin_rows(driver, query, database="neo4j", **params):
    """The test's own admin session (a WRITE session, never the console)."""
    records, _, _ = driver.execute_query(query, params, database_=database)
    return [r.data() for r in records]


def snapshot(driver) -> dict:
    """What a refused query must leave as it was, seen through an admin session."""
    return {
        "nodes": admin_rows(driver, "MATCH (n) RETURN count(n) AS n")[0]["n"],
        "relationships": admin_rows(driver, "MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"],
        "labels": sorted(r["label"] for r in admin_rows(driver, "CALL db.labels()")),
        "types": sorted(r["relationshipType"] for r in admin_rows(driver, "CALL db.relationshipTypes()")),
        "property_keys": sorted(r["propertyKey"] for r in admin_rows(driver, "CALL db.propertyKeys()")),
        "indexes": sorted(r["name"] for r in admin_rows(driver, "SHOW INDEXES YIELD name")),
        "constraints": sorted(r["name"] for r in admin_rows(driver, "SHOW CONSTRAINTS YIELD name")),
        "databases": sorted(r["name"] for r in admin_rows(driver, "SHOW DATABASES YIELD name", "system")),
        "users": admin_rows(driver, "SHOW USERS YIELD user, roles, suspended, passwordChangeRequired "
                                    "RETURN user, roles, suspended, passwordChangeRequired ORDER BY user", "system"),
        "hacked_plans": admin_rows(driver, "MATCH (p:Plan) WHERE p.hacked IS NOT NULL RETURN count(p) AS n")[0]["n"],
    }


def clear_query_cache(driver) -> int:
    """Clear the server's query caches; how many plans were in them."""
    value = admin_rows(driver, "CALL db.clearQueryCaches()")[0]["value"]
    found = re.search(r"cleared of (\d+) quer", value)
    return int(found.group(1)) if found else 0


@pytest.fixture
def victim(graph_driver):
    """A transaction that stays open, as a running build would; TERMINATE must not reach it."""
    session = graph_driver.session(database="neo4j")
    tx = session.begin_transaction(metadata={"policykg_test": "victim"})
    tx.run("MATCH (p:Plan) RETURN count(p)").consume()
    rows = admin_rows(graph_driver, "SHOW TRANSACTIONS YIELD transactionId, metaData "
                                    "WHERE metaData.policykg_test = 'victim' RETURN transactionId")
    assert len(rows) == 1
    try:
        yield tx, rows[0]["transactionId"]
    finally:
        with contextlib.suppress(neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError):
            tx.rollback()
        session.close()


def test_corpus_is_large_enough():
    assert len(HOSTILE) >= 60
    assert len(set(HOSTILE)) == len(HOSTILE)


def test_every_hostile_query_is_refused_and_nothing_changes(graph_driver, http_server, victim):
    tx, victim_id = victim
    base = f"http://127.0.0.1:{http_server}"
    before = snapshot(graph_driver)
    assert before["nodes"] > 0 and before["hacked_plans"] == 0  # the corpus graph is there
    CountingHandler.hits.clear()
    failures = []
    for template in HOSTILE:
        query = template.replace("{http}", base).replace("{port}", str(http_server)).replace("{victim}", victim_id)
        clear_query_cache(graph_driver)
        admin_rows(graph_driver, "MATCH (p:Plan) RETURN count(p) AS cache_marker")  # now cached
        try:
            run_read_query(graph_driver, query, database="neo4j", timeout=10)
            failures.append(f"ran: {query!r}")
        except QueryRefused as exc:
            if not exc.sentence or "Neo." in exc.sentence:  # a sentence for people, not a status code
                failures.append(f"unreadable refusal of {query!r}: {exc.sentence!r}")
        except QueryFailed as exc:  # the server ran (or started) it: the check let it through
            failures.append(f"not refused before running: {query!r}: {exc.sentence}")
        # Whatever happened, check what an attack would have changed, query by query.
        if clear_query_cache(graph_driver) < 1:  # the marker's plan is gone: something cleared the cache
            failures.append(f"query cache was cleared by {query!r}")
        if CountingHandler.hits:
            failures.append(f"{query!r} reached the HTTP server: {CountingHandler.hits}")
            CountingHandler.hits.clear()
        try:  # the victim transaction still answers: TERMINATE did not kill it
            tx.run("RETURN 1 AS alive").consume()
        except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as exc:
            failures.append(f"{query!r} terminated another session's transaction ({type(exc).__name__})")
            break
    assert failures == []
    assert snapshot(graph_driver) == before
    graph_driver.verify_authentication()  # the password did not change either


@pytest.mark.parametrize("query", [
    "WITH 'a//' AS s LOAD CSV FROM '{http}/x' AS row RETURN row",
    "SHOW TRANSACTIONS",
    "TERMINATE TRANSACTIONS 'x'",
    "SHOW USERS",
    "CALL dbms .listConfig()",
    "CREATE (n:Intruder) RETURN n",
    "UNWIND [1] AS x CALL (x) { MATCH (n) RETURN n } IN TRANSACTIONS RETURN n",
    "USE system CALL dbms.components()",
])
def test_the_message_says_what_was_refused_and_why(graph_driver, query):
    with pytest.raises(QueryRefused) as refused:
        run_read_query(graph_driver, query.replace("{http}", "http://127.0.0.1:9"), database="neo4j")
    sentence = refused.value.sentence
    expected = {"LOAD CSV": "LOAD CSV", "SHOW TRANSACTIONS": "SHOW TRANSACTIONS",
                "TERMINATE": "TERMINATE TRANSACTIONS", "SHOW USERS": "administration", "listConfig": "dbms.listConfig",
                "CREATE": "CREATE writes", "IN TRANSACTIONS": "IN TRANSACTIONS", "USE system": "'system'"}
    word = next(v for k, v in expected.items() if k in query)
    assert sentence.startswith("Refused: ") and word in sentence and "read-only" in sentence, sentence
    assert "Neo.ClientError" not in sentence
    assert refused.value.details  # what the server planned, on demand


@pytest.mark.parametrize("query", SAFE_READS)
def test_plain_reads_are_accepted(graph_driver, query):
    res = run_read_query(graph_driver, query, {"id": "none", "e": "none"}, database="neo4j")
    assert isinstance(res.rows, list) and res.columns


@pytest.mark.parametrize("name", sorted(FIXED_READS))
def test_policykgs_own_read_statements_pass_the_check(graph_driver, name):
    with graph_driver.session(database="neo4j", default_access_mode=neo4j.READ_ACCESS) as session:
        plan = check_read_only(session, FIXED_READS[name], database="neo4j")
    assert plan.database == "neo4j" and plan.operators
    assert set(plan.procedures) <= READ_PROCEDURES


def test_policykgs_own_write_statements_are_refused(graph_driver):
    writes = [cypher.CONSTRAINTS[0], *(text for name, text in vars(cypher).items() if isinstance(text, str)
                                       and name.startswith(("CREATE_", "DELETE_", "LINK_", "MERGE_", "LOAD_")))]
    assert len(writes) >= 10
    for text in writes:
        with pytest.raises(QueryRefused):
            run_read_query(graph_driver, text, database="neo4j")


def test_readme_and_console_examples_pass_the_check(graph_driver):
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    examples = re.findall(r"```cypher\n(.*?)```", readme, re.S) + [q for q, _ in cypher.CONSOLE_EXAMPLES.values()]
    assert len(examples) >= 8
    with graph_driver.session(database="neo4j", default_access_mode=neo4j.READ_ACCESS) as session:
        for text in examples:
            check_read_only(session, text, database="neo4j")


def test_a_timeout_is_one_sentence_with_the_code_on_demand(graph_driver):
    slow = "UNWIND range(1, 400000000) AS x WITH x WHERE x % 7 = 12345678901 RETURN count(*) AS n"
    with pytest.raises(QueryFailed) as failed:
        run_read_query(graph_driver, slow, database="neo4j", timeout=1)
    assert "time limit of 1 s" in failed.value.sentence and "Neo." not in failed.value.sentence
    assert "TransactionTimedOut" in failed.value.code


def test_a_syntax_error_is_one_sentence_with_the_code_on_demand(graph_driver):
    with pytest.raises(QueryRefused) as refused:
        run_read_query(graph_driver, "MATCH (n RETURN n", database="neo4j")
    assert refused.value.sentence.startswith("The query is not valid Cypher: Invalid input 'RETURN'")
    assert "Neo." not in refused.value.sentence and "line 2" not in refused.value.sentence
    assert refused.value.code == "Neo.ClientError.Statement.SyntaxError"


def test_row_limit_still_applies(graph_driver):
    res = run_read_query(graph_driver, "UNWIND range(1, 100) AS x RETURN x", database="neo4j", row_limit=7)
    assert len(res.rows) == 7 and res.truncated


def test_cli_query_refuses_with_a_sentence_and_the_code_on_demand(corpus_graph):
    env = {"NEO4J_URI": corpus_graph.uri, "NEO4J_USER": corpus_graph.user,
           "NEO4J_PASSWORD": corpus_graph.password.get_secret_value(), "NEO4J_DATABASE": corpus_graph.database}
    runner = CliRunner()
    shown = runner.invoke(app, ["query", "SHOW TRANSACTIONS"], env=env)
    assert shown.exit_code == 1 and "SHOW TRANSACTIONS lists" in shown.output
    as_json = runner.invoke(app, ["query", "MATCH (n RETURN n", "--format", "json"], env=env)
    assert as_json.exit_code == 1
    body = json.loads(as_json.stdout)
    assert body["code"] == "Neo.ClientError.Statement.SyntaxError" and "not valid Cypher" in body["error"]
    plain = runner.invoke(app, ["query", "MATCH (n RETURN n"], env=env)
    verbose = runner.invoke(app, ["query", "MATCH (n RETURN n", "--verbose"], env=env)
    assert "Neo.ClientError" not in plain.output and "Neo.ClientError.Statement.SyntaxError" in verbose.output


# -- the server the project runs: defence in depth ---------------------------------------------

def test_generated_conf_carries_the_settings_with_reasons(neo4j_server_config):
    conf = neo4j_server.render_conf(neo4j_server_config)
    settings = dict(line.split("=", 1) for line in conf.splitlines() if line and not line.startswith("#"))
    assert settings["dbms.security.allow_csv_import_from_file_urls"] == "false"
    assert settings["internal.dbms.cypher_ip_blocklist"] == "0.0.0.0/0,::/0"
    allowed = set(settings["dbms.security.procedures.allowlist"].split(","))
    assert READ_PROCEDURES <= allowed and {"dbms.components", "db.awaitIndexes"} <= allowed
    assert not any("*" in p for p in allowed)
    # Every procedure policykg's own statements call is on the list.
    called = set(re.findall(r"CALL\s+([a-z][\w.]+)\s*\(", " ".join(v for v in vars(cypher).values() if isinstance(v, str))))
    assert called and called <= allowed
    lines = conf.splitlines()
    for name in ("dbms.security.allow_csv_import_from_file_urls", "internal.dbms.cypher_ip_blocklist",
                 "dbms.security.procedures.allowlist"):
        at = next(i for i, line in enumerate(lines) if line.startswith(name + "="))
        assert lines[at - 1].startswith("#"), f"{name} has no comment saying why"


def test_running_server_applies_the_settings(graph_driver):
    rows = admin_rows(graph_driver, "CALL dbms.listConfig() YIELD name, value WHERE name IN $names "
                                    "RETURN name, value", names=["dbms.security.allow_csv_import_from_file_urls",
                                                                 "dbms.security.procedures.allowlist"])
    values = {r["name"]: r["value"] for r in rows}
    assert values["dbms.security.allow_csv_import_from_file_urls"] == "false"
    assert "db.index.fulltext.queryNodes" in values["dbms.security.procedures.allowlist"]


@pytest.mark.parametrize("url", ["http://127.0.0.1:{port}/server-layer", "http://localhost:{port}/server-layer",
                                 "file:///etc/passwd"])
def test_server_refuses_load_csv_even_in_a_write_session(graph_driver, http_server, url):
    """Without the console's check at all: an admin WRITE session still cannot reach out."""
    CountingHandler.hits.clear()
    with pytest.raises(neo4j.exceptions.ClientError) as refused:
        admin_rows(graph_driver, f"LOAD CSV FROM '{url.format(port=http_server)}' AS row RETURN row")
    assert refused.value.code == "Neo.ClientError.Statement.ExternalResourceFailed"
    assert ("cypher_ip_blocklist" in refused.value.message) or ("allow_csv_import_from_file_urls" in refused.value.message)
    assert CountingHandler.hits == []


def test_the_http_server_counts_requests(http_server):
    """The zero-hits assertions above mean something only if a request would be counted."""
    import urllib.request

    CountingHandler.hits.clear()
    with urllib.request.urlopen(f"http://127.0.0.1:{http_server}/probe", timeout=5) as resp:
        assert resp.status == 200
    assert CountingHandler.hits == ["/probe"]
    CountingHandler.hits.clear()
