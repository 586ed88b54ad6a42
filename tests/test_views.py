"""Read functions of the viewer against the real corpus graph (graph/views.py, network.py, export.py)."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from policykg.graph import export, network, subgraph, views

pytest_plugins = ["conftest_graph"]

PLAN_2015 = "sz-internet-plus-2015"
PLAN_2021 = "sz-digital-economy-2021"


def test_plans_overview_lists_every_plan_with_counts(graph_driver):
    plans = views.plans_overview(graph_driver).set_index("plan")
    assert len(plans) == 5
    assert plans.loc[PLAN_2015, "year"] == 2015
    assert plans.loc[PLAN_2015, "doc_number"] == "深府〔2015〕69号"
    assert (plans.loc[PLAN_2015, "leads"], plans.loc[PLAN_2015, "supports"]) == (25, 43)
    assert plans.loc[PLAN_2021, "responsible"] == 99
    assert plans.loc[PLAN_2015, "agencies"] > 0 and plans.loc[PLAN_2015, "tasks"] > 0
    assert list(plans["year"]) == sorted(plans["year"])


def test_agency_found_by_name_or_alias_substring(graph_driver):
    agency_id = views.find_agency(graph_driver, "市经贸信息委")
    assert agency_id is not None  # 市经贸信息委 today, sz-jmxxw once the registry resolves names
    hits = views.search_agencies(graph_driver, "经贸信息")
    assert agency_id in hits["agency_id"].tolist()
    assert views.search_agencies(graph_driver, "no such agency 不存在").empty


def test_jmxxw_leads_internet_plus_manufacturing_in_2015(graph_driver):
    agency_id = views.find_agency(graph_driver, "市经贸信息委")
    tasks = views.agency_tasks(graph_driver, agency_id)
    leads = tasks[(tasks["plan"] == PLAN_2015) & (tasks["role"] == "lead")]
    assert "互联网＋制造" in leads["task"].tolist()
    assert set(tasks["code"]) <= {"L", "S"} | {f"R{i}" for i in range(1, 20)}
    assert list(tasks["year"]) == sorted(tasks["year"])


def test_top_lead_agencies_puts_jmxxw_first_in_2015(graph_driver):
    top = views.top_lead_agencies(graph_driver, plan=PLAN_2015, limit=5)
    assert top.iloc[0]["agency_id"] == views.find_agency(graph_driver, "市经贸信息委")
    assert top.iloc[0]["leads"] == 5
    assert top["leads"].is_monotonic_decreasing


def test_partners_counts_shared_tasks(graph_driver):
    agency_id = views.find_agency(graph_driver, "市经贸信息委")
    partners = views.partners(graph_driver, agency_id)
    assert not partners.empty and agency_id not in partners["agency_id"].tolist()
    assert partners["shared_tasks"].is_monotonic_decreasing
    fgw = views.find_agency(graph_driver, "市发展改革委")
    assert fgw in partners.head(3)["agency_id"].tolist()


@pytest.fixture
def synthetic_lineage(graph_driver):
    """A rename chain and a split among throwaway agencies, removed afterwards.

    A -> A2 -> A3 (renames), B -> B1 and B -> B2 (split); A and B each own one task in a
    throwaway plan, A3 and B1 one more each.
    """
    setup = """
    CREATE (p:Plan {id: 'zz-lineage-test', title: 'lineage test', issued: date('2030-01-01')})
    CREATE (t1:Task {id: 'zz-lineage-test:t1', doc_id: 'zz-lineage-test', title: 'T1', text: 'T1', start: 0, end: 2, ordinal: 1})
    CREATE (t2:Task {id: 'zz-lineage-test:t2', doc_id: 'zz-lineage-test', title: 'T2', text: 'T2', start: 3, end: 5, ordinal: 2})
    CREATE (p)-[:HAS_TASK]->(t1), (p)-[:HAS_TASK]->(t2)
    CREATE (a:Agency {id: 'zz:A', name: 'ZZ甲局'}), (a2:Agency {id: 'zz:A2', name: 'ZZ甲委'}),
           (a3:Agency {id: 'zz:A3', name: 'ZZ甲署'}), (b:Agency {id: 'zz:B', name: 'ZZ乙局'}),
           (b1:Agency {id: 'zz:B1', name: 'ZZ乙一局'}), (b2:Agency {id: 'zz:B2', name: 'ZZ乙二局'})
    CREATE (a)-[:SUCCEEDED_BY {year: 2025, kind: 'rename'}]->(a2)-[:SUCCEEDED_BY {year: 2028, kind: 'rename'}]->(a3)
    CREATE (b)-[:SUCCEEDED_BY {year: 2026, kind: 'split'}]->(b1), (b)-[:SUCCEEDED_BY {year: 2026, kind: 'split'}]->(b2)
    CREATE (a)-[:LEADS {rank: 1, doc_id: 'zz-lineage-test', quote: '牵头单位：ZZ甲局', surface: 'ZZ甲局', start: 0, end: 2}]->(t1)
    CREATE (a3)-[:LEADS {rank: 1, doc_id: 'zz-lineage-test', quote: '牵头单位：ZZ甲署', surface: 'ZZ甲署', start: 3, end: 5}]->(t2)
    CREATE (b)-[:SUPPORTS {rank: 1, doc_id: 'zz-lineage-test', quote: '配合单位：ZZ乙局', surface: 'ZZ乙局', start: 0, end: 2}]->(t1)
    CREATE (b1)-[:SUPPORTS {rank: 1, doc_id: 'zz-lineage-test', quote: '配合单位：ZZ乙一局', surface: 'ZZ乙一局', start: 3, end: 5}]->(t2)
    """
    teardown = """
    MATCH (n) WHERE n.id STARTS WITH 'zz:' OR n.id STARTS WITH 'zz-lineage-test' DETACH DELETE n
    """
    graph_driver.execute_query(teardown)
    graph_driver.execute_query(setup)
    try:
        yield
    finally:
        graph_driver.execute_query(teardown)


def test_lineage_is_transitive_both_ways(graph_driver, synthetic_lineage):
    lin = views.lineage(graph_driver, "zz:A2").set_index("agency_id")
    assert lin.loc["zz:A", "direction"] == "predecessor"
    assert lin.loc["zz:A3", "direction"] == "successor"
    assert views.lineage(graph_driver, "zz:A").set_index("agency_id").loc["zz:A3", "hops"] == 2
    tasks = views.agency_tasks(graph_driver, "zz:A", include_lineage=True)
    assert set(tasks["task_id"]) == {"zz-lineage-test:t1", "zz-lineage-test:t2"}
    assert set(views.agency_tasks(graph_driver, "zz:A")["task_id"]) == {"zz-lineage-test:t1"}


def test_lineage_absent_gives_empty_results(graph_driver):
    agency_id = views.find_agency(graph_driver, "市科技创新委")
    lin = views.lineage(graph_driver, agency_id)
    assert set(lin.columns) >= {"agency_id", "direction", "hops"}
    with_lineage = views.agency_tasks(graph_driver, agency_id, include_lineage=True)
    assert len(with_lineage) >= len(views.agency_tasks(graph_driver, agency_id))


def test_task_search_full_text_and_fallback(graph_driver):
    hits = views.search_tasks(graph_driver, "互联网＋制造")
    assert hits.iloc[0]["task"] == "互联网＋制造"
    # One character: the CJK bigram index cannot answer, substring search does.
    assert not views.search_tasks(graph_driver, "云").empty
    # Lucene syntax in user input is searched literally, not parsed.
    assert views.search_tasks(graph_driver, 'AND OR "( [').shape[1] == len(views.SEARCH_COLUMNS)
    assert views.search_tasks(graph_driver, "").empty


def test_task_detail_has_owners_in_rank_order_and_passage(graph_driver):
    hits = views.search_tasks(graph_driver, "高端软件产业")
    task_id = hits[hits["task"] == "高端软件产业"].iloc[0]["task_id"]
    d = views.task_detail(graph_driver, task_id)
    assert d.plan == PLAN_2021 and d.section_path[-1].endswith("高端软件产业")
    responsible = d.owners_by_role()["responsible"]
    names = ["市工业和信息化局", "市发展改革委", "市科技创新委"]
    assert [o.agency_id for o in responsible] == [views.find_agency(graph_driver, n) for n in names]
    assert [o.code for o in responsible] == ["R1", "R2", "R3"]
    assert d.title in d.passage
    clause = [h for h in d.highlights if h.kind == "clause"]
    assert len(clause) == 1
    assert d.passage[clause[0].start:clause[0].end] == responsible[0].quote
    agencies = [d.passage[h.start:h.end] for h in d.highlights if h.kind == "agency"]
    assert agencies == ["市工业和信息化局", "发展改革委", "科技创新委"]
    kinds = [k for _, k in d.passage_segments()]
    assert "agency" in kinds and "clause" in kinds
    assert "".join(t for t, _ in d.passage_segments()) == d.passage


def test_technologies_by_plan_statuses(graph_driver):
    tech = views.technologies_by_plan(graph_driver)
    assert list(tech.columns) == ["technology_id", "technology", "plan", "year", "mentions", "status"]
    assert set(tech["status"]) <= {"appears", "persists", "vanishes", "reappears"}
    for _, rows in tech.groupby("technology_id"):
        assert rows.iloc[0]["status"] == "appears"  # a technology is first seen before it persists or vanishes


def test_co_responsibility_network_and_centrality(graph_driver):
    edges = network.role_edges(graph_driver, plans=[PLAN_2015])
    g = network.co_responsibility_graph(edges)
    jm, fgw = views.find_agency(graph_driver, "市经贸信息委"), views.find_agency(graph_driver, "市发展改革委")
    # 市经贸信息委 and 市发展改革委 share every task where one leads or supports and the other supports.
    assert g[jm][fgw]["weight"] == len(set(edges[edges.agency_id == jm].task_id) & set(edges[edges.agency_id == fgw].task_id))
    table = network.centrality(g)
    assert set(table["agency_id"]) == set(g.nodes)
    assert table["community"].notna().all()
    assert table.iloc[0]["betweenness"] >= table.iloc[-1]["betweenness"]
    assert sum(network.community_table(g)["size"]) == g.number_of_nodes()


def test_subgraph_and_neighbours(graph_driver):
    edges = network.role_edges(graph_driver, plans=[PLAN_2015], rels=["LEADS"])
    g = subgraph.role_subgraph(edges)
    assert sum(r.type == "LEADS" for r in g.rels.values()) == 25
    jm = views.find_agency(graph_driver, "市经贸信息委")
    near = subgraph.neighbours(graph_driver, f"Agency:{jm}")
    assert f"Agency:{jm}" in near.nodes
    assert {r.type for r in near.rels.values()} <= {"LEADS", "SUPPORTS", "RESPONSIBLE_FOR", "SUCCEEDED_BY", "MENTIONS"}
    assert len(g.merge(near).nodes) >= len(g.nodes)


@pytest.mark.parametrize("fmt", ["graphml", "json"])
def test_export_whole_graph(graph_driver, tmp_path, fmt):
    path = tmp_path / f"graph.{fmt}"
    n_nodes, n_rels = export.export_graph(graph_driver, path, fmt)
    records, _, _ = graph_driver.execute_query("MATCH (n) WITH count(n) AS n MATCH ()-[r]->() RETURN n, count(r) AS r")
    assert (n_nodes, n_rels) == (records[0]["n"], records[0]["r"])
    if fmt == "graphml":
        g = nx.read_graphml(path)
        plan = g.nodes[f"Plan:{PLAN_2015}"]
        assert plan["labels"] == "Plan" and plan["issued"] == "2015-08-12"
        assert isinstance(plan["provenance"], str)  # lists joined
        section = next(d for n, d in g.nodes(data=True) if d["labels"] == "Section")
        assert isinstance(section["path"], str)
    else:
        g = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")
        assert isinstance(g.nodes[f"Plan:{PLAN_2015}"]["provenance"], list)
    types = {d["type"] for _, _, d in g.edges(data=True)}
    assert {"LEADS", "SUPPORTS", "RESPONSIBLE_FOR", "HAS_TASK"} <= types
    assert g.number_of_nodes() == n_nodes and g.number_of_edges() == n_rels
