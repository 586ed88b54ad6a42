"""Saved web pages: main text without navigation, the page's metadata, element sources, GBK
without a meta charset, tables with merged cells, and a page with no main text."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from fixtures.make_fixtures import fixtures
from policykg.extract.pipeline import extract_document
from policykg.extract.readers.html import read
from policykg.extract.readers.registry import read_path
from policykg.extract.readers.text import DocumentError


def resolve(page: bytes, path: str, encoding: str = "utf-8"):
    """The element an evidence's `element` path names, found in the page as saved."""
    doc = lxml_html.document_fromstring(page.decode(encoding))
    steps = path.split(" > ")
    first = steps[0]
    el = doc.xpath(f'//*[@id="{first.split("#", 1)[1]}"]')[0] if "#" in first else doc.find("body")
    for step in steps[1:] if "#" in first else steps:
        tag, _, n = step.partition("[")
        kids = [c for c in el if c.tag == tag]
        el = kids[int(n.rstrip("]")) - 1] if n else kids[0]
    return el


@pytest.fixture(scope="module")
def plan():
    return extract_document(fixtures()["plan_html"], doc_id="html-plan")


def test_round_trip_every_edge_quote_and_its_element(plan):
    page = fixtures()["plan_html"].read_bytes()
    evidences = [a.evidence for c in plan.clauses for a in c.assignments]
    assert len(evidences) == 68  # 25 LEADS + 43 SUPPORTS, as from the text file
    for ev in evidences:
        assert plan.text[ev.start:ev.end] == ev.quote
        assert ev.source.format == "html" and ev.source.element.startswith("td#UCAP-CONTENT > p[")
        el = resolve(page, ev.source.element)
        assert ev.quote in "".join(el.itertext())


def test_navigation_footer_and_scripts_are_left_out(plan):
    for word in ("最新政策", "网站地图", "版权所有", "window.print", "首页"):
        assert word not in plan.text


def test_metadata_from_the_pages_table(plan):
    assert plan.meta.doc_number == "深府〔2015〕69号"
    assert plan.meta.issuer == "深圳市人民政府"
    assert str(plan.meta.issued) == "2015-08-12"
    assert plan.meta.provenance["issuer"] == "header:html"


def test_gbk_page_without_meta_charset_and_unknown_layout():
    f = fixtures()["gbk_html"]
    data = f.read_bytes()
    assert b"charset" not in data.lower()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    r = read_path(f)
    assert "现就加强三级公立医院绩效考核工作提出以下意见" in r.text  # main text, found by trafilatura
    assert "政策解读" not in r.text and "网站地图" not in r.text  # side navigation, footer
    assert r.header["doc_number"] == "国办发〔2019〕4号" and r.header["index_number"] == "000014349/2019-00004"
    # Each line points at the element that holds it in the page as saved.
    i = r.text.index("一、总体要求")
    el = resolve(data, r.source_at(i).element, "gb18030")
    assert "".join(el.itertext()).strip() == "一、总体要求"


def test_prose_deadlines_of_a_real_page_go_on_tasks():
    x = extract_document(fixtures()["gbk_html"], doc_id="gbk")
    deadlines = [t.deadline for t in x.tasks if t.deadline]
    assert deadlines, "国办发〔2019〕4号 states 2019年3月底前 … in its measures"
    for d in deadlines:
        assert x.text[d.evidence.start:d.evidence.end] == d.evidence.quote == d.text
        assert d.evidence.source.format == "html"
    assert any(d.text.startswith("2019年3月底前") and str(d.date) == "2019-03-31" for d in deadlines)


def test_table_with_rowspan_and_colspan():
    # Hand-written page (not a real document): a 牵头单位 cell spanning two rows.
    page = """<html><body><div class="pages_content"><p>附件</p><table>
    <tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>配合单位</th></tr>
    <tr><td>1</td><td>建设数据中心</td><td rowspan="2">市政务服务数据管理局</td><td>市发展改革委</td></tr>
    <tr><td>2</td><td>开放公共数据</td><td>各区政府</td></tr>
    <tr><td colspan="4">二、保障</td></tr></table></div></body></html>"""
    r = read(Path("t.html"), page.encode("utf-8"))
    (t,) = r.tables
    assert [c.text for c in t.rows[2]] == ["2", "开放公共数据", "市政务服务数据管理局", "各区政府"]
    merged = t.rows[2][2]
    assert merged.merged_from == (1, 2) and merged.source.row == 1 and r.text[merged.start:merged.end] == merged.text
    assert [c.text for c in t.rows[3]] == ["二、保障"] * 4


def test_page_with_no_main_text_fails_by_name():
    f = fixtures()["empty_html"]
    with pytest.raises(DocumentError) as exc:
        read_path(f)
    assert str(f) in str(exc.value) and "no main text" in str(exc.value)
