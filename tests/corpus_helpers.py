"""Shared test helpers: the built-in corpus by short name."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from policykg.extract.pipeline import extract_document, extract_text
from policykg.paths import corpus_dir
from policykg.schema.models import Extraction

DOCS = {
    "2009": "000_418c68fe0948b7f8.txt",
    "2015": "001_1ca2595b8a15c99f.txt",
    "2016": "002_d022581d762f2972.txt",
    "2011": "003_9bc7e16013ab2127.txt",
    "2021": "004_98723150f4ac7054.txt",
}


def doc_path(key: str) -> Path:
    return corpus_dir() / "documents" / DOCS[key]


@lru_cache(maxsize=None)
def extraction(key: str) -> Extraction:
    return extract_document(doc_path(key))


def owners_by_task(text: str) -> list[tuple[str, str, str]]:
    """(task title, role, agency name) of every assignment extracted from `text`, sorted: what a
    layout change (spaces, line breaks) must leave as it is."""
    x = extract_text(text, "x")
    titles = {k.id: k.title for k in x.tasks}
    return sorted((titles.get(a.task_id, ""), a.role.value, a.agency.name)
                  for c in x.clauses for a in c.assignments)
