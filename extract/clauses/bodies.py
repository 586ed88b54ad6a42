"""Reading a list of bodies where one is expected: a clause's subject before its verb
(`_subject`), partners after 会同 (`_partners`), the list after 由 (`body_list_end`), sector words
sharing a head (民政、公安等部门), qualified bodies, role lists of a labelled clause (`split_segments`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from policykg.extract.brackets import CLOSE, OPEN, bracket_walk
from policykg.extract.clauses.agency_list import (
    COLLECTIVE,
    LEVEL_HEADS,
    NOT_AGENCY,
    ListItem,
    is_agency,
    last_prefix,
    level_run,
    own_prefix,
    places_in,
    qualify,
    run_rest_start,
    shared_collective,
    split_agency_list,
    split_joined,
    unit_parent,
)
from policykg.extract.structure.spaces import INLINE_SPACE
from policykg.schema.models import Role
from policykg.extract.clauses.patterns import (
    _ADVERBS,
    _CATEGORY,
    _ENTRUSTED,
    _ESTABLISH,
    _HEAD_MARKER,
    _JOINER,
    _LIST_PUNCT,
    _MODAL_HEAD,
    _OWN_REMIT,
    _SECTOR_JOINED,
    _SECTOR_LEVEL,
    _SECTOR_LIST,
    _SECTOR_RUN,
    _SECTOR_WORK,
    _SHARED_DEPARTMENT,
    _STOP,
    _SUBJECT_TAIL,
    _V,
)
from policykg.extract.clauses.registry import Context, Found
from policykg.extract.clauses.boundaries import _clause_start, _sentence_end, _sentence_open


def _items(body: str, offset: int, default_prefix: str | None, context_prefix: str | None = None) -> list[ListItem]:
    return split_joined(split_agency_list(body, offset, default_prefix, context_prefix))


_TIME_ITEM = re.compile(r"\d{4}\s*年|[0-9一二三四五六七八九十]+月|年底|年内|长期坚持|持续推进|前完成|完成时限|逐步推进")


def split_segments(segments: list[tuple[Role, str, int]], default_prefix: str | None) -> list[tuple[Role, list[ListItem]]]:
    """Split each role's list, carrying the level prefix across the whole clause: a bare list
    that comes first (配合单位：发展改革委… after 牵头单位 with no 市) takes the clause's first
    prefix, and each later list continues from the last prefix seen."""
    first = None
    for _, body, off in segments:
        first = next((own_prefix(it.name) for it in split_agency_list(body, off) if own_prefix(it.name)), None)
        if first:
            break
    running = first
    parent = None  # the body whose internal unit (…处, …司) the last list ended with
    roles = []
    for role, body, off in segments:
        # A time field written into the list (…、财政部，2020年底前完成) is the deadline reader's.
        items = [it for it in _items(body, off, default_prefix, running) if not _TIME_ITEM.search(it.surface)]
        if items:
            # A later list's bare unit shares the parent of the unit before it (交通运输部运输服务司牵头，
            # 科技司、人事教育司配合: 交通运输部科技司), as within one list.
            items = [_with_parent(it, parent) for it in items]
            parent = unit_parent(items[-1].name) or parent
            running = last_prefix(items) or running
            roles.append((role, items))
    # A place the clause names (广州市工业和信息化局) is where its generic 市… names belong.
    places = places_in([it for _, items in roles for it in items])
    if places:
        roles = [(role, [replace(it, name=qualify(it.name, places)) for it in items]) for role, items in roles]
    return roles


def _with_parent(it: ListItem, parent: str | None) -> ListItem:
    # Only over a bare name or a level prefix restored onto it (市科技司 in a headless text): a parent
    # carried inside its own list (市交通委科技信息处、港务监管处) stays.
    if parent and it.name in (it.surface, (own_prefix(it.name) or "") + it.surface) \
            and own_prefix(it.surface) is None and unit_parent(it.surface) is None \
            and it.surface.endswith(tuple(_V.agency.internal_unit_suffixes)):
        return replace(it, name=parent + it.surface, prefix_restored=True)
    return it


def _all_agencies(roles: list[tuple[Role, list[ListItem]]]) -> bool:
    # A bare generic word sharing the collective before it (国务院相关部门和单位: 单位 is 国务院相关单位,
    # gov-2020-guobanfa-24) names a body by its restored name.
    return bool(roles) and all(items and all(is_agency(it.surface) or it.collective and is_agency(it.name)
                                             for it in items) for _, items in roles)


_YOU = re.compile(r"(?<!自)由")
_TIME_HEAD = re.compile(r"(?:[0-9０-９]{4}\s*年(?:[0-9０-９]{1,2}\s*月)?(?:底|初|内|起|以来)?(?:前)?|"
                        + _V.alternation(_V.clauses.time_heads) + r")[，,]?\s*")


def _sentence_subject(text: str, pos: int, lo: int, default_prefix: str | None,
                      modal: bool = False) -> tuple[int, list[ListItem]] | None:
    """The bodies that open the sentence holding `pos`, when the clause part right before `pos`
    holds nothing but adverbs (发展改革委将继续加强协调，会同你省… ; 环保总局正在…，同时将会同…): the
    sentence's subject is the subject of the verb at `pos` too. With `modal`, only a subject a modal
    follows (A应…, A要…): the instruction form, whose later parts all state A's duties."""
    part = _clause_start(text, pos, lo)
    # 分别 / 共同 too (…落实各项重大决策，分别承担…的监管责任, bj-2022-shuju-zhuanqu): the share each subject takes.
    if not (_ADVERBS.fullmatch(text, part, pos) or _SUBJECT_TAIL.fullmatch(text, part, pos)):
        return None
    s0 = _sentence_open(text, pos, lo)
    head = _TIME_HEAD.match(text, s0, pos)
    if head:
        s0 = head.end()
    if s0 >= part:
        return None
    end = _list_after(text, s0, part)
    if end is None or end >= part or text[end] in "的、和及与，," or modal and not _MODAL_HEAD.match(text, end):
        return None
    items = _items(text[s0:end], s0, default_prefix)
    if not items or not all(is_agency(it.surface) for it in items):
        return None
    return s0, items


# A comma part that qualifies the verb rather than naming its subject (根据有关通知要求, 各司其职,
# 在指挥部的统一领导下): the subject stands in an earlier part.
_ADVERBIAL_PART = re.compile(r"^(?:(?:要|应|须)?(?:根据|按照?|依照|依据|结合|从|在|围绕)|各司其职|各负其责|各尽其责)")
_SUBJECT_CUT = re.compile(r"(?:要|应|须|应当)?(?:根据|按照?|依照|依据|结合|" + _OWN_REMIT + ")")


def _subject(text: str, pos: int, lo: int, default_prefix: str | None, allow_you: bool = True,
             need_you: bool = False, back: bool = False, shared: bool = False,
             lone_you: bool = False) -> tuple[int, list[ListItem]] | None:
    """The bodies written just before position `pos` (the verb), as (clause start, items), or
    None when what stands there is not a list of bodies. With `back`, comma parts that only
    qualify the verb (根据有关通知要求，各司其职，) are stepped over to the subject before them.
    With `shared`, sector words may share the 部门 of the last item (生态环境、绿化市容、城管执法部门
    要会同…): only lead-and-others rules ask for it, since a lead makes the list an assignment
    (医保、医疗、医药主管部门要各司其职 opens an item of gov-2019-guobanfa-2 and was not annotated)."""
    start = _clause_start(text, pos, lo)
    region = text[start:pos]
    # 按照各自职能分工，负责… : the subject stands before the duty-division phrase's comma.
    if not region.strip() and start - 1 >= lo and text[start - 1] in "，,":
        prev = _clause_start(text, start - 1, lo)
        # So before a 领导下 part's comma (A在国务院和中央军事委员会领导下，负责…): A stands in that part.
        if re.search(r"(?:职能|职责)分工$|领导下$", text[prev:start - 1]):
            start, region = prev, text[prev:start - 1]
    stepped = False
    if back:
        for _ in range(3):
            # A part of modals alone (…的部门，可以在各自职责范围内…, gov-2024-guoling-775 第十七条) is stepped over too.
            if (region.strip() and not _ADVERBIAL_PART.match(region) and not _ADVERBS.fullmatch(region)) \
                    or start - 1 < lo or text[start - 1] not in "，,":
                break
            prev = _clause_start(text, start - 1, lo)
            start, region, stepped = prev, text[prev:start - 1], True
        cut = _SUBJECT_CUT.search(region)
        if cut and cut.start() > 0:
            region = region[:cut.start()]
    # 请A会同B… : the request word heads the clause, the bodies follow it.
    req = _REQUEST_HEAD.match(region)
    if req:
        start, region = start + req.end(), region[req.end():]
    # 应当有A参加 (…初步设计审查等，应当有地震工作主管部门参加, ha-2011-fangzhen-jianzai 第三十一条; gov-2003-dizhi-zaihai
    # 第三十八条): "A must be there and take part": the bodies after 有 are the subject, the modal no part of them.
    there = _MUST_HAVE.match(region)
    if there:
        start, region = start + there.end(), region[there.end():]
    you = list(_YOU.finditer(region))
    if you:
        if not allow_you:
            return None
        cut = you[-1].end()
        start, region = start + cut, region[cut:]
    elif need_you:
        return None
    tail = _SUBJECT_TAIL.search(region)
    if tail:
        region = region[: tail.start()]
    region = region.rstrip(INLINE_SPACE)
    # A list closed by its class and continued after a comma by 以及 (工会、共青团、妇联等人民团体和群众团体，以及医学会、
    # 预防医学会等行业组织按照各自职责，共同做好…, bj-2020-gonggong-weisheng-yingji 第六条): one subject of both parts.
    joined = _LIST_GOES_ON.match(region)
    if joined and start - 1 >= lo and text[start - 1] in "，,":
        prev = _clause_start(text, start - 1, lo)
        before = _items(text[prev:start - 1], prev, default_prefix)
        after = _items(region[joined.end():], start + joined.end(), default_prefix)
        if before and after and all(is_agency(it.surface) for it in before + after):
            return prev, before + after
    # A date opening the sentence (2004年发展改革委将会同…) stands before the subject, not in it.
    head = _TIME_HEAD.match(region)
    if head and head.end() < len(region):
        start, region = start + head.end(), region[head.end():]
    # A授权B负责… / A委托B负责…: the delegate B is the subject of the work; A only grants it.
    grant = next((g for g in _DELEGATING.finditer(region) if g.start() > 0 and is_agency(region[:g.start()])), None)
    if grant and grant.end() < len(region):
        start, region = start + grant.end(), region[grant.end():]
    # 本区区政府、各街道、镇负责…: 本区 ("this district") points at the place the name already carries.
    deictic = _DEICTIC_HEAD.match(region)
    if deictic:
        start, region = start + deictic.end(), region[deictic.end():]
    if not region:
        return None
    items = _items(region, start, default_prefix)
    if deictic and items and region.startswith("各") and items[0].start == start:
        # 本市各级人民法院 (sh-2024-jinrong-zhongxin 第五十八条, bj-2020-gonggong-weisheng-yingji 本市各级各类医疗卫生机构):
        # the mention is written with its deictic, the name is the city's 各… all the same.
        d = deictic.group(0)
        items[0] = replace(items[0], surface=d + items[0].surface, start=items[0].start - len(d))
    plain = bool(items) and all(is_agency(it.surface) or _bare_level_after_each(items, k) or _shares_collective(items, k)
                                for k, it in enumerate(items))
    # 国务院自然资源等主管部门 reads as one 主管部门 to the plain reader: a sector run closed by its head is
    # each sector's department (县级以上人民政府水行政、自然资源、生态环境等主管部门应当…, gov-2021-guoling-748).
    run = _sector_run(text, start, start + len(region), shared) if not plain or any("等" in it.surface for it in items) else None
    if run and run[0] == start + len(region) and all(is_agency(it.name) for it in run[1]):
        return start, run[1]
    if plain:
        kinds = _two_kinds(items[0]) if len(items) == 1 else None
        return start, kinds or items
    # A qualified body alone as the subject; after 由 it is clause.you_body's (which keeps its qualifier too).
    # Not one read back across a comma part: 负责突发环境事件应急处置的人民政府根据需要成立现场指挥部，负责现场组织
    # 指挥工作 (gov-2014-guobanhan-119 2.3) gives the government the part with its own verb (成立), not 负责.
    # With `lone_you`, a qualified body alone after 由 too: the caller's verb (会同) is no verb clause.you_body reads.
    chosen = None if stepped else _relative_alternatives(region, start, single=not you or lone_you)
    if chosen:
        return start, chosen
    sectors = _SECTOR_LIST.fullmatch(region)
    if sectors:
        found = _sector_items(split_agency_list(sectors.group("list"), start, None), _sector_head(sectors))
        if found:
            return start, found
    # 生态环境、绿化市容、城管执法部门要…: sector words sharing the 部门 of the last item.
    if shared and len(items) > 1 and items[-1].surface.endswith(_SHARED_DEPARTMENT) and is_agency(items[-1].surface):
        found = _sector_items(items[:-1])
        if found:
            return start, [*found, items[-1]]
    return None



_LIST_GOES_ON = re.compile(r"以及|及(?!时)")
_DELEGATING = re.compile(_V.alternation(_V.clauses.delegating) or r"(?!)")
_TWO_KINDS = re.compile(r"(?P<a>[\u4e00-\u9fff]{2,6}?)和(?P<b>[\u4e00-\u9fff]{2,6}?)(?P<head>主管部门|部门)")


def _two_kinds(it: ListItem) -> list[ListItem] | None:
    """Two sector words joined by 和 before one 部门 (发展改革和规划部门具体负责…, ha-2011-fangzhen-jianzai 第五十五条:
    the development-and-reform and the planning departments, as the gold splits them), or None; a sector's own 和
    ([clauses] joined_sectors: 工业和信息化, 经济和信息化 …) joins nothing."""
    m = _TWO_KINDS.fullmatch(it.surface)
    if m is None or _SECTOR_JOINED.search(it.surface) or not (_sector_word(m.group("a")) and _sector_word(m.group("b"))) \
            or _SECTOR_LEVEL.match(it.surface) or it.surface[:1] in LEVEL_HEADS:
        return None
    a, b = m.end("a"), m.start("b")
    return [ListItem(m.group("a"), m.group("a") + m.group("head"), it.start, it.start + a, False, False),
            ListItem(it.surface[b:], it.surface[b:], it.start + b, it.end, False, False)]


# A modal of presence before the bodies (应当有, 须有): never 有关 (应当有关部门… is no such phrase).
_MUST_HAVE = re.compile(r"(?:应当|必须|须|应)有(?!关)(?=[\u4e00-\u9fff])")
_DEICTIC_HEAD = re.compile(r"本(?P<level>[市区县省])(?=(?P=level)|各)")
_BARE_LEVELS = ("镇", "乡", "街道")


def _bare_level_after_each(items: list[ListItem], k: int) -> bool:
    """A bare level word after an 各 item (各街道、镇): it shares the 各 — every 镇 — so it names
    bodies as 各镇 would."""
    return items[k].surface in _BARE_LEVELS and any(it.surface.startswith("各") for it in items[:k])


def _shares_collective(items: list[ListItem], k: int) -> bool:
    """A bare 单位/部门 after a collective (其他有关部门、单位): it names that collective's bodies."""
    return k > 0 and shared_collective(items[k - 1].surface, items[k].surface) is not None


# A bare generic word is one body once a qualifier picks it out (本级人民政府指定的部门, 具备相应资质等级的单位).
_QUALIFIED_BARE = ("单位", "机构", "人民政府", "部门")


def _relative_alternatives(region: str, start: int, single: bool = True) -> list[ListItem] | None:
    """A或B where a part is a body picked out by a qualifier (国务院各部门办公厅（室）或指定的专门司局是…
    主管单位; 由建设单位或本级人民政府指定的部门组织验收, ab-2021-zhengwu-shuju 第十三条), or such a body
    alone (县（市）人民政府确定的数据资源主管部门负责…, ab 第六条): each part is one owner, the qualifier kept
    in its mention; None unless every part is a body, with or without such a qualifier, and at least
    one has it."""
    parts, pos = [], 0
    for m in list(_JOINER.finditer(region)) + [None]:
        end = m.start() if m else len(region)
        parts.append((pos, end))
        pos = m.end() if m else len(region)
    # A 、 only inside levels sharing one head (由市、县（市）、区城市园林绿化行政主管部门或者同级人民政府指定的部门负责,
    # zz-2022-yuanlin-lvhua 第二十五条（一）): that part is one body.
    if any(re.search(r"[，,]", region[a:b]) or "、" in region[a:b] and not (_SHARED_RUN.match(region, a, b) and is_agency(region[a:b]))
           for a, b in parts) or len(parts) < 2 and not single:
        return None
    qualified = [bool(q) and (is_agency(region[q.end():b]) or region[q.end():b] in _QUALIFIED_BARE)
                 for a, b in parts for q in [_RELATIVE_OWNER.match(region, a, b)]]
    if not any(qualified) or not all(qd or is_agency(region[a:b]) for qd, (a, b) in zip(qualified, parts)):
        return None
    return [ListItem(region[a:b], region[a:b], start + a, start + b, False, bool(COLLECTIVE.match(region[a:b])))
            for a, b in parts]


def _sector_head(m: re.Match) -> str:
    """The head a sector list's closer gives its words (等主管部门 → 主管部门; 等部门, 等单位 → 部门)."""
    head = m.group("head") or _SHARED_DEPARTMENT
    if head.endswith("主管部门"):
        return head
    return "主管部门" if "主管" in head else _SHARED_DEPARTMENT  # 等主管单位: the sectors' 主管部门 still


def _sector_items(items: list[ListItem], head: str = _SHARED_DEPARTMENT) -> list[ListItem] | None:
    """Sector words standing for their departments (民政、公安 before 等部门, 城管执法、交通等部门 after
    会同), each restored with `head` (民政 → 民政部门; 网信 before 等主管部门 → 网信主管部门) and the level the
    first word carries (县级以上网信、公安 → 县级以上公安主管部门); a body's own name stays. None when an item
    is neither a sector word nor a body."""
    items = [part for it in items for part in _split_last_sector(it)]
    if not items or not all(is_agency(it.surface) or _sector_word(_LEVEL_NOTE.sub("", it.surface)) for it in items):
        return None
    level = _SECTOR_LEVEL.match(items[0].surface)
    lead = level.group(0) if level and len(items[0].surface) > level.end() + 1 else ""
    return [it if is_agency(it.surface) else
            replace(it, name=("" if it.surface.startswith(lead) else lead) + it.surface + head) for it in items]


# Sector words after a level, closed by 机构 (各级妇幼保健、疾病预防控制、卫生监督机构要按照职责…, jx-2020-tuoyu-fuwu):
# each sector's 机构 of that level. Without the level a run before 机构 is one kind (融资担保、再担保机构,
# gov-2019-guobanfa-6), and 中央金融管理部门在沪机构 is one body's name.
_LEVEL_INSTITUTION_RUN = re.compile(r"(?P<list>" + _SECTOR_LEVEL.pattern + r"[\u4e00-\u9fff]{2,8}(?:、[\u4e00-\u9fff]{2,8})+?)(?P<bare>机构)")
_SECTOR_RUN_CLOSED = re.compile(r"(?P<list>[\u4e00-\u9fff、]{2,60}?)(?P<closer>等" + _SECTOR_WORK
                                + r"(?:有关|相关)?(?P<head>(?:行政)?主管部门|部门|单位))(?P<bare>(?!))?")


def _sector_run(text: str, start: int, hi: int, bare: bool = True) -> tuple[int, list[ListItem]] | None:
    """The sector words at `start` with the head that closes them (`_SECTOR_RUN`), each restored as
    `_sector_items` does, as (end, items); None when no such run opens there. Without `bare`, only a
    run closed by 等: as a plain subject the last word's own head (医保、医疗、医药主管部门要各司其职,
    gov-2019-guobanfa-2 （四）, not annotated) makes no assignment; `_subject`'s `shared`.
    Levels sharing the run (`_LEVEL_SHARING`: 市、县（市区）经济和信息化、住房城乡建设主管部门, 由市、县（市区）人民政府
    质量监督、工商行政管理部门, lc-2018-daqi-wuran 第二十一条, 第七十九条) open the first word's mention and every
    word's name, as the gold keeps the level-sharing name whole; after them the last word's own 部门 is a head too."""
    pre = _LEVEL_SHARING.match(text, start, hi)
    if pre and pre.end() < hi:
        m = _SECTOR_RUN_SHARED.match(text, pre.end(), hi)
        run = _sector_run_at(m, pre.end(), bare) if m else None
        if run:
            end, found = run
            p = pre.group(0)
            found = [it if own_prefix(it.surface) else replace(it, name=p + it.name) for it in found]
            found[0] = replace(found[0], surface=p + found[0].surface, start=start)
            return end, found
    # A level opening the run shares it as the head does: a list, however plain the subject.
    m = _LEVEL_INSTITUTION_RUN.match(text, start, hi) or _SECTOR_RUN.match(text, start, hi)
    if m is not None and m.group("bare") and "、" not in m.group("list"):
        # A body ending in 主管部门 joined to sector words before their closer (由省人民政府地震工作主管部门和财政、
        # 发展改革…等有关部门按照国务院的规定承担, ha-2011-fangzhen-jianzai 第五十一条): the run ends at the closer.
        m = _SECTOR_RUN_CLOSED.match(text, start, hi) or m
    # Levels sharing one 主管部门 (省辖市、县级人民政府地震工作主管部门, ha-2011-fangzhen-jianzai 第十二条) are one
    # owner, no sector words.
    if m is not None and m.group("bare") and _shared_run_end(text, start, hi) == m.end():
        return None
    return _sector_run_at(m, start, bare)


def _sector_run_at(m: re.Match | None, start: int, bare: bool) -> tuple[int, list[ListItem]] | None:
    if m is None or m.group("bare") and ("、" not in m.group("list") or not bare and m.group("bare") != "机构"):
        return None
    head = m.group("bare") if m.group("bare") else _sector_head(m)
    found = _sector_items(split_agency_list(m.group("list"), start, None), head)
    if not found:
        return None
    if m.group("bare"):
        # the last word is written with the head: its mention keeps it
        found[-1] = replace(found[-1], surface=found[-1].surface + m.group("bare"), end=m.end())
    return m.end(), found


# Place levels sharing one list of sectors: 市、县（市区）, 市、县（市、区）人民政府 (the vocabulary's shared-head levels,
# each with its bracketed note, and the governments they share).
_LEVEL_WORDS = _V.alternation(_V.clauses.shared_head_levels)
_LEVEL_SHARING = re.compile(rf"(?:{_LEVEL_WORDS})(?:[（(][^（）()]{{1,10}}[）)])?(?:、(?:{_LEVEL_WORDS})(?:[（(][^（）()]{{1,10}}[）)])?)+"
                            r"(?:人民政府)?(?=[\u4e00-\u9fff]{2})")
_SECTOR_RUN_SHARED = re.compile(_SECTOR_RUN.pattern.replace(r"|(?P<bare>主管部门))", r"|(?P<bare>主管部门|部门))"))


_REQUEST_HEAD = re.compile(_V.alternation(_V.clauses.request))
# 应 is a modal, save in 应急 (应急管理, a sector of its own).
_NOT_SECTOR = re.compile(r"[的了是把被和及与]|^(?:各|有关|相关|其他|要|应(?!急))")


# A bracketed note on a level word opening the first sector (区县（自治县）环保, cq-2018-shirong-huanwei 第六十四条):
# the note's, no phrase's punctuation.
_LEVEL_NOTE = re.compile(r"(?<=[县市区])[（(][\u4e00-\u9fff、]{1,6}[）)]")


def _sector_word(word: str) -> bool:
    """Whether `word` can stand for a sector's department (民政, 网信, 县级以上网信): short, of Chinese
    characters alone, no particle, joiner or collective head (a sector's own 和 aside)."""
    level = _SECTOR_LEVEL.match(word)
    # The level's own words (市和区的, 设区的市级以上) are no particle of the sector.
    bare = word[level.end():] if level else word
    return 2 <= len(_SECTOR_LEVEL.sub("", word, count=1)) <= 8 and (len(word) <= 8 or bool(level)) \
        and bool(re.fullmatch(r"[\u4e00-\u9fff]+", word)) \
        and not _NOT_SECTOR.search(_SECTOR_JOINED.sub("", bare)) and word not in NOT_AGENCY


def _split_last_sector(it: ListItem) -> list[ListItem]:
    """The last two sector words joined by 和/及/或者 (邮政、通信…、公共交通和物业服务等单位, sq-2019-shirong-huanwei
    第五条: two sectors, as the gold splits them), or the item itself; a sector's own 和 (住房和城乡建设,
    [clauses] joined_sectors) joins nothing."""
    if is_agency(it.surface):
        return [it]
    masked = _SECTOR_JOINED.sub(lambda m: "＿" * len(m.group(0)), it.surface)
    # 或者 too (联合交通运输、城市管理或者综合行政执法等相关部门, lc-2018-daqi-wuran 第六十五条): either sector's department.
    joins = list(re.finditer(r"或者|和|及|或", masked))
    if len(joins) != 1:
        return [it]
    a, b = joins[0].start(), joins[0].end()
    if a < 2 or len(it.surface) - b < 2:
        return [it]
    return [replace(it, surface=it.surface[:a], name=it.surface[:a], end=it.start + a),
            replace(it, surface=it.surface[b:], name=it.surface[b:], start=it.start + b)]


def _inside_joined_sector(text: str, j: int, lo: int) -> bool:
    """Whether `j` falls inside a sector name holding 和 ([clauses] joined_sectors) that opens a list item
    (会同城乡规划、住房和城乡建设、卫生计生…等有关部门, sq-2019-shirong-huanwei 第十一条): its 建设 ends no partner."""
    for m in _SECTOR_JOINED.finditer(text, max(lo, j - 12), j + 12):
        if m.start() < j < m.end() and (m.start() == lo or text[m.start() - 1] in "、和及") \
                and text.startswith(("、", "等"), m.end()):
            return True
    return False


# A collective of the others (其他有关部门) is the last partner a list names: the verb follows it, whatever verb it is
# (会同本级计划、财政、审计以及其他有关部门平衡、监督…, sh-2018-minfang-tiaoli 第二十六条), unless the list goes on.
_COLLECTIVE_END = re.compile(r"(?:^|[、和及与者]|以及)(?:其他)?(?:有关|相关)(?:部门|单位)$")
_COLLECTIVE_GOES_ON = ("、", "和", "及", "与", "或", "以及", "负责人", "工作人员", "人员", "的", "（", "(")
# A sector word joined to that collective (电信以及其他有关部门, 审计以及其他有关部门): two partners.
_SECTOR_AND_COLLECTIVE = re.compile(r"(?P<sector>[\u4e00-\u9fff]{2,8}?)(?P<joiner>以及|和|及|与)(?P<collective>(?:其他)?(?:有关|相关)(?:部门|单位))")


def _collective_apart(it: ListItem) -> list[ListItem]:
    """`it` as a sector word and the collective joined after it (电信以及其他有关部门 → 电信, 其他有关部门), or itself."""
    m = _SECTOR_AND_COLLECTIVE.fullmatch(it.surface)
    if m is None or not _sector_word(m.group("sector")):
        return [it]
    a, b = m.end("sector"), m.start("collective")
    c = m.group("collective")
    return [ListItem(m.group("sector"), m.group("sector"), it.start, it.start + a, False, False),
            ListItem(c, c, it.start + b, it.end, False, True)]


def _partners(text: str, pos: int, hi: int, default_prefix: str | None,
              context_prefix: str | None) -> tuple[int, list[ListItem]] | None:
    """The bodies written just after `pos` (after 会同): up to the first stop word or
    punctuation outside brackets. Returns (end, items)."""
    i = max(pos, hi)
    for j, ch, depth in bracket_walk(text, pos, hi):
        # An unopened closing bracket ends the list as punctuation does; an opening one never.
        # A stop word at the very start is the partner's own first word (会同建设主管部门: 建设…), and so
        # at the start of a later item (会同各乡镇（园区）、消防、公安、建设管理委等单位, sh-chongming-2023-ranqi-yuan).
        if depth == 0 and ch not in OPEN and (ch in CLOSE or ch in "，,。；;：:\n"
                                             or j > pos and text[j - 1] != "、" and _STOP.match(text, j)
                                             and not _inside_joined_sector(text, j, pos)
                                             or _CLOSER.match(text, j)
                                             or text[j - 1] in "门位" and _COLLECTIVE_END.search(text[pos:j])
                                             and not text.startswith(_COLLECTIVE_GOES_ON, j)):
            i = j
            break
    body = text[pos:i]
    closer = _CLOSER.match(text, i)
    # Modals and adverbs before the verb (会同有关部门将在…编制) are not part of the last name.
    tail = _SUBJECT_TAIL.search(body) if closer is None else None
    if tail and tail.start() > 0:
        body = body[:tail.start()]
    stripped = re.sub(r"等(?:有关)?(?:部门|单位|机构|方面)?$", "", body)
    items = [part for it in _items(stripped, pos, default_prefix, context_prefix) for part in _collective_apart(it)]
    # 会同国务院建设、水利、铁路、交通等部门 (gov-2003-dizhi-zaihai 第十条): a level head before sector words
    # closed by their shared head; the stop word inside the first one (建设) cut the list at 国务院.
    run = _sector_run(text, pos, hi, bare=False)
    if run and run[0] > i and _CLOSER.match(text, i) is None and all(is_agency(it.name) for it in run[1]):
        return run
    sectors = bool(items) and not all(is_agency(it.surface) for it in items) and closer is not None
    if sectors:
        # 会同城管执法、交通等部门 / 会同国务院民用航空等主管部门: the sectors share the closer's head.
        items = _sector_items(split_agency_list(stripped, pos, None), _sector_head(closer)) or []
    elif closer is None and len(items) > 1 and not all(is_agency(it.surface) for it in items[:-1]) \
            and items[-1].surface.endswith(_SHARED_DEPARTMENT) and is_agency(items[-1].surface):
        # 会同城乡规划、市场发展主管部门 (sq-2019-shirong-huanwei 第四条): the sector words share the last
        # partner's head (城乡规划主管部门), as a subject's 生态环境、绿化市容、城管执法部门 do.
        head = "主管部门" if items[-1].surface.endswith("主管部门") else _SHARED_DEPARTMENT
        found = _sector_items(items[:-1], head)
        items = [*found, items[-1]] if found else items
    if not items or not all(is_agency(it.name) for it in items):
        # A partner picked out by a qualifier, whose verb a stop word took for the list's end (会同国防交通主管机构和
        # 军队负责军事交通运输工作的部门，根据…, gov-2019-minyong-yunli 第十六条): the qualified list reader's,
        # when it runs to the clause's punctuation.
        qualified = _qualified_list(text, pos, hi, default_prefix) if closer is None else None
        if qualified and qualified[0] < hi and text[qualified[0]] in "，,。；;":
            return qualified
        return None
    if closer is not None:
        i = closer.end()
        # Sectors before 等有关部门 (国务院发展改革等有关部门, gov-2024-guoling-775 第六条) share its head: the
        # closer names their departments, no collective of others beside them (gov-2014-guobanhan-119's
        # 安全监管、…、气象等有关部门 likewise).
        if closer.group("collective") and not sectors:
            # A、B等有关部门: the named bodies and, beside them, the collective of the others.
            s0 = closer.start("collective")
            items = [*items, ListItem(closer.group("collective"), closer.group("collective"), s0, closer.end(),
                                      False, True)]
        # A list going on after its closer (会同…市场监管等部门以及信托登记机构，探索…, sh-2024-jinrong-zhongxin
        # 第二十七条): the bodies joined after 以及/和/及 are partners too.
        more = _AFTER_CLOSER.match(text, i, hi)
        rest = _partners(text, more.end(), hi, default_prefix, context_prefix) if more else None
        if rest and all(is_agency(it.surface) for it in rest[1]):
            i, items = rest[0], [*items, *rest[1]]
    return i, items


_AFTER_CLOSER = re.compile(r"以及|和|及")


def _partners_or_bodies(ctx: Context, pos: int, context_prefix: str | None) -> tuple[int, list[ListItem]] | None:
    """The partners after `pos` (`_partners`), or, when a verb no stop word knows follows them
    (配合绿化市容部门提升…, 商有关部门确定), the longest list of bodies there; None when neither."""
    part = _partners(ctx.text, pos, ctx.hi, ctx.default_prefix, context_prefix)
    if part is not None:
        return part
    end = _list_after(ctx.text, pos, ctx.hi)
    items = _items(ctx.text[pos:end], pos, ctx.default_prefix) if end else []
    if not items or not all(is_agency(it.surface) for it in items):
        return None
    return end, items


# What closes a partner list in running text: 等部门 (the listed bodies only) or 等有关部门 (they and
# the collective of the others: 财政部会同农业部等有关部门 → 农业部, 有关部门).
# 等主管部门 closes a list of sectors (国务院民用航空等主管部门, gov-2024-guoling-775 第三十二条; 会同网信、公安…
# 通信管理等主管部门, gd-2021-gonggong-shuju 第四十七条): the listed sectors' 主管部门.
_CLOSER = re.compile(r"等(?:(?P<collective>(?:有关|相关)(?:部门|单位|方面))|(?P<head>(?:行政)?主管部门|主管(?:单位|机构|方面))"
                     r"|(?:部门|单位|机构|方面))")


_BESIDE_LEAD = {role: Role(_V.role_beside_lead(role.value)) for role in Role}


_LEAD_MARK = re.compile(r"[（(〔\[【](?:" + _V.alternation(_V.roles.lead) + r")[）)〕\]】]$")


def _marked_leads(roles: list[tuple[Role, list[ListItem]]]) -> list[tuple[Role, list[ListItem]]]:
    """A body marked as lead inside a list (责任单位：市发展改革委（牵头）、市财政局) leads; the mark is
    cut from its mention. The other bodies keep their list's role, which beside_lead then sets."""
    leads, rest = [], []
    for role, items in roles:
        kept = []
        for it in items:
            m = _LEAD_MARK.search(it.surface)
            if m and m.start() >= 2:
                cut = len(it.surface) - m.start()
                leads.append(replace(it, surface=it.surface[:m.start()], name=it.name[:len(it.name) - cut],
                                     end=it.end - cut))
            else:
                kept.append(it)
        if kept:
            rest.append((role, kept))
    return [(Role.lead, leads), *rest] if leads else roles


def beside_lead(roles: list[tuple[Role, list[ListItem]]]) -> list[tuple[Role, list[ListItem]]]:
    """A labelled clause that names a lead gives its other lists the role the vocabulary sets
    beside a lead ([roles] beside_lead: （牵头部门：A；实施部门：C） → C supports A); a label alone
    keeps its role."""
    if not any(role is Role.lead for role, _ in roles):
        return roles
    merged: dict[Role, list[ListItem]] = {}
    for role, items in roles:
        # Two lists that end in one role (配合部门：B；实施部门：C) are one list: ranks run on.
        merged.setdefault(role if role is Role.lead else _BESIDE_LEAD[role], []).extend(items)
    return list(merged.items())


def _regex_rule(ctx: Context, rx: re.Pattern, rule: str, spec: list[tuple[Role, str]],
                sectors: bool = False) -> list[Found]:
    found = []
    for m in rx.finditer(ctx.text, ctx.lo, ctx.hi):
        segments = [(role, m.group(g), m.start(g)) for role, g in spec if m.group(g) is not None]
        roles = split_segments(segments, ctx.default_prefix)
        ok = _all_agencies(roles)
        if sectors and not ok and roles:
            read = _sector_roles(ctx, roles, [(role, m.start(g), m.end(g)) for role, g in spec if m.group(g) is not None])
            if read is not None:
                roles, ok = read, True
        if ok:
            found.append(Found(m.start(spec[0][1]), m.end(), rule, roles))
    return found


# A closer naming the kind of the words before it: sector words (等部门（单位）, 等相关部门 → each its 部门), or
# organisations named as written (工会、共青团、妇联等群团组织).
_KIND_CLOSER = re.compile(r"等" + _SECTOR_WORK + r"(?:有关|相关)?(?P<head>(?:行政)?主管部门|部门|单位|群团组织|人民团体|社会组织)"
                          r"(?:[（(](?:单位|部门)[）)])?")
_NAMED_KINDS = ("群团组织", "人民团体", "社会组织")


def _sector_roles(ctx: Context, roles: list[tuple[Role, list[ListItem]]],
                  spans: list[tuple[Role, int, int]]) -> list[tuple[Role, list[ListItem]]] | None:
    """The parties of a lead clause written as sector words sharing a head (由省发展改革、工业和信息化部门牵头;
    由A牵头，发展改革、教育…市场监管等部门（单位）和工会、共青团、妇联…等群团组织为成员, jx-2020-tuoyu-fuwu 三、（二）):
    each role's list read as runs closed by a kind word and joined by 和/及, each sector word its 部门 (as
    `_sector_items` restores them), each organisation before 等群团组织 as written. A role read so replaces its
    plain split; the others stay. None when a role reads neither way."""
    out = []
    if len(roles) != len(spans):
        return None
    for (role, items), (_, start, end) in zip(roles, spans):
        if all(is_agency(it.surface) or it.collective and is_agency(it.name) for it in items):
            out.append((role, items))
            continue
        closer = _KIND_CLOSER.match(ctx.text, end)
        read = _kind_runs(ctx.text, start, closer.end() if closer else end, ctx.default_prefix)
        if not read:
            return None
        out.append((role, read))
    return out


def _kind_runs(text: str, start: int, end: int, prefix: str | None) -> list[ListItem] | None:
    pos, out = start, []
    while pos < end:
        m = _KIND_CLOSER.search(text, pos, end)
        stop = m.start() if m else end
        items = split_agency_list(text[pos:stop], pos, prefix)
        if not items:
            return None
        if m and m.group("head") in _NAMED_KINDS:
            if not all(re.fullmatch(r"[\u4e00-\u9fff]{2,10}", it.surface) for it in items):
                return None
            got = [replace(it, name=it.surface) for it in items]
        else:
            # Without a closer the last word must keep its own head and the first name the level they share
            # (省发展改革、工业和信息化部门); else the words may be verbs (指挥、协调、监督相关…机构牵头).
            if not m and not (is_agency(items[-1].surface) and re.match(r"[省市区县]|" + _SECTOR_LEVEL.pattern,
                                                                        items[0].surface)):
                return None
            got = _sector_items(items, _sector_head(m) if m else _SHARED_DEPARTMENT)
        if not got:
            return None
        out += got
        if not m:
            break
        pos = m.end()
        if pos >= end:
            break
        joiner = re.match(r"以及|和|及|、", text[pos:end])
        if not joiner:
            return None
        pos += joiner.end()
    return out


_SEATED = re.compile(_V.alternation(_V.clauses.seated))


def _established_before(text: str, part: int, lo: int, head: str) -> tuple[int, list[ListItem]] | None:
    """The body set up in the clause part just before `part` whose name ends with the bare `head` that
    opens the part (成立人工智能规划推进办公室，办公室设在科技部，具体负责…, gov-2017-guofa-35 六、（一）: the second
    办公室 is the office just set up), as (its start, its one item); None otherwise."""
    if part - 1 < lo or text[part - 1] not in "，,":
        return None
    prev = _clause_start(text, part - 1, lo)
    est = list(_ESTABLISH.finditer(text, prev, part - 1))
    if not est:
        return None
    a, b = est[-1].end(), part - 1
    name = text[a:b]
    if len(name) <= len(head) or not name.endswith(head) or not is_agency(name):
        return None
    return a, [ListItem(name, name, a, b, False, False)]


def _part_subject(text: str, pos: int, lo: int, default_prefix: str | None) -> tuple[int, list[ListItem]] | None:
    """The owner named in the clause part just before the one at `pos`, when the part at `pos`
    holds only adverbs before its verb: a body seated somewhere (联席会议办公室设在教育部，主要承担…),
    a body the part sets up (…成立专家组，负责…), or a numbered heading that is a body's name alone
    (1.监督组。负责…)."""
    part = _clause_start(text, pos, lo)
    rest = text[part:pos]
    if rest and not (_ADVERBS.fullmatch(rest) or _SUBJECT_TAIL.fullmatch(rest)) \
            or part - 1 < lo or text[part - 1] not in "，,。":
        return None
    prev = _clause_start(text, part - 1, lo)
    region = text[prev:part - 1]
    if text[part - 1] == "。":
        # Only a heading line: its marker, then the name alone.
        line = text.rfind("\n", lo, prev) + 1
        head = _HEAD_MARKER.match(text, line, part - 1)
        if head is None or head.end() < prev or not is_agency(text[head.end():part - 1]):
            return None
        return head.end(), _items(text[head.end():part - 1], head.end(), default_prefix)
    seat = _SEATED.search(region)
    if seat and seat.start() > 0 and is_agency(region[:seat.start()]):
        named = _established_before(text, prev, lo, region[:seat.start()])
        return named or (prev, _items(region[:seat.start()], prev, default_prefix))
    # A作为…主体，负责… (运营单位作为专区运营主体，负责数据专区的建设运营…, bj-2022-shuju-zhuanqu （二）): the body
    # stated in a role is the subject of the next part's verb.
    role = region.find("作为")
    if role > 0 and is_agency(region[:role]) and role + 2 < len(region):
        return prev, _items(region[:role], prev, default_prefix)
    est = list(_ESTABLISH.finditer(region))
    if est:
        body = region[est[-1].end():]
        if is_agency(body):
            return prev + est[-1].end(), _items(body, prev + est[-1].end(), default_prefix)
    return None


# Qualifiers after 由 that are part of the owner's mention: 相应的…, 承担任务的… (vocabulary).
# The adjective may qualify the things the body keeps, a 、-list among them (由相应道路、绿化、河道、建筑小区的
# 管养单位负责维护: one body, the maintainer of each facility; the list is not split).
# 其 before the qualifier points back at a body named before (由A或者其授权的B, 由其共同的上级…).
# A relative place (制造地的, 违法行为发生地的: places_config.relative_places) picks out the body of the place
# where the matter is, as 事发地县级人民政府 does (samr-2022-tezhong-jiancha 第十条, 第二十五条).
_RELATIVE_OWNER = re.compile(r"(?:其他|其)?(?:(?:" + _V.alternation(_V.clauses.relative_adjectives) + r")(?:[^，,。；;：:\s的]{1,20}?)?|(?:"
                             + _V.alternation(_V.clauses.relative_verbs) + r")[\u4e00-\u9fff]{1,16}?|"
                             # a short owner word before the verb (军队负责…工作的部门, 军兵种主管…工作的机构)
                             r"[\u4e00-\u9fff]{2,3}?(?<![的和及与])(?:" + _V.alternation(_V.clauses.relative_verbs)
                             + r")[^，,。；;：:\s的、和及与]{1,16}?工作|"
                             # a relative place right before its 的 (由当地的国防交通主管机构负责, gov-2019-minyong-yunli
                             # 第四十条), tried before a chooser, which would run on to a 规定的 further on
                             # (and the 设区的 of a level after it: 由原征集地的设区的市级人民政府征兵办公室接收, gov-2023-zhengbing-tiaoli)
                             r"[^，,。；;：:\s的]{0,10}?(?:" + _V.alternation(_V.places_config.relative_places) + r")"
                             r"(?:的(?:" + _V.alternation(_V.clauses.relative_states) + r"))?|"
                             # 本级人民政府确定的 / 县（市、区）人民政府确定的: who chooses the owner
                             r"[^，,。；;：:\s]{0,16}?(?:" + _V.alternation(_V.clauses.relative_choosers
                                                                   + _V.clauses.relative_states) + r"))的")


def _bracketed_name_end(text: str, i: int, hi: int) -> int | None:
    """End of the longest body starting at `i` whose name may hold a bracketed note
    (省（市）人民政府), up to a stop word or punctuation outside brackets; None when none."""
    limit = min(hi, i + 32)
    for j, ch, depth in bracket_walk(text, i, limit):
        if depth == 0 and ch not in OPEN and (ch in CLOSE or ch in "、，,。；;：:\n" or j > i and _STOP.match(text, j)):
            limit = j
            break
    return next((j for j in range(limit, i + 1, -1) if is_agency(text[i:j]) and not _cuts_word(text, j)), None)


# A regulated party named by its class after 由 (由国有文化企业自主编制, 由实施主体落实保障): the dev rule
# annotates every 由A+verb of a unit, regulated parties too ([agency] class_tails), before the same
# verbs of doing the work as a bare owner.
_PARTY_CLASS = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:" + _V.alternation(_V.agency.class_tails) + r")(?=[\u4e00-\u9fff])")


_PHRASE_WORD = re.compile(_V.alternation(_V.clauses.not_in_name))


# 处 opening a penalty verb (处置, 处以) or the fine it imposes (处10万元以下的罚款, 由处置非法集资牵头部门处集资金额
# 20%以上1倍以下的罚款, gov-2021-guoling-737 第三十条): the verb, not the 处 ending a division's name.
_PENALTY_AT = re.compile("处(?:" + (_V.alternation([w[1:] for w in _V.clauses.penalty_after_name]) or "(?!)")
                         + r"|[^，,。；;]{0,40}?(?:" + (_V.alternation(_V.clauses.fines) or r"(?!)") + "))")


def _cuts_word(text: str, j: int) -> bool:
    """Whether a name ending at `j` would end inside a word that is never in a name (办成: the 办
    of 教育行政部门办成公办园 is the verb's, not the suffix of a 办), or at the 处 of a penalty
    (由登记机关处10万元以下的罚款: 登记机关, no division 登记机关处; …部门处集资金额…的罚款)."""
    if j > 0 and _PENALTY_AT.match(text, j - 1):
        return True
    # 者 after a verb makes its doer (化妆品集中交易市场开办者, samr-2021-huazhuangpin-shengchan 第四十三条: the market's
    # operator): a name ending before it would end inside that word.
    if j < len(text) and text[j] == "者":
        return True
    # A level character that opens a word with what follows (化妆品集中交易市|场: 市场; 绿化市|容) ends no name
    # (places_config.not_place_after_prefix).
    if 0 < j < len(text) and text[j - 1] in LEVEL_HEADS \
            and text.startswith(tuple(_V.places_config.not_place_after_prefix), j):
        return True
    return any(m.start() < j < m.end() for m in _PHRASE_WORD.finditer(text, max(0, j - 3), j + 3))


_BARE_GENERIC_UNITS = ("单位", "部门", "机关")
_OWNER_OPENER = re.compile(_V.alternation(_V.clauses.owner_openers) or r"(?!)")
# A person's 所在 (由举报人所在单位对举报人实施奖励, mss-2022-jubao-jiangli 第十一条): the unit of that person,
# one body; a bare 所在单位 (由所在单位提出) is the unit of whoever the sentence names (`_item_end`).
_PERSON_OPENER = re.compile(r"[\u4e00-\u9fff]{1,4}?人(?:" + (_V.alternation(_V.clauses.owner_openers) or r"(?!)") + ")")
_NOTE = re.compile(r"[（(](?P<note>[\u4e00-\u9fff、]{1,10})[）)]"
                   # A quoted slogan inside a working body's name (省“十强产业”协调推进机制牵头部门,
                   # 省推进“三地一区”建设领导小组): is_agency says whether the whole is a body.
                   r"|“(?P<quoted>[\u4e00-\u9fff]{1,10})”")


def _name_note(text: str, j: int, cap: int) -> int | None:
    """End of a short bracketed note inside a name at `j` (街道(开发区)办事处, 区政府相关部门(单位)),
    or None: a bracket holding a verb (（牵头）, （会同…）) is no part of a name."""
    m = _NOTE.match(text, j, cap)
    note = m and (m.group("note") or m.group("quoted"))
    if m is None or _STOP.search(note) or _PHRASE_WORD.search(note):
        return None
    return m.end()


# 自…之日起 / 自…起: the time a period runs from, after the owner (由市政务数据主管部门自政务部门逾期答复之日起五个
# 工作日内径行提供…, zs-2020-zhengwu-shuju 第二十二条); 自 of 自治区 / 自然资源 is no such word.
_FROM_TIME = re.compile(r"自(?=[^，,。；;]{1,30}?(?:之日起|之日|起))(?!治|然|贸|主|行|身|有|动)")


def _item_end(text: str, i: int, hi: int) -> int | None:
    """End of the longest body starting at `i`, or None. The name is cut at the first stop word
    after which a body remains (市财政局对… → 市财政局); a two-character stop word that leaves no
    body before it stands inside the name (项目承担单位 holds 承担), and the next one is tried."""
    cap = min(hi, i + 32)
    person = _PERSON_OPENER.match(text, i, cap)
    opener = person or _OWNER_OPENER.match(text, i, cap)
    limit = opener.end() if opener else i
    while True:
        while limit < cap and (text[limit] not in _LIST_PUNCT or _name_note(text, limit, cap)) \
                and not (limit > i and (_STOP.match(text, limit) or _FROM_TIME.match(text, limit)
                                        or _ENTRUSTED.match(text, limit, hi))) \
                and not (text[limit] == "等" and (_CATEGORY.match(text, limit) or limit + 1 >= hi
                                                 or text[limit + 1] in "、，,。；;）)")):
            note = _name_note(text, limit, cap)
            limit = note if note else limit + 1
        j = next((j for j in range(limit, i + 1, -1) if is_agency(text[i:j]) and not _cuts_word(text, j)), None)
        if j is not None:
            # A报B (由单位主管部门报项目管理部门备案): two bodies and a report between them, not one name.
            k = text.find("报", i + 2, j)
            if k != -1 and is_agency(text[i:k]) and is_agency(text[k + 1:j]):
                j = k
        # 所在单位 / 其所在单位 after 由: "the unit (the person) belongs to", the regulations' stock owner of a person's
        # education or discipline (由所在单位组织实施, 由其所在单位或者上级主管部门给予行政处分: sh-2018-minfang-tiaoli
        # 第二十九条, 第四十七条; 由所在单位提出, gov-2006-guohan-38, gov-2021-guobanhan-12): the dev gold annotates it as
        # written. Another word after 所在 must be a body (所在镇政府).
        if opener and not person and j is not None and not is_agency(text[opener.end():j]) \
                and text[opener.end():j] not in _BARE_GENERIC_UNITS:
            return None
        if j is not None or limit >= cap or text[limit] in _LIST_PUNCT or text[limit] == "等":
            return j
        stop = _STOP.match(text, limit)
        # Only a two-character verb stands inside names (项目承担单位); a one-character stop (按,
        # 在, 对) that leaves no body before it starts a phrase (学校按规定自行处理).
        if stop is None or len(stop.group(0)) < 2:
            return None
        limit = stop.end()


def _shared_run_end(text: str, i: int, hi: int) -> int | None:
    """End of a shared-head item starting at `i` (由省、自治区、直辖市人民政府管理专利工作的部门责令…):
    bare levels joined by 、 sharing the head of the item after them, one collective; None when no
    such run starts at `i`. Without it the bare 省 before the first 、 is no body and no list starts."""
    run = _SHARED_RUN.match(text, i, hi)
    if run is None:
        return None
    j = _item_end(text, run.end(), hi)
    return j if j is not None and is_agency(text[i:j]) else None


_SHARED_RUN = re.compile(rf"(?:{_V.alternation(_V.clauses.shared_head_openers)})?{level_run()}(?={run_rest_start()})")


def _list_after(text: str, pos: int, hi: int) -> int | None:
    """End of the longest list of bodies starting at `pos` (items joined by 、 和 及 与), each item
    the longest span before a stop word that is a body; None when no body starts there."""
    end, i = None, pos
    while i < hi:
        j = _shared_run_end(text, i, hi) or _item_end(text, i, hi)
        if j is None:
            break
        end = j
        if j < hi and text[j] == "、":
            i = j + 1
            continue
        joiner = next((w for w in _V.verbs.joiners if text.startswith(w, j)), None)
        # 由A或者受A委托由B… (lc-2018-daqi-wuran 第十三条): entrusted by A, the delegate B after its own 由; no body
        # of the list follows the joiner.
        if joiner and not _ENTRUSTED.match(text, j + len(joiner), hi):
            i = j + len(joiner)
            continue
        break
    return end


# The list reader for other modules (extract/tables/owner_headings.py reads a partner after 配合 with it).
body_list_end = _list_after


_COLLECTIVE_JOINED = re.compile(r"(?:以及|和|及|与|或者)(?:其他)?(?:有关|相关)(?:部门|单位|机构)$")


def _qualified_item(text: str, i: int, hi: int) -> tuple[int, list[ListItem]] | None:
    """A body picked out by a qualifier at `i` (相应的绿化市容部门, 受公安机关委托的乡镇人民政府或者街道办事处
    流动人口服务管理机构, 法律、法规或者国务院决定规定的部门) as (end, items), the qualifier in its mention;
    None when no qualifier opens there or no body follows it."""
    rel = _RELATIVE_OWNER.match(text, i, hi)
    if rel is None:
        return None
    # A body before a 、 inside the qualifier is a list item of its own (由流动人口服务管理部门、受公安机关委托的…):
    # the qualifier starts after it. 法律、法规…规定的部门 lists no body.
    comma = next((k for k, ch, depth in bracket_walk(text, i, rel.end()) if ch == "、" and depth == 0), -1)
    if comma != -1 and is_agency(text[i:comma]):
        return None
    # Levels sharing one head after the qualifier (批准入伍地的县、自治县、不设区的市、市辖区人民政府) are one owner.
    end = _shared_run_end(text, rel.end(), hi) or _bracketed_name_end(text, rel.end(), hi)
    # 由具备相应资质等级的单位承担: the qualifier picks out which units, so a bare 单位/机构 is one.
    # So is a bare 人民政府 / 部门 (由启动响应的人民政府终止应急响应, gov-2014-guobanhan-119 4.4).
    bare_unit = next((w for w in _QUALIFIED_BARE if text.startswith(w, rel.end())), None)
    if end is None and bare_unit:
        end = rel.end() + len(bare_unit)
    # 由具备条件的其他企业代储 (gov-2016-chubeiliang-tiaoli 第十八条): a class of firms the qualifier picks out.
    party = _PARTY_CLASS.match(text, rel.end(), hi) if end is None else None
    if party:
        end = party.end()
    # A plain name after the qualifier (由当地的国防交通主管机构负责, gov-2019-minyong-yunli 第四十条; 由负有铁路安全生产监督
    # 管理职责的部门依法处理, sd-2021-tielu-anquan 第五十九条): the body the qualifier picks out.
    if end is None:
        end = _item_end(text, rel.end(), hi)
    if end is None:
        return None
    # A collective joined after the name (负责管理地震工作的部门或者机构以及其他有关部门, sh-2018-minfang-tiaoli 第九条)
    # is an owner of its own, never part of the qualified one: the name ends before its joiner.
    joined = _COLLECTIVE_JOINED.search(text, rel.end(), end)
    if joined:
        end = joined.start()
    whole = [ListItem(text[i:end], text[i:end], i, end, False, False)]
    # 由建设单位或本级人民政府指定的部门: the qualifier's span held a joiner; each alternative is one owner.
    # A joiner after the qualifier is the name's (受…委托的乡镇人民政府或者街道办事处流动人口服务管理机构: one body).
    if not _JOINER.search(text, i, rel.end()):
        return end, whole
    return end, _relative_alternatives(text[i:end], i) or whole


def _qualified_list(text: str, start: int, hi: int, default_prefix: str | None) -> tuple[int, list[ListItem]] | None:
    """A list after 由 with at least one qualified body among plain ones (由流动人口服务管理部门、受公安机关委托的…
    机构负责; 由国家市场监督管理总局或者其授权的地方市场监督管理部门负责, samr-2022-dengji-xize 第四条), as (end,
    items); None when no item is qualified (the plain list reader's). Plain runs are split as any list is."""
    parts: list[tuple[int, int, list[ListItem] | None]] = []
    i = start
    while i < hi:
        q = _qualified_item(text, i, hi)
        j = q[0] if q else _shared_run_end(text, i, hi) or _item_end(text, i, hi)
        if j is None:
            break
        parts.append((i, j, q[1] if q else None))
        if j < hi and text[j] == "、":
            i = j + 1
            continue
        joiner = next((w for w in _V.verbs.joiners if text.startswith(w, j)), None)
        if joiner is None:
            break
        i = j + len(joiner)
    if not any(qd for _, _, qd in parts) \
            or not all(qd or is_agency(it.surface) for a, b, qd in parts for it in _items(text[a:b], a, None)):
        return None
    items: list[ListItem] = []
    k = 0
    while k < len(parts):
        a, b, qd = parts[k]
        if qd:
            items += qd
            k += 1
            continue
        # a run of plain items keeps its shared prefixes (split as one list)
        while k + 1 < len(parts) and parts[k + 1][2] is None:
            k += 1
        b = parts[k][1]
        items += _items(text[a:b], a, default_prefix)
        k += 1
    return parts[-1][1], items


def _responsible_subjects(ctx: Context, rx: re.Pattern, rule: str, to_sentence_end: bool = False,
                          **subject_options) -> list[Found]:
    """The bodies written before each match of `rx` are responsible; the clause ends at the match,
    or with `to_sentence_end` at the end of its sentence. `subject_options` go to `_subject`."""
    text, found = ctx.text, []
    for m in rx.finditer(text, ctx.lo, ctx.hi):
        subj = _subject(text, m.start(), ctx.lo, ctx.default_prefix, **subject_options)
        if subj:
            end = _sentence_end(text, m.end(), ctx.hi) if to_sentence_end else m.end()
            found.append(Found(subj[0], end, rule, [(Role.responsible, subj[1])]))
    return found
