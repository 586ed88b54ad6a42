"""Every Cypher statement policykg runs, in one place, all parameterized.

Relationship types cannot be parameters in Cypher, so each role has its own statement; the
types come from this module, never from user input.

Graph model
-----------
(:Plan {id, title, doc_number, issuer, issued, published, period_start, period_end, kind, ...})
(:Plan)-[:HAS_SECTION]->(:Section {id, doc_id, level, number, marker, heading, heading_lost, path})
(:Section)-[:HAS_SECTION]->(:Section)
(:Plan)-[:HAS_TASK]->(:Task {id, doc_id, kind, title, text, ordinal, start, end, rule})
(:Section)-[:HAS_TASK]->(:Task)            the section the task is, or lies in
(:Task)-[:HAS_SUBTASK]->(:Task)            sub-measures
(:Agency {id, name, short, level, aliases, valid_from, valid_to, resolved, collective, source})
    -[:LEADS|SUPPORTS|RESPONSIBLE_FOR {rank, doc_id, start, end, quote, rule, surface, mentioned_as,
      mention_start, mention_end, prefix_restored}]->(:Task)
    Agency.id is the registry id (e.g. sz-jmxxw) when the name resolves, else 'unresolved:<name>'
    with resolved=false: kept with its mentions, never dropped or guessed.
(:Agency)-[:SUCCEEDED_BY {year, kind: rename|split|merge, source, unverified}]->(:Agency)
(:Company|Institution|Technology {id, name, aliases, category, definition})
(:Task)-[:MENTIONS {doc_id, start, end, quote, rule, surface}]->(:Company|Institution|Technology)
(:Plan)-[:MENTIONS {...}]->(...)           mentions outside any task
(:Target {id, doc_id, metric, value, unit, year, comparator, start, end, quote, rule})
(:Plan)-[:HAS_TARGET]->(:Target), (:Task)-[:HAS_TARGET]->(:Target) where stated inside a task
(:PolicyDocument {id, title, doc_number})  documents a plan cites in 《…》
(:Plan)-[:CITES {doc_id, start, end, quote, rule}]->(:PolicyDocument)-[:SAME_AS]->(:Plan)  when in the corpus
Full-text index `task_fulltext` (CJK analyzer) on Task.title and Task.text.
"""

from __future__ import annotations

CONSTRAINTS = [
    "CREATE CONSTRAINT plan_id IF NOT EXISTS FOR (n:Plan) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT section_id IF NOT EXISTS FOR (n:Section) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT task_id IF NOT EXISTS FOR (n:Task) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT agency_id IF NOT EXISTS FOR (n:Agency) REQUIRE n.id IS UNIQUE",
    "CREATE INDEX section_doc IF NOT EXISTS FOR (n:Section) ON (n.doc_id)",
    "CREATE INDEX task_doc IF NOT EXISTS FOR (n:Task) ON (n.doc_id)",
    "CREATE INDEX agency_name IF NOT EXISTS FOR (n:Agency) ON (n.name)",
    "CREATE CONSTRAINT company_id IF NOT EXISTS FOR (n:Company) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT institution_id IF NOT EXISTS FOR (n:Institution) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT technology_id IF NOT EXISTS FOR (n:Technology) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT target_id IF NOT EXISTS FOR (n:Target) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT policydoc_id IF NOT EXISTS FOR (n:PolicyDocument) REQUIRE n.id IS UNIQUE",
    "CREATE INDEX target_doc IF NOT EXISTS FOR (n:Target) ON (n.doc_id)",
    # The CJK analyzer indexes Chinese as overlapping character bigrams, so any 2+ character
    # substring of a task finds it without a word segmenter inside Lucene.
    "CREATE FULLTEXT INDEX task_fulltext IF NOT EXISTS FOR (t:Task) ON EACH [t.title, t.text] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}",
]

# Rebuilding a document replaces its facts: everything it created goes first.
DELETE_DOCUMENT_NODES = """
MATCH (n) WHERE (n:Section OR n:Task) AND n.doc_id = $doc_id
DETACH DELETE n
"""
DELETE_PLAN = "MATCH (p:Plan {id: $doc_id}) DETACH DELETE p"

CREATE_PLAN = "CREATE (p:Plan) SET p = $plan"

CREATE_SECTIONS = """
UNWIND $rows AS row
CREATE (s:Section) SET s = row
"""
LINK_TOP_SECTIONS = """
MATCH (p:Plan {id: $doc_id})
UNWIND $ids AS sid
MATCH (s:Section {id: sid})
CREATE (p)-[:HAS_SECTION]->(s)
"""
LINK_CHILD_SECTIONS = """
UNWIND $rows AS row
MATCH (a:Section {id: row.parent}), (b:Section {id: row.child})
CREATE (a)-[:HAS_SECTION]->(b)
"""
CREATE_TASKS = """
MATCH (p:Plan {id: $doc_id})
UNWIND $rows AS row
CREATE (t:Task) SET t = row
CREATE (p)-[:HAS_TASK]->(t)
"""
LINK_SECTION_TASKS = """
UNWIND $rows AS row
MATCH (s:Section {id: row.section}), (t:Task {id: row.task})
CREATE (s)-[:HAS_TASK]->(t)
"""
LINK_SUBTASKS = """
UNWIND $rows AS row
MATCH (a:Task {id: row.parent}), (b:Task {id: row.child})
CREATE (a)-[:HAS_SUBTASK]->(b)
"""
MERGE_AGENCIES = """
UNWIND $rows AS row
MERGE (a:Agency {id: row.id})
ON CREATE SET a.name = row.name, a.collective = row.collective
"""
_ASSIGN = """
UNWIND $rows AS row
MATCH (a:Agency {id: row.agency}), (t:Task {id: row.task})
CREATE (a)-[e:%s]->(t)
SET e = row.props
"""
CREATE_ASSIGNMENTS = {
    "lead": _ASSIGN % "LEADS",
    "support": _ASSIGN % "SUPPORTS",
    "responsible": _ASSIGN % "RESPONSIBLE_FOR",
}
# Agencies no document names any more (after a rebuild) go; shared ones stay.
DELETE_ORPHAN_AGENCIES = "MATCH (a:Agency) WHERE NOT (a)--() DELETE a"

COUNT_NODES = "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label"
COUNT_RELATIONSHIPS = "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type"

# -- read queries used by the CLI, the viewer and the tests ---------------------------------
PLANS = """
MATCH (p:Plan)
OPTIONAL MATCH (p)-[:HAS_TASK]->(t:Task)
OPTIONAL MATCH (ag:Agency)-[r]->(t)
RETURN p.id AS id, p.title AS title, p.doc_number AS doc_number, p.issuer AS issuer,
       p.issued AS issued, p.period_start AS period_start, p.period_end AS period_end, p.kind AS kind,
       count(DISTINCT t) AS tasks, count(DISTINCT ag) AS agencies, count(r) AS edges
ORDER BY p.issued, p.id
"""
ROLE_EDGES_BY_PLAN = """
MATCH (p:Plan {id: $doc_id})-[:HAS_TASK]->(t:Task)<-[r:LEADS|SUPPORTS|RESPONSIBLE_FOR]-(a:Agency)
RETURN type(r) AS type, count(r) AS edges, count(DISTINCT t) AS tasks
ORDER BY type
"""


# -- viewer and analytics queries (graph/views.py, graph/matrix.py, graph/network.py) -----------
# Append below this line; the loading statements above are edited separately.
