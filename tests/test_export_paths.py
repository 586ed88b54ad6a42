"""Exports (GraphML, node-link JSON) travel to other machines: they keep each plan's path
relative to the folder built, never the absolute folder (Plan.source_root) the build recorded
for pruning, which stays in the graph.

The plan text is HAND-WRITTEN for this test (not a real document).
"""

from __future__ import annotations

import json

import networkx as nx
import pytest

from policykg.build import Limits, build_corpus, source_root
from policykg.graph.export import export_graph
from policykg.graph.loader import delete_document

PLAN = "测试规划\n\n三、重点任务\n（一）推进数据开放。建设平台。\n（牵头单位：市发展改革委）\n"


@pytest.fixture
def built(neo4j_driver, tmp_path):
    folder = tmp_path / "machine-local-folder"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "exportplan.txt").write_text(PLAN, encoding="utf-8")
    report = build_corpus([folder], neo4j_driver, limits=Limits(timeout_s=None))
    assert report.ok, [(d.path, d.status, d.reason) for d in report.documents]
    [doc_id] = [d.doc_id for d in report.documents]
    yield neo4j_driver, folder, doc_id
    delete_document(neo4j_driver, doc_id)


@pytest.mark.parametrize("fmt", ["graphml", "json"])
def test_export_holds_no_machine_path(built, tmp_path, fmt):
    driver, folder, doc_id = built
    with driver.session() as s:
        roots = [r["root"] for r in s.run("MATCH (p:Plan {id: $d}) RETURN p.source_root AS root", d=doc_id)]
    # The graph keeps what pruning needs: the folder this plan was built from.
    assert roots == [source_root(folder)]
    out = tmp_path / f"graph.{fmt}"
    export_graph(driver, out, fmt)
    text = out.read_text(encoding="utf-8")
    assert str(tmp_path) not in text and "machine-local-folder" not in text
    g = nx.read_graphml(out) if fmt == "graphml" else nx.node_link_graph(json.loads(text), edges="edges")
    plan = g.nodes[f"Plan:{doc_id}"]
    assert plan["path"] == "sub/exportplan.txt" and "source_root" not in plan
    # Nothing else of the plan went missing: its title and its task are exported.
    assert plan["title"] and any(d.get("doc_id") == doc_id for _, d in g.nodes(data=True) if d.get("labels") == "Task")
