"""A normalised view of plan text that keeps a map back to the original offsets.

The plans write one name several ways: full-width Latin (ＴＤ－ＬＴＥ, Ｐ２Ｐ), spaces the PDF put
between Chinese and Latin ("A8 音乐", "UT 斯达康"), hard line wraps inside a name ("工程中\\r\\n\\r\\n心").
Matching runs on a view where each character is folded to one character (so offsets stay 1:1) and
such whitespace is dropped; `span()` maps a match back to the original text, whose slice is then
the surface, wrap and all.
"""

from __future__ import annotations

from dataclasses import dataclass

# Dashes and bars the plans use inside Latin names (TD－SCDMA, RF－SIM) or between name parts.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uff0d"
# A whitespace run is dropped only if it holds at most this many line breaks: one blank line is a
# PDF page/paragraph wrap inside a sentence, more is a real break.
MAX_WRAP_NEWLINES = 2


def fold_char(ch: str) -> str:
    """One character in, one character out: full-width ASCII to ASCII, dashes to '-',
    ideographic space to ' '."""
    o = ord(ch)
    if 0xFF01 <= o <= 0xFF5E:
        return chr(o - 0xFEE0)
    if ch == "\u3000":
        return " "
    if ch in _DASHES:
        return "-"
    return ch


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF


def _wordish(ch: str) -> bool:
    return is_cjk(ch) or (ch.isascii() and ch.isalnum())


@dataclass(frozen=True)
class TextView:
    text: str  # the original
    compact: str  # folded, with name-internal whitespace removed
    index: tuple[int, ...]  # compact[i] came from text[index[i]]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of compact[start:end] (end > start)."""
        return self.index[start], self.index[end - 1] + 1

    def surface(self, start: int, end: int) -> str:
        s, e = self.span(start, end)
        return self.text[s:e]


def build_view(text: str) -> TextView:
    out: list[str] = []
    index: list[int] = []
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if not ch.isspace():
            out.append(fold_char(ch))
            index.append(i)
            i += 1
            continue
        j = i
        while j < n and text[j].isspace():
            j += 1
        prev = out[-1] if out else ""
        nxt = fold_char(text[j]) if j < n else ""
        drop = (
            prev and nxt and _wordish(prev) and _wordish(nxt)
            and (is_cjk(prev) or is_cjk(nxt))
            and text.count("\n", i, j) <= MAX_WRAP_NEWLINES
        )
        if not drop:
            # Keep one space as a boundary marker, mapped to the run's first character.
            out.append(" ")
            index.append(i)
        i = j
    return TextView(text=text, compact="".join(out), index=tuple(index))


def compact_key(s: str) -> str:
    """The form an alias takes in a view: what `build_view(s).compact` gives, stripped."""
    return build_view(s).compact.strip()
