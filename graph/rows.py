"""Extraction -> rows: the one place graph/ reads the extraction contract.

A pure mapping (no driver, no I/O, no extraction code): `document_rows` turns one `Extraction`
into the parameter rows the load statements of graph/cypher.py UNWIND, and `registry_rows`
does the same for the curated agency registry. Everything a node or edge stores comes from
the schema objects handed in (entity definitions and aliases, title keys, conventions), so
graph/ never imports extract/.

Properties that are None are left out: Neo4j does not store nulls, and leaving them out keeps
a rebuilt node equal to the first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from policykg.schema.models import Extraction, Role
from policykg.schema.registry_models import Registry, when_year

ROLES = tuple(r.value for r in Role)


def _clean(props: dict) -> dict:
    return {k: v for k, v in props.items() if v is not None}


def _rows():
    """An empty list of rows, fresh for each DocumentRows (a dataclass default must not be shared)."""
    return field(default_factory=list)


@dataclass
class DocumentRows:
    """Everything one document writes, as UNWIND rows per statement."""

    doc_id: str
    plan: dict
    sections: list[dict] = _rows()
    top_sections: list[str] = _rows()
    child_sections: list[dict] = _rows()
    tasks: list[dict] = _rows()
    section_tasks: list[dict] = _rows()
    subtasks: list[dict] = _rows()
    agencies: list[dict] = _rows()  # unresolved names only: the registry writes the rest
    assignments: dict[str, list[dict]] = field(default_factory=lambda: {r: [] for r in ROLES})
    entities: dict[str, list[dict]] = field(default_factory=dict)  # by node label
    task_mentions: list[dict] = _rows()
    plan_mentions: list[dict] = _rows()
    targets: list[dict] = _rows()
    citations: list[dict] = _rows()

    def size_bytes(self) -> int:
        """A close upper estimate of what the rows weigh as UTF-8: what a transaction that
        writes them must hold (Neo4j keeps strings in memory until commit)."""
        return weight_of(self.__dict__)


def weight_of(v) -> int:
    """UTF-8 bytes of the strings in v (8 for any other scalar): what a transaction holding v weighs."""
    if isinstance(v, str):
        return len(v.encode("utf-8"))
    if isinstance(v, dict):
        return sum(len(k) + weight_of(x) for k, x in v.items())
    if isinstance(v, (list, tuple)):
        return sum(weight_of(x) for x in v) + 8
    return 8


def plan_properties(x: Extraction, input_key: str | None = None) -> dict:
    """The Plan node. No wall-clock value here: build times go to the build's run record, so
    two builds of the same input give equal graphs. `path` is relative to the corpus root."""
    m = x.meta
    return _clean({
        "id": m.doc_id, "title": m.title, "doc_number": m.doc_number, "issuer": m.issuer,
        "issued": m.issued, "published": m.published, "source_url": m.source_url,
        "index_number": m.index_number, "period_start": m.period_start, "period_end": m.period_end,
        "kind": m.kind.value if m.kind else None, "path": x.path, "sha256": x.sha256,
        "text": x.text, "provenance": [f"{k}={v}" for k, v in sorted(m.provenance.items())],
        "title_key": x.title_key,
        # What the document was built from (content, extractor, manifest entry): a build skips
        # a document whose key is unchanged.
        "input_key": input_key,
    })


def _deadline(t) -> dict:
    d = t.deadline
    if d is None:
        return {}
    return {"deadline": d.text, "deadline_kind": d.kind, "deadline_date": d.date,
            "deadline_year_start": d.year_start, "deadline_year_end": d.year_end,
            "deadline_start": d.evidence.start, "deadline_end": d.evidence.end}


def _source(e) -> dict:
    """Where in the original file the evidence stands (HTML element, DOCX paragraph or cell,
    PDF page), for documents read from those formats (extract/readers)."""
    src = e.source
    if src is None:
        return {}
    return {"source_format": src.format, "source_page": src.page, "source_paragraph": src.paragraph,
            "source_table": src.table, "source_row": src.row, "source_col": src.col,
            "source_element": src.element, "source_original": src.original}


def document_rows(x: Extraction, input_key: str | None = None) -> DocumentRows:
    doc_id = x.meta.doc_id
    out = DocumentRows(doc_id=doc_id, plan=plan_properties(x, input_key))
    out.sections = [_clean({
        "id": s.id, "doc_id": s.doc_id, "level": s.level.value, "number": s.number, "marker": s.marker,
        "heading": s.heading, "heading_lost": s.heading_lost, "start": s.start, "end": s.end, "path": s.path,
    }) for s in x.sections]
    out.top_sections = [s.id for s in x.sections if s.parent_id is None]
    out.child_sections = [{"parent": s.parent_id, "child": s.id} for s in x.sections if s.parent_id]
    out.tasks = [_clean({
        "id": t.id, "doc_id": t.doc_id, "kind": t.kind.value, "title": t.title, "text": t.text,
        "ordinal": t.ordinal, "start": t.start, "end": t.end, "rule": t.rule,
        "top_level": t.parent_task_id is None, **_deadline(t),
    }) for t in x.tasks]
    out.section_tasks = [{"section": t.section_id, "task": t.id} for t in x.tasks if t.section_id]
    out.subtasks = [{"parent": t.parent_task_id, "child": t.id} for t in x.tasks if t.parent_task_id]
    # Unresolved names keep where they belong and what they are (省发展改革委 in a 广东省 document:
    # 广东省, provincial_department), so `policykg agencies --unresolved` can say it.
    out.agencies = [{"id": a.id, "name": a.name, "collective": a.collective, "mentions": sorted(a.mentions),
                     "level": a.level, "jurisdiction": a.jurisdiction}
                    for a in x.agencies if not a.resolved]
    for c in x.clauses:
        for a in c.assignments:
            e, conv = a.evidence, a.convention
            out.assignments[a.role.value].append({
                "agency": a.agency.agency_id, "task": a.task_id,
                "props": _clean({
                    "rank": a.rank, "doc_id": e.doc_id, "start": e.start, "end": e.end, "quote": e.quote,
                    "rule": e.rule, "surface": a.agency.surface, "mentioned_as": a.agency.name,
                    "mention_start": a.agency.start, "mention_end": a.agency.end,
                    "prefix_restored": a.agency.prefix_restored,
                    **_source(e),
                    # The document-level convention that decided the role (列第一位者为牵头单位).
                    "convention_quote": conv.quote if conv else None,
                    "convention_rule": conv.rule if conv else None,
                    "convention_start": conv.start if conv else None,
                    "convention_end": conv.end if conv else None,
                }),
            })
    for g in x.targets:
        out.targets.append({"task": g.task_id, "props": _clean({
            "id": g.id, "doc_id": g.doc_id, "metric": g.metric, "value": g.value, "unit": g.unit,
            "year": g.year, "comparator": g.comparator, "start": g.evidence.start, "end": g.evidence.end,
            "quote": g.evidence.quote, "rule": g.evidence.rule})})
    for c in x.citations:
        out.citations.append({
            "id": c.id, "title": c.title, "title_key": c.title_key, "doc_number": c.doc_number,
            "props": _clean({"doc_id": c.evidence.doc_id, "start": c.evidence.start, "end": c.evidence.end,
                             "quote": c.evidence.quote, "rule": c.evidence.rule})})
    for ent in x.entities:
        out.entities.setdefault(ent.label.value, []).append({
            "id": ent.id, "name": ent.name, "category": ent.category, "definition": ent.definition,
            "in_gazetteer": ent.in_gazetteer, "aliases": list(ent.aliases)})
    for m in x.mentions:
        row = {"entity": m.canonical_id, "task": m.task_id,
               "props": _clean({"doc_id": m.doc_id, "start": m.start, "end": m.end, "surface": m.surface,
                                "quote": m.evidence.quote, "rule": m.evidence.rule, "nested_in": m.inside})}
        (out.task_mentions if m.task_id else out.plan_mentions).append(row)
    return out


def registry_rows(registry: Registry) -> tuple[list[dict], list[dict]]:
    """(agency rows, SUCCEEDED_BY rows) of the curated registry."""
    agencies = [
        {"id": a.id, "props": _clean({
            "name": a.name, "short": a.short, "aliases": list(a.aliases), "level": a.level.value,
            "valid_from": when_year(a.valid_from), "valid_to": when_year(a.valid_to), "source": a.source,
            "unverified": a.unverified, "collective": a.collective, "resolved": True,
            "jurisdiction": a.jurisdiction,
        })}
        for a in registry.agencies
    ]
    successions = [
        {"from": s.from_, "to": s.to, "props": _clean({
            "year": s.year, "kind": s.kind.value, "source": s.source, "unverified": s.unverified,
        })}
        for s in registry.successions
    ]
    return agencies, successions


def edge_counts(rows: DocumentRows) -> dict[str, int]:
    return {role: len(v) for role, v in rows.assignments.items()}
