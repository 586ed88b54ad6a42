"""Every Cypher statement policykg runs, in one place, all parameterized.

Relationship types cannot be parameters in Cypher, so each role has its own statement; the
types come from this module, never from user input.

Graph model
-----------
(:Plan {id, title, doc_number, issuer, issued, published, period_start, period_end, kind, ...,
        path (relative to the folder built), source_root (that folder, resolved; this machine's
        own path, never exported: graph/export.py LOCAL_PROPERTIES), input_key})
(:Plan)-[:HAS_SECTION]->(:Section {id, doc_id, level, number, marker, heading, heading_lost, path})
(:Section)-[:HAS_SECTION]->(:Section)
(:Plan)-[:HAS_TASK]->(:Task {id, doc_id, kind, title, text, ordinal, start, end, rule})
(:Section)-[:HAS_TASK]->(:Task)            the section the task is, or lies in
(:Task)-[:HAS_SUBTASK]->(:Task)            sub-measures
(:Agency {id, name, short, level, aliases, valid_from, valid_to, resolved, collective, source,
          jurisdiction; unresolved ones also mentions and claims: see MERGE_AGENCIES})
    -[:LEADS|SUPPORTS|RESPONSIBLE_FOR {rank, doc_id, start, end, quote, rule, surface, mentioned_as,
      mention_start, mention_end, prefix_restored}]->(:Task)
    Agency.id is the registry id (e.g. sz-jmxxw) when the name resolves, else 'unresolved:<name>'
    ('unresolved:<jurisdiction>/<name>' when the name does not carry its place) with
    resolved=false: kept with its mentions, never dropped or guessed.
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
    "CREATE INDEX company_name IF NOT EXISTS FOR (n:Company) ON (n.name)",
    "CREATE INDEX technology_name IF NOT EXISTS FOR (n:Technology) ON (n.name)",
    # SAME_AS links a cited document to the corpus plan it is, by 文号 or title key, per document.
    "CREATE INDEX plan_doc_number IF NOT EXISTS FOR (n:Plan) ON (n.doc_number)",
    "CREATE INDEX plan_title_key IF NOT EXISTS FOR (n:Plan) ON (n.title_key)",
    "CREATE INDEX policydoc_doc_number IF NOT EXISTS FOR (n:PolicyDocument) ON (n.doc_number)",
    "CREATE INDEX policydoc_title_key IF NOT EXISTS FOR (n:PolicyDocument) ON (n.title_key)",
    # A large document is staged under Staged* labels (see STAGED below), looked up by id there.
    "CREATE INDEX staged_plan_id IF NOT EXISTS FOR (n:StagedPlan) ON (n.id)",
    "CREATE INDEX staged_section_id IF NOT EXISTS FOR (n:StagedSection) ON (n.staged, n.id)",
    "CREATE INDEX staged_task_id IF NOT EXISTS FOR (n:StagedTask) ON (n.staged, n.id)",
    "CREATE INDEX staged_target IF NOT EXISTS FOR (n:StagedTarget) ON (n.staged)",
    # The CJK analyzer indexes Chinese as overlapping character bigrams, so any 2+ character
    # substring of a task finds it without a word segmenter inside Lucene.
    "CREATE FULLTEXT INDEX task_fulltext IF NOT EXISTS FOR (t:Task) ON EACH [t.title, t.text] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}",
]

# What a build has: each plan's input key (content hash, extractor version, manifest entry), the
# folder it was found in (source_root, the resolved absolute path of the corpus root: a build of
# that folder removes the plans it no longer finds there) and its path relative to that folder.
PLAN_INPUT_KEYS = "MATCH (p:Plan) RETURN p.id AS id, p.input_key AS key, p.source_root AS root, p.path AS path"
# An unchanged plan now found under another folder (the folder was moved, or the document was
# last built from elsewhere) belongs to that folder from now on: only the property changes.
SET_PLAN_SOURCE_ROOT = "MATCH (p:Plan {id: $doc_id}) SET p.source_root = $root"

# The shared nodes a document's facts point at (agencies, entities, cited documents): after the
# document is replaced, those of them nothing points at any more go (DELETE_ORPHANS_AMONG), so
# clean-up touches only what the changed document touched.
DOCUMENT_NEIGHBOURS = """
MATCH (p:Plan {id: $doc_id})
CALL (p) {
  MATCH (p)-[:HAS_TASK]->(:Task)-[]-(m) WHERE m:Agency OR m:Company OR m:Institution OR m:Technology
  RETURN m
  UNION
  MATCH (p)-[:MENTIONS|CITES]->(m) RETURN m
}
RETURN [l IN labels(m) WHERE l IN ['Agency', 'Company', 'Institution', 'Technology', 'PolicyDocument']][0]
       AS label, m.id AS id
"""
DELETE_ORPHANS_AMONG = """
UNWIND $rows AS row
MATCH (m {id: row.id}) WHERE row.label IN labels(m)
  AND CASE row.label
        WHEN 'Agency' THEN NOT coalesce(m.resolved, false) AND NOT (m)--()
        WHEN 'PolicyDocument' THEN NOT ()-[:CITES]->(m)
        ELSE NOT ()-[:MENTIONS]->(m)
      END
DETACH DELETE m
"""
# SAME_AS for one document: its cited documents that are corpus plans, and the cited documents
# elsewhere that name it (by 文号, else by title key). The two directions are one statement with
# the side already matched (`this`) and the side looked for (`that`, a `label` node) swapped, so
# they cannot come to disagree on what links a citation to a plan.
_LINK_SAME_AS = """
MATCH {start}
CALL ({this}) {{
  MATCH ({that}:{label}) WHERE {this}.doc_number IS NOT NULL AND {that}.doc_number = {this}.doc_number RETURN {that}
  UNION
  MATCH ({that}:{label}) WHERE {that}.title_key = {this}.title_key RETURN {that}
}}
MERGE (d)-[:SAME_AS]->(p)
"""
LINK_CITATIONS_OF_PLAN = _LINK_SAME_AS.format(
    start="(:Plan {id: $doc_id})-[:CITES]->(d:PolicyDocument)", this="d", that="p", label="Plan")
LINK_PLAN_AS_CITED = _LINK_SAME_AS.format(
    start="(p:Plan {id: $doc_id})", this="p", that="d", label="PolicyDocument")

# Rebuilding a document replaces its facts: everything it created goes first.
DELETE_DOCUMENT_NODES = """
MATCH (n) WHERE (n:Section OR n:Task OR n:Target) AND n.doc_id = $doc_id
DETACH DELETE n
"""
DELETE_PLAN = "MATCH (p:Plan {id: $doc_id}) DETACH DELETE p"

CREATE_PLAN = "CREATE (p:Plan) SET p = $plan"


def _link_rows(source: str, source_key: str, rel: str, target: str, target_key: str, *,
               staged: bool = False) -> str:
    """An edge per row between two nodes the document created, found by the ids the row names:
    `source` and `target` are `variable:Label`, `rel` a type from this module (never user input).
    `staged`: the nodes are a staging area's (STAGED below), so the lookup also names `$load_id`."""
    a, b = source.split(":")[0], target.split(":")[0]
    key = "staged: $load_id, " if staged else ""
    return f"""
UNWIND $rows AS row
MATCH ({source} {{{key}id: row.{source_key}}}), ({target} {{{key}id: row.{target_key}}})
CREATE ({a})-[:{rel}]->({b})
"""


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
LINK_CHILD_SECTIONS = _link_rows("a:Section", "parent", "HAS_SECTION", "b:Section", "child")
CREATE_TASKS = """
MATCH (p:Plan {id: $doc_id})
UNWIND $rows AS row
CREATE (t:Task) SET t = row
CREATE (p)-[:HAS_TASK]->(t)
"""
LINK_SECTION_TASKS = _link_rows("s:Section", "section", "HAS_TASK", "t:Task", "task")
LINK_SUBTASKS = _link_rows("a:Task", "parent", "HAS_SUBTASK", "b:Task", "child")
# Registry agencies are written by LOAD_REGISTRY_AGENCIES; a document only adds the names the
# registry lacks (resolved = false), with the forms it wrote them in.
# Where an unresolved body belongs and what it is (jurisdiction, level, collective) are what the
# documents naming it say, rewritten at every load so that a rebuild after a code change updates
# them. Each document's say is a claim '<doc_id>\t<jurisdiction>\t<level>\t<collective>' in
# a.claims (sorted; a reload replaces the document's own claim, DROP_AGENCY_CLAIMS takes back the
# claims of a document replaced or removed). The key already separates jurisdictions (区政府 of
# 奉贤区 and of 崇明区 are two nodes, extract/agencies/resolve.unresolved_id), so documents can
# only disagree on the level; then the claim of the first document by id decides: the same
# whatever order the documents load in, and the same on every rebuild.
_AGENCY_FROM_CLAIMS = """
WITH a, [c IN a.claims | split(c, '\t')] AS cs
WHERE size(cs) > 0  // none left: the agency is an orphan, DELETE_ORPHANS_AMONG takes it
SET a.jurisdiction = CASE cs[0][1] WHEN '' THEN null ELSE cs[0][1] END,
    a.level = CASE cs[0][2] WHEN '' THEN null ELSE cs[0][2] END,
    a.collective = cs[0][3] = 'true'
"""
MERGE_AGENCIES = """
UNWIND $rows AS row
MERGE (a:Agency {id: row.id})
ON CREATE SET a.name = row.name, a.resolved = false, a.mentions = [], a.claims = []
WITH a, row WHERE NOT coalesce(a.resolved, false)
// mentions are a sorted union: the same whatever order the documents load in
SET a.mentions = COLLECT { UNWIND coalesce(a.mentions, []) + row.mentions AS m RETURN DISTINCT m ORDER BY m },
    a.claims = COLLECT {
      UNWIND [c IN coalesce(a.claims, []) WHERE NOT c STARTS WITH $doc_id + '\t']
             + [$doc_id + '\t' + coalesce(row.jurisdiction, '') + '\t' + coalesce(row.level, '') + '\t'
                + toString(coalesce(row.collective, false))] AS c
      RETURN DISTINCT c ORDER BY c }
""" + _AGENCY_FROM_CLAIMS
# The claims a document made on the unresolved agencies it named ($ids, from DOCUMENT_NEIGHBOURS)
# go when its old version goes; what remains (other documents' claims) decides again. $keep: the
# agencies the new version names, whose claims MERGE_AGENCIES already replaced (a staged load).
DROP_AGENCY_CLAIMS = """
MATCH (a:Agency) WHERE a.id IN $ids AND NOT a.id IN $keep AND NOT coalesce(a.resolved, false)
SET a.claims = [c IN coalesce(a.claims, []) WHERE NOT c STARTS WITH $doc_id + '\t']
""" + _AGENCY_FROM_CLAIMS
LOAD_REGISTRY_AGENCIES = """
UNWIND $rows AS row
MERGE (a:Agency {id: row.id})
SET a += row.props
"""
# Entries taken out of the registry go, with the edges their documents gave them; a rebuild
# then attaches those mentions to unresolved agencies.
DELETE_STALE_REGISTRY_AGENCIES = """
MATCH (a:Agency) WHERE a.resolved = true AND NOT a.id IN $ids
DETACH DELETE a
"""
DELETE_SUCCESSIONS = "MATCH (:Agency)-[s:SUCCEEDED_BY]->(:Agency) DELETE s"
CREATE_SUCCESSIONS = """
UNWIND $rows AS row
MATCH (a:Agency {id: row.from}), (b:Agency {id: row.to})
CREATE (a)-[s:SUCCEEDED_BY]->(b)
SET s = row.props
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
CREATE_TARGETS = """
MATCH (p:Plan {id: $doc_id})
UNWIND $rows AS row
CREATE (g:Target) SET g = row.props
CREATE (p)-[:HAS_TARGET]->(g)
WITH g, row WHERE row.task IS NOT NULL
MATCH (t:Task {id: row.task})
CREATE (t)-[:HAS_TARGET]->(g)
"""
CREATE_CITATIONS = """
MATCH (p:Plan {id: $doc_id})
UNWIND $rows AS row
MERGE (d:PolicyDocument {id: row.id})
ON CREATE SET d.title = row.title, d.title_key = row.title_key, d.doc_number = row.doc_number
CREATE (p)-[c:CITES]->(d)
SET c = row.props
"""
_MERGE_ENTITIES = """
UNWIND $rows AS row
MERGE (e:%s {id: row.id})
SET e.name = row.name, e.category = coalesce(row.category, e.category),
    e.definition = coalesce(row.definition, e.definition), e.in_gazetteer = row.in_gazetteer,
    e.aliases = COLLECT { UNWIND coalesce(e.aliases, []) + row.aliases AS a RETURN DISTINCT a ORDER BY a }
"""
MERGE_ENTITIES = {label: _MERGE_ENTITIES % label for label in ("Company", "Institution", "Technology")}
CREATE_TASK_MENTIONS = """
UNWIND $rows AS row
MATCH (t:Task {id: row.task}), (e {id: row.entity})
WHERE e:Company OR e:Institution OR e:Technology
CREATE (t)-[m:MENTIONS]->(e)
SET m = row.props
"""
CREATE_PLAN_MENTIONS = """
MATCH (p:Plan {id: $doc_id})
UNWIND $rows AS row
MATCH (e {id: row.entity})
WHERE e:Company OR e:Institution OR e:Technology
CREATE (p)-[m:MENTIONS]->(e)
SET m = row.props
"""
DELETE_UNMENTIONED_ENTITIES = """
MATCH (e) WHERE (e:Company OR e:Institution OR e:Technology) AND NOT ()-[:MENTIONS]->(e)
DETACH DELETE e
"""
# A cited document that is itself in the corpus points at its Plan (by 文号, else by title).
RELINK_CITED_PLANS = """
OPTIONAL MATCH (:PolicyDocument)-[old:SAME_AS]->(:Plan)
DELETE old
WITH count(*) AS _
MATCH (d:PolicyDocument), (p:Plan)
WHERE (d.doc_number IS NOT NULL AND d.doc_number = p.doc_number) OR d.title_key = p.title_key
MERGE (d)-[:SAME_AS]->(p)
"""
DELETE_UNCITED_DOCUMENTS = "MATCH (d:PolicyDocument) WHERE NOT ()-[:CITES]->(d) DETACH DELETE d"
# Agencies no document names any more (after a rebuild) go; shared ones stay.
DELETE_ORPHAN_AGENCIES = "MATCH (a:Agency) WHERE NOT coalesce(a.resolved, false) AND NOT (a)--() DELETE a"

COUNT_NODES = "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label"
COUNT_RELATIONSHIPS = "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type"


# "All tasks owned by today's 工业和信息化局 or its predecessors, by plan year": walk
# SUCCEEDED_BY backwards from the agency any number of steps (0 = the agency itself).
TASKS_OF_AGENCY_LINEAGE = """
MATCH (today:Agency {id: $agency_id})
MATCH (a:Agency)-[:SUCCEEDED_BY*0..]->(today)
MATCH (a)-[r:LEADS|SUPPORTS|RESPONSIBLE_FOR]->(t:Task)<-[:HAS_TASK]-(p:Plan)
RETURN p.issued.year AS year, p.title AS plan, a.short AS as_agency, type(r) AS role, r.rank AS rank,
       t.title AS task
ORDER BY year, plan, t.ordinal, role
"""
UNRESOLVED_AGENCIES = """
MATCH (a:Agency) WHERE NOT coalesce(a.resolved, false)
OPTIONAL MATCH (a)-[r:LEADS|SUPPORTS|RESPONSIBLE_FOR]->(t:Task)
RETURN a.id AS id, a.name AS name, a.jurisdiction AS jurisdiction, a.level AS level,
       collect({doc: r.doc_id, task: t.title, role: type(r),
       start: r.mention_start, quote: r.quote}) AS mentions
ORDER BY name
"""

SERVER_VERSION = "CALL dbms.components() YIELD versions RETURN versions[0] AS v"
AGENCIES_BY_ROLES = """
MATCH (a:Agency)
OPTIONAL MATCH (a)-[r:LEADS|SUPPORTS|RESPONSIBLE_FOR]->()
RETURN a.id AS id, a.short AS short, a.name AS name, a.level AS level, count(r) AS roles
ORDER BY roles DESC, id
"""
# Starting points offered by the viewer's Cypher console: (query, parameters as key=value lines).
# An agency is matched by any of its forms: `name` is the canonical full name, plans write `short`.
CONSOLE_EXAMPLES = {
    "Who leads which task in a plan": (
        "MATCH (p:Plan {id: $plan})-[:HAS_TASK]->(t:Task)<-[r:LEADS]-(a:Agency)\n"
        "RETURN coalesce(a.short, a.name) AS agency, t.title AS task, r.quote AS evidence\nORDER BY t.start",
        "plan=sz-internet-plus-2015"),
    "Responsible units in listed order": (
        "MATCH (t:Task)<-[r:RESPONSIBLE_FOR]-(a:Agency)\nWHERE t.title CONTAINS $title\n"
        "RETURN t.title AS task, r.rank AS rank, coalesce(a.short, a.name) AS agency ORDER BY task, rank",
        "title=软件"),
    "An agency's tasks as a graph": (
        "MATCH (a:Agency)-[r:LEADS|SUPPORTS|RESPONSIBLE_FOR]->(t:Task)\n"
        "WHERE $name IN [a.name, a.short] + coalesce(a.aliases, [])\nRETURN a, r, t",
        "name=市经贸信息委"),
    "Tasks with several leads": (
        "MATCH (t:Task)<-[:LEADS]-(a:Agency)\nWITH t, collect(coalesce(a.short, a.name)) AS leads "
        "WHERE size(leads) > 1\nRETURN t.title AS task, leads ORDER BY size(leads) DESC", ""),
    "Agency lineage (SUCCEEDED_BY)": (
        "MATCH p = (a:Agency)-[:SUCCEEDED_BY*1..]->(b:Agency)\nRETURN p LIMIT 50", ""),
    "Counts by label": ("MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n ORDER BY n DESC", ""),
}

# -- viewer and analytics queries (graph/views.py, graph/matrix.py, graph/network.py) -----------
# Append below this line; the loading statements above are edited separately.
# Plan year: the issue date's year, else the first year of the plan period.
_YEAR = "coalesce(p.issued.year, p.period_start)"
# What an agency is called on screen: the registry's short form, else the name as written.
_AGENCY_LABEL = "coalesce(a.short, a.name, a.id)"
_ROLE_TYPES = "LEADS|SUPPORTS|RESPONSIBLE_FOR"

VIEW_PLANS = f"""
MATCH (p:Plan)
OPTIONAL MATCH (p)-[:HAS_TASK]->(t:Task)
OPTIONAL MATCH (a:Agency)-[r:{_ROLE_TYPES}]->(t)
RETURN p.id AS plan, {_YEAR} AS year, p.title AS title, p.doc_number AS doc_number,
       p.issuer AS issuer, p.kind AS kind, count(DISTINCT t) AS tasks,
       count(DISTINCT a) AS agencies, count(DISTINCT CASE WHEN type(r) = 'LEADS' THEN r END) AS leads,
       count(DISTINCT CASE WHEN type(r) = 'SUPPORTS' THEN r END) AS supports,
       count(DISTINCT CASE WHEN type(r) = 'RESPONSIBLE_FOR' THEN r END) AS responsible
ORDER BY year, plan
"""

VIEW_AGENCY_ROLE_COUNTS = f"""
MATCH (p:Plan)-[:HAS_TASK]->(t:Task)<-[r:{_ROLE_TYPES}]-(a:Agency)
WHERE $plan IS NULL OR p.id = $plan
RETURN a.id AS agency_id, {_AGENCY_LABEL} AS agency, a.name AS name, a.level AS level,
       count(DISTINCT CASE WHEN type(r) = 'LEADS' THEN t END) AS leads,
       count(DISTINCT CASE WHEN type(r) = 'SUPPORTS' THEN t END) AS supports,
       count(DISTINCT CASE WHEN type(r) = 'RESPONSIBLE_FOR' THEN t END) AS responsible,
       count(DISTINCT p) AS plans
ORDER BY leads DESC, responsible DESC, supports DESC, agency
LIMIT $limit
"""

# Technology mentions per plan, from tasks and from the plan's text outside tasks.
VIEW_TECHNOLOGY_MENTIONS = f"""
MATCH (p:Plan)
CALL (p) {{
  MATCH (p)-[:HAS_TASK]->(:Task)-[:MENTIONS]->(x:Technology) RETURN x
  UNION ALL
  MATCH (p)-[:MENTIONS]->(x:Technology) RETURN x
}}
RETURN p.id AS plan, {_YEAR} AS year, x.id AS technology_id, coalesce(x.name, x.id) AS technology,
       x.category AS category, count(*) AS mentions
ORDER BY year, plan, technology
"""

# Search every name an agency goes by; agencies without registry data are searched by name.
VIEW_AGENCY_SEARCH = f"""
MATCH (a:Agency)
WITH a, [x IN [a.name, a.short, a.id] + coalesce(a.aliases, []) WHERE x IS NOT NULL] AS names
WHERE $q = '' OR any(x IN names WHERE toLower(x) CONTAINS toLower($q))
OPTIONAL MATCH (a)-[r:{_ROLE_TYPES}]->(:Task)
RETURN a.id AS agency_id, {_AGENCY_LABEL} AS agency, a.name AS name, a.level AS level,
       coalesce(a.aliases, []) AS aliases, coalesce(a.resolved, false) AS resolved,
       coalesce(a.collective, false) AS collective, count(r) AS roles,
       any(x IN names WHERE x = $q) AS exact
ORDER BY exact DESC, roles DESC, agency
LIMIT $limit
"""

VIEW_AGENCY_LINEAGE = """
MATCH (a:Agency {id: $id})
CALL (a) {
  MATCH path = (a)-[:SUCCEEDED_BY*1..12]->(o:Agency)
  RETURN o, 'successor' AS direction, length(path) AS hops, last(relationships(path)) AS step
  UNION
  MATCH path = (o:Agency)-[:SUCCEEDED_BY*1..12]->(a)
  RETURN o, 'predecessor' AS direction, length(path) AS hops, head(relationships(path)) AS step
}
WITH o, direction, min(hops) AS hops, collect(step)[0] AS step
RETURN o.id AS agency_id, coalesce(o.short, o.name, o.id) AS agency, o.name AS name,
       direction, hops, step.year AS year, step.kind AS kind
ORDER BY direction, hops, agency
"""

# Every lineage step, for mapping agencies onto their latest successor.
VIEW_SUCCESSIONS = """
MATCH (a:Agency)-[s:SUCCEEDED_BY]->(b:Agency)
RETURN a.id AS source, b.id AS target, coalesce(b.short, b.name, b.id) AS target_label,
       s.year AS year, s.kind AS kind
"""

VIEW_AGENCY_TASKS = f"""
MATCH (a:Agency) WHERE a.id IN $ids
MATCH (a)-[r:{_ROLE_TYPES}]->(t:Task)<-[:HAS_TASK]-(p:Plan)
OPTIONAL MATCH (s:Section)-[:HAS_TASK]->(t)
RETURN p.id AS plan, {_YEAR} AS year, p.title AS plan_title, a.id AS agency_id,
       {_AGENCY_LABEL} AS agency, t.id AS task_id, t.title AS task, s.path AS section_path,
       type(r) AS rel, r.rank AS rank, r.surface AS surface, r.quote AS quote
ORDER BY year, plan, t.start, rel, rank
"""

VIEW_PARTNERS = f"""
MATCH (a:Agency) WHERE a.id IN $ids
MATCH (a)-[:{_ROLE_TYPES}]->(t:Task)<-[:{_ROLE_TYPES}]-(b:Agency)
WHERE NOT b.id IN $ids
WITH b, collect(DISTINCT t) AS tasks
RETURN b.id AS agency_id, coalesce(b.short, b.name, b.id) AS agency, b.level AS level,
       size(tasks) AS shared_tasks, [t IN tasks | t.title][0..5] AS examples
ORDER BY shared_tasks DESC, agency
LIMIT $limit
"""

VIEW_TASK_FULLTEXT = f"""
CALL db.index.fulltext.queryNodes('task_fulltext', $q, {{limit: $limit}}) YIELD node, score
MATCH (p:Plan)-[:HAS_TASK]->(node)
OPTIONAL MATCH (s:Section)-[:HAS_TASK]->(node)
OPTIONAL MATCH (a:Agency)-[r:{_ROLE_TYPES}]->(node)
RETURN node.id AS task_id, node.title AS task, p.id AS plan, {_YEAR} AS year, s.path AS section_path,
       score, count(r) AS owners, left(node.text, 120) AS excerpt
ORDER BY score DESC
"""

VIEW_TASK_CONTAINS = f"""
MATCH (p:Plan)-[:HAS_TASK]->(node:Task)
WHERE node.title CONTAINS $q OR node.text CONTAINS $q
OPTIONAL MATCH (s:Section)-[:HAS_TASK]->(node)
OPTIONAL MATCH (a:Agency)-[r:{_ROLE_TYPES}]->(node)
WITH node, p, s, count(r) AS owners
RETURN node.id AS task_id, node.title AS task, p.id AS plan, {_YEAR} AS year, s.path AS section_path,
       CASE WHEN node.title CONTAINS $q THEN 2.0 ELSE 1.0 END AS score, owners,
       left(node.text, 120) AS excerpt
ORDER BY score DESC, year, node.start
LIMIT $limit
"""

VIEW_PLAN_TASKS = f"""
MATCH (p:Plan {{id: $plan}})-[:HAS_TASK]->(t:Task)
OPTIONAL MATCH (s:Section)-[:HAS_TASK]->(t)
OPTIONAL MATCH (a:Agency)-[r:{_ROLE_TYPES}]->(t)
WITH t, s, count(r) AS owners
RETURN t.id AS task_id, t.title AS task, t.kind AS kind, s.path AS section_path, owners
ORDER BY t.ordinal, t.start
"""

# The passage is cut out of the plan's text in the database: Plan.text can be 30k characters.
VIEW_TASK_DETAIL = f"""
MATCH (p:Plan)-[:HAS_TASK]->(t:Task {{id: $id}})
OPTIONAL MATCH (s:Section)-[:HAS_TASK]->(t)
OPTIONAL MATCH (parent:Task)-[:HAS_SUBTASK]->(t)
WITH p, t, s, parent,
     CASE WHEN t.start - $context < 0 THEN 0 ELSE t.start - $context END AS lo
WITH p, t, s, parent, lo,
     CASE WHEN t.end + $context > size(p.text) THEN size(p.text) ELSE t.end + $context END AS hi
RETURN t.id AS task_id, t.title AS title, t.text AS text, t.kind AS kind, t.start AS start, t.end AS end,
       p.id AS plan, p.title AS plan_title, p.doc_number AS doc_number, {_YEAR} AS year,
       s.path AS section_path, parent.id AS parent_id, parent.title AS parent_title,
       lo AS passage_start, substring(coalesce(p.text, ''), lo, hi - lo) AS passage,
       [(t)-[:HAS_SUBTASK]->(c:Task) | {{id: c.id, title: c.title}}] AS subtasks
"""

# A task's time limit as the plan words it (a 分工表's 完成时限 cell, or a clause's own wording).
VIEW_TASK_DEADLINE = """
MATCH (t:Task {id: $id}) WHERE t.deadline IS NOT NULL
RETURN t.deadline AS deadline, t.deadline_kind AS kind, t.deadline_date AS date,
       t.deadline_year_start AS year_start, t.deadline_year_end AS year_end
"""

VIEW_TASK_OWNERS = f"""
MATCH (a:Agency)-[r:{_ROLE_TYPES}]->(t:Task {{id: $id}})
RETURN a.id AS agency_id, {_AGENCY_LABEL} AS agency, a.name AS name, type(r) AS rel, r.rank AS rank,
       r.surface AS surface, r.quote AS quote, r.start AS start, r.end AS end,
       r.mention_start AS mention_start, r.mention_end AS mention_end, r.rule AS rule
ORDER BY rel, rank, agency
"""

# A task's mentions and targets include those of its sub-measures (HAS_SUBTASK).
VIEW_TASK_MENTIONS = """
MATCH (:Task {id: $id})-[:HAS_SUBTASK*0..4]->(t:Task)-[m:MENTIONS]->(x)
RETURN [l IN labels(x) WHERE l IN ['Company', 'Institution', 'Technology']][0] AS kind, x.id AS entity_id,
       coalesce(x.name, x.id) AS name, m.surface AS surface, m.start AS start, m.end AS end, m.quote AS quote
ORDER BY kind, m.start
"""

VIEW_TASK_TARGETS = """
MATCH (:Task {id: $id})-[:HAS_SUBTASK*0..4]->(t:Task)-[:HAS_TARGET]->(g:Target)
RETURN g.id AS target_id, g.metric AS metric, g.comparator AS comparator, g.value AS value, g.unit AS unit,
       g.year AS year, g.quote AS quote, g.start AS start, g.end AS end
ORDER BY g.start
"""

# One row per role edge: the matrix, the network and the viewer's graph are all built on these.
VIEW_ROLE_EDGES = f"""
MATCH (p:Plan)-[:HAS_TASK]->(t:Task)<-[r:{_ROLE_TYPES}]-(a:Agency)
WHERE ($plans IS NULL OR p.id IN $plans) AND type(r) IN $rels
  AND ($levels IS NULL OR coalesce(a.level, 'unknown') IN $levels)
OPTIONAL MATCH (s:Section)-[:HAS_TASK]->(t)
WITH p, t, r, a, s
WHERE $section IS NULL OR (s IS NOT NULL AND s.path[0..size($section)] = $section)
RETURN p.id AS plan, {_YEAR} AS year, p.title AS plan_title, t.id AS task_id, t.title AS task,
       t.ordinal AS ordinal, t.start AS task_start, s.path AS section_path,
       t.deadline AS deadline, t.deadline_date AS deadline_date,
       a.id AS agency_id, {_AGENCY_LABEL} AS agency, a.name AS agency_name, a.level AS level,
       type(r) AS rel, r.rank AS rank, r.doc_id AS doc_id, r.quote AS quote, r.surface AS surface,
       r.start AS start, r.end AS end, r.rule AS rule
ORDER BY year, plan, t.ordinal, t.start, rel, rank
"""

VIEW_PLAN_SECTIONS = """
MATCH (p:Plan {id: $plan})-[:HAS_SECTION*1..4]->(s:Section)
WHERE EXISTS { (s)-[:HAS_SECTION*0..4]->(:Section)-[:HAS_TASK]->(:Task)<-[:LEADS|SUPPORTS|RESPONSIBLE_FOR]-(:Agency) }
RETURN s.id AS section_id, s.path AS path, s.level AS level
ORDER BY s.start
"""

VIEW_AGENCY_LEVELS = """
MATCH (a:Agency) RETURN DISTINCT coalesce(a.level, 'unknown') AS level ORDER BY level
"""

# Neighbourhood of one node for the graph explorer; nodes are addressed by label and id.
VIEW_NEIGHBOURS = """
MATCH (n) WHERE n.id = $id AND $label IN labels(n)
MATCH (n)-[r]-(m)
WHERE NOT type(r) IN $skip
RETURN n, r, m
LIMIT $limit
"""

# The whole graph, for export. Plan.text stays in: Gephi users can drop the column.
EXPORT_NODES = "MATCH (n) RETURN elementId(n) AS element_id, labels(n) AS labels, properties(n) AS props"
EXPORT_RELATIONSHIPS = """
MATCH (a)-[r]->(b)
RETURN elementId(r) AS element_id, type(r) AS type, elementId(a) AS source, elementId(b) AS target,
       properties(r) AS props
"""

# -- full dumps, for comparing two builds (tests/test_build_faults.py) ---------------------------
DUMP_NODES = "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props"
DUMP_RELATIONSHIPS = """
MATCH (a)-[r]->(b)
RETURN type(r) AS type, properties(r) AS props,
       [labels(a)[0], coalesce(a.id, '')] AS a, [labels(b)[0], coalesce(b.id, '')] AS b
"""


# -- staged loading of a document too large for one transaction (graph/loader.py) --------------
# The document is written in bounded transactions under labels no reader matches (StagedPlan,
# StagedSection, StagedTask, StagedTarget; every reader query starts from :Plan, :Task … ), then
# one small transaction deletes the old version and switches the labels: readers see the old
# document or the new one, whole. `$load_id` names the staging area (one per document).
_STAGED_MENTION_TARGET = "(e {id: row.entity}) WHERE e:Company OR e:Institution OR e:Technology"
STAGED = {
    "plan": "CREATE (p:StagedPlan) SET p = $plan, p.id = $load_id, p.staged_doc = $doc_id",
    "sections": "UNWIND $rows AS row CREATE (s:StagedSection) SET s = row, s.staged = $load_id",
    "top_sections": """
MATCH (p:StagedPlan {id: $load_id})
UNWIND $rows AS sid
MATCH (s:StagedSection {staged: $load_id, id: sid})
CREATE (p)-[:HAS_SECTION]->(s)""",
    "child_sections": _link_rows("a:StagedSection", "parent", "HAS_SECTION", "b:StagedSection", "child",
                                 staged=True),
    "tasks": """
MATCH (p:StagedPlan {id: $load_id})
UNWIND $rows AS row
CREATE (t:StagedTask) SET t = row, t.staged = $load_id
CREATE (p)-[:HAS_TASK]->(t)""",
    "section_tasks": _link_rows("s:StagedSection", "section", "HAS_TASK", "t:StagedTask", "task",
                                staged=True),
    "subtasks": _link_rows("a:StagedTask", "parent", "HAS_SUBTASK", "b:StagedTask", "child", staged=True),
    "task_mentions": f"""
UNWIND $rows AS row
MATCH (t:StagedTask {{staged: $load_id, id: row.task}}), {_STAGED_MENTION_TARGET}
CREATE (t)-[m:MENTIONS]->(e)
SET m = row.props""",
    "plan_mentions": f"""
MATCH (p:StagedPlan {{id: $load_id}})
UNWIND $rows AS row
MATCH {_STAGED_MENTION_TARGET}
CREATE (p)-[m:MENTIONS]->(e)
SET m = row.props""",
    "targets": """
MATCH (p:StagedPlan {id: $load_id})
UNWIND $rows AS row
CREATE (g:StagedTarget) SET g = row.props, g.staged = $load_id
CREATE (p)-[:HAS_TARGET]->(g)
WITH g, row WHERE row.task IS NOT NULL
MATCH (t:StagedTask {staged: $load_id, id: row.task})
CREATE (t)-[:HAS_TARGET]->(g)""",
    "citations": """
MATCH (p:StagedPlan {id: $load_id})
UNWIND $rows AS row
MERGE (d:PolicyDocument {id: row.id})
ON CREATE SET d.title = row.title, d.title_key = row.title_key, d.doc_number = row.doc_number
CREATE (p)-[c:CITES]->(d)
SET c = row.props""",
}
_STAGED_ASSIGN = """
UNWIND $rows AS row
MATCH (a:Agency {id: row.agency}), (t:StagedTask {staged: $load_id, id: row.task})
CREATE (a)-[e:%s]->(t)
SET e = row.props"""
STAGED_ASSIGNMENTS = {"lead": _STAGED_ASSIGN % "LEADS", "support": _STAGED_ASSIGN % "SUPPORTS",
                      "responsible": _STAGED_ASSIGN % "RESPONSIBLE_FOR"}
# The switch: relabel what was staged (label and property changes only, so the transaction stays
# small however large the document).
SWITCH_STAGED_PLAN = """
MATCH (p:StagedPlan {id: $load_id})
SET p:Plan, p.id = $doc_id
REMOVE p:StagedPlan, p.staged_doc
"""
SWITCH_STAGED = {
    label: f"MATCH (n:Staged{label} {{staged: $load_id}}) SET n:{label} REMOVE n:Staged{label}, n.staged"
    for label in ("Section", "Task", "Target")
}
# Left-overs of a staging that never switched (the build or the server died), in bounded bites.
DELETE_STAGED = {
    label: f"MATCH (n:Staged{label} {{staged: $load_id}}) WITH n LIMIT 2000 DETACH DELETE n RETURN count(*) AS n"
    for label in ("Section", "Task", "Target")
}
DELETE_STAGED_PLAN = "MATCH (p:StagedPlan {id: $load_id}) DETACH DELETE p"
