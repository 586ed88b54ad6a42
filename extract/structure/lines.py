"""Lines of a document with their offsets, and logical lines with PDF hard wraps joined.

A `Line` is one physical line with surrounding white space (ASCII and the ideographic space
U+3000 that web pages indent with) trimmed; its offsets still index the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policykg.extract.structure.headings import _CN, APPENDIX, MARKER_FORMS, is_heading_line, match_marker
from policykg.extract.structure.spaces import INLINE_SPACE, LINE_TRIM, SPACE
from policykg.extract.structure.wraps import runs_on

_STRIP = LINE_TRIM


@dataclass(frozen=True)
class Line:
    start: int  # offset of the first non-blank character
    end: int  # offset just past the last non-blank character
    text: str
    raw_blank: bool  # the physical line held only white space (not even empty)


@dataclass
class LogicalLine:
    """One or more physical lines that form one paragraph or heading."""

    parts: list[Line] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.parts[0].start

    @property
    def end(self) -> int:
        return self.parts[-1].end

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.parts)


def physical_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        lines.append(_trimmed(pos, raw.rstrip("\r\n")))
        pos += len(raw)
    return lines


def _trimmed(offset: int, body: str) -> Line:
    """The Line of `body` (which starts at `offset` of the text) with white space trimmed at both ends."""
    stripped_left = body.lstrip(_STRIP)
    content = stripped_left.rstrip(_STRIP)
    start = offset + (len(body) - len(stripped_left))
    return Line(start, start + len(content), content, raw_blank=not content and bool(body))


def join_wrapped(lines: list[Line], is_heading, width: int | None = None) -> list[LogicalLine | Line]:
    """Group physical lines into logical lines; `width` is the page width of a text laid out at a
    fixed width (extract/structure/wraps.py `page_width`), None for one paragraph a line.

    Blank lines are kept (as `Line` with empty text) because a white-space-only line is where
    some web pages lost a chapter heading. A non-blank line is appended to the previous logical
    line when the previous line runs on into it (extract/structure/wraps.py `runs_on`: full,
    stopping mid-sentence, the new line no heading, no white-space-only line between); empty
    lines between the two (page breaks) are skipped over.
    """
    out: list[LogicalLine | Line] = []
    last: LogicalLine | None = None
    pending_blanks: list[Line] = []
    for line in lines:
        if not line.text:
            pending_blanks.append(line)
            continue
        if last is not None and runs_on(last.parts[-1].text, line.text, is_heading,
                                        any(b.raw_blank for b in pending_blanks), width):
            last.parts.append(line)
            pending_blanks = []
            continue
        out.extend(pending_blanks)
        pending_blanks = []
        last = LogicalLine([line])
        out.append(last)
    out.extend(pending_blanks)
    return out



# A body stored as one run-on line (no line break before 一、 / （一） / 1． / 2.1　 / 第五条): a line this
# long with at least RUN_ON_MIN_MARKERS numbering markers inside it is split before each of them.
RUN_ON_MIN_CHARS = 300
RUN_ON_MIN_MARKERS = 3
_WS = INLINE_SPACE
_FORM = {f.type: f.pattern for f in MARKER_FORMS}
# The markers that may open a unit inside a line: the heading registry's forms (headings.MARKER_FORMS),
# decimal numbers apart (they need more context, below).
_MARKER_AT = re.compile("(?=" + "|".join(f"(?:{f.pattern}{f.run_on_guard})" for f in MARKER_FORMS
                                          if f.run_on and f.type != "decimal") + ")")
_DECIMAL_AT = re.compile(f"(?={_FORM['decimal']})")
# Where a sentence, a list label or a closing bracket ended (…方案。一、 / 具体措施：1． / …负责）（二）).
_UNIT_END = "。；;：:）)！？"
# An attachment heading after a space (…处理建议。 附件2国家环境应急指挥部组成及工作组职责): the attachment
# starts there, as it would on its own line.
_INNER_APPENDIX = re.compile(rf"(?<=[{_WS}。])(?=附件[0-9０-９{_CN}]{{1,2}}(?![0-9０-９]))")
# A heading run on into the first unit under it (一、持续提升投资建设便利度（一）优化…, 二、完善工作机制，压实各方
# 责任，提升多方共治合力（一）…, 第一章　总则第一条　…, （一）组织领导1．成立…): a short phrase after the
# marker, commas allowed, no sentence end or bracket, then a marker of a deeper form (higher rank).
_PHRASE = "[^。；;：:！？（()）]{2,60}?"
_HEADING_THEN_DEEPER = {
    f.type: re.compile(f"(?:{f.pattern}){_PHRASE}(?=" + "|".join(
        f"(?:{d.pattern}{d.run_on_guard})" for d in MARKER_FORMS
        if d.run_on and d.type != "decimal" and d.rank > f.rank) + ")")
    for f in MARKER_FORMS if f.run_on and f.type not in ("decimal", "subitem")
}
# A heading that stood alone on its line, run on into its body where the break became white space
# (三、组织领导与责任分工 为确保行动落地见效…, （一）区绿化市容局　　开展行业部署…): a short phrase without
# sentence marks (commas allowed) up to the first white space.
_HEADING_THEN_BODY = re.compile(
    "(?:" + "|".join(f"(?:{f.pattern})" for f in MARKER_FORMS if f.run_on and f.type != "decimal")
    + rf")[^。；;：:！？{_WS}]{{1,40}}(?=[{_WS}]+[^{_WS}])")
# A decimal section heading run on into its body after a paragraph indent (2.1　国家层面组织指挥机构　　环境
# 保护部负责…): the heading is a short phrase without sentence marks.
_DECIMAL_HEADING_THEN_BODY = re.compile(
    rf"{_FORM['decimal']}[^。；;：:！？，,{_WS}]{{1,30}}(?=[{_WS}]{{2}})")


def _inner_markers(text: str) -> list[int]:
    """Where numbering markers open units inside a run-on line. A marker counts where a unit ended right
    before it (…方案。一、), after a paragraph indent of two spaces, which is all that is left of a line
    break in bodies flattened with their indents (…决定：　　一、 / 1　总则　　　　1.1　编制目的), or after a
    single space where a crawl turned each break into one (…领导小组 （二）); never inside running words
    (第3.5条, 2.5亿元, 依照第十二条). A decimal number after one space is a quantity (共 3 个), so it needs
    a unit end or an indent."""
    cuts = []
    for rx, decimal in ((_MARKER_AT, False), (_DECIMAL_AT, True)):
        for m in rx.finditer(text):
            i = m.start()
            gap = 0
            while gap < i and text[i - gap - 1] in _WS:
                gap += 1
            before = text[i - gap - 1] if i - gap > 0 else ""
            if before in _UNIT_END or gap >= 2 or (gap == 1 and not decimal):
                cuts.append(i)
    return sorted(set(cuts))


# A heading that shares its line with the first unit under it, white space between (第一章　总则　　第一条
# 为规范…, 第三章　目录管理　　第十五条　…: every chapter of ab-2021-zhengwu-shuju, a 北大法宝-style export):
# a short phrase without sentence marks or white space after the marker, the gap, then a marker of a
# deeper form (higher rank) with its cross-reference guard. Read on every line, not only run-on ones.
_HEADING_SHARES_LINE = {
    f.type: re.compile(f"(?:{f.pattern})[^。；;：:！？，,（()）\\s]{{1,30}}[^\\S\\n]+(?=" + "|".join(
        f"(?:{d.pattern}{d.run_on_guard})" for d in MARKER_FORMS
        if d.run_on and d.type != "decimal" and d.rank > f.rank) + ")")
    for f in MARKER_FORMS if f.run_on and f.type not in ("decimal", "subitem")
}


def shared_heading_end(text: str, pos: int, end: int) -> int | None:
    """Where the unit after a heading sharing its line starts, for a line starting at `pos` (white space
    before the marker allowed), or None when the line holds no such heading."""
    while pos < end and text[pos] in _STRIP:
        pos += 1
    m = match_marker(text[pos:min(end, pos + 80)])
    rx = _HEADING_SHARES_LINE.get(m.type) if m else None
    h = rx.match(text, pos, end) if rx else None
    return h.end() if h else None


def _split_shared_heading(ln: Line) -> list[Line]:
    """The line as its heading and the unit run on after it (see _HEADING_SHARES_LINE), or unchanged."""
    m = match_marker(ln.text[:80])
    rx = _HEADING_SHARES_LINE.get(m.type) if m else None
    h = rx.match(ln.text) if rx else None
    if not h or h.end() >= len(ln.text):
        return [ln]
    head, rest = _trimmed(ln.start, ln.text[:h.end()]), _trimmed(ln.start + h.end(), ln.text[h.end():])
    return [head, *_split_shared_heading(rest)]


# An article of a regulation run on after the last sentence of the one before, white space between, in a
# line of any length (部门通报。 第四十六条 地下空间所有人…: a PDF line of gz-2011-dixia-kongjian). Only the 第N条
# form, with its cross-reference guard: no other marker is this unmistakable after a sentence.
_ARTICLE = next(f for f in MARKER_FORMS if f.type == "article")
_ARTICLE_AFTER_SENTENCE = re.compile(rf"(?<=[。；;]){SPACE}+(?=(?:{_ARTICLE.pattern}){_ARTICLE.run_on_guard})")


def _split_run_on_articles(ln: Line) -> list[Line]:
    cuts = [m.end() for m in _ARTICLE_AFTER_SENTENCE.finditer(ln.text)]
    if not cuts:
        return [ln]
    bounds = [0, *cuts, len(ln.text)]
    return [p for a, b in zip(bounds, bounds[1:]) if (p := _trimmed(ln.start + a, ln.text[a:b])).text]
def text_lines(text: str) -> list[Line]:
    """The lines of a text as the structure reads them: its physical lines, a body stored as one run-on
    line split into its units and paragraphs (`split_run_on`). The one line view that the structure, the
    one-cell-a-line table readers (tables/text_table) and the closing-paragraph rule (clauses/assign)
    share, so that a body stored without line breaks is read as if it had them."""
    return split_run_on(physical_lines(text))


def with_breaks(text: str, lines: list[Line] | None = None) -> str:
    """`text` with a line break where the structure cut a run-on line at white space (text_lines): the
    first white-space character between two of its lines becomes \n. The same length, so every offset
    stays; for rules that read line breaks (the clause finder's clause starts), never for evidence."""
    lines = text_lines(text) if lines is None else lines
    chars = None
    for a, b in zip(lines, lines[1:]):
        gap = text[a.end:b.start]
        if gap and "\n" not in gap and all(ch in _WS for ch in gap):
            chars = chars if chars is not None else list(text)
            chars[a.end] = "\n"
    return text if chars is None else "".join(chars)


# A unit closed by a sentence end or an owner bracket and the next unit's marker run on after it on the
# same line (…（省发展改革委负责）(十四)中国智港--…, …负责)四、实施场景创新引领区建设行动:
# sd-2024-changjing-shiqiang, a sheet cell that lost some breaks). Only a chapter or section marker whose
# number follows the last one of its form that opened a line (or (一) after a new chapter): the
# numbering, not the bracket alone, says a unit starts there.
_NEXT_UNIT_FORMS = ("chapter", "section")
# A cross-reference is no unit: （一）项所列情形除外, 第（二）款规定的….
_UNIT_AFTER_CLOSE = re.compile("(?<=[。；;）)])(?=(?:" + "|".join(
    f"(?:{f.pattern}{f.run_on_guard})" for f in MARKER_FORMS if f.type in _NEXT_UNIT_FORMS)
    + ")(?!项|款|目|所列|规定|的|之))")


def _split_next_units(lines: list[Line]) -> list[Line]:
    """Cut each line before a chapter or section marker that continues the numbering (above)."""
    last: dict[str, int] = {}
    out: list[Line] = []
    for ln in lines:
        parts = [ln]
        m = match_marker(ln.text[:80])
        if m and m.type in _NEXT_UNIT_FORMS:
            if m.type == "chapter":
                last["chapter_new"] = 1
            last[m.type] = m.number
        cuts = []
        for c in _UNIT_AFTER_CLOSE.finditer(ln.text, 1):
            mk = match_marker(ln.text[c.start():c.start() + 80])
            if not mk or mk.type not in _NEXT_UNIT_FORMS:
                continue
            if mk.type not in last and not (mk.type == "section" and last.get("chapter_new")):
                continue  # only a numbering already under way continues
            expected = last.get(mk.type, 0) + 1
            if mk.number == expected or mk.type == "section" and mk.number == 1 and last.pop("chapter_new", 0):
                cuts.append(c.start())
                last[mk.type] = mk.number
                if mk.type == "chapter":
                    last["chapter_new"] = 1
        if cuts:
            bounds = [0, *cuts, len(ln.text)]
            parts = [p for a, b in zip(bounds, bounds[1:]) if (p := _trimmed(ln.start + a, ln.text[a:b])).text]
        if m and m.type == "section":
            last.pop("chapter_new", None)
        out.extend(parts)
    return out


def split_run_on(lines: list[Line]) -> list[Line]:
    """Split the run-on lines of a body stored without line breaks at the numbering markers inside
    them, so that each unit starts a line as the structure reader expects; a heading sharing its line
    with its first unit is cut from it. Offsets still index the original text; other lines pass
    unchanged."""
    out: list[Line] = []
    for ln in lines:
        cuts = _inner_markers(ln.text) if len(ln.text) >= RUN_ON_MIN_CHARS else []
        if len(cuts) < RUN_ON_MIN_MARKERS:
            out.extend(p for part in _split_run_on_articles(ln) for p in (_split_shared_heading(part) if part.text else [part]))
            continue
        cuts += [m.start() for m in _INNER_APPENDIX.finditer(ln.text)]
        bounds = sorted({0, *cuts})
        more = []
        for a in bounds:
            m = match_marker(ln.text[a:a + 80])
            deeper = _HEADING_THEN_DEEPER.get(m.type) if m else None
            h = (deeper.match(ln.text, a) if deeper else None) or _DECIMAL_HEADING_THEN_BODY.match(ln.text, a)
            if h:
                more.append(h.end())
            elif m and (h := _HEADING_THEN_BODY.match(ln.text, a)):
                more.append(h.end())
        bounds = sorted(set(bounds) | set(more))
        bounds = sorted(set(bounds) | set(_space_breaks(ln.text, bounds))) + [len(ln.text)]
        bounds = _without_contents(ln.text, bounds)
        for a, b in zip(bounds, bounds[1:]):
            part = _trimmed(ln.start + a, ln.text[a:b])
            if part.text:
                out.append(part)
    return _split_next_units(out)


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _space_breaks(text: str, bounds: list[int]) -> list[int]:
    """Where a white-space run inside a run-on line is what is left of a line break: a body flattened
    with its paragraph indents (…决定：　　一、 / 。　　各地区、各有关部门要… after the last item,
    gov-2014-guobanfa-56) or with each break written as one space (a crawl that turned <p> and <td>
    into ' ': 区规划资源局、区文化旅游局 推进走马塘片区规划研究). Chinese puts no space between words, so:

    * a run between two characters of which neither is a Latin letter or digit is a break, and so is
      a run of two or more (an indent), unless both sides are Latin (Word  2010);
    * one space beside a Latin word or a number stays (UT 斯达康, Word 2010), unless the number stands
      alone between white space: a table's row number or score typed one cell a line (… 石门二路街道 2
      推进走马塘…; 40 1 组织领导 8 组织领导);
    * the white space inside the marker that opens a unit stays (第一条　为…, 第 2 0 条, 1.1　编制目的:
      heading.MARKER_FORMS, 1.1　　编制目的), and so does an attachment heading's (附件2 …); two or more after
      一、 （一） 1． （1） are a break (一、　　通用考核项目: the marker stood alone on its line). A bare number
      (1　总则) is a decimal chapter only in a text that numbers sections N.M."""
    decimal_sections = len(_DECIMAL_SECTION.findall(text)) >= 2
    inside: list[tuple[int, int]] = []
    for a in bounds:
        m = match_marker(text[a:a + 80])
        if m and m.type.startswith("decimal") and (
                not _SECTION_NUMBER.fullmatch(m.marker) or m.type == "decimal1" and not decimal_sections):
            continue  # a number cell (0.69　　社区, 1　　　　加强组织领导), not a section's number
        am = None if m else APPENDIX.match(text, a)
        end = a + m.rest_offset if m else (am.end() if am else a)
        if m and m.type != "article" and not m.type.startswith("decimal"):
            gap = _SPACE_RUN.search(text, a, end)
            if gap and gap.end() - gap.start() >= 2:
                continue
        if end > a:
            inside.append((a, end))
    out = []
    for m in _SPACE_RUN.finditer(text):
        a, b = m.start(), m.end()
        if a == 0 or b == len(text) or any(x <= a < y for x, y in inside):
            continue
        before, after = text[a - 1], text[b]
        lone_after = bool(_LONE_NUMBER.match(text, b))
        lone_before = bool(_LONE_NUMBER_BEFORE.search(text, max(0, a - 3), a))
        if _is_latin(before) and _is_latin(after) and not (lone_before and lone_after):
            continue
        if b - a == 1 and (_is_latin(before) or _is_latin(after)) and not (lone_after or lone_before):
            continue
        out.append(b)
    return out


_SPACE_RUN = re.compile(f"[{_WS}]+")
# A number alone between white space (a row number, a score): after the run at `b`, or ending at `a`.
_LONE_NUMBER = re.compile(f"[0-9]{{1,3}}(?=[{_WS}])")
_LONE_NUMBER_BEFORE = re.compile(f"(?<=[{_WS}])[0-9]{{1,3}}$")
# A decimal section heading (2.1　领导机构): a section number (1-20 . 1-20, no leading zero), white space,
# then a heading word; at least two of them. Numbers in table cells (19.23, 3.80　项目) are none.
_SECTION_NO = "(?:[1-9]|1[0-9]|20)"
_SECTION_NUMBER = re.compile(f"{_SECTION_NO}(?:\\.{_SECTION_NO}){{0,3}}")
_DECIMAL_SECTION = re.compile(f"(?:^|(?<=[{_WS}。；：:])){_SECTION_NO}\\.{_SECTION_NO}[{_WS}]+(?=[\u4e00-\u9fff])")


def _without_contents(text: str, bounds: list[int]) -> list[int]:
    """Drop the cuts of a table of contents run on before the body it lists (gov-2014-guobanhan-119:
    1　总则　　　　1.1　编制目的 … then 1　总则　　1.1　编制目的　　健全…): a unit that is a bare heading
    (a marker, no sentence mark) and comes again, word for word, later in the line is an entry of the contents,
    kept with the text before it rather than opening a unit of its own, when at least
    CONTENTS_MIN_ENTRIES such units stand in a row. A repeated cell without a marker (组织领导 in a 考核
    table typed one cell a line) is no entry."""
    parts = [text[a:b].strip(_STRIP) for a, b in zip(bounds, bounds[1:])]
    later: dict[str, int] = {}
    for i, p in enumerate(parts):
        later[p] = i  # the last unit with this text
    # A blank part (the spaces after a heading of the contents) opens nothing either.
    cand = [not p or later[p] > i and not re.search(r"[。；;！？]", p) and is_heading_line(p)
            for i, p in enumerate(parts)]
    # The contents are a run of such entries: one heading alone that comes again is a heading the
    # document repeats (二、基本原则 of the plan and of its 附件2, sh-fengxian-2021-nongcun-gonglu).
    entry = [False] * len(parts)
    i = 0
    while i < len(parts):
        j = i
        while j < len(parts) and cand[j]:
            j += 1
        if j - i >= CONTENTS_MIN_ENTRIES:
            entry[i:j] = [True] * (j - i)
        i = max(j, i + 1)
    entry = [e or not p for e, p in zip(entry, parts)]
    keep = [bounds[0]]
    for i in range(1, len(parts)):
        if not entry[i]:
            keep.append(bounds[i])
    return keep + [bounds[-1]]


# Entries in a row that make a table of contents.
CONTENTS_MIN_ENTRIES = 3
