"""Which parts of a plan are its task units, and of what kind.

Each chapter gets a role from its heading (重点任务 → tasks, 重点工程 → projects, 重点领域 →
key fields, 保障措施 → measures, 发展基础/指导思想 → no tasks). A chapter whose heading the web
page lost is judged by its section headings (发展基础, 指导思想 … ; all ending in 工程 →
projects), and otherwise by position: the last such chapter of a plan holds its measures, the
others its tasks.

Inside a task chapter the units are its numbered items when it has any (the 28 tasks of the
13th five-year informatization plan), else its sections; a chapter with neither yields its
lead-phrase paragraphs. Lead-phrase paragraphs inside a unit ("促进互联网与设计、制造过程融合。…")
become its child tasks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from policykg.extract.structure.headings import lead_phrase
from policykg.extract.structure.spans import SpanIndex
from policykg.schema.models import Paragraph, Section, SectionLevel, Task, TaskKind

ROLE_BY_HEADING = [
    (re.compile(r"附录|名词解释"), None),
    (re.compile(r"工程|专项|项目"), TaskKind.project),
    (re.compile(r"重点领域|重点产业|发展重点|产业方向|主攻方向"), TaskKind.key_field),
    (re.compile(r"保障|措施|组织实施|实施机制"), TaskKind.measure),
    (re.compile(r"任务|专项行动|重点行动|主要行动|举措|重点工作|主要内容"), TaskKind.task),
    (re.compile(r"基础|形势|现状|背景|回顾|成效|机遇|挑战|指导思想|总体要求|总体思路|原则|目标|思路|定义|总则|意义"), None),
]
# Section headings that mark a chapter as background or guidance, matched at the heading's start
# so that 基础设施 or 完善基础支撑体系 (tasks) do not count.
BACKGROUND_SECTION = re.compile(
    r"^(?:发展基础|现实基础|工作基础|面临形势|发展形势|形势|发展现状|现状|背景|发展环境|指导思想|基本原则|原则|"
    r"发展目标|总体目标|主要目标|目标|发展思路|总体思路|思路|产业定义|总体要求)"
)


def heading_role(heading: str | None) -> TaskKind | None | str:
    """TaskKind, None for a chapter without tasks, or '' when the heading says nothing."""
    if not heading:
        return ""
    for rx, role in ROLE_BY_HEADING:
        if rx.search(heading):
            return role
    return ""


def chapter_roles(sections: list[Section]) -> dict[str, TaskKind | None]:
    chapters = [s for s in sections if s.level in (SectionLevel.chapter, SectionLevel.appendix)]
    children: dict[str, list[Section]] = {}
    for s in sections:
        if s.parent_id:
            children.setdefault(s.parent_id, []).append(s)
    roles: dict[str, TaskKind | None | str] = {}
    for ch in chapters:
        if ch.level is SectionLevel.appendix:
            roles[ch.id] = None
            continue
        role = heading_role(ch.heading)
        if role == "":
            heads = [c.heading or "" for c in children.get(ch.id, [])]
            if heads and any(BACKGROUND_SECTION.search(h) for h in heads):
                role = None
            elif heads and all(h.endswith("工程") for h in heads):
                role = TaskKind.project
        roles[ch.id] = role
    # Unjudged chapters: the last body chapter after any task chapter holds the measures.
    body = [c for c in chapters if c.level is SectionLevel.chapter]
    undecided = [c for c in body if roles[c.id] == ""]
    if undecided:
        last = body[-1]
        has_tasks_before = any(roles[c.id] not in ("", None) for c in body[:-1]) or len(undecided) > 1
        for c in undecided:
            roles[c.id] = TaskKind.measure if (c is last and has_tasks_before) else TaskKind.task
    return {k: (v if v != "" else None) for k, v in roles.items()}


def _title(sec: Section) -> str:
    return sec.heading or (sec.marker or "")


# Sibling units with the same run of sub-headings (一、…（一）试点单位。（二）试点指导单位。（三）试点内容。
# （四）预期成果。 in each of five pilot items): a form filled in once per unit. Its headings are field
# labels, no tasks: the unit they fill is the task. Fewer repeats are a text printed twice, or a
# table of contents.
_FIELD_REPEATS = 3
_FIELD_HEADING_MAX = 12


def field_sections(sections: list[Section]) -> dict[str, str]:
    """The sections that are field labels of a repeated form, each mapped to the unit it fills:
    the children of _FIELD_REPEATS or more sibling units whose short headings run alike."""
    children: dict[str, list[Section]] = {}
    for s in sections:
        if s.parent_id:
            children.setdefault(s.parent_id, []).append(s)
    forms: dict[tuple, list[str]] = {}
    for parent, kids in children.items():
        heads = tuple(k.heading or "" for k in kids)
        if len(heads) >= 2 and all(0 < len(h) <= _FIELD_HEADING_MAX for h in heads):
            forms.setdefault(heads, []).append(parent)
    out: dict[str, str] = {}
    for parents in forms.values():
        if len(parents) >= _FIELD_REPEATS:
            for parent in parents:
                out.update({k.id: parent for k in children[parent]})
    return out


def build_tasks(doc_id: str, sections: list[Section], paragraphs: list[Paragraph]) -> list[Task]:
    roles = chapter_roles(sections)
    by_parent: dict[str | None, list[Section]] = {}
    for s in sections:
        by_parent.setdefault(s.parent_id, []).append(s)
    paras_of: dict[str | None, list[Paragraph]] = {}
    for p in paragraphs:
        paras_of.setdefault(p.section_id, []).append(p)

    def descendants(sec: Section) -> list[Section]:
        out = []
        for c in by_parent.get(sec.id, []):
            out.append(c)
            out.extend(descendants(c))
        return out

    tasks: list[Task] = []
    fields = field_sections(sections)

    def add(kind: TaskKind, title: str, sec: Section | None, start: int, end: int, text: str,
            rule: str, parent: Task | None, key: str) -> Task:
        task = Task(
            id=f"{doc_id}:task:{key}", doc_id=doc_id, kind=kind, title=title, text=text,
            section_id=sec.id if sec else None, parent_task_id=parent.id if parent else None,
            ordinal=len(tasks) + 1, start=start, end=end, rule=rule,
        )
        tasks.append(task)
        return task

    def add_children(unit: Task, sec: Section, kind: TaskKind) -> None:
        """Lead-phrase paragraphs directly in the unit's section become child tasks. A child
        ends where its paragraph ends, so a clause standing on its own line after the last
        child closes the unit, not the child."""
        paras = paras_of.get(sec.id, [])
        n = 0
        for p in paras:
            phrase = lead_phrase(p.text)
            if phrase and not p.on_heading_line and not p.text.startswith(("（", "(")):
                n += 1
                add(kind, phrase, sec, p.start, p.end, p.text, "task.lead_phrase", unit, f"{_key(sec)}.{n}")

    for ch in [s for s in sections if s.level in (SectionLevel.chapter, SectionLevel.appendix)]:
        kind = roles.get(ch.id)
        if kind is None:
            continue
        desc = descendants(ch)
        items = [d for d in desc if d.level is SectionLevel.item]
        direct = [d for d in desc if d.parent_id == ch.id]
        if items:
            units, rule = items, "task.numbered_item"
        elif direct and all(d.id in fields for d in direct):
            # Each chapter a form of field labels (（一）试点单位。…): the chapter is the unit.
            units, rule = [ch], "task.form"
        elif direct:
            units, rule = direct, "task.section"
        else:
            units, rule = [], ""
        for sec in units:
            text = " ".join(p.text for p in _paras_within(sec, desc, paras_of))
            unit = add(kind, _title(sec), sec, sec.start, sec.end, text, rule, None, _key(sec))
            add_children(unit, sec, kind)
        if not units:
            for n, p in enumerate(paras_of.get(ch.id, []), 1):
                phrase = lead_phrase(p.text)
                if phrase:
                    add(kind, phrase, ch, p.start, p.end, p.text, "task.lead_phrase", None, f"{_key(ch)}.{n}")
    return tasks


def _key(sec: Section) -> str:
    return sec.id.partition(":")[2]


def _paras_within(sec: Section, desc: list[Section], paras_of: dict) -> list[Paragraph]:
    ids = {sec.id} | {d.id for d in desc if d.start >= sec.start and d.end <= sec.end and d.id.startswith(sec.id + ".")}
    out = [p for sid in ids for p in paras_of.get(sid, [])]
    return sorted(out, key=lambda p: p.start)


def innermost_task(tasks: list[Task] | SpanIndex[Task], start: int, end: int) -> Task | None:
    """The innermost task whose span holds the start of a span: the task a clause closes, or a
    target or mention lies in. Child tasks end with their own paragraph, so a clause on its own
    line after the last sub-measure closes the whole unit. Pass a SpanIndex of the tasks when
    asking for many spans of one document (a list is scanned whole each time)."""
    return _innermost_task(tasks.near(start) if isinstance(tasks, SpanIndex) else tasks, start)


def _innermost_task(candidates: Iterable[Task], start: int, keep=None) -> Task | None:
    best = None
    for t in candidates:
        if t.start <= start < t.end and (keep is None or keep(t)):
            if best is None or (t.end - t.start) < (best.end - best.start):
                best = t
    return best


def _innermost_section(candidates: Iterable[Section], pos: int) -> Section | None:
    best = None
    for s in candidates:
        if s.level is SectionLevel.appendix:
            continue
        if s.start <= pos < max(s.end, s.start + 1):
            if best is None or (s.start, -(s.end - s.start)) > (best.start, -(best.end - best.start)):
                best = s
    return best


def _headed_appendix(candidates: Iterable[Section], pos: int) -> Section | None:
    """An attachment with its own title and no numbered unit holding `pos` (附件 / 促进…工作部门职责分工,
    its 省X负责… lines unnumbered, jx-2020-tuoyu-fuwu): the attachment is one unit, as a headed chapter is."""
    for s in candidates:
        if s.level is SectionLevel.appendix and s.heading and s.start <= pos < s.end:
            return s
    return None


def _is_unit(t: Task) -> bool:
    return t.rule != "task.lead_phrase"


class ClauseTasks:
    """Finds the task each clause of one document belongs to, making the unit task where none
    was built; indexes the tasks and sections once, so a document's clauses cost linear time."""

    def __init__(self, doc_id: str, tasks: list[Task], sections: list[Section], doc_text: str = ""):
        self.doc_id, self.doc_text = doc_id, doc_text
        self.count = len(tasks)
        self.tasks: SpanIndex[Task] = SpanIndex(tasks)
        self.sections: SpanIndex[Section] = SpanIndex(sections)
        self.unit_of_section: dict[str, Task] = {}  # the first unit task built for a section
        for t in tasks:
            self._note_unit(t)
        # A field label's section (（二）试点指导单位。) belongs to the unit the form fills.
        self.form_of: dict[str, str] = field_sections(sections)

    def _note_unit(self, t: Task) -> None:
        if t.section_id is not None and _is_unit(t):
            self.unit_of_section.setdefault(t.section_id, t)

    def task_for(self, start: int) -> tuple[Task | None, Task | None]:
        """The task a clause at `start` belongs to: the numbered unit that holds it, at whichever
        level it sits (a flat notice's 一、, an 意见's （一）, a 分工方案's 1., a decimal 2.1.3's (1)).

        Returns (task, created): when no task was built for that unit (a chapter judged to hold
        no tasks, a flat notice's items, a sub-item deeper than the plan's units), one is made for
        it, as a child of the unit task around it if there is one. Lead-phrase sub-measures never
        own a clause: the numbered unit does.
        """
        sec = _innermost_section(self.sections.near(start), start)
        if sec is None:
            found = _innermost_task(self.tasks.near(start), start)
            if found is None:
                sec = _headed_appendix(self.sections.near(start), start)
            if sec is None:
                return found, None
        form = self.form_of.get(sec.id)
        if form in self.unit_of_section:
            return self.unit_of_section[form], None
        if sec.id in self.unit_of_section:
            return self.unit_of_section[sec.id], None
        around = _innermost_task(self.tasks.near(start), start, keep=_is_unit)
        if around is not None and around.section_id and not sec.id.startswith(around.section_id + "."):
            around = None  # a task of another branch (a chapter-wide lead-phrase unit): not a parent
        kind = around.kind if around is not None else TaskKind.task
        self.count += 1
        task = Task(id=f"{self.doc_id}:task:{_key(sec)}", doc_id=self.doc_id, kind=kind, title=_title(sec),
                    text=self.doc_text[sec.start:sec.end], section_id=sec.id,
                    parent_task_id=around.id if around else None, ordinal=self.count,
                    start=sec.start, end=sec.end, rule="task.clause_unit")
        self.tasks.add(task)
        self._note_unit(task)
        return task, task
