"""Layout renderings of a document for the metamorphic layout-invariance benchmark (issue 12).

Not on the product path: only tests/benchmarks/layout_invariance.py and tests/test_layout_invariance.py
use it. Blind sets 7 and 8 failed on LAYOUT, not on wording: bodies stored as one line, decimal sections,
paragraph indents. A layout here changes only the white space between lines and the width of numbering
characters, never a word, so a reader that is layout-invariant finds the same tasks and owners in every
rendering of a document.

Each rendering is built character by character, so it knows exactly where every original character went
(`Rendering.span`); the hand-made gold (task titles and markers, clause quotes, mentions) is only MOVED
through that map (`remap_gold`), never re-annotated, and `check_remap` proves the moved gold is exact: each
moved quote is found by the scorer where the original one was.
"""

from __future__ import annotations

import copy
import json
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from policykg.extract.evaluation import _gold_task_positions, clause_quotes_by_task, evaluate

_CN = "一二三四五六七八九十"
_HALF_FULL = str.maketrans("0123456789０１２３４５６７８９", "０１２３４５６７８９0123456789")
_BRACKETS = str.maketrans("（）()", "()（）")
_POINTS = str.maketrans("．.", ".．")


@dataclass(frozen=True)
class Rendering:
    text: str
    # For original character i, the span of what it became in `text` (empty when it was dropped):
    # core_start[i] <= core_end[i]. Inserted white space lies outside every character's core span.
    core_start: list[int]
    core_end: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Where the original text[start:end] lies in the rendering (white space inserted between its
        characters included, white space inserted at its two ends not)."""
        if end <= start:
            p = self.core_start[start] if start < len(self.core_start) else len(self.text)
            return p, p
        return self.core_start[start], self.core_end[end - 1]


def _render(text: str, piece: Callable[[int, str], tuple[str, str, str]], prefix: str = "") -> Rendering:
    """Build a rendering from `piece(i, ch) -> (before, core, after)` for every character."""
    out: list[str] = [prefix]
    pos = len(prefix)
    cs: list[int] = []
    ce: list[int] = []
    for i, ch in enumerate(text):
        before, core, after = piece(i, ch)
        pos += len(before)
        cs.append(pos)
        pos += len(core)
        ce.append(pos)
        pos += len(after)
        out.append(before + core + after)
    return Rendering("".join(out), cs, ce)


def _break_to(replacement: str) -> Callable[[str], Rendering]:
    """Every line break (LF, or CRLF as one break) becomes `replacement`; the break itself is dropped, so
    a quote spanning it holds the replacement in the rendering."""
    def render(text: str) -> Rendering:
        def piece(i: int, ch: str) -> tuple[str, str, str]:
            if ch == "\r" and text[i + 1:i + 2] == "\n":
                return "", "", ""
            if ch == "\n":
                return "", "", replacement
            return "", ch, ""
        return _render(text, piece)
    return render


def _indent(indent: str) -> Callable[[str], Rendering]:
    """Every line starts with `indent` (a Word or web export's paragraph indent)."""
    def render(text: str) -> Rendering:
        return _render(text, lambda i, ch: ("", ch, indent if ch == "\n" else ""), prefix=indent)
    return render


def _crlf_blank(text: str) -> Rendering:
    """CRLF line ends with an empty line between all lines (a Windows export with paragraph spacing)."""
    return _render(text, lambda i, ch: ("", "\r\n", "\r\n") if ch == "\n" else ("", ch, ""))


# Numbering markers at a line start whose characters have a half-/full-width twin: （一） (1) （１）
# and 1． 1. １．, but never a decimal point followed by a digit (1.1 / 2.5亿元 would change meaning).
_WIDTH_MARKER = re.compile(
    rf"(?m)^[ \t\u3000]*(?:[（(](?:[{_CN}]{{1,3}}|[0-9０-９]{{1,2}})[）)]|[0-9０-９]{{1,2}}[．.](?![0-9０-９]))")


def _swap_width(s: str) -> str:
    return s.translate(_HALF_FULL).translate(_BRACKETS).translate(_POINTS)


def _numbering_width(text: str) -> Rendering:
    """Numbering markers at line starts with their width swapped: （一） <-> (一), 1． <-> 1., half-width
    digits <-> full-width digits (１．, （２）). One character for one, so no offset moves."""
    swap: dict[int, str] = {}
    for m in _WIDTH_MARKER.finditer(text):
        for i in range(m.start(), m.end()):
            swap[i] = _swap_width(text[i])
    return _render(text, lambda i, ch: ("", swap.get(i, ch), ""))


def _identity(text: str) -> Rendering:
    return _render(text, lambda i, ch: ("", ch, ""))


# The layouts, by name: (what real input looks like this, rendering). `original` is the control: its
# scores must equal `policykg eval` on tests/gold/dev exactly.
LAYOUTS: dict[str, tuple[str, Callable[[str], Rendering]]] = {
    "original": ("the text as stored", _identity),
    "one_line": ("all line breaks removed (a crawled page that lost its <p>)", _break_to("")),
    "one_line_indent": ("one line, '　　' where each break was (paragraph indents kept)", _break_to("\u3000\u3000")),
    "one_line_space": ("one line, a single space where each break was", _break_to(" ")),
    "crlf_blank": ("CRLF line ends, a blank line between all lines", _crlf_blank),
    "indent": ("each line indented by '　　' (Word export)", _indent("\u3000\u3000")),
    "indent_nbsp": ("each line indented by two no-break spaces (&nbsp;&nbsp; of a web page)", _indent("\u00a0\u00a0")),
    "indent_emsp": ("each line indented by two em spaces (&emsp;&emsp; of a web page)", _indent("\u2003\u2003")),
    "numbering_width": ("line-start markers with half/full width swapped (（一）<->(一), 1．<->1., 1<->１)",
                        _numbering_width),
}


def render(layout: str, text: str) -> Rendering:
    return LAYOUTS[layout][1](text)


def _moved(text: str, r: Rendering, s: int, length: int) -> str:
    a, b = r.span(s, s + length)
    return r.text[a:b]


def _unique_first(text: str, r: Rendering, s: int, length: int) -> str:
    """The moved text[s:s+length], lengthened with the original characters after it until its first
    occurrence in the rendering is its own: joining lines can create an earlier occurrence (a PDF dump
    broke 由国土主管部门给予警告 across a line where it first appears), and the scorer places a quote at its
    first occurrence. Only the end grows, so the quote still starts where the annotator's did."""
    want = r.span(s, s)[0]
    for b in range(s + length, min(len(text), s + length + 80) + 1):
        q = r.text[slice(*r.span(s, b))]
        if r.text.find(q) == want:
            return q
    return _moved(text, r, s, length)


def remap_gold(gold: dict, text: str, r: Rendering) -> dict:
    """The gold of `text` moved onto its rendering: task titles and markers, clause quotes, mentions
    inside their quotes and deadline texts become what those very characters are in the rendering.
    Titles are taken at the occurrence the scorer picks in the original (after the task's marker)."""
    g = copy.deepcopy(gold)
    positions = _gold_task_positions(text, gold.get("tasks", []), clause_quotes_by_task(gold))
    for t, pos in zip(g.get("tasks", []), positions):
        if pos is None:
            continue
        marker = t.get("marker") or ""
        if marker:
            window = text[max(0, pos - len(marker) - 4):pos]
            k = window.rfind(marker)
            if k >= 0:
                t["marker"] = _moved(text, r, max(0, pos - len(marker) - 4) + k, len(marker))
        t["title"] = _moved(text, r, pos, len(t["title"]))
    titles = {id(a): b["title"] for a, b in zip(gold.get("tasks", []), g.get("tasks", []))}
    by_title: dict[str, list[str]] = {}
    for a in gold.get("tasks", []):
        by_title.setdefault(a["title"], []).append(titles[id(a)])
    for row in g.get("responsibilities", []):
        q = row.get("clause_quote") or ""
        qs = text.find(q) if q else -1
        if qs >= 0:
            row["clause_quote"] = _unique_first(text, r, qs, len(q))
            k = q.find(row.get("mention") or "\0")
            if k >= 0:
                row["mention"] = _moved(text, r, qs + k, len(row["mention"]))
        moved = set(by_title.get(row["task"], []))
        if len(moved) == 1:  # every task of that title moved alike (else the row keeps it: check_remap says)
            row["task"] = moved.pop()
    for d in g.get("deadlines", []):
        ds = text.find(d.get("text") or "\0")
        if ds >= 0:
            d["text"] = _moved(text, r, ds, len(d["text"]))
        moved = set(by_title.get(d.get("task"), []))
        if len(moved) == 1:
            d["task"] = moved.pop()
    return g


def check_remap(gold: dict, text: str, moved: dict, r: Rendering) -> list[str]:
    """What is not exact in the moved gold (empty when all is): every task is found by the scorer at
    the rendering of its original position, every clause quote first occurs at the rendering of its
    original first occurrence, every row's task title is one of the moved titles."""
    problems: list[str] = []
    before = _gold_task_positions(text, gold.get("tasks", []), clause_quotes_by_task(gold))
    after = _gold_task_positions(r.text, moved.get("tasks", []), clause_quotes_by_task(moved))
    for t, p0, p1 in zip(moved.get("tasks", []), before, after):
        want = r.span(p0, p0)[0] if p0 is not None else None
        if p1 != want:
            problems.append(f"task {t['marker']}{t['title'][:20]}: at {p1}, want {want}")
    titles = {t["title"] for t in moved.get("tasks", [])}
    for row0, row in zip(gold.get("responsibilities", []), moved.get("responsibilities", [])):
        q0, q = row0.get("clause_quote") or "", row.get("clause_quote") or ""
        if not q0:
            continue
        s0 = text.find(q0)
        want = r.span(s0, s0)[0] if s0 >= 0 else -1
        if r.text.find(q) != want:
            problems.append(f"quote {q[:20]!r}: at {r.text.find(q)}, want {want}")
        if row["task"] not in titles and row0["task"] in {t["title"] for t in gold.get("tasks", [])}:
            problems.append(f"row task {row['task'][:20]!r} not a moved title")
    return problems


def score_layout(layout: str, docs: list[tuple[dict, str]]) -> dict:
    """Render, move the gold, score. Returns pooled and per-document figures and remap problems."""
    problems: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory(prefix=f"layout-{layout}-") as tmp:
        tmpdir = Path(tmp)
        (tmpdir / "docs").mkdir()
        for g, text in docs:
            r = render(layout, text)
            moved = remap_gold(g, text, r)
            bad = check_remap(g, text, moved, r)
            if bad:
                problems[g["doc_id"]] = bad
            doc = tmpdir / "docs" / f"{g['doc_id']}.txt"
            doc.write_bytes(r.text.encode("utf-8"))  # bytes: CRLF stays CRLF
            moved["file"] = str(doc)
            (tmpdir / f"{g['doc_id']}.json").write_text(json.dumps(moved, ensure_ascii=False), encoding="utf-8")
        rep = evaluate([tmpdir], with_entity_model=False)
    pooled = {s.type: s.as_row() for s in rep.scores.values()}
    per_doc = {grp[4:]: {s.type: s.as_row() for s in sc.values()} for grp, sc in rep.groups.items()
               if grp.startswith("doc:")}
    return {"pooled": pooled, "docs": per_doc, "remap_problems": problems}
