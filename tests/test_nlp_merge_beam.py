"""The merge step beams only the docs where a score can change a mention (EntityMerge._needs_scores).

Reference: the same merge told to beam every doc that has any proposal (score_agencies=True,
the behaviour before the beam was narrowed), on the same docs.
"""

from __future__ import annotations

import math

import pytest

from policykg.extract.entities import components
from policykg.extract.entities.nlp import load_pipeline
from test_nlp_fast_ner import real_paragraphs


@pytest.fixture(scope="module")
def pipeline():
    from policykg.extract.entities.pkuseg_model import install_pkuseg_model

    install_pkuseg_model()
    return load_pipeline()


def merged(merge, docs):
    out = []
    for doc in merge.pipe([d.copy() for d in docs]):
        out.append(([(m.start, m.end, m.label.value, m.canonical_id, m.evidence.rule, m.score)
                     for m in doc.user_data[components.MENTIONS_KEY]],
                    [(a, b) for a, b, _ in doc.user_data["policykg_agency_proposals"]]))
    return out


def test_narrowed_beam_gives_the_same_mentions_on_every_real_paragraph(pipeline):
    docs = list(pipeline.pipe(real_paragraphs(), disable=["policykg_entity_merge"]))
    narrow = pipeline.get_pipe("policykg_entity_merge")
    wide = components.EntityMerge(pipeline, narrow.threshold, narrow.beam_width, score_agencies=True)
    beamed = {"narrow": 0, "wide": 0}

    def counting(merge, key):
        scores = merge.scores

        def count(ds):
            beamed[key] += len(ds)
            return scores(ds)
        merge.scores = count

    counting(wide, "wide")
    counting(narrow, "narrow")
    try:
        assert merged(narrow, docs) == merged(wide, docs)
    finally:
        del narrow.scores
    # The comparison covers docs the narrow merge did not beam.
    assert beamed["wide"] > beamed["narrow"] + 20


def test_which_proposals_need_a_score(pipeline):
    merge = pipeline.get_pipe("policykg_entity_merge")
    text = "支持思必驰、市工信局等企业"
    doc = pipeline.make_doc(text)
    firm = doc.char_span(2, 5, label="Company", alignment_mode="expand")
    agency_as_firm = doc.char_span(6, 10, label="Company", alignment_mode="expand")
    agency = doc.char_span(6, 10, label="Agency", alignment_mode="expand")
    assert merge._keeps(doc, firm, math.inf) and not merge._keeps(doc, agency_as_firm, math.inf)
    assert merge._needs_scores(doc, [agency_as_firm, firm])
    assert not merge._needs_scores(doc, [agency_as_firm, agency])
    wide = components.EntityMerge(pipeline, merge.threshold, merge.beam_width, score_agencies=True)
    assert wide._needs_scores(doc, [agency])
