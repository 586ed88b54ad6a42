"""Entity mentions of a whole document, through the spaCy pipeline (pkuseg + entity ruler +
pattern rules; see nlp.py), with offsets into the original document and the task each falls in."""

from __future__ import annotations

from policykg.schema.models import EntityMention, Evidence


def document_mentions(doc_id: str, text: str, lo: int, hi: int) -> list[EntityMention]:
    """Mentions in text[lo:hi]. Raises PkusegModelMissing (naming `policykg setup`) when the
    segmentation model is not installed."""
    from policykg.extract.entities.nlp import MENTIONS_KEY, load_nlp

    doc = load_nlp()(text[lo:hi])
    out = []
    for m in doc.user_data[MENTIONS_KEY]:
        start, end = m.start + lo, m.end + lo
        ev = m.evidence
        out.append(m.model_copy(update={
            "doc_id": doc_id, "start": start, "end": end,
            "evidence": Evidence(doc_id=doc_id, start=ev.start + lo, end=ev.end + lo, quote=ev.quote, rule=ev.rule),
        }))
    return out
