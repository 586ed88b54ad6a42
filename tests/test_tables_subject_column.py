"""分工表 whose header names owner columns but no task column (序号 / 交通子行业 / 建设区域 /
十四五装机计划（MW） / 责任单位): the first plainly labelled column is the rows' subject; owner cells
that list a class of bodies beside a body (各交通行业企业、市道路运输局); an owner name wrapped inside
itself onto two lines (申通地铁 / 集团); a total row (汇总) closing the rows.

Real text: sh-2023-jiaotong-guangfu (附表1, 附表2) of the development set. Expected values were read
off the document's lines by hand, not taken from the tool's output. The html table at the end is
HAND-WRITTEN (no real document has this layout as html in the repository)."""

from __future__ import annotations

from pathlib import Path

from policykg.extract.pipeline import extract_text
from policykg.extract.readers.html import read as read_html
from policykg.extract.tables.responsibility import column_roles
from policykg.extract.tables.text_table import find_text_tables

DOC = Path(__file__).resolve().parent / "gold" / "dev" / "docs" / "sh-2023-jiaotong-guangfu.txt"


def _text() -> str:
    return DOC.read_text(encoding="utf-8")


def _annex2() -> str:
    text = _text()
    head = text.index("附表2")
    return text[head:text.index("各区“十四五”交通光伏任务分配表", head + 10)]


def test_a_header_with_no_task_word_takes_its_first_plain_column_as_the_subject():
    tables = find_text_tables(_annex2()).tables
    assert len(tables) == 1
    rows = tables[0].rows
    assert [c.text for c in rows[0]] == ["序号", "交通子行业", "建设区域", "十四五装机计划（MW）", "责任单位"]
    assert [r[1].text for r in rows[1:]] == ["地铁", "铁路", "机场", "公交", "港口", "道路桥隧", "高速公路", "停车", "其他"]
    assert rows[3][4].text == "机场集团、各航空公司"


def test_an_owner_name_wrapped_inside_itself_is_one_cell():
    row1 = find_text_tables(_annex2()).tables[0].rows[1]
    # The source stores 申通地铁 and 集团 on two lines with a blank between; 集团 alone is no body.
    assert row1[4].text == "申通地铁\n\n集团"
    assert row1[2].text == "高架车站、地面车站、停车场、轨道沿线" and row1[3].text == "35-36"


def test_a_total_row_and_the_next_annex_end_the_rows():
    rows = find_text_tables(_annex2() + "\n\n附表3\n").tables[0].rows
    last = rows[-1]
    assert last[0].text == "9"
    assert last[4].text == "各交通行业企业、市道路运输局、市邮政管理局"  # not 汇总 / 82-130 taken in
    assert last[3].text == "5-15"


def test_an_owner_cell_listing_a_class_of_bodies_beside_a_body_is_read():
    text = _text()
    head = text.index("序号\n\n事项\n")
    t = find_text_tables(text[head:text.index("附表2", head)]).tables[0]
    own = {r[0].text: r[3].text for r in t.rows[1:]}
    assert own["26"] == own["27"] == "各交通行业企业、市道路运输局"
    assert own["31"] == "市交通委、市经济信息化委、各项目实施主体"
    assert own["40"] == "市交通委、各区政府、各项目实施主体"


def test_the_subject_rows_become_tasks_with_their_owners():
    text = _text()
    x = extract_text(text, "jt")
    head = text.index("附表2")
    tasks = [t for t in x.tasks if t.rule == "task.table_row" and t.start > head]
    assert [t.title for t in tasks][:3] == ["地铁", "铁路", "机场"]
    by_task: dict[str, list[str]] = {}
    quotes: dict[str, str] = {}
    for c in x.clauses:
        for a in c.assignments:
            if a.task_id == tasks[0].id:
                by_task.setdefault(a.role.value, []).append(a.agency.name)
                quotes[a.agency.name] = a.evidence.quote
    # The wrapped name is joined for the agency; the evidence keeps the characters as stored.
    # (the prefix restored before it depends on the issuer, which this bare text does not state)
    assert len(by_task["responsible"]) == 1 and by_task["responsible"][0].endswith("申通地铁集团")
    assert list(quotes.values()) == ["申通地铁\n\n集团"]


def test_html_table_without_a_task_word_hand_written():
    # HAND-WRITTEN: the same layout as an html table (a reader's table, not a text one).
    page = """<html><body><p>附件</p><table>
    <tr><td>序号</td><td>行业领域</td><td>建设内容</td><td>牵头单位</td><td>配合单位</td></tr>
    <tr><td>1</td><td>公交</td><td>公交枢纽、首末站</td><td>市交通委</td><td>市财政局</td></tr>
    <tr><td>2</td><td>港口</td><td>港池、仓库</td><td>市水务局</td><td></td></tr>
    </table></body></html>"""
    r = read_html(Path("t.html"), page.encode("utf-8"))
    roles, first = column_roles(r.tables[0].rows)
    assert roles == {0: "number", 1: "task", 3: "lead", 4: "support"} and first == 1
    x = extract_text(r.text, "t", read=r)
    rows = [t for t in x.tasks if t.rule == "task.table_row"]
    assert [t.title for t in rows] == ["公交", "港口"]


def test_an_owner_table_whose_labels_are_all_unknown_but_the_owner_stays_no_table_hand_written():
    # HAND-WRITTEN: a contact sheet (序号 / 姓名 / 电话) names no owner column: no 分工表.
    text = "序号\n\n姓名\n\n电话\n\n1\n\n张三\n\n12345\n"
    assert find_text_tables(text).tables == []
