"""extract/structure/wraps.py: the one decision of which line breaks are hard wraps, by each of its
three kinds of evidence (FIXED WIDTH, OPEN LONG LINE, LOCAL), on the real texts whose wraps it was
written for. Quotes are the documents' own text (checked against the file); the expected breaks are
read off the page by hand, never computed by the code under test. Examples written by hand for a
case no document shows are labelled so.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from policykg.extract.entities.glossary import parse_glossary
from policykg.extract.entities.textview import build_view
from policykg.extract.structure.headings import is_heading_line
from policykg.extract.structure.lines import LogicalLine, join_wrapped, physical_lines
from policykg.extract.structure.sections import parse_structure
from policykg.extract.structure.wraps import (
    WRAP_MIN_CHARS, joined, keeps_break, name_gap, page_width, runs_on, sentence_gap, wrap_breaks, wrap_gaps,
)
from policykg.paths import corpus_dir

DEV = Path(__file__).resolve().parent / "gold" / "dev" / "docs"
GZ = "gz-2011-dixia-kongjian"  # a PDF page dump, 26 characters a line


@lru_cache(maxsize=None)
def dev_text(doc_id: str) -> str:
    return (DEV / f"{doc_id}.txt").read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def corpus_text(prefix: str) -> str:
    return next((corpus_dir() / "documents").glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


# --- FIXED WIDTH (moved from tests/test_clause_rules_set7.py) ---------------------------------

def test_pdf_wraps_are_found_only_in_a_fixed_width_text():
    gz = dev_text(GZ)
    assert page_width(gz) == 26
    # A document with one paragraph a line has no wrap (sh-shiwei-ziran-zaihai, the same set).
    assert page_width(dev_text("sh-shiwei-ziran-zaihai")) is None
    assert wrap_breaks(dev_text("sh-shiwei-ziran-zaihai")) == []
    breaks = wrap_breaks(gz)
    cut = gz.index("分别负\n责") + 3
    assert cut in breaks
    # A heading line (第二章 规划管理) is short: its break stays.
    heading = gz.index("第二章 规划管理") + len("第二章 规划管理")
    assert gz[heading:heading + 1] in ("\n", " ") and heading not in breaks
    j = joined(gz, breaks)
    assert "分别负责地下空间开发利用的规划管理" in j.text
    assert j.to_doc_start(j.text.index("责地下空间")) == cut + 1


def test_no_other_dev_text_is_read_as_wrapped():
    # The layout evidence must leave documents with one paragraph a line alone (short headings,
    # table cells one a line, long run-on lines): of the dev texts only the PDF dump has hard wraps.
    # A break inside a short bracket is read across in any layout (bracket_breaks): the promulgation
    # note of gov-2004-guofa-18 (（…国务院\n第54次常务会议修订通过）) and an owner bracket of
    # sd-2024-changjing-shiqiang (（十六）) are such breaks, nothing else.
    from policykg.extract.structure.wraps import bracket_breaks
    wrapped = sorted(p.stem for p in DEV.glob("*.txt")
                     if set(wrap_breaks(t := p.read_text(encoding="utf-8"))) - set(bracket_breaks(t)))
    assert wrapped == [GZ]
    in_brackets = sorted(p.stem for p in DEV.glob("*.txt") if bracket_breaks(p.read_text(encoding="utf-8")))
    assert in_brackets == ["gov-2004-guofa-18", "sd-2024-changjing-shiqiang"]


def test_a_full_line_runs_on_and_is_read_across():
    gz = dev_text(GZ)
    # 应当按\n照各自的职能分工: a paragraph's first line, short of the width by its lost indent, wraps.
    first = gz.index("应当按\n照") + 3
    line = gz[gz.rfind("\n", 0, first) + 1:first]
    assert first in wrap_breaks(gz)
    assert runs_on(line, "照各自的职能分工", is_heading_line, width=26)
    # The same line is no full line in a layout twice as wide.
    assert not runs_on(line, "照各自的职能分工", is_heading_line, width=52)
    # A range: only breaks inside [lo, hi) are reported.
    assert wrap_breaks(gz, first + 1, first + 2) == []
    assert wrap_breaks(gz, first, first + 1) == [first]
    # …地下交通、垃圾处理、\n电力设施: a full line ending with 、 runs on (one paragraph in the
    # structure) and the list is read across its break.
    cut = gz.index("垃圾处理、\n电力设施") + len("垃圾处理、")
    assert (cut, cut + 1) in wrap_gaps(gz, width=26) and cut in wrap_breaks(gz)
    assert "地下交通、垃圾处理、电力设施" in joined(gz, wrap_breaks(gz)).text
    paras = [p.text for p in parse_structure(gz, GZ).paragraphs]
    assert any("优先发展地下交通、垃圾处理、电力设施等城市基础设施" in p for p in paras)


def test_a_wrap_between_latin_words_stands_for_a_space():
    # Hand-written: Internet / Protocol keeps its break (a space); 市交通委 / 、市商务委 and 2020 / 年
    # are cut words or lists.
    assert keeps_break("t", "P") and keeps_break("2", "0")
    assert not keeps_break("委", "、") and not keeps_break("0", "年") and not keeps_break("、", "市")


def test_joined_maps_offsets_back():
    # Hand-written: two wraps removed, offsets of the joined text land on the document's characters.
    text = "分别负\n责地下\n空间"
    j = joined(text, [3, 7])
    assert j.text == "分别负责地下空间"
    assert j.to_doc_start(3) == 4 and j.to_doc_end(4) == 5
    assert j.to_joined(3) == 3 and j.to_joined(len(text)) == len(j.text)


# --- OPEN LONG LINE ---------------------------------------------------------------------------

def test_a_long_open_line_runs_on_across_a_page_break_2021():
    # 004 (a PDF plan, one paragraph a line): …加快发展工 / (empty line) / 业互联网平台… is one paragraph.
    text = corpus_text("004")
    cut = text.index("加快发展工\n\n业互联网平台")
    items = join_wrapped(physical_lines(text), is_heading_line)
    para = next(it for it in items if isinstance(it, LogicalLine) and it.start <= cut < it.end)
    assert "加快发展工业互联网平台" in para.text
    line = text[text.rfind("\n", 0, cut) + 1:cut + len("加快发展工")].strip()
    assert len(line) >= WRAP_MIN_CHARS
    assert runs_on(line, "业互联网平台，提升产业关键支撑能力", is_heading_line)


@pytest.mark.parametrize("line,nxt,blank,expected", [
    # Hand-written, each one check away from running on (the line is 43 characters, over WRAP_MIN_CHARS):
    ("以推进特区一体化为契机，加快推进全市范围内的宽带网络建设和光纤到户" + "的普及工作与应用推广", "建设步伐", False, True),
    # ends with a terminal mark: the paragraph ended
    ("以推进特区一体化为契机，加快推进全市范围内的宽带网络建设和光纤到户" + "的普及工作与应用推广。", "建设步伐", False, False),
    # the next line is a heading
    ("以推进特区一体化为契机，加快推进全市范围内的宽带网络建设和光纤到户" + "的普及工作与应用推广", "（二）加快建设", False, False),
    # a white-space-only line between (where a web page lost a heading)
    ("以推进特区一体化为契机，加快推进全市范围内的宽带网络建设和光纤到户" + "的普及工作与应用推广", "建设步伐", True, False),
    # too short to have been cut by a full page line (a title)
    ("深圳市信息化发展规划", "建设步伐", False, False),
])
def test_runs_on_checks(line, nxt, blank, expected):
    assert runs_on(line, nxt, is_heading_line, blank_between=blank) is expected


# --- LOCAL ------------------------------------------------------------------------------------

def test_a_name_runs_across_a_blank_line_wrap_2011():
    # 003: …工程实验室15家（其中国家级5家）、工程中\n\n心 39 家: the view reads 工程中心.
    text = corpus_text("003")
    i = text.index("工程中\n\n心")
    assert name_gap("中", "\n\n", "心")
    view = build_view(text[i:i + 6])
    assert view.compact.startswith("工程中心")
    # Hand-written: three line breaks are a real break, not a wrap; Latin on both sides is no name gap.
    assert not name_gap("中", "\n\n\n", "心")
    assert not name_gap("b", " ", "c")
    assert name_gap("T", " ", "斯")


def test_a_definition_runs_across_a_wrap_after_a_mark_2011():
    # 003's 名词解释, 电子病历: …指导干预的、\n\n数字化的医疗服务工作记录 reads on; 进入 21 世纪 keeps its spaces.
    text = corpus_text("003")
    assert "指导干预的、\n\n数字化" in text and "进入 21 世纪" in text
    terms = {t.term: t.definition for t in parse_glossary("003", text)}
    emr = next(d for t, d in terms.items() if t.startswith("电子病历"))
    assert "指导干预的、数字化的医疗服务工作记录" in emr
    assert any("进入 21 世纪" in d for d in terms.values())
    assert sentence_gap("、", "\n\n", "数") and not sentence_gap("入", " ", "2")


# --- the same page in other white space (the layouts of tests/benchmarks/layout_invariance.py) --

@pytest.mark.parametrize("indent,newline", [("\u3000\u3000", "\n"), ("\u00a0\u00a0", "\n"), ("", "\r\n"),
                                            ("", "\r\n\r\n")])
def test_a_fixed_width_page_keeps_its_wraps_in_other_white_space(indent, newline):
    # gz-2011-dixia-kongjian re-laid out by hand: every line indented (a Word or web export) or
    # ended by CRLF, with or without a blank line between. Same page, same wraps: the width is
    # measured without the indent and a wrap gap is whatever white space lies between the lines.
    gz = dev_text(GZ)
    laid = newline.join(indent + line for line in gz.split("\n"))
    assert page_width(laid) == 26
    assert len(wrap_gaps(laid, width=26)) == len(wrap_gaps(gz, width=26))
    assert "分别负责地下空间开发利用的规划管理" in joined(laid, wrap_breaks(laid)).text


def _hard_wrapped(text: str, width: int) -> str:
    # A PDF page dump of the text: every line cut every `width` characters (test input only).
    return "\n".join(line[i:i + width] for line in text.split("\n") for i in range(0, max(len(line), 1), width))


def test_a_plan_hard_wrapped_at_35_is_read_as_written():
    # sh-2026-gongyuan-tizhi, one paragraph a line, dumped at 35 characters a line: its many short
    # lines (headings, last lines) do not hide the width, and an owner list cut after 、 is read whole.
    src = dev_text("sh-2026-gongyuan-tizhi")
    quote = "（责任单位：市绿化市容局、市发展改革委、市财政局、市规划资源局、市住房城乡建设管理委、市生态环境局、各区政府）"
    assert quote in src
    laid = _hard_wrapped(src, 35)
    assert page_width(laid) == 35
    start = laid.index("（责任单位：市绿化市容局、市发展改革委、市财政局")
    end = laid.index("各区政府）", start) + len("各区政府）")
    assert "\n" in laid[start:end]
    from policykg.extract.clauses.finder import find_clauses
    owners = [it.name for f in find_clauses(laid, start, end) for _, items in f.roles for it in items]
    assert owners == ["市绿化市容局", "市发展改革委", "市财政局", "市规划资源局", "市住房城乡建设管理委",
                      "市生态环境局", "各区政府"]


def test_a_break_inside_a_short_owner_bracket_is_read_across_in_any_layout():
    # sd-2024-changjing-shiqiang （十六）: one paragraph a line, a break inside the closing owner bracket.
    from policykg.extract.clauses.finder import find_clauses
    from policykg.extract.structure.wraps import bracket_breaks
    text = "聚集市场主体60家以上。(青岛市绿色低碳高\n质量发展先行区建设办公室负责)(十七)智驾之都"
    assert [text[i] for i in bracket_breaks(text)] == ["\n"]
    owners = [it.name for f in find_clauses(text, 0, len(text)) for _, items in f.roles for it in items]
    assert owners == ["青岛市绿色低碳高\n质量发展先行区建设办公室"] or owners == ["青岛市绿色低碳高质量发展先行区建设办公室"]
    # A bracket closed on its own line, or a break with no bracket open, is no wrap.
    assert bracket_breaks("（一）组织领导\n加强统筹") == []
    assert bracket_breaks("推动工作落实\n（二）强化保障") == []
