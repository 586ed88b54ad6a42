"""Walking text with the depth of round brackets (full-width and ASCII) open at each character.

Clause lists (各区（市）县政府), partner lists after 会同 and glossary term headers all stop at
punctuation only outside brackets; they share this walk so each keeps only its own stop rule.
"""

from __future__ import annotations

from collections.abc import Iterator

OPEN = "（("
CLOSE = "）)"


def bracket_walk(text: str, start: int, end: int) -> Iterator[tuple[int, str, int]]:
    """(i, character, depth) for each position in [start, end): the depth is the number of
    brackets open before the character. A closing bracket with none open comes with depth 0
    (callers that end a list there test for it) and leaves the depth at 0."""
    depth = 0
    for i in range(start, end):
        ch = text[i]
        yield i, ch, depth
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
