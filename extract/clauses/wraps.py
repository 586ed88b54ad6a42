"""Hard line wraps of text copied from a PDF: a line break that cuts a word (分别负\\n责) or a name
(地下\\n空间权利人) because the page was full, not because a paragraph or heading ended.

Clause rules read words and names across such a break only if it is taken out; `joined` gives a
copy of the text without those breaks and a map from its offsets back to the document's, so every
offset a rule reports can be put back exactly (`to_doc`). Pure functions, no state.

A break counts as a wrap only in a document laid out at a fixed width (most of its lines of the
same length, as a PDF page gives) and only at a line of that width, between two CJK characters:
a short line (a heading, the last line of a paragraph) always ends where it ends, and documents
with one paragraph a line (almost all) have no wrap at all.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# Layout figures, not words: what makes a document "laid out at a fixed width". A page line is
# 15–60 characters; a full line may be up to 2 characters shorter than the width (half-width
# digits, a closing bracket pushed down); at least 20 lines and 40% of the non-empty lines must be
# full ones. On the dev texts only the PDF dump gz-2011-dixia-kongjian passes (56%; every other
# document 33% or less, most under 20%).
MIN_WIDTH, MAX_WIDTH = 15, 60
SLACK = 2
# A paragraph's first line is short of the width by its lost indent (two characters): it may still
# wrap (应当按\n照各自的职能分工).
LINE_SLACK = 3
MIN_LINES = 20
MIN_SHARE = 0.4

_CJK = re.compile(r"[\u4e00-\u9fff]")


def _is_cjk(ch: str) -> bool:
    return bool(_CJK.fullmatch(ch))


def page_width(text: str) -> int | None:
    """The width of a text laid out at a fixed width (the most common full-line length), or None."""
    lengths = [len(line.rstrip()) for line in text.split("\n") if line.strip()]
    if len(lengths) < MIN_LINES:
        return None
    counts = Counter(lengths)
    width, full = max(((w, sum(counts[x] for x in range(w - SLACK, w + 1))) for w in range(MIN_WIDTH, MAX_WIDTH + 1)),
                      key=lambda p: (p[1], p[0]))
    if full < MIN_LINES or full / len(lengths) < MIN_SHARE:
        return None
    return width


def wrap_breaks(text: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Offsets of the line breaks in text[lo:hi] that are hard wraps (see the module docstring)."""
    hi = len(text) if hi is None else hi
    width = page_width(text)
    if width is None:
        return []
    out = []
    pos = text.find("\n", lo, hi)
    while pos != -1:
        start = text.rfind("\n", 0, pos) + 1
        line = text[start:pos]
        if (len(line) >= width - LINE_SLACK and line == line.rstrip() and pos + 1 < len(text)
                and _is_cjk(text[pos - 1]) and _is_cjk(text[pos + 1])):
            out.append(pos)
        pos = text.find("\n", pos + 1, hi)
    return out


@dataclass(frozen=True)
class Joined:
    """The text with its wraps taken out; `doc[i]` is the document offset of joined offset i
    (one entry more than the text, for an end offset at the text's end)."""
    text: str
    doc: list[int]

    def to_doc_start(self, i: int) -> int:
        return self.doc[i]

    def to_doc_end(self, i: int) -> int:
        """An exclusive end: just after the document character of joined offset i - 1."""
        return self.doc[i - 1] + 1 if i > 0 else self.doc[0]

    def to_joined(self, pos: int) -> int:
        """The joined offset of document offset `pos` (a removed break maps to the next character)."""
        import bisect
        return bisect.bisect_left(self.doc, pos)


def joined(text: str, breaks: list[int]) -> Joined:
    """`text` without the characters at `breaks`, with the offset map back to `text`."""
    gone = set(breaks)
    keep = [i for i in range(len(text)) if i not in gone]
    return Joined("".join(text[i] for i in keep), keep + [len(text)])
