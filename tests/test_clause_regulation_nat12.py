"""Regulation forms of the twelfth set's national 条例 (issue 12, tune-nat): partners of a level head sharing one
head, partners of the lead's own level (同级/本级), a partner before a verb no stop word knows, 经/报 before a lead,
county-level shared-head runs with a relative place, a government's other departments kept whole, and 负责
inside a function name. HAND-WRITTEN sentences in the forms of those regulations; the readings are by hand."""

from __future__ import annotations

from clause_readings import pairs as read, surfaces


def test_partners_of_a_level_head_share_the_closing_head():
    found = read("国务院林业主管部门会同国务院建设、水利、交通等部门编制全国规划。")
    assert found == [("clause.with_partner", [
        ("lead", [("国务院林业主管部门", "国务院林业主管部门")]),
        ("support", [("国务院建设", "国务院建设部门"), ("水利", "国务院水利部门"), ("交通", "国务院交通部门")])])]


def test_same_level_partners_take_the_leads_government():
    found = read("县级以上地方人民政府林业主管部门会同同级建设、水利等部门编制本行政区域的规划。")
    assert found == [("clause.with_partner", [
        ("lead", [("县级以上地方人民政府林业主管部门", "县级以上地方人民政府林业主管部门")]),
        ("support", [("同级建设", "县级以上地方人民政府建设部门"), ("水利", "县级以上地方人民政府水利部门")])])]
    # A lead with no government in its name leaves 同级 as written.
    found = read("林业主管部门应当会同同级建设、水利等部门查明情况。")
    assert ("support", [("同级建设", "同级建设部门"), ("水利", "同级水利部门")]) in found[0][1]


def test_a_partner_before_a_verb_no_stop_word_knows():
    assert surfaces("森林火灾预报由县级以上人民政府林业主管部门会同气象主管机构发布。") == [
        ("clause.with_partner", [("lead", ["县级以上人民政府林业主管部门"]), ("support", ["气象主管机构"])])]
    assert surfaces("由县级以上地方人民政府兵役机关会同有关部门查明事实。") == [
        ("clause.with_partner", [("lead", ["县级以上地方人民政府兵役机关"]), ("support", ["有关部门"])])]
    # A relative clause after the partner (B上报的…) or persons (B管理人员) is no partner list.
    assert surfaces("财政部会同林业局上报的请示已经批准。") == []
    assert not any(rule == "clause.with_partner" for rule, _ in surfaces("各居委工作人员，要会同物业管理人员组成工作小组。"))


def test_jing_before_a_lead_and_approval_procedure():
    assert surfaces("经国务院林业主管部门会同国务院文物主管部门组织专家进行论证。") == [
        ("clause.with_partner", [("lead", ["国务院林业主管部门"]), ("support", ["国务院文物主管部门"])])]
    # 经A会同B批准 / 报A会同B批准: a step of procedure, no task.
    assert surfaces("应当经城市、县人民政府林业主管部门会同同级文物主管部门批准。") == []
    assert surfaces("报省、自治区、直辖市人民政府林业主管部门会同同级文物主管部门批准。") == []


def test_county_level_shared_head_runs_with_a_relative_place():
    assert surfaces("由县、自治县、不设区的市、市辖区人民政府兵役机关查明情况，督促其报到。") == [
        ("clause.you_body", [("responsible", ["县、自治县、不设区的市、市辖区人民政府兵役机关"])])]
    assert surfaces("由城市、县人民政府林业主管部门责令限期改正。") == [
        ("clause.you_body", [("responsible", ["城市、县人民政府林业主管部门"])])]
    assert surfaces("登记由其户籍所在地县、自治县、不设区的市、市辖区人民政府兵役机关负责。") == [
        ("clause.subject_responsible", [("responsible", ["其户籍所在地县、自治县、不设区的市、市辖区人民政府兵役机关"])])]


def test_a_governments_other_departments_stay_whole():
    assert surfaces("国务院其他有关部门按照各自的职责负责有关的防治工作。") == [
        ("clause.subject_responsible", [("responsible", ["国务院其他有关部门"])])]
    assert surfaces("由中央军事委员会机关有关部门会同国务院有关部门制定。") == [
        ("clause.with_partner", [("lead", ["中央军事委员会机关有关部门"]), ("support", ["国务院有关部门"])])]


def test_responsible_inside_a_schools_function_name_is_no_clause():
    assert surfaces("基层人民武装部和普通高等学校负责征兵工作的机构应当加强对应征公民的教育。") == []


def test_fulfil_stands_in_no_name():
    assert surfaces("干部教育培训主管部门应当会同保密行政管理部门履行干部保密教育培训工作职责。") == [
        ("clause.with_partner", [("lead", ["干部教育培训主管部门"]), ("support", ["保密行政管理部门"])])]
