"""spaCy registry functions for the entity pipeline that extract/entities/config.cfg assembles.

    [nlp.tokenizer]   policykg.pkuseg_tokenizer.v1   pkuseg with the registries and gazetteers as
                                                     user dictionary (one shared model per process)
    tok2vec + ner     trained statistical NER (Company, Institution, Technology, Agency)
    policykg_entity_rules   the character-level gazetteer and pattern rules (finder.find_entities):
                            exact offsets, nested names, no tokens needed
    policykg_entity_merge   rules win where they match; a model entity is added where no rule
                            mention overlaps it, with its beam score, if the score clears a threshold

Every mention ends in doc.user_data[MENTIONS_KEY] with its Evidence.rule (a rule id, or
MODEL_RULE) and, for model mentions, EntityMention.score.
"""

from __future__ import annotations

import math

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans, registry

from policykg.extract.entities import lexicon as lx
from policykg.extract.entities.gate import MODEL_THRESHOLDS, keep_model_span  # per-type score and shape gate
from policykg.extract.entities.textview import fold
from policykg.schema.entities import EntityKind, EntityMention
from policykg.schema.models import Evidence

MENTIONS_KEY = "policykg_mentions"  # every EntityMention of the doc, nested ones too
RULES_KEY = "policykg_rule_mentions"
MODEL_RULE = "model:ner"
MODEL_LABELS = ("Company", "Institution", "Technology", "Agency")
ENTITY_LABELS = {k.value: k for k in EntityKind}


@registry.tokenizers("policykg.pkuseg_tokenizer.v1")
def pkuseg_tokenizer(segmenter: str = "pkuseg"):
    """`segmenter = "pkuseg"`: the project's pkuseg segmenter with the registry user dictionary
    (nlp.segmenter()); `"char"`: one token per character, for `spacy train`, whose corpora are
    already segmented (gold_preproc) and which must not need the pkuseg model."""

    def create(nlp: Language):
        from spacy.lang.zh import ChineseTokenizer

        if segmenter == "char":
            return ChineseTokenizer(nlp.vocab, segmenter="char")
        from policykg.extract.entities.nlp import shared_tokenizer

        return shared_tokenizer(nlp.vocab)

    return create


@Language.factory("policykg_entity_rules")
def make_entity_rules(nlp: Language, name: str):
    return EntityRules()


class EntityRules:
    """Gazetteer and pattern rules on the doc's text: they read characters, not tokens, so their
    evidence offsets are exact whatever the segmenter did."""

    def __call__(self, doc: Doc) -> Doc:
        from policykg.extract.entities.finder import find_entities

        doc.user_data[RULES_KEY] = find_entities("", doc.text)
        return doc


@Language.factory("policykg_entity_merge", default_config={"threshold": 0.5, "beam_width": 4,
                                                          "score_agencies": False})
def make_entity_merge(nlp: Language, name: str, threshold: float, beam_width: int, score_agencies: bool):
    return EntityMerge(nlp, threshold, beam_width, score_agencies)


class EntityMerge:
    """Rule mentions, plus the model's entities that no rule mention overlaps.

    The greedy NER pass labels every doc cheaply; only a doc where the model proposes something
    the rules lack is decoded again with a beam, whose parse probabilities give each proposal its
    score. The beam runs only for a doc with a proposal the gate could keep with the best score
    (the gate's shape tests come first; on the five plans no paragraph has one, so the beam's
    cost is spent on nothing there). Agency predictions are not entities here (agencies are the
    clause rules' business); they are kept in doc.user_data["policykg_agency_proposals"] as
    (start, end, score), the score None unless the doc was beamed anyway or `score_agencies`
    asks for it (nothing reads those scores yet)."""

    def __init__(self, nlp: Language, threshold: float, beam_width: int, score_agencies: bool = False):
        self.nlp = nlp
        self.threshold = threshold
        self.beam_width = beam_width
        self.score_agencies = score_agencies

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, batch_size: int = 256):
        """Docs in batches: the beam decoding for scores runs once per batch over the docs that
        have unclaimed proposals, not once per doc (its set-up dominates for short paragraphs)."""
        from spacy.util import minibatch

        for batch in minibatch(docs, size=batch_size):
            pending = [(doc, self._proposals(doc)) for doc in batch]
            scored = [doc for doc, props in pending if props and self._needs_scores(doc, props)]
            scores = self.scores(scored) if scored else []
            by_doc = {id(doc): sc for doc, sc in zip(scored, scores)}
            for doc, props in pending:
                self._finish(doc, props, by_doc.get(id(doc)))
            yield from batch

    def _needs_scores(self, doc: Doc, proposals: list) -> bool:
        """Whether any proposal's score can change what _finish does with it: an entity proposal
        that passes every test but the score's (the gate is monotone in the score, so it is
        asked with the best possible one), or an agency proposal when `score_agencies`."""
        for e in proposals:
            if e.label_ == "Agency":
                if self.score_agencies:
                    return True
            elif self._keeps(doc, e, math.inf):
                return True
        return False

    def _keeps(self, doc: Doc, e, score: float) -> bool:
        return (e.label_ in ENTITY_LABELS and score >= self.threshold and _plausible(e.text)
                and keep_model_span(doc.text, e.start_char, e.end_char, e.label_, score))

    def _proposals(self, doc: Doc) -> list:
        taken = [(m.start, m.end) for m in doc.user_data.get(RULES_KEY, [])]
        proposals = [e for e in doc.ents if not any(e.start_char < b and a < e.end_char for a, b in taken)]
        return _unjudged(doc.text, proposals) if proposals else []

    def _finish(self, doc: Doc, proposals: list, scores: dict[tuple[int, int, str], float] | None) -> None:
        """`scores` is None for a doc that was not beamed (no proposal whose score matters)."""
        rules: list[EntityMention] = doc.user_data.get(RULES_KEY, [])
        added: list[EntityMention] = []
        agencies = []
        for e in proposals:
            if e.label_ == "Agency":
                score = None if scores is None else round(scores.get((e.start, e.end, e.label_), 0.0), 4)
                agencies.append((e.start_char, e.end_char, score))
                continue
            score = 0.0 if scores is None else scores.get((e.start, e.end, e.label_), 0.0)
            if self._keeps(doc, e, score):
                added.append(model_mention(doc.text, e.start_char, e.end_char, e.label_, score))
        doc.user_data["policykg_agency_proposals"] = agencies
        mentions = sorted([*rules, *added], key=lambda m: (m.start, -m.end))
        doc.user_data[MENTIONS_KEY] = mentions
        # doc.ents shows the standing mentions that align to tokens; a name the segmenter cut
        # across, or a nested one, is only in user_data (which is what extraction reads).
        spans = []
        for m in mentions:
            span = (doc.char_span(m.start, m.end, label=m.label.value, kb_id=m.canonical_id, span_id=m.canonical_id)
                    if m.inside is None else None)
            if span is not None:
                spans.append(span)
        doc.ents = filter_spans(spans)

    def scores(self, docs: list[Doc]) -> list[dict[tuple[int, int, str], float]]:
        """Per doc, (start token, end token, label) -> summed probability of the beam parses
        that contain that entity."""
        ner = self.nlp.get_pipe("ner")
        beams = ner.beam_parse(docs, beam_width=self.beam_width, beam_density=0.0001)
        out = []
        for beam in beams:
            sc: dict[tuple[int, int, str], float] = {}
            for prob, ents in ner.moves.get_beam_parses(beam):
                for start, end, label in ents:
                    key = (start, end, ner.moves.strings[label] if isinstance(label, int) else label)
                    sc[key] = sc.get(key, 0.0) + prob
            out.append(sc)
        return out


def may_keep_any(text: str) -> bool:
    """Whether any span of the paragraph `text` could become a model mention, whatever the NER
    proposes and scores: a necessary condition of EntityMerge._keeps (gate.keep_model_span) for
    every span, label and score. A paragraph where it is False needs neither tokens nor the NER,
    so mentions.model_mentions does not segment it (on the five plans about 41% of the
    characters with Company, Institution and Technology kept by the gate).

    Per label the gate can keep (gate.MODEL_THRESHOLDS): a Company needs a firm word in its
    sentence (gate.firm_context), an Institution ends in an institution suffix, a Technology is a
    Latin acronym with a capital (acronym_shape). Each is tested on the whole paragraph (with
    whitespace removed after folding, as a span's compact_key sees it), so the test is looser than
    the gate, never stricter. A label with no test here counts as keepable: a gate that learns a
    new label makes every paragraph need tokens again instead of losing its mentions.
    tests/test_nlp_prefilter.py checks this against the gate itself (every span of a sample of
    real paragraphs, every gazetteer name) and against extraction without the filter."""
    folded = None
    for label in MODEL_THRESHOLDS:
        need = _GATE_NEEDS.get(label)
        if need is None:
            return True
        if folded is None:
            folded = "".join(fold(text).split())
        if need(text, folded):
            return True
    return False


def _has_capital(folded: str) -> bool:
    return any("A" <= ch <= "Z" for ch in folded)


# Per label, what a paragraph (raw, and folded without whitespace) must contain for the gate to
# keep a span of that label in it.
_GATE_NEEDS = {
    "Company": lambda text, folded: any(w in text for w in lx.FIRM_CONTEXT_WORDS),
    "Institution": lambda text, folded: any(s in folded for s in lx.INSTITUTION_SUFFIXES),
    "Technology": lambda text, folded: _has_capital(folded),
}


def _unjudged(text: str, proposals: list) -> list:
    """Proposals the rules have not already judged. A gazetteer alias the rules did not emit was
    rejected on purpose (云计算 inside 云计算中心, 大数据 in 市大数据发展局), and a span inside a
    government body's name is the agency registry's business."""
    from policykg.extract.entities.finder import government_body_spans
    from policykg.extract.entities.gazetteer import default_gazetteer
    from policykg.extract.entities.textview import compact_key

    index = default_gazetteer().index
    bodies = None  # found only for a doc with an entity proposal (agency proposals never ask)
    out = []
    for e in proposals:
        if e.label_ != "Agency" and compact_key(e.text).lower() in index:
            continue
        if e.label_ != "Agency":
            bodies = government_body_spans(text) if bodies is None else bodies
            if any(a <= e.start_char and e.end_char <= b for a, b in bodies):
                continue
        out.append(e)
    return out


def _plausible(text: str) -> bool:
    # One character is never a name in these plans; a span with a sentence mark is a runaway.
    t = text.strip()
    return len(t) >= 2 and not any(ch in t for ch in "。；，：！？\n")


def model_mention(text: str, start: int, end: int, label: str, score: float) -> EntityMention:
    kind = ENTITY_LABELS[label]
    surface = text[start:end]
    name = "".join(surface.split())
    return EntityMention(
        doc_id="", label=kind, surface=surface, canonical_id=f"{kind.value.lower()}:{name}",
        canonical_name=name, category=None, in_gazetteer=False, start=start, end=end,
        score=round(score, 4),
        evidence=Evidence(doc_id="", start=start, end=end, quote=surface, rule=MODEL_RULE),
    )
