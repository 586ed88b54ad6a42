"""Plan metadata from the texts' own headers, and the manifest that fills gaps and wins."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from corpus_helpers import doc_path, extraction
from policykg.extract.structure.metadata import header_metadata, parse_date
from policykg.extract.pipeline import extract_document
from policykg.extract.structure.sections import parse_structure
from policykg.schema.models import PlanKind

# Read off the documents by hand: 文号 and the date that signs the notice.
HEADER_FACTS = {
    "2009": ("深府〔2009〕237号", dt.date(2009, 12, 28), "深圳市人民政府"),
    "2015": ("深府〔2015〕69号", dt.date(2015, 8, 12), "深圳市人民政府"),
    "2016": ("深府办〔2016〕25号", dt.date(2016, 8, 30), "深圳市人民政府办公厅"),
    "2011": ("深府办〔2011〕108号", dt.date(2011, 12, 23), "深圳市人民政府办公厅"),
}


@pytest.mark.parametrize("key", sorted(HEADER_FACTS))
def test_header_alone_gives_number_date_issuer(key):
    text = doc_path(key).read_text(encoding="utf-8")
    st = parse_structure(text, key)
    meta = header_metadata(key, st.front_lines, text)
    number, issued, issuer = HEADER_FACTS[key]
    assert meta.doc_number == number
    assert meta.issued == issued
    assert meta.issuer == issuer
    assert meta.provenance["doc_number"].startswith("header:")


def test_header_titles_and_periods():
    def meta(key):
        text = doc_path(key).read_text(encoding="utf-8")
        return header_metadata(key, parse_structure(text, key).front_lines, text)

    m = meta("2009")
    assert m.title == "深圳互联网产业振兴发展规划（2009―2015年）"
    assert (m.period_start, m.period_end, m.kind) == (2009, 2015, PlanKind.plan)
    assert m.published == dt.date(2010, 1, 12) and m.index_number == "043000-10-2010-004796"
    assert meta("2015").title == "深圳市“互联网＋”行动计划"
    assert meta("2015").kind is PlanKind.action_plan
    assert (meta("2011").period_start, meta("2011").period_end) == (2011, 2015)  # 十二五
    m = meta("2021")
    assert m.title == "深圳市数字经济产业创新发展实施方案（2021—2023年）"
    assert m.issuer == "深圳市工业和信息化局"
    assert (m.period_start, m.period_end, m.kind) == (2021, 2023, PlanKind.implementation)
    assert m.doc_number is None


def test_all_five_plans_have_dates_and_kinds():
    for key in ("2009", "2015", "2016", "2011", "2021"):
        m = extraction(key).meta
        assert m.issued is not None and m.issued.year == int(key)
        assert m.kind is not None and m.title


@pytest.mark.parametrize("s,expected", [
    ("二○○九年十二月二十八日", dt.date(2009, 12, 28)),
    ("二〇一一年十二月二十三日", dt.date(2011, 12, 23)),
    ("2015年8月12日", dt.date(2015, 8, 12)),
    ("2011 年 12 月 28 日印发", dt.date(2011, 12, 28)),
    ("2021-01-04 17:38", dt.date(2021, 1, 4)),
    ("二○○九年十三月一日", None),
])
def test_parse_date(s, expected):
    assert parse_date(s) == expected


def test_manifest_wins_and_fills_gaps(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(doc_path("2015"), folder / "plan.txt")
    (folder / "manifest.toml").write_text(
        '[[document]]\nid = "my-plan"\nfile = "plan.txt"\ntitle = "别的标题"\n'
        'source_url = "https://example.org/plan"\n', encoding="utf-8")
    x = extract_document(folder / "plan.txt")
    assert x.meta.doc_id == "my-plan"
    assert x.meta.title == "别的标题" and x.meta.provenance["title"] == "manifest"
    assert x.meta.source_url == "https://example.org/plan"
    assert x.meta.doc_number == "深府〔2015〕69号"  # still from the header


def test_no_manifest_entry_needed(tmp_path):
    shutil.copy(doc_path("2011"), tmp_path / "十二五 规划.txt")
    x = extract_document(tmp_path / "十二五 规划.txt")
    # Slugging would merge "十二五 规划" and "十二五-规划": the id adds a hash of the path (corpus.doc_id_for).
    assert x.meta.doc_id.startswith("十二五-规划-") and len(x.meta.doc_id) == len("十二五-规划-") + 8
    assert x.meta.doc_number == "深府办〔2011〕108号"
    assert len([t for t in x.tasks if t.kind.value == "project" and not t.parent_task_id]) == 10


def test_a_letter_signed_inside_its_text_names_its_issuer():
    # HAND-WRITTEN: a reply with no head, signed after its last paragraph and before its attachment.
    text = ("某某大学：\n　　来函收悉。现回复如下：\n　　一、原则同意开展试点。\n交通运输部\n　　2022年9月20日\n\n"
            "试点任务要点\n　　一、某项研究\n")
    st = parse_structure(text, "t")
    meta = header_metadata("t", st.front_lines, text)
    assert meta.issuer == "交通运输部"
    assert meta.issued == dt.date(2022, 9, 20)
