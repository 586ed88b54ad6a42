"""A 权力和责任清单 typed one cell a line whose owner column is headed 行使主体 (the body that
exercises each power), with no task word in its header (序号 / 权力责任名称 / 行使主体 / 权力责任类别 /
设定依据 / 行使层级 / 权力责任事项): 行使主体 is an owner column (vocabulary [table_columns]
responsible), so the table is read and 权力责任名称, its first plain column, is the rows' subject.

Real text: sh-fengxian-2021-nongcun-gonglu (附件1) of the development set. Expected values were read
off the document's lines by hand, not taken from the tool's output."""

from __future__ import annotations

from pathlib import Path

from policykg.extract.tables.responsibility import label_role
from policykg.extract.tables.text_table import find_text_tables

DOC = Path(__file__).resolve().parent / "gold" / "dev" / "docs" / "sh-fengxian-2021-nongcun-gonglu.txt"


def _annex1() -> str:
    text = DOC.read_text(encoding="utf-8")
    head = text.index("附件1\n")
    return text[head:text.index("附件2\n", head)]


def test_the_exercising_body_column_is_an_owner_column():
    # The header cell is typed 行使  主体 (two spaces); labels are compared without blanks.
    assert label_role("行使主体") == "responsible"


def test_a_power_list_typed_one_cell_a_line_is_read_with_its_owner_column():
    tables = find_text_tables(_annex1()).tables
    assert len(tables) == 1
    rows = tables[0].rows
    assert [c.text for c in rows[0]][:3] == ["序号", "权力责任名称", "行使  主体"]
    assert len(rows) == 1 + 24  # header + rows 1..24
    assert (rows[1][0].text, rows[1][1].text, rows[1][2].text) == ("1", "公路的具体管理", "区交通委")
    assert (rows[2][1].text, rows[2][2].text) == ("乡道、村道的相关工作", "各街镇")
    assert (rows[24][0].text, rows[24][2].text) == ("24", "区人民政府、各街镇")
