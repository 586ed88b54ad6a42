"""Which documents a build loads although they assign no task (issue 12: every real document loads).

A real 通报 with numbered chapters and body text but no owner loads as a plan with zero tasks;
text that is not a document (prose without numbered structure, headings alone) stays "empty"."""

from pathlib import Path

import pytest

from policykg.build import _is_empty
from policykg.extract.pipeline import extract_document, extract_text

DEV_DOCS = Path(__file__).resolve().parent / "gold" / "dev" / "docs"


def test_real_document_without_tasks_is_not_empty():
    # 国办发〔2004〕7号 (a 通报 on mine accidents, real text, tests/gold/dev/SOURCES.md): no task, no clause.
    x = extract_document(DEV_DOCS / "gov-2004-guobanfa-7.txt")
    assert not x.tasks and not x.clauses
    assert not _is_empty(x)


@pytest.mark.parametrize("text", [
    # HAND-WRITTEN: ordinary prose without any numbered heading.
    "这是一段普通的文字，没有任何编号标题，也没有责任分工。\n" * 10,
    # HAND-WRITTEN: numbered headings with nothing under them.
    "一、\n二、\n三、\n",
    # HAND-WRITTEN: a title alone.
    "某某市某某规划\n",
])
def test_text_that_is_no_document_stays_empty(text):
    assert _is_empty(extract_text(text, "hand"))
