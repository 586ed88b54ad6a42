"""Owner forms of the provincial regulations (地方性法规) of the twelfth set (issue 12): shared-head sector
lists before 负责, sector words that look like verbs or modals, level-sharing owners. Sentences are
HAND-WRITTEN after the forms of the development set (doc id given); the expected readings by hand."""

from __future__ import annotations

from clause_readings import surfaces as read, names


def test_sector_words_sharing_the_last_items_head_before_plain_responsible():
    # after bj-2020-gonggong-weisheng-yingji 第四十三条 (卫生健康、生态环境部门负责…)
    assert names("卫生健康、生态环境部门负责生活垃圾的管理。") == [
        ("clause.subject_responsible", [("responsible", ["卫生健康部门", "生态环境部门"])])]


def test_emergency_management_is_a_sector_word_not_a_modal():
    # after bj-2020-gonggong-weisheng-yingji 第四十三条 (应急管理、…等部门负责…): 应急 opens no modal
    assert names("应急管理、发展改革等部门负责应急物资的调用。") == [
        ("clause.subject_responsible", [("responsible", ["应急管理部门", "发展改革部门"])])]


def test_grain_and_reserves_is_one_sector():
    # after bj-2020-gonggong-weisheng-yingji 第四十三条: 粮食和物资储备 (国家粮食和物资储备局's sector) joins nothing
    assert read("商务、粮食和物资储备等部门负责生活必需品调配供应。") == [
        ("clause.subject_responsible", [("responsible", ["商务", "粮食和物资储备"])])]


def test_construction_closing_a_partner_item_is_a_sector():
    # after bj-2020-gonggong-weisheng-yingji 第十九条: 住房城乡建设、 is a sector, no verb ending the list
    assert read("市卫生健康部门应当会同生态环境、住房城乡建设、消防等部门制定防疫标准。") == [
        ("clause.with_partner", [("lead", ["市卫生健康部门"]), ("support", ["生态环境", "住房城乡建设", "消防"])])]


def test_level_qualified_by_the_line_it_lies_along_carries_the_sector_list():
    # after sd-2021-tielu-anquan 第四条 (shortened)
    assert names("铁路沿线县级以上人民政府发展改革、公安等部门按照各自职责负责铁路安全工作。") == [
        ("clause.subject_responsible", [("responsible", ["铁路沿线县级以上人民政府发展改革部门",
                                                         "铁路沿线县级以上人民政府公安部门"])])]


def test_level_sharing_prefix_opens_a_sector_list():
    # after sh-2018-minfang-tiaoli 第五条 (shortened): 市和区的 is the list's level, its 的 no particle
    assert read("市和区的计划、财政、气象等部门，在各自职责范围内负责民防工作。") == [
        ("clause.within_duties", [("responsible", ["市和区的计划", "财政", "气象"])])]


def test_level_sharing_name_with_of_is_a_body():
    # after sh-2018-minfang-tiaoli 第五条
    assert read("市和区的公安部门负责火灾的预防。") == [
        ("clause.subject_responsible", [("responsible", ["市和区的公安部门"])])]


def test_an_owner_named_by_the_work_it_is_responsible_for_is_no_clause_verb():
    # after gd-2022-zhishi-chanquan-baohu 第四十二条/第四十四条 and sh-2018-minfang-tiaoli 第十四条
    assert read("司法行政部门应当会同负责知识产权保护的主管部门加强推广应用。") == [
        ("clause.with_partner", [("lead", ["司法行政部门"]), ("support", ["负责知识产权保护的主管部门"])])]
    assert read("负责知识产权保护的主管部门、司法行政部门应当按照各自职责，推动建立技术标准。") == [
        ("clause.by_own_duty", [("responsible", ["负责知识产权保护的主管部门", "司法行政部门"])])]
    assert read("物资储备方案由市负责物资储备的部门提出。") == [
        ("clause.you_body", [("responsible", ["市负责物资储备的部门"])])]
    # a 负责 after a comma part stays the verb
    assert read("市民防办是市人民政府的办事机构，负责管理本市的民防机构建设。") == [
        ("clause.institutional_role", [("responsible", ["市民防办"])])]


def test_a_function_owner_held_by_a_department_or_an_agency_is_one_owner():
    # after sh-2018-minfang-tiaoli 第五条
    assert read("负责管理地震工作的部门或者机构和其他有关部门，依照法律规定各负其责。") == [
        ("clause.each_own_duty", [("responsible", ["负责管理地震工作的部门或者机构", "其他有关部门"])])]
