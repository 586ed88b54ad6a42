"""分工表 rendered as text, one cell per line (tables copied from web pages, pdf-to-text exports).

    序号 / 任务名称 / 任务内容 / 牵头部门 / 配合部门 / 时间节点      ← header: one column label a line
    1 / 加强组织领导 / 召开…。 / 区政府办公室 / 各联席会议成员单位 / 2019年3月
    2 / 将…纳入…。 / 区委组织部 / 区绿化市容局 / 2019年             ← 任务名称 spans rows 1–4

The header is a run of lines each naming a column by the same words the docx/html tables use
(responsibility.COLUMN_WORDS); it must begin with the 序号 column, because the row numbers are what
delimits rows (a row is the lines from the line `n` – or `n.` `（n）` – up to the line `n+1`; a header
repeated on a new page is passed over). A row's lines are then
fitted to the columns in order by what they look like: owner columns take agency lists (the same
is_agency test the prose rules use), the deadline column a deadline (facts/deadlines.py), task
columns other text. Two things make the count differ from the columns:

* a merged group cell (任务名称 spanning rows) is written once, in the group's first row; a task
  column that is not the row's text column may be left out and repeats the cell above;
* a cell wrapped onto two lines (区绿化市容局、 / 区农业农村委): joining two lines costs, unless
  the first ends in a list separator (、，), which says the cell goes on.

Every cheapest fit is kept; a line that they put in different columns is dropped (and a row whose
task text they disagree on is skipped), with a warning: a dropped line loses an owner, a guess
could invent one. The rows then go through responsibility.table_tasks like any reader's table, so
the evidence of every edge is the exact span of its cell in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policykg.extract.clauses.agency_list import is_agency, split_agency_list
from policykg.extract.facts.deadlines import parse_deadline
from policykg.extract.readers.base import Cell, TableRead
from policykg.extract.structure.lines import text_lines
from policykg.extract.tables.responsibility import (
    OWNER_ROLES,
    TableTask,
    label_role,
    plain_label,
    subject_column,
    table_tasks,
)
from policykg.schema.models import Section, SourceRef
from policykg.schema.vocabulary import vocabulary

MIN_HEADER = 3  # column labels in a row, number column included: fewer is too weak a sign
MAX_CELL_LINES = 3  # lines one cell may wrap onto
SPAN = "span"  # a header label over other columns (责任单位 over 牵头单位 | 配合单位)
MIN_WIDTH_ROWS = 3  # rows that must show an owner column one line wide before it settles a doubtful row
# A task column before the row's text column holds a short name on one line: a group cell (旧区改造) or
# a measure's name (省级行政区内专利等专业技术性较强的知识产权案件跨市（区）审理, 30 characters).
GROUP_CELL_CHARS = 40
MAX_GROUP_ROWS = 3  # numbered group rows in a row between two table rows
MAX_ROW_GAP = 20  # row numbers a table may skip after a group row (rows the source omitted)
MAX_LEADING = 2  # group columns a header may put before its 序号 column
MAX_COLUMNS = 10  # labels a header of unknown labels may have: a longer run of short lines is no header
# A line that ends the last row: an attachment heading, a numbered heading, a table title.
# A total row (合计, 汇总) closes the numbered rows too.
_STOP = re.compile(r"^(?:附[件表]\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?$|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|(?:合计|总计|汇总)$)")
_GROUP_HEAD = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")
_GROUP_PUNCT = re.compile(r"[。；;，,：:]")
_CONTINUES = ("、", "，", ",")


@dataclass
class _Line:
    text: str  # stripped
    start: int
    end: int
    kind: str = ""  # A agency list, D deadline, T other text
    glued: bool = False  # follows the line before with no blank line between them


@dataclass
class TextTables:
    tables: list[TableRead] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _lines(text: str, lo: int, hi: int) -> list[_Line]:
    """The non-blank lines inside text[lo:hi] as the structure reads them (structure/lines.text_lines: a
    table stored as one line with a space between its cells is read one cell a line)."""
    out, blank = [], True
    for ln in text_lines(text):
        if ln.start < lo or ln.end > hi:
            continue
        if ln.text:
            out.append(_Line(ln.text, ln.start, ln.end, glued=not blank))
        blank = not ln.text
    return out


def _kind(line: str) -> str:
    body = line.rstrip("、，, ")
    if len(body) <= 24 and parse_deadline(body, "", 0) is not None and not re.search(r"[。；]", body):
        return "D"
    items = split_agency_list(body, 0)
    if items and all(_owner_item(it.name) for it in items) and any(names_body(it.name) for it in items):
        return "A"
    return "T"


def _owner_item(name: str) -> bool:
    """An item an owner cell may list: a body (not a bare ending such as 集团 – the rest of a name
    wrapped onto the next line), or a class of bodies under a collective head (各交通行业企业,
    各项目实施主体: [agency] class_tails), which only counts beside a body in the same cell."""
    v = vocabulary().agency
    if name in v.suffixes:
        return False
    if names_body(name):
        return True
    heads = tuple(sorted(v.collective_heads, key=len, reverse=True))
    return name.startswith(heads) and name.endswith(tuple(v.class_tails)) and len(name) <= 16 \
        and not re.search(r"[，。；：、\s]", name)


def _names_some_body(line: str) -> bool:
    """A short line that is a list with at least one body in it."""
    if len(line) > 60:
        return False
    return any(names_body(it.name) for it in split_agency_list(line.rstrip("、，, "), 0))


# Where a list of bodies written inside running text ends (配合B…, 协同B…, 与B、C共同推进…): punctuation,
# or a word that follows a list of bodies ([verbs] list_stops).
LIST_END = re.compile(r"[，。；;,：:\n]|" + vocabulary().alternation(vocabulary().verbs.list_stops))


def bodies_after(text: str, pos: int, hi: int, default_prefix: str | None, tails: tuple[str, ...] = ()):
    """The list of bodies right after `pos` up to the next LIST_END stop, when everything there is
    bodies; else None. A word of `tails` closing the list (水保局技术人员: the staff of a body) is
    left out of the last name. Returns (items, end of the list as written)."""
    stop = LIST_END.search(text, pos, hi)
    span_end = stop.start() if stop else hi
    list_end = span_end
    for tail in tails:
        if text.endswith(tail, pos, span_end):
            list_end = span_end - len(tail)
            break
    items = split_agency_list(text[pos:list_end], pos, default_prefix)
    if not items or not all(names_body(it.name) for it in items) or items[-1].end != list_end:
        return None
    return items, span_end


def names_body(name: str) -> bool:
    """is_agency (which also takes a body with its other nameplates in brackets, 区委宣传部（区文明办、
    区政府新闻办、区委网信办）), and a body whose name holds a short quoted term."""
    if is_agency(name):
        return True
    # A short quoted term inside the name (区“两旧”专班: the task force of the 两旧 programme) is part of it.
    unquoted = re.sub(r"“([^“”、，,。；;：:\s]{1,6})”", r"\1", name)
    return unquoted != name and is_agency(unquoted)


def _fits(roles: list[str], text_col: int, lines: list[_Line], can_inherit: set[int], spaced: bool = False):
    """All cheapest fits of `lines` to the columns `roles`: (cost, [column of each line]).

    `spaced`: the table separates its cells by blank lines (its header does), so a line glued to the
    one before (no blank line between) is the same cell wrapped: no cell begins there, joining it is free."""
    best: list = [None, []]  # cost, fits

    def walk(i: int, j: int, cost: int, cols: list[int]) -> None:
        if best[0] is not None and cost > best[0]:
            return
        if j == len(roles):
            if i == len(lines):
                if best[0] is None or cost < best[0]:
                    best[0], best[1] = cost, []
                best[1].append(list(cols))
            return
        role = roles[j]
        # Leaving the column out: a group cell repeats from above; an owner/deadline cell is empty.
        if role == "task":
            if j != text_col and j in can_inherit:
                walk(i, j + 1, cost, cols)
        elif role in OWNER_ROLES or role == "deadline":
            walk(i, j + 1, cost + 1, cols)
        else:  # a remark-like column: often empty, and what it holds names no owner
            walk(i, j + 1, cost, cols)
        sizes = range(1, MAX_CELL_LINES + 1)
        if spaced:  # the cell is the block of glued lines that starts at i, however long
            k = i + 1
            while k < len(lines) and lines[k].glued:
                k += 1
            sizes = range(1, max(MAX_CELL_LINES, k - i) + 1)
        for n in sizes:
            if i + n > len(lines):
                break
            cell = lines[i:i + n]
            if spaced and all(ln.glued for ln in cell[1:]):  # a block is judged whole: 海绵城市 / 建设管理 is no
                # agency, a wrapped owner list is one
                kind = _kind("".join(ln.text for ln in cell))
                cell = [_Line(ln.text, ln.start, ln.end, kind, ln.glued) for ln in cell]
            stop = False
            if role == "task":
                if any(ln.kind != "T" for ln in cell):
                    stop = True
                wrapped = spaced and all(ln.glued for ln in cell[1:])
                head = "".join(ln.text for ln in cell) if wrapped else cell[0].text
                if j != text_col and ((n > 1 and not wrapped) or len(head) > GROUP_CELL_CHARS or _GROUP_PUNCT.search(head)):
                    stop = True  # a group cell is a short heading on one line
            elif role in OWNER_ROLES:
                # A name wrapped inside itself (申通地铁 / 集团) is an owner list only read whole.
                if any(ln.kind != "A" for ln in cell) and (n == 1 or _kind("".join(ln.text for ln in cell)) != "A"):
                    stop = True
            elif role == "deadline":
                if n > 1 or cell[0].kind != "D":
                    stop = True
            elif any(ln.kind == "A" for ln in cell):
                stop = True  # an agency list beside the owner columns is more likely theirs: not taken here
            if stop:
                if spaced:  # a longer run may be a whole block, judged anew: try it
                    continue
                break
            join = sum(0 if a.text.endswith(_CONTINUES) or (spaced and b.glued) else 1 for a, b in zip(cell, cell[1:]))
            # A cell that ends inside a block of glued lines (the next line glued to its last) splits a wrap.
            split = 1 if spaced and i + n < len(lines) and lines[i + n].glued else 0
            walk(i + n, j + 1, cost + join + split, cols + [j] * n)

    walk(0, 0, 0, [])
    return best[1]


def row_number(line: str) -> int | None:
    """The number of a line that is only a row number (1, 1., 1、, （1）); None otherwise."""
    m = re.fullmatch(r"[（(]?([0-9０-９]{1,3})[)）]?[.．、]?", line)
    return int(m.group(1).translate(str.maketrans("０１２３４５６７８９", "0123456789"))) if m else None


def _header(lines: list[_Line], i: int) -> list[str] | None:
    """The column roles of a header starting at line i, or None.

    Either a run of labels the column words all name, or – when some label is one they do not
    know (交通子行业, 十四五装机计划（MW）) – a run of plain labels that runs right up to the line of
    row 1: then an unknown label is a column read as no part of the assignment, except the row's
    subject when no label names a task column (responsibility.subject_column)."""
    roles: list[str] = []
    for ln in lines[i:]:
        label = re.sub(r"\s", "", ln.text)
        role = label_role(label) if len(label) <= 12 else None
        if role is None:
            break
        roles.append(role)
    k = i + len(roles)
    if k < len(lines) and row_number(lines[k].text) != 1:
        labels: dict[int, str] = {}
        found: dict[int, str] = {}
        while k < len(lines) and k - i < MAX_COLUMNS and row_number(lines[k].text) is None:
            label = re.sub(r"\s", "", lines[k].text)
            if not plain_label(label):
                break
            labels[k - i] = label
            role = label_role(label)
            if role is not None:
                found[k - i] = role
            k += 1
        g = k  # numbered group rows (一、知识产权保护方面（共5项）) may stand between the header and row 1
        while g < len(lines) and g - k < MAX_GROUP_ROWS and _GROUP_HEAD.match(lines[g].text) and len(lines[g].text) <= 40:
            g += 1
        if g < len(lines) and row_number(lines[g].text) == 1 and labels:
            found.update({c: r for c, r in enumerate(roles)})
            subject = subject_column(found, labels)
            if subject is not None:
                found[subject] = "task"
            roles = [found.get(c, "other") for c in range(k - i)]
    # A general owner label over the owner columns of a two-row header, typed one label a line
    # (责任单位 / 牵头单位 / 配合单位): it spans them and is no column of its own.
    for k in range(len(roles) - 2):
        if roles[k] == "responsible" and {roles[k + 1], roles[k + 2]} == {"lead", "support"}:
            roles[k] = SPAN
    if len(roles) < MIN_HEADER or "number" not in roles or "task" not in roles \
            or not any(r in OWNER_ROLES for r in roles):
        return None
    # The number column opens each row; group columns may stand before it (任务类型 / 序号 / 工作任务 /
    # 推进单位): a group cell is then written on the lines before its row's number, once per group.
    lead = roles.index("number")
    if lead > MAX_LEADING or any(r not in ("task", "other") for r in roles[:lead]):
        return None
    return roles


def find_text_tables(text: str, lo: int = 0, hi: int | None = None, first_index: int = 0,
                     skip: list[tuple[int, int]] = ()) -> TextTables:
    """One-cell-a-line 分工表 in text[lo:hi] (outside the `skip` spans: tables a reader found)."""
    hi = len(text) if hi is None else hi
    lines = [ln for ln in _lines(text, lo, hi) if not any(a <= ln.start < b for a, b in skip)]
    out = TextTables()
    i = 0
    while i < len(lines):
        roles = _header(lines, i)
        if roles is None:
            i += 1
            continue
        header = [ln for ln, r in zip(lines[i:i + len(roles)], roles) if r != SPAN]
        i += len(roles)
        roles = [r for r in roles if r != SPAN]
        # Group columns before the number column are read as labels of the rows (their cells stand
        # before a row's number line, where no row is open): the table is read from its number column.
        leading = roles.index("number")
        header, roles = header[leading:], roles[leading:]
        start = i
        widths: dict[int, list[int]] = {}
        table, i = _read_rows(text, header, roles, lines, start, first_index + len(out.tables), [], widths=widths,
                              leading=leading)
        # An owner column whose cell is one line in every row read without doubt (a 牵头部门 naming one
        # body a line) settles a row whose owner lines could split either way between it and the next
        # owner column: the column takes one line, as in the table's other rows. Read again with that.
        single = {c for c, ns in widths.items() if len(ns) >= MIN_WIDTH_ROWS and set(ns) == {1}}
        table, i = _read_rows(text, header, roles, lines, start, first_index + len(out.tables), out.warnings,
                              single=single, leading=leading)
        if table is not None:
            out.tables.append(table)
    return out


def _read_rows(text: str, header: list[_Line], roles: list[str], lines: list[_Line], i: int, index: int,
               warnings: list[str], widths: dict[int, list[int]] | None = None,
               single: set[int] = frozenset(), leading: int = 0) -> tuple[TableRead | None, int]:
    """The rows after the header. `widths` collects, per owner column, the number of lines its cell
    takes in each row that has one cheapest fit; `single` are owner columns to hold at most one line
    where a row's cheapest fits disagree. `leading`: group columns the header put before its number
    column; their cells (and section rows such as 行动二：…) are label lines before a row's number."""
    def ref(r: int, c: int) -> SourceRef:
        return SourceRef(format="text", table=index, row=r, col=c)

    rows = [[Cell(row=0, col=c, text=ln.text, start=ln.start, end=ln.end, source=ref(0, c))
             for c, ln in enumerate(header)]]
    cols = roles[1:]  # the number column is the line that opens the row
    task_cols = [j for j, r in enumerate(cols) if r == "task"]
    text_col = task_cols[-1]  # the most specific: 任务内容 after 任务名称
    above: dict[int, Cell] = {}  # the last cell seen per group column, repeated where left out
    labels = [ln.text for ln in header]

    def repeated_header(k: int) -> bool:  # a table over pages repeats its header (pdf-to-text)
        return [ln.text for ln in lines[k:k + len(labels)]] == labels

    def opens(k: int, n: int) -> bool:
        return k < len(lines) and row_number(lines[k].text) == n

    def section_row(k: int) -> bool:  # short unpunctuated text naming no owner
        return k < len(lines) and len(lines[k].text) <= 30 and not _GROUP_PUNCT.search(lines[k].text) \
            and _kind(lines[k].text) == "T"

    def group_row(k: int) -> bool:  # a numbered heading line, short: 一、… / （一）…
        return k < len(lines) and bool(_GROUP_HEAD.match(lines[k].text)) and len(lines[k].text) <= 40

    spaced = not any(ln.glued for ln in header)  # cells apart by blank lines: a glued line is a wrap

    def label_line(k: int) -> bool:  # a group cell or a section row: short, no sentence or list, no owner
        ln = lines[k]
        return len(ln.text) <= 40 and not re.search(r"[。；;，,、]", ln.text) and row_number(ln.text) is None \
            and _kind(ln.text) == "T" and not (spaced and ln.glued)

    def named_group(k: int) -> bool:  # a group cell that may end like a body (产业园区): one short name
        ln = lines[k]
        return len(ln.text) <= 20 and not re.search(r"[。；;，,、：:]", ln.text) and row_number(ln.text) is None \
            and not (spaced and ln.glued)

    n = 1
    while i < len(lines):
        if repeated_header(i):
            i += len(labels)
        if leading and not opens(i, n):
            k = i
            while k < len(lines) and k - i <= leading and not opens(k, n) \
                    and (label_line(k) or (k > i and label_line(k - 1) and named_group(k))):
                k += 1
            if opens(k, n):
                i = k
        if not opens(i, n) and section_row(i) and opens(i + 1, n):
            i += 1  # a section row across all columns (推进实施…示范工程) between header and rows: a label, no cell
        elif not opens(i, n) and group_row(i):
            # Numbered group rows across all columns (一、加快数字基础设施建设; 四、…方面 / 五、…方面, a
            # group whose rows the source left out) with the table's rows going on below them, numbered
            # on, from 1 again, or on after a gap (14, then 21: rows omitted with their group): labels,
            # no cells. Without rows below them, a numbered heading ends the table (the document goes on).
            k = i
            while k < len(lines) and k - i < MAX_GROUP_ROWS and group_row(k):
                k += 1
            m = row_number(lines[k].text) if k < len(lines) else None
            if m is not None and (m == 1 or n <= m <= n + MAX_ROW_GAP):
                n, i = m, k
        if not opens(i, n):
            break
        number = lines[i]
        j = i + 1
        body: list[_Line] = []
        while j < len(lines) and not opens(j, n + 1) and not _STOP.match(lines[j].text) and not repeated_header(j) \
                and (len(body) < len(cols) * MAX_CELL_LINES or (spaced and lines[j].glued)):
            body.append(lines[j])
            j += 1
        peeled = 0
        if leading and opens(j, n + 1):
            # The next row's group cell (and a section row above it) close this row's lines: not its cells.
            # Below a section row the group cell may end like a body (行动五：… / 产业园区): it is still
            # the group's name, not this row's owner, since a section row stands between them.
            if len(body) > 2 and label_line(j - 2) and named_group(j - 1):
                body.pop()
                j -= 1
                peeled += 1
            while peeled <= leading and len(body) > 1 and label_line(j - 1):
                body.pop()
                j -= 1
                peeled += 1
        for ln in body:
            ln.kind = _kind(ln.text)
        fits = _fits(cols, text_col, body, set(above), spaced)
        last = not peeled and not opens(j, n + 1) and not (repeated_header(j) and opens(j + len(labels), n + 1))
        while not fits and last and body:  # the last row: the longest run of lines that fits
            body.pop()
            j -= 1
            fits = _fits(cols, text_col, body, set(above), spaced)
        owner_cols = [c for c in range(len(cols)) if cols[c] in OWNER_ROLES]
        if len(fits) > 1 and single:
            narrow = [f for f in fits if all(f.count(c) <= 1 for c in single)]
            fits = narrow or fits
        elif len(fits) == 1 and widths is not None:
            for c in owner_cols:
                if fits[0].count(c):
                    widths.setdefault(c, []).append(fits[0].count(c))
        r = len(rows)
        if not fits:
            warnings.append(f"text table row {n} (line at {number.start}): its {len(body)} lines fit no column layout; row skipped")
        else:
            agreed = [f[k] if all(g[k] == f[k] for g in fits) else None for k, f in enumerate([fits[0]] * len(body))]
            if any(a is None and fits[0][k] == text_col for k, a in enumerate(agreed)):
                warnings.append(f"text table row {n} (line at {number.start}): its task text is ambiguous; row skipped")
            else:
                for k, a in enumerate(agreed):
                    if a is None:
                        warnings.append(f"text table row {n}: line {body[k].text!r} could belong to more than one "
                                        "column; left out rather than guessed")
                row = [Cell(row=r, col=0, text=number.text, start=number.start, end=number.end, source=ref(r, 0))]
                for c in range(len(cols)):
                    mine = [body[k] for k, a in enumerate(agreed) if a == c]
                    if mine:
                        cell = Cell(row=r, col=c + 1, text=text[mine[0].start:mine[-1].end], start=mine[0].start,
                                    end=mine[-1].end, source=ref(r, c + 1))
                        if cols[c] == "task" and c != text_col:
                            above[c] = cell
                    elif c in above and all(fits[0][k] != c for k in range(len(body))):
                        src = above[c]
                        cell = src.model_copy(update={"row": r, "merged_from": (src.row, src.col)})
                    else:
                        cell = Cell(row=r, col=c + 1, text="", start=number.end, end=number.end, source=ref(r, c + 1))
                    row.append(cell)
                # An owner cell merged over several rows is written once, in its first row: a row with no
                # owner cell at all takes the owner cells of the row above (a task of a 分工表 has an owner).
                # Not when a line of the row names a body yet was not read as an owner list (各交通行业企业、
                # 市道路运输局): the row has its own owner cell, one the is_agency test only partly knows.
                if owner_cols and all(not row[c + 1].text for c in owner_cols) and r > 1 \
                        and not any(_names_some_body(ln.text) for ln in body):
                    for c in owner_cols:
                        src = rows[-1][c + 1]
                        if src.text:
                            row[c + 1] = src.model_copy(update={"row": r, "merged_from": src.merged_from or (src.row, src.col)})
                rows.append(row)
        i = j
        n += 1
    if len(rows) < 2:
        return None, i
    end = max(c.end for row in rows for c in row)
    return TableRead(index=index, start=header[0].start, end=end, rows=rows), i


def text_table_tasks(doc_id: str, table: TableRead, sections: list[Section],
                     default_prefix: str | None) -> list[TableTask]:
    """The rows of a text table as tasks. A task begins at its task text: the number and a group
    cell stand on lines of their own before it, and are labels of the row, not its text."""
    out = []
    for tt in table_tasks(doc_id, table, sections, default_prefix):
        start = next((c.start for row in table.rows for c in row
                      if c.text == tt.task.text and c.start >= tt.clause_start and c.merged_from is None), tt.task.start)
        out.append(TableTask(tt.task.model_copy(update={"start": start}), tt.clause_start, tt.clause_end,
                             tt.assignments))
    return out
