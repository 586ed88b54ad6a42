"""Clause rules of the family "prose owner": the forms of letters, notices and
regulations that name an owner in running prose (请A…, A承担…责任, 由A处理, A对本行政区域…负责).
"""

from __future__ import annotations

import re

from policykg.extract.agencies.jurisdiction import ADDRESSEE_PRONOUNS
from policykg.extract.clauses.agency_list import is_agency
from policykg.schema.models import Role
from policykg.extract.clauses.patterns import _CATEGORY, _LIABILITIES, _MODALS, _V
from policykg.extract.clauses.registry import Context, Found, clause_rule
from policykg.extract.clauses.boundaries import _clause_start, _sentence_end
from policykg.extract.clauses.bodies import (
    _items,
    _list_after,
    _part_subject,
    _responsible_subjects,
    _sentence_subject,
    _subject,
)


# A对本行政区域…负责 / A对本行政区域内…负有属地管理责任: a government answerable for its own area owns
# that area's work ([clauses] territory_words). Accountability for one's own act (法制审核机构对…审核意见
# 负责, gov-2018-guobanfa-118) names no area and stays out.
_TERRITORY = re.compile(r"对(?:" + (_V.alternation(_V.clauses.territory_words) or r"(?!)")
                        # 负领导责任 too (县级以上地方各级人民政府对本行政区域环境监管执法工作负领导责任, gov-2014-guobanfa-56 （十一）)
                        + r")[^，,。；;：:]{0,40}?(?:负(?:总)?责(?![人同])|负有[^，,。；;]{0,10}?责任|负[\u4e00-\u9fff]{1,4}?责任)"
                        # A对…环境质量负责 (环境保护法 第六条's form: 自治县人民政府应当对梅江河流域水环境质量负责,
                        # xiushan-2021-meijianghe 第四条): a government answers for an area's environment, named
                        # by the area (a basin) rather than 本行政区域 ([clauses] answerable_matters).
                        + r"|对[^，,。；;：:]{1,30}?(?:" + (_V.alternation(_V.clauses.answerable_matters) or r"(?!)")
                        + r")负(?:总)?责(?![人同])")


@clause_rule("clause.answerable_territory", 59, "prose owner")
def answerable_territory(ctx: Context) -> list[Found]:
    """A对本行政区域…负责 / A对本行政区域内…负有属地管理责任: A answers for its area, so it is responsible.

    Example: 区政府对本行政区域内各类燃气事故的应对负有属地管理责任，按照市政府要求组织实施应急处置与救援措施。
    """
    text, found = ctx.text, []
    for m in _TERRITORY.finditer(text, ctx.lo, ctx.hi):
        subj = _subject(text, m.start(), ctx.lo, ctx.default_prefix, allow_you=False)
        if subj is not None and subj[1]:
            found.append(Found(subj[0], m.end(), "clause.answerable_territory", [(Role.responsible, subj[1])]))
    # A government answering for a matter with the first share of the blame (地方政府对婴幼儿照护服务的规范发展和
    # 安全监管负主要责任, jx-2020-tuoyu-fuwu 二、（二）3.; 负总责, 负领导责任): the matter is its area's work, its area
    # unwritten. Only a government: a regulated party's or a family's 主体责任 (机构对…负主体责任) is accountability.
    for m in _GOVERNMENT_ANSWERABLE.finditer(text, ctx.lo, ctx.hi):
        subj = _subject(text, m.start(), ctx.lo, ctx.default_prefix, allow_you=False)
        if subj is not None and subj[1] and all(it.surface.endswith("政府") for it in subj[1]) \
                and not any(f.start <= subj[0] < f.end for f in found):
            found.append(Found(subj[0], m.end(), "clause.answerable_territory", [(Role.responsible, subj[1])]))
    return found


_GOVERNMENT_ANSWERABLE = re.compile(r"对[^，,。；;：:]{2,40}?负(?:主要|首要|总|领导)责任")


# 履行…职责 is the same duty as 承担…职责 (各涉灾部门和行业主管部门履行自然灾害防治相关职责, sh-shiwei-ziran-zaihai;
# A…履行…职责 in gov-2018-guobanfa-123).
# 承担…的具体管理养护工作 (其相关职能部门承担乡村道的具体管理养护工作, sh-fengxian-2021-nongcun-gonglu): the
# concrete work of a named kind is 具体工作 with its kind written in.
# 承担…工作 (市场监督管理所…，承担相关特种设备安全监督检查工作, samr-2022-tezhong-jiancha 第四条): the work a body takes
# on, as 承担…职责; not 履行…工作 (a body's own work done, no charge).
# 落实属地(政府/管理)责任 (区人民政府应当落实属地政府责任, bj-2020-gonggong-weisheng-yingji 第四十条; 各级人民政府应当落实
# 知识产权保护属地责任, gd-2022-zhishi-chanquan-baohu 第三条): a regulation charging a government with its area's duty,
# read only as A应当落实… (a 要-subject's 落实属地管理责任 is a requirement, gov-2020-guobanfa-24).
_BEARS = re.compile(r"(?P<verb>承担|履行|落实(?=[^，,。；;]{0,16}?属地(?:政府|管理)?责任))(?P<what>[^，,。；;]{0,40}?)(?P<noun>" + _V.alternation(_V.clauses.duty_nouns)
                    + r"|具体[\u4e00-\u9fff]{1,8}?工作|(?<=[\u4e00-\u9fff])工作)")


_CHARGED = re.compile(r"应当(?:依法)?$")
_OTHER_DUTIES = ("前款", "本条", "第", "以下", "下列", "如下")
_MODAL_AFTER = re.compile(r"(?:" + _V.alternation(_V.clauses.subject_adverbs) + r")?(?:" + _MODALS + ")")
_MODAL_BEFORE = re.compile(r"(?:" + _MODALS + r")(?:" + _V.alternation(_V.clauses.subject_adverbs) + r"|认真|切实|全面)?$")


@clause_rule("clause.bears_duty", 56, "prose owner")
def bears_duty(ctx: Context) -> list[Found]:
    """A承担…的职责 / A设在B，主要承担…日常工作: the bodies bear the duty, so they are responsible.

    Example: 国家医保局承担制定试点方案、相关政策和监督实施的职责，指导各地医保部门做好医保支付。
    """
    text, found = ctx.text, []
    for m in _BEARS.finditer(text, ctx.lo, ctx.hi):
        # 履行征兵工作职责: the duty noun after the work's (the lazy match stops at 工作).
        end = m.end() + 2 if m.group("noun") == "工作" and text.startswith("职责", m.end()) else m.end()
        if m.group("noun") == "工作" and end == m.end() and (m.group("verb") == "履行" or not m.group("what")):
            continue
        # A依照…规定…的权限，承担…: the subject stands before the adverbial part (as for 负责).
        subj = _subject(text, m.start(), ctx.lo, ctx.default_prefix, allow_you=False) \
            or _part_subject(text, m.start(), ctx.lo, ctx.default_prefix) \
            or _subject(text, m.start(), ctx.lo, ctx.default_prefix, allow_you=False, back=True)
        # 承担以下职责： introduces the duties listed after it, which are read item by item.
        if m.group("what").startswith(("以下", "如下", "下列")):
            continue
        # A要(认真)履行…职责 / A应当履行前款…职责 is a requirement on a subject with a modal, not
        # annotated (gov-2018-guobanfa-115, sh-xuhui-2020-xiaofang-zerenzhi); only the plain 履行 assigns.
        # A regulation's own charge is another matter: A应当(依法)履行X职责 right after the subject (医疗卫生机构应当依法
        # 履行公共卫生职责, bj-2020-gonggong-weisheng-yingji 第十九条; 各级人民政府和军事机关应当依法履行征兵工作职责,
        # gov-2023-zhengbing-tiaoli 第三条; 乡（镇）人民政府、街道办事处应当履行属地管理职责, lc-2018-daqi-wuran): the gold
        # annotates it, unless the duties are another clause's (应当履行前款…项职责, sh-xuhui-2020-xiaofang-zerenzhi).
        if m.group("verb").startswith("落实") and not m.group(0).endswith("责任"):
            continue
        charged = m.group(0).startswith(("履行", "落实")) and _CHARGED.search(text, max(ctx.lo, m.start() - 4), m.start()) \
            and subj and subj[1] and _CHARGED.fullmatch(text, subj[1][-1].end, m.start()) \
            and m.group("what") and not m.group("what").startswith(_OTHER_DUTIES)
        if m.group(0).startswith("落实") and not charged:
            continue
        if m.group(0).startswith("履行") and not charged \
                and _MODAL_BEFORE.search(text, max(ctx.lo, m.start() - 6), m.start()):
            continue
        # …，并履行… after a part whose subject has a modal (数据提供部门及运营单位应当按照…提供和处理数据，并履行
        # 监督管理职责, bj-2022-shuju-zhuanqu 四（二）): the modal governs both predicates, a requirement too.
        if m.group(0).startswith("履行") and not charged and subj and subj[1] \
                and _MODAL_AFTER.match(text, subj[1][-1].end):
            continue
        if m.group(0).endswith("责任"):
            # A liability (承担法律责任, 承担相应的法律责任) is borne, not a charge of work; 承担的风险责任 and
            # 支出责任划分 are nouns (what A bears, how charges are divided), not a clause.
            nxt = text[m.end()] if m.end() < ctx.hi else ""
            if m.group(0).endswith(_LIABILITIES) or m.group("what").startswith("的") or "\u4e00" <= nxt <= "\u9fff":
                continue
            # …，承担数据质量责任 (a part with no subject of its own, ab-2021-zhengwu-shuju 第二十一条): the
            # sentence's subject bears it. Only 承担: …，切实履行支出责任 after a 要-subject is a requirement
            # (gov-2020-guobanfa-13, not annotated).
            if subj is None and m.group(0).startswith("承担"):
                subj = _sentence_subject(text, m.start(), ctx.lo, ctx.default_prefix)
        # 履行职责 with nothing between verb and noun says no duty (本届政府认真履行职责，为…作出了应有贡献 /
        # 本届政府履行职责已经一年: 国务院政府工作报告 2003, 2004): the body does its work, no task is named.
        # 承担责任 with nothing between (建设单位与施工单位共同承担责任, lc-2018-daqi-wuran 第四十七条) is a liability
        # for harm done, no charge of work.
        if m.group(0) in ("履行职责", "履行职能", "承担责任"):
            continue
        # 履行职责事项清单: the duty noun qualifies a list's name (a list of duties), no body bears it.
        if text.startswith(tuple(_V.clauses.duty_list_nouns), m.end()):
            continue
        if subj and subj[1] and all(is_agency(it.surface) for it in subj[1]):
            found.append(Found(subj[0], end, "clause.bears_duty", [(Role.responsible, subj[1])]))
    return found


_REQUEST = re.compile(r"(?<![" + "".join(_V.clauses.not_request_before) + r"])(?:"
                      + _V.alternation(_V.clauses.request) + r")")
_ADDRESSEE = ("你", "贵")
# 你省 followed by a verb or adverb, not by the province's departments (有关部门, 各…, 人民政府 …).
_OWN_VERB_NEXT = re.compile(r"(?:" + "|".join(ADDRESSEE_PRONOUNS) + r")(?!有关|相关|各|人民|政府|[\u4e00-\u9fff]{0,6}(?:部门|单位|机构))")


@clause_rule("clause.request", 64, "prose owner")
def request(ctx: Context) -> list[Found]:
    """请A(、B等部门)+verb at the head of a clause: the issuer asks the bodies to do the work, so
    they are responsible (请A会同B… is read by clause.with_partner). The addressee government
    itself is asked too (请你省继续保护好…), but not the addressee's departments (请你省有关部门指导…:
    advice to the recipient of a letter, no body assigned); not 申请 / 报请 / 邀请 (other words),
    nor 应请A (a request made by someone else).

    Example: 请科技部、工业和信息化部、农业农村部、卫生健康委等部门在2019年2月底前完成。
    """
    text, found = ctx.text, []
    for m in _REQUEST.finditer(text, ctx.lo, ctx.hi):
        if _clause_start(text, m.start(), ctx.lo) != m.start():
            continue
        # The addressee's departments (请你省有关部门指导…) are advice to the letter's recipient; the
        # addressee government itself (请你省继续保护好…) is asked to do the work.
        if text.startswith(_ADDRESSEE, m.end()) and not (text.startswith(ADDRESSEE_PRONOUNS, m.end())
                                                         and _OWN_VERB_NEXT.match(text, m.end())):
            continue
        end = _list_after(text, m.end(), ctx.hi)
        if end is None:
            continue
        items = _items(text[m.end():end], m.end(), ctx.default_prefix)
        if not items or not all(is_agency(it.surface) for it in items):
            continue
        after = end
        cat = _CATEGORY.match(text, after) or re.compile(r"等").match(text, after)
        if cat:
            after = cat.end()
        if after >= ctx.hi or not ("\u4e00" <= text[after] <= "\u9fff") or text[after] in "的和及与":
            continue
        found.append(Found(m.start(), _sentence_end(text, after, ctx.hi), "clause.request",
                           [(Role.responsible, items)]))
    return found


_HANDLED = re.compile(_V.alternation(_V.clauses.handled))


@clause_rule("clause.handled", 57, "prose owner")
def handled(ctx: Context) -> list[Found]:
    """A研究提出了办理意见: a reply letter reports which bodies handled the item; with no partner
    named they are responsible (A会同B研究提出了办理意见 is read by clause.with_partner first).

    Example: 发展改革委研究提出了办理意见：发展改革委已向国务院上报了我国乙烯工业中长期发展规划。
    """
    return _responsible_subjects(ctx, _HANDLED, "clause.handled", allow_you=False)
