"""The domain vocabulary (schema/registries/vocabulary.toml): it loads, validation names the
field at fault, and the readers that used to write the lists out now take them from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policykg.schema.vocabulary import VocabularyError, default_vocabulary_path, load_vocabulary, vocabulary

ROOT = Path(__file__).resolve().parent.parent


def test_shipped_vocabulary_loads_with_what_the_readers_need():
    v = vocabulary()
    assert {"委员会", "局", "部", "办公厅", "管委会"} <= set(v.agency.suffixes)
    labels = v.role_labels()
    assert labels["牵头单位"] == "lead" and labels["责任部门"] == "responsible" and labels["配合主体"] == "support"
    assert labels["实施单位"] == "responsible" and labels["协办单位"] == "support"
    assert v.place_level("广东省") == "provincial" and v.place_level("上海市") == "provincial"
    assert v.place_level("广州市") == "municipal" and v.place_level("福田区") == "district"
    assert "索引号" in v.header.keys


@pytest.mark.parametrize("edit,field", [
    (lambda s: s.replace('suffixes = [\n  "委员会"', 'suffixes = [\n  "委", "委员会"', 1), "agency.suffixes"),
    (lambda s: s.replace('unit_nouns = ["单位", "部门", "主体", "机构", "处室"]', "unit_nouns = []"), "roles.unit_nouns"),
    (lambda s: s.replace('level = "provincial"\nprefix = "省"', 'level = "state"\nprefix = "省"'), "places"),
])
def test_validation_names_the_field(tmp_path, edit, field):
    text = default_vocabulary_path().read_text(encoding="utf-8")
    bad = edit(text)
    assert bad != text, "the edit must change the file"
    f = tmp_path / "vocabulary.toml"
    f.write_text(bad, encoding="utf-8")
    with pytest.raises(VocabularyError, match=re.escape(field)):
        load_vocabulary(f)


def test_header_keys_allow_spacing_inside_a_key():
    from policykg.extract.structure.metadata import KV
    from policykg.extract.structure.sections import HEADER_KEY

    assert HEADER_KEY.match("文 号：国发〔2019〕5号") and HEADER_KEY.match("索引号：000014349/2019-00018")
    assert KV.match("发布机构：国务院").group(2) == "国务院"


def test_no_reader_writes_the_agency_suffix_list_out_again():
    # The lists that were written out five times (agency endings) and twice (header keys) live in
    # the vocabulary now; this is the literal form they had.
    old_forms = ["委员会|委|局|办公厅", "(索引号|信息分类|发布机构", "(索引号|发布机构|发布日期"]
    for folder in ("extract", "graph"):
        for path in (ROOT / folder).rglob("*.py"):
            src = path.read_text(encoding="utf-8")
            for form in old_forms:
                assert form not in src, f"{path.relative_to(ROOT)} writes out {form!r}"
