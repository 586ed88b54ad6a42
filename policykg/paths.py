"""Where policykg finds its shipped data and keeps its own files.

Shipped data (the built-in corpus, the registries, the viewer scripts, the Neo4j pom, the gold
set) is package data, found through importlib.resources, so an installed wheel finds it as well
as a checkout does. Nothing here is computed from the repository root.

The home folder holds everything the tool installs or generates (the Neo4j jars and data, the
pkuseg model, logs): `$POLICYKG_HOME` if set; else `.policykg/` at the root of the checkout when
policykg runs from one (git ignores it); else the platform's user data dir.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

# The packages that carry data; pyproject.toml maps each to its top-level folder.
CORPUS_PACKAGE = "policykg.corpus"  # corpus/
GOLD_PACKAGE = "policykg.gold"  # tests/gold/


def resource(package: str, *parts: str) -> Path:
    """A file or folder shipped in `package`, as a filesystem path.

    policykg is installed unzipped (a wheel or an editable install), so the Traversable that
    importlib.resources returns is a real path; Streamlit, Maven and glob() need one.
    """
    return Path(str(files(package).joinpath(*parts)))


def corpus_dir() -> Path:
    """The built-in corpus: manifest.toml and documents/."""
    return resource(CORPUS_PACKAGE)


def registry_dir() -> Path:
    """schema/registries: agencies, institutions, companies, technologies (TOML)."""
    return resource("policykg.schema", "registries")


def gold_dir() -> Path:
    """The hand-checked gold set `policykg eval` scores against by default."""
    return resource(GOLD_PACKAGE)


def viewer_app() -> Path:
    """The Streamlit script `policykg view` runs."""
    return resource("policykg.viewer", "app.py")


def neo4j_pom() -> Path:
    """The Maven pom that pins the Neo4j version and lists its jars."""
    return resource("policykg.graph", "neo4j_pom.xml")


def checkout_root() -> Path | None:
    """The source checkout policykg runs from (an editable install), or None when installed.

    Only used to place `.policykg/` and to read the checkout's `.env`, never to find data.
    """
    candidate = Path(__file__).resolve().parent.parent
    pyproject = candidate / "pyproject.toml"
    try:
        text = pyproject.read_text(encoding="utf-8")
    except OSError:
        return None
    return candidate if 'name = "policykg"' in text else None


def home() -> Path:
    env = os.environ.get("POLICYKG_HOME")
    if env:
        path = Path(env)
    elif (root := checkout_root()) is not None:
        path = root / ".policykg"
    else:
        import platformdirs  # only installed copies need it; keeps the checkout path light

        path = Path(platformdirs.user_data_dir("policykg", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
