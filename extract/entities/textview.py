"""A normalised view of plan text that keeps a map back to the original offsets.

The plans write one name several ways: full-width Latin (ＴＤ－ＬＴＥ, Ｐ２Ｐ), spaces the PDF put
between Chinese and Latin ("A8 音乐", "UT 斯达康"), hard line wraps inside a name ("工程中\\r\\n\\r\\n心").
Matching runs on a view where each character is folded to one character (so offsets stay 1:1) and
such whitespace is dropped; `span()` maps a match back to the original text, whose slice is then
the surface, wrap and all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Which white-space gaps a name runs across is decided with the other wraps, in
# extract/structure/wraps.py (LOCAL evidence: a view reads excerpts too short to show a layout);
# is_cjk, the word-character test and MAX_WRAP_NEWLINES are re-exported for the view's users.
from policykg.extract.structure.wraps import MAX_WRAP_NEWLINES, is_cjk, name_gap  # noqa: F401
from policykg.extract.structure.wraps import is_word_char as _wordish  # noqa: F401

# Dashes and bars the plans use inside Latin names (TD－SCDMA, RF－SIM) or between name parts.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uff0d"


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


# fold_char as a str.translate table (whitespace is never folded: runs are handled apart).
_FOLD = {o: o - 0xFEE0 for o in range(0xFF01, 0xFF5F)} | {ord(d): "-" for d in _DASHES}
_SPACE_RUN = re.compile(r"\s+")  # \s is str.isspace() in Python's re


def fold(text: str) -> str:
    """fold_char on every character but whitespace (kept as it is): what a view's characters are
    made of before whitespace runs are dropped or marked."""
    return text.translate(_FOLD)


def build_view(text: str) -> TextView:
    """The view of `text`. Folding runs as one str.translate and whitespace runs are found by one
    regex, so only the runs are visited in Python (a character loop cost ~30 ms per corpus pass
    in the entity rules)."""
    folded = fold(text)
    n = len(text)
    parts: list[str] = []
    index: list[int] = []
    pos = 0
    for m in _SPACE_RUN.finditer(text):
        i, j = m.span()
        if i > pos:
            parts.append(folded[pos:i])
            index.extend(range(pos, i))
        # The run is maximal, so the character before it (if any) is the last one kept.
        prev = folded[i - 1] if i > 0 else ""
        nxt = folded[j] if j < n else ""
        if not name_gap(prev, text[i:j], nxt):
            # Keep one space as a boundary marker, mapped to the run's first character.
            parts.append(" ")
            index.append(i)
        pos = j
    if pos < n:
        parts.append(folded[pos:])
        index.extend(range(pos, n))
    return TextView(text=text, compact="".join(parts), index=tuple(index))


def compact_key(s: str) -> str:
    """The form an alias takes in a view: what `build_view(s).compact` gives, stripped."""
    return build_view(s).compact.strip()
