"""Forms of the Shandong provincial and city plans of the tenth blind set (moved to tests/gold/dev/ in the
ninth session): brackets with several role phrases, 分工负责 / 分头落实 for short, an item number followed by
a year. Each test quotes the real sentence and names its document; expected owners were read off the
sentence by hand (the document's gold file agrees)."""

from __future__ import annotations

from pathlib import Path

from policykg.extract.pipeline import extract_text
from policykg.extract.structure.headings import match_marker

DOCS = Path(__file__).resolve().parent / "gold" / "dev" / "docs"


# ── an item number followed by a year ─────────────────────────────────────────────────────────

def test_an_item_number_before_a_year_is_a_marker_not_a_decimal():
    # sd-2021-fuwuye-shuzihua 二、（一）4. (the stored text's year digits are corrupted: 0402年 for 2022年).
    for line in ("4.0402年启动智慧健康养老应用试点活动。", "4.2022年启动智慧健康养老应用试点活动。"):
        m = match_marker(line)
        assert m is not None and m.type == "item" and m.number == 4 and m.marker == "4."
    assert match_marker("2.5亿元以上的除外") is None


def test_the_bracket_of_an_item_opening_with_a_year_is_that_items():
    doc = "sd-2021-fuwuye-shuzihua"
    x = extract_text((DOCS / f"{doc}.txt").read_text(encoding="utf-8"), doc_id=doc)
    quote = "（牵头单位：省工业和信息化厅、省民政厅，参加单位：省公安厅、省卫生健康委、省大数据局、省医保局）"
    clause = next(c for c in x.clauses if c.text == quote)
    task = next(t for t in x.tasks if t.id == clause.task_id)
    assert task.title == "0402年启动智慧健康养老应用试点活动"
