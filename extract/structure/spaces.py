"""The white space a line of a document is indented or spaced with: one registry for the structure,
clause and table code (issue 12).

Real input indents and spaces its lines with more than the ASCII space: Word and most web pages with
the ideographic space U+3000 (　　), web pages also with no-break spaces (&nbsp; U+00A0) and en/em
spaces (&ensp; U+2002, &emsp; U+2003). A rule that knew only some of them read a body indented with
&nbsp;&nbsp; as another layout (its markers no longer at a line start, its table cells never trimmed):
the layout benchmark's indent_nbsp lost a sixth of the dev set's responsible units. Every character
list and regex class of in-line white space in extract/structure, extract/clauses and extract/tables
is built from INLINE_SPACE / SPACE: white space but a line break, of every kind.

The reader's text is never rewritten (every offset indexes the stored text): the rules skip these
characters where they skip a space.
"""

from __future__ import annotations

# Characters, for str.strip / `in` tests: every white-space character (str.isspace) but the line break,
# the ones above among them (all white space lies below U+3001).
INLINE_SPACE = "".join(ch for ch in map(chr, range(0x3001)) if ch.isspace() and ch != "\n")
# The same, as a regex character class: `f"{SPACE}*"` (\s is str.isspace for str patterns).
SPACE = r"[^\S\n]"
# What a line is trimmed of at both ends: white space, a byte-order mark left at the start of a
# file, and the CR of a CRLF line end.
LINE_TRIM = INLINE_SPACE + "\ufeff\r"
# The no-break space (an HTML page's &nbsp;): typed by whoever wrote the page, never put in by a
# converter's wrapping, so it separates what it stands between (wraps.name_gap).
NO_BREAK_SPACE = "\u00a0"


def is_space(ch: str) -> bool:
    """One character of in-line white space (not a line break)."""
    return len(ch) == 1 and ch in INLINE_SPACE
