"""Owner-as-heading chapters: a 职责分工 chapter whose sub-headings are the bodies themselves.

    四、职责分工
    (一)区建管委
    牵头协调督促本区海绵城市建设工作落实，统筹推进……
    (二)区发改委
    指导在项目立项……

Like a 分工表 turned on its side: the heading is the owner column, the text below it the duties.
Each sub-unit whose whole heading is a list of bodies (the is_agency test the prose rules use)
gets those bodies as `responsible` of the unit's own task; the evidence is the heading line
(marker + names), exactly as written. The chapter must carry one of CHAPTER_WORDS and at least
MIN_OWNER_UNITS such sub-units, so a chapter that merely has one sub-heading naming a body is
left to the prose rules. The duties below an owner heading are that owner's: the prose rules
skip those units (the caller passes their spans on), so that a bare 负责 in the duties does not
name a second, wrong owner (在本单位负责实施…).

Two layouts, read differently:

- the heading stands alone on its line, the duties in paragraphs below ((一)区建管委 / 牵头协调…):
  a 分工表 turned on its side, the heading its owner column, so the body is `responsible` for the
  unit whatever verbs its duties use;
- the body is the first sentence of a running item (1.街道消委办。牵头开展…, （三）区建交委。负责…,
  （二）区发改委：指导…): the body is the unwritten subject of the sentences that follow, so the role
  word opening a sentence gives its role (牵头开展 → lead, 配合开展 → support, 负责… → responsible,
  负责牵头 / 牵头负责 → lead); a 负责 opening a comma clause adds responsible (，负责…的确认); an
  item whose duties open with none of them keeps the body responsible.

In both, a clause the heading body opens with a role verb and a list of bodies names partners:
配合B → B lead, the heading body support; 牵头B、C… → B, C support; 协同B → B a co-doer
(responsible); inside a sentence the heading body leads (负责牵头落实…配合居委), a 配合B names
another supporter of that lead. 协助B names none (the dev rule leaves 协助 objects out).
"""

from __future__ import annotations

import re
import unicodedata

from policykg.extract.clauses.agency_list import own_prefix, split_agency_list
from policykg.extract.clauses.finder import body_list_end, find_clauses
from policykg.extract.structure.spaces import INLINE_SPACE, SPACE
from policykg.extract.structure.tasks import ClauseTasks
from policykg.extract.tables.responsibility import TableTask
from policykg.extract.tables.text_table import LIST_END, bodies_after, names_body
from policykg.schema.models import Evidence, Role, Section, Task
from policykg.schema.vocabulary import vocabulary

# Headings of a chapter that assigns duties body by body: [clauses] owner_chapter_* of vocabulary.toml.
_WORDS = vocabulary().clauses
CHAPTER_WORDS = re.compile("^(?:(?:" + "|".join(map(re.escape, _WORDS.owner_chapter_joined)) + ")[与和])?"
                           "(?:" + "|".join(map(re.escape, _WORDS.owner_chapter_verbs)) + ")?(?:"
                           + "|".join(map(re.escape, sorted(_WORDS.owner_chapter_titles, key=len, reverse=True)))
                           + ")$")
MIN_OWNER_UNITS = 2
# A chapter with no duty title (四、各单位按以下职能分工牵头…：) counts when at least this many
# sub-units stand under it and every one of them is headed by a body.
MIN_UNTITLED_UNITS = 3
_V = vocabulary().verbs
# Support verbs whose partner after them leads (配合B); 协助's object is left out and 协同 names a
# co-doer (_CO_DOER), so neither makes the heading body a supporter.
_CO_DOER = "协同"
_HELP_ONLY = "协助"
_SUPPORT_WORDS = [w for w in _V.support if w not in (_CO_DOER, _HELP_ONLY)]
_SUPPORT = re.compile("(?:" + vocabulary().alternation(_SUPPORT_WORDS) + ")")
_LEAD_WORDS = vocabulary().alternation(_V.lead)
_RESP = "负责"
# The role word that opens a duty clause of the heading body, with an adverb before it (具体负责…,
# 积极配合…) and 负责 joined to a lead or support verb (负责牵头, 牵头负责, 负责配合).
_ADVERBS = ("具体", "积极", "主动")
_OPENER = re.compile("(?:" + "|".join(_ADVERBS) + ")?(?:(?P<lead>(?:" + _RESP + ")?(?:" + _LEAD_WORDS + ")(?:" + _RESP + ")?)"
                     "|(?P<support>(?:" + _RESP + ")?(?:" + vocabulary().alternation(_SUPPORT_WORDS) + "))"
                     "|(?P<co>" + _CO_DOER + ")|(?P<resp>" + _RESP + "))")


_KIND_TAIL = "机构"  # one of [agency] generic_tails
_COLLECTIVE = tuple(vocabulary().agency.collective_heads)


def _kind_of_body(name: str) -> bool:
    """A heading that names a kind of body, not one (2.1 领导机构 / 2.2 办事机构 / 2.5.1 职能部门 of an
    应急预案's 组织体系: the body is named in the text below): 机构 after a descriptor, with no place
    of the heading's own (区建管委 has 区) and no collective head. Only 机构: (四)城管执法部门 and
    (八)各建设单位 are real owner headings of dev plans (sh-songjiang-2026-qingshui, sh-putuo-2025-haimian)."""
    return own_prefix(name) is None and name.endswith(_KIND_TAIL) and not name.startswith(_COLLECTIVE)


def owner_heading_units(text: str, doc_id: str, sections: list[Section], tasks: list[Task],
                        default_prefix: str | None) -> list[TableTask]:
    """One TableTask (the unit's existing task, its heading as the clause) per owner heading."""
    by_parent: dict[str, list[Section]] = {}
    for s in sections:
        if s.parent_id:
            by_parent.setdefault(s.parent_id, []).append(s)
    task_of = {}
    for t in sorted(tasks, key=lambda t: t.start):
        if t.section_id is not None:
            task_of.setdefault(t.section_id, t)  # the unit's own task comes first: it starts at the marker
    out: list[TableTask] = _bracket_owners(text, doc_id, sections, tasks, default_prefix)
    units_of: ClauseTasks | None = None  # makes a unit's task where the structure stage built none
    for chapter in sections:
        heading = re.sub(r"[\s。.：:]", "", chapter.heading or "")
        titled = bool(CHAPTER_WORDS.match(heading))
        subs = by_parent.get(chapter.id, [])
        if not titled and len(subs) < MIN_UNTITLED_UNITS:
            continue
        found = []
        for sub in subs:
            # The body may open the unit's first line, its duties after a colon (（二）区发改委：指导…),
            # or stand alone as its first sentence (（一）区房管局。负责…).
            name = re.split(r"[：:]", (sub.heading or "").strip(), maxsplit=1)[0].strip()
            at = text.find(name, sub.start, sub.end) if name else -1
            if at < 0:
                continue
            items = split_agency_list(name, at, default_prefix)
            if items and all(names_body(it.name) for it in items) and not _kind_of_body(name):
                found.append((sub, name, at, items))
        if titled and len(found) < MIN_OWNER_UNITS:
            out += _owner_paragraphs(text, doc_id, chapter, subs, tasks, sections, default_prefix)
        if len(found) < MIN_OWNER_UNITS or not (titled or len(found) == len(subs)):
            continue
        for sub, name, at, items in found:
            task = task_of.get(sub.id)
            if task is None:
                units_of = units_of or ClauseTasks(doc_id, tasks, sections, text)
                task, _ = units_of.task_for(at)
                if task is None or task.section_id != sub.id:
                    continue
            ev = Evidence(doc_id=doc_id, start=sub.start, end=at + len(name), quote=text[sub.start:at + len(name)],
                          rule="table.owner_heading")
            tt = TableTask(task, sub.start, at + len(name), rule="clause.owner_heading")
            end = at + len(name)
            inline = _runs_on(text, end)
            roles = _duties(text, doc_id, sub, end, _own_end(sub, by_parent), items, tt, default_prefix, inline)
            if not inline or not roles:
                tt.assignments.insert(0, (Role.responsible, items, ev))
            out.append(tt)
    return out


# A heading closed by a bracket (通用考核项目（全部责任单位）): what the bracket holds.
_HEADING_BRACKET = re.compile(r"[（(]([^（）()]{2,60})[）)]$")


def _bracket_owners(text: str, doc_id: str, sections: list[Section], tasks: list[Task],
                    default_prefix: str | None) -> list[TableTask]:
    """A unit heading closed by a bracket that names only bodies (一、通用考核项目（全部责任单位）, （三）…（区发改委、
    区财政局）) assigns the unit to them: responsible, like an unlabelled 分工 column. A bracket of anything
    else (（2021—2023年）, （试行）, （含管网）) names no owner. The clause is the bracket, as written."""
    out = []
    units: ClauseTasks | None = None
    for sec in sections:
        m = _HEADING_BRACKET.search(sec.heading or "")
        if not m or m.group(1) in _LABELS:
            continue
        # A level's note (…目标的县（市区）, lc-2018-daqi-wuran 第十三条: counties, county-level cities and districts):
        # level words alone name no body.
        if re.fullmatch(r"[省市区县州、]+", m.group(1)):
            continue
        at = text.find(m.group(0), sec.start, sec.end)
        if at < 0:
            continue
        items = split_agency_list(m.group(1), at + 1, default_prefix)
        if not items or not all(names_body(it.name) for it in items):
            continue
        units = units or ClauseTasks(doc_id, tasks, sections, text)
        task, _ = units.task_for(at)
        if task is None or task.section_id != sec.id:
            continue
        end = at + len(m.group(0))
        ev = Evidence(doc_id=doc_id, start=at, end=end, quote=text[at:end], rule="table.heading_bracket")
        tt = TableTask(task, at, end, rule="clause.heading_bracket", own_span=(at, end))
        tt.assignments.append((Role.responsible, items, ev))
        out.append(tt)
    return out


# Role labels and field labels before a colon (责任单位：, 完成时限：): never the bodies of a paragraph.
_LABELS = set(vocabulary().role_labels()) | {w for f in vocabulary().fields.model_dump().values() for w in f}
# An unnumbered paragraph of a duty chapter opening with its bodies and a colon (区财政局：负责…).
_OWNER_PARAGRAPH = re.compile(rf"^{SPACE}*([^\s。，,；;：:]{{2,60}})[：:]", re.M)


def _owner_paragraphs(text: str, doc_id: str, chapter: Section, subs: list[Section], tasks: list[Task],
                      sections: list[Section], default_prefix: str | None) -> list[TableTask]:
    """A duty chapter written as unnumbered colon paragraphs (五、职责分工 / 区民防办、应急管理局牵头，… /
    区财政局：负责… / 各镇政府、街道（开发区）办事处、头桥集团：按照…): each paragraph whose head is all
    bodies makes them responsible for the chapter's unit. A body the chapter has already named before
    its first such paragraph (its opening 区民防办、应急管理局牵头，B…等部门…) keeps the role that
    clause gives it (the prose rules read that opening): its paragraph details those duties and names
    no second role. At least
    MIN_OWNER_UNITS such paragraphs, outside the chapter's numbered sub-units."""
    lo = chapter.start
    hi = min([s.start for s in subs] + [chapter.end])
    heads = []
    for m in _OWNER_PARAGRAPH.finditer(text, lo, hi):
        if m.group(1) in _LABELS:
            continue  # 责任单位：A、B is a labelled list (the prose rules'), not a body named 责任单位
        items = split_agency_list(m.group(1), m.start(1), default_prefix)
        if items and all(names_body(it.name) for it in items):
            heads.append((m, items))
    if len(heads) < MIN_OWNER_UNITS:
        return []
    # The bodies the chapter's opening clauses already give a role (read by the prose rules).
    given = {_norm(it.name) for f in find_clauses(text, lo, heads[0][0].start(), default_prefix)
             for _, items in f.roles for it in items}
    units = ClauseTasks(doc_id, tasks, sections, text)
    out = []
    for n, (m, items) in enumerate(heads):
        new = [it for it in items if _norm(it.name) not in given]
        if not new:
            continue
        task, _ = units.task_for(m.start(1))
        if task is None:
            continue
        ev = Evidence(doc_id=doc_id, start=m.start(1), end=m.end(), quote=text[m.start(1):m.end()],
                      rule="table.owner_paragraph")
        end = heads[n + 1][0].start() if n + 1 < len(heads) else text.find("\n", m.end(), hi)
        tt = TableTask(task, m.start(1), m.end(), rule="clause.owner_paragraph",
                       own_span=(m.start(1), end if end > 0 else hi))
        tt.assignments.append((Role.responsible, new, ev))
        out.append(tt)
    return out


def _norm(name: str) -> str:
    """A name compared across half- and full-width brackets (经委(商务委) / 区经委（商务委）)."""
    return unicodedata.normalize("NFKC", name)


def _runs_on(text: str, end: int) -> bool:
    """Whether the heading body is the first sentence of a running item (1.街道消委办。牵头开展…,
    （二）区发改委：指导…) rather than a heading standing alone on its line."""
    m = re.match(rf"{SPACE}*[。．：:]{SPACE}*(\S)", text[end:end + 8])
    return bool(m) and m.group(1) != "\n"


def _duties(text: str, doc_id: str, sub: Section, lo: int, hi: int, heading_items: list, tt: TableTask,
            default_prefix: str | None, inline: bool) -> set[Role]:
    """Read the clauses of the unit's own text [lo, hi) whose unwritten subject is the heading body
    (see the module docstring); adds partner assignments to `tt` and returns the heading body's
    roles from sentence-opening role words (inline items only; empty when none is written)."""
    roles: set[Role] = set()
    lead_ev = None

    def evidence(end: int, rule: str) -> Evidence:
        tt.clause_end = max(tt.clause_end, end)
        return Evidence(doc_id=doc_id, start=sub.start, end=end, quote=text[sub.start:end], rule=rule)

    # Clause starts: the unit's text, every sentence (。；) and every comma clause; a line break too
    # (a duty paragraph below a heading standing alone).
    starts = [(lo, True)] + [(lo + m.end(), m.group() not in "，,") for m in re.finditer(r"[。；;，,\n]", text[lo:hi])]
    seen: set[int] = set()
    for p, sentence in starts:
        while p < hi and text[p] in INLINE_SPACE + "\n。．：:":
            p += 1
        if p in seen:
            continue
        seen.add(p)
        m = _OPENER.match(text, p, hi)
        if not m:
            continue
        after = m.end()
        listed = _bodies_after(text, after, hi, default_prefix)
        if m.group("co"):
            if listed:  # 协同B推动…: B works alongside, a co-doer
                tt.assignments.append((Role.responsible, listed[0], evidence(listed[1], "table.owner_heading_partner")))
            continue
        if m.group("support"):
            if listed:  # 负责配合B…: B leads, the heading body supports it
                ev = evidence(listed[1], "table.owner_heading_partner")
                tt.assignments.append((Role.support, heading_items, ev))
                tt.assignments.append((Role.lead, listed[0], ev))
            elif inline and sentence:
                roles.add(Role.support)
                tt.assignments.append((Role.support, heading_items, evidence(after, "table.owner_heading")))
            continue
        if m.group("lead"):
            if listed:  # 牵头B、C…开展: B, C support the work the heading body organises
                tt.assignments.append((Role.support, listed[0], evidence(listed[1], "table.owner_heading_partner")))
            if inline and sentence:
                if Role.lead not in roles:
                    roles.add(Role.lead)
                    lead_ev = evidence(after, "table.owner_heading")
                    tt.assignments.append((Role.lead, heading_items, lead_ev))
                # Beside that lead, a body the sentence says cooperates (落实小区物业配合居委…) supports it.
                stop = re.search(r"[。；;]", text[after:hi])
                s_end = after + stop.start() if stop else hi
                for sm in _SUPPORT.finditer(text, after, s_end):
                    more = _bodies_after(text, sm.end(), s_end, default_prefix)
                    if more:
                        tt.assignments.append((Role.support, more[0], evidence(more[1], "table.owner_heading_partner")))
            continue
        if m.group("resp") and inline and Role.responsible not in roles:
            roles.add(Role.responsible)
            tt.assignments.append((Role.responsible, heading_items, evidence(after, "table.owner_heading")))
    return roles


def _bodies_after(text: str, pos: int, hi: int, default_prefix: str | None):
    """bodies_after, or, when a stop word stands inside a name (配合住房和城乡建设部城市体检专家指导委员会日常工作,
    mohurd-2020-chengshi-tijian: 建设 is a list stop, so the list ended at 住房和城乡), the longest list
    of bodies there as the clause rules read it, which must end where a list ends (a LIST_END stop)."""
    found = bodies_after(text, pos, hi, default_prefix)
    if found is not None:
        return found
    # A list opening with a stop word is the work, not a body (牵头协调督促本区海绵城市建设…: 协调…海绵城市
    # would end like a body, sh-putuo-2025-haimian).
    end = body_list_end(text, pos, hi) if not LIST_END.match(text, pos) else None
    if end is None or end < hi and not LIST_END.match(text, end):
        return None
    # No place restored: a name with a stop word inside is no bare department of the document's place
    # (市 before 住房和城乡建设部… made a city's ministry).
    items = split_agency_list(text[pos:end], pos, None)
    if not items or not all(names_body(it.name) for it in items) or items[-1].end != end:
        return None
    return items, end


def _own_end(sub: Section, by_parent: dict[str, list[Section]]) -> int:
    """Where the unit's own text ends: at its first sub-unit, which may name its own owner."""
    kids = by_parent.get(sub.id, [])
    return min([k.start for k in kids] + [sub.end])


def unit_spans(units: list[TableTask], sections: list[Section]) -> list[tuple[int, int]]:
    """The spans of the owner units (heading and duties), for the prose rules to skip. A sub-unit
    that opens with a body of its own (（五）各街道办事处 … 1.提篮桥街道办事处负责…) names its own owner:
    the prose rules read it."""
    spans = []
    for tt in units:
        if tt.own_span is not None:
            spans.append(tt.own_span)
            continue
        sec = next((s for s in sections if s.id == tt.task.section_id), None)
        end = sec.end if sec else tt.clause_end
        kids = sorted((s for s in sections if sec is not None and s.parent_id == sec.id), key=lambda s: s.start)
        pos = tt.clause_start
        for k in kids:
            if _opens_with_body(k.heading or ""):
                spans.append((pos, k.start))
                pos = k.end
        spans.append((pos, end))
    return [(a, b) for a, b in spans if a < b]


def _opens_with_body(heading: str) -> bool:
    """Whether a heading opens with a list of bodies and an owner verb (提篮桥街道办事处负责…)."""
    verbs = vocabulary().verbs.responsible + vocabulary().verbs.lead
    m = re.match(r"(.{2,30}?)(?:" + vocabulary().alternation(verbs) + ")", heading)
    items = split_agency_list(m.group(1), 0) if m else []
    return bool(items) and all(names_body(it.name) for it in items)
