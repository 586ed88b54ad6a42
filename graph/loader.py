"""Loading extractions into Neo4j: one transaction per document, batched UNWIND writes.

A document's load first deletes what that document created before, then writes it again, all
in one transaction: it lands whole or not at all, and building twice leaves every count as it
was.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import neo4j

from policykg.extract.facts.citations import title_key
from policykg.graph import cypher
from policykg.schema.models import Extraction

BATCH = 500


@dataclass
class LoadStats:
    documents: int = 0
    sections: int = 0
    tasks: int = 0
    edges: dict[str, int] = field(default_factory=lambda: {"lead": 0, "support": 0, "responsible": 0})


def ensure_schema(driver: neo4j.Driver, database: str | None = None) -> None:
    with driver.session(database=database) as session:
        for stmt in cypher.CONSTRAINTS:
            session.run(stmt).consume()


def _batches(rows: list[dict]):
    for i in range(0, len(rows), BATCH):
        yield rows[i : i + BATCH]


def plan_properties(x: Extraction) -> dict:
    m = x.meta
    props = {
        "id": m.doc_id, "title": m.title, "doc_number": m.doc_number, "issuer": m.issuer,
        "issued": m.issued, "published": m.published, "source_url": m.source_url,
        "index_number": m.index_number, "period_start": m.period_start, "period_end": m.period_end,
        "kind": m.kind.value if m.kind else None, "path": x.path, "sha256": x.sha256,
        "text": x.text, "loaded_at": None,
        "provenance": [f"{k}={v}" for k, v in sorted(m.provenance.items())],
        "title_key": title_key(m.title) if m.title else None,
    }
    return {k: v for k, v in props.items() if v is not None}


def _rows(x: Extraction) -> dict[str, list[dict]]:
    sections = [
        {k: v for k, v in {
            "id": s.id, "doc_id": s.doc_id, "level": s.level.value, "number": s.number, "marker": s.marker,
            "heading": s.heading, "heading_lost": s.heading_lost, "start": s.start, "end": s.end,
            "path": s.path,
        }.items() if v is not None}
        for s in x.sections
    ]
    tasks = [
        {"id": t.id, "doc_id": t.doc_id, "kind": t.kind.value, "title": t.title, "text": t.text,
         "ordinal": t.ordinal, "start": t.start, "end": t.end, "rule": t.rule,
         "top_level": t.parent_task_id is None}
        for t in x.tasks
    ]
    assignments: dict[str, list[dict]] = {"lead": [], "support": [], "responsible": []}
    for c in x.clauses:
        for a in c.assignments:
            e = a.evidence
            assignments[a.role.value].append({
                "agency": a.agency.agency_id, "task": a.task_id,
                "props": {"rank": a.rank, "doc_id": e.doc_id, "start": e.start, "end": e.end, "quote": e.quote,
                          "rule": e.rule, "surface": a.agency.surface, "mentioned_as": a.agency.name,
                          "mention_start": a.agency.start,
                          "mention_end": a.agency.end, "prefix_restored": a.agency.prefix_restored},
            })
    targets = [
        {"task": g.task_id, "props": {k: v for k, v in {
            "id": g.id, "doc_id": g.doc_id, "metric": g.metric, "value": g.value, "unit": g.unit, "year": g.year,
            "comparator": g.comparator, "start": g.evidence.start, "end": g.evidence.end,
            "quote": g.evidence.quote, "rule": g.evidence.rule}.items() if v is not None}}
        for g in x.targets
    ]
    citations = [
        {"id": c.id, "title": c.title, "title_key": title_key(c.title), "doc_number": c.doc_number,
         "props": {"doc_id": c.evidence.doc_id, "start": c.evidence.start, "end": c.evidence.end,
                   "quote": c.evidence.quote, "rule": c.evidence.rule}}
        for c in x.citations
    ]
    from policykg.extract.entities.gazetteer import default_gazetteer

    gaz = default_gazetteer()
    entities: dict[str, dict] = {}
    task_mentions, plan_mentions = [], []
    for m in x.mentions:
        entry = gaz.by_id(m.canonical_id) if m.in_gazetteer else None
        node = entities.setdefault(m.canonical_id, {
            "label": m.label.value, "id": m.canonical_id, "name": m.canonical_name, "category": m.category,
            "definition": entry.definition if entry else None, "in_gazetteer": m.in_gazetteer,
            "aliases": list(entry.surfaces) if entry else [m.canonical_name],
        })
        if m.surface not in node["aliases"]:
            node["aliases"].append(m.surface)
        row = {"entity": m.canonical_id, "task": m.task_id,
               "props": {"doc_id": m.doc_id, "start": m.start, "end": m.end, "surface": m.surface,
                         "quote": m.evidence.quote, "rule": m.evidence.rule, "nested_in": m.inside}}
        row["props"] = {k: v for k, v in row["props"].items() if v is not None}
        (task_mentions if m.task_id else plan_mentions).append(row)
    return {
        "entities": list(entities.values()),
        "task_mentions": task_mentions,
        "plan_mentions": plan_mentions,
        "targets": targets,
        "citations": citations,
        "sections": sections,
        "top_sections": [s.id for s in x.sections if s.parent_id is None],
        "child_sections": [{"parent": s.parent_id, "child": s.id} for s in x.sections if s.parent_id],
        "tasks": tasks,
        "section_tasks": [{"section": t.section_id, "task": t.id} for t in x.tasks if t.section_id],
        "subtasks": [{"parent": t.parent_task_id, "child": t.id} for t in x.tasks if t.parent_task_id],
        "agencies": [{"id": a.id, "name": a.name, "collective": a.collective, "mentions": a.mentions}
                     for a in x.agencies if not a.resolved],
        **{f"assign_{k}": v for k, v in assignments.items()},
    }


def _write_document(tx: neo4j.ManagedTransaction, x: Extraction, loaded_at: dt.datetime) -> None:
    doc_id = x.meta.doc_id
    rows = _rows(x)
    tx.run(cypher.DELETE_DOCUMENT_NODES, doc_id=doc_id).consume()
    tx.run(cypher.DELETE_PLAN, doc_id=doc_id).consume()
    plan = plan_properties(x)
    plan["loaded_at"] = loaded_at
    tx.run(cypher.CREATE_PLAN, plan=plan).consume()
    for batch in _batches(rows["sections"]):
        tx.run(cypher.CREATE_SECTIONS, rows=batch).consume()
    tx.run(cypher.LINK_TOP_SECTIONS, doc_id=doc_id, ids=rows["top_sections"]).consume()
    for batch in _batches(rows["child_sections"]):
        tx.run(cypher.LINK_CHILD_SECTIONS, rows=batch).consume()
    for batch in _batches(rows["tasks"]):
        tx.run(cypher.CREATE_TASKS, doc_id=doc_id, rows=batch).consume()
    for batch in _batches(rows["section_tasks"]):
        tx.run(cypher.LINK_SECTION_TASKS, rows=batch).consume()
    for batch in _batches(rows["subtasks"]):
        tx.run(cypher.LINK_SUBTASKS, rows=batch).consume()
    for batch in _batches(rows["agencies"]):
        tx.run(cypher.MERGE_AGENCIES, rows=batch).consume()
    for role, stmt in cypher.CREATE_ASSIGNMENTS.items():
        for batch in _batches(rows[f"assign_{role}"]):
            tx.run(stmt, rows=batch).consume()
    for label, stmt in cypher.MERGE_ENTITIES.items():
        for batch in _batches([e for e in rows["entities"] if e["label"] == label]):
            tx.run(stmt, rows=batch).consume()
    for batch in _batches(rows["task_mentions"]):
        tx.run(cypher.CREATE_TASK_MENTIONS, rows=batch).consume()
    for batch in _batches(rows["plan_mentions"]):
        tx.run(cypher.CREATE_PLAN_MENTIONS, doc_id=doc_id, rows=batch).consume()
    for batch in _batches(rows["targets"]):
        tx.run(cypher.CREATE_TARGETS, doc_id=doc_id, rows=batch).consume()
    for batch in _batches(rows["citations"]):
        tx.run(cypher.CREATE_CITATIONS, doc_id=doc_id, rows=batch).consume()


def load_document(driver: neo4j.Driver, x: Extraction, database: str | None = None,
                  loaded_at: dt.datetime | None = None) -> None:
    """Replace one document's facts in one transaction."""
    loaded_at = loaded_at or dt.datetime.now(dt.timezone.utc)
    with driver.session(database=database) as session:
        session.execute_write(_write_document, x, loaded_at)


def load_registry(driver: neo4j.Driver, registry=None, database: str | None = None) -> tuple[int, int]:
    """Write the curated registry (every agency, every SUCCEEDED_BY edge) in one transaction.
    Returns (agencies, successions)."""
    from policykg.extract.agencies.registry import default_registry
    from policykg.schema.registry_models import when_year

    registry = registry or default_registry()
    agencies = [
        {"id": a.id, "props": {k: v for k, v in {
            "name": a.name, "short": a.short, "aliases": list(a.aliases), "level": a.level.value,
            "valid_from": when_year(a.valid_from), "valid_to": when_year(a.valid_to), "source": a.source,
            "unverified": a.unverified, "collective": a.collective, "resolved": True,
        }.items() if v is not None}}
        for a in registry.agencies
    ]
    successions = [
        {"from": s.from_, "to": s.to, "props": {k: v for k, v in {
            "year": s.year, "kind": s.kind.value, "source": s.source, "unverified": s.unverified,
        }.items() if v is not None}}
        for s in registry.successions
    ]

    def write(tx: neo4j.ManagedTransaction) -> None:
        tx.run(cypher.LOAD_REGISTRY_AGENCIES, rows=agencies).consume()
        tx.run(cypher.DELETE_STALE_REGISTRY_AGENCIES, ids=[a["id"] for a in agencies]).consume()
        tx.run(cypher.DELETE_SUCCESSIONS).consume()
        tx.run(cypher.CREATE_SUCCESSIONS, rows=successions).consume()

    with driver.session(database=database) as session:
        session.execute_write(write)
    return len(agencies), len(successions)


def delete_orphans(driver: neo4j.Driver, database: str | None = None) -> None:
    """After a build: drop what no document refers to any more, and link cited documents to
    the corpus plans they are."""
    with driver.session(database=database) as session:
        session.run(cypher.DELETE_ORPHAN_AGENCIES).consume()
        session.run(cypher.DELETE_UNCITED_DOCUMENTS).consume()
        session.run(cypher.DELETE_UNMENTIONED_ENTITIES).consume()
        session.run(cypher.RELINK_CITED_PLANS).consume()


def counts(driver: neo4j.Driver, database: str | None = None) -> tuple[dict[str, int], dict[str, int]]:
    """(nodes by label, relationships by type)."""
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
        nodes = {r["label"]: r["n"] for r in session.run(cypher.COUNT_NODES)}
        rels = {r["type"]: r["n"] for r in session.run(cypher.COUNT_RELATIONSHIPS)}
    return nodes, rels


def stats_of(x: Extraction) -> LoadStats:
    s = LoadStats(documents=1, sections=len(x.sections), tasks=len(x.tasks))
    for c in x.clauses:
        for a in c.assignments:
            s.edges[a.role.value] += 1
    return s
