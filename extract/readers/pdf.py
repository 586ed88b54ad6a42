"""Reading a PDF with a text layer (pdfplumber, MIT): text in reading order, tables as tables.

- Lines come in reading order (top to bottom within a page); a line that runs to the right edge
  of the text block and is followed by an unindented line is a hard wrap, and the two are joined
  (also across a page break), so a clause never breaks inside an agency name.
- Running headers and footers (the same line at the top or bottom band of most pages) and page
  numbers (`- 3 -`, `第3页`, a bare number) are removed.
- Ruled tables are found per page and read as tables; a table that continues on the next page
  (the next page starts with a table of as many columns) is one table, its repeated header row
  dropped. Cells a merged cell covers repeat its text and point at it.
- CJK PDF fonts often map ordinary characters to Kangxi radicals (U+2F00–U+2FDF: ⼀ for 一,
  ⽇ for 日) or CJK compatibility ideographs; those two ranges only are mapped with NFKC, and
  `ReadResult.originals` keeps what the page holds, so evidence can say it (SourceRef.original).
- A PDF without a text layer (a scan) is an error: "no text layer: OCR it first".
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from policykg.extract.readers.base import Cell, ReadResult, TableRead, TextBuilder
from policykg.extract.readers.text import DocumentError
from policykg.schema.models import SourceRef

FORMAT = "pdf"
SUFFIXES = (".pdf",)

_PAGE_NUMBER = re.compile(r"^(?:[-—－–\s]*\d{1,4}[-—－–\s]*|第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$")
_TERMINAL = set("。！？；：”）)》】!?;:")
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[．.、]|[（(]\d{1,2}[）)]|附件)")
BAND = 0.09  # the top and bottom 9% of a page are where running heads and page numbers sit


def sniff(head: bytes) -> bool:
    return b"%PDF-" in head[:1024]


def _is_mended(ch: str) -> bool:
    o = ord(ch)
    return 0x2F00 <= o <= 0x2FDF or 0xF900 <= o <= 0xFAFF or 0x2F800 <= o <= 0x2FA1F


def mend(s: str) -> tuple[str, dict[int, str]]:
    """Kangxi radicals and compatibility ideographs to the ordinary characters they stand for
    (NFKC on those ranges only; one character each, so offsets do not move)."""
    if not any(_is_mended(ch) for ch in s):
        return s, {}
    out, originals = [], {}
    for i, ch in enumerate(s):
        if _is_mended(ch):
            m = unicodedata.normalize("NFKC", ch)
            if len(m) == 1 and m != ch:
                originals[i] = ch
                ch = m
        out.append(ch)
    return "".join(out), originals


def _join_cell(s: str | None) -> str:
    if not s:
        return ""
    parts = [p.strip() for p in s.split("\n") if p.strip()]
    out = ""
    for p in parts:
        if out and (out[-1].isascii() and out[-1].isalnum()) and (p[0].isascii() and p[0].isalnum()):
            out += " "
        out += p
    return out


@dataclass
class _Line:
    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass
class _Table:
    page: int
    top: float
    rows: list[list[str | None]]
    pages: list[int] = field(default_factory=list)
    row_pages: list[int] = field(default_factory=list)  # the page each row stands on

    def __post_init__(self):
        if not self.row_pages:
            self.row_pages = [self.page] * len(self.rows)


def _runner_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.replace(" ", ""))


def read(path: Path, data: bytes) -> ReadResult:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PDFPasswordIncorrect:
        raise DocumentError(path, "the PDF is password-protected") from None
    except Exception as exc:
        raise DocumentError(path, f"not a readable PDF ({type(exc).__name__}: {exc})") from None
    with pdf:
        items: list[tuple[float, float, int, object]] = []  # (page, top, kind, line|table)
        heights: dict[int, float] = {}
        images = 0
        textless: list[int] = []
        for pno, page in enumerate(pdf.pages, 1):
            heights[pno] = float(page.height)
            images += len(page.images)
            found = page.find_tables()
            boxes = [t.bbox for t in found]
            for t in found:
                items.append((pno, t.bbox[1], 1, _Table(pno, t.bbox[1], t.extract(), [pno])))

            def outside(obj, boxes=boxes):
                cx = (obj["x0"] + obj["x1"]) / 2
                cy = (obj["top"] + obj["bottom"]) / 2
                return not any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes)

            if not page.chars:
                textless.append(pno)
            view = page.filter(lambda o: o.get("object_type") != "char" or outside(o)) if boxes else page
            for ln in view.extract_text_lines(layout=False, strip=True, return_chars=False):
                if ln["text"].strip():
                    items.append((pno, ln["top"], 0, _Line(pno, ln["text"].strip(), ln["x0"], ln["x1"],
                                                           ln["top"], ln["bottom"])))
        n_pages = len(pdf.pages)
    if not any(kind == 0 or kind == 1 for _, _, kind, _ in items) or \
            sum(len(o.text) for _, _, k, o in items if k == 0) + sum(1 for _, _, k, _ in items if k == 1) < 10:
        what = f" ({images} images on {n_pages} pages)" if images else ""
        raise DocumentError(path, f"no text layer: OCR it first{what}")
    items.sort(key=lambda it: (it[0], it[1], it[2]))
    items = _drop_running(items, heights, n_pages)
    items = _merge_tables_over_pages(items)
    result = _render(items, data)
    if textless:
        # A scanned page inside a typeset PDF: its text is missing from the plan, say so.
        pages = ", ".join(map(str, textless))
        result = result.model_copy(update={"warnings": [f"pages without a text layer (OCR them): {pages}"]})
    return result


def _drop_running(items, heights, n_pages):
    """Drop page numbers and lines repeated in the top/bottom band of most pages."""
    def in_band(line: _Line) -> bool:
        h = heights[line.page]
        return line.top < h * BAND or line.bottom > h * (1 - BAND)

    band_keys = Counter(_runner_key(o.text) for _, _, k, o in items if k == 0 and in_band(o))
    repeated = {key for key, n in band_keys.items() if n_pages >= 2 and n >= max(2, n_pages * 0.5)}
    out = []
    for it in items:
        _, _, kind, o = it
        if kind == 0 and in_band(o) and (_PAGE_NUMBER.match(o.text) or _runner_key(o.text) in repeated):
            continue
        out.append(it)
    return out


def _merge_tables_over_pages(items):
    """A table that goes on at the top of the next page is one table: same column count, nothing
    between them but the page break; the next page's first row is dropped when it repeats the
    header."""
    out = []
    for it in items:
        pno, top, kind, o = it
        if kind == 1 and out:
            prev = out[-1]
            if prev[2] == 1 and prev[3].pages[-1] == pno - 1 and o.rows and prev[3].rows and \
                    len(o.rows[0]) == len(prev[3].rows[0]):
                rows = o.rows[1:] if [_join_cell(c) for c in o.rows[0]] == [_join_cell(c) for c in prev[3].rows[0]] \
                    else o.rows
                prev[3].rows.extend(rows)
                prev[3].row_pages.extend([pno] * len(rows))
                prev[3].pages.append(pno)
                continue
        out.append(it)
    return out


def _render(items, data: bytes) -> ReadResult:
    out = TextBuilder(FORMAT)
    tables: list[TableRead] = []
    originals: dict[int, str] = {}
    lines = [o for _, _, k, o in items if k == 0]
    left = min((ln.x0 for ln in lines), default=0.0)
    right = max((ln.x1 for ln in lines), default=0.0)
    char_w = _char_width(lines)
    prev: _Line | None = None

    def emit(s: str, ref: SourceRef) -> tuple[int, int]:
        mended, orig = mend(s)
        start, end = out.add(mended, ref)
        originals.update({start + i: ch for i, ch in orig.items()})
        return start, end, mended

    for pno, _top, kind, o in items:
        if kind == 0:
            joined = (prev is not None and prev.x1 >= right - 1.5 * char_w and o.x0 <= left + 0.5 * char_w
                      and not (prev.text[-1] in _TERMINAL and _HEADING.match(o.text)))
            if not joined and out.pos:
                out.newline()
            emit(o.text, SourceRef(format=FORMAT, page=o.page))
            prev = o
            continue
        prev = None
        if out.pos:
            out.newline()
        tables.append(_render_table(o, len(tables), out, emit))
        # _render_table ends with a newline; keep the paragraph logic from joining across it
    if out.pos:
        out.newline()
    return ReadResult(text=out.text, format=FORMAT, sha256=hashlib.sha256(data).hexdigest(), spans=out.spans,
                      originals=originals, tables=tables)


def _render_table(t: _Table, index: int, out: TextBuilder, emit) -> TableRead:
    start = out.pos
    n_cols = max(len(r) for r in t.rows)
    grid: list[list[tuple[str, tuple[int, int]]]] = []
    # Page of each row: the rows of the first page, then of the next, … (tables only grow down).
    for r, row in enumerate(t.rows):
        cells = []
        for c in range(n_cols):
            raw = row[c] if c < len(row) else None
            if raw is None and r > 0 and grid[r - 1][c][0]:
                cells.append(grid[r - 1][c])  # a vertically merged cell: its text, its origin
            elif raw is None and c > 0 and cells:
                cells.append(cells[-1])  # a horizontally merged one
            else:
                cells.append((_join_cell(raw), (r, c)))
        grid.append(cells)
    rows = []
    for r, cells in enumerate(grid):
        row_cells = []
        for c, (text, origin) in enumerate(cells):
            if c:
                out.add("\t")
            ref = SourceRef(format=FORMAT, page=t.row_pages[origin[0]], table=index, row=origin[0], col=origin[1],
                            element=f"table[{index}] on pages {'-'.join(map(str, sorted(set(t.pages))))}")
            s, e, shown = emit(text, ref)
            row_cells.append(Cell(row=r, col=c, text=shown, start=s, end=e, source=ref,
                                  merged_from=origin if origin != (r, c) else None))
        out.newline()
        rows.append(row_cells)
    return TableRead(index=index, start=start, end=out.pos, rows=rows, pages=t.pages)


def _char_width(lines: list[_Line]) -> float:
    widths = sorted((ln.x1 - ln.x0) / len(ln.text) for ln in lines if len(ln.text) >= 5)
    return widths[len(widths) // 2] if widths else 10.0
