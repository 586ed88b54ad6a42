"""Numbered tables typed one cell a line whose header names no owner column but whose rows open
with a body (extract/tables/subject_rows.py), on real development documents. The expected rows
were read off the documents' lines by hand, not taken from the tool's output."""

from __future__ import annotations

from pathlib import Path

from policykg.extract.tables.subject_rows import subject_row_tasks

DOCS = Path(__file__).resolve().parent / "gold" / "dev" / "docs"


def _rows(doc: str):
    text = (DOCS / f"{doc}.txt").read_text(encoding="utf-8")
    tasks, spans = subject_row_tasks(doc, text, 0, [], None)
    return [(tt.task.title, [(role.value, [it.name for it in items]) for role, items, _ in tt.assignments])
            for tt in tasks], spans


def test_each_assessed_department_is_responsible_for_the_duties_its_merged_cell_spans():
    # 石城县 河长制 考核细则: 序号 / 考核项目 / 各项分值 / 考核内容 / 评分标准 / 说明; chapter 二、 lists the
    # departments, 县农粮局 over three duty rows (each opened by its score line 30 / 15 / 15) and 县水利局
    # over four; the group cells 重点考核部门 / 一般考核部门 are passed over, no owners.
    rows, spans = _rows("jx-shicheng-2018-hezhang-kaohe")
    assert len(spans) == 1
    assert rows[0] == ("农村生活垃圾专项治理", [("responsible", ["县委农工部"])])
    assert rows[1:4] == [(t, [("responsible", ["县农粮局"])]) for t in (
        "持续推进畜禽养殖污染控制", "持续推进农业化肥、农药减量化治理", "持续开展渔业资源保护专项整治")]
    assert [t for t, owners in rows if owners[0] == ("responsible", ["县水利局"])] == [
        "持续开展非法设置入河库排污口专项整治,", "持续开展侵占河湖水域及岸线专项整治，", "持续开展非法采砂专项整治",
        "持续加强饮用水源及水库水环境综合整治"]
    # 县水文站 is a body ([agency] suffixes: 水文站); row 14 follows the group cell 一般考核部门.
    assert ("加强水功能区及乡镇河流断面水质监测", [("responsible", ["县水文站"])]) in [(t, o[:1]) for t, o in rows]
    assert ("将河长履职情况纳入考核工作", [("responsible", ["县委组织部"])]) in rows
    # The source numbers two rows 30: both are read, each with its own department.
    assert rows[-2:] == [("继续推进工业园区污水集中处理设施（含管网）建设", [("responsible", ["县工业园区管委会"])]),
                         ("指导、推进农村沼气建设", [("responsible", ["县能源办"])])]
    assert len(rows) == 36
    # Chapter 一's rows open with 组织领导 / 日常工作, no body: they give nothing.
    assert not any(owners == [("responsible", ["组织领导"])] for _, owners in rows)


def test_partners_a_criterion_names_at_a_clause_opening():
    # The same table's 评分标准 cells, read off the document by hand (and as its gold says): 与B、C共同推进 and
    # 协同B name co-doers (responsible beside the row's department); 配合B makes B lead and the row's
    # department support (…水保局技术人员: the staff stand for their body, 水保局 takes the list's 县); 协助乡镇 / 指导乡镇 name nobody.
    rows = dict(_rows("jx-shicheng-2018-hezhang-kaohe")[0])
    assert rows["持续加强饮用水源及水库水环境综合整治"] == [
        ("responsible", ["县水利局"]), ("responsible", ["县环保局", "县水文站"])]
    assert rows["持续加强城镇生活污水治理"] == [("responsible", ["县城建局"]), ("responsible", ["县水利局"])]
    assert rows["开展河流治理、生态修复等技术示范"] == [
        ("responsible", ["县科技局"]), ("lead", ["县水利局", "县水保局"]), ("support", ["县科技局"])]
    assert rows["加强水功能区及乡镇河流断面水质监测"] == [
        ("responsible", ["县水文站"]), ("lead", ["县水利局"]), ("support", ["县水文站"]),
        ("responsible", ["县环保局", "县水利局"])]
    # 1.积极指导乡镇开展… / 3.与乡镇加强…: only the 与 clause names the towns.
    assert rows["持续推进土地资源开发整治过程中的环境保护工作"] == [("responsible", ["县国土资源局"]), ("responsible", ["乡镇"])]
    # 1.协助乡镇加大对…打击: 协助's object is given no work.
    assert rows["加大河湖水域治安防控工作力度"] == [("responsible", ["县公安局"])]


def test_a_statistics_table_with_bodies_as_rows_gives_no_duties():
    # sh-baoshan-2019-laji's 附表 lists 街镇 (吴淞街道, 友谊路街道 …) with figures (100%全覆盖, 40, 19.23, /):
    # no cell is a duty's text, so nothing is assigned (its 分工表 has owner columns: not read here).
    rows, spans = _rows("sh-baoshan-2019-laji")
    assert rows == [] and spans == []
