"""textview.build_view against the character loop it replaced (kept here as the specification).

The loop below is the previous implementation verbatim; the fast one must give the same compact
text and offset map on real documents and on the edge cases the rules rely on.
"""

from __future__ import annotations

import gzip
import json

import pytest

from policykg.extract.entities.nlp import HERE
from policykg.extract.entities.textview import MAX_WRAP_NEWLINES, _wordish, build_view, fold_char, is_cjk
from policykg.paths import corpus_dir


def reference_view(text: str) -> tuple[str, tuple[int, ...]]:
    out: list[str] = []
    index: list[int] = []
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if not ch.isspace():
            out.append(fold_char(ch))
            index.append(i)
            i += 1
            continue
        j = i
        while j < n and text[j].isspace():
            j += 1
        prev = out[-1] if out else ""
        nxt = fold_char(text[j]) if j < n else ""
        drop = (
            prev and nxt and _wordish(prev) and _wordish(nxt)
            and (is_cjk(prev) or is_cjk(nxt))
            and text.count("\n", i, j) <= MAX_WRAP_NEWLINES
            # a typed no-break space (&nbsp;) between two Chinese characters separates them
            and not ("\u00a0" in text[i:j] and is_cjk(prev) and is_cjk(nxt))
        )
        if not drop:
            out.append(" ")
            index.append(i)
        i = j
    return "".join(out), tuple(index)


def real_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((corpus_dir() / "documents").glob("*.txt"))]
    # Every training-paragraph file (the training corpus may be split over several).
    for path in sorted((HERE / "data").glob("paragraphs*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            texts += [json.loads(line)["text"] for line in f]
    return texts


EDGE = [
    "", " ", "\n\n\n", "　", "ＴＤ－ＬＴＥ网络", "A8 音乐", "UT 斯达康", "工程中\r\n\r\n心",
    "工程中\n\n\n心", "数字 经济", "ab cd", "中 a", "a\u3000中", "  前后  ", "中\t\x1c文",
    "Ｐ２Ｐ—网贷", "５Ｇ\u2028基站", "末尾 ",
]


@pytest.mark.parametrize("text", EDGE)
def test_edge_cases_match_the_character_loop(text):
    v = build_view(text)
    assert (v.compact, v.index) == reference_view(text)


def test_real_texts_match_the_character_loop():
    texts = real_texts()
    assert len(texts) > 1000
    for t in texts:
        v = build_view(t)
        assert (v.compact, v.index) == reference_view(t), t[:60]


def test_known_views():
    # Hand-written expectations: a PDF wrap inside a name is dropped, a real break is not.
    assert build_view("工程中\r\n\r\n心").compact == "工程中心"
    assert build_view("工程中\n\n\n心").compact == "工程中 心"
    assert build_view("ＴＤ－ＬＴＥ").compact == "TD-LTE"
    assert build_view("UT 斯达康").surface(0, 5) == "UT 斯达康"
