"""A body stored as one run-on line is read at the white space its line breaks left (issue 12, layout
benchmark one_line_indent / one_line_space): structure/lines.text_lines, the one line view of the
structure and of the one-cell-a-line table readers."""

from __future__ import annotations

from pathlib import Path

from corpus_helpers import owners_by_task
from policykg.extract.structure.lines import text_lines, with_breaks
from policykg.extract.structure.sections import parse_structure

DEV = Path(__file__).resolve().parent / "gold" / "dev" / "docs"


def _stored(doc: str) -> str:
    return (DEV / f"{doc}.txt").read_text(encoding="utf-8")


def _rows(doc: str, first: int, last: int) -> list[str]:
    """Non-blank lines first..last (1-based) of a real dev document, as stored, trimmed."""
    rows = _stored(doc).split("\n")[first - 1:last]
    return [r.strip() for r in rows if r.strip()]


def test_the_closing_paragraph_of_a_notice_stored_as_one_line_is_a_line_of_its_own():
    # gov-2014-guobanfa-56 (国办发〔2014〕56号), stored as one line with 　　 where its paragraphs broke:
    # the last item ends at its own sentence, the closing paragraph and the sign-off are lines.
    lines = [ln.text for ln in text_lines(_stored("gov-2014-guobanfa-56"))]
    last = next(t for t in lines if t.startswith("（十五）强化执法能力保障。"))
    assert last.endswith("将环境监管执法经费纳入同级财政全额保障范围。")
    assert any(t.startswith("各地区、各有关部门要充分认识进一步加强环境监管执法的重要意义") for t in lines)
    assert "国务院办公厅" in lines and "2014年11月12日" in lines


def test_a_table_typed_one_cell_a_line_keeps_its_cells_when_its_breaks_became_spaces():
    # jx-shicheng-2018-hezhang-kaohe (石城县…考核细则) lines 1-40 as stored, each break written as one
    # space: every cell is a line again, row numbers and scores (40, 1, 8) included.
    # (A line with a space of its own, 一、 通用考核项目 once joined, cannot be told from two lines.)
    rows = _rows("jx-shicheng-2018-hezhang-kaohe", 1, 40)
    got = [ln.text for ln in text_lines(" ".join(rows))]
    assert [r for r in rows if " " not in r and r not in ("一、", "通用考核项目（全部责任单位）")] == \
        [g for g in got if g in rows]
    assert "40" in got and "1" in got and "8" in got


def test_owners_of_a_task_table_stored_as_one_line_are_those_of_its_stored_text():
    # sh-jingan-2023-gengxin (静安区城市更新行动方案): its 重点任务清单 typed one cell a line (任务类型 / 序号 /
    # 工作任务 / 推进单位); with every break written as one space no row was read (124 -> 0 units).
    text = _stored("sh-jingan-2023-gengxin")

    want = owners_by_task(text)
    assert len(want) >= 124
    assert owners_by_task(" ".join(ln.strip() for ln in text.split("\n") if ln.strip())) == want


def test_the_space_of_a_marker_a_latin_word_or_a_decimal_heading_is_no_break():
    # Hand-written, after real forms: ab-2021-zhengwu-shuju's 第一条\u2002\u3000为规范…, sh-chongming-2023-
    # ranqi-yuan's 1.1　　编制目的 (a text with two N.M headings, so 1　　总则 is its chapter), a Latin word's
    # space; a number cell is no marker (0.69　　社区 of sh-fengxian-2022-binan's 一览表).
    body = "各部门要加强领导。" * 40
    line = (body + "第一条\u2002\u3000为规范政务数据资源管理，制定本办法。" + "第二条　本办法适用于全州。"
            "1　　总则　　1.1　　编制目的　　为贯彻落实有关部署，制定本预案。1.2　　编制依据　　《突发事件应对法》。" + "（一）统一格式。推广 Word 2010 文档格式。")
    got = [ln.text for ln in text_lines(line)]
    assert "第一条\u2002\u3000为规范政务数据资源管理，制定本办法。" in got
    assert "1　　总则" in got and "1.1　　编制目的" in got
    cells = [ln.text for ln in text_lines(body + "（一）场所面积。" * 3 + "1.61　　奉城镇　　0.69　　社区　　0.00")]
    assert cells[-5:] == ["1.61", "奉城镇", "0.69", "社区", "0.00"]
    assert "（一）统一格式。推广 Word 2010 文档格式。" in got


def test_a_chapter_heading_sharing_its_line_with_the_first_article_is_cut_off():
    # ab-2021-zhengwu-shuju (阿坝州政务数据资源管理暂行办法) line 83 as stored: every chapter shares its line with
    # its first article, white space between them.
    line = next(r for r in _stored("ab-2021-zhengwu-shuju").split("\n") if "第三十八条" in r)
    assert [ln.text for ln in text_lines(line)][:2] == [
        "第七章　安全保障", "第三十八条\u2002\u3000数据提供部门负责本部门数据采集、归集、存储、提供、共享、应用和开放等环节的安全管理。"]
    st = parse_structure(_stored("ab-2021-zhengwu-shuju"), "ab")
    art = next(s for s in st.sections if s.marker == "第三十八条")
    assert next(s for s in st.sections if s.id == art.parent_id).marker == "第七章"


def test_the_breaks_view_puts_a_line_break_where_a_run_on_line_was_cut_at_white_space():
    # gov-2014-guobanfa-56 as stored: the same length, a \n where the structure cut at 　　, nothing else.
    text = _stored("gov-2014-guobanfa-56")
    view = with_breaks(text)
    assert len(view) == len(text) and "\n" in view[:-1] and "\n" not in text[:-1]
    assert all(a == b or (a == "\u3000" and b == "\n") for a, b in zip(text, view))
    k = text.index("各地区、各有关部门要充分认识")
    assert view[k - 2:k] == "\n\u3000"
