"""Owner-as-heading chapters (extract/tables/owner_headings.py), on the real development document
sh-putuo-2025-haimian: 四、职责分工 with (一)区建管委 … (八)各建设单位, each heading a body and its duties
below. Expected owners were read off the document by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.extract.pipeline import extract_document
from policykg.extract.structure.sections import parse_structure
from policykg.extract.structure.tasks import build_tasks
from policykg.extract.tables.owner_headings import owner_heading_units

DOCS = Path(__file__).resolve().parent / "gold" / "dev" / "docs"
BODIES = ["区建管委", "区发改委", "区财政局", "区规划资源局", "区生态环境局", "区绿化市容局", "区房管局", "各建设单位"]


@pytest.fixture(scope="module")
def x():
    return extract_document(DOCS / "sh-putuo-2025-haimian.txt")


def test_each_heading_body_is_responsible_for_its_unit(x):
    heads = [c for c in x.clauses if c.rule == "clause.owner_heading"]
    got = [(x.text[c.start:c.end], [(a.role.value, a.rank, a.agency.surface) for a in c.assignments]) for c in heads]
    markers = "一二三四五六七八"
    assert got == [(f"({markers[i]}){b}", [("responsible", 1, b)]) for i, b in enumerate(BODIES)]
    titles = {t.id: t.title for t in x.tasks}
    assert [titles[c.task_id] for c in heads] == BODIES


def test_evidence_is_the_heading_line_as_written(x):
    for c in x.clauses:
        if c.rule == "clause.owner_heading":
            ev = c.assignments[0].evidence
            assert x.text[ev.start:ev.end] == ev.quote and ev.quote.endswith(c.assignments[0].agency.surface)


def test_the_duties_name_no_second_owner(x):
    # (八)各建设单位's duties read 在本单位负责实施的…: 在本单位 is no body, and the heading already owns the unit.
    surfaces = [a.agency.surface for c in x.clauses for a in c.assignments]
    assert "在本单位" not in surfaces
    # The prose clauses before the chapter stay (三、 2. 由区规划资源局…征询…).
    assert any(c.rule != "clause.owner_heading" and "区规划资源局" in c.text for c in x.clauses)


def _units(name: str):
    text = (DOCS / name).read_text(encoding="utf-8")
    st = parse_structure(text, "d")
    return owner_heading_units(text, "d", st.sections, build_tasks("d", st.sections, st.paragraphs), None)


def test_only_a_duty_chapter_with_body_headings_counts():
    # 五、组织保障's sub-headings are topics, and sh-baoshan-2019-laji has no 职责分工 chapter at all.
    assert [tt.task.title for tt in _units("sh-putuo-2025-haimian.txt")] == BODIES
    assert _units("sh-baoshan-2019-laji.txt") == []


def test_a_titled_duty_chapter_and_a_body_before_a_colon():
    # The same chapter worded otherwise (明确职责分工; （二）区发改委：指导… on one line): the offsets move,
    # the owners must not. A variant of the real text, to test the layout, not a document.
    text = (DOCS / "sh-putuo-2025-haimian.txt").read_text(encoding="utf-8")
    varied = text.replace("四、职责分工", "四、明确职责分工", 1).replace("(二)区发改委\n\n指导", "(二)区发改委：指导", 1)
    assert varied.count("区发改委：指导") == 1 and "明确职责分工" in varied
    st = parse_structure(varied, "d")
    units = owner_heading_units(varied, "d", st.sections, build_tasks("d", st.sections, st.paragraphs), None)
    assert [tt.assignments[0][1][0].surface for tt in units] == BODIES
    second = units[1].assignments[0][2]
    assert second.quote == "(二)区发改委" and varied[second.start:second.end] == second.quote


def test_a_chapter_title_joined_by_yu_and_a_list_closing_in_a_competent_department():
    # sh-songjiang-2026-qingshui: 三、组织领导与责任分工 over (一)区绿化市容局 … (五)各街镇、经开区. The
    # joined title (组织领导与…, vocabulary [clauses] owner_chapter_joined) is such a chapter, and the
    # heading 区建管委、区交通委、区水务局、区房管局等建设主管部门 names four bodies, not
    # 区房管局等建设主管部门 (等…主管部门 closes the list). Read off the document by hand.
    y = extract_document(DOCS / "sh-songjiang-2026-qingshui.txt")
    heads = {y.text[c.start:c.end]: [a.agency.surface for a in c.assignments]
             for c in y.clauses if c.rule == "clause.owner_heading"}
    # （一）'s duties go on to 牵头区建管委、区交通委、区城管执法局、区公安分局（交管），每周开展…: the heading
    # body stays responsible (its heading stands alone on its line) and the four it gathers support.
    one = next(c for c in y.clauses if c.rule == "clause.owner_heading" and y.text[c.start:c.end].startswith("（一）"))
    assert [(a.role.value, a.agency.surface) for a in one.assignments] == [
        ("responsible", "区绿化市容局"), ("support", "区建管委"), ("support", "区交通委"), ("support", "区城管执法局"),
        ("support", "区公安分局（交管）")]
    two = next(v for k, v in heads.items() if k.startswith("（二）"))
    assert two == ["区建管委", "区交通委", "区水务局", "区房管局"]
    assert heads["（三）区公安分局（交管）"] == ["区公安分局（交管）"]


HONGKOU = "sh-hongkou-2014-fengmao-fangzai.txt"


def test_an_untitled_chapter_whose_every_item_is_headed_by_a_body():
    # sh-hongkou-2014-fengmao-fangzai 四、各单位按以下职能分工牵头…： (no duty title) over （一）区房管局。负责…
    # … （七）区房屋急修中心。负责…, a flat document whose items had no task before a clause made one.
    y = extract_document(DOCS / HONGKOU)
    heads = [c for c in y.clauses if c.rule == "clause.owner_heading"]
    got = [(y.text[c.start:c.start + 12].split("。")[0], sorted({a.agency.surface for a in c.assignments if a.role.value == "responsible"}))
           for c in heads]
    assert got == [("（一）区房管局", ["区房管局"]), ("（二）公安消防支队", ["公安消防支队"]), ("（三）区建交委", ["区建交委"]),
                   ("（四）区安监局", ["区安监局"]), ("（五）各街道办事处", ["各街道办事处"]), ("（六）虹房集团", ["虹房集团"]),
                   ("（七）区房屋急修中心", ["区房屋急修中心"])]


def test_the_heading_body_supports_the_body_its_duties_say_it_works_with():
    # （三）区建交委。负责…；负责配合公安消防支队对市政道路上的消防设施进行排查: 公安消防支队 leads, the heading
    # body supports, the evidence runs from the heading to the end of 公安消防支队. （四）'配合指导各相关部门'
    # names no lead (指导 follows the verb). Read off the document by hand.
    y = extract_document(DOCS / HONGKOU)
    by_task: dict[str, list] = {}
    for c in y.clauses:
        for a in c.assignments:
            by_task.setdefault(a.task_id.rsplit(":", 1)[1], []).append((a.role.value, a.agency.surface, a.evidence.quote))
    three = by_task["c4.s3"]
    assert sorted((r, s) for r, s, _ in three) == [("lead", "公安消防支队"), ("responsible", "区建交委"), ("support", "区建交委")]
    quote = next(q for r, s, q in three if r == "lead")
    assert quote.startswith("（三）区建交委。负责组织") and quote.endswith("负责配合公安消防支队")
    assert sorted(r for r, _, _ in by_task["c4.s4"]) == ["responsible"]
    # The numbered sub-items of （五） open with their own body: the prose rules still read them.
    assert [r for r, s, _ in by_task["c4.s5.i1"] if s.endswith("提篮桥街道办事处")] == ["responsible"]


def test_an_untitled_chapter_with_a_topic_item_is_left_to_the_prose_rules_hand_written():
    # HAND-WRITTEN (cut down from the chapter above, one item made a topic): not every item is headed
    # by a body and the chapter has no duty title, so no owner headings.
    text = ("关于加强防灾工作的实施意见\n\n一、各单位按以下分工开展排查：\n\n（一）区房管局。负责召开例会。\n\n"
            "（二）公安消防支队。负责排查消防隐患。\n\n（三）加强宣传。做好防灾宣传。\n")
    st = parse_structure(text, "d")
    assert owner_heading_units(text, "d", st.sections, build_tasks("d", st.sections, st.paragraphs), None) == []
    full = text.replace("（三）加强宣传。做好防灾宣传。", "（三）区建交委。负责整改。")
    st = parse_structure(full, "d")
    units = owner_heading_units(full, "d", st.sections, build_tasks("d", st.sections, st.paragraphs), None)
    assert [tt.assignments[0][1][0].surface for tt in units] == ["区房管局", "公安消防支队", "区建交委"]
