"""Loading rows into Neo4j: one transaction per document, batched UNWIND writes.

A document's load first deletes what that document created before, then writes it again, all
in one managed transaction (`session.execute_write`, retried within a bounded time): it lands
whole or not at all, and building twice leaves every count as it was. The same transaction
drops the shared nodes only the old version pointed at and links the document's SAME_AS edges,
so no end-of-build pass over the whole graph is needed.

graph/ knows nothing of extraction: rows come from graph/rows.py, registries arrive as schema
objects.
"""

from __future__ import annotations

import neo4j

from policykg.graph import cypher
from policykg.graph.rows import DocumentRows, weight_of, document_rows, registry_rows
from policykg.schema.models import Extraction
from policykg.schema.registry_models import Registry

BATCH = 500
# A transaction holds every string it writes until commit. A document whose rows weigh more than
# this is written in several transactions of at most this much, staged where no reader looks,
# then switched in by one small transaction (`load_rows`); one node or edge over it cannot be
# written at all and is refused by name, instead of exhausting the server's transaction memory
# (which would fail other sessions too). A real plan writes well under 1 MB (the largest built-in
# one 0.3 MB). The server holds up to 16x the rows' weight while it writes them: measured against
# the managed server's per-transaction limit (256m, graph/neo4j_server.py), rows of 16 MB load in
# one transaction and rows of 24 MB do not; so 8 MB keeps a build's biggest transaction at half
# that limit or less.
MAX_TX_BYTES = 8 * 1024 * 1024
# Managed transactions retry transient failures (a restarting server, a deadlock) for at most
# this long; then the error surfaces and the build decides (a dead server stops the build).
RETRY_SECONDS = 5.0


class DocumentTooLarge(Exception):
    def __init__(self, doc_id: str, size: int, limit: int):
        self.doc_id, self.size, self.limit = doc_id, size, limit
        super().__init__(
            f"cannot be loaded: one of its nodes or edges holds {size / 2**20:.1f} MB, over the "
            f"{limit / 2**20:.0f} MB a transaction may hold (raise --max-tx-mb if the server's memory "
            "allows, or split the document)")


def _session(driver: neo4j.Driver, database: str | None, retry_s: float | None = None, **kw) -> neo4j.Session:
    # Notifications off: on a fresh graph the server warns that HAS_TASK, input_key … do not
    # exist yet, which is expected and would bury the build's own summary.
    return driver.session(database=database, max_transaction_retry_time=RETRY_SECONDS if retry_s is None else retry_s,
                          notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF, **kw)


def ensure_schema(driver: neo4j.Driver, database: str | None = None) -> None:
    with _session(driver, database) as session:
        for stmt in cypher.CONSTRAINTS:
            session.execute_write(lambda tx, stmt=stmt: tx.run(stmt).consume())


def _batches(rows: list[dict]):
    for i in range(0, len(rows), BATCH):
        yield rows[i : i + BATCH]


def _write_rows(tx: neo4j.ManagedTransaction, r: DocumentRows) -> None:
    doc_id = r.doc_id
    neighbours = [rec.data() for rec in tx.run(cypher.DOCUMENT_NEIGHBOURS, doc_id=doc_id)]
    _drop_agency_claims(tx, doc_id, neighbours)
    tx.run(cypher.DELETE_DOCUMENT_NODES, doc_id=doc_id).consume()
    tx.run(cypher.DELETE_PLAN, doc_id=doc_id).consume()
    tx.run(cypher.CREATE_PLAN, plan=r.plan).consume()
    for batch in _batches(r.sections):
        tx.run(cypher.CREATE_SECTIONS, rows=batch).consume()
    tx.run(cypher.LINK_TOP_SECTIONS, doc_id=doc_id, ids=r.top_sections).consume()
    for batch in _batches(r.child_sections):
        tx.run(cypher.LINK_CHILD_SECTIONS, rows=batch).consume()
    for batch in _batches(r.tasks):
        tx.run(cypher.CREATE_TASKS, doc_id=doc_id, rows=batch).consume()
    for batch in _batches(r.section_tasks):
        tx.run(cypher.LINK_SECTION_TASKS, rows=batch).consume()
    for batch in _batches(r.subtasks):
        tx.run(cypher.LINK_SUBTASKS, rows=batch).consume()
    for batch in _batches(r.agencies):
        tx.run(cypher.MERGE_AGENCIES, rows=batch, doc_id=doc_id).consume()
    for role, stmt in cypher.CREATE_ASSIGNMENTS.items():
        for batch in _batches(r.assignments.get(role, [])):
            tx.run(stmt, rows=batch).consume()
    for label, stmt in cypher.MERGE_ENTITIES.items():
        for batch in _batches(r.entities.get(label, [])):
            tx.run(stmt, rows=batch).consume()
    for batch in _batches(r.task_mentions):
        tx.run(cypher.CREATE_TASK_MENTIONS, rows=batch).consume()
    for batch in _batches(r.plan_mentions):
        tx.run(cypher.CREATE_PLAN_MENTIONS, doc_id=doc_id, rows=batch).consume()
    for batch in _batches(r.targets):
        tx.run(cypher.CREATE_TARGETS, doc_id=doc_id, rows=batch).consume()
    for batch in _batches(r.citations):
        tx.run(cypher.CREATE_CITATIONS, doc_id=doc_id, rows=batch).consume()
    tx.run(cypher.LINK_CITATIONS_OF_PLAN, doc_id=doc_id).consume()
    tx.run(cypher.LINK_PLAN_AS_CITED, doc_id=doc_id).consume()
    if neighbours:
        tx.run(cypher.DELETE_ORPHANS_AMONG, rows=neighbours).consume()


def _drop_agency_claims(tx: neo4j.ManagedTransaction, doc_id: str, neighbours: list[dict],
                        keep: list[str] | None = None) -> None:
    """Take back what the old version of `doc_id` said of the unresolved agencies it named
    (cypher.DROP_AGENCY_CLAIMS); `keep`: agencies whose claim the new version already wrote."""
    ids = [n["id"] for n in neighbours if n["label"] == "Agency"]
    if ids:
        tx.run(cypher.DROP_AGENCY_CLAIMS, ids=ids, keep=keep or [], doc_id=doc_id).consume()


def load_rows(driver: neo4j.Driver, rows: DocumentRows, database: str | None = None, *,
              max_tx_bytes: int = MAX_TX_BYTES, retry_s: float | None = None) -> None:
    """Replace one document's facts, whole or not at all, in transactions of at most
    `max_tx_bytes`: one transaction when the rows fit, else staged (see `_load_staged`).
    Raises `DocumentTooLarge` (before anything is sent) when a single row does not fit."""
    with _session(driver, database, retry_s) as session:
        if rows.size_bytes() <= max_tx_bytes:
            session.execute_write(_write_rows, rows)
        else:
            _load_staged(session, rows, max_tx_bytes)


def staging_id(doc_id: str) -> str:
    """One staging area per document: a new staging of it replaces any left-over."""
    return f"{doc_id}#staged"


def _chunks(rows: list, limit: int, doc_id: str):
    """Row lists of at most BATCH rows and `limit` bytes."""
    chunk, weight = [], 0
    for row in rows:
        w = weight_of(row)
        if w > limit:
            raise DocumentTooLarge(doc_id, w, limit)
        if chunk and (weight + w > limit or len(chunk) >= BATCH):
            yield chunk, weight
            chunk, weight = [], 0
        chunk.append(row)
        weight += w
    if chunk:
        yield chunk, weight


def _staged_ops(r: DocumentRows, limit: int) -> list[tuple[str, dict, int]]:
    """(statement, parameters, weight) in write order: the plan, its structure, the shared nodes
    it points at (agencies, entities: MERGEd, so a left-over is harmless), then its facts."""
    load_id = staging_id(r.doc_id)
    ops: list[tuple[str, dict, int]] = []
    plan_w = weight_of(r.plan)
    if plan_w > limit:
        raise DocumentTooLarge(r.doc_id, plan_w, limit)
    ops.append((cypher.STAGED["plan"], {"plan": r.plan, "doc_id": r.doc_id}, plan_w))

    def add(stmt: str, rows: list) -> None:
        for chunk, w in _chunks(rows, limit, r.doc_id):
            ops.append((stmt, {"rows": chunk}, w))

    add(cypher.STAGED["sections"], r.sections)
    add(cypher.STAGED["top_sections"], r.top_sections)
    add(cypher.STAGED["child_sections"], r.child_sections)
    add(cypher.STAGED["tasks"], r.tasks)
    add(cypher.STAGED["section_tasks"], r.section_tasks)
    add(cypher.STAGED["subtasks"], r.subtasks)
    for chunk, w in _chunks(r.agencies, limit, r.doc_id):
        ops.append((cypher.MERGE_AGENCIES, {"rows": chunk, "doc_id": r.doc_id}, w))
    for role, stmt in cypher.STAGED_ASSIGNMENTS.items():
        add(stmt, r.assignments.get(role, []))
    for label, stmt in cypher.MERGE_ENTITIES.items():
        add(stmt, r.entities.get(label, []))
    add(cypher.STAGED["task_mentions"], r.task_mentions)
    add(cypher.STAGED["plan_mentions"], r.plan_mentions)
    add(cypher.STAGED["targets"], r.targets)
    add(cypher.STAGED["citations"], r.citations)
    for _, params, _ in ops:
        params["load_id"] = load_id
    return ops


def _execute(session: neo4j.Session, ops: list[tuple[str, dict, int]]) -> None:
    """One transaction of staged writes (module level so a test can make it fail)."""
    def work(tx: neo4j.ManagedTransaction) -> None:
        for stmt, params, _ in ops:
            tx.run(stmt, params).consume()

    session.execute_write(work)


def _clear_staging(session: neo4j.Session, load_id: str) -> None:
    for stmt in cypher.DELETE_STAGED.values():
        while session.execute_write(lambda tx, stmt=stmt: tx.run(stmt, load_id=load_id).single()["n"]):
            pass
    session.execute_write(lambda tx: tx.run(cypher.DELETE_STAGED_PLAN, load_id=load_id).consume())


def _load_staged(session: neo4j.Session, r: DocumentRows, limit: int) -> None:
    """Write a document too large for one transaction: staged in transactions of at most
    `limit` bytes under labels no reader matches, then one transaction that deletes the old
    version and relabels the new one (label changes only: small whatever the size). A build
    that dies before the switch leaves the old version visible and whole; the next load of
    the document clears the left-over staging first."""
    load_id = staging_id(r.doc_id)
    ops = _staged_ops(r, limit)  # refuses an oversized row before anything is written
    _clear_staging(session, load_id)
    tx_ops, weight = [], 0
    for op in ops:
        if tx_ops and weight + op[2] > limit:
            _execute(session, tx_ops)
            tx_ops, weight = [], 0
        tx_ops.append(op)
        weight += op[2]
    if tx_ops:
        _execute(session, tx_ops)

    def switch(tx: neo4j.ManagedTransaction) -> None:
        neighbours = [rec.data() for rec in tx.run(cypher.DOCUMENT_NEIGHBOURS, doc_id=r.doc_id)]
        # The staged rows already replaced this document's claims on the agencies it names now.
        _drop_agency_claims(tx, r.doc_id, neighbours, keep=[a["id"] for a in r.agencies])
        tx.run(cypher.DELETE_DOCUMENT_NODES, doc_id=r.doc_id).consume()
        tx.run(cypher.DELETE_PLAN, doc_id=r.doc_id).consume()
        tx.run(cypher.SWITCH_STAGED_PLAN, load_id=load_id, doc_id=r.doc_id).consume()
        for stmt in cypher.SWITCH_STAGED.values():
            tx.run(stmt, load_id=load_id).consume()
        tx.run(cypher.LINK_CITATIONS_OF_PLAN, doc_id=r.doc_id).consume()
        tx.run(cypher.LINK_PLAN_AS_CITED, doc_id=r.doc_id).consume()
        if neighbours:
            tx.run(cypher.DELETE_ORPHANS_AMONG, rows=neighbours).consume()

    session.execute_write(switch)


def load_document(driver: neo4j.Driver, x: Extraction, database: str | None = None,
                  input_key: str | None = None, **kw) -> None:
    """Replace one document's facts in one transaction (`load_rows` of its rows)."""
    load_rows(driver, document_rows(x, input_key), database, **kw)


def delete_document(driver: neo4j.Driver, doc_id: str, database: str | None = None, *,
                    retry_s: float | None = None) -> None:
    """Remove one document and what only it pointed at (agencies, entities and cited documents
    no other document refers to), in one transaction; shared nodes and the registry stay. A
    left-over staging of the document (a staged load that never switched) goes first, so
    nothing of it is left behind."""
    def write(tx: neo4j.ManagedTransaction) -> None:
        neighbours = [rec.data() for rec in tx.run(cypher.DOCUMENT_NEIGHBOURS, doc_id=doc_id)]
        _drop_agency_claims(tx, doc_id, neighbours)
        tx.run(cypher.DELETE_DOCUMENT_NODES, doc_id=doc_id).consume()
        tx.run(cypher.DELETE_PLAN, doc_id=doc_id).consume()
        if neighbours:
            tx.run(cypher.DELETE_ORPHANS_AMONG, rows=neighbours).consume()

    with _session(driver, database, retry_s) as session:
        _clear_staging(session, staging_id(doc_id))
        session.execute_write(write)


def plan_input_keys(driver: neo4j.Driver, database: str | None = None) -> dict[str, str | None]:
    """Plan id -> the input key it was built from (None for a plan loaded without one)."""
    return {doc_id: rec["key"] for doc_id, rec in plan_records(driver, database).items()}


def plan_records(driver: neo4j.Driver, database: str | None = None) -> dict[str, dict]:
    """Plan id -> {key, root, path}: the input key it was built from, the folder it was found
    in (None for a plan loaded without a build) and its path relative to that folder."""
    with _session(driver, database, default_access_mode=neo4j.READ_ACCESS) as session:
        return session.execute_read(lambda tx: {r["id"]: {"key": r["key"], "root": r["root"], "path": r["path"]}
                                                for r in tx.run(cypher.PLAN_INPUT_KEYS)})


def set_source_root(driver: neo4j.Driver, doc_id: str, root: str, database: str | None = None, *,
                    retry_s: float | None = None) -> None:
    """Record that an unchanged plan is now found under `root` (see cypher.SET_PLAN_SOURCE_ROOT)."""
    with _session(driver, database, retry_s) as session:
        session.execute_write(lambda tx: tx.run(cypher.SET_PLAN_SOURCE_ROOT, doc_id=doc_id, root=root).consume())


def load_agency_registry(driver: neo4j.Driver, registry: Registry, database: str | None = None) -> tuple[int, int]:
    """Write the curated registry (every agency, every SUCCEEDED_BY edge) in one transaction.
    Returns (agencies, successions). The registry arrives parsed and validated (schema
    objects): reading its TOML is the caller's business."""
    agencies, successions = registry_rows(registry)

    def write(tx: neo4j.ManagedTransaction) -> None:
        tx.run(cypher.LOAD_REGISTRY_AGENCIES, rows=agencies).consume()
        tx.run(cypher.DELETE_STALE_REGISTRY_AGENCIES, ids=[a["id"] for a in agencies]).consume()
        tx.run(cypher.DELETE_SUCCESSIONS).consume()
        tx.run(cypher.CREATE_SUCCESSIONS, rows=successions).consume()

    with _session(driver, database) as session:
        session.execute_write(write)
    return len(agencies), len(successions)


def delete_orphans(driver: neo4j.Driver, database: str | None = None) -> None:
    """Repair pass over the whole graph (after hand deletions; a build does not need it):
    drop what no document refers to any more, and relink cited documents to corpus plans."""
    with _session(driver, database) as session:
        for stmt in (cypher.DELETE_ORPHAN_AGENCIES, cypher.DELETE_UNCITED_DOCUMENTS,
                     cypher.DELETE_UNMENTIONED_ENTITIES, cypher.RELINK_CITED_PLANS):
            session.execute_write(lambda tx, stmt=stmt: tx.run(stmt).consume())


def counts(driver: neo4j.Driver, database: str | None = None) -> tuple[dict[str, int], dict[str, int]]:
    """(nodes by label, relationships by type)."""
    with _session(driver, database, default_access_mode=neo4j.READ_ACCESS) as session:
        nodes = {r["label"]: r["n"] for r in session.run(cypher.COUNT_NODES)}
        rels = {r["type"]: r["n"] for r in session.run(cypher.COUNT_RELATIONSHIPS)}
    return nodes, rels


def _plain(v):
    """Driver values (dates, lists) as comparable, printable Python values."""
    if isinstance(v, list):
        return [_plain(x) for x in v]
    if hasattr(v, "iso_format"):
        return v.iso_format()
    return v


def graph_dump(driver: neo4j.Driver, database: str | None = None) -> list[str]:
    """The whole graph as sorted lines, nodes by labels and properties, relationships by type,
    properties and their end nodes' (label, id): two builds of the same input give equal dumps
    whatever the element ids and load order."""
    lines: list[str] = []
    with _session(driver, database, default_access_mode=neo4j.READ_ACCESS) as session:
        for r in session.run(cypher.DUMP_NODES):
            props = {k: _plain(v) for k, v in sorted(r["props"].items())}
            lines.append(f"N {sorted(r['labels'])} {props!r}")
        for r in session.run(cypher.DUMP_RELATIONSHIPS):
            props = {k: _plain(v) for k, v in sorted(r["props"].items())}
            lines.append(f"R {r['type']} {r['a']} -> {r['b']} {props!r}")
    return sorted(lines)
