"""Entity mentions of whole documents: the character-level rules over the document span, the
spaCy pipeline (pkuseg + trained NER + merge, extract/entities/config.cfg) over its paragraphs.

The rules read characters, so they run on the whole span at once (a name broken by a line wrap
is still one name) and need no segmentation. pkuseg segments each paragraph exactly once, for the
NER; the merge keeps every rule mention and adds the model's entities no rule mention overlaps.
Offsets index the original document.

Nothing here is imported until a document is extracted, and the pipeline is loaded once per
process (nlp.load_pipeline is cached; worker processes inherit it when they fork).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from policykg.extract.structure.spans import SpanIndex
from policykg.schema.models import EntityMention, Evidence

_LINE = re.compile(r"[^\n]+")


def paragraphs(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line of text[lo:hi], in document offsets."""
    return [(lo + m.start(), lo + m.end()) for m in _LINE.finditer(text[lo:hi]) if m.group().strip()]


def document_mentions(doc_id: str, text: str, lo: int, hi: int, *, model: bool = True) -> list[EntityMention]:
    """Mentions in text[lo:hi]. `model=False` gives the rules alone (no pkuseg, no NER). Raises
    PkusegModelMissing (naming `policykg setup`) or ModelMissing (naming `policykg train`)."""
    from policykg.extract.entities.finder import find_entities

    rules = find_entities(doc_id, text[lo:hi], lo)
    if not model:
        return rules
    return sorted([*rules, *model_mentions(doc_id, text, paragraphs(text, lo, hi), rules)],
                  key=lambda m: (m.start, -m.end))


def model_mentions(doc_id: str, text: str, spans: Sequence[tuple[int, int]],
                   rules: Iterable[EntityMention]) -> list[EntityMention]:
    """What the NER adds to `rules` in the paragraphs `spans` of `text`. Only paragraphs where
    the gate could keep a span (components.may_keep_any) are segmented and run through the NER:
    in the others nothing the model proposes can become a mention."""
    from policykg.extract.entities.components import MODEL_RULE, RULES_KEY, may_keep_any
    from policykg.extract.entities.nlp import MENTIONS_KEY, load_pipeline

    nlp = load_pipeline()
    spans = [(a, b) for a, b in spans if may_keep_any(text[a:b])]
    # Indexed once: looking through every rule mention for each paragraph was quadratic in the
    # document's size (issue 8).
    rules = SpanIndex(rules)
    docs = []
    for a, b in spans:
        doc = nlp.make_doc(text[a:b])
        # The merge step only needs where rule mentions are, in paragraph offsets.
        doc.user_data[RULES_KEY] = [
            m.model_copy(update={"start": max(m.start, a) - a, "end": min(m.end, b) - a})
            for m in rules.overlapping(a, b) if m.start < b and a < m.end
        ]
        docs.append(doc)
    out = []
    for (a, _), doc in zip(spans, nlp.pipe(docs, disable=["policykg_entity_rules"])):
        for m in doc.user_data[MENTIONS_KEY]:
            if m.evidence.rule != MODEL_RULE:
                continue
            s, e = m.start + a, m.end + a
            out.append(m.model_copy(update={
                "doc_id": doc_id, "start": s, "end": e,
                "evidence": Evidence(doc_id=doc_id, start=s, end=e, quote=text[s:e], rule=MODEL_RULE),
            }))
    return out


def many_document_mentions(items: Sequence[tuple[str, str, int, int]], n_process: int = 1) -> list[list[EntityMention]]:
    """document_mentions for several (doc_id, text, lo, hi) at once, in `n_process` worker
    processes. The pipeline is loaded before the workers fork, so they share it instead of each
    paying the load."""
    from policykg.extract.entities.nlp import load_pipeline

    load_pipeline()
    if n_process <= 1 or len(items) <= 1:
        return [document_mentions(*it) for it in items]
    import multiprocessing as mp

    with mp.get_context("fork").Pool(min(n_process, len(items))) as pool:
        return pool.starmap(document_mentions, items, chunksize=1)
