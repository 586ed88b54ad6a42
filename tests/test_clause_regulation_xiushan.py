"""Readings of an autonomous county's 条例 (xiushan-2021-meijianghe) that hold for any regulation."""

from policykg.extract.clauses.finder import find_clauses


def _owners(text: str) -> list[tuple[str, str]]:
    return [(role.value, it.name) for f in find_clauses(text, 0, len(text)) for role, items in f.roles for it in items]


def test_yifa_after_the_comma_still_opens_the_within_duties_phrase():
    text = "县发展改革、公安、气象等部门，依法在各自职责范围内对流域水生态环境保护实施监督管理。"
    assert _owners(text) == [("responsible", "县发展改革部门"), ("responsible", "公安部门"), ("responsible", "气象部门")]


def test_a_government_answers_for_the_environmental_quality_of_a_named_area():
    assert _owners("县人民政府应当对梅江河流域水环境质量负责，将保护工作纳入规划。") == [("responsible", "县人民政府")]
    # Accountability for one's own act names no area's environment: no owner (gov-2018-guobanfa-118).
    assert _owners("法制审核机构对法制审核意见负责。") == []


def test_a_forward_reference_to_the_items_names_no_owner():
    assert _owners("梅江河流域的漂浮物，由下列单位组织清理：") == []
    assert _owners("由下列部门负责组建：") == []


def test_the_bare_head_after_a_body_set_up_is_that_body():
    # gov-2017-guofa-35 六、（一）: the second 办公室 is the office just set up; 科技部 is only its seat.
    text = "成立人工智能规划推进办公室，办公室设在科技部，具体负责推进规划实施。"
    assert _owners(text) == [("responsible", "人工智能规划推进办公室")]


def test_a_verb_before_qu_is_no_district():
    from policykg.extract.clauses.agency_list import named_place
    assert named_place("促进区块链技术与人工智能的融合") is None
