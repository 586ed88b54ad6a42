"""Owner names and lists of regulation clauses (issue 12): where a mention is cut, which list items
are owners, the 由A负责 family.

Every quote is a development document's own text (tests/gold/dev/docs, checked below); the expected
owners are written by hand from the document's gold (tests/gold/dev/<id>.json), never computed by
the code under test.
"""

from __future__ import annotations

import pytest
from test_clause_rules_prose import dev_text, read

CASES = [
    # 处 opening the fine (处10万元以下的罚款) ends the name: 登记机关, no division 登记机关处.
    ("samr-2022-dengji-xize", "由登记机关处10万元以下的罚款",
     [("clause.you_body", [("responsible", ["登记机关"])])]),
    # … and 处 of 处置 (the gold's owner is the defined 处置非法集资牵头部门, never 其登记地处).
    ("gov-2021-guoling-737", "由其登记地处置非法集资牵头部门组织调查认定", []),
    # A person is no body, however the phrase after it ends (…到现场办 ends like a 办).
    ("samr-2022-dengji-xize", "或者由本人持身份证件到现场办理", []),
    # 机构编制 (staffing) holds no verb 编制: the partner is the whole 本级机构编制管理部门.
    ("gd-2021-gonggong-shuju", "公共数据主管部门协调不成的，会同本级机构编制管理部门等单位联合会商",
     [("clause.with_partner", [("lead", ["公共数据主管部门"]), ("support", ["本级机构编制管理部门"])])]),
    # 等 + the kind the bodies are (等登记管理部门) closes the list; it names no fourth owner.
    ("gd-2021-gonggong-shuju", "由市场监督管理部门、社会组织管理部门、事业单位登记管理机关等登记管理部门负责",
     [("clause.subject_responsible", [("responsible", ["市场监督管理部门", "社会组织管理部门", "事业单位登记管理机关"])])]),
    # Universities as a class of owners in a list of bodies.
    ("gd-2021-gonggong-shuju", "由教育主管部门、人力资源社会保障部门、高等学校、科学研究机构负责",
     [("clause.subject_responsible", [("responsible", ["教育主管部门", "人力资源社会保障部门", "高等学校", "科学研究机构"])])]),
    # A body picked out by a qualifier after 由 keeps it in its mention: the act the matter arises from
    # (实施…的, 颁发…的), who names the owner (…规定的, 原发证的), the place of the matter (制造地的, …发生地的),
    # the body above both (共同的).
    ("samr-2021-huazhuangpin-shengchan", "复检费用由实施抽样检验的药品监督管理部门承担",
     [("clause.you_body", [("responsible", ["实施抽样检验的药品监督管理部门"])])]),
    ("samr-2021-huazhuangpin-shengchan", "由原发证的药品监督管理部门责令改正",
     [("clause.you_body", [("responsible", ["原发证的药品监督管理部门"])])]),
    ("samr-2022-tezhong-jiancha", "由制造地的市级市场监督管理部门纳入常规监督检查对象库",
     [("clause.you_body", [("responsible", ["制造地的市级市场监督管理部门"])])]),
    ("samr-2022-tezhong-jiancha", "特种设备安全行政处罚由违法行为发生地的县级以上市场监督管理部门实施",
     [("clause.you_body", [("responsible", ["违法行为发生地的县级以上市场监督管理部门"])])]),
    ("gd-2021-gonggong-shuju", "由颁发该职业资格证书和执业证书的单位负责",
     [("clause.you_body", [("responsible", ["颁发该职业资格证书和执业证书的单位"])])]),
    ("gd-2021-gonggong-shuju", "由共同的上一级公共数据主管部门参照前款规定解决",
     [("clause.you_body", [("responsible", ["共同的上一级公共数据主管部门"])])]),
    ("samr-2022-dengji-xize", "由法律、法规或者国务院决定规定的部门予以查处",
     [("clause.you_body", [("responsible", ["法律、法规或者国务院决定规定的部门"])])]),
    # … and as a later item of a list: the plain items before it stay items of their own; a joiner after the
    # qualifier is the name's (乡镇人民政府或者街道办事处流动人口服务管理机构: one body, as the gold keeps it).
    ("gd-2021-gonggong-shuju",
     "由流动人口服务管理部门、受公安机关委托的乡镇人民政府或者街道办事处流动人口服务管理机构负责",
     [("clause.you_body", [("responsible", [
         "流动人口服务管理部门", "受公安机关委托的乡镇人民政府或者街道办事处流动人口服务管理机构"])])]),
    ("samr-2022-dengji-xize", "外商投资企业登记管理由国家市场监督管理总局或者其授权的地方市场监督管理部门负责",
     [("clause.subject_responsible", [("responsible", ["国家市场监督管理总局", "其授权的地方市场监督管理部门"])])]),
    # A qualified subject is not read back across a comma part with its own verb (成立): the gold leaves the
    # government that sets the headquarters up out.
    ("gov-2014-guobanhan-119", "负责突发环境事件应急处置的人民政府根据需要成立现场指挥部，负责现场组织指挥工作", []),
    # A依法承担…责任 / A可以依法承担…职责 / A依法履行…职责: 依法 and 可以 stand between the subject and its verb.
    ("gd-2021-gonggong-shuju", "数源部门依法承担公共数据采集、核准和提供过程的数据管理责任",
     [("clause.bears_duty", [("responsible", ["数源部门"])])]),
    ("samr-2022-dengji-xize", "各级登记机关依法履行登记管理职责",
     [("clause.bears_duty", [("responsible", ["各级登记机关"])])]),
    # … a body's own unit named with 的 is a body (县级市场监督管理部门的派出机构).
    ("samr-2022-dengji-xize", "县级市场监督管理部门的派出机构可以依法承担个体工商户等市场主体的登记管理职责",
     [("clause.bears_duty", [("responsible", ["县级市场监督管理部门的派出机构"])])]),
    # A…，承担…工作: the work a body takes on, its subject before the adverbial part.
    ("samr-2022-tezhong-jiancha", "市场监督管理所依照市场监管法律、法规、规章有关规定以及上级市场监督管理部门确定的权限，"
     "承担相关特种设备安全监督检查工作", [("clause.bears_duty", [("responsible", ["市场监督管理所"])])]),
    # 履行下列…职责 introduces the listed duties, read item by item.
    ("sh-huangpu-2023-fengmao-baohu", "区历保委成员单位按照相关法律、法规的规定，履行下列管理职责", []),
    # 交由A+verb hands the work to the body A …
    ("samr-2022-dengji-xize", "可以依法将部分市场主体登记管理工作交由下级登记机关承担",
     [("clause.you_body", [("responsible", ["下级登记机关"])])]),
    ("samr-2022-tezhong-jiancha", "或者交由属地市场监督管理部门依法发出特种设备安全监察指令",
     [("clause.you_body", [("responsible", ["属地市场监督管理部门"])])]),
    # … unless the hand-over is left to circumstance (the bj gold leaves it out), and 提交由A签署的 submits a paper.
    ("bj-2022-shuju-zhuanqu", "后续视实际情况交由相关部门进行监管", []),
    ("samr-2022-dengji-xize", "应当提交由全体合伙人签署或者合伙协议约定的人员签署修改或者补充的合伙协议", []),
    # A government + 负责 + work + 的部门 is one body named by its function; its 负责 is no verb of the clause.
    ("samr-2021-huazhuangpin-shengchan", "县级以上地方人民政府负责药品监督管理的部门负责本行政区域的化妆品监督管理工作",
     [("clause.subject_responsible", [("responsible", ["县级以上地方人民政府负责药品监督管理的部门"])])]),
    # No owner: the document's own place as a deictic (本省), the applicant of a programme (申报主体), a market's
    # operator (开办者: no name ends before 者, nor at the 市 of 市场).
    ("gd-2021-gonggong-shuju", "运行经费由本省各级财政保障的其他机关", []),
    ("qd-2023-ai-yuanqu-xize", "若软件系统由申报主体自行开发、设计", []),
    ("samr-2021-huazhuangpin-shengchan", "化妆品集中交易市场开办者、展销会举办者应当建立保证化妆品质量安全的管理制度并有效实施，"
     "承担入场化妆品经营者管理责任", []),
    # 应当 before the first predicate governs the one after ，并 too: a requirement, no duty borne (the gold
    # leaves it out, note (3)); main's stepping over a part of adverbs alone (并) reached that subject.
    ("bj-2022-shuju-zhuanqu", "数据提供部门及运营单位应当按照相关法律法规提供和处理数据，并履行监督管理职责和合理注意义务", []),
]


def owners(quote: str):
    from policykg.extract.clauses.finder import find_clauses

    return [[(r.value, [(i.surface, i.name) for i in items]) for r, items in f.roles]
            for f in find_clauses(quote, default_prefix=None)]


def test_sector_words_before_zhuguan_bumen_are_each_its_department():
    # gd-2021-gonggong-shuju 第四十四条: each sector word is one owner, restored with the closer's head and the
    # level the first word carries (the gold's restored names).
    quote = "县级以上网信、公安、国家安全、公共数据、保密、通信管理等主管部门应当按照各自职责，做好公共数据安全管理工作"
    assert quote in dev_text("gd-2021-gonggong-shuju")
    assert owners(quote) == [[("responsible", [
        ("县级以上网信", "县级以上网信主管部门"), ("公安", "县级以上公安主管部门"), ("国家安全", "县级以上国家安全主管部门"),
        ("公共数据", "县级以上公共数据主管部门"), ("保密", "县级以上保密主管部门"), ("通信管理", "县级以上通信管理主管部门")])]]


def test_partner_sectors_before_zhuguan_bumen():
    # gd 第四十七条 (会同 a sector list closed by 等主管部门) and gov-2024-guoling-775 第三十二条 (one sector with a level).
    quote = "县级以上公共数据主管部门应当会同网信、公安、国家安全、保密、通信管理等主管部门制定公共数据安全工作规范"
    assert quote in dev_text("gd-2021-gonggong-shuju")
    assert owners(quote) == [[("lead", [("县级以上公共数据主管部门", "县级以上公共数据主管部门")]), ("support", [
        ("网信", "网信主管部门"), ("公安", "公安主管部门"), ("国家安全", "国家安全主管部门"), ("保密", "保密主管部门"),
        ("通信管理", "通信管理主管部门")])]]
    quote = "国务院生态环境主管部门会同国务院民用航空等主管部门可以依照本条例规定的原则"
    assert quote in dev_text("gov-2024-guoling-775")
    assert owners(quote) == [[("lead", [("国务院生态环境主管部门", "国务院生态环境主管部门")]),
                              ("support", [("国务院民用航空", "国务院民用航空主管部门")])]]


@pytest.mark.parametrize("doc_id,quote,expected", CASES)
def test_regulation_owner_names(doc_id, quote, expected):
    assert quote in dev_text(doc_id)
    assert read(quote) == expected


# gov-2021-guoling-748: sector runs closed by their head, with the level a government before the first word carries.
SECTOR_RUNS = [
    # 第四十七条: after 由, each sector of 等主管部门 owns the work.
    ("应当由县级以上人民政府水行政、自然资源、生态环境等主管部门按照有关技术要求组织迁建",
     [("responsible", [("县级以上人民政府水行政", "县级以上人民政府水行政主管部门"),
                       ("自然资源", "县级以上人民政府自然资源主管部门"), ("生态环境", "县级以上人民政府生态环境主管部门")])]),
    # 第六十条: no 等, the last word written with the head keeps it in its mention.
    ("由县级以上地方人民政府水行政、自然资源、生态环境主管部门责令停止违法行为",
     [("responsible", [("县级以上地方人民政府水行政", "县级以上地方人民政府水行政主管部门"),
                       ("自然资源", "县级以上地方人民政府自然资源主管部门"),
                       ("生态环境主管部门", "县级以上地方人民政府生态环境主管部门")])]),
    # 第四条: one sector word before 等主管部门 is that sector's 主管部门, no body named …等主管部门.
    ("国务院自然资源等主管部门按照职责分工做好地下水调查、监测等相关工作",
     [("responsible", [("国务院自然资源", "国务院自然资源主管部门")])]),
    # 第四十六条: 应当依照职责 is the 按照职责 form.
    ("县级以上人民政府水行政、自然资源、生态环境等主管部门应当依照职责加强监督管理",
     [("responsible", [("县级以上人民政府水行政", "县级以上人民政府水行政主管部门"),
                       ("自然资源", "县级以上人民政府自然资源主管部门"), ("生态环境", "县级以上人民政府生态环境主管部门")])]),
    # 第十三条: 会同本级人民政府 + sectors (the partner list's level is the government).
    ("县级以上地方人民政府水行政主管部门应当会同本级人民政府自然资源、发展改革等主管部门，根据本行政区域内地下水条件",
     [("lead", [("县级以上地方人民政府水行政主管部门", "县级以上地方人民政府水行政主管部门")]),
      ("support", [("本级人民政府自然资源", "本级人民政府自然资源主管部门"), ("发展改革", "本级人民政府发展改革主管部门")])]),
]


@pytest.mark.parametrize("quote,expected", SECTOR_RUNS)
def test_sector_runs_with_a_government_level(quote, expected):
    assert quote in dev_text("gov-2021-guoling-748")
    assert owners(quote) == [expected]


def test_a_plain_subject_of_sectors_with_the_last_words_head_assigns_nothing():
    # gov-2019-guobanfa-2 （四）: not annotated (no 由, no lead), though the run reads as three departments after 由.
    quote = "医保、医疗、医药主管部门要各司其职，协调联动"
    assert quote in dev_text("gov-2019-guobanfa-2")
    assert owners(quote) == []


def test_partner_before_nitding():
    # gov-2019-minyong-yunli 第十七条: 由A会同B和C拟订 — 拟订 ends the partner list.
    quote = "由国家国防交通主管机构会同国务院有关部门和军队有关部门拟订"
    assert quote in dev_text("gov-2019-minyong-yunli")
    assert owners(quote) == [[("lead", [("国家国防交通主管机构", "国家国防交通主管机构")]),
                              ("support", [("国务院有关部门", "国务院有关部门"), ("军队有关部门", "军队有关部门")])]]
# ── the holders of a 责任区 after 由 ([clauses] party_holders) and the reflexive 本单位 ───────────────────────────

HOLDER_CASES = [
    # sq-2019-shirong-huanwei 第八条（八）: the operator, and the owner as its fall-back (gold note: regulated parties
    # after 由 are owners).
    ("sq-2019-shirong-huanwei", "经批准设置的便民摊点，由经营者负责；无经营者的，由所有权人负责",
     [[("responsible", [("经营者", "经营者")])], [("responsible", [("所有权人", "所有权人")])]]),
    # cq-2018-shirong-huanwei 第十一条: holders with what they hold, split on 或 / 、 / 或者, a unit beside them.
    ("cq-2018-shirong-huanwei", "由船舶经营者或所有者负责",
     [[("responsible", [("船舶经营者", "船舶经营者"), ("所有者", "所有者")])]]),
    ("cq-2018-shirong-huanwei", "由道路两侧建筑物所有人、使用人或者物业管理单位负责",
     [[("responsible", [("道路两侧建筑物所有人", "道路两侧建筑物所有人"), ("使用人", "使用人"),
                        ("物业管理单位", "物业管理单位")])]]),
    # zj-2020-shenghuo-laji 第三十条（一）: the firm whole, not cut at the 物业 the plain list ends a name at.
    ("zj-2020-shenghuo-laji", "聘请物业服务企业的住宅小区，由物业服务企业负责",
     [[("responsible", [("物业服务企业", "物业服务企业")])]]),
    # cq-2018-shirong-huanwei 第十一条（六）: 本单位 points back at the subject; no owner (the gold leaves it out).
    ("cq-2018-shirong-huanwei", "机关、团体、部队、企事业单位由本单位负责", []),
    # cq-2018-shirong-huanwei 第二十九条: 业主 is a person, no holder the list takes (the gold leaves it out).
    ("cq-2018-shirong-huanwei", "费用由业主承担", []),
]


@pytest.mark.parametrize("doc_id,quote,expected", HOLDER_CASES)
def test_holders_of_a_duty_area_after_you(doc_id, quote, expected):
    assert quote in dev_text(doc_id)
    assert owners(quote) == expected


# ── sector words in a regulation's partner and subject lists ─────────────────────────────────────────────────

def test_partner_sectors_share_the_last_partners_head():
    # sq-2019-shirong-huanwei 第四条: 城乡规划 shares the 主管部门 of 市场发展主管部门 (gold: 城乡规划 → 城乡规划主管部门).
    quote = "市、县(区)市容环境卫生行政主管部门应当会同城乡规划、市场发展主管部门"
    assert quote in dev_text("sq-2019-shirong-huanwei")
    [[lead, (role, items)]] = owners(quote + "，制定规划")
    assert lead == ("lead", [("市、县(区)市容环境卫生行政主管部门", "市、县(区)市容环境卫生行政主管部门")])
    assert role == "support" and [s for s, _ in items] == ["城乡规划", "市场发展主管部门"]
    assert items[0][1] == "城乡规划主管部门"


def test_a_sector_name_holding_he_and_jianshe_stays_one_partner():
    # sq-2019-shirong-huanwei 第十一条: the 建设 of 住房和城乡建设 is the sector's, no verb ending the partner list.
    quote = "市容环境卫生行政主管部门应当会同城乡规划、住房和城乡建设、卫生计生、工商、市场发展等有关部门，根据国家、省城市容貌标准"
    assert quote in dev_text("sq-2019-shirong-huanwei")
    assert [[(role, [s for s, _ in items]) for role, items in f] for f in owners(quote)] == [
        [("lead", ["市容环境卫生行政主管部门"]), ("support", ["城乡规划", "住房和城乡建设", "卫生计生", "工商", "市场发展"])]]


def test_the_duty_a_law_gives_after_a_modal():
    # zj-2020-shenghuo-laji 第六条: 应当按照国家和省规定的职责，做好… is each sector's own duty (gold: five responsible).
    quote = "商务、市场监督管理、文化旅游、农业农村、邮政管理等部门应当按照国家和省规定的职责，做好禁止、限制生产、销售和使用塑料制品的监督管理"
    assert quote in dev_text("zj-2020-shenghuo-laji")
    assert [[(role, [s for s, _ in items]) for role, items in f] for f in owners(quote)] == [
        [("responsible", ["商务", "市场监督管理", "文化旅游", "农业农村", "邮政管理"])]]


def test_a_districted_city_and_counties_share_one_department():
    # zj-2020-shenghuo-laji 第五条: 设区的市、县（市、区）… is one mention of the levels' bureaus (gold keeps it whole,
    # as 市、县（区）… of sq-2019); the 、 inside （市、区） is the note's.
    quote = "设区的市、县（市、区）市容环境卫生主管部门负责本行政区域内城镇生活垃圾管理工作"
    assert quote in dev_text("zj-2020-shenghuo-laji")
    assert [[(role, [s for s, _ in items]) for role, items in f] for f in owners(quote)] == [
        [("responsible", ["设区的市、县（市、区）市容环境卫生主管部门"])]]


def test_sectors_parted_from_their_modal_by_a_comma_support():
    # sq-2019-shirong-huanwei 第五条: …公共交通和物业服务等单位，应当配合做好… — partnerless 配合, eight supports (gold), the
    # last two sectors joined by 和.
    quote = "邮政、通信、供电、供水、供热、供气、公共交通和物业服务等单位，应当配合做好城市市容和环境卫生管理相关工作"
    assert quote in dev_text("sq-2019-shirong-huanwei")
    assert [[(role, [s for s, _ in items]) for role, items in f] for f in owners(quote)] == [
        [("support", ["邮政", "通信", "供电", "供水", "供热", "供气", "公共交通", "物业服务"])]]


def test_sectors_under_a_level_with_a_note_support_the_body_after_peihe():
    # cq-2018-shirong-huanwei 第六十四条: A、B等主管部门应当配合C → C lead, A and B support (gold); 区县 ends like a
    # body and （自治县） is the level's note.
    quote = "区县（自治县）环保、建设等主管部门应当配合市容环境卫生主管部门，对辖区内的粪便处理设施进行统一登记"
    assert quote in dev_text("cq-2018-shirong-huanwei")
    assert [[(role, [s for s, _ in items]) for role, items in f] for f in owners(quote)] == [
        [("lead", ["市容环境卫生主管部门"]), ("support", ["区县（自治县）环保", "建设"])]]
