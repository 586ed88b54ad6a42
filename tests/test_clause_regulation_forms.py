"""Clause forms of national regulations (条例 / 办法, issue 12): names the document defines for its
owners, penalties, 会同 after a modal, partnerless 配合, 对A…予以配合, 责成, 按照各自职责.

Every quote is the development documents' own text (tests/gold/dev/docs, checked below); the
expected owners are written by hand from the sentence as its annotator read it (the gold file's
notes), never computed by the code under test. A defined name is read over the whole document
(the definition stands in another article), so those cases run the finder on the document with
the quote's span.
"""

from __future__ import annotations

import pytest
from test_clause_rules_prose import dev_text, read

from policykg.extract.clauses.finder import find_clauses


def read_in(doc_id: str, quote: str):
    """The clauses of `quote` read inside its document (names defined elsewhere in it known)."""
    text = dev_text(doc_id)
    lo = text.index(quote)
    return [(f.rule, [(r.value, [i.surface for i in items]) for r, items in f.roles])
            for f in find_clauses(text, lo, lo + len(quote), default_prefix=None)]


IN_DOCUMENT = [
    # 处置非法集资牵头部门 is defined in 第五条 (…的牵头部门（以下简称处置非法集资牵头部门）): one owner's
    # term, its 牵头 no lead label and no cut.
    ("gov-2021-guoling-737", "处置非法集资牵头部门会同互联网信息内容管理部门、电信主管部门加强对涉嫌非法集资的互联网信息",
     [("clause.with_partner", [("lead", ["处置非法集资牵头部门"]),
                               ("support", ["互联网信息内容管理部门", "电信主管部门"])])]),
    ("gov-2021-guoling-737", "市场监督管理部门会同处置非法集资牵头部门加强对涉嫌非法集资广告的监测",
     [("clause.with_partner", [("lead", ["市场监督管理部门"]), ("support", ["处置非法集资牵头部门"])])]),
    # … with a place written before it (its registration place's), kept in the mention.
    ("gov-2021-guoling-737", "由其登记地处置非法集资牵头部门组织调查认定",
     [("clause.you_body", [("responsible", ["其登记地处置非法集资牵头部门"])])]),
    # 联席会议 is defined in 第六条 (国务院建立处置非法集资部际联席会议（以下简称联席会议）制度).
    ("gov-2021-guoling-737", "由联席会议确定", [("clause.you_body", [("responsible", ["联席会议"])])]),
    # 其他负有监督管理职责的部门 is defined in 第七条 of 775 (…（以下简称其他负有监督管理职责的部门）).
    ("gov-2024-guoling-775", "由生态环境主管部门或者其他负有监督管理职责的部门责令改正",
     [("clause.you_body", [("responsible", ["生态环境主管部门", "其他负有监督管理职责的部门"])])]),
    # A government's gloss standing inside its department's name: one lead, the bracket kept as written.
    ("gov-2024-guoling-775", "省、自治区、直辖市人民政府（以下统称省级人民政府）生态环境主管部门会同同级有关部门",
     [("clause.with_partner", [("lead", ["省、自治区、直辖市人民政府（以下统称省级人民政府）生态环境主管部门"]),
                               ("support", ["同级有关部门"])])]),
    # 在各自职责范围内对…进行… after a part of modals alone (…的部门，可以…): both bodies are responsible.
    ("gov-2024-guoling-775", "生态环境主管部门和其他负有监督管理职责的部门，可以在各自职责范围内对重点排放单位等交易主体、"
     "技术服务机构进行现场检查",
     [("clause.within_duties", [("responsible", ["生态环境主管部门", "其他负有监督管理职责的部门"])])]),
    # A对B依法进行的…，应当予以配合: B leads, A supports; 承储企业 is defined (（以下统称承储企业）), a class of firms.
    ("gov-2016-chubeiliang-tiaoli", "中国储备粮管理总公司及其分支机构、承储企业对中国农业发展银行依法进行的信贷监管，应当予以配合，",
     [("clause.cooperates", [("lead", ["中国农业发展银行"]),
                             ("support", ["中国储备粮管理总公司", "其分支机构", "承储企业"])])]),
    # … through the bodies' inspectors (对A、B、C的监督检查人员依法履行职责): the bodies lead.
    ("gov-2016-chubeiliang-tiaoli", "中国储备粮管理总公司及其分支机构、承储企业，对国家粮食行政管理部门、国务院财政部门、"
     "审计机关的监督检查人员依法履行职责，应当予以配合。",
     [("clause.cooperates", [("lead", ["国家粮食行政管理部门", "国务院财政部门", "审计机关"]),
                             ("support", ["中国储备粮管理总公司", "其分支机构", "承储企业"])])]),
    # Partnerless 给予支持、配合: support only; comma-parted lists form one subject, persons (个人) drop out.
    ("gov-2016-chubeiliang-tiaoli", "国务院有关部门和有关地方人民政府对中央储备粮动用命令的实施，应当给予支持、配合。",
     [("clause.cooperates", [("support", ["国务院有关部门", "有关地方人民政府"])])]),
    ("gov-2021-guoling-737", "国务院金融管理部门及其分支机构、派出机构，地方人民政府有关部门以及其他有关单位和个人，"
     "对处置非法集资工作应当给予支持、配合。",
     [("clause.cooperates", [("support", ["国务院金融管理部门", "其分支机构", "派出机构", "地方人民政府有关部门",
                                           "其他有关单位"])])]),
]


@pytest.mark.parametrize("doc_id,quote,expected", IN_DOCUMENT)
def test_forms_read_in_their_document(doc_id, quote, expected):
    assert read_in(doc_id, quote) == expected


def test_a_defined_name_keeps_its_written_surface_and_a_glossed_department_loses_its_bracket_in_its_name():
    text = dev_text("gov-2024-guoling-775")
    quote = "省、自治区、直辖市人民政府（以下统称省级人民政府）生态环境主管部门会同同级有关部门"
    lo = text.index(quote)
    lead = find_clauses(text, lo, lo + len(quote), default_prefix=None)[0].roles[0][1][0]
    assert text[lead.start:lead.end] == lead.surface
    assert lead.name == "省、自治区、直辖市人民政府生态环境主管部门"


CASES = [
    # 处 before a fine is the penalty verb, not the 处 of a division's name.
    ("samr-2022-dengji-xize", "由登记机关处10万元以下的罚款", [("clause.you_body", [("responsible", ["登记机关"])])]),
    # 会同 after 可以 and 单独或者 (acting alone or with B): A leads, B supports.
    ("mss-2022-jubao-jiangli", "国家安全机关可以单独或者会同有关单位，在做好安全保密工作的前提下举行奖励仪式",
     [("clause.with_partner", [("lead", ["国家安全机关"]), ("support", ["有关单位"])])]),
    # Sectors closed by 等主管部门 / 等有关部门 share its head: no collective of others beside them.
    ("gov-2024-guoling-775", "国务院生态环境主管部门会同国务院民用航空等主管部门可以依照本条例规定的原则",
     [("clause.with_partner", [("lead", ["国务院生态环境主管部门"]), ("support", ["国务院民用航空"])])]),
    ("gov-2024-guoling-775", "由国务院生态环境主管部门会同国务院发展改革等有关部门根据国家温室气体排放控制目标研究提出",
     [("clause.with_partner", [("lead", ["国务院生态环境主管部门"]), ("support", ["国务院发展改革"])])]),
    # 由A责成B…: only A owns the work; B, the body ordered, is the object.
    ("gov-2016-chubeiliang-tiaoli", "由国家粮食行政管理部门责成中国储备粮管理总公司对其限期改正；",
     [("clause.you_body", [("responsible", ["国家粮食行政管理部门"])])]),
    # 按照各自职责， with no modal, the work right after the comma: each body is responsible …
    ("gov-2016-chubeiliang-tiaoli", "国家粮食行政管理部门、国务院财政部门按照各自职责，依法对中国储备粮管理总公司及其分支机构、"
     "承储企业执行本条例及有关粮食法规的情况，进行监督检查。",
     [("clause.by_own_duty", [("responsible", ["国家粮食行政管理部门", "国务院财政部门"])])]),
    ("sh-huangpu-2023-fengmao-baohu", "其他部门按照各自职责，协同做好相关工作。",
     [("clause.by_own_duty", [("responsible", ["其他部门"])])]),
    # … but not before a further adverbial (sh-jiading-2024-haimian, not annotated).
    ("sh-jiading-2024-haimian", "各相关行业管理部门按照各自职责，根据海绵城市运营维护管理相关文件要求，完善本区相关领域海绵设施"
     "运行维护管理标准和管理制度。", []),
    # A person's 所在单位 is one body; so is a bare 所在单位 after 由, the unit the person belongs to (the dev gold
    # annotates the sentence in gov-2021-guobanhan-12, gov-2006-guohan-38 and, since tunec's gold fix, gov-2018-guohan-144),
    # and 其所在单位 (sh-2018-minfang-tiaoli 第四十七条).
    ("mss-2022-jubao-jiangli", "征得举报人及其所在单位同意后，可以由举报人所在单位对举报人实施奖励。",
     [("clause.you_body", [("responsible", ["举报人所在单位"])])]),
    ("gov-2018-guohan-144", "联席会议成员因工作变动需要调整的，由所在单位提出，联席会议确定。",
     [("clause.you_body", [("responsible", ["所在单位"])])]),
    ("sh-2018-minfang-tiaoli", "负有民防职责管理部门的工作人员玩忽职守、滥用职权、徇私舞弊的，由其所在单位或者上级主管部门给予行政处分；",
     [("clause.you_body", [("responsible", ["其所在单位", "上级主管部门"])])]),
    # The provinces themselves after 由, making their own rules after the model given.
    ("gov-2016-chubeiliang-tiaoli", "地方储备粮的管理办法，由省、自治区、直辖市参照本条例制定。",
     [("clause.you_body", [("responsible", ["省、自治区、直辖市"])])]),
    # A class of firms picked out by a qualifier after 由.
    ("gov-2016-chubeiliang-tiaoli", "中央储备粮也可以依照本条例的规定由具备条件的其他企业代储。",
     [("clause.you_body", [("responsible", ["具备条件的其他企业"])])]),
    # 由其共同的上级…: the superior the parties share, a qualifier kept in the mention.
    ("gd-2021-gonggong-shuju", "由共同的上一级公共数据主管部门参照前款规定解决",
     [("clause.you_body", [("responsible", ["共同的上一级公共数据主管部门"])])]),
]


@pytest.mark.parametrize("doc_id,quote,expected", CASES)
def test_regulation_forms(doc_id, quote, expected):
    assert quote in dev_text(doc_id)
    assert read(quote) == expected
