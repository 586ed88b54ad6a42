"""The bulk greedy NER decoder (extract/entities/fast_ner.py) against spaCy's own parser loop.

The decoder claims to make exactly spaCy's decisions; the reference here is spaCy's
EntityRecognizer run on the same docs (same tok2vec output), never the decoder itself.
"""

from __future__ import annotations

import gzip
import json

import numpy as np
import pytest
from spacy.attrs import ENT_IOB, ENT_TYPE

from policykg.extract.entities import fast_ner, mentions
from policykg.extract.entities.nlp import HERE, load_pipeline
from policykg.extract.structure.sections import parse_structure
from policykg.paths import corpus_dir


@pytest.fixture(scope="module")
def pipeline():
    from policykg.extract.entities.pkuseg_model import install_pkuseg_model

    install_pkuseg_model()
    return load_pipeline()


def real_paragraphs() -> list[str]:
    """Every body paragraph of the five built-in plans and every unlabelled training paragraph."""
    out = []
    for p in sorted((corpus_dir() / "documents").glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        st = parse_structure(text, p.stem)
        out += [text[a:b] for a, b in mentions.paragraphs(text, st.body_start, st.body_end)]
    with gzip.open(HERE / "data" / "paragraphs.jsonl.gz", "rt", encoding="utf-8") as f:
        out += [json.loads(line)["text"] for line in f]
    return out


def with_tensors(pipeline, texts):
    """Docs after the tok2vec, and a second copy of each carrying the same tensor."""
    docs = list(pipeline.pipe((pipeline.make_doc(t) for t in texts), disable=[
        "ner", "policykg_entity_rules", "policykg_entity_merge"]))
    copies = []
    for d in docs:
        c = d.copy()
        c.tensor = d.tensor
        copies.append(c)
    return docs, copies


def test_the_loaded_pipeline_uses_the_bulk_decoder(pipeline):
    ner = pipeline.get_pipe("ner")
    assert isinstance(ner, fast_ner.BulkGreedyNER)
    assert pipeline.pipe_names == ["tok2vec", "ner", "policykg_entity_rules", "policykg_entity_merge"]
    # What the merge's beam scoring reaches through the stand-in is spaCy's component.
    assert ner.beam_parse.__self__ is ner._ner
    assert ner.moves is ner._ner.moves


def test_same_entities_as_spacys_loop_on_every_real_paragraph(pipeline):
    texts = real_paragraphs()
    assert len(texts) > 1000
    docs, copies = with_tensors(pipeline, texts)
    fast = pipeline.get_pipe("ner")
    ref = list(fast._ner.pipe(docs, batch_size=256))
    new = list(fast.pipe(copies, batch_size=256))
    differ = [d.text[:40] for d, c in zip(ref, new)
              if not np.array_equal(d.to_array([ENT_IOB, ENT_TYPE]), c.to_array([ENT_IOB, ENT_TYPE]))]
    assert differ == []
    n_ents = sum(len(d.ents) for d in ref)
    multi = sum(1 for d in ref for e in d.ents if len(e) > 1)
    # The comparison means something only if the model proposes entities, some of several tokens
    # (the decoder's In/Last steps).
    assert n_ents > 300 and multi > 20


def test_batch_shapes_do_not_change_decisions(pipeline):
    texts = real_paragraphs()[:300]
    docs, copies = with_tensors(pipeline, texts)
    fast = pipeline.get_pipe("ner")
    one_by_one = [[(e.start, e.end, e.label_) for e in fast(d).ents] for d in docs]
    ref = [[(e.start, e.end, e.label_) for e in d.ents] for d in fast._ner.pipe(copies, batch_size=7)]
    assert one_by_one == ref


def test_docs_with_preset_entities_go_to_spacy(pipeline):
    """Preset entities change which moves are valid; the decoder leaves such docs to spaCy."""
    text = "依托科大讯飞、华为等企业建设人工智能开放平台"
    docs, copies = with_tensors(pipeline, [text, text])
    for d in (docs[1], copies[1]):
        d.set_ents([d[1:2].char_span(0, len(d[1].text), label="Company")], default="unmodified")
    fast = pipeline.get_pipe("ner")
    assert fast._decoder.decode([copies[1]]) is None
    ref = [d.to_array([ENT_IOB, ENT_TYPE]) for d in fast._ner.pipe(docs)]
    new = [d.to_array([ENT_IOB, ENT_TYPE]) for d in fast.pipe(copies)]
    assert all(np.array_equal(a, b) for a, b in zip(ref, new))


def test_empty_and_one_token_docs(pipeline):
    fast = pipeline.get_pipe("ner")
    docs, copies = with_tensors(pipeline, ["", "华为", "深圳"])
    ref = [[(e.start, e.end, e.label_) for e in d.ents] for d in fast._ner.pipe(docs)]
    new = [[(e.start, e.end, e.label_) for e in d.ents] for d in fast.pipe(copies)]
    assert new == ref


def test_embedding_once_per_distinct_token_gives_spacys_vectors(pipeline):
    """The tok2vec output (doc.tensor) against the tok2vec model's own forward pass."""
    texts = real_paragraphs()
    t2v = pipeline.get_pipe("tok2vec")
    assert t2v._policykg_embed_once
    docs = [pipeline.make_doc(t) for t in texts]
    ref = t2v.model.predict(docs)  # spaCy's forward pass of the whole model
    new = t2v.predict(docs)
    assert len(new) == len(ref) == len(docs)
    assert all(a.shape == (len(d), 64) and np.array_equal(a, b) for a, b, d in zip(ref, new, docs))
    # Through the pipeline (TrainablePipe.pipe finds the instance's predict).
    piped = list(pipeline.pipe(texts[:40], disable=["ner", "policykg_entity_rules", "policykg_entity_merge"]))
    assert all(np.array_equal(d.tensor, r) for d, r in zip(piped, ref[:40]))
    assert t2v.predict([pipeline.make_doc("")])[0].shape[0] == 0


def test_spacy_loops_switches_the_fast_paths_off_and_back(pipeline):
    texts = real_paragraphs()[:60]
    fast = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in pipeline.pipe(texts)]
    with fast_ner.spacy_loops(pipeline):
        assert not isinstance(pipeline.get_pipe("ner"), fast_ner.BulkGreedyNER)
        assert "predict" not in vars(pipeline.get_pipe("tok2vec"))
        slow = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in pipeline.pipe(texts)]
    assert isinstance(pipeline.get_pipe("ner"), fast_ner.BulkGreedyNER)
    assert "predict" in vars(pipeline.get_pipe("tok2vec"))
    assert slow == fast and any(slow)
