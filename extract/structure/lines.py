"""Lines of a document with their offsets, and logical lines with PDF hard wraps joined.

A `Line` is one physical line with surrounding white space (ASCII and the ideographic space
U+3000 that web pages indent with) trimmed; its offsets still index the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Characters after which a line is complete: a PDF wrap never falls right after these.
TERMINAL = set("。！？；：…”’」』）)》】!?;:")

# A line this long (in characters) that stops mid-sentence was wrapped by the PDF converter.
# Headings and titles are shorter and have no terminal punctuation, so they are never joined.
WRAP_MIN_CHARS = 40

_STRIP = " \t\u3000\u00a0\ufeff\r"


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
        body = raw.rstrip("\r\n")
        stripped_left = body.lstrip(_STRIP)
        content = stripped_left.rstrip(_STRIP)
        start = pos + (len(body) - len(stripped_left))
        lines.append(Line(start, start + len(content), content, raw_blank=not content and bool(body)))
        pos += len(raw)
    return lines


def ends_open(text: str) -> bool:
    """True when a line stops mid-sentence (no terminal punctuation at its end)."""
    return bool(text) and text[-1] not in TERMINAL


def join_wrapped(lines: list[Line], is_heading) -> list[LogicalLine | Line]:
    """Group physical lines into logical lines.

    Blank lines are kept (as `Line` with empty text) because a white-space-only line is where
    some web pages lost a chapter heading. A non-blank line is appended to the previous logical
    line when that one is long, stops mid-sentence and the new line is not a heading; empty
    lines between the two (page breaks) are skipped over.
    """
    out: list[LogicalLine | Line] = []
    last: LogicalLine | None = None
    pending_blanks: list[Line] = []
    for line in lines:
        if not line.text:
            pending_blanks.append(line)
            continue
        if (
            last is not None
            and len(last.parts[-1].text) >= WRAP_MIN_CHARS
            and ends_open(last.parts[-1].text)
            and not is_heading(line.text)
            and not any(b.raw_blank for b in pending_blanks)
        ):
            last.parts.append(line)
            pending_blanks = []
            continue
        out.extend(pending_blanks)
        pending_blanks = []
        last = LogicalLine([line])
        out.append(last)
    out.extend(pending_blanks)
    return out



# A body stored as one run-on line (no line break before 一、 / （一） / 1．): a line this long with at
# least RUN_ON_MIN_MARKERS numbering markers inside it is split before each of them.
RUN_ON_MIN_CHARS = 300
RUN_ON_MIN_MARKERS = 3
_CN = "一二三四五六七八九十"
_MARKER_AHEAD = (rf"(?:[{_CN}]{{1,3}}、|[（(][{_CN}]{{1,3}}[）)]|[0-9０-９]{{1,2}}(?:．|\.(?![0-9０-９]))"
                 r"|[（(][0-9０-９]{1,2}[）)])")
# A marker starts a unit where a sentence, a list label or a closing bracket ended (…方案。一、 /
# 具体措施：1． / …负责）（二）), never inside running words (第3.5条, 2.5亿元).
_INNER_MARKER = re.compile(r"(?<=[。；;：:）)])(?=" + _MARKER_AHEAD + ")")
# A chapter heading run on into its first section (一、持续提升投资建设便利度（一）优化…, 二、完善工作机制，
# 压实各方责任，提升多方共治合力（一）…): a short phrase, commas allowed, no sentence end or bracket between.
_HEADING_THEN_SECTION = re.compile(rf"[{_CN}]{{1,3}}、[^。；;：:！？（()）]{{2,60}}(?=[（(][{_CN}]{{1,3}}[）)])")


def split_run_on(lines: list[Line]) -> list[Line]:
    """Split the run-on lines of a body stored without line breaks at the numbering markers inside
    them, so that each unit starts a line as the structure reader expects. Offsets still index the
    original text; other lines pass unchanged."""
    out: list[Line] = []
    for ln in lines:
        cuts = [m.start() for m in _INNER_MARKER.finditer(ln.text)] if len(ln.text) >= RUN_ON_MIN_CHARS else []
        if len(cuts) < RUN_ON_MIN_MARKERS:
            out.append(ln)
            continue
        bounds = sorted({0, *cuts})
        more = []
        for a in bounds:
            h = _HEADING_THEN_SECTION.match(ln.text, a)
            if h:
                more.append(h.end())
        bounds = sorted(set(bounds) | set(more)) + [len(ln.text)]
        for a, b in zip(bounds, bounds[1:]):
            part = ln.text[a:b]
            core = part.strip(_STRIP)
            if not core:
                continue
            lead = len(part) - len(part.lstrip(_STRIP))
            start = ln.start + a + lead
            out.append(Line(start, start + len(core), core, raw_blank=False))
    return out
