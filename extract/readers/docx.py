"""Reading a Word .docx file: paragraphs with their automatic numbering rendered, tables as tables.

Chinese plans number their headings with Word lists (一、 （一） 1. …): the numbers live in
numbering.xml, not in the paragraph text, and python-docx (like most extractors) drops them;
docx2python renders them as `1)` whatever the list's format says. This reader renders each
numbered paragraph's label the way Word shows it: the level's lvlText (`%1、`, `（%1）`) with the
counters formatted by numFmt (chineseCounting → 一, decimal → 1, decimalEnclosedCircle → ①),
restarted per level as Word does, and numbering that a paragraph takes from its style (Heading 1
linked to a list) included.

Tables are rendered row by row, cells separated by a tab; a vertically merged cell (vMerge) or a
horizontally merged one (gridSpan) repeats its text in every row/column it covers and points,
in `SourceRef`, at the cell that holds the text.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

from policykg.extract.readers.base import ReadResult, TableRead, TextBuilder, render_grid
from policykg.extract.readers.text import DocumentError
from policykg.schema.models import SourceRef

FORMAT = "docx"
SUFFIXES = (".docx",)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def sniff(head: bytes) -> bool:
    # A zip whose first entry names a Word part; [Content_Types].xml comes first in most files,
    # so the zip is opened in read() when the head alone cannot tell.
    return head.startswith(b"PK\x03\x04") and (b"word/" in head or b"[Content_Types].xml" in head)


# -- list numbering -------------------------------------------------------------------------

_CN = "零一二三四五六七八九"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_counting(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (Word's chineseCounting)."""
    if n <= 0:
        return "零"
    if n < 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n % 10] if n % 10 else "")
    if n < 100:
        return _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")
    rest = n % 100
    tail = "" if rest == 0 else ("零" + _CN[rest] if rest < 10 else chinese_counting(rest) if rest >= 20
                                 else "一" + chinese_counting(rest))
    return _CN[n // 100] + "百" + tail


def _roman(n: int) -> str:
    vals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
            (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for v, s in vals:
        while n >= v:
            out, n = out + s, n - v
    return out


def _letter(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "chineseLegalSimplified",
               "ideographDigital", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return chinese_counting(n)
    if fmt in ("ideographTraditional",):
        return _TIANGAN[(n - 1) % 10]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return _CIRCLED[n - 1]
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(ord(d) - ord("0") + ord("０")) for d in str(n))
    if fmt == "lowerLetter":
        return _letter(n)
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "none":
        return ""
    return str(n)  # decimal, decimalZero and anything unknown: the number itself


class Numbering:
    """Counters and formats of a document's lists (numbering.xml)."""

    def __init__(self, root):
        self.abstract: dict[str, dict[int, dict]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        for an in root.iter(W + "abstractNum"):
            levels = {}
            for lvl in an.iter(W + "lvl"):
                levels[int(lvl.get(W + "ilvl"))] = {
                    "start": int(_val(lvl, "start") or 1), "fmt": _val(lvl, "numFmt") or "decimal",
                    "text": _val(lvl, "lvlText") or "", "suff": _val(lvl, "suff") or "tab",
                }
            self.abstract[an.get(W + "abstractNumId")] = levels
        for num in root.iter(W + "num"):
            overrides = {}
            for ov in num.iter(W + "lvlOverride"):
                so = _val(ov, "startOverride")
                if so is not None:
                    overrides[int(ov.get(W + "ilvl"))] = int(so)
            self.nums[num.get(W + "numId")] = (_val(num, "abstractNumId"), overrides)

    def label(self, num_id: str, ilvl: int) -> str:
        if num_id not in self.nums or num_id == "0":
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        if ilvl not in levels:
            return ""
        # Counters are kept per list instance (numId); a level restarts when a higher one moves.
        counts = self.counters.setdefault(num_id, {})
        start = overrides.get(ilvl, levels[ilvl]["start"])
        counts[ilvl] = counts.get(ilvl, start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        text = levels[ilvl]["text"]
        for k in range(8, -1, -1):
            if f"%{k + 1}" in text:
                lv = levels.get(k, {"fmt": "decimal", "start": 1})
                n = counts.get(k, overrides.get(k, lv["start"]))
                text = text.replace(f"%{k + 1}", format_number(n, lv["fmt"]))
        if levels[ilvl]["fmt"] == "bullet":
            return ""  # a bullet carries no number the structure stage could use
        suff = levels[ilvl]["suff"]
        if suff == "space" or (suff == "tab" and text and text[-1] not in "、）)．.，："):
            text += " "
        return text


def _val(el, tag: str) -> str | None:
    child = el.find(W + tag)
    return child.get(W + "val") if child is not None else None


class Styles:
    def __init__(self, root):
        self.by_id: dict[str, object] = {}
        if root is not None:
            for st in root.iter(W + "style"):
                self.by_id[st.get(W + "styleId")] = st

    def name(self, style_id: str | None) -> str | None:
        st = self.by_id.get(style_id or "")
        if st is None:
            return None
        n = st.find(W + "name")
        return n.get(W + "val") if n is not None else style_id

    def num_pr(self, style_id: str | None) -> tuple[str, int] | None:
        """The list a style attaches its paragraphs to (following basedOn)."""
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            st = self.by_id.get(style_id)
            if st is None:
                return None
            ppr = st.find(W + "pPr")
            npr = ppr.find(W + "numPr") if ppr is not None else None
            if npr is not None and _val(npr, "numId"):
                return _val(npr, "numId"), int(_val(npr, "ilvl") or 0)
            style_id = _val(st, "basedOn")
        return None


# -- body -----------------------------------------------------------------------------------

def _par_text(p) -> str:
    parts = []
    for el in p.iter():
        if el.tag == W + "t":
            parts.append(el.text or "")
        elif el.tag == W + "tab":
            parts.append("\t")
        elif el.tag in (W + "br", W + "cr"):
            parts.append(" ")
    return "".join(parts)


class _Reader:
    def __init__(self, numbering: Numbering, styles: Styles):
        self.numbering = numbering
        self.styles = styles
        self.out = TextBuilder(FORMAT)
        self.tables: list[TableRead] = []
        self.par_index = 0

    def paragraph_text(self, p) -> tuple[str, str | None]:
        ppr = p.find(W + "pPr")
        style_id = _val(ppr, "pStyle") if ppr is not None else None
        npr = ppr.find(W + "numPr") if ppr is not None else None
        label = ""
        num = None
        if npr is not None and _val(npr, "numId"):
            num = (_val(npr, "numId"), int(_val(npr, "ilvl") or 0))
        elif style_id:
            num = self.styles.num_pr(style_id)
        if num:
            label = self.numbering.label(*num)
        return label + _par_text(p).strip(), self.styles.name(style_id)

    def paragraph(self, p) -> None:
        text, style = self.paragraph_text(p)
        ref = SourceRef(format=FORMAT, paragraph=self.par_index,
                        element=f"paragraph[{self.par_index}]" + (f" style={style}" if style else ""))
        self.par_index += 1
        if text.strip():
            self.out.add(text, ref)
        self.out.newline()

    def cell_text(self, tc) -> str:
        parts = []
        for p in tc.iter(W + "p"):
            t, _ = self.paragraph_text(p)
            if t.strip():
                parts.append(t.strip())
        return " ".join(parts)

    def table(self, tbl) -> None:
        index = len(self.tables)
        grid: dict[tuple[int, int], tuple[str, tuple[int, int]]] = {}
        n_cols = 0
        for r, tr in enumerate(tbl.findall(W + "tr")):
            c = 0
            for tc in tr.findall(W + "tc"):
                tcpr = tc.find(W + "tcPr")
                span = int(_val(tcpr, "gridSpan") or 1) if tcpr is not None else 1
                vm = tcpr.find(W + "vMerge") if tcpr is not None else None
                continues = vm is not None and vm.get(W + "val") in (None, "continue")
                if continues and (r - 1, c) in grid:
                    text, origin = grid[(r - 1, c)]
                else:
                    text, origin = self.cell_text(tc), (r, c)
                for dc in range(span):
                    grid[(r, c + dc)] = (text, origin)
                c += span
            n_cols = max(n_cols, c)
        if not grid:
            return
        n_rows = max(r for r, _ in grid) + 1

        def cell(r: int, c: int) -> tuple[str, tuple[int, int], str]:
            text, origin = grid.get((r, c), ("", (r, c)))
            return text, origin, f"table[{index}] row {origin[0]} cell {origin[1]}"

        self.tables.append(render_grid(self.out, index, n_rows, n_cols, cell))

    def body(self, body) -> None:
        for el in body:
            if el.tag == W + "p":
                self.paragraph(el)
            elif el.tag == W + "tbl":
                self.table(el)
            elif el.tag == W + "sdt":  # content controls wrap ordinary paragraphs and tables
                content = el.find(W + "sdtContent")
                if content is not None:
                    self.body(content)


def read(path: Path, data: bytes) -> ReadResult:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise DocumentError(path, "not a Word document (.docx is a zip archive; this file is not one)") from None
    if "word/document.xml" not in zf.namelist():
        raise DocumentError(path, "a zip archive without word/document.xml: not a Word .docx document")
    import docx  # python-docx: parses the package and its parts

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise DocumentError(path, f"Word document cannot be opened ({type(exc).__name__}: {exc})") from None
    try:
        numbering_root = document.part.numbering_part.element
    except (NotImplementedError, KeyError):
        numbering_root = None
    reader = _Reader(Numbering(numbering_root), Styles(document.styles.element))
    reader.body(document.element.body)
    text = reader.out.text
    if not text.strip():
        raise DocumentError(path, "Word document without text")
    header = {}
    title = (document.core_properties.title or "").strip()
    if title and len(title) >= 6 and any("\u4e00" <= ch <= "\u9fff" for ch in title):
        header["title"] = title
    return ReadResult(text=text, format=FORMAT, sha256=hashlib.sha256(data).hexdigest(), spans=reader.out.spans,
                      header=header, tables=reader.tables)
