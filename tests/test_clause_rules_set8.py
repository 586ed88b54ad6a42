"""A bracket line standing alone after an item's sub-items closes the item, not its last sub-item:

    2.落实属地主体责任
    各街镇、开发区、头桥集团要负责落实乡道、村道的管理养护工作…
    (1)主要负责乡村道养护资金落实…
    (2)充分发挥镇级农村公路管理站作用…
    (3)指导村(居)发挥农民群众积极性…
    (责任单位：区交通委、各街镇、开发区、头桥集团)

Real text: sh-fengxian-2021-nongcun-gonglu of the development set (its gold attaches the bracket to
2., as every other bracket there closes its item). Expected values were read off the document by
hand, not taken from the tool's output."""

from __future__ import annotations

from pathlib import Path

from policykg.extract.pipeline import extract_text

DOC = Path(__file__).resolve().parent / "gold" / "dev" / "docs" / "sh-fengxian-2021-nongcun-gonglu.txt"
BRACKET = "(责任单位：区交通委、各街镇、开发区、头桥集团)"


def test_a_bracket_line_after_sub_items_is_the_item_s_clause():
    text = DOC.read_text(encoding="utf-8")
    result = extract_text(text, doc_id="sh-fengxian-2021-nongcun-gonglu")
    at = text.index(BRACKET, text.index("2.落实属地主体责任"))
    clause = next(c for c in result.clauses if c.start >= at and c.start < at + len(BRACKET))
    task = next(t for t in result.tasks if t.id == clause.task_id)
    assert task.title.startswith("落实属地主体责任")
    assert [a.agency.surface for a in clause.assignments] == ["区交通委", "各街镇", "开发区", "头桥集团"]


def test_a_bracket_closing_an_item_with_no_sub_items_stays_that_item_s():
    text = DOC.read_text(encoding="utf-8")
    result = extract_text(text, doc_id="sh-fengxian-2021-nongcun-gonglu")
    at = text.index("(责任部门：区交通委、各街镇、开发区、头桥集团)", text.index("3.全面推行公路“路长制”工作"))
    clause = next(c for c in result.clauses if at <= c.start < at + 30)
    task = next(t for t in result.tasks if t.id == clause.task_id)
    assert task.title.startswith("全面推行公路“路长制”工作")
