"""Clauses found in a document → `Clause`s with their `Assignment`s, the agencies they name,
and the document's conventions: the one step the pipeline calls for responsibilities.

Order: find the conventions the document declares; run the clause-rule registry over the body;
apply the conventions; attach each clause to the numbered unit that holds it (making that unit
a task when the plan's structure had not); resolve each listed body within the document's
jurisdiction, with the abbreviations the document defines.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from policykg.extract.agencies.jurisdiction import DocPlace, document_place
from policykg.extract.agencies.resolve import document_aliases, resolve_agency
from policykg.extract.clauses.agency_list import is_agency, split_agency_list, split_joined
from policykg.extract.clauses.conventions import IMPLIED_BODIES, apply_conventions, find_conventions, implied_bodies
from policykg.extract.clauses.finder import find_clauses
from policykg.extract.structure.lines import Line, text_lines, with_breaks
from policykg.extract.structure.metadata import reads_as_title
from policykg.extract.structure.spaces import INLINE_SPACE, SPACE
from policykg.extract.structure.tasks import ClauseTasks
from policykg.schema.models import (
    Agency,
    AgencyMention,
    Assignment,
    Clause,
    Convention,
    Evidence,
    PlanMeta,
    Role,
    Section,
    SectionLevel,
    Task,
)


@dataclass
class Assigned:
    clauses: list[Clause] = field(default_factory=list)
    agencies: list[Agency] = field(default_factory=list)
    conventions: list[Convention] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)  # the input tasks plus any clause units made
    warnings: list[str] = field(default_factory=list)
    place: DocPlace | None = None
    aliases: dict[str, str] = field(default_factory=dict)


# The closing of a 公文 (结尾): after the last numbered unit, a paragraph that turns to all
# addressees (各地区、各部门要…) or speaks of the document itself (本意见由…负责解释). It belongs to
# no numbered unit, so its clauses are kept as clauses of no task.
# 请各地区、各部门… is the same turn to all addressees, put as a request.
_CLOSING_ALL = re.compile(r"(?:请)?(?:各地区|各地|各部门|各有关部门|各省|各级|地方各级)")
# 本政策 / 本措施 (本政策自2021年开始执行，由省经济和信息化厅负责解释: ah-2021-gongye-hulianwang's
# 若干政策) and 本实施意见 / 本行动计划 / 本实施方案 are the document itself as the others are.
_CLOSING_SELF = re.compile(r"本(?:实施|行动|工作)?(?:意见|办法|方案|通知|预案|规定|细则|计划|政策|措施)")


# A paragraph after the last unit's text that says who writes the document's implementing rules
# (省经济和信息化厅会同省财政厅等单位制定具体实施细则或申报服务指南。…: the close of
# ah-2021-gongye-hulianwang's 若干政策, before 本政策自…执行): it speaks of the whole document.
_CLOSING_RULES = re.compile(r"制定(?:具体|相关|配套)?(?:实施细则|实施办法|操作细则|申报(?:服务)?指南)")


_MARKER_LINE = re.compile(r"[（(]?[0-9０-９一二三四五六七八九十]{1,3}[）)．.、]")


def closing_start(text: str, sections: list[Section], body_end: int, lines: list[Line] | None = None) -> int | None:
    """Where the closing paragraphs after the last numbered heading begin, if any. A paragraph
    on the document itself (本意见…) always closes it; one turning to all addressees (各地区、各部门
    要…) only when the last unit already had its text, since a heading standing alone
    (（三）营造良好环境。) is followed by its own body, which may begin the same way.

    Paragraphs are the document's lines as the structure reads them (structure/lines.text_lines, the
    default), so the closing paragraph of a body stored as one line (…全额保障范围。　　各地区、各有关部门
    要…, gov-2014-guobanfa-56; or with one space where each break was) is a paragraph as on its own line."""
    heads = [s for s in sections if s.marker]
    if not heads:
        return None
    last = max(heads, key=lambda s: s.start)
    lines = text_lines(text) if lines is None else lines
    k = next((i for i, ln in enumerate(lines) if ln.start <= last.start < max(ln.end, ln.start + 1)), None)
    if k is None:
        return None
    heading_only = text[last.start:lines[k].end].rstrip(INLINE_SPACE + "。").endswith(
        (last.heading or "\0").rstrip("。"))
    seen_body = not heading_only
    one_line = _one_line_units(sections, last, lines, k)
    for ln in lines[k + 1:]:
        line_start = ln.start
        if line_start >= body_end:
            break
        if one_line and _BACK_REFERENCE.search(ln.text):
            return line_start
        if _CLOSING_SELF.match(text, line_start) or (seen_body and _CLOSING_ALL.match(text, line_start)):
            return line_start
        # A paragraph after the last unit's text whose first sentence names the document itself
        # (司法部负责…督促指导本意见贯彻落实工作。): it speaks of the whole document, not the unit.
        first = text.find("。", line_start, body_end)
        first = min(x for x in (first, ln.end, body_end) if x != -1)
        if seen_body and (_CLOSING_SELF.search(text, line_start, first) or _CLOSING_RULES.search(text, line_start, first)) \
                and not _MARKER_LINE.match(text, line_start):
            return line_start
        if ln.text:
            seen_body = True
    return None


# Words of a paragraph that refers back to all that precedes it (上述政策…, 以上意见如无不妥…, 按照上述精神):
# a noun must follow, so that 县级以上人民政府 is no back-reference.
_BACK_REFERENCE = re.compile(r"(?:上述|以上|前述)(?:各项|所列)?(?:政策|规定|意见|措施|要求|精神|条款|内容|任务|事项)")
# Units of one line are a layout only when several show it: the last unit and at least this many
# before it.
_ONE_LINE_MIN_BEFORE = 2


def _one_line_units(sections: list[Section], last: Section, lines: list[Line], k: int) -> bool:
    """Whether every numbered unit of the last unit's level is written on one line (its marker's
    line holds all its text, no sub-items) and the last one has text there. Then a paragraph after
    the last unit's line that refers back to all that precedes (_BACK_REFERENCE) is no part of it
    but the document's closing (国办发〔2018〕124号's first 规定: （一）…（三十一） one line each, then
    中央所属转制文化企业的认定，由中央宣传部会同…确定…上述政策凡未注明具体期限的… on the whole 规定; the
    dev gold leaves such paragraphs out). Without the back-reference a paragraph after one-line
    units may still continue the last one's matter (an unnumbered fifteenth measure on the last
    chapter's topic), so it stays the unit's. A unit whose text continues on later lines anywhere
    in the part (a heading line, then its body) makes later paragraphs ambiguous: nothing is
    decided here. Nothing may follow the last unit as a section (an appendix)."""
    if any(s.start > last.start for s in sections):
        return False
    same = [s for s in sections if s.level is last.level and s.marker]
    if len(same) <= _ONE_LINE_MIN_BEFORE or any(s.parent_id in {u.id for u in same} for s in sections):
        return False
    if lines[k].end <= last.start + len(last.marker or ""):
        return False  # the marker stands alone on its line
    starts = [ln.start for ln in lines]
    for s in same:
        if s is last:
            continue
        i = bisect.bisect_right(starts, s.start) - 1
        if i < 0 or s.end > lines[i].end:
            return False
    return True


def closing_spans(text: str, sections: list[Section], body_end: int,
                  lines: list[Line] | None = None) -> list[tuple[int, int]]:
    """The closing paragraphs of each document the file holds (closing_start): a file may print two
    documents one after the other (sections.py _opens_next_document), each with chapters from 一、
    and its own closing (ah-2021-gongye-hulianwang: 若干政策 ends 本政策自2021年开始执行，由…负责解释
    before the 行动计划 begins). A top-level chapter numbered 1 after others begins the next one."""
    tops = sorted((s for s in sections if s.parent_id is None and s.level is SectionLevel.chapter and s.marker),
                  key=lambda s: s.start)
    # Only a restart after a title line between the documents: chapters restarting at 一、 with no
    # title before them (a part heading, a lost attachment heading) are still one document's.
    starts = [s.start for k, s in enumerate(tops) if k > 0 and s.number == 1
              and _title_between(text, max(x.end for x in sections if x.start < s.start), s.start, lines)]
    spans, lo = [], None
    for hi in starts + [body_end]:
        part = [s for s in sections if (lo is None or s.start >= lo) and s.start < hi]
        c = closing_start(text, part, hi, lines)
        if c is not None:
            spans.append((c, hi))
        lo = hi
    return spans


def _title_between(text: str, lo: int, hi: int, lines: list[Line] | None = None) -> bool:
    """Whether a line of text[lo:hi] (structure/lines.text_lines) reads as a document's title
    (metadata.reads_as_title)."""
    lines = text_lines(text) if lines is None else lines
    return any(reads_as_title(ln.text) for ln in lines if ln.text and lo <= ln.start and ln.end <= hi)


_ITEM_MARKER = re.compile(r"[（(][0-9０-９一二三四五六七八九十]{1,3}[）)]$")
_ARTICLE_MARKER = re.compile(r"第[一二三四五六七八九十百零〇]{1,5}条$")


def _line_at(lines: list[Line], pos: int) -> Line | None:
    """The line (structure/lines.text_lines) that holds `pos`, or the last one starting before it."""
    i = bisect.bisect_right([ln.start for ln in lines], pos) - 1
    return lines[i] if i >= 0 else None


def article_paragraph(text: str, sections: list[Section], pos: int, lines: list[Line] | None = None) -> int | None:
    """Where the article holding `pos` begins, when `pos` lies in an unnumbered paragraph after
    the listed 项 of a 第N条 article (第二十五条 …有下列行为之一的…：（一）…（五）…。 then 专业代理机构…由A吊销…):
    that paragraph continues the article, not its last 项 (the dev gold of gov-2018-guoling-706 and
    gov-2018-guofa-41). None otherwise: a clause on an item's own line stays the item's."""
    inner = min((s for s in sections if s.start <= pos < s.end), key=lambda s: s.end - s.start, default=None)
    if inner is None or not _ITEM_MARKER.match(inner.marker or ""):
        return None
    parent = next((s for s in sections if s.id == inner.parent_id), None)
    if parent is None or not _ARTICLE_MARKER.match(parent.marker or ""):
        return None
    # Only 项 that list what the article's line introduces (有下列行为之一的…： / 以下…信息：); items
    # of prose (（一）区应急管理局负责… with paragraphs of its own, sh-xuhui 第十一条) keep them.
    lines = text_lines(text) if lines is None else lines
    head = _line_at(lines, parent.start)
    if head is None or head.end > inner.start or not text[parent.start:head.end].rstrip().endswith(("：", ":")):
        return None
    own = _line_at(lines, pos)
    if own is None or own.start <= inner.start or _MARKER_LINE.match(text, own.start):
        return None
    return parent.start


def bracket_closing_item(text: str, sections: list[Section], pos: int, lines: list[Line] | None = None) -> int | None:
    """Where the numbered item begins whose sub-items a bracket line standing alone at `pos` closes:
    2.落实属地主体责任 / … (1)… (2)… (3)… / (责任单位：区交通委、各街镇) (sh-fengxian-2021-nongcun-gonglu:
    every such bracket there closes its item, and (1)(2)(3) name no owner of their own), so the line
    is the item's clause, not its last sub-item's. None otherwise (a bracket at the end of a sub-item's
    own text stays the sub-item's)."""
    ln = _line_at(text_lines(text) if lines is None else lines, pos)
    if ln is None:
        return None
    line, own = ln.start, ln.text
    if not (line <= pos <= line + 2 and own[:1] in "(（" and own[-1:] in ")）"):
        return None
    inner = min((s for s in sections if s.start <= pos < s.end), key=lambda s: s.end - s.start, default=None)
    # Only (n) sub-items of an n. item: a （一） item's bracket line (（牵头单位：…）, the Shenzhen plans)
    # closes that item, never its 一、 chapter.
    if inner is None or not _SUB_ITEM.match(inner.marker or "") or line <= inner.start:
        return None
    parent = next((s for s in sections if s.id == inner.parent_id), None)
    if parent is None or not _NUMBERED_ITEM.match(parent.marker or ""):
        return None
    return parent.start


_SUB_ITEM = re.compile(r"[（(][0-9０-９]{1,2}[）)]$")
_NUMBERED_ITEM = re.compile(r"[0-9０-９]{1,2}[.．、]?$")


def _bracketed(text: str, start: int, end: int) -> bool:
    """Whether the clause text[start:end] is a bracket of its own (（责任单位：…）, （A牵头，B配合）)."""
    opens = text[start:start + 1] in ("（", "(") or text[start - 1:start] in ("（", "(")
    closes = text[end - 1:end] in ("）", ")") or text[end:end + 1] in ("）", ")")
    return opens and closes


def assign_clauses(text: str, doc_id: str, meta: PlanMeta, sections: list[Section], tasks: list[Task],
                   body_start: int, body_end: int, front: str = "",
                   skip: list[tuple[int, int]] | None = None) -> Assigned:
    """`skip`: spans read otherwise (a responsibility table's cells, read by column)."""
    out = Assigned(tasks=list(tasks))
    body = text[body_start:body_end]
    place = document_place(meta.issuer, meta.title, meta.doc_number, body, front)
    out.place = place
    aliases = out.aliases = document_aliases(text, body_start, body_end)
    out.conventions = find_conventions(text, doc_id, body_start, body_end)
    lines = text_lines(text)
    # The finder reads a body stored as one line with the breaks the structure found in it (…主体责任
    # 区交通委是…: the owner starts after the break, as on a line of its own); offsets are the text's.
    found = find_clauses(with_breaks(text, lines), body_start, body_end, place.default_prefix)
    agencies: dict[str, Agency] = {}
    closing = closing_spans(text, sections, body_end, lines)
    units = ClauseTasks(doc_id, out.tasks, sections, text)
    # (task, clause text) of the clauses read so far: see the repeat below.
    said: dict[tuple[str, str], int] = {}
    for applied in apply_conventions(found, out.conventions, text):
        f, conv = applied.found, applied.convention
        if any(a <= f.start < b for a, b in skip or []):
            continue
        if any(c.kind == IMPLIED_BODIES and c.evidence.start <= f.start < c.evidence.end for c in out.conventions):
            continue  # the declaration itself (…各省级人民政府负责落实，不再列出) is no task's clause
        if any(a <= f.start < b for a, b in closing):
            task, created = None, None
        else:
            task, created = units.task_for(article_paragraph(text, sections, f.start, lines)
                                           or bracket_closing_item(text, sections, f.start, lines) or f.start)
        if created is not None:
            out.tasks.append(created)
        evidence = Evidence(doc_id=doc_id, start=f.start, end=f.end, quote=text[f.start:f.end], rule=f.rule)
        # The same bracketed clause written again in one task (a chapter's paragraphs each closed by
        # the same （责任单位：A、B）, ah-2021-gongye-hulianwang 二、; a bracket repeated after a unit's
        # 具体措施, gov-2020-guobanfa-43 （二十三）) assigns nothing new: it stays a clause of the task,
        # as evidence, and its bodies are counted once, at the first. Prose clauses are not
        # merged: 由地方承担支出责任 said of two matters of one unit is two statements (gov-2020-guobanfa-13).
        repeat = None
        if task is not None and _bracketed(text, f.start, f.end):
            key = (task.id, re.sub(r"\s", "", evidence.quote))
            repeat = said.get(key)
            said.setdefault(key, f.start)
        if repeat is not None:
            out.warnings.append(f"clause at {f.start}-{f.end} repeats the clause at {repeat} of task {task.id}")
            out.clauses.append(Clause(doc_id=doc_id, task_id=task.id, start=f.start, end=f.end,
                                      text=evidence.quote, rule=f.rule, assignments=[], scope=f.scope))
            continue
        assignments = []
        for role, items in f.roles:
            for rank, it in enumerate(items, 1):
                agency = resolve_agency(it.name, it.collective, place, aliases)
                mention = AgencyMention(surface=it.surface, name=it.name, agency_id=agency.id,
                                        prefix_restored=it.prefix_restored, start=it.start, end=it.end)
                if task is not None:
                    # Only bodies given a task become the document's agencies: a clause of no task
                    # (a closing paragraph) leaves no agency without an edge in the graph.
                    known = agencies.get(agency.id, agency)
                    if it.name not in known.mentions:
                        known = known.model_copy(update={"mentions": [*known.mentions, it.name]})
                    agencies[agency.id] = known
                    assignments.append(Assignment(task_id=task.id, role=role, rank=rank, agency=mention,
                                                  evidence=evidence, convention=conv.evidence if conv else None))
        if task is None:
            out.warnings.append(f"clause at {f.start}-{f.end} closes no task: {evidence.quote[:40]}")
        out.clauses.append(Clause(doc_id=doc_id, task_id=task.id if task else None, start=f.start, end=f.end,
                                  text=evidence.quote, rule=f.rule, assignments=assignments, scope=f.scope))
    _add_implied_bodies(text, out, place, aliases, agencies)
    out.agencies = sorted(agencies.values(), key=lambda a: a.id)
    return out


def _add_implied_bodies(text: str, out: Assigned, place: DocPlace, aliases: dict[str, str],
                        agencies: dict[str, Agency]) -> None:
    """An implied-bodies convention (各省级人民政府负责落实，不再列出) gives every later task that
    carries a clause those bodies as responsible units, with the convention's evidence beside
    the evidence of the task's last clause after it."""
    for conv in [c for c in out.conventions if c.kind == IMPLIED_BODIES]:
        raw = implied_bodies(text, conv)
        raw_start = conv.evidence.start + conv.evidence.quote.find(raw)
        # The bodies follow the last verb or particle of the sentence (各项任务均需各省级人民政府…).
        cut = max((m.end() for m in re.finditer(r"(?<!自)由|需要?|须|均|都|请|要|应|[：:]", raw)), default=0)
        items = split_joined(split_agency_list(raw[cut:], raw_start + cut, place.default_prefix))
        if not items or not all(is_agency(it.surface) for it in items):
            continue
        # Each task's last clause after the convention takes them, after the bodies it lists.
        last: dict[str, int] = {}
        for k, c in enumerate(out.clauses):
            if c.task_id is not None and c.end > conv.evidence.end and c.assignments:
                last[c.task_id] = k
        for k in sorted(last.values()):
            c = out.clauses[k]
            listed = {a.agency.name for cl in out.clauses if cl.task_id == c.task_id for a in cl.assignments}
            rank = sum(1 for a in c.assignments if a.role is Role.responsible)
            extra = []
            for it in items:
                if it.name in listed:
                    continue
                rank += 1
                agency = resolve_agency(it.name, it.collective, place, aliases)
                known = agencies.get(agency.id, agency)
                if it.name not in known.mentions:
                    known = known.model_copy(update={"mentions": [*known.mentions, it.name]})
                agencies[agency.id] = known
                mention = AgencyMention(surface=it.surface, name=it.name, agency_id=agency.id,
                                        prefix_restored=it.prefix_restored, start=it.start, end=it.end)
                extra.append(Assignment(task_id=c.task_id, role=Role.responsible, rank=rank, agency=mention,
                                        evidence=c.assignments[0].evidence, convention=conv.evidence))
            out.clauses[k] = c.model_copy(update={"assignments": [*c.assignments, *extra]})
