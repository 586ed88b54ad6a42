"""Owner brackets of the national 分工方案 whose bodies are stored as one run-on line (issue 12).

The brackets are quoted from the real dev documents gov-2020-guobanfa-43 (国办发〔2020〕43号) and
gov-2020-guobanfa-24 (国办发〔2020〕24号): a list closed by a category after 等 (`…等国务院相关部门`,
`…等相关单位`), often joined to 各地区 by 及. The dev gold (and the README's rule for 等部门) strips the
closer: the category is no owner of its own, and the name before 等 and 各地区 are.
"""

from __future__ import annotations

from policykg.extract.clauses.agency_list import split_agency_list, split_joined
from policykg.extract.clauses.finder import find_clauses


def _owners(text: str) -> list[tuple[str, list[str]]]:
    return [(role.value, [it.name for it in items]) for f in find_clauses(text, default_prefix=None)
            for role, items in f.roles]


def _names(text: str) -> list[str]:
    return [it.name for it in split_joined(split_agency_list(text, 0))]


def test_a_category_after_deng_closes_the_list_before_ji():
    # 43 （一）3．: the bracket of a lead and its partners.
    got = _owners("（市场监管总局牵头，国家发展改革委、住房城乡建设部、交通运输部、海关总署等国务院相关部门及各地区按职责分工负责）")
    assert got == [("lead", ["市场监管总局"]),
                   ("responsible", ["国家发展改革委", "住房城乡建设部", "交通运输部", "海关总署", "各地区"])]


def test_a_category_after_deng_closes_the_list_at_its_end():
    # 43 （十）1．: no 及 after the category.
    assert _owners("（国务院办公厅牵头，司法部等国务院相关部门按职责分工负责）") == [
        ("lead", ["国务院办公厅"]), ("responsible", ["司法部"])]
    # 43 （十五）: 等相关单位 before 及.
    assert _names("中央网信办、工业和信息化部、公安部、市场监管总局等相关单位及各地区") == [
        "中央网信办", "工业和信息化部", "公安部", "市场监管总局", "各地区"]
    # 43 （二十一）2．: 及相关地区.
    assert _names("税务总局、海关总署、人民银行等国务院相关部门及相关地区") == ["税务总局", "海关总署", "人民银行", "相关地区"]


def test_a_joiner_inside_a_name_is_passed_over_when_another_splits():
    # 43 （十四）1．: 和 of 工业和信息化部 is the name's, 及 joins the two owners.
    assert _names("工业和信息化部等国务院相关部门及各地区") == ["工业和信息化部", "各地区"]


def test_a_government_s_departments_standing_alone_stay_one_collective():
    # The category alone is a mention (43: 国务院相关部门及各地区; 24: 国务院相关部门和单位及各地区).
    assert _names("国务院相关部门及各地区") == ["国务院相关部门", "各地区"]
    assert _names("国务院相关部门和单位及各地区") == ["国务院相关部门", "国务院相关单位", "各地区"]
    assert _names("区政府有关部门") == ["区政府有关部门"]
    assert _names("人力资源和社会保障局") == ["人力资源和社会保障局"]


def test_a_body_bearing_a_charge_of_governance_or_oversight_owns_the_work():
    # mot-2021-tielu-yanxian （二） (国办函〔2021〕49号, the 意见 stored as one line): each body bears its share.
    got = _owners("（二）压实各方治理责任。地方人民政府承担属地治理责任，统筹推进铁路沿线安全环境治理工作。"
                  "铁路监管部门承担专业监管责任，依法开展监督检查。"
                  "国务院有关部门承担涉及本领域有关问题隐患治理的指导督促责任。")
    assert got == [("responsible", ["地方人民政府"]), ("responsible", ["铁路监管部门"]),
                   ("responsible", ["国务院有关部门"])]
    # A liability is no charge of work.
    assert _owners("违反本规定的，由当事人依法承担法律责任。") == []


def test_a_lead_beside_a_collective_and_its_bare_generic_word():
    # gov-2020-guobanfa-24 （十九）: 单位 shares 国务院相关's head; the bracket still names its lead.
    assert _owners("（国务院办公厅牵头，国务院相关部门和单位及各地区按职责分工负责）") == [
        ("lead", ["国务院办公厅"]), ("responsible", ["国务院相关部门", "国务院相关单位", "各地区"])]


def test_a_member_list_counted_after_deng_names_its_lead_and_supporters():
    # gov-2021-guobanhan-12 二、 (the 制度 stored as one line): the count follows 等.
    assert _owners("二、成员单位联席会议由交通运输部、中央政法委、公安部、国家铁路局、中国国家铁路集团有限公司"
                   "等12个部门和单位组成，交通运输部为牵头单位。") == [
        ("lead", ["交通运输部"]), ("support", ["中央政法委", "公安部", "国家铁路局", "中国国家铁路集团有限公司"])]


def test_a_step_abolished_names_no_owner():
    # gov-2020-guobanfa-43 （五）1．: 取消由A… takes A out of the work.
    assert _owners("对非公单位接收应届高校毕业生，取消由所在地公共就业人才服务机构在就业协议书上签章的环节。") == []
    assert _owners("就业协议书由所在地公共就业人才服务机构负责签章。") == [("responsible", ["所在地公共就业人才服务机构"])]
