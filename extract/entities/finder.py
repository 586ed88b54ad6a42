"""Find companies, institutions and technologies in a span of plan text.

`find_entities(doc_id, text, start)` is pure: the same text gives the same mentions, offsets
index the original document (`start` is where `text` begins in it), and each mention's Evidence
names the gazetteer or pattern rule that produced it.

How it works:
  1. a normalised view of the text (textview.py) folds full-width characters and drops the
     whitespace PDFs leave inside names, keeping a map back to the original offsets;
  2. every gazetteer alias is matched (a trie walk at each position, so nested names are seen);
  3. pattern rules (entity_rules.py) propose names no gazetteer lists;
  4. hits that are part of a government body's name are dropped (中国人民银行 in
     中国人民银行深圳市中心支行, 大数据 in 市大数据发展局), and so is a technology word that is
     only the first half of a facility type (超级计算中心, 城市大数据中心);
  5. overlaps are resolved: gazetteer before pattern, longer before shorter. A company or
     institution inside a longer one (华为 in 华为下一代互联网工程研究中心) is kept and points at
     it with `inside`; a technology inside a name (云计算 in 深圳云计算中心) is dropped, as is
     anything that partly crosses a kept mention.

What is deliberately not an entity: bare kind words (企业, 公司, 银行, 集团, 大学, 实验室, 中心),
generic kinds (商业银行, 国家重点实验室, 数据中心, 服务中心), and 互联网 on its own, which the
plans use for the sector and the 互联网＋ policy rather than for a technology (the specific
technologies 移动互联网, 下一代互联网, 工业互联网, 物联网 are entities).
"""

from __future__ import annotations

from bisect import bisect_left

from policykg.extract.entities import lexicon as lx
from policykg.extract.entities.rules import NAMELIST_RULE, ORG, Hit, Scene, pattern_hits, product_item, trim_front
from policykg.extract.entities.gazetteer import AliasRef, Gazetteer, canonical_id, default_gazetteer
from policykg.extract.entities.textview import TextView, build_view, compact_key, is_cjk
from policykg.schema.entities import EntityKind, EntityMention
from policykg.schema.models import Evidence

# Words that may stand right before / after a `strict` alias (besides punctuation): the verbs and
# function words the pattern rules cut names at.
_STRICT_LEFT = tuple(sorted(lx.CUT_WORDS | lx.LEAD_WORDS))
_STRICT_RIGHT = ("等", "和", "与", "及", "或", "为", "的", "在", "将", "是", "公司", "集团", "开展", "参与",
                 "建设", "投资", "合作", "联合", "牵头", "已", "也", "还", "通过", "提供", "推出",
                 # 京东方第8.6代线: an ordinal after a firm's name opens its project or line
                 "第")


def find_entities(
    doc_id: str, text: str, start: int = 0, gazetteer: Gazetteer | None = None
) -> list[EntityMention]:
    """Mentions in `text`, which is document[start:start+len(text)], sorted by position."""
    gaz = gazetteer or default_gazetteer()
    view = build_view(text)
    c = view.compact
    spans = agency_spans(c, gaz)
    blocked = _SpanLookup(spans)
    breaks = cell_breaks(view)
    gaz_hits = [h for h in gazetteer_hits(c, gaz) if not _in_body_name(c, h, blocked)
                and not _crosses(h, breaks) and not _place_in_list(c, h) and not product_item(c, h)]
    pat_hits = [h for h in pattern_hits(c, gaz_hits, _tech_words(gaz), lambda h: _in_body_name(c, h, blocked),
                                        gaz.context_names, breaks, spans)
                if not _in_body_name(c, h, blocked)]
    kept, inside = resolve(gaz_hits, pat_hits)
    return [_mention(doc_id, view, h, start, inside.get(id(h)), gaz) for h in kept]


def cell_breaks(view: TextView) -> frozenset[int]:
    """Compact positions i where a table cell ends right before compact[i]: on each side of a
    line that holds only a row number or a count (lexicon.CELL_LINE). The view drops the line
    breaks between Chinese characters and digits (a PDF wraps lines inside names), so a table
    typed one cell a line reads 丽水学院1事业8莲都区退役军人服务中心 there; no name crosses such
    a line.

    Example: the lines 7 / 丽水学院 / 1 / 事业 give breaks before 丽水学院, before 1 and before 事业.
    """
    def cut(pos: int) -> int | None:
        i = bisect_left(view.index, pos)
        return i if 0 < i < len(view.index) else None

    # (pattern, the text positions of a match where a cell ends)
    ends = [
        (lx.CELL_LINE, lambda m: m.span(1)),
        # 莲都区 alone on its line: a cell, both ends.
        (lx.PLACE_CELL_LINE, lambda m: m.span(1)),
        # 浙江…有限公司 / 莲都区 / 浙江…有限公司: a legal name is complete at its line's end.
        (lx.FIRM_LINE_END, lambda m: (m.end(),)),
        # 北京离子探针中心 / 国家大型科学仪器中心, 1、主办单位 / 国家…中心: a body's name, or a label,
        # is complete at its line's end (a list typed one name a line).
        (lx.INSTITUTION_LINE_END, lambda m: (m.end(),)),
        (lx.LABEL_LINE_END, lambda m: (m.end(),)),
        # 国家…中心副主任␣␣␣苏  靖 / 国家…研究中心主任: the person ends the line, the next body starts afresh.
        (lx.POST_PERSON_LINE, lambda m: (m.end(1),)),
        # …光伏发电项目 / 上海工汉新能源科技有限公司: the project's cell ends at its line's end.
        (lx.PROJECT_LINE_END, lambda m: (m.end(),)),
        # 刘　颖 安徽电信公司总经理: the body's name starts after the person's.
        (lx.PERSON_POST_LINE, lambda m: (m.start(1),)),
        # A short line without a sentence mark is a table cell or a heading, not a line a PDF
        # wrapped because it was full: what follows it starts afresh.
        (lx.SHORT_LINE, lambda m: (m.end(1),)),
    ]
    out = {i for pattern, positions in ends for m in pattern.finditer(view.text)
           for i in map(cut, positions(m)) if i is not None}
    return frozenset(out)


def _place_in_list(c: str, h: Hit) -> bool:
    """A name-list firm's short name that is an item of a list of places (嘉定、临港、奉贤、浦东金桥
    等区域: 浦东金桥 is a stock short name and a district's area): the place, not the firm. The
    curated registries' names keep their entry (lexicon.PLACE_LIST_TAIL)."""
    return h.label is EntityKind.company and h.rule.startswith(NAMELIST_RULE) and \
        bool(lx.PLACE_LIST_TAIL.match(c, h.end))


def _crosses(h: Hit, breaks: frozenset[int]) -> bool:
    return any(h.start < i < h.end for i in breaks) if breaks else False


def gazetteer_hits(compact: str, gaz: Gazetteer) -> list[Hit]:
    """Every alias occurrence, nested ones included."""
    trie = _trie(gaz)
    low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in compact)
    n = len(compact)
    hits: list[Hit] = []
    for i in range(n):
        node = trie
        j = i
        while j < n and low[j] in node:
            node = node[low[j]]
            j += 1
            for ref in node.get(_END, ()):
                if _accept(compact, i, j, ref):
                    e = ref.entry
                    hits.append(Hit(i, j, e.label, e.name, ref.rule, e.category, in_gazetteer=True))
    return hits


_END = "\0"


def _trie(gaz: Gazetteer) -> dict:
    cached = getattr(gaz, "_trie_cache", None)
    if cached is not None:
        return cached
    root: dict = {}
    for key, refs in gaz.index.items():
        node = root
        for ch in key:
            node = node.setdefault(ch, {})
        node.setdefault(_END, []).extend(refs)
    gaz._trie_cache = root  # type: ignore[attr-defined]
    return root


def _accept(c: str, i: int, j: int, ref: AliasRef) -> bool:
    key = ref.key
    if ref.case_sensitive and c[i:j] != key:
        return False
    # A Latin alias must not be part of a longer Latin word (IC in ICT, AI in MAIN), hyphenated
    # ones included (ITU in ITU-T, TD in TD-LTE).
    if key[0].isascii() and key[0].isalnum() and i > 0 and _latin(c[i - 1]):
        return False
    if key[0].isascii() and key[0].isalnum() and i > 1 and c[i - 1] == "-" and _latin(c[i - 2]):
        return False
    if key[-1].isascii() and key[-1].isalnum() and j < len(c) and _latin(c[j]):
        return False
    if key[-1].isascii() and key[-1].isalnum() and j + 1 < len(c) and c[j] == "-" and _latin(c[j + 1]):
        return False
    if any(c.startswith(w, j) for w in ref.entry.not_before):
        return False
    if ref.strict and not (_left_free(c, i) and _right_free(c, j)):
        return False
    if not _left_free(c, i) and _generic_alias(key):
        # 滨州渤海 + 先进技术研究院: an alias made of generic words and a suffix (the short form
        # 先进技术研究院 of 中国科学院深圳先进技术研究院) after name characters is the tail of
        # another body's name; the pattern rules read the whole name.
        return False
    return True


_GENERIC_ALIAS: dict[str, bool] = {}


def _generic_alias(key: str) -> bool:
    """Whether an institution-shaped alias names nothing but its kind: only generic and
    designation words before its suffix (先进技术研究院; not 之江实验室, 鹏城实验室)."""
    hit = _GENERIC_ALIAS.get(key)
    if hit is None:
        suffix = next((x for x in lx.INSTITUTION_SUFFIXES if key.endswith(x)), None)
        body = key[:-len(suffix)] if suffix else ""
        hit = bool(body) and Scene("", [], frozenset()).residue(body, lx.GENERIC_WORDS | lx.DESIGNATION_WORDS) == 0
        _GENERIC_ALIAS[key] = hit
    return hit


def _left_free(c: str, i: int) -> bool:
    return i == 0 or not _letter(c[i - 1]) or c.endswith(_STRICT_LEFT, 0, i)


def _right_free(c: str, j: int) -> bool:
    return j == len(c) or not _letter(c[j]) or c.startswith(_STRICT_RIGHT, j)


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def agency_spans(c: str, gaz: Gazetteer) -> list[tuple[int, int]]:
    """Where government bodies are named: the agency registry's names (carried by the gazetteer)
    and the state bodies that look like banks (entity_lexicon.STATE_BODIES)."""
    trie = _agency_trie(gaz)
    low = c.lower()
    spans = []
    for i in range(len(c)):
        node, j, last = trie, i, 0
        while j < len(c) and low[j] in node:
            node = node[low[j]]
            j += 1
            if _END in node:
                last = j
        if last:
            spans.append((i, last))
    return spans


def _agency_trie(gaz: Gazetteer) -> dict:
    cached = getattr(gaz, "_agency_trie_cache", None)
    if cached is not None:
        return cached
    root: dict = {}
    for name in (*gaz.agency_names, *lx.STATE_BODIES):
        key = compact_key(name).lower()
        if len(key) < 3:
            continue  # 各区, 市委: too short to contain a name
        node = root
        for ch in key:
            node = node.setdefault(ch, {})
        node[_END] = True
    gaz._agency_trie_cache = root  # type: ignore[attr-defined]
    return root


class _SpanLookup:
    """Agency spans looked up by start: only spans starting within the longest span's length
    before a hit can contain it (scanning every span for every hit grew with the square of a
    document's size)."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.by_start: dict[int, list[int]] = {}
        for a, b in spans:
            self.by_start.setdefault(a, []).append(b)
        self.longest = max((b - a for a, b in spans), default=0)

    def around(self, start: int, end: int) -> list[tuple[int, int]]:
        return [(a, b) for a in range(start - self.longest, start + 1) for b in self.by_start.get(a, ())
                if end <= b]


def _in_body_name(c: str, h: Hit, agencies: _SpanLookup) -> bool:
    """Whether `h` is only part of a government body's or a facility type's name."""
    around = agencies.around(h.start, h.end)
    if around:
        # A company or institution its registry lists under the very same name (中国科学院 is an
        # academy as well as a State Council body, 国家开发银行 a bank as well as an agency) is the
        # registry's entity, not part of a name.
        exact = (h.start, h.end) in around
        # A registered firm's legal name (中国建设银行股份有限公司, which the agency registry lists
        # as an alias of the bank's lineage) is a company whichever registry also holds it.
        registered = c.endswith(lx.REGISTERED_SUFFIXES, h.start, h.end)
        return not (exact and (h.in_gazetteer or registered) and h.label in ORG)
    if h.label is not EntityKind.technology:
        return False
    if c.startswith(lx.TECH_KIND_NEXT, h.end) or lx.TECH_CENTRE_AFTER.match(c, h.end):
        return True  # 超级计算中心, 城市大数据中心: a facility type; 遥感应用中心: a centre's field
    if lx.TECH_ZONE_AFTER.match(c, h.end):
        return True  # 人工智能创新发展试验区: part of a designated zone's name
    if lx.TECH_FUND_AFTER.match(c, h.end):
        return True  # 国家人工智能产业投资基金: part of a fund's name
    if lx.TECH_PARK_AFTER.match(c, h.end) and _in_park_name(c, h.start):
        return True  # 感知物联网产业园: the middle of a park's name
    before = c[h.start - 1] if h.start > 0 else ""
    return before in lx.TECH_AGENCY_BEFORE and bool(lx.TECH_AGENCY_AFTER.match(c, h.end))


def _in_park_name(c: str, start: int) -> bool:
    """Whether a name part stands right before c[start], up to a mark or eight characters back,
    once verbs and lead words are cut: a place or words no generic list holds (华府大道四段感知 +
    物联网产业园, 青岛市 + 人工智能产业园: True; 建设 + 物联网产业园, 开放 + 工业互联网园区: False)."""
    a = start
    while a > 0 and start - a < 8 and _letter(c[a - 1]):
        a -= 1
    rest = c[a:start][trim_front(c[a:start]):]
    if not rest:
        return False
    scene = Scene("", [], frozenset())
    return scene.residue(rest) >= 2 or any(rest.startswith(p) or rest.endswith(p) for p in lx.PLACES)


def _letter(ch: str) -> bool:
    return is_cjk(ch) or (ch.isascii() and ch.isalnum())


def _tech_words(gaz: Gazetteer) -> frozenset[str]:
    """Technology names count as generic inside organisation names (云计算实验室 is a kind)."""
    cached = getattr(gaz, "_tech_words_cache", None)
    if cached is None:
        cached = frozenset(
            compact_key(s) for e in gaz.entries if e.label is EntityKind.technology for s in e.surfaces
        )
        gaz._tech_words_cache = cached  # type: ignore[attr-defined]
    return cached


def resolve(gaz_hits: list[Hit], pat_hits: list[Hit]) -> tuple[list[Hit], dict[int, str]]:
    """Keep a consistent set of hits; return them by position and, for nested ones, the
    canonical id of the smallest kept mention around them (keyed by id(hit))."""
    order = sorted(gaz_hits, key=_priority) + sorted(pat_hits, key=_priority)
    # Hits are short, so only those starting within the longest hit's length can overlap one:
    # look them up by position bucket instead of scanning every kept hit (quadratic in the
    # document's length). `_admit`'s answer does not depend on the order it sees them in.
    longest = max((h.end - h.start for h in order), default=0)
    buckets: dict[int, list[Hit]] = {}

    def near(h: Hit) -> list[Hit]:
        return [k for b in range((h.start - longest) // _BUCKET, h.end // _BUCKET + 1) for k in buckets.get(b, ())]

    kept: list[Hit] = []
    for h in order:
        cands = near(h)
        before = {id(k) for k in cands}
        if _admit(h, cands):
            dropped = before - {id(k) for k in cands}
            if dropped:
                kept = [k for k in kept if id(k) not in dropped]
                for b, hs in buckets.items():
                    buckets[b] = [k for k in hs if id(k) not in dropped]
            kept.append(h)
            buckets.setdefault(h.start // _BUCKET, []).append(h)
    kept.sort(key=lambda h: (h.start, -(h.end - h.start)))
    inside: dict[int, str] = {}
    for h in kept:
        outer = [o for o in near(h) if o is not h and o.start <= h.start and h.end <= o.end
                 and (o.end - o.start) > (h.end - h.start)]
        if outer:
            o = min(outer, key=lambda o: o.end - o.start)
            inside[id(h)] = canonical_id(o.label, o.name)
    return kept, inside


_BUCKET = 64


def _priority(h: Hit) -> tuple[int, int]:
    return (-(h.end - h.start), h.start)


def _admit(h: Hit, kept: list[Hit]) -> bool:
    drop: list[Hit] = []
    for k in kept:
        if h.end <= k.start or h.start >= k.end:
            continue
        same_span = (h.start, h.end) == (k.start, k.end)
        h_in_k = k.start <= h.start and h.end <= k.end and not same_span
        k_in_h = h.start <= k.start and k.end <= h.end and not same_span
        if same_span:
            return False
        if h_in_k:
            # Nested: only a gazetteer company/institution inside a company/institution, and not
            # another spelling of the same entity (中兴 inside 中兴通讯).
            if not (h.in_gazetteer and h.label in ORG and k.label in ORG):
                return False
            if k.label == h.label and k.name == h.name:
                return False
            continue
        if k_in_h:
            # A longer pattern name around a kept hit (华为 + 2012实验室): allowed around a
            # company/institution; a technology inside it is dropped.
            if h.label not in ORG:
                return False
            if k.label not in ORG:
                drop.append(k)
            continue
        return False  # partial overlap
    for k in drop:
        kept.remove(k)
    return True


def _mention(doc_id: str, view: TextView, h: Hit, start: int, inside: str | None, gaz: Gazetteer) -> EntityMention:
    s, e = view.span(h.start, h.end)
    surface = view.text[s:e]
    name = h.name if h.in_gazetteer else _clean_name(h.name)
    return EntityMention(
        doc_id=doc_id,
        label=h.label,
        surface=surface,
        canonical_id=canonical_id(h.label, name),
        canonical_name=name,
        category=h.category,
        in_gazetteer=h.in_gazetteer,
        start=start + s,
        end=start + e,
        inside=inside,
        evidence=Evidence(doc_id=doc_id, start=start + s, end=start + e, quote=surface, rule=h.rule),
    )


def _clean_name(name: str) -> str:
    return name.strip()


def government_body_spans(text: str, gazetteer: Gazetteer | None = None) -> list[tuple[int, int]]:
    """Where `text` names a government body (agency registry names and state bodies), as
    (start, end) offsets into `text`, longest match at each position, overlaps removed. The
    weak labeller marks these Agency so the model learns where organisation names are not
    companies; the merge step drops model proposals inside them."""
    gaz = gazetteer or default_gazetteer()
    view = build_view(text)
    out: list[tuple[int, int]] = []
    for a, b in agency_spans(view.compact, gaz):
        s, e = view.span(a, b)
        if out and s < out[-1][1]:
            if e - s > out[-1][1] - out[-1][0] and s == out[-1][0]:
                out[-1] = (s, e)
            continue
        out.append((s, e))
    return out
