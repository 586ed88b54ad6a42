"""Name boundaries and list rules tuned on the former blind entity sets (heldout_entities_3/_4).

Passages marked "cut-down real" are shortened from those sets' real documents (柳河县 and 山东
policy texts); passages marked "hand-written" are made up to test one mechanism and name no
real document. Each case says which mechanism it checks, so a failure points at one rule.
"""

from __future__ import annotations

import pytest

from policykg.extract.entities.finder import find_entities
from policykg.extract.entities.rules import trim_front


def _found(text: str) -> set[tuple[str, str]]:
    return {(m.label.value, m.surface) for m in find_entities("t", text)}


@pytest.mark.parametrize("text, expected, not_expected", [
    # cut-down real: a passive 被 before the name is cut off (was '年柳河县被中国粮食行业协会').
    ("2017年柳河县被中国粮食行业协会评为“中国火山岩稻米之乡”。",
     ("Institution", "中国粮食行业协会"), ("Institution", "年柳河县被中国粮食行业协会")),
    # cut-down real: 隶属于 is a clause verb, not a name part.
    ("该公司成立于2012年，隶属于广东大光投资集团有限公司，注册资金为3000万元。",
     ("Company", "广东大光投资集团有限公司"), ("Company", "隶属于广东大光投资集团有限公司")),
    # cut-down real: 下属子公司 after a group is a relation, not part of the group's name.
    ("该公司成立于2018年，为修正药业集团下属子公司，注册资金为1000万元。",
     ("Company", "修正药业集团"), ("Company", "修正药业集团下属子公司")),
    # cut-down real: 我县 / 与 before the name (was '经我县与中水东北勘测设计研究院').
    ("经我县与中水东北勘测设计研究院就项目选址进行多次对接。",
     ("Institution", "中水东北勘测设计研究院"), ("Institution", "经我县与中水东北勘测设计研究院")),
    # cut-down real: clause words ending in a function character before a place (可在 + 广东省…).
    ("以下文件均可在广东省高新技术企业协会网站下载。",
     ("Institution", "广东省高新技术企业协会"), None),
    # cut-down real: 送到 before a place-named association.
    ("将申报材料正本统一送到东莞市科技创新企业协会（地址：东莞市莞城区）。",
     ("Institution", "东莞市科技创新企业协会"), None),
])
def test_name_front_is_cut_at_clause_words(text, expected, not_expected):
    found = _found(text)
    assert expected in found, found
    if not_expected is not None:
        assert not_expected not in found, found


def test_gaodeng_is_a_name_part_not_the_list_deng():
    # cut-down real: 等 inside 高等 must not cut 山东高等技术研究院 to 技术研究院.
    found = _found("布局建设了以山东产业技术研究院、山东高等技术研究院、山东能源研究院为代表的创新平台。")
    assert ("Institution", "山东高等技术研究院") in found
    # ... and a province-named institute whose field is generic words is one institute.
    assert ("Institution", "山东产业技术研究院") in found
    # The list's 等 still cuts (hand-written): 高校等 + 研究院 is no name starting before 等.
    assert trim_front("高校等深圳研究") == len("高校等")


def test_generic_alias_after_name_characters_is_the_tail_of_another_name():
    # cut-down real: the gazetteer's short form 先进技术研究院 (of 中国科学院深圳先进技术研究院)
    # inside 滨州渤海先进技术研究院 names a different institute.
    found = _found("建设泰安科创名地、滨州渤海先进技术研究院、山东石油化工学院等创新载体。")
    assert ("Institution", "滨州渤海先进技术研究院") in found
    assert not any(m.canonical_name == "中国科学院深圳先进技术研究院"
                   for m in find_entities("t", "建设滨州渤海先进技术研究院"))
    # Standing alone (after a verb) the short form is still the Shenzhen institute (hand-written).
    assert any(m.canonical_name == "中国科学院深圳先进技术研究院" for m in find_entities("t", "依托先进技术研究院建设平台"))


def test_sibling_chain_reaches_the_first_item():
    # cut-down real: the list's first item is three siblings away from the known firm (金风科技).
    found = _found("2018年以来，我县先后与中京电投、三峡电力、葛洲坝、金风科技、华润电力签订合作协议。")
    assert {("Company", "中京电投"), ("Company", "三峡电力"), ("Company", "葛洲坝")} <= found


def test_typed_list_with_a_count_and_a_kind_noun_opening_it():
    # cut-down real: '等总计23户企业' (a count between 等 and the kind word) and '企业有' opening the list.
    found = _found("柳河县通过QS认证的山葡萄酒企业有雪兰山、华龙、斯普瑞等总计23户企业，可生产甜酒。")
    assert {("Company", "雪兰山"), ("Company", "华龙"), ("Company", "斯普瑞")} <= found
    assert not any(s.startswith("山葡萄酒") for _, s in found)
    # cut-down real: '等8家企业'.
    found = _found("绿生禽业、宏大牧业等8家企业被确定为市级龙头企业。")
    assert {("Company", "绿生禽业"), ("Company", "宏大牧业")} <= found


def test_sectors_with_a_count_stay_unnamed():
    # hand-written: industries listed before '等3家企业' are still no firms.
    assert not any(label == "Company" for label, _ in _found("钢铁、石化等3家企业开展节能改造。"))


def test_counts_with_ranges_and_approximations_name_no_lab():
    # cut-down real: '1—2家省实验室', '30家左右省重点实验室' are counts of kinds, not names.
    found = _found("布局1—2家省实验室、30家左右省重点实验室、20家左右省技术创新中心。")
    assert not any(label == "Institution" for label, _ in found), found


def test_kind_words_beside_firms_are_no_firms():
    # cut-down real: 科研院所 and 中介公司 listed beside 保险公司 are kinds.
    found = _found("鼓励保险公司、科研院所、中介公司和科技企业共同研发科技保险产品。")
    assert not any(label == "Company" for label, _ in found), found


def test_place_and_trade_name_an_exchange():
    # cut-down real: 深圳证券交易所 (a place and a generic trade word) is an exchange's name ...
    assert ("Company", "深圳证券交易所") in _found("你公司应会同基金的销售机构和深圳证券交易所，按照有关规定")
    # ... hand-written: without a place it is the kind.
    assert not _found("推动产权交易所和证券交易所建设")


def test_known_body_and_bracketed_city_head_a_centre():
    # cut-down real: 华为（济南） + 软件开发云创新中心 / + 人工智能 + 创新中心.
    found = _found("华为（济南）软件开发云创新中心  华为（济南）人工智能创新中心  服务资源供给办法")
    assert ("Institution", "华为（济南）软件开发云创新中心") in found
    assert ("Institution", "华为（济南）人工智能创新中心") in found
    # The technology inside the centre's name is no mention of its own.
    assert ("Technology", "人工智能") not in found


def test_technology_opening_a_list_item_heads_the_centre():
    # cut-down real: 、量子通信卓越创新中心 is one centre, not 卓越创新中心 after a technology.
    found = _found("重点建设量子通信卓越创新中心、国家超级计算济南中心等重大创新平台。")
    assert ("Institution", "量子通信卓越创新中心") in found
    assert ("Institution", "卓越创新中心") not in found


@pytest.mark.parametrize("text, term, expected", [
    ("经谷歌气象卫星大数据库测算分析。", "大数据", False),  # cut-down real: a large database
    ("北京市大数据工作推进小组负责数据专区建设。", "大数据", False),  # cut-down real: a working group
    ("济南国家新一代人工智能创新发展试验区等相继获批建设。", "人工智能", False),  # cut-down real: a zone's title
    ("长沙市建设国家级车联网先导区。", "车联网", True),  # hand-written: a zone named by the technology alone
    ("推动大数据和人工智能创新发展。", "大数据", True),  # hand-written: the technology itself
    ("依托市大数据平台已有技术能力。", "大数据", False),  # cut-down real: a city government's platform
    ("建设大数据平台。", "大数据", True),  # hand-written: a platform for the technology
])
def test_technology_inside_a_proper_name(text, term, expected):
    assert (("Technology", term) in _found(text)) is expected


def test_title_and_park_before_a_firm_are_cut_off():
    # cut-down real: a firm's title (国家高新科技企业) and its park (经济开发区) stand before its name.
    found = _found("区内的省级龙头企业、国家高新科技企业中溢集团（吉林）新能源科技有限公司成立于2019年5月")
    assert ("Company", "中溢集团（吉林）新能源科技有限公司") in found, found
    found = _found("同时，我县经济开发区中溢科技公司建设的石墨电极项目")
    assert ("Company", "中溢科技公司") in found, found
    # hand-written: a generic word after the park keeps no firm name of its own.
    assert ("Company", "建设公司") not in _found("苏州工业园区建设公司")


def test_small_loan_firms_and_ranked_centres_are_kinds():
    # cut-down real: 小贷公司 (a kind of lender) and 市级以上技术中心 (a rank) name nothing.
    assert not _found("拥有小贷公司2家，典当行1家")
    assert not any(label == "Institution" for label, _ in _found("科技小巨人企业2户、市级以上技术中心4个。"))


def test_registered_legal_name_listed_as_an_agency_alias_is_a_company():
    # cut-down real: the agency registry holds 中国建设银行股份有限公司 as an alias of the bank's
    # lineage; the registered legal name is still the company.
    found = _found("二、同意你公司为基金的基金管理人，中国建设银行股份有限公司为基金的基金托管人。")
    assert ("Company", "中国建设银行股份有限公司") in found, found


def test_campus_in_brackets_joins_its_university():
    # cut-down real: 哈尔滨工业大学（威海） is the campus the text means.
    found = _found("支持山东大学、哈尔滨工业大学（威海）等驻鲁部属高校综合实力进入国内同类型高校前列。")
    assert ("Institution", "哈尔滨工业大学（威海）") in found, found
    # cut-down real: a second name in brackets (an institute's, ending 科学院) and a note (筹) are no campus.
    found = _found("支持山东第一医科大学（山东省医学科学院）、康复大学（筹）等新建高校")
    assert not any("（" in s for _, s in found), found
