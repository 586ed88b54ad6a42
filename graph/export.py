"""Export the whole graph for Gephi or networkx: GraphML, or node-link JSON.

Nodes are keyed '<Label>:<id>' (stable across rebuilds, unlike Neo4j element ids); a node
without an id property falls back to its element id. Every node keeps its labels and
properties; every relationship its type and properties.

GraphML holds only scalars, and one type per attribute name: lists are joined with ' | ',
dates become ISO strings, and an attribute whose values mix types is written as strings.
The JSON keeps lists as lists (dates still ISO) and loads with
`networkx.node_link_graph(data, edges="edges")`.
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import neo4j

from policykg.graph import cypher
from policykg.graph.readonly import plain

LIST_SEPARATOR = " | "
# Properties that only mean something on the machine that built the graph: Plan.source_root is
# the absolute folder a build found the plan in (what the next build of that folder compares to
# prune plans whose files are gone). An export travels: it keeps Plan.path (relative to that
# folder) and never the machine's own path.
LOCAL_PROPERTIES = frozenset({"source_root"})
FORMATS = ("graphml", "json")


def node_key(labels: list[str], props: dict, element_id: str) -> str:
    label = sorted(labels)[0] if labels else "Node"
    return f"{label}:{props['id']}" if props.get("id") is not None else element_id


def display_label(props: dict, key: str) -> str:
    """What Gephi shows on a node: its name or title, else its key."""
    for k in ("short", "name", "title", "heading", "metric"):
        if props.get(k):
            return str(props[k])
    return key


def whole_graph(driver: neo4j.Driver, database: str | None = None) -> nx.MultiDiGraph:
    """The database as a MultiDiGraph with JSON-friendly attribute values."""
    g = nx.MultiDiGraph()
    keys: dict[str, str] = {}
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
        for rec in session.run(cypher.EXPORT_NODES):
            props = plain(dict(rec["props"]))
            key = node_key(rec["labels"], props, rec["element_id"])
            keys[rec["element_id"]] = key
            # `label` is the attribute Gephi displays; the Neo4j labels go to `labels`.
            attrs = {k: v for k, v in props.items() if k not in ("label", "labels") and k not in LOCAL_PROPERTIES}
            g.add_node(key, labels=":".join(sorted(rec["labels"])), label=display_label(props, key), **attrs)
        for rec in session.run(cypher.EXPORT_RELATIONSHIPS):
            props = plain(dict(rec["props"]))
            attrs = {k: v for k, v in props.items() if k not in ("type", "key")}
            g.add_edge(keys[rec["source"]], keys[rec["target"]], key=rec["element_id"], type=rec["type"], **attrs)
    return g


def graphml_safe(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes GraphML can hold: scalars, one type per attribute name."""
    out = nx.MultiDiGraph()

    def scalar(v):
        if isinstance(v, (list, tuple)):
            return LIST_SEPARATOR.join(str(x) for x in v)
        if isinstance(v, dict):
            return json.dumps(v, ensure_ascii=False, sort_keys=True)
        return v

    nodes = [(n, {k: scalar(v) for k, v in d.items() if v is not None}) for n, d in g.nodes(data=True)]
    edges = [(a, b, k, {kk: scalar(v) for kk, v in d.items() if v is not None}) for a, b, k, d in g.edges(keys=True, data=True)]
    for items in ([d for _, d in nodes], [d for *_, d in edges]):
        types: dict[str, set[type]] = {}
        for d in items:
            for k, v in d.items():
                types.setdefault(k, set()).add(bool if isinstance(v, bool) else type(v))
        mixed = {k for k, ts in types.items() if len(ts) > 1 and ts != {int, float}}
        floats = {k for k, ts in types.items() if ts == {int, float}}
        for d in items:
            for k in mixed & d.keys():
                d[k] = str(d[k])
            for k in floats & d.keys():
                d[k] = float(d[k])
    out.add_nodes_from(nodes)
    for a, b, k, d in edges:
        out.add_edge(a, b, key=k, **d)
    return out


def export_graph(driver: neo4j.Driver, path: str | Path, fmt: str, database: str | None = None) -> tuple[int, int]:
    """Write the whole graph to `path`; returns (nodes, relationships)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use graphml or json")
    g = whole_graph(driver, database)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "graphml":
        nx.write_graphml(graphml_safe(g), path, encoding="utf-8")
    else:
        data = nx.node_link_data(g, edges="edges")
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return g.number_of_nodes(), g.number_of_edges()
