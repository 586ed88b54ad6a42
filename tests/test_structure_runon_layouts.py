"""Run-on lines in other layouts (issue 12, tests/benchmarks/layout_invariance.py): a body whose line
breaks became one space, articles (第N条) and 1、 items inside one line, and the splitter reading the
heading registry (headings.MARKER_FORMS) instead of a second spelling of the markers."""

from __future__ import annotations

import re
from pathlib import Path

from policykg.extract.structure.headings import MARKER_FORMS, match_marker
from policykg.extract.structure.lines import physical_lines, split_run_on
from policykg.extract.structure.sections import parse_structure

DEV = Path(__file__).resolve().parent / "gold" / "dev" / "docs"


def _lines(doc: str, first: int, last: int) -> list[str]:
    """Lines first..last (1-based, blank lines dropped) of a real dev document, as stored."""
    rows = (DEV / f"{doc}.txt").read_text(encoding="utf-8").split("\n")[first - 1:last]
    return [r for r in rows if r.strip()]


def test_articles_of_a_body_whose_breaks_became_spaces_are_units():
    # sh-xuhui-2020-xiaofang-zerenzhi lines 17-37 (第一章 … 第七条 with its （一）（二）（三）), each break
    # written as one space, as a crawl that turns <p> into ' ' leaves them.
    text = " ".join(_lines("sh-xuhui-2020-xiaofang-zerenzhi", 17, 37))
    st = parse_structure(text, "x")
    markers = [s.marker for s in st.sections]
    assert markers[:10] == ["第一章", "第一条", "第二条", "第三条", "第四条", "第五条", "第六条", "第二章", "第七条", "（一）"]
    for s in st.sections:
        assert text[s.start:].startswith(s.marker)


def test_items_after_a_single_space_are_units_but_numbers_after_one_are_not():
    # gov-2018-guobanfa-121 (国办发〔2018〕121号) lines as stored, joined by one space: its （一）（二）… items.
    rows = _lines("gov-2018-guobanfa-121", 1, 40)
    text = " ".join(rows)
    st = parse_structure(text, "g")
    want = [match_marker(r).marker for r in rows if match_marker(r)]
    assert [s.marker for s in st.sections] == want
    # Hand-written: a decimal number after one space is a quantity, not a section (2.1 needs an
    # indent or a sentence end before it).
    line = "各地区要加强领导。" * 40 + "共 3 个试点，每个 2 名人员。" + "（一）加强领导。" * 3 + "（二）明确责任。（三）抓好落实。"
    parts = [ln.text for ln in split_run_on(physical_lines(line))]
    assert not any(p.startswith(("3 ", "2 ")) for p in parts)


def test_a_cross_reference_to_an_article_is_no_unit():
    # Hand-written: 第十二条规定的 after a sentence end refers to an article, it does not open one.
    line = ("第十一条　区政府负责统筹协调。" + "各部门应当加强配合。" * 30 + "第十二条规定的事项，由区应急管理局负责。"
            "第十三条　本细则自印发之日起施行。第十四条　本细则由区应急管理局负责解释。")
    parts = [ln.text for ln in split_run_on(physical_lines(line))]
    assert [p[:4] for p in parts] == ["第十一条", "第十三条", "第十四条"]


def test_numbered_items_with_a_dun_comma_split_as_headings_read_them():
    # Hand-written: 1、 opens an item at a line start (headings.MARKER_FORMS); inside a run-on line it opens
    # one as well, since the splitter reads the same registry.
    assert match_marker("2、加强督查").type == "item"
    line = "一、主要任务" + "　　" + "1、加强组织领导。" + "各街镇要落实责任。" * 30 + "2、加强督查。3、强化考核。"
    parts = [ln.text for ln in split_run_on(physical_lines(line))]
    assert [p[:2] for p in parts] == ["一、", "1、", "2、", "3、"]


def test_every_run_on_form_is_a_heading_form():
    # The splitter has no marker of its own: every form it cuts at is one headings.match_marker reads.
    import policykg.extract.structure.lines as lines

    forms = {f.type for f in MARKER_FORMS if f.run_on}
    assert forms == {"chapter", "section", "item", "article", "subitem", "decimal"}
    assert not re.search(r"一二三四五六七八九十|\[（\(\]", Path(lines.__file__).read_text(encoding="utf-8"))


def test_a_heading_alone_on_its_line_keeps_its_words_when_the_break_became_a_space():
    # sh-songjiang-2026-qingshui lines 15-55 (一、工作目标 … 三、组织领导与责任分工 with owner headings
    # （一）区绿化市容局 …), each break written as one space: a heading ends at the space, as it ended at
    # the line break, and the owner heading is the whole body name, not run on into its duty.
    rows = _lines("sh-songjiang-2026-qingshui", 15, 55)
    text = " ".join(rows)
    st = parse_structure(text, "s")
    want = [(m.marker, r[m.rest_offset:]) for r in rows if (m := match_marker(r))]
    got = [(s.marker, s.heading) for s in st.sections]
    assert got == [(mk, heading) for mk, heading in want] and ("（一）", "区绿化市容局") in got
