"""Document conventions (列第一位者为牵头单位，下同), agencies of every level and jurisdiction, the
central bodies' lineage, abbreviations a document defines.

The documents below are HAND-WRITTEN, labelled examples of forms the development set does not
hold yet (no dev document declares a convention so far); their expected values are read off the
text by hand.
"""

from __future__ import annotations

import pytest

from policykg.extract.agencies.jurisdiction import DocPlace, classify, document_place
from policykg.extract.agencies.registry import default_registry
from policykg.extract.clauses.conventions import find_conventions
from policykg.extract.pipeline import extract_text

# HAND-WRITTEN: a State Council style notice with a convention declared in its first clause.
CONVENTION_DOC = (
    "国务院办公厅关于示例工作的通知\n"
    "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
    "一、加强统筹协调。建立部门协作机制。（发展改革委、财政部负责。列第一位者为牵头单位，下同）\n"
    "二、完善支持政策。加大政策支持力度。（工业和信息化部、科技部、人民银行等负责）\n"
    "三、强化督促落实。（国务院办公厅负责）\n"
)
CONVENTION = "列第一位者为牵头单位，下同"


def owners(x):
    titles = {t.id: t.title for t in x.tasks}
    out: dict[str, list[tuple[str, int, str]]] = {}
    for c in x.clauses:
        for a in c.assignments:
            out.setdefault(titles[a.task_id], []).append((a.role.value, a.rank, a.agency.surface))
    return out


def test_convention_makes_first_listed_lead_on_every_later_item():
    x = extract_text(CONVENTION_DOC, "hand-convention")
    assert [c.kind for c in x.conventions] == ["first_listed_leads"]
    conv = x.conventions[0].evidence
    assert conv.quote == CONVENTION and CONVENTION_DOC[conv.start:conv.end] == CONVENTION
    assert owners(x) == {
        "加强统筹协调": [("lead", 1, "发展改革委"), ("support", 1, "财政部")],
        "完善支持政策": [("lead", 1, "工业和信息化部"), ("support", 1, "科技部"), ("support", 2, "人民银行")],
        "强化督促落实": [("lead", 1, "国务院办公厅")],
    }
    for c in x.clauses:
        for a in c.assignments:
            # The edge keeps its own clause's evidence and the convention's, both exact spans.
            assert a.evidence.quote == CONVENTION_DOC[a.evidence.start:a.evidence.end]
            assert a.agency.surface in a.evidence.quote
            assert a.convention == conv


def test_without_a_declaration_a_bare_list_is_responsible_units():
    doc = CONVENTION_DOC.replace("。" + CONVENTION, "")
    x = extract_text(doc, "hand-no-convention")
    assert x.conventions == []
    assert owners(x)["加强统筹协调"] == [("responsible", 1, "发展改革委"), ("responsible", 2, "财政部")]
    assert all(a.convention is None for c in x.clauses for a in c.assignments)


def test_central_short_forms_resolve_to_central_bodies_in_a_state_council_document():
    x = extract_text(CONVENTION_DOC, "hand-convention")
    by_surface = {a.agency.surface: a.agency.agency_id for c in x.clauses for a in c.assignments}
    assert by_surface == {"发展改革委": "cn-fgw", "财政部": "cn-czb", "工业和信息化部": "cn-gxb",
                          "科技部": "cn-kjb", "人民银行": "cn-rmyh", "国务院办公厅": "cn-gwyb"}
    assert {a.jurisdiction for a in x.agencies} == {"中央"}


@pytest.mark.parametrize("phrase", [
    "列第一位者为牵头单位，下同", "排在第一位的为牵头单位", "列在首位的部门为牵头部门", "第一个单位为牵头单位",
    "排名第一的为牵头部门，下同", "第一个为牵头单位",
])
def test_convention_phrasings(phrase):
    text = f"（甲部、乙部负责。{phrase}）"
    found = find_conventions(text, "t")
    assert [c.kind for c in found] == ["first_listed_leads"] and found[0].evidence.quote.startswith(phrase[:4])


# HAND-WRITTEN: provincial and city documents with generic 省/市 prefixes.
def _doc(issuer: str, clause: str) -> str:
    return f"{issuer}关于示例工作的意见\n一、重点任务\n（一）推进示例工作。做好示例。{clause}\n"


def test_provincial_name_outside_the_registry_gets_jurisdiction_and_level():
    # 湖南省: a province the registry does not hold (广东省's departments are registry entries).
    x = extract_text(_doc("湖南省人民政府", "（省发展改革委、财政厅负责）"), "hand-hn")
    agencies = {a.name: a for a in x.agencies}
    assert set(agencies) == {"湖南省发展改革委", "湖南省财政厅"}
    for a in agencies.values():
        assert (a.resolved, a.jurisdiction, a.level) == (False, "湖南省", "provincial_department")


def test_shenzhen_and_guangzhou_city_bodies_never_merge():
    sz = extract_text(_doc("深圳市人民政府", "（市发展改革委负责）"), "hand-sz")
    gz = extract_text(_doc("广州市人民政府", "（市发展改革委负责）"), "hand-gz")
    assert [(a.id, a.jurisdiction) for a in sz.agencies] == [("sz-fgw", "深圳市")]
    assert [(a.id, a.resolved, a.jurisdiction, a.level) for a in gz.agencies] == [
        ("gz-fgw", True, "广州市", "municipal_department")]


def test_document_place():
    assert document_place("国务院", None, None, "").jurisdiction == "中央"
    assert document_place(None, None, "国办发〔2019〕6号", "").central
    assert document_place("上海市人民政府", None, None, "").level == "provincial"  # a municipality
    assert document_place("深圳市福田区人民政府", None, None, "").jurisdiction == "福田区"


@pytest.mark.parametrize("name,expected", [
    ("各省级人民政府", ("中央", "collective")),
    ("国务院有关部门", ("中央", "collective")),  # a class of bodies, not one
    ("国务院办公厅", ("中央", "state_council_office")),
    ("业务主管部门", ("四川省", "category")),  # a kind of body, in the document's own jurisdiction
    ("国家标准委", ("中央", "central_department")),
    ("省发展改革委", ("四川省", "provincial_department")),
    ("市财政局", ("成都市", "municipal_department")),
    ("县人民政府", ("县", "county_government")),
])
def test_classify(name, expected):
    central = DocPlace("中央", "central", {}, None)
    sichuan = DocPlace("四川省", "provincial", {"省": "四川省", "市": "成都市"}, "省")
    assert classify(name, central if name.startswith(("各", "国")) else sichuan) == expected


def test_central_lineage_2018_and_2023_reforms():
    reg = default_registry()
    assert [a.id for a in reg.successors("cn-gtb")] == ["cn-zrb"]  # 国土资源部 → 自然资源部
    assert [a.id for a in reg.successors("cn-nyb")] == ["cn-nyncb"]  # 农业部 → 农业农村部
    # 银监会 + 保监会 → 银保监会 (2018) → 国家金融监督管理总局 (2023)
    assert [a.id for a in reg.successors("cn-yjh")] == ["cn-ybjh", "cn-jrjgzj"]
    assert {a.id for a in reg.predecessors("cn-ybjh")} == {"cn-yjh", "cn-bjh"}
    for s in reg.successions:
        if s.from_.startswith("cn-"):
            assert s.source and s.year, s
    assert reg.resolve("人力资源社会保障部", "中央").id == "cn-rsb2"
    assert reg.resolve("住房城乡建设部", "中央").id == "cn-zjb"
    assert reg.resolve("银保监会", "中央").id == "cn-ybjh"


def test_document_defined_abbreviation_names_one_body():
    # HAND-WRITTEN: the registry holds neither form, so the full name is the body's name.
    doc = ("国务院办公厅关于示例工作的通知\n一、制定规划。由全国老龄工作委员会办公室（以下简称全国老龄办）牵头制定规划。\n"
           "二、推广应用。（全国老龄办负责）\n")
    x = extract_text(doc, "hand-abbrev")
    ids = {a.agency.surface: a.agency.agency_id for c in x.clauses for a in c.assignments}
    assert ids == {"全国老龄工作委员会办公室": "unresolved:全国老龄工作委员会办公室",
                   "全国老龄办": "unresolved:全国老龄工作委员会办公室"}
    assert [(a.jurisdiction, a.level) for a in x.agencies] == [("中央", "central_department")]


def test_implied_bodies_convention_adds_them_to_every_later_task():
    # HAND-WRITTEN: bodies declared once for every task, and a bracket that already names its lead.
    doc = ("国务院关于示例工作的意见\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
           "各项任务均需各省级人民政府负责落实，不再列出。\n"
           "一、重点任务\n（一）加强统筹。建立机制。（发展改革委、财政部负责。列第一位者为牵头单位，下同）\n"
           "（二）完善政策。（教育部牵头，商务部负责）\n")
    x = extract_text(doc, "hand-implied")
    assert sorted(c.kind for c in x.conventions) == ["first_listed_leads", "implied_bodies"]
    implied = next(c for c in x.conventions if c.kind == "implied_bodies").evidence
    assert doc[implied.start:implied.end] == implied.quote == "各项任务均需各省级人民政府负责落实，不再列出"
    assert owners(x) == {
        "加强统筹": [("lead", 1, "发展改革委"), ("support", 1, "财政部"), ("responsible", 1, "各省级人民政府")],
        # 商务部负责 follows 教育部牵头 in one bracket: a lead-and-others clause, so 商务部 supports
        # (tests/gold/dev/README.md, "A lead label beside another label"; [clauses] lead_others).
        "完善政策": [("lead", 1, "教育部"), ("support", 1, "商务部"), ("responsible", 1, "各省级人民政府")],
    }
    for c in x.clauses:
        for a in c.assignments:
            if a.agency.surface == "各省级人民政府":
                assert a.convention == implied and a.evidence.quote in doc


def test_responsible_with_supporters_in_one_bracket():
    # HAND-WRITTEN: A负责，B、C配合 — A responsible (no lead stated), B and C support.
    from test_clause_rules import read

    assert read("（国家卫生健康委负责，国家医保局、国家药监局配合）") == [
        ("clause.subject_responsible", [("responsible", ["国家卫生健康委"])]),
        ("clause.subject_support", [("support", ["国家医保局", "国家药监局"])]),
    ]


def test_graph_rows_carry_the_convention_and_the_unresolved_bodies_place():
    # What the loader writes: each LEADS/SUPPORTS edge row has the convention's quote and offsets
    # beside its own clause's; unresolved agency rows have jurisdiction and level.
    from policykg.graph.rows import document_rows

    rows = document_rows(extract_text(CONVENTION_DOC, "hand-convention"))
    edges = rows.assignments["lead"] + rows.assignments["support"]
    assert len(rows.assignments["lead"]) == 3 and len(rows.assignments["support"]) == 3
    start = CONVENTION_DOC.index(CONVENTION)
    for e in edges:
        p = e["props"]
        assert (p["convention_quote"], p["convention_start"], p["convention_end"]) == (
            CONVENTION, start, start + len(CONVENTION))
        assert CONVENTION_DOC[p["start"]:p["end"]] == p["quote"]
    hn = document_rows(extract_text(_doc("湖南省人民政府", "（省发展改革委负责）"), "hand-hn"))
    assert [(a["name"], a["jurisdiction"], a["level"]) for a in hn.agencies] == [
        ("湖南省发展改革委", "湖南省", "provincial_department")]


def test_a_clause_of_no_task_leaves_no_agency():
    # 国办发〔2019〕6号's closing paragraph: 财政部要会同发展改革委… is kept as a clause, but its
    # bodies become no agency of the document (no edge would hold them).
    from pathlib import Path

    from policykg.extract.pipeline import extract_document

    x = extract_document(Path(__file__).resolve().parent / "gold" / "dev" / "docs" / "gov-2019-guobanfa-6.txt")
    assert any(c.task_id is None and c.text.startswith("财政部要会同") for c in x.clauses)
    assert "cn-ybjh" not in {a.id for a in x.agencies}


def test_division_plan_items_under_headings_with_the_notice_naming_the_province():
    # HAND-WRITTEN: a 分工方案 (1. 2. items under 一、 headings) forwarded by a provincial notice
    # whose header has no issuer field: the notice's own first line names 广东省.
    doc = ("广东省人民政府办公厅关于印发示例工作分工方案的通知\n各地级以上市人民政府，省政府各部门、各直属机构：\n"
           "现将示例工作分工方案印发给你们，请认真组织实施。\n示例工作分工方案\n一、推进产业升级\n"
           "1.建立产业基金。（省财政厅牵头，省发展改革委、省工业和信息化厅参与）\n2.完善用地保障。（省自然资源厅负责）\n"
           "二、优化营商环境\n3.深化放管服改革。（省政务服务数据管理局、省市场监管局按职责分工负责）\n")
    x = extract_text(doc, "hand-fengong")
    titles = {t.id: t.title for t in x.tasks}
    got = [(titles[a.task_id], a.role.value, a.agency.agency_id.removeprefix("unresolved:"))
           for c in x.clauses for a in c.assignments]
    # Guangdong's departments are registry entries (gd-…).
    assert got == [("建立产业基金", "lead", "gd-czt"), ("建立产业基金", "support", "gd-fgw"),
                   ("建立产业基金", "support", "gd-gxt"), ("完善用地保障", "responsible", "gd-zrzyt"),
                   ("深化放管服改革", "responsible", "gd-zsj"),
                   ("深化放管服改革", "responsible", "gd-scjgj")]
    assert {(a.jurisdiction, a.level, a.resolved) for a in x.agencies} == {("广东省", "provincial_department", True)}


def test_a_district_document_resolves_its_citys_bodies():
    # HAND-WRITTEN: a 南山区 document names the district's own bureau (outside the registry) and
    # Shenzhen bodies the registry holds.
    x = extract_text("深圳市南山区人民政府关于示例工作的意见\n一、重点任务\n（一）推进示例。做好示例。"
                     "（区科技局、南山区政府、市发展改革委负责）\n", "hand-nanshan")
    assert [(a.id, a.jurisdiction, a.level) for a in x.agencies] == [
        ("sz-fgw", "深圳市", "municipal_department"), ("sz-q-nanshan", "深圳市", "district_government"),
        ("unresolved:南山区科技局", "南山区", "district_department")]
