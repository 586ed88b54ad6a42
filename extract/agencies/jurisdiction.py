"""Whose bodies a document names: its own jurisdiction, and the jurisdiction and level of any
agency name from its form and that context.

A document of the State Council (国发 / 国办发, 国务院…, addressed to 各省、自治区、直辖市人民政府)
names central bodies with bare short forms (发展改革委, 财政部); a 广东省 document's 省发展改革委 is
广东省's; a Shenzhen plan's 市发展改革委 is Shenzhen's and never Guangzhou's. `document_place`
decides the document's own place; `classify` gives any name a (jurisdiction, level) even when
the registry lacks it, so an unresolved agency still says where it belongs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from policykg.extract.agencies.registry import default_doc_number_places, default_places
from policykg.extract.clauses.agency_list import (COLLECTIVE, LEVEL_HEADS, SENTENCE_PLACE, context_places, named_place,
                                                  seated_arm_place)
from policykg.schema.vocabulary import vocabulary

CENTRAL = "中央"

# Signs that a document is issued by a central body.
_CENTRAL_ISSUER = re.compile(
    r"^(?:国务院|中共中央|中央|全国人民代表大会|全国人大|最高人民|国家[\u4e00-\u9fff]{1,12}(?:委员会|委|局|总局|署|院)|"
    r"中国人民银行|[\u4e00-\u9fff]{1,8}部(?:办公厅)?$|[\u4e00-\u9fff]{1,8}部关于|[\u4e00-\u9fff]{2,8}(?:总局|监会))"
)
# Endings of a kind of body found at every level. 部队 (an army unit: 由部队派人接兵, gov-2023-zhengbing-tiaoli)
# is a kind too, never a central department for its 部; so is an organization (调解组织, 消费者权益保护组织:
# sh-2024-jinrong-zhongxin), never a department. 中央企业 (the centrally administered state enterprises,
# nea-2020-zhineng-meikuang) is a kind of owner, never a central department for its 中央.
CATEGORY = re.compile(r"(?:部门|单位|机关|机构|方面|团体|协会|部队|组织|中央企业)$")
_CATEGORY = CATEGORY
# The head line of an order of a central body (中华人民共和国国务院令, 国家发展和改革委员会令).
_CENTRAL_ORDER = re.compile(r"^(?:中华人民共和国)?(?:国务院|国家[\u4e00-\u9fff]{1,14}(?:委员会|局|总局|署))令$|^中华人民共和国[\u4e00-\u9fff]{1,10}部令$")
# The promulgation record under a regulation's title (2021年1月26日 中华人民共和国国务院令第737号公布,
# 2020年12月21日 国务院第119次常务会议通过, 2022年3月1日 国家市场监督管理总局令第52号公布): `by` is
# the body that enacted it. A local one (广州市人民政府令第 61 号公布) names its place.
_PROMULGATION = re.compile(r"^[（(]?\s*(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*"
                           r"(?P<by>[\u4e00-\u9fff]{2,30}?)\s*(?:令\s*第\s*\d+\s*号|第\s*\d+\s*次常务会议)\s*(?:公布|通过|发布)")
# A title that is a national law's or administrative regulation's: 中华人民共和国…, or …条例 with
# no place before it. A 地方性法规 is always titled with its place (广东省…条例, 深圳经济特区…条例),
# so a 条例 whose title names none (防范和处置非法集资条例, 碳排放权交易管理暂行条例) is the State
# Council's or the national legislature's.
_NATIONAL_TITLE = re.compile(r"^中华人民共和国|条例(?:[（(]试行[）)])?$")
# 上港集团, 虹房集团, 西虹桥公司: a company named as an owner (the agency registry holds
# government bodies; companies are companies.toml's).
# 物业: the property manager, a firm named by its trade (会同物业…, sh-gumei-2022-dujulaoren-xiaofang).
_ENTERPRISE = re.compile(r"(?:集团|公司|物业)$")
# The next three are plain word lists, not patterns: a 文号 that opens with one of the first, a
# head of the document that holds one of the others.
_CENTRAL_DOC_NUMBER = ("国", "中发", "中办")
_CENTRAL_ADDRESSEES = ("各省、自治区、直辖市人民政府", "国务院各部委")
_PROVINCIAL_ADDRESSEES = ("省政府各部门", "各市（州）", "各地级以上市人民政府", "各市、县", "省直各单位", "省直有关单位")
# The pronouns a letter uses for the one government it is addressed to (你省 in a 国办函 to
# 四川省人民政府). A word list, matched whole.
ADDRESSEE_PRONOUNS = ("你省", "你市", "你区", "你县", "你州", "你自治区", "贵省", "贵市")
# The salutation line of a letter to one government: 四川省人民政府：
_SALUTATION = re.compile(r"^[\s\u3000]*(?P<gov>[\u4e00-\u9fff]{2,16}?(?:人民政府|政府))[：:]$")
# A name that joins two levels (中央和省级人民政府) or speaks of a level as a class (省级部门,
# 市级财政部门): bodies of every place at that level, not one body.
# 省、自治区、直辖市人民政府管理专利工作的部门 (a regulation's owner by function) is every province's too.
# The first level may carry a bracketed note of levels (县（市）、区…: the counties and county-level cities, and
# the districts, zz-2022-yuanlin-lvhua 第四条), be 省辖市 (a city under the province, 省辖市、县级人民政府…,
# ha-2011-fangzhen-jianzai 第八条) or be joined by 或者 (市或者县（市）、上街区…, zz 第四十八条), and a named place
# may follow (县（市）、上街区…: the counties' and 上街区's; not a level word, 自治县 or 地级以上市): one class still.
LEVEL_CLASS = re.compile(r"^(?:中央|省辖市|省|市|县|区)(?:级)?(?:[（(][^（）()]{1,6}[）)])?(?:和|及|与|、|或者|或)"
                         r"(?:省|市|县|区|地方|自治区|直辖市|(?!地级|" + vocabulary().alternation(vocabulary().clauses.shared_head_levels)
                         + r")[\u4e00-\u9fff]{2,4}?[区县市])|^(?:省|市|县|区)级")
# A State Council body named by its function, not by name (国务院专利行政部门, 国务院税务主管部门,
# 国务院法制机构: whichever department holds that function when the text applies; the registry
# holds bodies, never functions, so it stays unresolved, a central department by its form).
# 国家国防专利机构主管机关 (the competent organ of a national body) is one so named too.
_CENTRAL_FUNCTION = re.compile(r"^国务院(?!办公厅|有关|相关|各)[\u4e00-\u9fff]{2,8}?(?:行政|主管)?(?:部门|机构|机关)$"
                               r"|^国家[\u4e00-\u9fff]{2,10}?主管(?:部门|机构|机关)$")


def relative_place(name: str, doc: "DocPlace | None" = None) -> str | None:
    """The relative place word (vocabulary places_config.relative_places: 事发地, 属地, 当地 …) a name
    opens with, after any of the document's own places restored before it (崇明区事发地乡镇政府);
    None when it opens with none. 事发地县级人民政府 is the county government of wherever the
    incident happens, never a body of a place called 事发地县."""
    rest = name
    for place in sorted((doc.places.values() if doc else ()), key=len, reverse=True):
        if place and rest.startswith(place):
            rest = rest[len(place):]
            break
    words = sorted(vocabulary().places_config.relative_places, key=len, reverse=True)
    return next((w for w in words if rest.startswith(w)), None)


# The ending of an owner named by its function at any level (教育行政部门, 环境保护行政主管部门,
# 国家国防专利机构主管机关): whichever body holds that function.
_FUNCTION_ENDING = re.compile(r"(?:行政|主管)(?:部门|机构|机关)$")


def function_named(name: str) -> bool:
    """True for an owner named by its function, not by name (国务院教育行政部门, 国务院法制机构,
    环境保护主管部门). The registry holds bodies, never functions, so no entry takes such a name as
    an alias (schema/registries/agencies.toml [FUNCTION])."""
    return bool(_CENTRAL_FUNCTION.match(name) or _FUNCTION_ENDING.search(name))


# A 文号 in the opening of a headless document: 国发〔1990〕65号, 国办发[2014]56号.
_OPENING_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[［(（]\s*(?:19|20)\d\d\s*[〕\]］)）]\s*\d{1,4}\s*号")
_OPENING_CHARS = 120


def _opens_central(text: str) -> bool:
    """True when the first characters of a text with no head read (no issuer, title or 文号) are a
    central issuer's title (国务院关于…) or hold a central 文号 (国发〔1990〕65号)."""
    opening = text.lstrip().lstrip("#").strip()[:_OPENING_CHARS]
    # Only a 文号 that directly follows the title (no sentence mark, colon or 《》 before it): a
    # forwarding notice's opening (各市（州）…人民政府：现将《国务院关于…》（国发明电〔2014〕1号）转发…) cites
    # a central 文号 that is not its own.
    m = _OPENING_DOC_NUMBER.match(opening)
    if m is None:
        m = re.match(r"[^。；：:，,《》〈〉\n]{0,60}?(?=[\u4e00-\u9fff]{1,8}[〔\[［(（]\s*(?:19|20)\d\d)", opening)
        m = _OPENING_DOC_NUMBER.match(opening, m.end()) if m else None
    if m:
        # The 文号 follows the title directly (…的决定国发〔1990〕65号): take its own head from the
        # longest central 文号 opening that ends the run of characters before the bracket.
        head = re.match(r"[\u4e00-\u9fff]+", m.group(0)).group(0)
        if any(head.endswith(k + rest) for k in _CENTRAL_DOC_NUMBER for rest in ("", "发", "办发", "函", "办函", "发明电")):
            return True
    return bool("关于" in opening[:40] and not named_place(opening) and _CENTRAL_ISSUER.match(opening))


def _names_any(text: str, words: tuple[str, ...]) -> bool:
    return any(w in text for w in words)


@dataclass(frozen=True)
class DocPlace:
    jurisdiction: str  # 中央, or a place name (广东省, 深圳市, 福田区); '省' when the province is unnamed
    level: str  # central | provincial | municipal | district | county | township
    places: dict[str, str] = field(default_factory=dict)  # generic prefix → place (市 → 深圳市)
    default_prefix: str | None = "市"  # the prefix a bare list item takes in this document
    # The one government a letter is addressed to (四川省人民政府), from its salutation line; the
    # body its 你省 / 你市 stand for.
    addressee: str | None = None

    @property
    def central(self) -> bool:
        return self.level == "central"


def addressee_of(front: str, body: str) -> str | None:
    """The government named alone on the salutation line of a letter (四川省人民政府：), or None
    (no such line, or a list of addressees such as 各省、自治区、直辖市人民政府：)."""
    for line in (front + "\n" + body[:600]).splitlines():
        m = _SALUTATION.match(line.strip())
        if m and named_place(m.group("gov")):
            return m.group("gov")
    return None


def document_place(issuer: str | None, title: str | None, doc_number: str | None, body: str,
                   front: str = "") -> DocPlace:
    """The document's own place, from its issuer, title, 文号 and addressees (in that order), and
    the government it is addressed to when it is a letter to one."""
    place = _own_place(issuer, title, doc_number, body, front)
    addressee = addressee_of(front, body)
    return replace(place, addressee=addressee) if addressee else place


def zone_place(head: str | None) -> str | None:
    """A head that opens with a zone named after its place ([places_config] place_zone_tails:
    深圳经济特区安全生产监督管理条例) with that place's name instead (深圳市安全生产监督管理条例): the
    registry [[place]] whose name before 市 / 省 / 自治区 is the word before the tail. Else the head."""
    if not head:
        return head
    text = head.strip()
    for tail in vocabulary().places_config.place_zone_tails:
        at = text.find(tail)
        if at < 2:
            continue
        within = default_places()
        for place in sorted({*within, *within.values()}, key=len, reverse=True):
            short = place.removesuffix("自治区").removesuffix("省").removesuffix("市")
            if short and short != place and text[:at] == short:
                return place + text[at + len(tail):]
    return head


def _own_place(issuer: str | None, title: str | None, doc_number: str | None, body: str,
               front: str) -> DocPlace:
    v = vocabulary()
    title = zone_place(title)
    for head in (issuer, title):
        if head and not named_place(head.strip()) and _CENTRAL_ISSUER.match(head.strip()):
            return DocPlace(CENTRAL, "central", {}, None)
    if doc_number and doc_number.startswith(_CENTRAL_DOC_NUMBER):
        return DocPlace(CENTRAL, "central", {}, None)
    if not (issuer or title or doc_number) and _opens_central(front or body):
        # A document stored as one line (国务院关于进一步加强环境保护工作的决定国发〔1990〕65号（…）　　保护…):
        # no head was read, but its opening names a central issuer before 关于, or a central 文号.
        return DocPlace(CENTRAL, "central", {}, None)
    first = next((ln.strip().lstrip("#").strip() for ln in front.splitlines() if ln.strip()), "")
    if _CENTRAL_ORDER.match(first):
        # 中华人民共和国国务院令 第706号: an order of a central body heads the text (its 文号 has no 〔〕).
        return DocPlace(CENTRAL, "central", {}, None)
    if _enacted_centrally(title, front):
        return DocPlace(CENTRAL, "central", {}, None)
    town = _township_document(issuer, title, body)
    if town:
        return town
    # The notice's own first line (广东省人民政府办公厅关于印发…的通知) names the issuer when the
    # header has no issuer field.
    # A markdown export writes it as a heading (# 上海市交通委员会 上海市公安局关于…): the marks are no name.
    first = next((ln.strip().lstrip("#").strip() for ln in front.splitlines() if ln.strip()), "")
    own = (_nested_places(issuer) or _nested_places(title) or context_places(issuer, title)
           or (_nested_places(first) if re.search(r"关于|通知|意见|决定", first) else {})
           or _issuer_line_places(first))
    if not own and doc_number:
        # 粤府办〔2019〕5号 is a Guangdong document, 穗府〔2021〕3号 a Guangzhou one: the 文号's
        # first character names the place (registry [[place]] abbr).
        place = _doc_number_place(doc_number)
        if place:
            own = dict([named_place(place) or ("市", place)])
    if not own and _names_any(front + "\n" + body[:400], _CENTRAL_ADDRESSEES):
        return DocPlace(CENTRAL, "central", {}, None)
    # Generic 市…/区… names are qualified with the places the document names, in its head or
    # at the start of its sentences (成都市加快…); its own place comes from its head first.
    # A sentence that opens 事发地县级人民政府… or 当地市政府… names no place (relative_places).
    places = {k: p for k, p in context_places(issuer, title, body).items() if not relative_place(p)}
    if not own and _names_any(front + "\n" + body[:600], _PROVINCIAL_ADDRESSEES):
        # Addressed to a province's cities and departments, it is that province's document: the one province
        # its body names, however rarely (国网江西省电力公司 and 江西证监局 in a 赣府发 意见, jx-2020-kaifaqu-chuangxin).
        province = _dominant_place(body, "provincial") or _dominant_place(body, "provincial", minimum=1, alone=True)
        if province:
            return DocPlace(province, "provincial", {**places, "省": province}, "省")
        return DocPlace("省", "provincial", {}, "省")
    if not own and _speaks_as_nation(body):
        return DocPlace(CENTRAL, "central", {}, None)
    if not own:
        # A headless plan whose sentences open with several places of one level (济南高新区…。历下区…。历城区…,
        # jn-2024-rengong-zhineng 三、产业布局) speaks about them, not as the first one: that level names none
        # of its own.
        places = {k: p for k, p in places.items() if k not in _described_levels(body)}
    # The document's own places win over places its sentences happen to begin with.
    places = {**places, **own}
    own = own or places
    # The most local named place is the document's own (福田区 in a 深圳市福田区 plan).
    for prefix in ("县", "区", "市", "州", "省"):
        if prefix in own:
            place = own[prefix]
            level = v.place_level(place) or v.level_of_prefix(prefix) or "municipal"
            if prefix == "市" and place in v.places_config.municipalities:
                level = "provincial"
            return DocPlace(place, level, places, _prefix_for(issuer, prefix))
    city = _dominant_place(body, "municipal")
    if city:
        return DocPlace(city, "municipal", {**places, "市": city}, _prefix_for(issuer, "市"))
    province = _dominant_place(body, "provincial")
    if province and _speaks_as_province(body):
        # A headless provincial plan (sd-2019-shuzi-shandong: 数字山东, （省大数据局牵头，…）) names its
        # province far more than any other and speaks of 全省 / 我省, not of 全市.
        return DocPlace(province, "provincial", {**places, "省": province}, "省")
    if not places and _speaks_of_the_provinces(body):
        return DocPlace(CENTRAL, "central", {}, None)
    return DocPlace("市", "municipal", places, _prefix_for(issuer, "市"))


# Distinct places of one level opening sentences from which a headless document is about them.
_DESCRIBED_MIN = 3


def _described_levels(body: str) -> set[str]:
    """The place levels (区, 县 …) at which the body's sentences open with _DESCRIBED_MIN or more
    different places."""
    seen: dict[str, set[str]] = {}
    for m in SENTENCE_PLACE.finditer(body):
        np = named_place(m.group(1))
        if np:
            seen.setdefault(np[0], set()).add(np[1])
    return {k for k, names in seen.items() if len(names) >= _DESCRIBED_MIN}


def _speaks_as_province(body: str) -> bool:
    """True when a body says the province's deictics (全省 / 我省 / 本省) more often than the city's
    (全市 / 我市 / 本市): [places_config] province_deictics, city_deictics."""
    pc = vocabulary().places_config
    return _said(body, pc.province_deictics) > _said(body, pc.city_deictics)


def _said(body: str, words: list[str]) -> int:
    """How often a body says any of `words` (deictics such as 全省, 我国)."""
    return sum(body.count(w) for w in words)


def _local_deictics(body: str) -> int:
    """How often a body speaks as a province, city or county does (全省, 本市, 我县 …: [places_config]
    province_, city_ and local_deictics)."""
    pc = vocabulary().places_config
    return _said(body, pc.province_deictics + pc.city_deictics + pc.local_deictics)


def _speaks_as_nation(body: str) -> bool:
    """True when a headless body says the nation's deictics (我国 / 全国: [places_config] nation_deictics) more
    often than every place's together (全省, 全市, 全区 …) and names the State Council (国务院…牵头)."""
    return _said(body, vocabulary().places_config.nation_deictics) > _local_deictics(body) and "国务院" in body


# A headless text's national words (全国, 省级 …) at least this often make it a national one.
_NATIONAL_MIN = 2


def _speaks_of_the_provinces(body: str) -> bool:
    """True when a body names the country or the provinces as a class ([places_config] national_signs)
    at least _NATIONAL_MIN times and never speaks as a province, city or county does (全省, 本市, 我县 …)."""
    return _local_deictics(body) == 0 and _said(body, vocabulary().places_config.national_signs) >= _NATIONAL_MIN


def _enacted_centrally(title: str | None, front: str) -> bool:
    """True for a regulation whose head says a central body enacted it: a promulgation record
    (…中华人民共和国国家安全部令第2号公布, …国务院第119次常务会议通过) in its front, or a national
    law's or regulation's title (_NATIONAL_TITLE) with no place named in it."""
    for line in front.splitlines()[:12]:
        m = _PROMULGATION.match(line.strip())
        if m:
            # 国家市场监督管理总局 reads as 国家市 + 场… to named_place: a central head decides first.
            by = m.group("by").removeprefix("中华人民共和国")
            return bool(_CENTRAL_ISSUER.match(by) or _CENTRAL_ORDER.match(by + "令")) and (
                by.startswith(("国务院", "国家", "中央", "中国")) or not named_place(by))
    head = (title or "").strip()
    return bool(head and _NATIONAL_TITLE.search(head) and not named_place(head) and not context_places(head))


def _township_document(issuer: str | None, title: str | None, body: str) -> DocPlace | None:
    """The place of a town's or subdistrict's own document (七宝镇…的实施意见, issued by
    闵行区古美路街道办事处): level township, jurisdiction the district it lies in (the town is
    the district's, as the dev gold has it), its own bodies' 镇X / 街道X heads the town's. No level
    prefix is restored onto bare names (a town's 安监所 is no 市安监所); resolve.py names them the
    town's."""
    for head in (issuer, title):
        own = _township_places(head)
        key = next((k for k in own if k in vocabulary().places_config.township_suffixes), None)
        if key is None:
            continue
        outer = own.get("区") or own.get("县")
        places = {**context_places(issuer, title, body), **own}
        return DocPlace(outer or own[key], "township", places, None)
    return None


# A place is a document's own, when nothing in its head names one, if its body names it at least
# this often and at least twice as often as any other place of the same level.
_DOMINANT_MIN = 3


def _dominant_place(body: str, level: str, minimum: int = _DOMINANT_MIN, alone: bool = False) -> str | None:
    """The one province (level 'provincial') or city ('municipal') of the registry's [[place]]
    tables that a body names far more often than any other (广州 in a 广州 plan with no head); with
    `alone`, the only one it names at least `minimum` times (no other named at all)."""
    within, abbrs = default_places(), default_doc_number_places()
    ends = ("省", "自治区") if level == "provincial" else ("市",)
    candidates = {p for p in (*within, *within.values(), *abbrs.values()) if p.endswith(ends)}
    counts = sorted(((body.count(p.removesuffix("自治区").removesuffix("省").removesuffix("市")), p)
                     for p in candidates), reverse=True)
    if not counts or counts[0][0] < minimum:
        return None
    if len(counts) > 1 and (counts[0][0] < 2 * counts[1][0] or (alone and counts[1][0])):
        return None
    return counts[0][1]


def _doc_number_place(doc_number: str) -> str | None:
    return next((place for abbr, place in default_doc_number_places().items() if doc_number.startswith(abbr)), None)


def _issuer_line_places(line: str) -> dict[str, str]:
    """Places of a joint issuer line (中共柳河县委 柳河县人民政府): every part, split on blanks and
    、, names an issuer (ends like one, or in 委 for a Party committee); 中共 before a place is
    the Party's, the place is still the document's."""
    parts = [p for p in re.split(r"[\s\u3000、]+", line) if p]
    ends = tuple(vocabulary().agency.issuer_suffixes) + ("委",)
    if not parts or not all(p.endswith(ends) and len(p) <= 20 for p in parts):
        return {}
    out: dict[str, str] = {}
    for p in parts:
        for k, v in _nested_places(p.removeprefix("中共")).items():
            out.setdefault(k, v)
    return out


def _nested_places(head: str | None) -> dict[str, str]:
    """Every named place at the head of an issuer or title, outermost first: 深圳市福田区人民政府
    → {市: 深圳市, 区: 福田区}."""
    out: dict[str, str] = {}
    # 中共上海市委、上海市人民政府关于…: 中共 before a place is the Party's, the place is still 上海市.
    rest = (head or "").strip().removeprefix("中共")
    while rest:
        np = named_place(rest)
        if not np or relative_place(rest):
            # 事发地县级… opens with no place 事发地县 (places_config.relative_places).
            break
        out.setdefault(*np)
        rest = rest[len(np[1]):]
    return out


def _township_pattern() -> re.Pattern:
    v = vocabulary()
    ends = v.alternation(v.places_config.township_suffixes)
    gov = v.alternation(v.agency.government_suffixes)
    return re.compile(rf"^(?P<place>[\u4e00-\u9fff]{{2,5}}?(?:{ends}))(?P<gov>{gov})?")


def township_place(head: str | None) -> str | None:
    """The town or subdistrict a name or title begins with (七宝镇 of 七宝镇限额以下…的实施意见,
    古美路街道 of 古美路街道办事处), when that is sure: a government ending follows it (XX镇人民政府,
    XX街道办事处) or the registry's [[place]] lists it within a district. 新型城镇化 or 城乡建设
    begin with no town: neither form nor registry says so."""
    rest = (head or "").strip()
    m = _township_pattern().match(rest)
    if not m or rest.startswith(tuple(vocabulary().agency.collective_heads)):
        return None
    place = m.group("place")
    return place if m.group("gov") or place in default_places() else None


def township_suffix(place: str) -> str | None:
    """The level word a town's own bodies open with (镇 of 七宝镇: 镇规建办; 街道 of 古美路街道)."""
    return next((t for t in vocabulary().places_config.township_suffixes if place.endswith(t)), None)


def _township_places(head: str | None) -> dict[str, str]:
    """_nested_places, then the town or subdistrict after them (闵行区古美路街道办事处 → 区 闵行区,
    街道 古美路街道), and the places the registry says it lies in (七宝镇 → 闵行区 → 上海市)."""
    out = _nested_places(head)
    rest = (head or "").strip()
    for place in out.values():
        rest = rest.removeprefix(place)
    town = township_place(rest)
    if not town:
        return out
    out = {township_suffix(town): town, **out}
    within, outer = default_places(), town
    while outer in within:
        outer = within[outer]
        np = named_place(outer)
        if np:
            out.setdefault(*np)
    return out


def _names_township(head: str) -> bool:
    return any(k in vocabulary().places_config.township_suffixes for k in _township_places(head))


def issuer_prefix(issuer: str | None, place_prefix: str | None = "市", doc_number: str | None = None,
                  title: str | None = None) -> str | None:
    """The level prefix a plan's own bodies would carry: 市 for 深圳市人民政府, 区 for a district
    government, 县 for a county's, 省 for a province's; `place_prefix` when no issuer is known.
    A town's or subdistrict's document (its issuer, or with no issuer its title, names the town:
    古美路街道加强…实施方案) restores none: its bare 街道消委办 / 安监所 are the town's (resolve.py)."""
    if not issuer and title and _names_township(title):
        return None
    if not issuer and title and not (doc_number and doc_number.startswith(_CENTRAL_DOC_NUMBER)):
        # No issuer: the place the title opens with is the document's (石城县…考核细则: 县).
        own = _nested_places(title)
        prefix = next((p for p in ("县", "区", "市", "州", "省") if p in own), None)
        if prefix:
            return prefix
    # A national document (国办发 …) whose issuer line is unknown restores no prefix either.
    if not issuer and doc_number and doc_number.startswith(_CENTRAL_DOC_NUMBER):
        return None
    if issuer:
        # A national document's bodies carry no level prefix (its 专家组 is no 市专家组).
        if not named_place(issuer.strip()) and _CENTRAL_ISSUER.match(issuer.strip()):
            return None
        if _names_township(issuer):
            # A town's or subdistrict's own bodies open with 镇 / 街道 or with nothing (安监所):
            # resolve.py names them the town's; a restored 市 would make them the city's.
            return None
        gov = vocabulary().alternation(vocabulary().agency.government_suffixes)
        if re.search(rf"(?:区|新区)(?:{gov})", issuer):
            return "区"
        if re.search(rf"县(?:{gov})", issuer):
            return "县"
        if re.search(rf"州(?:{gov})", issuer):
            # 阿坝州人民政府办公室: a prefecture's own bodies are 州… (州数据资源主管部门).
            return "州"
        if re.match(r"^[\u4e00-\u9fff]{2,6}省", issuer):
            return "省"
        return "市"
    return place_prefix


_prefix_for = issuer_prefix


# Places from the widest down: a class of a lower level lies within a document's wider place.
_RANK = {"provincial": 1, "municipal": 2, "district": 3, "county": 3, "township": 4}


def classify(name: str, doc: DocPlace) -> tuple[str, str]:
    """(jurisdiction, level) of a body named `name` (prefix already restored) in document `doc`.

    Levels: central_department, state_council_office, <provincial|municipal|district|county>
    _department or _government, collective, category (a kind of body), ad_hoc_body, enterprise.
    """
    v = vocabulary()
    gov = name.endswith(tuple(v.agency.government_suffixes))
    if COLLECTIVE.match(name) or name.startswith(tuple(v.agency.collective_heads)):
        return doc.jurisdiction, "collective"
    seated = seated_arm_place(name)
    if seated:
        # 中央金融管理部门在沪机构: the offices a body (often a central one) has in a place named by its
        # short name, that place's; which offices is not one body's name, so a kind (the dev gold of
        # sh-2024-jinrong-zhongxin gives them 上海市, as sd-2021-tielu-anquan's central bodies' local arms).
        return seated, "category"
    if relative_place(name, doc):
        # 事发地省级人民政府, 当地环境保护主管部门, 属地政府, 所在镇政府: the body of wherever the matter
        # lies, one per case and named by that relation: a kind, of the document's own jurisdiction
        # (the dev gold of gov-2014-guobanhan-119 gives them 中央), never of a place 事发地省.
        return doc.jurisdiction, "category"
    np = named_place(name)
    if np and re.search(r"相关|有关", np[1]):
        # 涉灾相关区 (the districts a disaster concerns): a class of places' governments.
        return doc.jurisdiction, "collective"
    if np and name.startswith(np[1]) and name[len(np[1]):].startswith(tuple(v.agency.collective_heads)):
        # 上海市各航空公司, 奉贤区相关部门: a place's prefix restored before a collective head is
        # still a class of bodies, of that place.
        return np[1], "collective"
    if name.startswith(("同级", "本级")) or "各级" in name:
        # 同级人民政府, 地方各级人民政府办公厅（室）: the governments (or offices) of every level.
        return doc.jurisdiction, "collective"
    if LEVEL_CLASS.search(name) and "的" in name:
        # 省、自治区、直辖市人民政府管理专利工作的部门: each province's body of that function.
        return doc.places.get("省") or (doc.jurisdiction if doc.level == "provincial" else "省"), "collective"
    if name.endswith(tuple(v.agency.self_governing_tails)):
        # 居委 / 居委会 / 村民委员会: the residents' or villagers' committees of an area, self-
        # governing bodies (no organ of the town), named for every committee at once: a class.
        return (np[1] if np and name.startswith(np[1]) else doc.jurisdiction), "collective"
    if "的" in name:
        # 承担任务的省（市）人民政府, 相应的管养单位: bodies described by what they do, a class
        # (属地街镇 / 所在镇政府, described by where they are, are relative_place's above).
        return doc.jurisdiction, "category"
    town = _township_of(name, doc)
    if town:
        return town
    if doc.level == "township" and name.endswith(tuple(v.agency.town_seated_units)) and not named_place(name):
        # 派出所 of a subdistrict's plan: the district police bureau's station there.
        return doc.jurisdiction, "district_department"
    if name in v.agency.government_suffixes or name.startswith("地方") and gov:
        # 政府 / 地方人民政府 with no place: governments in general, not one.
        return doc.jurisdiction, "collective"
    if name.endswith("组"):
        # 专家组, 监督组, 集中采购小组: groups a plan sets up for itself (a standing 领导小组 is
        # in the registry and never reaches this point).
        return doc.jurisdiction, "ad_hoc_body"
    if LEVEL_CLASS.search(name):
        # 省级粮食行政管理部门 in a State Council notice: each province's, no one province's.
        first = name[:1]
        if first not in ("省", "市", "县", "区"):
            return doc.jurisdiction, "collective"
        place = doc.places.get(first) or (doc.jurisdiction if v.level_of_prefix(first) == doc.level else None)
        if place is None and not doc.central and doc.jurisdiction not in ("省", "市", "区", "县") \
                and _RANK.get(doc.level, 9) < _RANK.get(v.level_of_prefix(first) or "", 0):
            # 县级以上人民政府 of a 广东省 rule (gd-2021-gonggong-shuju): the province's own county-and-
            # above governments, a class within the document's place, not of a place 县.
            place = doc.jurisdiction
        return place or first, "collective"
    if _ENTERPRISE.search(name):
        np = named_place(name)
        return (np[1] if np else CENTRAL if name.startswith(tuple(v.agency.central_heads)) else doc.jurisdiction), "enterprise"
    central = name.startswith(tuple(v.agency.central_heads))
    # 国务院有关部门, 省级有关部门: a class of bodies under a named head.
    if re.search(r"(?:有关|相关|各)(?:部门|单位|机构|方面)", name):
        return (CENTRAL if central else doc.jurisdiction), "collective"
    if _CENTRAL_FUNCTION.match(name):
        return CENTRAL, "central_department"
    if name.startswith("国家") and _CATEGORY.search(name) or name == "中央企业":
        # 国家安全部门 / 国家安全机关 (民政、公安、国家安全等有关部门): a kind of body found at
        # every level, not a central department; a central body so named is in the registry.
        return doc.jurisdiction, "category"
    if name.startswith("国务院"):
        return CENTRAL, "state_council_office"
    if central:
        return CENTRAL, "central_department"
    np = named_place(name)
    if np:
        prefix, place = np
        level = v.place_level(place) or v.level_of_prefix(prefix) or "municipal"
        if _CATEGORY.search(name):
            # 上海市交通部门, 上海市国资主管部门: a kind of body of that place, not one body.
            return place, "category"
        # 奉贤区 named as a body is the district's government.
        return place, f"{level}_{'government' if gov or name == place else 'department'}"
    if _CATEGORY.search(name) and not (name[:1] in LEVEL_HEADS and not name.startswith(("市场", "市容"))):
        # 业务主管部门, 登记管理机关, 公安机关交通管理部门: a kind of body found at every level.
        # 市场监督管理部门 opens with 市场, not with the level 市 (a kind too, gov-2021-guoling-737); 市容环境卫生部门
        # with 市容 (the city's look).
        return doc.jurisdiction, "category"
    first = name[:1]
    if first in LEVEL_HEADS and not name.startswith(("市场", "市容")):
        level = v.level_of_prefix(first) or "municipal"
        place = doc.places.get(first)
        if place is None:
            place = doc.jurisdiction if doc.level == level or (first == "市" and doc.level == "provincial"
                                                               and doc.jurisdiction in v.places_config.municipalities) \
                else first
        if place in v.places_config.municipalities:
            level = "provincial"
        return place, f"{level}_{'government' if gov or name[1:] in ('政府', '人民政府') else 'department'}"
    if name.endswith(tuple(v.agency.class_tails) + tuple(v.clauses.party_holders)):
        # 国有文化企业, 实施主体: a class of firms or of whoever carries a project out, no body; the holders
        # of a 责任区 (经营者, 所有权人: [clauses] party_holders) likewise, whoever holds the place.
        return doc.jurisdiction, "category"
    if doc.central:
        return CENTRAL, "central_department"
    return doc.jurisdiction, f"{doc.level}_{'government' if gov else 'department'}"


def _township_of(name: str, doc: DocPlace) -> tuple[str, str] | None:
    """(jurisdiction, level) of a town's or subdistrict's body: a named one (七宝镇人民政府,
    闵行区古美路街道办事处, 七宝镇规建办) is the district's it lies in, level township_government or
    township_department; a bare 镇政府 / 街道办事处 in a document that is not a town's own is the
    town of wherever the matter lies (category, as 所在镇政府)."""
    v = vocabulary()
    gov = name.endswith(tuple(v.agency.government_suffixes))
    rest, district = name, None
    for place in _nested_places(name).values():
        rest = rest.removeprefix(place)
        if place.endswith(("区", "县")):
            district = place
    if re.sub(r"[（(][^（）()]*[）)]$", "", rest) in v.places_config.township_classes:
        # 乡镇 of a county's document, 宝山区街镇（园区）: all its towns and subdistricts, a class.
        return (district or doc.jurisdiction), "collective"
    whole = _township_pattern().fullmatch(rest)
    if district and whole and not whole.group("gov") and not rest.startswith(tuple(v.agency.collective_heads)):
        # 静安区江宁路街道 named as a body: the subdistrict's office (as 奉贤区 is its government).
        return district, "township_government"
    town = township_place(rest)
    if town:
        within = default_places()
        outer = within.get(town)
        while outer and not outer.endswith(("区", "县")) and outer in within:
            outer = within[outer]
        where = district or (outer if outer and outer.endswith(("区", "县")) else None) \
            or (doc.jurisdiction if doc.level in ("district", "county", "township") else town)
        return where, f"township_{'government' if gov else 'department'}"
    bare = re.sub(r"[（(][^（）()]*[）)]", "", rest)
    if bare.startswith(tuple(v.places_config.township_suffixes)) and gov and township_place(bare) is None:
        if rest != name:
            # 奉贤区街道（开发区）办事处 (各镇政府、街道（开发区）办事处 of its own plan): the district's
            # subdistrict offices, all of them.
            return (district or doc.jurisdiction), "collective"
        return doc.jurisdiction, "category" if doc.level != "township" else "township_government"
    return None
