"""Unresolved agencies in the real Neo4j: their jurisdiction and level follow the documents that
name them now (a rebuild after a code change updates them), the same whatever the load order,
and two places' bodies of the same short form never share a node.

Texts marked HAND-WRITTEN are unit-test plans written for these tests (not real documents).
"""

from __future__ import annotations

import copy

import pytest

from policykg.extract.pipeline import extract_text
from policykg.graph.loader import delete_document, load_rows
from policykg.graph.rows import document_rows

# HAND-WRITTEN: one task owned by a body no registry entry holds (a Shenzhen plan without issuer,
# so the name stays as written: 市未知试点局).
PLAN = "测试规划\n\n三、重点任务\n（一）推进数据开放。建设平台。\n（牵头单位：市未知试点局）\n"
AGENCY = "unresolved:市未知试点局"
DOCS = ("agtest-a", "agtest-b")


def q(driver, cypher, **params):
    with driver.session() as s:
        return [r.data() for r in s.run(cypher, params)]


def rows_of(doc_id: str, level: str | None = None, jurisdiction: str | None = None):
    """The document's rows; `level`/`jurisdiction` given: as an older extractor wrote them."""
    r = document_rows(extract_text(PLAN, doc_id))
    assert [a["id"] for a in r.agencies] == [AGENCY]
    if level or jurisdiction:
        r = copy.deepcopy(r)
        for a in r.agencies:
            a["level"] = level or a["level"]
            a["jurisdiction"] = jurisdiction or a["jurisdiction"]
    return r


def node(driver) -> dict | None:
    rows = q(driver, "MATCH (a:Agency {id: $id}) RETURN a.jurisdiction AS j, a.level AS level, "
                     "a.collective AS collective", id=AGENCY)
    return rows[0] if rows else None


@pytest.fixture
def clean(neo4j_driver):
    def wipe():
        for d in DOCS:
            delete_document(neo4j_driver, d)
    wipe()
    yield neo4j_driver
    wipe()


@pytest.mark.parametrize("staged", [False, True])  # one transaction; staged in several (loader)
def test_a_reload_after_a_code_change_updates_jurisdiction_and_level(clean, staged):
    new = rows_of(DOCS[0])
    # Just under the document's weight: every row fits, the whole does not, so it is staged.
    kw = {"max_tx_bytes": new.size_bytes() - 1} if staged else {}
    # No issuer: the city is unnamed (市), the body a city department.
    assert (new.agencies[0]["jurisdiction"], new.agencies[0]["level"]) == ("市", "municipal_department")
    # An older extractor said 广州市 / collective; the graph held that ON CREATE for ever.
    load_rows(clean, rows_of(DOCS[0], level="collective", jurisdiction="广州市"), **kw)
    assert node(clean) == {"j": "广州市", "level": "collective", "collective": False}
    load_rows(clean, new, **kw)
    assert node(clean) == {"j": "市", "level": "municipal_department", "collective": False}
    load_rows(clean, new, **kw)  # idempotent
    assert node(clean) == {"j": "市", "level": "municipal_department", "collective": False}
    claims = q(clean, "MATCH (a:Agency {id: $id}) RETURN a.claims AS c", id=AGENCY)[0]["c"]
    assert len(claims) == 1 and claims[0].startswith(DOCS[0] + "\t")


def test_documents_that_disagree_give_the_same_node_whatever_the_order(clean):
    a_old = rows_of(DOCS[0], level="municipal_government")
    b_new = rows_of(DOCS[1])
    load_rows(clean, b_new)
    load_rows(clean, a_old)
    first = node(clean)
    for d in DOCS:
        delete_document(clean, d)
    assert node(clean) is None  # nothing names it: gone
    load_rows(clean, a_old)
    load_rows(clean, b_new)
    # The first document by id decides, not the last one loaded.
    assert node(clean) == first == {"j": "市", "level": "municipal_government", "collective": False}
    # That document gone (or no longer saying it), the other's claim decides.
    delete_document(clean, DOCS[0])
    assert node(clean) == {"j": "市", "level": "municipal_department", "collective": False}


def test_one_short_form_in_two_districts_is_two_nodes(clean):
    # HAND-WRITTEN: 属地街镇 (the towns of the place, no registry entry, no place in the name) in a
    # 奉贤区 plan and in a 崇明区 plan: each district's own, so two nodes.
    def plan(district: str, doc_id: str):
        text = (f"上海市{district}人民政府关于示例工作的意见\n一、重点任务\n"
                "（一）推进示例工作。做好示例。（属地街镇负责）\n")
        return document_rows(extract_text(text, doc_id))
    a, b = plan("奉贤区", DOCS[0]), plan("崇明区", DOCS[1])
    assert {x["id"] for x in a.agencies} != {x["id"] for x in b.agencies}
    load_rows(clean, a)
    load_rows(clean, b)
    rows = q(clean, "MATCH (a:Agency)-[:RESPONSIBLE_FOR]->(t:Task) WHERE t.doc_id IN $docs "
                    "RETURN t.doc_id AS doc, a.jurisdiction AS j ORDER BY doc", docs=list(DOCS))
    assert rows == [{"doc": DOCS[0], "j": "奉贤区"}, {"doc": DOCS[1], "j": "崇明区"}]
