"""The contract between stages: what `extract` produces and `graph` loads.

Every fact carries an `Evidence`: the document, character offsets into the decoded text of the
original file (Python string indices, i.e. Unicode code points), the quote those offsets cut out,
and the id of the rule that produced the fact.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SourceRef(Model):
    """Where in the original file a span of the extracted text stands, for sources other than
    plain text: the page of a PDF, the paragraph or table cell of a DOCX, the element of a page."""

    format: str  # text | html | docx | pdf
    page: int | None = None  # 1-based PDF page
    paragraph: int | None = None  # 0-based DOCX body paragraph
    table: int | None = None  # 0-based table index within the document
    row: int | None = None  # 0-based row within the table
    col: int | None = None  # 0-based column within the row
    element: str | None = None  # HTML element path, e.g. 'div#UCAP-CONTENT > p[3]'
    original: str | None = None  # what the source holds where it differs from the text (PDF Kangxi radicals …)


class Evidence(Model):
    doc_id: str
    start: int = Field(ge=0, description="character offset (code points) into the decoded file")
    end: int = Field(ge=0)
    quote: str
    rule: str = Field(description="id of the extraction rule, e.g. 'clause.lead_support'")
    source: SourceRef | None = None  # set for HTML/DOCX/PDF: page/cell/element of `start`


class PlanKind(str, Enum):
    plan = "规划"
    action_plan = "行动计划"
    implementation = "实施方案"
    other = "其他"


class PlanMeta(Model):
    """Document metadata. From the manifest, the text's own header, or both (manifest wins)."""

    doc_id: str
    title: str | None = None
    doc_number: str | None = None  # 文号, e.g. 深府〔2015〕69号
    issuer: str | None = None
    issued: dt.date | None = None
    published: dt.date | None = None
    source_url: str | None = None
    index_number: str | None = None  # 索引号
    period_start: int | None = None
    period_end: int | None = None
    kind: PlanKind | None = None
    # Where each field came from: 'manifest' or 'header:<rule>'.
    provenance: dict[str, str] = Field(default_factory=dict)


class SectionLevel(str, Enum):
    chapter = "chapter"  # 一、
    section = "section"  # （一） / (一)
    item = "item"  # 1． / 1.
    subitem = "subitem"  # （1） / ①
    appendix = "appendix"  # 附录


class Section(Model):
    id: str
    doc_id: str
    level: SectionLevel
    number: int | None = None  # ordinal within its parent (一 → 1)
    marker: str | None = None  # the numbering as written, e.g. '（三）'; None for a lost heading
    heading: str | None = None  # None where the web page lost it
    heading_lost: bool = False
    parent_id: str | None = None
    start: int
    end: int
    path: list[str] = Field(default_factory=list)  # markers from the plan down, for display


class Paragraph(Model):
    doc_id: str
    section_id: str | None
    start: int
    end: int
    text: str  # the logical paragraph with PDF hard wraps joined (offsets still span the original)
    on_heading_line: bool = False  # the body text that follows a heading on its own line


class TaskKind(str, Enum):
    task = "task"
    project = "project"  # 工程
    key_field = "key_field"  # 重点领域
    measure = "measure"  # 保障措施 / 工作措施
    goal = "goal"


class Deadline(Model):
    """A task's time limit as the text states it: `2022年底前`, `长期坚持`, `2021—2023年`."""

    text: str  # as written
    kind: str  # date (a point in time) | period (a span of years) | ongoing (长期坚持, 持续推进)
    date: dt.date | None = None  # the latest day the wording allows (2022年6月底前 → 2022-06-30)
    year_start: int | None = None
    year_end: int | None = None
    evidence: Evidence


class Task(Model):
    id: str
    doc_id: str
    kind: TaskKind
    title: str
    text: str
    section_id: str | None  # the Section this task is (or lies in)
    parent_task_id: str | None = None  # sub-measures of a task
    ordinal: int  # order within the document
    start: int
    end: int
    rule: str
    deadline: Deadline | None = None


class Role(str, Enum):
    lead = "lead"  # 牵头单位 → LEADS
    support = "support"  # 配合单位 / 参与 → SUPPORTS
    responsible = "responsible"  # 责任单位 / 按职责分工负责 → RESPONSIBLE_FOR {rank}


class AgencyMention(Model):
    surface: str  # as written in the list item, e.g. '经贸信息委'
    name: str  # with omitted prefix restored, e.g. '市经贸信息委'
    agency_id: str = ""  # the Agency it resolves to (registry id, or 'unresolved:<name>')
    prefix_restored: bool = False
    start: int
    end: int


class Assignment(Model):
    """One agency in one role on one task: becomes one LEADS/SUPPORTS/RESPONSIBLE_FOR edge."""

    task_id: str
    role: Role
    rank: int  # 1-based position in its list, as written
    agency: AgencyMention
    evidence: Evidence
    # The document-level convention that decided this role (列第一位者为牵头单位，下同), if any.
    convention: Evidence | None = None


class Clause(Model):
    """A responsibility clause as found in the text, e.g. （牵头单位：…，配合单位：…）."""

    doc_id: str
    task_id: str | None
    start: int
    end: int
    text: str
    rule: str
    assignments: list[Assignment] = Field(default_factory=list)
    scope: str | None = None  # a scope of application the clause states (not an owner)


class Agency(Model):
    """An actor named in a plan: a registry entry, or an unresolved name kept as written."""

    id: str  # registry id (e.g. 'sz-jmxxw'), or 'unresolved:<restored name>'
    name: str  # canonical full name; for an unresolved agency the restored name
    short: str | None = None
    level: str | None = None
    jurisdiction: str | None = None  # 中央, a province, a city or a district the body belongs to
    collective: bool = False  # 各区政府, 各行业主管部门 …
    resolved: bool = False  # True when matched to a registry entry
    mentions: list[str] = Field(default_factory=list)  # the restored names the plan used


class Target(Model):
    """A quantitative target: "到2023年…增加值突破1900亿元" → value 1900, unit 亿元, comparator >."""

    id: str
    doc_id: str
    metric: str
    value: float
    unit: str
    year: int | None
    comparator: str  # > >= = <= < ~
    task_id: str | None  # the task whose text states it, if any
    evidence: Evidence


class Citation(Model):
    """A document the plan cites in 《…》, with its 文号 when given."""

    id: str  # 'doc:<文号>' or 'doc:<normalised title>'
    title: str
    doc_number: str | None = None
    # The title as compared with corpus plans' (no spaces, quotes, brackets, dash variants):
    # the graph links a citation to the plan it names by this key or by the 文号.
    title_key: str | None = None
    evidence: Evidence


# -- named entities (companies, institutions, technologies) --------------------------------

class EntityKind(str, Enum):
    company = "Company"
    institution = "Institution"  # universities, research institutes, labs, named centres, standards bodies
    technology = "Technology"


class EntityMention(Model):
    """One occurrence of an entity in a document.

    `start`/`end` index the original decoded document text, so `text[start:end] == surface`
    (the surface keeps any hard line wrap or stray space the file has inside the name);
    `canonical_name` is the clean registry form that aliases merge into (中兴 → 中兴通讯).
    """

    doc_id: str
    label: EntityKind
    surface: str
    canonical_id: str  # '<label lower>:<canonical name>', e.g. 'company:中兴通讯'
    canonical_name: str
    category: str | None = None  # from the gazetteer, e.g. 'telecom_equipment'; None for patterns
    in_gazetteer: bool  # False: a pattern rule proposed a name no registry lists
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    # canonical_id of the longer mention this one sits inside, e.g. 华为 inside 华为下一代互联网
    # 工程研究中心: kept because it records an affiliation the graph can use.
    inside: str | None = None
    evidence: Evidence
    task_id: str | None = None  # the innermost task whose span holds the mention (set by the pipeline)
    # For a mention the statistical NER proposed (evidence.rule 'model:ner'): its beam probability
    # in [0, 1]. None for gazetteer and pattern-rule mentions, which are not scored.
    score: float | None = Field(default=None, ge=0.0, le=1.0)


class GlossaryTerm(Model):
    """One entry of a plan's 名词解释 appendix, e.g. '5. 光纤到户 (FTTH, Fiber To The Home): …'."""

    doc_id: str
    number: int | None  # the entry's ordinal as written
    term: str
    aliases: list[str] = Field(default_factory=list)  # acronym and English / Chinese names in the parentheses
    definition: str
    definition_start: int
    definition_end: int
    evidence: Evidence  # the whole entry, rule 'glossary.entry'


class EntityEntry(Model):
    """What the graph's entity node says about an entity the document mentions: its registry
    (gazetteer) entry, or the mention's own name for a pattern-found entity. Carried in the
    Extraction so that the graph needs no gazetteer of its own."""

    id: str  # EntityMention.canonical_id
    label: EntityKind
    name: str
    category: str | None = None
    definition: str | None = None  # from a 名词解释 glossary, when one defines it
    in_gazetteer: bool
    aliases: list[str] = Field(default_factory=list)  # registry surfaces, then the forms this document used


class Convention(Model):
    """A rule a document declares for all its later clauses, e.g. `列第一位者为牵头单位，下同`."""

    kind: str  # e.g. 'first_listed_leads'
    evidence: Evidence


class Extraction(Model):
    """Everything extracted from one document: the only hand-off from `extract` to `graph`."""

    meta: PlanMeta
    path: str
    sha256: str
    text: str = ""  # the decoded document; every offset indexes it
    sections: list[Section] = Field(default_factory=list)
    paragraphs: list[Paragraph] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    clauses: list[Clause] = Field(default_factory=list)
    conventions: list[Convention] = Field(default_factory=list)
    agencies: list[Agency] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    mentions: list[EntityMention] = Field(default_factory=list)
    entities: list[EntityEntry] = Field(default_factory=list)  # one per canonical_id in `mentions`
    title_key: str | None = None  # meta.title as citations are compared with it (see Citation)
    warnings: list[str] = Field(default_factory=list)
