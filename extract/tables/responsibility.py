"""Responsibility tables (分工表) become tasks: one Task per row, owners per column, in order.

A table qualifies when one of its first header rows names a task column (重点任务, 工作任务,
任务内容, 主要任务 …) and at least one owner column (牵头单位, 责任单位, 配合单位, 参与单位 …).
Columns are found by their header words, never by position; a two-row header (责任单位 over
牵头单位 | 配合单位) is read cell by cell, the lower row deciding. Each later row with task text
yields one Task numbered as its 序号 cell says, under the section (or 附件) that holds the table;
a row whose cells all hold one text (a merged group heading such as 一、加快数字基础设施建设)
names the group of the rows below it. Owner cells are split with the same list rules as prose
(clauses.agency_list.split_agency_list, prefix restoration) and resolved by the caller's
resolver, so a table and a prose clause naming the same agency give the same node. A merged
owner cell (a 牵头单位 spanning rows) is repeated by the readers in every row it spans, so it
applies to each. The deadline cell becomes Task.deadline.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from policykg.extract.clauses.agency_list import is_agency, split_agency_list
from policykg.extract.facts.deadlines import parse_deadline
from policykg.extract.readers.base import Cell, TableRead
from policykg.schema.models import Deadline, Evidence, Role, Section, Task, TaskKind
from policykg.schema.vocabulary import vocabulary as _vocab

# Header words per column role, in matching order: [table_columns] of vocabulary.toml (a label
# equal to a `whole` word or holding a `part` word; the first kind that matches names the role).
def _column_words() -> list[tuple[str, re.Pattern]]:
    out = []
    for kind in _vocab().table_columns.values():
        alts = []
        if kind.whole:
            alts.append("^(?:" + _vocab().alternation(kind.whole) + ")$")
        if kind.part:
            alts.append(_vocab().alternation(kind.part))
        out.append((kind.role, re.compile("|".join(alts))))
    return out


COLUMN_WORDS: list[tuple[str, re.Pattern]] = _column_words()
OWNER_ROLES = {"lead": Role.lead, "support": Role.support, "responsible": Role.responsible}
HEADER_ROWS = 3


@dataclass
class TableTask:
    task: Task
    clause_start: int
    clause_end: int
    assignments: list[tuple[Role, list, Evidence]] = field(default_factory=list)  # (role, ListItems, evidence)
    rule: str = "clause.table_row"  # the Clause's rule: a table row, or an owner heading (owner_headings.py)
    own_span: tuple[int, int] | None = None  # an owner paragraph's own text, when it is not its unit's whole span


def label_role(label: str) -> str | None:
    """The column role a header label names (COLUMN_WORDS, first match), or None."""
    for role, pat in COLUMN_WORDS:
        if pat.search(label):
            return role
    return None


# A header cell no column word names, yet shaped like a label (交通子行业, 建设区域, 十四五装机计划（MW）):
# short, no sentence or list punctuation, no bare number.
_PLAIN_LABEL = re.compile(r"[^\s。，、；;,：:0-9０-９][^\s。，、；;,：:]{0,11}")  # \s: every space, 　 and &nbsp; too


def plain_label(label: str) -> bool:
    return bool(_PLAIN_LABEL.fullmatch(label))


def subject_column(roles: dict[int, str], labels: dict[int, str]) -> int | None:
    """The column that names what each row is about when no header word names a task column:
    the first plainly labelled column before the owner columns (序号 | 交通子行业 | 建设区域 | … |
    责任单位: 交通子行业). A table with owner columns assigns its rows to them; the rows' subject is
    its first column of text, as a reader of the table takes it. None when there is no such column."""
    if "task" in roles.values() or not any(v in OWNER_ROLES for v in roles.values()):
        return None
    first_owner = min(c for c, v in roles.items() if v in OWNER_ROLES)
    for c in sorted(labels):
        if c < first_owner and c not in roles and plain_label(labels[c]):
            return c
    return None


def column_roles(rows: list[list[Cell]]) -> tuple[dict[int, str], int] | None:
    """{column: role} and the index of the first data row, or None when the table is no 分工表."""
    roles: dict[int, str] = {}
    last_header = -1
    labels: dict[int, str] = {}  # the last header row's labels, for the subject column
    for r, row in enumerate(rows[:HEADER_ROWS]):
        # Below a header that has a 序号 column, a row numbered in it is data, whatever its cells
        # say (a first row's group cell 加强组织领导 or 责任落实 is no header label).
        if last_header >= 0 and any(v == "number" and c < len(row) and _number(row[c].text) for c, v in roles.items()):
            break
        hit = False
        row_labels = {}
        for cell in row:
            label = re.sub(r"\s", "", cell.text)
            if not label or len(label) > 12:
                continue
            row_labels[cell.col] = label
            role = label_role(label)
            if role is not None:
                roles[cell.col] = role
                hit = True
        if hit:
            last_header = r
            labels = row_labels
        elif last_header >= 0:
            break
    subject = subject_column(roles, labels)
    if subject is not None:
        roles[subject] = "task"
    if "task" not in roles.values() or not any(v in OWNER_ROLES for v in roles.values()):
        return None
    return roles, last_header + 1


def _number(text: str) -> str | None:
    m = re.match(r"^\s*([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})\s*[.．、]?\s*$", text)
    return m.group(1).translate(str.maketrans("０１２３４５６７８９", "0123456789")) if m else None


def _title(text: str) -> str:
    t = re.split(r"[。；;]", text, maxsplit=1)[0].strip()
    return t[:60] if t else text[:60]


def table_tasks(doc_id: str, table: TableRead, sections: list[Section], default_prefix: str | None,
                first_ordinal: int = 1) -> list[TableTask]:
    found = column_roles(table.rows)
    if found is None:
        return []
    roles, first = found
    holder = _holding_section(sections, table.start)
    base = holder.id.partition(":")[2] if holder else "doc"
    task_col = _task_column(table.rows[first:], [c for c, r in roles.items() if r == "task"])
    out: list[TableTask] = []
    used_keys: set[str] = set()
    for r in range(first, len(table.rows)):
        row = table.rows[r]
        texts = {c.text for c in row if c.text}
        if len(texts) == 1 and len(row) > 2:
            continue  # one text merged across the row: a group heading, not a task
        task_cell = row[task_col] if task_col < len(row) else None
        if task_cell is None or not task_cell.text.strip():
            continue
        number = None
        for c, role in roles.items():
            if role == "number" and c < len(row):
                number = _number(row[c].text)
        key = f"{base}.t{table.index + 1}.{number or r - first + 1}"
        while key in used_keys:  # a 序号 repeated under several groups: keep ids apart
            key += "b"
        used_keys.add(key)
        # The row's own cells: a merged cell repeated from a row above keeps that row's offsets.
        own = [c for c in row if c.text and c.merged_from is None] or row
        start = min(c.start for c in own)
        end = max(c.end for c in own)
        deadline: Deadline | None = None
        for c, role in roles.items():
            if role == "deadline" and c < len(row) and row[c].text.strip():
                deadline = parse_deadline(row[c].text, doc_id, row[c].start, "deadline.table")
        title = _title(task_cell.text)
        task = Task(id=f"{doc_id}:task:{key}", doc_id=doc_id, kind=TaskKind.task, title=title,
                    text=task_cell.text, section_id=holder.id if holder else None, ordinal=first_ordinal + len(out),
                    start=start, end=end, rule="task.table_row", deadline=deadline)
        tt = TableTask(task, start, end)
        for c in sorted(roles):
            role = roles[c]
            if role not in OWNER_ROLES or c >= len(row) or not row[c].text.strip():
                continue
            cell = row[c]
            ev = Evidence(doc_id=doc_id, start=cell.start, end=cell.end, quote=cell.text, rule=f"table.{role}")
            for cell_role, items in cell_roles(role, cell.text, cell.start, default_prefix):
                if items:
                    tt.assignments.append((OWNER_ROLES[cell_role], items, ev))
        out.append(tt)
    return out


def cell_items(text: str, start: int, default_prefix: str | None) -> list:
    """The bodies an owner cell lists. A cell that runs over several lines lists on each line
    when each line opens with a body (区商务委 / 区绿化市容局, no 、 between; 区绿化市容局 / 区党政机关、
    公共机构); otherwise its lines are one name wrapped inside itself (申通地铁 / 集团), whose line
    break is layout, not part of the name (the surface and the evidence keep the characters)."""
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    per_line = [split_agency_list(t, start + off, default_prefix) for off, t in lines]
    if len(lines) > 1 and all(items and is_agency(items[0].surface) and items[0].surface not in _vocab().agency.suffixes
                              for items in per_line):
        return [it for items in per_line for it in items]
    return [dataclasses.replace(it, name=re.sub(r"\s+", "", it.name))
            for it in split_agency_list(text, start, default_prefix)]


def _mark_pattern() -> re.Pattern:
    # A role written after a body inside the cell: 市发展改革委（牵头）, 市财政局(主办单位) ([roles] lead words).
    v = _vocab()
    return re.compile(r"[（(](" + v.alternation(v.roles.lead) + r")(?:" + v.alternation(v.roles.unit_nouns) + r")?[）)]$")


def _label_pattern() -> re.Pattern:
    # A role label inside the cell: 牵头单位：A；配合单位：B ([roles] words × unit nouns).
    return re.compile("(" + _vocab().alternation(list(_vocab().role_labels())) + r")[：:]")


def cell_roles(column_role: str, text: str, start: int, default_prefix: str | None) -> list[tuple[str, list]]:
    """The (role, bodies) an owner cell assigns. The column's role, unless the cell says otherwise:
    role labels inside it (牵头单位：A；配合单位：B – each list takes its label's role), or a body
    marked as lead (A（牵头）、B – A leads; the others, listed beside a lead, take the role the
    vocabulary gives a list beside a lead: [roles] beside_lead). The evidence stays the whole cell."""
    labels = list(_label_pattern().finditer(text))
    if labels:
        out = []
        head = text[:labels[0].start()].strip("；;，,、 \n")
        if head:
            out.append((column_role, cell_items(head, start + text.index(head), default_prefix)))
        for k, m in enumerate(labels):
            end = labels[k + 1].start() if k + 1 < len(labels) else len(text)
            part = text[m.end():end]
            core = part.strip("；;，,。 \n")
            if core:
                out.append((_vocab().role_labels()[m.group(1)], cell_items(core, start + m.end() + part.index(core),
                                                                          default_prefix)))
        return out
    items = cell_items(text, start, default_prefix)
    mark = _mark_pattern()
    marked = [bool(mark.search(it.surface)) for it in items]
    if not any(marked) or column_role == "support":
        return [(column_role, items)]
    leads, others = [], []
    for it, is_lead in zip(items, marked):
        if is_lead:
            cut = len(mark.search(it.surface).group(0))
            it = dataclasses.replace(it, surface=it.surface[:-cut], name=it.name[:-cut], end=it.end - cut)
            leads.append(it)
        else:
            others.append(it)
    return [("lead", leads), (_vocab().role_beside_lead(column_role), others)]


def _task_column(rows: list[list[Cell]], task_cols: list[int]) -> int:
    """Of several task columns (任务名称 | 任务内容), the one holding each row's own text: a column
    whose cells are merged over rows (a group name) is not it. The first such column, else the first."""
    for c in task_cols:
        if not any(c < len(row) and row[c].merged_from is not None for row in rows):
            return c
    return task_cols[0]


def _holding_section(sections: list[Section], pos: int) -> Section | None:
    best = None
    for s in sections:
        if s.start <= pos < max(s.end, s.start + 1) or (s.start <= pos and s.end == pos):
            if best is None or (s.end - s.start) < (best.end - best.start):
                best = s
    return best
