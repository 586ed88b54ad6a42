"""The reader registry: one module per format, chosen by what the bytes are, then by suffix.

Content sniffing comes first because users rename files (a PDF or a saved web page called
.txt used to load as an empty plan); the suffix decides only when no reader claims the bytes.
Adding a format is one module with FORMAT, SUFFIXES, sniff(head: bytes) -> bool and
read(path, data) -> ReadResult, named in READERS.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

from policykg.extract.readers.base import ReadResult
from policykg.extract.readers.text import DocumentError, read_bytes

# Sniffing order: most specific signature first; text last (it claims nothing by content).
READERS = ["pdf", "docx", "html", "text"]
_HEAD = 4096


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"policykg.extract.readers.{name}")


def suffixes() -> set[str]:
    return {s for name in READERS for s in _module(name).SUFFIXES}


def detect(path: Path, data: bytes) -> ModuleType:
    head = data[:_HEAD]
    for name in READERS:
        mod = _module(name)
        if mod.sniff(head):
            return mod
    suffix = path.suffix.lower()
    for name in READERS:
        mod = _module(name)
        if suffix in mod.SUFFIXES:
            return mod
    return _module("text")


# Formats users bring that no reader handles, named so the error says what to do.
_REFUSED = [(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Office file (.doc/.wps/.xls, OLE2): save it as .docx or PDF"),
            (b"{\\rtf", "an RTF file: save it as .docx or PDF")]


def read_path(path: Path) -> ReadResult:
    """Read any supported file. Raises DocumentError naming the file and the reason."""
    data = read_bytes(path)
    for magic, reason in _REFUSED:
        if data.startswith(magic):
            raise DocumentError(path, reason)
    mod = detect(path, data)
    try:
        return mod.read(path, data)
    except DocumentError:
        raise
    except Exception as exc:  # a corrupt file must fail by name, never crash the build
        raise DocumentError(path, f"cannot be read as {mod.FORMAT} ({type(exc).__name__}: {exc})") from exc
