"""Where a clause, a sentence or a list begins and ends: clause starts after a boundary mark,
a numbering marker, a paragraph indent or a heading sharing the line (`_clause_start`), sentence
openings and ends, the end of a bracketed list.
"""

from __future__ import annotations

import re

from policykg.extract.brackets import CLOSE, bracket_walk
from policykg.extract.structure.lines import shared_heading_end
from policykg.extract.structure.spaces import INLINE_SPACE, SPACE
from policykg.extract.structure.headings import MARKER_FORMS
from policykg.extract.clauses.patterns import _BOUNDARY, _MARKER, _SENTENCE_END


def list_end(text: str, start: int, hi: int) -> int:
    """First position at or after `start` where a list stops, skipping brackets opened inside
    the list (各区（市）县政府)."""
    for i, ch, depth in bracket_walk(text, start, hi):
        if ch in CLOSE and depth == 0 or ch in "。\n":
            return i
    return hi


_SUBJECT_WINDOW = 300
# A marker opening a unit inside a line: the heading registry's forms that may open one there
# (headings.MARKER_FORMS, run_on, with their cross-reference guards), white space before it; not a
# reference to a numbered unit (（三）项规定的…, 第三条规定). Decimal numbers apart: a decimal heading runs
# on into its body after an indent (。　　2.3　现场指挥机构　　负责…), and its heading phrase is no owner.
_RUN_ON_MARKER = re.compile(
    rf"{SPACE}*(?:" + "|".join(f"(?:{f.pattern}{f.run_on_guard})" for f in MARKER_FORMS
                                  if f.run_on and f.type != "decimal")
    + r")(?![项条款目]|规定|所列|中|的)"
)


# Headings of a body stored as one line, each a marker (any form, decimal too), a short phrase and the
# paragraph indent after it (。　　2　组织指挥体系　　2.1　国家层面组织指挥机构　　…): skipped before a clause.
_INDENTED_HEADINGS = re.compile(
    rf"(?:{SPACE}*(?:" + "|".join(f"(?:{f.pattern}{f.run_on_guard})" for f in MARKER_FORMS)
    + rf")[^。；;：:！？，,\s]{{1,40}}{SPACE}{{2,}})+")


def _clause_start(text: str, pos: int, lo: int) -> int:
    """Where the clause whose verb stands at `pos` begins: after the last boundary before it,
    past a numbering marker at the start of a line."""
    # Look back a bounded window: a subject is never this long, and an unbounded rfind per verb
    # would make a long document quadratic.
    floor = max(lo, pos - _SUBJECT_WINDOW)
    b = max([text.rfind(c, floor, pos) for c in _BOUNDARY] + [floor - 1]) + 1
    # A bracket closed before the verb is inside the subject (各市（州）人民政府负责…): the clause
    # begins at the boundary before it.
    while b - 1 > floor and text[b - 1] in "（(" and any(c in text[b:pos] for c in "）)"):
        b = max([text.rfind(c, floor, b - 1) for c in _BOUNDARY] + [floor - 1]) + 1
    # A paragraph indent inside the window is what is left of a line break in a body stored as one
    # line (…主体责任　　区交通委是…, …监管执法全覆盖　　有效解决…): the clause begins after it, as after \n.
    indent = None
    for m in _INDENT_RUN.finditer(text, b, pos):
        indent = m
    if indent is not None:
        b = indent.end()
    if b > lo and text[b - 1] == "\n" or indent is not None or b == lo or b == floor:
        # A chapter heading sharing the line with its first article (第七章　安全保障　　第三十八条　A负责…):
        # the heading is no part of the owner's name; the article's marker is skipped below.
        shared = shared_heading_end(text, b, pos)
        if shared is not None:
            b = shared
        m = _MARKER.match(text, b, pos)
        if m:
            b = m.end()
    elif b > lo and text[b - 1] in _SENTENCE_END:
        # Headings standing alone in a body stored as one line, each set off by a paragraph indent
        # (…见附件1。　　2　组织指挥体系　　2.1　国家层面组织指挥机构　　环境保护部负责…, gov-2014-guobanhan-119): the
        # clause starts after the last indent.
        h = _INDENTED_HEADINGS.match(text, b, pos)
        if h:
            b = h.end()
        # A body stored as one line numbers its next unit right after the sentence mark
        # (…工作。（三）区商务委员会负责…): the marker is not part of the owner's name.
        m = _RUN_ON_MARKER.match(text, b, pos)
        if m:
            b = m.end()
    # A heading marker just before (（1）国家发展改革委…) was cut at its bracket: skip it.
    m = re.match(r"[0-9０-９一二三四五六七八九十]{1,3}[）)]", text[b:pos])
    if m:
        b += m.end()
    # An opening quote mark at the clause's start opens a quoted text (将第六条修改为：“公安机关负责…,
    # the same 办法's amendments): the subject follows it, the mark is no part of its name.
    while b < pos and (text[b] in INLINE_SPACE or text[b] in "“\""):
        b += 1
    return b


# Two or more indent spaces in a row (　　, &nbsp;&nbsp;): a paragraph indent, the break before it lost.
# Not ASCII spaces: _find_clauses blanks a defined abbreviation's bracket with them
# (defined_names.ABBREVIATION_FILL).
_INDENT_RUN = re.compile("[" + INLINE_SPACE.replace(" ", "") + "]{2,}")


def _sentence_open(text: str, pos: int, lo: int) -> int:
    """Where the sentence holding `pos` opens (after 。；： or a line break, within _SUBJECT_WINDOW),
    past a numbering marker."""
    floor = max(lo, pos - _SUBJECT_WINDOW)
    s0 = max([text.rfind(c, floor, pos) for c in "。；;：:\n"] + [floor - 1]) + 1
    m = _MARKER.match(text, s0, pos)
    return m.end() if m else s0


def _sentence_end(text: str, pos: int, hi: int) -> int:
    # An opening bracket ends the clause too: a bracket inside the sentence may hold a clause of
    # its own (…的实施（技工院校内由A负责）).
    ends = [j for j in (text.find(c, pos, hi) for c in "，,。；;\n）)（(") if j != -1]
    return min(ends) if ends else hi
