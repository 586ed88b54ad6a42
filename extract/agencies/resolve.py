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

from policykg.extract.agencies.jurisdiction import DocPlace, classify
from policykg.extract.agencies.registry import default_registry
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
    name = qualify(name, places if places is not None else doc.places)
    jurisdiction = doc.jurisdiction if doc.jurisdiction not in ("省", "市") else None
    full = (aliases or {}).get(name)
    entry = (registry.resolve(full, jurisdiction) if full else None) or registry.resolve(name, jurisdiction)
    if entry is None and jurisdiction is not None:
        # A district's document names its city's bodies too (南山区 plan: 深圳市 entries).
        for outer in (p for p in doc.places.values() if p != jurisdiction):
            entry = registry.resolve(name, outer)
            if entry is not None and entry.jurisdiction == outer:
                break
            entry = None
    if entry is None:
        # An abbreviation the document defines stands for its full name: both forms are one body.
        name = full or name
        where, level = classify(name, doc)
        return Agency(id=UNRESOLVED + name, name=name, collective=collective or level == "collective",
                      level=level, jurisdiction=where, resolved=False)
    return Agency(id=entry.id, name=entry.name, short=entry.short, level=entry.level.value,
                  jurisdiction=entry.jurisdiction, collective=entry.collective, resolved=True)
