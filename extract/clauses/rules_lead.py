"""Clause rules of the family "lead and others": one body leads and others support or
join it (由A牵头，B配合; A会同B; A与B一起; B配合A).
"""

from __future__ import annotations

import re
from dataclasses import replace

from policykg.extract.clauses.agency_list import ListItem, is_agency, last_prefix
from policykg.extract.structure.spaces import INLINE_SPACE, SPACE
from policykg.schema.models import Role
from policykg.extract.clauses.patterns import (
    _ADVERBS,
    _AFTER_LEAD,
    _CATEGORY,
    _CO_RESPONSIBLE,
    _HEAD_MARKER,
    _JOINER,
    _LIABILITIES,
    _LIST_PUNCT,
    _MODALS,
    _NAME,
    _REQ,
    _SECTOR_LIST,
    _STOP,
    _SUBJECT_TAIL,
    _SUPPORT_ADVERBS,
    _V,
    _YOU_AT,
)
from policykg.extract.clauses.registry import Context, Found, clause_rule
from policykg.extract.clauses.boundaries import _SUBJECT_WINDOW, _clause_start, _sentence_open
from policykg.extract.clauses.bodies import (
    _all_agencies,
    _items,
    _list_after,
    _part_subject,
    _partners,
    _partners_or_bodies,
    _regex_rule,
    _sentence_subject,
    _subject,
)


# 牵头 followed straight by the work (国办正在牵头组织建设…): the lead alone.
# Any verb may follow (牵头抓总, 牵头做好, 牵头落实), but not a noun it qualifies: 牵头单位 is a label,
# A牵头的联席会议 describes a body, 牵头作用 is clause.lead_role's.
_AFTER_LEAD_VERB = rf"(?:{_AFTER_LEAD}|(?=[\u4e00-\u9fff])(?!的|单位|部门|作用|职能|者|人))"
YOU_LEAD = re.compile(rf"由(?P<lead>{_NAME})牵头(?:负责)?" + _AFTER_LEAD)
# An adverbial may stand between the lead and 牵头 (A依照职业标准牵头组织开发…).
_LEAD_ADVERBIAL = r"(?:(?:依照|按照?|根据|依据)[^，,。；;（）()\s]{1,20}?)?"
LEAD_PARTICIPATE = re.compile(
    rf"(?:(?<=^)|(?<=[。；;，,（(\n])){SPACE}*{_REQ}(?P<lead>{_NAME})(?:{_MODALS})?{_LEAD_ADVERBIAL}(?:负责)?牵头(?:负责)?"
    + _AFTER_LEAD_VERB
)


_LEAD_SPEC = [(Role.lead, "lead"), (Role.support, "sup"), (Role.responsible, "resp")]

# The verb of a later part of a lead clause: co-owners by their own words stay responsible, any other
# work beside the lead supports it (分头落实 is 落实 shared out: the beside-lead decision).
_LATER_VERB = re.compile(rf"(?P<co>{_CO_RESPONSIBLE})|(?:分头)?(?:"
                         + _V.alternation(_V.verbs.support + _V.clauses.lead_others) + r")"
                         # A bare role, as a bracket's parts are: a verb with an object (各镇政府…落实主体责任,
                         # sh-fengxian-2022-binan 五、) states work of its own, not the party's place beside the lead.
                         r"(?=[，,。；;）)]|$)")


def _later_parts(ctx: Context, f: Found) -> Found:
    """A lead clause naming more parties after its first, each list with its own verb, up to the
    clause's end (（A牵头，B配合，C、D分工负责）, （A牵头，B等有关部门配合，各市政府落实）:
    sd-2019-shuzi-shandong): each later list joins its role, ranks running on within a role."""
    text, end = ctx.text, f.end
    roles = {role: list(items) for role, items in f.roles}
    while end < ctx.hi and text[end] in "，,":
        start = end + 1
        while start < ctx.hi and text[start] in INLINE_SPACE:
            start += 1
        stop = _list_after(text, start, ctx.hi)
        if stop is None:
            break
        after = stop
        cat = _CATEGORY.match(text, after)
        if cat:
            after = cat.end()
        elif text.startswith("等", after):
            after += 1
        verb = _LATER_VERB.match(text, _SUPPORT_ADVERBS.match(text, after).end())
        items = _items(text[start:stop], start, ctx.default_prefix, last_prefix(f.roles[-1][1]))
        if verb is None or not _all_agencies([(Role.support, items)]):
            break
        roles.setdefault(Role.responsible if verb.group("co") else Role.support, []).extend(items)
        end = verb.end()
    return f if end == f.end else replace(f, end=end, roles=list(roles.items()))


@clause_rule("clause.you_lead", 20, "lead and others")
def you_lead(ctx: Context) -> list[Found]:
    """由A牵头, optionally followed by supporters (B配合 / B参与) or co-responsible bodies.

    Example: 由市发展改革委牵头，市财政局、统计局配合。
    """
    return [_later_parts(ctx, f) for f in _regex_rule(ctx, YOU_LEAD, "clause.you_lead", _LEAD_SPEC, sectors=True)]


@clause_rule("clause.lead_participate", 30, "lead and others")
def lead_participate(ctx: Context) -> list[Found]:
    """A牵头 (负责) at the start of a clause, optionally followed by B配合 / B参与 / B按职责分工负责.

    Example: （国家发展改革委牵头，财政部、人民银行参与）
    """
    found = [_later_parts(ctx, f) for f in _regex_rule(ctx, LEAD_PARTICIPATE, "clause.lead_participate", _LEAD_SPEC,
                                                       sectors=True)]
    return [replace(f, roles=[(role, [_lead_in_object(ctx.text, it) if role is Role.lead else it for it in items])
                              for role, items in f.roles]) for f in found]


_LEVEL_HEADS = tuple(_V.clauses.shared_head_levels)


def _lead_in_object(text: str, it: ListItem) -> ListItem:
    """A lead named inside the object of a verb (建立亡人火灾和较大以上火灾事故区政府牵头调查机制,
    sh-jinshan-2019-xiaofang): when the matched name opens with a verb, the body is the shortest
    tail from a level word (区政府), not the whole phrase; or from a central head (建立国家发展改革委、国家卫生健康委
    牵头…的部际联席会议机制, gov-2020-guobanfa-45 （一）: 国家发展改革委)."""
    if not _STOP.match(it.surface):
        return it
    for k in range(1, len(it.surface) - 1):
        tail = it.surface[k:]
        if tail.startswith(_LEVEL_HEADS + tuple(_V.agency.central_heads)) and len(tail) >= 3 and is_agency(tail):
            s = it.start + k
            return ListItem(tail, tail, s, it.end, False, it.collective)
    return it


_LEAD_ROLE = re.compile(r"发挥牵头(?:抓总)?(?:作用|职能)")


@clause_rule("clause.lead_role", 35, "lead and others")
def lead_role(ctx: Context) -> list[Found]:
    """A发挥牵头作用 states the lead; a 会同B later in the same sentence names its partners.

    Example: 市场监管总局要发挥牵头作用，加强统筹协调，会同各有关部门共同推进各项工作。
    """
    text, found = ctx.text, []
    for m in _LEAD_ROLE.finditer(text, ctx.lo, ctx.hi):
        subj = _subject(text, m.start(), ctx.lo, ctx.default_prefix)
        if subj is None:
            continue
        start, leads = subj
        end = m.end()
        roles = [(Role.lead, leads)]
        sentence_end = min([j for j in (text.find(c, end, ctx.hi) for c in "。；;\n") if j != -1] or [ctx.hi])
        w = re.compile(_V.alternation(_V.verbs.with_partner)).search(text, end, sentence_end)
        if w:
            part = _partners(text, w.end(), ctx.hi, ctx.default_prefix, last_prefix(leads))
            if part:
                end, sup = part
                roles.append((Role.support, sup))
        found.append(Found(start, end, "clause.lead_role", roles))
    return found


_WITH = re.compile(_V.alternation(_V.verbs.with_partner))
# 由A商B另行制定: 商 between two bodies, not 商 of 商务 / 商业 / 商定 (vocabulary [verbs] consult*).
_CONSULT = re.compile(r"(?:" + (_V.alternation(_V.verbs.consult) or r"(?!)") + r")(?!"
                      + (_V.alternation(_V.verbs.consult_not_next) or r"(?!)") + r")")


@clause_rule("clause.with_partner", 40, "lead and others")
def with_partner(ctx: Context) -> list[Found]:
    """(由)A(要)会同B… / (由)A商B…: A leads, B supports (both lists may hold several bodies).

    Example: 专项发展资金管理办法由市财政局会同浦东新区、奉贤区和临港地区管委会制定。
    """
    text, found = ctx.text, []
    for m in _WITH.finditer(text, ctx.lo, ctx.hi):
        # 会同 / 联合 right after a list's punctuation opens the next name (…、联合采购办公室, gov-2019-guobanfa-2).
        if m.start() > ctx.lo and text[m.start() - 1] == "、":
            continue
        subj = _subject(text, m.start(), ctx.lo, ctx.default_prefix, shared=True, lone_you=True)
        # The sentence's subject read across a part that has its own 负责 (A负责…，会同B推动…, gov-2023-guoling-760
        # 第二十九条): the clause starts at 会同, so that part stays free for its own reading (A responsible, as the gold
        # has it). Other parts (A要根据…，会同B…) qualify the 会同 clause and stay in it.
        if subj is None and (subj := _sentence_subject(text, m.start(), ctx.lo, ctx.default_prefix)) \
                and "负责" in text[subj[1][-1].end:m.start()]:
            subj = (m.start(), subj[1])
        if subj is None:
            subj = _duty_subject_before(text, m.start(), ctx.lo, ctx.default_prefix)
        if subj is None:
            # 由A牵头，会同B负责: the lead was named before the comma (and read by the lead rules);
            # the partners after 会同 support it.
            before = text[max(ctx.lo, m.start() - 3):m.start()]
            # A modal may stand before 会同 (由环境保护主管部门牵头，可会同监察机关及相关部门…, gov-2014-guobanhan-119 5.1).
            if re.search(rf"牵头(?:负责)?[，,]?\s*(?:{_MODALS})?$", text[max(ctx.lo, m.start() - 8):m.start()]) and before.strip():
                part = _partners(text, m.end(), ctx.hi, ctx.default_prefix, None)
                if part:
                    found.append(Found(m.start(), part[0], "clause.with_partner", [(Role.support, part[1])]))
                continue
            # 由A视情成立…，会同B… / 由A纳入…；会同B…: a 会同 part with no subject of its own continues the
            # 由A part before it in the sentence, so A leads (sh-chongming-2023-ranqi-yuan 5.4,
            # sh-gumei-2022-dujulaoren-xiaofang 三、).
            you = _you_part_before(text, m.start(), ctx.lo, ctx.default_prefix) \
                if _clause_start(text, m.start(), ctx.lo) == m.start() else None
            # 会同物业每月对…: a word no stop word knows may follow the partner.
            part = _partners_or_bodies(ctx, m.end(), last_prefix(you[1])) if you else None
            if part:
                found.append(Found(you[0], part[0], "clause.with_partner", [(Role.lead, you[1]), (Role.support, part[1])]))
            continue
        start, leads = subj
        # 会同气象主管机构发布 / 会同有关部门查明事实: a verb no stop word knows may follow the partner.
        part = _partners(text, m.end(), ctx.hi, ctx.default_prefix, last_prefix(leads)) \
            or _partners_before_verb(ctx, m.end())
        if part is None:
            continue
        end, sup = part
        lead_part = _procedure_lead(text, start, m.start(), end, ctx.default_prefix)
        if lead_part is None:
            continue  # 报A会同B批准 / 经A会同B批准: a step of procedure, no task of A's
        if lead_part:
            start, leads = lead_part
        if text.startswith(("等部门", "等单位", "等"), end):
            end = end + (3 if text.startswith(("等部门", "等单位"), end) else 1)
        roles = [(Role.lead, leads), (Role.support, _same_level(sup, leads))]
        # A会同B配合C (市地方金融部门会同市有关行业主管部门、消费者权益保护组织等配合中央金融管理部门在沪机构，完善…,
        # sh-2024-jinrong-zhongxin 第五十一条): 配合 is the sentence's verb, so C's work is done; A and B support it.
        helped = _partners(text, end + 2, ctx.hi, ctx.default_prefix, last_prefix(leads)) \
            if text.startswith("配合", end) else None
        if helped and all(is_agency(it.name) for it in helped[1]):
            end = helped[0]
            roles = [(Role.lead, helped[1]), (Role.support, [*leads, *_same_level(sup, leads)])]
        # A是…执法主体，要会同B… (gov-2005-guofa-39 （三十二）): the subject's institutional role, stated in the
        # part before, is a fact of its own (clause.institutional_role's reading), kept beside the lead.
        if _INSTITUTIONAL_PART.match(text, leads[-1].end, m.start()):
            roles = [(Role.responsible, leads), *roles]
        found.append(Found(start, end, "clause.with_partner", roles))
    # (由)A商B…: A consults B, read as A会同B. Only a body list right before 商 (no sentence subject):
    # one character is too common to guess its subject from further back.
    for m in _CONSULT.finditer(text, ctx.lo, ctx.hi):
        # 商 right after a list's punctuation opens the next name (平阴县、商河县: jn-2024-rengong-zhineng
        # 三、（二）), never A商B, whose 商 follows A's name directly.
        if m.start() > ctx.lo and text[m.start() - 1] in _LIST_PUNCT:
            continue
        subj = _subject(text, m.start(), ctx.lo, ctx.default_prefix)
        if subj is None:
            continue
        start, leads = subj
        # 商有关部门确定: a verb no stop word knows may follow the partner.
        part = _partners_or_bodies(ctx, m.end(), last_prefix(leads))
        if part is None:
            continue
        end, sup = part
        found.append(Found(start, end, "clause.with_partner", [(Role.lead, leads), (Role.support, sup)]))
    return found


def _duty_subject_before(text: str, pos: int, lo: int, default_prefix: str | None) -> tuple[int, list[ListItem]] | None:
    """(pos, bodies) when the part at `pos` (会同B…) opens with adverbs only and follows the part A负责… of the
    same sentence, A sector words sharing the last item's head (卫生健康、生态环境部门负责…，并会同城市管理部门制定…,
    bj-2020-gonggong-weisheng-yingji 第四十三条（十三）): A leads the 会同 clause too; None otherwise."""
    part = _clause_start(text, pos, lo)
    if not _ADVERBS.fullmatch(text, part, pos) or part - 1 < lo or text[part - 1] not in "，,":
        return None
    s0 = _sentence_open(text, pos, lo)
    k = text.find("负责", s0, part)
    if k == -1 or any(c in text[s0:k] for c in "，,"):
        return None
    subj = _subject(text, k, lo, default_prefix, allow_you=False, shared=True)
    if subj is None or not subj[1] or subj[0] != s0:
        return None
    return pos, subj[1]


# The government a lead belongs to (县级以上地方人民政府 of 县级以上地方人民政府国土资源主管部门, 国务院 of 国务院X部门).
_LEAD_GOVERNMENT = re.compile(r"^(?:[^的，,。；;]*?人民政府|国务院)(?=[\u4e00-\u9fff])")
# A partner of the lead's own level (会同同级建设…部门, 会同本级卫生健康行政部门). One that names its government
# (会同本级人民政府自然资源…主管部门, gov-2021-guoling-748 第十三条) is kept as written, as the gold keeps it.
_SAME_LEVEL = re.compile(r"^(?:同级|本级)(?!人民政府|政府)")


def _same_level(partners: list[ListItem], leads: list[ListItem]) -> list[ListItem]:
    """Partners written 同级X / 本级X are X of the lead's government (县级以上地方人民政府国土资源主管部门会同同级
    建设…等部门: 县级以上地方人民政府建设部门, as a reader restores them); with no government in the lead's
    name (国土资源主管部门会同同级建设…) they stay as written."""
    gov = _LEAD_GOVERNMENT.match(leads[0].name) if len(leads) == 1 else None
    if gov is None:
        return partners
    return [replace(it, name=_SAME_LEVEL.sub(gov.group(0), it.name, count=1)) if _SAME_LEVEL.match(it.name) else it
            for it in partners]


# A lead named after a procedure word (经A会同B组织论证; 报A会同B批准, 未经A会同B批准): the body that reviews
# or receives. [clauses] approval_verbs after the partners make the whole a step of procedure.
_PROCEDURE_HEAD = re.compile(rf"(?:{_MODALS})?(?:未经|经|报)")
_APPROVAL = re.compile(_V.alternation(_V.clauses.approval_verbs) or r"(?!)")


def _procedure_lead(text: str, start: int, verb: int, end: int,
                    default_prefix: str | None) -> tuple[int, list[ListItem]] | tuple[()] | None:
    """The lead list read again without the procedure word opening it (经A会同B组织论证: A), () when no
    such word opens the subject, or None when the clause is procedure: the lead is one 报 goes to, or
    one whose approval is sought (经A会同B批准)."""
    head = _PROCEDURE_HEAD.match(text, start, verb)
    if head is None:
        return ()
    items = _items(text[head.end():verb], head.end(), default_prefix)
    if not items or not all(is_agency(it.surface) for it in items):
        return ()
    if head.group(0).endswith("报") or _APPROVAL.match(text, end):
        return None
    return head.end(), items


def _partners_before_verb(ctx: Context, pos: int) -> tuple[int, list[ListItem]] | None:
    """The longest list of bodies after 会同 when a verb no stop word knows follows it (会同气象主管机构发布);
    None when a 的 or a joiner follows the list: a longer name or list goes on there (会同有关军区和省、
    自治区、直辖市人民政府的国防交通主管机构…), the qualified readers'."""
    end = _list_after(ctx.text, pos, ctx.hi)
    if end is None or end >= ctx.hi or ctx.text[end] in "的之" or ctx.text.startswith(tuple(_V.verbs.joiners), end) \
            or _NOT_A_VERB_AFTER.match(ctx.text, end, ctx.hi):
        return None
    items = _items(ctx.text[pos:end], pos, ctx.default_prefix)
    # A one-character item is a word cut short (会同军区有关部门和区域内的…: 区 of 区域), no body.
    if not items or not all(is_agency(it.surface) and len(it.surface) > 1 for it in items):
        return None
    return end, items


# What after a partner shows its list was no partner: a relative clause (发展改革委会同西部开发办上报的《请示》,
# gov-2004-guobanhan-71: the report, no task) or persons (会同物业管理人员组成工作小组: staff, no body).
_NOT_A_VERB_AFTER = re.compile(r"[\u4e00-\u9fff]{1,3}的|[\u4e00-\u9fff]{0,4}人员")


def _you_part_before(text: str, pos: int, lo: int, default_prefix: str | None) -> tuple[int, list[ListItem]] | None:
    """The bodies of the last 由A part of the sentence before `pos` (a part opening with 由, after a comma
    or semicolon, after a label's colon (对应措施：由居委纳入关注对象，会同物业…, sh-gumei-2022-dujulaoren-xiaofang
    三、（二）) or at the sentence's start), as (position of 由, items); None when there is none."""
    floor = max(lo, pos - _SUBJECT_WINDOW)
    s0 = max([text.rfind(c, floor, pos) for c in "。\n"] + [floor - 1]) + 1
    for m in reversed(list(_YOU_AT.finditer(text, s0, pos))):
        if m.start() > s0 and text[m.start() - 1] not in "，,；;：:":
            continue
        end = _list_after(text, m.end(), pos)
        items = _items(text[m.end():end], m.end(), default_prefix) if end else []
        if items and all(is_agency(it.surface) for it in items):
            return m.start(), items
        return None
    return None


_ITEM_PARTNER = re.compile(r"(?:负责)?(?P<verb>" + _V.alternation(_V.verbs.with_partner + ["配合"]) + r")")


def _item_owner(text: str, pos: int, lo: int, default_prefix: str | None) -> tuple[int, list[ListItem]] | None:
    """The bodies heading the numbered item whose line holds `pos`: the item opens with them and
    负责 (（五）区科学技术委员会负责…) or is an owner heading (（三）区建交委。负责…)."""
    line = max(lo, text.rfind("\n", lo, pos) + 1)
    m = _HEAD_MARKER.match(text, line, pos)
    if m is None:
        return None
    k = text.find("负责", m.end(), pos)
    if k == -1:
        # An owner heading with no 负责 (（四）中国城市规划协会。配合B…, mohurd-2020-chengshi-tijian): the
        # name alone before the item's first 。 is the owner.
        stop = text.find("。", m.end(), pos)
        if stop == -1 or not is_agency(text[m.end():stop]):
            return None
        return m.end(), _items(text[m.end():stop], m.end(), default_prefix)
    subj = _subject(text, k, lo, default_prefix, allow_you=False) or _part_subject(text, k, lo, default_prefix)
    if subj is None or not subj[1] or subj[1][0].start > m.end() + 1:
        return None
    return subj



def _shared_head_partner(text: str, pos: int, hi: int) -> tuple[int, list[ListItem]] | None:
    """One partner whose name joins two qualifiers under one head (配合国家在沪及本市金融管理部门指导…:
    the financial regulators of the state in Shanghai and of the city), when splitting it at the
    joiner leaves a part that names no body. Ends at the first two-character stop word (a verb:
    指导) or punctuation; a one-character one (在 of 国家在沪) stands inside such names."""
    end = next((j for j in range(pos + 1, min(hi, pos + 32))
                if text[j] in _LIST_PUNCT or (s := _STOP.match(text, j)) and len(s.group(0)) >= 2), None)
    if end is None:
        return None
    body = text[pos:end]
    if not _JOINER.search(body, 1) or not is_agency(body):
        return None
    return end, [ListItem(body, body, pos, end, False, False)]


@clause_rule("clause.item_partner", 42, "lead and others")
def item_partner(ctx: Context) -> list[Found]:
    """(负责)会同B / (负责)配合B opening a clause part of a numbered item headed by its owner: the
    item's owner is the implicit subject. 会同B: the owner leads, B supports; 配合B: B leads, the
    owner supports. Also A负责配合B with the subject written (A supports, B leads).

    Example: （二十二）区市场监督管理局负责依法实施监督管理。配合有关部门依法查处无证无照违规经营活动。
    """
    text, found = ctx.text, []
    for m in _ITEM_PARTNER.finditer(text, ctx.lo, ctx.hi):
        start = _clause_start(text, m.start(), ctx.lo)
        if start == m.start():
            # The part opens with the verb: its subject is the item's owner.
            owner = _item_owner(text, m.start(), ctx.lo, ctx.default_prefix)
        elif m.group(0).startswith("负责") and m.group("verb") == "配合":
            # A负责配合B: the subject stands right before 负责.
            owner = _subject(text, m.start(), ctx.lo, ctx.default_prefix, allow_you=False)
        else:
            continue
        if owner is None:
            continue
        part = _partners(text, m.end(), ctx.hi, ctx.default_prefix, last_prefix(owner[1])) \
            or _shared_head_partner(text, m.end(), ctx.hi)
        if part is None:
            continue
        end, others = part
        # 配合 after a comma with only a collective after it (公安部负责…，配合有关部门及时打击…,
        # gov-2005-guobanhan-57) is a manner of working, not annotated; opening a sentence of the
        # item (…。配合有关部门依法查处…) or naming the bodies (…，配合区应急管理局…) it is a clause.
        if m.group(0) == "配合" and start > ctx.lo and text[start - 1] in "，," \
                and all(it.collective for it in others):
            continue
        if m.group("verb") == "配合":
            roles = [(Role.lead, others), (Role.support, owner[1])]
        else:
            roles = [(Role.lead, owner[1]), (Role.support, others)]
        found.append(Found(m.start(), end, "clause.item_partner", roles))
    return found


# 协同 opening a clause part (…，并协同B…): B works alongside the sentence's subject.
_CO_DOER_AT = re.compile(rf"(?:(?<=[，,；;。])|(?<=^)){SPACE}*(?:并|同时|还)?协同", re.M)


@clause_rule("clause.co_doer", 66, "lead and others")
def co_doer(ctx: Context) -> list[Found]:
    """(并)协同B+verb opening a clause part: B does the work together with the sentence's subject, a
    co-doer, so B is responsible too (the dev gold reads 协同 as 'together with', like 与B共同…); the
    subject's own clause is the other rules'. Not 协同 before a noun (加强业务协同, 协同发展): B must be
    bodies followed by their work.

    Example: 镇安监所负责对限额以下小型建设工程的安全进行监管，并协同消防部门对限额以下工程的消防安全进行监管及指导。
    """
    text, found = ctx.text, []
    for m in _CO_DOER_AT.finditer(text, ctx.lo, ctx.hi):
        # 协同处置… / 协同发展…: the adverb "jointly" before a verb ([clauses] jointly_verbs), no co-doer.
        if text.startswith(tuple(_V.clauses.jointly_verbs), m.end()):
            continue
        part = _partners_or_bodies(ctx, m.end(), None)
        if not part or not all(is_agency(it.surface) for it in part[1]):
            continue
        end, items = part
        if end >= ctx.hi or not ("\u4e00" <= text[end] <= "\u9fff") or text[end] in "的等":
            continue
        found.append(Found(m.start(), end, "clause.co_doer", [(Role.responsible, items)]))
    return found


# The part between a subject and its 会同 that states the subject's institutional role (是…执法主体，要).
_INSTITUTIONAL_PART = re.compile(rf"(?:是|为)[^，,。；;：:]{{0,40}}?(?:{_V.alternation(_V.clauses.role_nouns) or '(?!)'})"
                                 rf"[，,](?:{_MODALS})?$")


_TOGETHER = re.compile(r"与")


@clause_rule("clause.together", 55, "lead and others")
def together(ctx: Context) -> list[Found]:
    """A与B、C(等单位)一起/共同…: all the bodies are responsible together, none leads.

    Example: 国办将与国家标准委、国务院信息办等单位一起，组织制定政府网站及电子政务相关标准。
    """
    text, found = ctx.text, []
    for m in _TOGETHER.finditer(text, ctx.lo, ctx.hi):
        subj = _subject(text, m.start(), ctx.lo, ctx.default_prefix, allow_you=False)
        if subj is None:
            continue
        part = _partners(text, m.end(), ctx.hi, ctx.default_prefix, last_prefix(subj[1]))
        if part is None:
            continue
        end, others = part
        if not text.startswith(("一起", "共同"), end):
            continue
        # 造成扬尘污染的，建设单位与施工单位共同承担责任 (lc-2018-daqi-wuran 第四十七条): a liability borne jointly
        # (承担 + a liability, or 责任 alone), no work.
        if text.startswith("承担", end + 2) and text.startswith(_LIABILITIES + ("责任",), end + 4):
            continue
        found.append(Found(subj[0], end + 2, "clause.together", [(Role.responsible, subj[1] + others)]))
    return found


_LEAD_AFTER_SUPPORT = re.compile(r"(?:配合|协助)")
# Persons named after the bodies that cooperate with a named lead (有关机关、单位和个人应当配合保密行政管理部门依法履行职责,
# gov-2024-baomi-shishi 第五十五条): no owners, the bodies still support B. (Partnerless, 有关单位及个人应当予以配合 is
# everyone the law binds and names none: clause.subject_support keeps 和个人 in its subject, gov-2005-guobanhan-57.)
_PERSONS_AFTER = re.compile(r"(?:和|及|以及)(?:其他)?(?:个人|公民)")


def _past_persons(text: str, start: int, pos: int, hi: int) -> int:
    """`pos`, or the end of a 和个人 that stands there before `hi` after bodies opening at `start`; not after
    任何单位 (任何单位和个人, everyone the law binds: no named bodies)."""
    m = _PERSONS_AFTER.match(text, pos, hi)
    return m.end() if m and not text.startswith(("任何", "一切", "所有"), start) else pos


# 可以 too: a help the subject may give (生产经营单位可以设置专职安全生产分管负责人，协助本单位主要负责人履行…职责,
# sz-2022-anquan-shengchan 第三十五条) is a permission, no charge.
_DUTY_MODAL = re.compile(r"应当|应|可以")
_DUTY_VERB = re.compile(r"(?:" + _V.alternation(_V.clauses.subject_adverbs) + r")*(?:主要|具体)?负责")


def _duty_list_subject(text: str, pos: int, lo: int, default_prefix: str | None) -> tuple[int, list[ListItem]] | None:
    """The bodies whose 负责 opens a list of duties joined by 、 that goes on up to 配合 at `pos`
    (（二）园区管理职能部门：青岛高科技工业园管委会负责对…组织辖区企业申报、审核、推荐，按要求办理…、编制…、
    配合区财政部门拨付资金、开展…, qd-2023-ai-yuanqu-xize 第二十三条): the duty of supporting B is theirs
    too. Returns (start, bodies) or None."""
    if pos <= lo or text[pos - 1] != "、":
        return None
    s0 = _sentence_open(text, pos, lo)
    end = _list_after(text, s0, pos)
    if end is None or not _DUTY_VERB.match(text, end, pos):
        return None
    items = _items(text[s0:end], s0, default_prefix)
    if not items or not all(is_agency(it.surface) for it in items):
        return None
    return s0, items


_OWN_PLACE_DEICTICS = {w for w in _V.places_config.province_deictics + _V.places_config.city_deictics
                       + _V.places_config.local_deictics if w.startswith(("本", "我"))}


@clause_rule("clause.support_lead", 75, "lead and others")
def support_lead(ctx: Context) -> list[Found]:
    """A(也表示将积极)配合B(等有关部门)做好…: A supports, the bodies after 配合 lead the work. The
    subject must open the clause (…，配合有关部门打击… names no supporter) and only adverbs may
    stand between it and 配合. A协助B: A owns the work, B is left out.

    Example: 水利部也表示将积极配合发展改革委等有关部门做好该项目的立项工作。
    """
    text, found = ctx.text, []
    for m in _LEAD_AFTER_SUPPORT.finditer(text, ctx.lo, ctx.hi):
        start = _clause_start(text, m.start(), ctx.lo)
        # 本市配合中央金融管理部门加强… (sh-2024-jinrong-zhongxin 第五十七条): the document's own place as the
        # subject, no body; the bodies after 配合 still lead the work (the gold gives 本市 no row).
        if m.group(0) == "配合" and text[start:m.start()] in _OWN_PLACE_DEICTICS:
            part = _partners_or_bodies(ctx, m.end(), None)
            if part and all(is_agency(it.name) for it in part[1]):
                found.append(Found(start, part[0], "clause.support_lead", [(Role.lead, part[1])]))
            continue
        end = _list_after(text, start, m.start())
        if end is None and (start == m.start() or m.group(0) == "配合" and _ADVERBS.fullmatch(text, start, m.start())):
            # A要做好…，配合B提升…: a part opening with 配合 continues the sentence's subject; an adverb may
            # stand before 配合 (各成员单位要认真落实…，积极配合其他单位消除隐患, mot-2021-tielu-yanxian （一）), not
            # before 协助 (…，并协助镇规建办… after the subject's own 负责配合…, sh-qibao-2020-xiane-gongcheng: no row).
            subj = _sentence_subject(text, m.start(), ctx.lo, ctx.default_prefix)
            if subj is None:
                continue
            start, sup = subj
        elif end is None and m.group(0) == "配合" \
                and (duty := _duty_list_subject(text, m.start(), ctx.lo, ctx.default_prefix)):
            # The clause starts at 配合: the subject's own 负责 clause holds the span before it.
            start, sup = m.start(), duty[1]
        elif end is None or not _ADVERBS.fullmatch(text, _past_persons(text, start, end, m.start()), m.start()):
            # Sector words before 等部门 (环境保护、工商…等部门和单位要配合B): each sector's department supports B.
            # A level opening the first word may end like a body (区县（自治县）环保、建设等主管部门应当配合B,
            # cq-2018-shirong-huanwei 第六十四条: 区县), so a list read as ending there is tried as sectors too.
            sectors = _subject(text, m.start(), ctx.lo, ctx.default_prefix, allow_you=False)
            if sectors is None or not _SECTOR_LIST.fullmatch(text, sectors[0], m.start()) \
                    and not _SECTOR_LIST.fullmatch(_SUBJECT_TAIL.sub("", text[sectors[0]:m.start()])):
                continue
            start, sup = sectors
        else:
            sup = _items(text[start:end], start, ctx.default_prefix)
        # A sector word is a body by its restored name (环境保护 → 环境保护部门).
        if not sup or not all(is_agency(it.surface) or is_agency(it.name) for it in sup):
            continue
        # 配合绿化市容部门提升…: a verb no stop word knows may follow the lead.
        part = _partners_or_bodies(ctx, m.end(), last_prefix(sup))
        if part is None:
            # 公安、市场监管、城管执法等部门积极配合监控视频接入 (bt-2022-shuzi-zhengfu-kaoping 附件 64．): the work,
            # no body, follows a 配合 whose subject list stands right before it: the bodies support it. (配合
            # closing its part, 要紧密配合，…, is clause.subject_support's.)
            if m.group(0) == "配合" and end is None and start < m.start() \
                    and re.match(r"[\u4e00-\u9fff]", text[m.end():m.end() + 1]) \
                    and _SECTOR_LIST.fullmatch(_SUBJECT_TAIL.sub("", text[start:m.start()])):
                found.append(Found(start, m.end(), "clause.support_lead", [(Role.support, sup)]))
            continue
        stop, leads = part
        if m.group(0) == "协助":
            # A应当协助B做好…: a duty of assisting stated as an 应当 subject (居民委员会应当协助政府及其
            # 派出机关…), which the dev gold leaves out (sh-xuhui 第五条, gov-2018-guofa-41 第二十八条).
            if _DUTY_MODAL.search(text, start, m.start()):
                continue
            # A协助B…: the dev gold reads the helper as owning the work and leaves the helped party
            # out (sh-2024-jianzhu-laji 由A协助有关责任主体统筹…; sh-xuhui-2020-xiaofang-zerenzhi
            # 协助市交通执法部门…), unlike 配合B, whose B leads.
            found.append(Found(start, stop, "clause.support_lead", [(Role.responsible, sup)]))
            continue
        found.append(Found(start, stop, "clause.support_lead", [(Role.lead, leads), (Role.support, sup)]))
    return found


_LEAD_OBJECT = re.compile(r"(?:" + _V.alternation(_V.verbs.lead) + r")(?=[\u4e00-\u9fff])")


@clause_rule("clause.lead_object", 78, "lead and others")
def lead_object(ctx: Context) -> list[Found]:
    """(A)牵头B、C…，开展…: 牵头 with the bodies as its object — B and C work under the lead, so they
    support it. The lead is the clause's subject (read by clause.lead_participate) or, left out,
    the unit's owner (an owner heading such as （一）区绿化市容局).

    Example: 牵头区建管委、区交通委、区城管执法局、区公安分局（交管），每周开展联合执法检查。
    """
    text, found = ctx.text, []
    for m in _LEAD_OBJECT.finditer(text, ctx.lo, ctx.hi):
        # Only a body list (the lead) or nothing may stand before 牵头 in its clause.
        if _clause_start(text, m.start(), ctx.lo) != m.start() \
                and _subject(text, m.start(), ctx.lo, ctx.default_prefix, allow_you=False) is None:
            continue
        end = _list_after(text, m.end(), ctx.hi)
        if end is None or end >= ctx.hi or text[end] not in "，,":
            continue
        items = _items(text[m.end():end], m.end(), ctx.default_prefix)
        if items and all(is_agency(it.surface) for it in items):
            found.append(Found(m.end(), end, "clause.lead_object", [(Role.support, items)]))
    return found



# The partner verbs of a sentence that names no doer: 会同 (the partners support) and 配合 (the body
# cooperated with leads).
_ADDRESSEE_PARTNER = re.compile(r"(?P<verb>会同|配合)")
# A class of bodies by level alone (配合市级部门落实…, sh-jingan-2023-gengxin 三、（五）): no one body.
_LEVEL_CLASS = re.compile(r"(?:[省市区县镇乡]级)+(?:各)?(?:部门|单位|机关|机构)")


def _opens_item_list(text: str, line: int, lo: int) -> bool:
    """Whether the line at `line` continues a list a colon opened (…负责下列工作：（一）…；（二）会同…): the
    list's subject, before the colon, is the doer of each item."""
    prev = text[max(lo, line - 400):line].rstrip()
    return prev.endswith(("：", ":", "；", ";"))


@clause_rule("clause.addressee_partner", 85, "lead and others")
def addressee_partner(ctx: Context) -> list[Found]:
    """会同B… / 配合B… in a plan's item whose sentence names no doer (the document's addressee does the
    work): 会同 — the partners support, no lead; 配合 — B leads, no supporter. Runs after every rule that
    finds a subject (the item's owner, a 由 part, the sentence's subject), so only an unclaimed verb is
    read; named bodies only (会同有关部门 names no one), in a paragraph no colon labels.

    Example: 35．配合市发改委做好涉企信用数据整合和平台对接工作。
    """
    text, found = ctx.text, []
    for m in _ADDRESSEE_PARTNER.finditer(text, ctx.lo, ctx.hi):
        if _clause_start(text, m.start(), ctx.lo) != m.start():
            continue
        line = max(ctx.lo, text.rfind("\n", ctx.lo, m.start()) + 1)
        # A label's colon in the paragraph (村级路长：负责…;配合…) or a list opened by a colon names the doer.
        if any(c in text[line:m.start()] for c in "：:") or _opens_item_list(text, line, ctx.lo):
            continue
        if _sentence_subject(text, m.start(), ctx.lo, ctx.default_prefix) \
                or _you_part_before(text, m.start(), ctx.lo, ctx.default_prefix):
            continue
        part = _partners(text, m.end(), ctx.hi, ctx.default_prefix, None)
        if part is None or part[0] >= ctx.hi or text[part[0]] in _LIST_PUNCT:
            continue
        end, others = part
        if any(it.collective or _LEVEL_CLASS.fullmatch(it.surface) for it in others):
            continue
        role = Role.support if m.group("verb") == "会同" else Role.lead
        found.append(Found(m.start(), end, "clause.addressee_partner", [(role, others)]))
    return found
