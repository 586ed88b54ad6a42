"""Drawing graphs with neo4j-viz (Neo4j's own NVL renderer), shown in an iframe.

neo4j-viz renders a self-contained HTML page (pan, zoom, drag, search, layout switch, a side
panel with each element's properties); st.iframe shows it. Nodes are coloured by label,
relationships by role.
"""

from __future__ import annotations

import networkx as nx
import streamlit as st
from neo4j_viz import Node, Relationship, VisualizationGraph

from policykg.graph.subgraph import GraphData

LABEL_COLORS = {
    "Plan": "#6f42c1", "Section": "#adb5bd", "Task": "#fd7e14", "Agency": "#0d6efd",
    "Company": "#20c997", "Institution": "#198754", "Technology": "#d63384", "Target": "#ffc107",
    "PolicyDocument": "#6c757d",
}
REL_COLORS = {"LEADS": "#dc3545", "SUPPORTS": "#198754", "RESPONSIBLE_FOR": "#0d6efd"}
OTHER_COLOR = "#999999"
COMMUNITY_COLORS = ["#0d6efd", "#dc3545", "#198754", "#fd7e14", "#6f42c1", "#20c997", "#d63384",
                    "#ffc107", "#0dcaf0", "#6c757d"]
SIZES = {"Plan": 34, "Agency": 24, "Task": 18}


def _safe(props: dict) -> dict:
    """Properties for the side panel: long texts cut, values JSON-friendly."""
    out = {}
    for k, v in props.items():
        if isinstance(v, str) and len(v) > 300:
            v = v[:300] + "…"
        out[k] = v if isinstance(v, (str, int, float, bool, list)) or v is None else str(v)
    return out


def _rel_caption(r) -> str:
    if r.type == "RESPONSIBLE_FOR" and r.props.get("rank"):
        return f"R{r.props['rank']}"
    return {"LEADS": "L", "SUPPORTS": "S"}.get(r.type, r.type)


def render_graph(g: GraphData, height: int = 620) -> None:
    """Draw a GraphData; an empty one shows a note instead."""
    if not g.nodes:
        st.info("Nothing to draw for these filters.")
        return
    nodes = [Node(id=n.key, caption=n.caption, size=SIZES.get(n.label, 14),
                  color=LABEL_COLORS.get(n.label, OTHER_COLOR),
                  properties={"label": n.label, **_safe(n.props)}) for n in g.nodes.values()]
    rels = [Relationship(source=r.source, target=r.target, caption=_rel_caption(r),
                         color=REL_COLORS.get(r.type, OTHER_COLOR), properties={"type": r.type, **_safe(r.props)})
            for r in g.rels.values()]
    vg = VisualizationGraph(nodes=nodes, relationships=rels)
    labels = sorted({n.label for n in g.nodes.values()})
    types = sorted({r.type for r in g.rels.values()})
    vg.set_legend(nodes={lab: LABEL_COLORS.get(lab, OTHER_COLOR) for lab in labels},
                  relationships={t: REL_COLORS.get(t, OTHER_COLOR) for t in types})
    _show(vg, height)


def render_network(g: nx.Graph, community_of: dict[str, int], height: int = 620) -> None:
    """Draw the co-responsibility network: size by shared tasks, colour by community."""
    if g.number_of_nodes() == 0:
        st.info("No agencies share a task under these filters.")
        return
    strength = dict(g.degree(weight="weight"))
    top = max(strength.values()) or 1
    nodes = [Node(id=n, caption=d.get("name", n), size=8 + 24 * strength[n] / top,
                  color=COMMUNITY_COLORS[(community_of.get(n, 1) - 1) % len(COMMUNITY_COLORS)],
                  properties={"agency": d.get("name", n), "level": d.get("level"), "tasks": d.get("tasks"),
                              "shared_tasks": strength[n], "community": community_of.get(n)})
             for n, d in g.nodes(data=True)]
    rels = [Relationship(source=a, target=b, caption=str(d["weight"]), width=min(1 + d["weight"], 8),
                         color="#9aa5b1", properties={"shared_tasks": d["weight"]})
            for a, b, d in g.edges(data=True)]
    vg = VisualizationGraph(nodes=nodes, relationships=rels)
    _show(vg, height)


def _show(vg: VisualizationGraph, height: int) -> None:
    html = vg.render(height=f"{height}px", width="100%", theme="light", on_dangling="none")
    if hasattr(st, "iframe"):
        st.iframe(html.data, height=height + 20, alt="interactive graph (neo4j-viz)")
    else:  # Streamlit before st.iframe
        import streamlit.components.v1 as components

        components.html(html.data, height=height + 20)
