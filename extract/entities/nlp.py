"""The spaCy Chinese pipeline: pkuseg segmentation with the registries as user dictionary,
an entity_ruler over the curated gazetteers, and the pattern rules for names they lack.

    nlp = load_nlp()
    doc = nlp("（牵头单位：市经贸信息委，配合单位：深圳市科技创新委员会）")
    [t.text for t in doc]          # 市经贸信息委 and 深圳市科技创新委员会 stay one token each
    [(e.text, e.label_, e.ent_id_) for e in doc.ents]

Plain pkuseg splits agency and company names (市 / 经贸 / 信息委); forcing every registry name
into the user dictionary keeps them whole, so token-level work (matching, counting) sees names.

Loading the model takes seconds and ~800 MB, so the segmenter is loaded once per process and
shared: each pipeline gets a shallow copy of it with its own user-dictionary trie, and pipelines
are cached by their dictionary.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Iterable

from spacy.lang.zh import Chinese
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from policykg.extract.entities import lexicon as lx
from policykg.extract.entities.finder import find_entities
from policykg.extract.entities.gazetteer import agency_terms, default_gazetteer
from policykg.extract.entities.pkuseg_model import require_pkuseg_model

CONFIG = {"nlp": {"tokenizer": {"segmenter": "pkuseg"}}}
# Segmented once after loading: a pipeline that returns one token, or one token per character,
# has no working model behind it.
PROBE = "深圳市推进光纤到户和第五代移动通信网络建设"
ENTITY_COMPONENT = "policykg_entity_patterns"
MENTIONS_KEY = "policykg_mentions"  # doc.user_data key holding every EntityMention, nested too


class SegmenterBroken(RuntimeError):
    """The pkuseg model loaded but does not segment."""


def registry_terms() -> list[str]:
    """User-dictionary words from the registries: agencies (when agencies.toml exists) and the
    company / institution / technology gazetteers (with the 003 glossary), plus place names."""
    return sorted(set(agency_terms()) | set(default_gazetteer().user_dict_terms()) | set(place_terms()))


def place_terms() -> list[str]:
    """'广州市', '浙江省' …: pkuseg's user dictionary is matched longest-first from the left, so
    without these the agency short form 市工业和信息化局 would take the 市 of 广州市工业和信息化局
    (广州 / 市工业和信息化局). 深圳市 is left out: Shenzhen agencies are in the registry with their
    深圳市 forms already, and the plans often write 深圳市民 (深圳 / 市民)."""
    return sorted(p for p in lx.PLACES if p.endswith(("市", "省")) and not p.startswith("深圳"))


def load_nlp(user_dict_terms: Iterable[str] = (), *, registries: bool = True) -> Language:
    """A cached pipeline. `user_dict_terms` are added to the registry terms (or used alone with
    `registries=False`, which also leaves out the entity components: that is plain pkuseg).
    Raises PkusegModelMissing when the model is not installed (`policykg setup`)."""
    model_dir = str(require_pkuseg_model())
    terms = set(_usable(user_dict_terms))
    if registries:
        terms |= set(_usable(registry_terms()))
    return _build(model_dir, frozenset(terms), registries)


def _usable(terms: Iterable[str]) -> Iterable[str]:
    # pkuseg segments whitespace-separated chunks, so a term with a space can never match.
    return (t.strip() for t in terms if t and t.strip() and not any(c.isspace() for c in t.strip()))


@functools.lru_cache(maxsize=1)
def _base_segmenter(model_dir: str):
    """Load the pkuseg model through spaCy's own initialisation (the slow part)."""
    nlp = Chinese.from_config(CONFIG)
    nlp.tokenizer.initialize(pkuseg_model=model_dir, pkuseg_user_dict="default")
    return nlp.tokenizer.pkuseg_seg


@functools.lru_cache(maxsize=8)
def _build(model_dir: str, terms: frozenset[str], entities: bool) -> Language:
    import spacy_pkuseg

    nlp = Chinese.from_config(CONFIG)
    seg = copy.copy(_base_segmenter(model_dir))
    # What pkuseg_update_user_dict does, on a private trie: words in it are cut out first
    # (longest match) and never split.
    seg.preprocesser = spacy_pkuseg.Preprocesser(sorted(terms))
    nlp.tokenizer.pkuseg_seg = seg
    check_segmenter(nlp, terms)
    if entities:
        ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
        ruler.add_patterns(gazetteer_patterns())
        nlp.add_pipe(ENTITY_COMPONENT, after="entity_ruler")
    return nlp


def check_segmenter(nlp: Language, terms: frozenset[str] = frozenset()) -> None:
    """Raise SegmenterBroken unless the probe sentence is cut into words."""
    tokens = [t.text for t in nlp.make_doc(PROBE)]
    if not 3 <= len(tokens) < len(PROBE) - 2:
        raise SegmenterBroken(f"pkuseg returned {tokens!r} for {PROBE!r}")
    if "光纤到户" in terms and "光纤到户" not in tokens:
        raise SegmenterBroken(f"user dictionary ignored: {tokens!r}")


def gazetteer_patterns() -> list[dict]:
    """entity_ruler phrase patterns: every alias, labelled, with the canonical id as `id`.
    Strict short aliases (天明, 网域) are left to the character-level component, which checks
    their surroundings."""
    patterns = []
    for refs in default_gazetteer().index.values():
        for ref in refs:
            if ref.strict:
                continue
            forms = {ref.alias}
            if not ref.case_sensitive:
                forms |= {ref.alias.upper(), ref.alias.lower()}
            for form in sorted(forms):
                patterns.append({"label": ref.entry.label.value, "pattern": form, "id": ref.entry.canonical_id})
    return patterns


@Language.component(ENTITY_COMPONENT)
def entity_patterns(doc: Doc) -> Doc:
    """Add what the token-level ruler cannot see: pattern-rule names (浙江大学, 之江实验室), names
    broken by a line wrap, strict aliases. Every mention, nested ones included, is kept in
    doc.user_data[MENTIONS_KEY]; doc.ents gets the non-overlapping ones that align to tokens."""
    mentions = find_entities("", doc.text)
    doc.user_data[MENTIONS_KEY] = mentions
    spans = list(doc.ents)
    for m in mentions:
        if m.inside is not None:
            continue
        span = doc.char_span(m.start, m.end, label=m.label.value, kb_id=m.canonical_id)
        if span is None:
            continue  # the segmenter cut across the name; the mention is still in user_data
        span.id_ = m.canonical_id
        spans.append(span)
    doc.ents = filter_spans(spans)
    return doc
