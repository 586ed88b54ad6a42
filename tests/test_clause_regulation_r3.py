"""Regulation owner forms of round 3 (issue 12): owners qualified by a place or by the work they run, and a
领导下 part between a subject and 负责. Sentences are quoted from the development set (doc id given); the
expected readings are written by hand from them."""

from __future__ import annotations

from clause_readings import surfaces as read


def test_subject_of_a_relative_place_keeps_its_qualifier():
    # gov-2019-minyong-yunli 第二十五条
    s = "被征民用运力集结地的人民武装动员机构应当会同国防交通主管机构及有关部门组成精干的指挥机构。"
    assert ("clause.with_partner", [("lead", ["被征民用运力集结地的人民武装动员机构"]),
                                    ("support", ["国防交通主管机构", "有关部门"])]) in read(s)


def test_partner_named_by_the_work_it_runs():
    # gov-2019-minyong-yunli 第十六条
    s = "人民武装动员机构应当会同国防交通主管机构和军队负责军事交通运输工作的部门，根据民用运力国防动员准备要求，结合预征民用运力的实际。"
    assert ("clause.with_partner", [("lead", ["人民武装动员机构"]),
                                    ("support", ["国防交通主管机构", "军队负责军事交通运输工作的部门"])]) in read(s)


def test_you_lead_named_by_the_work_it_runs():
    # gov-2019-minyong-yunli 第九条 (its partner list shortened to the part this form concerns)
    s = "由军兵种主管国防交通工作的机构会同有关军区和国防交通主管机构拟订。"
    found = read(s)
    assert any(rule == "clause.with_partner" and ("lead", ["军兵种主管国防交通工作的机构"]) in roles
               for rule, roles in found), found


def test_direction_part_between_subject_and_responsible():
    # gov-2019-minyong-yunli 第四条
    s = "国家国防动员机构在国务院和中央军事委员会领导下，负责组织领导全国的民用运力国防动员工作。"
    assert ("clause.subject_responsible", [("responsible", ["国家国防动员机构"])]) in read(s)
