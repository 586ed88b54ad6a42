"""Text 分工表 whose owner cells are merged over several rows, on the real development document
sh-2023-jiaotong-guangfu (附表1 任务分工表: 序号 / 事项 / 工作措施 / 责任单位, a section row
推进实施“光伏+”示范工程 between the header and row 1). The expected owners were read off the
document's lines by hand (责任单位 written once in the first row of each 事项 group), not taken
from the tool's output."""

from __future__ import annotations

from pathlib import Path

from policykg.extract.tables.text_table import find_text_tables

DOC = Path(__file__).resolve().parent / "gold" / "dev" / "docs" / "sh-2023-jiaotong-guangfu.txt"


def _table_text() -> str:
    text = DOC.read_text(encoding="utf-8")
    head = text.index("序号\n\n事项\n")
    return text[head:text.index("附表2", head)]


def _owner(table, number: str) -> str:
    row = next(r for r in table.rows[1:] if r[0].text == number)
    return row[3].text  # 责任单位: the fourth column


def test_a_header_with_an_event_column_and_a_section_row_is_read():
    # 事项 is a task column label (vocabulary data in COLUMN_WORDS); the section row before row 1 is a label.
    tables = find_text_tables(_table_text()).tables
    assert len(tables) == 1
    assert [r[0].text for r in tables[0].rows[1:4]] == ["1", "2", "3"]


def test_an_owner_cell_merged_over_rows_is_carried_down():
    t = find_text_tables(_table_text()).tables[0]
    assert _owner(t, "1") == "申通地铁集团"
    # Rows 2–4 leave the 责任单位 cell out: it is the merged cell of row 1.
    assert [_owner(t, n) for n in ("2", "3", "4")] == ["申通地铁集团"] * 3
    assert [_owner(t, n) for n in ("5", "6", "8")] == ["中国铁路上海局"] * 3
    assert _owner(t, "10") == "机场集团、各航空公司"
    # The carried cell keeps its source: the evidence is the span of row 1's cell, exactly.
    row2 = next(r for r in t.rows[1:] if r[0].text == "2")
    text = _table_text()
    assert row2[3].merged_from is not None and text[row2[3].start:row2[3].end] == "申通地铁集团"


def test_a_row_with_an_owner_line_the_test_only_partly_knows_carries_nothing():
    # Row 26's own cell 各交通行业企业、市道路运输局: not an agency list by is_agency, but it names a body, so
    # row 23's 各项目公司、市道路运输局 must not be carried onto it (that would be a false owner).
    t = find_text_tables(_table_text()).tables[0]
    assert "各项目公司" not in _owner(t, "26")


JIADING = DOC.parent / "sh-jiading-2024-haimian.txt"


def test_cells_apart_by_blank_lines_keep_their_wrapped_lines_together():
    # sh-jiading-2024-haimian, 附件 重点任务分解表: 序号 / 任务类型 / 重点内容 / 责任单位 / 参考文件, cells apart
    # by blank lines, a cell wrapped onto lines with no blank between (海绵城市 / 建设管理). Read by hand.
    text = JIADING.read_text(encoding="utf-8")
    head = text.index("序号\n\n任务类型\n")
    tables = find_text_tables(text[head:]).tables
    assert len(tables) == 1
    rows = {r[0].text: r for r in tables[0].rows[1:]}
    assert sorted(rows, key=int) == [str(n) for n in range(1, 13)]
    assert rows["1"][1].text == "海绵城市\n建设管理"  # 海绵城市 alone looks like a body; the block is no owner
    assert rows["1"][3].text == "区建设管理委、区发展改革委、区财政局、区规划资源局、\n区水务局、区交通委、\n区绿化市容局等相关部门，\n各街镇"
    assert rows["2"][3].text == "区建设管理委"
    assert rows["2"][4].text.startswith("《本市系统化全域推进海绵") and rows["2"][4].text.endswith("（沪府办发〔2024〕3号）")
