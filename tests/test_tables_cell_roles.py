"""Owner cells that say the role themselves (responsibility.cell_roles): a body marked as lead
inside a 责任单位 cell (A（牵头）、B) and role labels inside one cell (牵头单位：A；配合单位：B).

HAND-WRITTEN tables (no real document in the development set has these layouts); the owners were
written by hand with the table, not taken from the tool's output."""

from __future__ import annotations

from pathlib import Path

from policykg.extract.pipeline import extract_text
from policykg.extract.readers.html import read as read_html
from policykg.extract.tables.responsibility import cell_roles

PAGE = """<html><body><p>一、重点任务</p><table>
<tr><td>序号</td><td>重点任务</td><td>责任单位</td><td>完成时限</td></tr>
<tr><td>1</td><td>编制算力基础设施布局规划</td><td>市发展改革委（牵头）、市工业和信息化局、市财政局</td><td>2022年6月底前</td></tr>
<tr><td>2</td><td>建设城市大数据中心</td><td>牵头单位：市政务服务数据管理局；配合单位：市财政局、各区政府</td><td>2023年</td></tr>
<tr><td>3</td><td>落实属地责任</td><td>各区政府、市财政局</td><td>长期坚持</td></tr>
</table></body></html>"""


def _owners():
    r = read_html(Path("t.html"), PAGE.encode("utf-8"))
    x = extract_text(r.text, "t", read=r)
    rows = [t for t in x.tasks if t.rule == "task.table_row"]
    got = []
    for t in rows:
        roles: dict[str, list[str]] = {}
        for c in x.clauses:
            for a in c.assignments:
                if a.task_id == t.id:
                    roles.setdefault(a.role.value, []).append(a.agency.surface)
                    assert x.text[a.evidence.start:a.evidence.end] == a.evidence.quote  # the cell, exactly
        got.append(roles)
    return got, rows


def test_a_body_marked_lead_inside_a_responsible_cell_leads_and_the_others_support():
    got, _ = _owners()
    assert got[0] == {"lead": ["市发展改革委"], "support": ["市工业和信息化局", "市财政局"]}


def test_role_labels_inside_one_cell_give_each_list_its_role():
    got, _ = _owners()
    assert got[1] == {"lead": ["市政务服务数据管理局"], "support": ["市财政局", "各区政府"]}


def test_a_cell_with_no_mark_keeps_its_column_role_and_the_deadline_stays():
    got, rows = _owners()
    assert got[2] == {"responsible": ["各区政府", "市财政局"]}
    assert rows[0].deadline is not None and rows[0].deadline.text == "2022年6月底前"


def test_marks_are_cut_from_the_mention_not_from_the_evidence_offsets():
    text = "市发展改革委（牵头）、市财政局"
    (r1, leads), (r2, others) = cell_roles("responsible", text, 100, None)
    assert (r1, [it.surface for it in leads]) == ("lead", ["市发展改革委"])
    assert (leads[0].start, leads[0].end) == (100, 106)
    assert (r2, [it.surface for it in others]) == ("support", ["市财政局"])
    # In a 配合 column a mark is no lead claim: the column's role holds.
    assert [r for r, _ in cell_roles("support", text, 0, None)] == ["support"]


def test_a_column_of_people_is_no_owner_column_and_column_words_are_data():
    # HAND-WRITTEN: 牵头领导 names people (张三), 完成期限 a deadline ([table_columns] of vocabulary.toml).
    page = """<html><body><p>一、重点任务</p><table>
    <tr><td>序号</td><td>项目名称</td><td>牵头领导</td><td>牵头单位</td><td>完成期限</td></tr>
    <tr><td>1</td><td>建设城市大数据中心</td><td>张三</td><td>市政务服务数据管理局</td><td>2023年底前</td></tr>
    </table></body></html>"""
    r = read_html(Path("t.html"), page.encode("utf-8"))
    from policykg.extract.tables.responsibility import column_roles

    roles, _ = column_roles(r.tables[0].rows)
    assert roles == {0: "number", 1: "task", 2: "other", 3: "lead", 4: "deadline"}
    x = extract_text(r.text, "t", read=r)
    names = [a.agency.surface for c in x.clauses for a in c.assignments]
    assert names == ["市政务服务数据管理局"]
    task = next(t for t in x.tasks if t.rule == "task.table_row")
    assert task.title == "建设城市大数据中心" and task.deadline.text == "2023年底前"


def test_a_numbered_first_row_is_data_even_when_a_cell_reads_like_a_label():
    # HAND-WRITTEN: row 1's group cell 牵头 would read as a column label; its 序号 cell says it is data.
    page = """<html><body><p>一、重点任务</p><table>
    <tr><td>序号</td><td>任务名称</td><td>任务内容</td><td>牵头单位</td></tr>
    <tr><td>1</td><td>牵头</td><td>召开全区动员大会</td><td>区政府办公室</td></tr>
    <tr><td>2</td><td>宣传</td><td>开展宣传活动</td><td>区委宣传部</td></tr>
    </table></body></html>"""
    r = read_html(Path("t.html"), page.encode("utf-8"))
    from policykg.extract.tables.responsibility import column_roles

    roles, first = column_roles(r.tables[0].rows)
    assert first == 1 and roles == {0: "number", 1: "task", 2: "task", 3: "lead"}
