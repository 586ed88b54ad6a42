"""Conventions a document declares once for all its later clauses.

`（发展改革委、财政部负责。列第一位者为牵头单位，下同）` says, once, that in every list that
follows the first body leads and the others support. Documents phrase it in several ways
(排在第一位的为牵头单位, 第一个单位为牵头单位, 排名第一的部门为牵头部门 …); each phrasing is a
pattern of one convention kind in `PATTERNS`. `apply_conventions` rewrites the roles of the
clauses a convention covers (those ending after it starts: the declaring clause itself and all
later ones) and records the convention's evidence on each rewritten assignment.

Without a declaration nothing is rewritten: a bare `A、B负责` stays two responsible bodies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from policykg.extract.clauses.finder import Found
from policykg.extract.structure.spaces import INLINE_SPACE, SPACE
from policykg.extract.structure.spans import SpanIndex
from policykg.schema.models import Convention, Evidence, Role

FIRST_LISTED_LEADS = "first_listed_leads"
IMPLIED_BODIES = "implied_bodies"

_UNIT = r"(?:单位|部门|机构|者)?"
# (kind, pattern): every way the dev documents and common drafting practice state the rule.
PATTERNS: list[tuple[str, re.Pattern]] = [
    (FIRST_LISTED_LEADS, re.compile(
        rf"(?:(?:列|排|排列|排序|排名|列在|排在)(?:在)?(?:第一|首|第1)(?:位|个|名)?|(?:第一|首|第1)(?:位|个|名))"
        rf"的?{_UNIT}(?:为|是)牵头{_UNIT}"
        r"(?:[，,]?\s*(?:下同|以下同|后同))?")),
    (FIRST_LISTED_LEADS, re.compile(
        rf"(?:第一|首)(?:个|家|位)?(?:单位|部门)(?:为|是)牵头{_UNIT}(?:[，,]?\s*(?:下同|以下同|后同))?")),
    (FIRST_LISTED_LEADS, re.compile(
        rf"(?:单位|部门)(?:中)?(?:列|排)(?:在)?(?:第一|首)位的?{_UNIT}(?:负责)?牵头(?:[，,]?\s*(?:下同|以下同|后同))?")),
]


# 各省级人民政府负责落实，不再列出 / 地方各级人民政府均负有落实责任，以下不再一一列出: bodies every
# task has without the text naming them again.
# Within one line: blanks or bodies running across line breaks found nothing more and made a run
# of blank lines quadratic (every start re-scanned all of them).
IMPLIED = re.compile(
    rf"(?P<bodies>[^。；;，,（(\n]{{2,40}}?)(?:均|都)?(?:负责|负有)?(?:落实|实施|组织实施)?(?:责任)?[，,]?{SPACE}*"
    r"(?:以下|下文|后文)?(?:均)?不再(?:一一|单独)?列出"
)


def implied_bodies(text: str, conv: Convention) -> str:
    """The list of bodies an implied-bodies convention names, as written."""
    m = IMPLIED.match(conv.evidence.quote)
    return m.group("bodies") if m else ""


def find_conventions(text: str, doc_id: str, lo: int = 0, hi: int | None = None) -> list[Convention]:
    hi = len(text) if hi is None else hi
    out: list[Convention] = []
    seen: SpanIndex[Evidence] = SpanIndex()  # indexed: a list scan per match was quadratic (issue 8)
    # The implied-bodies pattern goes last: a span a first-listed-leads phrasing took is not
    # read again as bodies.
    for kind, rx in [*PATTERNS, (IMPLIED_BODIES, IMPLIED)]:
        for m in rx.finditer(text, lo, hi):
            if any(m.start() < e.end and e.start < m.end() for e in seen.overlapping(m.start(), m.end())):
                continue
            evidence = Evidence(doc_id=doc_id, start=m.start(), end=m.end(), quote=text[m.start():m.end()],
                                rule=f"convention.{kind}")
            seen.add(evidence)
            out.append(Convention(kind=kind, evidence=evidence))
    return sorted(out, key=lambda c: c.evidence.start)


@dataclass(frozen=True)
class Applied:
    """A clause as found, with the convention (if any) that decided its roles."""

    found: Found
    convention: Convention | None = None


def apply_conventions(found: list[Found], conventions: list[Convention], text: str = "") -> list[Applied]:
    """Rewrite the roles of the clauses a `first_listed_leads` convention covers: a clause that
    states only responsible bodies (no lead of its own) gets its first body as lead and the
    others as supporters. A clause covered is one that ends after the convention starts, so the
    clause that declares it (its own list comes first) is covered too; `text` lets the
    declaring clause be recognised when its span stops at the 。 before the convention."""
    firsts = [c for c in conventions if c.kind == FIRST_LISTED_LEADS]
    out: list[Applied] = []
    prev: Found | None = None
    for f in found:
        # （A牵头，B负责）: the second clause of a bracket whose first already names a lead keeps
        # its own role.
        after_lead = prev is not None and f.start - prev.end <= 2 and any(r is Role.lead for r, _ in prev.roles)
        prev = f
        if after_lead:
            out.append(Applied(f))
            continue
        # Covered: clauses ending after the convention starts, and the clause that declares it in
        # its own bracket (（A、B负责。列第一位者为牵头单位，下同）: only punctuation between them).
        conv = next((c for c in reversed(firsts) if c.evidence.start < f.end
                     or (text and not text[f.end:c.evidence.start].strip("。；;，," + INLINE_SPACE))), None)
        if conv is None or [r for r, _ in f.roles] != [Role.responsible] \
                or text and _in_bracket(text, conv.evidence.start) and not _in_bracket(text, f.start):
            # Declared inside an owner bracket (（A、B按职责分工负责，列第一的为牵头单位，下同）, jx-2020-liutong-xiaofei),
            # it reads the order of the lists written so; a prose owner (由A确定…，负责…) keeps its own role.
            out.append(Applied(f))
            continue
        items = f.roles[0][1]
        roles = [(Role.lead, items[:1])] + ([(Role.support, items[1:])] if len(items) > 1 else [])
        out.append(Applied(replace(f, roles=roles), conv))
    return out


def _in_bracket(text: str, pos: int) -> bool:
    """Whether `pos` lies inside a bracket opened on its own line (（…）)."""
    line = text.rfind("\n", 0, pos) + 1
    return text.rfind("（", line, pos + 1) > text.rfind("）", line, pos) or \
        text.rfind("(", line, pos + 1) > text.rfind(")", line, pos)
