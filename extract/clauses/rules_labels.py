"""Clause rules of the family "role label before a list": a role label names the
bodies' role (牵头单位：A；配合单位：B, A为…主管单位, 成员单位…牵头).
"""

from __future__ import annotations

import re

from policykg.extract.structure.spaces import INLINE_SPACE, SPACE
from policykg.extract.structure.headings import MARKER_FORMS
from policykg.schema.models import Role
from policykg.extract.clauses.patterns import LABEL, LABELS, _V
from policykg.extract.clauses.registry import Context, Found, clause_rule
from policykg.extract.clauses.boundaries import _clause_start, list_end
from policykg.extract.clauses.bodies import (
    _items,
    _list_after,
    _marked_leads,
    _subject,
    beside_lead,
    split_segments,
)


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
