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
    "default_doc_number_places",
    "default_places",
    "parse_doc_number_places",
    "parse_places",
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
    unknown = set(data) - {"agency", "succession", "place"}
    if unknown:
        raise RegistryError(f"{path}: unknown top-level table(s) {sorted(unknown)}; "
                            "expected [[agency]], [[succession]] and [[place]]")
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


def _place_tables(data: dict[str, Any], path: str) -> tuple[dict[str, str], dict[str, str]]:
    """(place → the place it lies within, 文号 abbreviation → place) from the [[place]] tables.

    Each entry has name and source, and within (the place it lies in) or abbr (the one
    character a 文号 of that place opens with: 粤 for 广东省, 穗 for 广州市) or both. A place or an
    abbreviation listed twice is an error.
    """
    within: dict[str, str] = {}
    abbrs: dict[str, str] = {}
    problems: list[str] = []
    for i, raw in enumerate(data.get("place", []), 1):
        label = _entry_label("place", i, raw)
        if not isinstance(raw, dict) or set(raw) - {"name", "within", "abbr", "source", "note"}:
            problems.append(f"{label}: expected the keys name, within and/or abbr, source (and note)")
            continue
        name, outer, abbr, source = (raw.get(k) for k in ("name", "within", "abbr", "source"))
        if not (isinstance(name, str) and name and isinstance(source, str) and source
                and (outer is None or isinstance(outer, str) and outer)
                and (abbr is None or isinstance(abbr, str) and abbr) and (outer or abbr)):
            problems.append(f"{label}: name, source and within or abbr must be non-empty strings")
            continue
        if outer:
            if name in within:
                problems.append(f"{label}: place {name!r} listed twice")
            elif name == outer:
                problems.append(f"{label}: a place cannot lie within itself")
            else:
                within[name] = outer
        if abbr:
            if abbr in abbrs:
                problems.append(f"{label}: abbreviation {abbr!r} listed twice")
            else:
                abbrs[abbr] = name
    if problems:
        raise RegistryError(f"{path}: " + "\n  ".join(["invalid [[place]] table:", *problems]))
    return within, abbrs


def parse_places(data: dict[str, Any], path: str = "<registry>") -> dict[str, str]:
    """Place → the place it lies within (广州市 → 广东省), from the file's [[place]] tables.

    A city's document writes its province's bodies with the bare 省 prefix (省发展改革委 in a
    广州 plan is 广东省's); this map says which province that is.
    """
    return _place_tables(data, path)[0]


def parse_doc_number_places(data: dict[str, Any], path: str = "<registry>") -> dict[str, str]:
    """文号 abbreviation → place (粤 → 广东省, 穗 → 广州市), from the file's [[place]] tables."""
    return _place_tables(data, path)[1]


@functools.lru_cache(maxsize=1)
def default_doc_number_places() -> dict[str, str]:
    """The shipped registry's 文号 abbreviations (粤 → 广东省 …)."""
    p = default_registry_path()
    return parse_doc_number_places(read_toml(p, RegistryError, "registry"), str(p))


@functools.lru_cache(maxsize=1)
def default_places() -> dict[str, str]:
    """The shipped registry's [[place]] map (place → the place it lies within)."""
    p = default_registry_path()
    return parse_places(read_toml(p, RegistryError, "registry"), str(p))
