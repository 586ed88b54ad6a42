"""Small graphs for drawing: the role network of a filter, a node's neighbours, query results.

Nodes are keyed like the export ('<Label>:<id>'), so graphs from different queries merge: the
viewer adds a node's neighbours to what is already drawn.
"""

from __future__ import annotations

import neo4j
import pandas as pd
from neo4j.graph import Node, Path, Relationship
from pydantic import BaseModel, Field

from policykg.graph import cypher
from policykg.graph.export import LOCAL_PROPERTIES, display_label, node_key
from policykg.graph.readonly import plain

# Structure edges a neighbour expansion leaves out unless asked: a Plan has hundreds of them.
STRUCTURE = ["HAS_SECTION", "HAS_SUBTASK"]


class GNode(BaseModel):
    key: str
    label: str  # the node's (first) Neo4j label
    caption: str
    props: dict = Field(default_factory=dict)


class GRel(BaseModel):
    key: str
    source: str
    target: str
    type: str
    props: dict = Field(default_factory=dict)


class GraphData(BaseModel):
    nodes: dict[str, GNode] = Field(default_factory=dict)
    rels: dict[str, GRel] = Field(default_factory=dict)

    def add_node(self, node: GNode) -> None:
        self.nodes.setdefault(node.key, node)

    def add_rel(self, rel: GRel) -> None:
        self.rels.setdefault(rel.key, rel)

    def merge(self, other: GraphData) -> GraphData:
        out = self.model_copy(deep=True)
        for n in other.nodes.values():
            out.add_node(n)
        for r in other.rels.values():
            out.add_rel(r)
        return out


def _caption(props: dict, key: str, limit: int = 14) -> str:
    text = display_label(props, key)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _gnode(n: Node) -> GNode:
    props = {k: v for k, v in plain(dict(n.items())).items()
             if (k != "text" or "Plan" not in n.labels) and k not in LOCAL_PROPERTIES}
    key = node_key(list(n.labels), props, n.element_id)
    label = sorted(n.labels)[0] if n.labels else "Node"
    return GNode(key=key, label=label, caption=_caption(props, key), props=props)


def from_values(values) -> GraphData:
    """Collect nodes, relationships and paths from query result values (nested lists too)."""
    g = GraphData()
    keys: dict[str, str] = {}  # element id → node key

    def visit(v):
        if isinstance(v, Node):
            node = _gnode(v)
            keys[v.element_id] = node.key
            g.add_node(node)
        elif isinstance(v, Relationship):
            for end in (v.start_node, v.end_node):
                if end is not None and end.element_id not in keys:
                    if end.labels or len(end):
                        visit(end)
            rels.append(v)
        elif isinstance(v, Path):
            for n in v.nodes:
                visit(n)
            for r in v.relationships:
                visit(r)
        elif isinstance(v, (list, tuple)):
            for x in v:
                visit(x)
        elif isinstance(v, dict):
            for x in v.values():
                visit(x)

    rels: list[Relationship] = []
    for value in values:
        visit(value)
    for r in rels:
        a, b = r.start_node.element_id, r.end_node.element_id
        if a in keys and b in keys:  # a relationship whose end nodes were not returned is not drawn
            g.add_rel(GRel(key=r.element_id, source=keys[a], target=keys[b], type=r.type,
                           props=plain(dict(r.items()))))
    return g


def role_subgraph(edges: pd.DataFrame, with_plans: bool = True) -> GraphData:
    """Agencies, tasks (and their plans) from role-edge rows (network.role_edges)."""
    g = GraphData()
    for e in edges.to_dict("records"):
        a_key, t_key, p_key = f"Agency:{e['agency_id']}", f"Task:{e['task_id']}", f"Plan:{e['plan']}"
        g.add_node(GNode(key=a_key, label="Agency", caption=_caption({"name": e["agency"]}, a_key),
                         props={"id": e["agency_id"], "name": e["agency"], "level": e.get("level")}))
        g.add_node(GNode(key=t_key, label="Task", caption=_caption({"title": e["task"]}, t_key),
                         props={"id": e["task_id"], "title": e["task"], "plan": e["plan"]}))
        rank = e.get("rank")
        g.add_rel(GRel(key=f"{a_key}-{e['rel']}-{t_key}", source=a_key, target=t_key, type=e["rel"],
                       props={"rank": None if pd.isna(rank) else int(rank), "quote": e.get("quote")}))
        if with_plans:
            g.add_node(GNode(key=p_key, label="Plan", caption=str(e["year"]),
                             props={"id": e["plan"], "title": e["plan_title"], "year": e["year"]}))
            g.add_rel(GRel(key=f"{p_key}-HAS_TASK-{t_key}", source=p_key, target=t_key, type="HAS_TASK"))
    return g


def neighbours(driver: neo4j.Driver, key: str, include_structure: bool = False, limit: int = 150,
               database: str | None = None) -> GraphData:
    """The node keyed `key` ('<Label>:<id>') with its neighbours and the relationships to them."""
    label, _, node_id = key.partition(":")
    values = []
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS,
                        notifications_min_severity="OFF") as session:
        for rec in session.run(cypher.VIEW_NEIGHBOURS, id=node_id, label=label,
                               skip=[] if include_structure else STRUCTURE, limit=limit):
            values.extend(rec.values())
    return from_values(values)
