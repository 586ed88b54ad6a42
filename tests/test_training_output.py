"""`policykg train` writes to --output or the user's model dir, never into the installed package,
and the loader prefers a trained user model (extract/entities/model_store.py).

spaCy's trainer and the corpus build are replaced by fakes here: what is tested is where the
weights go and which folder the loader picks, not the training itself (minutes on CPU)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from policykg.extract.entities import model_store
from policykg.extract.entities.model_store import ENV, SHIPPED, active_model_dir, user_model_dir


def _fake_model(folder: Path, digest: str | None) -> Path:
    for name in ("tok2vec", "ner"):
        (folder / name).mkdir(parents=True, exist_ok=True)
        (folder / name / "model").write_bytes(b"weights")
    if digest is not None:
        (folder / "TRAINING.json").write_text(json.dumps({"config_sha256": digest}), encoding="utf-8")
    return folder


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYKG_HOME", str(tmp_path / "home"))
    monkeypatch.delenv(ENV, raising=False)
    return tmp_path / "home"


def test_shipped_model_is_the_default(home):
    assert active_model_dir("abc") == SHIPPED
    assert model_store.has_weights(SHIPPED)


def test_a_trained_user_model_is_preferred(home):
    _fake_model(user_model_dir(), "abc")
    assert user_model_dir() == home / "entity-model"
    assert active_model_dir("abc") == home / "entity-model"


def test_a_user_model_of_another_config_is_passed_over(home):
    _fake_model(user_model_dir(), "old")
    assert active_model_dir("abc") == SHIPPED


def test_the_setting_wins_and_must_point_at_weights(home, tmp_path, monkeypatch):
    _fake_model(user_model_dir(), "abc")
    elsewhere = _fake_model(tmp_path / "mine", None)
    monkeypatch.setenv(ENV, str(elsewhere))
    assert active_model_dir("abc") == elsewhere
    monkeypatch.setenv(ENV, str(tmp_path / "nothing"))
    with pytest.raises(FileNotFoundError, match=ENV):
        active_model_dir("abc")


def _fake_training(monkeypatch):
    """Replace the corpus build and spaCy's trainer: the trainer writes a model-best folder with
    copies of the shipped weights, as spacy train would."""
    from policykg.extract.entities import training

    monkeypatch.setattr(training, "build_docbins", lambda out_dir, seed=0: {"paragraphs": 1})

    def spacy_train(config, out, overrides):
        best = Path(out) / "model-best"
        for name in ("tok2vec", "ner"):
            shutil.copytree(SHIPPED / name, best / name)
        (best / "meta.json").write_text('{"performance": {"ents_f": 0.5}}', encoding="utf-8")

    import spacy.cli.train

    monkeypatch.setattr(spacy.cli.train, "train", spacy_train)
    return training


def test_train_writes_the_user_model_dir_not_the_package(home, tmp_path, monkeypatch):
    training = _fake_training(monkeypatch)
    before = {p: p.stat().st_mtime_ns for p in SHIPPED.rglob("*") if p.is_file()}
    info = training.train(work_dir=tmp_path / "work")
    assert Path(info["model_dir"]) == home / "entity-model"
    assert model_store.has_weights(home / "entity-model")
    from policykg.extract.entities.nlp import config_digest

    assert json.loads((home / "entity-model" / "TRAINING.json").read_text())["config_sha256"] == config_digest()
    assert active_model_dir(config_digest()) == home / "entity-model"
    assert {p: p.stat().st_mtime_ns for p in SHIPPED.rglob("*") if p.is_file()} == before


def test_cli_train_output(home, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from policykg.cli import app

    _fake_training(monkeypatch)
    monkeypatch.setenv("POLICYKG_HOME", str(tmp_path / "home"))
    res = CliRunner().invoke(app, ["train", "--output", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    assert model_store.has_weights(tmp_path / "out")
    assert not (home / "entity-model").exists()
