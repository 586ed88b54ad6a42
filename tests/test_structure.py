"""Document structure on the five seeds: what the web pages and PDFs really do."""

from __future__ import annotations

import re

import pytest

from corpus_helpers import doc_path, extraction
from policykg.extract.structure.sections import parse_structure
from policykg.schema.models import SectionLevel


def squash(s: str) -> str:
    return re.sub(r"\s", "", s)


@pytest.mark.parametrize("key", ["2009", "2015", "2016", "2011", "2021"])
def test_offsets_index_the_original_text(key):
    x = extraction(key)
    text = doc_path(key).read_text(encoding="utf-8")
    assert x.text == text
    assert x.paragraphs
    for p in x.paragraphs:
        # A joined paragraph spans the original including the line breaks it joined.
        assert squash(text[p.start:p.end]) == squash(p.text)
    for s in x.sections:
        if s.marker:
            assert text[s.start:].startswith(s.marker[0])


@pytest.mark.parametrize("key,chapters", [("2009", 5), ("2016", 4)])
def test_lost_chapter_headings_are_inferred(key, chapters):
    x = extraction(key)
    ch = [s for s in x.sections if s.level is SectionLevel.chapter]
    assert len(ch) == chapters
    assert all(c.heading_lost and c.heading is None for c in ch)
    # The first chapter starts at the blank line left where 一、 stood, before （一）发展基础。
    first_sections = [s for s in x.sections if s.parent_id == ch[0].id]
    assert first_sections[0].heading == "发展基础"


@pytest.mark.parametrize("key,headings", [
    ("2015", ["指导思想和行动目标", "工作任务", "工作措施"]),
    ("2011", ["发展基础与面临形势", "指导思想、基本原则与发展目标", "主要任务", "重点工程", "保障措施"]),
    ("2021", ["总体要求", "重点领域", "重点任务", "保障措施"]),
])
def test_explicit_chapters(key, headings):
    x = extraction(key)
    assert [s.heading for s in x.sections if s.level is SectionLevel.chapter] == headings


def test_numbering_restarts_in_every_chapter_2016():
    x = extraction("2016")
    items = [s for s in x.sections if s.level is SectionLevel.item]
    by_chapter: dict[str, list[int]] = {}
    for it in items:
        by_chapter.setdefault(it.id.split(".")[0], []).append(it.number)
    numbers = list(by_chapter.values())
    assert numbers[0] == [1, 2, 3, 4, 5, 1, 2, 3, 4]  # 发展基础 1-5, 面临形势 1-4
    assert numbers[1] == [1, 2, 3, 4]  # 基本原则
    assert numbers[2] == list(range(1, 29))  # the 28 tasks run on across sections


def test_pdf_hard_wraps_are_joined_2011():
    x = extraction("2011")
    para = next(p for p in x.paragraphs if p.text.startswith("大幅提升宽带网络能力"))
    assert para.text.endswith("络支撑。")
    # A paragraph that ends with 。 is not joined to the next line.
    assert not any(p.text.startswith("以推进特区一体化为契机") and "光纤到户。" in p.text for p in x.paragraphs)


def test_page_artefacts_and_sign_off_are_not_content_2011():
    x = extraction("2011")
    text = x.text
    st = parse_structure(text, "d")
    assert len([a for a in st.artefacts if a.text.startswith("图")]) == 7
    assert not any("示意图" in p.text and len(p.text) < 20 for p in x.paragraphs)
    assert not any("抄送" in p.text or "印 30 份" in p.text for p in x.paragraphs)
    appendix = next(s for s in x.sections if s.level is SectionLevel.appendix)
    assert appendix.heading == "名词解释"
    glossary = [s for s in x.sections if s.parent_id == appendix.id]
    assert len(glossary) == 21


def test_notice_header_is_front_matter():
    for key in ("2009", "2015", "2016", "2011", "2021"):
        x = extraction(key)
        assert not any(p.text.startswith(("各区人民政府", "索引号", "文   号", "信息提供日期")) for p in x.paragraphs)


def test_item_running_over_two_lines_2021():
    x = extraction("2021")
    task = next(t for t in x.tasks if t.title == "工业互联网产业")
    # 004 （八） breaks mid-word: "…打造一批工" / "业互联网平台…"; both halves belong to the task.
    assert "业互联网平台，提升产业关键支撑能力" in task.text
    clause = next(c for c in x.clauses if c.task_id == task.id)
    assert [a.agency.name for a in clause.assignments] == ["市工业和信息化局", "市发展改革委", "市科技创新委"]


def test_a_document_without_headings_still_extracts():
    from policykg.extract.pipeline import extract_text

    x = extract_text("关于加强网络安全的意见\n\n为加强网络安全，现提出如下意见。\n", "plain")
    assert x.sections == [] and x.tasks == []
    assert x.warnings


@pytest.mark.parametrize("line,number", [
    ("第十二条　本办法自发布之日起施行", 12),
    # The 柳河 county 实施意见 (tests/gold/dev) writes article numbers in digits, spaced out.
    ("第 2 0 条 成立柳河县重点产业工作领导小组", 20),
    ("第19条 对各乡镇(街道)招商引进", 19),
    ("第 1 条 设立总规模不低于1亿元的重点产业发展引导 资金", 1),
])
def test_article_markers_in_words_and_digits(line, number):
    from policykg.extract.structure.headings import match_marker

    m = match_marker(line)
    assert m is not None and m.type == "article" and m.number == number


@pytest.mark.parametrize("line", ["第2020年起施行", "第一批试点城市", "第 2 0 2 0 年"])
def test_ordinals_that_are_no_articles(line):
    from policykg.extract.structure.headings import match_marker

    assert match_marker(line) is None


def test_a_date_after_a_blank_line_closes_the_body_without_an_issuer_line():
    # HAND-WRITTEN: a body whose closing date follows a blank line with no issuer line before it
    # (a real held-out text had this shape and parse_structure raised IndexError on it).
    text = "一、加强组织领导\n各区要落实属地责任（责任单位：各区政府）。\n\n2024年3月1日\n"
    st = parse_structure(text, "hand-written")
    assert "加强组织领导" in [s.heading for s in st.sections]


def test_ocr_damaged_markers_still_open_their_units():
    # HAND-WRITTEN after mohrss-2024-shuzi-gongchengshi's OCR-like text: the units digit 一 read as a
    # dash, the opening bracket of a 项 dropped.
    from policykg.extract.structure.headings import match_marker

    m = match_marker("第二十-条 对弄虚作假的单位…")
    assert (m.type, m.number, m.marker) == ("article", 21, "第二十-条")
    m = match_marker("一)工程指导协调小组根据…")
    assert (m.type, m.number) == ("section", 1)
    assert match_marker("第一)") is None
