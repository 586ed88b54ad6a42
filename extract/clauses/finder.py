"""Responsibility clauses: who leads, supports or is responsible for a task.

Every clause form is a named rule in one registry (`RULES`): an id (the rule evidence carries),
a priority, a family, and a docstring whose `Example:` line is a sentence the rule must read
(tests/test_clause_rules.py runs every example through the registry). `find_clauses` iterates
the registry in priority order; a lower priority number runs first, and a span one rule has
taken is not read again by a later one. The order is the data in `RULES`, not code order.

Words come from the vocabulary (schema/registries/vocabulary.toml): role labels, verbs, the
stops that end a list inside running text, the endings that make a list item a body. A clause
only counts when every listed name looks like a body, so "以龙头企业牵头" is not a clause.

A clause's bodies keep their listing order as `rank` (1-based within each role); the role
stored is what the text says. A document-level convention (列第一位者为牵头单位) is applied
later by `conventions.apply_conventions`, never here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from policykg.extract.agencies.jurisdiction import ADDRESSEE_PRONOUNS
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
    seated_arm_pattern,
    run_rest_start,
    shared_collective,
    split_agency_list,
    split_joined,
    unit_parent,
)
from policykg.extract.clauses.defined_names import mask
from policykg.extract.structure.lines import shared_heading_end
from policykg.extract.structure.spaces import INLINE_SPACE, SPACE
from policykg.extract.structure.wraps import joined, wrap_breaks
from policykg.extract.structure.headings import _PATTERNS as HEADING_PATTERNS
from policykg.extract.structure.headings import MARKER_FORMS
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


def list_end(text: str, start: int, hi: int) -> int:
    """First position at or after `start` where a list stops, skipping brackets opened inside
    the list (各区（市）县政府)."""
    for i, ch, depth in bracket_walk(text, start, hi):
        if ch in CLOSE and depth == 0 or ch in "。\n":
            return i
    return hi


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    rule: str
    roles: list[tuple[Role, list[ListItem]]]
    scope: str | None = None


@dataclass(frozen=True)
class Context:
    text: str
    lo: int
    hi: int
    default_prefix: str | None


@dataclass(frozen=True)
class ClauseRule:
    id: str
    priority: int
    family: str
    find: Callable[[Context], list[Found]] = field(repr=False)

    @property
    def example(self) -> str:
        """The `Example:` sentence of the rule's docstring (what the rule must read)."""
        doc = self.find.__doc__ or ""
        m = re.search(r"Example:\s*(.+)", doc)
        # A layout across lines is written with a literal \n (a field heading and its list below it).
        return m.group(1).strip().replace("\\n", "\n") if m else ""


RULES: list[ClauseRule] = []


def clause_rule(id: str, priority: int, family: str):
    def register(fn: Callable[[Context], list[Found]]):
        if any(r.id == id for r in RULES):
            raise ValueError(f"clause rule {id!r} registered twice")
        RULES.append(ClauseRule(id, priority, family, fn))
        return fn
    return register


def registry() -> list[ClauseRule]:
    """The rules in the order they run."""
    return sorted(RULES, key=lambda r: (r.priority, r.id))


# ── shared pieces ─────────────────────────────────────────────────────────────────────────────

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


_SUBJECT_WINDOW = 300
# Sentence marks after which a one-line body may open its next numbered unit (no line break kept).
_SENTENCE_END = "。；;：:！？!?"
# A marker opening a unit inside a line: the heading registry's forms that may open one there
# (headings.MARKER_FORMS, run_on, with their cross-reference guards), white space before it; not a
# reference to a numbered unit (（三）项规定的…, 第三条规定). Decimal numbers apart: a decimal heading runs
# on into its body after an indent (。　　2.3　现场指挥机构　　负责…), and its heading phrase is no owner.
_RUN_ON_MARKER = re.compile(
    rf"{SPACE}*(?:" + "|".join(f"(?:{f.pattern}{f.run_on_guard})" for f in MARKER_FORMS
                                  if f.run_on and f.type != "decimal")
    + r")(?![项条款目]|规定|所列|中|的)"
)


# Headings of a body stored as one line, each a marker (any form, decimal too), a short phrase and the
# paragraph indent after it (。　　2　组织指挥体系　　2.1　国家层面组织指挥机构　　…): skipped before a clause.
_INDENTED_HEADINGS = re.compile(
    rf"(?:{SPACE}*(?:" + "|".join(f"(?:{f.pattern}{f.run_on_guard})" for f in MARKER_FORMS)
    + rf")[^。；;：:！？，,\s]{{1,40}}{SPACE}{{2,}})+")


def _clause_start(text: str, pos: int, lo: int) -> int:
    """Where the clause whose verb stands at `pos` begins: after the last boundary before it,
    past a numbering marker at the start of a line."""
    # Look back a bounded window: a subject is never this long, and an unbounded rfind per verb
    # would make a long document quadratic.
    floor = max(lo, pos - _SUBJECT_WINDOW)
    b = max([text.rfind(c, floor, pos) for c in _BOUNDARY] + [floor - 1]) + 1
    # A bracket closed before the verb is inside the subject (各市（州）人民政府负责…): the clause
    # begins at the boundary before it.
    while b - 1 > floor and text[b - 1] in "（(" and any(c in text[b:pos] for c in "）)"):
        b = max([text.rfind(c, floor, b - 1) for c in _BOUNDARY] + [floor - 1]) + 1
    # A paragraph indent inside the window is what is left of a line break in a body stored as one
    # line (…主体责任　　区交通委是…, …监管执法全覆盖　　有效解决…): the clause begins after it, as after \n.
    indent = None
    for m in _INDENT_RUN.finditer(text, b, pos):
        indent = m
    if indent is not None:
        b = indent.end()
    if b > lo and text[b - 1] == "\n" or indent is not None or b == lo or b == floor:
        # A chapter heading sharing the line with its first article (第七章　安全保障　　第三十八条　A负责…):
        # the heading is no part of the owner's name; the article's marker is skipped below.
        shared = shared_heading_end(text, b, pos)
        if shared is not None:
            b = shared
        m = _MARKER.match(text, b, pos)
        if m:
            b = m.end()
    elif b > lo and text[b - 1] in _SENTENCE_END:
        # Headings standing alone in a body stored as one line, each set off by a paragraph indent
        # (…见附件1。　　2　组织指挥体系　　2.1　国家层面组织指挥机构　　环境保护部负责…, gov-2014-guobanhan-119): the
        # clause starts after the last indent.
        h = _INDENTED_HEADINGS.match(text, b, pos)
        if h:
            b = h.end()
        # A body stored as one line numbers its next unit right after the sentence mark
        # (…工作。（三）区商务委员会负责…): the marker is not part of the owner's name.
        m = _RUN_ON_MARKER.match(text, b, pos)
        if m:
            b = m.end()
    # A heading marker just before (（1）国家发展改革委…) was cut at its bracket: skip it.
    m = re.match(r"[0-9０-９一二三四五六七八九十]{1,3}[）)]", text[b:pos])
    if m:
        b += m.end()
    # An opening quote mark at the clause's start opens a quoted text (将第六条修改为：“公安机关负责…,
    # the same 办法's amendments): the subject follows it, the mark is no part of its name.
    while b < pos and (text[b] in INLINE_SPACE or text[b] in "“\""):
        b += 1
    return b


# Two or more indent spaces in a row (　　, &nbsp;&nbsp;): a paragraph indent, the break before it lost.
# Not ASCII spaces: _find_clauses blanks a defined abbreviation's bracket with them
# (defined_names.ABBREVIATION_FILL).
_INDENT_RUN = re.compile("[" + INLINE_SPACE.replace(" ", "") + "]{2,}")


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
_YOU = re.compile(r"(?<!自)由")
_TIME_HEAD = re.compile(r"(?:[0-9０-９]{4}\s*年(?:[0-9０-９]{1,2}\s*月)?(?:底|初|内|起|以来)?(?:前)?|"
                        + _V.alternation(_V.clauses.time_heads) + r")[，,]?\s*")
# Narrative adverbs and modals that may fill a clause between its subject and its verb.
_ADVERBS = re.compile(r"(?:" + _V.alternation(_V.clauses.subject_adverbs + _V.verbs.modals) + r")*")


def _sentence_open(text: str, pos: int, lo: int) -> int:
    """Where the sentence holding `pos` opens (after 。；： or a line break, within _SUBJECT_WINDOW),
    past a numbering marker."""
    floor = max(lo, pos - _SUBJECT_WINDOW)
    s0 = max([text.rfind(c, floor, pos) for c in "。；;：:\n"] + [floor - 1]) + 1
    m = _MARKER.match(text, s0, pos)
    return m.end() if m else s0


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


_MODAL_HEAD = re.compile(r"(?:要|应当|应|须|必须)")


# A comma part that qualifies the verb rather than naming its subject (根据有关通知要求, 各司其职,
# 在指挥部的统一领导下): the subject stands in an earlier part.
_ADVERBIAL_PART = re.compile(r"^(?:(?:要|应|须)?(?:根据|按照?|依照|依据|结合|从|在|围绕)|各司其职|各负其责|各尽其责)")
# Where a subject ends inside its own part: a modal followed by an adverbial (A要根据…).
# 在各自的职责范围内 / 在其职责范围内 (gov-2019-minyong-yunli 第六条, gov-2023-guoling-760 第四十一条): the same remit.
_OWN_REMIT = r"在(?:各自的?|其)?(?:职责|职能|职权)范围内"
_SUBJECT_CUT = re.compile(r"(?:要|应|须|应当)?(?:根据|按照?|依照|依据|结合|" + _OWN_REMIT + ")")
# Sector words standing for departments before 等有关部门 (民政、公安、人民银行等有关部门).
# 等部门和单位 too (环境保护、工商、供水、供电等部门和单位要配合人民法院…, gov-2014-guobanfa-56 （七）).
# 等主管部门 too (县级以上网信、公安、国家安全…通信管理等主管部门应当按照各自职责, gd-2021-gonggong-shuju 第四十四条): each sector
# word is its 主管部门, restored with that head.
# The closer may name the work the sectors share (新闻出版、…、中医药等负责知识产权保护的相关部门, gd-2022-zhishi-chanquan-baohu
# 第四条; 等负有…职责的部门): each sector is still its 部门, the gold restores the words without the work.
_SECTOR_WORK = r"(?:(?:负责|负有|承担)[^，,。；;、的]{1,16}?的)?"
_SECTOR_LIST = re.compile(r"(?P<list>.+?)等" + _SECTOR_WORK + r"(?:有关|相关)?(?P<head>(?:行政)?主管部门|部门|单位)(?:(?:和|及)(?:部门|单位))?$")


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


_SHARED_DEPARTMENT = "部门"
_JOINER = re.compile(_V.alternation(_V.verbs.joiners))


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


# A level the first sector word carries for the whole list (县级以上网信、公安…等主管部门: 县级以上公安主管部门 too;
# 国务院民用航空等主管部门, gov-2024-guoling-775 第三十二条), as the gold restores them.
# A level may be qualified by the line it lies along (铁路沿线县级以上人民政府发展改革、工业和信息化…等部门,
# sd-2021-tielu-anquan 第四条): the qualifier is the level's.
_SECTOR_LEVEL = re.compile(r"(?:[\u4e00-\u9fff]{2,4}沿线)?(?:" + (_V.alternation(_V.clauses.sector_levels) or r"(?!)") + ")")


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


# A run of sector words closed by their shared head, read where a body list is expected (由…, a subject):
# 县级以上人民政府水行政、自然资源、生态环境等主管部门 (gov-2021-guoling-748 第四十六条); 国务院自然资源等主管部门
# (one word before 等); 县级以上地方人民政府水行政、自然资源、生态环境主管部门 (no 等: the last word keeps the head as
# written, 第六十条). A run with neither 、 nor 等 is one body's name (水行政主管部门), the plain readers'.
_SECTOR_RUN = re.compile(r"(?P<list>[\u4e00-\u9fff、]{2,60}?)(?:(?P<closer>等" + _SECTOR_WORK + r"(?:有关|相关)?(?P<head>(?:行政)?主管部门|部门|单位))"
                         r"|(?P<bare>主管部门))")
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
# Sectors whose own name holds 和 (工业和信息化、商务、…、文化和旅游等部门, Jiangxi 2020 金融支持 measures
# art_4969_1497540): the 和 is the sector's, as in 工业和信息化厅, not a joiner of two sectors.
_SECTOR_JOINED = re.compile(_V.alternation(_V.clauses.joined_sectors) or r"(?!)")
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


def _sentence_end(text: str, pos: int, hi: int) -> int:
    # An opening bracket ends the clause too: a bracket inside the sentence may hold a clause of
    # its own (…的实施（技工院校内由A负责）).
    ends = [j for j in (text.find(c, pos, hi) for c in "，,。；;\n）)（(") if j != -1]
    return min(ends) if ends else hi


# ── the rules ────────────────────────────────────────────────────────────────────────────────

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


@clause_rule("clause.labeled", 10, "role label before a list")
def labeled(ctx: Context) -> list[Found]:
    """Role labels (牵头单位 / 责任单位 / 配合部门 / 实施主体 …) before lists, in or out of brackets,
    inline or on a line of their own, one label or several chained in one clause.

    Example: （牵头单位：市经贸信息委，配合单位：市发展改革委、科技创新委）
    """
    text, lo, hi = ctx.text, ctx.lo, ctx.hi
    found: list[Found] = []
    labels = list(LABEL.finditer(text, lo, hi))
    i = 0
    while i < len(labels):
        group = [labels[i]]
        # Labels chained by a list and a separator form one clause.
        while i + 1 < len(labels):
            stop = list_end(text, group[-1].end(), labels[i + 1].start())
            # Labels on consecutive lines (牵头单位：…\n配合单位：…) still form one clause.
            if stop < labels[i + 1].start() and text[stop:labels[i + 1].start()].strip(INLINE_SPACE + "\n"):
                break
            group.append(labels[i + 1])
            i += 1
        i += 1
        segments: list[tuple[Role, str, int]] = []
        clause_end = group[-1].end()
        scope = None
        for k, m in enumerate(group):
            nxt = group[k + 1].start() if k + 1 < len(group) else None
            end = nxt if nxt is not None else list_end(text, m.end(), hi)
            clause_end = end
            # A field that names no owner (完成时限：…, 适用范围：…) ends the list before it.
            field = _FIELD.search(text, m.end(), end)
            if field:
                if field.group(1) in _V.fields.scope:
                    stop = list_end(text, field.end(), hi)
                    scope = re.split(r"[；;]", text[field.end():stop])[0].strip("，,。" + INLINE_SPACE) or None
                end = field.start()
            segments.append((LABELS[m.group(1)], text[m.end():end].rstrip("，,；;\n" + INLINE_SPACE), m.end()))
        roles = split_segments(segments, ctx.default_prefix)
        if not roles:
            continue
        roles = beside_lead(_marked_leads(roles))
        start = group[0].start()
        gap = text[max(lo, start - 3):start]
        if gap.rstrip(INLINE_SPACE).endswith(("（", "(")):
            start -= len(gap) - len(gap.rstrip(INLINE_SPACE)) + 1
        if clause_end < len(text) and text[clause_end] in "）)":
            clause_end += 1
        found.append(Found(start, clause_end, "clause.labeled", roles, scope))
    return found


# A role label as a numbered field heading of its own, the list on the next line (（一）试点单位。\n
# 　　北京工业大学。: mot-2022-beigongda-shidian's pilot items, each a form of such fields).
_LABEL_HEADING = re.compile(
    rf"(?m)^{SPACE}*(?:" + "|".join(f"(?:{f.pattern})" for f in MARKER_FORMS if f.type != "decimal")
    + r")(?P<label>" + _V.alternation(list(LABELS)) + rf")[。：:]?{SPACE}*\n{SPACE}*(?=\S)"
)


@clause_rule("clause.label_heading", 11, "role label before a list")
def label_heading(ctx: Context) -> list[Found]:
    """A numbered field heading that is a role label, its list on the line below: the label's
    role for the bodies of that line (the unit the field belongs to owns the clause).

    Example: （一）责任单位。\\n　　市发展改革委、市财政局。
    """
    text, found = ctx.text, []
    for m in _LABEL_HEADING.finditer(text, ctx.lo, ctx.hi):
        start = m.end()
        end = list_end(text, start, ctx.hi)
        # The line must be the list alone: a sentence there (…牵头，B配合。) is the other rules'.
        if end >= ctx.hi or text[end] not in "。\n" or (text[end] == "。" and text[end + 1:end + 2] not in ("", "\n")):
            continue
        roles = split_segments([(LABELS[m.group("label")], text[start:end], start)], ctx.default_prefix)
        if roles:
            found.append(Found(m.start("label"), end, "clause.label_heading", roles))
    return found


_FIELD = re.compile(
    r"(" + _V.alternation(_V.fields.deadline + _V.fields.scope + _V.fields.remark) + r")\s*[:：]\s*"
)


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
# `[^\S\n]*`, not `\s*`, after the look-behind: a newline is itself a start position, so letting
# the blanks run across lines found nothing more and made a run of blank lines quadratic.
# An article's number (第十一条　A按照职责分工…) opens a clause as punctuation does.
# 分工 / 分头 alone say the same (A、B分工负责, A分头落实: sd-2019-shuzi-shandong). Not before 的: 建立健全各部门
# 分工负责的工作机制 describes a mechanism, and its span from the clause start (建立健全各部门) ends like a body.
DUTY_DIVISION = re.compile(
    rf"(?:(?<=^)|(?<=[。；;，,（(\n])|(?<=条{SPACE})){SPACE}*(?P<resp>{_NAME})(?:按照?|根据|依据)?(?:各自)?(?:职责)?(?:分工|分头)"
    r"(?:抓好|认真|切实|依法)?(?:负责|落实|推进|实施|履行)(?!的)"
)


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


_SEATED = re.compile(_V.alternation(_V.clauses.seated))
_ESTABLISH = re.compile(_V.alternation(_V.clauses.establish))
_HEAD_MARKER = re.compile(rf"{SPACE}*(?:[（(][0-9０-９一二三四五六七八九十]{{1,3}}[）)]|[0-9０-９]{{1,2}}[．.、]|[一二三四五六七八九十]{{1,3}}、)")


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


_LIABILITIES = tuple(_V.clauses.liabilities)


# 以…为由 is "on the grounds of" (不得以…为由拒绝办理, zs-2020-zhengwu-shuju), never 由 of an owner; 改为由A / 转为由A
# (now handled by A) still is. 交由A+verb hands the work to A (可以依法将部分…登记管理工作交由下级登记机关承担,
# samr-2022-dengji-xize 第四条; 或者交由属地市场监督管理部门依法发出…指令, samr-2022-tezhong-jiancha 第二十三条): A owns it,
# when A is a body (将装修垃圾交由清运作业企业清运, sh-2024-jianzhu-laji: a firm paid to carry, left out) and the
# hand-over is decided (后续视实际情况交由相关部门进行监管, bj-2022-shuju-zhuanqu: left out).
# 提交由A签署的… (samr-2022-dengji-xize 第三十二条) submits a paper A signed: no hand-over.
_YOU_AT = re.compile(r"(?<![自理经缘])(?<![提递]交)(?<!(?<![改转变])为)由(?![于此来衷])")
_UNDECIDED = re.compile(_V.alternation(_V.clauses.undecided_before) or r"(?!)")
# Qualifiers between 由 and the list that are not part of any name.
_YOU_QUALIFIER = re.compile(r"(?:所涉及的?|所属的?|各自的?)")
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
_POST_TITLE = re.compile(r"(?:" + (_V.alternation(_V.clauses.post_qualifiers) or r"(?!)") + r")?(?:"
                         + _V.alternation(_V.clauses.post_titles) + r")(?!期)")
_MEETING_WORDS = tuple(_V.clauses.meeting_words)


def _runs_into_meeting(text: str, end: int) -> bool:
    """Whether the name ending at `end` is a meeting's (国务院全体会议, 国务院常务会议): a meeting word
    starts at `end` or runs across it (常务会|议: the 会 that ended the name is the meeting's)."""
    return any(text.startswith(w, end - k) for w in _MEETING_WORDS for k in range(len(w)))


def _bracketed_name_end(text: str, i: int, hi: int) -> int | None:
    """End of the longest body starting at `i` whose name may hold a bracketed note
    (省（市）人民政府), up to a stop word or punctuation outside brackets; None when none."""
    limit = min(hi, i + 32)
    for j, ch, depth in bracket_walk(text, i, limit):
        if depth == 0 and ch not in OPEN and (ch in CLOSE or ch in "、，,。；;：:\n" or j > i and _STOP.match(text, j)):
            limit = j
            break
    return next((j for j in range(limit, i + 1, -1) if is_agency(text[i:j]) and not _cuts_word(text, j)), None)
# What follows 由A when A is not an owner: who a body is made of or who holds a post.
# 由A向B转变 is "from A to B", a change of approach, not an owner.
# 由A共建项目形成的主题数据资源集合 (zs-2020-zhengwu-shuju): 形成的 describes a product by what formed it.
_NOT_OWNER_AFTER = re.compile(r"[^，,。；;]{0,40}?(?:组成|构成|形成的|担任|兼任|出资|主持|"
                              + _V.alternation(_V.clauses.change_of_approach + _V.clauses.shares) + r")"
                              # a request up the line is a step of procedure, not work owned
                              r"|(?:提出申请|申请|提请|报请|请示)"
                              # who sends members or chooses post holders, a discretion granted
                              r"|(?:" + _V.alternation(_V.clauses.not_owner_after) + r")")
_CATEGORY = re.compile(r"等[\u4e00-\u9fff]{0,10}?(?:部门|单位|机构)(?:[（(](?:单位|部门)[）)])?")
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
# A regulated party named by its class after 由 (由国有文化企业自主编制, 由实施主体落实保障): the dev rule
# annotates every 由A+verb of a unit, regulated parties too ([agency] class_tails), before the same
# verbs of doing the work as a bare owner.
_PARTY_CLASS = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:" + _V.alternation(_V.agency.class_tails) + r")(?=[\u4e00-\u9fff])")
# The holders of a 责任区 (由所有权人或者管理人负责, [clauses] party_holders) likewise, bare or with what they hold
# (由船舶经营者或所有者负责), and a unit listed beside them (由道路两侧建筑物所有人、使用人或者物业管理单位负责).
# Besides the verbs of doing the work: compensation (由铁路运输企业赔偿, sd-2021-tielu-anquan 第三十八条) and 对 opening the
# object of the party's own act (并由铁路运输企业对施工现场进行安全监督, 第二十七条).
_PARTY_NEXT = ("(?:" + (_V.alternation(_V.clauses.bare_owner_next) or r"(?!)")
               + r"|赔偿|对(?=[^，,。；;]{1,40}?(?:进行|实施|开展)))")
_PARTY_JOINER = "(?:、|或者|或|和)"
_PARTY_TAIL = re.compile(r"(?:、|或者|或|和|与|及)(?P<party>[\u4e00-\u9fff]{2,8}?(?:"
                         + _V.alternation(_V.agency.class_tails) + r"))(?![\u4e00-\u9fff]{0,2}(?:的|和|与|或|、))")
_PARTY_KIND = (r"[\u4e00-\u9fff]{0,8}?(?:" + (_V.alternation(_V.clauses.party_holders) or r"(?!)") + ")"
               + r"|[\u4e00-\u9fff]{1,8}?(?:" + _V.alternation(_V.agency.class_tails) + ")")
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


_LIST_PUNCT = "、，,。；;：:（(）)\n“”《》"


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


_ENTRUSTED = re.compile(r"受[\u4e00-\u9fff（）()]{2,24}?委托")
_ENTRUSTED_THEN = re.compile(r"(?:或者|或)" + _ENTRUSTED.pattern + r"[，,]?由")

# The list reader for other modules (extract/tables/owner_headings.py reads a partner after 配合 with it).
body_list_end = _list_after

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
# Adverbs between supporters and their verb (B、C等部门共同参与, B积极配合).
_SUPPORT_ADVERBS = re.compile(r"(?:" + _V.alternation(_V.clauses.subject_adverbs + _V.verbs.modals + ["共同", "分别"]) + r")*")


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


# 作为 is the copula too (市政务服务数据管理局作为本市公共数据主管部门，负责…: regulations name their 主管部门 so).
_ROLE_NOUN = re.compile(
    r"(?:作为|为|是)(?P<what>[^，,。；;：:]{0,40}?)(?P<label>" + _V.alternation(list(LABELS) + ["主管单位", "主管部门"]) + r")(?![：:])"
)


@clause_rule("clause.is_role", 45, "role label before a list")
def is_role(ctx: Context) -> list[Found]:
    """A为…牵头单位 / A为…主管单位: a role label stated of the body before 为.

    Example: 应急部为专用号牌及配套行驶证件的核发主管单位。
    """
    text, found = ctx.text, []
    for m in _ROLE_NOUN.finditer(text, ctx.lo, ctx.hi):
        subj = _subject(text, m.start(), ctx.lo, ctx.default_prefix, allow_you=False)
        if subj is None:
            continue
        start, items = subj
        role = LABELS.get(m.group("label"), Role.responsible)
        found.append(Found(start, m.end(), "clause.is_role", [(role, items)]))
    return found


_INSTITUTION = re.compile(
    r"(?P<cop>作为|为|是)(?P<what>[^，,。；;：:]{0,40}?)(?P<label>"
    + (_V.alternation(_V.clauses.role_nouns + _V.clauses.as_role_nouns) or r"(?!)") + r")(?![：:])"
)


# The part between a subject and its 会同 that states the subject's institutional role (是…执法主体，要).
_INSTITUTIONAL_PART = re.compile(rf"(?:是|为)[^，,。；;：:]{{0,40}}?(?:{_V.alternation(_V.clauses.role_nouns) or '(?!)'})"
                                 rf"[，,](?:{_MODALS})?$")


@clause_rule("clause.institutional_role", 46, "role label before a list")
def institutional_role(ctx: Context) -> list[Found]:
    """A是…领导机关 / A为…执法主体 / A作为…领导机构 ([clauses] role_nouns, as_role_nouns): an institutional
    role of a body names who does the work, so A is responsible (sh-chongming-2023-ranqi-yuan 2.1–2.3).

    Example: 区城运应急委办公室是区城运应急委的日常办事机构，承担区城运应急委的日常工作。
    """
    text, found = ctx.text, []
    for m in _INSTITUTION.finditer(text, ctx.lo, ctx.hi):
        nouns = _V.clauses.as_role_nouns if m.group("cop") == "作为" else _V.clauses.role_nouns
        if m.group("label") not in nouns:
            continue
        subj = _subject(text, m.start(), ctx.lo, ctx.default_prefix, allow_you=False)
        if subj is None:
            continue
        found.append(Found(subj[0], m.end(), "clause.institutional_role", [(Role.responsible, subj[1])]))
    return found


# The count may follow 等 (…中国国家铁路集团有限公司等12个部门和单位组成, gov-2021-guobanhan-12).
_MEMBERS = re.compile(r"等?(?:[0-9０-９]+|[一二三四五六七八九十]+)?个?(?:部门和单位|成员单位|部门|单位)?组成[，,]\s*$")
_LEAD_LABELS = [label for label, role in LABELS.items() if role is Role.lead]


@clause_rule("clause.members_lead", 44, "role label before a list")
def members_lead(ctx: Context) -> list[Found]:
    """由A、B、C…组成，A为牵头单位: the member named lead leads, the other members support, in
    list order. A member list with no lead named is composition, not a task (no clause).

    Example: 联席会议由教育部、发展改革委、财政部3个部门组成，教育部为牵头单位。
    """
    text, found = ctx.text, []
    for m in _ROLE_NOUN.finditer(text, ctx.lo, ctx.hi):
        if m.group("label") not in _LEAD_LABELS or m.group("what"):
            continue
        subj = _subject(text, m.start(), ctx.lo, ctx.default_prefix, allow_you=False)
        if subj is None or subj[0] - 1 < ctx.lo or text[subj[0] - 1] not in "，,":
            continue
        part = _clause_start(text, subj[0] - 1, ctx.lo)
        you = text.rfind("由", part, subj[0])
        end = _list_after(text, you + 1, subj[0]) if you != -1 else None
        if end is None or not _MEMBERS.match(text, end, subj[0]):
            continue
        members = _items(text[you + 1:end], you + 1, ctx.default_prefix)
        leads = {it.surface for it in subj[1]}
        if not leads <= {it.surface for it in members}:
            continue
        others = [it for it in members if it.surface not in leads]
        roles = [(Role.lead, subj[1])] + ([(Role.support, others)] if others else [])
        found.append(Found(you, m.end(), "clause.members_lead", roles))
    return found


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


_HANDLED = re.compile(_V.alternation(_V.clauses.handled))


@clause_rule("clause.handled", 57, "prose owner")
def handled(ctx: Context) -> list[Found]:
    """A研究提出了办理意见: a reply letter reports which bodies handled the item; with no partner
    named they are responsible (A会同B研究提出了办理意见 is read by clause.with_partner first).

    Example: 发展改革委研究提出了办理意见：发展改革委已向国务院上报了我国乙烯工业中长期发展规划。
    """
    return _responsible_subjects(ctx, _HANDLED, "clause.handled", allow_you=False)


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


# ── running the registry ──────────────────────────────────────────────────────────────────────

# A body the document itself sets up (设立X领导小组, 成立…指挥部) is being created, not assigned
# work: clauses naming it or its office (领导小组办公室) are about the new body's set-up.
CREATED = re.compile(
    r"(?:设立|成立|组建)(?:相应的)?(?P<name>[^，,。；;、（）()]{2,30}?(?:领导小组|工作小组|小组|指挥部|联席会议|委员会))"
)



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


def created_bodies(text: str, lo: int, hi: int) -> list[str]:
    return [m.group("name") for m in CREATED.finditer(text, lo, hi)]


_CREATED_KIND = re.compile(r"(?:领导小组|工作小组|小组|指挥部|联席会议|委员会)$")


def _names_created(f: Found, created: list[str]) -> bool:
    # 省级粮食应急工作指挥部 is one of the 应急工作指挥部 the document has each province set up; a
    # short reference by the kind of body (领导小组办公室 after 设立深圳新兴高技术产业发展领导小组) is
    # the new group's office.
    kinds = [k.group(0) for c in created if (k := _CREATED_KIND.search(c))]
    return any(it.surface.startswith(c) or it.surface.endswith(c) for _, items in f.roles for it in items
               for c in created) \
        or any(it.surface.startswith(k) for _, items in f.roles for it in items for k in kinds)




def find_clauses(text: str, lo: int = 0, hi: int | None = None, default_prefix: str | None = "市") -> list[Found]:
    """All responsibility clauses in text[lo:hi], in document order: the rules run in registry
    order and a later rule never reads a span an earlier one took. Clauses whose bodies the
    document sets up itself are left out (see CREATED).

    A text copied from a PDF page (hard line wraps inside words: 分别负\n责) is read without its
    wraps (extract/structure/wraps.py); every offset is put back onto the document, and a surface
    stays as written, wrap included."""
    hi = len(text) if hi is None else hi
    breaks = wrap_breaks(text, lo, hi)
    if not breaks:
        return _find_clauses(text, lo, hi, default_prefix)
    j = joined(text, breaks)
    found = _find_clauses(j.text, j.to_joined(lo), j.to_joined(hi), default_prefix)

    def item(it: ListItem) -> ListItem:
        s, e = j.to_doc_start(it.start), j.to_doc_end(it.end)
        return replace(it, start=s, end=e, surface=text[s:e])
    return [replace(f, start=j.to_doc_start(f.start), end=j.to_doc_end(f.end),
                    roles=[(role, [item(it) for it in items]) for role, items in f.roles]) for f in found]


def _find_clauses(text: str, lo: int, hi: int, default_prefix: str | None) -> list[Found]:
    # An abbreviation the text defines (国家发展和改革委员会（以下简称国家发展改革委）会同…) is read
    # as if its bracket were blank, and a body name it defines (处置非法集资牵头部门) as one term:
    # offsets stay, surfaces are put back as written below.
    masked = mask(text)
    text = masked.text
    ctx = Context(text, lo, hi, default_prefix)
    created = created_bodies(text, lo, hi)
    taken: list[tuple[int, int]] = []
    out: list[Found] = []
    for rule in registry():
        for f in sorted(rule.find(ctx), key=lambda f: f.start):
            if created and _names_created(f, created):
                continue
            core = (f.start, max(it.end for _, items in f.roles for it in items))
            if any(core[0] < e and s < core[1] for s, e in taken):
                continue
            taken.append((f.start, f.end))
            out.append(replace(f, roles=[(role, [masked.restore(it) for it in items]) for role, items in f.roles]))
    return sorted(out, key=lambda f: f.start)
