"""Text 分工表 rows whose owner lines could split either way between the 牵头部门 and 配合部门
columns, on the real development document sh-baoshan-2019-laji (序号 / 任务名称 / 任务内容 / 牵头部门 /
配合部门 / 时间节点, one cell a line, cells apart by blank lines). Row 14 has three owner lines
(区机管局 / 区绿化市容局 / 区党政机关、公共机构), row 23 three (区市场监管局 / 区商务委 / 区绿化市容局):
every other row's 牵头部门 is one line, so the lead takes one line and the rest are the 配合部门 cell.
Expected values were read off the document by hand, not taken from the tool's output."""

from __future__ import annotations

from pathlib import Path

from policykg.extract.tables.responsibility import cell_items
from policykg.extract.tables.text_table import find_text_tables

DOC = Path(__file__).resolve().parent / "gold" / "dev" / "docs" / "sh-baoshan-2019-laji.txt"


def _rows():
    text = DOC.read_text(encoding="utf-8")
    t = find_text_tables(text).tables[0]
    return {r[0].text: r for r in t.rows[1:]}, t


def test_a_doubtful_row_gives_the_lead_column_one_line_as_its_other_rows_do():
    rows, _ = _rows()
    assert [c.text for c in rows["14"][3:6]] == ["区机管局", "区绿化市容局\n\n区党政机关、公共机构", "2019年9月"]
    assert [c.text for c in rows["23"][3:5]] == ["区市场监管局", "区商务委\n\n区绿化市容局"]
    assert rows["13"][3].text == "区绿化市容局" and rows["13"][4].text == "区城管执法局"  # unchanged


def test_a_cell_of_one_body_a_line_lists_each_body():
    rows, _ = _rows()
    cell = rows["23"][4]
    items = cell_items(cell.text, cell.start, "宝山区")
    assert [it.surface for it in items] == ["区商务委", "区绿化市容局"]
    text = DOC.read_text(encoding="utf-8")
    assert all(text[it.start:it.end] == it.surface for it in items)  # evidence offsets stay exact


def test_a_name_wrapped_inside_itself_stays_one_body():
    # sh-2023-jiaotong-guangfu 附表2 row 1: 申通地铁 / 集团 (集团 alone is a bare ending, no body).
    items = cell_items("申通地铁\n\n集团", 100, None)
    assert len(items) == 1 and items[0].name == "申通地铁集团" and items[0].surface == "申通地铁\n\n集团"
    assert (items[0].start, items[0].end) == (100, 108)


def test_numbered_group_rows_inside_a_table_are_labels_and_numbering_may_restart_hand_written():
    # HAND-WRITTEN (no dev document has this layout): group rows 一、/二、 across all columns, the rows
    # below each numbered from 1 again; the 三、 heading after the table, with prose below, ends it.
    text = ("序号\n重点任务\n牵头单位\n"
            "一、加快数字基础设施建设\n1\n编制算力基础设施布局规划\n市发展改革委\n2\n建设城市大数据平台\n市政务服务数据管理局\n"
            "二、推进数据开放\n1\n制定公共数据开放目录\n市政务服务数据管理局\n"
            "三、保障措施\n各部门要加强协调。\n")
    t = find_text_tables(text).tables[0]
    got = [(r[0].text, r[1].text, r[2].text) for r in t.rows[1:]]
    assert got == [("1", "编制算力基础设施布局规划", "市发展改革委"), ("2", "建设城市大数据平台", "市政务服务数据管理局"),
                   ("1", "制定公共数据开放目录", "市政务服务数据管理局")]
    assert "三、保障措施" not in text[t.start:t.end]


def test_a_general_owner_label_over_lead_and_support_columns_is_no_column_hand_written():
    # HAND-WRITTEN: a two-row header typed one label a line, 责任单位 standing over 牵头单位 | 配合单位.
    text = ("序号\n重点任务\n责任单位\n牵头单位\n配合单位\n完成时限\n"
            "1\n编制算力基础设施布局规划\n市发展改革委\n市财政局\n2022年底前\n"
            "2\n制定公共数据开放目录\n市政务服务数据管理局\n市科技局、市财政局\n2023年\n")
    found = find_text_tables(text)
    t = found.tables[0]
    assert [c.text for c in t.rows[0]] == ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
    assert [[c.text for c in r] for r in t.rows[1:]] == [
        ["1", "编制算力基础设施布局规划", "市发展改革委", "市财政局", "2022年底前"],
        ["2", "制定公共数据开放目录", "市政务服务数据管理局", "市科技局、市财政局", "2023年"]]
    assert found.warnings == []
