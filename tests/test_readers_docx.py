"""Word files: list numbering rendered as the reader sees it, headings by style, tables with
merged cells, and evidence that points at its paragraph or cell."""

from __future__ import annotations

import io

import docx
import pytest

from fixtures.make_fixtures import fixtures
from policykg.extract.pipeline import extract_document
from policykg.extract.readers.docx import chinese_counting, format_number
from policykg.extract.readers.registry import read_path
from policykg.extract.readers.text import DocumentError


@pytest.fixture(scope="module")
def plan():
    return extract_document(fixtures()["plan_docx"], doc_id="docx-plan")


def test_numbering_lives_in_numbering_xml_and_is_rendered(plan):
    source = docx.Document(str(fixtures()["plan_docx"]))
    texts = [p.text for p in source.paragraphs]
    assert "指导思想和行动目标" in texts and "一、指导思想和行动目标" not in texts  # python-docx sees no number
    lines = plan.text.split("\n")
    for heading in ("一、指导思想和行动目标", "二、工作任务", "（一）互联网＋制造。", "（十二）互联网＋大数据＋人工智能。",
                    "三、工作措施", "（一）完善协调发展和推进机制。"):
        assert heading in lines
    assert [s.marker for s in plan.sections if s.level.value == "chapter"][:3] == ["一、", "二、", "三、"]


def test_round_trip_edges_to_their_paragraph(plan):
    source = docx.Document(str(fixtures()["plan_docx"]))
    evidences = [a.evidence for c in plan.clauses for a in c.assignments]
    assert len(evidences) == 68
    for ev in evidences:
        assert plan.text[ev.start:ev.end] == ev.quote
        assert ev.source.format == "docx" and ev.source.paragraph is not None
        assert ev.quote in source.paragraphs[ev.source.paragraph].text


def test_headings_carry_their_style():
    r = read_path(fixtures()["plan_docx"])
    i = r.text.index("二、工作任务")
    assert r.source_at(i).element.lower().endswith("style=heading 1")  # styles.xml names built-ins in lower case


def test_merged_cells_repeat_in_every_row_they_span():
    r = read_path(fixtures()["fengong_docx"])
    (t,) = r.tables
    header = [c.text for c in t.rows[0]]
    assert header == ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
    assert [c.text for c in t.rows[1]] == ["互联网＋制造"] * 5  # a group row merged across (gridSpan)
    rows = [row for row in t.rows[1:] if row[0].text.isdigit()]
    assert len(rows) == 36
    second = rows[1]  # 牵头单位 merged down from the row above (vMerge)
    assert second[2].text == "市经贸信息委" and second[2].merged_from == (2, 2) and second[2].source.row == 2
    for row in rows:
        for cell in row:
            assert r.text[cell.start:cell.end] == cell.text


def test_chinese_counting():
    assert [chinese_counting(n) for n in (1, 9, 10, 11, 20, 23, 99, 100, 105, 110)] == \
        ["一", "九", "十", "十一", "二十", "二十三", "九十九", "一百", "一百零五", "一百一十"]
    assert format_number(3, "decimalEnclosedCircle") == "③" and format_number(2, "ideographTraditional") == "乙"
    assert format_number(4, "decimal") == "4" and format_number(12, "decimalFullWidth") == "１２"


def test_numbering_from_a_style_and_restart_per_level():
    # Hand-made (not a real document): Heading 1 linked to a list in its style; level 1 restarts.
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="7">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2．"/><w:suff w:val="nothing"/></w:lvl>'
        '</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="7"><w:abstractNumId w:val="7"/></w:num>'))
    style = d.styles["Heading 1"].element
    style.get_or_add_pPr().append(parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="7"/></w:numPr>'))
    for text, kind in [("总体要求", "h"), ("目标", 1), ("原则", 1), ("主要任务", "h"), ("建设网络", 1)]:
        p = d.add_paragraph(text, style="Heading 1" if kind == "h" else None)
        if kind == 1:
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr>'))
    buf = io.BytesIO()
    d.save(buf)
    from policykg.extract.readers.docx import read

    r = read(__import__("pathlib").Path("t.docx"), buf.getvalue())
    assert r.text.split("\n")[:5] == ["一、总体要求", "1．目标", "2．原则", "二、主要任务", "1．建设网络"]


def test_not_a_word_file(tmp_path):
    f = tmp_path / "book.docx"
    import zipfile

    with zipfile.ZipFile(f, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(DocumentError, match="not a Word .docx document"):
        read_path(f)
