"""分工表 → tasks: one Task per row, owners per column in cell order, merged cells applied to
every row they span, columns found by header words, deadlines as Task.deadline."""

from __future__ import annotations

from pathlib import Path

import pytest

from fixtures.make_fixtures import fengong_rows, fixtures
from policykg.extract.pipeline import extract_document, extract_text
from policykg.extract.readers.html import read as read_html
from policykg.extract.readers.text import read as read_text
from policykg.extract.tables.responsibility import column_roles


def owners(x, task_id):
    out = {"lead": [], "support": [], "responsible": []}
    for c in x.clauses:
        for a in c.assignments:
            if a.task_id == task_id:
                out[a.role.value].append((a.rank, a.agency.name))
    return {k: [n for _, n in sorted(v)] for k, v in out.items()}


@pytest.fixture(scope="module", params=["fengong_docx", "fengong_pdf"])
def fengong(request):
    return request.param, extract_document(fixtures()[request.param], doc_id="fg")


def test_one_task_per_row_numbered_as_the_table_says(fengong):
    _, x = fengong
    rows = [t for t in x.tasks if t.rule == "task.table_row"]
    assert len(rows) == len(fengong_rows()) == 36
    assert [t.id for t in rows] == [f"fg:task:a1.t1.{n}" for n in range(1, 37)]
    appendix = next(s for s in x.sections if s.level.value == "appendix")
    assert {t.section_id for t in rows} == {appendix.id}  # under the 附件 that holds the table
    assert rows[0].title == "促进互联网与设计、制造过程融合"


def test_owners_per_column_in_cell_order_and_merged_cells_apply_to_each_row(fengong):
    key, x = fengong
    fmt = key.split("_")[1]
    rows = [t for t in x.tasks if t.rule == "task.table_row"]
    source = fengong_rows()
    for t, src in zip(rows, source):
        o = owners(x, t.id)
        assert len(o["lead"]) == len(src["lead"].split("、"))
        assert o["responsible"] == []
    # Row 5 (互联网＋金融, second row of its section): the merged 牵头/配合 cells reach it.
    o = owners(x, "fg:task:a1.t1.5")
    assert o["lead"] == ["市金融办"]
    assert o["support"][:3] == ["市发展改革委", "市经贸信息委", "市科技创新委"]  # prefix restored as in prose
    # Row 9: two leads in one cell, in the order written.
    assert owners(x, "fg:task:a1.t1.9")["lead"] == ["市交通运输委", "市经贸信息委"]
    for c in x.clauses:
        for a in c.assignments:
            ev = a.evidence
            assert x.text[ev.start:ev.end] == ev.quote and ev.source.format == fmt
            assert ev.source.table == 0 and ev.source.col in (2, 3)


def test_deadline_cell_becomes_task_deadline(fengong):
    fmt, x = fengong
    for t in (t for t in x.tasks if t.rule == "task.table_row"):
        d = t.deadline
        assert d is not None and d.text == "到2020年" and d.kind == "date" and str(d.date) == "2020-12-31"
        assert x.text[d.evidence.start:d.evidence.end] == "到2020年" and d.evidence.source.col == 4


def test_edges_match_the_prose_plan_they_were_laid_out_from(fengong):
    """The table holds the plan's clauses cell by cell: each row's owners are its section's
    owners in the prose plan."""
    _, x = fengong
    prose = extract_document(fixtures()["plan_txt"], doc_id="p")
    by_title = {t.title: t for t in prose.tasks}
    for t in (t for t in x.tasks if t.rule == "task.table_row"):
        sub = by_title[t.title]
        assert owners(x, t.id) == owners(prose, sub.parent_task_id)


def test_columns_by_header_words_not_position():
    # Hand-written table (not a real document): columns in an unusual order, a two-row header.
    page = """<html><body><div class="TRS_Editor"><p>一、重点任务</p><table>
    <tr><td rowspan="2">时间节点</td><td colspan="2">责任单位</td><td rowspan="2">主要任务</td><td rowspan="2">编号</td></tr>
    <tr><td>配合单位</td><td>牵头单位</td></tr>
    <tr><td>2022年6月底前</td><td>市科技创新委、工业和信息化局</td><td>市发展改革委</td><td>编制算力基础设施布局规划</td><td>3</td></tr>
    <tr><td>长期坚持</td><td></td><td>各区政府</td><td>落实属地责任</td><td>4</td></tr>
    <tr><td>2021—2023年</td><td>市财政局</td><td>市政务服务数据管理局</td><td>建设城市大数据中心</td><td>5</td></tr>
    </table></div></body></html>"""
    r = read_html(Path("t.html"), page.encode("utf-8"))
    roles, first = column_roles(r.tables[0].rows)
    assert roles == {0: "deadline", 1: "support", 2: "lead", 3: "task", 4: "number"} and first == 2
    x = extract_text(r.text, "t", read=r)
    rows = [t for t in x.tasks if t.rule == "task.table_row"]
    assert [t.id.rsplit(".", 1)[1] for t in rows] == ["3", "4", "5"]
    assert owners(x, rows[0].id) == {"lead": ["市发展改革委"], "support": ["市科技创新委", "市工业和信息化局"],
                                    "responsible": []}
    assert owners(x, rows[1].id)["support"] == []
    assert [(t.deadline.kind, t.deadline.year_start, t.deadline.year_end) for t in rows] == [
        ("date", None, 2022), ("ongoing", None, None), ("period", 2021, 2023)]
    assert str(rows[0].deadline.date) == "2022-06-30"


def test_a_table_without_owner_columns_is_no_fengong():
    # The indicator table of 国办发〔2019〕4号 (一级指标 | 二级指标 | 三级指标 …): no tasks from it.
    x = extract_document(fixtures()["gbk_html"], doc_id="gbk")
    assert not [t for t in x.tasks if t.rule == "task.table_row"]


def test_plain_text_table():
    # Hand-written (not a real document): a 分工表 typed with tabs in a text file.
    text = ("关于推进数据开放的工作方案\n一、主要任务\n附件\n"
            "序号\t工作任务\t责任单位\t完成时限\n"
            "1\t制定公共数据开放目录\t市政务服务数据管理局、市发展改革委\t2022年底前\n"
            "2\t建设开放平台\t市政务服务数据管理局\t持续推进\n")
    r = read_text(Path("t.txt"), text.encode("utf-8"))
    x = extract_text(r.text, "t", read=r)
    rows = [t for t in x.tasks if t.rule == "task.table_row"]
    assert len(rows) == 2
    assert owners(x, rows[0].id)["responsible"] == ["市政务服务数据管理局", "市发展改革委"]
    assert rows[0].deadline.text == "2022年底前" and rows[1].deadline.kind == "ongoing"
    ev = next(a.evidence for c in x.clauses for a in c.assignments)
    assert ev.source.format == "text" and ev.source.row == 1 and ev.source.col == 2
