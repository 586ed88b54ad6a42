"""Quantitative targets: "到2023年…增加值突破1900亿元，年均增速6.5%", "覆盖率达100%",
"2012年产业规模达到800亿元", "龙头企业15家以上".

A target is a number with a unit, a comparator read from the verb or qualifier around it, the
metric named just before it, and the year it is for. Statements about the past (截至2010年底…,
2008年…约为…, anything in a 发展基础 / 面临形势 section, a year before the plan period) are not
targets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = (
    r"亿美元|万亿元|亿元|万元|个百分点|万平方米|平方米|万户|万人|万件|万个|兆比特/秒|Mbps|Gbps|MB|GB|nm|纳米|％|%|家|个|户|人|"
    r"项|件|倍|座|条|所|套|次|区"
)
UNIT_NAMES = {"％": "%", "兆比特/秒": "Mbps", "纳米": "nm"}
MONEY = {"亿美元", "万亿元", "亿元", "万元"}
NUMBER = r"\d+(?:\.\d+)?"
VALUE = re.compile(
    rf"(?P<value>{NUMBER})(?:\s*(?:{UNITS})?\s*[―—–\-~～至到]\s*(?P<high>{NUMBER}))?\s*(?P<unit>{UNITS})"
    rf"(?P<after>以上|以下|以内|左右)?"
)
YEAR = re.compile(r"(?:(?P<by>到|至|力争到|力争|预计到|预计)\s*)?(?P<year>(?:19|20)\d{2})\s*年(?:底|末)?")
# Verbs and qualifiers right before the number, longest first.
COMPARATORS = [
    ("不低于", ">="), ("不少于", ">="), ("至少", ">="), ("不超过", "<="), ("控制在", "<="), ("低于", "<"),
    ("突破", ">"), ("超过", ">"), ("超", ">"), ("高于", ">"), ("大于", ">"), ("提高到", "="), ("提升到", "="),
    ("达到", "="), ("达", "="), ("增长到", "="), ("实现", "="), ("保持", "="), ("约", "~"), ("为", "="),
]
PAST = re.compile(r"截至|截止|已经|已达|已有|已建|已获|已成|约为|期间|以来|累计")
BACKGROUND = re.compile(r"发展基础|面临形势|发展形势|发展现状|现状|形势|基础与")


@dataclass(frozen=True)
class FoundTarget:
    metric: str
    value: float
    unit: str
    year: int | None
    comparator: str
    start: int
    end: int


def _comparator(before: str, after: str | None) -> str:
    if after in ("以上",):
        return ">="
    if after in ("以下", "以内"):
        return "<="
    if after == "左右":
        return "~"
    tail = before.rstrip()[-4:]
    for word, comp in COMPARATORS:
        if tail.endswith(word):
            return comp
    return "="


def _metric(segment: str) -> str:
    """The thing measured: the words before the verb in the same comma-delimited segment."""
    seg = YEAR.sub("", segment)
    seg = re.sub(r"[（(][^）)]*[）)]", "", seg)  # (市统计局口径) and the like
    seg = re.sub(r"^(?:力争|争取|预计|全市|我市|深圳|全面|基本|初步|实现|其中|前)+", "", seg.strip(" ，,：:（(*—"))
    for word, _ in COMPARATORS:
        if seg.endswith(word):
            seg = seg[: -len(word)]
            break
    return seg.strip(" ，,：:（(*—")


SENTENCE_SPLIT = re.compile(r"[。！？!?\n]")


def find_targets(text: str, paragraphs, sections, period: tuple[int | None, int | None] = (None, None)) -> list[FoundTarget]:
    """Targets stated in the plan's paragraphs.

    The year a number is for: the last year stated before it in its sentence; else the last
    "到YYYY年" stated earlier in the same section or one above it (a 发展目标 section opens with
    到2020年 and lists its targets after); else the plan's period end, for any number inside a
    section (the plan's preamble has no fallback). Background sections (发展基础, 面临形势) state
    the past and are skipped.
    """
    start_year, end_year = period
    by_id = {s.id: s for s in sections}
    background = {s.id for s in sections if s.heading and BACKGROUND.search(s.heading)}

    def lineage(sid):
        while sid:
            yield by_id[sid]
            sid = by_id[sid].parent_id

    section_year: dict[str | None, int] = {}
    out: list[FoundTarget] = []
    for p in paragraphs:
        chain = list(lineage(p.section_id)) if p.section_id in by_id else []
        if any(s.id in background for s in chain):
            continue
        inherited = next((section_year[s.id] for s in chain if s.id in section_year), None)
        fallback = inherited or (end_year if chain else None)
        for sm in _spans(text, p.start, p.end):
            out.extend(_targets_in_sentence(text, sm[0], sm[1], fallback, start_year, section_year, p.section_id))
    return out


def _spans(text: str, lo: int, hi: int):
    pos = lo
    for m in SENTENCE_SPLIT.finditer(text, lo, hi):
        yield pos, m.start()
        pos = m.end()
    if pos < hi:
        yield pos, hi


def _targets_in_sentence(text, lo, hi, fallback, start_year, section_year, section_id):
    sentence = text[lo:hi]
    out: list[FoundTarget] = []
    if not sentence.strip() or PAST.search(sentence):
        return out
    for y in YEAR.finditer(sentence):
        if y.group("by") and section_id is not None:
            section_year[section_id] = int(y.group("year"))
    for v in VALUE.finditer(sentence):
        year, future = None, False
        for y in YEAR.finditer(sentence, 0, v.start()):
            year, future = int(y.group("year")), bool(y.group("by"))
        if year is None:
            year = fallback
        if year is None:
            continue
        after = sentence[v.end():v.end() + 1]
        unit = UNIT_NAMES.get(v.group("unit"), v.group("unit"))
        # "2015年" is a year; "年营收超过50亿元的龙头企业" qualifies what is counted (money before
        # 的), while "100%的事项实现网上办理" and "100Mbps的带宽接入" are targets.
        if after == "年" or str(year) == v.group("value") or (after == "的" and unit in MONEY):
            continue
        if start_year and year < start_year and not future:
            continue
        seg_start = max(sentence.rfind(c, 0, v.start()) for c in "，,：:；;") + 1
        comp = _comparator(sentence[:v.start()], v.group("after"))
        metric = _metric(sentence[seg_start:v.start()])
        if after == "的" or len(metric) <= 2:
            # "新建10家…", "建成3个以上…产业集群": the counted thing follows the number.
            follow = re.split(r"[，,；;、。]", sentence[v.end():])[0]
            metric = (metric + re.sub(r"^(?:以上|以下|左右|的)+", "", follow)).strip()[:40]
        low, high = float(v.group("value")), v.group("high")
        if high is not None:
            # 32nm—22nm and 1―2家 alike: the range is kept as its lower end, compared with ~ or >=.
            low = min(low, float(high))
            comp = "~" if unit == "nm" else ">="
        for part in _distributed(metric, sentence[seg_start:v.start()]):
            out.append(FoundTarget(metric=part, value=low, unit=unit, year=year, comparator=comp,
                                   start=lo + v.start(), end=lo + v.end()))
    return out


def _distributed(metric: str, before: str) -> list[str]:
    """"A、B、C的比例均实现100%" states the same target for each of A, B and C."""
    if "均" not in before or "、" not in metric:
        return [metric]
    head = re.sub(r"均$", "", metric)
    suffix = ""
    m = re.search(r"的?(比例|覆盖率|普及率|比重)$", head)
    if m:
        suffix, head = m.group(1), head[: m.start()]
    return [p + suffix for p in head.split("、") if p]
