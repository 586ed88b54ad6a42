"""Finding documents and their manifest entries.

A manifest is a `manifest.toml` with `[[document]]` tables (see corpus/manifest.toml), found
beside a document or in the folder above it. Documents need no entry: without one the id comes
from the file name and the metadata from the text's own header.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from policykg.extract.readers.text import DocumentError

DOCUMENT_SUFFIXES = {".txt", ".text", ".md"}


def discover(paths: list[Path]) -> list[Path]:
    """Document files under the given files and folders, sorted, each once."""
    found: list[Path] = []
    for p in paths:
        if p.is_dir():
            found.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in DOCUMENT_SUFFIXES
                                and not any(part.startswith(".") for part in f.relative_to(p).parts)))
        elif p.exists():
            found.append(p)
        else:
            raise DocumentError(p, "no such file or folder")
    seen: set[Path] = set()
    out = []
    for f in found:
        r = f.resolve()
        if r not in seen:
            seen.add(r)
            out.append(f)
    return out


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


def doc_id_for(doc: Path, entry: dict | None) -> str:
    if entry and entry.get("id"):
        return str(entry["id"])
    return re.sub(r"[^0-9A-Za-z_\-\u4e00-\u9fff]+", "-", doc.stem).strip("-") or "document"
