"""`policykg eval`: the issue's bars on the seeds, and a scorer that can say no."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from policykg.cli import app
from policykg.extract.evaluation import evaluate
from policykg.paths import gold_dir

GOLD = gold_dir()


def test_bars_on_the_seed_documents():
    report = evaluate([GOLD])
    docs = report.groups["documents"]
    assert docs["responsibility"].f1 >= 0.99
    assert report.resolution_accuracy >= 0.98 and report.resolution_total == 167
    for label in ("Company", "Institution", "Technology"):
        assert docs[label].f1 >= 0.90, label
    assert docs["target"].f1 >= 0.85


def test_a_wrong_gold_file_scores_low_and_lists_misses(tmp_path):
    gold = {
        "doc_id": "sz-internet-plus-2015", "file": "corpus/documents/001_1ca2595b8a15c99f.txt",
        "responsibilities": [
            {"task": "互联网＋制造", "role": "lead", "rank": 1, "mention": "市经贸信息委", "agency": "sz-jmxxw"},
            # wrong on purpose: the text names 市金融办 as lead of 互联网＋金融
            {"task": "互联网＋金融", "role": "lead", "rank": 1, "mention": "市金融办", "agency": "sz-gxj"},
        ],
        "companies": [{"name": "不存在的公司"}],
    }
    f = tmp_path / "wrong.json"
    f.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    report = evaluate([f])
    resp = report.scores["responsibility"]
    assert resp.tp == 1 and resp.fn == 1 and resp.fp == 67
    assert report.resolution_correct == 1 and report.resolution_total == 2
    assert report.scores["Company"].fn == 1
    kinds = {(m.type, m.kind) for m in report.misses}
    assert ("agency_resolution", "wrong_agency") in kinds and ("Company", "missed") in kinds


def test_cli_json_and_bad_gold(tmp_path):
    res = CliRunner().invoke(app, ["eval", "--format", "json"])
    assert res.exit_code == 0
    data = json.loads(res.stdout)
    assert data["agency_resolution"]["total"] == 167
    assert {g for g in data["groups"]} >= {"documents", "examples:other_styles"}
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    res = CliRunner().invoke(app, ["eval", "--gold", str(bad)])
    assert res.exit_code == 1 and "bad.json" in res.output
