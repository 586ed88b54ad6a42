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
    assert (a.name, a.resolved, a.jurisdiction, a.level) == ("四川省人民政府", False, "四川省", "provincial_government")
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
        assert m.agency_id == "unresolved:四川省人民政府"


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

# Every name the development set may leave unresolved, and why it is outside the registry.
OUTSIDE = {
    # Classes of bodies, not one body (有关部门 …) or kinds found at every level.
    **dict.fromkeys(["有关部门", "各有关部门", "相关部门", "有关单位", "有关方面", "其他有关部门", "其他相关部门（单位）",
                     "国务院有关部门（单位）", "各成员单位", "各级卫生健康部门", "各级民政部门", "各级财政部门",
                     "中央和省级人民政府", "省级粮食行政管理部门", "省级部门", "业务主管部门", "挂靠单位", "登记管理机关",
                     "民政部门", "公安部门", "国家安全部门", "人力资源社会保障行政部门", "公安机关交通管理部门",
                     "单位主管部门", "项目承担单位", "社会团体", "转播机构", "各地区", "教育行政部门", "政府", "培训评价组织", "行业协会",
                     "各省级药监部门", "机构编制部门", "相关主管部门", "相应的绿化市容部门", "绿化市容部门", "市城管执法部门",
                     "各级地震部门", "军队各级防化业务部门", "承担任务的省（市）人民政府", "各省、自治区、直辖市人民政府",
                     "市、区交通运输部门", "市、区公安交管部门", "主管单位", "地方各级人民政府办公厅（室）"], "class"),
    # A state-owned railway group's regional bureau: a company, not a government body.
    "中国铁路上海局": "enterprise",
    # The Central Military Commission's former general staff (1996 joint notice): military organs
    # are outside a registry of government bodies.
    "总参谋部": "military",
    # Another province's or city's bodies (the registry holds central, Guangdong, Guangzhou and
    # Shenzhen bodies): 上海 (sh-2016), 四川 (the 2004 letter's addressee).
    **dict.fromkeys(["上海市财政局", "上海市国资主管部门", "临港地区管委会", "浦东新区", "奉贤区", "上海市",
                     "上海市医药集中招标采购事务管理所", "四川省人民政府"], "other place"),
    # 柳河县 (吉林省) county bureaus.
    **dict.fromkeys(["柳河县商务局", "柳河县工信局"], "other place"),
    # The Sichuan notice (sc-2014) never names its province: 省… bodies of an unnamed province.
    **dict.fromkeys(["省政府办公厅", "省住房城乡建设厅", "省发展改革委", "省环境保护厅", "省民政厅", "省经济和信息化委",
                     "省文化厅", "省政府金融办", "省商务厅", "省科技厅", "省农业厅", "省水利厅", "省扶贫移民局", "省财政厅",
                     "省人力资源社会保障厅"], "unnamed province"),
    # Bodies set up inside one programme (国家组织药品集中采购's 联合采购办公室, a 联席会议's office).
    **dict.fromkeys(["联合采购办公室", "联席会议办公室", "试点工作小组办公室", "专家组", "监督组", "集中采购小组",
                     "协调委办公室", "办公室"],
                    "ad hoc"),
    # Mention boundaries the clause rules cut wrong (the body is inside; the clause owner's).
    **dict.fromkeys(["联席会议办公室召开联络员会", "联席会议可邀请其他相关部门和单位", "赛事主办方或组委会"], "boundary"),
}


@pytest.fixture(scope="module")
def dev_agencies():
    from policykg.extract.pipeline import extract_document

    return [(p.stem, a) for p in sorted(DEV_DOCS.glob("*.txt")) for a in extract_document(p).agencies]


# Places whose bodies the registry does not hold (it holds central, Guangdong, Guangzhou and
# Shenzhen bodies): a named body of one of them is outside the registry by its jurisdiction.
OTHER_PLACES = ("上海市", "宝山区", "普陀区", "崇明区", "奉贤区", "嘉定区", "松江区", "浦东新区", "柳河县", "四川省", "西藏自治区",
                "辽宁省")


def test_dev_set_leaves_unresolved_only_names_outside_the_registry(dev_agencies):
    unresolved = {a.name: a for _, a in dev_agencies if not a.resolved}
    new = sorted(n for n, a in unresolved.items()
                 if n not in OUTSIDE and a.jurisdiction not in OTHER_PLACES)
    # A new name here is a body of known identity the registry should hold, a name truly outside
    # it (add it to OUTSIDE with the reason), or a mention cut wrong by the clause rules.
    assert not new, f"unresolved names not explained as outside the registry: {new}"
    for a in unresolved.values():
        assert a.jurisdiction and a.level, a.name


def test_dev_set_resolves_the_bodies_of_known_identity(dev_agencies):
    resolved = {a.id for _, a in dev_agencies if a.resolved}
    # Old names in the 2004–2005 letters and 2018–2019 co-owners, each read in the real text.
    for agency_id in ["cn-hbzj", "cn-jsb", "cn-jtb", "cn-lyj", "cn-fpb", "cn-zxdbb", "cn-xbkfb", "cn-sxb",
                      "cn-gzw", "cn-bqj", "cn-kgb", "cn-bjdazw", "cn-jyb", "cn-rsb2"]:
        assert agency_id in resolved, agency_id
