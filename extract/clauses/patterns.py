"""Words and compiled patterns the clause rules share, read from the vocabulary
(schema/registries/vocabulary.toml): role labels, modals, list stops, numbering markers, the tails
between a subject and its verb, what closes a partner list.
"""

from __future__ import annotations

import re

from policykg.extract.clauses.agency_list import seated_arm_pattern
from policykg.extract.structure.spaces import SPACE
from policykg.extract.structure.headings import _PATTERNS as HEADING_PATTERNS
from policykg.schema.models import Role
from policykg.schema.vocabulary import vocabulary


_V = vocabulary()
LABELS = {label: Role(role) for label, role in _V.role_labels().items()}
LABEL = re.compile(r"(" + _V.alternation(list(LABELS)) + r")\s*[:：]\s*")
_MODALS = _V.alternation(_V.verbs.modals)
# A stop word followed by a name's ending is inside a name (协调办), unless that ending begins
# another stop word (牵头组织: 组 of 组织 is no 组 of a name).
# A stop word opening a word of a name (建设管理委: [verbs] stops_in_names) is no stop.
# 在 before a place's short name and an office's ending (中央金融管理部门在沪机构: [agency] seated_arm_tails) is
# inside the name of a body's offices there, no stop.
_STOP = re.compile(
    (r"(?!" + _V.alternation(_V.verbs.stops_in_names) + r")" if _V.verbs.stops_in_names else "")
    + r"(?!" + seated_arm_pattern().replace("?P<abbr>", "") + r")"
    + r"(?:" + _V.alternation(_V.verbs.list_stops) + r")(?!(?!" + _V.alternation(_V.verbs.list_stops) + r")(?:"
    + _V.alternation(_V.verbs.stop_exempt_next) + r"))"
)
# Where a clause's subject begins: after sentence or clause punctuation, or an opening bracket.
_BOUNDARY = "。；;，,：:\n！？!?（("
# A numbering marker at the start of a line: （1） / 1. / 一、 / 2.1.3
# The heading markers of extract/structure/headings.py (their ^ dropped: used with .match(text,
# pos), anchored at pos) plus a bracketed number of up to 3 characters (（十二）): one list of
# patterns, so 1.提篮桥街道办事处 (no space after 1.) loses its number here as it does there.
_MARKER = re.compile(
    rf"{SPACE}*(?:[（(][0-9０-９一二三四五六七八九十]{{1,3}}[）)]|第[一二三四五六七八九十百零〇]{{1,5}}条|"
    + "|".join(f"(?:{rx.pattern.removeprefix('^')})" for _, _, rx in HEADING_PATTERNS) + rf"){SPACE}*"
)
# Sentence marks after which a one-line body may open its next numbered unit (no line break kept).
_SENTENCE_END = "。；;：:！？!?"


# The tail between a subject and its verb: modals, adverbs and a duty-division phrase.
_SUBJECT_TAIL = re.compile(
    rf"(?:(?:{_MODALS})|(?:{_V.alternation(_V.clauses.subject_adverbs)})|"
    rf"分别|共同|具体|统一|各自|切实|全面|主要|直接|认真|积极|继续|进一步|另行|"
    # a regulation's 依法 and 可以 (数源部门依法承担…责任, gd-2021-gonggong-shuju 第二十一条; 派出机构可以依法承担…职责,
    # samr-2022-dengji-xize 第三条): the law or a permission, no part of the name
    rf"依法(?:依规)?|可以|"
    # the staff named after the bodies (相关单位、部门和人员应当配合, gov-2024-baomi-shishi): no owners, the bodies are.
    # Not 单位和个人 / 单位及个人: the formula for everyone the law binds (有关单位及个人应当予以配合 of a requisition,
    # gov-2005-guobanhan-57, not annotated), no named bodies.
    rf"(?:和|及|以及)(?:有关|相关)?(?:工作人员|人员)(?=$|(?:{_MODALS}))|"
    rf"(?:按照?|根据|依照|依据)?(?:各自)?(?:职能|职责)(?:分工)?|"
    # 按灾种 / 按行业 / 按属地: the share each body takes, between it and its verb (市各灾种专项指挥部按灾种承担…)
    rf"按(?:灾种|行业|领域|区域|属地|层级)|"
    # a time the work is done by (国民经济动员机构应当在移交前会同…, gov-2019-minyong-yunli 第三十条)
    rf"在[\u4e00-\u9fff]{{1,8}}?(?:之前|之后|前|后)|"
    # whose direction the body works under (国家国防动员机构在国务院和中央军事委员会领导下，负责…,
    # gov-2019-minyong-yunli 第四条): the directing bodies own no part of the work
    rf"在[^，,。；;：:]{{1,24}}?(?:的)?(?:统一)?领导下)+$"
)
# Narrative adverbs and modals that may fill a clause between its subject and its verb.
_ADVERBS = re.compile(r"(?:" + _V.alternation(_V.clauses.subject_adverbs + _V.verbs.modals) + r")*")


_MODAL_HEAD = re.compile(r"(?:要|应当|应|须|必须)")
# Where a subject ends inside its own part: a modal followed by an adverbial (A要根据…).
# 在各自的职责范围内 / 在其职责范围内 (gov-2019-minyong-yunli 第六条, gov-2023-guoling-760 第四十一条): the same remit.
_OWN_REMIT = r"在(?:各自的?|其)?(?:职责|职能|职权)范围内"
# Sector words standing for departments before 等有关部门 (民政、公安、人民银行等有关部门).
# 等部门和单位 too (环境保护、工商、供水、供电等部门和单位要配合人民法院…, gov-2014-guobanfa-56 （七）).
# 等主管部门 too (县级以上网信、公安、国家安全…通信管理等主管部门应当按照各自职责, gd-2021-gonggong-shuju 第四十四条): each sector
# word is its 主管部门, restored with that head.
# The closer may name the work the sectors share (新闻出版、…、中医药等负责知识产权保护的相关部门, gd-2022-zhishi-chanquan-baohu
# 第四条; 等负有…职责的部门): each sector is still its 部门, the gold restores the words without the work.
_SECTOR_WORK = r"(?:(?:负责|负有|承担)[^，,。；;、的]{1,16}?的)?"
_SECTOR_LIST = re.compile(r"(?P<list>.+?)等" + _SECTOR_WORK + r"(?:有关|相关)?(?P<head>(?:行政)?主管部门|部门|单位)(?:(?:和|及)(?:部门|单位))?$")


_SHARED_DEPARTMENT = "部门"
_JOINER = re.compile(_V.alternation(_V.verbs.joiners))


# A level the first sector word carries for the whole list (县级以上网信、公安…等主管部门: 县级以上公安主管部门 too;
# 国务院民用航空等主管部门, gov-2024-guoling-775 第三十二条), as the gold restores them.
# A level may be qualified by the line it lies along (铁路沿线县级以上人民政府发展改革、工业和信息化…等部门,
# sd-2021-tielu-anquan 第四条): the qualifier is the level's.
_SECTOR_LEVEL = re.compile(r"(?:[\u4e00-\u9fff]{2,4}沿线)?(?:" + (_V.alternation(_V.clauses.sector_levels) or r"(?!)") + ")")


# A run of sector words closed by their shared head, read where a body list is expected (由…, a subject):
# 县级以上人民政府水行政、自然资源、生态环境等主管部门 (gov-2021-guoling-748 第四十六条); 国务院自然资源等主管部门
# (one word before 等); 县级以上地方人民政府水行政、自然资源、生态环境主管部门 (no 等: the last word keeps the head as
# written, 第六十条). A run with neither 、 nor 等 is one body's name (水行政主管部门), the plain readers'.
_SECTOR_RUN = re.compile(r"(?P<list>[\u4e00-\u9fff、]{2,60}?)(?:(?P<closer>等" + _SECTOR_WORK + r"(?:有关|相关)?(?P<head>(?:行政)?主管部门|部门|单位))"
                         r"|(?P<bare>主管部门))")
# Sectors whose own name holds 和 (工业和信息化、商务、…、文化和旅游等部门, Jiangxi 2020 金融支持 measures
# art_4969_1497540): the 和 is the sector's, as in 工业和信息化厅, not a joiner of two sectors.
_SECTOR_JOINED = re.compile(_V.alternation(_V.clauses.joined_sectors) or r"(?!)")


# A name may hold a short bracketed note (区公安分局（交管）, 经委(商务委)).
_NAME = r"(?:[^，,。；;：:（）()“”\s]|[（(][^，,。；;：:（）()“”\s]{1,10}[）)]){2,160}?"
# Co-owners by their own words beside a lead (B共同负责, B按职责分工负责, and B分工负责 for short:
# sd-2019-shuzi-shandong `（A牵头，B、C分工负责）`): they stay responsible (tests/gold/dev/README.md).
# 职能 says the same as 职责 (A牵头，各地区、各部门按职能分工负责, ndrc-2020-dashuju-xietong).
_CO_RESPONSIBLE = r"共同负责|(?:(?:按照?|根据)?(?:各自)?(?:职责|职能))?分工负责|(?:按照?|根据)?(?:各自)?(?:职责|职能)分工落实"
# After the lead: supporters (配合, 参与 …), or co-responsible bodies (共同负责, 按职责分工负责).
# A request word may head a lead or a supporter list (请A牵头，请B配合): it is not part of the name.
_REQ = r"(?:" + _V.alternation(_V.clauses.request) + r")?"
_AFTER_LEAD = (
    # Co-responsible first, so that B共同负责 is never read as a supporter "B共同" + 负责.
    rf"(?:[，,]\s*(?:会同|联合)?(?:(?P<resp>{_NAME})(?:等(?:有关)?(?:部门|单位))?(?:{_CO_RESPONSIBLE})"
    # A supporter list may carry the duty-division phrase before its verb (A牵头，B、C按职责分工配合,
    # ah-2022-rcep-shishi): the phrase says how B and C share the support, it is no part of C's name;
    # so does 分头 (A牵头，B分头落实, sd-2019-shuzi-shandong).
    rf"|{_REQ}(?P<sup>{_NAME})(?:等(?:有关)?(?:部门|单位))?(?:(?:按照?|根据|依据)?(?:各自)?(?:职责|职能)(?:分工)?|分头)?"
    rf"(?:{_V.alternation(_V.verbs.support + _V.clauses.lead_others)}))"
    rf"|(?=[，,。；;）)]))"
)
_ESTABLISH = re.compile(_V.alternation(_V.clauses.establish))
_HEAD_MARKER = re.compile(rf"{SPACE}*(?:[（(][0-9０-９一二三四五六七八九十]{{1,3}}[）)]|[0-9０-９]{{1,2}}[．.、]|[一二三四五六七八九十]{{1,3}}、)")


_LIABILITIES = tuple(_V.clauses.liabilities)


# 以…为由 is "on the grounds of" (不得以…为由拒绝办理, zs-2020-zhengwu-shuju), never 由 of an owner; 改为由A / 转为由A
# (now handled by A) still is. 交由A+verb hands the work to A (可以依法将部分…登记管理工作交由下级登记机关承担,
# samr-2022-dengji-xize 第四条; 或者交由属地市场监督管理部门依法发出…指令, samr-2022-tezhong-jiancha 第二十三条): A owns it,
# when A is a body (将装修垃圾交由清运作业企业清运, sh-2024-jianzhu-laji: a firm paid to carry, left out) and the
# hand-over is decided (后续视实际情况交由相关部门进行监管, bj-2022-shuju-zhuanqu: left out).
# 提交由A签署的… (samr-2022-dengji-xize 第三十二条) submits a paper A signed: no hand-over.
_YOU_AT = re.compile(r"(?<![自理经缘])(?<![提递]交)(?<!(?<![改转变])为)由(?![于此来衷])")
_CATEGORY = re.compile(r"等[\u4e00-\u9fff]{0,10}?(?:部门|单位|机构)(?:[（(](?:单位|部门)[）)])?")
_PARTY_KIND = (r"[\u4e00-\u9fff]{0,8}?(?:" + (_V.alternation(_V.clauses.party_holders) or r"(?!)") + ")"
               + r"|[\u4e00-\u9fff]{1,8}?(?:" + _V.alternation(_V.agency.class_tails) + ")")


_LIST_PUNCT = "、，,。；;：:（(）)\n“”《》"


_ENTRUSTED = re.compile(r"受[\u4e00-\u9fff（）()]{2,24}?委托")
# Adverbs between supporters and their verb (B、C等部门共同参与, B积极配合).
_SUPPORT_ADVERBS = re.compile(r"(?:" + _V.alternation(_V.clauses.subject_adverbs + _V.verbs.modals + ["共同", "分别"]) + r")*")
