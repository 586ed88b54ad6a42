"""Read functions behind the viewer and the CLI: plans, agencies, tasks, technologies.

Each function takes a driver, runs parameterized Cypher from graph/cypher.py in a READ session
and returns a DataFrame or a pydantic model. Parts of the graph model that are not loaded yet
(registry names, lineage, mentions, targets, the full-text index) give empty results, not errors.
"""

from __future__ import annotations

import re

import neo4j
import pandas as pd
from neo4j.exceptions import ClientError
from pydantic import BaseModel

from policykg.graph import cypher
from policykg.graph.readonly import plain

ROLE_OF_REL = {"LEADS": "lead", "SUPPORTS": "support", "RESPONSIBLE_FOR": "responsible"}
# Lucene's query syntax characters: user text is searched literally, not as a query language.
_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/]|&&|\|\|)')


def read(driver: neo4j.Driver, query: str, database: str | None = None, **params) -> pd.DataFrame:
    """Rows of a read query as a DataFrame (columns kept even when there are no rows)."""
    # Notifications off: queries name properties and types that are loaded only later
    # (aliases, SUCCEEDED_BY, MENTIONS); the server's "does not exist" warnings are expected.
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS,
                        notifications_min_severity="OFF") as session:
        result = session.run(query, params)
        columns = list(result.keys())
        rows = [[plain(v) for v in record.values()] for record in result]
    return pd.DataFrame(rows, columns=columns)


def cell_code(rel: str, rank: int | None) -> str:
    """The matrix code of one role edge: L, S, or R<rank>."""
    if rel == "LEADS":
        return "L"
    if rel == "SUPPORTS":
        return "S"
    return "R" if _missing(rank) else f"R{int(rank)}"


def path_text(path) -> str:
    return " › ".join(path) if isinstance(path, list) else ""


# -- plans and agencies ---------------------------------------------------------------------

def plans_overview(driver: neo4j.Driver, database: str | None = None) -> pd.DataFrame:
    """One row per plan: year, title, 文号, tasks, agencies and role-edge counts."""
    return read(driver, cypher.VIEW_PLANS, database)


def top_lead_agencies(driver: neo4j.Driver, plan: str | None = None, limit: int = 20,
                      database: str | None = None) -> pd.DataFrame:
    """Agencies by the number of tasks they lead (then responsible-for, then support)."""
    return read(driver, cypher.VIEW_AGENCY_ROLE_COUNTS, database, plan=plan, limit=limit)


def agency_levels(driver: neo4j.Driver, database: str | None = None) -> list[str]:
    return read(driver, cypher.VIEW_AGENCY_LEVELS, database)["level"].tolist()


def search_agencies(driver: neo4j.Driver, q: str = "", limit: int = 50,
                    database: str | None = None) -> pd.DataFrame:
    """Agencies whose name, short form, id or any alias contains `q` (case-insensitive)."""
    return read(driver, cypher.VIEW_AGENCY_SEARCH, database, q=q.strip(), limit=limit)


def find_agency(driver: neo4j.Driver, name: str, database: str | None = None) -> str | None:
    """The id of the agency called `name` (exact name, short form or alias first), or None."""
    hits = search_agencies(driver, name, limit=5, database=database)
    if hits.empty:
        return None
    exact = hits[hits["exact"]]
    return str((exact if not exact.empty else hits).iloc[0]["agency_id"])


def lineage(driver: neo4j.Driver, agency_id: str, database: str | None = None) -> pd.DataFrame:
    """Predecessors and successors of an agency along SUCCEEDED_BY, transitively."""
    return read(driver, cypher.VIEW_AGENCY_LINEAGE, database, id=agency_id)


def agency_tasks(driver: neo4j.Driver, agency_id: str, include_lineage: bool = False,
                 database: str | None = None) -> pd.DataFrame:
    """The agency's tasks across plans by role, ordered by plan year.

    With include_lineage, the tasks of its predecessors and successors come too; the `agency`
    column says which body held the role.
    """
    ids = [agency_id]
    if include_lineage:
        ids += lineage(driver, agency_id, database)["agency_id"].tolist()
    df = read(driver, cypher.VIEW_AGENCY_TASKS, database, ids=ids)
    df.insert(df.columns.get_loc("rel") + 1, "role", df["rel"].map(ROLE_OF_REL))
    df["code"] = [cell_code(r, k) for r, k in zip(df["rel"], df["rank"])]
    df["section"] = df["section_path"].map(path_text)
    return df


def partners(driver: neo4j.Driver, agency_id: str, include_lineage: bool = False, limit: int = 15,
             database: str | None = None) -> pd.DataFrame:
    """Agencies that most often share a task with this one (any role)."""
    ids = [agency_id]
    if include_lineage:
        ids += lineage(driver, agency_id, database)["agency_id"].tolist()
    return read(driver, cypher.VIEW_PARTNERS, database, ids=ids, limit=limit)


def technologies_by_plan(driver: neo4j.Driver, database: str | None = None) -> pd.DataFrame:
    """For each technology and plan (in year order): mentions and appears/persists/vanishes.

    'appears': first named in this plan; 'persists': named in this plan and the previous one;
    'vanishes': named in the previous plan, not in this one; 'reappears': named again after a
    plan without it. Plans are compared in issue order.
    """
    mentions = read(driver, cypher.VIEW_TECHNOLOGY_MENTIONS, database)
    columns = ["technology_id", "technology", "plan", "year", "mentions", "status"]
    if mentions.empty:
        return pd.DataFrame(columns=columns)
    plans = plans_overview(driver, database)[["plan", "year"]].values.tolist()
    by_key = {(r.technology_id, r.plan): r for r in mentions.itertuples()}
    names = dict(zip(mentions["technology_id"], mentions["technology"]))
    rows = []
    for tech in sorted(names, key=lambda t: names[t]):
        before = ever = False
        for plan, year in plans:
            hit = by_key.get((tech, plan))
            if hit is not None:
                status = "persists" if before else "reappears" if ever else "appears"
                rows.append([tech, names[tech], plan, year, int(hit.mentions), status])
            elif before:
                rows.append([tech, names[tech], plan, year, 0, "vanishes"])
            before = hit is not None
            ever = ever or before
    return pd.DataFrame(rows, columns=columns)


# -- tasks ----------------------------------------------------------------------------------

def plan_tasks(driver: neo4j.Driver, plan: str, database: str | None = None) -> pd.DataFrame:
    df = read(driver, cypher.VIEW_PLAN_TASKS, database, plan=plan)
    df["section"] = df["section_path"].map(path_text)
    return df


def search_tasks(driver: neo4j.Driver, q: str, limit: int = 30, database: str | None = None) -> pd.DataFrame:
    """Tasks matching `q`: the `task_fulltext` index when there is one, else substring search.

    The CJK analyzer cuts Chinese into character bigrams, so a one-character query finds
    nothing in the index; substring search answers then too.
    """
    q = q.strip()
    if not q:
        return pd.DataFrame(columns=SEARCH_COLUMNS)
    try:
        hits = read(driver, cypher.VIEW_TASK_FULLTEXT, database, q=_LUCENE_SPECIAL.sub(r"\\\1", q), limit=limit)
    except ClientError:  # no such index (not built yet) or a query Lucene cannot parse
        hits = pd.DataFrame()
    if hits.empty:
        hits = read(driver, cypher.VIEW_TASK_CONTAINS, database, q=q, limit=limit)
    hits["section"] = hits["section_path"].map(path_text)
    return hits[SEARCH_COLUMNS]


SEARCH_COLUMNS = ["task_id", "task", "plan", "year", "section", "section_path", "score", "owners", "excerpt"]


class Owner(BaseModel):
    agency_id: str
    agency: str
    name: str | None = None
    role: str  # lead | support | responsible
    code: str  # L | S | R1 …
    rank: int | None = None
    surface: str | None = None
    quote: str | None = None
    start: int | None = None
    end: int | None = None
    mention_start: int | None = None
    mention_end: int | None = None
    rule: str | None = None


class Mention(BaseModel):
    kind: str | None = None  # Company | Institution | Technology
    entity_id: str
    name: str
    surface: str | None = None
    start: int | None = None
    end: int | None = None


class Highlight(BaseModel):
    start: int  # offsets into TaskDetail.passage
    end: int
    kind: str  # clause | agency | mention | target


class TaskDetail(BaseModel):
    task_id: str
    title: str
    text: str
    kind: str | None = None
    start: int
    end: int
    plan: str
    plan_title: str | None = None
    doc_number: str | None = None
    year: int | None = None
    section_path: list[str] = []
    parent_id: str | None = None
    parent_title: str | None = None
    subtasks: list[dict] = []
    owners: list[Owner] = []
    mentions: list[Mention] = []
    targets: list[dict] = []
    passage: str = ""
    passage_start: int = 0
    highlights: list[Highlight] = []

    def owners_by_role(self) -> dict[str, list[Owner]]:
        out: dict[str, list[Owner]] = {"lead": [], "support": [], "responsible": []}
        for o in self.owners:
            out.setdefault(o.role, []).append(o)
        return out

    def passage_segments(self) -> list[tuple[str, str | None]]:
        """The passage cut at highlight boundaries: (text, kind or None); innermost kind wins."""
        n = len(self.passage)
        kinds: list[str | None] = [None] * n
        # Wider spans first so that agency and mention spans stay visible inside the clause.
        for h in sorted(self.highlights, key=lambda h: h.start - h.end):
            for i in range(max(0, h.start), min(n, h.end)):
                kinds[i] = h.kind
        segments: list[tuple[str, str | None]] = []
        for i, ch in enumerate(self.passage):
            if segments and segments[-1][1] == kinds[i]:
                segments[-1] = (segments[-1][0] + ch, kinds[i])
            else:
                segments.append((ch, kinds[i]))
        return segments


def task_detail(driver: neo4j.Driver, task_id: str, context: int = 200,
                database: str | None = None) -> TaskDetail | None:
    """Everything known about one task, with the source passage and the spans to highlight."""
    rows = read(driver, cypher.VIEW_TASK_DETAIL, database, id=task_id, context=context)
    if rows.empty:
        return None
    row = {k: v for k, v in rows.iloc[0].to_dict().items() if not _missing(v)}
    owners_df = read(driver, cypher.VIEW_TASK_OWNERS, database, id=task_id)
    owners = [Owner(role=ROLE_OF_REL[r["rel"]], code=cell_code(r["rel"], r["rank"]),
                    **{k: v for k, v in r.items() if k != "rel" and not _missing(v)})
              for r in owners_df.to_dict("records")]
    mentions = [Mention(**{k: v for k, v in r.items() if not _missing(v)})
                for r in read(driver, cypher.VIEW_TASK_MENTIONS, database, id=task_id).to_dict("records")]
    targets = [{k: v for k, v in r.items() if not _missing(v)}
               for r in read(driver, cypher.VIEW_TASK_TARGETS, database, id=task_id).to_dict("records")]
    detail = TaskDetail(**row, owners=owners, mentions=mentions, targets=targets)
    lo, hi = detail.passage_start, detail.passage_start + len(detail.passage)
    spans: set[tuple[int, int, str]] = set()
    for o in owners:
        if o.start is not None and o.end is not None:
            spans.add((o.start, o.end, "clause"))
        if o.mention_start is not None and o.mention_end is not None:
            spans.add((o.mention_start, o.mention_end, "agency"))
    for m in mentions:
        if m.start is not None and m.end is not None:
            spans.add((m.start, m.end, "mention"))
    for t in targets:
        if t.get("start") is not None and t.get("end") is not None:
            spans.add((int(t["start"]), int(t["end"]), "target"))
    detail.highlights = [Highlight(start=s - lo, end=e - lo, kind=k)
                         for s, e, k in sorted(spans) if s < hi and e > lo]
    return detail


def _missing(v) -> bool:
    return v is None or (isinstance(v, float) and pd.isna(v))
