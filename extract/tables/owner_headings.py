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
    for chapter in sections:
        heading = re.sub(r"[\s。.：:]", "", chapter.heading or "")
        if not CHAPTER_WORDS.match(heading):
            continue
        units = []
        for sub in by_parent.get(chapter.id, []):
            # The body may open the unit's first line, its duties after a colon (（二）区发改委：指导…).
            name = re.split(r"[：:]", (sub.heading or "").strip(), maxsplit=1)[0].strip()
            at = text.find(name, sub.start, sub.end) if name else -1
            if at < 0 or sub.id not in task_of:
                continue
            items = split_agency_list(name, at, default_prefix)
            if items and all(names_body(it.name) for it in items):
                ev = Evidence(doc_id=doc_id, start=sub.start, end=at + len(name), quote=text[sub.start:at + len(name)],
                              rule="table.owner_heading")
                tt = TableTask(task_of[sub.id], sub.start, at + len(name), rule="clause.owner_heading")
                tt.assignments.append((Role.responsible, items, ev))
                units.append((sub, tt))
        if len(units) >= MIN_OWNER_UNITS:
            out += [tt for _, tt in units]
    return out


def unit_spans(units: list[TableTask], sections: list[Section]) -> list[tuple[int, int]]:
    """The spans of the owner units (heading and duties), for the prose rules to skip."""
    spans = []
    for tt in units:
        sec = next((s for s in sections if s.id == tt.task.section_id), None)
        spans.append((tt.clause_start, sec.end if sec else tt.clause_end))
    return spans
