"""The curated agency registry: who an agency is, what plans call it, and what it became.

`schema/registries/agencies.toml` is the data; `policykg.extract.agencies.registry.load_registry`
reads it into a `Registry`. Resolution is exact-after-normalisation and never guesses: a name that
matches no entry, or more than one, resolves to None.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from enum import Enum
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class RegistryError(ValueError):
    """A registry file that cannot be used: names the file and the offending entry."""


class AgencyLevel(str, Enum):
    municipal_department = "municipal_department"
    party_organ = "party_organ"
    congress_organ = "congress_organ"
    cppcc_organ = "cppcc_organ"
    government_office = "government_office"
    district_government = "district_government"
    new_district = "new_district"
    central_unit = "central_unit"  # a central body's unit seated in Shenzhen (customs, PBoC …)
    collective = "collective"  # 各区政府, 各行业主管部门 … : not one agency
    # Central (中央) bodies, as the State Council's own lists class them.
    state_council_office = "state_council_office"  # 国务院办公厅, 国务院办事机构 (新闻办 …)
    state_council_department = "state_council_department"  # 国务院组成部门 (部, 委, 人民银行, 审计署)
    state_council_agency = "state_council_agency"  # 直属特设机构 / 直属机构 (国资委, 市场监管总局, 统计局 …)
    state_council_institution = "state_council_institution"  # 直属事业单位 (银保监会, 证监会 …)
    ministry_bureau = "ministry_bureau"  # 部委管理的国家局 (国家粮食局, 国家中医药局 …)
    central_party_organ = "central_party_organ"  # 中共中央 departments (中央组织部, 中央宣传部 …)
    central_enterprise = "central_enterprise"  # policy banks and central state firms named as owners
    people_organization = "people_organization"  # 全国总工会, 共青团中央, 全国妇联, 中国科协 …
    judicial_organ = "judicial_organ"  # 最高人民法院, 最高人民检察院
    # Provincial government departments (广东省发展和改革委员会 …): a province's own 厅/委/局.
    provincial_department = "provincial_department"
    # A district's or county's own bureaus (上海市宝山区财政局, 柳河县商务局): the level the
    # extractor already gives such a body the registry lacks (extract/agencies/jurisdiction.py).
    district_department = "district_department"
    county_department = "county_department"
    # A town's or township's government and a subdistrict office (上海市闵行区七宝镇人民政府,
    # 古美路街道办事处: the district government's agency for its area, which governs it), and their
    # own offices (镇规建办, 街道消委办). Their jurisdiction is the district they lie in.
    township_government = "township_government"
    township_department = "township_department"
    # A body set up for one event or programme (北京冬奥组委), not a standing department.
    ad_hoc_body = "ad_hoc_body"


class SuccessionKind(str, Enum):
    rename = "rename"
    split = "split"
    merge = "merge"


# A year (2019) or a date (TOML local date 2019-01-31).
When = int | dt.date


def when_year(value: When | None) -> int | None:
    if value is None:
        return None
    return value if isinstance(value, int) else value.year


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class RegistryAgency(_Model):
    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1, description="canonical full official name")
    short: str = Field(min_length=1, description="usual short form, e.g. 市经贸信息委")
    aliases: list[str] = Field(default_factory=list)
    level: AgencyLevel
    valid_from: When | None = None
    valid_to: When | None = None
    source: str = Field(min_length=1)
    unverified: bool = False
    note: str | None = None
    # 中央, or the place the body belongs to. Omitted in the file for the Shenzhen entries
    # (ids sz-… / col-…), which is what the registry held before central bodies came in.
    jurisdiction: str = ""

    def model_post_init(self, __context: Any) -> None:
        if not self.jurisdiction:
            object.__setattr__(self, "jurisdiction", "中央" if self.id.startswith("cn-") else "深圳市")

    @property
    def collective(self) -> bool:
        return self.level is AgencyLevel.collective

    @property
    def names(self) -> list[str]:
        """Every form this entry answers to: full name, short form, aliases (in that order)."""
        out: list[str] = []
        for n in [self.name, self.short, *self.aliases]:
            if n not in out:
                out.append(n)
        return out


class Succession(_Model):
    from_: str = Field(alias="from", pattern=ID_PATTERN)
    to: str = Field(pattern=ID_PATTERN)
    year: int | None = None
    kind: SuccessionKind
    source: str = Field(min_length=1)
    unverified: bool = False
    note: str | None = None


class Lineage(_Model):
    """An agency with everything it came from and everything it became, transitively."""

    agency: RegistryAgency
    predecessors: list[RegistryAgency] = Field(default_factory=list)
    successors: list[RegistryAgency] = Field(default_factory=list)
    edges: list[Succession] = Field(default_factory=list)  # the successions among them


# ── normalisation ────────────────────────────────────────────────────────────────────────────

_TRAILING = "、，,;；。.:：　 "
_SUFFIXES = ("等单位", "等部门", "等")


def normalize_name(name: str) -> str:
    """NFKC (full-width → half-width), drop whitespace, trailing punctuation and a 等 suffix."""
    s = unicodedata.normalize("NFKC", name)
    s = re.sub(r"\s+", "", s)
    s = s.strip(_TRAILING)
    for suffix in _SUFFIXES:
        if len(s) > len(suffix) and s.endswith(suffix):
            s = s[: -len(suffix)].rstrip(_TRAILING)
            break
    return s


def name_variants(normalized: str) -> list[str]:
    """Other spellings of the Shenzhen city prefix for a normalised name: 深圳市X ↔ 深圳X ↔ 市X → X.

    Variants only drop or re-spell a Shenzhen prefix the name already has; a bare name gets no 市
    added, since that can make a different word (委 → 市委, 场 → 市场, 政府 → 市政府). Bare list
    forms resolve only when the registry declares them as aliases. Another city's prefix is never
    stripped, so 广州市X cannot reach a Shenzhen entry.
    """
    n = normalized
    out: list[str] = []
    if n.startswith("深圳市"):
        rest = n[3:]
        out += ["市" + rest, rest]
    elif n.startswith("深圳"):
        rest = n[2:]
        out += ["深圳市" + rest, "市" + rest]
    elif n.startswith("市"):
        rest = n[1:]
        out += ["深圳市" + rest, rest]
    return [v for v in out if v and v != n]


# ── the registry ─────────────────────────────────────────────────────────────────────────────


class Registry(_Model):
    agencies: list[RegistryAgency] = Field(default_factory=list)
    successions: list[Succession] = Field(default_factory=list)
    path: str | None = Field(default=None, description="file it was read from, for error messages")

    _by_id: dict[str, RegistryAgency] = PrivateAttr(default_factory=dict)
    _index: dict[str, set[str]] = PrivateAttr(default_factory=dict)

    def model_post_init(self, __context: Any) -> None:
        by_id: dict[str, RegistryAgency] = {}
        index: dict[str, set[str]] = {}
        for a in self.agencies:
            by_id.setdefault(a.id, a)
            for n in a.names:
                index.setdefault(normalize_name(n), set()).add(a.id)
        self._by_id = by_id
        self._index = index

    # -- look-ups -------------------------------------------------------------------------------

    def get(self, agency_id: str) -> RegistryAgency:
        try:
            return self._by_id[agency_id]
        except KeyError:
            raise KeyError(f"no agency with id {agency_id!r} in {self.path or 'the registry'}") from None

    def __contains__(self, agency_id: object) -> bool:
        return agency_id in self._by_id

    def _ids_for(self, key: str) -> set[str]:
        return self._index.get(key, set())

    def resolve(self, name: str, jurisdiction: str | None = None) -> RegistryAgency | None:
        """The entry a plan's agency name refers to, or None when unknown or ambiguous.

        Matching: the normalised name against every entry's normalised full name, short form and
        aliases; failing an exact hit, the same with a Shenzhen prefix it already has re-spelled or
        dropped (深圳市X / 深圳X / 市X → X; see `name_variants`). More than one entry at the
        deciding step → None.
        """
        if not name:
            return None
        key = normalize_name(name)
        if not key:
            return None
        # Without a jurisdiction, a name is read as the registry always read it: as a Shenzhen
        # plan writes it (the registry began as Shenzhen's; bare 发展改革委 is 市发展改革委 there).
        jurisdiction = jurisdiction or "深圳市"
        exact = self._ids_for(key)
        if exact:
            # A document's bare 发展改革委 is its own jurisdiction's body; failing one there, a
            # central body (named alike everywhere), or a body whose name carries its place.
            mine = {i for i in exact if self._by_id[i].jurisdiction == jurisdiction}
            central = {i for i in exact if self._by_id[i].jurisdiction == "中央"}
            placed = {i for i in exact if key.startswith(self._by_id[i].jurisdiction[:2])}
            exact = mine or central or placed
        if exact:
            return self._by_id[next(iter(exact))] if len(exact) == 1 else None
        if jurisdiction != "深圳市":
            return None  # the Shenzhen prefix variants below belong to Shenzhen documents
        found: set[str] = set()
        for variant in name_variants(key):
            # A Shenzhen prefix re-spelled (深圳市科技局 → 市科技局) reaches Shenzhen's entries (and,
            # as before, central ones), never another city's 市科技局 (Guangzhou's).
            found |= {i for i in self._ids_for(variant) if self._by_id[i].jurisdiction in ("深圳市", "中央")}
        # Shenzhen's own entry wins over a central one of the same bare form (安全监管局).
        found = {i for i in found if self._by_id[i].jurisdiction == "深圳市"} or found
        if len(found) == 1:
            return self._by_id[next(iter(found))]
        return None

    # -- lineage --------------------------------------------------------------------------------

    def graph(self) -> nx.DiGraph:
        """Agencies as nodes, successions as edges (from → to) with year/kind/source attributes."""
        import networkx as nx

        g = nx.DiGraph()
        for a in self.agencies:
            g.add_node(a.id, name=a.name, short=a.short, level=a.level.value)
        for s in self.successions:
            g.add_edge(s.from_, s.to, year=s.year, kind=s.kind.value, source=s.source,
                       unverified=s.unverified)
        return g

    def lineage(self, agency_id: str) -> Lineage:
        """Everything `agency_id` came from and became, following successions transitively."""
        import networkx as nx

        agency = self.get(agency_id)
        g = self.graph()
        before = nx.ancestors(g, agency_id)
        after = nx.descendants(g, agency_id)
        members = before | after | {agency_id}

        def order(ids: set[str]) -> list[RegistryAgency]:
            items = [self._by_id[i] for i in ids]
            return sorted(items, key=lambda a: (when_year(a.valid_from) or 0, a.id))

        edges = [s for s in self.successions if s.from_ in members and s.to in members]
        return Lineage(agency=agency, predecessors=order(before - {agency_id}),
                       successors=order(after - {agency_id}), edges=edges)

    def successors(self, agency_id: str) -> list[RegistryAgency]:
        return self.lineage(agency_id).successors

    def predecessors(self, agency_id: str) -> list[RegistryAgency]:
        return self.lineage(agency_id).predecessors

    # -- validation -----------------------------------------------------------------------------

    def validate(self) -> None:  # type: ignore[override]  # shadows pydantic's deprecated v1 classmethod
        """Raise RegistryError naming the file and entry for any inconsistency. Returns None.

        Checks: duplicate ids; an alias (after normalisation) claimed by two entries; a name that
        does not resolve back to its own entry; level and kind values; succession ids that name no
        agency; self-succession; valid_from after valid_to.
        """
        where = self.path or "<registry>"
        problems: list[str] = []
        levels = {lv.value for lv in AgencyLevel}
        kinds = {k.value for k in SuccessionKind}

        seen_ids: dict[str, int] = {}
        for i, a in enumerate(self.agencies, 1):
            label = f"[[agency]] #{i} (id={a.id!r}, name={a.name!r})"
            if a.id in seen_ids:
                problems.append(f"{label}: duplicate id, first used by [[agency]] #{seen_ids[a.id]}")
            else:
                seen_ids[a.id] = i
            level = a.level.value if isinstance(a.level, AgencyLevel) else a.level
            if level not in levels:
                problems.append(f"{label}: bad level {level!r}; expected one of {sorted(levels)}")
            start, end = when_year(a.valid_from), when_year(a.valid_to)
            if start is not None and end is not None and start > end:
                problems.append(f"{label}: valid_from {a.valid_from} is after valid_to {a.valid_to}")

        owner: dict[tuple[str, str], tuple[int, RegistryAgency, str]] = {}
        for i, a in enumerate(self.agencies, 1):
            for n in a.names:
                key = (a.jurisdiction, normalize_name(n))
                if not key[1]:
                    problems.append(f"[[agency]] #{i} (id={a.id!r}): empty name or alias {n!r}")
                    continue
                if key in owner and owner[key][1].id != a.id:
                    j, other, raw = owner[key]
                    problems.append(
                        f"[[agency]] #{i} (id={a.id!r}): alias {n!r} duplicates {raw!r} of "
                        f"[[agency]] #{j} (id={other.id!r})"
                    )
                else:
                    owner.setdefault(key, (i, a, n))

        for i, s in enumerate(self.successions, 1):
            label = f"[[succession]] #{i} ({s.from_!r} → {s.to!r})"
            for end_name, ref in (("from", s.from_), ("to", s.to)):
                if ref not in seen_ids:
                    problems.append(f"{label}: '{end_name}' names no agency id {ref!r}")
            if s.from_ == s.to:
                problems.append(f"{label}: an agency cannot succeed itself")
            kind = s.kind.value if isinstance(s.kind, SuccessionKind) else s.kind
            if kind not in kinds:
                problems.append(f"{label}: bad kind {kind!r}; expected one of {sorted(kinds)}")

        # Every form an entry declares must resolve back to that entry (no prefix-variant clash).
        if not problems:
            for i, a in enumerate(self.agencies, 1):
                for n in a.names:
                    got = self.resolve(n, a.jurisdiction)
                    if got is None or got.id != a.id:
                        problems.append(
                            f"[[agency]] #{i} (id={a.id!r}): {n!r} resolves to "
                            f"{got.id if got else 'nothing (ambiguous)'!s} instead of itself"
                        )

        if problems:
            raise RegistryError(f"{where}: " + ("\n  ".join(["invalid agency registry:", *problems])))
