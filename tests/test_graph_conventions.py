"""Issue 12 in the real Neo4j: an edge decided by a document convention carries the convention's
quote and offsets beside its clause's, and unresolved agencies keep jurisdiction and level.

The documents are HAND-WRITTEN labelled examples (tests/test_conventions_jurisdiction.py); they
are loaded under their own ids and removed afterwards, so the corpus counts other tests check
are untouched.
"""

from __future__ import annotations

import pytest

from policykg.extract.pipeline import extract_text
from policykg.graph import cypher
from policykg.extract.agencies.registry import default_registry
from policykg.graph.loader import delete_document, delete_orphans, ensure_schema, load_agency_registry, load_document
from test_conventions_jurisdiction import CONVENTION, CONVENTION_DOC, _doc

# Hunan: a province whose bodies the registry does not hold (Guangdong's it does, since issue 12).
DOCS = {"hand-convention": CONVENTION_DOC, "hand-hn": _doc("湖南省人民政府", "（省发展改革委、财政厅负责）")}


@pytest.fixture
def loaded(neo4j_driver):
    ensure_schema(neo4j_driver)
    load_agency_registry(neo4j_driver, default_registry())  # edges end at registry agencies
    for doc_id, text in DOCS.items():
        load_document(neo4j_driver, extract_text(text, doc_id))
    yield neo4j_driver
    for doc_id in DOCS:
        delete_document(neo4j_driver, doc_id)
    delete_orphans(neo4j_driver)


def q(driver, query, **params):
    with driver.session() as s:
        return [r.data() for r in s.run(query, params)]


def test_convention_evidence_on_every_edge_it_decided(loaded):
    rows = q(loaded, """
        MATCH (a:Agency)-[r:LEADS|SUPPORTS]->(t:Task) WHERE r.doc_id = 'hand-convention'
        RETURN a.id AS agency, type(r) AS rel, r.quote AS quote, r.start AS start, r.end AS end,
               r.convention_quote AS cq, r.convention_start AS cs, r.convention_end AS ce
        ORDER BY r.start, rel, r.rank""")
    start = CONVENTION_DOC.index(CONVENTION)
    assert [(r["agency"], r["rel"]) for r in rows] == [
        ("cn-fgw", "LEADS"), ("cn-czb", "SUPPORTS"),
        ("cn-gxb", "LEADS"), ("cn-kjb", "SUPPORTS"), ("cn-rmyh", "SUPPORTS"),
        ("cn-gwyb", "LEADS")]
    for r in rows:
        assert (r["cq"], r["cs"], r["ce"]) == (CONVENTION, start, start + len(CONVENTION))
        assert CONVENTION_DOC[r["start"]:r["end"]] == r["quote"]


def test_unresolved_agencies_keep_jurisdiction_and_level(loaded):
    rows = {r["name"]: r for r in q(loaded, cypher.UNRESOLVED_AGENCIES)}
    for name in ("湖南省发展改革委", "湖南省财政厅"):
        assert (rows[name]["jurisdiction"], rows[name]["level"]) == ("湖南省", "provincial_department")
        assert [m["doc"] for m in rows[name]["mentions"]] == ["hand-hn"]
