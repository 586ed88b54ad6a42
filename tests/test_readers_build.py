"""`policykg build` on a folder mixing the formats of one plan, into the real Neo4j server the
tests start: the same tasks and LEADS/SUPPORTS/RESPONSIBLE_FOR edges from each format, evidence
that says page/cell/element, a 分工表 whose deadlines reach the graph, the matrix and the
viewer's task page; a scan and a page without main text fail by name."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from typer.testing import CliRunner

from fixtures.make_fixtures import fixtures
from policykg.cli import app
from policykg.graph.loader import delete_orphans
from policykg.graph.matrix import responsibility_matrix

APP = str(Path(__file__).resolve().parent.parent / "viewer" / "app.py")
FORMATS = {"plan_txt": "text", "plan_html": "html", "plan_docx": "docx", "plan_pdf": "pdf"}
EDGES = """
MATCH (p:Plan)-[:HAS_TASK]->(t:Task)<-[r:LEADS|SUPPORTS|RESPONSIBLE_FOR]-(a:Agency)
WHERE p.id = $plan
RETURN substring(t.id, size(p.id) + 1) AS task, type(r) AS rel, r.rank AS rank, a.id AS agency,
       r.quote AS quote, substring(p.text, r.start, r.end - r.start) AS cut, r.source_format AS format,
       r.source_page AS page, r.source_paragraph AS paragraph, r.source_element AS element,
       r.source_table AS tbl, r.source_row AS row, r.source_col AS col
"""


def q(driver, cypher, **params):
    with driver.session() as s:
        return [r.data() for r in s.run(cypher, params)]


@pytest.fixture(scope="module")
def built(neo4j, tmp_path_factory):
    """The folder built once through the CLI; its plans removed afterwards."""
    from policykg.settings import get_driver

    folder = tmp_path_factory.mktemp("mixed")
    fx = fixtures()
    for key in [*FORMATS, "fengong_docx", "scanned_pdf", "empty_html"]:
        shutil.copy(fx[key], folder / fx[key].name)
    env = {"NEO4J_URI": neo4j.uri, "NEO4J_USER": neo4j.user, "NEO4J_PASSWORD": neo4j.password.get_secret_value()}
    result = CliRunner().invoke(app, ["build", str(folder)], env=env)
    with get_driver(neo4j) as driver:
        plans = {r["path"]: r["id"] for r in q(driver, "MATCH (p:Plan) RETURN p.id AS id, p.path AS path")
                 if r["path"] in {fx[k].name for k in fx}}
        yield result, driver, plans, neo4j
        ids = list(plans.values())
        q(driver, "MATCH (n) WHERE n.doc_id IN $ids DETACH DELETE n", ids=ids)
        q(driver, "MATCH (p:Plan) WHERE p.id IN $ids DETACH DELETE p", ids=ids)
        delete_orphans(driver)


def test_bad_files_fail_by_name_and_the_rest_loads(built):
    result, _, plans, _ = built
    out = " ".join(result.output.split())
    assert result.exit_code == 1
    assert "scanned.pdf" in out and "no text layer: OCR it first" in out
    assert "nav-only.html" in out and "no main text" in out
    assert "5 of 7 documents loaded" in out
    assert len(plans) == 5


def test_every_format_gives_the_same_tasks_and_edges(built):
    _, driver, plans, _ = built
    fx = fixtures()
    edge_sets, task_sets = {}, {}
    for key, fmt in FORMATS.items():
        plan = plans[fx[key].name]
        rows = q(driver, EDGES, plan=plan)
        edge_sets[fmt] = {(r["task"], r["rel"], r["rank"], r["agency"]) for r in rows}
        task_sets[fmt] = {r["t"] for r in q(driver, "MATCH (p:Plan {id: $plan})-[:HAS_TASK]->(t:Task) "
                                                    "RETURN substring(t.id, size(p.id) + 1) + ' ' + t.title AS t",
                                            plan=plan)}
        counts = {rel: sum(1 for e in edge_sets[fmt] if e[1] == rel) for rel in ("LEADS", "SUPPORTS")}
        assert counts == {"LEADS": 25, "SUPPORTS": 43}, fmt
        for r in rows:
            assert r["cut"] == r["quote"], (fmt, r)  # offsets cut the quote out of the stored text
    assert len(task_sets["text"]) == 69
    for fmt in ("html", "docx", "pdf"):
        assert edge_sets[fmt] == edge_sets["text"], fmt
        assert task_sets[fmt] == task_sets["text"], fmt


def test_evidence_says_page_cell_or_element(built):
    _, driver, plans, _ = built
    fx = fixtures()
    by_fmt = {fmt: q(driver, EDGES, plan=plans[fx[key].name]) for key, fmt in FORMATS.items()}
    assert all(r["format"] is None for r in by_fmt["text"])
    assert all(r["format"] == "html" and r["element"].startswith("td#UCAP-CONTENT > p[") for r in by_fmt["html"])
    assert all(r["format"] == "docx" and r["paragraph"] is not None for r in by_fmt["docx"])
    assert all(r["format"] == "pdf" and r["page"] >= 1 for r in by_fmt["pdf"])
    # The first clause (（一）互联网＋制造) is on page 2 of the print, in a paragraph of its own.
    first = min((r for r in by_fmt["pdf"] if r["task"] == "task:c2.s1"), key=lambda r: r["rank"])
    assert first["page"] == 2


def test_fengong_rows_load_as_tasks_with_owners_by_column_and_deadlines(built):
    _, driver, plans, _ = built
    plan = plans[fixtures()["fengong_docx"].name]
    tasks = q(driver, "MATCH (:Plan {id: $plan})-[:HAS_TASK]->(t:Task) RETURN t.id AS id, t.rule AS rule, "
                      "t.deadline AS deadline, t.deadline_kind AS kind, t.deadline_date AS date ORDER BY t.ordinal",
              plan=plan)
    assert len(tasks) == 36 and {t["rule"] for t in tasks} == {"task.table_row"}
    assert {(t["deadline"], t["kind"], t["date"].to_native()) for t in tasks} == {("到2020年", "date", dt.date(2020, 12, 31))}
    rows = q(driver, EDGES, plan=plan)
    row5 = sorted((r["rel"], r["rank"], r["agency"]) for r in rows if r["task"].endswith(".t1.5"))
    assert row5[0] == ("LEADS", 1, "sz-jrb") and [x[0] for x in row5[1:]] == ["SUPPORTS"] * (len(row5) - 1)
    assert all(r["format"] == "docx" and r["tbl"] == 0 and r["col"] in (2, 3) for r in rows)


def test_matrix_shows_the_deadline(built, tmp_path):
    _, driver, plans, _ = built
    plan = plans[fixtures()["fengong_docx"].name]
    m = responsibility_matrix(driver, plan=plan)
    assert len(m.tasks) == 36 and set(m.tasks["deadline"]) == {"到2020年"}
    rows = m.sheet_rows()
    assert rows[3][0] == "task" and all(cell.endswith("（完成时限：到2020年）") for cell in rows[3][2:])
    assert all(c.endswith("（完成时限：到2020年）") for c in m.to_frame().columns)
    csv = m.to_csv(tmp_path / "m.csv").read_text(encoding="utf-8-sig")
    assert "完成时限：到2020年" in csv


def test_viewer_task_and_matrix_pages_show_the_deadline(built, monkeypatch):
    _, driver, plans, settings = built
    plan = plans[fixtures()["fengong_docx"].name]
    for k, v in {"NEO4J_URI": settings.uri, "NEO4J_USER": settings.user,
                 "NEO4J_PASSWORD": settings.password.get_secret_value(), "NEO4J_DATABASE": settings.database}.items():
        monkeypatch.setenv(k, v)
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.switch_page("screens/task.py")
    at.run()
    at.selectbox(key="task_plan").set_value(plan).run()
    task = f"{plan}:task:a1.t1.7"
    at.selectbox(key="task_pick_plan").set_value(task).run()
    assert not at.exception, [e.value for e in at.exception]
    shown = "\n".join(str(e.value) for e in at.markdown)
    assert "完成时限 deadline:** 到2020年 (by 2020-12-31)" in shown
    at.switch_page("screens/matrix.py")
    at.run()
    at.selectbox(key="matrix_plan").set_value(plan).run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Deadlines (36)" in s.value for s in at.subheader)
    deadlines = next(d.value for d in at.dataframe if "deadline" in d.value.columns)
    assert set(deadlines["deadline"]) == {"到2020年"}
