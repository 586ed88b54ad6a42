"""Deadlines as plans word them, parsed into `Deadline` (the wording kept as written).

    2022年底前 / 2022年年底前 / 2022年末      date    2022-12-31
    2022年6月底前 / 2022年6月前              date    2022-06-30
    2022年6月15日前                         date    2022-06-15
    到2020年 / 力争2023年底前完成            date    the year's (or month's) last day
    2021—2023年 / 2021-2023年               period  year_start 2021, year_end 2023, date 2023-12-31
    长期坚持 / 持续推进 / 长期 / 每年 / 2020年起  ongoing

`parse_deadline` reads a table cell (完成时限 / 时间节点 / 进度安排); `find_prose_deadlines`
finds what a prose clause states: an explicit （完成时限：…） label, or a `…前` date phrase.
A bare year in prose ("2020年") is a target horizon, not a deadline, and is left alone.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from policykg.schema.models import Deadline, Evidence

_FW = str.maketrans("０１２３４５６７８９", "0123456789")
_Y = r"((?:19|20)\d{2})\s*年"
PERIOD = re.compile(r"((?:19|20)\d{2})\s*年?\s*[—–\-－~～至到]+\s*((?:19|20)\d{2})\s*年")
DAY = re.compile(_Y + r"\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:前|之前|以前)?")
MONTH = re.compile(_Y + r"\s*(\d{1,2})\s*月\s*(?:份)?\s*(?:底|末|中旬|上旬|下旬)?\s*(?:前|之前|以前)?")
YEAR = re.compile(_Y + r"\s*(?:年)?(?:底|末|内)?\s*(?:前|之前|以前)?")
SINCE = re.compile(_Y + r"\s*起")
ONGOING = re.compile(r"长期坚持|持续推进|持续开展|长期推进|常态化|长期|持续|每年|每季度|每月|定期")
# In prose, only wording that states a limit: a label, or a date followed by 前.
LABEL = re.compile(r"[（(]?\s{0,4}(?:完成时限|完成时间|时间节点|时限)\s*[:：]\s*([^）)；;。\n]{2,40})[）)]?")
# At most a few blanks before the year (a line wrap may fall there): an unbounded \s* let every
# position re-scan a whole run of blank lines, quadratic in its length.
PROSE_DATE = re.compile(r"(?:力争|于|在)?\s{0,4}((?:19|20)\d{2}\s*年\s*(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?)?\s*(?:年?底|末)?\s*(?:前|之前|以前))")


def _last_day(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


@dataclass(frozen=True)
class ParsedDeadline:
    kind: str
    date: dt.date | None
    year_start: int | None
    year_end: int | None


def parse_wording(text: str) -> ParsedDeadline | None:
    """The meaning of a deadline's wording, or None when it states no time."""
    s = text.translate(_FW).strip()
    if not s:
        return None
    m = PERIOD.search(s)
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        if a <= b:
            return ParsedDeadline("period", dt.date(b, 12, 31), a, b)
    m = SINCE.search(s)
    # 2020年起，每年2月底前: a recurring limit from 2020 on, not the end of 2020.
    if m and (re.search(r"每(?:年|季度|月)", s) or not re.search(r"月\s*(?:底|末)?\s*前|日\s*前", s)):
        return ParsedDeadline("ongoing", None, int(m.group(1)), None)
    m = DAY.search(s)
    if m:
        try:
            d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return ParsedDeadline("date", d, None, d.year)
        except ValueError:
            pass
    m = MONTH.search(s)
    if m and 1 <= int(m.group(2)) <= 12:
        d = _last_day(int(m.group(1)), int(m.group(2)))
        return ParsedDeadline("date", d, None, d.year)
    m = YEAR.search(s)
    if m:
        y = int(m.group(1))
        return ParsedDeadline("date", dt.date(y, 12, 31), None, y)
    if ONGOING.search(s):
        return ParsedDeadline("ongoing", None, None, None)
    return None


def parse_deadline(text: str, doc_id: str, start: int, rule: str = "deadline.cell") -> Deadline | None:
    """A Deadline for wording found at document offset `start` (`text` is exactly what the
    document holds there, so the evidence quote is text[start:end])."""
    p = parse_wording(text)
    if p is None:
        return None
    lead = len(text) - len(text.lstrip())
    core = text.strip()
    ev = Evidence(doc_id=doc_id, start=start + lead, end=start + lead + len(core), quote=core, rule=rule)
    return Deadline(text=core, kind=p.kind, date=p.date, year_start=p.year_start, year_end=p.year_end, evidence=ev)


def find_prose_deadlines(text: str, doc_id: str, lo: int = 0, hi: int | None = None) -> list[Deadline]:
    """Deadlines prose states inside [lo, hi): labels first, then `…前` date phrases."""
    hi = len(text) if hi is None else hi
    found: list[Deadline] = []
    taken: list[tuple[int, int]] = []
    for m in LABEL.finditer(text, lo, hi):
        d = parse_deadline(m.group(1), doc_id, m.start(1), "deadline.label")
        if d:
            found.append(d)
            taken.append((m.start(), m.end()))
    for m in PROSE_DATE.finditer(text, lo, hi):
        if any(a <= m.start(1) < b for a, b in taken):
            continue
        d = parse_deadline(m.group(1), doc_id, m.start(1), "deadline.prose")
        if d:
            found.append(d)
    return sorted(found, key=lambda d: d.evidence.start)
