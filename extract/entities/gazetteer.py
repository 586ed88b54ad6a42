"""The curated entity gazetteers: companies, institutions, technologies (+ the 003 glossary).

Reads `schema/registries/{companies,institutions,technologies}.toml`, merges the glossary
appendix parsed from the corpus (extract/entities/glossary.py), and indexes every alias for character-level
matching (a trie over a normalised form of the text, see extract/entities/textview.py). Also collects the
surface forms the pkuseg user dictionary needs, including agency names from agencies.toml when that
registry exists.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from pathlib import Path

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10 with tomli installed
    import tomli as tomllib  # type: ignore[no-redef]

from policykg.extract.entities.glossary import parse_glossary
from policykg.extract.entities.lexicon import COMPANY_SUFFIXES, SUFFIX_VETO_NEXT
from policykg.extract.entities.namelists import CONTEXT_CATEGORY
from policykg.extract.entities.textview import compact_key
from policykg.paths import corpus_dir as shipped_corpus_dir
from policykg.paths import registry_dir as shipped_registry_dir
from policykg.schema.entities import EntityKind, GlossaryTerm

FILES = {
    EntityKind.company: ("companies.toml", "company"),
    EntityKind.institution: ("institutions.toml", "institution"),
    EntityKind.technology: ("technologies.toml", "technology"),
}
AGENCIES_FILE = "agencies.toml"
# `strict` applies to aliases this short or shorter: longer forms are distinctive on their own.
STRICT_MAX_LEN = 3


@dataclass(frozen=True)
class Entry:
    label: EntityKind
    name: str
    aliases: tuple[str, ...]
    category: str | None
    source: str  # registry file name, or 'glossary:<doc_id>' for a term only the glossary has
    parent: str | None = None
    strict: bool = False
    not_before: tuple[str, ...] = ()
    definition: str | None = None  # from the glossary, when it has one

    @property
    def canonical_id(self) -> str:
        return canonical_id(self.label, self.name)

    @property
    def surfaces(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def canonical_id(label: EntityKind, name: str) -> str:
    return f"{label.value.lower()}:{name}"


@dataclass(frozen=True)
class AliasRef:
    """One way of writing an entry, as indexed for matching."""

    entry: Entry
    alias: str  # as written in the registry
    key: str  # compact_key(alias): the form matched against a TextView
    rule: str  # evidence rule id naming the gazetteer the alias came from
    case_sensitive: bool
    strict: bool


@dataclass
class Gazetteer:
    entries: list[Entry]
    # compact_key(alias).lower() -> the ways of writing it; several entries never share a key
    # (load refuses duplicates), but one entry may list two spellings that normalise alike.
    index: dict[str, list[AliasRef]] = field(default_factory=dict)
    max_len: int = 0
    # Names of government bodies (agencies.toml): a company, institution or technology found
    # inside one is part of the agency's name (中国人民银行 in 中国人民银行深圳市中心支行), not an
    # entity of its own. Filled by load_gazetteer; empty for a hand-built gazetteer.
    agency_names: tuple[str, ...] = ()
    # Context-only names (namelists.CONTEXT_CATEGORY: stock short names the filter drops, such as
    # 中国石化, 五粮液, 机器人): compact_key(name) -> entry, never matched on their own; the
    # pattern rules take one only where the context types the item as a firm (rules.py).
    context_names: dict[str, Entry] = field(default_factory=dict)

    def by_id(self, cid: str) -> Entry | None:
        return next((e for e in self.entries if e.canonical_id == cid), None)

    def user_dict_terms(self) -> list[str]:
        """Surfaces the segmenter must keep whole. Left out: strict short aliases (网域 would be
        forced out of 互联网域名), short Latin ones (AI inside a longer Latin word) and the name
        lists' thousands of names (they would change how every text is cut, which the trained
        NER was not trained on, and slow the segmenter's dictionary)."""
        terms: set[str] = set()
        for refs in self.index.values():
            for ref in refs:
                a = ref.alias
                if ref.strict or ref.entry.source.startswith(NAMELIST_PREFIX):
                    continue
                if a.isascii() and len(a) <= 3:
                    continue
                terms.add(a)
        return sorted(terms)


def build_gazetteer(entries: list[Entry], glossary_aliases: dict[str, str] | None = None) -> Gazetteer:
    """Index `entries`. `glossary_aliases` maps alias -> 'glossary:<doc>' for aliases the
    glossary contributed, so their matches cite the glossary rather than the registry."""
    glossary_aliases = glossary_aliases or {}
    gaz = Gazetteer(entries=list(entries))
    owner: dict[str, str] = {}
    for entry in entries:
        for alias in entry.surfaces:
            key = compact_key(alias).lower()
            if not key:
                continue
            prev = owner.setdefault(key, entry.canonical_id)
            if prev != entry.canonical_id:
                raise ValueError(f"alias {alias!r} is claimed by both {prev} and {entry.canonical_id}")
            source = glossary_aliases.get(alias)
            if entry.source.startswith(NAMELIST_PREFIX):
                rule = "gazetteer.namelist"
            elif source or entry.source.startswith("glossary:"):
                rule = "gazetteer.glossary"
            else:
                rule = f"gazetteer.{FILES[entry.label][0].removesuffix('.toml')}"
            gaz.index.setdefault(key, []).append(AliasRef(
                entry=entry,
                alias=alias,
                key=compact_key(alias),
                rule=rule,
                case_sensitive=_case_sensitive(alias),
                strict=entry.strict and len(key) <= STRICT_MAX_LEN,
            ))
            gaz.max_len = max(gaz.max_len, len(key))
    return gaz


def _case_sensitive(alias: str) -> bool:
    """All-capital Latin (RFID, AI, SET) matches as written; mixed case (IPv6, NB-IoT, SaaS) in
    any case, since the plans write IPV6 and NB-IOT too."""
    letters = [c for c in alias if c.isascii() and c.isalpha()]
    return not (any(c.islower() for c in letters) and any(c.isupper() for c in letters))


def read_registry(path: Path, label: EntityKind, table: str) -> tuple[list[Entry], dict]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    entries = [
        Entry(
            label=label,
            name=row["name"],
            aliases=tuple(row.get("aliases", ())),
            category=row.get("category"),
            source=path.name,
            parent=row.get("parent"),
            strict=bool(row.get("strict", False)),
            not_before=tuple(row.get("not_before", ())),
        )
        for row in data.get(table, [])
    ]
    return entries, data


def merge_glossary(
    entries: list[Entry], terms: list[GlossaryTerm], exclude: set[str], category: str
) -> tuple[list[Entry], dict[str, str]]:
    """Fold glossary terms into the technology entries.

    A term whose headword is an existing entry's name or alias adds its parenthesised aliases to
    that entry; otherwise it becomes a new entry. Aliases another entry already owns are dropped
    (TD-LTE's glossary line names Long Term Evolution, which stays with whoever claims it)."""
    out = list(entries)
    owned = {compact_key(a).lower(): i for i, e in enumerate(out) for a in e.surfaces}
    contributed: dict[str, str] = {}
    for term in terms:
        if term.term in exclude:
            continue
        source = f"glossary:{term.doc_id}"
        idx = owned.get(compact_key(term.term).lower())
        new_aliases = [a for a in term.aliases if compact_key(a).lower() not in owned]
        if idx is None:
            entry = Entry(
                label=EntityKind.technology, name=term.term, aliases=tuple(new_aliases),
                category=category, source=source, definition=term.definition,
            )
            out.append(entry)
            idx = len(out) - 1
        else:
            old = out[idx]
            out[idx] = Entry(
                label=old.label, name=old.name, aliases=old.aliases + tuple(new_aliases),
                category=old.category, source=old.source, parent=old.parent, strict=old.strict,
                not_before=old.not_before, definition=term.definition,
            )
        for a in new_aliases:
            owned[compact_key(a).lower()] = idx
            contributed[a] = source
    return out, contributed


def corpus_glossaries(corpus_dir: Path | None = None) -> list[GlossaryTerm]:
    """Glossary terms of every corpus document that has a 名词解释 appendix."""
    corpus_dir = corpus_dir or shipped_corpus_dir()
    terms: list[GlossaryTerm] = []
    for path in sorted((corpus_dir / "documents").glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if "名词解释" in text:
            terms.extend(parse_glossary(path.stem, text))
    return terms


def load_gazetteer(
    registry_dir: Path | None = None, glossary: list[GlossaryTerm] | None = None, *, namelists: bool = True
) -> Gazetteer:
    """Read the three registries (default: the shipped ones), merge `glossary` (default: the
    corpus glossaries) and, with `namelists`, the authoritative name lists
    (extract/entities/data/namelists.tsv.gz, see namelists.py) under them."""
    registry_dir = registry_dir or shipped_registry_dir()
    entries: list[Entry] = []
    glossary_cfg: dict = {}
    for label, (fname, table) in FILES.items():
        path = registry_dir / fname
        if not path.exists():
            continue
        rows, data = read_registry(path, label, table)
        entries.extend(rows)
        if label is EntityKind.technology:
            glossary_cfg = data.get("glossary", {})
    terms = corpus_glossaries() if glossary is None else glossary
    entries, contributed = merge_glossary(
        entries, terms, set(glossary_cfg.get("exclude", ())), glossary_cfg.get("category", "glossary")
    )
    agencies = agency_terms(registry_dir)
    listed = namelist_entries(entries, agencies) if namelists else []
    # A context-only name that ends in a company form (上港集团, 宁波银行, 华联控股) is typed by
    # it: it is matched like a kept short name. The others wait for a firm's context.
    context = [e for e in listed if e.category == CONTEXT_CATEGORY and not e.name.endswith(COMPANY_SUFFIXES)]
    waiting = {id(e) for e in context}
    listed = [e if e.category != CONTEXT_CATEGORY else _typed_by_form(e) for e in listed if id(e) not in waiting]
    gaz = build_gazetteer(entries + listed, contributed)
    gaz.agency_names = tuple(agencies)
    gaz.context_names = {compact_key(e.name): e for e in context}
    return gaz


NAMELIST_PREFIX = "namelist:"


def _typed_by_form(entry: Entry) -> Entry:
    """A context-only name matched on its own because it ends in a company form: not where the
    form goes on as a longer word (统一股份 in 统一股份制, 江苏银行 in 江苏银行业; the suffix rules'
    SUFFIX_VETO_NEXT)."""
    nexts = next((v for k, v in SUFFIX_VETO_NEXT.items() if entry.name.endswith(k)), ())
    return dataclasses.replace(entry, not_before=tuple(nexts))
_LABELS = {k.value: k for k in FILES}


def namelist_entries(entries: list[Entry], agency_names: list[str], rows: list[dict] | None = None) -> list[Entry]:
    """Entries for the name-list rows whose forms no registry entry, glossary term or agency
    claims. The hand registries are curated for these plans, so a name both know keeps the
    registry's entry (and its aliases, strictness, not_before); a list alias another row already
    took is dropped from the later row. Short names (stock short names: 国华, 柳工) match only as
    standalone words (`strict`)."""
    from policykg.extract.entities import namelists

    rows = namelists.read() if rows is None else rows
    owned = {compact_key(a).lower() for e in entries for a in e.surfaces}
    owned |= {compact_key(a).lower() for a in agency_names}
    out: list[Entry] = []
    for row in rows:
        forms = [f for f in (row["name"], *row["aliases"].split("|")) if f]
        keys = [compact_key(f).lower() for f in forms]
        if keys[0] in owned:
            continue
        aliases = tuple(f for f, k in zip(forms[1:], keys[1:]) if k not in owned)
        owned.update(compact_key(f).lower() for f in (forms[0], *aliases))
        out.append(Entry(label=_LABELS[row["label"]], name=forms[0], aliases=aliases, category=row["category"],
                         source=NAMELIST_PREFIX + row["source"],
                         strict=row["category"] in ("listed_company", CONTEXT_CATEGORY)))
    return out


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return load_gazetteer()


def agency_terms(registry_dir: Path | None = None) -> list[str]:
    """Agency names, short forms and aliases from agencies.toml ([] while it does not exist)."""
    registry_dir = registry_dir or shipped_registry_dir()
    path = registry_dir / AGENCIES_FILE
    if not path.exists():
        return []
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    terms: set[str] = set()
    for row in data.get("agency", []):
        for key in ("name", "short"):
            value = row.get(key)
            if isinstance(value, str):
                terms.add(value)
            elif isinstance(value, list):
                terms.update(v for v in value if isinstance(v, str))
        terms.update(a for a in row.get("aliases", []) if isinstance(a, str))
    # A national body is registered by its full title (中华人民共和国住房和城乡建设部) and written
    # without the state's name (本文件由住房和城乡建设部提出): both are its names.
    terms.update(t[len(STATE_TITLE):] for t in list(terms)
                 if t.startswith(STATE_TITLE) and len(t) - len(STATE_TITLE) >= 3)
    return sorted(t for t in terms if t.strip())


STATE_TITLE = "中华人民共和国"
