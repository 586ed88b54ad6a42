"""Agencies of any level (issue 12): central bodies and their lineage, Guangdong's and Guangzhou's
bodies beside Shenzhen's, the addressee of a letter (你省), names outside the registry.

Sentences marked HAND-WRITTEN are unit-test sentences written for these tests (not real
documents); the expected ids are read off the registry file by hand. The dev-set test reads the
real documents in tests/gold/dev/docs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.extract.agencies.jurisdiction import addressee_of, classify, document_place
from policykg.extract.agencies.registry import (
    RegistryError,
    default_places,
    default_registry,
    parse_places,
)
from policykg.extract.agencies.resolve import resolve_agency
from policykg.extract.pipeline import extract_text

DEV_DOCS = Path(__file__).resolve().parent / "gold" / "dev" / "docs"


def _doc(issuer: str, clause: str) -> str:
    # HAND-WRITTEN: the smallest plan with one task and one responsibility clause.
    return f"{issuer}关于示例工作的意见\n一、重点任务\n（一）推进示例工作。做好示例。{clause}\n"


def _ids(text: str) -> list[tuple[str, str]]:
    return [(a.id, a.jurisdiction) for a in extract_text(text, "hand").agencies]


# ── the same short form in three places ──────────────────────────────────────────────────────


def test_guangzhou_science_bureau_is_guangzhous_and_shenzhens_is_never_it():
    # HAND-WRITTEN sentences: 市科技局 in a 广州 plan and in a 深圳 plan.
    assert _ids(_doc("广州市人民政府", "（市科技局负责）")) == [("gz-kjj", "广州市")]
    sz = extract_text(_doc("深圳市人民政府", "（市科技局负责）"), "hand").agencies
    # Shenzhen has no body of that name in the registry (its science body is 市科技创新委): the
    # name stays Shenzhen's, unresolved, and never becomes Guangzhou's entry.
    assert [(a.id, a.resolved, a.jurisdiction) for a in sz] == [("unresolved:深圳市科技局", False, "深圳市")]


@pytest.mark.parametrize("issuer,clause,expected", [
    # HAND-WRITTEN sentences, one per city: the same four short forms, three different owners.
    ("深圳市人民政府", "（市发展改革委牵头，市工业和信息化局、市委组织部配合）",
     # Shenzhen's 市委组织部 is not in the registry: it stays Shenzhen's, never Guangzhou's entry.
     [("sz-fgw", "深圳市"), ("sz-gxj", "深圳市"), ("unresolved:深圳市委组织部", "深圳市")]),
    ("广州市人民政府", "（市发展改革委牵头，市工业和信息化局、市委组织部配合）",
     [("gz-fgw", "广州市"), ("gz-gxj", "广州市"), ("gz-sw-zzb", "广州市")]),
    ("广州市人民政府", "（市委人才工作领导小组办公室、市人力资源社会保障局负责）",
     [("gz-rsj", "广州市"), ("gz-sw-rcb", "广州市")]),
    ("广东省人民政府", "（省发展改革委牵头，省工业和信息化厅、省科技厅、省人力资源社会保障厅、省委组织部配合）",
     [("gd-fgw", "广东省"), ("gd-gxt", "广东省"), ("gd-kjt", "广东省"), ("gd-rst", "广东省"), ("gd-sw-zzb", "广东省")]),
])
def test_city_and_province_short_forms_resolve_within_their_place(issuer, clause, expected):
    assert sorted(_ids(_doc(issuer, clause))) == sorted(expected)


def test_peoples_organisations_and_central_units_in_guangdong_and_guangzhou():
    # HAND-WRITTEN: 省妇联 / 市科协 are bodies (their endings are registered); 广州海关 and the
    # central bank's 广州分行 are Guangdong's central units, reached from a 广州 plan too.
    assert sorted(_ids(_doc("广东省人民政府", "（省妇联、省总工会、广州海关负责）"))) == [
        ("gd-fl", "广东省"), ("gd-zgh", "广东省"), ("gd-zy-gzhg", "广东省")]
    assert sorted(_ids(_doc("广州市人民政府", "（市科协、人民银行广州分行负责）"))) == [
        ("gd-zy-rmyhgz", "广东省"), ("gz-kx", "广州市")]
    assert sorted(_ids(_doc("国务院", "（全国妇联、中国科协负责）"))) == [("cn-fl", "中央"), ("cn-kx", "中央")]


def test_a_citys_province_prefix_is_its_own_province():
    # HAND-WRITTEN: a 广州 plan's 省发展改革委 and a Shenzhen plan's 省科技厅 are Guangdong's.
    assert _ids(_doc("广州市人民政府", "（省发展改革委负责）")) == [("gd-fgw", "广东省")]
    assert _ids(_doc("深圳市人民政府", "（省科技厅负责）")) == [("gd-kjt", "广东省")]
    # A province the registry does not hold keeps its own place: Sichuan's is never Guangdong's.
    hn = extract_text(_doc("四川省人民政府", "（省科技厅负责）"), "hand").agencies
    assert [(a.id, a.resolved, a.jurisdiction) for a in hn] == [("unresolved:四川省科技厅", False, "四川省")]


def test_shenzhen_forms_stay_shenzhens_whatever_else_shares_the_bare_form():
    # 安全监管局 is both Shenzhen's bare form and a central one; 市科技局 is Guangzhou's short form.
    # A Shenzhen plan's 市X / 深圳市X must still reach the Shenzhen entry (or nothing), never
    # become ambiguous or another place's.
    from policykg.schema.registry_models import normalize_name

    registry = default_registry()
    assert registry.resolve("深圳市安全监管局").id == "sz-ajj"
    for a in registry.agencies:
        if a.jurisdiction != "深圳市":
            continue
        for n in a.names:
            for form in ("市" + normalize_name(n), "深圳市" + normalize_name(n)):
                got = registry.resolve(form)
                assert got is not None and got.jurisdiction == "深圳市", (form, got and got.id)


@pytest.mark.parametrize("doc_number,addressees,place,level", [
    # HAND-WRITTEN heads of documents whose issuer and title name no place: the 文号 does.
    ("粤府办〔2019〕5号", "各地级以上市人民政府，省政府各部门、各直属机构：", "广东省", "provincial"),
    ("穗字〔2017〕1号", "各区党委和人民政府，市直各单位：", "广州市", "municipal"),
    ("国办发〔2019〕5号", "", "中央", "central"),
])
def test_doc_number_names_the_place(doc_number, addressees, place, level):
    got = document_place(None, "关于推进示例工程的实施意见", doc_number, addressees + "\n")
    assert (got.jurisdiction, got.level) == (place, level)


def test_a_headless_document_takes_the_place_its_body_names_far_most_often():
    # HAND-WRITTEN bodies of documents with no issuer, no place in the title and no 文号.
    gz = document_place(None, "关于推进示例工程的实施意见", None,
                        "各区人民政府，市政府各部门：\n为建设广州人才高地……广州……在广州落户……深圳")
    assert (gz.jurisdiction, gz.places.get("市")) == ("广州市", "广州市")
    gd = document_place(None, "示例工作要点", None, "各地级以上市人民政府，省政府各部门：\n数字广东……广东……全省……广东省")
    assert (gd.jurisdiction, gd.level) == ("广东省", "provincial")
    # Two cities named about equally often: no guess, the place stays unnamed.
    even = document_place(None, "示例", None, "广州……广州……广州……深圳……深圳……深圳")
    assert even.jurisdiction == "市"


def test_a_guangzhou_document_known_only_by_its_doc_number_resolves_guangzhous_bodies():
    # HAND-WRITTEN: no issuer, a title without a place, a 穗 文号 in the header.
    text = ("关于推进示例工程的实施意见\n穗字〔2017〕1号\n各区党委和人民政府，市直各单位：\n"
            "一、重点任务\n（一）推进示例工作。做好示例。（市委组织部、市发展改革委负责）\n")
    x = extract_text(text, "hand-gz-number")
    assert x.meta.doc_number == "穗字〔2017〕1号"
    assert sorted(a.id for a in x.agencies) == ["gz-fgw", "gz-sw-zzb"]


def test_places_map_and_its_validation():
    within = default_places()
    assert within["广州市"] == within["深圳市"] == "广东省" and within["天河区"] == "广州市"
    with pytest.raises(RegistryError, match="abbreviation"):
        parse_places({"place": [{"name": "甲市", "abbr": "甲", "source": "s"},
                                {"name": "乙市", "abbr": "甲", "source": "s"}]})
    with pytest.raises(RegistryError, match="listed twice"):
        parse_places({"place": [{"name": "甲市", "within": "乙省", "source": "s"}] * 2})
    with pytest.raises(RegistryError, match="non-empty"):
        parse_places({"place": [{"name": "甲市", "within": "", "source": "s"}]})
    with pytest.raises(RegistryError, match="within itself"):
        parse_places({"place": [{"name": "甲市", "within": "甲市", "source": "s"}]})


# ── central bodies, old names, lineage ───────────────────────────────────────────────────────


@pytest.mark.parametrize("name,expected", [
    ("环保总局", "cn-hbzj"), ("建设部", "cn-jsb"), ("交通部", "cn-jtb"), ("林业局", "cn-lyj"),
    ("扶贫办", "cn-fpb"), ("振兴东北办", "cn-zxdbb"), ("西部开发办", "cn-xbkfb"), ("三峡办", "cn-sxb"),
    ("国资委", "cn-gzw"), ("中组部", "cn-zzb"), ("中央组织部", "cn-zzb"), ("中宣部", "cn-xcb"),
    ("中央编办", "cn-bb"), ("中央网信办", "cn-wxb"), ("版权局", "cn-bqj"), ("空管委办公室", "cn-kgb"),
    ("北京冬奥组委", "cn-bjdazw"), ("中央农办", "cn-znb"), ("国务院教育行政部门", "cn-jyb"),
])
def test_central_documents_names_resolve(name, expected):
    central = document_place("国务院办公厅", None, "国办函〔2004〕71号", "")
    a = resolve_agency(name, False, central)
    assert (a.id, a.resolved, a.jurisdiction) == (expected, True, "中央")


@pytest.mark.parametrize("old,new", [
    ("cn-hbzj", "cn-sthjb"),  # 国家环保总局 → 环境保护部 (2008) → 生态环境部 (2018)
    ("cn-zxdbb", "cn-fgw"), ("cn-xbkfb", "cn-fgw"), ("cn-sxb", "cn-slb"),
    ("cn-gtb", "cn-zrb"), ("cn-nyb", "cn-nyncb"),
    ("cn-yjh", "cn-jrjgzj"), ("cn-bjh", "cn-jrjgzj"),  # 银监会 + 保监会 → 银保监会 → 金融监管总局
    ("cn-jsb", "cn-zjb"), ("cn-jtb", "cn-jtysb"), ("cn-lyj", "cn-lcj"), ("cn-fpb", "cn-xczxj"),
    ("gd-jxw", "gd-gxt"), ("gd-gsj", "gd-scjgj"), ("gz-gxw", "gz-gxj"), ("gz-kcw", "gz-kjj"),
])
def test_lineage_reaches_the_successor(old, new):
    registry = default_registry()
    assert new in {a.id for a in registry.successors(old)}


def test_every_new_entry_has_a_source_jurisdiction_and_level():
    registry = default_registry()
    prefixes = {"gd-": "广东省", "gz-": "广州市", "cn-": "中央"}
    for a in registry.agencies:
        for prefix, place in prefixes.items():
            if a.id.startswith(prefix):
                assert a.jurisdiction == place, a.id
        assert a.source and a.level.value, a.id


# ── the addressee of a letter ────────────────────────────────────────────────────────────────


def test_addressee_from_the_salutation_line():
    assert addressee_of("国务院办公厅\n国办函〔2004〕71号\n四川省人民政府：", "") == "四川省人民政府"
    # A list of addressees is nobody in particular.
    assert addressee_of("", "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n") is None
    assert addressee_of("", "现将有关情况函复如下：\n") is None


def test_you_province_is_the_addressees_government():
    place = document_place("国务院办公厅", None, "国办函〔2004〕71号", "你省请求…",
                           front="国务院办公厅\n国办函〔2004〕71号\n四川省人民政府：")
    a = resolve_agency("你省", False, place)
    # The registry holds 四川省人民政府 (sc-szf, from this very letter).
    assert (a.id, a.name, a.resolved, a.jurisdiction) == ("sc-szf", "四川省人民政府", True, "四川省")
    # Without a salutation there is nobody to stand for: the pronoun stays as written.
    assert resolve_agency("你省", False, document_place("国务院办公厅", None, "国办函〔2004〕71号", "")).name == "你省"


def test_you_city_in_a_letter_to_guangzhou_is_its_government():
    # HAND-WRITTEN salutation of a letter to 广州市人民政府: 你市 is that registry entry.
    place = document_place("广东省人民政府办公厅", None, None, "你市请求…", front="广州市人民政府：")
    assert place.addressee == "广州市人民政府"
    a = resolve_agency("你市", False, place)
    assert (a.id, a.jurisdiction) == ("gz-szf", "广州市")


def test_real_letter_you_province_becomes_sichuan():
    # gov-2004-guobanhan-71 (real, addressed to 四川省人民政府): wherever the clause rules read 你省 as an owner, it
    # is that government, never an agency named 你省.
    from policykg.extract.pipeline import extract_document

    x = extract_document(DEV_DOCS / "gov-2004-guobanhan-71.txt")
    assert x.agencies and not any(a.name.startswith("你") for a in x.agencies)
    mentions = [a.agency for c in x.clauses for a in c.assignments if a.agency.surface == "你省"]
    for m in mentions:
        assert m.agency_id == "sc-szf"


# ── classification of names the registry lacks ───────────────────────────────────────────────


@pytest.mark.parametrize("name,expected", [
    ("国家安全部门", ("中央", "category")),  # 民政、公安、国家安全等有关部门: every level's
    ("中央和省级人民政府", ("中央", "collective")),
    ("省级粮食行政管理部门", ("省", "collective")),
    ("省级部门", ("省", "collective")),
    ("政府", ("中央", "collective")),  # 政府 in general (职业教育 text: 政府统筹管理)
    ("专家组", ("中央", "ad_hoc_body")),  # a group the plan itself sets up
])
def test_class_names_in_a_central_document(name, expected):
    central = document_place("国务院办公厅", None, "国办发〔2005〕57号", "")
    assert classify(name, central) == expected
    assert resolve_agency(name, False, central).jurisdiction == expected[0]


def test_a_joint_issuer_line_names_the_documents_place():
    # HAND-WRITTEN: the joint issuer line of a county document (柳河县's own form).
    place = document_place(None, "关于示例工作的实施意见", None, "县商务局负责。", front="中共示例县委 示例县人民政府\n")
    assert (place.jurisdiction, place.level) == ("示例县", "county")
    a = resolve_agency("县商务局", False, place)
    assert (a.name, a.jurisdiction, a.level) == ("示例县商务局", "示例县", "county_department")


# ── the development set ──────────────────────────────────────────────────────────────────────

# Every name the development set leaves unresolved, written down by reading each one in its
# document: (name, jurisdiction) → level. A name here is truly outside the agency registry, and
# says where it belongs and what it is. Generated once from the extraction, then judged line by
# line (the registry got every body of known identity: Shanghai's city and district bodies,
# 柳河县's bureaus, the 1996 bank and its successor, the provincial governments letters address).

OUTSIDE = {
    # Classes of bodies (有关部门, 各街道办事处 …) and kinds found at every level (民政部门,
    # 登记管理机关, 上海市交通部门, 本部门审核机构 …): not one body, so no registry entry can be them.
    ("交通部门", "上海市"): "category",
    ("城管执法部门", "上海市"): "category",
    ("市、区交通运输部门", "上海市"): "collective",
    ("市、区公安交管部门", "上海市"): "collective",
    ("生态环境部门", "上海市"): "category",
    ("相关区政府", "上海市"): "collective",
    ("相应的绿化市容部门", "上海市"): "category",
    ("绿化市容部门", "上海市"): "category",
    ("上海市交通部门", "上海市"): "category",
    ("上海市公安交管部门", "上海市"): "category",
    ("上海市公安部门", "上海市"): "category",
    ("上海市各交通行业企业", "上海市"): "collective",
    ("上海市各区交通主管部门", "上海市"): "collective",
    ("上海市各区消防救援支队", "上海市"): "collective",
    ("上海市各航空公司", "上海市"): "collective",
    ("上海市各项目公司", "上海市"): "collective",
    ("上海市各项目实施主体", "上海市"): "collective",
    ("上海市国资主管部门", "上海市"): "category",
    ("上海市城市管理综合执法部门", "上海市"): "category",
    ("上海市城管执法部门", "上海市"): "category",
    ("上海市建设主管部门", "上海市"): "category",
    ("上海市房屋管理部门", "上海市"): "category",
    ("上海市绿化市容部门", "上海市"): "category",
    ("业务主管部门", "中央"): "category",
    ("中央和省级人民政府", "中央"): "collective",
    ("主管单位", "中央"): "category",
    ("人力资源社会保障行政部门", "中央"): "category",
    ("公安机关交通管理部门", "中央"): "category",
    ("公安部门", "中央"): "category",
    ("其他有关部门", "中央"): "collective",
    ("其他相关部门（单位）", "省"): "collective",
    ("军队各级防化业务部门", "中央"): "collective",
    ("单位主管部门", "中央"): "category",
    ("县级以上人民政府部门", "县"): "collective",
    ("县（市、区）人民政府确定的审核机构", "中央"): "category",
    ("各地区", "中央"): "collective",
    ("各成员单位", "中央"): "collective",
    ("各有关部门", "中央"): "collective",
    ("各省、自治区、直辖市人民政府", "中央"): "collective",
    ("各级卫生健康部门", "中央"): "collective",
    ("各级地震部门", "中央"): "collective",
    ("各级民政部门", "中央"): "collective",
    ("各级财政部门", "中央"): "collective",
    ("同级人民政府审核机构", "中央"): "collective",
    ("相应的管养单位", "嘉定区"): "category",
    ("国务院各部门办公厅（室）", "中央"): "collective",
    ("国务院有关部门（单位）", "中央"): "collective",
    ("国家安全部门", "中央"): "category",
    ("地方各级人民政府办公厅（室）", "中央"): "collective",
    ("试点地区政府办公厅（室）", "中央"): "collective",  # the pilot regions' offices (gov-2018-guobanhan-71)
    ("属地街镇", "奉贤区"): "category",
    ("所在地镇政府", "奉贤区"): "category",
    ("所在镇政府", "奉贤区"): "category",
    # 镇政府 of a district's plan is the town of wherever the matter lies, as 所在镇政府 (a kind).
    ("镇政府", "奉贤区"): "category",
    ("奉贤区各镇政府", "奉贤区"): "collective",
    ("奉贤区应急避难场所所在单位", "奉贤区"): "category",
    ("奉贤区政府相关部门(单位)", "奉贤区"): "collective",
    ("奉贤区相关部门(单位)", "奉贤区"): "collective",
    # The district's subdistrict offices (各镇政府、街道（开发区）办事处), all of them.
    ("奉贤区街道(开发区)办事处", "奉贤区"): "collective",
    ("奉贤区街道（开发区）办事处", "奉贤区"): "collective",
    # A firm named bare in its duty chapter (头桥集团：负责…), beside 奉贤区头桥集团 of a list.
    ("头桥集团", "奉贤区"): "enterprise",
    ("奉贤区项目实施单位", "奉贤区"): "category",
    ("宝山区党政机关", "宝山区"): "category",
    ("宝山区公共机构", "宝山区"): "category",
    ("宝山区城管执法部门", "宝山区"): "category",
    ("宝山区街镇（园区）", "宝山区"): "collective",
    ("承担任务的省（市）人民政府", "中央"): "category",
    ("挂靠单位", "中央"): "category",
    ("指定的专门司局", "中央"): "category",
    ("政府", "中央"): "collective",
    ("教育行政部门", "中央"): "category",
    ("相关主管部门", "普陀区"): "collective",
    ("有关专业银行", "中央"): "collective",
    ("有关单位", "中央"): "collective",
    ("有关方面", "中央"): "collective",
    ("有关部门", "中央"): "collective",
    ("本单位审核机构", "中央"): "category",
    ("本级人民政府确定的审核机构", "中央"): "collective",
    ("本部门审核机构", "中央"): "category",
    ("机构编制部门", "中央"): "category",
    ("民政部门", "中央"): "category",
    ("登记管理机关", "中央"): "category",
    ("相关部门", "中央"): "collective",
    ("省级粮食行政管理部门", "省"): "collective",
    ("省级部门", "省"): "collective",
    ("社会团体", "中央"): "category",
    ("虹口区各街道办事处", "虹口区"): "collective",
    # Subdistrict offices of 虹口区 the registry does not list (its numbered items 1.提篮桥街道办事处负责…).
    # Level township_government from the form XX街道办事处, jurisdiction the district.
    ("提篮桥街道办事处", "虹口区"): "township_government",
    ("四川北路街道办事处", "虹口区"): "township_government",
    ("欧阳路街道办事处", "虹口区"): "township_government",
    # 各街镇 of a district's plan: that district's towns and subdistricts.
    ("嘉定区各街镇", "嘉定区"): "collective",
    ("青浦区各街镇", "青浦区"): "collective",
    ("松江区各街镇", "松江区"): "collective",
    ("宝山区各街镇（园区）", "宝山区"): "collective",
    # Any other 各… of a district's own plan is the district's (各建设单位 of 普陀区's, 各行业部门 …).
    ("普陀区各建设单位", "普陀区"): "collective",
    ("宝山区各联席会议成员单位", "宝山区"): "collective",
    ("青浦区各行业部门", "青浦区"): "collective",
    ("行业协会", "中央"): "category",
    ("起草部门审核机构", "中央"): "category",
    ("项目承担单位", "中央"): "category",
    # Bodies set up inside one programme or meeting (国家组织药品集中采购's 联合采购办公室, a
    # 联席会议's office, 专家组 …), not standing departments.
    ("办公室", "中央"): "central_department",
    ("协调委办公室", "中央"): "central_department",
    ("联合采购办公室", "中央"): "central_department",
    ("联席会议办公室", "中央"): "central_department",
    # gov-2019-guobanfa-2's 联合采购办公室 下设监督组、专家组、集中采购小组: working bodies of a
    # national document, which restores no 市 onto them.
    ("专家组", "中央"): "ad_hoc_body",
    ("监督组", "中央"): "ad_hoc_body",
    ("集中采购小组", "中央"): "ad_hoc_body",
    # Relative owners, named by their relation to a body or place in the sentence (由主管部门、属地
    # 政府、上级单位; 其上级主管部门: 其 is the 所在单位 before it; 应由船舶检验机构检验合格): no one
    # body, and no restored prefix (the dev gold of sh-fengxian-2022-binan keeps 其上级主管部门 so).
    ("主管部门", "上海市"): "category",
    ("上级单位", "上海市"): "category",
    ("属地政府", "上海市"): "category",
    ("属地政府", "金山区"): "category",
    ("船舶检验机构", "上海市"): "category",
    ("其上级主管部门", "奉贤区"): "category",
    # Internal divisions of the 市交通委 the registry does not list (sh-2023-gang-andian 市交通委科技
    # 信息处、港务监管处、综合规划处、交通建设处: the parent carried over the list).
    ("上海市交通委交通建设处", "上海市"): "provincial_department",
    ("上海市交通委综合规划处", "上海市"): "provincial_department",
    # Companies named as owners.
    # The agency registry holds government bodies; 中国铁路上海局 and 宝山区邮政局 end in 局 and
    # keep a department level: a known imperfection of the level read from the form.
    ("上海市电力公司", "上海市"): "enterprise",
    ("中国铁路上海局", "中央"): "central_department",
    ("奉贤区头桥集团", "奉贤区"): "enterprise",
    ("宝山区邮政局", "宝山区"): "district_department",
    # A firm takes no restored place prefix (上港集团 is no 上海市上港集团): its name as written.
    ("虹房集团", "虹口区"): "enterprise",
    ("新城公司", "青浦区"): "enterprise",
    ("西虹桥公司", "青浦区"): "enterprise",
    ("上港集团", "上海市"): "enterprise",
    ("久事集团", "上海市"): "enterprise",
    ("城投集团", "上海市"): "enterprise",
    ("机场集团", "上海市"): "enterprise",
    ("申通地铁集团", "上海市"): "enterprise",
    # The Central Military Commission's former general staff (1996 joint notice): military organs
    # are outside a registry of government bodies.
    ("总参谋部", "中央"): "central_department",
    # The Sichuan notice (sc-2014) never names its province: 省… bodies of an unnamed province
    # cannot be told apart from another province's (tests/gold/dev/sc-2014-duchazicha.json notes).
    ("省人力资源社会保障厅", "省"): "provincial_department",
    ("省住房城乡建设厅", "省"): "provincial_department",
    ("省农业厅", "省"): "provincial_department",
    ("省发展改革委", "省"): "provincial_department",
    ("省商务厅", "省"): "provincial_department",
    ("省扶贫移民局", "省"): "provincial_department",
    ("省政府办公厅", "省"): "provincial_department",
    ("省政府金融办", "省"): "provincial_department",
    ("省文化厅", "省"): "provincial_department",
    ("省民政厅", "省"): "provincial_department",
    ("省水利厅", "省"): "provincial_department",
    ("省环境保护厅", "省"): "provincial_department",
    ("省科技厅", "省"): "provincial_department",
    ("省经济和信息化委", "省"): "provincial_department",
    ("省财政厅", "省"): "provincial_department",
    # 徐汇区's 消防安全责任制实施细则 (sh-xuhui-2020-xiaofang-zerenzhi): classes and kinds, not one body.
    ("国家在沪及本市金融管理部门", "徐汇区"): "category",
    ("有关部门", "徐汇区"): "collective",
    ("徐汇区有关部门（单位）", "徐汇区"): "collective",
    ("徐汇区政府有关部门", "徐汇区"): "collective",
    ("徐汇区各街道", "徐汇区"): "collective",
    ("徐汇区政府工作部门", "徐汇区"): "category",
    ("徐汇区消防救援机构", "徐汇区"): "category",
    ("徐汇区行业主管部门", "徐汇区"): "category",
    # 公安派出所 (the district's police stations) is a class of many units; known imperfect level
    # district_department.
    ("徐汇区公安派出所", "徐汇区"): "district_department",
    # 静安区's 城市更新行动方案 (sh-jingan-2023-gengxin): district-owned companies (市北高新集团 is the
    # company 上海市北高新…, its 市 read as the city's), an ad hoc task force (“两旧”专班, no
    # standing body), the towns and subdistricts as a group, and two subdistrict offices the
    # registry does not list (as 虹口区's 提篮桥街道办事处 above; level township_government: a subdistrict named as a body is its office).
    ("上海市北高新集团", "上海市"): "enterprise",
    ("大宁集团", "静安区"): "enterprise",
    ("置业集团", "静安区"): "enterprise",
    ("静安区“两旧”专班", "静安区"): "district_department",
    ("静安区各相关街镇", "静安区"): "collective",
    ("静安区江宁路街道", "静安区"): "township_government",
    ("静安区石门二路街道", "静安区"): "township_government",
    # 金山区's 公共消防安全 意见 (sh-jinshan-2019-xiaofang): the government of wherever a site lies.
    ("属地政府", "金山区"): "category",
    # 国办发〔2018〕124号 (gov-2018-guobanfa-124): finance departments at every level, and the
    # institutions converted into companies (转制单位), a class.
    ("财政部门", "中央"): "category",
    ("转制单位", "中央"): "category",
    # The sixth set's regulations and State Council notices name owners by function, not by name
    # (国令第706号 国务院专利行政部门 / 国务院司法行政部门, 国发〔2018〕41号 国务院税务主管部门, 国发〔2004〕18号
    # 国务院法制机构): whichever central department holds that function when the text applies (in
    # 2018 the patent office, 国家知识产权局). The registry holds bodies, not functions, so they stay
    # unresolved, central departments by their form; 国家国防专利机构主管机关 likewise.
    ("国务院专利行政部门", "中央"): "central_department",
    ("国务院司法行政部门", "中央"): "central_department",
    ("国务院税务主管部门", "中央"): "central_department",
    ("国务院法制机构", "中央"): "central_department",
    ("国家国防专利机构主管机关", "中央"): "central_department",
    # Each province's body of that function (国令第706号), and each province's tax bureau
    # (国发〔2018〕41号): classes over the provinces, as 省级粮食行政管理部门.
    ("省、自治区、直辖市人民政府管理专利工作的部门", "省"): "collective",
    ("各省、自治区、直辖市和计划单列市税务局", "中央"): "collective",
    # 七宝镇 (a town of 闵行区): the regulated builders and the units that keep a site's household
    # register (户管单位: 各村、合作社、镇属公司、相关部门、居委会, as the document's 五、13. lists them).
    ("建设单位", "闵行区"): "category",
    ("户管单位", "闵行区"): "category",
    # 协同消防部门…进行监管 (五、7.): the fire authorities, a kind of body found at every level.
    ("消防部门", "闵行区"): "category",
    # Classes: state-owned cultural firms (国办发〔2018〕124号), whoever carries a project out (奉贤区
    # 实施主体), all the units a 考核细则 assesses (石城县全部责任单位: 全部 is a collective head).
    ("国有文化企业", "中央"): "category",
    ("实施主体", "奉贤区"): "category",
    ("石城县全部责任单位", "石城县"): "collective",
    # The seventh set (moved to dev at 2609ccb). sh-shiwei-ziran-zaihai: classes of the city's
    # bodies and districts (各区, 有关部门, 涉灾相关区: the districts a disaster concerns).
    ("上海市各区", "上海市"): "collective",
    ("上海市有关部门", "上海市"): "collective",
    ("有关部门", "上海市"): "collective",
    ("涉灾相关区", "上海市"): "collective",
    # mohurd-2020-chengshi-tijian: a national association and research institutes, outside a
    # registry of government bodies (institutions are entities'); level read from the form of a
    # central document, a known imperfection.
    ("中国城市规划协会", "中央"): "central_department",
    ("中国城市规划设计研究院（部遥感应用中心）", "中央"): "central_department",
    ("中国科学院地理科学与资源研究所", "中央"): "central_department",
    # gz-2011-dixia-kongjian: kinds of body and parties of a regulation (主管部门, 储备机构, 原设计单位 …).
    ("广州市储备机构", "广州市"): "category",
    ("广州市原设计单位", "广州市"): "category",
    ("广州市后建单位", "广州市"): "category",
    ("广州市国土主管部门", "广州市"): "category",
    ("广州市城乡规划主管部门", "广州市"): "category",
    ("广州市城市管理综合执法机关", "广州市"): "category",
    ("广州市建设主管部门", "广州市"): "category",
    ("广州市有权机关", "广州市"): "category",
    # zj-neilao-shisiwu: the province's water departments of every level, a kind.
    ("浙江省水利部门", "浙江省"): "category",
    # putuo: the keepers of the roads, green, rivers and estates where they lie (a15322e keeps it whole).
    ("相应道路、绿化、河道、建筑小区的管养单位", "普陀区"): "category",
    # gov-2020-guobanfa-24 / -43 (split into items since 4373b2e): classes of the State Council's
    # departments and of the regions, kinds of body; 国务院职能转变协调办, the office of the State
    # Council's coordinating group on 放管服 (its full name is not printed), an office by its form.
    ("各部门", "中央"): "collective",
    ("国务院相关部门", "中央"): "collective",
    ("国务院相关单位", "中央"): "collective",
    # mot-2021-tielu-yanxian: the State Council's departments and local governments as classes, the
    # railway regulators of every level as a kind.
    ("国务院有关部门", "中央"): "collective",
    ("地方人民政府", "中央"): "collective",
    ("铁路监管部门", "中央"): "category",
    # sh-shiwei-ziran-zaihai and gz-2011-dixia-kongjian: classes of the city's bodies (其他有关部门,
    # 各区党委, 各灾种专项指挥部 …) and kinds of body (行业主管部门, 城乡规划部门 …).
    ("上海市其他有关单位", "上海市"): "collective",
    ("上海市其他有关部门", "上海市"): "collective",
    ("上海市各区党委", "上海市"): "collective",
    ("上海市各涉灾部门", "上海市"): "collective",
    ("上海市各灾种专项指挥部", "上海市"): "collective",
    ("上海市相关灾种专项指挥部", "上海市"): "collective",
    ("其他有关单位", "上海市"): "collective",
    ("其他有关部门", "上海市"): "collective",
    ("政府", "上海市"): "collective",
    ("有关单位", "上海市"): "collective",
    ("行业主管部门", "上海市"): "category",
    ("城乡建设部门", "广州市"): "category",
    ("广州市人民政府其他相关主管部门", "广州市"): "category",
    ("广州市各区人民政府", "广州市"): "collective",
    ("广州市城乡规划部门", "广州市"): "category",
    ("具备相应资质等级的单位", "广州市"): "category",
    ("相关地区", "中央"): "collective",
    ("政府部门", "中央"): "category",
    ("国务院职能转变协调办", "中央"): "state_council_office",
    # gov-2021-guobanhan-12: each city's joint-meeting office, the city unnamed (a national letter).
    ("市联席会议办公室", "市"): "municipal_department",
    # …and the national railway company, a central state firm (companies are companies.toml's).
    ("中国国家铁路集团有限公司", "中央"): "enterprise",
    # 古美路街道 (a subdistrict of 闵行区): residents' committees are self-governing bodies of each
    # neighbourhood (宪法 第一百一十一条), not organs of the subdistrict; 居委 / 各居委 are all of them.
    ("居委", "闵行区"): "collective",
    ("居委会", "闵行区"): "collective",
    ("闵行区各居委", "闵行区"): "collective",
    # The police station of the area is the 公安分局's, seated in the subdistrict ([agency]
    # town_seated_units): the district's, written bare as the document does.
    ("派出所", "闵行区"): "district_department",
    # 黄浦区: the subdistrict office of wherever a building lies (街道办事处实施工程监管, 通报所在街道
    # 办事处), the cultural-market enforcement body named by its function, and a class.
    ("街道办事处", "黄浦区"): "category",
    ("黄浦区文化市场综合行政执法机构", "黄浦区"): "category",
    ("上海市文化市场综合行政执法机构", "上海市"): "category",
    ("黄浦区相关部门", "黄浦区"): "collective",
    # 国发〔1981〕88号 地方 / 地方财政 (the localities, their finance) and 国发〔2004〕18号 部门 (departments
    # in general): classes and kinds, no one body.
    ("地方", "中央"): "collective",
    ("地方财政", "中央"): "collective",
    ("部门", "中央"): "category",
    # Finance of every level (金山区: 上海市各级财政), offices of the vertically run State Council
    # departments (国办发〔2018〕123号): classes.
    ("上海市各级财政", "上海市"): "collective",
    ("实行全系统垂直管理的国务院部门办公厅（室）", "中央"): "category",
    # jx-shicheng's 乡镇 (督查指导乡镇开展…): all the county's towns and townships.
    ("石城县乡镇", "石城县"): "collective",
    # sh-chongming-2023-ranqi-yuan: bodies named by function (由市应急处置机构统一指挥, 市燃气行政主管单位
    # 负责发布, 配合专业部门, 消防救援机构组织力量, 协同区应急联动机构 — which body holds the function
    # is not said: a kind, no entry) and classes (各乡镇政府, 各乡镇（园区）, 有关部门, the shared
    # modifier 市、区应急处置指挥机构 of two levels).
    ("上海市应急处置机构", "上海市"): "category",
    ("上海市燃气行政主管单位", "上海市"): "category",
    ("崇明区专业部门", "崇明区"): "category",
    ("崇明区消防救援机构", "崇明区"): "category",
    ("崇明区应急联动机构", "崇明区"): "category",
    ("崇明区各乡镇政府", "崇明区"): "collective",
    ("崇明区各乡镇（园区）", "崇明区"): "collective",
    ("有关部门", "崇明区"): "collective",
    ("市、区应急处置指挥机构", "上海市"): "collective",
    # sh-fengxian-2021-nongcun-gonglu: 各街镇 (all the district's towns and subdistricts), 相关责任部门
    # 各司其职 (a class), 规划资源部门 (a kind), and 开发区 — the text never names which development
    # zone (the district has several), so no one registry body; kept as written, the district's.
    ("奉贤区各街镇", "奉贤区"): "collective",
    ("相关责任部门", "奉贤区"): "collective",
    ("奉贤区规划资源部门", "奉贤区"): "category",
    ("开发区", "奉贤区"): "district_department",
    # gov-2014-guobanhan-119 (国家突发环境事件应急预案) and gov-2005-guofa-39: kinds named by function
    # (环境保护主管部门, 当地…, 事件责任单位), classes of every place (地方各级人民政府, 有关省级人民政府,
    # 各有关行政区域人民政府, 地方有关部门, 有关省级环境保护主管部门), a working group sent when needed
    # (国务院工作组: no standing body), and military organs (总参作战部, 总后基建营房部, 武警总部: the
    # registry's levels hold civil and Party bodies, none for the army).
    ("事件责任单位", "中央"): "category",
    ("环境保护主管部门", "中央"): "category",
    ("当地环境保护主管部门", "中央"): "category",
    ("地方各级人民政府", "中央"): "collective",
    ("有关省级人民政府", "中央"): "collective",
    ("各有关行政区域人民政府", "中央"): "collective",
    ("地方有关部门", "中央"): "collective",
    ("有关省级环境保护主管部门", "中央"): "collective",
    ("国务院工作组", "中央"): "ad_hoc_body",
    ("总参作战部", "中央"): "central_department",
    ("总后基建营房部", "中央"): "central_department",
    ("武警总部", "中央"): "central_department",
}

# Mentions the clause rules cut or restore wrong (reported to the clause-rule owner): 市级平台
# (a platform, no body). When a fix removes one, remove it here.
WRONG_SPANS = {
    ("市级平台", "上海市"),
    # sh-xuhui-2020-xiaofang-zerenzhi "区政府、各街道、镇负责本行政区域内的消防工作": the bare 镇 of
    # "各街道、镇" gets 区政府's 区 restored (区镇); it is the district's towns (各…镇), a collective.
    ("徐汇区镇", "徐汇区"),
    # mohurd-2020-chengshi-tijian has no issuer line; a sentence that opens 反映城市的… ("reflects the
    # city's …") is read as a place 反映城市 (agency_list.named_place) and restored onto two owners.
    ("反映城市清华大学中国城市研究院", "反映城市"),
    ("反映城市部遥感应用中心", "反映城市"),
    # sh-gumei: 各居委…工作人员，要会同物业管理人员组成工作小组 (persons forming a group: no owner).
    ("古美路街道物业管理人员组成工作小组", "闵行区"),
    # sh-fengxian-2021-nongcun-gonglu 附件2 (persons, no owner; gold leaves both out): 由各级路长报镇
    # 农村公路专管员受理 (路长 are posts; 各级路长报镇 is a cut across 报) and 由镇级路长组织甄别后明确处置
    # 归属 (the span runs from the post across the verbs into 处置).
    ("上海市各级路长报镇", "上海市"),
    ("奉贤区镇级路长组织甄别后明确处", "奉贤区"),
    # gov-2014-guobanhan-119: 事发地 ("where the incident happens") is read as a place before 县级 /
    # 省级 (agency_list.named_place), so the jurisdictions 事发地县 / 事发地省 are wrong: these are the
    # governments of whichever county / province, classes of the central plan.
    ("事发地县级人民政府", "事发地县"),
    ("事发地省级人民政府", "事发地省"),
}

@pytest.fixture(scope="module")
def dev_extractions():
    from policykg.extract.pipeline import extract_document

    return [extract_document(p) for p in sorted(DEV_DOCS.glob("*.txt"))]


@pytest.fixture(scope="module")
def dev_agencies(dev_extractions):
    return [(x.meta.doc_id, a) for x in dev_extractions for a in x.agencies]


def test_dev_set_leaves_unresolved_exactly_the_names_outside_the_registry(dev_extractions):
    # What `policykg agencies --unresolved` lists after `policykg build` of the dev set: the
    # unresolved Agency rows every document writes (graph/rows.py), each kept in the graph by an
    # edge (checked below, else an orphan would be dropped and the lists would differ).
    got: dict[tuple[str, str], set[str]] = {}
    for x in dev_extractions:
        owners = {a.agency.agency_id for c in x.clauses for a in c.assignments}
        for a in x.agencies:
            if not a.resolved:
                assert a.id in owners, (x.meta.doc_id, a.id)
                got.setdefault((a.name, a.jurisdiction), set()).add(a.level)
    expected = set(OUTSIDE) | WRONG_SPANS
    assert not OUTSIDE.keys() & WRONG_SPANS
    # A new name: a body the registry should hold, a name truly outside it (add it to OUTSIDE
    # with the reason) or a mention cut wrong (WRONG_SPANS, and tell the clause rules' owner).
    assert sorted(set(got) - expected) == [], f"new unresolved names: {sorted(set(got) - expected)}"
    assert sorted(expected - set(got)) == [], f"resolved or gone now: {sorted(expected - set(got))}"
    assert {k: sorted(v) for k, v in got.items() if k in OUTSIDE and v != {OUTSIDE[k]}} == {}, "levels"


def test_shenzhens_and_guangzhous_development_commissions_never_merge():
    # HAND-WRITTEN: 市发展改革委 in a Shenzhen plan, a Guangzhou plan and a Shanghai plan.
    ids = {issuer: _ids(_doc(issuer, "（市发展改革委负责）")) for issuer in ("深圳市人民政府", "广州市人民政府", "上海市人民政府")}
    assert ids == {"深圳市人民政府": [("sz-fgw", "深圳市")], "广州市人民政府": [("gz-fgw", "广州市")],
                   "上海市人民政府": [("sh-fgw", "上海市")]}


def test_a_districts_bureaus_are_its_own():
    # HAND-WRITTEN: the same short forms in a 宝山区 plan and a 青浦区 plan, and the city's bureau
    # named from a district plan (市水务局 of 上海市).
    assert sorted(_ids(_doc("上海市宝山区人民政府", "（区绿化市容局牵头，区财政局、市水务局配合）"))) == [
        ("sh-bs-czj", "宝山区"), ("sh-bs-lhsrj", "宝山区"), ("sh-shuiwj", "上海市")]
    assert _ids(_doc("上海市青浦区人民政府", "（区财政局负责）")) == [("sh-qp-czj", "青浦区")]


def test_dev_set_resolves_the_bodies_of_known_identity(dev_agencies):
    resolved = {a.id for _, a in dev_agencies if a.resolved}
    # Old names in the 2004–2005 letters and 2018–2019 co-owners, each read in the real text.
    for agency_id in ["cn-hbzj", "cn-jsb", "cn-jtb", "cn-lyj", "cn-fpb", "cn-zxdbb", "cn-xbkfb", "cn-sxb",
                      "cn-gzw", "cn-bqj", "cn-kgb", "cn-bjdazw", "cn-jyb", "cn-rsb2"]:
        assert agency_id in resolved, agency_id
    # Shanghai's city and district bodies, the county's bureaus and the 1996 bank, each read in
    # the real text (市交通委 in sh-2023-gang-andian, 区绿化市容局 in sh-baoshan-2019-laji …).
    for agency_id in ["sh-jtw", "sh-zjw", "sh-lgglw", "sh-zy-ccs", "sh-bs-lhsrj", "sh-jd-swj", "sh-qp-xfj",
                      "sh-cm-gafj", "sh-q-fx", "sh-hk-fwjxzx", "jl-lh-swj", "cn-rmjsyh", "sc-szf", "xz-zzqzf"]:
        assert agency_id in resolved, agency_id


def test_a_title_line_with_no_issuer_names_the_documents_place_not_a_body_line():
    # HAND-WRITTEN (the shape of jx-shicheng-2018-hezhang-kaohe): no issuer, no title field, a first
    # line 石城县…考核细则 and a table cell that begins 加入县… ("join the county's group"). The first
    # line is the document's title (metadata rule line.first), so its place is the document's and a
    # bare 县财政局 is 石城县's, never 加入县's.
    x = extract_text("石城县2018年度示例工作考核细则\n一、组织领导\n加入县示例工作群（3分）\n"
                     "（一）做好示例工作。（县财政局负责）\n", "hand-title")
    assert (x.meta.title, x.meta.provenance.get("title")) == ("石城县2018年度示例工作考核细则", "header:line.first")
    assert [(a.name, a.jurisdiction) for a in x.agencies] == [("石城县财政局", "石城县")]
    # A first line that is a sentence is no title: its place does not become the document's.
    other = extract_text("石城县组织开展示例工作，各单位：\n一、组织领导\n（一）做好示例工作。（县财政局负责）\n", "hand-s")
    assert other.meta.title is None and [a.jurisdiction for a in other.agencies] != ["石城县"]


def test_a_bare_development_zone_is_no_place():
    # REAL quote (sh-fengxian-2021-nongcun-gonglu, 五、(二)3.'s owner line): 开发区 without a proper
    # name is the kind of area (vocabulary places_config.generic_areas), so the district's bureaus
    # in the same list stay 奉贤区's; before, 开发区 was read as a place and made 开发区财政局.
    agencies = extract_text(_doc("上海市奉贤区人民政府",
                                 "(责任单位：区发展改革委、区财政局、区交通委、区审计局、各街镇、开发区、头桥集团)"),
                            "hand").agencies
    got = {(a.id, a.jurisdiction) for a in agencies}
    assert {("sh-fx-fgw", "奉贤区"), ("sh-fx-czj", "奉贤区"), ("sh-fx-jtw", "奉贤区")} <= got
    assert not any(a.jurisdiction == "开发区" or a.name.startswith("开发区") and a.name != "开发区" for a in agencies)
    # …and the zone itself keeps its written name, no restored 区 (not 奉贤区开发区 / 区开发区).
    assert any(a.name == "开发区" for a in agencies)


def test_a_named_development_zone_is_still_a_place():
    # REAL names from the registry: a proper name before the zone word keeps it a place.
    from policykg.extract.clauses.agency_list import named_place

    assert named_place("成都高新区管委会") == ("区", "成都高新区")
    assert named_place("南沙新区管委会") == ("区", "南沙新区")
    assert named_place("开发区财政局") is None
