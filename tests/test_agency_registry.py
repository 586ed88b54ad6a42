"""The curated agency registry: it loads, it covers the corpus, it resolves without guessing,
its lineage answers the questions the graph asks, and its validation names what is wrong."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policykg.extract.agencies.registry import (
    AgencyLevel,
    RegistryError,
    default_registry_path,
    load_registry,
    normalize_name,
)

REPO = Path(__file__).resolve().parent.parent
DOCS = sorted((REPO / "corpus" / "documents").glob("*.txt"))


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def _read(doc: Path) -> str:
    return doc.read_text(encoding="utf-8")


# ── corpus coverage ──────────────────────────────────────────────────────────────────────────

CLAUSE = re.compile(r"[（(]\s*(?:牵头单位|责任单位|配合单位)[：:][^）)]*[）)]")
LABEL = re.compile(r"^(?:牵头单位|责任单位|配合单位)[：:]")
# Items that carry their own prefix and so get no 市: a city/central/collective/district name.
# 市场… is a bare name (市场和质量监管委, 市场监管局), not a 市-prefixed one.
OWN_PREFIX = re.compile(r"^(?:市(?!场)|深圳|中国|国家|各)|区(?:人民)?政府$|管委会$")


def _clause_items(clause: str) -> list[str]:
    """The agency names in one responsibility clause, as written (surface forms)."""
    body = clause.strip("（）() ")
    items: list[str] = []
    for segment in re.split(r"[，,；;]", body):
        segment = LABEL.sub("", segment.strip())
        for item in segment.split("、"):
            item = re.sub(r"等$", "", item.strip())
            if item:
                items.append(item)
    return items


def _restore(item: str) -> str:
    """Test-local rule, independent of the extractor: a bare list item gets the omitted 市 back."""
    return item if OWN_PREFIX.search(item) else "市" + item


def _corpus_clause_names() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for doc in DOCS:
        for m in CLAUSE.finditer(_read(doc)):
            for item in _clause_items(m.group(0)):
                found.setdefault(item, set()).add(doc.name[:3])
    return found


def test_corpus_has_the_expected_clauses():
    counts = {doc.name[:3]: len(CLAUSE.findall(_read(doc))) for doc in DOCS}
    assert len(DOCS) == 5
    # 001 (2015) uses 牵头/配合 lists, 004 (2021) uses 责任单位 lists; the others have none.
    assert counts == {"000": 0, "001": 12, "002": 0, "003": 0, "004": 25}


def test_every_clause_agency_resolves(registry):
    names = _corpus_clause_names()
    assert len(names) > 40, sorted(names)
    # spot-check the test's own restoration rule
    assert _restore("经贸信息委") == "市经贸信息委"
    assert _restore("市场和质量监管委") == "市市场和质量监管委"
    assert _restore("深圳海关") == "深圳海关"
    assert _restore("罗湖区政府") == "罗湖区政府"
    assert _restore("各新区管委会") == "各新区管委会"
    failures = []
    for surface, docs in sorted(names.items()):
        for form in (surface, _restore(surface)):
            if registry.resolve(form) is None:
                failures.append(f"{form!r} (docs {sorted(docs)})")
    assert not failures, "unresolved clause agencies: " + ", ".join(failures)


def test_restored_forms_resolve_to_the_expected_entries(registry):
    expected = {
        "市经贸信息委": "sz-jmxxw",
        "市科技创新委": "sz-kjcxw",
        "市市场和质量监管委": "sz-scjgw",
        "市市场监管局": "sz-scjgj",
        "市前海管理局": "sz-qhglj",
        "市公安交警局": "sz-gajjj",
        "市人力资源保障局": "sz-rsj",
        "市工业和信息化局": "sz-gxj",
        "市政务服务数据管理局": "sz-zsj",
        "深圳出入境检验检疫局": "sz-zy-jyjyj",
        "中国人民银行深圳市中心支行": "sz-zy-rmyh",
        "深圳市税务局": "sz-zy-swj",
        "深圳市通信管理局": "sz-zy-txglj",
        "市人大常委会经济工委": "sz-rd-jjgw",
        "市委大湾区办": "sz-sw-dwqb",
        "深汕特别合作区管委会": "sz-xq-shenshan",
        "各行业主管部门": "col-ghyzgbm",
    }
    got = {n: (a.id if (a := registry.resolve(n)) else None) for n in expected}
    assert got == expected


RUNNING_TEXT = [
    # (document prefix, name as it stands in running text)
    ("000", "市发展改革委"),
    ("000", "各区人民政府"),
    ("001", "市政府办公厅"),
    ("002", "深圳市人民政府办公厅"),
    ("003", "市委办公厅"),
    ("003", "市人大常委会办公厅"),
    ("003", "市政协办公厅"),
    ("003", "市纪委办公厅"),
    ("004", "深圳市工业和信息化局"),
    ("004", "市统计局"),
]


@pytest.mark.parametrize("doc_prefix,name", RUNNING_TEXT)
def test_running_text_agencies_resolve(registry, doc_prefix, name):
    (doc,) = [d for d in DOCS if d.name.startswith(doc_prefix)]
    assert name in _read(doc), f"{name} not in {doc.name}: fix the test list"
    assert registry.resolve(name) is not None


# ── lineage ──────────────────────────────────────────────────────────────────────────────────


def test_jmxxw_successors_include_gxj_and_swj(registry):
    jmxxw = registry.resolve("市经贸信息委")
    assert jmxxw is not None
    successors = {a.name for a in registry.lineage(jmxxw.id).successors}
    assert {"深圳市工业和信息化局", "深圳市商务局"} <= successors


def test_kgmxw_splits_into_jmxxw_and_kjcxw(registry):
    kgmxw = registry.resolve("科技工贸和信息化委")
    assert kgmxw is not None and kgmxw.name == "深圳市科技工贸和信息化委员会"
    splits = [s for s in registry.successions if s.from_ == kgmxw.id and s.kind.value == "split"]
    assert {s.to for s in splits} == {registry.resolve("经贸信息委").id, registry.resolve("科技创新委").id}
    # The sources date the split to December 2011 (the project brief had 2015); the 2015 plan
    # (doc 001) already names both successors, so the split must come before it.
    assert {s.year for s in splits} == {2011}
    assert registry.resolve("经贸信息委") in registry.lineage(kgmxw.id).successors
    assert kgmxw in registry.lineage(registry.resolve("科技创新委").id).predecessors


def test_lineage_is_transitive(registry):
    mgj = registry.resolve("市贸工局")  # folded into 科工贸信委 in 2009
    assert mgj is not None
    later = {a.id for a in registry.lineage(mgj.id).successors}
    assert {"sz-kgmxw", "sz-jmxxw", "sz-kjcxw", "sz-gxj", "sz-swj"} <= later
    earlier = {a.id for a in registry.lineage("sz-gxj").predecessors}
    assert {"sz-jmxxw", "sz-kgmxw", "sz-mgj", "sz-kjxxj"} <= earlier
    assert "sz-kjcxw" not in earlier  # a sibling, not an ancestor


def test_2018_2019_reform_steps_are_recorded(registry):
    edges = {(s.from_, s.to) for s in registry.successions}
    pairs = [
        ("市卫生计生委", "市卫生健康委"),
        ("市规划国土委", "市规划和自然资源局"),
        ("市人居环境委", "市生态环境局"),
        ("市市场和质量监管委", "市市场监管局"),
        ("市金融办", "市地方金融监管局"),
        ("市文体旅游局", "市文化广电旅游体育局"),
        ("市交通运输委", "市交通运输局"),
        ("市应急办", "市应急管理局"),
        ("深圳银监局", "深圳银保监局"),
        ("深圳保监局", "深圳银保监局"),
        ("深圳出入境检验检疫局", "深圳海关"),
        ("深圳市国税局", "深圳市税务局"),
        ("深圳市地税局", "深圳市税务局"),
    ]
    missing = [(a, b) for a, b in pairs
               if (registry.resolve(a).id, registry.resolve(b).id) not in edges]
    assert not missing


def test_lineage_of_unknown_id_raises(registry):
    with pytest.raises(KeyError, match="sz-nope"):
        registry.lineage("sz-nope")


# ── resolution never guesses ─────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("name", ["市未知局", "市场", "市", "局", "委", "政府", "深圳", "", "   ", "等",
                                  "市委市政府", "市科技局", "委宣传部", "场监管局"])
def test_unknown_names_return_none(registry, name):
    assert registry.resolve(name) is None


def test_central_short_forms_resolve_to_central_bodies(registry):
    # 工信部 was unknown while the registry held Shenzhen only; it names the central ministry.
    assert registry.resolve("工信部").id == "cn-gxb"
    # In a State Council document a bare 发展改革委 is the national commission, in a Shenzhen
    # plan (no jurisdiction given: the registry's historical reading) the municipal one.
    assert registry.resolve("发展改革委", "中央").id == "cn-fgw"
    assert registry.resolve("发展改革委").id == "sz-fgw"
    # Guangzhou's commission is its own entry, never Shenzhen's.
    assert registry.resolve("广州市发展改革委", "广州市").id == "gz-fgw"
    assert registry.resolve("市发展改革委", "广州市").id == "gz-fgw"


@pytest.mark.parametrize("name", ["北京市发展和改革委员会", "罗湖区工业和信息化局", "东莞市市场监督管理局"])
def test_other_city_or_level_prefix_does_not_resolve(registry, name):
    assert registry.resolve(name) is None


@pytest.mark.parametrize("name,expected", [("广州市工业和信息化局", "gz-gxj"), ("广州市商务局", "gz-shangwj"),
                                           ("广东省工业和信息化厅", "gd-gxt")])
def test_a_name_carrying_its_place_reaches_that_place_only(registry, name, expected):
    # Read in a Shenzhen plan (no jurisdiction given), 广州市… still names Guangzhou's body: the
    # place in the name decides, and a Shenzhen entry is never the answer.
    got = registry.resolve(name)
    assert got is not None and got.id == expected and got.jurisdiction != "深圳市"


def test_shenzhen_prefix_variants_resolve(registry):
    gxj = registry.get("sz-gxj")
    for form in ["深圳市工业和信息化局", "市工业和信息化局", "工业和信息化局", "深圳工业和信息化局"]:
        assert registry.resolve(form) == gxj, form


def test_normalisation(registry):
    assert normalize_name("　市经贸信息委 ") == "市经贸信息委"
    assert normalize_name("各新区管委会等") == "各新区管委会"
    assert normalize_name("市经贸信息委、") == "市经贸信息委"
    jmxxw = registry.get("sz-jmxxw")
    assert registry.resolve("市 经贸信息委等") == jmxxw
    assert registry.resolve("深圳市经贸信息委，") == jmxxw
    # a naive restoration that prefixes 市 to a name that already carries its own prefix
    assert registry.resolve("市深圳海关") == registry.get("sz-zy-hg")


def test_ambiguity_returns_none(tmp_path):
    p = tmp_path / "amb.toml"
    p.write_text(
        '[[agency]]\nid = "a-one"\nname = "深圳市甲局"\nshort = "深圳市甲局"\nlevel = "municipal_department"\nsource = "test"\n'
        '[[agency]]\nid = "a-two"\nname = "甲局"\nshort = "甲局"\nlevel = "municipal_department"\nsource = "test"\n',
        encoding="utf-8",
    )
    reg = load_registry(p)
    assert reg.resolve("深圳市甲局").id == "a-one"  # exact hits win
    assert reg.resolve("甲局").id == "a-two"
    assert reg.resolve("市甲局") is None  # 市甲局 could be either: no guess


def test_collectives_are_flagged(registry):
    for name in ["各区政府", "各新区管委会", "各行业主管部门"]:
        a = registry.resolve(name)
        assert a is not None and a.collective and a.level is AgencyLevel.collective
    assert not registry.resolve("市经贸信息委").collective


# ── the data itself ──────────────────────────────────────────────────────────────────────────


def test_shipped_registry_shape(registry):
    assert default_registry_path().is_file()
    assert len(registry.agencies) >= 80
    assert len(registry.successions) >= 30
    for a in registry.agencies:
        assert a.source.strip(), a.id
        if a.unverified:
            assert a.note, f"{a.id} is unverified but says nothing about what"
        if a.level is AgencyLevel.central_unit:
            assert a.id.startswith(("sz-zy-", "gd-zy-", "gz-zy-", "sh-zy-", "ah-zy-", "sd-zy-", "jn-zy-", "qd-zy-", "jx-zy-")), a.id
        if a.level is AgencyLevel.collective:
            assert a.id.startswith("col-"), a.id
    for s in registry.successions:
        if s.unverified:
            assert s.note, f"succession {s.from_} → {s.to} is unverified but has no note"


# ── validation names the file and the entry ──────────────────────────────────────────────────

BASE = (
    '[[agency]]\nid = "sz-a"\nname = "深圳市甲局"\nshort = "市甲局"\naliases = ["甲局"]\n'
    'level = "municipal_department"\nsource = "test"\n'
    '[[agency]]\nid = "sz-b"\nname = "深圳市乙局"\nshort = "市乙局"\naliases = ["乙局"]\n'
    'level = "municipal_department"\nsource = "test"\n'
)


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "agencies.toml"
    p.write_text(text, encoding="utf-8")
    return p


def test_valid_temp_registry_loads(tmp_path):
    reg = load_registry(_write(tmp_path, BASE + '[[succession]]\nfrom = "sz-a"\nto = "sz-b"\nyear = 2019\nkind = "rename"\nsource = "t"\n'))
    assert [a.id for a in reg.lineage("sz-a").successors] == ["sz-b"]


def test_validation_catches_duplicate_alias(tmp_path):
    text = BASE.replace('aliases = ["乙局"]', 'aliases = ["乙局", "甲局"]')
    p = _write(tmp_path, text)
    with pytest.raises(RegistryError) as exc:
        load_registry(p)
    msg = str(exc.value)
    assert str(p) in msg and "'sz-b'" in msg and "'sz-a'" in msg and "甲局" in msg


def test_validation_catches_duplicate_alias_after_normalisation(tmp_path):
    text = BASE.replace('aliases = ["乙局"]', 'aliases = ["乙局", " 甲局　"]')
    with pytest.raises(RegistryError, match="duplicates"):
        load_registry(_write(tmp_path, text))


def test_validation_catches_duplicate_id(tmp_path):
    text = BASE.replace('id = "sz-b"', 'id = "sz-a"')
    with pytest.raises(RegistryError, match=r"#2 \(id='sz-a'.*duplicate id"):
        load_registry(_write(tmp_path, text))


def test_validation_catches_dangling_succession(tmp_path):
    p = _write(tmp_path, BASE + '[[succession]]\nfrom = "sz-a"\nto = "sz-gone"\nyear = 2019\nkind = "rename"\nsource = "t"\n')
    with pytest.raises(RegistryError) as exc:
        load_registry(p)
    assert str(p) in str(exc.value) and "sz-gone" in str(exc.value)


def test_validation_catches_bad_level_and_kind(tmp_path):
    p = _write(tmp_path, BASE.replace('level = "municipal_department"', 'level = "ministry"', 1))
    with pytest.raises(RegistryError) as exc:
        load_registry(p)
    assert str(p) in str(exc.value) and "sz-a" in str(exc.value) and "ministry" in str(exc.value)
    p = _write(tmp_path, BASE + '[[succession]]\nfrom = "sz-a"\nto = "sz-b"\nkind = "absorb"\nsource = "t"\n')
    with pytest.raises(RegistryError, match="absorb"):
        load_registry(p)


def test_validation_catches_inverted_dates_and_bad_toml(tmp_path):
    p = _write(tmp_path, BASE.replace('source = "test"', 'valid_from = 2019\nvalid_to = 2009\nsource = "test"', 1))
    with pytest.raises(RegistryError, match="valid_from 2019 is after valid_to 2009"):
        load_registry(p)
    with pytest.raises(RegistryError, match="not valid TOML"):
        load_registry(_write(tmp_path, "[[agency]\n"))
