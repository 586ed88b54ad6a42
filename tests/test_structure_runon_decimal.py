"""Run-on bodies (stored as one line) whose units are separated only by paragraph indents: decimal
section numbers (应急预案) and （一） items after 。　　. Quotes cut down from real dev documents."""

from __future__ import annotations

from policykg.extract.pipeline import extract_text
from policykg.extract.structure.lines import physical_lines, split_run_on
from policykg.extract.structure.sections import parse_structure

# gov-2014-guobanhan-119 (国办函〔2014〕119号, the whole text one stored line), cut down: a table of
# contents, then 2.1 / 2.2 / 3.2 / 3.2.1 with the heading run on into the body after two spaces.
DECIMAL = ("国家突发环境事件应急预案　　2　组织指挥体系　　　　2.1　国家层面组织指挥机构　　　　2.2　地方层面组织指挥机构"
           "\u00a0　　2　组织指挥体系　　2.1　国家层面组织指挥机构　　环境保护部负责重特大突发环境事件应对的指导协调和环境应急的"
           "日常监督管理工作。根据突发环境事件的发展态势及影响，环境保护部或省级人民政府可报请国务院批准，或根据国务院领导同志指示，"
           "成立国务院工作组，负责指导、协调、督促有关地区和部门开展突发环境事件应对工作。"
           "　　2.2　地方层面组织指挥机构　　县级以上地方人民政府负责本行政区域内的突发环境事件应对工作，明确相应组织指挥机构。"
           "　　2.3　现场指挥机构　　负责突发环境事件应急处置的人民政府根据需要成立现场指挥部，负责现场组织指挥工作。"
           "　　3.2　预警　　3.2.1　预警分级　　对可以预警的突发环境事件，按照事件发生的可能性大小、紧急程度和可能造成的危害程度，"
           "将预警分为四级，由低到高依次用蓝色、黄色、橙色和红色表示。预警级别的具体划分标准，由环境保护部制定。"
           "本预案由环境保护部负责解释，因环境污染造成直接经济损失2.5亿元以上的除外。")


def test_a_one_line_body_is_split_at_decimal_section_numbers_after_an_indent():
    st = parse_structure(DECIMAL, "d")
    got = [(s.marker, s.heading) for s in st.sections]
    # The table of contents opens no unit (its entries come again, word for word, before their text);
    # each heading ends at the indent (without that cut 2.1's heading would run into its first sentence).
    assert got == [("2", "组织指挥体系"), ("2.1", "国家层面组织指挥机构"), ("2.2", "地方层面组织指挥机构"),
                   ("2.3", "现场指挥机构"), ("3.2", "预警"), ("3.2.1", "预警分级")]
    for s in st.sections:
        assert DECIMAL[s.start:].startswith(s.marker)
    # The unit starts at the section itself, after the contents.
    assert st.sections[1].start > DECIMAL.index("2.2　地方层面组织指挥机构")


def test_decimal_sections_of_a_one_line_body_carry_their_clauses():
    x = extract_text(DECIMAL, "d")
    by_task = {}
    for c in x.clauses:
        for a in c.assignments:
            t = next(t for t in x.tasks if t.id == a.task_id)
            by_task.setdefault(t.title, set()).add((a.agency.surface, a.role.value))
    assert ("环境保护部", "responsible") in by_task.get("预警分级", set())
    # 国家层面组织指挥机构 describes a tier of the command structure, no body: the headings of 2 make no
    # owner chapter (owner headings, 2890d14), the prose below them is read.
    assert not any(name.endswith("组织指挥机构") for v in by_task.values() for name, _ in v)


# gov-2005-guofa-39 (国发〔2005〕39号, one stored line), cut down: items （一） … after 。　　 — the indent
# between the full stop and the marker hid every marker before.
INDENTED = ("国务院关于落实科学发展观加强环境保护的决定国发〔2005〕39号各省、自治区、直辖市人民政府，国务院各部委、各直属机构："
            "　　为全面落实科学发展观，加快构建社会主义和谐社会，实现全面建设小康社会的奋斗目标，必须把环境保护摆在更加重要的战略位置。"
            "现作出如下决定：　　一、充分认识做好环境保护工作的重要意义　　（一）环境保护工作取得积极进展。党中央、国务院高度重视"
            "环境保护，采取了一系列重大政策措施。　　（二）环境形势依然十分严峻。我国环境保护虽然取得了积极进展，但环境形势严峻的状况"
            "仍然没有改变。　　五、建立和完善环境保护的长效机制　　（二十）完善环境管理体制。按照区域生态系统管理方式，逐步理顺部门职责"
            "分工，增强环境监管的协调性、整体性。地方人民政府对本行政区域环境质量负责。")


def test_markers_after_a_full_stop_and_an_indent_split_a_one_line_body():
    st = parse_structure(INDENTED, "i")
    got = [(s.marker, s.heading) for s in st.sections]
    assert got == [("一、", "充分认识做好环境保护工作的重要意义"), ("（一）", "环境保护工作取得积极进展"),
                   ("（二）", "环境形势依然十分严峻"), ("五、", "建立和完善环境保护的长效机制"),
                   ("（二十）", "完善环境管理体制")]


def test_a_short_line_with_indented_numbers_is_left_whole():
    # The run-on split needs a long line; a short indented line of numbers is ordinary text.
    text = "关于加强管理的通知\n\n　　按照规定，　　1　总则　　2　附则　　3　附件。\n"
    assert split_run_on(physical_lines(text)) == physical_lines(text)
