"""The clause units of a body stored as one line (issue 12): the closing paragraph, the bracket line that
closes an item's sub-items and the paragraph after an article's 项 are read on the structure's lines
(structure/lines.text_lines), not on line breaks the text no longer has (clauses/assign.py)."""

from __future__ import annotations

from pathlib import Path

from policykg.extract.pipeline import extract_text

DEV = Path(__file__).resolve().parent / "gold" / "dev" / "docs"


def _stored(doc: str) -> str:
    return (DEV / f"{doc}.txt").read_text(encoding="utf-8")


def _owners(text: str) -> dict[str, list[tuple[str, str]]]:
    x = extract_text(text, "x")
    titles = {t.id: t.title for t in x.tasks}
    out: dict[str, list[tuple[str, str]]] = {}
    for c in x.clauses:
        for a in c.assignments:
            out.setdefault(titles.get(a.task_id, ""), []).append((a.role.value, a.agency.name))
    return out


def test_the_closing_paragraph_of_a_notice_stored_as_one_line_closes_no_task():
    # gov-2014-guobanfa-56 (国办发〔2014〕56号), stored as one line: …全额保障范围。　　各地区、各有关部门要充分
    # 认识…。环境保护部要会同有关部门加强对本通知落实情况的监督检查 is the closing paragraph (the gold leaves it
    # out, as dev's 121 closing paragraph); it was read as the last item （十五）'s lead and support.
    x = extract_text(_stored("gov-2014-guobanfa-56"), "x")
    clause = next(c for c in x.clauses if c.text.startswith("环境保护部要会同有关部门"))
    assert clause.task_id is None
    assert not any(a.agency.name == "环境保护部" for c in x.clauses for a in c.assignments)


def test_a_bracket_closing_sub_items_is_the_items_when_the_breaks_became_spaces():
    # sh-fengxian-2021-nongcun-gonglu lines 47-72 as stored (2.落实属地主体责任 … (1)(2)(3) …
    # (责任单位：区交通委、各街镇、开发区、头桥集团)), each break written as one space: the bracket line
    # closes item 2., as it does in the stored text, not its last sub-item (3).
    rows = [r.strip() for r in _stored("sh-fengxian-2021-nongcun-gonglu").split("\n")[46:72] if r.strip()]
    owners = _owners(" ".join(rows))
    assert ("responsible", "区交通委") in owners.get("落实属地主体责任", [])
    # And the owner after a single space is read as on its own line (1.强化区级主体责任 区交通委是…负责:
    # the finder reads the breaks the structure found, lines.with_breaks), so all owners are as stored.
    assert ("responsible", "区交通委") in owners["强化区级主体责任"][:1]
    assert owners == _owners("\n".join(rows))


def test_a_paragraph_indent_inside_a_one_line_body_starts_a_clause():
    # gov-2014-guobanhan-119 (国家突发环境事件应急预案), stored as one line: …2.2　地方层面组织指挥机构　　县级以上
    # 地方人民政府负责本行政区域内的突发环境事件应对工作…: the owner begins after the indent, not at the heading.
    x = extract_text(_stored("gov-2014-guobanhan-119"), "x")
    clause = next(c for c in x.clauses if c.text.startswith("县级以上地方人民政府负责本行政区域内的突发环境事件应对工作"))
    assert [a.agency.name for a in clause.assignments] == ["县级以上地方人民政府"]


def test_a_defined_abbreviation_is_no_paragraph_indent():
    # sh-chongming-2023-ranqi-yuan 2.1: 区城市运行和突发事件应急管理委员会（以下简称“区城运应急委”）作为…领导机构.
    # The finder reads the abbreviation's bracket as blank; blanked with 　 it looked like an indent and the
    # owner was lost (ABBREVIATION_FILL is an ASCII space, which no indent is made of).
    x = extract_text(_stored("sh-chongming-2023-ranqi-yuan"), "x")
    names = [a.agency.name for c in x.clauses for a in c.assignments]
    assert "区城市运行和突发事件应急管理委员会" in names and "崇明区建设管理委员会" in names
