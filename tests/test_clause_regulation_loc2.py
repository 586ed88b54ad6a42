"""Owner forms of the provincial regulations (地方性法规) of the development set, second round (issue 12):
a subject standing as its own comma part before the duty phrase, a sector list's closer naming the work.
Sentences are HAND-WRITTEN after the forms of the development set (doc id given); readings by hand."""

from __future__ import annotations

from clause_readings import surfaces as read, names


def test_a_subject_part_before_the_duty_phrase_after_a_comma():
    # after sd-2021-tielu-anquan 第五条 (shortened): the sector list, a comma, then 应当按照各自职责，
    assert names("县级以上人民政府公安、交通运输等部门，应当按照各自职责，做好道路安全的相关工作。") == [
        ("clause.by_own_duty", [("responsible", ["县级以上人民政府公安部门", "县级以上人民政府交通运输部门"])])]
    # a lone body too
    assert read("市公安局，应当按照各自职责做好相关工作。") == [
        ("clause.by_own_duty", [("responsible", ["市公安局"])])]


def test_a_part_with_its_own_verb_before_the_duty_phrase_is_no_subject():
    assert read("市公安局制定方案，按照各自职责做好相关工作。") == []


def test_a_sector_closer_may_name_the_work_the_sectors_share():
    # after gd-2022-zhishi-chanquan-baohu 第四条 (shortened)
    assert names("教育、科技、商务等负责数据保护的相关部门，按照各自职责做好数据保护相关工作。") == [
        ("clause.by_own_duty", [("responsible", ["教育部门", "科技部门", "商务部门"])])]


def test_a_function_owner_then_a_collective_joined_by_yiji_are_two_owners():
    # after sh-2018-minfang-tiaoli 第九条 (shortened): the 负责…的部门或者机构 takes no level of the list before it
    assert names("市和区民政局应当会同公安部门、负责管理地震工作的部门或者机构以及其他有关部门，编制规划。") == [
        ("clause.with_partner", [("lead", ["市和区民政局"]),
                                 ("support", ["市和区公安部门", "负责管理地震工作的部门或者机构", "其他有关部门"])])]
    assert read("由公安部门、负责管理地震工作的部门或者机构以及其他有关部门按照各自职责拟定。") == [
        ("clause.you_body", [("responsible", ["公安部门", "负责管理地震工作的部门或者机构", "其他有关部门"])])]


def test_a_sector_word_joined_to_the_collective_of_the_others_is_a_partner_of_its_own():
    # after sh-2018-minfang-tiaoli 第十五条 / 第二十六条 (shortened)
    assert read("市民政局应当会同公安部门、电力、电信以及其他有关部门，编制规划。") == [
        ("clause.with_partner", [("lead", ["市民政局"]), ("support", ["公安部门", "电力", "电信", "其他有关部门"])])]


def test_the_collective_of_the_others_ends_the_partner_list_before_any_verb():
    # after sh-2018-minfang-tiaoli 第二十七条 / 第二十六条 (shortened): 收集, 平衡 are no stop words
    assert read("市民政局应当会同有关部门收集本区域内发生的灾害情况。") == [
        ("clause.with_partner", [("lead", ["市民政局"]), ("support", ["有关部门"])])]
    assert read("市民政局应当会同财政、审计以及其他有关部门平衡、监督资金的使用。") == [
        ("clause.with_partner", [("lead", ["市民政局"]), ("support", ["财政", "审计", "其他有关部门"])])]
