"""PDFs with a text layer: reading order, wraps joined, running heads and page numbers gone,
tables over page breaks, Kangxi radicals mended, evidence that points at its page; a scan is
refused by name."""

from __future__ import annotations

import re
import unicodedata

import pdfplumber
import pytest

from fixtures.make_fixtures import fixtures
from policykg.extract.pipeline import extract_document
from policykg.extract.readers.base import ReadResult, Span
from policykg.extract.readers.pdf import mend
from policykg.extract.readers.registry import read_path
from policykg.extract.readers.text import DocumentError
from policykg.schema.models import SourceRef


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


@pytest.fixture(scope="module")
def plan():
    return extract_document(fixtures()["plan_pdf"], doc_id="pdf-plan")


@pytest.fixture(scope="module")
def pages():
    with pdfplumber.open(fixtures()["plan_pdf"]) as pdf:
        return [_squash(p.extract_text() or "") for p in pdf.pages]


def test_round_trip_edges_to_their_page(plan, pages):
    evidences = [a.evidence for c in plan.clauses for a in c.assignments]
    assert len(evidences) == 68
    for ev in evidences:
        assert plan.text[ev.start:ev.end] == ev.quote
        assert ev.source.format == "pdf" and ev.source.page >= 1
        # The page the source names holds the start of the quote (a clause may run onto the next).
        assert _squash(ev.quote)[:8] in pages[ev.source.page - 1]
    assert len({ev.source.page for ev in evidences}) > 3


def test_wraps_joined_and_running_heads_and_page_numbers_removed(plan):
    lines = plan.text.split("\n")
    assert not any(re.fullmatch(r"- \d+ -", ln) for ln in lines)
    assert lines.count("深圳市“互联网＋”行动计划") == 1  # the plan's own title line; the running head is gone
    # A typeset paragraph is one line again: the clause of （二） stays whole.
    assert any(ln.startswith("（牵头单位：市金融办，配合单位：") and ln.endswith("）") for ln in lines)
    txt = fixtures()["plan_txt"].read_text(encoding="utf-8")
    assert _squash(plan.text) == _squash(txt)  # nothing lost, nothing added, in reading order


def test_table_over_page_breaks_is_one_table():
    r = read_path(fixtures()["fengong_pdf"])
    (t,) = r.tables
    assert len(t.pages) >= 3 and t.pages == sorted(t.pages)
    assert [c.text for c in t.rows[0]] == ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
    body = t.rows[1:]
    assert [row[0].text for row in body] == [str(n) for n in range(1, 37)]  # repeated headers dropped
    row_pages = [row[2].source.page for row in body]
    assert row_pages == sorted(row_pages) and row_pages[-1] == t.pages[-1]
    with pdfplumber.open(fixtures()["fengong_pdf"]) as pdf:
        for row in (body[0], body[20], body[-1]):
            assert _squash(row[1].text)[:10] in _squash(pdf.pages[row[1].source.page - 1].extract_text())


def test_kangxi_radicals_and_compatibility_ideographs_are_mended():
    # What CJK PDF fonts often emit (hand-written sample): ⼀ U+2F00 for 一, ⼯ U+2F2F for 工.
    text, originals = mend("⼀、总体要求（牵头单位：市⼯业和信息化局）")
    assert text == "一、总体要求（牵头单位：市工业和信息化局）"
    assert originals == {0: "⼀", 13: "⼯"}
    assert mend("普通文字")[1] == {}
    assert mend("\uf900") == ("\u8c48", {0: "\uf900"})  # a compatibility ideograph
    assert mend("\ufa11") == ("\ufa11", {})  # a unified one in that block: no other form, kept
    r = ReadResult(text=text, format="pdf", originals=originals,
                   spans=[Span(start=0, end=len(text), source=SourceRef(format="pdf", page=2))])
    ref = r.source_at(12, len(text) - 1)
    assert ref.page == 2 and ref.original == "市⼯业和信息化局"
    assert r.source_at(2, 6).original is None


def test_scanned_pdf_fails_by_name():
    f = fixtures()["scanned_pdf"]
    with pytest.raises(DocumentError) as exc:
        read_path(f)
    assert str(f) in str(exc.value) and "no text layer: OCR it first" in str(exc.value)


def test_a_scanned_page_inside_a_typeset_pdf_is_reported(tmp_path):
    # Page 1: a line of the plan as text; page 2: an image only (a scanned insert).
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    f = tmp_path / "mixed.pdf"
    c = canvas.Canvas(str(f), pagesize=A4, invariant=1)
    c.setFont("STSong-Light", 11)
    c.drawString(72, 700, "（牵头单位：市经贸信息委，配合单位：市发展改革委、科技创新委）")
    c.showPage()
    c.drawImage(ImageReader(Image.new("L", (200, 300), 128)), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    r = read_path(f)
    assert "牵头单位：市经贸信息委" in r.text
    assert r.warnings == ["pages without a text layer (OCR them): 2"]


def test_a_text_layer_of_kangxi_radicals_reads_as_ordinary_text():
    f = fixtures()["kangxi_pdf"]
    with pdfplumber.open(f) as pdf:
        layer = "".join(p.extract_text() or "" for p in pdf.pages)
    assert "⼯作任务" in layer and "市⾦融办" in layer  # what the file holds
    x = extract_document(f, doc_id="kangxi")
    assert not any(0x2F00 <= ord(ch) <= 0x2FDF for ch in x.text)
    assert "二、工作任务" in x.text
    leads = {(t.title, a.agency.name): a.evidence for t in x.tasks for c in x.clauses for a in c.assignments
             if a.task_id == t.id and a.role.value == "lead"}
    assert set(leads) == {("互联网＋制造", "市经贸信息委"), ("互联网＋金融", "市金融办")}
    ev = leads[("互联网＋金融", "市金融办")]
    assert x.text[ev.start:ev.end] == ev.quote and "市金融办" in ev.quote and "改革委" in ev.quote
    # The evidence keeps what the page's text layer says.
    assert "市⾦融办" in ev.source.original and "改⾰委" in ev.source.original
    radicals_mapped = "".join(unicodedata.normalize("NFKC", c) if 0x2F00 <= ord(c) <= 0x2FDF else c
                              for c in ev.source.original)
    assert radicals_mapped == ev.quote and ev.source.original != ev.quote
    first = leads[("互联网＋制造", "市经贸信息委")]
    assert first.source.page == 1 and "改⾰委" in first.source.original
