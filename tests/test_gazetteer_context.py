"""Context-only list names (issue 11 follow-up) and names ending in 和.

Stock short names the filter drops (namelists.ShortNameFilter: a lexicon word such as 五粮液, a
phrase of policy words such as 线上线下, a generic name) are kept as context-only names: never
matched on their own, taken only where a list rule types the item as a firm, with the evidence
rule gazetteer.namelist.context. Sentences marked HAND-WRITTEN are made up for the test, in the
plans' style; the others are cut down (text as written) from the unlabelled policy paragraphs
(extract/entities/data/paragraphs*.jsonl.gz: paragraphs_more holds the 政府工作报告 of
aldohemsn/chinese-political-corpora, see extract/entities/data/README.md) or a dev text.
"""

from __future__ import annotations

import pytest

from policykg.extract.entities import namelists
from policykg.extract.entities.finder import find_entities
from policykg.extract.entities.gazetteer import default_gazetteer
from policykg.extract.entities.rules import NAMELIST_CONTEXT_RULE


def found(text: str) -> dict[str, tuple[str, str]]:
    return {m.surface: (m.label.value, m.evidence.rule) for m in find_entities("t", text)}


def test_dropped_short_names_are_context_rows():
    rows = namelists.read()
    context = {r["name"] for r in rows if r["category"] == namelists.CONTEXT_CATEGORY}
    kept = {r["name"] for r in rows if r["category"] != namelists.CONTEXT_CATEGORY}
    # Famous brands pkuseg knows as one word, and phrases the policy corpus uses, are dropped
    # as names of their own but kept for context.
    assert {"五粮液", "金山办公", "机器人", "线上线下", "同仁堂"} <= context
    assert not context & kept  # a name is either kept or context-only, never both
    assert all(r["source"].startswith("a_share:") for r in rows if r["name"] in context)


def test_context_names_are_not_indexed():
    gaz = default_gazetteer()
    assert "五粮液" in gaz.context_names and "线上线下" in gaz.context_names
    assert "五粮液" not in gaz.index and "线上线下" not in gaz.index
    # A name a registry holds stays the registry's (比亚迪, 中国移动, 招商银行 are in companies.toml).
    assert "比亚迪" not in gaz.context_names and "比亚迪" in gaz.index


@pytest.mark.parametrize("text", [
    "五粮液是名酒",  # HAND-WRITTEN: no firm context
    "推进线上线下融合。坚持线上线下各渠道服务界面统一",  # paragraphs.jsonl.gz: a phrase of prose
    "推动机器人、人工智能、数控加工、增材制造等智能制造",  # dev sh-2016-lingang-shuangte: a sector
])
def test_context_names_do_not_match_on_their_own(text):
    assert not any(rule == NAMELIST_CONTEXT_RULE for _, rule in found(text).values()), found(text)
    assert "线上线下" not in found(text) and "机器人" not in found(text)


def test_a_typed_list_takes_context_names():
    # HAND-WRITTEN
    assert found("支持五粮液、金山办公等企业开展数字化转型") == {
        "五粮液": ("Company", NAMELIST_CONTEXT_RULE), "金山办公": ("Company", NAMELIST_CONTEXT_RULE)}
    # HAND-WRITTEN: the 以…为代表的 list
    assert found("培育以同仁堂为代表的中医药企业")["同仁堂"] == ("Company", NAMELIST_CONTEXT_RULE)


def test_a_list_of_sectors_takes_none():
    # HAND-WRITTEN: 太阳能 is a sector, so the list is of sectors and 机器人 is no firm either.
    assert found("发展机器人、太阳能等企业") == {}
    # HAND-WRITTEN: no known firm in the list, so its items must read as names: 新产业 does not.
    assert "新产业" not in found("推动农产品、新产业等企业发展")


def test_a_known_firms_list_sibling_takes_a_context_name():
    # HAND-WRITTEN
    assert found("推动华为、金山办公与高校合作")["金山办公"] == ("Company", NAMELIST_CONTEXT_RULE)
    # HAND-WRITTEN: 中国建筑 (a place and a sector) reads as no name, yet beside a known firm or
    # as a firm's partner the list says it is the listed firm; in a list of such names alone not.
    assert found("推动华为、中国建筑与高校合作")["中国建筑"] == ("Company", NAMELIST_CONTEXT_RULE)
    assert found("鼓励企业与中国建筑开展合作")["中国建筑"] == ("Company", NAMELIST_CONTEXT_RULE)
    assert found("支持中国建筑、中国软件等企业") == {}


def test_a_partner_takes_a_context_name():
    # HAND-WRITTEN
    assert found("鼓励本地企业与金山办公开展战略合作")["金山办公"] == ("Company", NAMELIST_CONTEXT_RULE)
    assert found("引进新希望落户园区")["新希望"] == ("Company", NAMELIST_CONTEXT_RULE)
    # HAND-WRITTEN: the partner rule wants firms in the sentence; without them, nothing.
    assert "新希望" not in found("与新希望合作")


def test_a_context_name_keeps_its_list_entry():
    m = next(m for m in find_entities("t", "支持中国石化、五粮液等企业开展应用创新") if m.surface == "五粮液")  # HAND-WRITTEN
    assert m.canonical_name == "五粮液" and m.in_gazetteer and m.category == namelists.CONTEXT_CATEGORY


def test_a_name_may_end_in_he():
    # HAND-WRITTEN: 协和 ends the name; 和 is no conjunction there.
    assert found("依托北京协和医院开展临床研究")["北京协和医院"] == ("Institution", "pattern.institution.hospital")
    assert "北京协和医院" in found("北京协和医院、四川大学华西医院等")  # HAND-WRITTEN


@pytest.mark.parametrize("text", [
    "推动企业和医院合作",  # HAND-WRITTEN: a kind noun before 和
    "支持华为和公司合作",  # HAND-WRITTEN: a known firm before 和
    "深圳市和学院",  # HAND-WRITTEN: a place alone before 和
    "工资、奖金和集团消费等开支增加过多",  # paragraphs_more.jsonl.gz
    "居民购买力和集团购买力增加的幅度",  # paragraphs_more.jsonl.gz
    "加强高水平学科和大学建设",  # paragraphs_more.jsonl.gz
])
def test_he_as_a_conjunction_still_ends_the_name(text):
    names = found(text)
    assert not any(s.endswith(("和医院", "和公司", "和学院", "和集团", "和大学")) for s in names), names


def test_a_context_name_ending_in_a_company_form_matches_on_its_own():
    # dev sh-2023-jiaotong-guangfu (a 分工表 cell joined to the line before by the compact view):
    # the pattern suffix rule read '可行性\n\n上港集团'; the list's name is the firm.
    text = "探索光伏与岸电结合的可行性\n\n上港集团、市交通委、市水务局、各区政府"
    assert found(text).get("上港集团") == ("Company", "gazetteer.namelist")
    assert not any("可行性" in s for s in found(text))
    # HAND-WRITTEN: not where the company form goes on as a longer word.
    assert found("实行统一股份制改革") == {}
    assert found("江苏银行业金融机构") == {}
    assert found("支持江苏银行、宝钢股份发展") == {
        "江苏银行": ("Company", "gazetteer.namelist"), "宝钢股份": ("Company", "gazetteer.namelist")}


def test_a_share_rows_keep_dropped_names_for_context():
    # A hand-made filter (as in test_gazetteer_namelists) and a cut-down stock_basic.csv: the
    # names the filter drops as a word or prose come back as context-only rows; a risk-warning
    # truncation and a one-character name do not.
    cuts = {"智慧农业": ["智慧", "农业"]}
    flt = namelists.ShortNameFilter(
        lexicon=frozenset({"五粮液"}), policy_words=frozenset({"智慧", "农业"}),
        segment=lambda s: cuts.get(s, [s]), residue=len)
    csv_text = ("ts_code,name,act_name,act_ent_type\n000858.SZ,五粮液,,\n002089.SZ,智慧农业,,\n"
                "002230.SZ,科大讯飞,,\n600001.SH,*ST国华,,\n600002.SH,N泰,,\n")
    firms, _, dropped = namelists.a_share_rows(csv_text, flt)
    got = {r["name"]: r["category"] for r in firms}
    assert got == {"科大讯飞": "listed_company", "五粮液": namelists.CONTEXT_CATEGORY,
                   "智慧农业": namelists.CONTEXT_CATEGORY}
    assert dropped == {"word": 1, "prose": 1, "risk_warning": 1, "short": 1}
