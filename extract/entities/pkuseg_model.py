"""Install and locate the pkuseg segmentation model.

spacy-pkuseg ships the segmenter code but no model, and its own downloader fetches from GitHub,
which this project's machines cannot reach. The original `pkuseg` 0.0.25 source distribution on
PyPI carries the mixed-domain model (`pkuseg/models/default/features.pkl`, `weights.npz`) in the
format spacy-pkuseg loads, so we fetch that sdist with pip (a plain registry client), pull out only
the model folder and record the archive's sha256 next to it.

The model lands in `home()/models/pkuseg/default/`, outside git and outside site-packages, so a
fresh clone installs it with `policykg setup` and a re-run is a no-op.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from policykg.paths import home

SDIST_NAME = "pkuseg"
SDIST_VERSION = "0.0.25"
# sha256 of pkuseg-0.0.25.tar.gz as published on PyPI; pinning it makes the install reproducible
# and refuses a swapped archive. None would accept any archive (only recorded in the marker).
SDIST_SHA256: str | None = "dd012bf93689721c9574bc2b2ba98fb4ac22790cec0af354a78e217828b81e91"
MODEL_MEMBER_PREFIX = "pkuseg/models/default/"
# What spacy_pkuseg.pkuseg(<dir>) opens: FeatureExtractor.load() and Model.load().
EXPECTED_FILES = ("features.pkl", "weights.npz")
MARKER = "INSTALLED.json"
# Build tools pip needs to prepare the sdist's metadata with --no-build-isolation (pkuseg's
# setup.py imports Cython and numpy at the top).
BUILD_TOOLS = {"wheel": "wheel", "setuptools": "setuptools", "Cython": "cython"}

SETUP_COMMAND = "policykg setup"


class PkusegModelMissing(RuntimeError):
    """The pkuseg model is not installed under the project home."""

    def __init__(self, path: Path):
        super().__init__(
            f"pkuseg model not found at {path}. Install it with `{SETUP_COMMAND}` "
            f"(or `{sys.executable} -c 'from policykg.extract.entities.pkuseg_model import "
            f"install_pkuseg_model; install_pkuseg_model()'`)."
        )
        self.path = path


class PkusegInstallError(RuntimeError):
    """Fetching or unpacking the pkuseg sdist failed."""


def pkuseg_model_path() -> Path:
    """Folder that holds the installed default model (may not exist yet)."""
    return home() / "models" / "pkuseg" / "default"


def model_is_installed(path: Path | None = None) -> bool:
    path = path or pkuseg_model_path()
    return (path / MARKER).is_file() and all((path / f).is_file() for f in EXPECTED_FILES)


def require_pkuseg_model() -> Path:
    """The model folder, or `PkusegModelMissing` telling the user which command installs it."""
    path = pkuseg_model_path()
    if not model_is_installed(path):
        raise PkusegModelMissing(path)
    return path


def install_pkuseg_model(force: bool = False) -> Path:
    """Install the model into `pkuseg_model_path()`; return that path. Idempotent."""
    target = pkuseg_model_path()
    if model_is_installed(target) and not force:
        return target
    _ensure_build_tools()
    with tempfile.TemporaryDirectory(prefix="pkuseg-sdist-") as tmp:
        sdist = _download_sdist(Path(tmp))
        digest = _sha256(sdist)
        if SDIST_SHA256 and digest != SDIST_SHA256:
            raise PkusegInstallError(
                f"{sdist.name} has sha256 {digest}, expected {SDIST_SHA256}; refusing to install"
            )
        staging = Path(tmp) / "model"
        names = _extract_model(sdist, staging)
        missing = [f for f in EXPECTED_FILES if not (staging / f).is_file()]
        if missing:
            raise PkusegInstallError(f"{sdist.name} lacks {MODEL_MEMBER_PREFIX}{missing}")
        marker = {
            "sdist": sdist.name,
            "sha256": digest,
            "members": names,
            "source": f"pip download {SDIST_NAME}=={SDIST_VERSION} (PyPI sdist)",
        }
        (staging / MARKER).write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")
        # Swap in the finished folder only once it is complete, so an interrupted install never
        # leaves a half model that `model_is_installed` would accept.
        if target.exists():
            shutil.rmtree(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(staging), str(target))
    return target


def _ensure_build_tools() -> None:
    missing = [pkg for mod, pkg in BUILD_TOOLS.items() if importlib.util.find_spec(mod) is None]
    if missing:
        _pip("install", *missing)


def _download_sdist(dest: Path) -> Path:
    # --no-binary forces the .tar.gz even where a wheel exists: the sdist is what we pin and what
    # is known to carry the model folder. --no-deps: we only want the archive, not its deps.
    _pip(
        "download", "--no-deps", "--no-build-isolation", "--no-binary", SDIST_NAME,
        f"{SDIST_NAME}=={SDIST_VERSION}", "-d", str(dest),
    )
    found = sorted(dest.glob(f"{SDIST_NAME}-{SDIST_VERSION}.tar.gz"))
    if not found:
        raise PkusegInstallError(f"pip download left no {SDIST_NAME}-{SDIST_VERSION}.tar.gz in {dest}")
    return found[0]


def _extract_model(sdist: Path, dest: Path) -> list[str]:
    """Copy the files under `pkuseg/models/default/` (any top folder) flat into `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    names: list[str] = []
    with tarfile.open(sdist, "r:gz") as tar:
        for member in tar.getmembers():
            # Members look like 'pkuseg-0.0.25/pkuseg/models/default/weights.npz'.
            rel = PurePosixPath(*PurePosixPath(member.name).parts[1:]).as_posix()
            if not member.isfile() or not rel.startswith(MODEL_MEMBER_PREFIX):
                continue
            name = rel[len(MODEL_MEMBER_PREFIX):]
            if "/" in name or name in ("", ".", ".."):
                continue  # only the flat model files; never follow paths out of dest
            src = tar.extractfile(member)
            if src is None:
                continue
            with src, open(dest / name, "wb") as out:
                shutil.copyfileobj(src, out)
            names.append(name)
    return sorted(names)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _pip(*args: str) -> None:
    cmd = [sys.executable, "-m", "pip", "--disable-pip-version-check", *args]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise PkusegInstallError(
            f"`{' '.join(cmd)}` failed ({proc.returncode}):\n{proc.stderr[-2000:]}"
        )
