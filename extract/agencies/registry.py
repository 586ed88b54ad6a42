"""Read the curated agency registry (schema/registries/agencies.toml) into a `Registry`.

Pure: no network, no state beyond an optional cache of the default file. Resolution rules live on
`Registry.resolve` (see policykg.schema.registry_models); this module only loads and validates.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from policykg.schema.registry_models import (
    AgencyLevel,
    Lineage,
    Registry,
    RegistryAgency,
    RegistryError,
    Succession,
    SuccessionKind,
    name_variants,
    normalize_name,
)
from policykg.schema.toml_files import read_toml, shipped_registry_path

__all__ = [
    "AgencyLevel",
    "Lineage",
    "Registry",
    "RegistryAgency",
    "RegistryError",
    "Succession",
    "SuccessionKind",
    "default_registry_path",
    "load_registry",
    "default_registry",
    "name_variants",
    "normalize_name",
]


def default_registry_path() -> Path:
    """The registry shipped with the package (schema/registries/agencies.toml)."""
    return shipped_registry_path("agencies.toml")


def _entry_label(table: str, i: int, raw: Any) -> str:
    if isinstance(raw, dict):
        bits = [f"{k}={raw[k]!r}" for k in ("id", "name", "from", "to") if k in raw]
        return f"[[{table}]] #{i}" + (f" ({', '.join(bits)})" if bits else "")
    return f"[[{table}]] #{i}"


def _errors(e: ValidationError) -> str:
    parts = []
    for err in e.errors():
        loc = ".".join(str(x) for x in err.get("loc", ())) or "entry"
        parts.append(f"{loc}: {err.get('msg')} (got {err.get('input')!r})")
    return "; ".join(parts)


def parse_registry(data: dict[str, Any], path: str = "<registry>", *, validate: bool = True) -> Registry:
    """Build a Registry from already-parsed TOML data; errors name `path` and the entry."""
    unknown = set(data) - {"agency", "succession"}
    if unknown:
        raise RegistryError(f"{path}: unknown top-level table(s) {sorted(unknown)}; "
                            "expected [[agency]] and [[succession]]")
    agencies: list[RegistryAgency] = []
    successions: list[Succession] = []
    problems: list[str] = []
    for i, raw in enumerate(data.get("agency", []), 1):
        try:
            agencies.append(RegistryAgency.model_validate(raw))
        except ValidationError as e:
            problems.append(f"{_entry_label('agency', i, raw)}: {_errors(e)}")
    for i, raw in enumerate(data.get("succession", []), 1):
        try:
            successions.append(Succession.model_validate(raw))
        except ValidationError as e:
            problems.append(f"{_entry_label('succession', i, raw)}: {_errors(e)}")
    if problems:
        raise RegistryError(f"{path}: " + "\n  ".join(["invalid agency registry:", *problems]))
    registry = Registry(agencies=agencies, successions=successions, path=path)
    if validate:
        registry.validate()
    return registry


def load_registry(path: str | Path | None = None, *, validate: bool = True) -> Registry:
    """Read and (by default) validate a registry TOML file; the shipped one when `path` is None."""
    p = Path(path) if path is not None else default_registry_path()
    return parse_registry(read_toml(p, RegistryError, "registry"), str(p), validate=validate)


@functools.lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The shipped registry, loaded once."""
    return load_registry()
