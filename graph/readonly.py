"""Running Cypher a person typed, read-only, with a time limit and a row limit.

What may run is decided by the server's own parser and planner, not by patterns over the text:
before a query runs, `check_read_only` asks the server to plan it (`EXPLAIN`, which plans and
never executes) and accepts it only when

- the summary's query type is read-only (`r`),
- every operator of the plan tree is on READ_OPERATORS (or one of the read-only operator
  families matched by _READ_OPERATOR_FAMILIES), so LOAD CSV, SHOW/TERMINATE, administration,
  schema commands, CALL … IN TRANSACTIONS and every write operator are out,
- every procedure call names a procedure on READ_PROCEDURES, as the server resolved it (the
  plan shows the canonical name whatever quoting, spacing or case the text used), and
- every operator runs on the database the console reads (a leading `USE system` shows up as
  operators planned on `system`).

Anything else, including a query the server cannot plan at all, is refused with QueryRefused
saying what was refused and why. The check sends `EXPLAIN` + newline + the text, so a text that
starts with its own `EXPLAIN` or `CYPHER` options is planned as usual (and a user's EXPLAIN then
runs as an EXPLAIN: no rows, nothing executed); `PROFILE` executes the query, the server will not
combine it with EXPLAIN, and it is refused with a message saying so. Regular expressions over the user's text cannot do this: a
comment marker inside a string or a quoted procedure name is enough to fool them (issue 7).

The query then runs in a READ access-mode session, a second layer in case the plan check ever
misses a write: the server itself refuses writes there. Parameters are always passed as
parameters, never pasted into the text.

One function serves every place that runs text a user typed (the viewer's console,
`policykg query`): `run_read_query`. policykg's own fixed read statements (graph/cypher.py,
e.g. `policykg agencies`) go through it too rather than through a second, unchecked runner:
with a single path there is no unchecked entry point that user text could reach by mistake,
and the cost is one planning round trip per query, which the server caches. The tests run every
statement the console and README offer through it.

Errors reach people as one sentence (QueryError.sentence); the server's status code and raw
message stay available in `code` and `details` for whoever asks (the viewer's "Details"
expander, `policykg query --verbose` or `--format json`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import neo4j
from neo4j.exceptions import AuthError, Neo4jError
from neo4j.graph import Node, Path, Relationship
from neo4j.time import Date, DateTime, Duration, Time

DEFAULT_TIMEOUT_S = 30.0
DEFAULT_ROW_LIMIT = 5000

# Procedures the console may call: the read-only ones the viewer and README use or suggest
# (full-text search over tasks, and the schema listings a person exploring the graph needs).
# Matched against the name the server resolved, so it is exact and case-sensitive.
READ_PROCEDURES = frozenset({
    "db.index.fulltext.queryNodes",
    "db.labels",
    "db.relationshipTypes",
    "db.propertyKeys",
    "db.schema.visualization",
})

# Plan operators that only read the graph or shape rows (Neo4j 5.26's operator names, as
# `operatorType` gives them without the `@database` suffix). Anything not here is refused:
# a new operator in a later Neo4j is refused until someone checks it and adds it.
READ_OPERATORS = frozenset({
    # results and row shaping
    "ProduceResults", "EmptyResult", "Projection", "Filter", "Limit", "ExhaustiveLimit", "Skip",
    "Sort", "PartialSort", "Top", "PartialTop", "Distinct", "OrderedDistinct", "EagerAggregation",
    "OrderedAggregation", "Unwind", "PartitionedUnwind", "Optional", "Eager", "CacheProperties",
    "NullifyMetadata", "PreserveOrder", "NonFuseable", "Argument", "ArgumentTracker", "Anti",
    "ProjectEndpoints", "AssertSameNode", "AssertSameRelationship",
    # joins, subqueries and pattern predicates (their children are checked like any other)
    "Apply", "SemiApply", "AntiSemiApply", "LetSemiApply", "LetAntiSemiApply", "SelectOrSemiApply",
    "SelectOrAntiSemiApply", "LetSelectOrSemiApply", "LetSelectOrAntiSemiApply", "RollUpApply",
    "ConditionalApply", "AntiConditionalApply", "CartesianProduct", "NodeHashJoin", "ValueHashJoin",
    "NodeLeftOuterHashJoin", "NodeRightOuterHashJoin", "Union", "OrderedUnion",
    "TriadicSelection", "TriadicBuild", "TriadicFilter",
    # paths
    "ShortestPath", "PathPropagatingBFS",
    # node scans and seeks
    "AllNodesScan", "NodeByLabelScan", "NodeByIdSeek", "NodeByElementIdSeek", "NodeIndexScan",
    "NodeIndexSeek", "NodeUniqueIndexSeek", "NodeIndexSeekByRange", "NodeUniqueIndexSeekByRange",
    "NodeIndexContainsScan", "NodeIndexEndsWithScan", "MultiNodeIndexSeek",
    "AssertingMultiNodeIndexSeek", "AssertingMultiRelationshipIndexSeek",
    "IntersectionNodeByLabelsScan", "UnionNodeByLabelsScan", "SubtractionNodeByLabelsScan",
    "NodeCountFromCountStore", "RelationshipCountFromCountStore",
    # procedure calls: allowed only for READ_PROCEDURES, checked separately
    "ProcedureCall",
})
# Read-only operator families whose names carry a direction, a mode or a partitioning prefix
# (parallel runtime). Matched against the server's operator name, never against user text.
_READ_OPERATOR_FAMILIES = re.compile(
    r"(Partitioned)?(AllNodesScan|NodeByLabelScan|NodeIndexScan|NodeIndexSeek|NodeIndexSeekByRange"
    r"|UnionNodeByLabelsScan|IntersectionNodeByLabelsScan|SubtractionNodeByLabelsScan)"
    r"|(Partitioned)?(Directed|Undirected)(AllRelationshipsScan|RelationshipTypeScan"
    r"|UnionRelationshipTypesScan|RelationshipByIdSeek|RelationshipByElementIdSeek"
    r"|RelationshipIndexScan|RelationshipIndexSeek|RelationshipIndexSeekByRange"
    r"|RelationshipUniqueIndexSeek|RelationshipUniqueIndexSeekByRange"
    r"|RelationshipIndexContainsScan|RelationshipIndexEndsWithScan)"
    r"|(Optional)?Expand\((All|Into)\)|VarLengthExpand\([A-Za-z,]+\)"
    r"|StatefulShortestPath\((All|Into)\)|(Bidirectional)?Repeat\((Trail|Walk)\)"
)

# Why an operator that is not a plain read is refused, for the message a person sees.
_REFUSED_OPERATORS = [
    (re.compile(r"LoadCSV"), "LOAD CSV reads files and URLs from outside the graph"),
    (re.compile(r"TerminateTransactions"), "TERMINATE TRANSACTIONS stops other sessions' running queries"),
    (re.compile(r"ShowTransactions"), "SHOW TRANSACTIONS lists other sessions' running queries"),
    (re.compile(r"ShowSettings"), "SHOW SETTINGS lists the server's configuration"),
    (re.compile(r"Show\w+"), "SHOW commands describe the server, not the graph"),
    (re.compile(r"Transaction(Apply|Foreach)"), "CALL … IN TRANSACTIONS commits transactions of its own"),
    (re.compile(r"(Create|Drop)\w+|DoNothingIfExists.*"), "the query creates or drops an index or constraint"),
    (re.compile(r"Create"), "CREATE writes to the graph"),
    (re.compile(r"Merge|LockingMerge"), "MERGE writes to the graph"),
    (re.compile(r"Set\w*"), "SET writes to the graph"),
    (re.compile(r"Remove\w*"), "REMOVE writes to the graph"),
    (re.compile(r"(Detach)?Delete\w*"), "DELETE writes to the graph"),
    (re.compile(r"Foreach|SubqueryForeach"), "FOREACH writes to the graph"),
    (re.compile(r"RunQueryAt"), "the query runs on another database"),
]

_REFUSED_OPERATOR_REASON = {
    "AdministrationCommand": "administration commands (users, roles, databases, privileges) are not available here",
}
_QUERY_TYPES = {
    "w": "the query writes to the graph",
    "rw": "the query reads and writes the graph",
    "s": "the query changes the schema or calls a procedure that administers the server",
}
_PROCEDURE_NAME = re.compile(r"\s*([A-Za-z_][\w.]*)\s*\(")


class QueryError(Exception):
    """A query that did not run. `sentence` is for people; `code` and `details` are on demand."""

    def __init__(self, sentence: str, *, code: str | None = None, details: str | None = None):
        super().__init__(sentence)
        self.sentence = sentence
        self.code = code
        self.details = details

    def to_json(self) -> dict:
        return {"error": self.sentence, "code": self.code, "details": self.details}


class QueryRefused(QueryError):
    """The check refused the query before it ran: it is not a plain read of this graph."""


class QueryFailed(QueryError):
    """The server accepted the query as a read but could not run it (timeout, bad value, …)."""


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list]
    truncated: bool
    records: list[neo4j.Record]


@dataclass
class ReadPlan:
    """What the server said about a query it planned: accepted as a read of `database`."""

    database: str
    operators: list[str]
    procedures: list[str]


def _walk(plan: dict):
    yield plan
    for child in plan.get("children") or ():
        yield from _walk(child)


def _refused(reason: str, details: str) -> QueryRefused:
    return QueryRefused(f"Refused: {reason}. This console is read-only.", details=details)


def _explain_refusal(exc: Neo4jError) -> QueryRefused:
    """A query the server would not even plan, as a refusal a person can act on."""
    code = exc.code or ""
    message = _first_line(exc)
    if "UnsupportedAdministrationCommand" in code or "not required for Administration Commands" in message:
        reason = _REFUSED_OPERATOR_REASON["AdministrationCommand"]
    elif "conflicting values for execution mode" in message:
        reason = "PROFILE runs the query to measure it and is not available here (EXPLAIN is)"
    elif "ProcedureNotFound" in code:
        reason = f"there is no such procedure ({message}); this console may call {', '.join(sorted(READ_PROCEDURES))}"
    elif "system database" in message.lower():
        reason = "the query targets the system database"
    else:  # not valid Cypher, a missing parameter, …: the server's own reason, plainly
        return QueryRefused(f"{describe_error(exc)} Nothing was run.", code=code or None, details=_raw(exc))
    return QueryRefused(f"Refused: {reason}. This console is read-only.", code=code or None,
                        details=_raw(exc))


def check_read_only(session: neo4j.Session, query: str, params: dict | None = None, *,
                    database: str | None = None, timeout: float = DEFAULT_TIMEOUT_S) -> ReadPlan:
    """Plan `query` with EXPLAIN in `session` (READ mode) and raise QueryRefused unless it is a
    plain read of `database` (the session's database when None); see the module docstring."""
    if not query.strip():
        raise QueryRefused("Refused: the query is empty.")
    try:
        # A newline, not a space: a query ending in a // comment must not swallow anything,
        # and a leading EXPLAIN or CYPHER option in the user's text still parses after it.
        summary = session.run(neo4j.Query("EXPLAIN\n" + query, timeout=timeout), params or {}).consume()
    except AuthError:
        raise
    except Neo4jError as exc:
        raise _explain_refusal(exc) from None
    if summary.plan is None:
        raise _refused("the server returned no plan for it", f"query type: {summary.query_type}")
    target = database or summary.database
    operators: list[str] = []
    procedures: list[str] = []
    problems: list[str] = []
    for node in _walk(summary.plan):
        full = str(node.get("operatorType") or "")
        name, _, on_db = full.partition("@")
        operators.append(full)
        if name == "AdministrationCommand":  # planned on system, but say what it is
            problems.append(_REFUSED_OPERATOR_REASON["AdministrationCommand"])
            continue
        if on_db != target or (database and summary.database != database):
            problems.append(f"the query runs on database '{on_db or summary.database}', this console reads "
                            f"'{target}' only")
            continue
        if name == "ProcedureCall":
            found = _PROCEDURE_NAME.match(str((node.get("args") or {}).get("Details") or ""))
            proc = found.group(1) if found else "?"
            procedures.append(proc)
            if proc not in READ_PROCEDURES:
                problems.append(f"the procedure {proc} is not one this console may call (it may call "
                                f"{', '.join(sorted(READ_PROCEDURES))})")
            continue
        if name in READ_OPERATORS or _READ_OPERATOR_FAMILIES.fullmatch(name):
            continue
        why = next((w for rx, w in _REFUSED_OPERATORS if rx.fullmatch(name)), None)
        problems.append(why or f"the server plans it with an operator ({name}) this console does not "
                               "know to be read-only")
    if summary.query_type != "r":
        problems.append(_QUERY_TYPES.get(str(summary.query_type),
                                         f"the server classes it as '{summary.query_type}', not as a read"))
    if problems:
        raise _refused(problems[0], f"query type: {summary.query_type}; database: {summary.database}; "
                                    f"plan operators: {', '.join(operators)}")
    return ReadPlan(target, operators, procedures)


def run_read_query(driver: neo4j.Driver, query: str, params: dict | None = None, *,
                   database: str | None = None, timeout: float = DEFAULT_TIMEOUT_S,
                   row_limit: int = DEFAULT_ROW_LIMIT) -> QueryResult:
    """Check `query` (check_read_only), then run it read-only: at most `timeout` seconds on the
    server and `row_limit` rows. Raises QueryRefused or QueryFailed with a sentence for people;
    connection and authentication errors pass through unchanged for the caller's banner."""
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS,
                        notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF) as session:
        check_read_only(session, query, params, database=database, timeout=timeout)
        try:
            result = session.run(neo4j.Query(query, timeout=timeout), params or {})
            columns = list(result.keys())
            records: list[neo4j.Record] = []
            truncated = False
            for record in result:
                if len(records) >= row_limit:
                    truncated = True
                    break
                records.append(record)
            result.consume()
        except AuthError:
            raise
        except Neo4jError as exc:
            raise QueryFailed(describe_error(exc, timeout=timeout), code=exc.code, details=_raw(exc)) from None
    return QueryResult(columns, [[plain(v) for v in r.values()] for r in records], truncated, records)


def plain(value):
    """Neo4j values as JSON-friendly Python values."""
    if isinstance(value, Node):
        return {"_id": value.element_id, "_labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_id": value.element_id, "_type": value.type, "_start": value.start_node.element_id,
                "_end": value.end_node.element_id, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return {"nodes": [plain(n) for n in value.nodes], "relationships": [plain(r) for r in value.relationships]}
    if isinstance(value, (Date, DateTime, Time)):
        return value.iso_format()
    if isinstance(value, Duration):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def _first_line(exc: Neo4jError) -> str:
    text = (getattr(exc, "message", None) or str(exc) or "").strip()
    return text.splitlines()[0].strip() if text else ""


def _raw(exc: Neo4jError) -> str:
    """The server's code and full message, for the details a person may ask for."""
    return f"{exc.code or type(exc).__name__}: {(getattr(exc, 'message', None) or str(exc)).strip()}"


def describe_error(exc: Neo4jError, *, timeout: float | None = None) -> str:
    """One sentence for a person, without the server's status code (that stays in exc.code)."""
    code = getattr(exc, "code", None) or ""
    msg = _first_line(exc)
    # The syntax error's first line says what was expected; its position lines add nothing.
    msg = re.sub(r"\s*\(line \d+, column \d+ \(offset: \d+\)\)\s*$", "", msg).rstrip(".")
    if "TransactionTimedOut" in code or "Transaction.TransactionTimedOut" in code:
        limit = f" of {timeout:g} s" if timeout else ""
        return (f"The query took longer than its time limit{limit} and the server stopped it; "
                "narrow it down (a more specific MATCH, or a LIMIT) or allow more time.")
    if "AccessMode" in code or "Forbidden" in code or "read access mode" in msg.lower():
        return "The server refused it: this console is read-only and the query tried to write."
    if "SyntaxError" in code:
        return f"The query is not valid Cypher: {msg}."
    if "ParameterMissing" in code:
        return f"The query uses a parameter that was not given ({msg}); add it as key=value."
    if "ProcedureNotFound" in code:
        return f"There is no such procedure: {msg}"
    if "ExternalResourceFailed" in code:
        return "The server refused to read a file or URL from outside the graph."
    if "MemoryPool" in code or "OutOfMemory" in code:
        return "The query needed more memory than the server allows it; ask for fewer rows or less at once."
    if code.startswith("Neo.TransientError") or "DatabaseUnavailable" in code:
        return "The database is busy or not available right now; try again in a moment."
    return f"The server could not run the query: {msg}." if msg else "The server could not run the query."
