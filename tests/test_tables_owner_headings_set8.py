"""An 应急预案's 组织体系 headed by kinds of organ (2.1　　领导机构 / 2.2　　办事机构 / 2.4　　应急处置指挥机构 /
2.5　　工作机构 / 2.6　　专家机构): each names the kind of body the text below it then names (区政府是…
行政领导机关), no body itself, so the chapter is no owner-heading chapter and 领导机构 is no owner.

Real text: sh-chongming-2023-ranqi-yuan of the development set; the owner headings kept are from
sh-songjiang-2026-qingshui ((四)城管执法部门) and sh-putuo-2025-haimian ((八)各建设单位). Expected values
were read off the documents by hand, not taken from the tool's output."""

from __future__ import annotations

from pathlib import Path

from policykg.extract.pipeline import extract_text
from policykg.extract.tables.owner_headings import _kind_of_body

DOC = Path(__file__).resolve().parent / "gold" / "dev" / "docs" / "sh-chongming-2023-ranqi-yuan.txt"


def test_a_kind_of_organ_is_no_owner_heading_but_bodies_are():
    assert _kind_of_body("领导机构") and _kind_of_body("应急处置指挥机构")
    # a body with its own place, a department named by function and a collective stay owners
    assert not _kind_of_body("区建管委")
    assert not _kind_of_body("城管执法部门")
    assert not _kind_of_body("各建设单位")


def test_the_organisation_chapter_of_a_district_plan_names_no_organ_kind_as_owner():
    result = extract_text(DOC.read_text(encoding="utf-8"), doc_id="sh-chongming-2023-ranqi-yuan")
    surfaces = {a.agency.surface for c in result.clauses for a in c.assignments}
    assert not surfaces & {"领导机构", "办事机构", "应急处置指挥机构", "工作机构", "专家机构"}
    # The prose below the headings is read instead: 区建设管理委负责组建处置燃气事故专家库 (2.6).
    assert any(a.agency.surface == "区建设管理委" and "专家库" in a.evidence.quote
               for c in result.clauses for a in c.assignments)
