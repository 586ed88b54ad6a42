"""Role rules of labelled clauses and the body test behind every list (issue 12, fifth session).

Quotes are the development documents' own text (tests/gold/dev/docs, checked below); the expected
roles are written by hand from the annotation decision in tests/gold/dev/README.md ("a lead label
beside another label"), never computed by the code under test.
"""

from __future__ import annotations

import pytest
from test_clause_rules_prose import dev_text, read  # the dev texts and the registry reader, shared

from policykg.extract.clauses.agency_list import is_agency
from policykg.extract.clauses.finder import find_clauses
from policykg.schema.vocabulary import vocabulary


@pytest.mark.parametrize("doc_id,quote,expected", [
    # 实施部门 beside 牵头部门: the implementers work under the lead, so they support it.
    ("sh-2023-gang-andian", "（牵头部门：市交通委港务监管处；实施部门：市港航中心、中国船级社上海分社）",
     [("clause.labeled", [("lead", ["市交通委港务监管处"]), ("support", ["市港航中心", "中国船级社上海分社"])])]),
    # 配合部门 beside 牵头部门 stays support.
    ("sh-2023-gang-andian", "（牵头部门：市交通委科技信息处；配合部门：市港航中心）",
     [("clause.labeled", [("lead", ["市交通委科技信息处"]), ("support", ["市港航中心"])])]),
    # A label alone keeps its role: 责任单位 lists responsible units.
    ("sh-qingpu-2024-xiaofang", "（责任单位：区消防救援局、区应急局、各街镇）",
     [("clause.labeled", [("responsible", ["区消防救援局", "区应急局", "各街镇"])])]),
])
def test_label_beside_a_lead(doc_id, quote, expected):
    assert quote in dev_text(doc_id)
    assert read(quote) == expected


def test_two_lists_beside_a_lead_are_one_support_list():
    # A cut-down variant (配合 and 实施 labels together after one lead): ranks run on across them,
    # so the implementer is the second supporter, not a second first one.
    found = find_clauses("（牵头部门：市交通委港务监管处；配合部门：市港航中心；实施部门：中国船级社上海分社）",
                         default_prefix=None)
    assert [(r.value, [i.surface for i in items]) for r, items in found[0].roles] == [
        ("lead", ["市交通委港务监管处"]), ("support", ["市港航中心", "中国船级社上海分社"])]


def test_the_rule_is_vocabulary_data():
    v = vocabulary()
    assert v.role_beside_lead("responsible") == "support"
    assert v.role_beside_lead("support") == "support" and v.role_beside_lead("lead") == "lead"


def test_vocabulary_rejects_an_unknown_role_beside_a_lead(tmp_path):
    from policykg.schema.vocabulary import VocabularyError, default_vocabulary_path, load_vocabulary

    text = default_vocabulary_path().read_text(encoding="utf-8")
    bad = text.replace('beside_lead = { responsible = "support" }', 'beside_lead = { responsible = "helper" }')
    assert bad != text
    f = tmp_path / "vocabulary.toml"
    f.write_text(bad, encoding="utf-8")
    with pytest.raises(VocabularyError, match="beside_lead"):
        load_vocabulary(f)


@pytest.mark.parametrize("name,expected", [
    # A body with its other nameplates in brackets, however long (宝山 分工 table).
    ("区委宣传部（区文明办、区政府新闻办、区委网信办）", True),
    # … but every bracketed nameplate must be a body.
    ("区委宣传部（区文明办、加强新闻宣传工作的区办）", False),
    ("区委宣传部（区文明办）", True),
    ("各县（市、区）人民政府", True),
])
def test_is_agency_with_bracketed_nameplates(name, expected):
    if expected and "区委网信办" in name:
        assert name in dev_text("sh-baoshan-2019-laji")
    assert is_agency(name) is expected
