"""Clause forms found by probing the clause finder on unlabelled real text (no gold): the government
work reports and policy documents of the entity training corpus (extract/entities/data/, sources
johncodes404/china-provincial-gov-reports-2026, aldohemsn/chinese-political-corpora,
chairmenfrog/Policy_crawler). Every sentence below is quoted from the named document; expected
values were read off the sentence by hand (by the annotation decisions of tests/gold/dev/README.md),
not taken from the tool's output."""

from __future__ import annotations

import pytest

from policykg.extract.clauses.agency_list import is_agency
from policykg.extract.clauses.finder import find_clauses


def _roles(text: str) -> list[tuple[str, list[str]]]:
    return [(role.value, [it.name for it in items])
            for f in find_clauses(text, 0, len(text), "省") for role, items in f.roles]


# Wrong owners the probe found: each sentence assigns nothing by the annotation decisions.
@pytest.mark.parametrize("sentence", [
    # 请 addressing the persons listening (2026 上海市政府工作报告; the same words open 宁夏's report):
    # 各位 addresses persons, and 政协委 is a cut of 委员.
    "现在，我代表上海市人民政府，向大会报告工作，请予审议。请各位政协委员和其他列席人员提出意见。",
    # 请 addressing the assembly the report is made to (国务院政府工作报告 1979, 1982, 1983): 大会 is a meeting.
    "各位代表！以上我报告了政府过去一年多以来所进行的主要工作和今后工作中的主要方针，请大会审议批准。",
    "本届国务院经过对过去五年工作、当前形势和面临问题的研究，认为对下届政府的工作需要提出以下建议，请大会予以审议。",
    # 履行职责事项清单 is the name of a list of duties (2026 政府工作报告 of 云南, 安徽, 浙江, 江西).
    "完善社会治理体系。全面实施乡镇（街道）履行职责事项清单，健全村（社区）工作事项准入制度。",
    "“一表同享”改革实现区域和业务领域全覆盖，乡镇（街道）履行职责事项清单全面建立；“三公”经费持续压减。",
    # 协同 + verb is the adverb "jointly" (2026 湖南省, 甘肃省政府工作报告).
    "守住金融风险底线，开展中小金融机构减量提质行动，防范打击非法金融活动，协同处置上市公司及重点企业风险。",
    "落实好中度以上失能老人养老服务消费补贴政策。\n协同发展社会事业。加快县域义务教育优质均衡发展。",
    # persons (国务院政府工作报告 1978): 同志 marks a person, never a body's name.
    "确定周总理负责四届人大和国务院的人事安排，由邓小平同志协助周总理起草政府工作报告。",
    # a system put in force, its subject cut wrong before (国务院政府工作报告 2011): 实行 stands in no name
    "三是建立健全考核问责机制。稳定房价和住房保障工作实行省级人民政府负总责，市县人民政府负直接责任。",
    # a modal before "with" (国务院政府工作报告 1986): 外贸部门要同有关地区和部门 is no one name
    "外贸部门要同有关地区和部门紧密配合，对此进行科学规划，合理布局。",
    # 向A负责 is "answerable to A" (国务院政府工作报告 1979)
    "各级政府要坚决尊重群众，信任群众，依靠群众。要真正向各级人民代表大会负责，定期报告工作，认真听取人民代表的批评和建议。",
    # liability for consequences, blame (国务院政府工作报告 1993)
    "现在，英方又为合作制造了人为的障碍，由此而引起的严重后果，只能由英国政府负完全责任。",
    # a joined phrase ending in a word that is never a body (国务院政府工作报告 1995: 社会)
    "各类学校都要认真贯彻德、智、体全面发展的方针。加强和改进德育工作，家庭和社会要紧密配合，创造有利于青少年健康成长的环境。",
    # an adverb opening a verb phrase is no name's start (国务院政府工作报告 1999)
    "推行贷款质量五级分类办法，逐步建立金融资产管理公司，负责处理银行原有的不良信贷资产，对银行新增贷款质量实行严格的责任制。",
    # a modal and its verb inside the span (江西省 普通高中 notice, chairmenfrog/Policy_crawler art_4975_1503934): the
    # 督导 bureau supervises the county governments' duties, nobody is given 履行相应职责
    "设区市教育督导部门要强化对县（市、区）政府履行相应职责的督导。要把督导检查结果作为评价政府履职行为的重要依据。",
    # 履行职责 with no duty named: the government doing its work (国务院政府工作报告 2004, 2003)
    "本届政府履行职责已经一年。现在，我代表国务院，向大会作政府工作报告，请予审议。",
    "是我国社会稳定、民族团结、国际影响日益扩大的五年。本届政府认真履行职责，为促进国家繁荣、增进人民福祉，作出了应有贡献。",
    # staff chosen by a community or unit take a patient to hospital (Jiangxi 2020 防控 guidance, chairmenfrog/Policy_crawler
    # art_4975_1520001): persons, no body
    "（四）对于出现发热、咳嗽等可疑症状的人员，必须第一时间向所在的村、社区和单位报告，由城乡社区或单位指定的专门工作人员"
    "用专用车辆立即送到定点医疗机构或发热门诊就诊，避免发生再传播和交叉感染。",
])

def test_probe_sentences_assign_no_owner(sentence):
    assert _roles(sentence) == []


def test_a_name_opening_with_xiang_is_still_an_owner():
    # labelled hand-written control (a town named 向阳): 向 at a name's start is the name's
    assert _roles("向阳镇人民政府负责组织实施。") == [("responsible", ["向阳镇人民政府"])]


@pytest.mark.parametrize("name", ["各位政协委", "大会", "清洁能源基地与数据中心集群布局", "邓小平同志协助周总理起草政府"])
def test_probe_phrases_are_no_bodies(name):
    assert not is_agency(name)


@pytest.mark.parametrize("name", ["人民代表大会", "各级人民代表大会", "省统计局", "委员会", "市政府办公厅",
                                  "人力资源和社会保障局", "国家发展和改革委员会", "有关部门和单位", "市应急管理局"])
def test_bodies_stay_bodies(name):
    # labelled hand-written controls: the new words must not reject real bodies
    assert is_agency(name)


def test_a_bearing_duty_still_assigns():
    # control, from the dev rule's own example (gov-2019-guobanfa-2): the duty is borne, not a list's name
    assert _roles("国家医保局承担制定试点方案、相关政策和监督实施的职责，指导各地医保部门做好医保支付。") == [
        ("responsible", ["国家医保局"])]


def test_co_doer_before_a_body_still_assigns():
    # control, the co_doer rule's real example (sh-qibao-2020-xiane-gongcheng): 协同 + a body
    text = "镇安监所负责对限额以下小型建设工程的安全进行监管，并协同消防部门对限额以下工程的消防安全进行监管及指导。"
    assert ("responsible", ["省消防部门"]) in _roles(text)  # 省: the default prefix the helper passes


def test_sector_words_holding_he_are_partners():
    # Jiangxi 2020 关于金融支持防控疫情稳定经济增长的若干措施 (银发〔2020〕29号 as forwarded, chairmenfrog/Policy_crawler
    # data/JX_text/art_4969_1497540.txt), item 5: the sectors before 等部门 are the partners, 工业和信息化 and
    # 文化和旅游 each one sector (工业和信息化厅, 文化和旅游厅), restored with 部门.
    text = ("5.省发展改革委会同工业和信息化、商务、农业农村、国资、交通运输、文化和旅游等部门梳理收集受疫情影响较大的企业"
            "和复工复产企业融资需求，发送至省金融监管局。")
    assert _roles(text) == [("lead", ["省发展改革委"]),
                            ("support", ["工业和信息化部门", "商务部门", "农业农村部门", "国资部门", "交通运输部门",
                                         "文化和旅游部门"])]


def test_an_opening_quote_mark_is_no_part_of_the_subject():
    # 江西省人民政府关于修改《江西省流动人口服务和管理办法》的决定 (chairmenfrog/Policy_crawler
    # data/JX_text/art_4975_1566875.txt): the amended article is quoted, its subject after “.
    text = ("一、将第六条修改为：“公安机关负责流动人口的居住登记和居住证的申领受理、制作、发放、签注等证件管理工作，"
            "指导乡镇、街道流动人口服务管理机构和其委托的社区服务机构做好流动人口服务和管理的相关工作。")
    assert _roles(text) == [("responsible", ["省公安机关"])]


def test_a_relief_station_is_a_body():
    # the same decision's amended article: a civil-affairs relief station (救助站) registers the people it helps
    assert _roles("流浪乞讨人员救助站负责对求助的流浪乞讨人员进行登记。") == [("responsible", ["省流浪乞讨人员救助站"])]


def test_an_inspection_office_is_the_owner_not_its_government():
    # 江西省人民政府办公厅 notice on 64 major projects (chairmenfrog/Policy_crawler data/JX_text/art_4969_1499515.txt):
    # the owner is 省政府督查室 (督查室, a government's inspection office), not 省政府 cut before it.
    text = ("年初，对遴选出的64个重大产业项目，由省政府督查室汇总形成《全省部分投资20亿元以上重大产业项目入库名单》"
            "（详见附件），明确每个入库项目的投资总额。")
    assert _roles(text) == [("responsible", ["省政府督查室"])]


def test_a_verb_of_the_sentence_ends_the_owner_s_name():
    # 江西省 成品油 measures (chairmenfrog/Policy_crawler art_4975_1533696): 确定 is the owner's verb, not a
    # word of a body named 各设区市人民政府确定具体执行部门.
    text = ("取消成品油批发、仓储经营资格审批,将成品油零售经营资格审批和管理工作下放至各设区市人民政府，"
            "由各设区市人民政府确定具体执行部门，负责审批及行业管理工作。")
    assert _roles(text) == [("responsible", ["各设区市人民政府"])]
    # 江西省市场监管局 notice (art_5400_1565516): 请A通知… asks A, not a body named …部门通知所属县（市、区）局
    text = ("（四）积极参与。请各地市场监管部门通知所属县（市、区）局及基层分局迅速组织餐饮服务单位从业人员于13日下午15时前，"
            "通过使用微信扫描附件中二维码的方式进入直播间。")
    assert _roles(text) == [("responsible", ["各地市场监管部门"])]


def test_a_conditional_about_the_issuer_s_role_is_no_role_label():
    # 江西省药监局 notice (art_5400_1512993): 对于省局为牵头单位的 (where the bureau leads, …) states no role
    text = "对于省局为牵头单位的，要制定工作方案，建立工作台账，明确时间节点，细化工作任务，严格落实责任。"
    assert _roles(text) == []


@pytest.mark.parametrize("sentence", [
    # food-sampling notices of 江西省市场监督管理局 (chairmenfrog/Policy_crawler data/JX_text/art_18830_1508831.txt,
    # art_18830_1579802.txt): 由A销售的X describes the goods by who sold them; the shop owns no task.
    "1、由萍乡市安源区家禽店(杨柏林)销售的鸭蛋，氟苯尼考不符合国家食品安全标准规定。检验机构为江西省食品检验检测研究院。",
    "1、由南昌市天虹商场有限公司经开百货商场销售的，标称东莞市福佳香食品有限公司生产的东方早点面包，菌落总数不符合食品安全国家标准规定。",
    "2、由南昌经济技术开发区华联超市乐盈广场店销售的，标称无锡市佐滋食品有限公司胡埭分公司生产的佐滋无添加蔗糖蛋糕，菌落总数不符合食品安全国家标准规定。",
])
def test_goods_described_by_who_sold_them_assign_nothing(sentence):
    assert _roles(sentence) == []


def test_a_plain_you_clause_still_assigns():
    # control, the you_body rule's own example (mca-1997-shetuan-qingli)
    assert _roles("不听劝阻的，由登记管理机关责令解散。") == [("responsible", ["省登记管理机关"])]
