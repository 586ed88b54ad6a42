"""分工表 typed one cell a line (extract/tables/text_table.py), on the real development document
sh-baoshan-2019-laji (附件1: 序号 / 任务名称 / 任务内容 / 牵头部门 / 配合部门 / 时间节点). The expected
owners below were read off the document's lines by hand, not taken from the tool's output."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.extract.pipeline import extract_document
from policykg.extract.tables.text_table import find_text_tables
from test_tables import owners  # the same reading of a task's owners as for docx/pdf tables

DOC = Path(__file__).resolve().parent / "gold" / "dev" / "docs" / "sh-baoshan-2019-laji.txt"


@pytest.fixture(scope="module")
def x():
    return extract_document(DOC)


def row_task(x, number: str):
    tasks = [t for t in x.tasks if t.rule == "task.table_row" and t.id.endswith(f".{number}")]
    assert len(tasks) == 1, [t.id for t in tasks]
    return tasks[0]


def test_rows_become_tasks_with_lead_support_and_deadline(x):
    rows = [t for t in x.tasks if t.rule == "task.table_row"]
    assert len(rows) == 39  # 39 numbered rows
    t1 = row_task(x, "1")
    assert owners(x, t1.id) == {"lead": ["区政府办公室"], "support": ["各联席会议成员单位"], "responsible": []}
    assert t1.deadline is not None and t1.deadline.text == "2019年3月"
    t5 = row_task(x, "5")
    assert owners(x, t5.id)["lead"] == ["区委组织部", "区民政局", "区住房保障房屋管理局", "区绿化市容局"]


def test_a_group_cell_is_not_the_task_text_and_repeats_over_its_rows(x):
    t1 = row_task(x, "1")
    # 加强组织领导 is the merged 任务名称 cell of rows 1–4: the task is the 任务内容 cell, and it starts there.
    assert t1.text.startswith("召开全区生活垃圾分类工作动员大会")
    assert x.text[t1.start:].startswith("召开全区生活垃圾分类工作动员大会")
    t2 = row_task(x, "2")  # the group cell is left out in row 2: the content line is the task
    assert t2.text.startswith("将生活垃圾管理作为生态文明建设")
    assert owners(x, t2.id)["lead"] == ["区委组织部（区公务员局）"]


def test_a_cell_wrapped_after_a_separator_is_one_cell(x):
    # Row 9: 各街镇（园区） / 区绿化市容局、 / 区农业农村委 — the 、 says the 配合 cell goes on.
    assert owners(x, row_task(x, "9").id) == {"lead": ["各街镇（园区）"], "support": ["区绿化市容局", "区农业农村委"],
                                              "responsible": []}
    # Row 21: two agency lines for two owner columns fit without a join: one cell each.
    assert owners(x, row_task(x, "21").id) == {"lead": ["区政府办公室", "区绿化市容局"],
                                               "support": ["区规划资源局", "区重大办"], "responsible": []}


def test_a_doubtful_line_goes_where_the_tables_other_rows_put_it(x):
    # Row 14: 区机管局 / 区绿化市容局 / 区党政机关、公共机构 for 牵头 and 配合: the middle line could be either,
    # but every row read without doubt has a one-line 牵头部门, so the lead takes one line.
    assert owners(x, row_task(x, "14").id) == {"lead": ["区机管局"],
                                               "support": ["区绿化市容局", "区党政机关", "区公共机构"],  # 区 restored
                                               "responsible": []}
    assert not any("row 14" in w for w in x.warnings)


def test_an_ambiguous_line_is_left_out_with_a_warning_not_guessed():
    # HAND-WRITTEN (cut down from row 14 above): with no other row to show how wide the 牵头部门 cell
    # is, the middle line could be either column's: it is left out, with a warning.
    text = ("序号\n牵头部门\n配合部门\n任务内容\n"
            "1\n区机管局\n区绿化市容局\n区党政机关\n党政机关、公共机构垃圾分类完成全覆盖。\n")
    found = find_text_tables(text)
    row = found.tables[0].rows[1]
    assert [c.text for c in row] == ["1", "区机管局", "区党政机关", "党政机关、公共机构垃圾分类完成全覆盖。"]
    assert any("区绿化市容局" in w for w in found.warnings)


def test_evidence_is_the_exact_cell_of_the_text(x):
    row_ids = {t.id for t in x.tasks if t.rule == "task.table_row"}
    n = 0
    for c in x.clauses:
        for a in c.assignments:
            if a.task_id in row_ids:
                ev = a.evidence
                assert x.text[ev.start:ev.end] == ev.quote
                assert x.text[a.agency.start:a.agency.end] == a.agency.surface
                n += 1
    assert n >= 110


def test_no_table_without_the_number_column():
    text = DOC.read_text(encoding="utf-8")
    head = text.index("序号\n")
    body = text[head:text.index("附件2", head)]
    assert len(find_text_tables(body).tables) == 1
    # Without the 序号 label the rows cannot be delimited: nothing is read, rather than a guess.
    assert find_text_tables(body.replace("序号\n", "", 1)).tables == []


def test_the_rest_of_the_document_keeps_its_prose_clauses(x):
    # The body's own clause (三、（一）1.) stays: the text table takes only its own span.
    body = [c for c in x.clauses if c.rule != "clause.table_row"]
    assert any("区机管局与区绿化市容局落实" in c.text for c in body)


def _table_text() -> str:
    text = DOC.read_text(encoding="utf-8")
    head = text.index("序号\n")
    return text[head:text.index("附件2", head)]


def _owner_cells(tables) -> list[list[str]]:
    return [[c.text for c in row[3:5]] for t in tables for row in t.rows[1:]]


def test_a_header_repeated_over_a_page_break_and_dotted_numbers_change_nothing():
    body = _table_text()
    plain = find_text_tables(body).tables
    assert len(plain[0].rows) == 1 + 39  # the header and rows 1..39
    labels = body[:body.index("\n\n1\n")]
    # The same text as pdf-to-text gives it: the header again before row 11, rows numbered "11." — the
    # offsets move, the cells read must not.
    paged = body.replace("\n\n11\n", "\n\n" + labels + "\n\n11.\n", 1)
    assert paged != body
    tables = find_text_tables(paged).tables
    assert len(tables) == 1 and _owner_cells(tables) == _owner_cells(plain)


def test_a_body_with_a_long_bracketed_second_nameplate_is_one_owner(x):
    # Row 29's 配合 cell: 区委宣传部（区文明办、区政府新闻办、区委网信办）、区民政局 — two bodies, not five.
    assert owners(x, row_task(x, "29").id)["support"] == ["区委宣传部（区文明办、区政府新闻办、区委网信办）", "区民政局"]


def test_a_remark_column_is_read_past():
    # The table with a 备注 column after 时间节点, one row's remark filled: a variant of the real text to
    # test the layout. Every owner cell must read as before.
    body = _table_text()
    plain = find_text_tables(body).tables
    varied = body.replace("时间节点\n", "时间节点\n\n备注\n", 1).replace("2019年3月\n\n2\n", "2019年3月\n\n按季度报送进展\n\n2\n", 1)
    assert varied.count("按季度报送进展") == 1
    tables = find_text_tables(varied).tables
    assert len(tables) == 1 and _owner_cells(tables) == _owner_cells(plain)
    assert tables[0].rows[1][6].text == "按季度报送进展"
