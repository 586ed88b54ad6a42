"""Owner forms of the provincial regulations (地方性法规) of the development set, second round (issue 12):
a subject standing as its own comma part before the duty phrase, a sector list's closer naming the work.
Sentences are HAND-WRITTEN after the forms of the development set (doc id given); readings by hand."""

from __future__ import annotations

from policykg.extract.clauses.finder import find_clauses


def read(text: str):
    return [(f.rule, [(r.value, [i.surface for i in items]) for r, items in f.roles])
            for f in find_clauses(text, default_prefix=None)]


def names(text: str):
    return [(f.rule, [(r.value, [i.name for i in items]) for r, items in f.roles])
            for f in find_clauses(text, default_prefix=None)]


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
