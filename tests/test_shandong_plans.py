"""Forms of the Shandong provincial and city plans of the tenth blind set (moved to tests/gold/dev/ in the
ninth session): brackets with several role phrases, 分工负责 / 分头落实 for short, an item number followed by
a year. Each test quotes the real sentence and names its document; expected owners were read off the
sentence by hand (the document's gold file agrees)."""

from __future__ import annotations

from pathlib import Path

from policykg.extract.clauses.finder import find_clauses
from policykg.extract.pipeline import extract_text
from policykg.extract.structure.headings import match_marker

DOCS = Path(__file__).resolve().parent / "gold" / "dev" / "docs"


def _owners(text: str) -> list[tuple[str, list[str]]]:
    return [(role.value, [it.surface for it in items]) for f in find_clauses(text) for role, items in f.roles]


# ── several role phrases in one bracket ───────────────────────────────────────────────────────

def test_a_lead_bracket_with_a_supporter_and_co_owners_after_it():
    # sd-2019-shuzi-shandong 1.: 分工负责 beside a lead stays responsible (co-owners by their own words).
    text = "推进政务服务“一网通办”（省政府办公厅牵头，省大数据局配合，各有关部门、各市政府分工负责）。"
    assert _owners(text) == [("lead", ["省政府办公厅"]), ("support", ["省大数据局"]),
                             ("responsible", ["各有关部门", "各市政府"])]


def test_a_later_implementing_party_supports_the_lead_and_its_ranks_run_on():
    # sd-2019-shuzi-shandong 13.: 各市政府落实 beside a lead supports it, after the 配合 list.
    text = "（省大数据局、省委网信办牵头，省发展改革委、省住房城乡建设厅等有关部门配合，各市政府落实）"
    assert _owners(text) == [("lead", ["省大数据局", "省委网信办"]),
                             ("support", ["省发展改革委", "省住房城乡建设厅", "各市政府"])]


def test_a_later_part_with_work_of_its_own_is_not_read_as_a_place_beside_the_lead():
    # sh-fengxian-2022-binan 五、: 落实主体责任 states the towns' own charge (the gold leaves it out).
    text = ("区民防办、应急管理局牵头，区发展改革委、规划资源局等部门履行相应职责，"
            "各镇政府、街道(开发区)办事处和头桥集团落实主体责任。")
    assert _owners(text) == [("lead", ["区民防办", "应急管理局"]), ("support", ["区发展改革委", "规划资源局"])]


# ── 分工负责 / 分头落实 for 按职责分工负责 ──────────────────────────────────────────────────────────

def test_co_owners_by_division_of_work_before_supporters():
    # sd-2019-shuzi-shandong 1.
    text = "（省大数据局、省政府办公厅、省公安厅分工负责，各有关部门、各市政府配合）"
    assert _owners(text) == [("responsible", ["省大数据局", "省政府办公厅", "省公安厅"]),
                             ("support", ["各有关部门", "各市政府"])]


def test_co_owners_by_division_of_work_alone_and_beside_a_lead():
    # sd-2019-shuzi-shandong 8. and 3.
    assert _owners("（各有关部门分工负责）") == [("responsible", ["各有关部门"])]
    assert _owners("（省政府办公厅、省大数据局牵头，各有关部门分工负责）") == [
        ("lead", ["省政府办公厅", "省大数据局"]), ("responsible", ["各有关部门"])]


def test_work_shared_out_beside_a_lead_supports_it():
    # sd-2019-shuzi-shandong 5.: 分头落实 is 落实 shared out.
    assert _owners("（省大数据局牵头，各有关部门分头落实）") == [("lead", ["省大数据局"]), ("support", ["各有关部门"])]


def test_a_mechanism_of_divided_work_names_no_owner():
    assert _owners("建立健全各部门分工负责的工作机制。") == []


def test_the_localities_share_the_work_by_division_of_duties():
    # sd-2021-fuwuye-shuzihua 五、（一）1.: 各地 (every locality's government) is a collective owner.
    text = "各地、各有关部门按照职责分工落实推进，形成省市县联动、多部门协同的工作格局。"
    assert _owners(text) == [("responsible", ["各地", "各有关部门"])]


# ── a city's 实施细则 (qd-2023-ai-yuanqu-xize) ─────────────────────────────────────────────────

def test_supporting_another_body_as_one_of_the_subjects_listed_duties():
    # 第二十三条（二）: 配合B inside A's 、-list of duties: B leads that work, A supports it.
    text = ("（二）园区管理职能部门：青岛高科技工业园管委会负责对市级相关政策组织辖区企业申报、审核、推荐，按要求办理区级资金"
            "信息公开、编制年度资金预算和支出计划、配合区财政部门拨付资金、开展绩效评价相关工作。")
    assert _owners(text) == [("responsible", ["青岛高科技工业园管委会"]),
                             ("lead", ["区财政部门"]), ("support", ["青岛高科技工业园管委会"])]


def test_levels_of_government_bear_a_cost_by_a_stated_share():
    # 第十七条: the levels, 财政 unwritten, are one owner; the share stands before the verb.
    text = "所需补助资金由市、区两级按照1：1比例负担，其中市级补助资金每年不超过1000万元。"
    assert _owners(text) == [("responsible", ["市、区两级"])]


def test_a_by_phrase_inside_a_condition_gives_no_work():
    # 第十四条（二）2.: the applicant's own development is a case the material must cover.
    text = "若软件系统由申报主体自行开发、设计，需要提供第三方专业机构出具的软件系统建设费用审计报告。"
    assert _owners(text) == []
    assert _owners("若涉及多个部门，由市政府统一协调。") == [("responsible", ["市政府"])]


# ── an item number followed by a year ─────────────────────────────────────────────────────────

def test_an_item_number_before_a_year_is_a_marker_not_a_decimal():
    # sd-2021-fuwuye-shuzihua 二、（一）4. (the stored text's year digits are corrupted: 0402年 for 2022年).
    for line in ("4.0402年启动智慧健康养老应用试点活动。", "4.2022年启动智慧健康养老应用试点活动。"):
        m = match_marker(line)
        assert m is not None and m.type == "item" and m.number == 4 and m.marker == "4."
    assert match_marker("2.5亿元以上的除外") is None


def test_the_bracket_of_an_item_opening_with_a_year_is_that_items():
    doc = "sd-2021-fuwuye-shuzihua"
    x = extract_text((DOCS / f"{doc}.txt").read_text(encoding="utf-8"), doc_id=doc)
    quote = "（牵头单位：省工业和信息化厅、省民政厅，参加单位：省公安厅、省卫生健康委、省大数据局、省医保局）"
    clause = next(c for c in x.clauses if c.text == quote)
    task = next(t for t in x.tasks if t.id == clause.task_id)
    assert task.title == "0402年启动智慧健康养老应用试点活动"
