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
from dataclasses import replace

from policykg.extract.clauses.agency_list import ListItem
from policykg.extract.clauses.defined_names import mask
from policykg.extract.structure.wraps import joined, wrap_breaks
from policykg.extract.clauses.patterns import LABEL, LABELS
from policykg.extract.clauses.registry import RULES, ClauseRule, Context, Found, clause_rule
from policykg.extract.clauses.boundaries import list_end
from policykg.extract.clauses.bodies import beside_lead, body_list_end, split_segments
from policykg.extract.clauses.rules_lead import LEAD_PARTICIPATE, YOU_LEAD
from policykg.extract.clauses.rules_verb import DUTY_DIVISION
# Importing a rule module registers its rules.
from policykg.extract.clauses import rules_labels, rules_lead, rules_verb, rules_prose  # noqa: F401

# Re-exported for the modules and tests that import them from the finder.
__all__ = [
    "CREATED",
    "DUTY_DIVISION",
    "LABEL",
    "LABELS",
    "LEAD_PARTICIPATE",
    "RULES",
    "YOU_LEAD",
    "ClauseRule",
    "Context",
    "Found",
    "beside_lead",
    "body_list_end",
    "clause_rule",
    "created_bodies",
    "find_clauses",
    "list_end",
    "registry",
    "split_segments",
]


def registry() -> list[ClauseRule]:
    """The rules in the order they run."""
    return sorted(RULES, key=lambda r: (r.priority, r.id))


# A body the document itself sets up (设立X领导小组, 成立…指挥部) is being created, not assigned
# work: clauses naming it or its office (领导小组办公室) are about the new body's set-up.
CREATED = re.compile(
    r"(?:设立|成立|组建)(?:相应的)?(?P<name>[^，,。；;、（）()]{2,30}?(?:领导小组|工作小组|小组|指挥部|联席会议|委员会))"
)


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
