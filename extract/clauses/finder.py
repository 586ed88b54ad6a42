"""Responsibility clauses: who leads, supports or is responsible for a task.

Forms recognised (each a rule id that evidence carries):

- `clause.labeled`: labelled lists, in or out of brackets, ASCII or full-width punctuation:
  （牵头单位：市经贸信息委，配合单位：市发展改革委、科技创新委）, 责任单位：…, 牵头单位：…；责任单位：…
- `clause.you_lead`: 由X牵头，Y配合 / Y参与 / 会同Y
- `clause.lead_participate`: X牵头，Y、Z参与 (and X牵头 alone)
- `clause.duty_division`: X、Y按职责分工负责

A clause's agencies keep their listing order as `rank` (1-based within each role); for
责任单位 lists rank 1 is the lead by convention, but the role stored is what the text says.
Free-text forms only count when every listed name looks like an agency, so "以龙头企业牵头"
is not a clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dataclasses import replace

from policykg.extract.clauses.agency_list import ListItem, last_prefix, own_prefix, places_in, qualify, split_agency_list
from policykg.schema.models import Role

LABELS = {
    "牵头单位": Role.lead, "牵头部门": Role.lead, "主责单位": Role.lead, "主办单位": Role.lead,
    "责任单位": Role.responsible, "责任部门": Role.responsible, "实施单位": Role.responsible,
    "配合单位": Role.support, "配合部门": Role.support, "参与单位": Role.support,
    "协办单位": Role.support, "协助单位": Role.support,
}
LABEL = re.compile(r"(" + "|".join(LABELS) + r")\s*[:：]\s*")
def list_end(text: str, start: int, hi: int) -> int:
    """First position at or after `start` where a list stops, skipping brackets opened inside
    the list (各区（市）县政府)."""
    depth = 0
    for i in range(start, hi):
        ch = text[i]
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            if depth == 0:
                return i
            depth -= 1
        elif ch in "。\n":
            return i
    return hi
AGENCY_SUFFIX = re.compile(
    r"(?:委员会|委|局|办公厅|办公室|办|厅|部|署|政府|管委会|海关|银行|支行|分行|中心|院|会|处|部门|单位|机构|集团)$"
)
_NAME = r"[^，,。；;：:（）()“”\s]{2,160}?"
# After the lead: supporters (配合, 参与 …), or co-responsible bodies (共同负责, 按职责分工负责).
_AFTER_LEAD = (
    rf"(?:[，,]\s*(?:会同|联合)?(?:(?P<sup>{_NAME})(?:等(?:有关)?(?:部门|单位))?(?:配合|参与|协助|协同|共同推进)"
    rf"|(?P<resp>{_NAME})(?:等(?:有关)?(?:部门|单位))?(?:共同负责|(?:按照?|根据)?(?:各自)?职责分工(?:负责|落实)))"
    rf"|(?=[，,。；;）)]))"
)
YOU_LEAD = re.compile(rf"由(?P<lead>{_NAME})牵头(?:负责)?" + _AFTER_LEAD)
LEAD_PARTICIPATE = re.compile(
    rf"(?:(?<=^)|(?<=[。；;，,（(\n]))[^\S\n]*(?P<lead>{_NAME})牵头(?:负责)?" + _AFTER_LEAD
)
# `[^\S\n]*`, not `\s*`, after the look-behind: a newline is itself a start position, so letting
# the blanks run across lines found nothing more and made a run of blank lines quadratic.
DUTY_DIVISION = re.compile(
    rf"(?:(?<=^)|(?<=[。；;，,（(\n]))[^\S\n]*(?P<resp>{_NAME})(?:按照?|根据|依据)?(?:各自)?职责分工(?:负责|落实|推进)"
)


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    rule: str
    roles: list[tuple[Role, list[ListItem]]]


def _looks_like_agencies(items: list[ListItem]) -> bool:
    return bool(items) and all(
        2 <= len(it.surface) <= 30 and AGENCY_SUFFIX.search(it.surface) for it in items
    )


def _labeled(text: str, lo: int, hi: int, default_prefix: str | None) -> list[Found]:
    found: list[Found] = []
    labels = [m for m in LABEL.finditer(text, lo, hi)]
    i = 0
    while i < len(labels):
        group = [labels[i]]
        # Labels chained by a list and a separator form one clause.
        while i + 1 < len(labels):
            stop = list_end(text, group[-1].end(), labels[i + 1].start())
            # Labels on consecutive lines (牵头单位：…\n配合单位：…) still form one clause.
            if stop < labels[i + 1].start() and text[stop:labels[i + 1].start()].strip(" \u3000\n"):
                break
            group.append(labels[i + 1])
            i += 1
        i += 1
        segments: list[tuple[Role, str, int]] = []
        clause_end = group[-1].end()
        for k, m in enumerate(group):
            nxt = group[k + 1].start() if k + 1 < len(group) else None
            end = nxt if nxt is not None else list_end(text, m.end(), hi)
            segments.append((LABELS[m.group(1)], text[m.end():end].rstrip("，,；; \u3000\n"), m.end()))
            clause_end = end
        roles = split_segments(segments, default_prefix)
        if not roles:
            continue
        start = group[0].start()
        gap = text[max(lo, start - 3):start]
        if gap.rstrip(" \u3000").endswith(("（", "(")):
            start -= len(gap) - len(gap.rstrip(" \u3000")) + 1
        if clause_end < len(text) and text[clause_end] in "）)":
            clause_end += 1
        found.append(Found(start, clause_end, "clause.labeled", roles))
    return found


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
    roles = []
    for role, body, off in segments:
        items = split_agency_list(body, off, default_prefix, running)
        if items:
            running = last_prefix(items) or running
            roles.append((role, items))
    # A place the clause names (广州市工业和信息化局) is where its generic 市… names belong.
    places = places_in([it for _, items in roles for it in items])
    if places:
        roles = [(role, [replace(it, name=qualify(it.name, places)) for it in items]) for role, items in roles]
    return roles


def _free(text: str, lo: int, hi: int, default_prefix: str | None, taken: list[tuple[int, int]]) -> list[Found]:
    found: list[Found] = []

    def free_of(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(m: re.Match, rule: str, spec: list[tuple[Role, str]]) -> None:
        if not free_of(m.start(), m.end()):
            return
        segments = [(role, m.group(g), m.start(g)) for role, g in spec if m.group(g) is not None]
        roles = split_segments(segments, default_prefix)
        if not all(_looks_like_agencies(items) for _, items in roles):
            return
        if roles:
            start = m.start(spec[0][1])
            found.append(Found(start, m.end(), rule, roles))
            taken.append((start, m.end()))

    for m in YOU_LEAD.finditer(text, lo, hi):
        add(m, "clause.you_lead", [(Role.lead, "lead"), (Role.support, "sup"), (Role.responsible, "resp")])
    for m in LEAD_PARTICIPATE.finditer(text, lo, hi):
        add(m, "clause.lead_participate", [(Role.lead, "lead"), (Role.support, "sup"), (Role.responsible, "resp")])
    for m in DUTY_DIVISION.finditer(text, lo, hi):
        add(m, "clause.duty_division", [(Role.responsible, "resp")])
    return found


def find_clauses(text: str, lo: int = 0, hi: int | None = None, default_prefix: str | None = "市") -> list[Found]:
    """All responsibility clauses in text[lo:hi], in document order."""
    hi = len(text) if hi is None else hi
    labeled = _labeled(text, lo, hi, default_prefix)
    taken = [(f.start, f.end) for f in labeled]
    free = _free(text, lo, hi, default_prefix, taken)
    return sorted(labeled + free, key=lambda f: f.start)
