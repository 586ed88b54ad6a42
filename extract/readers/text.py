"""Reading a plain-text document: bytes to text, with a clear error when that is not possible.

Encodings are detected by charset-normalizer (a maintained detector), restricted to what
Chinese government documents come in: UTF-8/16/32 with or without a byte-order mark, the GB
family (GB2312 ⊂ GBK ⊂ GB18030, always decoded as GB18030, the superset) and Big5.

Offsets everywhere in policykg index the string this returns, so line endings are normalised
only where that keeps every offset: a lone CR and the other one-character breaks Python's
splitlines knows (VT, FF, NEL, U+2028/2029) become LF; CRLF stays as it is (the structure stage
reads it as one break), so offsets equal those of the decoded file.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from charset_normalizer import from_bytes

FORMAT = "text"
SUFFIXES = (".txt", ".text", ".md")


class DocumentError(Exception):
    """A document that cannot be read or parsed. The message names the file and the reason."""

    def __init__(self, path: Path | str, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


# Candidates the detector may choose among: anything else (latin-1, cp1252 …) decodes almost
# any bytes and would turn a wrong file into a plan of mojibake.
_CANDIDATES = ["utf_8", "utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be",
               "gb18030", "gbk", "gb2312", "big5", "big5hkscs", "cp950"]
_BOMS = [(b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")]
_GB = {"gbk", "gb2312", "gb18030", "cp936"}
_ONE_CHAR_BREAKS = re.compile(r"\r(?!\n)|[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def _cjk_share(text: str) -> float:
    visible = [ch for ch in text if not ch.isspace()]
    if not visible:
        return 0.0
    cjk = sum(1 for ch in visible if "\u3400" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
              or "\uff00" <= ch <= "\uffef")
    return cjk / len(visible)


def _looks_like_text(text: str) -> bool:
    """False when decoding produced mostly control, private-use or unassigned characters (a
    binary file behind a byte-order mark, or the wrong encoding)."""
    visible = [ch for ch in text if ch not in "\n\r\t"]
    if not visible:
        return False
    odd = sum(1 for ch in visible if unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs"))
    return odd / len(visible) < 0.05


def normalize_line_endings(text: str) -> str:
    """One-character line breaks to LF; same length, so no offset moves."""
    return _ONE_CHAR_BREAKS.sub("\n", text)


def decode(data: bytes, path: Path | str = "<bytes>") -> str:
    # Breaks first: a form feed between pages is a line break, not a sign of binary content.
    text = normalize_line_endings(_decode(data, path))
    if not _looks_like_text(text):
        raise DocumentError(path, "decodes to control or unassigned characters: not a text document")
    return text


def detect_encoding(data: bytes) -> str | None:
    """The encoding charset-normalizer finds among the Chinese candidates, or None."""
    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None:
        return None
    enc = best.encoding.replace("-", "_").lower()
    return "gb18030" if enc in _GB else enc


def _decode(data: bytes, path: Path | str) -> str:
    if not data.strip():
        raise DocumentError(path, "the file is empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise DocumentError(path, f"has a {enc.upper()} byte-order mark but is not {enc.upper()} "
                                          f"({exc.reason})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    enc = detect_encoding(data)
    text = None
    if enc is not None:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            text = None
    if text is not None and enc.startswith(("utf_16", "utf_32")) and _looks_like_text(text):
        return text
    if b"\x00" in data and (text is None or not enc.startswith(("utf_16", "utf_32"))):
        raise DocumentError(path, "binary content (NUL bytes): not a text document")
    # GB18030 and Big5 map almost any byte string to *something*: accept the result only when
    # it is mostly Chinese text.
    if text is not None and _cjk_share(text) >= 0.3:
        return text
    raise DocumentError(
        path,
        f"cannot be decoded as UTF-8 (byte {utf8_error.start}: {utf8_error.reason}) "
        "nor as GB18030/Big5 Chinese text; save it as UTF-8",
    )


def sniff(head: bytes) -> bool:
    """Plain text is what is left when no other reader claims the bytes."""
    return False


def read(path: Path, data: bytes):
    from policykg.extract.readers.base import ReadResult

    from policykg.extract.readers.base import Span

    text = decode(data, path)
    tables = text_tables(text)
    spans = [Span(start=c.start, end=c.end, source=c.source) for t in tables for row in t.rows for c in row if c.text]
    return ReadResult(text=text, format=FORMAT, sha256=hashlib.sha256(data).hexdigest(), tables=tables, spans=spans)


# A row of a table typed as text: cells between tabs or | bars (Markdown, copied spreadsheets).
_CELL_SEP = re.compile(r"\t+|\s*[|｜]\s*")


def text_tables(text: str) -> list:
    """Runs of at least three lines that split into the same number (>= 3) of cells. The cells
    index the text as it is (nothing is rewritten); the tables stage decides which are 分工表."""
    from policykg.extract.readers.base import Cell, TableRead

    def cells_of(line_start: int, line: str):
        body = line.rstrip("\r")
        if "\t" not in body and "|" not in body and "｜" not in body:
            return None
        out, pos = [], 0
        for m in list(_CELL_SEP.finditer(body)) + [None]:
            end = m.start() if m else len(body)
            raw = body[pos:end]
            lead = len(raw) - len(raw.lstrip())
            core = raw.strip()
            out.append((core, line_start + pos + lead, line_start + pos + lead + len(core)))
            pos = m.end() if m else len(body)
        if body.strip().startswith(("|", "｜")):
            out = out[1:]
        if body.strip().endswith(("|", "｜")):
            out = out[:-1]
        return out if len(out) >= 3 else None

    tables, run, pos = [], [], 0
    lines = text.split("\n")
    for i, line in enumerate(lines + [""]):
        cells = cells_of(pos, line) if i < len(lines) else None
        if cells and re.fullmatch(r"[\s|｜:：\-—]+", line):
            pos += len(line) + 1
            continue  # a Markdown rule line |---|---|
        if cells and (not run or len(cells) == len(run[0][1])):
            run.append((pos, cells))
        else:
            if len(run) >= 3:
                tables.append(run)
            run = [(pos, cells)] if cells else []
        pos += len(line) + 1
    out = []
    for n, run in enumerate(tables):
        rows = [[Cell(row=r, col=c, text=t, start=s, end=e, source=_text_ref(r, c, n))
                 for c, (t, s, e) in enumerate(cells)] for r, (_, cells) in enumerate(run)]
        out.append(TableRead(index=n, start=run[0][0], end=run[-1][1][-1][2], rows=rows))
    return out


def _text_ref(row: int, col: int, table: int):
    from policykg.schema.models import SourceRef

    return SourceRef(format=FORMAT, table=table, row=row, col=col)


def read_document(path: Path) -> tuple[str, str]:
    """Return (text, sha256 of the bytes) of a plain-text file."""
    data = read_bytes(path)
    return decode(data, path), hashlib.sha256(data).hexdigest()


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DocumentError(path, f"cannot be read: {exc.strerror or exc}") from None
