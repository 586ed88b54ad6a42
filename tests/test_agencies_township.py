"""Towns, townships and subdistricts (issue 12, the sixth dev set): the level below a district.

A town's (镇) or subdistrict's (街道) own document names its bodies as 镇规建办 / 街道消委办 or bare
(安监所); those are the town's, level township_department, jurisdiction the district the town lies
in (the dev gold puts 七宝镇 and 古美路街道 under 闵行区). Residents' committees (居委) are
self-governing bodies, a class. Functional owners of regulations (国务院专利行政部门) name no body.

Sentences marked HAND-WRITTEN are unit-test sentences written for these tests; the quotes of
sh-qibao-2020-xiane-gongcheng, sh-gumei-2022-dujulaoren-xiaofang and gov-2018-guoling-706 are cut
down from the real dev documents (tests/gold/dev/docs).
"""

from __future__ import annotations

import pytest

from policykg.extract.agencies.jurisdiction import classify, document_place, issuer_prefix, township_place
from policykg.extract.agencies.resolve import resolve_agency
from policykg.extract.pipeline import extract_text


def _agencies(text: str) -> list[tuple[str, str, str, str]]:
    x = extract_text(text, "hand-town")
    return sorted((a.id, a.name, a.jurisdiction, a.level) for a in x.agencies)


# ── the document's own place ─────────────────────────────────────────────────────────────────


def test_a_towns_title_makes_a_township_document_of_its_district():
    # sh-qibao's title; 七宝镇 is a [[place]] within 闵行区 (agencies.toml).
    got = document_place(None, "七宝镇限额以下小型建设工程管理的实施意见", None, "结合我镇实际，制定本实施意见。")
    assert (got.jurisdiction, got.level, got.places.get("镇"), got.places.get("市")) == ("闵行区", "township", "七宝镇", "上海市")
    # A town's own bodies open with 镇 or with nothing: no 市 is restored onto them.
    assert got.default_prefix is None
    assert issuer_prefix(None, title="七宝镇限额以下小型建设工程管理的实施意见") is None


def test_a_subdistrict_office_issuer_names_the_place_by_its_form():
    # HAND-WRITTEN issuer of a subdistrict office the registry does not know: the form XX街道办事处
    # after its district is enough.
    got = document_place("上海市闵行区示例路街道办事处", "关于示例工作的实施方案", None, "")
    assert (got.jurisdiction, got.level, got.places.get("街道")) == ("闵行区", "township", "示例路街道")
    assert issuer_prefix("上海市闵行区示例路街道办事处") is None


@pytest.mark.parametrize("head", ["新型城镇化建设示例方案", "城乡建设示例规划", "住房城乡建设部关于示例的通知",
                                  "各街道示例工作要点"])
def test_words_that_end_like_a_town_are_no_town(head):
    # 城镇 / 城乡 / 各街道: no government ending follows and no [[place]] lists them.
    assert township_place(head) is None


# ── names in a town's document ───────────────────────────────────────────────────────────────


def test_a_towns_bodies_are_the_towns_and_resolve_to_its_registry_entries():
    # Cut down from sh-qibao-2020-xiane-gongcheng (五、职责分工 and 三、5.).
    text = ("# 七宝镇限额以下小型建设工程管理的实施意见\n五、职责分工\n"
            "3.镇采购办负责对使用财政性资金及集体资金的限额以下小型建设工程做好施工承发包工作。\n"
            "7.镇安监所负责对限额以下小型建设工程的安全进行监管。\n")
    assert _agencies(text) == [("sh-mh-qb-ajs", "七宝镇安监所", "闵行区", "township_department"),
                               ("sh-mh-qb-cgb", "七宝镇采购办", "闵行区", "township_department")]


def test_bare_names_of_a_towns_document_are_the_towns_classes_and_places_stay():
    place = document_place(None, "七宝镇限额以下小型建设工程管理的实施意见", None, "")
    # 安监所 written bare (由镇规建办、安监所对在建…): the town's.
    a = resolve_agency("安监所", False, place)
    assert (a.id, a.resolved) == ("sh-mh-qb-ajs", True)
    # A body of the town the registry lacks: the town's, unresolved, level from the form.
    b = resolve_agency("镇示例办", False, place)
    assert (b.name, b.jurisdiction, b.level, b.resolved) == ("七宝镇示例办", "闵行区", "township_department", False)
    # The district's own bureau keeps its 区 (区建管委受理报建的工程): 闵行区's, a district department.
    c = resolve_agency("区建管委", False, place)
    assert (c.name, c.jurisdiction, c.level) == ("闵行区建管委", "闵行区", "district_department")
    # Regulated parties and kinds of body take no town: 建设单位 is every builder.
    d = resolve_agency("建设单位", False, place)
    assert (d.name, d.level) == ("建设单位", "category")


def test_a_police_station_in_a_subdistricts_plan_is_the_districts():
    # sh-gumei 2.派出所。配合开展…: the 公安分局's station seated there, no office of the subdistrict.
    place = document_place(None, "古美路街道加强独居老人消防安全工作实施方案", None, "")
    a = resolve_agency("派出所", False, place)
    assert (a.name, a.jurisdiction, a.level) == ("派出所", "闵行区", "district_department")


def test_a_subdistrict_named_as_a_body_is_its_office():
    # sh-jingan-2023-gengxin names 江宁路街道 among its owners (restored 静安区江宁路街道).
    place = document_place("上海市静安区人民政府办公室", "示例行动方案", None, "")
    assert classify("静安区江宁路街道", place) == ("静安区", "township_government")


def test_residents_committees_are_a_self_governing_class():
    # 居委 / 居委会 / 各居委 of sh-gumei: every committee of the subdistrict, not its organ.
    place = document_place(None, "古美路街道加强独居老人消防安全工作实施方案", None, "")
    for name, expected in [("居委", "居委"), ("居委会", "居委会"), ("各居委", "闵行区各居委")]:
        a = resolve_agency(name, False, place)
        assert (a.name, a.jurisdiction, a.level, a.collective, a.resolved) == (expected, "闵行区", "collective", True, False)


def test_owner_headings_of_a_subdistrict_plan_are_the_subdistricts():
    # Cut down from sh-gumei-2022-dujulaoren-xiaofang: the 二、职责分工 chapter names the bodies as
    # headings (1.街道消委办。…); no issuer in the head, the title names the subdistrict.
    text = ("# 关于印发《古美路街道加强独居老人消防安全工作实施方案》的通知\n"
            "机关各部门、各企事业单位、各居委会：\n"
            "古美路街道加强独居老人消防安全工作实施方案\n"
            "一、工作目标\n对辖区内独居老人进行消防安全风险综合评估。\n"
            "二、职责分工\n1.街道消委办。牵头开展独居老人消防安全关爱工作。\n"
            "3.服务办。牵头负责收集掌握居委上报的独居老人信息。\n")
    got = _agencies(text)
    assert ("sh-mh-gm-xwb", "古美路街道消委办", "闵行区", "township_department") in got
    assert ("sh-mh-gm-fwb", "古美路街道服务办", "闵行区", "township_department") in got
    assert not [a for a in got if a[2] != "闵行区"]


# ── town forms in other documents ────────────────────────────────────────────────────────────


def test_named_town_governments_and_subdistrict_offices_in_a_districts_document():
    district = document_place("上海市虹口区人民政府", "关于示例工作的实施意见", None, "")
    # 虹口区's numbered items 1.提篮桥街道办事处负责… (sh-hongkou-2014-fengmao-fangzai).
    assert classify("提篮桥街道办事处", district) == ("虹口区", "township_government")
    # HAND-WRITTEN: a county document's town government, named with its county.
    county = document_place("示例县人民政府", "关于示例工作的实施意见", None, "")
    assert classify("示例县示例镇人民政府", county) == ("示例县", "township_government")
    # The bare 街道办事处 of a district's document is the office of wherever a site lies
    # (sh-huangpu 街道办事处实施工程监管): a kind, not one body.
    assert classify("街道办事处", document_place("上海市黄浦区人民政府", "示例办法", None, "")) == ("黄浦区", "category")


# ── the functional owners of a regulation ────────────────────────────────────────────────────


def test_a_state_council_order_is_central_and_its_functional_owners_name_no_body():
    # gov-2018-guoling-706's head: 中华人民共和国国务院令 / 第706号 (a 文号 without 〔〕).
    place = document_place(None, "专利代理条例", None, "", front="中华人民共和国国务院令\n第706号\n")
    assert (place.jurisdiction, place.level) == ("中央", "central")
    for name in ("国务院专利行政部门", "国务院司法行政部门", "国家国防专利机构主管机关"):
        a = resolve_agency(name, False, place)
        assert (a.jurisdiction, a.level, a.resolved) == ("中央", "central_department", False), name
    # 省、自治区、直辖市人民政府管理专利工作的部门: each province's body of that function.
    b = resolve_agency("省、自治区、直辖市人民政府管理专利工作的部门", False, place)
    assert (b.jurisdiction, b.level, b.collective) == ("省", "collective", True)
    # A State Council office named by name stays one (国务院办公厅 is in the registry).
    assert resolve_agency("国务院办公厅", False, place).resolved


def test_a_body_and_the_others_concerned_is_that_body():
    # gov-2020-guobanfa-43's owners as its items write them (…（国家发展改革委等国务院相关部门负责）):
    # the one body named is the national commission; the others are a class left unnamed.
    central = document_place("国务院办公厅", None, "国办发〔2020〕43号", "")
    for name, expected in [("国家发展改革委等国务院相关部门", "cn-fgw"), ("市场监管总局等相关单位", "cn-scjgzj")]:
        a = resolve_agency(name, False, central)
        assert (a.id, a.resolved) == (expected, True), name
    assert not resolve_agency("国务院相关部门", False, central).resolved


# ── the graph ────────────────────────────────────────────────────────────────────────────────


def test_the_township_level_reaches_the_graph(neo4j_driver):
    # HAND-WRITTEN town plan with one body the registry lacks: its Agency node carries the new
    # level and the district as jurisdiction, and the viewer's level filter offers the level.
    from policykg.graph import cypher, views
    from policykg.graph.loader import delete_document, load_rows
    from policykg.graph.rows import document_rows

    text = "七宝镇示例工作实施方案\n一、重点任务\n（一）推进示例工作。做好示例。（镇示例办负责）\n"
    doc = "townlevel-test"
    delete_document(neo4j_driver, doc)
    try:
        load_rows(neo4j_driver, document_rows(extract_text(text, doc)))
        with neo4j_driver.session() as s:
            rows = [r.data() for r in s.run(cypher.UNRESOLVED_AGENCIES)]
        mine = [(r["name"], r["jurisdiction"], r["level"]) for r in rows if r["name"] == "七宝镇示例办"]
        assert mine == [("七宝镇示例办", "闵行区", "township_department")]
        assert "township_department" in views.agency_levels(neo4j_driver)
    finally:
        delete_document(neo4j_driver, doc)
