"""The entity table says which gold sets are tuning sets and which are held out (issue 11:
`policykg eval` prints the table; a set whose misses were read must not pass for held-out).

Rows here are written by hand (no gold file is read: a blind set's file is never opened by tests
of this room)."""

from __future__ import annotations

from policykg.extract.entities.evaluate import (
    ENTITY_SETS, HELD_OUT, TUNING, EntityReport, format_rows, set_status,
)


def _row(set_: str, **kw) -> dict:
    base = {"set": set_, "system": "rules", "type": "Company", "tp": 1, "fp": 0, "fn": 0, "precision": 1.0,
            "recall": 1.0, "f1": 1.0, "novel_recall": 1.0, "novel": 1}
    return base | kw


def test_the_sets_tuned_on_are_declared_tuning():
    for stem in ("heldout", "heldout_entities_2", "heldout_entities_3", "heldout_entities_4", "heldout_entities_5",
                 "heldout_entities_6", "heldout_entities_7", "heldout_entities_8", "heldout_entities_9"):
        assert set_status(stem) == TUNING, stem
    # A blind set nobody has registered yet counts as held-out, never as tuning.
    assert set_status("heldout_entities_99") == HELD_OUT
    assert set(ENTITY_SETS.values()) <= {TUNING, HELD_OUT}


def test_the_table_prints_each_sets_status():
    text = format_rows([_row("heldout_entities_5"), _row("heldout_entities_99")])
    lines = {line.split()[0]: line for line in text.splitlines()[2:]}
    assert " tuning " in lines["heldout_entities_5"]
    assert " held-out " in lines["heldout_entities_99"]
    assert "status" in text.splitlines()[0]


def test_pooled_rows_say_when_they_mix_tuning_and_held_out():
    report = EntityReport()
    report.cell("heldout_entities_5", "rules", "Company").score.tp += 1
    report.cell("heldout_entities_99", "rules", "Company").score.tp += 1
    report.cell("all", "rules", "Company").score.tp += 2
    status = {r["set"]: r["status"] for r in report.rows()}
    assert status == {"heldout_entities_5": TUNING, "heldout_entities_99": HELD_OUT, "all": "tuning + held-out"}
    only_tuning = EntityReport()
    only_tuning.cell("heldout_entities_4", "rules", "Company")
    only_tuning.cell("all", "rules", "Company")
    assert {r["status"] for r in only_tuning.rows()} == {TUNING}
