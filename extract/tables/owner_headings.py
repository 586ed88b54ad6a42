"""Owner-as-heading chapters: a 职责分工 chapter whose sub-headings are the bodies themselves.

    四、职责分工
    (一)区建管委
    牵头协调督促本区海绵城市建设工作落实，统筹推进……
    (二)区发改委
    指导在项目立项……

Like a 分工表 turned on its side: the heading is the owner column, the text below it the duties.
Each sub-unit whose whole heading is a list of bodies (the is_agency test the prose rules use)
gets those bodies as `responsible` of the unit's own task; the evidence is the heading line
(marker + names), exactly as written. The chapter must carry one of CHAPTER_WORDS and at least
MIN_OWNER_UNITS such sub-units, so a chapter that merely has one sub-heading naming a body is
left to the prose rules. The duties below an owner heading are that owner's: the prose rules
skip those units (the caller passes their spans on), so that a bare 负责 in the duties does not
name a second, wrong owner (在本单位负责实施…).
"""

from __future__ import annotations

import re

from policykg.extract.clauses.agency_list import split_agency_list
from policykg.extract.structure.tasks import ClauseTasks
from policykg.extract.tables.responsibility import TableTask
from policykg.extract.tables.text_table import names_body
from policykg.schema.models import Evidence, Role, Section, Task
from policykg.schema.vocabulary import vocabulary

# Headings of a chapter that assigns duties body by body: [clauses] owner_chapter_* of vocabulary.toml.
_WORDS = vocabulary().clauses
CHAPTER_WORDS = re.compile("^(?:(?:" + "|".join(map(re.escape, _WORDS.owner_chapter_joined)) + ")[与和])?"
                           "(?:" + "|".join(map(re.escape, _WORDS.owner_chapter_verbs)) + ")?(?:"
                           + "|".join(map(re.escape, sorted(_WORDS.owner_chapter_titles, key=len, reverse=True)))
                           + ")$")
MIN_OWNER_UNITS = 2
# A chapter with no duty title (四、各单位按以下职能分工牵头…：) counts when at least this many
# sub-units stand under it and every one of them is headed by a body.
MIN_UNTITLED_UNITS = 3
# Where the list after 配合 ends: punctuation, or a word that follows a list of bodies ([verbs] list_stops).
_LIST_END = re.compile(r"[，。；;,：:\n]|" + vocabulary().alternation(vocabulary().verbs.list_stops))
_SUPPORT = re.compile("(?:" + "|".join(map(re.escape, sorted(vocabulary().verbs.support, key=len, reverse=True))) + ")")


def owner_heading_units(text: str, doc_id: str, sections: list[Section], tasks: list[Task],
                        default_prefix: str | None) -> list[TableTask]:
    """One TableTask (the unit's existing task, its heading as the clause) per owner heading."""
    by_parent: dict[str, list[Section]] = {}
    for s in sections:
        if s.parent_id:
            by_parent.setdefault(s.parent_id, []).append(s)
    task_of = {}
    for t in sorted(tasks, key=lambda t: t.start):
        if t.section_id is not None:
            task_of.setdefault(t.section_id, t)  # the unit's own task comes first: it starts at the marker
    out: list[TableTask] = []
    units_of: ClauseTasks | None = None  # makes a unit's task where the structure stage built none
    for chapter in sections:
        heading = re.sub(r"[\s。.：:]", "", chapter.heading or "")
        titled = bool(CHAPTER_WORDS.match(heading))
        subs = by_parent.get(chapter.id, [])
        if not titled and len(subs) < MIN_UNTITLED_UNITS:
            continue
        found = []
        for sub in subs:
            # The body may open the unit's first line, its duties after a colon (（二）区发改委：指导…),
            # or stand alone as its first sentence (（一）区房管局。负责…).
            name = re.split(r"[：:]", (sub.heading or "").strip(), maxsplit=1)[0].strip()
            at = text.find(name, sub.start, sub.end) if name else -1
            if at < 0:
                continue
            items = split_agency_list(name, at, default_prefix)
            if items and all(names_body(it.name) for it in items):
                found.append((sub, name, at, items))
        if len(found) < MIN_OWNER_UNITS or not (titled or len(found) == len(subs)):
            continue
        for sub, name, at, items in found:
            task = task_of.get(sub.id)
            if task is None:
                units_of = units_of or ClauseTasks(doc_id, tasks, sections, text)
                task, _ = units_of.task_for(at)
                if task is None or task.section_id != sub.id:
                    continue
            ev = Evidence(doc_id=doc_id, start=sub.start, end=at + len(name), quote=text[sub.start:at + len(name)],
                          rule="table.owner_heading")
            tt = TableTask(task, sub.start, at + len(name), rule="clause.owner_heading")
            tt.assignments.append((Role.responsible, items, ev))
            _partner(text, doc_id, sub, at + len(name), _own_end(sub, by_parent), items, tt, default_prefix)
            out.append(tt)
    return out


def _own_end(sub: Section, by_parent: dict[str, list[Section]]) -> int:
    """Where the unit's own text ends: at its first sub-unit, which may name its own owner."""
    kids = by_parent.get(sub.id, [])
    return min([k.start for k in kids] + [sub.end])


def _partner(text: str, doc_id: str, sub: Section, lo: int, hi: int, heading_items: list, tt: TableTask,
             default_prefix: str | None) -> None:
    """The heading body's duties with the heading as subject: 负责配合B… makes B the lead and the
    heading body its support (A配合B, the subject left unwritten). Only a list right after the
    verb that is all bodies counts (配合指导各相关部门 names no lead: 指导 follows the verb). The
    evidence reaches from the heading to the end of B, exactly as written."""
    for m in _SUPPORT.finditer(text, lo, hi):
        end = m.end()
        stop = _LIST_END.search(text, end, hi)
        span_end = stop.start() if stop else hi
        items = split_agency_list(text[end:span_end], end, default_prefix)
        if not items or not all(names_body(it.name) for it in items):
            continue
        if items[-1].end != span_end:  # something other than the list stands before the stop
            continue
        ev = Evidence(doc_id=doc_id, start=sub.start, end=span_end, quote=text[sub.start:span_end],
                      rule="table.owner_heading_partner")
        tt.assignments.append((Role.support, heading_items, ev))
        tt.assignments.append((Role.lead, items, ev))
        tt.clause_end = max(tt.clause_end, span_end)


def unit_spans(units: list[TableTask], sections: list[Section]) -> list[tuple[int, int]]:
    """The spans of the owner units (heading and duties), for the prose rules to skip. A sub-unit
    that opens with a body of its own (（五）各街道办事处 … 1.提篮桥街道办事处负责…) names its own owner:
    the prose rules read it."""
    spans = []
    for tt in units:
        sec = next((s for s in sections if s.id == tt.task.section_id), None)
        end = sec.end if sec else tt.clause_end
        kids = sorted((s for s in sections if sec is not None and s.parent_id == sec.id), key=lambda s: s.start)
        pos = tt.clause_start
        for k in kids:
            if _opens_with_body(k.heading or ""):
                spans.append((pos, k.start))
                pos = k.end
        spans.append((pos, end))
    return [(a, b) for a, b in spans if a < b]


def _opens_with_body(heading: str) -> bool:
    """Whether a heading opens with a list of bodies and an owner verb (提篮桥街道办事处负责…)."""
    verbs = vocabulary().verbs.responsible + vocabulary().verbs.lead
    m = re.match(r"(.{2,30}?)(?:" + vocabulary().alternation(verbs) + ")", heading)
    items = split_agency_list(m.group(1), 0) if m else []
    return bool(items) and all(names_body(it.name) for it in items)
