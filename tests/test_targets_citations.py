"""Quantitative targets and cited documents: seeds and hand-written examples."""

from __future__ import annotations

import pytest

from corpus_helpers import extraction
from policykg.extract.facts.citations import find_citations
from policykg.extract.pipeline import extract_text


def targets_of(text: str, period=(2021, 2025)):
    doc = "三、发展目标\n" + text + "\n"
    x = extract_text(doc, "t", entry={"period_start": period[0], "period_end": period[1]})
    return [(g.metric, g.value, g.unit, g.year, g.comparator) for g in x.targets]


@pytest.mark.parametrize("text,expected", [
    ("到2023年，全市数字经济产业增加值突破1900亿元，年均增速6.5%。",
     [("数字经济产业增加值", 1900, "亿元", 2023, ">"), ("年均增速", 6.5, "%", 2023, "=")]),
    ("力争到2025年，5G基站覆盖率达100%。", [("5G基站覆盖率", 100, "%", 2025, "=")]),
    ("到2025年，培育年营收超过50亿元的龙头企业15家以上。", [("培育年营收超过50亿元的龙头企业", 15, "家", 2025, ">=")]),
    ("到2024年，单位GDP能耗不超过0.3吨标准煤。", []),  # unit not among the recognised ones: not guessed
    ("截至2020年底，全市已建成5G基站4.6万个。", []),  # the past
    ("（一）发展基础。\n2020年，全市软件业务收入达到8000亿元。", []),
    ("到2025年，100%的政务服务事项实现网上办理。", [("政务服务事项实现网上办理", 100, "%", 2025, "=")]),
    ("到2025年，家庭宽带接入能力达到1000兆比特/秒（Mbps）。", [("家庭宽带接入能力", 1000, "Mbps", 2025, "=")]),
    ("到2025年，集成电路设计能力达到7nm—5nm。", [("集成电路设计能力", 5, "nm", 2025, "~")]),
    ("到2025年，校校通、班班通的比例均实现100%。",
     [("校校通比例", 100, "%", 2025, "="), ("班班通比例", 100, "%", 2025, "=")]),
])
def test_targets(text, expected):
    got = targets_of(text)
    assert [(m, v, u, y, c) for m, v, u, y, c in got] == [(m, float(v), u, y, c) for m, v, u, y, c in expected]


def test_goal_section_year_carries_to_its_bullets():
    got = targets_of("到2020年，建成国际一流的信息基础设施。\n――信息基础设施水平国际一流。光纤入户率超过90%，固定宽带家庭普及率达到99%。",
                     period=(2016, 2020))
    assert got == [("光纤入户率", 90.0, "%", 2020, ">"), ("固定宽带家庭普及率", 99.0, "%", 2020, "=")]


def test_seed_targets_2021():
    x = extraction("2021")
    facts = {(g.value, g.unit, g.year, g.comparator) for g in x.targets}
    assert {(1900.0, "亿元", 2023, ">"), (6.5, "%", 2023, "="), (15.0, "家", 2023, ">="), (70.0, "家", 2023, ">=")} <= facts
    assert not any(g.value == 50.0 and g.unit == "亿元" for g in x.targets)  # a qualifier, not a target
    for g in x.targets:
        assert x.text[g.evidence.start:g.evidence.end] == g.evidence.quote


def test_seed_targets_2009_skip_the_past():
    x = extraction("2009")
    assert (800.0, "亿元", 2012) in {(g.value, g.unit, g.year) for g in x.targets}
    assert not any(g.year == 2008 for g in x.targets)  # 2008年…约为160亿元 is background


def test_targets_attach_to_the_task_that_states_them():
    x = extraction("2011")
    target = next(g for g in x.targets if g.value == 95.0)
    task = next(t for t in x.tasks if t.id == target.task_id)
    assert task.title == "医疗卫生"


def test_citation_with_document_number():
    x = extraction("2015")
    assert [(c.title, c.doc_number) for c in x.citations] == [("国务院关于积极推进“互联网＋”行动的指导意见", "国发〔2015〕40号")]


def test_plan_does_not_cite_itself():
    x = extraction("2009")
    assert not any("深圳互联网产业振兴发展规划" in c.title for c in x.citations)
    assert any(c.title == "珠江三角洲地区改革发展规划纲要（2008―2020年）" for c in x.citations)


def test_citation_forms():
    text = "依据《广州市数字经济促进条例》和《关于加快发展数字经济的意见》(穗府〔2020〕8号)，制定本方案。"
    got = [(c.title, c.doc_number) for c in find_citations(text, 0, len(text))]
    assert got == [("广州市数字经济促进条例", None), ("关于加快发展数字经济的意见", "穗府〔2020〕8号")]


def test_target_ids_are_unique_when_one_number_states_several():
    x = extraction("2016")
    ids = [g.id for g in x.targets]
    assert len(ids) == len(set(ids))
    assert sum(1 for g in x.targets if "人人通" in g.metric or "班班通" in g.metric or "校校通" in g.metric) == 3
