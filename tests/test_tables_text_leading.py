"""Text 分工表 with a group column BEFORE its 序号 column, on the real development document
sh-jingan-2023-gengxin (附件 重点任务清单, one cell per paragraph: 任务类型 / 序号 / 工作任务 / 推进单位,
section rows 行动一：… and 任务类型 cells written on the lines before a row's number, the 推进单位 cell
merged over up to 7 rows). The expected cells were read off the document's lines by hand."""

from __future__ import annotations

from pathlib import Path

from policykg.extract.tables.responsibility import label_role
from policykg.extract.tables.text_table import find_text_tables

DOC = Path(__file__).resolve().parent / "gold" / "dev" / "docs" / "sh-jingan-2023-gengxin.txt"


def _table():
    text = DOC.read_text(encoding="utf-8")
    head = text.index("任务类型\n\n序号\n")
    tables = find_text_tables(text, head).tables
    assert len(tables) == 1
    return tables[0]


def _row(table, number: str):
    return next(r for r in table.rows[1:] if r[0].text == number)


def test_owner_words_of_other_issuers_name_the_responsible_column():
    # vocabulary data ([table_columns] responsible): the bodies in charge of a row, no lead named.
    assert label_role("推进单位") == "responsible"
    assert label_role("指导部门") == "responsible"
    assert label_role("评分标准") is None and label_role("考核内容") is None


def test_a_group_column_before_the_number_column_is_read_as_row_labels():
    t = _table()
    assert [r[0].text for r in t.rows[1:]] == [str(n) for n in range(1, 28)]
    # Row 3 ends where 行动二：… and the 任务类型 cell 旧区改造 of row 4 begin: they are no cells of row 3.
    assert _row(t, "3")[1].text == "推进大徐家阁地区规划研究"
    assert _row(t, "3")[2].text == "区规划资源局、区建设管理委、区发展改革委、区商务委、区国资委、大宁集团"
    assert _row(t, "7")[1].text == "完成既有多层住宅加装电梯700台"


def test_a_task_force_with_a_quoted_name_is_an_owner_and_merged_owner_cells_carry_down():
    t = _table()
    owner4 = "区“两旧”专班、区房管局、区旧改总办、区成套办、各相关街镇"
    assert _row(t, "4")[1].text == "全面完成中心城区零星二级旧里以下房屋改造"
    assert [_row(t, n)[2].text for n in ("4", "5", "6", "7", "8")] == [owner4] * 5
    assert [_row(t, n)[2].text for n in ("12", "13", "14")] == ["区绿化市容局"] * 3


GOV = Path(__file__).resolve().parent / "gold" / "dev" / "docs" / "gov-2018-guobanfa-126.txt"


def _gov_table():
    text = GOV.read_text(encoding="utf-8")
    head = text.index("序号\n改革举措\n")
    tables = find_text_tables(text, head).tables
    assert len(tables) == 1
    return tables[0]


def test_a_group_row_before_row_one_and_a_gap_in_the_numbers_after_group_rows():
    # 国办发〔2018〕126号 推广清单: 序号 / 改革举措 / 主 要 内 容 / 指导部门 / 推广范围, the group row
    # 一、知识产权保护方面（共5项） between the header and row 1; rows 15–20 are omitted in the source
    # (本文有删减), so 四、… and 五、… stand together and row 21 follows row 14.
    t = _gov_table()
    assert [r[0].text for r in t.rows[1:]] == [str(n) for n in range(1, 15)] + ["21", "22", "23"]
    row2 = next(r for r in t.rows[1:] if r[0].text == "2")
    # 改革举措 holds a measure's name of 30 characters, 指导部门 the owners, 推广范围 where it applies.
    assert row2[1].text == "省级行政区内专利等专业技术性较强的知识产权案件跨市（区）审理"
    assert row2[3].text == "最高人民法院、国家知识产权局"
    assert row2[4].text == "全国"
    row21 = next(r for r in t.rows[1:] if r[0].text == "21")
    assert row21[3].text == "教育部、人力资源社会保障部"


JX = Path(__file__).resolve().parent / "gold" / "dev" / "docs" / "jx-shicheng-2018-hezhang-kaohe.txt"


def test_score_and_criteria_columns_and_group_cells_of_an_assessment_table_name_no_owner():
    # 石城县 考核细则 (序号 / 考核项目 / 各项分值 / 考核内容 / 评分标准 / 说明): no header word names an
    # owner column, and its group cells 重点考核部门 / 一般考核部门 are no header labels (考核部门 is an
    # owner label only whole), so nothing here is read as a table's owners (precision first).
    assert label_role("重点考核部门") is None and label_role("一般考核部门") is None
    assert label_role("考核部门") == "responsible"
    assert [label_role(w) for w in ("各项分值", "考核内容", "评分标准", "说明")] == [None] * 4
    assert find_text_tables(JX.read_text(encoding="utf-8")).tables == []


def test_a_group_cell_ending_like_a_body_below_a_section_row_is_no_owner():
    # Row 23 has no 推进单位 cell of its own (merged from row 22); after it stand 行动五：… and the
    # 任务类型 cell 产业园区 of row 24, which ends like a body (区) but names the group, not an owner.
    t = _table()
    owner22 = _row(t, "22")[2].text
    assert owner22.startswith("区文化旅游局、区房管局")
    assert _row(t, "23")[2].text == owner22
