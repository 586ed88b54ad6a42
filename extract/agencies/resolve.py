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

from policykg.extract.agencies.jurisdiction import ADDRESSEE_PRONOUNS, LEVEL_CLASS, DocPlace, classify
from policykg.extract.agencies.registry import default_places, default_registry
from policykg.extract.clauses.agency_list import is_agency, qualify
from policykg.schema.models import Agency

UNRESOLVED = "unresolved:"

# X（以下简称Y） / X（简称Y） / X(以下称"Y"): Y is the document's short form of X.
_ABBREV = re.compile(r"（(?:以下)?简?称[“\"]?(?P<short>[^）)”\"]{2,20})[”\"]?[）)]")


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


def resolve_agency(name: str, collective: bool, doc: DocPlace | None = None,
                   aliases: dict[str, str] | None = None, places: dict[str, str] | None = None) -> Agency:
    """The Agency a restored name denotes in a document (see the module docstring). A name the
    registry lacks stays an unresolved Agency of its own, never dropped or guessed."""
    registry = default_registry()
    doc = doc or DocPlace("深圳市", "municipal", places or {}, "市")
    if name in ADDRESSEE_PRONOUNS and doc.addressee:
        # 你省 in a letter to 四川省人民政府 is that government.
        name = doc.addressee
    context = dict(places if places is not None else doc.places)
    province = _province_of(doc, context)
    if province and "省" not in context:
        # A city's (or its district's) 省发展改革委 is its own province's (广州 → 广东省).
        context["省"] = province
    if not LEVEL_CLASS.search(name):
        # 省级部门 is every province's departments, not 广东省 + 级部门.
        name = qualify(name, context)
    jurisdiction = doc.jurisdiction if doc.jurisdiction not in ("省", "市") else None
    full = (aliases or {}).get(name)
    entry = (registry.resolve(full, jurisdiction) if full else None) or registry.resolve(name, jurisdiction)
    if entry is None and jurisdiction is not None:
        # A district's document names its city's bodies too (南山区 plan: 深圳市 entries), and a
        # city's its province's (广州 plan: 广东省 entries).
        for outer in (p for p in dict.fromkeys([*doc.places.values(), province]) if p and p != jurisdiction):
            entry = registry.resolve(name, outer)
            if entry is not None and entry.jurisdiction == outer:
                break
            entry = None
    if entry is None:
        # An abbreviation the document defines stands for its full name: both forms are one body.
        name = full or name
        where, level = classify(name, replace(doc, places=context) if context != doc.places else doc)
        return Agency(id=UNRESOLVED + name, name=name, collective=collective or level == "collective",
                      level=level, jurisdiction=where, resolved=False)
    return Agency(id=entry.id, name=entry.name, short=entry.short, level=entry.level.value,
                  jurisdiction=entry.jurisdiction, collective=entry.collective, resolved=True)


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
