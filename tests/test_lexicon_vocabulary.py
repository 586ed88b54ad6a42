"""The entity lexicon takes the agency endings from the vocabulary (schema/registries/vocabulary.toml),
not from a list of its own."""

from __future__ import annotations

from policykg.extract.entities import lexicon as lx
from policykg.extract.entities.finder import find_entities
from policykg.schema.vocabulary import vocabulary


def test_agency_endings_come_from_the_vocabulary():
    # The same words, in the same order, as the list the lexicon held before (same behaviour).
    assert lx.AGENCY_SUFFIXES == ("委员会", "人民政府", "政府", "管委会", "办公室", "办公厅", "委", "局", "厅", "办")
    assert lx.AGENCY_SUFFIXES == tuple(vocabulary().agency.entity_suffixes)


def test_entity_agency_endings_are_agency_endings():
    # Each is one of the vocabulary's agency-name endings; no organisation ending is among them.
    assert set(vocabulary().agency.entity_suffixes) <= set(vocabulary().agency.suffixes)
    assert not {"公司", "集团", "银行", "中心", "院", "会"} & set(lx.AGENCY_SUFFIXES)


def test_an_agency_item_is_no_firm():
    # HAND-WRITTEN: an item ending like an agency is not taken as a firm beside 华为.
    names = {m.surface for m in find_entities("t", "支持华为、市工业和信息化局等单位") if m.label.value == "Company"}
    assert names == {"华为"}
