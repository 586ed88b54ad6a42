"""The responsibility matrix against the corpus graph, and its CSV / XLSX files read back.

The files are compared with an independent Cypher query of the role edges, not with the
matrix function's own output.
"""

from __future__ import annotations

import csv

import openpyxl
import pytest

from policykg.graph import matrix, views

pytest_plugins = ["conftest_graph"]

PLAN_2015 = "sz-internet-plus-2015"
PLAN_2021 = "sz-digital-economy-2021"

# Independent of graph/cypher.py on purpose: what the cells must say, edge by edge.
EDGES = """
MATCH (p:Plan {id: $plan})-[:HAS_TASK]->(t:Task)<-[r]-(a:Agency)
WHERE type(r) IN ['LEADS', 'SUPPORTS', 'RESPONSIBLE_FOR']
RETURN a.id AS agency, t.id AS task, type(r) AS type, r.rank AS rank, r.quote AS quote, r.surface AS surface
"""
CODE = {"LEADS": lambda rank: "L", "SUPPORTS": lambda rank: "S", "RESPONSIBLE_FOR": lambda rank: f"R{rank}"}


def expected_cells(driver, plan: str) -> dict[tuple[str, str], str]:
    records, _, _ = driver.execute_query(EDGES, plan=plan)
    cells: dict[tuple[str, str], str] = {}
    for r in records:
        key = (r["agency"], r["task"])
        assert key not in cells, f"two roles in one cell: {key}"
        cells[key] = CODE[r["type"]](r["rank"])
    return cells


def read_matrix_rows(rows: list[list]) -> dict[tuple[str, str], str]:
    """Cells of the sheet layout: row 1 holds task ids from column C, column A agency ids from row 7."""
    task_ids = rows[0][2:]
    assert rows[5][:2] == ["agency_id", "agency"]
    cells = {}
    for row in rows[6:]:
        for task_id, value in zip(task_ids, row[2:]):
            if value not in (None, ""):
                cells[(row[0], task_id)] = value
    return cells


def test_2015_plan_has_25_lead_and_43_support_cells(graph_driver):
    m = matrix.responsibility_matrix(graph_driver, plan=PLAN_2015)
    assert m.code_counts() == {"L": 25, "S": 43}
    jm = views.find_agency(graph_driver, "市经贸信息委")
    manufacturing = m.tasks.loc[m.tasks["task"] == "互联网＋制造", "task_id"].item()
    assert m.cells.at[jm, manufacturing] == "L"


def test_2021_plan_has_99_responsible_cells_in_listed_order(graph_driver):
    m = matrix.responsibility_matrix(graph_driver, plan=PLAN_2021)
    counts = m.code_counts()
    assert sum(counts.values()) == 99 and all(code.startswith("R") for code in counts)
    task = m.tasks.loc[m.tasks["task"] == "高端软件产业", "task_id"].item()
    column = {views.find_agency(graph_driver, name): code
              for name, code in [("市工业和信息化局", "R1"), ("市发展改革委", "R2"), ("市科技创新委", "R3")]}
    for agency_id, code in column.items():
        assert m.cells.at[agency_id, task] == code
    assert (m.cells[task] != "").sum() == 3
    assert set(m.tasks["flag"]) == {"no lead (responsible units only)"}


def test_flags_several_leads(graph_driver):
    m = matrix.responsibility_matrix(graph_driver, plan=PLAN_2015)
    flags = m.tasks.set_index("task")["flag"]
    assert flags["互联网＋公共安全"] == "several leads (7)"
    assert flags["互联网＋制造"] == ""


def test_section_filter(graph_driver):
    sections = matrix.plan_sections(graph_driver, PLAN_2015)
    one = sections[sections["section"].str.endswith("互联网＋制造")].iloc[0]["path"]
    m = matrix.responsibility_matrix(graph_driver, plan=PLAN_2015, section=one)
    assert m.tasks["task"].tolist() == ["互联网＋制造"]
    chapter = matrix.responsibility_matrix(graph_driver, plan=PLAN_2015, section=one[:1])
    assert len(chapter.tasks) == 12
    assert matrix.responsibility_matrix(graph_driver, plan=PLAN_2015, section=["no such chapter"]).empty


@pytest.mark.parametrize("plan", [PLAN_2015, PLAN_2021])
def test_xlsx_matches_the_graph_cell_for_cell(graph_driver, tmp_path, plan):
    path = matrix.responsibility_matrix(graph_driver, plan=plan).to_xlsx(tmp_path / "m.xlsx")
    wb = openpyxl.load_workbook(path, read_only=True)
    rows = [list(r) for r in wb["matrix"].iter_rows(values_only=True)]
    assert read_matrix_rows(rows) == expected_cells(graph_driver, plan)

    evidence = [list(r) for r in wb["evidence"].iter_rows(values_only=True)]
    header, body = evidence[0], evidence[1:]
    col = {name: header.index(name) for name in ("document", "section path", "quote", "surface form", "code", "task_id", "agency_id")}
    assert {(r[col["agency_id"]], r[col["task_id"]]) for r in body} == set(expected_cells(graph_driver, plan))
    for r in body:
        assert r[col["document"]] == plan
        assert r[col["section path"]]
        assert r[col["surface form"]] in r[col["quote"]]


def test_csv_matches_the_graph(graph_driver, tmp_path):
    path = matrix.responsibility_matrix(graph_driver, plan=PLAN_2015).to_csv(tmp_path / "m.csv")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert read_matrix_rows(rows) == expected_cells(graph_driver, PLAN_2015)


def test_merge_lineage_folds_renames_and_keeps_splits(graph_driver):
    setup = graph_driver.execute_query
    setup("MATCH (n) WHERE n.id STARTS WITH 'zz:' OR n.id STARTS WITH 'zz-merge' DETACH DELETE n")
    setup("""
    CREATE (p:Plan {id: 'zz-merge', title: 'merge test', issued: date('2030-01-01')})
    CREATE (t1:Task {id: 'zz-merge:t1', doc_id: 'zz-merge', title: 'T1', start: 0, end: 2, ordinal: 1})
    CREATE (t2:Task {id: 'zz-merge:t2', doc_id: 'zz-merge', title: 'T2', start: 3, end: 5, ordinal: 2})
    CREATE (p)-[:HAS_TASK]->(t1), (p)-[:HAS_TASK]->(t2)
    CREATE (a:Agency {id: 'zz:A', name: 'ZZ甲局'}), (a2:Agency {id: 'zz:A2', name: 'ZZ甲署', short: 'ZZ甲'}),
           (b:Agency {id: 'zz:B', name: 'ZZ乙局'}), (b1:Agency {id: 'zz:B1', name: 'ZZ乙一局'}),
           (b2:Agency {id: 'zz:B2', name: 'ZZ乙二局'})
    CREATE (a)-[:SUCCEEDED_BY {year: 2025, kind: 'rename'}]->(a2)
    CREATE (b)-[:SUCCEEDED_BY {year: 2026, kind: 'split'}]->(b1), (b)-[:SUCCEEDED_BY {year: 2026, kind: 'split'}]->(b2)
    CREATE (a)-[:LEADS {rank: 1, doc_id: 'zz-merge', quote: 'ZZ甲局', surface: 'ZZ甲局'}]->(t1)
    CREATE (a2)-[:SUPPORTS {rank: 1, doc_id: 'zz-merge', quote: 'ZZ甲署', surface: 'ZZ甲署'}]->(t1)
    CREATE (a2)-[:LEADS {rank: 1, doc_id: 'zz-merge', quote: 'ZZ甲署', surface: 'ZZ甲署'}]->(t2)
    CREATE (b)-[:SUPPORTS {rank: 1, doc_id: 'zz-merge', quote: 'ZZ乙局', surface: 'ZZ乙局'}]->(t2)
    """)
    try:
        plain = matrix.responsibility_matrix(graph_driver, plan="zz-merge")
        assert set(plain.cells.index) == {"zz:A", "zz:A2", "zz:B"}
        merged = matrix.responsibility_matrix(graph_driver, plan="zz-merge", merge_lineage=True)
        assert set(merged.cells.index) == {"zz:A2", "zz:B"}  # the split agency keeps its own row
        assert merged.cells.at["zz:A2", "zz-merge:t1"] == "L/S"
        assert merged.cells.at["zz:A2", "zz-merge:t2"] == "L"
        row = merged.agencies.set_index("agency_id").loc["zz:A2"]
        assert row["agency"] == "ZZ甲" and "ZZ甲局" in row["merged_from"]
        assert len(merged.evidence) == 4  # every original edge is still cited
        assert matrix.latest_successors(graph_driver).unmerged["zz:B"] == ["zz:B1", "zz:B2"]
    finally:
        setup("MATCH (n) WHERE n.id STARTS WITH 'zz:' OR n.id STARTS WITH 'zz-merge' DETACH DELETE n")


def test_cli_matrix_and_export(corpus_graph, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from policykg.cli import app

    monkeypatch.setenv("NEO4J_URI", corpus_graph.uri)
    monkeypatch.setenv("NEO4J_USER", corpus_graph.user)
    monkeypatch.setenv("NEO4J_PASSWORD", corpus_graph.password.get_secret_value())
    runner = CliRunner()
    out = tmp_path / "m.xlsx"
    result = runner.invoke(app, ["matrix", "--plan", PLAN_2015, "--format", "xlsx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "L 25" in result.output and "S 43" in result.output
    assert openpyxl.load_workbook(out).sheetnames == ["matrix", "evidence", "tasks"]
    result = runner.invoke(app, ["matrix", "--plan", "no-such-plan", "--format", "csv", "-o", str(tmp_path / "x.csv")])
    assert result.exit_code == 1
    result = runner.invoke(app, ["export", "--format", "graphml", "-o", str(tmp_path / "g.graphml")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "g.graphml").stat().st_size > 0
    assert corpus_graph.password.get_secret_value() not in result.output
    assert runner.invoke(app, ["export", "--format", "gexf", "-o", str(tmp_path / "g.gexf")]).exit_code == 2
