"""Second round on the national documents of dev (issue 12, tune-nat2). HAND-WRITTEN sentences and
documents in the forms of the dev set's national regulations and notices; the readings are by hand."""

from __future__ import annotations

from policykg.extract.clauses.assign import closing_spans
from clause_readings import pairs as read, surfaces
from policykg.extract.pipeline import extract_text
from policykg.extract.structure.sections import parse_structure


# ── a closing paragraph after units written one line each ──────────────────────────────────────────

ONE_LINE_UNITS = (
    "关于某项改革的规定\n"
    "一、关于登记\n"
    "（一）转制单位要依法登记为公司。\n"
    "（二）完善法人治理结构。\n"
    "二、关于财税\n"
    "（三）财税部门应认真落实优惠政策。\n"
    "（四）转制企业要加强党的建设。\n"
    "转制企业的认定，由文化部会同财政部确定并发布名单。上述政策的执行期限为五年。\n"
)


def test_a_back_referring_paragraph_after_one_line_units_closes_the_document():
    st = parse_structure(ONE_LINE_UNITS, "x")
    at = ONE_LINE_UNITS.index("转制企业的认定")
    assert closing_spans(ONE_LINE_UNITS, st.sections, len(ONE_LINE_UNITS)) == [(at, len(ONE_LINE_UNITS))]
    x = extract_text(ONE_LINE_UNITS, doc_id="x")
    late = [c for c in x.clauses if c.start >= at]
    assert late and all(c.task_id is None and not c.assignments for c in late)


def test_a_paragraph_after_one_line_units_without_a_back_reference_stays_the_units():
    # The paragraph may continue the last unit's matter (an unnumbered further measure).
    text = ONE_LINE_UNITS.replace("上述政策的执行期限为五年。", "")
    st = parse_structure(text, "x")
    assert closing_spans(text, st.sections, len(text)) == []


def test_units_whose_text_continues_decide_nothing():
    # （二） has a body on its own line: a paragraph after （四） may be its body too.
    text = ONE_LINE_UNITS.replace("（二）完善法人治理结构。\n", "（二）完善法人治理结构。\n公司设董事会。\n")
    st = parse_structure(text, "x")
    assert closing_spans(text, st.sections, len(text)) == []


def test_county_level_and_above_is_no_back_reference():
    from policykg.extract.clauses.assign import _BACK_REFERENCE

    assert _BACK_REFERENCE.search("以上意见如无不妥，请批转各地区、各部门贯彻执行。")
    assert not _BACK_REFERENCE.search("县级以上人民政府负责组织实施。")


# ── owners of the conscription regulation's forms ──────────────────────────────────────────────────

def test_an_army_unit_is_a_body():
    assert surfaces("其他新兵通常由部队派人领兵。") == [("clause.you_body", [("responsible", ["部队"])])]
    assert surfaces("退回的费用，由新兵训练机构或者部队负责。") == [
        ("clause.subject_responsible", [("responsible", ["新兵训练机构", "部队"])])]


def test_the_body_chiefly_responsible():
    assert surfaces("交接前发生的问题以兵役机关为主负责处理，交接后发生的问题以新兵训练机构或者部队为主负责处理。") == [
        ("clause.mainly_by", [("responsible", ["兵役机关"])]),
        ("clause.mainly_by", [("responsible", ["新兵训练机构", "部队"])])]
    assert surfaces("建立以市场为主导的价格形成机制。") == []


def test_plates_changed_from_one_owner_to_another_name_no_owner():
    assert surfaces("消防救援车辆由部队号牌改挂专用号牌的，免征当年车船税。") == []


def test_a_relative_place_before_levels_sharing_one_head():
    assert surfaces("优待金由批准入伍地的县、自治县、不设区的市、市辖区人民政府按照规定发放。") == [
        ("clause.you_body", [("responsible", ["批准入伍地的县、自治县、不设区的市、市辖区人民政府"])])]
    assert surfaces("体格检查由征集地的县级以上地方人民政府征兵办公室统一组织。") == [
        ("clause.you_body", [("responsible", ["征集地的县级以上地方人民政府征兵办公室"])])]


# ── supporters of the secrecy regulation's forms ───────────────────────────────────────────────────

def test_the_staff_after_the_bodies_are_no_owners():
    assert surfaces("机关、单位应当依法确定涉密岗位，相关单位、部门和人员应当配合。") == [
        ("clause.subject_support", [("support", ["相关单位", "部门"])])]
    # 单位及个人: everyone the law binds, no named bodies
    assert surfaces("经批准，指挥部依法征用粮食，有关单位及个人应当予以配合。") == []


def test_a_duty_to_cooperate_before_a_colon():
    assert surfaces("主办单位应当采取下列保密措施，参加单位和人员应当配合：") == [
        ("clause.subject_support", [("support", ["参加单位"])])]
