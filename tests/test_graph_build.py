"""Building the corpus into the real Neo4j: the issue's must-show facts, idempotence,
one transaction per document, bad input, read-only queries."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from corpus_helpers import doc_path
from policykg.build import Limits, build_corpus
from policykg.cli import app
from policykg.extract.pipeline import extract_document
from policykg.graph.loader import counts, delete_orphans, graph_dump, load_document
from policykg.paths import corpus_dir

PLAN_2015 = "sz-internet-plus-2015"
PLAN_2021 = "sz-digital-economy-2021"
# Extract in the test process (no worker, no time budget): the NLP model then loads once per
# test session instead of once per command. tests/test_build_faults.py covers the worker.
IN_PROCESS = ["--timeout", "0"]
LOCAL = Limits(timeout_s=None)


def build(driver, **kw):
    report = build_corpus([corpus_dir()], driver, limits=LOCAL, **kw)
    assert report.ok, [(d.path, d.status, d.reason) for d in report.documents]
    return report


def q(driver, cypher, **params):
    with driver.session() as s:
        return [r.data() for r in s.run(cypher, params)]


@pytest.fixture
def env(neo4j):
    return {"NEO4J_URI": neo4j.uri, "NEO4J_USER": neo4j.user,
            "NEO4J_PASSWORD": neo4j.password.get_secret_value()}


@pytest.fixture
def built(neo4j_driver):
    build(neo4j_driver)
    return neo4j_driver


def test_2015_plan_leads_and_supports(built):
    rows = q(built, """
        MATCH (:Plan {id: $plan})-[:HAS_TASK]->(t:Task)<-[r]-(a:Agency)
        RETURN type(r) AS type, count(r) AS n, count(DISTINCT t) AS tasks""", plan=PLAN_2015)
    assert {r["type"]: (r["n"], r["tasks"]) for r in rows} == {"LEADS": (25, 12), "SUPPORTS": (43, 12)}
    leads = q(built, """
        MATCH (a:Agency)-[:LEADS]->(t:Task {title: '互联网＋制造'})<-[:HAS_TASK]-(:Plan {id: $plan})
        RETURN a.short AS name""", plan=PLAN_2015)
    assert leads == [{"name": "市经贸信息委"}]


def test_2021_plan_responsible_ranks(built):
    rows = q(built, """
        MATCH (:Plan {id: $plan})-[:HAS_TASK]->(t:Task)<-[r:RESPONSIBLE_FOR]-(a:Agency)
        RETURN count(r) AS n, count(DISTINCT t) AS tasks""", plan=PLAN_2021)
    assert rows == [{"n": 99, "tasks": 25}]
    ranked = q(built, """
        MATCH (a:Agency)-[r:RESPONSIBLE_FOR]->(t:Task {title: '高端软件产业'})
        RETURN r.rank AS rank, a.short AS name ORDER BY rank""")
    assert ranked == [{"rank": 1, "name": "市工业和信息化局"}, {"rank": 2, "name": "市发展改革委"},
                      {"rank": 3, "name": "市科技创新委"}]


def test_plans_with_dates_and_numbers(built):
    rows = q(built, "MATCH (p:Plan) RETURN p.id AS id, p.issued AS issued, p.doc_number AS number ORDER BY id")
    got = {r["id"]: (r["issued"].to_native(), r["number"]) for r in rows}
    assert got == {
        "sz-internet-2009": (dt.date(2009, 12, 28), "深府〔2009〕237号"),
        PLAN_2015: (dt.date(2015, 8, 12), "深府〔2015〕69号"),
        "sz-informatization-13th-2016": (dt.date(2016, 8, 30), "深府办〔2016〕25号"),
        "sz-informatization-12th-2011": (dt.date(2011, 12, 23), "深府办〔2011〕108号"),
        PLAN_2021: (dt.date(2021, 1, 4), None),
    }


def test_projects_and_numbered_tasks_are_task_nodes(built):
    rows = q(built, """
        MATCH (p:Plan)-[:HAS_TASK]->(t:Task {top_level: true})
        RETURN p.id AS plan, t.kind AS kind, count(*) AS n""")
    got = {(r["plan"], r["kind"]): r["n"] for r in rows}
    assert got[("sz-internet-2009", "project")] == 10
    assert got[("sz-informatization-12th-2011", "project")] == 10
    assert got[("sz-informatization-13th-2016", "task")] == 28


def test_edges_carry_evidence_that_quotes_the_plan(built):
    rows = q(built, """
        MATCH (p:Plan)-[:HAS_TASK]->(t:Task)<-[r:LEADS|SUPPORTS|RESPONSIBLE_FOR]-(a:Agency)
        RETURN p.text AS text, r.doc_id AS doc, p.id AS plan, r.start AS s, r.end AS e, r.quote AS quote,
               r.rule AS rule, r.surface AS surface""")
    assert len(rows) == 25 + 43 + 99
    for r in rows:
        assert r["doc"] == r["plan"] and r["text"][r["s"]:r["e"]] == r["quote"]
        assert r["surface"] in r["quote"] and r["rule"].startswith("clause.")


def test_building_twice_gives_identical_counts(built):
    before = counts(built)
    build(built)
    assert counts(built) == before
    nodes, rels = before
    assert nodes["Plan"] == 5 and rels["LEADS"] == 25 and rels["SUPPORTS"] == 43 and rels["RESPONSIBLE_FOR"] == 99


def test_unchanged_documents_are_skipped_and_force_rebuilds_them_to_the_same_graph(built):
    dump = graph_dump(built)
    again = build(built)
    assert {d.status for d in again.documents} == {"unchanged"}
    forced = build(built, force=True)
    assert [d.status for d in forced.documents] == ["loaded"] * 5
    assert graph_dump(built) == dump  # nothing in the graph depends on when or how often it was built


def test_graph_holds_no_clock_and_relative_paths(built):
    rows = q(built, "MATCH (p:Plan) RETURN p.path AS path, keys(p) AS keys ORDER BY path")
    assert [r["path"] for r in rows] == [f"documents/{n}" for n in sorted(
        ["000_418c68fe0948b7f8.txt", "001_1ca2595b8a15c99f.txt", "002_d022581d762f2972.txt",
         "003_9bc7e16013ab2127.txt", "004_98723150f4ac7054.txt"])]
    assert all("loaded_at" not in r["keys"] and "input_key" in r["keys"] for r in rows)


def test_a_changed_document_alone_is_reloaded_and_relinked(built, tmp_path):
    src = doc_path("2015").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(src, encoding="utf-8")
    citing = "后续方案\n\n为落实《深圳市“互联网＋”行动计划》（深府〔2015〕69号），制定本方案。\n一、重点任务\n（一）推进数据开放。建设平台。\n"
    (tmp_path / "later.txt").write_text(citing, encoding="utf-8")
    try:
        first = build_corpus([tmp_path], built, limits=LOCAL)
        assert [(d.path, d.status) for d in first.documents] == [("a.txt", "loaded"), ("later.txt", "loaded")]
        (tmp_path / "later.txt").write_text(citing.replace("建设平台", "建设开放平台"), encoding="utf-8")
        second = build_corpus([tmp_path], built, limits=LOCAL)
        assert [(d.path, d.status) for d in second.documents] == [("a.txt", "unchanged"), ("later.txt", "loaded")]
        # The reloaded document's citation links to the corpus plan it names, in its own transaction.
        rows = q(built, """MATCH (:Plan {id: 'later'})-[:CITES]->(:PolicyDocument)-[:SAME_AS]->(p:Plan)
                           RETURN p.id AS id ORDER BY id""")
        assert rows == [{"id": "a"}, {"id": PLAN_2015}]
    finally:
        for doc in ("a", "later"):
            q(built, "MATCH (n) WHERE n.doc_id = $d DETACH DELETE n", d=doc)
            q(built, "MATCH (p:Plan {id: $d}) DETACH DELETE p", d=doc)
        delete_orphans(built)


def test_uniqueness_constraints_exist(built):
    rows = q(built, "SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type RETURN labelsOrTypes, properties, type")
    unique = {(r["labelsOrTypes"][0], r["properties"][0]) for r in rows if r["type"] == "UNIQUENESS"}
    assert {("Plan", "id"), ("Section", "id"), ("Task", "id"), ("Agency", "id")} <= unique


def test_a_document_loads_whole_or_not_at_all(built):
    x = extract_document(doc_path("2021"))
    before = counts(built)
    # Two tasks with one id: the uniqueness constraint fails the write half-way through.
    broken = x.model_copy(update={"tasks": x.tasks + [x.tasks[0]]})
    with pytest.raises(Exception):
        load_document(built, broken)
    assert counts(built) == before  # the earlier version of the document is still there, whole


def test_build_reports_bad_input_and_loads_the_rest(built, env, tmp_path):
    (tmp_path / "good.txt").write_text(doc_path("2015").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"\xff\xfe\x00\x00garbage\x00\x01")
    (tmp_path / "latin1.txt").write_bytes("Plan d'action pour l'économie numérique".encode("latin-1"))
    try:
        result = CliRunner().invoke(app, ["build", str(tmp_path), *IN_PROCESS], env=env)
        assert result.exit_code == 1
        out = result.output
        assert "broken.txt" in out and "latin1.txt" in out and "decode" in out
        assert "1 of 3 documents loaded" in out
        rows = q(built, "MATCH (:Plan {id: 'good'})-[:HAS_TASK]->(t)<-[r:LEADS]-() RETURN count(r) AS n")
        assert rows == [{"n": 25}]
    finally:
        q(built, "MATCH (n) WHERE n.doc_id = 'good' DETACH DELETE n")
        q(built, "MATCH (p:Plan {id: 'good'}) DETACH DELETE p")
        delete_orphans(built)


def test_query_is_read_only_on_the_server(built, env):
    runner = CliRunner()
    ok = runner.invoke(app, ["query", "MATCH (a:Agency)-[:LEADS]->(t:Task {title: $t}) RETURN a.short AS name",
                             "--param", "t=互联网＋制造", "--format", "json"], env=env)
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.stdout) == [{"name": "市经贸信息委"}]
    refused = runner.invoke(app, ["query", "CREATE (n:Intruder) RETURN n"], env=env)
    assert refused.exit_code == 1
    assert "read" in refused.output.lower()
    assert q(built, "MATCH (n:Intruder) RETURN count(n) AS n") == [{"n": 0}]
    csv_out = runner.invoke(app, ["query", "MATCH (p:Plan) RETURN p.id AS id ORDER BY id", "--format", "csv"], env=env)
    assert csv_out.stdout.splitlines()[0] == "id" and len(csv_out.stdout.splitlines()) == 6


def test_query_refuses_load_csv_before_sending(built, env):
    res = CliRunner().invoke(app, ["query", "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l"], env=env)
    assert res.exit_code == 1 and "LOAD CSV" in res.output


def test_extract_json_without_neo4j(tmp_path):
    res = CliRunner().invoke(app, ["extract", str(doc_path("2021")), "--format", "json"])
    assert res.exit_code == 0
    data = json.loads(res.stdout)
    assert data[0]["meta"]["doc_id"] == PLAN_2021
    assert sum(len(c["assignments"]) for c in data[0]["clauses"]) == 99
    assert "text" not in data[0]


def test_lineage_query_tasks_of_todays_bureau_and_predecessors(built):
    from policykg.graph import cypher

    rows = q(built, cypher.TASKS_OF_AGENCY_LINEAGE, agency_id="sz-gxj")
    by_year = {}
    for r in rows:
        by_year.setdefault(r["year"], set()).add(r["as_agency"])
    # 2015: as 市经贸信息委 (predecessor, before the 2019 reform); 2021: as itself.
    assert by_year == {2015: {"市经贸信息委"}, 2021: {"市工业和信息化局"}}
    assert {"year": 2015, "plan": "深圳市“互联网＋”行动计划", "as_agency": "市经贸信息委", "role": "LEADS",
            "rank": 1, "task": "互联网＋制造"} in rows
    assert sum(1 for r in rows if r["year"] == 2021) == 22  # counted by hand in 004's 责任单位 lines


def test_registry_lineage_in_the_graph(built):
    rows = q(built, """MATCH (a:Agency {id: 'sz-kgmxw'})-[s:SUCCEEDED_BY]->(b:Agency)
                       RETURN b.short AS to, s.kind AS kind ORDER BY to""")
    assert {(r["to"], r["kind"]) for r in rows} == {("市经贸信息委", "split"), ("市科技创新委", "split")}


def test_unresolved_agency_is_kept_and_listed(built, env, tmp_path):
    (tmp_path / "plan.txt").write_text(
        "测试规划\n\n三、重点任务\n（一）推进数据开放。建设平台。\n（牵头单位：市未知管理局，配合单位：市发展改革委）\n",
        encoding="utf-8")
    try:
        assert CliRunner().invoke(app, ["build", str(tmp_path / "plan.txt"), *IN_PROCESS], env=env).exit_code == 0
        rows = q(built, "MATCH (a:Agency)-[:LEADS]->(t:Task {doc_id: 'plan'}) RETURN a.id AS id, a.resolved AS r")
        assert rows == [{"id": "unresolved:市未知管理局", "r": False}]
        sup = q(built, "MATCH (a:Agency)-[:SUPPORTS]->(t:Task {doc_id: 'plan'}) RETURN a.id AS id")
        assert sup == [{"id": "sz-fgw"}]
        listed = CliRunner().invoke(app, ["agencies", "--unresolved", "--format", "json"], env=env)
        data = json.loads(listed.stdout)
        assert [d["name"] for d in data] == ["市未知管理局"]
        assert data[0]["mentions"][0]["doc"] == "plan" and data[0]["mentions"][0]["task"] == "推进数据开放"
    finally:
        q(built, "MATCH (n) WHERE n.doc_id = 'plan' DETACH DELETE n")
        q(built, "MATCH (p:Plan {id: 'plan'}) DETACH DELETE p")
        delete_orphans(built)


def test_targets_and_citations_in_the_graph(built):
    rows = q(built, """MATCH (:Plan {id: $plan})-[:HAS_TARGET]->(g:Target {value: 1900.0})
                       RETURN g.unit AS unit, g.year AS year, g.comparator AS comp""", plan=PLAN_2021)
    assert rows == [{"unit": "亿元", "year": 2023, "comp": ">"}]
    rows = q(built, """MATCH (:Plan {id: $plan})-[c:CITES]->(d:PolicyDocument)
                       RETURN d.doc_number AS number, c.quote AS quote""", plan=PLAN_2015)
    assert rows == [{"number": "国发〔2015〕40号",
                     "quote": "《国务院关于积极推进“互联网＋”行动的指导意见》（国发〔2015〕40号）"}]


def test_cited_corpus_document_links_to_its_plan(built, env, tmp_path):
    (tmp_path / "later.txt").write_text(
        "后续方案\n\n为落实《深圳市“互联网＋”行动计划》（深府〔2015〕69号），制定本方案。\n"
        "一、重点任务\n（一）推进数据开放。建设平台。\n", encoding="utf-8")
    try:
        assert CliRunner().invoke(app, ["build", str(tmp_path), *IN_PROCESS], env=env).exit_code == 0
        rows = q(built, """MATCH (:Plan {id: 'later'})-[:CITES]->(:PolicyDocument)-[:SAME_AS]->(p:Plan)
                           RETURN p.id AS id""")
        assert rows == [{"id": PLAN_2015}]
    finally:
        q(built, "MATCH (n) WHERE n.doc_id = 'later' DETACH DELETE n")
        q(built, "MATCH (p:Plan {id: 'later'}) DETACH DELETE p")
        delete_orphans(built)


def test_entities_and_mentions_in_the_graph(built):
    rows = q(built, """MATCH (t:Task)-[m:MENTIONS]->(c:Company {name: '中兴通讯'})
                       RETURN DISTINCT m.surface AS surface""")
    assert {r["surface"] for r in rows} >= {"中兴"}  # the alias merged into one Company
    rows = q(built, """MATCH (p:Plan)-[:HAS_TASK]->(:Task)-[:MENTIONS]->(t:Technology {name: '光纤到户'})
                       RETURN DISTINCT p.id AS plan, t.aliases AS aliases, t.definition AS d""")
    assert any(r["plan"] == "sz-informatization-12th-2011" for r in rows)
    assert all("FTTH" in r["aliases"] and r["d"] for r in rows)  # from 003's 名词解释
    rows = q(built, """MATCH (n) WHERE n:Company OR n:Institution OR n:Technology
                       RETURN labels(n)[0] AS label, count(*) AS n""")
    assert {r["label"] for r in rows} == {"Company", "Institution", "Technology"}
    for r in q(built, "MATCH (p:Plan)-[:HAS_TASK]->(t:Task)-[m:MENTIONS]->(e) RETURN p.text AS text, m.start AS s, m.end AS e, m.surface AS surface LIMIT 300"):
        assert r["text"][r["s"]:r["e"]] == r["surface"]


def test_a_document_over_the_transaction_budget_is_staged_and_lands_whole(built, monkeypatch):
    from policykg.graph import loader
    from policykg.graph.rows import document_rows

    rows = document_rows(extract_document(doc_path("2021")), "k")
    assert rows.size_bytes() > 40 * 1024
    load_document(built, extract_document(doc_path("2021")), input_key="k")
    whole = graph_dump(built)
    calls = []
    real = loader._execute
    monkeypatch.setattr(loader, "_execute", lambda session, ops: (calls.append(len(ops)), real(session, ops))[1])
    loader.load_rows(built, rows, max_tx_bytes=40 * 1024)
    assert len(calls) > 3  # several bounded transactions …
    assert graph_dump(built) == whole  # … and the same graph as one transaction gives

    # The build dies half-way through the staging: readers still see the old version, whole.
    def dies(session, ops):
        if len(calls) >= 2:
            raise RuntimeError("killed")
        calls.append(len(ops))
        real(session, ops)

    calls.clear()
    monkeypatch.setattr(loader, "_execute", dies)
    with pytest.raises(RuntimeError):
        loader.load_rows(built, rows, max_tx_bytes=40 * 1024)
    visible = [line for line in graph_dump(built) if "Staged" not in line]
    assert visible == whole
    assert q(built, "MATCH (:Plan {id: $p})-[:HAS_TASK]->(t)<-[r:RESPONSIBLE_FOR]-() RETURN count(r) AS n",
             p=PLAN_2021) == [{"n": 99}]
    # The next load clears the left-over staging.
    monkeypatch.setattr(loader, "_execute", real)
    loader.load_rows(built, rows, max_tx_bytes=40 * 1024)
    assert graph_dump(built) == whole


def test_a_single_node_over_the_budget_is_refused_by_name(built):
    from policykg.graph import loader
    from policykg.graph.rows import document_rows

    x = extract_document(doc_path("2015"))
    before = counts(built)
    with pytest.raises(loader.DocumentTooLarge, match="nodes or edges holds"):
        loader.load_rows(built, document_rows(x), max_tx_bytes=16 * 1024)  # the plan's text alone is larger
    assert counts(built) == before
