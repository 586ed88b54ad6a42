"""The pkuseg model install and the spaCy pipeline built on it.

The normal run uses the model under the project home (installed by `policykg setup`; the session
fixture installs it if a fresh clone lacks it, which is a no-op otherwise). The test that fetches
the sdist from PyPI into a temporary home is marked `slow`; the rest of the install logic is
tested offline against a synthetic archive.
"""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest

from policykg.extract.entities import pkuseg_model as pm
from policykg.extract.entities.gazetteer import agency_terms

AGENCY_SENTENCE = "（牵头单位：市经贸信息委，配合单位：深圳市科技创新委员会、市发展改革委）"
GAZETTEER_SENTENCE = "依托国家超级计算深圳中心，支持中兴通讯宽带移动通信工程实验室和华为下一代互联网工程研究中心"


@pytest.fixture(scope="session")
def model_dir() -> Path:
    return pm.install_pkuseg_model()


@pytest.fixture(scope="session")
def nlp(model_dir):
    from policykg.extract.entities.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def plain(model_dir):
    from policykg.extract.entities.nlp import load_nlp

    return load_nlp(registries=False)


def tokens(nlp, text: str) -> list[str]:
    return [t.text for t in nlp(text)]


# --- install -------------------------------------------------------------------------------------


@pytest.mark.slow
def test_install_from_pypi_sdist_into_temp_home(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYKG_HOME", str(tmp_path))
    path = pm.install_pkuseg_model()
    assert path == tmp_path / "models" / "pkuseg" / "default"
    for name in pm.EXPECTED_FILES:
        assert (path / name).stat().st_size > 10_000_000
    marker = json.loads((path / pm.MARKER).read_text(encoding="utf-8"))
    assert marker["sdist"] == "pkuseg-0.0.25.tar.gz"
    assert marker["sha256"] == pm.SDIST_SHA256
    before = (path / "weights.npz").stat().st_mtime_ns
    assert pm.install_pkuseg_model() == path  # idempotent: nothing fetched or rewritten
    assert (path / "weights.npz").stat().st_mtime_ns == before

    import spacy_pkuseg

    seg = spacy_pkuseg.pkuseg(str(path))
    assert seg.cut("深圳市推进光纤到户建设") != list("深圳市推进光纤到户建设")


def _fake_sdist(tmp_path: Path) -> Path:
    """A tar.gz laid out like pkuseg-0.0.25.tar.gz, plus members that must not be extracted."""
    sdist = tmp_path / "pkuseg-0.0.25.tar.gz"
    members = {
        "pkuseg-0.0.25/pkuseg/models/default/features.pkl": b"features",
        "pkuseg-0.0.25/pkuseg/models/default/weights.npz": b"weights",
        "pkuseg-0.0.25/pkuseg/models/default/sub/other.bin": b"nested",
        "pkuseg-0.0.25/pkuseg/__init__.py": b"code",
        "pkuseg-0.0.25/setup.py": b"setup",
    }
    with tarfile.open(sdist, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return sdist


def test_install_extracts_only_the_model_and_is_idempotent(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("POLICYKG_HOME", str(home))
    sdist = _fake_sdist(tmp_path)
    digest = hashlib.sha256(sdist.read_bytes()).hexdigest()
    calls = []

    def fake_download(dest: Path) -> Path:
        calls.append(dest)
        return sdist

    monkeypatch.setattr(pm, "_download_sdist", fake_download)
    monkeypatch.setattr(pm, "_ensure_build_tools", lambda: None)
    monkeypatch.setattr(pm, "SDIST_SHA256", digest)

    path = pm.install_pkuseg_model()
    assert sorted(p.name for p in path.iterdir()) == sorted([*pm.EXPECTED_FILES, pm.MARKER])
    assert (path / "weights.npz").read_bytes() == b"weights"
    assert json.loads((path / pm.MARKER).read_text())["sha256"] == digest
    assert pm.install_pkuseg_model() == path
    assert len(calls) == 1  # the second call found the marker and fetched nothing
    pm.install_pkuseg_model(force=True)
    assert len(calls) == 2


def test_install_refuses_an_archive_with_the_wrong_hash(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYKG_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(pm, "_download_sdist", lambda dest: _fake_sdist(tmp_path))
    monkeypatch.setattr(pm, "_ensure_build_tools", lambda: None)
    with pytest.raises(pm.PkusegInstallError, match="sha256"):
        pm.install_pkuseg_model()
    assert not pm.model_is_installed()
    with pytest.raises(pm.PkusegModelMissing):
        pm.require_pkuseg_model()


def test_missing_model_names_the_setup_command(tmp_path, monkeypatch):
    empty = tmp_path / "empty-home"
    monkeypatch.setenv("POLICYKG_HOME", str(empty))
    from policykg.extract.entities.nlp import load_nlp

    with pytest.raises(pm.PkusegModelMissing) as err:
        load_nlp()
    assert "`policykg setup`" in str(err.value)
    assert str(empty / "models" / "pkuseg" / "default") in str(err.value)


# --- segmentation ----------------------------------------------------------------------------------


def test_plain_pkuseg_splits_names_the_user_dictionary_keeps_whole(nlp, plain):
    with_dict, without = tokens(nlp, GAZETTEER_SENTENCE), tokens(plain, GAZETTEER_SENTENCE)
    for name in ("国家超级计算深圳中心", "中兴通讯宽带移动通信工程实验室", "华为下一代互联网工程研究中心"):
        assert name in with_dict
        assert name not in without  # so the dictionary is what keeps it whole
    assert len(without) > len(with_dict)


def test_agency_names_stay_one_token(nlp, plain):
    if "市经贸信息委" not in agency_terms():
        pytest.skip("schema/registries/agencies.toml does not list 市经贸信息委 yet")
    with_dict, without = tokens(nlp, AGENCY_SENTENCE), tokens(plain, AGENCY_SENTENCE)
    for name in ("市经贸信息委", "深圳市科技创新委员会", "市发展改革委"):
        assert name in with_dict
        assert name not in without


def test_extra_user_dict_terms(model_dir, plain):
    from policykg.extract.entities.nlp import load_nlp

    text = "支持之江实验室和杭州城西科创大走廊建设"
    assert "之江实验室" not in tokens(plain, text)
    assert "之江实验室" in tokens(load_nlp(["之江实验室"], registries=False), text)
    assert load_nlp(["之江实验室"], registries=False) is load_nlp(["之江实验室"], registries=False)  # cached


def test_pipelines_share_one_segmenter_model(nlp, plain):
    a, b = nlp.tokenizer.pkuseg_seg, plain.tokenizer.pkuseg_seg
    assert a.model is b.model and a.feature_extractor is b.feature_extractor
    assert a.preprocesser is not b.preprocesser


def test_segmenter_check_rejects_character_splitting():
    from spacy.lang.zh import Chinese

    from policykg.extract.entities.nlp import SegmenterBroken, check_segmenter

    with pytest.raises(SegmenterBroken):
        check_segmenter(Chinese())  # spaCy's default: one token per character


# --- entities in the pipeline ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def pipeline(model_dir):
    from policykg.extract.entities.nlp import load_pipeline

    return load_pipeline()


def test_pipeline_marks_gazetteer_and_pattern_entities(pipeline):
    doc = pipeline("支持阿里巴巴集团、浙江大学和之江实验室开展NB-IoT应用，推进IPV6部署")
    ents = {(e.text, e.label_, e.ent_id_) for e in doc.ents}
    assert ents == {
        ("阿里巴巴集团", "Company", "company:阿里巴巴"),
        ("浙江大学", "Institution", "institution:浙江大学"),
        ("之江实验室", "Institution", "institution:之江实验室"),
        ("NB-IoT", "Technology", "technology:NB-IoT"),
        ("IPV6", "Technology", "technology:IPv6"),
    }
    # Assembled from extract/entities/config.cfg: trained NER, then the character rules and the merge.
    assert pipeline.pipe_names == ["tok2vec", "ner", "policykg_entity_rules", "policykg_entity_merge"]


def test_pipeline_keeps_nested_mentions_in_user_data(pipeline):
    from policykg.extract.entities.nlp import MENTIONS_KEY

    doc = pipeline("支持华为下一代互联网工程研究中心建设")
    assert [(e.text, e.label_) for e in doc.ents] == [("华为下一代互联网工程研究中心", "Institution")]
    nested = [m for m in doc.user_data[MENTIONS_KEY] if m.inside]
    assert [(m.surface, m.inside) for m in nested] == [("华为", "institution:华为下一代互联网工程研究中心")]
