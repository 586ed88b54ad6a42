"""Clause forms of the seventh held-out set's documents with normal lines (issue 12): a city 规章
copied from a PDF (hard line wraps inside words and names), a municipal 意见 of duty sentences.

Every quote is the development documents' own text (tests/gold/dev/docs, checked below), at most
cut down to its clause; the expected owners are written by hand from the gold annotation of that
sentence (tests/gold/dev/*.json), never computed by the code under test.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from policykg.extract.clauses.finder import find_clauses
from policykg.extract.structure.wraps import joined, wrap_breaks

DEV = Path(__file__).resolve().parent / "gold" / "dev" / "docs"
GZ = "gz-2011-dixia-kongjian"


@lru_cache(maxsize=None)
def dev_text(doc_id: str) -> str:
    return (DEV / f"{doc_id}.txt").read_text(encoding="utf-8")


def read(text: str, prefix: str | None = None):
    return [(f.rule, [(r.value, [i.surface for i in items]) for r, items in f.roles])
            for f in find_clauses(text, default_prefix=prefix)]


def names(text: str, prefix: str | None = None):
    return [[(r.value, [i.name for i in items]) for r, items in f.roles] for f in find_clauses(text, default_prefix=prefix)]


@pytest.mark.parametrize("doc_id,quote,expected", [
    # A、B、C主管部门分别负责: 分别 hands each sector its part; the sectors share the last 主管部门.
    (GZ, "市城乡规划、城乡建设、国土主管部门分别负责地下空间开发利用的规划管理、建设工程管理、用地和产权管理。",
     [("clause.subject_responsible", [("responsible", ["市城乡规划", "城乡建设", "国土主管部门"])])]),
    # 按照各自的职能分工，(with 的) after a modal is the duty-division form.
    (GZ, "市人民政府其他相关主管部门及各区人民政府应当按照各自的职能分工，在其职责范围内做好地下空间开发利用管理的相应工作。",
     [("clause.duty_division_comma", [("responsible", ["市人民政府其他相关主管部门", "各区人民政府"])])]),
    # 履行…职责 is 承担…职责.
    ("sh-shiwei-ziran-zaihai", "各涉灾部门和行业主管部门履行自然灾害防治相关职责，",
     [("clause.bears_duty", [("responsible", ["各涉灾部门", "行业主管部门"])])]),
    # 承担…主体责任; 和 splits the party committee from the government.
    ("sh-shiwei-ziran-zaihai", "各区党委和政府承担本地区自然灾害防治的主体责任，",
     [("clause.bears_duty", [("responsible", ["各区党委", "政府"])])]),
    # 按灾种 between the body and 承担 is the share it takes, not part of its name.
    ("sh-shiwei-ziran-zaihai", "市各灾种专项指挥部按灾种承担救灾组织指挥职能，",
     [("clause.bears_duty", [("responsible", ["市各灾种专项指挥部"])])]),
    # 按照各自职责 + the work: responsible; the bare 单位 after a collective is one of the list.
    ("sh-shiwei-ziran-zaihai", "其他有关部门、单位按照各自职责切实加大支持保障力度。",
     [("clause.by_own_duty", [("responsible", ["其他有关部门", "单位"])])]),
    ("sh-shiwei-ziran-zaihai", "市其他有关部门、单位根据职能做好相关工作。",
     [("clause.by_own_duty", [("responsible", ["市其他有关部门", "单位"])])]),
    # 协同支持 is support; 有关部门和单位 are two collectives.
    ("sh-shiwei-ziran-zaihai", "市相关灾种专项指挥部、有关部门和单位协同支持，",
     [("clause.subject_support", [("support", ["市相关灾种专项指挥部", "有关部门", "单位"])])]),
    # 各司其职、各负其责 after a comma part opened by the bodies with a verb of their own.
    ("sh-shiwei-ziran-zaihai", "各涉灾部门和有关部门、单位强化自然灾害防治工作责任落实，各司其职、各负其责，",
     [("clause.each_own_duty", [("responsible", ["各涉灾部门", "有关部门", "单位"])])]),
    # 由 + a qualifier picking out which units + a bare 单位: the qualified units own the work.
    (GZ, "地下工程的勘察、设计、施工、监理、工程质量检测、测绘等任务应当由具备相应资质等级的单位承担。",
     [("clause.you_body", [("responsible", ["具备相应资质等级的单位"])])]),
    # An owner heading with no 负责 (the name alone before the item's first 。), then 配合B: B leads, the
    # heading body supports; 日常工作 after B is no part of its name.
    ("mohurd-2020-chengshi-tijian", "（四）中国城市规划协会。配合住房和城乡建设部城市体检专家指导委员会日常工作。",
     [("clause.item_partner", [("lead", ["住房和城乡建设部城市体检专家指导委员会"]), ("support", ["中国城市规划协会"])])]),
])
def test_set7_clause_forms(doc_id, quote, expected):
    # The PDF text's quotes are read without its wraps (分别负\n责), as find_clauses reads them.
    text = dev_text(doc_id)
    assert quote.rstrip("，。") in joined(text, wrap_breaks(text)).text
    assert read(quote) == expected


def test_bare_generic_takes_the_collectives_head():
    # 单位 after 其他有关部门 is 其他有关单位 (the gold's restored name), with the 市 the first item has.
    assert names("市其他有关部门、单位根据职能做好相关工作。") == [[("responsible", ["市其他有关部门", "市其他有关单位"])]]
    # After 和 the collective's own head counts (各涉灾部门和有关部门、单位 → 有关单位).
    assert names("各涉灾部门和有关部门、单位强化自然灾害防治工作责任落实，各司其职、各负其责，") == [
        [("responsible", ["各涉灾部门", "有关部门", "有关单位"])]]
    assert names("市相关灾种专项指挥部、有关部门和单位协同支持，") == [
        [("support", ["市相关灾种专项指挥部", "有关部门", "有关单位"])]]


def test_sector_words_without_a_distributive_word_stay_out():
    # gov-2019-guobanfa-2: 医保、医疗、医药主管部门要各司其职 opens an item and is not annotated; only
    # 分别负责 (or a lead clause) makes sector words share the last item's head.
    text = dev_text("gov-2019-guobanfa-2")
    quote = "医保、医疗、医药主管部门要各司其职"
    assert quote in text
    assert read(quote + "。") == []


def test_clause_across_a_pdf_wrap_keeps_document_offsets():
    gz = dev_text(GZ)
    found = [f for f in find_clauses(gz, default_prefix="市") if f.rule == "clause.subject_responsible"
             and any(it.surface == "城乡建设" for _, items in f.roles for it in items)]
    assert len(found) == 1
    f = found[0]
    # The clause runs across the wrap of 分别负\n责; its offsets index the document itself.
    assert gz[f.start:f.start + len("市城乡规划、城乡建设")] == "市城乡规划、城乡建设"
    assert "分别负\n责" in gz[f.start:f.end]
    for _, items in f.roles:
        for it in items:
            assert gz[it.start:it.end] == it.surface
    # A name cut by a wrap keeps the break in its surface (as written) and none in its name.
    cut = [it for g in find_clauses(gz, default_prefix="市") for _, items in g.roles for it in items
           if "\n" in it.surface]
    assert cut and all("\n" not in it.name and it.name.endswith(it.surface.replace("\n", "")) for it in cut)


@pytest.mark.parametrize("doc_id,quote", [
    # A要(认真)履行…职责 / A应当履行前款…职责: a requirement on a modal subject, left out by the gold.
    ("gov-2018-guobanfa-115", "审核机构要认真履行审核职责。"),
    ("sh-xuhui-2020-xiaofang-zerenzhi", "街道办事处应当履行前款第（一）（二）（三）（五）（六）（七）（八）项职责。"),
])
def test_duty_after_a_modal_is_no_clause(doc_id, quote):
    assert quote.rstrip("。") in dev_text(doc_id)
    assert read(quote) == []
