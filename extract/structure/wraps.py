"""Hard line wraps: the line breaks a page put inside a sentence or a name (分别负\\n责, 发展工\\n\\n业互联网,
工程中\\r\\n\\r\\n心) where no paragraph or heading ended. The one place that decides which breaks of a
text are wraps; pure functions over text, no state.

A line runs on into the next one (`runs_on`) when it is FULL, stops mid-sentence (no TERMINAL mark
at its end), the next line is no heading and no white-space-only line stands between (where some
web pages lost a heading). What FULL means is the layout's evidence (`min_chars`):

* in a text laid out at a fixed width (most of its lines of one length, as a PDF page dump gives:
  gz-2011-dixia-kongjian, 26 characters; `page_width`), a line of that width, less LINE_SLACK;
* in a text with one paragraph a line (almost all), a line of at least WRAP_MIN_CHARS: the page
  breaks of the Shenzhen PDF plans (加快发展工 / 业互联网平台). Headings and titles are short.

The structure joins such lines into one logical line (structure/lines.join_wrapped). The clause
rules read across such a break in a fixed-width layout unless it stands for a space between two
Latin words (`wrap_breaks`, `keeps_break`, `joined`: clauses/finder.find_clauses), so words, names
and lists cut by it are whole again; a line alone is not evidence enough to take characters out
(see `wrap_breaks`).

An excerpt too short to show a layout (an entity gold example, a glossary definition) is judged
by the gap alone (LOCAL evidence: `name_gap`, `sentence_gap`): a white-space run of at most
MAX_WRAP_NEWLINES line breaks between two characters a name or a sentence runs across
(entities/textview.build_view, entities/glossary).
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from policykg.extract.structure.spaces import NO_BREAK_SPACE

# --- A FULL LINE THAT STOPS MID-SENTENCE ------------------------------------------------------
# Characters after which a line is complete: a wrap never falls right after these.
TERMINAL = frozenset("。！？；：…”’」』）)》】!?;:")
# In a text with one paragraph a line, a line this long (in characters) that stops mid-sentence
# was wrapped by the PDF converter. Headings and titles are shorter, so they never run on.
WRAP_MIN_CHARS = 40

# --- FIXED WIDTH ------------------------------------------------------------------------------
# Layout figures, not words: what makes a text "laid out at a fixed width". A page line is 15–60
# characters; a full line may be up to 2 characters shorter than the width (half-width digits, a
# closing bracket pushed down). At least MIN_LINES lines are full, and the full lines are the
# page's long lines: of all lines at least as long as a full one, SPIKE_SHARE are no longer than
# the width (a page has no longer line but where its dump ran two lines on). Short lines do not
# count (headings, table cells, the last line of a paragraph), so a page with many of them still
# shows its width. On the dev texts only the PDF dump gz-2011-dixia-kongjian passes (88%, width 26);
# every other document 27% or less at any width with 10 lines or more (a column of equal cells,
# jx-shicheng-2018-hezhang-kaohe, 81% with 13 lines, is too few lines).
MIN_WIDTH, MAX_WIDTH = 15, 60
SLACK = 2
MIN_LINES = 20
SPIKE_SHARE = 0.85
# A paragraph's first line is short of the width by its lost indent (two characters): it may still
# wrap (应当按\n照各自的职能分工).
LINE_SLACK = 3

# --- LOCAL ------------------------------------------------------------------------------------
# A white-space gap is read across only if it holds at most this many line breaks: one blank line
# is a PDF page or paragraph wrap inside a sentence, more is a real break.
MAX_WRAP_NEWLINES = 2
# Marks inside a sentence after which a definition's text runs on across a wrap (的、\n\n数字化).
SENTENCE_MARKS = frozenset("，、。；：）")


def is_cjk(ch: str) -> bool:
    """A CJK ideograph (the basic block and extension A)."""
    if len(ch) != 1:
        return False
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF


def is_word_char(ch: str) -> bool:
    """A character a name is made of: CJK, or an ASCII letter or digit."""
    return is_cjk(ch) or (ch.isascii() and ch.isalnum())


# --- A FULL LINE THAT STOPS MID-SENTENCE ------------------------------------------------------

def ends_open(line: str) -> bool:
    """True when a line stops mid-sentence (no terminal punctuation at its end)."""
    return bool(line) and line[-1] not in TERMINAL


def min_chars(width: int | None) -> int:
    """How long a line must be to count as full: the page width less LINE_SLACK in a fixed-width
    layout, else WRAP_MIN_CHARS."""
    return WRAP_MIN_CHARS if width is None else width - LINE_SLACK


def runs_on(line: str, nxt: str, is_heading: Callable[[str], bool], blank_between: bool = False,
            width: int | None = None) -> bool:
    """Whether the trimmed line `line` runs on into the trimmed line `nxt` of a text laid out at
    `width` (None: one paragraph a line). `blank_between`: a white-space-only line (not an empty
    one) stands between them, so nothing runs across it.

    Example: a 45-character line ending …加快发展工 runs on into 业互联网平台，…; one ending 。 does not.
    """
    return (len(line) >= min_chars(width) and ends_open(line) and not is_heading(nxt)
            and not blank_between)


# --- FIXED WIDTH ------------------------------------------------------------------------------

def page_width(text: str) -> int | None:
    """The width of a text laid out at a fixed width (its longest full line), or None."""
    # Measured without the indent: a paragraph indent (two spaces, 　　) is no part of the page width.
    lengths = [len(line.strip()) for line in text.split("\n") if line.strip()]
    if len(lengths) < MIN_LINES:
        return None
    counts = Counter(lengths)
    widths = []  # (full lines, width) of every width the long lines fit
    for w in range(MIN_WIDTH, MAX_WIDTH + 1):
        full = sum(counts[x] for x in range(w - SLACK, w + 1))
        longer = sum(n for x, n in counts.items() if x > w)
        if full >= MIN_LINES and full >= SPIKE_SHARE * (full + longer):
            widths.append((full, w))
    if not widths:
        return None
    _, width = max(widths)
    # The width is the longest full line: a page whose full lines are all exactly W characters
    # ties every window up to W + SLACK, and the widest window is not the page.
    return max(x for x in range(width - SLACK, width + 1) if counts[x])


def wrap_gaps(text: str, lo: int = 0, hi: int | None = None, width: int | None = None) -> list[tuple[int, int]]:
    """The gaps [end of a line, start of the next non-empty line) inside text[lo:hi] where the line
    runs on (`runs_on`) in a text laid out at `width` (None: one paragraph a line)."""
    # lines.py's join_wrapped calls into this module, so its line splitter is imported late.
    from policykg.extract.structure.headings import is_heading_line
    from policykg.extract.structure.lines import physical_lines

    hi = len(text) if hi is None else hi
    out = []
    last = None
    blank = False
    for ln in physical_lines(text):
        if not ln.text:
            blank = blank or ln.raw_blank
            continue
        if (last is not None and lo <= last.end and ln.start <= hi
                and runs_on(last.text, ln.text, is_heading_line, blank, width)):
            out.append((last.end, ln.start))
        last, blank = ln, False
    return out


def keeps_break(prev: str, nxt: str) -> bool:
    """Whether a wrap between the characters `prev` and `nxt` stands for a space a reader keeps:
    between two Latin letters or digits (Internet / Protocol). Next to a CJK character or a mark
    (市财政局、 / 市规划资源局, 市交通委 / 、市商务委) it cuts a word or a list and goes."""
    return prev.isascii() and prev.isalnum() and nxt.isascii() and nxt.isalnum()


def wrap_breaks(text: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Offsets of the characters of text[lo:hi] that a reader takes out to read across the wraps
    of a text laid out at a fixed width: every character of a wrap gap, unless the gap stands for
    a space (`keeps_break`).

    [] for a text with one paragraph a line: there a long line that stops mid-sentence is as
    often a table cell before its owner cell (…光伏项目的开发和建设 / 申通地铁集团) or a notice's
    title before its addressees as a page break, which is enough to group lines into one
    logical line but not to read a name across them."""
    inside = bracket_breaks(text, lo, hi)
    width = page_width(text)
    if width is None:
        return inside
    return sorted(set(inside) | {i for a, b in wrap_gaps(text, lo, hi, width) if not keeps_break(text[a - 1], text[b])
                                 for i in range(a, b)})


# A line break inside a short bracket, between two CJK characters (…聚集市场主体60家以上。(青岛市绿色低碳高
# / 质量发展先行区建设办公室负责)(十七)…, sd-2024-changjing-shiqiang): a bracket opened near a line's end and
# closed near the next line's start never holds a paragraph break, so the break cut a name or a phrase,
# in any layout. At most this many characters on each side of the break inside the bracket.
BRACKET_WRAP_CHARS = 30
_OPENERS, _CLOSERS = "（(", "）)"


def bracket_breaks(text: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Offsets of the line-break characters of text[lo:hi] that stand inside a short bracket (above)."""
    hi = len(text) if hi is None else hi
    out: list[int] = []
    pos = text.find("\n", lo)
    while 0 <= pos < hi:
        a = pos
        while a > 0 and text[a - 1] == "\r":
            a -= 1
        b = pos + 1
        if a == 0 or b >= len(text) or not (is_cjk(text[a - 1]) and is_cjk(text[b])):
            pos = text.find("\n", b)
            continue
        before = text[max(0, a - BRACKET_WRAP_CHARS):a]
        after = text[b:b + BRACKET_WRAP_CHARS]
        opened = max(before.rfind(c) for c in _OPENERS)
        if opened >= 0 and not any(c in before[opened:] for c in _CLOSERS) and "\n" not in before[opened:]:
            close = min((k for k in (after.find(c) for c in _CLOSERS) if k >= 0), default=-1)
            if close > 0 and not any(c in after[:close] for c in _OPENERS) and "\n" not in after[:close]:
                out.extend(range(a, b))
        pos = text.find("\n", b)
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
        return bisect.bisect_left(self.doc, pos)


def joined(text: str, breaks: list[int]) -> Joined:
    """`text` without the characters at `breaks`, with the offset map back to `text`."""
    gone = set(breaks)
    keep = [i for i in range(len(text)) if i not in gone]
    return Joined("".join(text[i] for i in keep), keep + [len(text)])


# --- LOCAL ------------------------------------------------------------------------------------

def name_gap(prev: str, gap: str, nxt: str) -> bool:
    """Whether a name runs across the white-space run `gap` between the characters `prev` and
    `nxt` (LOCAL): both are word characters, one of them CJK (a PDF puts spaces between Chinese
    and Latin: UT 斯达康, A8 音乐), and the gap holds at most MAX_WRAP_NEWLINES line breaks.

    A no-break space (U+00A0, an HTML page's &nbsp;) is typed, never put in by a converter: between two
    Chinese characters it separates a table cell's parts (NMPA lists: 北京万生药业有限责任公司&nbsp; 北京万生
    药业有限责任公司, applicant then producer; 无&nbsp; 无&nbsp; 阿斯利康投资（中国）有限公司).

    Example: 工程中 + \\r\\n\\r\\n + 心 is one name (工程中心); 工程中 + \\n\\n\\n + 心 is not.
    """
    if NO_BREAK_SPACE in gap and is_cjk(prev) and is_cjk(nxt):
        return False
    return (bool(prev) and bool(nxt) and is_word_char(prev) and is_word_char(nxt)
            and (is_cjk(prev) or is_cjk(nxt)) and gap.count("\n") <= MAX_WRAP_NEWLINES)


def sentence_gap(prev: str, gap: str, nxt: str) -> bool:
    """Whether a sentence runs across the white-space run `gap` (LOCAL): it stands between a CJK
    character or a mark inside a sentence (SENTENCE_MARKS) and a CJK character. The gap's size is
    not asked: a definition holds no paragraph break of its own.

    Example: 的、 + \\n\\n + 数字化 runs on; 进入 + space + 21 keeps its space.
    """
    return bool(prev) and bool(nxt) and (is_cjk(prev) or prev in SENTENCE_MARKS) and is_cjk(nxt)
