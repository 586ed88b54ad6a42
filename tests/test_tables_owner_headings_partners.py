"""A partner after 配合 in an owner-heading item whose name holds a stop word (住房和城乡建设部: 建设 is a
list stop, so the partner list ended at 住房和城乡 and named no body):

    （四）中国城市规划协会。配合住房和城乡建设部城市体检专家指导委员会日常工作。组织专家对样本城市的调研指导。…

Real text: mohurd-2020-chengshi-tijian of the development set (its gold: the 委员会 leads, the 协会 supports,
and the 协会 is responsible for its item). The counter-example is sh-putuo-2025-haimian's (一)区建管委 /
牵头协调督促本区海绵城市建设工作落实, whose 协调督促本区海绵城市 ends like a body but opens with verbs. Expected
values were read off the documents by hand, not taken from the tool's output."""

from __future__ import annotations

from pathlib import Path

from policykg.extract.pipeline import extract_text

DEV = Path(__file__).resolve().parent / "gold" / "dev" / "docs"
COMMITTEE = "住房和城乡建设部城市体检专家指导委员会"


def _assignments(doc_id: str):
    result = extract_text((DEV / f"{doc_id}.txt").read_text(encoding="utf-8"), doc_id=doc_id)
    return [(c, a) for c in result.clauses for a in c.assignments]


def test_a_partner_whose_name_holds_a_stop_word_leads():
    found = {(a.role.value, a.agency.surface) for c, a in _assignments("mohurd-2020-chengshi-tijian")
             if c.text.startswith("（四）中国城市规划协会")}
    assert ("lead", COMMITTEE) in found
    assert ("support", "中国城市规划协会") in found
    assert ("responsible", "中国城市规划协会") in found


def test_a_verb_phrase_after_a_lead_word_is_no_partner():
    surfaces = {a.agency.surface for _, a in _assignments("sh-putuo-2025-haimian")}
    assert not any(s.startswith("协调") for s in surfaces)
