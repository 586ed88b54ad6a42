"""Plain text: encodings by charset-normalizer, line endings without moving offsets, and the
registry choosing the reader by content before suffix."""

from __future__ import annotations

import pytest

from fixtures.make_fixtures import fixtures
from policykg.extract.readers.registry import detect, read_path
from policykg.extract.readers.text import DocumentError, decode

# Hand-written sentences in plan style (not a real document).
SIMPLIFIED = "深圳市数字经济产业创新发展实施方案\n一、总体要求\n（一）产业定义。由市发展改革委牵头，各区政府配合。\n"
TRADITIONAL = "深圳市數字經濟產業創新發展實施方案\n一、總體要求\n（一）產業定義。由市發展改革委牽頭，各區政府配合。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32",
                                      "utf-32-le", "gb18030", "gbk", "gb2312"])
def test_encodings_with_and_without_bom(encoding):
    assert decode(SIMPLIFIED.encode(encoding)) == SIMPLIFIED


def test_big5():
    assert decode(TRADITIONAL.encode("big5")) == TRADITIONAL


def test_real_plan_in_gb18030_with_crlf_keeps_offsets(tmp_path):
    text = fixtures()["plan_txt"].read_text(encoding="utf-8")
    crlf = text.replace("\n", "\r\n")
    f = tmp_path / "plan.txt"
    f.write_bytes(crlf.encode("gb18030"))
    got = read_path(f).text
    # CRLF stays (the structure stage reads it as one break): every offset is the file's own.
    assert got == crlf


def test_one_character_breaks_become_lf_in_place():
    s = "一、总体要求\r（一）目标\u20281．内容\x0c"
    got = decode(s.encode("utf-8"))
    assert len(got) == len(s) and got == "一、总体要求\n（一）目标\n1．内容\n"


def test_a_pdf_or_page_renamed_txt_is_read_as_what_it_is(tmp_path):
    fx = fixtures()
    pdf = tmp_path / "plan.txt"
    pdf.write_bytes(fx["plan_pdf"].read_bytes())
    page = tmp_path / "page.txt"
    page.write_bytes(fx["plan_html"].read_bytes())
    assert detect(pdf, pdf.read_bytes()).FORMAT == "pdf"
    assert detect(page, page.read_bytes()).FORMAT == "html"
    assert read_path(pdf).format == "pdf" and "牵头单位" in read_path(pdf).text


def test_suffix_decides_when_content_claims_nothing(tmp_path):
    f = tmp_path / "notes.docx"
    f.write_bytes("一、总体要求\n".encode("utf-8"))
    with pytest.raises(DocumentError, match="not a Word document"):
        read_path(f)


def test_latin1_is_refused_by_name(tmp_path):
    f = tmp_path / "fr.txt"
    f.write_bytes("Plan d'action numérique pour l'économie".encode("latin-1"))
    with pytest.raises(DocumentError) as exc:
        read_path(f)
    assert str(f) in str(exc.value) and "cannot be decoded" in str(exc.value)


@pytest.mark.parametrize("data,reason", [(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "legacy Office file"),
                                         (b"{\\rtf1\\ansi ...}", "RTF file")])
def test_formats_without_a_reader_are_named(tmp_path, data, reason):
    f = tmp_path / "plan.doc"
    f.write_bytes(data)
    with pytest.raises(DocumentError, match=reason):
        read_path(f)
