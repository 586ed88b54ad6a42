"""Relative places (issue 12): 事发地, 属地, 所在地, 当地 … name the place of the matter or of the
document, never a place of that name (vocabulary places_config.relative_places).

Quotes marked REAL are from gov-2014-guobanhan-119 (国家突发环境事件应急预案, tests/gold/dev/docs);
sentences marked HAND-WRITTEN were written for these tests. The expected jurisdictions follow the
dev gold: the gold of gov-2014-guobanhan-119 gives 事发地省级人民政府 and 当地环境保护主管部门 中央.
"""

from __future__ import annotations

import pytest

from policykg.extract.agencies.jurisdiction import DocPlace, classify, document_place, relative_place
from policykg.extract.agencies.resolve import resolve_agency
from policykg.extract.pipeline import extract_text
from policykg.schema.vocabulary import vocabulary

CENTRAL = document_place("国务院办公厅", None, "国办函〔2014〕119号", "")
CHONGMING = DocPlace("崇明区", "district", {"区": "崇明区", "市": "上海市"}, "区")


def test_the_relative_words_are_registered_data():
    words = vocabulary().places_config.relative_places
    assert {"事发地", "属地", "所在地", "当地"} <= set(words)


@pytest.mark.parametrize("name,word", [
    ("事发地县级人民政府", "事发地"), ("事发地省级人民政府", "事发地"), ("当地环境保护主管部门", "当地"),
    ("属地政府", "属地"), ("所在地镇政府", "所在地"), ("崇明区事发地乡镇政府", "事发地"),
    ("广州市人民政府", None), ("地方各级人民政府", None), ("地方人民政府", None),
])
def test_relative_place_is_the_word_a_name_opens_with(name, word):
    assert relative_place(name, CHONGMING) == word


@pytest.mark.parametrize("name", ["事发地县级人民政府", "事发地省级人民政府", "事发地人民政府", "当地环境保护主管部门"])
def test_a_relative_body_of_a_central_plan_is_a_kind_of_the_plans_jurisdiction(name):
    # Before, 事发地县级人民政府 was (事发地县, county_government): 事发地 read as a place's name.
    assert classify(name, CENTRAL) == ("中央", "category")
    a = resolve_agency(name, False, CENTRAL)
    assert (a.resolved, a.jurisdiction, a.level) == (False, "中央", "category")
    # The bare key of a central name: no place 事发地县 in it either.
    assert a.id == "unresolved:" + name


def test_a_relative_body_of_a_district_plan_is_the_districts():
    # HAND-WRITTEN names in the form of sh-chongming-2023-ranqi-yuan (事发地乡镇政府, 属地政府).
    for name in ("事发地乡镇政府", "崇明区事发地乡镇政府", "属地政府"):
        assert classify(name, CHONGMING) == ("崇明区", "category"), name


def test_real_plan_sentences_keep_the_plans_jurisdiction():
    # REAL sentences of gov-2014-guobanhan-119 (its 3.3 分级响应 and 4.2.1), under a HAND-WRITTEN
    # minimal head of a State Council office notice.
    text = ("国务院办公厅关于印发示例应急预案的通知\n国办函〔2014〕119号\n"
            "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n一、应急响应\n"
            "（一）分级响应。初判发生一般突发环境事件，启动Ⅳ级应急响应，由事发地县级人民政府负责应对工作。\n"
            "（二）开展污染源排查与处置。由当地环境保护主管部门组织对污染来源开展调查。\n")
    got = {(a.name, a.jurisdiction, a.level) for a in extract_text(text, "real-119").agencies}
    assert ("事发地县级人民政府", "中央", "category") in got
    assert ("当地环境保护主管部门", "中央", "category") in got
    assert not any(j.startswith("事发地") for _, j, _ in got)


def test_a_sentence_opening_with_a_relative_place_names_no_place_of_the_document():
    # HAND-WRITTEN body of a headless plan: a sentence that opens 事发地县级… must not make 事发地县
    # the place a bare 县财政局 stands for.
    place = document_place(None, "示例应急预案", None, "事发地县级人民政府负责应对。\n县财政局负责保障。\n")
    assert not any(p.startswith("事发地") for p in place.places.values())
    assert not place.jurisdiction.startswith("事发地")


def test_an_upstream_province_is_no_place_of_its_own():
    # gov-2005-guofa-39 (国发〔2005〕39号): 上游省级人民政府应当承担赔付补偿责任 — whichever province lies upstream.
    from pathlib import Path

    from policykg.extract.pipeline import extract_document

    doc = Path(__file__).resolve().parent / "gold" / "dev" / "docs" / "gov-2005-guofa-39.txt"
    x = extract_document(doc)
    upstream = [a for a in x.agencies if a.name == "上游省级人民政府"]
    assert upstream and all(a.jurisdiction == "中央" and a.level == "category" for a in upstream)
