"""Reading the TOML files policykg ships (schema/registries/*.toml) or is pointed at.

The agency registry and the vocabulary are read the same way and fail the same way (missing
file, invalid TOML), each with its own error class; this is that one reader, so the two cannot
drift apart in what they accept or how they word a failure.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10 with tomli installed
    import tomli as tomllib  # type: ignore[no-redef]


def shipped_registry_path(name: str) -> Path:
    """A file shipped in the package's schema/registries/ folder, e.g. 'agencies.toml'."""
    return Path(str(files("policykg.schema").joinpath("registries", name)))


def read_toml(p: Path, error: type[Exception], what: str) -> dict[str, Any]:
    """The parsed TOML at `p`; a missing file or invalid TOML raises `error`, naming `p` and
    (for a missing file) `what` the file is meant to be, e.g. 'registry'."""
    try:
        with p.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise error(f"{p}: {what} file not found") from None
    except tomllib.TOMLDecodeError as e:
        raise error(f"{p}: not valid TOML: {e}") from None
