"""The authoritative name lists (extract/entities/namelists.py, data/namelists.tsv.gz) and how the
gazetteer folds them in."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from policykg.extract.entities import namelists as nl
from policykg.extract.entities.finder import find_entities
from policykg.extract.entities.gazetteer import Entry, default_gazetteer, load_gazetteer, namelist_entries
from policykg.schema.entities import EntityKind

README = Path(nl.__file__).resolve().parent / "data" / "NAMELISTS.md"


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return nl.read()


@pytest.mark.parametrize("raw, clean", [
    ("万  科Ａ", "万科"), ("深振业A", "深振业"), ("寒武纪-U", "寒武纪"), ("九号公司-WD", "九号公司"),
    ("N泰鸿", "泰鸿"), ("TCL科技", "TCL科技"), ("*ST国华", None), ("ST张家界", None), ("科大讯飞", "科大讯飞"),
])
def test_clean_short_name(raw, clean):
    assert nl.clean_short_name(raw) == clean


def test_short_name_filter_reasons():
    # A hand-made lexicon, policy vocabulary and segmenter, so each rule is seen on its own.
    cuts = {"智慧农业": ["智慧", "农业"], "科大讯飞": ["科大", "讯飞"], "深圳能源": ["深圳", "能源"], "太阳能": ["太阳能"]}
    flt = nl.ShortNameFilter(
        lexicon=frozenset({"太阳能"}), policy_words=frozenset({"智慧", "农业", "科大"}),
        segment=lambda s: cuts.get(s, [s]), residue=lambda s: 0 if s == "深圳能源" else len(s))
    assert flt.reason("太阳能") == "word"
    assert flt.reason("智慧农业") == "prose"
    assert flt.reason("深圳能源") == "generic"
    assert flt.reason("科") == "short"
    assert flt.reason("科大讯飞") is None and nl.keep_short_name("科大讯飞", flt)


@pytest.mark.parametrize("name, aliases", [
    ("中国核工业集团有限公司", ["中国核工业集团"]),
    ("中国通用技术（集团）控股有限责任公司", ["中国通用技术（集团）控股"]),
    ("国家电网有限公司", []),  # 国家电网 is no group form: the registry may list it, the rule does not
    ("中国烟草总公司", []),
])
def test_soe_aliases(name, aliases):
    assert nl.soe_aliases(name) == aliases


def test_soe_rows_keep_companies_and_second_names():
    text = "|1|中国核工业集团有限公司|[链接↗](x)|\n|2|中国冶金地质总局|\n|3|南光（集团）有限公司[中国南光集团有限公司]|\n"
    got = {r["name"]: r["aliases"] for r in nl.soe_rows(text)}
    assert got == {"中国核工业集团有限公司": "中国核工业集团", "南光（集团）有限公司": "中国南光集团有限公司|南光（集团）|中国南光集团"}


def test_list_sizes_and_sources(rows):
    cats = {}
    for r in rows:
        cats[r["category"]] = cats.get(r["category"], 0) + 1
    assert cats["listed_company"] >= 4000
    assert cats["university"] >= 2500
    assert cats["central_soe"] >= 200
    # Every source's repository, path and commit is written down in data/NAMELISTS.md.
    readme = README.read_text(encoding="utf-8")
    for src in nl.SOURCES:
        assert re.search(rf"\|\s*{re.escape(src.repo)}\s*\|\s*{re.escape(src.path)}\s*\|\s*{src.commit}\s*\|", readme), src


def test_stored_short_names_are_no_ordinary_words(rows):
    listed = {r["name"] for r in rows if r["category"] == "listed_company"}
    # Stock short names that are words or policy phrases (dropped by R1-R3) ...
    for word in ("太阳能", "农产品", "机器人", "金融街", "中关村", "智慧农业", "深圳能源", "上海机场", "国际医学", "湖南发展"):
        assert word not in listed, word
    # ... and firm names that are not, kept.
    for firm in ("科大讯飞", "中芯国际", "海康威视", "立讯精密", "汇川技术", "恒瑞医药"):
        assert firm in listed, firm
    # No risk-warning truncation (工智 for *ST工智) and no trading mark survived.
    assert "工智" not in listed
    assert not any(n.endswith(("-U", "-W")) or n.startswith(("*ST", "ST")) for n in listed)


def test_registry_wins_a_name_both_know():
    registry = [Entry(label=EntityKind.company, name="宁德时代", aliases=(), category="battery", source="companies.toml")]
    rows = [{"label": "Company", "name": "宁德时代", "aliases": "", "category": "listed_company", "source": "a_share:1"},
            {"label": "Company", "name": "中国核工业集团有限公司", "aliases": "中国核工业集团|宁德时代",
             "category": "central_soe", "source": "central_soe"},
            {"label": "Institution", "name": "国务院办公厅", "aliases": "", "category": "university", "source": "x"}]
    got = namelist_entries(registry, ["国务院办公厅"], rows)
    assert [(e.name, e.aliases) for e in got] == [("中国核工业集团有限公司", ("中国核工业集团",))]
    assert got[0].source == "namelist:central_soe"


def test_gazetteer_finds_list_names():
    text = "支持汇川技术、恒瑞医药等企业与哈尔滨工业大学合作，中国核工业集团有限公司牵头。"
    got = {(m.label.value, m.surface, m.evidence.rule) for m in find_entities("t", text) if not m.inside}
    assert ("Company", "汇川技术", "gazetteer.namelist") in got
    assert ("Company", "恒瑞医药", "gazetteer.namelist") in got
    assert ("Company", "中国核工业集团有限公司", "gazetteer.namelist") in got
    assert any(label == "Institution" and s == "哈尔滨工业大学" for label, s, _ in got)


def test_short_list_names_match_only_as_words():
    # 铂力特 (a STAR-market short name, three characters) is strict: not inside 铂力特殊.
    assert [m.surface for m in find_entities("t", "支持铂力特、汇川技术等企业") if m.surface == "铂力特"] == ["铂力特"]
    assert not [m for m in find_entities("t", "研究铂力特殊材料") if m.surface == "铂力特"]


def test_text_defined_short_form_beats_the_list():
    # 京东方 is a stock short name; the text says which firm it stands for, so both merge.
    text = "支持京东方科技集团股份有限公司（以下简称京东方）建设实验室。京东方负责。"
    names = {m.canonical_name for m in find_entities("t", text) if m.label is EntityKind.company}
    assert names == {"京东方科技集团股份有限公司"}


def test_list_names_stay_out_of_the_segmenter_dictionary():
    terms = set(default_gazetteer().user_dict_terms())
    assert "汇川技术" not in terms and "哈尔滨工业大学" not in terms
    assert "科大讯飞" in terms  # a registry name still is


def test_eval_counts_list_names_as_gazetteer_names():
    from policykg.extract.entities.evaluate import in_gazetteer

    assert in_gazetteer({"汇川技术"}) and in_gazetteer({"哈尔滨工业大学"})
    assert not in_gazetteer({"不存在的某某公司"})


def test_without_lists_the_gazetteer_is_the_registries():
    plain = load_gazetteer(namelists=False)
    assert not any(e.source.startswith("namelist:") for e in plain.entries)
    assert len(default_gazetteer().entries) > len(plain.entries) + 7000


def test_cli_import_does_not_load_the_lists():
    code = "import sys; import policykg.cli; print('policykg.extract.entities.namelists' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
