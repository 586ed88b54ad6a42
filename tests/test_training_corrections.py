"""The hand corrections of corpus paragraphs (extract/entities/data/corrections.jsonl): labels the
inference-time rules do not produce, read by training as the plans' gold is. The stored-file checks
read the committed corrections and paragraph files; the weak-label checks quote real corrected
paragraphs (named by their source) or are HAND-WRITTEN where labelled so."""

from __future__ import annotations

import gzip
import hashlib
import json
import re

import pytest

from policykg.extract.entities import corpus_build as cb
from policykg.extract.entities import training as tr


def stored_paragraphs() -> dict[str, dict]:
    rows = {}
    for path in cb.PARAGRAPH_FILES:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for r in map(json.loads, f):
                rows[hashlib.sha1(r["text"].encode("utf-8")).hexdigest()] = r
    return rows


@pytest.fixture(scope="module")
def corrections() -> dict[str, dict]:
    return tr.load_corrections()


def test_every_correction_is_a_stored_paragraph_and_names_only_its_text(corrections):
    rows = stored_paragraphs()
    assert len(corrections) >= 250
    for key, rec in corrections.items():
        row = rows.get(key)
        assert row is not None, f"no stored paragraph for {rec['src']} #{rec['n']}"
        assert (row["src"], row["n"]) == (rec["src"], rec["n"])
        forms = [(k, f) for k in ("companies", "institutions", "technologies") for f in rec[k]]
        for _, form in forms + [("unsure", f) for f in rec["unsure"]]:
            assert form in row["text"], (rec["src"], form)
        types = {}
        for k, form in forms:
            assert types.setdefault(form, k) == k, f"{form} under two types in {rec['src']}"


def test_no_corrected_paragraph_holds_a_passage_of_an_entity_gold_set(corrections):
    # The sets' passages come from some of the same sources (sets 3, 4, 6): a corrected paragraph
    # holding one would put the set's answer into training.
    from policykg.extract.entities.evaluate import ENTITY_SETS, GOLD_DIR, TUNING

    rows = stored_paragraphs()
    texts = [re.sub(r"\s", "", rows[k]["text"]) for k in corrections]
    for stem, status in ENTITY_SETS.items():
        if status != TUNING:
            continue
        data = json.loads((GOLD_DIR / f"{stem}.json").read_text(encoding="utf-8"))
        for ex in data["examples"] if isinstance(data, dict) else data:
            passage = re.sub(r"\s", "", ex["text"])
            chunks = {passage[i:i + 24] for i in range(0, max(1, len(passage) - 23), 8)}
            assert not any(c in t for t in texts for c in chunks), (stem, passage[:30])


def test_a_correction_adds_the_names_the_rules_miss(corrections):
    # Vnissun/LiuheSWJ pages/index/industry/article (柳河县 enterprise page): no rule names the firm.
    text = ("柳河新方谷农业发展有限公司是集水稻种植、加工、销售和服务于一体的现代农业企业。位于素有“中国火山岩稻米之乡”的"
            "柳河县姜家店朝鲜族乡。公司成立于2010年。资产总额5400万元。公司拥有流转水稻种植土地5000亩，通过国家有机认证稻田2500亩；"
            "具有国内先进水平的加工生产线2套，日加工能力200吨。")
    rec = corrections[hashlib.sha1(text.encode("utf-8")).hexdigest()]
    (p,) = [q for q in tr.dump_paragraphs((cb.FIRM_PARAGRAPHS,), corrections) if q.text == text]
    assert p.corrected and rec["companies"] == ["柳河新方谷农业发展有限公司"]
    assert (0, 13, "Company") in tr.weak_spans(p)
    assert not any(lab == "Company" for _, _, lab in tr.weak_spans(tr.Paragraph("t", text)))


def test_a_correction_replaces_a_wrong_rule_span(corrections):
    # chairmenfrog/Policy_crawler data/JX_text (江西 market-supervision notice): 南昌海关技术中心 is a
    # customs unit (a government body, no institution by tests/gold/README.md).
    text = ("3、由南昌王府井首航超市有限公司销售的，标称梧州市温氏农牧有限公司生产的温氏鲜鸡蛋，氟苯尼考不符合食品安全国家标准规定。"
            "检验机构为江西省食品检验检测研究院。南昌王府井首航超市有限公司对检验结果提出异议，并申请复检；经南昌海关技术中心复检后，"
            "维持初检结论。经南昌市青云谱区市场监督管理局核实，该批次鲜鸡蛋涉嫌冒用梧州市温氏农牧有限公司的产品，并已立案调查。")
    rec = corrections[hashlib.sha1(text.encode("utf-8")).hexdigest()]
    p = tr.corrected(tr.Paragraph("t", text), rec)
    got = {(text[a:b], lab) for a, b, lab in tr.weak_spans(p)}
    assert ("江西省食品检验检测研究院", "Institution") in got
    assert not any(name == "南昌海关技术中心" and lab for name, lab in got)


def test_unsure_spans_are_missing_and_cover_what_they_overlap():
    # HAND-WRITTEN: a shared-suffix list, whose bare first items cannot be written as names.
    text = "支持金凤、明月湖实验室发展"
    rec = {"companies": [], "institutions": ["明月湖实验室"], "technologies": [], "unsure": ["金凤"]}
    spans = tr.weak_spans(tr.corrected(tr.Paragraph("t", text), rec))
    assert spans == [(2, 4, None), (5, 11, "Institution")]


def test_corrected_paragraphs_are_oversampled():
    assert tr.CORRECTION_REPEATS > 1
    p = tr.corrected(tr.Paragraph("t", "x"), {"companies": [], "institutions": [], "technologies": [], "unsure": []})
    assert p.gold is not None and tr.copies(p, None) == tr.SUBSTITUTIONS


def test_a_bad_correction_line_names_the_file_and_line(tmp_path):
    path = tmp_path / "corrections.jsonl"
    path.write_text('{"sha1": "a", "companies": [], "institutions": [], "technologies": [], "unsure": []}\n'
                    '{"sha1": "b", "companies": "华为"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"corrections.jsonl:2"):
        tr.load_corrections(path)
