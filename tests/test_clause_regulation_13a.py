"""Regulation forms of the thirteenth set's 地方性法规 (issue 12, tune13a: sh-2024-jinrong-zhongxin, lc-2018-daqi-wuran):
a body's offices seated in a place named by its short name (…在沪机构), … HAND-WRITTEN sentences in the forms of those
regulations; the readings are by hand."""

from __future__ import annotations

from policykg.extract.agencies.jurisdiction import DocPlace, classify
from policykg.extract.clauses.agency_list import seated_arm_place
from clause_readings import pairs as read, surfaces


def test_offices_seated_in_a_place_named_by_its_short_name():
    assert surfaces("市金融部门应当会同国家金融管理部门在沪机构、市有关部门完善服务体系。") == [
        ("clause.with_partner", [("lead", ["市金融部门"]), ("support", ["国家金融管理部门在沪机构", "市有关部门"])])]
    assert surfaces("市金融部门会同国家金融管理部门在沪机构引导银行加大支持力度。") == [
        ("clause.with_partner", [("lead", ["市金融部门"]), ("support", ["国家金融管理部门在沪机构"])])]
    assert seated_arm_place("国家金融管理部门在沪机构") == "上海市"
    assert seated_arm_place("中央在京单位") == "北京市"
    # 在沪金融机构 (financial firms in Shanghai) is no office of a body; 在 alone before a verb still ends a list.
    assert seated_arm_place("在沪金融机构") is None
    assert surfaces("市金融部门会同市财政部门在本市开展试点。") == [
        ("clause.with_partner", [("lead", ["市金融部门"]), ("support", ["市财政部门"])])]
    doc = DocPlace(jurisdiction="上海市", level="provincial")
    assert classify("国家金融管理部门在沪机构", doc) == ("上海市", "category")


def test_a_body_and_its_own_departments():
    # A及其有关部门: 其 points back at A, so the collective is A's departments, a partner beside A.
    assert read("市人民政府及其有关部门应当配合国家金融管理部门开展业务创新。") == [
        ("clause.support_lead", [("lead", [("国家金融管理部门", "国家金融管理部门")]),
                                 ("support", [("市人民政府", "市人民政府"), ("其有关部门", "市人民政府有关部门")])])]
    assert read("国务院金融管理部门及其分支机构应当按照职责分工督促金融机构加强监测。") == [
        ("clause.duty_division_plain", [("responsible", [("国务院金融管理部门", "国务院金融管理部门"),
                                                         ("其分支机构", "国务院金融管理部门分支机构")])])]
    # 其他有关部门 is the others', no body's own.
    assert read("市财政局和其他有关部门负责监测。") == [
        ("clause.subject_responsible", [("responsible", [("市财政局", "市财政局"), ("其他有关部门", "其他有关部门")])])]


def test_partner_lists_of_the_financial_regulation():
    # A level's collective joined after a body: two partners, no closer 有关部门.
    assert surfaces("市金融部门应当会同市财政部门和市有关部门完善奖励政策。") == [
        ("clause.with_partner", [("lead", ["市金融部门"]), ("support", ["市财政部门", "市有关部门"])])]
    # The list goes on after its closer (…等部门以及B).
    assert surfaces("市金融部门会同市民政、市场监管等部门以及信托登记机构，探索建立登记制度。") == [
        ("clause.with_partner", [("lead", ["市金融部门"]), ("support", ["市民政", "市场监管", "信托登记机构"])])]
    # 深化 after the partner is the work, no part of its name.
    assert surfaces("市人民政府应当配合国家金融管理部门深化再保险中心建设。") == [
        ("clause.support_lead", [("lead", ["国家金融管理部门"]), ("support", ["市人民政府"])])]
    # Mediation organizations beside arbitration institutions; 本市各级… keeps its deictic as written.
    assert read("本市各级人民法院、仲裁机构、调解组织等会同市金融部门等，建立纠纷解决机制。") == [
        ("clause.with_partner", [("lead", [("本市各级人民法院", "各级人民法院"), ("仲裁机构", "仲裁机构"),
                                           ("调解组织", "调解组织")]),
                                 ("support", [("市金融部门", "市金融部门")])])]
    doc = DocPlace(jurisdiction="上海市", level="provincial")
    assert classify("调解组织", doc) == ("上海市", "category")


def test_levels_sharing_a_run_of_sectors():
    # 市、县（市区）X、Y主管部门: the levels open the first word's mention and every word's name.
    assert read("市、县（市区）经济和信息化、住房城乡建设主管部门应当会同环境保护主管部门提出错峰生产方案。")[0][1][0] == (
        "lead", [("市、县（市区）经济和信息化", "市、县（市区）经济和信息化主管部门"),
                 ("住房城乡建设主管部门", "市、县（市区）住房城乡建设主管部门")])
    # After the shared levels and their government, the last word's own 部门 is the run's head.
    assert read("由市、县（市区）人民政府质量监督、工商行政管理部门按照职责责令改正。") == [
        ("clause.you_body", [("responsible", [("市、县（市区）人民政府质量监督", "市、县（市区）人民政府质量监督部门"),
                                               ("工商行政管理部门", "市、县（市区）人民政府工商行政管理部门")])])]
    # A sector holding 和 in its own name (经济和信息化) is one sector.
    assert surfaces("发展改革、经济和信息化、财政等部门按照各自职责，做好监督管理工作。") == [
        ("clause.by_own_duty", [("responsible", ["发展改革", "经济和信息化", "财政"])])]


def test_owners_named_by_the_duty_they_bear_and_joint_liability():
    # 其他负有…职责的部门: the other bodies bearing a duty, one owner picked out by its qualifier.
    assert surfaces("市环境保护主管部门应当会同其他负有环境保护监督管理职责的部门，建立执法联席会议制度。") == [
        ("clause.with_partner", [("lead", ["市环境保护主管部门"]), ("support", ["其他负有环境保护监督管理职责的部门"])])]
    assert surfaces("空闲土地的，由土地使用权人负责。") == [("clause.you_body", [("responsible", ["土地使用权人"])])]
    # Joint liability for harm done is no work; a charge borne jointly still is.
    assert surfaces("造成扬尘污染的，建设单位与施工单位共同承担责任。") == []
    assert surfaces("市财政局与市税务局共同承担监管责任。") == [
        ("clause.together", [("responsible", ["市财政局", "市税务局"])])]


def test_sectors_joined_by_huozhe_and_an_entrusted_delegate():
    # 城市管理或者综合行政执法等相关部门: either sector's department, each a partner.
    assert surfaces("公安机关交通管理部门应当联合交通运输、城市管理或者综合行政执法等相关部门设立执法检查点。") == [
        ("clause.with_partner", [("lead", ["公安机关交通管理部门"]), ("support", ["交通运输", "城市管理", "综合行政执法"])])]
    # 由A或者受A委托由B+verb: A and its delegate B both own the work; 约谈 ends B's name.
    assert surfaces("由市人民政府或者受市人民政府委托由市环境保护主管部门约谈该县人民政府主要负责人。") == [
        ("clause.you_body", [("responsible", ["市人民政府", "市环境保护主管部门"])])]


def test_within_duties_drawing_up():
    assert surfaces("行业主管部门在各自职责范围内制定相关行业扬尘污染防治技术导则并向社会公布。") == [
        ("clause.within_duties", [("responsible", ["行业主管部门"])])]


def test_with_partners_in_support_of_another():
    # A会同B配合C: 配合 is the verb, so C leads and A, B support it.
    assert surfaces("市发展改革委会同市财政局配合省发展改革委开展调研。") == [
        ("clause.with_partner", [("lead", ["省发展改革委"]), ("support", ["市发展改革委", "市财政局"])])]
    assert surfaces("市发展改革委会同市财政局负责开展调研。") == [
        ("clause.with_partner", [("lead", ["市发展改革委"]), ("support", ["市财政局"])])]


def test_the_documents_own_place_supporting_a_lead():
    # 本市配合B: the city as a place names no supporter; B still leads.
    assert surfaces("本市配合国家金融管理部门加强信用信息基础数据库建设。") == [
        ("clause.support_lead", [("lead", ["国家金融管理部门"])])]
