"""Partner verbs inside numbered items headed by their owner (issue 12, fifth set): 会同B / 配合B
with the item's owner as implicit subject, and A负责配合B.

Every quote is the development documents' own text (tests/gold/dev/docs, checked below), cut down
where marked; the expected owners are written by hand from the sentence as the gold file's
reviewer read it (sh-xuhui-2020-xiaofang-zerenzhi.json "notes"), never computed by the code under
test.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from policykg.extract.clauses.finder import find_clauses

DEV = Path(__file__).resolve().parent / "gold" / "dev" / "docs"
XUHUI = "sh-xuhui-2020-xiaofang-zerenzhi"


@lru_cache(maxsize=None)
def dev_text(doc_id: str) -> str:
    return (DEV / f"{doc_id}.txt").read_text(encoding="utf-8")


def read(text: str) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    return [(f.rule, [(r.value, [i.surface for i in items]) for r, items in f.roles])
            for f in find_clauses(text, default_prefix="区")]


def partner_rows(text: str) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    return [row for row in read(text) if row[0] == "clause.item_partner"]


# (whole item line of the 徐汇 实施细则, expected item_partner clauses)
ITEMS = [
    # （五）: 会同有关部门 in a later sentence part; the item's owner leads.
    ("（五）区科学技术委员会负责将消防科技进步纳入科技发展规划和财政科技计划（专项、基金等）并组织实施。"
     "指导、督促科学研究机构加强消防安全管理。组织指导消防安全重大科技攻关、基础研究和应用研究，"
     "会同有关部门推动消防科研成果转化应用。将消防知识纳入科普教育内容。",
     [("clause.item_partner", [("lead", ["区科学技术委员会"]), ("support", ["有关部门"])])]),
    # （二十四）: 会同 after an adverbial comma part, the partner a bracketed collective.
    ("（二十四）区国有资产监督管理委员会负责指导、督促、检查区国资系统企业的消防安全工作。"
     "协调解决区国资系统企业消防安全工作中存在的重大问题。对企业负责人履行消防安全职责进行业绩考核。"
     "按照有关规定，参与监管企业事故的应急救援和调查处理，会同区有关部门（单位）落实事故的责任追究。",
     [("clause.item_partner", [("lead", ["区国有资产监督管理委员会"]), ("support", ["区有关部门（单位）"])])]),
    # （二十二）: a sentence opening with 配合: the partner leads, the owner supports.
    ("（二十二）区市场监督管理局负责依法对生产、流通领域消防产品质量实施监督管理，查处消防产品质量违法行为。"
     "配合有关部门依法查处无证无照违规经营活动。",
     [("clause.item_partner", [("lead", ["有关部门"]), ("support", ["区市场监督管理局"])])]),
    # （十二）: A负责配合B with the subject written.
    ("（十二）区规划和自然资源局负责配合行业主管部门组织编制消防专项规划，预留消防站规划用地，并负责监督实施。",
     [("clause.item_partner", [("lead", ["行业主管部门"]), ("support", ["区规划和自然资源局"])])]),
]


@pytest.mark.parametrize("text, expected", ITEMS, ids=[t[:8] for t, _ in ITEMS])
def test_partner_verbs_take_the_items_owner(text, expected):
    assert text in dev_text(XUHUI) or text.rstrip("。") in dev_text(XUHUI)
    assert partner_rows(text) == expected
    # The item's own 负责 row stays: the owner is still responsible for the item.
    assert read(text)[0][1][0][0] == "responsible"


def test_named_partners_after_a_comma_end_at_the_next_verb():
    # （二十三）, cut down after the second 配合 list: 及 and 、 split three named leads, and 支持
    # (a verb) ends the last name (上海银保监局, not 上海银保监局支持保险公司).
    text = "（二十三）区金融办负责落实消防安全管理，配合区应急管理局及消防救援支队、上海银保监局支持保险公司开展火灾公众责任保险相关业务。"
    source = dev_text(XUHUI)
    assert "配合区应急管理局及消防救援支队、上海银保监局支持保险公司开展火灾公众责任保险相关业务。" in source
    assert partner_rows(text) == [
        ("clause.item_partner", [("lead", ["区应急管理局", "消防救援支队", "上海银保监局"]), ("support", ["区金融办"])])]


def test_a_collective_after_a_comma_is_no_partner_clause():
    # gov-2005-guobanhan-57 (3): …，配合有关部门及时打击… was not annotated: cooperating with
    # unnamed departments after a comma is a manner of working, not an assignment.
    text = "（3）公安部负责维护粮食供应场所的治安秩序，保证道路交通运输的通畅，配合有关部门及时打击扰乱市场秩序的犯罪活动。"
    assert text in dev_text("gov-2005-guobanhan-57")
    assert partner_rows(text) == []


def test_no_owner_heading_no_implicit_subject():
    # The same partner sentence outside a numbered item has no owner to lend its subject.
    text = "指导、督促科学研究机构加强消防安全管理。组织指导消防安全重大科技攻关、基础研究和应用研究，会同有关部门推动消防科研成果转化应用。"
    assert text in dev_text(XUHUI)
    assert partner_rows(text) == []


def test_article_number_opens_a_duty_division_clause():
    # 第十一条's lead-in (gold: 区政府工作部门 responsible): the article number stands where
    # punctuation would, and 依法履行…职责 is a duty-division verb.
    text = "第十一条　区政府工作部门按照职责分工依法履行消防工作职责。"
    assert text in dev_text(XUHUI)
    assert read(text) == [("clause.duty_division", [("responsible", ["区政府工作部门"])])]


def test_within_ones_remit_after_a_principle():
    # 第四条: the subject stands before the principle's comma part; 谁负责 inside the quoted
    # slogan is no clause of its own.
    text = "区政府有关部门按照“谁主管、谁负责”的原则，在各自职责范围内依法依规做好本行业、本系统消防安全工作。"
    assert text in dev_text(XUHUI)
    rows = read(text)
    assert [r[0] for r in rows] == ["clause.within_duties"]
    # The gold mention: a government's departments stay one collective, never the government.
    assert rows[0][1] == [("responsible", ["区政府有关部门"])]


def test_slogan_and_list_of_duties_are_no_clauses():
    assert read("区政府有关部门按照“谁主管、谁负责”的原则。") == []
    # 第十条 heads a list of duties (read item by item), left out by the annotator.
    text = "第十条　区政府工作部门应当在各自职责范围内履行下列共同职责。"
    assert text in dev_text(XUHUI)
    assert read(text) == []


def test_the_helper_owns_the_work_and_the_helped_party_stays_out():
    # sh-2024-jianzhu-laji's 由A、B协助有关责任主体统筹…: the dev gold never makes the party helped by
    # 协助 a lead, unlike the party of 配合; the helpers own the work.
    text = "由市绿化市容局、市住房城乡建设管理委协助有关责任主体统筹市级消纳场所托底消纳"
    assert text in dev_text("sh-2024-jianzhu-laji")
    assert read(text) == [("clause.you_body", [("responsible", ["市绿化市容局", "市住房城乡建设管理委"])])]
    # 第五条 states the duty of assisting as an 应当 subject, which the dev gold leaves out (no gold
    # task holds it; 应当 subjects are no clauses, gov-2018-guoling-706 notes).
    text = "第五条　居民委员会应当协助政府及其派出机关做好消防安全工作。"
    assert text in dev_text(XUHUI)
    assert [r for r in read(text) if r[0] == "clause.support_lead"] == []


G124 = "gov-2018-guobanfa-124"


def test_descriptive_you_inside_noun_phrases_is_no_clause():
    # gov-2018-guobanfa-124 （二十一）/（二十四）: 由 qualifying a noun (the part the budget bears;
    # the units the budget funds) gives no task, while the assignments beside it stay.
    part = "原事业编制内职工的住房公积金、住房补贴中由财政负担部分，转制后继续由财政部门在预算中拨付；"
    units = "（二十四）由财政部门拨付事业经费的经营性文化事业单位转制为企业，对其自用房产五年内免征房产税。"
    assert part in dev_text(G124) and units in dev_text(G124)
    assert read(part) == [("clause.you_body", [("responsible", ["财政部门"])])]
    assert read(units) == []


def test_a_lead_inside_the_object_of_a_verb():
    # sh-jinshan-2019-xiaofang 1.: 区政府 leads the investigations the mechanism sets up; the verb
    # phrase before it (建立亡人火灾和较大以上火灾事故) is no part of its name.
    text = "建立亡人火灾和较大以上火灾事故区政府牵头调查机制"
    assert text in dev_text("sh-jinshan-2019-xiaofang")
    assert read(text) == [("clause.lead_participate", [("lead", ["区政府"])])]
    # A lead that opens its clause keeps its whole name (item 7., its supporters cut to two).
    assert read("由区交通委牵头，区发改委、区建管委配合。") == [
        ("clause.you_lead", [("lead", ["区交通委"]), ("support", ["区发改委", "区建管委"])])]


def test_a_shared_head_partner_is_one_lead():
    # （二十三）'s first clause, cut before its second 配合: 国家在沪及本市金融管理部门 is one body
    # (the gold keeps the shared-head phrase whole); 国家在沪 alone names none.
    text = "（二十三）区金融办负责配合国家在沪及本市金融管理部门指导、督促银行业金融机构、证券机构、保险机构及服务网点、派出机构落实消防安全管理。"
    assert text.rstrip("。") + "，" in dev_text(XUHUI)
    assert partner_rows(text) == [
        ("clause.item_partner", [("lead", ["国家在沪及本市金融管理部门"]), ("support", ["区金融办"])])]


def test_a_police_station_is_a_body():
    # （一）'s second 负责: the subject stands before an adverbial comma part; 派出所 ends a body's
    # name (vocabulary suffixes) as 管理所 and 事务所 do.
    text = "公安派出所根据国务院公安部门及本市、本区有关规定，负责日常消防监督检查"
    assert text in dev_text(XUHUI)
    assert read(text) == [("clause.subject_responsible", [("responsible", ["公安派出所"])])]


def test_this_district_and_a_bare_level_after_each():
    # 第三条: 本区 ("this district") is no part of 区政府, and 镇 after 各街道 shares its 各.
    text = "本区区政府、各街道、镇负责本行政区域内的消防工作，"
    assert text in dev_text(XUHUI)
    assert read(text) == [("clause.subject_responsible", [("responsible", ["区政府", "各街道", "镇"])])]
    # HAND-WRITTEN: without an 各 item before it a bare 镇 names no body.
    assert read("区政府、镇负责本行政区域内的消防工作，") == []
