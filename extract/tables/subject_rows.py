"""A numbered table typed one cell a line whose header names NO owner column, yet whose rows each
open with a body: the row's subject (the department a 考核细则 assesses).

    序号 / 考核项目 / 各项分值 / 考核内容 / 评分标准 / 说明          ← header: no owner word
    2 / 县农粮局 / 30 / 持续推进畜禽养殖污染控制 / 1.… 2.… / 15 / 持续推进农业化肥… / 1.…
    3 / 县工信局 / 60 / 持续加强工矿企业及工业聚集区水污染防治 / 1.…

A row is the lines from its number line (the number repeats or goes on by one) to the next row's.
It counts only when the line after the number – or after one short group cell (重点考核部门) – is
one body by the same is_agency test the prose rules use; rows whose first cell names no body (组织
领导) give nothing. The subject cell merged over several duty rows is written once: inside a row,
each bare number line (a score: 30, 15) followed by text opens one duty, a task of its own whose
title is that text's first line, with the row's subject responsible. The subject is no lead:
nothing in such a header says so. What the cells beside it say (评分标准, 分值) names no owner of
its own (precision: a score or a criterion is no clause), except where a criterion names the row's
partners with the row's subject as its unwritten subject, at the opening of a clause (2.与县环保局、
县水文站共同推进…): 与B / 协同B → B a co-doer, responsible beside the subject; 配合B → B lead, the
subject support (the subject keeps its responsible row). Objects of 协助 / 指导 / 督促 stay out:
the helped body is given no work (the dev gold, jx-shicheng-2018-hezhang-kaohe).
"""

from __future__ import annotations

import re

from policykg.extract.structure.spaces import SPACE
from policykg.extract.tables.responsibility import (
    OWNER_ROLES,
    TableTask,
    _holding_section,
    cell_roles,
    label_role,
    plain_label,
)
from policykg.extract.tables.text_table import _lines, bodies_after, names_body, row_number
from policykg.schema.models import Evidence, Role, Section, Task, TaskKind
from policykg.schema.vocabulary import vocabulary

MIN_LABELS = 3  # plain column labels after 序号 for a header
MIN_ROWS = 3  # rows opening with a body for a table: fewer is too weak a sign
GROUP_CELL_CHARS = 8  # a group cell before the subject (重点考核部门) is short
_GROUP_HEAD = re.compile(r"^[一二三四五六七八九十]+、")
_CJK_TEXT = re.compile(r"[\u4e00-\u9fff]{4}")
# Partner words opening a criterion's clause: co-doers (与B共同推进…, 协同B加强…) and the lead the row's
# subject cooperates with (配合B…: [verbs] support's first word). 与 must open the clause: inside a
# word (参与) it is none.
_CO_DOERS = ("与", "协同")
_SUPPORT_WORD = vocabulary().verbs.support[0]
_PARTNER = re.compile(rf"(?:^|(?<=[，,。；;：:\n])){SPACE}*(?:[0-9０-９]{{1,2}}[.．、])?{SPACE}*(?:积极)?"
                      r"(?P<word>" + "|".join(_CO_DOERS + (_SUPPORT_WORD,)) + ")")
# The staff of a body standing for it after the list (配合县水利局、水保局技术人员开展…).
_STAFF = ("技术人员", "工作人员")


def _header_end(lines, i: int) -> int | None:
    """The index after a 序号 header at line i whose labels name no owner column, or None."""
    if lines[i].text not in ("序号", "编号"):
        return None
    k = i + 1
    while k < len(lines) and plain_label(re.sub(r"\s", "", lines[k].text)) and row_number(lines[k].text) is None:
        if label_role(re.sub(r"\s", "", lines[k].text)) in ("lead", "support", "responsible"):
            return None  # a header with an owner column is the text table reader's
        k += 1
    return k if k - i - 1 >= MIN_LABELS else None


def _one_body(line: str) -> bool:
    return len(line) <= 20 and not re.search(r"[、，,。；;：:\s]", line) and names_body(line)


def subject_row_tasks(doc_id: str, text: str, lo: int, sections: list[Section], default_prefix: str | None,
                      skip: list[tuple[int, int]] = ()) -> tuple[list[TableTask], list[tuple[int, int]]]:
    """The duties of subject-row tables in text[lo:] as tasks, and the spans the tables cover."""
    lines = [ln for ln in _lines(text, lo, len(text)) if not any(a <= ln.start < b for a, b in skip)]
    out: list[TableTask] = []
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        end = _header_end(lines, i)
        rows = _rows(lines, end) if end is not None else []
        if len(rows) < MIN_ROWS:
            i = end or i + 1
            continue
        holder = _holding_section(sections, lines[i].start)
        base = holder.id.partition(":")[2] if holder else "doc"
        for r, (number, subject, duties) in enumerate(rows):
            ev = Evidence(doc_id=doc_id, start=number.start, end=subject.end, quote=text[number.start:subject.end],
                          rule="table.responsible")
            roles = cell_roles("responsible", subject.text, subject.start, default_prefix)
            for d, (first, last) in enumerate(duties):
                key = f"{base}.s{len(spans) + 1}.{number.text}" + (f".{d + 1}" if len(duties) > 1 else "")
                if r and rows[r - 1][0].text == number.text:
                    key += "b"  # a number the source repeats (30 twice): keep ids apart
                task = Task(id=f"{doc_id}:task:{key}", doc_id=doc_id, kind=TaskKind.task, title=first.text[:60],
                            text=text[first.start:last.end], section_id=holder.id if holder else None, ordinal=1,
                            start=first.start, end=last.end, rule="task.table_row")
                tt = TableTask(task, first.start, last.end)
                for role, items in roles:
                    if items:
                        tt.assignments.append((OWNER_ROLES[role], items, ev))
                subject_items = [it for role, items in roles for it in items]
                _partners(text, doc_id, number.start, first.start, last.end, subject_items, tt, default_prefix)
                out.append(tt)
        spans.append((rows[0][0].start, rows[-1][2][-1][1].end))
        i = end
    return out, spans


def _partners(text: str, doc_id: str, row_start: int, lo: int, hi: int, subject_items: list, tt: TableTask,
              default_prefix: str | None) -> None:
    """The partners a duty's criteria name at a clause opening (see the module docstring); the
    evidence runs from the row's number to the end of the partner list, as written."""
    for m in _PARTNER.finditer(text, lo, hi):
        listed = bodies_after(text, m.end(), hi, default_prefix, _STAFF)
        if not listed:
            continue
        items, end = listed
        ev = Evidence(doc_id=doc_id, start=row_start, end=end, quote=text[row_start:end], rule="table.row_partner")
        if m.group("word") == _SUPPORT_WORD:
            tt.assignments.append((Role.lead, items, ev))
            if subject_items:
                tt.assignments.append((Role.support, subject_items, ev))
        else:
            tt.assignments.append((Role.responsible, items, ev))


def _rows(lines, k: int):
    """(number line, subject line, [(first line, last line) per duty]) for each subject row after k."""
    rows = []
    n = None
    while k < len(lines):
        num = row_number(lines[k].text)
        if num is None or (n is not None and num not in (n, n + 1)) or (n is None and num != 1):
            if rows and _GROUP_HEAD.match(lines[k].text):
                break  # the next chapter of the document: the table's rows are over
            k += 1
            continue
        s = _subject_at(lines, k)
        if s is None:
            k += 1
            continue
        # The row runs to the next number line opening a row (n or n+1, then a body).
        j = s + 1
        while j < len(lines) and not _opens_row(lines, j, num) and not _GROUP_HEAD.match(lines[j].text):
            j += 1
        duties = []
        m = s + 1
        while m < j:
            # A duty is text (持续推进…): a line of figures or a dash (19.23, /) is a statistics table's cell.
            if row_number(lines[m].text) is not None and m + 1 < j and row_number(lines[m + 1].text) is None \
                    and _CJK_TEXT.search(lines[m + 1].text):
                first = m + 1
                last = first
                while last + 1 < j and not (row_number(lines[last + 1].text) is not None and last + 2 < j
                                            and row_number(lines[last + 2].text) is None):
                    last += 1
                duties.append((lines[first], lines[last]))
                m = last + 1
            else:
                m += 1
        if duties:
            rows.append((lines[k], lines[s], duties))
            n = num
        k = j
    return rows


def _subject_at(lines, k: int) -> int | None:
    """The subject line of a row whose number is line k: the next line, or the one after a short
    group cell (重点考核部门 / 县委农工部: the group cell is passed over even when it ends like a body)."""
    s = k + 1
    if s + 1 < len(lines) and len(lines[s].text) <= GROUP_CELL_CHARS and not re.search(r"[、，,。；;：:]", lines[s].text) \
            and row_number(lines[s].text) is None and _one_body(lines[s + 1].text):
        return s + 1
    return s if s < len(lines) and _one_body(lines[s].text) else None


def _opens_row(lines, j: int, n: int) -> bool:
    return row_number(lines[j].text) in (n, n + 1) and _subject_at(lines, j) is not None
