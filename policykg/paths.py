"""Where policykg keeps its files.

The project home (`.policykg/` at the repository root, or `$POLICYKG_HOME`) holds everything the
tool installs or generates: the Neo4j distribution and its data, the pkuseg model, logs. Git
ignores it.
"""

from __future__ import annotations

import os
from pathlib import Path

# The repository root: parent of this package's folder (an editable install keeps it there).
REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = REPO_ROOT / "corpus"


def home() -> Path:
    env = os.environ.get("POLICYKG_HOME")
    path = Path(env) if env else REPO_ROOT / ".policykg"
    path.mkdir(parents=True, exist_ok=True)
    return path
