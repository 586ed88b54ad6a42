"""Owners of regulations (条例 / 办法 / 规则, issue 12): bodies named by their function, procedural
由A+verb with penalty verbs, A商B (read as 会同), and the persons and meetings that are no owners.

Every quote is the development documents' own text (tests/gold/dev/docs, checked below); the
expected owners are written by hand from the sentence as its annotator read it (the gold file's
notes), never computed by the code under test.
"""

from __future__ import annotations

import pytest
from test_clause_rules_prose import DEV, dev_text, read

from policykg.extract.clauses.agency_list import is_agency, split_agency_list


CASES = [
    # A body named by the work it manages, behind a shared-head list: one owner, kept whole.
    ("gov-2018-guoling-706", "省、自治区、直辖市人民政府管理专利工作的部门负责本行政区域内的专利代理管理工作。",
     [("clause.subject_responsible", [("responsible", ["省、自治区、直辖市人民政府管理专利工作的部门"])])]),
    # … and after 由, where the bare 省 before the first 、 is no body on its own.
    ("gov-2018-guoling-706", "由省、自治区、直辖市人民政府管理专利工作的部门责令限期改正，予以警告",
     [("clause.you_body", [("responsible", ["省、自治区、直辖市人民政府管理专利工作的部门"])])]),
    # A penalty verb ends the owner's name: 专利代理机构 after 撤销 / 吊销 is the object.
    ("gov-2018-guoling-706", "由国务院专利行政部门撤销专利代理机构执业许可证、专利代理师资格证。",
     [("clause.you_body", [("responsible", ["国务院专利行政部门"])])]),
    ("gov-2018-guoling-706", "由国务院专利行政部门吊销专利代理机构执业许可证。",
     [("clause.you_body", [("responsible", ["国务院专利行政部门"])])]),
    # 由A商B另行制定: A leads, B (consulted) supports.
    ("gov-2018-guoling-706", "具体办法由国务院专利行政部门商国务院司法行政部门另行制定。",
     [("clause.with_partner", [("lead", ["国务院专利行政部门"]), ("support", ["国务院司法行政部门"])])]),
    ("gov-2018-guoling-706", "由国务院专利行政部门商国家国防专利机构主管机关另行制定。",
     [("clause.with_partner", [("lead", ["国务院专利行政部门"]), ("support", ["国家国防专利机构主管机关"])])]),
    # A及B商C确定: a body joined by 及 to a shared-head category; both lead, C supports.
    ("gov-2018-guofa-41", "由国务院税务主管部门及各省、自治区、直辖市和计划单列市税务局商有关部门确定。",
     [("clause.with_partner", [("lead", ["国务院税务主管部门", "各省、自治区、直辖市和计划单列市税务局"]),
                               ("support", ["有关部门"])])]),
    # Procedure verbs end the name too (承办 ends like 办, 通报 runs into 国务院).
    ("gov-2004-guofa-18", "行政法规的解释工作由国务院法制机构承办。",
     [("clause.you_body", [("responsible", ["国务院法制机构"])])]),
    ("gov-2004-guofa-18", "由国务院办公厅通报国务院其他领导同志。",
     [("clause.you_body", [("responsible", ["国务院办公厅"])])]),
    # 联合 with no partner after it is an adverb: the body before it owns the work.
    ("gov-2004-guofa-18", "或由有关部门联合制定规章或其他规范性文件",
     [("clause.you_body", [("responsible", ["有关部门"])])]),
    # Persons and meetings are no owners (the gold notes of gov-2004-guofa-18).
    ("gov-2004-guofa-18", "由国务院分管领导同志协调或审核后提出，报总理确定", []),
    ("gov-2004-guofa-18", "由国务院秘书长签发", []),
    ("gov-2004-guofa-18", "由国务院全体会议或国务院常务会议讨论决定", []),
    # A generic owner bare after 由 (地方, 地方财政, 部门), doing the work itself (自行…).
    ("gov-1981-guofa-88", "差额部分由地方自行解决。", [("clause.you_body", [("responsible", ["地方"])])]),
    ("gov-1981-guofa-88", "由地方财政统一拨补。", [("clause.you_body", [("responsible", ["地方财政"])])]),
    ("gov-2004-guofa-18", "部门职权范围内的事务，由部门自行发文或联合发文，不得要求国务院批转",
     [("clause.you_body", [("responsible", ["部门"])])]),
    # A regulated party named by its class after 由 (the dev rule annotates every 由A+verb of a unit).
    ("gov-2018-guobanfa-124", "由国有文化企业自主编制", [("clause.you_body", [("responsible", ["国有文化企业"])])]),
    ("sh-fengxian-2022-binan", "由实施主体落实保障", [("clause.you_body", [("responsible", ["实施主体"])])]),
    # 交由A hands the matter over to A, a recipient (left out by the sh-2024-jianzhu-laji gold).
    ("sh-2024-jianzhu-laji", "将装修垃圾交由清运作业企业清运", []),
    # A decision left to a body (自主决定) is a discretion granted, no task (not in the 127 gold).
    ("gov-2018-guobanfa-127", "由项目承担单位自主决定", []),
    # Procedure verbs of reporting end the name (直接报至; 会签 likewise once 镇财政所 reads as a body,
    # which is the agencies' vocabulary: not tested here).
    ("sh-qibao-2020-xiane-gongcheng", "户管单位为居委的由建设单位直接报至规建办审核",
     [("clause.you_body", [("responsible", ["建设单位"])])]),
    ("sh-jinshan-2019-xiaofang", "由各级财政予以保障", [("clause.you_body", [("responsible", ["各级财政"])])]),
    # A long supporter list after 由A牵头, closed by 等部门共同参与.
    ("sh-2023-jiaotong-guangfu", "成立由市交通委牵头，市发展改革委、市住房城乡建设管理委、市经济信息化委、市规划资源局、"
     "民航华东管理局、市水务局、市邮政管理局、市电力公司等部门共同参与的推进机制",
     [("clause.you_body", [("lead", ["市交通委"]), ("support", [
         "市发展改革委", "市住房城乡建设管理委", "市经济信息化委", "市规划资源局", "民航华东管理局", "市水务局",
         "市邮政管理局", "市电力公司"])])]),
    # Bodies picked out by how they are run, or by who names them, as alternatives of one role.
    ("gov-2018-guobanfa-123", "实行全系统垂直管理的国务院部门办公厅（室）或指定的专门司局是本系统政务新媒体工作的主管单位",
     [("clause.is_role", [("responsible", ["实行全系统垂直管理的国务院部门办公厅（室）", "指定的专门司局"])])]),
    # An 应当 duty of assisting is an 应当 subject, left out like the others.
    ("sh-xuhui-2020-xiaofang-zerenzhi", "居民委员会应当协助政府及其派出机关做好消防安全工作", []),
    # 商 inside another word or with no body right before it is no consultation.
    ("gov-2004-guobanhan-71", "林业局与财政部商定，天保工程区在工程实施期间暂不实施森林生", []),
    ("gov-2005-guobanhan-57", "商有关部门合理安排运输，确保在规定时间", []),
]


@pytest.mark.parametrize("doc_id,quote,expected", CASES)
def test_regulation_owners(doc_id, quote, expected):
    assert quote in dev_text(doc_id)
    assert read(quote) == expected


def test_function_named_body_is_one_collective():
    # The 的 of 管理专利工作的部门 is the name's own; a phrase with 的 elsewhere is no body.
    name = "省、自治区、直辖市人民政府管理专利工作的部门"
    assert is_agency(name)
    assert [i.surface for i in split_agency_list(name, 0)] == [name]
    assert not is_agency("国务院专利行政部门和地方人民政府管理专利工作的部门的工作人员")


def test_a_bare_owner_needs_a_verb_of_doing_after_it():
    # HAND-WRITTEN phrase (no dev text has one): 部门预算 is the department budget, a compound
    # noun, not the owner 部门 (bare owners count only before 自行/统一/予以 …).
    assert read("所需经费由部门预算安排") == []
    assert read("由部门自行发文") == [("clause.you_body", [("responsible", ["部门"])])]


def test_a_governments_departments_stay_one_collective():
    # 区政府有关部门 (sh-xuhui 第四条, the gold's mention) is the government's departments, one
    # collective, never the government itself.
    assert "区政府有关部门按照" in dev_text("sh-xuhui-2020-xiaofang-zerenzhi")
    assert [i.surface for i in split_agency_list("区政府有关部门", 0)] == ["区政府有关部门"]


def test_body_joined_to_a_shared_head_category_splits_at_the_joiner():
    items = split_agency_list("国务院税务主管部门及各省、自治区、直辖市和计划单列市税务局", 100)
    assert [(i.surface, i.start, i.end) for i in items] == [
        ("国务院税务主管部门", 100, 109), ("各省、自治区、直辖市和计划单列市税务局", 110, 129)]


def _task_of_clause(doc_id: str, quote_start: str):
    from policykg.extract.pipeline import extract_document

    x = extract_document(DEV / f"{doc_id}.txt")
    clause = next(c for c in x.clauses if c.text.startswith(quote_start))
    task = next(t for t in x.tasks if t.id == clause.task_id)
    return x.text[task.start:task.end]


def test_paragraph_after_an_articles_listed_items_belongs_to_the_article():
    # 706 第二十五条 lists （一）…（五） after its ：; the paragraph after （五） (…由国务院专利行政部门吊销…)
    # continues the article, as the gold reads it, not the item （五）.
    unit = _task_of_clause("gov-2018-guoling-706", "由国务院专利行政部门吊销专利代理机构执业许可证")
    assert unit.startswith("第二十五条")
    unit = _task_of_clause("gov-2018-guofa-41", "国务院税务主管部门及各省")
    assert unit.startswith("第二十六条")
    # A prose item's own paragraphs stay the item's (sh-xuhui 第十一条 （一）, gold task （一）).
    unit = _task_of_clause("sh-xuhui-2020-xiaofang-zerenzhi", "区消防救援支队负责贯彻")
    assert unit.startswith("（一）区应急管理局")
