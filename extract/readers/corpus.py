"""Finding documents and their manifest entries.

A manifest is a `manifest.toml` with `[[document]]` tables (see corpus/manifest.toml), found
beside a document or in the folder above it. Documents need no entry: without one the id comes
from the path relative to the corpus root (see `doc_id_for`) and the metadata from the text's own
header.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10 with tomli installed
    import tomli as tomllib  # type: ignore[no-redef]

from policykg.extract.readers.text import DocumentError

# Every suffix a reader claims (extract/readers/registry.py); content decides the reader.
DOCUMENT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".shtml", ".xhtml", ".docx", ".pdf"}


@dataclass(frozen=True)
class Found:
    """A document file, with the corpus root it was found under and its path relative to it
    (POSIX form): the graph stores `rel`, never the absolute path, and the id derives from it."""

    path: Path
    root: Path
    rel: str


@dataclass(frozen=True)
class Problem:
    """Something under the given paths that is not in the build, and why (a build reports
    these like failed documents: nothing is skipped without a word)."""

    path: str
    reason: str


@dataclass
class Discovery:
    files: list[Found] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


_SPECIAL = [(stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
            (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")]


def special_kind(mode: int) -> str | None:
    """What a non-regular file is, for the refusal message; None for a regular file."""
    for test, name in _SPECIAL:
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) else "not a regular file"


def _walk(root: Path, folder: Path, ancestors: dict[tuple[int, int], Path], out: Discovery) -> None:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        out.problems.append(Problem(str(folder), f"folder cannot be read ({exc.strerror or exc}): "
                                                 "the documents in it are not in this build"))
        return
    for e in entries:
        if e.name.startswith("."):
            continue
        p = Path(e.path)
        suffix_ok = p.suffix.lower() in DOCUMENT_SUFFIXES
        try:
            st = os.stat(p)  # follows symbolic links: a linked folder or file counts as its target
        except OSError as exc:
            if e.is_symlink():
                reason = ("symbolic link loop" if exc.errno == errno.ELOOP
                          else "broken symbolic link (its target does not exist)")
                out.problems.append(Problem(str(p), reason))
            elif suffix_ok:
                out.problems.append(Problem(str(p), f"cannot be examined ({exc.strerror or exc})"))
            continue
        if stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if key in ancestors:
                out.problems.append(Problem(str(p), f"symbolic link loop: leads back to {ancestors[key]}"))
                continue
            _walk(root, p, {**ancestors, key: p}, out)
        elif suffix_ok:
            kind = special_kind(st.st_mode)
            if kind:
                out.problems.append(Problem(str(p), f"is {kind}, not a regular file: refused without opening it"))
            else:
                out.files.append(Found(p, root, p.relative_to(root).as_posix()))


def discover_corpus(paths: list[Path]) -> Discovery:
    """Document files under the given files and folders, each once, in a stable order, and
    the problems met on the way (missing paths, unreadable folders, symbolic link loops,
    special files), which are reported, never skipped silently nor fatal to the rest."""
    out = Discovery()
    for p in paths:
        try:
            st = os.stat(p)
        except OSError as exc:
            reason = "no such file or folder" if exc.errno == errno.ENOENT else (
                "symbolic link loop" if exc.errno == errno.ELOOP else f"cannot be examined ({exc.strerror or exc})")
            out.problems.append(Problem(str(p), reason))
            continue
        if stat.S_ISDIR(st.st_mode):
            _walk(p, p, {(st.st_dev, st.st_ino): p}, out)
        else:
            kind = special_kind(st.st_mode)
            if kind:
                out.problems.append(Problem(str(p), f"is {kind}, not a regular file: refused without opening it"))
            else:
                out.files.append(Found(p, p.parent, p.name))
    seen: set[Path] = set()
    files = []
    for f in out.files:  # one file reached twice (two arguments, a linked folder) counts once
        r = f.path.resolve()
        if r not in seen:
            seen.add(r)
            files.append(f)
    out.files = files
    return out


def discover(paths: list[Path]) -> list[Path]:
    """Document files under the given files and folders, sorted, each once. Raises
    `DocumentError` for a path that does not exist (the other problems are for a build)."""
    d = discover_corpus(paths)
    for pr in d.problems:
        if pr.reason == "no such file or folder" and pr.path in {str(p) for p in paths}:
            raise DocumentError(pr.path, pr.reason)
    return [f.path for f in d.files]


@lru_cache(maxsize=32)
def _load_manifest(path: Path) -> dict[str, dict]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DocumentError(path, f"manifest cannot be read: {exc}") from None
    entries = {}
    for n, entry in enumerate(data.get("document", []), 1):
        if "file" not in entry:
            raise DocumentError(path, f"[[document]] number {n} has no 'file'")
        entries[entry["file"]] = entry
    return entries


def manifest_entry(doc: Path) -> dict | None:
    for folder in (doc.parent, doc.parent.parent):
        m = folder / "manifest.toml"
        if m.is_file():
            entries = _load_manifest(m.resolve())
            rel = doc.resolve().relative_to(folder.resolve()).as_posix()
            entry = entries.get(rel) or entries.get(doc.name)
            if entry:
                return entry
    return None


_PLAIN = re.compile(r"[0-9A-Za-z_\-\u4e00-\u9fff]+")


def doc_id_for(doc: Path, entry: dict | None, rel: str | None = None) -> str:
    """The document's id: the manifest's, else derived from its path relative to the corpus
    root (`rel`; the file name when no root is known) so that two files never share one.

    A top-level `.txt` whose name is already a plain id keeps it (plan.txt → plan); any other
    path gets a readable slug plus 8 hex digits of the path's hash, because slugging loses
    information (a/dup.txt and b/dup.txt, 十二五 规划.txt and 十二五-规划.txt would meet).
    Same path, same id, run after run."""
    if entry and entry.get("id"):
        return str(entry["id"])
    rel = rel or doc.name
    stem = rel[: -len(Path(rel).suffix)] if Path(rel).suffix else rel
    if "/" not in rel and Path(rel).suffix == ".txt" and _PLAIN.fullmatch(stem):
        return stem
    slug = re.sub(r"[^0-9A-Za-z_\-\u4e00-\u9fff]+", "-", stem).strip("-") or "document"
    return f"{slug}-{hashlib.sha256(rel.encode('utf-8')).hexdigest()[:8]}"
