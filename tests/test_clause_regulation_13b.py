"""Owner forms of the 河南 regulations of the thirteenth set (tune13b): levels sharing one head with a
bracketed note (县（市）), a named district or 或者 among them, 省辖市 as a level. Sentences are
HAND-WRITTEN after the forms of the development set (doc id given); the expected readings by hand."""

from __future__ import annotations

from policykg.extract.agencies.jurisdiction import DocPlace, classify
from clause_readings import surfaces as read


def test_levels_with_a_bracketed_note_share_one_head():
    # after zz-2022-yuanlin-lvhua 第十四条（一）: the city's, the counties' (and county-level cities') and the districts'
    assert read("道路绿地由市、县（市）、区城市园林绿化行政主管部门负责。") == [
        ("clause.subject_responsible", [("responsible", ["市、县（市）、区城市园林绿化行政主管部门"])])]


def test_a_named_district_may_close_the_levels():
    # after zz-2022-yuanlin-lvhua 第十三条
    assert read("建设用地由市、县（市）、上街区人民政府采取划拨方式供应。") == [
        ("clause.you_body", [("responsible", ["市、县（市）、上街区人民政府"])])]


def test_levels_joined_by_or_are_one_owner():
    # after zz-2022-yuanlin-lvhua 第四十八条
    assert read("由市或者县（市）、上街区城市园林绿化行政主管部门责令停止施工。") == [
        ("clause.you_body", [("responsible", ["市或者县（市）、上街区城市园林绿化行政主管部门"])])]


def test_a_level_sharing_lead_with_its_partner():
    # after zz-2022-yuanlin-lvhua 第二十七条
    assert read("市、县（市）、上街区城乡规划行政主管部门应当会同城市园林绿化行政主管部门提出意见。") == [
        ("clause.with_partner", [("lead", ["市、县（市）、上街区城乡规划行政主管部门"]),
                                 ("support", ["城市园林绿化行政主管部门"])])]


def test_cities_under_the_province_are_a_level():
    # after ha-2011-fangzhen-jianzai 第八条 / 第十二条: 省辖市 is a level as 设区的市 is, never 省 + 辖市
    assert read("省辖市、县级人民政府地震工作主管部门应当会同有关部门编制规划。") == [
        ("clause.with_partner", [("lead", ["省辖市、县级人民政府地震工作主管部门"]), ("support", ["有关部门"])])]
    assert read("县级规划由省辖市、县级人民政府地震工作主管部门制定。") == [
        ("clause.you_body", [("responsible", ["省辖市、县级人民政府地震工作主管部门"])])]


def test_level_sharing_names_are_a_class_of_the_document_place():
    doc = DocPlace("郑州市", "municipal", {"市": "郑州市"}, "市")
    for name in ("县（市）、区城市园林绿化行政主管部门", "县（市）、上街区城市园林绿化行政主管部门",
                 "市或者县（市）、上街区城市园林绿化行政主管部门"):
        assert classify(name, doc) == ("郑州市", "collective")
    # a county-level run of a national rule stays as its form gives it (自治县 is a level, no named place)
    nation = DocPlace("中央", "central", {}, None)
    assert classify("县、自治县人民政府兵役机关", nation)[0] != "省"


def test_a_body_and_sector_words_before_their_closer_after_you():
    # after ha-2011-fangzhen-jianzai 第五十一条 (shortened): the body ends in 主管部门, the run at 等有关部门
    assert read("具体工作由省人民政府地震工作主管部门和财政、民政等有关部门按照国务院的规定承担。") == [
        ("clause.you_body", [("responsible", ["省人民政府地震工作主管部门", "财政", "民政"])])]


def test_levels_sharing_one_head_or_a_designated_department():
    # after zz-2022-yuanlin-lvhua 第二十五条（一）: the 、 of the level run is no list of its own
    assert read("道路绿地由市、县（市）、区城市园林绿化行政主管部门或者同级人民政府指定的部门负责；") == [
        ("clause.subject_responsible", [("responsible", ["市、县（市）、区城市园林绿化行政主管部门",
                                                         "同级人民政府指定的部门"])])]


def test_a_modal_of_presence_is_no_part_of_the_body():
    # after ha-2011-fangzhen-jianzai 第三十一条 and gov-2003-dizhi-zaihai 第三十八条: 应当有A参加 (A must take part)
    assert read("初步设计审查等，应当有地震工作主管部门参加。") == [
        ("clause.subject_support", [("support", ["地震工作主管部门"])])]


def test_taking_part_in_a_review_is_support():
    # after zz-2022-yuanlin-lvhua 第十七条: 应当参加审查 (a review others hold), as a partnerless 参加
    assert read("设计方案审批时，市、县（市）、区城市园林绿化行政主管部门应当参加审查；") == [
        ("clause.subject_support", [("support", ["市、县（市）、区城市园林绿化行政主管部门"])])]
    # 参加 with another object is no such step
    assert read("县级人民政府应当参加培训。") == []


def test_a_community_is_no_district():
    # after gov-2020-guobanfa-45 9． (搭建社区、家庭健康服务平台): 社区 / 小区 / 校区 end no place's name; 上街区 is one
    from policykg.extract.clauses.agency_list import named_place
    assert named_place("搭建社区、家庭健康服务平台") is None
    assert named_place("新建小区配套") is None
    assert named_place("上街区人民政府") == ("区", "上街区")


def test_a_headless_text_speaking_for_the_nation_is_central():
    # after gov-2020-guobanfa-45 as stored (no issuer line): 我国 / 全国 and the State Council's bodies
    from policykg.extract.agencies.jurisdiction import document_place
    body = ("随着我国互联网快速发展，我国老龄人口数量快速增长。搭建社区、家庭健康服务平台。继续推行全国互通互认。"
            "（国务院办公厅牵头，相关部门及各地区按职责分工负责）")
    assert document_place(None, None, None, body).jurisdiction == "中央"
    # a headless local plan saying its city's deictics more is no national one
    local = "全市推进……我市……全市……全国领先。（国务院有关部门指导）"
    assert document_place(None, None, None, local).jurisdiction != "中央"


def test_leads_named_after_the_verb_setting_up_their_mechanism():
    # after gov-2020-guobanfa-45 （一）
    assert read("建立国家发展改革委、国家卫生健康委牵头，国务院各有关部门参加的部际联席会议机制。") == [
        ("clause.lead_participate", [("lead", ["国家发展改革委", "国家卫生健康委"]), ("support", ["国务院各有关部门"])])]


def test_the_unit_one_belongs_to_is_an_owner():
    # after zz-2022-yuanlin-lvhua 第四十九条, sh-2018-minfang-tiaoli, gov-2006-guohan-38 (the dev gold reads them so)
    assert read("工作人员玩忽职守的，由其所在单位或者上级机关给予行政处分；") == [
        ("clause.you_body", [("responsible", ["其所在单位", "上级机关"])])]
    assert read("成员因工作变动需要调整的，由所在单位提出。") == [
        ("clause.you_body", [("responsible", ["所在单位"])])]
    # so do the other bare units one belongs to (所在部门, 所在机关: tunec's reading, merged), …
    assert read("由所在部门提出。") == [("clause.you_body", [("responsible", ["所在部门"])])]
    # … but no other bare word after 所在 (所在区域 is a place, no unit)
    assert read("由所在区域提出。") == []


def test_division_by_function_beside_a_lead():
    # after ndrc-2020-dashuju-xietong: 按职能分工负责 says what 按职责分工负责 does
    assert read("（中央网信办、发展改革委牵头，各地区、各部门按职能分工负责）") == [
        ("clause.lead_participate", [("lead", ["中央网信办", "发展改革委"]), ("responsible", ["各地区", "各部门"])])]


def test_two_sector_kinds_joined_before_one_department():
    # after ha-2011-fangzhen-jianzai 第五十五条: two departments; a sector's own 和 joins nothing
    assert read("发展改革和规划部门具体负责灾后恢复重建的统筹规划。") == [
        ("clause.subject_responsible", [("responsible", ["发展改革", "规划部门"])])]
    assert read("经济和信息化主管部门负责监督管理。") == [
        ("clause.subject_responsible", [("responsible", ["经济和信息化主管部门"])])]
    assert read("自然资源和规划部门负责监督管理。") == [
        ("clause.subject_responsible", [("responsible", ["自然资源和规划部门"])])]
