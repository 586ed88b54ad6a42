"""Clause rules of the family "verb after a list": a list of bodies, then the verb that
makes them responsible (A负责…, 由A…, A、B按照职责分工…, A各负其责, （A负责）).
"""

from __future__ import annotations

import re

from policykg.extract.clauses.agency_list import ListItem, is_agency, last_prefix
from policykg.extract.structure.spaces import INLINE_SPACE, SPACE
from policykg.schema.models import Role
from policykg.extract.clauses.patterns import (
    LABELS,
    _BOUNDARY,
    _CATEGORY,
    _ENTRUSTED,
    _HEAD_MARKER,
    _MODAL_HEAD,
    _NAME,
    _OWN_REMIT,
    _PARTY_KIND,
    _STOP,
    _SUPPORT_ADVERBS,
    _V,
    _YOU_AT,
)
from policykg.extract.clauses.registry import Context, Found, clause_rule
from policykg.extract.clauses.boundaries import _clause_start, _sentence_end, _sentence_open
from policykg.extract.clauses.bodies import (
    _items,
    _list_after,
    _part_subject,
    _partners,
    _partners_or_bodies,
    _qualified_list,
    _regex_rule,
    _responsible_subjects,
    _sector_run,
    _sentence_subject,
    _shares_collective,
    _subject,
)


# `[^\S\n]*`, not `\s*`, after the look-behind: a newline is itself a start position, so letting
# the blanks run across lines found nothing more and made a run of blank lines quadratic.
# An article's number (第十一条　A按照职责分工…) opens a clause as punctuation does.
# 分工 / 分头 alone say the same (A、B分工负责, A分头落实: sd-2019-shuzi-shandong). Not before 的: 建立健全各部门
# 分工负责的工作机制 describes a mechanism, and its span from the clause start (建立健全各部门) ends like a body.
DUTY_DIVISION = re.compile(
    rf"(?:(?<=^)|(?<=[。；;，,（(\n])|(?<=条{SPACE})){SPACE}*(?P<resp>{_NAME})(?:按照?|根据|依据)?(?:各自)?(?:职责)?(?:分工|分头)"
    r"(?:抓好|认真|切实|依法)?(?:负责|落实|推进|实施|履行)(?!的)"
)


@clause_rule("clause.duty_division", 50, "verb after a list")
def duty_division(ctx: Context) -> list[Found]:
    """A、B按职责分工负责: co-responsible bodies.

    Example: 市教育局、卫生健康委按职责分工负责。
    """
    return _regex_rule(ctx, DUTY_DIVISION, "clause.duty_division", [(Role.responsible, "resp")])


_RESPONSIBLE = re.compile(r"(?:分别|共同)?负(?:总)?责")
_IN_FUNCTION_NAME = re.compile(r"[^的、，,。；;：:\s（）()]{1,12}?的(?:" + (_V.alternation(_V.clauses.function_tails) or r"(?!)") + ")")


# Where a name may open: a list's or clause's edge, or the words that put a body after them.
_NAME_OPENS_AFTER = ("、", "。", "；", "：", "（", "\n", "由", "和", "及", "与", "或者", "会同", "配合", "同")


def _opens_function_name(text: str, pos: int, lo: int) -> bool:
    """Whether the 负责 at `pos` opens a body named by its function (负责知识产权保护的主管部门应当…;
    会同负责管理地震工作的部门或者机构; 由市负责物资储备的部门提出): it stands where a name opens, alone or
    after a bare level. A 负责 after a comma part (A，负责…的部门建设) is left to the verb."""
    k = pos - 1 if pos > lo and text[pos - 1] in "省市区县" else pos
    return k <= lo or text.endswith(_NAME_OPENS_AFTER, lo, k)


_PERSONS_DO = re.compile(r"人员(?:专门|专职|具体)?$")


@clause_rule("clause.subject_responsible", 60, "verb after a list")
def subject_responsible(ctx: Context) -> list[Found]:
    """A、B(等)(分别)负责… : the bodies before 负责 are responsible, in or out of brackets.

    Example: （发展改革委、财政部等负责）
    """
    text, found = ctx.text, []
    for m in _RESPONSIBLE.finditer(text, ctx.lo, ctx.hi):
        # 负责人 / 负责同志 are people, not the verb; A负责的B describes B (the work A already does).
        if text.startswith(("人", "同志", "的"), m.end()):
            continue
        # 县级以上地方人民政府负责药品监督管理的部门: a government + 负责 + work + 的部门 is one body named by its
        # function ([clauses] function_*), its 负责 no verb of the clause.
        if _IN_FUNCTION_NAME.match(text, m.end(), ctx.hi) \
                and (text.endswith(tuple(_V.clauses.function_heads), ctx.lo, m.start())
                     or _opens_function_name(text, m.start(), ctx.lo)):
            continue
        # 指定人员专门负责… / 配备专职人员负责…: persons do the work (其他机关、单位应当…设立保密工作机构或者指定人员专门负责
        # 保密工作, gov-2024-baomi-shishi 第九条, not annotated); the body before them is no owner of this 负责.
        if _PERSONS_DO.search(text, max(ctx.lo, m.start() - 8), m.start()):
            continue
        # 谁主管、谁负责 / 谁审批、谁负责 is a slogan quoted as a principle: 谁 is no body.
        if m.start() > 0 and text[m.start() - 1] == "谁":
            continue
        # 统一领导、分级负责 / 按照分级负责、条块结合的要求: a principle of the system, no body's task
        # (sh-chongming-2023-ranqi-yuan 4.1, gov-2014-guobanhan-119 1.4: not annotated).
        if text.endswith("分级", ctx.lo, m.start()):
            continue
        # A、B根据有关规定，负责… / A、B在职责范围内，分别负责…: the subject stands before an
        # adverbial comma part.
        subj = _subject(text, m.start(), ctx.lo, ctx.default_prefix) \
            or _subject(text, m.start(), ctx.lo, ctx.default_prefix, back=True) \
            or _part_subject(text, m.start(), ctx.lo, ctx.default_prefix) \
            or _answerable_subject(text, m, ctx) \
            or _duty_part_subject(text, m.start(), ctx)
        # A、B、C主管部门分别负责…: 分别 hands each listed sector its own part, an assignment as a
        # lead clause is, so sector words share the last item's 部门 (gz-2011-dixia-kongjian 第五条).
        # So a plain 负责 of a list whose words share the head (卫生健康、生态环境部门负责…, bj-2020-gonggong-weisheng-yingji
        # 第四十三条; 新闻宣传、网信部门负责…): 负责 assigns the work as 分别负责 does, each sector its department.
        if subj is None:
            subj = _subject(text, m.start(), ctx.lo, ctx.default_prefix, shared=True)
        if subj is None:
            subj = _lead_label_subject(text, m.start(), ctx.lo)
        if subj is None or not subj[1]:
            continue
        start, items = subj
        # 向A负责 is "answerable to A" (要真正向各级人民代表大会负责, 国务院政府工作报告 1979): A is who the
        # work is answered for to, no owner. A name opening with 向 (向阳镇人民政府) is a name.
        last = items[-1].surface
        if "向" in last[1:] and is_agency(last[last.index("向", 1) + 1:]):
            continue
        end = _sentence_end(text, m.end(), ctx.hi)
        # 牵头部门负责统筹协调，相关部门明确职责分工 (zs-2020-zhengwu-shuju 第十三条): a body named by its lead label
        # leads; the bodies of the next part doing their share beside it support it (the beside-lead decision).
        if all(LABELS.get(it.surface) is Role.lead for it in items):
            roles = [(Role.lead, items)]
            others = _supporters_after(ctx, end, _BESIDE_LEAD_WORK)
            if others:
                end, sup = others
                roles.append((Role.support, sup))
            found.append(Found(start, end, "clause.subject_responsible", roles))
            continue
        found.append(Found(start, end, "clause.subject_responsible", [(Role.responsible, items)]))
    return found


def _duty_part_subject(text: str, pos: int, ctx: Context) -> tuple[int, list[ListItem]] | None:
    """A要…，…，负责… / A应…，…，负责…: a comma part opening with 负责 in a sentence whose subject a modal
    follows (环境保护部门应加强…，统筹…，提出…，负责向国务院提出…审批意见, gov-1990-guofa-65 四、; 各级环保部门要
    严格执行…，责令…，负责召集…, gov-2005-guofa-39): the role word names that subject's duty. Not a subject
    without a modal (区历保委下设办公室…，由…组成，负责…: the new office's duty, sh-huangpu-2023-fengmao-baohu)."""
    if _clause_start(text, pos, ctx.lo) != pos or pos <= ctx.lo or text[pos - 1] not in "，,":
        return None
    return _sentence_subject(text, pos, ctx.lo, ctx.default_prefix, modal=True)


def _lead_label_subject(text: str, pos: int, lo: int) -> tuple[int, list[ListItem]] | None:
    """A lead label standing as the subject (牵头部门负责统筹协调, zs-2020-zhengwu-shuju 第十三条: the body the
    document has designated lead), as one item; None otherwise. No name holds 牵头, so _subject never reads it."""
    start = _clause_start(text, pos, lo)
    label = text[start:pos]
    if LABELS.get(label) is not Role.lead:
        return None
    return start, [ListItem(label, label, start, pos, False, False)]


def _answerable_subject(text: str, m: re.Match, ctx: Context) -> tuple[int, list[ListItem]] | None:
    """A对…负总责 ending the clause: the bodies before 对 take overall charge of what 对 names
    (试点地区政府办公厅（室）对…考核管理负总责). A plain A对…负责 is accountability for a decision
    (…对重大执法决定的法制审核意见负责, not annotated in gov-2018-guobanfa-118), no task given."""
    if "总" not in m.group(0) or m.end() < ctx.hi and "\u4e00" <= text[m.end()] <= "\u9fff":
        return None
    start = _clause_start(text, m.start(), ctx.lo)
    k = text.find("对", start, m.start())
    return _subject(text, k, ctx.lo, ctx.default_prefix, allow_you=False) if k > start else None


_UNDECIDED = re.compile(_V.alternation(_V.clauses.undecided_before) or r"(?!)")
# Qualifiers between 由 and the list that are not part of any name.
_YOU_QUALIFIER = re.compile(r"(?:所涉及的?|所属的?|各自的?)")
_POST_TITLE = re.compile(r"(?:" + (_V.alternation(_V.clauses.post_qualifiers) or r"(?!)") + r")?(?:"
                         + _V.alternation(_V.clauses.post_titles) + r")(?!期)")
_MEETING_WORDS = tuple(_V.clauses.meeting_words)


def _runs_into_meeting(text: str, end: int) -> bool:
    """Whether the name ending at `end` is a meeting's (国务院全体会议, 国务院常务会议): a meeting word
    starts at `end` or runs across it (常务会|议: the 会 that ended the name is the meeting's)."""
    return any(text.startswith(w, end - k) for w in _MEETING_WORDS for k in range(len(w)))


# What follows 由A when A is not an owner: who a body is made of or who holds a post.
# 由A向B转变 is "from A to B", a change of approach, not an owner.
# 由A共建项目形成的主题数据资源集合 (zs-2020-zhengwu-shuju): 形成的 describes a product by what formed it.
_NOT_OWNER_AFTER = re.compile(r"[^，,。；;]{0,40}?(?:组成|构成|形成的|担任|兼任|出资|主持|"
                              + _V.alternation(_V.clauses.change_of_approach + _V.clauses.shares) + r")"
                              # a request up the line is a step of procedure, not work owned
                              r"|(?:提出申请|申请|提请|报请|请示)"
                              # who sends members or chooses post holders, a discretion granted
                              r"|(?:" + _V.alternation(_V.clauses.not_owner_after) + r")")
# A generic owner right after 由 (vocabulary [clauses] bare_owners), longest first; two joined by 与/和
# share the work (由中央与地方共同承担支出责任, gov-2020-guobanfa-13: 中央 rank 1, 地方 rank 2).
# The finance of one level or of several (由区级财政承担, 由市、区、镇三级财政共同承担: sh-fengxian-2021-nongcun-gonglu,
# [clauses] finance_levels) is a bare owner too, one mention however many levels share it; so are
# the levels themselves, 财政 left unwritten (所需补助资金由市、区两级按照1：1比例负担, qd-2023-ai-yuanqu-xize
# 第十七条), and the share they take may stand before the verb (按照1：1比例, 按比例).
_LEVEL = "(?:" + (_V.alternation(_V.clauses.finance_levels) or r"(?!)") + ")"
# 县级以上地方各级财政 (由中央财政和县级以上地方各级财政给予适当补助, gov-2019-minyong-yunli 第三十三条): the finance of
# every local level from one up, the regulations' counterpart of 中央财政.
_FINANCE = rf"(?:{_LEVEL}(?:、{_LEVEL})+[两三四]级(?:财政)?|{_LEVEL}级财政|(?:{_LEVEL}级以上)?地方各级财政)"
_BARE_WORD = "(?:" + _FINANCE + "|" + (_V.alternation(_V.clauses.bare_owners) or r"(?!)") + ")"
_SHARE = r"(?:按照?[^，,。；;（）()]{0,10}?比例)?"
_BARE_OWNER = re.compile(rf"{_BARE_WORD}(?:(?:与|和){_BARE_WORD})?(?:共同)?{_SHARE}(?="
                         + (_V.alternation(_V.clauses.bare_owner_next) or r"(?!)") + ")")
_BARE_PART = re.compile(_BARE_WORD)
# The holders of a 责任区 (由所有权人或者管理人负责, [clauses] party_holders) likewise, bare or with what they hold
# (由船舶经营者或所有者负责), and a unit listed beside them (由道路两侧建筑物所有人、使用人或者物业管理单位负责).
# Besides the verbs of doing the work: compensation (由铁路运输企业赔偿, sd-2021-tielu-anquan 第三十八条) and 对 opening the
# object of the party's own act (并由铁路运输企业对施工现场进行安全监督, 第二十七条).
_PARTY_NEXT = ("(?:" + (_V.alternation(_V.clauses.bare_owner_next) or r"(?!)")
               + r"|赔偿|对(?=[^，,。；;]{1,40}?(?:进行|实施|开展)))")
_PARTY_JOINER = "(?:、|或者|或|和)"
_PARTY_TAIL = re.compile(r"(?:、|或者|或|和|与|及)(?P<party>[\u4e00-\u9fff]{2,8}?(?:"
                         + _V.alternation(_V.agency.class_tails) + r"))(?![\u4e00-\u9fff]{0,2}(?:的|和|与|或|、))")
_PARTY_UNIT = rf"(?:{_PARTY_KIND}|[\u4e00-\u9fff]{{1,8}}?单位)"
_PARTY_ITEM = re.compile(rf"{_PARTY_UNIT}(?={_PARTY_JOINER}|{_PARTY_NEXT})")
_PARTY_OWNER = re.compile(rf"{_PARTY_UNIT}(?:{_PARTY_JOINER}{_PARTY_UNIT})*(?={_PARTY_NEXT})")
_PARTY_KIND_WHOLE = re.compile(rf"(?:{_PARTY_KIND})$")
_PARTY_JOIN = re.compile(_PARTY_JOINER)


def _party_owners(text: str, start: int) -> tuple[int, list[ListItem]] | None:
    """The regulated parties right after 由 (由经营者负责, 由设施经营者或所有者负责), each as written, or None;
    a list of units alone is no party list (the plain owner rules read it)."""
    m = _PARTY_OWNER.match(text, start)
    if not m:
        return None
    items, i = [], start
    while i < m.end():
        it = _PARTY_ITEM.match(text, i)
        if not it:
            return None
        items.append(ListItem(it.group(0), it.group(0), it.start(), it.end(), False, False))
        j = _PARTY_JOIN.match(text, it.end(), m.end())
        i = j.end() if j else it.end()
        if not j:
            break
    if not any(_PARTY_KIND_WHOLE.match(it.surface) for it in items):
        return None
    return items[-1].end, items


_ENTRUSTED_THEN = re.compile(r"(?:或者|或)" + _ENTRUSTED.pattern + r"[，,]?由")

# 由A+verb+object+的 before a unit noun that is then the subject of the sentence's own verb
# (gov-2018-guobanfa-124 由财政部门拨付事业经费的经营性文化事业单位转制为企业): the 由 phrase describes
# which units are meant, it gives A no task.
# 由A+verb+的 a few words on, no punctuation between (由南昌市天虹商场有限公司经开百货商场销售的…, a food-sampling
# notice of 江西省市场监督管理局, chairmenfrog/Policy_crawler art_18830_1579802): the product described by who sells
# it, no task; the name before was cut short of its shop (…有限公司 | 经开百货商场).
_SOLD_BY = re.compile(r"[\u4e00-\u9fff（）()]{1,14}?(?:" + (_V.alternation(_V.clauses.described_by_verbs) or r"(?!)") + r")的")
_DESCRIBED_SUBJECT = re.compile(r"[^，,。；;的]{1,20}的[^，,。；;的]{0,12}?(?:单位|企业|人员|机构)"
                                r"(?:转制|改制|应当|应|可以|可|要|须|是|为)")


_CONDITION_HEAD = re.compile(_V.alternation(_V.clauses.condition_heads) or r"(?!)")


@clause_rule("clause.you_body", 65, "verb after a list")
def you_body(ctx: Context) -> list[Found]:
    """…由A(、B)+verb: the bodies after 由 own the work (由A统筹, 由A承担, 由A依据…处理, 由A负责解释);
    由A牵头，B配合 makes A lead and B support; 由A+verb，(或/并)配合B adds B as lead and A as its support
    (the unwritten subject of 配合 is A). Not when 由 names members or post holders
    (由A、B有关人员组成, 由A主要负责人兼任), nor a post holder (由分管副区长牵头). A qualifier that
    picks the body out stays in its mention (由相应的绿化市容部门审核, 由承担任务的省（市）人民政府…).

    Example: 不听劝阻的，由登记管理机关责令解散。
    """
    text, found = ctx.text, []
    for m in _YOU_AT.finditer(text, ctx.lo, ctx.hi):
        if _V.clauses.undone_before and text.endswith(tuple(_V.clauses.undone_before), ctx.lo, m.start()):
            continue  # 取消由A签章的环节 / 不再由A审批: the step is abolished, A owns no work
        if _CONDITION_HEAD.match(text, _clause_start(text, m.start(), ctx.lo)):
            continue  # 若软件系统由申报主体自行开发: a case stated, no work given
        handed = m.start() > 0 and text[m.start() - 1] == "交"
        if handed and _UNDECIDED.search(text, _clause_start(text, m.start(), ctx.lo), m.start()):
            continue
        start, tail = m.end(), None
        q = _YOU_QUALIFIER.match(text, start)
        if q:
            start = q.end()
        related = _qualified_list(text, start, ctx.hi, ctx.default_prefix)
        rel = related is not None
        if related:
            # 由相应的绿化市容部门 / 由承担任务的省（市）人民政府 / 由A或者其授权的B: a qualifier picks a
            # body out and stays in its mention.
            end, items = related
        elif (run := _sector_run(text, start, ctx.hi)) is not None:
            # 由县级以上人民政府水行政、自然资源、生态环境等主管部门组织迁建: each sector's department owns it
            # (the restored names are the bodies; the mentions are the words as written).
            (end, items), rel = run, all(is_agency(it.name) for it in run[1])
            if not rel:
                continue
        else:
            # A person after 由 (由承办人依据…拟定密级, 由申请人…) is no owner, however the words after it end.
            if text.startswith(tuple(_V.clauses.persons), start):
                continue
            person = handed
            # 由物业服务企业负责: the party whole, before the plain list would end a name at its 物业
            party = None if person else _party_owners(text, start)
            end = party[0] if party else _list_after(text, start, ctx.hi)
            # A regulated party joined after the bodies (由建设单位与道路管理部门或者铁路运输企业协商一致, sd-2021-tielu-anquan
            # 第二十二条): one more owner, its class ending the name.
            tail = _PARTY_TAIL.match(text, end, ctx.hi) if end is not None and not party and not person else None
            if tail:
                end = tail.end()
            bare = party or (_BARE_OWNER.match(text, start) if end is None and not person else None)
            # 由中央财政和县级以上地方各级财政给予…: a bare-owner reading running further than the list reader's
            # (which stops at 中央财政和县, a 县 ending a name) is the owners as written.
            longer = _BARE_OWNER.match(text, start) if end is not None and not party and not handed else None
            if longer and longer.end() > end:
                end, bare = None, longer
            if party:
                items = party[1]
            elif bare:
                # 由地方自行解决 / 由部门自行发文: a generic owner, kept as written.
                end = bare.end()
                parts = list(_BARE_PART.finditer(text, start, end))
                if parts:
                    # each owner as written, without the 共同 after them
                    items = [ListItem(p.group(0), p.group(0), p.start(), p.end(), False, False) for p in parts]
                else:
                    items = [ListItem(bare.group(0), bare.group(0), start, end, False, False)]
            elif end is None:
                continue
            elif tail:
                items = [*_items(text[start:tail.start()], start, ctx.default_prefix),
                         ListItem(tail.group("party"), tail.group("party"), tail.start("party"), tail.end(), False, False)]
            else:
                items = _items(text[start:end], start, ctx.default_prefix)
        if not rel and not bare and (not items or not all(
                is_agency(it.surface) or tail and it.surface == tail.group("party") for it in items)):
            continue
        if _POST_TITLE.match(text, end):
            continue  # 由分管副区长牵头: a post holder (副区长), not the body 分管副区
        if _runs_into_meeting(text, end):
            continue  # 由国务院常务会议讨论决定: a meeting decides, no body owns the work
        # 由A或者受A委托由B+verb (lc-2018-daqi-wuran 第十三条): A, or B entrusted by A, does the work; both own it.
        entrusted = _ENTRUSTED_THEN.match(text, end, ctx.hi)
        delegate_end = _list_after(text, entrusted.end(), ctx.hi) if entrusted else None
        if delegate_end:
            delegates = _items(text[entrusted.end():delegate_end], entrusted.end(), ctx.default_prefix)
            if delegates and all(is_agency(it.surface) for it in delegates):
                items, end = [*items, *delegates], delegate_end
        after = end
        cat = _CATEGORY.match(text, after)
        if cat:
            after = cat.end()
        # A comma may part a long list of owners from their verb (由A、B或C(单位),组织评估…).
        if after < ctx.hi and text[after] in "，," and len(items) > 1:
            after += 1
        while after < ctx.hi and text[after] in INLINE_SPACE:
            after += 1
        # 及 of 及时 is an adverb (由公安部门及时对现场实施交通管制, sh-chongming-2023-ranqi-yuan), no joiner.
        if after >= ctx.hi or not ("\u4e00" <= text[after] <= "\u9fff") \
                or text[after] in "的和及与" and not text.startswith("及时", after):
            continue
        if _NOT_OWNER_AFTER.match(text, after):
            continue
        w = next((w for w in _V.verbs.with_partner if text.startswith(w, after)), None)
        if w and (w not in _V.verbs.with_partner_adverbial
                  or _partners(text, after + len(w), ctx.hi, ctx.default_prefix, last_prefix(items))):
            continue  # 由A会同B…: clause.with_partner's; 由A联合制定… (no partner) is A's own work
        if re.match(r"[\u4e00-\u9fff]{1,4}的", text[after:after + 5]) or _SOLD_BY.match(text, after, ctx.hi):
            continue  # 由A负责的B / 由A登记管理的B: B described by who handles it, not a task given
        if _DESCRIBED_SUBJECT.match(text, after, ctx.hi):
            continue  # 由A拨付事业经费的经营性文化事业单位转制为企业: 由A… qualifies the subject
        if text.startswith("牵头", after):
            roles = [(Role.lead, items)]
            clause_end = _sentence_end(text, after, ctx.hi)
            sup = _supporters_after(ctx, clause_end)
            if sup:
                clause_end, part = sup
                roles.append((Role.support, part))
            found.append(Found(m.start(), clause_end, "clause.you_body", roles))
            continue
        clause_end = _sentence_end(text, after, ctx.hi)
        roles = [(Role.responsible, items)]
        helped = _then_supports(ctx, clause_end, items)
        if helped:
            clause_end, lead = helped
            roles += [(Role.lead, lead), (Role.support, items)]
        found.append(Found(m.start(), clause_end, "clause.you_body", roles))
        if not helped:
            then = _next_step_owner(ctx, clause_end)
            if then:
                found.append(then)
    return found


# 由A…，B实施… : a procedure's next step with its own owner, written bare after the 由A clause.
_STEP_VERB = re.compile(_V.alternation(_V.clauses.step_verbs) or r"(?!)")


def _next_step_owner(ctx: Context, pos: int) -> Found | None:
    """，B+verb right after a 由A+verb clause ending at `pos` (由区房管局采用申请承诺和符合性验收的程序，街道办事处
    实施工程监管, sh-huangpu-2023-fengmao-baohu; 竣工验收由建设单位自行组织，领导小组成员单位进行监督, sh-qibao):
    the text divides the procedure between A and B, so B owns its step, responsible. Only bodies followed
    straight by a verb of [clauses] step_verbs, and not a time clause (…进行项目审批时: when B approves)."""
    text = ctx.text
    if pos >= ctx.hi or text[pos] not in "，,":
        return None
    start = pos + 1
    end = _list_after(text, start, ctx.hi)
    if end is None or not _STEP_VERB.match(text, end):
        return None
    items = _items(text[start:end], start, ctx.default_prefix)
    if not items or not all(is_agency(it.surface) for it in items):
        return None
    stop = _sentence_end(text, end, ctx.hi)
    if text[end:stop].endswith(("时", "后", "前", "的")):
        return None
    return Found(start, stop, "clause.you_body", [(Role.responsible, items)])


_THEN_SUPPORT = re.compile(rf"[，,]{SPACE}*(?:或|或者|并|同时)?{SPACE}*配合")


def _then_supports(ctx: Context, pos: int, items: list[ListItem]) -> tuple[int, list[ListItem]] | None:
    """，(或/并)配合B right after a 由A+verb clause ending at `pos`: A, the unwritten subject, also works
    under B (由区文化市场综合行政执法机构依法处理，或配合市文化市场综合行政执法机构执法): B leads, A
    supports. Returns (end of B, B)."""
    m = _THEN_SUPPORT.match(ctx.text, pos, ctx.hi)
    if not m:
        return None
    part = _partners_or_bodies(ctx, m.end(), last_prefix(items))
    if not part or not all(is_agency(it.surface) for it in part[1]):
        return None
    return part


_SUPPORT_VERB = re.compile(_V.alternation(_V.verbs.support))


# What the others do beside a lead: the support verbs and [clauses] lead_others.
_BESIDE_LEAD_WORK = re.compile(_V.alternation(_V.verbs.support + _V.clauses.lead_others))


def _supporters_after(ctx: Context, pos: int, verbs: re.Pattern = _SUPPORT_VERB) -> tuple[int, list[ListItem]] | None:
    """，B、C(等部门)(共同)配合/参与 right after a lead clause ending at `pos` (由A牵头，B、C…等部门共同
    参与的推进机制): (end, B and C), or None. The list is read body by body, so it may be long."""
    text = ctx.text
    if pos >= ctx.hi or text[pos] not in "，,":
        return None
    start = pos + 1
    while start < ctx.hi and text[start] in INLINE_SPACE:
        start += 1
    end = _list_after(text, start, ctx.hi)
    if end is None:
        return None
    after = end
    cat = _CATEGORY.match(text, after) or re.compile("等").match(text, after)
    if cat:
        after = cat.end()
    after = _SUPPORT_ADVERBS.match(text, after).end()
    verb = verbs.match(text, after)
    items = _items(text[start:end], start, ctx.default_prefix)
    if verb is None or not items or not all(is_agency(it.surface) for it in items):
        return None
    return verb.end(), items


_BRACKET_VERB = re.compile(
    r"(?:" + _V.alternation([v for v in _V.verbs.responsible if v not in ("负责", "统筹")] + ["落实", "推进", "实施"])
    + r")(?=[）)。；;])"
)


@clause_rule("clause.bracket_verb", 62, "verb after a list")
def bracket_verb(ctx: Context) -> list[Found]:
    """（A、B落实） / （A、B组织实施）: a bracket holding only a list and a verb of responsibility.

    Example: （市发展改革委、科技创新委组织实施）
    """
    text, found = ctx.text, []
    for m in _BRACKET_VERB.finditer(text, ctx.lo, ctx.hi):
        subj = _subject(text, m.start(), ctx.lo, ctx.default_prefix, allow_you=False)
        if subj is None or subj[0] == ctx.lo or text[subj[0] - 1] not in "（(":
            continue
        found.append(Found(subj[0], m.end(), "clause.bracket_verb", [(Role.responsible, subj[1])]))
    return found


# The instruction form only (A要按照…分工，…): a modal before it. Without one (省级人民政府有关部门按照
# 职能分工，及时采取应急措施 in a 预案's response steps) the sentence describes a procedure.
# 各自的职能分工 (with 的) is the same phrase (gz-2011-dixia-kongjian 第五条).
_DUTY_COMMA = re.compile(r"(?:要|应当|应|须)(?:按照?|根据|依据)?(?:各自的?)?(?:职责|职能)分工[，,]")


@clause_rule("clause.duty_division_comma", 52, "verb after a list")
def duty_division_comma(ctx: Context) -> list[Found]:
    """A要按照职责分工，… (or 职能分工): the division of duties itself makes the bodies responsible.

    Example: 省级部门要按照职责分工，从行业主管部门的角度进行深入自查。
    """
    return _responsible_subjects(ctx, _DUTY_COMMA, "clause.duty_division_comma", to_sentence_end=True)


# 按照职责分工 with no modal and no 负责 after it (地方有关部门按照职责分工，密切配合…; 各部门根据职责分工对…进行监督):
# the division of duties names the owners by itself, as the dev gold reads it (gov-2014-guobanhan-119 2.2,
# 3.1, 6.2; sh-jiading-2024-haimian; sh-putuo-2025-haimian). 职能分工 keeps needing a modal: the 粮食预案's
# 省级人民政府有关部门按照职能分工，及时采取应急措施 describes a response step and is not annotated
# (gov-2005-guobanhan-57). 按照职责分工负责 and its kin are clause.duty_division's (run earlier).
_DUTY_PLAIN = re.compile(r"(?:按照?|根据|依据)(?:各自的?)?职责分工(?:[，,]|(?=[\u4e00-\u9fff]))")


@clause_rule("clause.duty_division_plain", 53, "verb after a list")
def duty_division_plain(ctx: Context) -> list[Found]:
    """A(、B等有关部门)按照职责分工，… with no modal: the bodies before the phrase are responsible.

    Example: 国务院有关部门按照职责分工，组织做好环境应急救援物资紧急生产、储备调拨和紧急配送工作。
    """
    found = _responsible_subjects(ctx, _DUTY_PLAIN, "clause.duty_division_plain", to_sentence_end=True,
                                  allow_you=False)
    # 督促相关部门按照职责分工… (sh-fengxian-2021-nongcun-gonglu): the bodies are the object of a verb
    # heading the part (督促, 指导 …), the one who urges them is elsewhere; no owner is written here.
    return [f for f in found if not _STOP.match(ctx.text, f.roles[0][1][0].start)]


_EACH_OWN = re.compile(r"各负其责|各司其职|各尽其责|各尽其职")


@clause_rule("clause.each_own_duty", 58, "verb after a list")
def each_own_duty(ctx: Context) -> list[Found]:
    """A、B、C要根据…，各司其职，各负其责: each listed body is responsible for its part.

    Example: 业务主管部门、挂靠单位、登记管理机关要根据有关通知要求，各司其职，各负其责。

    The bodies may also open the comma part before, with its own verb (各涉灾部门和有关部门、单位强化…
    责任落实，各司其职、各负其责, sh-shiwei-ziran-zaihai): the same subject divides the work.
    """
    found = _responsible_subjects(ctx, _EACH_OWN, "clause.each_own_duty", back=True)
    text, done = ctx.text, {f.end for f in found}
    for m in _EACH_OWN.finditer(text, ctx.lo, ctx.hi):
        part = _clause_start(text, m.start(), ctx.lo)
        if m.end() in done or part != m.start() or part - 1 < ctx.lo or text[part - 1] not in "，,":
            continue
        prev = _clause_start(text, part - 1, ctx.lo)
        end = _list_after(text, prev, part - 1)
        # …有关部门、单位: a bare generic word after the list's last item (checked below) ends it.
        bare = next((w for w in ("单位", "部门", "机构") if end and text.startswith("、" + w, end)), None)
        if bare:
            end += 1 + len(bare)
        if end is None or end >= part - 1 or text[end] in "的、和及与":
            continue
        items = _items(text[prev:end], prev, ctx.default_prefix)
        if items and all(is_agency(it.surface) or _shares_collective(items, k) for k, it in enumerate(items)):
            found.append(Found(prev, m.end(), "clause.each_own_duty", [(Role.responsible, items)]))
    return found


# 在各自职责范围内对…进行现场检查 (gov-2024-guoling-775 第十七条): the object written before the verb.
# 制定 too (行业主管部门在各自职责范围内制定相关行业扬尘污染防治技术导则, lc-2018-daqi-wuran 第四十四条).
# 依法 may open the phrase after a comma (自治县发展改革、…、气象等部门，依法在各自职责范围内对…实施监督管理,
# xiushan-2021-meijianghe 第五条): the bodies stand before the comma.
_WITHIN_DUTIES = re.compile(r"(?:(?<=[，,])依法)?" + _OWN_REMIT + r"(?:依法依规|依法)?(?:做好|履行|负责|落实|开展|制定"
                            r"|对(?=[^，,。；;]{1,60}?(?:进行|实施|开展)))(?!下列|以下|如下)")


@clause_rule("clause.within_duties", 59, "verb after a list")
def within_duties(ctx: Context) -> list[Found]:
    """A(按照…的原则，)在各自职责范围内(依法依规)做好…: each body does the work within its remit, so
    it is responsible. The verb must follow the phrase: 在职责范围内，分别负责… is clause.subject_responsible's.
    Not A应当在各自职责范围内履行下列共同职责：, which heads a list of duties read item by item.

    Example: 区政府有关部门按照“谁主管、谁负责”的原则，在各自职责范围内依法依规做好本行业、本系统消防安全工作。
    """
    return _responsible_subjects(ctx, _WITHIN_DUTIES, "clause.within_duties", to_sentence_end=True, back=True)


# A按照各自职责切实加大… / A根据职能做好…: the duty itself, with no 分工 and no comma after it (those are
# clause.duty_division / duty_division_comma) and no 范围 (clause.within_duties), then the work.
# A comma may follow the duty after a modal, the instruction form (网信部门、保密部门…和其他有关部门应当按照各自
# 职责，做好政务数据安全保护…, ab-2021-zhengwu-shuju 第四十条), as clause.duty_division_comma asks of 职责分工;
# Without one, 按照各自职责， is the division of the work when the part after it opens with the work
# (国家粮食行政管理部门、国务院财政部门按照各自职责，依法对…进行监督检查, gov-2016-chubeiliang-tiaoli 第四十二条;
# 其他部门按照各自职责，协同做好相关工作, sh-huangpu-2023-fengmao-baohu), not with a further adverbial
# (各相关行业管理部门按照各自职责，根据…文件要求，完善…, sh-jiading-2024-haimian, not annotated).
# 依照 is 按照's word in regulations (县级以上人民政府水行政、自然资源、生态环境等主管部门应当依照职责加强监督管理,
# gov-2021-guoling-748 第四十六条).
# The duty a law gives after a modal is the body's own too (商务、市场监督管理…等部门应当按照国家和省规定的职责，做好…,
# zj-2020-shenghuo-laji 第六条; 应当按照法定职责，…).
_BY_OWN_DUTY = re.compile(r"(?:(?<=要|应|须|当)(?:按照?|根据|依据|依照)(?:各自的?|[^，,。；;]{1,8}?规定的|法定)?(?:职责|职能)[，,]"
                          r"|(?:按照?|根据|依据|依照)(?:各自的?)?职责[，,](?!根据|按照?|依照|依据|结合)"
                          r"|(?:按照?|根据|依据|依照)(?:各自的?)?(?:职责|职能)(?!分工|范围)(?=[\u4e00-\u9fff])"
                          # 结合各自职责 after a further adverbial (…应当根据…应急预案，结合各自职责制定本部门、本区域的应急预案,
                          # bj-2020-gonggong-weisheng-yingji 第十四条): each body's own part, as 按照各自职责
                          r"|(?<=[，,])结合各自的?职责(?!分工|范围)(?=[\u4e00-\u9fff]))")


@clause_rule("clause.by_own_duty", 61, "verb after a list")
def by_own_duty(ctx: Context) -> list[Found]:
    """A、B按照各自职责… / A根据职能做好…: each body does its part by its own duties, so it is responsible
    (the 按照职责分工 forms of the dev README).

    Example: 市其他有关部门、单位根据职能做好相关工作。

    The bodies may stand as a comma part of their own (铁路沿线县级以上人民政府发展改革、…等部门，应当按照各自职责，
    做好…, sd-2021-tielu-anquan 第五条): `back` steps over the modal part to them; a part with a verb is no subject.
    """
    return _responsible_subjects(ctx, _BY_OWN_DUTY, "clause.by_own_duty", to_sentence_end=True, allow_you=False,
                                back=True)


_SUPPORT_WORK = re.compile(
    r"(?:在[^，。；]{1,20}下[，,])?(?:要|应当|应)?(?:"
    # 应当予以配合 (政务数据提供部门应当予以配合, zs-2020-zhengwu-shuju 第二十二条; 应当予以积极配合, gz-2011-dixia-kongjian
    # 第三十七条): 予以 before 配合 only; a partnerless 予以协助 stays out (sh-huangpu-2023-fengmao-baohu 第二十八条).
    r"予以(?:积极)?配合(?=[，,。；;）)：:])|"
    # 予以配合、支持 / 给予协助与配合 (有关部门和单位应当予以配合、支持, gov-2019-minyong-yunli 第二十五条; 县级以上人民政府
    # 疾病预防控制机构应当给予协助与配合, sd-2021-tielu-anquan 第四十六条): 配合 joined to a second word of help.
    r"(?:予以|给予)(?:积极)?(?:配合[、和与及](?:支持|协助)|(?:支持|协助)[、和与及]配合)(?=[，,。；;）)：:])|"
    # 加强协调配合 closing a duty the subject's modal opens (保密行政管理部门和其他相关部门应当在保密工作中加强协调配合,
    # gov-2024-baomi-shishi 第六十五条; 军地有关单位应当加强新兵运输工作协调配合, gov-2023-zhengbing-tiaoli 第四十六条):
    # the bodies support the work, no lead named. Not …工作的协调配合 (a noun of a mechanism, gov-2023-guoling-760
    # 第四十四条) nor a comma part with no subject of its own (…，加强协调配合, gov-2014-guofa-14).
    r"(?<=要|应|当)(?:在[^，,。；;]{1,16}?中)?加强(?:[^，,。；;的]{1,12}?)?协调配合(?=[，,。；;])|"
    r"(?:积极|紧密|密切|主动|大力)?(?:做好)?(?:相关)?"
    # 协同支持 / 配合支持: a support verb with 支持 after it is still support (sh-shiwei-ziran-zaihai).
    # A colon may close it too: the measures it supports follow as a list (主办单位应当采取下列保密措施，承办、
    # 参加单位和人员应当配合：, gov-2024-baomi-shishi 第四十五条).
    r"(?:配合(?:工作|做好)|(?:" + _V.alternation(_V.verbs.support) + r")(?:支持)?(?=[，,。；;）)：:])"
    # 应当参加审查 / 应当参加验收并签署意见 (zz-2022-yuanlin-lvhua 第十七条, gov-2019-minyong-yunli 第十三条): a body
    # taking part in a review others hold supports it, as a partnerless 参加 does.
    r"|(?<=应当)参加(?:审查|验收|评审|论证|会审|鉴定)))"
)


@clause_rule("clause.subject_support", 80, "verb after a list")
def subject_support(ctx: Context) -> list[Found]:
    """A(在…下，)做好相关配合工作 / （…，B、C参与） : the bodies before 配合 / 参与 / 协助 support the task.

    Example: 其他有关部门在指挥部的统一领导下，做好相关配合工作。
    """
    text, found = ctx.text, []
    for sm in _SUPPORT_WORK.finditer(text, ctx.lo, ctx.hi):
        # …等单位，应当配合做好… (sq-2019-shirong-huanwei 第五条): a comma may part the bodies from the modal that
        # opens their duty; only then is the part before the comma read back for them.
        parted = sm.start() > ctx.lo and text[sm.start() - 1] in "，," and _MODAL_HEAD.match(text, sm.start())
        subj = _subject(text, sm.start(), ctx.lo, ctx.default_prefix, allow_you=False, back=bool(parted))
        if subj:
            start, items = subj
            found.append(Found(start, sm.end(), "clause.subject_support", [(Role.support, items)]))
    return found


# A duty to cooperate with no partner after it, closing a sentence part (应当予以配合, 应当给予支持、配合).
_COOPERATE = re.compile(r"(?:应当|应|要)(?:给予支持[、和]?|予以(?:积极)?|积极)?配合(?=[，,。；;])")
# What follows the bodies a 对 phrase opens with when it names their own work (对A依法进行的信贷监管, 对A、B的
# 监督检查人员依法履行职责): the bodies whose work is cooperated with.
_THEIR_WORK = re.compile(r"的|依法|进行|履行|开展|实施")


@clause_rule("clause.cooperates", 74, "verb after a list")
def cooperates(ctx: Context) -> list[Found]:
    """A(，)对…，应当予以配合 / 应当给予支持、配合: the bodies that open the sentence support the work the 对
    phrase names; when that phrase opens with the bodies doing it (对B依法进行的信贷监管, 对B、C的监督检查人员
    依法履行职责) they lead it (gov-2016-chubeiliang-tiaoli 第四十六条, 第四十八条). The subject may be
    several comma-parted lists (A及其分支机构、派出机构，B以及其他有关单位和个人，对…: gov-2021-guoling-737
    第二十八条); persons (个人) are no owners and drop out.

    Example: 国务院有关部门和有关地方人民政府对中央储备粮动用命令的实施，应当给予支持、配合。
    """
    text, found = ctx.text, []
    for m in _COOPERATE.finditer(text, ctx.lo, ctx.hi):
        s0 = _sentence_open(text, m.start(), ctx.lo)
        # The 对 opening a part or closing the subject's list (A、B对…，应当…; A，对…应当…).
        k = next((j for j in range(s0 + 1, m.start()) if text[j] == "对" and (text[j - 1] in "，,"
                                                                            or _list_after(text, s0, j) == j)), None)
        if k is None:
            continue
        sup = _comma_lists(text, s0, k, ctx.default_prefix)
        if not sup:
            continue
        roles = [(Role.support, sup)]
        end = _list_after(text, k + 1, m.start())
        if end is not None and _THEIR_WORK.match(text, end):
            leads = _items(text[k + 1:end], k + 1, ctx.default_prefix)
            if leads and all(is_agency(it.surface) for it in leads):
                roles = [(Role.lead, leads), *roles]
        found.append(Found(s0, m.end(), "clause.cooperates", roles))
    return found


_PERSONS = re.compile(r"(?:和|及|以及)?个人$")


def _comma_lists(text: str, lo: int, hi: int, default_prefix: str | None) -> list[ListItem] | None:
    """The bodies of text[lo:hi], lists parted by commas (a trailing comma and 和个人 dropped), or None
    unless every part is a list of bodies."""
    items, pos = [], lo
    for chunk in re.split(r"([，,])", text[lo:hi]):
        if chunk in ("，", ",", ""):
            pos += len(chunk)
            continue
        body = _PERSONS.sub("", chunk)
        part = _items(body, pos, default_prefix)
        if not part or not all(is_agency(it.surface) for it in part):
            return None
        items += part
        pos += len(chunk)
    return items or None


# A list of owners announced by the sentence before it (由下列部门负责组建：（一）建设、公用事业、电力等部门组建抢险抢修队；
# （二）卫生、医药部门组建医疗救护队, sh-2018-minfang-tiaoli 第十三条): 下列 points at the items, each of which opens
# with its bodies and the announced verb.
_LISTED_OWNERS = re.compile(r"下列(?:部门|单位|机构|机关)(?:分别)?负责(?P<verb>[\u4e00-\u9fff]{1,4})[：:]")
_ITEM_GAP = re.compile(rf"(?:{SPACE}|\n)*")


@clause_rule("clause.listed_owners", 47, "verb after a list")
def listed_owners(ctx: Context) -> list[Found]:
    """(由)下列部门负责X：（一）A、B等部门X…；（二）C部门X…: the bodies opening each item, before the verb the
    sentence announced, are responsible for that item. The items follow on lines of their own or run on.

    Example: 报本级人民政府批准后由下列部门负责组建：（一）建设、公用事业、电力等部门组建抢险抢修队；（二）公安部门组建消防队。
    """
    text, found = ctx.text, []
    for m in _LISTED_OWNERS.finditer(text, ctx.lo, ctx.hi):
        verb, pos = m.group("verb"), m.end()
        while pos < ctx.hi:
            pos = _ITEM_GAP.match(text, pos, ctx.hi).end()
            mk = _HEAD_MARKER.match(text, pos, ctx.hi)
            if mk is None:
                break
            ends = [j for j in (text.find(c, mk.end(), ctx.hi) for c in "；;。\n") if j != -1]
            eol = min(ends) if ends else ctx.hi
            k = text.find(verb, mk.end(), eol)
            subj = _subject(text, k, ctx.lo, ctx.default_prefix, allow_you=False, shared=True) if k > mk.end() else None
            if subj and subj[1] and subj[0] <= mk.end() + 1:
                found.append(Found(subj[0], k + len(verb), "clause.listed_owners", [(Role.responsible, subj[1])]))
            pos = eol + 1
    return found


# 以A为主负责处理: A is the one chiefly responsible (交接前发生的问题以兵役机关为主负责处理); a verb of
# responsibility must follow 为主, so 以市场为主导 and 以岗位工资为主的… are no owners.
_MAINLY_AT = re.compile(r"以(?=[\u4e00-\u9fff])")
_MAINLY_VERB = re.compile(r"为主(?:负责|承担|处理|办理|组织|实施)")
_MAINLY_SPAN = 40


@clause_rule("clause.mainly_by", 63, "verb after a list")
def mainly_by(ctx: Context) -> list[Found]:
    """以A(或者B)为主+verb of responsibility: the bodies between 以 and 为主 are the ones chiefly
    responsible for the matter (a regulation dividing a matter by stage: 交接前…以A为主负责处理，交接后…以B为主
    负责处理), responsible. Only when every item between is a body.

    Example: 交接后发生的问题以新兵训练机构或者部队为主负责处理。
    """
    text, found = ctx.text, []
    for m in _MAINLY_AT.finditer(text, ctx.lo, ctx.hi):
        start = m.end()
        v = _MAINLY_VERB.search(text, start, min(ctx.hi, start + _MAINLY_SPAN))
        if v is None or any(c in text[start:v.start()] for c in _BOUNDARY):
            continue
        items = _items(text[start:v.start()], start, ctx.default_prefix)
        if not items or not all(is_agency(it.surface) for it in items):
            continue
        found.append(Found(m.start(), _sentence_end(text, v.end(), ctx.hi), "clause.mainly_by",
                           [(Role.responsible, items)]))
    return found
