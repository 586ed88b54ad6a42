"""Deadline wording → Deadline (extract/facts/deadlines.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from policykg.extract.facts.deadlines import find_prose_deadlines, parse_deadline, parse_wording


@pytest.mark.parametrize("text,kind,date,start,end", [
    ("2022年底前", "date", dt.date(2022, 12, 31), None, 2022),
    ("2022年年底前", "date", dt.date(2022, 12, 31), None, 2022),
    ("2022年6月底前", "date", dt.date(2022, 6, 30), None, 2022),
    ("2024年2月底前", "date", dt.date(2024, 2, 29), None, 2024),
    ("２０２２年６月底前", "date", dt.date(2022, 6, 30), None, 2022),
    ("2022年6月15日前", "date", dt.date(2022, 6, 15), None, 2022),
    ("力争2023年底前完成", "date", dt.date(2023, 12, 31), None, 2023),
    ("（完成时限：2022年6月底前）", "date", dt.date(2022, 6, 30), None, 2022),
    ("到2020年", "date", dt.date(2020, 12, 31), None, 2020),
    ("2021—2023年", "period", dt.date(2023, 12, 31), 2021, 2023),
    ("2021-2023年", "period", dt.date(2023, 12, 31), 2021, 2023),
    ("长期坚持", "ongoing", None, None, None),
    ("持续推进", "ongoing", None, None, None),
    ("2020年起，每年2月底前", "ongoing", None, 2020, None),
])
def test_wording(text, kind, date, start, end):
    p = parse_wording(text)
    assert (p.kind, p.date, p.year_start, p.year_end) == (kind, date, start, end)


@pytest.mark.parametrize("text", ["", "按职责分工负责", "市发展改革委"])
def test_no_time_no_deadline(text):
    assert parse_wording(text) is None


def test_cell_evidence_cuts_out_the_wording():
    doc = "1\t建设平台\t市发展改革委\t 2022年底前 \n"
    start = doc.index(" 2022")
    d = parse_deadline(doc[start:start + 10], "d", start)
    assert doc[d.evidence.start:d.evidence.end] == d.text == "2022年底前"


def test_prose_states_deadlines_only_with_a_limit():
    # Sentences of 国办发〔2019〕4号 (tests/fixtures/sources), and a hand-written labelled clause.
    text = ("2019年6月底前，各省份建立省级绩效考核信息系统。到2020年，基本建立较为完善的三级公立医院绩效考核体系。"
            "推进平台建设（完成时限：2022年6月底前）。")
    found = find_prose_deadlines(text, "d")
    assert [(d.text, d.evidence.rule) for d in found] == [("2019年6月底前", "deadline.prose"),
                                                          ("2022年6月底前", "deadline.label")]
    for d in found:
        assert text[d.evidence.start:d.evidence.end] == d.text
