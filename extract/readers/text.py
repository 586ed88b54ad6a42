"""Reading a document file into text, with a clear error when that is not possible.

Offsets everywhere in policykg index the string this returns, so it never rewrites the text
(no newline or width normalisation here).
"""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path


class DocumentError(Exception):
    """A document that cannot be read or parsed. The message names the file and the reason."""

    def __init__(self, path: Path | str, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def _cjk_share(text: str) -> float:
    visible = [ch for ch in text if not ch.isspace()]
    if not visible:
        return 0.0
    cjk = sum(1 for ch in visible if "\u3400" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f")
    return cjk / len(visible)


def _looks_like_text(text: str) -> bool:
    """False when decoding produced mostly control, private-use or unassigned characters (a
    binary file behind a byte-order mark, or the wrong encoding)."""
    visible = [ch for ch in text if ch not in "\n\r\t"]
    if not visible:
        return False
    odd = sum(1 for ch in visible if unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs"))
    return odd / len(visible) < 0.05


def decode(data: bytes, path: Path | str = "<bytes>") -> str:
    text = _decode(data, path)
    if not _looks_like_text(text):
        raise DocumentError(path, "decodes to control or unassigned characters: not a text document")
    return text


def _decode(data: bytes, path: Path | str) -> str:
    """UTF-8 (with or without BOM) first; UTF-16 with a BOM; then GB18030, which Chinese
    government sites still serve, accepted only when the result is mostly Chinese text
    (GB18030 maps almost any byte string to *something*)."""
    if not data.strip():
        raise DocumentError(path, "the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DocumentError(path, f"has a UTF-16 byte-order mark but is not UTF-16 ({exc.reason})") from None
    if b"\x00" in data:
        raise DocumentError(path, "binary content (NUL bytes): not a text document")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            text = None
        if text is not None and _cjk_share(text) >= 0.3:
            return text
        raise DocumentError(
            path,
            f"cannot be decoded as UTF-8 (byte {utf8_error.start}: {utf8_error.reason}) "
            "nor as GB18030 Chinese text; save it as UTF-8",
        ) from None


def read_document(path: Path) -> tuple[str, str]:
    """Return (text, sha256 of the bytes)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(path, f"cannot be read: {exc.strerror or exc}") from None
    return decode(data, path), hashlib.sha256(data).hexdigest()
