"""The paragraph prefilter (components.may_keep_any): paragraphs where the gate can keep no model
span are neither segmented nor run through the NER (mentions.model_mentions).

The filter claims to be looser than the gate. The references here are the gate itself
(gate.keep_model_span asked about every span of a rejected paragraph at the best score) and the
extraction without the filter, never the filter's own answers.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from policykg.extract.entities import components, gate, mentions
from policykg.extract.entities.components import may_keep_any
from test_nlp_fast_ner import real_paragraphs

GOLD_DOCS = Path(__file__).resolve().parent / "gold" / "dev" / "docs"

# Longer spans than this are never kept on real text (gate shapes: names of a few words); the
# brute force below stays within seconds.
MAX_SPAN = 12
SAMPLE_EVERY = 80


@pytest.fixture(scope="module")
def pipeline():
    from policykg.extract.entities.nlp import load_pipeline
    from policykg.extract.entities.pkuseg_model import install_pkuseg_model

    install_pkuseg_model()
    return load_pipeline()


@pytest.mark.parametrize("text, label", [
    ("支持思必驰等企业发展", "Company"),            # a firm word: a Company may stand here
    ("依托中科院深圳先进技术研究院建设平台", "Institution"),  # an institution suffix
    ("建设研究 院", "Institution"),                 # a wrap inside the suffix: the span's key drops it
    ("推广ＲＦＩＤ应用", "Technology"),             # a full-width acronym folds to RFID
    ("部署5G基站", "Technology"),                   # a capital and a digit (acronym_shape)
    ("市工信局牵头，市发展改革委配合", None),        # agencies are the clause rules' business
    ("加快推进光纤到户工程建设", None),
    ("（三）保障措施", None),
    ("", None),
])
def test_known_paragraphs(text, label):
    # A paragraph needs tokens only for a label the gate keeps at all (MODEL_THRESHOLDS).
    assert may_keep_any(text) is (label in gate.MODEL_THRESHOLDS)


def test_the_gate_keeps_no_span_of_a_rejected_paragraph():
    """Every plausible span (2..MAX_SPAN characters, no sentence mark) of a sample of the real
    paragraphs the filter rejects, for every label the gate scores, at the best score: the gate
    says no. (All 575 k rejected characters would take minutes; every SAMPLE_EVERY-th paragraph
    covers plans and training texts alike.)"""
    rejected = [t for t in real_paragraphs() if not may_keep_any(t)]
    # The filter must reject a real share of the text, else it saves nothing.
    assert len(rejected) > 300
    kept = []
    for text in rejected[::SAMPLE_EVERY]:
        n = len(text)
        for s in range(n):
            for e in range(s + 2, min(n, s + MAX_SPAN) + 1):
                if not components._plausible(text[s:e]):
                    break  # the merge asks the gate only about plausible spans; longer ones aren't
                kept += [(text[s:e], lab) for lab in gate.MODEL_THRESHOLDS
                         if gate.keep_model_span(text, s, e, lab, 1.0)]
    assert kept == []


@pytest.mark.parametrize("carrier", ["推进{}建设", "{}", "与{}合作"])
def test_no_gazetteer_name_the_gate_keeps_is_in_a_rejected_paragraph(carrier):
    """Names are what the gate is made to keep: every gazetteer surface, in a sentence with no
    firm word, under every label the gate scores. Where the gate would keep it, the filter must
    not reject the sentence (a gate that starts keeping Chinese technology terms fails here)."""
    from policykg.extract.entities.gazetteer import default_gazetteer

    missed, kept = [], 0
    for entry in default_gazetteer().entries:
        for name in entry.surfaces:
            text = carrier.format(name)
            s = carrier.index("{")
            for lab in gate.MODEL_THRESHOLDS:
                if gate.keep_model_span(text, s, s + len(name), lab, 1.0):
                    kept += 1
                    if not may_keep_any(text):
                        missed.append((name, lab))
    assert missed == []
    assert kept > 100  # the probe reaches the gate's yes


def test_an_unknown_gate_label_makes_every_paragraph_keepable(monkeypatch):
    monkeypatch.setattr(components, "MODEL_THRESHOLDS", {**gate.MODEL_THRESHOLDS, "Product": 0.9})
    assert may_keep_any("加快推进光纤到户工程建设")


def test_rejected_paragraphs_are_not_segmented(pipeline, monkeypatch):
    text = "加快推进光纤到户工程建设\n支持思必驰等企业发展\n（三）保障措施"
    seen = []
    make_doc = pipeline.make_doc
    monkeypatch.setattr(pipeline, "make_doc", lambda t: seen.append(t) or make_doc(t))
    mentions.document_mentions("d", text, 0, len(text))
    assert seen == ["支持思必驰等企业发展"]


def dev_and_plan_bodies() -> list[tuple[str, str, int, int]]:
    """(doc_id, text, body start, body end) of the five plans and the 44 development documents."""
    from policykg.extract.structure.sections import parse_structure
    from policykg.paths import corpus_dir

    files = [*sorted((corpus_dir() / "documents").glob("*.txt")), *sorted(GOLD_DOCS.glob("*.txt"))]
    assert len(files) >= 40
    items = []
    for p in files:
        text = p.read_text(encoding="utf-8")
        st = parse_structure(text, p.stem)
        items.append((p.stem, text, st.body_start, st.body_end))
    return items


def test_same_mentions_as_without_the_filter(pipeline, monkeypatch):
    """The five plans and the development documents, whole (the training paragraphs are covered
    by the tests above and below: run whole twice they take minutes)."""
    items = dev_and_plan_bodies()
    segmented = []
    make_doc = pipeline.make_doc
    monkeypatch.setattr(pipeline, "make_doc", lambda t: segmented.append(t) or make_doc(t))
    got = [mentions.document_mentions(*it) for it in items]
    filtered = len(segmented)
    monkeypatch.setattr(components, "may_keep_any", lambda t: True)
    ref = [mentions.document_mentions(*it) for it in items]
    assert got == ref
    assert filtered < 0.8 * (len(segmented) - filtered)  # the filter did leave paragraphs out


def test_the_models_proposals_in_rejected_paragraphs_are_never_kept(pipeline):
    """The trained model run on paragraphs the filter rejects: it does propose names there, and
    the merge would keep none of them even at the best score (EntityMerge._keeps)."""
    texts = [text[a:b] for _, text, lo, hi in dev_and_plan_bodies()
             for a, b in mentions.paragraphs(text, lo, hi)]
    texts += real_paragraphs()[::5]
    rejected = [t for t in texts if not may_keep_any(t)]
    merge = pipeline.get_pipe("policykg_entity_merge")
    asked, kept = 0, []
    for doc in pipeline.pipe(rejected, disable=["policykg_entity_merge"]):
        for e in doc.ents:
            if e.label_ != "Agency":
                asked += 1
                if merge._keeps(doc, e, math.inf):
                    kept.append(e.text)
    assert kept == []
    assert asked > 20  # the NER proposes entities there: the filter saves real work
