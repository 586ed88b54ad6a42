"""The clause-rule registry (issue 12): every form a named rule with an example it must read,
rule order as data, and the forms of real documents of other issuers (the development set,
tests/gold/dev) read as their annotators read them.

Expected values are written by hand from the quoted sentences, never computed by the code under
test. Sentences marked HAND-WRITTEN are labelled examples of forms the development set lacks.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from pathlib import Path

import pytest

from policykg.extract.clauses import finder
from policykg.extract.clauses.finder import find_clauses, registry
from policykg.extract.pipeline import extract_document

DEV = Path(__file__).resolve().parent / "gold" / "dev" / "docs"


def read(text: str, prefix: str | None = None):
    return [(f.rule, [(r.value, [i.surface for i in items]) for r, items in f.roles])
            for f in find_clauses(text, default_prefix=prefix)]


@lru_cache(maxsize=None)
def dev_text(doc_id: str) -> str:
    return (DEV / f"{doc_id}.txt").read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def dev_extraction(doc_id: str):
    return extract_document(DEV / f"{doc_id}.txt")


# ── the registry itself ──────────────────────────────────────────────────────────────────────

def test_registry_rules_have_ids_priorities_and_examples():
    rules = registry()
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids)) and all(i.startswith("clause.") for i in ids)
    assert [r.priority for r in rules] == sorted(r.priority for r in rules)
    assert {"clause.labeled", "clause.with_partner", "clause.subject_responsible", "clause.you_body",
            "clause.is_role", "clause.each_own_duty"} <= set(ids)
    for r in rules:
        assert r.example, f"{r.id} has no Example: line in its docstring"
        assert r.family


@pytest.mark.parametrize("rule", registry(), ids=lambda r: r.id)
def test_every_rule_reads_its_own_example_through_the_registry(rule):
    # Run through the whole registry, so an earlier rule shadowing the example fails here too.
    found = find_clauses(rule.example, default_prefix="市")
    assert rule.id in [f.rule for f in found], (rule.id, rule.example, [f.rule for f in found])


def test_rule_order_is_data(monkeypatch):
    # Both you_lead (由A牵头，B配合) and you_body (由A + verb) can read this sentence; the one with
    # the lower priority takes it. Swapping the priorities in the registry swaps the reading.
    text = "由市发展改革委牵头，市财政局、统计局配合。"
    assert [r for r, _ in read(text, "市")] == ["clause.you_lead"]
    swapped = [dataclasses.replace(r, priority=10_000) if r.id == "clause.you_lead" else r for r in finder.RULES]
    monkeypatch.setattr(finder, "RULES", swapped)
    assert [r for r, _ in read(text, "市")] == ["clause.you_body"]


def test_a_rule_cannot_be_registered_twice():
    with pytest.raises(ValueError, match="registered twice"):
        finder.clause_rule("clause.labeled", 1, "x")(lambda ctx: [])


# ── real sentences of the development set (quoted from tests/gold/dev/docs) ────────────────────

@pytest.mark.parametrize("doc_id,quote,expected", [
    # 国办函〔2005〕57号 2.1.3（1）: A及B负责 — 及 joins two bodies.
    ("gov-2005-guobanhan-57", "国家发展改革委及国家粮食局负责应急工作的综合协调",
     [("clause.subject_responsible", [("responsible", ["国家发展改革委", "国家粮食局"])])]),
    # 3.1: A及B会同C负责 — both A and B lead.
    ("gov-2005-guobanhan-57", "国家发展改革委及国家粮食局会同有关部门负责建立全国粮食监测预警系统",
     [("clause.with_partner", [("lead", ["国家发展改革委", "国家粮食局"]), ("support", ["有关部门"])])]),
    # 6.2.1: the partner carries a bracketed note.
    ("gov-2005-guobanhan-57", "财政部会同国务院有关部门（单位），对应急动用中央储备粮",
     [("clause.with_partner", [("lead", ["财政部"]), ("support", ["国务院有关部门（单位）"])])]),
    # 2.1.3（13）: a collective that supports, after an adverbial.
    ("gov-2005-guobanhan-57", "其他有关部门在指挥部的统一领导下，做好相关配合工作。",
     [("clause.subject_support", [("support", ["其他有关部门"])])]),
    # 国办函〔2005〕69号: modals between subject and verb, A与B一起.
    ("gov-2005-guobanhan-69", "国办已会同国务院信息办组织力量起草",
     [("clause.with_partner", [("lead", ["国办"]), ("support", ["国务院信息办"])])]),
    ("gov-2005-guobanhan-69", "国办将与国家标准委、国务院信息办等单位一起，组织制定",
     [("clause.together", [("responsible", ["国办", "国家标准委", "国务院信息办"])])]),
    # 国办发〔2018〕114号: a role label stated of the body (A为…主管单位), 由A依据…处理.
    ("gov-2018-guobanfa-114", "应急部为专用号牌及配套行驶证件的核发主管单位",
     [("clause.is_role", [("responsible", ["应急部"])])]),
    ("gov-2018-guobanfa-114", "由公安机关交通管理部门依据《中华人民共和国道路交通安全法》处理",
     [("clause.you_body", [("responsible", ["公安机关交通管理部门"])])]),
    # 国发〔2019〕5号: A要会同B; A要发挥牵头作用，…，会同B.
    ("gov-2019-guofa-5", "市场监管总局要会同有关部门制定联合抽查事项清单",
     [("clause.with_partner", [("lead", ["市场监管总局"]), ("support", ["有关部门"])])]),
    ("gov-2019-guofa-5", "市场监管总局要发挥牵头作用，加强统筹协调，会同各有关部门共同推进各项工作",
     [("clause.lead_role", [("lead", ["市场监管总局"]), ("support", ["各有关部门"])])]),
    # 上海市 临港 意见: 由A会同B、C和D制定 — 和 joins the last body.
    ("sh-2016-lingang-shuangte", "专项发展资金管理办法由市财政局会同浦东新区、奉贤区和临港地区管委会制定",
     [("clause.with_partner", [("lead", ["市财政局"]), ("support", ["浦东新区", "奉贤区", "临港地区管委会"])])]),
    # 民政部 1997: each-own-duty after adverbial comma parts; sector words before 等有关部门.
    ("mca-1997-shetuan-qingli", "业务主管部门、挂靠单位、登记管理机关要根据有关通知要求，各司其职，各负其责",
     [("clause.each_own_duty", [("responsible", ["业务主管部门", "挂靠单位", "登记管理机关"])])]),
    ("mca-1997-shetuan-qingli", "民政、公安、国家安全、人民银行等有关部门要紧密配合，依法查处",
     [("clause.subject_support", [("support", ["民政", "公安", "国家安全", "人民银行"])])]),
    ("mca-1997-shetuan-qingli", "不听劝阻的，由登记管理机关责令解散。",
     [("clause.you_body", [("responsible", ["登记管理机关"])])]),
    # 四川省 2014: 由所涉及的A、B…等省级主管部门（单位）牵头…，其他相关部门（单位）配合.
    ("sc-2014-duchazicha", "由所涉及的省政府办公厅、住房城乡建设厅、省发展改革委、环境保护厅、民政厅、省经济和信息化委、文化厅、"
                           "省政府金融办、商务厅、科技厅、农业厅、水利厅、省扶贫移民局、财政厅、人力资源社会保障厅等省级主管部门（单位）"
                           "牵头完成自查报告，其他相关部门（单位）配合",
     [("clause.you_body", [("lead", ["省政府办公厅", "住房城乡建设厅", "省发展改革委", "环境保护厅", "民政厅",
                                     "省经济和信息化委", "文化厅", "省政府金融办", "商务厅", "科技厅", "农业厅", "水利厅",
                                     "省扶贫移民局", "财政厅", "人力资源社会保障厅"]),
                           ("support", ["其他相关部门（单位）"])])]),
    ("sc-2014-duchazicha", "省级部门要按照职责分工，从行业主管部门的角度进行深入自查",
     [("clause.duty_division_comma", [("responsible", ["省级部门"])])]),
])
def test_dev_sentences(doc_id, quote, expected):
    assert quote in dev_text(doc_id), "the quote must be the document's own text"
    assert read(quote) == expected


@pytest.mark.parametrize("doc_id,quote", [
    # Subjects with 要 and no clause form are not owners (notes of 国发〔2019〕5号).
    ("gov-2019-guofa-5", "各有关部门要依照法律、法规、规章规定，建立本部门随机抽查事项清单"),
    ("gov-2019-guofa-5", "各省（区、市）人民政府要统筹建立本辖区统一的市场监管领域随机抽查事项清单。"),
    # 负责 in non-assigning senses (notes of 国办发〔2018〕118号).
    ("gov-2018-guobanfa-118", "主要负责同志"),
    # Membership and appointments after 由 (国办函〔2005〕57号 2.1.2).
    ("gov-2005-guobanhan-57", "办公室成员由国家发展改革委、财政部、铁道部、交通部、商务部、国务院新闻办、国家粮食局、"
                              "中国农业发展银行、中国储备粮管理总公司有关人员组成"),
    ("gov-2005-guobanhan-57", "由国家粮食局主要负责人兼任办公室主任"),
    # A request up the line is procedure (4.3.2).
    ("gov-2005-guobanhan-57", "由省级人民政府提出申请"),
    # Funding by places is not ownership (临港 意见).
    ("sh-2016-lingang-shuangte", "由市、浦东新区和奉贤区财力共同出资"),
])
def test_dev_sentences_that_are_not_clauses(doc_id, quote):
    assert quote in dev_text(doc_id)
    assert read(quote) == []


# ── whole documents: structure, tasks, closing paragraphs ───────────────────────────────────────

def _owners(x):
    titles = {t.id: t.title for t in x.tasks}
    out: dict[str, list[tuple[str, str]]] = {}
    for c in x.clauses:
        for a in c.assignments:
            out.setdefault(titles[a.task_id], []).append((a.role.value, a.agency.surface))
    return out


def test_flat_notice_one_task_per_item():
    # 国办发〔2018〕114号: 一、…四、 only; the items carrying clauses are 一、 三、 四、.
    owners = _owners(dev_extraction("gov-2018-guobanfa-114"))
    assert owners == {"专用号牌的核发范围和管理": [("responsible", "应急部")],
                      "悬挂专用号牌车辆的道路优先通行权": [("responsible", "公安机关交通管理部门")],
                      "悬挂专用号牌车辆的政策保障": [("responsible", "应急部")]}


def test_decimal_plan_attaches_member_duties_to_their_items():
    # 国办函〔2005〕57号: （3）…（9） under 2.1.3 are tasks of their own, not parts of 2.1.3.
    x = dev_extraction("gov-2005-guobanhan-57")
    owners = _owners(x)

    def of(prefix):
        return next(v for k, v in owners.items() if k.startswith(prefix))

    assert of("公安部负责维护粮食供应场所的治安秩序") == [("responsible", "公安部")]
    assert of("铁道部、交通部负责根据粮食应急工作的需要") == [("responsible", "铁道部"), ("responsible", "交通部")]
    assert owners["市场监测"] == [("lead", "国家发展改革委"), ("lead", "国家粮食局"), ("support", "有关部门")]
    parent = {t.id: t.parent_task_id for t in x.tasks}
    titles = {t.id: t.title for t in x.tasks}
    unit = next(t.id for t in x.tasks if t.title.startswith("公安部负责"))
    assert titles[parent[unit]] == "国家粮食应急工作指挥部成员单位职责"


def test_several_clauses_in_one_item_all_attach_to_it():
    # 临港 意见 （十）: three clauses in one item, each with its own evidence.
    x = dev_extraction("sh-2016-lingang-shuangte")
    item = [c for c in x.clauses if c.task_id and "整合临港地区现有各类专项资金" in
            next(t.title for t in x.tasks if t.id == c.task_id)]
    assert len(item) == 3
    assert len({(c.start, c.end) for c in item}) == 3
    assert all(x.text[c.start:c.end] == c.text for c in item)


def test_closing_paragraph_belongs_to_no_task():
    # 国办发〔2019〕6号: the 会同 clause after （二十七） is in the unnumbered closing paragraph.
    x = dev_extraction("gov-2019-guobanfa-6")
    closing = [c for c in x.clauses if c.text.startswith("财政部要会同")]
    assert closing and all(c.task_id is None and not c.assignments for c in closing)
    assert _owners(x) == {"完善绩效评价体系": [("lead", "各级财政部门"), ("support", "有关方面")]}


# ── HAND-WRITTEN labelled examples of forms the development set lacks ──────────────────────────

def test_non_owner_fields_are_kept_apart():
    # HAND-WRITTEN: a deadline field after the role lists is no agency.
    assert read("（牵头单位：市工业和信息化局；配合单位：市科技创新委；完成时限：2022年底前）", "市") == [
        ("clause.labeled", [("lead", ["市工业和信息化局"]), ("support", ["市科技创新委"])])]


def test_scope_goes_to_the_clause_never_to_an_agency():
    # HAND-WRITTEN: 适用范围 names where the clause applies, not who owns the task.
    from policykg.extract.pipeline import extract_text

    doc = "深圳市人民政府关于示例工作的通知\n一、推进示例工作。（责任单位：市发展改革委、财政局；适用范围：全市各区）\n"
    x = extract_text(doc, "hand-scope")
    assert [(c.scope, [a.agency.name for a in c.assignments]) for c in x.clauses] == [
        ("全市各区", ["市发展改革委", "市财政局"])]
    assert all("范围" not in a.name for a in x.agencies)


@pytest.mark.parametrize("text", [
    # HAND-WRITTEN: who handles something, described in a relative clause, is no task given.
    "对由市场监管部门负责的抽查事项进行公示。",
    "由民政部门登记管理的社会团体应当按期年检。",
])
def test_relative_clauses_are_not_clauses(text):
    assert read(text) == []


def test_lead_then_partners_after_a_comma():
    # HAND-WRITTEN: 由A牵头，会同B负责 — A leads, B supports. Since 负责 after a lead is one of the
    # lead's others ([clauses] lead_others), the lead rule reads both in one clause.
    assert read("由国家发展改革委牵头，会同有关部门负责。") == [
        ("clause.you_lead", [("lead", ["国家发展改革委"]), ("support", ["有关部门"])]),
    ]
    # Without 负责 after the partners, the partner list is its own clause.
    assert read("由国家发展改革委牵头，会同有关部门研究制定。") == [
        ("clause.you_lead", [("lead", ["国家发展改革委"])]),
        ("clause.with_partner", [("support", ["有关部门"])]),
    ]


@pytest.mark.parametrize("text,expected", [
    # HAND-WRITTEN: a time written into a labelled list is no body.
    ("（责任单位：国家发展改革委、财政部，2020年底前完成）",
     [("clause.labeled", [("responsible", ["国家发展改革委", "财政部"])])]),
    ("（牵头单位：市发展改革委；配合单位：市财政局；长期坚持）",
     [("clause.labeled", [("lead", ["市发展改革委"]), ("support", ["市财政局"])])]),
])
def test_deadlines_inside_lists_are_not_agencies(text, expected):
    assert read(text, "市") == expected


def test_articles_of_a_regulation_are_its_units():
    # HAND-WRITTEN: a 办法 with 第N章 / 第N条; each article carrying a clause is a task.
    from policykg.extract.pipeline import extract_text

    doc = ("示例管理办法\n第一章　总则\n第一条　为了规范示例工作，制定本办法。\n第二条　本办法由国家发展改革委负责解释。\n"
           "第二章　职责\n第三条　国家发展改革委会同财政部负责示例工作的统筹协调。\n第四条　各省级人民政府负责本行政区域内的示例工作。\n")
    x = extract_text(doc, "hand-articles")
    markers = {t.id: next(s.marker for s in x.sections if s.id == t.section_id) for t in x.tasks}
    got = [(markers[a.task_id], a.role.value, a.agency.surface) for c in x.clauses for a in c.assignments]
    assert got == [("第二条", "responsible", "国家发展改革委"), ("第三条", "lead", "国家发展改革委"),
                   ("第三条", "support", "财政部"), ("第四条", "responsible", "各省级人民政府")]


def test_a_heading_alone_is_followed_by_its_own_body_not_the_closing():
    # HAND-WRITTEN: （二） stands alone on its line, so the 各地区… paragraph after it is its body;
    # the paragraph after that body is the closing, whose clause belongs to no task.
    from policykg.extract.pipeline import extract_text

    doc = ("国务院关于示例的意见\n一、重点任务\n（一）推进示例。做好示例。\n（二）营造良好环境。\n"
           "各地区、各有关部门要做好工作（发展改革委负责）。\n各地区、各部门要认真贯彻落实。财政部要会同发展改革委加强督促检查。\n")
    x = extract_text(doc, "hand-closing")
    titles = {t.id: t.title for t in x.tasks}
    assert [(titles.get(c.task_id), c.text) for c in x.clauses] == [
        ("营造良好环境", "发展改革委负责"), (None, "财政部要会同发展改革委")]


@pytest.mark.parametrize("text,expected", [
    # HAND-WRITTEN: 负总责, and a role label stated with 是.
    ("各省级人民政府负总责，市县人民政府抓落实。", [("clause.subject_responsible", [("responsible", ["各省级人民政府"])])]),
    ("县级人民政府是本地区示例工作的责任主体。", [("clause.is_role", [("responsible", ["县级人民政府"])])]),
    ("单位负责人签字后报送。", []),
])
def test_overall_responsibility_and_role_with_shi(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text,expected", [
    # gov-2019-minyong-yunli 第十二条 / 第四十二条: the central and the local finance share a cost; the list
    # reader alone stopped at 中央财政和县 (a 县 ending a name).
    ("设计、建造民用运载工具及相关设备，因贯彻国防要求所发生的费用，由中央财政和县级以上地方各级财政给予适当补助。",
     [("clause.you_body", [("responsible", ["中央财政", "县级以上地方各级财政"])])]),
    ("民用运力国防动员所需费用，由中央财政和县级以上地方各级财政共同负担。",
     [("clause.you_body", [("responsible", ["中央财政", "县级以上地方各级财政"])])]),
    # gov-2019-minyong-yunli 第三十八条: a time the work is done by (在移交前) between the modal and 会同.
    ("加装改造的民用运载工具及相关设备需要并能够恢复原有功能的，国民经济动员机构应当在移交前会同国防交通主管机构和使用单位组织实施恢复工作。",
     [("clause.with_partner", [("lead", ["国民经济动员机构"]), ("support", ["国防交通主管机构", "使用单位"])])]),
    # gov-2023-guoling-760 第十条: 依据职责， with no 各自 after a single body, then the work.
    ("国家密码管理部门依据职责，建立商用密码标准实施信息反馈和评估机制。",
     [("clause.by_own_duty", [("responsible", ["国家密码管理部门"])])]),
])
def test_regulation_finance_levels_time_before_partner_and_own_duty(text, expected):
    assert read(text) == expected
