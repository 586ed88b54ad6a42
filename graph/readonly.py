"""Running user-supplied Cypher read-only, with a time limit and a row limit.

Two layers: the session runs in READ access mode, so the server itself refuses any write; and
a check before sending rejects what READ mode would still allow to reach outside the database
(LOAD CSV reads files and URLs) or procedures that write or administer. Parameters are always
passed as parameters, never pasted into the text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import neo4j
from neo4j.exceptions import ClientError, Neo4jError
from neo4j.graph import Node, Path, Relationship
from neo4j.time import Date, DateTime, Duration, Time

DEFAULT_TIMEOUT_S = 30.0
DEFAULT_ROW_LIMIT = 5000

_COMMENTS = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
_STRINGS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`")
REFUSED = [
    (re.compile(r"\bLOAD\s+CSV\b", re.I), "LOAD CSV reads files and URLs outside the graph"),
    (re.compile(r"\bCALL\s+(?:apoc\.(?:load|import|export|periodic|cypher|create|merge|refactor|trigger|"
                r"schema|atomic|nodes\.delete|systemdb)|dbms\.|db\.(?:create|clear|index\.fulltext\.create))", re.I),
     "this procedure writes, administers or reaches outside the database"),
    (re.compile(r"\bUSE\s+system\b|\b(?:CREATE|DROP|ALTER|GRANT|DENY|REVOKE|START|STOP)\s+(?:DATABASE|USER|ROLE|ALIAS)\b", re.I),
     "administration commands are not allowed"),
]


class QueryRefused(Exception):
    """The query is not allowed in a read-only console; the message says why."""


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list]
    truncated: bool
    records: list[neo4j.Record]


def check_read_only(query: str) -> None:
    """Raise QueryRefused for queries the read-only console must not send."""
    bare = _STRINGS.sub("''", _COMMENTS.sub(" ", query))
    if not bare.strip():
        raise QueryRefused("the query is empty")
    for rx, why in REFUSED:
        if rx.search(bare):
            raise QueryRefused(why)


def run_read_query(driver: neo4j.Driver, query: str, params: dict | None = None, *,
                   database: str | None = None, timeout: float = DEFAULT_TIMEOUT_S,
                   row_limit: int = DEFAULT_ROW_LIMIT) -> QueryResult:
    check_read_only(query)
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
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


def describe_error(exc: Neo4jError) -> str:
    """One line for a user: the server's message without the stack trace."""
    code = getattr(exc, "code", None) or ""
    msg = (getattr(exc, "message", None) or str(exc)).strip().splitlines()[0]
    if isinstance(exc, ClientError) and "AccessMode" in code or "read access mode" in msg.lower() or "not allowed" in msg and "READ" in msg:
        return f"refused: this console is read-only ({msg})"
    return f"{code}: {msg}" if code else msg
