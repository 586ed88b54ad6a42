"""Splitting agency lists and restoring the prefix that lists leave out.

Plans write "市发展改革委、经贸信息委、科技创新委": the 市 of the first name applies to the
others (市经贸信息委, 市科技创新委). The prefix is a level of government (市, 区, 县, 省, or a
named city/district like 广州市) taken from the nearest name that carries one. Names that are
actors of their own keep their form: units of central bodies (深圳海关, 中国人民银行深圳市中心支行,
深圳市税务局), collectives (各区政府, 各行业主管部门), district bodies (罗湖区政府, 大鹏新区管委会).

Three traps: 市委…/市人大…/市政协… carry their own 市 but their prefix for the next name is still
just 市 (市委宣传部、文体旅游局 → 市文体旅游局, never 市委文体旅游局); a name beginning with 市场
(市场监管局) has *no* prefix and becomes 市市场监管局; and 和 inside names (人力资源和社会保障局)
is never a list separator.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from policykg.extract.structure.spaces import INLINE_SPACE, SPACE

# 、，；, plus white space between two names: some lists are set with spaces only
# ("市发展改革委 市通信管理局").
SEPARATORS = re.compile(rf"[、，,；;]|(?<=[\u4e00-\u9fff）)]){SPACE}+(?=[\u4e00-\u9fff])")
# Trailing words that close a list rather than name an agency: 等 and the kind the list's bodies are
# (等登记管理部门 of 由市场监督管理部门、社会组织管理部门、事业单位登记管理机关等登记管理部门负责, gd-2021-gonggong-shuju
# 第十九条（四）: the gold strips it as 等部门).
TRAILING = re.compile(r"(?:等[\u4e00-\u9fff]{0,10}?(?:部门|单位|机构)[（(](?:单位|部门)[）)]|等[\u4e00-\u9fff]{0,8}?主管(?:部门|单位|机构)|等[\u4e00-\u9fff]{1,6}?(?:有关|相关)(?:部门|单位|机构)|等[\u4e00-\u9fff]{1,8}?(?:部门|单位|机构|机关)|等[\u4e00-\u9fff]{0,6}?(?:团体|组织)(?:和[\u4e00-\u9fff]{0,6}?(?:团体|组织))?|等(?:有关|相关)?(?:部门|单位|机构)?|(?<![及和])(?:其他有关|(?<![各他])有关)(?:部门|单位)|按职责分工负责)$")
# A prefix of government level at the start of a name: 市, 区, 县, 省, or 广州市 / 南山区 / 宝安县.
def _place_words():
    from policykg.schema.vocabulary import vocabulary

    v = vocabulary()
    one = [p.suffix for p in v.places if len(p.suffix) == 1]  # 省 市 区 县: a name's level prefix
    return "".join(one), v.alternation(v.places_config.not_place_after_prefix)


# Place levels (省 市 区 县) and the words that cannot follow them (市场, 市委) are the vocabulary's.
_LEVELS, _NOT_AFTER = _place_words()
# The one-character level heads a document writes for its own places (省 市 区 县 州), in the
# vocabulary's order.
LEVEL_HEADS = tuple(_LEVELS)
LEVEL_PREFIX = re.compile(rf"^(?:[\u4e00-\u9fff]{{2,4}}?[{_LEVELS}](?!{_NOT_AFTER})|省|市(?!场)|区|县|州)")
# Names that stand on their own and never take a restored prefix.
STANDALONE = re.compile(
    # 本级 / 同级 (本级数据资源主管部门, 同级人民政府: the body at the same level as whoever acts) are
    # relative: no one place's, so no restored 市 / 州 (dev ab-2021-zhengwu-shuju).
    r"^(?:深圳|广东|中国|国家|中共|中央|国务院|全国|各|全市|有关|相关|其他|驻|本级|同级)"
    r"|(?:区|新区|合作区|县|镇|街道)(?:人民)?(?:政府|管委会|管理委员会|办事处)$"
    r"|海关$|支行$|分行$|(?:银|证|保|银保)监局$|管委会$"
)
COLLECTIVE = re.compile(r"^(?:各|全市各|有关|相关|其他有关|其他相关)")


@functools.cache
def _government_words() -> str:
    from policykg.schema.vocabulary import vocabulary

    v = vocabulary()
    return v.alternation(v.agency.government_suffixes + ["国务院"])


# A government's relevant departments (区政府有关部门, 国务院有关部门（单位）): the government's words
# ([agency] government_suffixes, 国务院) before 有关/相关 + 部门/单位.
# Also 其他有关 (国务院其他有关部门, gov-2003-dizhi-zaihai 第七条: the State Council's other departments) and an
# organ's (中央军事委员会机关有关部门, gov-2023-zhengbing-tiaoli 第十五条).
_GOVERNMENT_DEPARTMENTS = re.compile(rf"(?:(?!等).)*?(?:{_government_words()}|机关)(?:其他)?(?:有关|相关)(?:部门|单位)(?:[（(](?:部门|单位)[）)])?")


@dataclass(frozen=True)
class ListItem:
    surface: str  # as written, trimmed
    name: str  # prefix restored where it was omitted
    start: int  # offsets into the document (surface span)
    end: int
    prefix_restored: bool
    collective: bool


def own_prefix(name: str) -> str | None:
    """The level prefix a name carries itself (市 for 市委宣传部 too), or None."""
    if STANDALONE.search(name):
        return None
    m = LEVEL_PREFIX.match(name)
    if not m:
        return None
    p = m.group(0)
    # 开发区 (各街镇、开发区、头桥集团) is a kind of area, no level prefix to lend the next items.
    if p in _vocab().places_config.generic_areas:
        return None
    # 深圳市税务局-style names were caught above; 广州市工业和信息化局 yields 广州市.
    return p


def _is_bare(name: str) -> bool:
    # A bare 开发区 (a kind of area, vocabulary generic_areas) takes no restored prefix either.
    return own_prefix(name) is None and not STANDALONE.search(name) and name not in _vocab().places_config.generic_areas


def _vocab():
    from policykg.schema.vocabulary import vocabulary

    return vocabulary()


# is_agency runs for every candidate span: its word tuples are built once, not on each call.
@functools.cache
def _person_words() -> tuple[str, ...]:
    return tuple(_vocab().clauses.persons)


@functools.cache
def _agency_suffixes() -> tuple[str, ...]:
    return tuple(_vocab().agency.suffixes)


@functools.cache
def _place_stems() -> tuple[str, ...]:
    """Stems of the registry's places (上海 of 上海市, 宝山 of 宝山区) and the vocabulary's regions
    (华东): a name holding one already says where it is (上海海事局, 民航华东管理局)."""
    from policykg.extract.agencies.registry import default_places

    places = default_places()
    stems = {p[:-1] for p in set(places) | set(places.values()) if len(p) >= 3}
    return tuple(sorted(stems | set(_vocab().agency.region_words)))


def unit_parent(name: str) -> str | None:
    """The parent body of an internal unit named with it (市交通委 of 市交通委科技信息处), or None
    when the name is no parent + 处/科/室 (a bare 港务监管处, 市财政局)."""
    a = _vocab().agency
    if not name.endswith(tuple(a.internal_unit_suffixes)):
        return None
    ends = sorted(a.entity_suffixes, key=len, reverse=True)
    for k in range(len(name) - 3, 1, -1):
        head = name[:k]
        if head.endswith(tuple(ends)) and own_prefix(head):
            return head
        # A ministry's department (交通运输部运输服务司, 国家能源局电力司): a central parent carries no
        # level prefix; it ends as a ministry, commission or bureau does.
        if name.endswith("司") and head.endswith((*ends, "部", "署")) and len(head) >= 3 and is_agency(head):
            return head
    return None


@functools.cache
def seated_arm_pattern() -> str:
    """The regex of a body's offices seated in a place named by its short name: 在 + a [[place]] abbr
    (沪, 京 …) + a seated-arm tail ([agency] seated_arm_tails): 在沪机构 of 中央金融管理部门在沪机构. A
    pattern that matches nothing when either list is empty."""
    from policykg.extract.agencies.registry import default_doc_number_places

    abbrs = "".join(sorted(a for a in default_doc_number_places() if len(a) == 1))
    tails = _vocab().agency.seated_arm_tails
    if not abbrs or not tails:
        return r"(?!)"
    return rf"在(?P<abbr>[{abbrs}])(?:{_vocab().alternation(tails)})"


@functools.cache
def _seated_arm_at_end() -> re.Pattern:
    return re.compile(seated_arm_pattern() + "$")


def seated_arm_place(name: str) -> str | None:
    """The place whose offices a name ending 在<abbr>机构 names (上海市 for 中央金融管理部门在沪机构), or None."""
    m = _seated_arm_at_end().search(name)
    if m is None or m.start() < 2:
        return None
    from policykg.extract.agencies.registry import default_doc_number_places

    return default_doc_number_places().get(m.group("abbr"))


def takes_prefix(name: str) -> bool:
    """Whether a bare list item is a department name of the form that omits its 市/区 (发展改革委,
    交通委): not a firm (上港集团), a relative owner (主管部门, 其上级主管部门, 属地政府), nor a name
    that already carries its place (上海海事局, 民航华东管理局). Words: vocabulary.toml [agency]."""
    a = _vocab().agency
    core = re.sub(r"[（(][^（）()]*[）)]$", "", name)
    # A residents' or villagers' committee (居委会) is its neighbourhood's, never a 区居委会.
    if core in a.unprefixed_names or core.endswith(tuple(a.unprefixed_tails) + tuple(a.self_governing_tails)) \
            or core.startswith(tuple(a.unprefixed_heads)):
        return False
    return not any(s in core for s in _place_stems())


# Whole words that end like a body but are not one (全部 ends in 部, 城市 in 市).
NOT_AGENCY = {"全部", "内部", "局部", "东部", "西部", "中部", "本部", "干部", "城市", "地区", "社会", "机构",
              "部门", "单位", "有关", "相关", "方面", "总部", "基层", "人民政府", "医院", "企业", "学校",
              # levels of government written as one word (由省市合力开展…培训, ah-2021-gongye-hulianwang
              # 七、): the levels acting together, no one body (the gold leaves it out)
              "省市", "市县", "省市县", "县乡", "市县乡",
              # the assembly a report is made to (请大会审议, 国务院政府工作报告): a meeting, not a body
              "大会",
              # flags, not banners (旗 is a suffix for 内蒙古's banners: 达茂旗)
              "红旗", "国旗", "党旗", "团旗", "彩旗", "锦旗", "五星红旗",
              # the reflexive owner of a 责任区 list (机关、团体、部队、企事业单位由本单位负责: cq-2018-shirong-huanwei
              # 第十一条（六）, sq-2019 第八条（三）, zj-2020 第三十条（七）): "the unit itself" points back at the
              # subject, no body of its own (the gold leaves it out, as it leaves pronoun owners out)
              "本单位"}
# A forward reference to the items after it (由下列单位组织清理：, xiushan-2021-meijianghe 第二十九条; 由下列部门负责
# 组建：, sh-2018-minfang-tiaoli 第十二条): the items name the owners, the reference names none (nor 下列部).
_FORWARD_REFERENCE = ("下列", "以下", "如下")
# The document's own place as a deictic (由本省各级财政保障的其他机关…, gd-2021-gonggong-shuju 第五十六条): "this
# province", no body (no gold names one). The words are the places vocabulary's (province/city/local deictics).
_PC = _vocab().places_config
NOT_AGENCY |= set(_PC.province_deictics + _PC.city_deictics + _PC.local_deictics)
# Words that never stand inside a body's name: a verb or particle means the span is a phrase.
# 推进 before the body's own kind is its name's (北京市大数据工作推进小组, …推进办公室: bj-2022-shuju-zhuanqu).
_NOT_IN_NAME = re.compile(r"[的了是把被已]|[0-9０-９一二三四五六七八九十两][个名位]|今年|明年|去年|目前|下设|设在|邀请|召开|会同|负责|牵头|配合|按照|根据|要求|提出|通过|实现|开展|推进(?!(?:工作)?(?:领导小组|小组|办公室|委员会))|加强|做好|"
                          r"提请|报请|上报|报送|报告|报同级|填报|审核(?!机构)|批准")
# A body's name never begins with a verb of action: 注重政府办… is a phrase, not a name.
_VERB_HEAD = re.compile(
    r"^(?:要|应当|应|须|需)?(?:由|请|明确|注重|加强|推进|促进|推动|实现|提高|完善|支持|鼓励|引导|围绕|通过|按照|根据|针对|加快|做好|开展|进一步|积极|"
    r"努力|坚持|确保|强化|深化|优化|提升|扩大|依托|利用|结合|构建|打造|形成|转变|探索|落实|成立|设立|组建|"
    # 避免基层政府承担过多支出责任 (gov-2020-guobanfa-13): what is to be prevented, no body named
    r"避免|防止|"
    # 发挥工会组织作用，鼓励用人单位… (jx-2020-tuoyu-fuwu): the role a body is to play, no body's name
    r"发挥|充分发挥|"
    # 逐步建立金融资产管理公司，负责处理… (国务院政府工作报告 1999): an adverb of a verb phrase, no name's start
    # (not 建立 itself: 建立…区政府牵头调查机制 is read as a lead inside its object, sh-jinshan-2019-xiaofang)
    r"逐步)"
)
# The same verbs after a modal anywhere in the span: the modal's sentence has run into the name
# (设区市教育督导部门要强化对县（市、区）政府履行相应职责: a Jiangxi 2020 普通高中 notice, art_4975_1503934).
_MODAL_VERB = re.compile(r"(?:要|应当|须)" + _VERB_HEAD.pattern.split(")?", 1)[1].removesuffix("逐步)") + "逐步)")


@functools.cache
def _shared_head() -> re.Pattern:
    """各省、自治区、直辖市人民政府 / 市、区交通运输部门: bare place levels joined by 、 that share the
    head of the last item (the vocabulary's shared-head levels and openers); `rest` is that item."""
    c = _vocab().clauses
    levels, openers = _vocab().alternation(c.shared_head_levels), _vocab().alternation(c.shared_head_openers)
    # The last item's own bracketed note may hold a 、 (设区的市、县（市、区）…部门: the county-level 市 and 区 too).
    # A relative place may qualify the run (其户籍所在地县、自治县、不设区的市、市辖区人民政府兵役机关, 征集地的县、…征兵办公室,
    # gov-2023-zhengbing-tiaoli 第九条, 第二十七条): the levels of wherever the matter lies, one mention.
    relative = r"(?:其|原)?[\u4e00-\u9fff]{0,6}?(?:所在地|地)的?"
    return re.compile(rf"(?:{openers}|{relative})?{level_run()}(?P<rest>(?:{levels}|{_RUN_PLACE})(?:[（(][^（）()]{{1,10}}[）)]|[^、])+)")


# A named place closing a run of levels (市、县（市）、上街区人民政府: the city's, the counties' and 上街区's,
# zz-2022-yuanlin-lvhua 第十三条); is_agency checks it is a place's name (named_place).
_RUN_PLACE = r"[\u4e00-\u9fff]{2,4}?[区县市]"


@functools.cache
def level_run() -> str:
    """The bare levels of a run sharing the head of the item after them, up to the last 、 (各省、自治区、
    直辖市、 / 市、县（市）、 / 市或者县（市）、): each level word may carry a bracketed note of level words
    (县（市）, 县（市、区）: the county-level cities and districts too), and levels may be joined by 或者/和
    (由市或者县（市）、上街区城市园林绿化行政主管部门责令…, zz-2022-yuanlin-lvhua 第四十八条: one owner)."""
    levels = _vocab().alternation(_vocab().clauses.shared_head_levels)
    level = rf"(?:{levels})(?:[（(](?:{levels})(?:、(?:{levels}))*[）)])?"
    return rf"{level}(?:(?:、|或者|和){level})*、"


@functools.cache
def _level_word() -> re.Pattern:
    """A shared-head level word ([clauses] shared_head_levels: 省, 市, 县, 省辖市 …), compiled once:
    is_agency asks it of every run-of-levels item."""
    return re.compile(_vocab().alternation(_vocab().clauses.shared_head_levels))


def run_rest_start() -> str:
    """What may open the item after a run of levels: a level word or a named place (see _RUN_PLACE)."""
    return rf"(?:{_vocab().alternation(_vocab().clauses.shared_head_levels)}|{_RUN_PLACE})"


@functools.cache
def _not_in_name_words() -> re.Pattern:
    return re.compile(_vocab().alternation(_vocab().clauses.not_in_name))


@functools.cache
def _function_name() -> re.Pattern:
    """A body named by the work it manages (省、自治区、直辖市人民政府管理专利工作的部门): a government
    (`head`), a verb of managing, the work and 的 + a generic tail ([clauses] function_* words)."""
    c, alt = _vocab().clauses, _vocab().alternation
    if not (c.function_heads and c.function_verbs and c.function_tails):
        return re.compile(r"(?!)")
    # The government may go unwritten, or be a bare level (负责知识产权保护的主管部门, 市负责物资储备的部门,
    # gd-2022-zhishi-chanquan-baohu, sh-2018-minfang-tiaoli): the level of the document's bodies.
    return re.compile(rf"(?P<head>(?:.+?(?:{alt(c.function_heads)})|[省市区县])?)(?:{alt(c.function_verbs)})"
                      rf"[^的、，,。；;：:\s（）()]{{1,12}}?的(?:{alt(c.function_tails)})")


_NAMEPLATES = re.compile(r"(?P<name>[^（）()]+)[（(](?P<plates>[^（）()]+)[）)]")


def is_agency(name: str) -> bool:
    """Whether a list item names a body (or a collective of bodies): it ends like one (the
    vocabulary's agency suffixes) and holds no verb or particle. A trailing bracketed note
    (国务院有关部门（单位）) does not count for the ending. Bare place levels sharing the last
    item's head (各省、自治区、直辖市人民政府) are one collective when that item is a body."""
    shared = _shared_head().fullmatch(name.strip())
    if shared:
        rest = shared.group("rest")
        if not _level_word().match(rest) and not named_place(rest):
            return False
        return is_agency(rest)
    # A body named by its function (…人民政府管理专利工作的部门): its 的 is the name's own, so the
    # government before the verb decides.
    function = _function_name().fullmatch(name.strip())
    if function:
        return len(function.group("head")) < 2 or is_agency(function.group("head"))
    # A body with its other nameplates in brackets, however long (区委宣传部（区文明办、区政府新闻办、
    # 区委网信办）): the name and every bracketed nameplate must each be a body.
    plates = _NAMEPLATES.fullmatch(name.strip())
    if plates and len(plates.group("plates")) > 10:
        return is_agency(plates.group("name")) and all(
            is_agency(p) for p in re.split(r"[、，,]", plates.group("plates")))
    core = re.sub(r"[（(][^（）()]{1,10}[）)]$", "", name.strip())
    core = re.sub(r"^[（(][^（）()]{1,10}[）)]", "", core)
    # Levels sharing one body with 的 (市和区的公安部门, 市或者区的民防办, sh-2018-minfang-tiaoli): the body after
    # 的 decides, as it does in 市和区民防办.
    shared_level = _LEVELS_OF.match(core)
    if shared_level:
        return is_agency(core[shared_level.end():])
    # A body's own unit named with 的 (县级市场监督管理部门的派出机构): the owner before 的 decides.
    owned = _owned_unit().fullmatch(core)
    if owned:
        return is_agency(owned.group("owner"))
    if _working_body(core) or core in _vocab().agency.collective_names:
        return True
    # A phrase joined by 和/及/与 whose last part is a word that is never a body (家庭和社会要紧密配合,
    # 国务院政府工作报告 1995: 社会) names no body, however it ends (…社会 ends in 会).
    joined_tail = re.split(r"和|及|与", core)[-1]
    # Nor one opening with a bare generic word (机构以及其他有关部门): that word closes the name before
    # the joiner (负责管理地震工作的部门或者机构, sh-2018-minfang-tiaoli), so a split leaving it alone is wrong.
    if re.match(r"(?:部门|单位|机构)(?:以及|和|及|与)", core):
        return False
    # Not a generic word a collective shares (有关部门和单位: 单位 is 有关单位).
    if joined_tail != core and joined_tail in NOT_AGENCY and joined_tail not in _BARE_GENERIC + ("有关", "相关"):
        return False
    # A person (本人, 申请人) opens no body's name: 本人持身份证件到现场办 ends like a 办 but is a phrase.
    if core.startswith(_person_words()) or core.startswith(_FORWARD_REFERENCE):
        return False
    # The unit that set a body up (由组建部门制定并组织实施, 由组建单位负责提供: sh-2018-minfang-tiaoli 第十四条, 第十五条): a
    # regulation's name for a role, the verb of setting up its own word, no phrase.
    if _FOUNDER.fullmatch(core):
        return True
    if not (2 <= len(core) <= 30) or core in NOT_AGENCY or _NOT_IN_NAME.search(core) or _VERB_HEAD.match(core) \
            or _MODAL_VERB.search(core, 1) \
            or _not_in_name_words().search(core):
        return False
    # Punctuation inside a bracketed note (各县（市、区）人民政府) is the note's, not the name's.
    if re.search(r"[、，,。；;：:“”\"《》\s]", re.sub(r"[（(][^（）()]{1,10}[）)]", "", core)):
        return False
    return core.endswith(_agency_suffixes())


_FOUNDER = re.compile(r"(?:组建|设立)(?:部门|单位)")
_LEVELS_OF = re.compile(r"^[省市区县](?:和|或者|、)[市区县乡镇]的(?=[\u4e00-\u9fff]{2})")


@functools.cache
def _owned_unit() -> re.Pattern:
    tails = _vocab().agency.owned_unit_tails
    return re.compile(rf"(?P<owner>[^的，,。；;：:、]{{2,24}})的(?:{_vocab().alternation(tails)})" if tails else r"(?!)")


def _working_body(core: str) -> bool:
    """A working body named by its purpose (省推进工业互联网创新发展专项工作组), or the collective of
    the units sitting on one (…执行小组成员单位, …工作专班牵头单位): the vocabulary's working-body
    endings, member tails and purpose verbs. Without the purpose verbs and a quoted slogan's marks
    (省推进“三地一区”建设领导小组), the rest must read as a name does: no verb, particle or punctuation."""
    a = _vocab().agency
    member = next((t for t in a.member_unit_tails if core.endswith(t)), None)
    body = core[: -len(member)] if member else core
    suffix = next((s for s in sorted(a.working_body_suffixes, key=len, reverse=True) if body.endswith(s)), None)
    if suffix is None and member:
        # 省“十强产业”协调推进机制牵头部门: the units sitting on a mechanism, which is no body alone.
        suffix = next((s for s in sorted(a.working_mechanism_suffixes, key=len, reverse=True) if body.endswith(s)), None)
    if suffix is None or not a.working_body_purpose_verbs:
        return False
    stem = re.sub(r"“([^“”]{1,10})”", r"\1", body)
    stem = re.sub(_vocab().alternation(a.working_body_purpose_verbs), "", stem)
    # Each purpose verb must leave a name around it: 推进工作组 alone is a phrase (推进 + 工作组).
    if len(stem) - len(suffix) < 2 or len(stem) > 40 or _VERB_HEAD.match(stem):
        return False
    if _NOT_IN_NAME.search(stem) or _not_in_name_words().search(stem) or re.search(r"[、，,。；;：:“”\"《》\s（）()]", stem):
        return False
    return stem != body or member is not None


# A bare generic word after a collective (其他有关部门、单位 / 有关部门和单位): it shares that collective's
# head, so 单位 is 其他有关单位 (sh-shiwei-ziran-zaihai; the gold restores it so).
_BARE_GENERIC = ("部门", "单位", "机构")
# The head is the collective's own, after any joiner (各涉灾部门和有关部门、单位 → 有关单位).
_COLLECTIVE_HEAD = re.compile(r"^(?:.*(?:和|及|与))?(?P<head>[^、，,和及与]*?(?:各|有关|相关))(?:部门|单位|机构)$")


def shared_collective(prev_name: str, word: str) -> str | None:
    """The collective a bare generic `word` names after an item named `prev_name`, or None."""
    if word not in _BARE_GENERIC:
        return None
    m = _COLLECTIVE_HEAD.match(prev_name)
    return m.group("head") + word if m else None


def share_collectives(items: list[ListItem]) -> list[ListItem]:
    """Give each bare generic word after a collective item that collective's head (see above)."""
    out: list[ListItem] = []
    for it in items:
        name = shared_collective(out[-1].name, it.surface) if out and not is_agency(it.surface) else None
        out.append(replace(it, name=name, prefix_restored=True, collective=True) if name else it)
    return out


def strip_closer(core: str) -> str:
    """An item without its list closer (…等有关部门), or '' when nothing is named."""
    # A list closer (等有关部门) is dropped; a collective standing alone as the whole item
    # (会同有关部门 …) is the body named, and stays.
    stripped = TRAILING.sub("", core).strip()
    # 省直有关部门 is one collective: the closer is only dropped when a name remains.
    if stripped and stripped != core and not is_agency(stripped) and is_agency(core) \
            and not stripped.endswith(("及其", "和其", "及", "和", "其")):
        stripped = core
    # A及其有关部门 / 其有关部门: 其 points back at A, so the collective is A's own departments (上海市人民政府有关部门,
    # sh-2024-jinrong-zhongxin 第十四条), a partner of its own beside A (split_joined names it), never a closer.
    if stripped.endswith("其") and stripped != core and is_agency(core):
        stripped = core
    # A level's collective joined after a body (市财政部门和市有关部门, sh-2024-jinrong-zhongxin 第三十四条): the
    # 有关部门 is the second body's, no closer of the list (split_joined parts the two).
    if stripped != core and re.search(r"(?:和|及|与|或者|或)[省市区县]$", stripped) and is_agency(core):
        stripped = core
    # 区政府有关部门 / 县级以上人民政府有关部门 / 国务院有关部门: a government's departments, one
    # collective the gold keeps whole, never the government itself.
    if stripped != core and _GOVERNMENT_DEPARTMENTS.fullmatch(core):
        stripped = core
    return stripped or (core if COLLECTIVE.match(core) else "")


# A collective's tail (其有关部门): the departments of the body before, a class.
_COLLECTIVE_TAIL = re.compile(r"(?:有关|相关)(?:部门|单位)$")


# At most this many joiners in one item are tried as split points (2^n ways; lists join two or three).
_MAX_JOINERS = 4


def _joined_parts(surface: str, rx: re.Pattern) -> list[tuple[int, int, str]] | None:
    """The parts of an item joining bodies with 和/及/与, each (start, end, name without its list
    closer), splitting at as many joiners as leave every part a body; None when no split does.
    A joiner inside a name is passed over (工业和信息化部等国务院相关部门及各地区 → 工业和信息化部, 各地区:
    the closer before 及 is dropped as at a list's end)."""
    joins = list(rx.finditer(surface))[:_MAX_JOINERS]
    masks = sorted(range(1, 2 ** len(joins)), key=lambda m: -bin(m).count("1"))
    for mask in masks:
        cuts = [j for k, j in enumerate(joins) if mask >> k & 1]
        bounds = [(0, cuts[0].start())] + [(a.end(), b.start()) for a, b in zip(cuts, cuts[1:])] \
            + [(cuts[-1].end(), len(surface))]
        parts, ok = [], True
        for k, (a, b) in enumerate(bounds):
            t = surface[a:b]
            name = strip_closer(t) if is_agency(t) else t
            if not (is_agency(name) or k and shared_collective(parts[-1][2], name)):
                ok = False
                break
            parts.append((a, a + len(name), name))
        if ok:
            return parts
    return None


def split_joined(items: list[ListItem]) -> list[ListItem]:
    """Split items that join two bodies with 和/及/与 (奉贤区和临港地区管委会, 国家发展改革委及国家粮食局)
    when every part is a body itself; 人力资源和社会保障局 stays whole because 人力资源 is no body."""
    joiners = sorted(_vocab().verbs.joiners, key=len, reverse=True)
    rx = re.compile("|".join(re.escape(j) for j in joiners))
    out: list[ListItem] = []
    for it in items:
        found = _joined_parts(it.surface, rx)
        if found:
            parts = [(a, b) for a, b, _ in found]
            texts = [t for _, _, t in found]
            head = it.name[: len(it.name) - len(it.surface)] if it.prefix_restored else ""
            names: list[str] = []
            for k, ((a, b), t) in enumerate(zip(parts, texts)):
                restored = bool(head) and k == 0
                shared = k and not is_agency(t) and shared_collective(texts[k - 1], t)
                # A及其B (国务院金融管理部门及其分支机构, 市人民政府及其有关部门): 其 is the body before, so B is
                # that body's (国务院金融管理部门分支机构, 市人民政府有关部门; the dev gold restores them so).
                own = k and t.startswith("其") and not t.startswith("其他") and len(t) > 2
                name = shared or (names[-1] + t[1:] if own else (head + t) if restored else t)
                names.append(name)
                out.append(ListItem(t, name, it.start + a, it.start + b,
                                    restored or bool(shared) or bool(own), bool(shared or COLLECTIVE.match(t)
                                                                               or own and _COLLECTIVE_TAIL.search(t))))
        else:
            out.append(it)
    return out


def split_agency_list(text: str, offset: int, default_prefix: str | None = None,
                      context_prefix: str | None = None) -> list[ListItem]:
    """Split `text` (found at document offset `offset`) into agency names.

    `context_prefix` is the prefix in force from earlier in the same clause; `default_prefix`
    applies when nothing in the clause carries one (e.g. 市 for a municipal plan). Bare names
    before the first prefixed name take the first prefix that appears later in the list.
    """
    raw: list[tuple[str, int, int]] = []
    pos = 0
    # A separator inside brackets belongs to a name (各县（市、区）人民政府), not to the list.
    depth, inside = 0, set()
    for k, ch in enumerate(text):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif depth:
            inside.add(k)
    for m in [m for m in SEPARATORS.finditer(text) if m.start() not in inside] + [None]:
        end = m.start() if m else len(text)
        part = text[pos:end]
        lead = len(part) - len(part.lstrip(INLINE_SPACE + "\n"))
        core = part.strip(INLINE_SPACE + "\n")
        core = strip_closer(core)
        if core:
            raw.append((core, offset + pos + lead, offset + pos + lead + len(core)))
        pos = m.end() if m else len(text)
    raw = _merge_shared_heads(raw, text, offset)
    prefixes = [own_prefix(name) for name, _, _ in raw]
    first_later = next((p for p in prefixes if p), None)
    current = context_prefix
    parent = None  # the body whose internal unit (…处) the last item named
    items: list[ListItem] = []
    for (name, s, e), p in zip(raw, prefixes):
        if p:
            current = p
        restored = False
        full = name
        bare_unit = parent and _is_bare(name) and name.endswith(tuple(_vocab().agency.internal_unit_suffixes))
        if bare_unit:
            # 市交通委科技信息处、港务监管处: the parent is carried like a shared head.
            full, restored = parent + name, True
        else:
            parent = unit_parent(name)
        if not bare_unit and _is_bare(name) and takes_prefix(name):
            prefix = current or first_later or default_prefix
            if prefix:
                full, restored = prefix + name, True
        items.append(ListItem(name, full, s, e, restored, bool(COLLECTIVE.match(name))))
    return share_collectives(items)


def _merge_shared_heads(raw: list[tuple[str, int, int]], text: str, offset: int) -> list[tuple[str, int, int]]:
    """Join a run of bare place levels with the item after it when they share its head
    (各省 / 自治区 / 直辖市人民政府 → 各省、自治区、直辖市人民政府): one collective, not three owners."""
    out: list[tuple[str, int, int]] = []
    k = 0
    while k < len(raw):
        merged = None
        for last in range(len(raw) - 1, k, -1):
            s, e = raw[k][1], raw[last][2]
            span = text[s - offset:e - offset]
            if _shared_head().fullmatch(span) and is_agency(span):
                merged = (span, s, e, last)
                break
        if merged:
            out.append(merged[:3])
            k = merged[3] + 1
            continue
        split = _joined_shared_head(raw, k, text, offset)
        if split:
            out.extend(split[:2])
            k = split[2] + 1
        else:
            out.append(raw[k])
            k += 1
    return out


def _joined_shared_head(raw: list[tuple[str, int, int]], k: int, text: str,
                       offset: int) -> tuple[tuple[str, int, int], tuple[str, int, int], int] | None:
    """A body joined by 及/和 to a shared-head run (国务院税务主管部门及各省、自治区、直辖市和计划单列市
    税务局, gov-2018-guofa-41): the 、 of the run cut the body and the run's first level into one
    item. Returns (the body, the run, index of the run's last item), or None."""
    name, s0, _ = raw[k]
    for j in sorted(_vocab().verbs.joiners, key=len, reverse=True):
        cut = name.rfind(j)
        if cut <= 0:
            continue
        head, s = name[:cut], s0 + cut + len(j)
        if not is_agency(head):
            continue
        for last in range(len(raw) - 1, k, -1):
            e = raw[last][2]
            span = text[s - offset:e - offset]
            if _shared_head().fullmatch(span) and is_agency(span):
                return (head, s0, s0 + cut), (span, s, e), last
    return None


# A named place at the head of a name: 广州市…, 南山区…, 广东省…
NAMED_PLACE = re.compile(rf"^([\u4e00-\u9fff]{{2,4}}?)([{_LEVELS}])")
NOT_PLACE = {"全", "本", "我", "各", "城", "超", "上", "直辖", "地级"}


# Words that begin a sentence but never a place name (为把我县… is "in order to make our county").
# No place's name holds 的 or 以上 / 以下: 设区的市 and 地级以上市 are classes of cities (a national
# rule's 设区的市…负责药品监督管理的部门, samr-2021-huazhuangpin-shengchan; 广东省和地级以上市公共数据主管
# 部门, gd-2021-gonggong-shuju), never one city.
_NOT_PLACE_HEAD = re.compile(r"^[为把对在从向将使让以按经由与和及其此已并均凡如若每所这]|[我该的]|以上|以下")


def named_place(name: str) -> tuple[str, str] | None:
    """('市', '广州市') for 广州市发展改革委; None for 市发展改革委 or 各区政府, and None for a
    deictic before the level word (结合本区实际, 依托本市平台: "this district", not a place 结合本区)."""
    m = NAMED_PLACE.match(name)
    if not m or m.group(1) in NOT_PLACE or m.group(1)[0] in "市区省县各全本我" or m.group(1).endswith(("各", "全", "本", "我", "该", "此")):
        return None
    # 临港地区 is an area, not a district (区) of its own; 市容 is a word, not a 市 (绿化市容部门 is
    # no body of a city 绿化市). 市场 is not excluded: 深圳市场监管局 is 深圳市 + 市场监管局 with one 市.
    # 区域 is an area too (物业管理区域内…, nb-2021-wuye-guanli: no district 物业管理区).
    if _NOT_PLACE_HEAD.search(m.group(1)) or m.group(0).endswith("地区") or name[m.end():m.end() + 1] == "容" \
            or m.group(2) == "区" and name[m.end():m.end() + 1] == "域":
        return None
    # 开发区 / 园区 without a proper name before them is the kind of area, not a place (vocabulary
    # places_config.generic_areas): 各街镇、开发区 must not make 区财政局 开发区财政局.
    from policykg.schema.vocabulary import vocabulary

    if m.group(0) in vocabulary().places_config.generic_areas:
        return None
    # 搭建社区 (a verb and 社区, a community): no place ends in a kind of area below any district.
    if m.group(0).endswith(tuple(vocabulary().places_config.not_place_tails)):
        return None
    if m.group(1).startswith(tuple(vocabulary().places_config.not_place_heads)):
        # 支持合肥市… opens with a verb: no place 支持合肥市 (places_config.not_place_heads).
        return None
    provinces = vocabulary().places_config.provinces
    if m.group(2) == "省" and provinces and m.group(1) not in provinces:
        # 建设省大数据创新平台: no province 建设省 (places_config.provinces is the closed list).
        return None
    return m.group(2), m.group(0)


def qualify(name: str, places: dict[str, str]) -> str:
    """Name an agency with the place a generic prefix stands for in context:
    市发改委 in a 杭州市 list → 杭州市发改委, 区财政局 under 福田区 → 福田区财政局, 各区政府 in a
    北京市 plan → 北京市各区政府. Names that already carry a named place stay as they are."""
    if not places or named_place(name) or STANDALONE.search(name) and not name.startswith("各"):
        return name
    level = name[0]
    # 市容 (the city's look: 市容环境卫生部门) is a word as 市场 is, no 市 of a place (宁波市容…).
    if level in LEVEL_HEADS and not name.startswith(("市场", "市容")) and level in places:
        return places[level] + name[1:]
    # 各街道办 / 各社区 belong to the district in context, 各区政府 to the city.
    # 各街镇 (各街镇（园区）) is the district's towns and subdistricts together.
    if re.match(r"各(?:相关|有关)?(?:街道|社区|镇|街镇)", name) and "区" in places:
        return places["区"] + name
    if name.startswith("各") and "市" in places:
        return places["市"] + name
    return name


def places_in(items: list[ListItem]) -> dict[str, str]:
    """Named places the items of one clause carry, by level (the first one of each level)."""
    out: dict[str, str] = {}
    for it in items:
        if STANDALONE.search(it.name):
            continue
        np = named_place(it.name)
        if np:
            out.setdefault(*np)
    return out


# Blanks within the line only: each newline starts its own try, and blanks across lines made a
# run of empty lines quadratic.
SENTENCE_PLACE = re.compile(rf"(?:^|[。；！？\n]){SPACE}*([\u4e00-\u9fff]{{2,4}}?[{_LEVELS}])(?![场委域])")


def context_places(*texts: str | None) -> dict[str, str]:
    """Places a document names for itself: in its issuer (深圳市人民政府), its title, or at the
    start of a sentence (成都市加快…). The first found for each level wins."""
    out: dict[str, str] = {}
    for t in texts:
        if not t:
            continue
        for m in [re.match(r"\s*(.*)", t)] + list(SENTENCE_PLACE.finditer(t)):
            np = named_place(m.group(1))
            if np:
                out.setdefault(*np)
    return out


def last_prefix(items: list[ListItem]) -> str | None:
    for it in reversed(items):
        p = own_prefix(it.name)
        if p:
            return p
    return None
