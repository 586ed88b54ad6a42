"""What every reader returns: the document's text plus a map from text offsets to the source.

Offsets everywhere in policykg index `ReadResult.text`. A reader of a structured format (HTML,
DOCX, PDF) renders the parts it keeps as lines of text and records, for each rendered span, where
in the file it came from (`SourceRef`: page, paragraph, table cell, element), so that evidence
found in the text can say where the original file holds it while its quote stays exactly
`text[start:end]`.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from policykg.schema.models import SourceRef


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Model):
    start: int
    end: int
    source: SourceRef


class Cell(_Model):
    """One cell of a table as the reader rendered it into the text (`text == doc[start:end]`).

    A cell that a merged cell covers repeats the merged cell's text in its own row (so the row
    reads complete) and `source` points at the cell that holds the text."""

    row: int
    col: int
    text: str
    start: int
    end: int
    source: SourceRef
    merged_from: tuple[int, int] | None = None  # (row, col) of the merged cell this copies


class TableRead(_Model):
    index: int  # 0-based table index in the document
    start: int  # span of the rendered table in the text
    end: int
    rows: list[list[Cell]]
    pages: list[int] = Field(default_factory=list)  # PDF: pages the table runs over


class ReadResult(_Model):
    text: str
    format: str  # text | html | docx | pdf
    sha256: str = ""
    spans: list[Span] = Field(default_factory=list)  # sorted, non-overlapping
    # Characters the reader mended (PDF Kangxi radicals …): offset -> what the source holds.
    originals: dict[int, str] = Field(default_factory=dict)
    # Metadata the file states outside its text (HTML meta tags, the page's 索引号 table,
    # DOCX core properties): PlanMeta field name -> value.
    header: dict[str, str | int | dt.date] = Field(default_factory=dict)
    tables: list[TableRead] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    _starts: list[int] = PrivateAttr(default_factory=list)

    def model_post_init(self, __context) -> None:
        self._starts = [s.start for s in self.spans]

    def source_at(self, start: int, end: int | None = None) -> SourceRef | None:
        """The source of the span that holds `start`; with `end`, `original` is set when the
        reader mended characters inside [start, end)."""
        if not self.spans:
            ref = SourceRef(format=self.format) if self.format != "text" else None
        else:
            starts = self._starts
            i = bisect.bisect_right(starts, start) - 1
            if i >= 0 and self.spans[i].start <= start < max(self.spans[i].end, self.spans[i].start + 1):
                ref = self.spans[i].source
            elif self.format == "text":
                ref = None  # plain text needs no map; only its table cells have one
            else:
                # Between spans (a separator newline): the next span's source.
                ref = self.spans[i + 1].source if i + 1 < len(self.spans) else self.spans[-1].source
        if ref is None or end is None or not self.originals:
            return ref
        mended = [o for o in self.originals if start <= o < end]
        if not mended:
            return ref
        chars = list(self.text[start:end])
        for o in mended:
            chars[o - start] = self.originals[o]
        return ref.model_copy(update={"original": "".join(chars)})


class TextBuilder:
    """Accumulates rendered lines and their spans; readers share it so offsets stay exact."""

    def __init__(self, fmt: str):
        self.fmt = fmt
        self.parts: list[str] = []
        self.pos = 0
        self.spans: list[Span] = []
        self.originals: dict[int, str] = {}

    def add(self, s: str, source: SourceRef | None = None) -> tuple[int, int]:
        start = self.pos
        self.parts.append(s)
        self.pos += len(s)
        if source is not None and s:
            self.spans.append(Span(start=start, end=self.pos, source=source))
        return start, self.pos

    def newline(self, n: int = 1) -> None:
        self.add("\n" * n)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def render_grid(out: TextBuilder, index: int, n_rows: int, n_cols: int,
                cell: Callable[[int, int], tuple[str, tuple[int, int], str | None]]) -> TableRead:
    """Render a table's grid into `out`, a row a line and a tab between cells, and record each
    cell's span. `cell(r, c)` gives the text, the (row, col) of the cell that holds it and the
    source element; each format finds those its own way, the rendering is the same for all."""
    start = out.pos
    rows: list[list[Cell]] = []
    for r in range(n_rows):
        cells = []
        for c in range(n_cols):
            if c:
                out.add("\t")
            text, origin, element = cell(r, c)
            ref = SourceRef(format=out.fmt, table=index, row=origin[0], col=origin[1], element=element)
            s, e = out.add(text, ref)
            cells.append(Cell(row=r, col=c, text=text, start=s, end=e, source=ref,
                              merged_from=origin if origin != (r, c) else None))
        out.newline()
        rows.append(cells)
    return TableRead(index=index, start=start, end=out.pos, rows=rows)
