"""Building a corpus into the graph: the one entry point the CLI, the tests and the benchmarks call.

    report = build_corpus([corpus_dir()], driver, on_progress=print)

It orchestrates both stages, so it lives outside them (graph/ never imports extract/):

1. discovery (extract/readers/corpus.py): every document file under the paths, with its path
   relative to the corpus root; unreadable folders, symbolic link loops and special files
   (FIFO, device, socket) are reported, never opened, never fatal;
2. per document: refused over the size budget before it is read; its input key (content hash,
   extractor version, manifest entry, id) compared with the one the graph holds, and an
   unchanged document skipped unless `force`; a true duplicate (same bytes as an earlier file)
   reported and loaded once; extraction in a worker process under a time budget (the worker
   loads the NLP model once and is replaced only after a timeout or a crash); a document that
   yields nothing (no task, no clause, no numbered structure with text) is reported "empty",
   never "ok"; one with structure but no task loads as a plan with zero tasks;
3. loading (graph/loader.py): one bounded managed transaction per document, which also does
   the document's own clean-up and SAME_AS linking, so nothing runs over the whole graph after;
4. the graph mirrors each folder built: every plan records the folder it was found in
   (`source_root`), and after a build of a folder the plans of that folder it no longer finds
   (deleted, renamed, now a duplicate) are removed with their facts, one transaction each, as a
   changed document's old version is (`missing_plans`, `loader.delete_document`); plans of other
   folders, and any whose path lies where the build could not look (an unreadable folder, a file
   whose id could not be told), are never touched; `keep_missing` turns this off;
5. a dead server or refused credentials stop the build at once with a report of what loaded,
   what did not, and how to resume (run the same build again: what loaded is skipped).

Wall-clock times never enter the graph: they are in the report (and the run record file the
CLI writes), so two builds of the same input give equal graphs.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing as mp
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import neo4j

from policykg.extract.readers.corpus import Found, discover_corpus, doc_id_for, manifest_entry, special_kind
from policykg.extract.readers.text import DocumentError
from policykg.graph import loader
from policykg.graph.rows import document_rows, edge_counts
from policykg.schema.registry_models import Registry

# Statuses of a document in a report.
LOADED, UNCHANGED, DUPLICATE, EMPTY, ERROR, NOT_LOADED = "loaded", "unchanged", "duplicate", "empty", "error", "not loaded"
FAILED = {EMPTY, ERROR, NOT_LOADED}


@dataclass(frozen=True)
class Limits:
    """Per-document budgets. The defaults are far above any real plan (the largest built-in
    plan is 0.1 MB and extracts in about a second), so only a hostile or broken file meets them."""

    max_bytes: int = 64 * 2**20  # file size, checked before the file is read
    timeout_s: float | None = 600.0  # extraction time; None: extract in this process, unbounded
    max_tx_bytes: int = loader.MAX_TX_BYTES  # facts one document's transaction may hold
    retry_s: float = loader.RETRY_SECONDS  # managed-transaction retries, then the error stands


@dataclass
class DocumentReport:
    path: str  # relative to its corpus root (the path as given for a problem found in discovery)
    status: str
    doc_id: str | None = None
    reason: str | None = None
    warnings: list[str] = field(default_factory=list)
    tasks: int = 0
    edges: dict[str, int] = field(default_factory=dict)
    title: str | None = None
    seconds: float = 0.0


@dataclass
class BuildReport:
    documents: list[DocumentReport] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # ids of plans whose files are gone from a built folder
    aborted: str | None = None  # why the build stopped early (server gone, credentials refused)
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    started_at: float = 0.0  # epoch seconds: run record only, never in the graph
    seconds: float = 0.0
    extractor_version: str = ""

    def with_status(self, *statuses: str) -> list[DocumentReport]:
        return [d for d in self.documents if d.status in statuses]

    @property
    def ok(self) -> bool:
        return self.aborted is None and not self.with_status(*FAILED)

    @property
    def exit_code(self) -> int:
        """0 all loaded (or unchanged, or duplicates loaded once); 1 some documents failed;
        2 the build stopped early (server gone, credentials refused)."""
        return 2 if self.aborted else (0 if self.ok else 1)

    @property
    def resume_hint(self) -> str | None:
        pending = self.with_status(NOT_LOADED)
        if not self.aborted:
            return None
        return (f"{len(pending)} document(s) were not loaded. Once the server is back, run the same build "
                "again: documents already loaded are skipped, the rest are loaded.")

    def to_json(self) -> dict:
        out = asdict(self)
        out.update(ok=self.ok, exit_code=self.exit_code, resume=self.resume_hint,
                   summary={**{s: len(self.with_status(s)) for s in (LOADED, UNCHANGED, DUPLICATE, EMPTY, ERROR,
                                                                     NOT_LOADED)}, "removed": len(self.removed)})
        return out


ProgressFn = Callable[[DocumentReport, int, int], None]


# -- extractor version --------------------------------------------------------------------------

@lru_cache(maxsize=1)
def extractor_version() -> str:
    """A hash of everything that decides what a document becomes in the graph: the extraction
    code, the schema and its registries (agencies, gazetteers, vocabulary), and the graph's row
    mapping and load statements. Any change there rebuilds every document; nothing else does."""
    h = hashlib.sha256()
    roots = [("policykg.extract", ""), ("policykg.schema", ""), ("policykg.graph", "rows.py"),
             ("policykg.graph", "cypher.py"), ("policykg.graph", "loader.py")]
    for package, only in roots:
        base = Path(str(files(package)))
        paths = [base / only] if only else sorted(p for p in base.rglob("*") if p.is_file()
                                                   and p.suffix in {".py", ".toml", ".json", ".txt"}
                                                   and "__pycache__" not in p.parts)
        for p in paths:
            h.update(f"{package}/{p.relative_to(base).as_posix()}\0".encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def input_key(sha256: str, doc_id: str, rel: str, entry: dict | None) -> str:
    blob = json.dumps([sha256, extractor_version(), doc_id, rel, entry], sort_keys=True, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


# -- reading under budget -----------------------------------------------------------------------

def read_bounded(path: Path, max_bytes: int) -> bytes:
    """The file's bytes. Opened non-blocking and checked on the open descriptor, so a FIFO or
    device put in place after discovery is refused without blocking; over `max_bytes` it is
    refused before it is read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise DocumentError(path, f"cannot be opened ({exc.strerror or exc})") from None
    try:
        st = os.fstat(fd)
        kind = special_kind(st.st_mode)
        if kind:
            raise DocumentError(path, f"is {kind}, not a regular file: refused without reading it")
        if st.st_size > max_bytes:
            raise DocumentError(path, f"{st.st_size / 2**20:.1f} MB is over the size budget of "
                                      f"{max_bytes / 2**20:.0f} MB (--max-mb)")
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if total > max_bytes:  # grew while being read
                raise DocumentError(path, f"over the size budget of {max_bytes / 2**20:.0f} MB (--max-mb)")
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise DocumentError(path, f"cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


# -- extraction in a worker process -------------------------------------------------------------

WARM_UP_TEXT = "测试规划\n一、重点任务\n（一）推进数据开放。（牵头单位：市发展改革委）\n"
# The worker's start (imports, NLP model load) is not charged to the first document.
WORKER_START_TIMEOUT = 600.0


def _worker_main(conn) -> None:  # pragma: no cover - runs in the child process
    from policykg.extract.pipeline import extract_document, extract_text

    try:  # load whatever extraction loads lazily (the NLP model) once, before the first document
        extract_text(WARM_UP_TEXT, "warm-up")
    except Exception:  # noqa: S110 - a broken model fails each document by name instead
        pass
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):  # the build went away: so does its worker
            return
        path, doc_id, rel = job
        try:
            conn.send(("ok", extract_document(Path(path), doc_id, rel)))
        except DocumentError as exc:
            conn.send(("error", exc.reason))
        except BaseException as exc:  # MemoryError, RecursionError …: this document fails, not the build
            conn.send(("error", f"could not be extracted ({type(exc).__name__}: {exc})"))


class ExtractorBroken(Exception):
    pass


class Extractor:
    """Extraction under a time budget, in one long-lived worker process. The worker starts on
    the first document that needs extracting (an unchanged corpus starts none), loads the NLP
    model once for all documents, and is replaced only when a document overruns or kills it."""

    def __init__(self, timeout_s: float | None):
        self.timeout_s = timeout_s
        self._proc = None
        self._conn = None
        self.broken: str | None = None

    def _start(self) -> None:
        ctx = mp.get_context("spawn")  # no fork: the parent holds driver threads and sockets
        parent, child = ctx.Pipe()
        self._proc = ctx.Process(target=_worker_main, args=(child,), daemon=True, name="policykg-extract")
        self._proc.start()
        child.close()
        self._conn = parent
        try:
            ready = parent.poll(WORKER_START_TIMEOUT) and parent.recv()[0] == "ready"
        except (EOFError, OSError):
            ready = False
        if not ready:
            code = self._proc.exitcode
            self._kill()
            # Every later document would wait for a worker that cannot start: fail them fast.
            self.broken = f"the extraction process did not start (exit code {code})"
            raise ExtractorBroken(self.broken)

    def _kill(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.join(5)
        if self._conn is not None:
            self._conn.close()
        self._proc = self._conn = None

    def extract(self, path: Path, doc_id: str, rel: str):
        if self.timeout_s is None:
            from policykg.extract.pipeline import extract_document

            return extract_document(path, doc_id, rel)
        if self.broken:
            raise DocumentError(path, self.broken)
        if self._proc is None or not self._proc.is_alive():
            self._kill()
            try:
                self._start()
            except ExtractorBroken as exc:
                raise DocumentError(path, str(exc)) from None
        self._conn.send((str(path), doc_id, rel))
        if not self._conn.poll(self.timeout_s):
            self._kill()
            raise DocumentError(path, f"extraction ran over the time budget of {self.timeout_s:g} s (--timeout)")
        try:
            kind, value = self._conn.recv()
        except (EOFError, OSError):
            code = self._proc.exitcode if self._proc else None
            self._kill()
            raise DocumentError(path, f"the extraction process died (exit code {code}) on this document") from None
        if kind == "error":
            raise DocumentError(path, value)
        return value

    def close(self) -> None:
        self._kill()


# -- the build ----------------------------------------------------------------------------------

class _Abort(Exception):
    pass


def _server_fault(exc: BaseException) -> str | None:
    """Why the build cannot go on (the server, not the document), or None."""
    if isinstance(exc, neo4j.exceptions.AuthError):
        return f"Neo4j refused the credentials (check NEO4J_USER and NEO4J_PASSWORD): {exc.message or exc}"
    if isinstance(exc, (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired,
                        neo4j.exceptions.IncompleteCommit)):
        return f"the Neo4j server went away ({type(exc).__name__}: {exc})"
    if isinstance(exc, OSError):
        return f"lost the connection to Neo4j ({type(exc).__name__}: {exc})"
    if "DatabaseUnavailable" in (getattr(exc, "code", None) or ""):
        return f"the database is unavailable ({exc})"
    return None


def _load_error(exc: BaseException) -> str:
    if isinstance(exc, loader.DocumentTooLarge):
        return str(exc)
    code = getattr(exc, "code", None) or ""
    if "MemoryPoolOutOfMemoryError" in code or "OutOfMemory" in code:
        return ("the server ran out of transaction memory loading it (its db.memory.transaction.max or "
                "total.max): lower --max-tx-mb so it is written in smaller transactions, or raise the "
                "server's transaction memory")
    return f"could not be loaded ({type(exc).__name__}: {getattr(exc, 'message', None) or exc})"


def source_root(root: Path) -> str:
    """How the graph names the folder a document was found in: resolved (a folder reached through
    a symbolic link or a relative path is the same folder) and absolute."""
    return Path(root).resolve().as_posix()


def missing_plans(plans: dict[str, dict], root: str, claimed: set[str], unlooked: Sequence[str]) -> list[str]:
    """The ids, sorted, of the plans recorded under the folder `root` (`source_root`) that a build
    of it no longer finds: not claimed by any document of the build (`claimed`: loaded, unchanged,
    failed but still present, or the first copy a duplicate stands for), and not at or below a
    path of `unlooked` (relative to the folder, "." for the folder itself) where the build could
    not look (an unreadable folder, a file whose id could not be told), since a file there may
    still exist. `plans` is `loader.plan_records`."""
    def unsure(path: str | None) -> bool:
        return path is not None and any(u == "." or path == u or path.startswith(u + "/") for u in unlooked)

    return sorted(i for i, rec in plans.items() if rec.get("root") == root and i not in claimed
                  and not unsure(rec.get("path")))


def _unlooked(root: Path, problems, unidentified: Sequence[Found]) -> list[str]:
    """Where under the folder `root` this build could not look, relative to it (see missing_plans)."""
    out = [f.rel for f in unidentified if f.root == root]
    for pr in problems:
        try:
            out.append(Path(pr.path).relative_to(root).as_posix())
        except ValueError:  # a problem under another argument
            continue
    return out


def _is_empty(x) -> bool:
    """Whether a document gives the graph nothing worth a Plan node.

    A real document that assigns no task (a 通报, a 复函 of opinions) still loads: its numbered
    structure with body text under it says it is an official document, and a user who built a
    folder must find every such document in the graph, with zero tasks. Headings alone
    (一、二、三、 with nothing under them) and prose without any numbered structure are not
    documents the graph can say anything of."""
    if x.tasks or x.clauses:
        return False
    return not (x.sections and x.paragraphs)


def build_corpus(paths: Sequence[Path], driver: neo4j.Driver, *, on_progress: ProgressFn | None = None,
                 force: bool = False, database: str | None = None, registry: Registry | None = None,
                 limits: Limits = Limits(), keep_missing: bool = False) -> BuildReport:
    """Extract the documents under `paths` and load them into the graph `driver` reaches; for
    each folder in `paths`, remove the plans found there before that it no longer holds (unless
    `keep_missing`; files given one by one remove nothing).

    Never raises for a document or a server fault: everything is in the report (see the
    module docstring); `report.exit_code` is what a command line should exit with."""
    report = BuildReport(started_at=time.time(), extractor_version=extractor_version())
    t0 = time.perf_counter()
    paths = [Path(p) for p in paths]
    found = discover_corpus(paths)
    total = len(found.files) + len(found.problems)

    def done(d: DocumentReport) -> None:
        report.documents.append(d)
        if on_progress is not None:
            on_progress(d, len(report.documents), total)

    for pr in found.problems:
        done(DocumentReport(path=pr.path, status=ERROR, reason=pr.reason))
    extractor = Extractor(limits.timeout_s)
    pending = list(found.files)
    try:
        try:
            loader.ensure_schema(driver, database)
            if registry is None:
                from policykg.extract.agencies.registry import default_registry

                registry = default_registry()
            loader.load_agency_registry(driver, registry, database)
            plans = loader.plan_records(driver, database)
        except Exception as exc:
            raise _Abort(_server_fault(exc) or f"could not prepare the graph ({type(exc).__name__}: {exc})") from exc
        by_sha: dict[str, DocumentReport] = {}
        by_id: dict[str, str] = {}
        unidentified: list[Found] = []  # files whose id could not be told (a broken manifest)
        while pending:
            f = pending[0]
            d = _build_one(f, driver, database, plans, by_sha, by_id, extractor, limits, force)
            pending.pop(0)
            if d.doc_id is None:
                unidentified.append(f)
            done(d)
        if not keep_missing:
            report.removed = _remove_missing(paths, found.problems, unidentified, report, plans, driver, database,
                                             limits)
    except _Abort as exc:
        report.aborted = str(exc)
        for f in pending:
            done(DocumentReport(path=f.rel, status=NOT_LOADED, reason="the build stopped before this document"))
    finally:
        extractor.close()
    if report.aborted is None:
        try:
            report.nodes, report.relationships = loader.counts(driver, database)
        except Exception as exc:
            report.aborted = _server_fault(exc) or f"could not count the graph ({exc})"
    report.seconds = time.perf_counter() - t0
    return report


def _remove_missing(paths: Sequence[Path], problems, unidentified: Sequence[Found], report: BuildReport,
                    plans: dict[str, dict], driver, database, limits: Limits) -> list[str]:
    """Remove, one transaction each, the plans of the built folders that the build no longer
    finds (`missing_plans`); the ids removed, folder by folder. A server fault on the way stops
    the build (`_Abort`): what was removed stays removed and a rerun removes the rest."""
    claimed = {d.doc_id for d in report.documents if d.doc_id}
    removed: list[str] = []
    seen: set[str] = set()
    for root in paths:
        if not root.is_dir():  # a file given by itself: its folder is not being mirrored
            continue
        name = source_root(root)
        if name in seen:
            continue
        seen.add(name)
        for doc_id in missing_plans(plans, name, claimed, _unlooked(root, problems, unidentified)):
            try:
                _load(lambda doc_id=doc_id: loader.delete_document(driver, doc_id, database, retry_s=limits.retry_s))
            except _LoadFailed as exc:
                raise _Abort(f"could not remove {doc_id}, whose file is gone from {name}: {exc}") from exc
            removed.append(doc_id)
            plans.pop(doc_id, None)
    return removed


def _build_one(f: Found, driver, database, plans, by_sha, by_id, extractor: Extractor, limits: Limits,
               force: bool) -> DocumentReport:
    t0 = time.perf_counter()
    d = DocumentReport(path=f.rel, status=ERROR)
    try:
        entry = manifest_entry(f.path)
        d.doc_id = doc_id = doc_id_for(f.path, entry, f.rel)
        data = read_bounded(f.path, limits.max_bytes)
        sha = hashlib.sha256(data).hexdigest()
        if sha in by_sha:
            first = by_sha[sha]
            d.status, d.doc_id = DUPLICATE, first.doc_id
            d.reason = f"same content as {first.path}: loaded once, as {first.doc_id}"
            return d
        if doc_id in by_id:
            d.reason = f"id {doc_id!r} is already used by {by_id[doc_id]} (manifest ids must be unique)"
            return d
        by_id[doc_id] = f.rel
        key = input_key(sha, doc_id, f.rel, entry)
        root = source_root(f.root)
        held = plans.get(doc_id) or {}
        if not force and held.get("key") == key:
            reason = "same content and extractor as the graph's copy: skipped"
            if held.get("root") != root:  # moved folder, or last built from another one: it is this folder's now
                _load(lambda: loader.set_source_root(driver, doc_id, root, database, retry_s=limits.retry_s))
                reason += f"; now recorded as found in {root}"
            d.status, d.reason = UNCHANGED, reason
            by_sha[sha] = d
            return d
        x = extractor.extract(f.path, doc_id, f.rel)
        d.title, d.warnings, d.tasks = x.meta.title, list(x.warnings), len(x.tasks)
        if _is_empty(x):
            d.status = EMPTY
            d.reason = ("yields nothing: no tasks or responsibility clauses "
                        "(not a plan, or not text: check the file's type and content)")
            if doc_id in plans:
                _load(lambda: loader.delete_document(driver, doc_id, database))
                d.reason += "; its earlier version was removed from the graph"
            return d
        rows = document_rows(x, key)
        rows.plan["source_root"] = root  # where the build found it: see missing_plans
        d.edges = edge_counts(rows)
        _load(lambda: loader.load_rows(driver, rows, database, max_tx_bytes=limits.max_tx_bytes,
                                       retry_s=limits.retry_s))
        d.status = LOADED
        by_sha[sha] = d  # only a loaded first copy makes later ones duplicates
        return d
    except DocumentError as exc:
        d.reason = exc.reason
        return d
    except _LoadFailed as exc:
        d.reason = str(exc)
        return d
    finally:
        d.seconds = round(time.perf_counter() - t0, 3)


class _LoadFailed(Exception):
    pass


def _load(fn: Callable[[], None]) -> None:
    try:
        fn()
    except Exception as exc:
        fault = _server_fault(exc)
        if fault:
            raise _Abort(fault) from exc
        raise _LoadFailed(_load_error(exc)) from exc


def write_run_record(report: BuildReport, path: Path) -> None:
    """The build's times and outcome, kept apart from the graph (whose properties hold no clock)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report.to_json(), ensure_ascii=False, indent=2), encoding="utf-8")


__all__ = ["BuildReport", "DocumentReport", "Limits", "build_corpus", "extractor_version", "missing_plans",
           "source_root", "write_run_record"]
