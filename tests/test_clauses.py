"""Responsibility clauses: the seeds' forms and hand-written examples in other styles."""

from __future__ import annotations

from collections import Counter

import pytest

from corpus_helpers import extraction
from policykg.extract.clauses.agency_list import split_agency_list
from policykg.extract.clauses.finder import find_clauses
from policykg.extract.pipeline import extract_text


def parse(text):
    return [(f.rule, [(r.value, [i.name for i in items]) for r, items in f.roles]) for f in find_clauses(text)]


def test_2015_plan_12_tasks_25_leads_43_supports():
    x = extraction("2015")
    roles = Counter(a.role.value for c in x.clauses for a in c.assignments)
    assert roles == {"lead": 25, "support": 43}
    assert len({a.task_id for c in x.clauses for a in c.assignments}) == 12
    by_title = {t.id: t.title for t in x.tasks}
    leads = {}
    for c in x.clauses:
        for a in c.assignments:
            if a.role.value == "lead":
                leads.setdefault(by_title[a.task_id], []).append(a.agency.name)
    assert leads["互联网＋制造"] == ["市经贸信息委"]
    assert leads["互联网＋公共安全"] == ["市经贸信息委", "市交通运输委", "市人居环境委", "市市场和质量监管委",
                                   "市公安局", "市气象局", "市应急办"]
    assert leads["互联网＋文化创意"] == ["市委宣传部", "市文体旅游局"]


def test_2015_supporters_keep_central_units_and_collectives():
    x = extraction("2015")
    sup = [a.agency.name for c in x.clauses for a in c.assignments if a.role.value == "support"]
    for name in ("中国人民银行深圳市中心支行", "深圳银监局", "深圳海关", "深圳出入境检验检疫局", "各区政府", "各新区管委会"):
        assert name in sup
    # 医疗健康's supporters are written without any 市: the lead list's prefix applies.
    assert "发展改革委" not in sup


def test_2021_plan_25_tasks_99_responsible_with_ranks():
    x = extraction("2021")
    assign = [a for c in x.clauses for a in c.assignments]
    assert len(assign) == 99 and {a.role.value for a in assign} == {"responsible"}
    assert len({a.task_id for a in assign}) == 25
    title = {t.id: t.title for t in x.tasks}
    ranked = {}
    for a in assign:
        ranked.setdefault(title[a.task_id], []).append((a.rank, a.agency.name))
    assert ranked["金融科技产业"] == [(1, "市地方金融监管局"), (2, "市发展改革委"), (3, "市科技创新委"),
                                 (4, "市工业和信息化局"), (5, "市政务服务数据管理局"), (6, "罗湖区政府")]
    assert ranked["数字创意产业"] == [(1, "市委宣传部"), (2, "市科技创新委"), (3, "市工业和信息化局"),
                                (4, "市文化广电旅游体育局")]
    assert ranked["注重人才引培"][-1] == (4, "深圳市税务局")
    assert ranked["加强资金支持"][-1] == (7, "深圳市税务局")


def test_every_edge_carries_its_evidence():
    for key in ("2015", "2021"):
        x = extraction(key)
        for c in x.clauses:
            assert x.text[c.start:c.end] == c.text
            for a in c.assignments:
                e = a.evidence
                assert e.doc_id == x.meta.doc_id and e.quote == x.text[e.start:e.end] and e.rule == "clause.labeled"
                assert x.text[a.agency.start:a.agency.end] == a.agency.surface


def test_clause_closes_the_whole_section_not_its_last_sub_measure():
    x = extraction("2015")
    tasks = {t.id: t for t in x.tasks}
    for c in x.clauses:
        assert tasks[c.task_id].parent_task_id is None


@pytest.mark.parametrize("text,expected", [
    ("由市发展改革委牵头，市财政局、统计局配合。",
     [("clause.you_lead", [("lead", ["市发展改革委"]), ("support", ["市财政局", "市统计局"])])]),
    ("市政务服务数据管理局牵头，市发展改革委、工业和信息化局参与。",
     [("clause.lead_participate", [("lead", ["市政务服务数据管理局"]), ("support", ["市发展改革委", "市工业和信息化局"])])]),
    ("市教育局、卫生健康委按职责分工负责。",
     [("clause.duty_division", [("responsible", ["市教育局", "市卫生健康委"])])]),
    # 责任单位 beside a lead label supports it (tests/gold/dev/README.md, "A lead label beside another label").
    ("牵头单位：市工业和信息化局；责任单位：市发展改革委、科技创新委",
     [("clause.labeled", [("lead", ["市工业和信息化局"]), ("support", ["市发展改革委", "市科技创新委"])])]),
    ("(牵头单位:广州市工业和信息化局,配合单位:发展改革委、科技局)",
     [("clause.labeled", [("lead", ["广州市工业和信息化局"]), ("support", ["广州市发展改革委", "广州市科技局"])])]),
    ("由区发展和改革局牵头，区科技局、区财政局配合",
     [("clause.you_lead", [("lead", ["区发展和改革局"]), ("support", ["区科技局", "区财政局"])])]),
    ("（责任单位：宝安区工业和信息化局、科技创新局，各街道办事处）",
     [("clause.labeled", [("responsible", ["宝安区工业和信息化局", "宝安区科技创新局", "宝安区各街道办事处"])])]),
    ("以龙头企业牵头，高校参与。", []),
    ("推动产学研用合作，企业牵头组建创新联盟。", []),
])
def test_clause_forms(text, expected):
    assert parse(text) == expected


def test_clause_on_its_own_line_attaches_to_the_item_it_closes():
    doc = ("三、重点任务\n（一）推进数据开放。建设开放平台。\n牵头单位：市政务服务数据管理局\n"
           "（二）发展智能制造。推动企业上云。\n（牵头单位：市工业和信息化局；配合单位：市科技创新委）\n")
    x = extract_text(doc, "t")
    by_task = {t.title: [(a.role.value, a.agency.name) for c in x.clauses if c.task_id == t.id for a in c.assignments]
               for t in x.tasks}
    assert by_task == {"推进数据开放": [("lead", "市政务服务数据管理局")],
                       "发展智能制造": [("lead", "市工业和信息化局"), ("support", "市科技创新委")]}


@pytest.mark.parametrize("text,names", [
    ("市发展改革委、经贸信息委", ["市发展改革委", "市经贸信息委"]),
    ("市委宣传部、文体旅游局", ["市委宣传部", "市文体旅游局"]),
    ("市人大常委会经济工委、发展改革委", ["市人大常委会经济工委", "市发展改革委"]),
    ("市发展改革委、市场监管局", ["市发展改革委", "市市场监管局"]),
    ("市人力资源和社会保障局、教育局", ["市人力资源和社会保障局", "市教育局"]),
    ("市工业和信息化局，深圳海关、中国人民银行深圳市中心支行、深圳市税务局", [
        "市工业和信息化局", "深圳海关", "中国人民银行深圳市中心支行", "深圳市税务局"]),
    ("市规划和自然资源局、各区政府、大鹏新区管委会、深汕特别合作区管委会", [
        "市规划和自然资源局", "各区政府", "大鹏新区管委会", "深汕特别合作区管委会"]),
    ("各区政府、各新区管委会等", ["各区政府", "各新区管委会"]),
    ("南山区科技创新局、发展和改革局", ["南山区科技创新局", "南山区发展和改革局"]),
])
def test_agency_list_prefix_restoration(text, names):
    items = split_agency_list(text, 0)
    assert [i.name for i in items] == names
    for i in items:
        assert text[i.start:i.end] == i.surface


def test_collectives_are_flagged():
    items = split_agency_list("市发展改革委、各区政府、各行业主管部门", 0)
    assert [i.collective for i in items] == [False, True, True]
