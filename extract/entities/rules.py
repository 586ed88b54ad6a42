"""Pattern rules: entity names no gazetteer lists.

Each rule works on the compact view of the text (extract/entities/textview.py) and sees the gazetteer hits
already made, which serve as boundaries (a name does not run into an earlier entity) and as heads
(华为 + 2012实验室). Every rule returns `Hit`s with its own rule id:

  pattern.company.suffix          …公司 / …集团 with a real name part (TCL集团, 深圳报业集团)
  pattern.company.bank            …银行 (微众银行), not 商业银行 / 网络银行
  pattern.company.broadcaster     place + 电视台 (深圳电视台, 蛇口电视台)
  pattern.company.credit_code     the name before a market entity's credit code (…喷绘部 / 92440803…)
  pattern.company.web_platform    …网 sites in a sentence about platforms (深圳新闻网, 拍拍网)
  pattern.company.enumeration     the other items of a list that names a known company and ends
                                  '等…企业' (依托腾讯、A8音乐、迅雷、融创天下等企业)
  pattern.company.latin_brand     Latin-with-digit brand + Chinese in a list (A8音乐、…)
  pattern.institution.university  …大学 / …学院 / …研究生院 (浙江大学, 中山大学)
  pattern.institution.research    …研究院 / …研究所 / …实验室 (之江实验室)
  pattern.institution.centre      …中心 with a named head (国家超级计算深圳中心); a facility
                                  (数据中心, 服务中心, 运营中心 …) only right after a known company
                                  or institution (深圳电信龙岗数据运营中心)
  pattern.institution.alliance    …联盟 named by its region (深圳云计算产业联盟)
  pattern.institution.hospital_campus  …医院 + place + 院区 (新华医院奉贤院区)
  pattern.institution.key_lab     a field + 国家/全国重点实验室, 和 inside the field (高效能服务器和存储技术…)
  pattern.institution.standards   a standards committee (全国…标准化技术委员会, 住房和城乡建设部…标准化
                                  技术委员会), named by a national head or a ministry
  pattern.company.branch          a known bank's branch (中信银行丽水分行)
  pattern.company.operators       the operators written bare in a list of their own (移动、电信和联通三家)
  pattern.company.invested_list   a list of investments named by their investors, one a known firm
                                  (投资达11亿元的虹发铝型材、…的阿里巴巴农村淘宝等)
  pattern.institution.counted_list  the hospitals and clinics a count names in brackets
                                  (民营医疗机构14个（红十字会医院、…）)
  pattern.institution.university_short  a place + 交大/科大/师大 … (西南交大, 中国科大)
  pattern.institution.library     place + district + 图书馆 (上海市长宁区图书馆)
  pattern.place_alias             a pattern name written again without its leading place, merged
                                  into the full name (崇明区…合作社 = 上海崇明区…合作社)
  pattern.second_name             a body's second name in brackets right after it, merged into it
                                  (山东第一医科大学（山东省医学科学院）)
  pattern.technology.paren_acronym  中文术语（ACR） or ACR（中文术语）, the term ending like a technology;
                                  a gloss of a known technology (量子通信技术（QKD）) joins that entry
  pattern.technology.acronym      a Latin acronym followed by 技术/网络/协议/芯片 … (LoRa网络)
  pattern.technology.generation   2G … 9G, and written out (第六代通信 -> 6G)
  pattern.technology.modified     a known technology with a narrowing modifier (类脑 + 人工智能)
  pattern.technology.list_sibling a narrowing word + 智能/信息 listed beside a known
                                  technology (脑机接口、类脑智能、量子信息)
  gazetteer.namelist.context      a context-only list name (a stock short name the name-list filter
                                  drops: 五粮液, 金山办公) where a typed list, a known firm's list
                                  sibling or a partner cue types the item as a firm
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.extract.entities import lexicon as lx
from policykg.extract.entities.textview import is_cjk
from policykg.schema.entities import EntityKind

ORG = (EntityKind.company, EntityKind.institution)
# The evidence rule of a hit from the authoritative name lists (gazetteer.namelist_entries).
NAMELIST_RULE = "gazetteer.namelist"
# ... and of a context-only list name (gazetteer.context_names: 中国石化, 五粮液, 机器人), which a
# list rule takes only where it types the item as a firm (Scene.context_hit).
NAMELIST_CONTEXT_RULE = "gazetteer.namelist.context"


@dataclass
class Hit:
    """A candidate entity on the compact view."""

    start: int
    end: int
    label: EntityKind
    name: str  # canonical name
    rule: str
    category: str | None = None
    in_gazetteer: bool = False


class Scene:
    """The compact text plus what is already claimed, shared by the rules of one call."""

    def __init__(self, compact: str, hits: list[Hit], generic_extra: frozenset[str], in_body=None,
                 context_names=None, breaks: frozenset[int] = frozenset(), agencies=()):
        self.c = compact
        # end -> start of the longest government body name ending there (finder.agency_spans):
        # a ministry heads the names of the institutes it runs (rules._ministry_head).
        self.agency_ends: dict[int, int] = {}
        for a, b in agencies:
            if b not in self.agency_ends or a < self.agency_ends[b]:
                self.agency_ends[b] = a
        # Positions where a table cell ends before c[i] (finder.cell_breaks): a name's window
        # never walks back across one.
        self.breaks = breaks
        # compact name -> entry (.label, .name, .category): the context-only list names.
        self.context_names = context_names or {}
        # in_body(hit) -> bool: whether a hit lies inside a government body's name (finder's
        # agency spans); such a hit is never claimed, so it anchors no list (人民银行、审计署).
        self.in_body = in_body or (lambda hit: False)
        self.hits = list(hits)
        self.generic = lx.GENERIC_WORDS | generic_extra
        self.not_names = self.generic | lx.PLACES
        self._refresh()

    def _refresh(self) -> None:
        self.covered = [False] * (len(self.c) + 1)
        self.ends: dict[int, list[Hit]] = {}
        for h in self.hits:
            for i in range(h.start, h.end):
                self.covered[i] = True
            self.ends.setdefault(h.end, []).append(h)

    def add(self, hits: list[Hit]) -> None:
        for h in hits:
            self.hits.append(h)
            for i in range(h.start, h.end):
                self.covered[i] = True
            self.ends.setdefault(h.end, []).append(h)

    def claim(self, out: list[Hit], hit: Hit) -> None:
        """Record a rule's hit at once, so the rest of its scan sees it as a boundary
        (浙江大学 stops the window of …和之江实验室)."""
        if self.in_body(hit):
            return
        for h in self.hits:
            overlaps = h.start < hit.end and hit.start < h.end
            if overlaps and not (hit.start <= h.start and h.end <= hit.end):
                return  # crosses a claimed name; a name may only contain one whole (its head)
        out.append(hit)
        self.add([hit])

    def context_hit(self, out: list[Hit], s: int, e: int) -> bool:
        """Claim c[s:e] when it is a context-only list name; the caller has read the context as
        a firm's (a typed list's item, a known firm's list sibling, a partner). Such a name is
        one word of prose (机器人, 太阳能) or made of policy words (中国石化, 智慧农业), so it
        cannot pass a name-likeness test; the list says it names a listed firm."""
        entry = self.context_names.get(self.c[s:e])
        if entry is None or entry.label is not EntityKind.company or not self.is_free(s, e):
            return False
        self.claim(out, Hit(s, e, entry.label, entry.name, NAMELIST_CONTEXT_RULE, entry.category, in_gazetteer=True))
        return True

    def is_free(self, start: int, end: int) -> bool:
        return not any(self.covered[start:end])

    def org_ending_at(self, i: int) -> Hit | None:
        orgs = [h for h in self.ends.get(i, []) if h.label in ORG]
        return max(orgs, key=lambda h: h.end - h.start) if orgs else None

    def tech_ending_at(self, i: int) -> Hit | None:
        techs = [h for h in self.ends.get(i, []) if h.label is EntityKind.technology]
        return max(techs, key=lambda h: h.end - h.start) if techs else None

    def tech_spanning(self, start: int, end: int) -> Hit | None:
        """The technology hit that covers exactly [start, end), if any."""
        return next((h for h in self.ends.get(end, []) if h.label is EntityKind.technology and h.start == start), None)

    def is_name_char(self, i: int) -> bool:
        ch = self.c[i]
        if is_cjk(ch) or (ch.isascii() and ch.isalnum()):
            return True
        # A middle dot between Chinese characters joins a merged firm's parts (大连重工•起重集团公司),
        # and a name's word and its number (银河·596 + 军民融合技术创新促进中心: a name never starts at
        # the number); between digits it is a date (12·21), which is no name.
        if ch in lx.NAME_DOTS:
            return 0 < i < len(self.c) - 1 and is_cjk(self.c[i - 1]) and (is_cjk(self.c[i + 1]) or self.c[i + 1].isdigit())
        # A hyphen only inside a Latin name (TD-LTE), never as the dash between Chinese parts.
        return ch == "-" and 0 < i < len(self.c) - 1 and self.c[i - 1].isascii() and self.c[i - 1].isalnum() \
            and self.c[i + 1].isascii() and self.c[i + 1].isalnum()

    def window(self, pos: int, max_len: int) -> tuple[int, Hit | None]:
        """Walk back from `pos` over name characters; stop at punctuation, at the end of an
        earlier entity, or after `max_len` characters. Returns the start and the company or
        institution that ends exactly there, if any (a possible head)."""
        i = pos
        while i > 0 and pos - i < max_len:
            if i in self.ends or i in self.breaks:  # an earlier entity or a table cell ends here
                break
            if not self.is_name_char(i - 1) or self.covered[i - 1]:
                break
            i -= 1
        # www.lgc.co.uk + 英国政府化学家实验室: a web address's last label (the view joins it to the
        # next line's name) is no part of the name.
        if 0 < i < pos and self.c[i - 1] in "./" and self.c[i].isascii():
            while i < pos and self.c[i].isascii() and self.c[i].isalnum():
                i += 1
        # Across a table cell's end nothing heads the name (浙江…有限公司 / 莲都区浙江…有限公司).
        return i, (None if i in self.breaks else self.org_ending_at(i))

    def bounded(self, i: int) -> bool:
        """Whether a name may start at c[i] because of what stands before it: the text's start, a
        table cell's, a mark, or an earlier entity (a window of exactly its length that stopped
        there did not run out: 国网浙江丽水市莲都区供电 + 有限公司 alone in a cell)."""
        return i == 0 or i in self.breaks or i in self.ends or not self.is_name_char(i - 1) or self.covered[i - 1]

    def residue(self, body: str, generic: frozenset[str] | None = None) -> int:
        """How many characters of `body` are left once generic words, place names and
        quantities are taken out: the part that actually names something. For universities
        (`generic` = UNIVERSITY_GENERIC) place names count as names: 浙江大学."""
        words = generic if generic is not None else self.not_names
        n, i, left = len(body), 0, 0
        while i < n:
            q = lx.QUANTITY.match(body, i)
            if q:  # 10家, 一批, 三大: a count, not a name (三一 and 万科 are names: no measure word)
                i = q.end()
                continue
            for k in range(min(8, n - i), 0, -1):
                if body[i:i + k] in words:
                    i += k
                    break
            else:
                if not (body[i].isdigit() or body[i] in lx.LIST_JOINERS):
                    left += 1
                i += 1
        return left

    def sentence_of(self, pos: int) -> str:
        # In the compact view a paragraph break is a kept space.
        a = max(self.c.rfind(p, 0, pos) for p in "。；！？ ")
        ends = [e for e in (self.c.find(p, pos) for p in "。；！？ ") if e >= 0]
        return self.c[a + 1:(min(ends) if ends else len(self.c))]


_LEAD_LONGEST_FIRST = sorted(lx.LEAD_WORDS, key=len, reverse=True)


def trim_front(body: str, cut_words: frozenset[str] = lx.CUT_WORDS) -> int:
    """Offset in `body` where the name starts: after the last verb (of `cut_words`), then past
    function words and quantities."""
    start = 0
    for w in cut_words:
        k = body.rfind(w)
        if k >= 0:
            start = max(start, k + len(w))
    if start and body.startswith(lx.VERB_COMPLEMENTS, start):
        start += 1  # 提交至 + 北京离子探针中心, 推荐至 + 市…中心: the verb's complement, no name part
    for w in lx.CUT_CHARS:
        # 山东高等技术研究院: the 等 of 高等 is a name part, not the list's 等 (lexicon.CUT_CHAR_WORDS).
        k = body.rfind(w)
        while k >= 0 and any(x.index(w) <= k and body.startswith(x, k - x.index(w))
                             for x in lx.CUT_CHAR_WORDS if w in x):
            k = body.rfind(w, 0, k)
        if k >= 0:
            start = max(start, k + len(w))
    # '…工程实验室和工程中心': a kind noun followed by a conjunction means a list of kinds, and the
    # name (if any) starts after it.
    for m in _KIND_THEN_CONJ.finditer(body):
        start = max(start, m.end())
    for m in lx.KIND_THEN_LIST.finditer(body):
        start = max(start, m.end())
    for m in lx.ENTERPRISE_TITLE.finditer(body):
        if m.end() < len(body):
            start = max(start, m.end())  # 国家高新科技企业 + 中溢集团: a title, then the name
    # '…有限公司 松山湖 2 东莞市宜安科技…': a table's next row number, then a place that opens the
    # next registered name (the compact view joins a table's cells and lines).
    for d in _ROW_NUMBER.finditer(body, start):
        if _place_len(body[d.end():]):
            start = max(start, d.end())
    lead = _LEAD_LONGEST_FIRST
    changed = True
    while changed and start < len(body):
        changed = False
        if body.startswith(lx.FORMER, start) and _place_len(body[start + len(lx.FORMER):]):
            start += len(lx.FORMER)  # （原东莞生益电子有限公司）: the former name, without 原
            changed = True
            continue
        d = _ROW_NUMBER.match(body, start)
        if d and _place_len(body[d.end():]):
            # '1东莞市华科电子有限公司': a table's row number run into the name (the compact view
            # joins a table's lines); a place follows it, so it is no part of the name (58同城 is).
            start = d.end()
            changed = True
            continue
        m = lx.LEAD_QUANTITY.match(body, start) or lx.ARTICLE_NUMBER.match(body, start)
        if m:
            start = m.end()
            changed = True
            continue
        for w in lead:
            if body.startswith(w, start):
                start += len(w)
                changed = True
                break
    return start


_ROW_NUMBER = re.compile(r"[0-9]+")
_KIND_THEN_CONJ = re.compile(
    "(?:" + "|".join(map(re.escape, lx.INSTITUTION_SUFFIXES + lx.COMPANY_SUFFIXES + lx.AGENCY_SUFFIXES
                         + lx.KIND_NOUNS))
    + ")(?:以及|和|与|及|或|、|会同|联合)"
)
_CONJ = re.compile("以及|和|与|及")


def _place_len(body: str) -> int:
    """Length of the longest place name at the start of `body`: a listed place, or a county
    (柳河县, 长白朝鲜族自治县), which no list can hold all of."""
    county = lx.COUNTY.match(body)
    return max((len(p) for p in lx.PLACES if body.startswith(p)), default=county.end() if county else 0)


def _vetoed_next(c: str, end: int, suffix: str) -> bool:
    for key, nexts in lx.SUFFIX_VETO_NEXT.items():
        if suffix.endswith(key) and any(c.startswith(n, end) for n in nexts):
            return True
    return False


def _free_suffixes(scene: Scene, suffixes: tuple[str, ...]):
    """(pos, end, suffix) of each suffix in the text that no earlier hit holds and whose next
    characters do not veto it. Lazy on purpose: a hit the caller claims for one suffix makes
    the later ones it covers no longer free."""
    c = scene.c
    for m in re.finditer("|".join(map(re.escape, suffixes)), c):
        pos, end, suffix = m.start(), m.end(), m.group()
        if scene.is_free(pos, end) and not _vetoed_next(c, end, suffix):
            yield pos, end, suffix


def placeholder_name(c: str, start: int, pos: int, firm: bool = True) -> bool:
    """Whether the name part c[start:pos] before a suffix is a stand-in, not a name: a lone
    capital letter (A公司, B公司 in a worked example), or 某 / XX in it (某公司, XX医院).

    Example: 李先生曾在A公司参保，现某公司已减员 (A公司, 某公司: True; TCL集团: False)
    """
    while c.endswith(lx.SAME_FIRM_SUFFIXES, start, pos):
        pos -= next(len(w) for w in lx.SAME_FIRM_SUFFIXES if c.endswith(w, start, pos))  # A公司公司: a typo
    if firm and pos >= 1 and c[pos - 1] in lx.PLACEHOLDER_LETTERS and \
            not (pos >= 2 and c[pos - 2].isascii() and c[pos - 2].isalnum()):
        return True  # only before a firm's suffix: “南A中心” is a centre's name
    return any(w in c[start:pos] for w in lx.PLACEHOLDER_WORDS)


def _named(scene: Scene, pos: int, end: int, suffix: str, max_len: int) -> tuple[int, str, bool] | None:
    """Common front half of the suffix rules: (start, body, has_head) or None."""
    w0, head = scene.window(pos, max_len)
    verb = next((v for v in lx.SUFFIX_NAME_VERBS.get(suffix, ()) if scene.c.endswith(v, w0, pos)), None)
    if verb is not None:
        # 生产力 + 促进 + 中心: the verb is the name's own last word; the name starts after any other cut.
        k = trim_front(scene.c[w0:pos - len(verb)])
        if w0 + k >= pos - len(verb):
            return None  # 省民营经济发展 + 促进中心: nothing but the verb is left to name it
    else:
        k = trim_front(scene.c[w0:pos])
    if placeholder_name(scene.c, w0 + k, pos, suffix in lx.COMPANY_SUFFIXES):
        return None  # A公司, 某公司: a stand-in in a worked example names no firm
    if pos - w0 >= max_len and k == 0 and not ((suffix in lx.REGISTERED_SUFFIXES or w0 in scene.breaks)
                                              and scene.bounded(w0)):
        # The window ran out before any boundary: where the name starts is unknown. A legal
        # name (…有限公司) that fills the window up to a boundary is whole; an informal one that
        # long is more likely a clause run into it (…线上管理 + 市电力公司), but not when a line
        # of its own holds it (承办单位 / 国家科技资源共享服务工程技术研究中心: a cell's start).
        return None
    if head is None and k == 0 and w0 < pos:
        bracketed = _head_before_place(scene, w0)
        if bracketed is not None:
            # 华为（济南）+ 软件开发云创新中心: a known body, its city in brackets, then the rest.
            return bracketed.start, scene.c[bracketed.start:pos], True
    start = w0 + k
    body = scene.c[start:pos]
    opened = _opened_place(body)
    if opened:
        # 可在 + 广东省高新技术企业协会: clause words ending in a function character before a
        # place; the name starts at the place.
        start, body = start + opened, body[opened:]
    if body and body[-1] in lx.FUNCTION_END and not _name_ending_char(scene, body, pos) and \
            not body.endswith(lx.CUT_CHAR_WORDS):  # 中科院上海高等 + 研究院: 等 of 高等 is a name part
        return None
    if head is not None and (k == 0 or trim_front(scene.c[w0:pos], lx.CUT_WORDS - lx.NAME_VERBS) == 0):
        # 华为 + 2012实验室: the known company or institution right before is the name's head;
        # a name verb after it is the name's word (中科院 + 山东产业技术协同创新中心).
        return head.start, scene.c[head.start:pos], True
    # '阿里云和之江实验室': when what precedes a conjunction is itself a name (it has a residue)
    # and does not open with a place, it is a separate list item. '移动网络和移动多媒体技术…'
    # (all generic) and '深圳市海岸与大气研究…' (opens with a place) stay whole.
    for m in _CONJ.finditer(body):
        if m.end() == len(body):
            continue  # 北京协和 + 医院: a name's last character (_name_ending_char), no list
        pre = body[:m.start()]
        # '本地企业与厦门大学': a kind noun before the conjunction ends a list of kinds, too.
        if (scene.residue(pre) >= 2 and not _place_len(pre)) or pre.endswith(lx.KIND_NOUNS):
            start, body = start + m.end(), body[m.end():]
            break
    return start, body, False


def _head_before_place(scene: Scene, w0: int) -> Hit | None:
    """The known company or institution right before a bracketed place that ends at `w0`:
    华为(济南) before 软件开发云创新中心. None when there is no such bracket or no body before it."""
    c = scene.c
    if w0 < 3 or c[w0 - 1] != ")":
        return None
    k = c.rfind("(", max(0, w0 - 8), w0 - 1)
    if k <= 0 or c[k + 1:w0 - 1] not in lx.PLACES:
        return None
    return scene.org_ending_at(k)


def _opened_place(body: str) -> int:
    """Offset of a place in `body` that a function character stands right before, when `body`
    does not open with a place itself: 统一送到东莞市科技创新企业协会 -> 4 (东莞市…), else 0.
    The place must leave a name part of two characters after it, and a list joiner before a
    place (…和东莞市…) is left to the list rules."""
    if not body or _place_len(body):
        return 0
    for k in range(1, len(body) - 2):
        if body[k - 1] in lx.PLACE_OPENER_CHARS and body[k - 1] not in lx.LIST_JOINERS:
            place = _place_len(body[k:])
            if place and len(body) - k - place >= 2:
                return k
    return 0


def _name_ending_char(scene: Scene, body: str, pos: int) -> bool:
    """Whether the function character ending `body` (right before the suffix at `pos`) is the
    name's own last character (北京协和医院) rather than a conjunction (华为和公司, 企业和医院,
    深圳市和学院, 奖金和集团消费): see lexicon.NAME_END_CHARS.

    依托北京协和医院开展研究 names one; 推动企业和医院合作 names none.
    """
    pre = body[:-1]
    if body[-1] not in lx.NAME_END_CHARS or not pre or pre[-1] in lx.FUNCTION_END:
        return False
    if pos - 1 in scene.ends or pre.endswith(lx.KIND_NOUNS + lx.INSTITUTION_SUFFIXES + lx.COMPANY_SUFFIXES
                                             + lx.AGENCY_SUFFIXES):
        return False
    # The name's own part is a place and a word of one or two characters ending in the function
    # character (北京 + 协和); a longer part reads as a list item of its own (居民购买力和集团
    # 购买力, 高水平学科和大学建设), whatever the suffix after it.
    place = _place_len(pre)
    return bool(place) and 1 <= len(pre) - place <= 2 and scene.residue(pre[place:]) >= 1


def _through_tech(scene: Scene, start: int, pos: int, max_len: int) -> tuple[int, str] | None:
    """When a name's window stopped at a technology (建设光谷量子计算创新中心 stops at 量子计算),
    the technology may be the middle of the name: walk on past it. Returns (start, body) of the
    longer candidate, or None when no technology ends at `start`."""
    tech = scene.tech_ending_at(start)
    if tech is None or scene.org_ending_at(start) is not None:
        return None
    room = max_len - (pos - tech.start)
    if room <= 0:
        return None
    w1, head = scene.window(tech.start, room)
    k = trim_front(scene.c[w1:tech.start])
    if tech.start - w1 >= room and k == 0:
        return None
    if head is not None and k == 0 and w1 < tech.start:
        # 青海大学 + 三江源生态 + 大数据 + 应用实验室, 中国科学院 + 工业 + 人工智能 + 研究所: a known
        # body heads the field words before the technology; the name is the body's lab.
        return head.start, scene.c[head.start:pos]
    s1 = w1 + k
    body = scene.c[s1:pos]
    if s1 == tech.start and k == 0:
        bracketed = _head_before_place(scene, s1)
        if bracketed is not None:
            # 华为（济南）+ 人工智能 + 创新中心: a known body and its city before the technology.
            return bracketed.start, scene.c[bracketed.start:pos]
    if s1 == tech.start or body[0] in lx.FUNCTION_END:
        return None  # nothing names it before the technology (物联网和大数据联合实验室)
    return s1, body


def institution_hits(scene: Scene) -> list[Hit]:
    """…大学 / …学院 / …研究院 / …研究所 / …实验室 / …中心 / …联盟 / …医院 / …协会 / …学会 / …图书馆 with a
    name part before the suffix (a place for universities, alliances, hospitals and societies; a
    known company or institution for facility centres; the city for a national centre).

    Example: 支持国家超级计算天津中心联合天津大学、之江实验室、深圳市第二人民医院和深圳市软件行业协会开展研究
    Finds: Institution 国家超级计算天津中心 | Institution 天津大学 | Institution 之江实验室 | Institution 深圳市第二人民医院 | Institution 深圳市软件行业协会
    """
    c, out = scene.c, []
    for pos, end, suffix in _free_suffixes(scene, lx.INSTITUTION_SUFFIXES):
        facility = suffix == "中心" and any(c.endswith(f, 0, end) for f in lx.FACILITY_CENTRES)
        university = suffix in ("大学", "学院", "研究生院", "科学院", "工程院")
        max_len = 12 if university else 16
        if suffix == "中心" and c.endswith(lx.MANAGEMENT_CENTRE_ENDS, 0, end):
            continue  # 国家科技基础条件平台中心, 陕西省科技资源统筹中心: a programme's management unit
        found = _named(scene, pos, end, suffix, max_len)
        if found is None:
            continue
        start, body, has_head = found
        bracketed = _before_acronym_bracket(scene, start, max_len)
        if bracketed is not None and not has_head:
            # 国家城市信息模型（CIM）+ 工程技术研究中心: the acronym glosses a word of the name.
            start, body = bracketed, c[bracketed:pos]
        if not has_head:
            school = _head_through_tech(scene, start)
            if school is not None:
                # 武汉大学 + 遥感 + 信息工程学院: a known body, a technology word, then the rest of
                # the name (a university's school named by its field).
                start, body, has_head = school, c[school:pos], True
        if not has_head:
            verb_start = _place_start_over_name_verbs(scene, start, pos, max_len)
            if verb_start is not None:
                start, body = verb_start, c[verb_start:pos]
        if lx.NUMERAL_SLOGAN.search(body):
            continue  # 一基地两平台三中心: a programme's label
        if suffix in lx.HEADED_ONLY_SUFFIXES and not has_head:
            continue  # 各分院: a branch is named after its academy
        if suffix == "中心" and not has_head and body[:1] in tuple(lx.ADMIN_UNIT_CHARS) and not _place_len(body):
            continue  # 市体彩中心, 镇城运中心: the government's own public-service unit, an agency
        if suffix == "医院" and lx.HOSPITAL_CAMPUS.match(c, pos):
            continue  # 市口腔医院梅江院区: the campus as written is the name (hospital_campus_hits)
        if suffix == "医院" and not has_head and body[:1] in lx.HOSPITAL_ADMIN_CHARS and _counted_before(c, start):
            continue  # 500所县中医院, 各县人民医院: counted, a class of hospitals, not one
        if suffix == "中心" and not has_head and _government_centre(scene, body):
            continue  # 广州市医保中心, 公积金分中心: named by a government service, an agency's unit
        if facility and not has_head:
            named = _place_named_facility(scene, pos) if start == pos or not c.endswith(lx.SCIENCE_DATA_CENTRE, 0, end) \
                else _science_data_centre(scene, start, pos)
            if named is None:
                # 中国气象局 + 公共气象服务中心: a central agency's own centre is named by the agency.
                named = _ministry_head(scene, pos, max_len)
            if named is None:
                named = _national_facility(scene, pos, end, max_len)
            if named is not None:
                # 山东云计算中心, 上海超级计算中心: a place's computing centre is one body.
                scene.claim(out, Hit(named, end, EntityKind.institution, c[named:end], "pattern.institution.centre"))
            continue  # 数据中心, 广州市数据中心: a facility type, named only after a known body
        if not has_head:
            ok = len(body) >= 2 and _institution_named(scene, body, suffix, university)
            national_tail = ok and body.endswith(lx.NATIONAL_CENTRE_REGIONS) and len(body) <= 4
            if (not ok or national_tail) and not university:
                # The window may have stopped at a technology with only lead words after it
                # (广东省人工智能 + 重点 + 实验室): walk on from where the window stopped. So it
                # may before a region that ends a national centre's name (国家健康医疗 + 大数据 +
                # 北方 + 中心: 北方中心 alone is its tail).
                longer = _through_tech(scene, start, pos, max_len) or \
                    _through_tech(scene, scene.window(pos, max_len)[0], pos, max_len)
                if longer is not None and _institution_named(scene, longer[1], suffix, university):
                    start, body, ok = longer[0], longer[1], True
            if not ok and not university:
                ministry = _ministry_head(scene, pos, max_len)
                if ministry is not None:
                    start, ok = ministry, True
            if not ok and not university:
                national = _national_name(scene, pos, max_len)
                if national is not None and _institution_named(scene, c[national:pos], suffix, university):
                    start, ok = national, True
            if not ok:
                continue
        if c.endswith(lx.AGENCY_LIKE_ASSOCIATIONS, 0, end):
            continue  # 深圳市科学技术协会: a 科协, the agency registry's
        if not has_head and c.startswith(lx.NATIONAL, start) and _beside_national_kind(scene, start, end):
            continue  # 争取国家重点实验室、国家临床医学研究中心落沪: designations to win, not bodies
        if not has_head and c.startswith(lx.NATION_SERIES_HEAD, start) and suffix in lx.NATION_SERIES_SUFFIXES:
            continue  # 全国高校区域技术转移转化中心, 跻身全国重点实验室: a nationwide series, no one body
        if any((scene.org_ending_at(k) is not None or c.endswith(lx.DESIGNATION_HOLDERS, start, k)) and
               (_national_kind(c[k:end]) or c[k:end] in lx.HELD_DESIGNATIONS) for k in range(start + 1, pos)):
            continue  # 中山医院 + 国家医学中心: the designation the hospital holds, not a second body
        if not has_head:
            start = _tech_head(scene, start)
        rule = ("university" if university else "centre" if suffix == "中心"
                else "alliance" if suffix == "联盟" else "hospital" if suffix == "医院"
                else "association" if suffix in lx.ASSOCIATION_SUFFIXES else "library" if suffix == "图书馆"
                else "research")
        scene.claim(out, Hit(start, end, EntityKind.institution, c[start:end], f"pattern.institution.{rule}"))
    return out


def university_short_hits(scene: Scene) -> list[Hit]:
    """A university by its usual short form: a place or region right before a short tail
    (lexicon.UNIVERSITY_SHORT_TAILS: 交大, 科大, 师大 …), opening a name (after a mark, a verb or a
    lead word), the form not part of a longer word (科大讯飞 is a firm's name, 师大学 none).

    Example: 西南交大产业园、武汉大学科技园环绕于此，与上海交大、中国科大合作
    Finds: Institution 西南交大 | Institution 上海交大 | Institution 中国科大
    """
    c, out = scene.c, []
    tails = "|".join(map(re.escape, lx.UNIVERSITY_SHORT_TAILS))
    for m in re.finditer(tails, c):
        pos, end = m.span()
        if c.startswith(lx.UNIVERSITY_SHORT_VETO_NEXT, end):
            continue
        place = _place_before(scene, pos)
        if not place:
            continue
        start = pos - place
        w, _ = scene.window(start, 8)
        if w < start and trim_front(c[w:start]) != start - w:
            continue  # more name before the place: 安徽 + …, a longer name or a word
        if not scene.is_free(start, end):
            continue
        scene.claim(out, Hit(start, end, EntityKind.institution, c[start:end], "pattern.institution.university_short"))
    return out


def _counted_before(c: str, start: int) -> bool:
    """Whether a count or a collective word stands right before c[start] (500所 + 县中医院,
    各 + 县人民医院): the phrase after it is a class."""
    before = c[max(0, start - 8):start]
    if before.endswith(lx.COLLECTIVE_WORDS):
        return True
    return any(m.end() == len(before) for m in lx.LEAD_QUANTITY.finditer(before))


def _named_hospital(scene: Scene, body: str) -> bool:
    """Whether the name part before 医院 names one hospital without a place: the bare 市/县/区 and
    a hospital kind (市人民医院, 县中医院), or a system's general hospital (油田总医院).

    Example: 油田总医院、市人民医院成为省级区域性诊疗中心 (油田总, 市人民: True; 市级, 定点: False)
    """
    if len(body) >= 2 and body[0] in lx.HOSPITAL_ADMIN_CHARS and body[1:] in lx.HOSPITAL_KIND_NAMES:
        return True
    if body.endswith(lx.GENERAL_HOSPITAL_MARK) and len(body) >= 3:
        part = body[:-1]
        return not _place_len(part) == len(part) and scene.residue(part) >= 2 and part[-1] not in lx.FUNCTION_END
    return False


def _government_centre(scene: Scene, body: str) -> bool:
    """Whether a centre's name part is only a government service function (lexicon.
    GOVERNMENT_CENTRE_WORDS) after a place or nothing: the government's own unit.

    Example: 可直接与广州市医保中心联系处理 (广州市医保: True; 国家超级计算深圳: False)
    """
    rest = body[_place_len(body):]
    if not rest or not any(w in rest for w in lx.GOVERNMENT_CENTRE_WORDS if w != "分"):
        return False
    return scene.residue(rest, scene.not_names | lx.GOVERNMENT_CENTRE_WORDS) == 0


def _national_kind(item: str) -> bool:
    """国家重点实验室, 国家医学中心, 国家工程研究中心: 国家 and designation words before a suffix,
    the name of a class of bodies."""
    if not item.startswith(lx.NATIONAL):
        return False
    suffix = next((x for x in lx.INSTITUTION_SUFFIXES if item.endswith(x)), None)
    if suffix is None:
        return False
    body = item[len(lx.NATIONAL):-len(suffix)]
    return Scene("", [], frozenset()).residue(body, lx.DESIGNATION_WORDS) == 0


def _beside_national_kind(scene: Scene, start: int, end: int) -> bool:
    """Whether the list item right before or after c[start:end] (joined by 、) is a national
    designation class (国家重点实验室): then 国家 + field + 中心 beside it is a designation too."""
    c = scene.c
    if end < len(c) and c[end] == "、":
        stop = end + 1
        while stop < len(c) and scene.is_name_char(stop) and stop - end < 16:
            stop += 1
        if _national_kind(c[end + 1:stop]):
            return True
    if start > 0 and c[start - 1] == "、":
        a = start - 1
        while a > 0 and scene.is_name_char(a - 1) and start - a < 16:
            a -= 1
        item = c[a:start - 1]
        k = item.find(lx.NATIONAL)
        if k >= 0 and _national_kind(item[k:]):
            return True
    return False


def _cued_names(scene: Scene, cue: re.Pattern, max_len: int):
    """(pos, end, start) for each free match of `cue` (a suffix the name ends with) and where the
    name before it starts: a known head right before, else after the clause's verb and lead
    words; matches whose window ran out before any boundary are left out."""
    for m in cue.finditer(scene.c):
        pos, end = m.start(), m.end()
        if not scene.is_free(pos, end):
            continue
        w0, head = scene.window(pos, max_len)
        k = trim_front(scene.c[w0:pos])
        if pos - w0 >= max_len and k == 0 and not scene.bounded(w0):
            continue
        yield pos, end, (head.start if head is not None and k == 0 else w0 + k)


def hospital_campus_hits(scene: Scene) -> list[Hit]:
    """A hospital's campus: …医院 + place + 院区 is one institution as written (the campus the text
    means); the hospital needs no place in its name then (新华医院, 复旦儿科医院).

    Example: 加快新华医院奉贤院区、复旦儿科医院奉贤院区等项目建设
    Finds: Institution 新华医院奉贤院区 | Institution 复旦儿科医院奉贤院区
    """
    c, out = scene.c, []
    for pos, end, start in _cued_names(scene, lx.HOSPITAL_CAMPUS, 10):
        body = c[start:pos]
        if len(body) < 2 or body[-1] in lx.FUNCTION_END or scene.residue(body) < 2:
            continue
        scene.claim(out, Hit(start, end, EntityKind.institution, c[start:end], "pattern.institution.hospital_campus"))
    return out


def standards_body_hits(scene: Scene) -> list[Hit]:
    """A standards committee (…标准化技术委员会, a standards body): named by 全国/中国/国家 or a
    ministry before its field. The name runs back to the 由 of 由…归口/提出, or to a list or
    clause mark; 建设 and 和 inside a ministry's name (住房和城乡建设部) are no cut.

    Example: 本文件由全国自然资源与国土空间规划标准化技术委员会归口，住房和城乡建设部市容环境卫生标准化技术委员会提出。
    Finds: Institution 全国自然资源与国土空间规划标准化技术委员会 | Institution 住房和城乡建设部市容环境卫生标准化技术委员会
    """
    c, out = scene.c, []
    for m in lx.STANDARDS_BODY.finditer(c):
        pos, end = m.start(), m.end()
        if not scene.is_free(pos, end):
            continue
        i = pos
        while i > 0 and pos - i < lx.STANDARDS_BODY_MAX and (is_cjk(c[i - 1]) or c[i - 1].isalnum()) \
                and i not in scene.breaks:
            i -= 1
        window = c[i:pos]
        k = window.rfind("由") + 1
        if k == 0 and pos - i >= lx.STANDARDS_BODY_MAX:
            continue  # no mark before it: where the name starts is unknown
        heads = [window.find(h, k) for h in lx.STANDARDS_BODY_HEADS if window.find(h, k) >= 0]
        ministry = window.find("部", k)
        if heads:
            k = min(heads)
        elif not (0 < ministry - k <= 10):
            continue  # no national head and no ministry: a kind (标准化技术委员会 alone)
        body = window[k:]
        if len(body) < 4 or scene.residue(body) < 2:
            continue
        start = i + k
        # Claimed over what it holds: a technology word inside its field is part of the name.
        inner = [h for h in scene.hits if start <= h.start and h.end <= end]
        for h in inner:
            if h.label is EntityKind.technology:
                scene.hits.remove(h)
        scene._refresh()
        scene.claim(out, Hit(start, end, EntityKind.institution, c[start:end], "pattern.institution.standards"))
    return out


def key_lab_hits(scene: Scene) -> list[Hit]:
    """A national key lab named by its field: the field runs back to the clause's verb or a list
    mark, 和/与 inside it included (a lab's field is often two: 高效能服务器和存储技术).

    Example: 重点建设高效能服务器和存储技术国家重点实验室、高端服务器系统全国重点实验室
    Finds: Institution 高效能服务器和存储技术国家重点实验室 | Institution 高端服务器系统全国重点实验室
    """
    c, out = scene.c, []
    for pos, end, start in _cued_names(scene, lx.KEY_LAB, 16):
        body = c[start:pos]
        # The field may be made of generic words (高端服务器系统), as a national institute's is.
        if len(body) < 2 or body[-1] in lx.FUNCTION_END or body.endswith(lx.KIND_NOUNS) or \
                _place_len(body) == len(body) or scene.residue(body, lx.DESIGNATION_WORDS) < 2:
            continue  # 国家重点实验室 alone, 省级和…, 高校…, 企业国家重点实验室: a kind
        scene.claim(out, Hit(start, end, EntityKind.institution, c[start:end], "pattern.institution.key_lab"))
    return out


def campus_hits(scene: Scene) -> list[Hit]:
    """A university's campus named by the place in brackets right after it: the university and
    the bracket are one name (哈尔滨工业大学（威海）, 中国石油大学（华东）), the campus the text means;
    so is a national centre's site (国家蛋白质科学中心（上海）).

    Example: 支持山东大学、哈尔滨工业大学（威海）等驻鲁部属高校
    Finds: Institution 山东大学 | Institution 哈尔滨工业大学（威海）
    """
    c, out = scene.c, []
    for h in list(scene.hits):
        if h.label is not EntityKind.institution:
            continue
        national = h.name.startswith(lx.NATIONAL_HEADS) and h.name.endswith(("中心", "实验室", "研究院"))
        if not (h.name.endswith(("大学", "学院")) or national):
            continue  # 国家蛋白质科学中心（上海）: a national centre's site, named like a campus
        if not c.startswith("(", h.end):
            continue
        close = c.find(")", h.end + 1, h.end + 8)
        if close < 0 or not _campus_word(c[h.end + 1:close]):
            continue
        if scene.org_ending_at(close + 1) is not None:
            continue  # the campus name is known already (a name list's 中国石油大学（华东）)
        scene.claim(out, Hit(h.start, close + 1, EntityKind.institution, c[h.start:close + 1],
                             "pattern.institution.campus"))
    return out


def _campus_word(inner: str) -> bool:
    """Whether a bracket's text can name a campus: a listed place (华东), or two or three Chinese
    characters (威海, 保定: no list holds every city) that are no note (筹建, 试行) and no body's name
    (山东省科学院 in brackets is the university's second name, not its campus)."""
    if inner in lx.PLACES:
        return True
    return 2 <= len(inner) <= 3 and all(is_cjk(ch) for ch in inner) and inner not in lx.CAMPUS_VETO \
        and not inner.endswith(lx.INSTITUTION_SUFFIXES + lx.COMPANY_SUFFIXES + lx.AGENCY_SUFFIXES)


def _tech_head(scene: Scene, start: int) -> int:
    """Where a name that stands right after a technology starts: at the technology, when the
    technology itself opens a list item or a clause (、量子通信 + 卓越创新中心 is one centre, not
    卓越创新中心 after a technology). Else `start`."""
    tech = scene.tech_ending_at(start)
    if tech is None or scene.org_ending_at(start) is not None:
        return start
    t = tech.start
    if t == 0 or scene.c[t - 1] in lx.LIST_OPENERS or scene.c[t - 1] in "。；":
        return t
    w, _ = scene.window(t, 8)
    if w < t and trim_front(scene.c[w:t]) == t - w:
        return t  # 重点建设 + 量子通信 + 卓越创新中心: only verbs and lead words before it
    return start


def _place_named_facility(scene: Scene, pos: int) -> int | None:
    """Start of place + computing field + 中心 (lexicon.NAMED_FACILITY_FIELDS) ending at `pos`, the
    place opening a name (after a mark, a verb or a lead word): 山东 + 云计算 + 中心. Other
    facility kinds after a place stay kinds (广州市数据中心)."""
    c = scene.c
    field = next((f for f in lx.NAMED_FACILITY_FIELDS if c.endswith(f, 0, pos)), None)
    if field is None:
        return None
    f = pos - len(field)
    place = _place_before(scene, f)
    if not place:
        return None
    s = f - place
    w, _ = scene.window(s, 8)
    if w < s and trim_front(c[w:s]) != s - w:
        return None  # more name before the place: not the place's own centre
    return s


def _science_data_centre(scene: Scene, start: int, pos: int) -> int | None:
    """`start` when c[start:pos] is a field of science before 科学数据 (lexicon.SCIENCE_DATA_CENTRE,
    ending at `pos` + 中心): 寒区旱区 + 科学数据中心 names one data centre, 国家地球系统 + 科学数据中心
    too; with no field of its own (建设科学数据中心, 国家科学数据中心) it is a kind.

    Example: 寒区旱区科学数据中心数据施引文献库 (寒区旱区: a field; 国家: none)
    """
    field = scene.c[start:pos - len(lx.SCIENCE_DATA_CENTRE) + len("中心")]
    if field.startswith(lx.NATIONAL):
        field = field[len(lx.NATIONAL):]
    field = field[_place_len(field):]  # 山东省科学数据中心: a province's, named by no field
    if not field or field[-1] in lx.FUNCTION_END or any(j in field for j in lx.LIST_JOINERS):
        return None
    return start if scene.residue(field, lx.DESIGNATION_WORDS) >= 2 else None


def _national_facility(scene: Scene, pos: int, end: int, max_len: int) -> int | None:
    """Start of 国家 + field + a facility kind (国家知识产权大数据中心, 国家健康医疗大数据中心): a
    national facility named by its field is one body; with a short or no field (国家超级计算中心,
    国家数据中心) it is a class. Only verbs and lead words stand before 国家."""
    c = scene.c
    facility = next((f for f in lx.FACILITY_CENTRES if c.endswith(f, 0, end)), None)
    start = _national_name(scene, pos, max_len)
    if facility is None or start is None or not c.startswith(lx.NATIONAL, start):
        return None
    field = c[start + len(lx.NATIONAL):end - len(facility)]
    if any(j in field for j in lx.LIST_JOINERS) or _KIND_THEN_CONJ.search(field):
        return None  # 国家超级计算中心和国家数据中心: two kinds listed
    return start if scene.residue(field, lx.DESIGNATION_WORDS) >= 4 else None


def _before_acronym_bracket(scene: Scene, start: int, max_len: int) -> int | None:
    """Where a name starts when a bracketed acronym stands inside it, right before `start`:
    国家城市信息模型（CIM）工程技术研究中心 reads from 国家. The bracket holds a Latin acronym and
    Chinese name characters stand on both sides; the part before it runs back to a mark or a
    verb as any name does."""
    c = scene.c
    if start < 4 or start >= len(c) or c[start - 1] != ")" or not is_cjk(c[start]):
        return None
    k = c.rfind("(", max(0, start - 14), start - 1)
    if k <= 0 or not _ACR_INNER.fullmatch(c[k + 1:start - 1]) or not is_cjk(c[k - 1]):
        return None
    w, _ = scene.window(k, max_len)
    s = w + trim_front(c[w:k])
    return s if k - s >= 2 else None


def _head_through_tech(scene: Scene, start: int) -> int | None:
    """The start of a known company or institution that ends right where a technology word
    begins, the technology ending at `start`: 武汉大学 + 遥感 + (信息工程学院). None otherwise."""
    tech = scene.tech_ending_at(start)
    if tech is None or scene.org_ending_at(start) is not None:
        return None
    head = scene.org_ending_at(tech.start)
    return head.start if head is not None else None


def _place_start_over_name_verbs(scene: Scene, start: int, pos: int, max_len: int) -> int | None:
    """Where an institution's name starts when the front trimming cut it at a verb that is a
    name word (深圳市规划国土 + 发展 + 研究中心 was cut to 研究中心): at a place earlier in the window
    that only lead words stand before, if every cut word after the place is a name verb
    (lexicon.NAME_VERBS) and the part after the place does not open with a verb (深圳市 + 建设
    国际科技创新中心 is a clause)."""
    c = scene.c
    w0, head = scene.window(pos, max_len)
    if head is not None or w0 >= start:
        return None
    window = c[w0:pos]
    for k in range(start - w0):
        place = _place_len(window[k:])
        if not place or trim_front(window[:k]) != k:
            continue
        rest = window[k + place:]
        if not rest or rest.startswith(tuple(lx.CUT_WORDS)) or rest[0] in lx.FUNCTION_END:
            return None
        if any(w in rest for w in lx.CUT_WORDS if w not in lx.NAME_VERBS) or \
                any(j in rest for j in lx.LIST_JOINERS) or \
                any(ch in _without(rest, lx.CUT_CHAR_WORDS) for ch in lx.CUT_CHARS):
            return None  # 全国 + 重要影响力的…创新中心: a 的 or 等 inside is a clause
        return w0 + k
    return None


def _without(text: str, words: tuple[str, ...]) -> str:
    for w in words:
        text = text.replace(w, "")
    return text


def _ministry_head(scene: Scene, pos: int, max_len: int) -> int | None:
    """Where an institute a central ministry runs starts: at the ministry's name, when one ends
    in the window and its field follows (住房和城乡建设部 + 科技与产业化发展 + 中心, 自然资源部 +
    国土卫星遥感应用 + 中心). The field's words may be verbs elsewhere (发展, 建设), so the name is
    read from the ministry. A ministry is a body whose name ends in 部 and opens with no place
    or bare 市/区 (深圳市委宣传部 is a local Party organ)."""
    c = scene.c
    i = pos
    while i > 0 and pos - i < max_len + 8 and scene.is_name_char(i - 1) and i not in scene.breaks:
        i -= 1
        a = scene.agency_ends.get(i)
        if a is None or pos - i < 2:
            continue
        name = c[a:i]
        local = _place_len(name) and not name.startswith(lx.NATIONAL_HEADS)
        if not name.endswith(lx.MINISTRY_END) or local or name[0] in lx.ADMIN_UNIT_CHARS:
            return None  # 深圳市发展和改革委员会, 市气象局: a local body's units are its own
        field = c[i:pos]
        if field[0] in lx.FUNCTION_END or scene.residue(field, lx.DESIGNATION_WORDS) < 2:
            return None
        if any(w in field for w in lx.CUT_WORDS if w not in lx.NAME_VERBS):
            return None  # 国家中医药局 + 负责组织实施…医院: a clause, the body acts
        return a
    return None


def _national_name(scene: Scene, pos: int, max_len: int) -> int | None:
    """Where a national institute's name starts when the front trimming cut into it: the words of
    such names are also verbs (中国电子信息产业发展研究院: 发展), so the name is read from 中国/国家
    when only verbs and lead words stand before it in the window (支持国家…)."""
    w0, _ = scene.window(pos, max_len)
    window = scene.c[w0:pos]
    for head in lx.NATIONAL_HEADS:
        k = window.find(head)
        if k >= 0 and trim_front(window[:k]) == k:
            if any(ch in _without(window[k:], lx.CUT_CHAR_WORDS) for ch in lx.CUT_CHARS):
                return None  # 抓好一批国家级的研究机构和实验室: a 的 inside is a phrase, no name
            return w0 + k
    return None


def _institution_named(scene: Scene, body: str, suffix: str, university: bool) -> bool:
    if suffix in lx.PLACE_HEADED_ACADEMIES:
        # 广东省科学院, or a national academy of a field (中国中医科学院, 中国农业科学院).
        return bool(_place_len(body)) or (body.startswith("中国") and scene.residue(body[2:]) >= 2)
    if university:
        return scene.residue(body, lx.UNIVERSITY_GENERIC) >= 1
    if suffix == "医院" and _named_hospital(scene, body):
        return True
    if suffix in lx.PLACE_NAMED_INSTITUTION:
        place = _place_len(body)
        return bool(place) and len(body) - place >= 2
    if suffix == lx.SHORT_ACADEMY_SUFFIX:
        # 省工研院, 江苏产研院: a bare 省/市 or a place, then one or two characters of the field.
        lead = 1 if body[:1] in ("省", "市") else _place_len(body)
        field = body[lead:]
        return bool(lead) and 1 <= len(field) <= 2 and all(is_cjk(ch) for ch in field) and field not in scene.generic
    if suffix == "实验室" and body in lx.PLACES and not body.endswith(lx.ADMIN_LEVEL_ENDS) and \
            body != lx.NATION_SERIES_HEAD:
        # 广州实验室, 南昌实验室, 鄂尔多斯实验室: a provincial lab is named by its bare city or
        # area (广州市实验室 with the level would be a kind of lab of that city).
        return True
    if suffix == "中心" and body.startswith(lx.NATIONAL) and len(body) > 4 and \
            any(body.endswith(p) and len(p) >= 2 for p in (*lx.PLACES, *lx.NATIONAL_CENTRE_REGIONS)):
        return True  # 国家超级计算天津中心: a national centre is named by the city or part it serves
    if suffix == "中心" and body.startswith(lx.NATIONAL) and body.endswith(lx.NATIONAL_FIELD_CENTRE_END) and \
            scene.residue(body[len(lx.NATIONAL):-len(lx.NATIONAL_FIELD_CENTRE_END)], lx.DESIGNATION_WORDS) >= 4 \
            and not _KIND_THEN_CONJ.search(body) and "、" not in body:
        # 国家集成电路创新中心: a national innovation centre named by its field (国家科学中心和技术
        # 创新中心 lists two kinds)
        return True
    if suffix == "中心" and _place_len(body) and body.startswith(lx.NATIONAL, _place_len(body)) and \
            len(body) - _place_len(body) - len(lx.NATIONAL) >= 2:
        return True  # 长三角国家技术创新中心: a national centre named by the region it serves
    research = suffix == "实验室" or (suffix == "中心" and body.endswith(lx.RESEARCH_CENTRE_ENDS))
    institute = suffix in ("研究院", "研究所", "研究总院")
    if (research or institute) and body.startswith(lx.NATIONAL_HEADS) and \
            scene.residue(body[2:], lx.DESIGNATION_WORDS) >= 4:
        # 中国信息通信研究院, 国家工业信息安全发展研究中心: a national institute is named by its
        # field, however generic its words; 国家工程研究中心 (no field) is a kind.
        return True
    place = _place_len(body)
    if (research or institute) and place and scene.residue(body[place:], lx.DESIGNATION_WORDS) >= 2:
        # 广东省人工智能重点实验室, 山东产业技术研究院: a lab or institute a province or city names
        # by its field is one body, even when the field is a generic word; 东莞市工程技术研究中心
        # (no field) is a kind.
        return True
    if suffix == "研究院" and place and len(body) - place >= 4 and scene.residue(body[place:], lx.GENERIC_WORDS) == 0:
        # 山东产业技术研究院, 江苏省产业技术研究院: a province's or city's research academy named by
        # a whole field phrase of generic words is one body (a 研究院 is founded one by one);
        # a shorter tail (深圳市研究院, 广东省技术研究院) names a kind.
        return True
    if suffix == "中心" and not place:
        # 航运中心, 世界旅游休闲中心, 疾控中心: a kind of service is no centre's name.
        return scene.residue(body, scene.not_names | lx.CENTRE_KIND_WORDS) >= 2
    return scene.residue(body) >= 2


def _place_before(scene: Scene, i: int) -> int:
    """Length of the longest free place name ending at i (深圳市 before 腾讯计算机系统有限公司)."""
    best = 0
    for p in lx.PLACES:
        if len(p) > best and scene.c.endswith(p, 0, i) and scene.is_free(i - len(p), i):
            best = len(p)
    return best


def _registered_start(scene: Scene, pos: int) -> int | None:
    """Where a registered company name ending at `pos` starts: at the first place name in the
    window that only verbs and lead words stand before (支持 + 东莞市华科科技发展有限公司)."""
    w0, head = scene.window(pos, lx.REGISTERED_MAX_LEN)
    if head is not None:
        return None  # a known company or institution heads the name: the head rule decides
    window = scene.c[w0:pos]
    for k in range(len(window) - 2):
        # 由 + 吉林省珩阳逸景实业有限公司: a function character right before the place opens the name too.
        opened = k > 0 and window[k - 1] in lx.PLACE_OPENER_CHARS and window[k - 1] not in lx.LIST_JOINERS
        if _place_len(window[k:]) and (opened or trim_front(window[:k]) == k):
            rest = window[k + _place_len(window[k:]):]
            if any(w in rest for w in lx.CUT_WORDS if w not in lx.NAME_VERBS):
                continue  # 郑州市支持超聚变…: a clause verb after the place, the name starts later
            named = len(rest) >= 2 and rest[-1] not in lx.FUNCTION_END and not any(j in rest for j in lx.LIST_JOINERS)
            return w0 + k if named else None
    return None


def _province_before_firm(scene: Scene, body: str) -> int:
    """How many leading characters of a firm's name part are only the province it is in:
    安徽省淮北矿业（集团）公司 is 淮北矿业（集团）公司 in Anhui. The province stays when what follows
    it is generic (广东移动通信有限公司) or short (浙江吉利控股集团): then it is part of the name.
    Municipalities (北京, 上海 …) are cities and name firms (上海船用曲轴公司)."""
    for p in sorted(lx.PROVINCE_PREFIXES, key=len, reverse=True):
        if body.startswith(p):
            rest = body[len(p):]
            return len(p) if len(rest) >= 4 and scene.residue(rest) >= 3 else 0
    return 0


def _park_before_firm(scene: Scene, body: str) -> int:
    """How many leading characters of a firm's name part are the park it is in: 经济开发区中溢科技
    公司 is 中溢科技公司 in the park. The park stays when what follows is generic (开发区建设公司)."""
    for p in lx.PARK_PREFIXES:
        k = body.find(p)
        if k >= 0 and k + len(p) < len(body):
            rest = body[k + len(p):]
            before = body[:k]
            if scene.residue(rest) >= 2 and (not before or _place_len(before) == len(before) or
                                              scene.residue(before) == 0):
                return k + len(p)
    return 0


def company_hits(scene: Scene) -> list[Hit]:
    """…公司 / …集团 / …股份 / …银行 / …电视台 / …交易所 / …厂 with a name part before the suffix
    (a place for banks, broadcasters, exchanges and factories), a parenthesised part of the
    registered name kept, a province before the name left out.

    Example: 安徽省淮北矿业（集团）公司、大连船用柴油机厂和大连商品交易所
    Finds: Company 淮北矿业（集团）公司 | Company 大连船用柴油机厂 | Company 大连商品交易所
    """
    c, out = scene.c, []
    for pos, end, suffix in _free_suffixes(scene, lx.COMPANY_SUFFIXES):
        if pos > 2 and c[pos - 1] == ")" and suffix in lx.REGISTERED_SUFFIXES:
            # 华为终端(东莞)有限公司, 乐鑫信息科技(上海)股份有限公司: the registered name carries its
            # place in brackets before the company form; the name part is before them.
            k = c.rfind("(", max(0, pos - 8), pos - 1)
            if k > 0 and (c[k + 1:pos - 1] in lx.PLACES or c[k + 1:pos - 1] in lx.PAREN_NAME_PARTS):
                pos = k
        found = _named(scene, pos, end, suffix, lx.COOPERATIVE_MAX_LEN if suffix == lx.COOPERATIVE_SUFFIX else 12)
        registered = _registered_start(scene, pos) if suffix in lx.REGISTERED_SUFFIXES else None
        if registered is not None and placeholder_name(c, registered, pos):
            registered = None  # 某某科技有限公司: a stand-in
        if registered is not None and (found is None or (not found[2] and registered < found[0])):
            # 柳河县城市建设投资有限公司: a registered name opens with its place, and the words after
            # it may be verbs elsewhere (建设, 投资, 发展); the place marks where it starts.
            found = (registered, c[registered:pos], False)
        if found is None:
            continue
        start, body, has_head = found
        if suffix in lx.BRANCH_SUFFIXES:
            banks = [h for h in scene.hits if h.start == start and h.label is EntityKind.company
                     and c.endswith("银行", h.start, h.end)] if has_head else []
            if not banks:
                continue  # 省分行, 各支行: a branch is named only after its bank
            scene.claim(out, Hit(start, end, EntityKind.company, c[start:end], "pattern.company.branch"))
            continue
        if suffix == "集团" and body.endswith(lx.GROUP_VETO_PREV):
            continue  # 七十七国集团, 苏联领导集团: a bloc, not a firm
        if has_head:
            # 深圳市 + 腾讯 + 计算机系统有限公司: the registered name opens with its city.
            start -= _place_before(scene, start)
            if suffix in lx.REGISTERED_SUFFIXES:
                start = _registered_front(scene, start, pos)
            head = scene.org_ending_at(pos)
            if head is not None and head.label is EntityKind.company and suffix in lx.SAME_FIRM_SUFFIXES:
                # 南方电网 + 公司: the known company itself, written with its kind word.
                scene.claim(out, Hit(start, end, EntityKind.company, head.name, "pattern.company.suffix",
                                     head.category))
                continue
        elif suffix in lx.PLACE_NAMED_COMPANY and suffix != "银行":
            if not (len(body) >= 2 and _place_len(body) == len(body)):
                continue  # 电视台: a place alone names one (深圳电视台); 网络电视台 is a kind
        elif suffix == "交易所" and _place_len(body) and len(body) - _place_len(body) >= 2:
            pass  # 深圳证券交易所, 大连商品交易所: a place, then what it trades, names an exchange
        elif suffix in lx.ADMIN_FIRM_SUFFIXES and _admin_firm(scene, body):
            pass  # 市城投公司, 省铁塔分公司: the government's own firm, by its short form
        elif suffix in lx.PLACE_HEADED_COMPANY:
            # 大连船用柴油机厂, 大连商品交易所: a place, then what it makes or trades; 坑口电厂 and
            # 产权交易所 (no place) and 阜新电厂 (a plant type after the place) are kinds.
            place = _place_len(body)
            rest = body[place:]
            if not (place and len(rest) >= 2 and scene.residue(rest) >= 1) or \
                    (suffix == "厂" and rest.endswith(lx.FACTORY_KIND_END)) or \
                    (suffix == "交易中心" and any(w in rest for w in lx.TRADING_CENTRE_VETO)):
                continue
        else:
            if len(body) < 2:
                continue
            res = scene.residue(body)
            place = _place_len(body)
            # A name part (TCL, 阿里巴巴), a place plus a descriptor (深圳报业集团), or for banks
            # a place alone (苏州银行, 北京银行). A bank is named by its place (东莞农村商业银行,
            # 前海微众银行); the national banks without one are in the gazetteer, and '…由哪家银行',
            # '切实维护银行' name none.
            if not (res >= 2 or (place and len(body) - place >= 2) or (suffix == "银行" and place == len(body))):
                continue
            kinds = lx.FIRM_KIND_WORDS | (lx.COOPERATIVE_KIND_WORDS if suffix == lx.COOPERATIVE_SUFFIX else frozenset())
            if not place and suffix not in lx.REGISTERED_SUFFIXES and suffix != "银行" and \
                    scene.residue(body, scene.not_names | lx.SECTOR_WORDS | kinds) < 2:
                continue  # 跨国公司, 商业保理公司, 二十国集团, 农民专业合作社: a kind of firm, or no firm
            if suffix == lx.COOPERATIVE_SUFFIX and \
                    scene.residue(body, scene.not_names | lx.SECTOR_WORDS | kinds) < lx.COOPERATIVE_MIN_NAME:
                continue  # 葡萄种植合作社, 城乡信用合作社: a crop or a kind; 映山红苹果种植专业合作社 is named
            if suffix == "银行" and not place:
                continue
        if not has_head and suffix not in lx.REGISTERED_SUFFIXES and _counted_before(c, start):
            continue  # 引进了各类龙头畜牧养殖集团: a class of firms, not one
        if not has_head:
            start += _park_before_firm(scene, c[start:pos])
        if not has_head and suffix not in lx.REGISTERED_SUFFIXES:
            # A registered name (…有限公司) opens with its place as registered (广东长盈精密技术有限
            # 公司); a group written informally is located by its province (安徽省淮北矿业(集团)公司).
            start += _province_before_firm(scene, c[start:pos])
        rule = {"银行": "bank", "电视台": "broadcaster", "交易所": "place_headed", "厂": "place_headed",
                "交易中心": "place_headed", "清算所": "place_headed"}.get(suffix, "suffix")
        scene.claim(out, Hit(start, end, EntityKind.company, c[start:end], f"pattern.company.{rule}"))
    return out


def _registered_front(scene: Scene, start: int, pos: int) -> int:
    """Where a registered name (…股份有限公司) whose head is a known short name starts when a few
    name characters stand before the head and a list mark before them: 、国泰 + 新点软件 +
    股份有限公司 is one firm's legal name (a stock short name is often the middle of it). Only
    up to four characters, only from a list mark, a clause mark or a table cell, and nothing a
    verb or lead word would cut (支持 + 新点软件…, 与 + …)."""
    w, _ = scene.window(start, lx.REGISTERED_FRONT_MAX + 1)
    if not 0 < start - w <= lx.REGISTERED_FRONT_MAX:
        return start
    if not (w == 0 or scene.c[w - 1] in lx.LIST_OPENERS or scene.c[w - 1] in "。；;" or w in scene.breaks):
        return start
    front = scene.c[w:start]
    # Trimmed as the whole name would be: （原 + 东莞生益电子有限公司）keeps 原 out.
    if trim_front(scene.c[w:pos]) or front[-1] in lx.FUNCTION_END or not all(is_cjk(ch) for ch in front):
        return start
    return w


def _admin_firm(scene: Scene, body: str) -> bool:
    """Whether a firm's name part is a bare 省/市/县/区 and a short form (市城投, 省铁塔分,
    市文旅): the document's government's own firm. The short form is two to six characters that
    are no qualifier (市属, 市级, 市场化) and not only kind words (市国有)."""
    if len(body) < 3 or body[0] not in lx.ADMIN_FIRM_CHARS:
        return False
    rest = body[1:]
    if len(rest) > 6 or rest.startswith(lx.ADMIN_FIRM_REST_VETO) or not all(is_cjk(ch) for ch in rest):
        return False
    return scene.residue(rest, lx.FIRM_KIND_WORDS | frozenset(lx.KIND_NOUNS)) >= 2


def credit_code_hits(scene: Scene) -> list[Hit]:
    """The name right before a market entity's unified social credit code (lexicon.CREDIT_CODE): a
    firm, an individual business or a cooperative, whatever its last word. The name is the whole
    cell or clause before the code (from a mark, a table cell's start or the text's start), with
    clause verbs cut off its front as for any name; it must be at least four name characters.

    Example: 湛江市霞山区巨龙数码喷绘部 92440803MA4WRDGC6X 湛江市霞山区海头新村盐机厂东侧
    Finds: Company 湛江市霞山区巨龙数码喷绘部
    """
    c, out = scene.c, []
    for m in lx.CREDIT_CODE.finditer(c):
        end = m.start()
        while end > 0 and c[end - 1] in lx.CREDIT_CODE_SEPARATORS:
            end -= 1
        w0, _ = scene.window(end, lx.CREDIT_CODE_NAME_MAX)
        if end - w0 >= lx.CREDIT_CODE_NAME_MAX or not scene.bounded(w0):
            continue  # no boundary in reach: where the name starts is unknown
        start = w0 + trim_front(c[w0:end])
        body = c[start:end]
        if len(body) < 4 or not all(is_cjk(ch) or ch in "()" for ch in body) or body[-1] in lx.FUNCTION_END \
                or scene.residue(body) < 2 or not scene.is_free(start, end) \
                or any(w in c[max(0, start - 6):end] for w in lx.CREDIT_CODE_NAME_VETO):
            continue  # a person's name or column, a label, or a name a suffix rule already took
        scene.claim(out, Hit(start, end, EntityKind.company, body, "pattern.company.credit_code"))
    return out


def web_platform_hits(scene: Scene) -> list[Hit]:
    """…网 sites in a sentence about platforms or portals.

    Example: 支持深圳新闻网、东方网等综合性新闻门户网站发展
    Finds: Company 深圳新闻网 | Company 东方网
    """
    c, out = scene.c, []
    for m in re.finditer("网", c):
        pos, end = m.start(), m.end()
        if not scene.is_free(pos, end) or (end < len(c) and c[end] in lx.WEB_NEXT_VETO):
            continue
        w0, _ = scene.window(pos, 6)
        start = w0 + trim_front(c[w0:pos])
        body = c[start:pos]
        if not 2 <= len(body) <= 5 or body.endswith(lx.WEB_BODY_VETO_END) or body[-1] in lx.FUNCTION_END:
            continue
        # 工标网www.csres.com: the site's own commercial address says it is a firm's site.
        site = lx.COMMERCIAL_URL.match(c, end) is not None
        if scene.residue(body) < 2 or not (site or lx.WEB_CONTEXT.search(scene.sentence_of(pos))):
            continue
        scene.claim(out, Hit(start, end, EntityKind.company, c[start:end], "pattern.company.web_platform"))
    return out


_LIST_STOP = set("，。；：！？()“”《》\"' ,;:!?\n")


def enumeration_hits(scene: Scene) -> list[Hit]:
    """Items of '甲、乙、丙等…企业' and '以甲、乙为代表的…企业' lists. With a known company among the items (依托腾讯、A8音乐、迅雷、
    融创天下等企业) every other name-like item is a company too; without one the list's own kind
    word types it (支持思必驰、同程旅行等企业, 宝钢、莱钢等钢铁企业, 清华、北大等高校), and each item
    must look like a name: not a sector (钢铁、石化等企业), not generic, not a verb phrase.

    Example: 苏州工业园区支持思必驰、同程旅行等企业开展应用创新，培育以吉林敖东为代表的医药企业
    Finds: Company 思必驰 | Company 同程旅行 | Company 吉林敖东
    """
    c, out = scene.c, []
    for p, a, kind_word, modifier in _list_cues(c):
        label = EntityKind.institution if kind_word in lx.ENUM_INSTITUTION_KINDS else EntityKind.company
        kind_end = p + 1 + len(modifier) + len(kind_word)
        if c.startswith(lx.ENUM_KIND_VETO_NEXT, kind_end):
            continue  # 环境保护、节能节水等企业所得税: 企业 is part of a longer term
        items = _split_items(c, a, p)
        if items and any(v in c[max(0, a - 4):items[0][1]] for v in lx.PRODUCT_VERBS):
            continue  # 转型生产口罩、防护服等企业: the items are what the firms make
        known = {(h.start, h.end) for h in scene.hits if h.label is label}
        anchored = any(span in known for span in items)
        if not anchored and kind_word in lx.ANCHORED_ONLY_KINDS:
            continue  # 电视、报纸等传统媒体: kinds of media; 新华网、…等媒体 has a known site among them
        if not anchored and not _kind_modifier(modifier):
            continue  # 电子信息、生物医药等行业龙头企业: the items are industries
        if not anchored and any(c[s + trim_front(c[s:e]):e] in lx.SECTOR_WORDS for s, e in items):
            continue  # 外经、外贸、外建等企业: one item is a sector, so the list is of sectors
        for s, e in items:
            if (s, e) in known:
                continue
            if anchored and label is EntityKind.company and sector_group(scene, s, e):
                scene.claim(out, Hit(s, e, label, c[s:e], "pattern.company.enumeration"))
                continue  # 能源集团、大数据集团、民航集团等一批企业: the list's firms by short form
            if not scene.is_free(s, e):
                continue
            s += trim_front(c[s:e])
            item = c[s:e]
            # 华为、五粮液等企业, 支持五粮液、金山办公等企业: a listed firm's short name, typed by the
            # list. Without a known firm in the list the kind word alone types it, and then the
            # name must still read as one (农产品、新产业等企业 lists no firms).
            if label is EntityKind.company and (anchored or _name_like(scene, item)) and scene.context_hit(out, s, e):
                continue
            if not 2 <= len(item) <= 10 or item[-1] in lx.FUNCTION_END or lx.ENUM_ITEM_KIND.search(item):
                continue
            if scene.residue(item, scene.not_names | lx.SECTOR_WORDS) < 1 or "等" in item:
                continue
            if not anchored:
                # '沙特SABIC': a country before a Latin name is where the firm is from.
                place = _place_len(item)
                if place and item[place:].isascii() and len(item) - place >= 2:
                    s, item = s + place, item[place:]
                if not _name_like(scene, item) and not (kind_word in lx.STATE_FIRM_KINDS and _bureau_firm(scene, item)):
                    continue
            rule = "enumeration" if anchored else "typed_list"
            family = "institution" if label is EntityKind.institution else "company"
            scene.claim(out, Hit(s, e, label, item, f"pattern.{family}.{rule}"))
    return out


def _bureau_firm(scene: Scene, item: str) -> bool:
    """Whether a list item typed as a state firm is one named like a bureau (招商局, 中铁十局):
    a name part of two or more characters before 局, no verb, no place alone.

    Example: 华润、招商局、国投等央企业务板块 (招商局: True; 市统计局 in a list of 国企: False)
    """
    if not item.endswith(lx.BUREAU_FIRM_END) or any(w in item for w in lx.CUT_WORDS):
        return False
    part = item[:-len(lx.BUREAU_FIRM_END)]
    return len(part) >= 2 and part[0] not in lx.ADMIN_UNIT_CHARS and scene.residue(part) >= 2


def counted_bracket_hits(scene: Scene) -> list[Hit]:
    """The firms a count names in brackets right after it: each item of the bracket that reads
    as a name is a company (the count says what they are).

    Example: 生产中成药11家，上市企业1家（紫鑫药业），国家级龙头企业2家（长隆制药、天强制药）
    Finds: Company 紫鑫药业 | Company 长隆制药 | Company 天强制药
    """
    c, out = scene.c, []
    for m in lx.COUNTED_BRACKET.finditer(c):
        a, b = m.span("items")
        if c.startswith(lx.COUNTED_BRACKET_VETO, a):
            continue  # （其中…）: a breakdown of the count, no names
        for s, e in _split_items(c, a, b):
            s += trim_front(c[s:e])
            item = c[s:e]
            if not 2 <= len(item) <= 12 or not scene.is_free(s, e) or item[-1] in lx.FUNCTION_END:
                continue
            if scene.context_hit(out, s, e):
                continue
            if lx.ENUM_ITEM_KIND.search(item) or not _name_like(scene, item):
                continue
            scene.claim(out, Hit(s, e, EntityKind.company, item, "pattern.company.counted_list"))
    return out


def counted_facility_hits(scene: Scene) -> list[Hit]:
    """The hospitals and clinics a count of medical bodies names in brackets right after it: each
    item ending in a medical facility's kind (lexicon.COUNTED_FACILITY_SUFFIXES) with a name part
    before it is an institution, however plain the name (肛肠医院, 和谐医院: the register counts them
    one by one), and a hospital kind alone is the place's own hospital (人民医院, 中医院). Items
    that are other units (疾病预防控制中心, 卫生监督所) are left to the other rules; counted or class
    items (中心卫生院5所, 民营医院) name none.

    Example: 民营医疗机构4个（红十字会医院、肛肠医院、杏林中医院、泰康老年护理院），县直单位3个（人民医院、中医院、卫生监督所）
    Finds: Institution 红十字会医院 | Institution 肛肠医院 | Institution 杏林中医院 | Institution 泰康老年护理院 | Institution 人民医院 | Institution 中医院
    """
    c, out = scene.c, []
    not_names = scene.not_names | lx.HOSPITAL_CLASS_WORDS
    for m in lx.COUNTED_FACILITY_OPEN.finditer(c):
        a = m.end()
        depth, b = 0, a
        while b < len(c) and b - a < 200 and not (c[b] == ")" and depth == 0) and c[b] not in "。；;":
            depth += {"(": 1, ")": -1}.get(c[b], 0)
            b += 1
        if b >= len(c) or c[b] != ")":
            continue  # no closing bracket: no register
        for s, e in _split_items(c, a, b):
            item = c[s:e]
            suffix = next((x for x in lx.COUNTED_FACILITY_SUFFIXES if item.endswith(x)), None)
            if suffix is None or not scene.is_free(s, e) or any(ch.isdigit() or ch in "()" for ch in item):
                continue
            body = item[:-len(suffix)]
            if not body or body[-1] in lx.FUNCTION_END:
                continue
            if body in lx.HOSPITAL_KIND_NAMES or scene.residue(body, not_names) >= 1:
                scene.claim(out, Hit(s, e, EntityKind.institution, item, "pattern.institution.counted_list"))
    return out


def invested_list_hits(scene: Scene) -> list[Hit]:
    """A list of investments named by their investors, 投资 + a sum + 的 + X joined by 、, where one
    X opens with a known company (阿里巴巴农村淘宝): the other Xs that read as names are firms too
    (the projects are called by the firms that invest). An X that ends like a project (…项目, …工程)
    or a kind names none, and a list with no known firm in it types nothing.

    Example: 较大项目有：投资达11亿元的虹发铝型材、投资10亿元的帛士数码、投资达1.2亿元的阿里巴巴农村淘宝等。
    Finds: Company 虹发铝型材 | Company 帛士数码 | Company 阿里巴巴
    """
    c, out = scene.c, []
    firms = {h.start for h in scene.hits if h.label is EntityKind.company}
    lists: list[list[tuple[int, int]]] = []
    for m in lx.INVESTED_ITEM.finditer(c):
        span = m.span("x")
        if lists and c[lists[-1][-1][1]:m.start()] == "、":
            lists[-1].append(span)
        else:
            lists.append([span])
    for items in lists:
        if len(items) < 2 or not any(s in firms for s, _ in items):
            continue
        for s, e in items:
            item = c[s:e]
            if s in firms or not scene.is_free(s, e) or item.endswith(lx.PROJECT_ITEM_ENDS) or \
                    lx.ENUM_ITEM_KIND.search(item) or not _name_like(scene, item):
                continue
            scene.claim(out, Hit(s, e, EntityKind.company, item, "pattern.company.invested_list"))
    return out


def operator_list_hits(scene: Scene) -> list[Hit]:
    """The telecom operators written bare in a list of their own (移动、电信和联通三家): each item is
    the operator (its registry entry, lexicon.OPERATOR_SHORT_NAMES). The list must be whole: it
    opens after a mark or a verb that introduces it (来自, 含) and ends at a mark, 等, a count of
    firms or 运营商; 电信、移动通信 and 广播、电视、电信 are sectors.

    Example: 电信数据来自移动、电信和联通三家；电信业务（含移动、联通、电信三家）增长
    Finds: Company 移动 | Company 电信 | Company 联通
    """
    c, out = scene.c, []
    for m in lx.OPERATOR_LIST.finditer(c):
        s, e = m.span()
        if s > 0 and scene.is_name_char(s - 1) and not c.endswith(lx.OPERATOR_LIST_OPENERS, 0, s):
            continue  # 推动移动、联通: the list's start is not where a list opens
        items = [(k.start() + s, k.end() + s) for k in re.finditer("|".join(lx.OPERATOR_SHORT_NAMES), c[s:e])]
        if len({c[a:b] for a, b in items}) != len(items) or not all(scene.is_free(a, b) for a, b in items):
            continue
        for a, b in items:
            scene.claim(out, Hit(a, b, EntityKind.company, lx.OPERATOR_SHORT_NAMES[c[a:b]], "pattern.company.operators",
                                 "telecom_operator"))
    return out


def _list_cues(c: str):
    """(end of the list, start of the list, kind word, modifier) of each typed list:
    '甲、乙等[modifier]企业' (the list runs back to the clause mark) and '以甲、乙为代表的[modifier]
    企业' (it runs back to 以)."""
    for m in lx.ENUM_CUE.finditer(c):
        p = m.start()
        if p == 0 or c[p - 1] in "平高同对均相初中上次等":
            continue
        a = p
        while a > 0 and c[a - 1] not in _LIST_STOP and p - a < 80:
            a -= 1
        yield p, a, m.group("kind"), c[p + 1:m.start("kind")]
    for m in lx.REPRESENTED_CUE.finditer(c):
        p = m.start()
        a = c.rfind("以", max(0, p - 60), p)
        if a < 0 or any(ch in _LIST_STOP for ch in c[a:p]):
            continue
        yield p, a + 1, m.group("kind"), m.group("mod")


def _kind_modifier(modifier: str) -> bool:
    """Whether the words between 等 and the kind word still let the items be names: 等企业,
    等龙头企业, 等钢铁企业, 等人工智能企业 do; 等行业龙头企业, 等互联网应用服务企业 (the items are
    industries or services) and 等信息技术在物流企业 (a clause ran on) do not. A count right after
    等 counts firms (培育了超聚变、中创智领等一批行业领军企业): then 行业 is the firms' standing."""
    counted = lx.QUANTITY.match(modifier) is not None
    if any(w in modifier for w in lx.ENUM_SECTOR_MODIFIERS if not (counted and w == "行业")):
        return False
    return not any(ch in lx.FUNCTION_END for ch in modifier) and not any(w in modifier for w in lx.CUT_WORDS)


def _name_like(scene: Scene, item: str) -> bool:
    """Whether a list item with no known name beside it reads as a proper name: a name part left
    after generic, sector and technology words (思必驰, 宝钢, SABIC; not 钢铁, 电子信息, 人工智能),
    no verb inside (推动产业发展), and not a place alone (沙特)."""
    if any(w in item for w in lx.CUT_WORDS) or item in lx.PLACES or item.endswith(lx.AGENCY_SUFFIXES):
        return False
    if item.endswith(lx.KIND_NOUNS + lx.ENUM_INSTITUTION_KINDS):
        return False  # 保险公司、科研院所: a kind of body listed beside firms names none
    if item.endswith(lx.POST_WORDS) or any(w in item for w in lx.LEAD_CLAUSE_WORDS):
        return False  # 各委员会主任 (a post), 审计署根据法律 (a clause)
    words = scene.not_names | lx.SECTOR_WORDS
    return scene.residue(item, words) >= 2


def sibling_hits(scene: Scene) -> list[Hit]:
    """A name listed right beside a known or suffix-named company with 、: 支持麒麟软件、飞腾信息技术
    有限公司建设…, 推动比亚迪股份有限公司、宁德时代与厦门大学…. The item before runs back to the
    clause's verb, the item after up to the next list joiner (、 与 和 及 等 ，); both must read as
    a name (see _name_like).

    Example: 天津市支持麒麟软件、飞腾信息技术有限公司建设适配中心
    Finds: Company 麒麟软件 | Company 飞腾信息技术有限公司
    """
    c, out = scene.c, []
    for _ in range(8):  # each pass takes the item beyond a new one (甲、乙、丙、已知公司)
        before = len(out)
        by_start: dict[int, list[Hit]] = {}
        for h in scene.hits:
            by_start.setdefault(h.start, []).append(h)
        longest = max((h.end - h.start for h in scene.hits), default=0)
        anchors = [h for h in scene.hits if c[h.start - 1:h.start] == "、" or c[h.end:h.end + 1] == "、"]
        anchors = [h for h in anchors if _firm_anchor(h, by_start, longest)]
        for h in anchors:
            if h.start > 0 and c[h.start - 1] == "、":
                e = h.start - 1
                w0, _ = scene.window(e, 10)
                s = w0 + trim_front(c[w0:e])
                # The item must open the list: after the clause's verb, or after a list mark.
                if 0 < e - s and (s > w0 or w0 == 0 or c[w0 - 1] in lx.LIST_OPENERS):
                    _sibling(scene, out, s, e)
            if h.end < len(c) and c[h.end] == "、":
                s = h.end + 1
                m = lx.SIBLING_END.search(c, s, min(len(c), s + 11))
                if m is not None:
                    # The last item runs up to the clause's next verb: 引进商汤科技、旷视科技落户园区.
                    e = min([k for k in (c.find(w, s + 2, m.start()) for w in lx.CUT_WORDS) if k > 0],
                            default=m.start())
                    _sibling(scene, out, s, e)
        if len(out) == before:
            break  # no new item: the chain of siblings is complete
    return out


def _firm_anchor(h: Hit, by_start: dict[int, list[Hit]], longest: int) -> bool:
    """A company that stands on its own (not inside a longer name) and is a firm, not a product
    platform: lists beside 支付宝, 微信 name products and channels (银行卡、支付宝、财付通、手机钱包).
    Only hits starting within the longest hit's length before `h` can hold it (looked up by start,
    not by a scan of every hit: that grew with the square of a document's size)."""
    if h.label is not EntityKind.company or h.category in lx.PLATFORM_CATEGORIES:
        return False
    if h.rule == NAMELIST_CONTEXT_RULE:
        return False  # a name known only from its context vouches for no neighbour (农产品、新产业)
    return not any(o is not h and h.end <= o.end and o.end - o.start > h.end - h.start
                   for a in range(h.start - longest, h.start + 1) for o in by_start.get(a, ()))


def sector_group(scene: Scene, s: int, e: int) -> bool:
    """Whether c[s:e] is a sector word + 集团/控股 (能源集团, 大数据集团, 纺织集团, 海南控股): a
    province's state firm by its short form. Only a list that already holds a firm can say so
    (the callers' condition), and only beside another firm of its clause with the same word; no
    company or institution may overlap it (a technology may: 大数据).

    Example: 完成能源集团、大数据集团、民航集团等一批企业战略性重组 (能源集团, 大数据集团: True)
    """
    item = scene.c[s:e]
    suffix = next((x for x in lx.SECTOR_GROUP_SUFFIXES if item.endswith(x)), None)
    if suffix is None or not 2 <= len(item) - len(suffix) <= 4 or any(w in item for w in lx.CUT_WORDS):
        return False
    if any(h.start < e and s < h.end for h in scene.hits if h.label in ORG):
        return False
    part = item[:-len(suffix)]
    if not (part in lx.SECTOR_WORDS or part in scene.generic or _place_len(part) == len(part)):
        return False
    # Only among groups: another company of the same clause ends with the same word (报业集团、深圳
    # 广电等传统媒体 is a kind of media beside a broadcaster, no list of groups).
    c = scene.c
    a = max(c.rfind(m, 0, s) for m in "，。；：,;: ") + 1
    b = min([k for k in (c.find(m, e) for m in "，。；：,;: ") if k >= 0], default=len(c))
    return any(h.label is EntityKind.company and a <= h.start and h.end <= b and not (h.start == s and h.end == e)
               and c.endswith(suffix, h.start, h.end) for h in scene.hits)


def product_list(c: str, pos: int) -> bool:
    """Whether the list item at `pos` belongs to a list that its closing 等 types as products,
    projects or results (lexicon.PRODUCT_LIST_KINDS): the 等 comes before the clause ends and the
    kind word before the next mark.

    Example: 加快推进奇瑞乘用车技改、中创新航动力电池及储能等项目 (at 中创新航: True)
    """
    stop = min([k for k in (c.find(m, pos) for m in "，。；：,;:") if k >= 0], default=len(c))
    k = c.find("等", pos, stop)
    if k < 0:
        return False
    last = c[max(c.rfind("、", pos, k), pos - 1) + 1:k]
    if len(last) > 2 and last.endswith(lx.PROJECT_ITEM_ENDS):
        return True  # 大同棚室、杜尔伯特谷实公司生猪养殖项目等: the last item is a project, so are the others
    tail = c[k + 1:min(stop, k + 15)]
    for m in "、（(":
        if m in tail:
            tail = tail[:tail.index(m)]
    product = min((i for i in (tail.find(w) for w in lx.PRODUCT_LIST_KINDS) if i >= 0), default=-1)
    firm = min((i for i in (tail.find(w) for w in lx.KIND_NOUNS + lx.FIRM_KIND_SHORT) if i >= 0), default=-1)
    # 等企业技术改造项目: the firms come first, the project is theirs; the list is of firms.
    return product >= 0 and (firm < 0 or product < firm)


def product_item(c: str, h: Hit) -> bool:
    """Whether a known company's name is a whole item of a product list (牛羊肉、小米、鲜食玉米等
    绿色农畜产品品牌: 小米 is millet): the item runs from a mark to 、 or 等."""
    before = c[h.start - 1] if h.start else "，"
    after = c[h.end:h.end + 1]
    return h.label is EntityKind.company and before in lx.LIST_OPENERS and after in ("、", "等") \
        and product_list(c, h.start)


def _sibling(scene: Scene, out: list[Hit], s: int, e: int) -> None:
    item = scene.c[s:e]
    if product_list(scene.c, s):
        return  # 重点行业高质量数据集、科大讯飞人工智能基地等项目: the items are projects
    close = scene.c.find(")", e, e + 14) if scene.c.startswith("(", e) else -1
    if close > 0 and close + 1 < len(scene.c) and is_cjk(scene.c[close + 1]):
        return  # 国家城市信息模型（CIM）工程技术研究中心: the bracket is inside a longer name
    if scene.context_hit(out, s, e):
        return  # 华为、中国石化: a listed firm's short name beside a known firm
    if sector_group(scene, s, e):
        scene.claim(out, Hit(s, e, EntityKind.company, item, "pattern.company.list_sibling"))
        return  # 农发集团、纺织集团、外经贸集团: a sector group beside known groups
    if not 2 <= len(item) <= 10 or not scene.is_free(s, e) or item[-1] in lx.FUNCTION_END:
        return
    if lx.ENUM_ITEM_KIND.search(item) or not _name_like(scene, item):
        return
    if any(not scene.is_name_char(i) for i in range(s, e)):
        return
    scene.claim(out, Hit(s, e, EntityKind.company, item, "pattern.company.list_sibling"))


def partner_hits(scene: Scene) -> list[Hit]:
    """The partner of 与X合作 / 与X签署…协议 / 与X共建, and the firm of 引进X落户, in a sentence about
    firms: 鼓励本地企业与思必驰合作, 引进旷视科技落户园区. X must read as a name (not a place, kind, sector or generic phrase: 与周边城市合作,
    与社会资本合作, 与高校合作 name nothing).

    Example: 鼓励本地企业与思必驰开展战略合作
    Finds: Company 思必驰
    """
    c, out = scene.c, []
    for m in lx.PARTNER_CUE.finditer(c):
        s, e = m.span("x") if m.group("x") else m.span("y")
        item = c[s:e]
        if not scene.is_free(s, e) or item.endswith(lx.PARTNER_KIND_ENDS) or lx.ENUM_ITEM_KIND.search(item):
            continue
        if any(p in item for p in lx.PHRASE_PARTICLES):
            continue  # 与韩国的科技双边合作: a phrase with 的, no partner's name
        if not any(w in scene.sentence_of(s) for w in lx.FIRM_CONTEXT_WORDS):
            continue
        if scene.context_hit(out, s, e):
            continue  # 鼓励企业与中国石化合作: a listed firm's short name as the partner
        if not _name_like(scene, item):
            continue
        scene.claim(out, Hit(s, e, EntityKind.company, item, "pattern.company.partner"))
    return out


_SHORT_FORM = re.compile(r"\((?:以下)?(?:简称|下称)[：:]?[“\"']?([^”\"'()，。,：:]{2,8}?)[”\"']?\)"
                         # …有限责任公司，简称双银公司）: the definition after a comma, inside the bracket
                         # the name stands in (运营管理实体：四川双银创促科技有限责任公司，简称双银公司).
                         r"|,(?:以下)?(?:简称|下称)[：:]?[“\"']?([^”\"'()，。,：:;]{2,8}?)[”\"']?(?=[)。;])")


def short_form_hits(scene: Scene) -> list[Hit]:
    """A short form the text defines for a company or institution it has just named, and every
    later use of it: 太原钢铁（集团）有限公司（以下简称“太钢”）… 太钢投资…. Each use is a mention of the
    full name (its canonical name), so the two merge into one entity.

    The definition may also follow the name after a comma inside a bracket (（运营管理实体：四川双银
    创促科技有限责任公司，简称双银公司）).

    Example: 杏儿沟煤业有限责任公司（以下简称杏煤公司）北风井负责人；杏煤公司董事长
    Finds: Company 杏儿沟煤业有限责任公司 | Company 杏煤公司
    """
    c, out = scene.c, []
    for m in _SHORT_FORM.finditer(c):
        full = scene.org_ending_at(m.start())
        if full is None:
            continue
        short = m.group(1) or m.group(2)
        for k in re.finditer(re.escape(short), c):
            s, e = k.span()
            same = [h for h in scene.hits if (h.start, h.end) == (s, e)]
            for h in same:  # 杏煤公司 already read by the suffix rule: it is the defined short form
                # A name list's short name (京东方, a stock short name) is the text's own short
                # form too: the definition says which firm it stands for here. The curated
                # registries' aliases keep their entry.
                if not h.in_gazetteer or h.rule == NAMELIST_RULE:
                    h.name, h.rule, h.label = full.name, "pattern.short_form", full.label
                    h.in_gazetteer = False
                    h.category = None
            if not same and scene.is_free(s, e):
                scene.claim(out, Hit(s, e, full.label, full.name, "pattern.short_form"))
    return out


def second_name_hits(scene: Scene) -> list[Hit]:
    """A body's second name in brackets right after it (合署 bodies, a centre a body also runs:
    山东第一医科大学（山东省医学科学院）, 中国城市规划设计研究院（部遥感应用中心）) is an alias of the
    first: the bracketed mention takes its name, so the two merge into one entity. The bracket
    must hold exactly one company or institution of the same type (a campus or a place is read
    by campus_hits, a defined short form by short_form_hits).

    Example: 支持山东第一医科大学（山东省医学科学院）、齐鲁工业大学（山东省科学院）等新建高校探索
    Finds: Institution 山东第一医科大学 | Institution 山东省医学科学院 | Institution 齐鲁工业大学 | Institution 山东省科学院
    """
    c = scene.c
    by_span = {(h.start, h.end): h for h in scene.hits if h.label in ORG}
    for (s, e), h in list(by_span.items()):
        if not c.startswith("(", e):
            continue
        close = c.find(")", e + 1, e + 32)
        inner = by_span.get((e + 1, close)) if close > 0 else None
        if inner is None or inner.label is not h.label or inner.name == h.name:
            continue
        inner.name, inner.rule, inner.in_gazetteer, inner.category = h.name, "pattern.second_name", False, h.category
    return []


def place_alias_hits(scene: Scene) -> list[Hit]:
    """A pattern name written again without the place it opens with (上海崇明区横沙乡民星经济合作社 in the
    项目单位 cell, 崇明区横沙乡民星经济合作社 in the project's name; 深圳市 + 腾讯计算机系统有限公司) is the
    same body: the shorter mention takes the longer one's name, so the two merge into one entity.
    Only when exactly one longer name of the same type is the shorter one behind a place.

    Example: 崇明区横沙乡民星经济合作社光伏发电项目，项目单位：上海崇明区横沙乡民星经济合作社。
    Finds: Company 崇明区横沙乡民星经济合作社 | Company 上海崇明区横沙乡民星经济合作社
    """
    names: dict[tuple[EntityKind, str], list[Hit]] = {}
    for h in scene.hits:
        if h.label in ORG:
            names.setdefault((h.label, h.name), []).append(h)
    for h in scene.hits:
        if h.label not in ORG or h.in_gazetteer or not h.rule.startswith("pattern."):
            continue
        longer = {n for (label, n) in names if label is h.label and len(n) > len(h.name) and n.endswith(h.name)
                  and _place_len(n[:-len(h.name)]) == len(n) - len(h.name)}
        if len(longer) == 1:
            h.name, h.rule = longer.pop(), "pattern.place_alias"
    return []


def _split_items(c: str, a: int, p: int) -> list[tuple[int, int]]:
    """Spans of the '、'-separated items in c[a:p]; the last pair may be joined by 和/与/及."""
    spans, s = [], a
    for i in range(a, p + 1):
        if i == p or c[i] == "、":
            if i > s:
                spans.append((s, i))
            s = i + 1
    if spans:
        s, e = spans[-1]
        for conj in ("以及", "和", "与", "及"):
            k = c.find(conj, s + 2, e - 1)
            if k > 0 and k - s >= 2 and e - (k + len(conj)) >= 2:
                spans[-1:] = [(s, k), (k + len(conj), e)]
                break
    # The first item still carries the clause's verb (依托腾讯): the caller trims it.
    return spans


_LATIN_BRAND = re.compile(
    r"(?<![A-Za-z0-9])([A-Z][A-Za-z]{0,5}[0-9][A-Za-z0-9]{0,4}[\u4e00-\u9fff]{2,4}?)(?=、|等|和|与|，|,)"
)


def latin_brand_hits(scene: Scene) -> list[Hit]:
    """A Latin-with-digit brand with a Chinese tail, in a list.

    Example: 依托腾讯、Q9音乐、迅雷等企业
    Finds: Company Q9音乐
    """
    out = []
    for m in _LATIN_BRAND.finditer(scene.c):
        s, e = m.span(1)
        cjk = re.sub(r"^[A-Za-z0-9]+", "", m.group(1))
        if not scene.is_free(s, e) or cjk in scene.generic or cjk.endswith(lx.DESIGNATION_ENDS):
            continue  # G60科创走廊: a corridor's title, no brand
        if cjk.endswith(lx.LATIN_PRODUCT_TAILS) or "线" in cjk or product_list(scene.c, s):
            continue  # T1000碳纤维, V11操作系统, R1线先行段: a product, model or line, no firm
        scene.claim(out, Hit(s, e, EntityKind.company, m.group(1), "pattern.company.latin_brand"))
    return out


_ACR = r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*"
_ACR_INNER = re.compile(r"[A-Z][A-Za-z0-9]{1,9}")
_PAREN_AFTER = re.compile(rf"([\u4e00-\u9fff]{{2,14}})\(\s*({_ACR})\s*\)")
_PAREN_BEFORE = re.compile(rf"(?<![A-Za-z0-9-])({_ACR})\s*\(\s*([\u4e00-\u9fff]{{2,14}})\s*\)")
_ACR_TOKEN = re.compile(rf"(?<![A-Za-z0-9-])({_ACR})(?![A-Za-z0-9-])")
_GENERATION = re.compile(r"(?<![A-Za-z0-9.])([2-9]G)(?![A-Za-z0-9])")


def acronym_shape(acr: str) -> bool:
    """RFID, NB-IoT, LoRa, HTML5: two capitals, or a capital and a digit; not a blocked word."""
    if not 2 <= len(acr) <= 12 or acr.upper() in lx.ACRONYM_BLOCKLIST:
        return False
    upper = sum(ch.isupper() for ch in acr)
    return upper >= 2 or (upper >= 1 and any(ch.isdigit() for ch in acr))


def paren_acronym_hits(scene: Scene) -> list[Hit]:
    """中文术语（ACR） or ACR（中文术语）, the term ending like a technology.

    Example: 部署时间敏感网络（TSN）
    Finds: Technology 时间敏感网络 | Technology TSN
    """
    c, out = scene.c, []
    pairs = []
    for m in _PAREN_AFTER.finditer(c):
        pairs.append((m.span(1), m.span(2)))
    for m in _PAREN_BEFORE.finditer(c):
        pairs.append((m.span(2), m.span(1)))
    rule = "pattern.technology.paren_acronym"
    for (ts, te), (as_, ae) in pairs:
        acr = c[as_:ae]
        ts += trim_front(c[ts:te])
        # 'LoRa网络和量子通信技术（QKD）': the acronym glosses the last of coordinated terms.
        conj = list(_CONJ.finditer(c, ts, te))
        if conj:
            ts = conj[-1].end()
        if not acronym_shape(acr) or not scene.is_free(as_, ae):
            continue
        # A known technology glossed as a whole or as 'X技术' (量子通信技术（QKD）): the acronym is
        # another name of that entry; 'X技术' itself is a descriptor, not a name.
        known = scene.tech_spanning(ts, te) or (
            scene.tech_spanning(ts, te - 2) if c.endswith("技术", ts, te) else None)
        if known is not None:
            scene.claim(out, Hit(as_, ae, EntityKind.technology, known.name, rule, known.category))
            continue
        term = c[ts:te]
        if len(term) < 3 or not lx.TECH_HEAD.search(term) or not scene.is_free(ts, te):
            continue
        if any(w in term for w in lx.PAREN_TERM_VETO):
            continue  # 跨境支付清算系统（CIPS）: a payment system, finance
        umbrella = next((u for u in lx.UMBRELLA_TERM_ENDS if term.endswith(u)), None)
        if umbrella and scene.residue(term[:-len(umbrella)]) == 0:
            continue  # 全国基础设施（REITs）: nothing names the infrastructure
        scene.claim(out, Hit(ts, te, EntityKind.technology, acr, rule))
        scene.claim(out, Hit(as_, ae, EntityKind.technology, acr, rule))
    # An acronym the text has glossed names the same technology wherever it stands alone
    # (城市信息模型（CIM）… 建设CIM基础平台), as a short form a text defines does.
    glossed = {c[h.start:h.end]: h for h in out if re.fullmatch(_ACR, c[h.start:h.end])}
    for m in _ACR_TOKEN.finditer(c):
        s, e = m.span(1)
        h = glossed.get(m.group(1))
        if h is not None and scene.is_free(s, e):
            scene.claim(out, Hit(s, e, EntityKind.technology, h.name, rule, h.category))
    return out


def acronym_hits(scene: Scene) -> list[Hit]:
    """A Latin acronym followed by 技术/网络/协议/芯片 … or after 基于/部署 …; 2G … 9G.

    Example: 推广LoRa网络，研究7G
    Finds: Technology LoRa | Technology 7G
    """
    c, out = scene.c, []
    for m in _ACR_TOKEN.finditer(c):
        s, e = m.span(1)
        acr = m.group(1)
        if not acronym_shape(acr) or not scene.is_free(s, e):
            continue
        if lx.ACRONYM_NEXT.match(c, e) or lx.ACRONYM_PREV.search(c[max(0, s - 4):s]):
            scene.claim(out, Hit(s, e, EntityKind.technology, acr, "pattern.technology.acronym"))
    for m in _GENERATION.finditer(c):
        s, e = m.span(1)
        if scene.is_free(s, e):
            scene.claim(out, Hit(s, e, EntityKind.technology, m.group(1), "pattern.technology.generation"))
    for m in lx.GENERATION_WORDS.finditer(c):
        s, e = m.span()
        if scene.is_free(s, e):
            # 第六代通信 is 6G written out: the same entity as the acronym.
            n = "一二三四五六七八九".index(m.group(1)) + 1
            scene.claim(out, Hit(s, e, EntityKind.technology, f"{n}G", "pattern.technology.generation"))
    return out


def modified_technology_hits(scene: Scene) -> list[Hit]:
    """A known technology with a modifier that makes it a narrower term (lexicon.TECH_MODIFIERS):
    the whole term is the technology (类脑 + 人工智能), not the known one inside it. The hit is
    widened in place, so what it produced before (the gazetteer's 人工智能) is not also kept.

    Example: 持续推进脑科学与类脑人工智能、量子科技等领域研究
    Finds: Technology 类脑人工智能
    """
    c, out = scene.c, []
    changed = False
    for h in scene.hits:
        if h.label is not EntityKind.technology:
            continue
        for mod in lx.TECH_MODIFIERS:
            s = h.start - len(mod)
            if s >= 0 and c.startswith(mod, s) and scene.is_free(s, h.start) and not scene.c[h.start:h.end].startswith(mod):
                h.start, h.name, h.rule, h.in_gazetteer, h.category = s, c[s:h.end], "pattern.technology.modified", False, None
                changed = True
    if changed:
        scene._refresh()
    return out


def technology_sibling_hits(scene: Scene) -> list[Hit]:
    """A 、-list item beside a known technology that is a narrowing word + a technology head
    (lexicon.TECH_SIBLING_HEADS: 智能, 信息): 类脑智能 and 量子信息 listed with 脑机接口 and
    人形机器人 name frontier technologies; 人形机器人, 生物制造 (no such head), 电子信息 (a generic
    modifier) and any item of a list that holds no known technology stay out.

    Example: 推动脑机接口、类脑智能、量子信息、量子计算等产业发展
    Finds: Technology 类脑智能 | Technology 量子信息
    """
    c, out = scene.c, []
    techs = {(h.start, h.end) for h in scene.hits if h.label is EntityKind.technology}
    for clause in re.finditer(r"[^，。；：,;:！？ ]+", c):
        a, b = clause.span()
        if "、" not in c[a:b]:
            continue
        items, s = [], a
        for m in re.finditer("、|等", c[a:b]):
            items.append((s, a + m.start()))
            s = a + m.end()
            if m.group() == "等":
                break
        else:
            items.append((s, b))
        if not any(span in techs for span in items):
            continue
        for s, e in items:
            s += trim_front(c[s:e])
            item = c[s:e]
            head = next((x for x in lx.TECH_SIBLING_HEADS if item.endswith(x)), None)
            if head is None or (s, e) in techs or not scene.is_free(s, e):
                continue
            modifier = item[:-len(head)]
            if len(modifier) != 2 or modifier in scene.not_names or modifier in lx.SECTOR_WORDS or \
                    not all(is_cjk(ch) for ch in modifier):
                continue
            scene.claim(out, Hit(s, e, EntityKind.technology, item, "pattern.technology.list_sibling"))
    return out


# The pattern rules in the order they run, by rule family (the evidence rule ids start with
# `pattern.<family>`). Order matters: institutions before companies (a 研究中心 inside a company
# list is an institution), the list rules after the suffix rules (they need their companies as
# anchors), short forms after the names they abbreviate, and the acronym rules last. Each rule's
# docstring has an `Example:` sentence and the `Finds:` mentions it must yield
# (tests/test_entity_rules.py runs them).
PATTERN_RULES = (
    (("pattern.institution.university", "pattern.institution.research", "pattern.institution.centre",
      "pattern.institution.alliance", "pattern.institution.hospital", "pattern.institution.association",
      "pattern.institution.library"),
     institution_hits),
    (("pattern.institution.key_lab",), key_lab_hits),
    (("pattern.institution.university_short",), university_short_hits),
    (("pattern.institution.campus",), campus_hits),
    (("pattern.institution.hospital_campus",), hospital_campus_hits),
    (("pattern.institution.standards",), standards_body_hits),
    (("pattern.company.suffix", "pattern.company.bank", "pattern.company.broadcaster",
      "pattern.company.place_headed", "pattern.company.branch"), company_hits),
    (("pattern.company.credit_code",), credit_code_hits),
    (("pattern.company.web_platform",), web_platform_hits),
    (("pattern.company.latin_brand",), latin_brand_hits),
    (("pattern.company.enumeration", "pattern.company.typed_list", "pattern.institution.typed_list"),
     enumeration_hits),
    (("pattern.company.counted_list",), counted_bracket_hits),
    (("pattern.institution.counted_list",), counted_facility_hits),
    (("pattern.company.operators",), operator_list_hits),
    (("pattern.company.invested_list",), invested_list_hits),
    (("pattern.company.list_sibling",), sibling_hits),
    (("pattern.company.partner",), partner_hits),
    (("pattern.short_form",), short_form_hits),
    (("pattern.second_name",), second_name_hits),
    (("pattern.place_alias",), place_alias_hits),
    (("pattern.technology.paren_acronym",), paren_acronym_hits),
    (("pattern.technology.acronym", "pattern.technology.generation"), acronym_hits),
    (("pattern.technology.modified",), modified_technology_hits),
    (("pattern.technology.list_sibling",), technology_sibling_hits),
)


def pattern_hits(compact: str, gazetteer_hits: list[Hit], generic_extra: frozenset[str], in_body=None,
                 context_names=None, breaks: frozenset[int] = frozenset(), agencies=()) -> list[Hit]:
    """All pattern-rule hits, each rule seeing what the gazetteer and earlier rules claimed
    (PATTERN_RULES gives the order); `in_body(hit)` says which hits are part of a government
    body's name (they are not claimed); `context_names` are the context-only list names
    (Gazetteer.context_names) the list rules may take."""
    scene = Scene(compact, gazetteer_hits, generic_extra, in_body, context_names, breaks, agencies)
    found: list[Hit] = []
    for _, rule in PATTERN_RULES:
        found.extend(rule(scene))  # each rule claims its hits on the scene as it goes
    return found
