"""Lines of a document with their offsets, and logical lines with PDF hard wraps joined.

A `Line` is one physical line with surrounding white space (ASCII and the ideographic space
U+3000 that web pages indent with) trimmed; its offsets still index the original text.
"""

from __future__ import annotations

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

