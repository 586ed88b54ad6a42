"""Which bare list items take the document's restored place prefix (issue 12, wrong spans): only
a department name of the form that omits its 市/区 (发展改革委, 交通委), never a firm, a relative
owner, a name that already carries its place, nor a body of a national document.

The lists below are cut from the real dev documents named beside each (tests/gold/dev/docs); the
expected names are read off the text by hand.
"""

from __future__ import annotations

import pytest

from policykg.extract.agencies.jurisdiction import issuer_prefix
from policykg.extract.clauses.agency_list import split_agency_list


def _names(text: str, prefix: str | None = "市") -> list[tuple[str, bool]]:
    return [(it.name, it.prefix_restored) for it in split_agency_list(text, 0, prefix)]


@pytest.mark.parametrize("text,expected", [
    # sh-2023-jiaotong-guangfu （责任单位：上港集团、市交通委、市水务局…): a firm keeps its name.
    ("上港集团、市交通委、市水务局", [("上港集团", False), ("市交通委", False), ("市水务局", False)]),
    # sh-2023-jiaotong-guangfu: the civil aviation's East China bureau names its region itself.
    ("市水务局、民航华东管理局、市规划资源局",
     [("市水务局", False), ("民航华东管理局", False), ("市规划资源局", False)]),
    # sh-2023-gang-andian （牵头部门：市交通委执法总队、上海海事局…): 上海 is its place already.
    ("市交通委执法总队、上海海事局", [("市交通委执法总队", False), ("上海海事局", False)]),
    # sh-2021-guijiao-sanlian 由主管部门、属地政府、上级单位: relative owners, no body of the city.
    ("主管部门、属地政府、上级单位", [("主管部门", False), ("属地政府", False), ("上级单位", False)]),
    # sh-fengxian-2022-binan 其上级主管部门负责指导: 其 points back at the 所在单位 (district plan).
    ("其上级主管部门", [("其上级主管部门", False)]),
    # sh-2023-gang-andian 应由船舶检验机构检验合格: an inspection body of any place.
    ("船舶检验机构", [("船舶检验机构", False)]),
])
def test_names_of_a_form_that_carries_no_prefix_get_none(text, expected):
    assert _names(text) == expected


def test_a_bare_department_name_still_takes_the_prefix_in_force():
    # sh-2023-jiaotong-guangfu writes 市交通委、市水务局 in full; the bare forms are a list's short
    # form (市发展改革委、经贸信息委 → 市经贸信息委), which must keep working beside a firm.
    assert _names("市交通委、水务局、上港集团") == [("市交通委", False), ("市水务局", True), ("上港集团", False)]
    assert _names("发展改革委、财政局", "区") == [("区发展改革委", True), ("区财政局", True)]


def test_a_national_document_restores_no_prefix():
    # gov-2019-guobanfa-2 (国办发〔2019〕2号, no issuer line read): its 监督组、专家组 are the national
    # programme's working bodies, not a 市's.
    assert issuer_prefix(None, doc_number="国办发〔2019〕2号") is None
    assert issuer_prefix("国务院办公厅") is None
    assert _names("监督组", issuer_prefix(None, doc_number="国办发〔2019〕2号")) == [("监督组", False)]
    # A city's or district's plan keeps its own level.
    assert issuer_prefix("上海市人民政府") == "市"
    assert issuer_prefix("上海市奉贤区人民政府") == "区"


# ── 各街镇 of a district's plan; bracketed co-names ──────────────────────────────────────────

def test_a_districts_towns_are_the_districts():
    from policykg.extract.clauses.agency_list import qualify

    # sh-jiading-2024-haimian / sh-qingpu-2024-xiaofang / sh-songjiang-2026-qingshui write 各街镇,
    # sh-baoshan-2019-laji 各街镇（园区）: the district's towns, not the city's.
    places = {"市": "上海市", "区": "嘉定区"}
    assert qualify("各街镇", places) == "嘉定区各街镇"
    assert qualify("各街镇（园区）", {"市": "上海市", "区": "宝山区"}) == "宝山区各街镇（园区）"
    # 各区政府 stays the city's (its districts).
    assert qualify("各区政府", places) == "上海市各区政府"


@pytest.mark.parametrize("place,mention,expected", [
    # sh-baoshan-2019-laji: 区委宣传部（区文明办、区政府新闻办、区委网信办） is the propaganda
    # department with its other nameplates; 区委组织部（区公务员局） likewise.
    ("宝山区", "区委宣传部（区文明办、区政府新闻办、区委网信办）", "sh-bs-qw-xcb"),
    ("宝山区", "区委组织部（区公务员局）", "sh-bs-qw-zzb"),
    # sh-fengxian-2022-binan 经委(商务委): the 经济委员会 and its second nameplate.
    ("奉贤区", "经委(商务委)", "sh-fx-jw"),
    # sh-songjiang-2026-qingshui 区公安分局（交管）: the bracket names the part (traffic police).
    ("松江区", "区公安分局（交管）", "sh-sj-gafj"),
])
def test_a_bracketed_co_name_resolves_on_the_name_before_it(place, mention, expected):
    from policykg.extract.agencies.jurisdiction import DocPlace
    from policykg.extract.agencies.resolve import resolve_agency

    doc = DocPlace(place, "district", {"市": "上海市", "区": place}, "区")
    name = mention if mention.startswith("区") else "区" + mention
    assert resolve_agency(name, False, doc).id == expected


def test_a_bracketed_note_of_an_unknown_body_stays_unresolved_whole():
    from policykg.extract.agencies.jurisdiction import DocPlace
    from policykg.extract.agencies.resolve import resolve_agency

    # sh-fengxian-2022-binan 区政府相关部门(单位): no body before the bracket resolves, the name stays.
    doc = DocPlace("奉贤区", "district", {"市": "上海市", "区": "奉贤区"}, "区")
    a = resolve_agency("区政府相关部门(单位)", True, doc)
    assert (a.resolved, a.name) == (False, "奉贤区政府相关部门(单位)")


def test_internal_units_share_the_first_items_parent():
    # sh-2023-gang-andian （…部门：市交通委科技信息处、港务监管处、综合规划处、交通建设处）: the 处 are
    # the 交通委's, never a city's 市港务监管处.
    assert _names("市交通委科技信息处、港务监管处、综合规划处、交通建设处") == [
        ("市交通委科技信息处", False), ("市交通委港务监管处", True), ("市交通委综合规划处", True),
        ("市交通委交通建设处", True)]
    # After a department itself (no unit named with it) a bare 处 keeps the list's prefix.
    assert _names("市交通委、港务监管处") == [("市交通委", False), ("市港务监管处", True)]


def test_an_item_number_without_a_space_is_no_part_of_the_owner():
    from pathlib import Path

    from policykg.extract.pipeline import extract_document

    # sh-hongkou-2014-fengmao-fangzai: 1.提篮桥街道办事处负责… (no space after 1.) names the office.
    doc = Path(__file__).resolve().parent / "gold" / "dev" / "docs" / "sh-hongkou-2014-fengmao-fangzai.txt"
    x = extract_document(doc)
    surfaces = {a.agency.surface for c in x.clauses for a in c.assignments}
    assert {"提篮桥街道办事处", "四川北路街道办事处", "欧阳路街道办事处"} <= surfaces
    assert not any(s[0].isdigit() for s in surfaces)


def test_a_districts_own_collectives_are_the_districts():
    from policykg.extract.agencies.jurisdiction import DocPlace
    from policykg.extract.agencies.resolve import resolve_agency

    # sh-putuo-2025-haimian 各建设单位, sh-qingpu-2024-xiaofang 各行业部门: the district plan's own.
    doc = DocPlace("普陀区", "district", {"市": "上海市", "区": "普陀区"}, "区")
    assert resolve_agency("各建设单位", True, doc).name == "普陀区各建设单位"
    # 各区… of a district plan still names the city's districts.
    assert resolve_agency("各区政府", True, doc).name.startswith("上海市各区")
