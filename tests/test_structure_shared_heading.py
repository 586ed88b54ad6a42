"""A chapter heading sharing its line with the chapter's first article, and article markers set off by an
en space (U+2002) and an ideographic space, as a 北大法宝-style export writes a regulation:

    　第三章　目录管理　　第十五条\u2002　政务数据资源目录是政务数据管理的基础，…

Real text: ab-2021-zhengwu-shuju of the development set (阿府办发〔2021〕21号, 阿坝州政务数据资源管理暂行办法;
every one of its nine chapters is written so). Expected values were read off the document by hand."""

from __future__ import annotations

from pathlib import Path

from policykg.extract.pipeline import extract_text
from policykg.extract.structure.lines import physical_lines, split_run_on
from policykg.extract.structure.sections import parse_structure

DOC = Path(__file__).resolve().parent / "gold" / "dev" / "docs" / "ab-2021-zhengwu-shuju.txt"
LINE = "\u3000第三章\u3000目录管理\u3000\u3000第十五条\u2002\u3000政务数据资源目录是政务数据管理的基础，是政务数据整合、共享、开放、应用的依据。政务数据实行统一目录管理。\n"


def test_a_chapter_heading_is_cut_from_the_article_sharing_its_line():
    parts = split_run_on(physical_lines(LINE))
    assert [p.text for p in parts] == ["第三章\u3000目录管理", LINE.strip("\u3000\n")[len("第三章\u3000目录管理\u3000\u3000"):]]
    for p in parts:
        assert LINE[p.start:p.end] == p.text


def test_the_chapter_and_its_article_are_sections_of_their_own():
    st = parse_structure("暂行办法\n" + LINE, "ab")
    assert [(s.marker, s.heading) for s in st.sections] == [
        ("第三章", "目录管理"), ("第十五条", "政务数据资源目录是政务数据管理的基础，是政务数据整合、共享、开放、应用的依据")]


def test_a_heading_line_without_a_deeper_marker_stays_whole():
    # Labelled example: a heading and its body after white space, no marker of a unit under it.
    line = "（一）区绿化市容局　　开展行业部署，落实工作要求。\n"
    assert [p.text for p in split_run_on(physical_lines(line))] == [line.strip()]


def test_the_real_document_s_clauses_sit_in_their_articles():
    text = DOC.read_text(encoding="utf-8")
    x = extract_text(text, doc_id="ab-2021-zhengwu-shuju")
    titles = {t.id: t.title for t in x.tasks}
    owners = {(titles[a.task_id][:13], a.agency.surface) for c in x.clauses for a in c.assignments}
    assert ("政务数据资源目录是政务数据", "州数据资源主管部门") in owners  # 第十五条, under 第三章
    assert ("数据提供部门负责本部门数据", "数据提供部门") in owners  # 第三十八条, under 第七章
    assert not any(t.startswith(("目录管理", "安全保障")) for t in titles.values())


def test_an_article_run_on_after_a_sentence_opens_its_own_unit():
    # gz-2011-dixia-kongjian (a PDF dump): 部门通报。 第四十六条 地下空间所有人… on one physical line.
    line = "部门通报。 第四十六条 地下空间所有人、使用人和物业管理单位\n"
    assert [p.text for p in split_run_on(physical_lines(line))] == ["部门通报。", "第四十六条 地下空间所有人、使用人和物业管理单位"]
    # A cross-reference after a sentence is no unit (labelled example).
    ref = "予以处罚。 第四十六条规定的情形除外。\n"
    assert [p.text for p in split_run_on(physical_lines(ref))] == [ref.strip()]


def test_articles_indented_with_no_break_spaces_keep_their_owners():
    # ab-2021-zhengwu-shuju 第三十八条 as a web page would indent it (&nbsp;&nbsp;, the indent_nbsp layout of
    # extract/evaluation_layouts.py): the marker after the indent is no part of the owner's name.
    from policykg.extract.clauses.finder import find_clauses

    text = "暂行办法\n\u00a0\u00a0第三十八条\u2002\u3000数据提供部门负责本部门数据采集、归集、存储、提供、共享、应用和开放等环节的安全管理。\n"
    assert [[it.surface for it in items] for f in find_clauses(text) for _, items in f.roles] == [["数据提供部门"]]


def test_a_table_typed_one_cell_a_line_with_no_break_space_indents_is_still_read():
    # sh-jingan-2023-gengxin's 重点任务清单 rendered by the indent_nbsp layout (extract/evaluation_layouts.py):
    # the cells read as they do with ideographic indents. Compared with the original layout, not hand values.
    from policykg.extract.evaluation_layouts import render
    from policykg.extract.pipeline import extract_text

    doc = Path(__file__).resolve().parent / "gold" / "dev" / "docs" / "sh-jingan-2023-gengxin.txt"
    text = doc.read_text(encoding="utf-8")
    owners = lambda t: sorted(a.agency.surface for c in extract_text(t, doc_id="j").clauses for a in c.assignments)
    plain = owners(text)
    assert len(plain) >= 100 and owners(render("indent_nbsp", text).text) == plain
