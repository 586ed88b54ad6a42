"""From a restored agency name in one document to an `Agency`: registry entry, or an unresolved
body that still says where it belongs (jurisdiction) and what it is (level).

Resolution is the registry's (exact after normalisation, never a guess), asked within the
document's jurisdiction: a State Council document's bare 发展改革委 is the national commission,
a Shenzhen plan's 市发展改革委 Shenzhen's, a Guangzhou plan's 广州市发展改革委 nobody's in the
registry (unresolved, jurisdiction 广州市). Abbreviations the document defines
(国家发展和改革委员会（以下简称国家发展改革委）) are tried as their full names first.
"""

from __future__ import annotations

import re
from dataclasses import replace

from policykg.extract.agencies.jurisdiction import (
    ADDRESSEE_PRONOUNS,
    CATEGORY,
    CENTRAL,
    LEVEL_CLASS,
    DocPlace,
    classify,
    relative_place,
    township_place,
)
from policykg.extract.agencies.registry import default_places, default_registry
from policykg.extract.clauses.agency_list import COLLECTIVE, LEVEL_HEADS, STANDALONE, is_agency, named_place, qualify, takes_prefix
from policykg.schema.models import Agency
from policykg.schema.vocabulary import vocabulary

UNRESOLVED = "unresolved:"
# Where a document whose place is unknown is read (the registry began as Shenzhen's).
DEFAULT_JURISDICTION = "深圳市"
# Jurisdictions that name no one place: central bodies, and a place the document leaves unnamed.
_UNPLACED = (CENTRAL, "省", "市", "区", "县")

# X（以下简称Y） / X（简称Y） / X(以下称"Y"): Y is the document's short form of X.
_ABBREV = re.compile(r"（(?:以下)?简?称[“\"]?(?P<short>[^）)”\"]{2,20})[”\"]?[）)]")


# A body and a class after it: 国家发展改革委等国务院相关部门, 中国残联等相关单位 (…及各地区).
_AND_OTHERS = re.compile(r"(?P<name>[^、，等]{2,}?)等(?:国务院)?(?:有关|相关)?(?:部门|单位|机构)(?:和单位)?(?:及各地区)?")

# A name with a trailing bracket: the body's other nameplates or a note on its part of it.
_CO_NAMED = re.compile(r"(?P<name>[^（）()]{2,}?)[（(](?P<plates>[^（）()]+)[）)]")


def document_aliases(text: str, lo: int = 0, hi: int | None = None) -> dict[str, str]:
    """Short form → full name, for every abbreviation of a body the text defines."""
    hi = len(text) if hi is None else hi
    out: dict[str, str] = {}
    for m in _ABBREV.finditer(text, lo, hi):
        before = text[max(lo, m.start() - 40):m.start()]
        # The full name runs back to the last punctuation or joining word before the bracket.
        cut = max([before.rfind(c) for c in "。；，、：（(\n"] + [-1])
        full = re.sub(r"^.*(?<!自)(?:会同|由)", "", before[cut + 1:])
        short = m.group("short")
        if is_agency(full) and is_agency(short):
            out.setdefault(short, full)
    return out


def unresolved_id(name: str, jurisdiction: str | None) -> str:
    """The graph key of a body the registry lacks: its name, and its jurisdiction too when the
    name does not carry it. 属地街镇 in a 奉贤区 plan and in a 崇明区 plan are two bodies, so they
    must be two nodes (unresolved:奉贤区/属地街镇, unresolved:崇明区/属地街镇). A name that begins
    with its place (四川省科技厅), a central one (有关部门 of every State Council notice) and one
    whose place the document never names (jurisdiction just 市 or 省) keep the bare key."""
    if not jurisdiction or jurisdiction in _UNPLACED or name.startswith(jurisdiction):
        return UNRESOLVED + name
    return f"{UNRESOLVED}{jurisdiction}/{name}"


def resolve_agency(name: str, collective: bool, doc: DocPlace | None = None,
                   aliases: dict[str, str] | None = None, places: dict[str, str] | None = None) -> Agency:
    """The Agency a restored name denotes in a document (see the module docstring). A name the
    registry lacks stays an unresolved Agency of its own, never dropped or guessed."""
    registry = default_registry()
    doc = doc or DocPlace(DEFAULT_JURISDICTION, "municipal", places or {}, "市")
    if name in ADDRESSEE_PRONOUNS and doc.addressee:
        # 你省 in a letter to 四川省人民政府 is that government.
        name = doc.addressee
    context = dict(places if places is not None else doc.places)
    province = _province_of(doc, context)
    if province and "省" not in context:
        # A city's (or its district's) 省发展改革委 is its own province's (广州 → 广东省).
        context["省"] = province
    city = _city_of(doc, context)
    if city and "市" not in context:
        # A district's 市城管执法部门 is its own city's (松江区 → 上海市, 福田区 → 深圳市).
        context["市"] = city
    if doc.level in ("district", "township") and name.startswith("各") and not name.startswith(("各区", "各级")) \
            and context.get("区") == doc.jurisdiction:
        # 各建设单位 / 各行业部门 of a district's own plan are the district's, not its city's.
        name = doc.jurisdiction + name
    elif not LEVEL_CLASS.search(name):
        # 省级部门 is every province's departments, not 广东省 + 级部门.
        name = qualify(name, context)
    if doc.level == "township":
        name = town_qualified(name, doc)
    jurisdiction = doc.jurisdiction if doc.jurisdiction not in ("省", "市") else None
    full = (aliases or {}).get(name)

    def lookup(name: str):
        entry = (registry.resolve(full, jurisdiction) if full else None) or registry.resolve(name, jurisdiction)
        if entry is None and jurisdiction is not None:
            # A district's document names its city's bodies too (南山区 plan: 深圳市 entries), and a
            # city's its province's (广州 plan: 广东省 entries).
            for outer in (p for p in dict.fromkeys([*doc.places.values(), province]) if p and p != jurisdiction):
                entry = registry.resolve(name, outer)
                if entry is not None and entry.jurisdiction == outer:
                    break
                entry = None
        return entry

    entry = lookup(name)
    led = _AND_OTHERS.fullmatch(name)
    if entry is None and led:
        # 国家发展改革委等国务院相关部门 (A and the other departments concerned): the one body named
        # is A; the others are a class the text leaves unnamed. The mention keeps the whole text.
        entry = lookup(led.group("name"))
    co = _CO_NAMED.fullmatch(name)
    if entry is None and co:
        # 区委宣传部（区文明办、区政府新闻办）, 经委(商务委), 区公安分局（交管）: the body is the name
        # before the bracket (its other nameplates or a note); the mention keeps the whole text.
        entry = lookup(co.group("name"))
    if entry is None:
        # An abbreviation the document defines stands for its full name: both forms are one body.
        name = full or name
        where, level = classify(name, replace(doc, places=context) if context != doc.places else doc)
        return Agency(id=unresolved_id(name, where), name=name, collective=collective or level == "collective",
                      level=level, jurisdiction=where, resolved=False)
    return Agency(id=entry.id, name=entry.name, short=entry.short, level=entry.level.value,
                  jurisdiction=entry.jurisdiction, collective=entry.collective, resolved=True)


def town_qualified(name: str, doc: DocPlace) -> str:
    """A town's or subdistrict's own document names its bodies as 镇规建办 / 街道消委办 or bare
    (安监所, 消委办): those are the town's (七宝镇规建办, 古美路街道消委办). Names that carry a place
    or a level prefix (区建管委), classes (各居委, 相关部门, 建设单位), residents' committees (居委:
    self-governing, no organ of the town) and names that take no prefix (上港集团) stay."""
    v = vocabulary()
    key = next((k for k in v.places_config.township_suffixes if k in doc.places), None)
    if key is None:
        return name
    town = doc.places[key]
    if name.startswith(town) or named_place(name) or township_place(name) or relative_place(name):
        # 属地政府 / 事发地政府 of a town's plan: the body of wherever the matter lies, no office of the town.
        return name
    if name.startswith(key):
        return town + name[len(key):]
    if name[:1] in LEVEL_HEADS or COLLECTIVE.match(name) or STANDALONE.search(name) \
            or name.endswith(tuple(v.agency.self_governing_tails + v.agency.town_seated_units)) \
            or CATEGORY.search(name) or not takes_prefix(name):
        return name
    return town + name


def _city_of(doc: DocPlace, places: dict[str, str]) -> str | None:
    """The city a district's or county's document lies in (松江区 → 上海市), from [[place]]."""
    within = default_places()
    for place in (places.get("区"), places.get("县"), doc.jurisdiction):
        outer = within.get(place) if place else None
        if outer and outer.endswith("市"):
            return outer
    return None


def _province_of(doc: DocPlace, places: dict[str, str]) -> str | None:
    """The province a city's or district's document lies in, from the registry's [[place]] map
    (福田区 → 深圳市 → 广东省); None for a central or provincial document or an unknown place."""
    within = default_places()
    for place in (places.get("区"), places.get("县"), places.get("市"), doc.jurisdiction):
        seen = set()
        while place and place in within and place not in seen:
            seen.add(place)
            place = within[place]
            if place.endswith(("省", "自治区")):
                return place
    return None
