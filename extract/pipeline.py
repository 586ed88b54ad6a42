"""One document in, one `Extraction` out: structure, metadata, tasks, clauses, agencies."""

from __future__ import annotations

from pathlib import Path

from policykg.extract.clauses.agency_list import context_places, qualify
from policykg.extract.agencies.registry import default_registry
from policykg.extract.facts.citations import citation_id, find_citations, title_key
from policykg.extract.clauses.assign import assign_clauses
from policykg.extract.readers.corpus import doc_id_for, manifest_entry
from policykg.extract.entities.mentions import document_mentions
from policykg.extract.structure.metadata import header_metadata, merge_manifest
from policykg.extract.readers.text import DocumentError
from policykg.extract.readers.base import ReadResult
from policykg.extract.readers.registry import read_path
from policykg.extract.readers.sources import apply_reader_header, with_sources
from policykg.extract.facts.deadlines import find_prose_deadlines
from policykg.extract.tables.responsibility import table_tasks
from policykg.extract.tables.owner_headings import owner_heading_units, unit_spans
from policykg.extract.tables.text_table import find_text_tables, text_table_tasks
from policykg.extract.tables.subject_rows import subject_row_tasks
from policykg.extract.structure.sections import parse_structure
from policykg.extract.facts.targets import find_targets
from policykg.extract.structure.spans import SpanIndex
from policykg.extract.structure.tasks import innermost_task, build_tasks
from policykg.schema.models import (
    Agency,
    AgencyMention,
    Assignment,
    Citation,
    Clause,
    EntityEntry,
    Evidence,
    Extraction,
    Target,
)


def default_prefix(issuer: str | None, doc_number: str | None = None, title: str | None = None) -> str | None:
    """The level prefix a plan's own bodies would carry (extract/agencies/jurisdiction.py)."""
    from policykg.extract.agencies.jurisdiction import issuer_prefix

    return issuer_prefix(issuer, doc_number=doc_number, title=title)


# Resolution within the document's jurisdiction lives with the agencies (extract/agencies/resolve.py).
from policykg.extract.agencies.resolve import UNRESOLVED, resolve_agency  # noqa: E402


def extract_text(text: str, doc_id: str, path: str = "<text>", sha256: str = "",
                 entry: dict | None = None, read: ReadResult | None = None) -> Extraction:
    """`read`, when the text came from a reader of HTML/DOCX/PDF, adds its tables (分工表 rows
    become tasks), its metadata, and the source (page/cell/element) of every evidence."""
    st = parse_structure(text, doc_id)
    header = header_metadata(doc_id, st.front_lines, text)
    if read is not None:
        header = apply_reader_header(header, read.header, read.format)
    meta = merge_manifest(header, entry)
    tasks = build_tasks(doc_id, st.sections, st.paragraphs)
    row_tasks, table_spans = [], []
    for t in read.tables if read is not None else []:
        found = table_tasks(doc_id, t, st.sections, default_prefix(meta.issuer, meta.doc_number, meta.title))
        if found:  # a 分工表: its cells are read by column; other tables stay prose to the rules
            row_tasks += found
            table_spans.append((t.start, t.end))
    # 分工表 typed one cell a line (no reader sees a table there): read outside the reader's tables.
    read_tables = read.tables if read is not None else []
    text_found = find_text_tables(text, st.body_start, len(text), first_index=len(read_tables),
                                  skip=[(t.start, t.end) for t in read_tables])
    for t in text_found.tables:
        found = text_table_tasks(doc_id, t, st.sections, default_prefix(meta.issuer, meta.doc_number, meta.title))
        if found:
            row_tasks += found
            table_spans.append((t.start, t.end))
    # A numbered table whose header names no owner column but whose rows open with a body (考核细则).
    # Read from the top: a document that is only this table has its header inside the title block.
    found, spans = subject_row_tasks(doc_id, text, 0, st.sections,
                                     default_prefix(meta.issuer, meta.doc_number, meta.title),
                                     skip=table_spans + [(t.start, t.end) for t in read_tables])
    row_tasks += found
    table_spans += spans
    if row_tasks:
        # A responsibility table's rows are its tasks: prose tasks the structure stage made of
        # the same lines would double them.
        tasks = [t for t in tasks if not any(a <= t.start < b for a, b in table_spans)]
        tasks = sorted(tasks + [tt.task for tt in row_tasks], key=lambda t: (t.start, -(t.end - t.start)))
        tasks = [t.model_copy(update={"ordinal": n}) for n, t in enumerate(tasks, 1)]
    # A 职责分工 chapter whose sub-headings are the bodies: each heading owns its unit's duties.
    owner_units = owner_heading_units(text, doc_id, st.sections, tasks, default_prefix(meta.issuer, meta.doc_number, meta.title))
    # The unit tasks an owner chapter of a flat document needed (its items had none): tasks like the rest.
    known_ids = {t.id for t in tasks}
    tasks = sorted(tasks + [tt.task for tt in owner_units if tt.task.id not in known_ids],
                   key=lambda t: (t.start, -(t.end - t.start)))
    # Responsibilities: conventions, the clause-rule registry, task units, agency resolution
    # within the document's jurisdiction (extract/clauses/assign.py).
    assigned = assign_clauses(text, doc_id, meta, st.sections, tasks, st.body_start, st.body_end,
                              front="\n".join(ln.text for ln in st.front_lines),
                              skip=table_spans + unit_spans(owner_units, st.sections))
    tasks, clauses, warnings = assigned.tasks, assigned.clauses, assigned.warnings + text_found.warnings
    agencies: dict[str, Agency] = {a.id: a for a in assigned.agencies}
    for tt in row_tasks + owner_units:
        assignments = []
        for role, items, evidence in tt.assignments:
            for rank, it in enumerate(items, 1):
                agency = resolve_agency(it.name, it.collective, assigned.place, assigned.aliases)
                mention = AgencyMention(surface=it.surface, name=it.name, agency_id=agency.id,
                                        prefix_restored=it.prefix_restored, start=it.start, end=it.end)
                known = agencies.get(agency.id, agency)
                if it.name not in known.mentions:
                    known = known.model_copy(update={"mentions": [*known.mentions, it.name]})
                agencies[agency.id] = known
                assignments.append(Assignment(task_id=tt.task.id, role=role, rank=rank, agency=mention,
                                              evidence=evidence))
        clauses.append(Clause(doc_id=doc_id, task_id=tt.task.id, start=tt.clause_start, end=tt.clause_end,
                              text=text[tt.clause_start:tt.clause_end], rule=tt.rule,
                              assignments=assignments))
    clauses.sort(key=lambda c: c.start)
    tasks = _with_prose_deadlines(text, doc_id, tasks, st.body_start, st.body_end)
    where = SpanIndex(tasks)  # one index for every fact's innermost task (linear, issue 8)
    targets = []
    seen: dict[int, int] = {}
    for t in find_targets(text, st.paragraphs, st.sections, (meta.period_start, meta.period_end)):
        task = innermost_task(where, t.start, t.end)
        # One number can state several targets ("A、B的比例均实现100%"): number them apart.
        n = seen[t.start] = seen.get(t.start, 0) + 1
        targets.append(Target(
            id=f"{doc_id}:target:{t.start}" + (f".{n}" if n > 1 else ""), doc_id=doc_id, metric=t.metric, value=t.value, unit=t.unit,
            year=t.year, comparator=t.comparator, task_id=task.id if task else None,
            evidence=_evidence(text, doc_id, t.start, t.end, "target.value", context=True)))
    citations = [
        Citation(id=citation_id(c.title, c.doc_number), title=c.title, doc_number=c.doc_number,
                 title_key=title_key(c.title),
                 evidence=_evidence(text, doc_id, c.start, c.end, "citation.title"))
        for c in find_citations(text, 0, len(text), meta.title)
    ]
    mentions = [
        m.model_copy(update={"task_id": (t.id if (t := innermost_task(where, m.start, m.end)) else None)})
        for m in document_mentions(doc_id, text, st.body_start, st.body_end)
    ]
    if not st.sections and not row_tasks:
        warnings.append("no numbered headings found: the document yields no sections or tasks")
    x = Extraction(meta=meta, path=path, sha256=sha256, text=text, sections=st.sections, paragraphs=st.paragraphs,
                   tasks=tasks, clauses=clauses, conventions=assigned.conventions,
                   agencies=sorted(agencies.values(), key=lambda a: a.id),
                   targets=targets, citations=citations, mentions=mentions,
                   entities=entity_entries(mentions),
                   title_key=title_key(meta.title) if meta.title else None,
                   warnings=warnings + (read.warnings if read is not None else []))
    return with_sources(x, read) if read is not None else x


def _with_prose_deadlines(text: str, doc_id: str, tasks: list, lo: int, hi: int) -> list:
    """A deadline a clause states (（完成时限：…）, 力争2023年底前完成) goes on the innermost task
    holding it, unless the task has one already (a table's 完成时限 cell)."""
    by_id = {t.id: t for t in tasks}
    where = SpanIndex(tasks)
    for d in find_prose_deadlines(text, doc_id, lo, hi):
        t = innermost_task(where, d.evidence.start, d.evidence.end)
        if t is not None and by_id[t.id].deadline is None:
            by_id[t.id] = by_id[t.id].model_copy(update={"deadline": d})
    return [by_id[t.id] for t in tasks]


def entity_entries(mentions: list) -> list[EntityEntry]:
    """One entry per entity the mentions name, from the gazetteer (definition, every alias) or,
    for a pattern-found name, from the mention itself; the forms this document wrote follow.
    The graph writes entity nodes from these, so it needs no gazetteer of its own."""
    if not mentions:
        return []
    from policykg.extract.entities.gazetteer import default_gazetteer

    gaz = default_gazetteer()
    out: dict[str, dict] = {}
    for m in mentions:
        if m.canonical_id not in out:
            entry = gaz.by_id(m.canonical_id) if m.in_gazetteer else None
            out[m.canonical_id] = {
                "id": m.canonical_id, "label": m.label, "name": m.canonical_name, "category": m.category,
                "definition": entry.definition if entry else None, "in_gazetteer": m.in_gazetteer,
                "aliases": list(entry.surfaces) if entry else [m.canonical_name]}
        aliases = out[m.canonical_id]["aliases"]
        if m.surface not in aliases:
            aliases.append(m.surface)
    return [EntityEntry(**e) for e in out.values()]


def _evidence(text: str, doc_id: str, start: int, end: int, rule: str, context: bool = False) -> Evidence:
    """Evidence for a span; with `context`, the span widens to the clause around it (a bare
    "1900亿元" says little). The offsets always cut out exactly the quote."""
    if context:
        start = max(text.rfind(c, 0, start) for c in "。；\n") + 1
        ends = [i for i in (text.find(c, end) for c in "，。；\n") if i != -1]
        end = min(ends) if ends else len(text)
        while start < end and text[start] in " \u3000*—":
            start += 1
    return Evidence(doc_id=doc_id, start=start, end=end, quote=text[start:end], rule=rule)


def extract_document(path: Path, doc_id: str | None = None, rel_path: str | None = None) -> Extraction:
    """Read and extract one file. Raises `DocumentError` naming the file and the reason.

    A build passes the corpus-wide `doc_id` and the path relative to the corpus root it
    assigned (policykg/build.py); alone, the id is derived from the file's own place."""
    entry = manifest_entry(path)
    doc_id = doc_id or doc_id_for(path, entry)
    read = read_path(path)
    try:
        return extract_text(read.text, doc_id, rel_path or str(path), read.sha256, entry, read)
    except DocumentError:
        raise
    except Exception as exc:  # a parser bug must not cost the other documents their facts
        raise DocumentError(path, f"could not be parsed ({type(exc).__name__}: {exc})") from exc


def _extract_or_error(path: Path) -> Extraction | tuple[str, str]:
    try:
        return extract_document(path)
    except DocumentError as exc:
        # (path, reason), not the exception: DocumentError's two-argument __init__ does not
        # survive pickling back from a worker process.
        return (exc.path, exc.reason)


def extract_documents(paths: list[Path], n_process: int = 1) -> list[Extraction | DocumentError]:
    """extract_document for several files, in `n_process` worker processes when there are
    several; a file's DocumentError is returned in its place, in input order. The entity
    pipeline (pkuseg + NER, the heavy load) is loaded once here before the workers fork, so they
    share it instead of each loading it again."""
    if n_process <= 1 or len(paths) <= 1:
        out = [_extract_or_error(p) for p in paths]
    else:
        import multiprocessing as mp

        from policykg.extract.entities.nlp import load_pipeline

        load_pipeline()
        with mp.get_context("fork").Pool(min(n_process, len(paths))) as pool:
            out = pool.map(_extract_or_error, paths, chunksize=1)
    return [DocumentError(*o) if isinstance(o, tuple) else o for o in out]
