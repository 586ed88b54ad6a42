"""Recognising the numbering markers of Chinese official documents.

The conventional hierarchy (党政机关公文格式) is 一、 > （一） > 1． > （1） > ①. Documents skip
levels and restart numbering in every chapter, so the parser only needs each marker's *type*
and number; nesting comes from the type's rank.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.extract.structure.spaces import SPACE

CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}


def cn_number(s: str) -> int | None:
    """一 → 1, 十二 → 12, 二十三 → 23 (enough for heading numbers)."""
    if not s:
        return None
    if s == "十":
        return 10
    if "十" in s:
        tens, _, ones = s.partition("十")
        t = CN_DIGITS.get(tens, None) if tens else 1
        o = CN_DIGITS.get(ones, None) if ones else 0
        if t is None or o is None:
            return None
        return t * 10 + o
    if len(s) == 1:
        return CN_DIGITS.get(s)
    return None


_CN = "一二三四五六七八九十"
_FW_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


@dataclass(frozen=True)
class MarkerForm:
    """One numbering form: its type, its rank (lower = higher in the hierarchy) and the regex of the
    marker as it opens a line (without the anchor). The one registry of markers: headings match it at
    a line start, the run-on splitter (lines.split_run_on) inside a line stored without breaks, the
    clause finder skips it before a clause."""

    type: str
    rank: float
    pattern: str
    # May open a unit inside a run-on line: ①② are inline enumerations inside a sentence far more
    # often than units, so a body stored as one line is not cut at them.
    run_on: bool = True
    # What must not follow the marker inside a run-on line (a cross-reference: 第十二条规定的…).
    run_on_guard: str = ""


MARKER_FORMS: tuple[MarkerForm, ...] = (
    # Inside a run-on line 三、四月份 is a span of months, not chapter 三 (run_on_guard).
    MarkerForm("chapter", 1, rf"(?:第([{_CN}]+)[章部分]\s*|([{_CN}]+)\s*、)\s*", run_on_guard=rf"(?![{_CN}])"),
    # OCR-like texts drop the opening bracket (一)工程指导协调小组根据…, …建设:一)合理布局…: mohrss-2024-shuzi-gongchengshi):
    # a bare numeral and closing bracket still open a 项 at a line start or after a sentence mark or colon.
    MarkerForm("section", 2, rf"(?:[（(]\s*([{_CN}]+)|(?<![^\s：:。；;])([{_CN}]+))\s*[）)]\s*"),
    # A digit after an ASCII point is a decimal (2.5亿元); after a full-width point or 、 it is the item's
    # text (3．2020年底前开展…). A year after an ASCII point is the item's text too (4.2022年启动…,
    # sd-2021-fuwuye-shuzihua): no decimal number has four fraction digits and then 年.
    # Inside a run-on line 2、3月份 is a list of numbers, not item 2 (3．2020年底前 still is item 3).
    # The small full stop ﹒ (U+FE52) stands for ． in some database exports (北大法宝 plain text:
    # 1﹒推进工业互联网外网建设。 of ah-2021-gongye-hulianwang); it never ends a decimal number.
    MarkerForm("item", 3, r"([0-9０-９]{1,2})\s*(?:[．、﹒]|\.(?!(?![0-9０-９]{4}年)[0-9０-９]))\s*",
               run_on_guard="(?:(?<!、)|(?![0-9０-９]))"),
    # Articles of 办法 / 规定 / 条例 (第十二条　…): the numbered unit of a regulation, under its 章
    # and above its 项 (（一）…) and 目 (1. …), which restart in every article (rank 1.5).
    # Some sources write the number in digits, even spaced out (第 2 0 条). Any white space but a line
    # break may follow: 北大法宝-style exports set 第N条 off with an en space and an ideographic one
    # (第六条\u2002\u3000…, ab-2021-zhengwu-shuju).
    MarkerForm("article", 1.5,
               # OCR reads the units digit 一 as a dash (第二十-条 for 第二十一条, mohrss-2024-shuzi-gongchengshi).
               rf"第(?:([{_CN}]+(?:(?<=十)[-－])?)|{SPACE}*([0-9０-９](?:{SPACE}?[0-9０-９]){{0,2}}){SPACE}*)条{SPACE}*",
               run_on_guard="(?!规定|所|的|之|中|和|或|至|、)"),
    MarkerForm("subitem", 4, r"[（(]\s*([0-9０-９]{1,2})\s*[）)]\s*"),
    MarkerForm("subitem2", 5, r"([①②③④⑤⑥⑦⑧⑨⑩])\s*", run_on=False),
    # Decimal numbering of 预案 and standards: 1　总则 / 2.1　… / 2.1.3　… (the number stands
    # apart from the heading by white space, never by 、 or ．). Depth gives the rank.
    MarkerForm("decimal", 0, rf"([0-9]{{1,2}}(?:\.[0-9]{{1,2}}){{0,3}}){SPACE}+(?=[^\s0-9.．、])"),
)
# (type, rank, regex anchored at the line start), as the clause finder reads them.
_PATTERNS = [(f.type, f.rank, re.compile("^" + f.pattern)) for f in MARKER_FORMS]
# Rank of a decimal marker by its depth: 1 → chapter, 2.1 → section, 2.1.3 → item, deeper still
# above （1） sub-items, which nest inside them.
_DECIMAL_RANK = {1: 1, 2: 2, 3: 3, 4: 3.5}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"

APPENDIX = re.compile(r"^附\s*(?:录|件)\s*[0-9一二三四五六七八九十]*\s*[：:]?\s*")


@dataclass(frozen=True)
class Marker:
    type: str
    rank: float  # 3.5 for a four-level decimal marker (between 1.1.1 and （1）)
    number: int
    marker: str  # as written
    rest_offset: int  # where the heading text starts, relative to the line


def match_marker(text: str) -> Marker | None:
    for type_, rank, rx in _PATTERNS:
        m = rx.match(text)
        if not m:
            continue
        raw = next(g for g in m.groups() if g)
        if type_ == "decimal":
            parts = raw.split(".")
            depth = len(parts)
            return Marker(f"decimal{depth}", _DECIMAL_RANK[depth], int(parts[-1]), m.group(0).strip(), m.end())
        if type_ == "article" and raw[0] not in _CN:
            number = int(re.sub(SPACE, "", raw).translate(_FW_DIGITS))
        elif type_ in ("chapter", "section", "article"):
            number = cn_number(raw.replace("-", "一").replace("－", "一"))
        elif type_ == "subitem2":
            number = _CIRCLED.index(raw) + 1
        else:
            number = int(raw.translate(_FW_DIGITS))
        if number is None:
            continue
        return Marker(type_, rank, number, m.group(0).strip(), m.end())
    return None


def is_heading_line(text: str) -> bool:
    return match_marker(text) is not None or bool(APPENDIX.match(text))


# A lead phrase is the short first sentence that names what a paragraph is about
# ("加强组织领导。…", "光纤到户。…"): the sub-measure headings of plan texts.
_LEAD = re.compile(r"^([^。，,；;：:！？]{2,30})[。．]")


def lead_phrase(text: str) -> str | None:
    m = _LEAD.match(text)
    if not m:
        return None
    phrase = m.group(1)
    # A number-led or quoted sentence is content, not a heading.
    if re.match(r"^[0-9０-９“\"《]", phrase):
        return None
    return phrase


def heading_text(rest: str, limit: int = 60) -> tuple[str, int]:
    """Split the text after a marker into (heading, offset where the body starts).

    `（一）高端软件产业。重点支持…` → ('高端软件产业', after '。'); a heading standing alone keeps
    its whole text; a long first sentence is cut at its first comma-like break.
    """
    m = re.search(r"[。．]", rest)
    if m and m.start() <= limit:
        return rest[: m.start()].strip(), m.end()
    if not m and len(rest) <= limit:
        return rest.strip().rstrip("：:"), len(rest)
    c = re.search(r"[，,；;：:]", rest)
    if c and c.start() <= limit:
        return rest[: c.start()].strip(), 0
    return rest[:limit].strip(), 0
