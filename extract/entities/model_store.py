"""Where the trained entity model is read from and where `policykg train` writes.

The shipped model (extract/entities/model/, package data) is the default and is never written by
`policykg train`: an installed package directory may be read-only, and a user's retraining must
not change what the package ships. Training writes to `--output`, else to the user's model dir
(`<policykg home>/entity-model`: `$POLICYKG_HOME`, `.policykg/` in a checkout, else the platform's
user data dir, see policykg/paths.py). The loader prefers, in this order:

1. `$POLICYKG_ENTITY_MODEL`, a folder with trained weights (an error if it has none: a setting
   that points nowhere should say so, not fall back silently);
2. the user's model dir, when it holds weights trained with the current config.cfg;
3. the shipped model.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

ENV = "POLICYKG_ENTITY_MODEL"
SHIPPED = Path(__file__).resolve().parent / "model"
TRAINED = ("tok2vec", "ner")


def user_model_dir() -> Path:
    """Where `policykg train` writes by default."""
    from policykg.paths import home

    return home() / "entity-model"


def has_weights(model_dir: Path) -> bool:
    return all((model_dir / name / "model").is_file() for name in TRAINED)


def trained_with(model_dir: Path) -> str | None:
    """The config digest recorded beside the weights (TRAINING.json), if any."""
    info = model_dir / "TRAINING.json"
    if not info.is_file():
        return None
    return json.loads(info.read_text(encoding="utf-8")).get("config_sha256")


def active_model_dir(current_digest: str | None = None) -> Path:
    """The model folder the pipeline loads (see the module doc). `current_digest` is the digest of
    the current config.cfg (nlp.config_digest()); a user model trained with another config is
    passed over for the shipped one."""
    env = os.environ.get(ENV, "").strip()
    if env:
        path = Path(env).expanduser()
        if not has_weights(path):
            raise FileNotFoundError(f"{ENV}={env}: no trained entity model there (tok2vec/ and ner/)")
        return path
    user = user_model_dir()
    if has_weights(user) and (current_digest is None or trained_with(user) in (None, current_digest)):
        return user
    return SHIPPED
