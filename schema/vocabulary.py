"""The domain vocabulary (schema/registries/vocabulary.toml), loaded and validated once.

Readers in extract/ and graph/ take their word lists from `vocabulary()` instead of writing them
out: agency-name endings, place levels, header keys, clause role labels and verbs. Lists are
validated (non-empty, no blanks, no duplicates) so that a typo in the file fails at load time,
naming the field, rather than silently matching nothing.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from policykg.schema.toml_files import read_toml, shipped_registry_path


class VocabularyError(ValueError):
    """The vocabulary file is missing, not TOML, or fails validation (names the field)."""


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _words(v: list[str]) -> list[str]:
    if not v:
        raise ValueError("must not be empty")
    bad = [w for w in v if not w or w != w.strip()]
    if bad:
        raise ValueError(f"blank or padded entries {bad!r}")
    dup = sorted({w for w in v if v.count(w) > 1})
    if dup:
        raise ValueError(f"duplicate entries {dup!r}")
    return v


class AgencyWords(_Model):
    suffixes: list[str]
    issuer_suffixes: list[str]
    government_suffixes: list[str]
    collective_heads: list[str]
    generic_tails: list[str]
    central_heads: list[str]
    class_tails: list[str]
    # names that take no restored place prefix (extract/clauses/agency_list.py)
    unprefixed_tails: list[str] = []
    unprefixed_heads: list[str] = []
    unprefixed_names: list[str] = []
    region_words: list[str] = []
    # collectives named by a place word alone, no body's ending (各地: every locality's government)
    collective_names: list[str] = []
    # endings of a body's internal unit (处/科/室), which share a list's parent body
    internal_unit_suffixes: list[str] = []
    # endings of a residents' or villagers' committee (居委, 村民委员会): self-governing bodies
    self_governing_tails: list[str] = []
    # units of a district bureau seated in a town (派出所): the district's, never the town's office
    town_seated_units: list[str] = []
    # endings of a body's offices seated in a place it names by its one-character short name
    # (中央金融管理部门在沪机构, 中央在京单位): the offices there, that place's
    seated_arm_tails: list[str] = []
    # the endings of `suffixes` that mark a body inside entity text (extract/entities/lexicon.py)
    entity_suffixes: list[str] = []
    # working bodies a document names by their purpose (省推进…领导小组): their endings, the purpose
    # verbs their names may hold, and the tails naming the units that sit on one (…成员单位)
    working_body_suffixes: list[str] = []
    working_body_purpose_verbs: list[str] = []
    member_unit_tails: list[str] = []
    # a coordinating mechanism (…协调推进机制): no body itself, but its member tails name one collective
    working_mechanism_suffixes: list[str] = []
    # the units of a body named with 的 (县级市场监督管理部门的派出机构): a body when the owner before 的 is one
    owned_unit_tails: list[str] = []

    _check = field_validator("*")(classmethod(lambda cls, v: _words(v)))


class PlaceLevel(_Model):
    suffix: str = Field(min_length=1)
    level: str = Field(pattern=r"^(provincial|municipal|district|county)$")
    prefix: str = Field(min_length=1)


class PlacesConfig(_Model):
    municipalities: list[str]
    not_place_after_prefix: list[str]
    # endings of a place below a district (街道, 镇, 乡): level 'township'
    township_suffixes: list[str] = []
    # all the towns and subdistricts of an area (乡镇, 街镇): a class
    township_classes: list[str] = []
    # kinds of area (开发区, 园区) that name no place without a proper name before them
    generic_areas: list[str] = []
    # verbs that open a sentence and never a place's name (支持合肥市… is "support 合肥市")
    not_place_heads: list[str] = []
    # words ending in 区 that name a kind of area below any district (社区, 小区, 校区): no place ends in one
    not_place_tails: list[str] = []
    # what follows a place's short name to name a zone of that place (深圳经济特区 is 深圳市's)
    place_zone_tails: list[str] = []
    # places relative to the matter or the document (事发地, 属地, 当地): never a place's name
    relative_places: list[str] = []
    # the names of China's provinces before 省 (广东, 黑龙江): the only 省 places there are
    provinces: list[str] = []
    # the document's own place as a deictic (全省, 我市, 本区): "this province/city/district", never a body;
    # how often a headless document says the province's or the city's decides which it speaks for
    province_deictics: list[str] = []
    city_deictics: list[str] = []
    local_deictics: list[str] = []
    # the nation's (我国, 全国): a headless text saying them more than any place's deictic speaks for the nation
    nation_deictics: list[str] = []
    national_signs: list[str] = []

    _check = field_validator("*")(classmethod(lambda cls, v: _words(v)))


class HeaderWords(_Model):
    keys: list[str]
    # kinds of document a title ends with (细则, 办法, 要点 …): a bare first line so ending is a title
    title_endings: list[str] = []

    _check = field_validator("*")(classmethod(lambda cls, v: _words(v)))

    def key_pattern(self) -> str:
        """An alternation of the keys that lets web pages' spacing inside a key through (文 号)."""
        return "|".join(r"\s*".join(re.escape(c) for c in k) for k in sorted(self.keys, key=len, reverse=True))


class RoleWords(_Model):
    unit_nouns: list[str]
    lead: list[str]
    responsible: list[str]
    support: list[str]
    # The role a list takes when its clause also names a lead (牵头部门：A；实施部门：C → C supports).
    beside_lead: dict[str, str] = {}

    _check = field_validator("unit_nouns", "lead", "responsible", "support")(classmethod(lambda cls, v: _words(v)))

    @field_validator("beside_lead")
    @classmethod
    def _roles_only(cls, v: dict[str, str]) -> dict[str, str]:
        roles = {"lead", "responsible", "support"}
        bad = sorted(f"{k} = {w}" for k, w in v.items() if k not in roles or w not in roles or k == "lead")
        if bad:
            raise ValueError(f"entries must map responsible/support to a role: {bad!r}")
        return v


class VerbWords(_Model):
    responsible: list[str]
    lead: list[str]
    support: list[str]
    with_partner: list[str]
    with_partner_adverbial: list[str] = []  # 由A联合制定…: 联合 with no partner is an adverb
    consult: list[str] = []  # 由A商B另行制定: 商 read as 会同
    consult_not_next: list[str] = []  # 商务, 商业, 商定: 商 inside another word
    list_stops: list[str]
    stop_exempt_next: list[str]
    # words of a body's name that begin with a stop word (建设管理委: 建设 is no verb there)
    stops_in_names: list[str] = []
    modals: list[str]
    joiners: list[str]

    _check = field_validator("*")(classmethod(lambda cls, v: _words(v)))


class FieldWords(_Model):
    deadline: list[str]
    scope: list[str]
    remark: list[str]

    _check = field_validator("*")(classmethod(lambda cls, v: _words(v)))


class ClauseWords(_Model):
    """Words of the prose clause forms (extract/clauses/finder.py) that are not role verbs."""
    handled: list[str]
    subject_adverbs: list[str]
    request: list[str]
    not_request_before: list[str]
    not_owner_after: list[str]
    bare_owners: list[str] = []  # 由地方自行解决: a generic owner with no body's ending, after 由 only
    bare_owner_next: list[str] = []  # 自行, 统一, 予以 …: what must follow a bare owner
    duty_nouns: list[str]
    delegating: list[str] = []  # A授权B负责…: B, the delegate, does the work
    liabilities: list[str] = []  # 承担法律责任: a liability borne, no work owned (a duty noun's exception)
    time_heads: list[str]
    seated: list[str]
    establish: list[str]
    change_of_approach: list[str]
    undone_before: list[str] = []  # 取消由A签章的环节: a step abolished, A owns no work
    condition_heads: list[str] = []  # 若X由A开发，…: a case stated, no work given
    shares: list[str] = []  # 由A与B按比例分配: a split, not work
    shared_head_levels: list[str]
    shared_head_openers: list[str]
    not_in_name: list[str]
    relative_adjectives: list[str]
    relative_verbs: list[str]
    relative_choosers: list[str] = []  # 由本级人民政府确定的审核机构
    relative_states: list[str] = []  # 实行垂直管理的国务院部门: how the bodies meant are run
    owner_openers: list[str] = []  # 所在 of 由所在镇政府…: part of the mention
    lead_others: list[str] = ["共同推进"]  # B共同推进 after A牵头: B supports
    post_titles: list[str]
    post_qualifiers: list[str] = []  # 国务院分管领导同志: 分管 before the person
    meeting_words: list[str] = []  # 由国务院常务会议讨论决定: a meeting, no owner
    function_heads: list[str] = []  # 省…人民政府管理专利工作的部门: the government naming the body
    function_verbs: list[str] = []
    function_tails: list[str] = []
    owner_chapter_verbs: list[str]
    owner_chapter_titles: list[str]
    owner_chapter_joined: list[str] = []  # 组织领导与责任分工: a title joined to another by 与/和
    role_nouns: list[str] = []  # A是…领导机关 / A为…执法主体: an institutional role stated of A
    as_role_nouns: list[str] = []  # A作为…领导机构: the same after 作为 (no 第一责任人 there)
    territory_words: list[str] = []  # A对本行政区域…负责: the area a government answers for
    answerable_matters: list[str] = []  # A对…环境质量负责: what a government answers for in an area named otherwise
    finance_levels: list[str] = []  # 由区级财政承担 / 由市、区两级财政共同承担: the levels a finance owner names
    step_verbs: list[str] = []  # 由A…，B实施…: the verbs of a procedure's next step with its own owner
    duty_list_nouns: list[str] = []  # 乡镇（街道）履行职责事项清单: the duty names a list, no one bears it
    sector_levels: list[str] = []  # 县级以上网信、公安…等主管部门: the level the first sector word lends the list
    approval_verbs: list[str] = []  # 经A会同B批准: verbs of approval that make a 经/报 lead a step of procedure
    undecided_before: list[str] = []  # 视实际情况交由A: a hand-over not yet decided, no owner
    party_holders: list[str] = []  # 由所有权人或者管理人负责: a regulated holder after 由 owns the 责任区
    persons: list[str] = []  # 由本人持身份证件…: a person, never a body
    penalty_after_name: list[str] = []  # 由登记机关处…罚款 / 处置: 处 opens the verb, no name ends there
    described_by_verbs: list[str] = []  # 由A…销售的X: X described by who sells it
    joined_sectors: list[str] = []  # 工业和信息化: a sector word whose 和 is its own
    jointly_verbs: list[str] = []  # 协同处置/协同发展: 协同 is the adverb 'jointly' before a verb, no partner
    fines: list[str] = []  # 由A处…罚款: what makes 处 before it the penalty verb, not a division's 处
    defined_body_tails: list[str] = []  # （以下简称联席会议）: endings of a defined name that make it a body

    _check = field_validator("*")(classmethod(lambda cls, v: _words(v)))


class ColumnWords(_Model):
    """The header words of one kind of 分工表 column ([table_columns] of vocabulary.toml)."""
    role: str
    whole: list[str] = []  # the label equals one of these
    part: list[str] = []  # the label holds one of these

    @field_validator("role")
    @classmethod
    def _known_role(cls, v: str) -> str:
        if v not in {"number", "lead", "support", "responsible", "deadline", "other", "task"}:
            raise ValueError(f"unknown column role {v!r}")
        return v

    @field_validator("whole", "part")
    @classmethod
    def _clean(cls, v: list[str]) -> list[str]:
        return _words(v) if v else v


class Vocabulary(_Model):
    agency: AgencyWords
    places: list[PlaceLevel]
    places_config: PlacesConfig
    header: HeaderWords
    roles: RoleWords
    verbs: VerbWords
    fields: FieldWords
    clauses: ClauseWords
    table_columns: dict[str, ColumnWords]

    @field_validator("places")
    @classmethod
    def _unique_places(cls, v: list[PlaceLevel]) -> list[PlaceLevel]:
        if not v:
            raise ValueError("must not be empty")
        suffixes = [p.suffix for p in v]
        if len(set(suffixes)) != len(suffixes):
            raise ValueError(f"duplicate place suffixes in {suffixes!r}")
        return v

    # -- derived forms the readers use --------------------------------------------------------

    @staticmethod
    def alternation(words: list[str]) -> str:
        """A regex alternation of `words`, longest first so that 委员会 wins over 委."""
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    def role_labels(self) -> dict[str, str]:
        """Every role label (牵头单位, 责任部门, 配合主体 …) → 'lead' | 'responsible' | 'support'."""
        out: dict[str, str] = {}
        for role in ("lead", "responsible", "support"):
            for word in getattr(self.roles, role):
                for noun in self.roles.unit_nouns:
                    out.setdefault(word + noun, role)
        return out

    def role_beside_lead(self, role: str) -> str:
        """The role a list labelled `role` takes in a clause that also names a lead."""
        return self.roles.beside_lead.get(role, role)

    def place_level(self, place: str) -> str | None:
        """'provincial' for 广东省 (and for 上海市, a municipality), 'municipal' for 广州市 …"""
        if place in self.places_config.municipalities:
            return "provincial"
        for p in sorted(self.places, key=lambda p: len(p.suffix), reverse=True):
            if place.endswith(p.suffix):
                return p.level
        return None

    def level_of_prefix(self, prefix: str) -> str | None:
        return next((p.level for p in self.places if p.prefix == prefix), None)


def default_vocabulary_path() -> Path:
    return shipped_registry_path("vocabulary.toml")


def load_vocabulary(path: str | Path | None = None) -> Vocabulary:
    p = Path(path) if path is not None else default_vocabulary_path()
    data = read_toml(p, VocabularyError, "vocabulary")
    try:
        return Vocabulary.model_validate(data)
    except ValidationError as e:
        msgs = "; ".join(f"{'.'.join(str(x) for x in err['loc'])}: {err['msg']}" for err in e.errors())
        raise VocabularyError(f"{p}: invalid vocabulary: {msgs}") from None


@functools.lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The shipped vocabulary, loaded once."""
    return load_vocabulary()
