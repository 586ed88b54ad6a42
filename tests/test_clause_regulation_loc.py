"""Owner forms of the provincial regulations (地方性法规) of the twelfth set (issue 12): shared-head sector
lists before 负责, sector words that look like verbs or modals, level-sharing owners. Sentences are
HAND-WRITTEN after the forms of the development set (doc id given); the expected readings by hand."""

from __future__ import annotations

from policykg.extract.clauses.finder import find_clauses


def read(text: str):
    return [(f.rule, [(r.value, [i.surface for i in items]) for r, items in f.roles])
            for f in find_clauses(text, default_prefix=None)]


def names(text: str):
    return [(f.rule, [(r.value, [i.name for i in items]) for r, items in f.roles])
            for f in find_clauses(text, default_prefix=None)]


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
