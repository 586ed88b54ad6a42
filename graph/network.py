"""The agency co-responsibility network (networkx): who shares tasks with whom.

Two agencies are linked when they hold any role on the same task; the weight is the number of
tasks they share. Centrality answers "who coordinates most": weighted degree (how many
task-partnerships an agency carries) and betweenness (how often it sits between others; edge
distance = 1 / weight, so frequent partners count as close).
"""

from __future__ import annotations

from itertools import combinations

import networkx as nx
import neo4j
import pandas as pd

from policykg.graph import cypher
from policykg.graph.views import ROLE_OF_REL, read

ALL_RELS = list(ROLE_OF_REL)


def role_edges(driver: neo4j.Driver, plans: list[str] | None = None, rels: list[str] | None = None,
               levels: list[str] | None = None, database: str | None = None) -> pd.DataFrame:
    """Agency → task role edges, filtered by plan, relationship type and agency level."""
    return read(driver, cypher.VIEW_ROLE_EDGES, database, plans=plans or None, rels=rels or ALL_RELS,
                levels=levels or None, section=None)


def co_responsibility_graph(edges: pd.DataFrame) -> nx.Graph:
    """Agencies as nodes (name, level, tasks), shared tasks as weighted edges."""
    g = nx.Graph()
    for row in edges.drop_duplicates("agency_id").itertuples():
        g.add_node(row.agency_id, name=row.agency, level=row.level or "unknown")
    tasks_of = edges.groupby("agency_id")["task_id"].nunique()
    nx.set_node_attributes(g, tasks_of.to_dict(), "tasks")
    for task_id, group in edges.groupby("task_id"):
        for a, b in combinations(sorted(set(group["agency_id"])), 2):
            if g.has_edge(a, b):
                g[a][b]["weight"] += 1
                g[a][b]["tasks"].append(task_id)
            else:
                g.add_edge(a, b, weight=1, tasks=[task_id])
    for _, _, data in g.edges(data=True):
        data["distance"] = 1.0 / data["weight"]
    return g


def communities(g: nx.Graph, seed: int = 7) -> list[set[str]]:
    """Louvain communities on shared-task weights (seeded: the same graph gives the same split)."""
    if g.number_of_edges() == 0:
        return [{n} for n in g.nodes]
    found = nx.community.louvain_communities(g, weight="weight", seed=seed)
    return sorted(found, key=lambda c: (-len(c), sorted(c)))


def centrality(g: nx.Graph) -> pd.DataFrame:
    """One row per agency: partners, weighted degree, betweenness, community; most central first."""
    columns = ["agency_id", "agency", "level", "tasks", "partners", "shared_tasks", "degree_centrality",
               "betweenness", "community"]
    if g.number_of_nodes() == 0:
        return pd.DataFrame(columns=columns)
    degree_c = nx.degree_centrality(g)
    between = nx.betweenness_centrality(g, weight="distance", normalized=True)
    community_of = {n: i + 1 for i, c in enumerate(communities(g)) for n in c}
    rows = [[n, d.get("name", n), d.get("level"), d.get("tasks", 0), g.degree(n), g.degree(n, weight="weight"),
             round(degree_c[n], 4), round(between[n], 4), community_of.get(n)]
            for n, d in g.nodes(data=True)]
    df = pd.DataFrame(rows, columns=columns)
    return df.sort_values(["betweenness", "shared_tasks", "agency"], ascending=[False, False, True]).reset_index(drop=True)


def community_table(g: nx.Graph) -> pd.DataFrame:
    """Each community with its members (agency names), largest first."""
    rows = [[i + 1, len(c), " · ".join(sorted(g.nodes[n].get("name", n) for n in c))]
            for i, c in enumerate(communities(g))]
    return pd.DataFrame(rows, columns=["community", "size", "members"])
