"""A build of a folder mirrors it (issue 8 leftovers): plans whose files are gone from the folder
are removed with their facts, plans of other folders are never touched, and nothing is removed
where the build could not look (an unreadable folder). `--keep-missing` keeps the old behaviour.

The graph tests build their own folders (copies of the built-in plans, real documents) into the
session's shared server next to the built-in corpus, and delete what they loaded afterwards, so
the corpus graph other tests read is left as it was (checked at the end of each test).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corpus_helpers import doc_path
from policykg.build import Limits, build_corpus, missing_plans, source_root
from policykg.cli import app
from policykg.extract.readers import corpus as corpus_mod
from policykg.graph.loader import counts, delete_document, graph_dump
from policykg.paths import corpus_dir

LOCAL = Limits(timeout_s=None)  # in-process extraction: the NLP model loads once per session
IN_PROCESS = ["--timeout", "0"]
# A small real-world shaped citing document (the wording of test_graph_build's): it cites the
# 2015 plan by its 文号, so removing or renaming the plan must move the SAME_AS link, not leave it.
CITING = ("后续方案\n\n为落实《深圳市“互联网＋”行动计划》（深府〔2015〕69号），制定本方案。\n"
          "一、重点任务\n（一）推进数据开放。建设平台。\n（牵头单位：市数据试验局，配合单位：市发展改革委）\n")


def q(driver, cypher, **params):
    with driver.session() as s:
        return [r.data() for r in s.run(cypher, params)]


# -- which plans a build of a folder removes (pure) ----------------------------------------------

PLANS = {
    "a": {"key": "k", "root": "/data/A", "path": "a.txt"},
    "b": {"key": "k", "root": "/data/A", "path": "sub/b.txt"},
    "c": {"key": "k", "root": "/data/A", "path": "subway/c.txt"},
    "other": {"key": "k", "root": "/data/B", "path": "a.txt"},
    "by-hand": {"key": None, "root": None, "path": None},
}


def test_missing_plans_are_those_of_the_folder_no_document_claims():
    assert missing_plans(PLANS, "/data/A", set(), []) == ["a", "b", "c"]  # sorted, one folder only
    assert missing_plans(PLANS, "/data/A", {"a", "c"}, []) == ["b"]
    assert missing_plans(PLANS, "/data/C", set(), []) == []


def test_nothing_is_removed_where_the_build_could_not_look():
    # An unreadable sub-folder protects what lies below it, and only that ("subway" is no child of "sub").
    assert missing_plans(PLANS, "/data/A", set(), ["sub"]) == ["a", "c"]
    assert missing_plans(PLANS, "/data/A", set(), ["subway/c.txt"]) == ["a", "b"]
    assert missing_plans(PLANS, "/data/A", set(), ["."]) == []  # the folder itself could not be read


def test_source_root_names_a_folder_however_it_is_reached(tmp_path, monkeypatch):
    (tmp_path / "A").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "A")
    monkeypatch.chdir(tmp_path)
    assert source_root(Path("A")) == source_root(tmp_path / "link") == (tmp_path / "A").resolve().as_posix()


# -- against the real Neo4j ----------------------------------------------------------------------

def _plans_of(driver, root: Path) -> dict[str, str]:
    rows = q(driver, "MATCH (p:Plan {source_root: $r}) RETURN p.id AS id, p.path AS path", r=source_root(root))
    return {r["id"]: r["path"] for r in rows}


def _facts_of(driver, doc_id: str) -> int:
    """Nodes and edges that carry the document's id (sections, tasks, targets, role edges, mentions, citations)."""
    nodes = q(driver, "MATCH (n) WHERE n.doc_id = $d RETURN count(n) AS n", d=doc_id)[0]["n"]
    rels = q(driver, "MATCH ()-[r]->() WHERE r.doc_id = $d RETURN count(r) AS n", d=doc_id)[0]["n"]
    return nodes + rels


def _lines_of_elsewhere(driver) -> list[str]:
    """The graph's lines that carry folder B's document ('elsewhere'). A shared unresolved Agency
    node names every document that claims it (Agency.claims, graph/cypher.py MERGE_AGENCIES), so
    it changes with folder A's documents too: it is not one of B's facts, its claims are checked
    on their own (tests/test_graph_agencies.py)."""
    return [line for line in graph_dump(driver) if "elsewhere" in line and not line.startswith("N ['Agency']")]


@pytest.fixture
def shared(neo4j_driver):
    """The shared server with the built-in corpus in it (as the corpus tests expect it), and a
    clean-up that deletes every plan the test loaded from its own folders."""
    report = build_corpus([corpus_dir()], neo4j_driver, limits=LOCAL)
    assert report.ok, [(d.path, d.status, d.reason) for d in report.documents]
    corpus_ids = {r["id"] for r in q(neo4j_driver, "MATCH (p:Plan) RETURN p.id AS id")}
    before = counts(neo4j_driver)  # (a full dump per test costs seconds on a loaded machine)
    yield neo4j_driver
    for r in q(neo4j_driver, "MATCH (p:Plan) RETURN p.id AS id"):
        if r["id"] not in corpus_ids:
            delete_document(neo4j_driver, r["id"])
    assert counts(neo4j_driver) == before  # the corpus graph is as the test found it


def test_deleted_and_renamed_documents_leave_the_graph_with_their_facts(shared, tmp_path):
    a, b = tmp_path / "A", tmp_path / "B"
    (a / "sub").mkdir(parents=True)
    b.mkdir()
    shutil.copy(doc_path("2021"), a / "sub" / "plan2021.txt")  # a real plan: 99 RESPONSIBLE_FOR edges
    (a / "later.txt").write_text(CITING, encoding="utf-8")
    (a / "stays.txt").write_text(CITING.replace("建设平台", "建设开放平台"), encoding="utf-8")
    (b / "elsewhere.txt").write_text(CITING.replace("建设平台", "建设数据平台"), encoding="utf-8")
    first = build_corpus([a], shared, limits=LOCAL)
    assert first.ok and first.removed == []
    assert build_corpus([b], shared, limits=LOCAL).ok
    ids = _plans_of(shared, a)
    sub_id = next(i for i, p in ids.items() if p == "sub/plan2021.txt")
    assert set(ids) == {"later", "stays", sub_id}
    assert _facts_of(shared, sub_id) > 99
    b_before = _lines_of_elsewhere(shared)
    assert b_before
    # The plan A/later.txt cites (by 文号) links to the corpus plan, and to nothing of A's after.
    assert q(shared, "MATCH (:Plan {id: 'later'})-[:CITES]->()-[:SAME_AS]->(p:Plan) RETURN p.id AS id") \
        == [{"id": "sz-internet-plus-2015"}]

    (a / "sub" / "plan2021.txt").unlink()
    (a / "later.txt").rename(a / "renamed.txt")
    second = build_corpus([a], shared, limits=LOCAL)
    assert second.ok
    assert second.removed == sorted(["later", sub_id])
    assert [(d.path, d.status) for d in second.documents] == [("renamed.txt", "loaded"), ("stays.txt", "unchanged")]
    assert _plans_of(shared, a) == {"renamed": "renamed.txt", "stays": "stays.txt"}
    for gone in second.removed:
        assert _facts_of(shared, gone) == 0
        assert q(shared, "MATCH (p) WHERE (p:Plan OR p:StagedPlan) AND p.id STARTS WITH $d RETURN p.id AS id",
                 d=gone) == []
    # Shared and registry nodes stay; the cited document is still there for the plans citing it.
    assert q(shared, "MATCH (g:Agency {id: 'unresolved:市数据试验局'}) RETURN count(g) AS n") == [{"n": 1}]
    assert q(shared, "MATCH (g:Agency {id: 'sz-fgw'})-[:RESPONSIBLE_FOR]->() RETURN count(*) > 0 AS used") \
        == [{"used": True}]
    # The plan of folder B is untouched, to the last property and edge.
    assert _lines_of_elsewhere(shared) == b_before

    # Deterministic: the pruned graph equals a clean build of what the folder now holds …
    pruned = graph_dump(shared)
    for doc_id in _plans_of(shared, a):
        delete_document(shared, doc_id)
    assert build_corpus([a], shared, limits=LOCAL).ok
    assert graph_dump(shared) == pruned
    # … and idempotent: building again changes and removes nothing.
    again = build_corpus([a], shared, limits=LOCAL)
    assert again.removed == [] and [d.status for d in again.documents] == ["unchanged", "unchanged"]
    assert graph_dump(shared) == pruned
    # Gone from every folder: an agency no other document names goes with the last one naming it.
    for f in (a / "renamed.txt", a / "stays.txt", b / "elsewhere.txt"):
        f.unlink()
    assert build_corpus([a], shared, limits=LOCAL).removed == ["renamed", "stays"]
    assert build_corpus([b], shared, limits=LOCAL).removed == ["elsewhere"]
    assert q(shared, "MATCH (g:Agency {id: 'unresolved:市数据试验局'}) RETURN count(g) AS n") == [{"n": 0}]


def test_a_duplicate_that_was_loaded_on_its_own_before_is_removed(shared, tmp_path):
    (tmp_path / "x.txt").write_text(CITING, encoding="utf-8")
    assert build_corpus([tmp_path], shared, limits=LOCAL).ok
    # Now the same bytes also sit at a.txt, which sorts first: x.txt becomes its duplicate,
    # loaded once as a, and its own earlier plan is no longer in the folder's mirror.
    (tmp_path / "a.txt").write_text(CITING, encoding="utf-8")
    report = build_corpus([tmp_path], shared, limits=LOCAL)
    assert [(d.path, d.status) for d in report.documents] == [("a.txt", "loaded"), ("x.txt", "duplicate")]
    assert report.removed == ["x"]
    assert set(_plans_of(shared, tmp_path)) == {"a"}


def test_a_file_given_by_itself_removes_nothing_and_a_moved_folder_takes_its_plans(shared, tmp_path):
    a = tmp_path / "A"
    a.mkdir()
    (a / "one.txt").write_text(CITING, encoding="utf-8")
    (a / "two.txt").write_text(CITING.replace("建设平台", "建设开放平台"), encoding="utf-8")
    assert build_corpus([a], shared, limits=LOCAL).ok
    # Building one file of the folder is no build of the folder: two stays.
    assert build_corpus([a / "one.txt"], shared, limits=LOCAL).removed == []
    assert set(_plans_of(shared, a)) == {"one", "two"}
    # The folder moves: its unchanged plans are skipped and now belong to the new place, so a
    # later build there removes what goes missing there, and the old name holds nothing.
    moved = tmp_path / "moved"
    a.rename(moved)
    report = build_corpus([moved], shared, limits=LOCAL)
    assert [d.status for d in report.documents] == ["unchanged", "unchanged"] and report.removed == []
    assert set(_plans_of(shared, moved)) == {"one", "two"} and _plans_of(shared, a) == {}
    (moved / "two.txt").unlink()
    assert build_corpus([moved], shared, limits=LOCAL).removed == ["two"]


def test_an_unreadable_folder_removes_nothing_below_it(shared, tmp_path, monkeypatch):
    """Runs as any user (root included): the folder's read fails as chmod 000 makes it fail."""
    a = tmp_path / "A"
    (a / "locked").mkdir(parents=True)
    (a / "open.txt").write_text(CITING, encoding="utf-8")
    shutil.copy(doc_path("2015"), a / "locked" / "plan2015.txt")
    assert build_corpus([a], shared, limits=LOCAL).ok
    locked_id = next(i for i, p in _plans_of(shared, a).items() if p.startswith("locked/"))
    real = os.scandir
    denied: set[str] = set()

    def scandir(path="."):
        if os.fspath(path) in denied:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(corpus_mod.os, "scandir", scandir)
    denied.add(str(a / "locked"))
    (a / "open.txt").write_text(CITING.replace("建设平台", "建设开放平台"), encoding="utf-8")
    report = build_corpus([a], shared, limits=LOCAL)
    errors = [(d.path, d.reason) for d in report.documents if d.status == "error"]
    assert errors == [(str(a / "locked"), "folder cannot be read (Permission denied): "
                                          "the documents in it are not in this build")]
    assert [(d.path, d.status) for d in report.documents if d.status != "error"] == [("open.txt", "loaded")]
    assert report.removed == [] and locked_id in _plans_of(shared, a)
    # The whole folder unreadable: named, and nothing of it removed either.
    denied.add(str(a))
    report = build_corpus([a], shared, limits=LOCAL)
    assert [(d.path, d.status) for d in report.documents] == [(str(a), "error")]
    assert report.removed == [] and set(_plans_of(shared, a)) == {"open", locked_id}
    # Readable again, and the locked file really gone: now it is removed.
    denied.clear()
    (a / "locked" / "plan2015.txt").unlink()
    assert build_corpus([a], shared, limits=LOCAL).removed == [locked_id]


def test_cli_says_removed_and_keep_missing_keeps(shared, neo4j, tmp_path):
    env = {"NEO4J_URI": neo4j.uri, "NEO4J_USER": neo4j.user, "NEO4J_PASSWORD": neo4j.password.get_secret_value()}
    (tmp_path / "one.txt").write_text(CITING, encoding="utf-8")
    (tmp_path / "two.txt").write_text(CITING.replace("建设平台", "建设开放平台"), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["build", str(tmp_path), *IN_PROCESS], env=env).exit_code == 0
    (tmp_path / "two.txt").unlink()
    kept = runner.invoke(app, ["build", str(tmp_path), "--keep-missing", *IN_PROCESS], env=env)
    assert kept.exit_code == 0, kept.output
    assert "removed" not in kept.output and set(_plans_of(shared, tmp_path)) == {"one", "two"}
    (tmp_path / "one.txt").unlink()
    (tmp_path / "three.txt").write_text(CITING.replace("建设平台", "建设数据平台"), encoding="utf-8")
    pruned = runner.invoke(app, ["build", str(tmp_path), *IN_PROCESS], env=env)
    assert pruned.exit_code == 0, pruned.output
    assert "removed 2: one, two" in pruned.output
    assert set(_plans_of(shared, tmp_path)) == {"three"}
    as_json = runner.invoke(app, ["build", str(tmp_path), "--format", "json", *IN_PROCESS], env=env)
    data = json.loads(as_json.stdout)
    assert data["removed"] == [] and data["summary"]["removed"] == 0 and data["summary"]["unchanged"] == 1


# -- chmod 000: a real permission error ------------------------------------------------------------

ROOT_READS_ANYWAY = pytest.mark.skipif(
    os.geteuid() == 0, reason="running as root (uid 0): chmod 000 does not stop root from reading a folder, so "
                              "the permission error cannot happen; test_an_unreadable_folder_removes_nothing_below_it "
                              "covers the same build path by failing the folder's read")


@pytest.fixture
def locked(tmp_path):
    """chmod 000 on the folders a test names, undone afterwards so pytest can delete them."""
    done: list[Path] = []

    def lock(folder: Path) -> Path:
        folder.chmod(0)
        done.append(folder)
        return folder

    yield lock
    for folder in reversed(done):
        folder.chmod(0o755)


@ROOT_READS_ANYWAY
def test_unreadable_root_folder_is_named_and_the_other_documents_load(shared, tmp_path, locked):
    a, b = tmp_path / "A", tmp_path / "B"
    a.mkdir()
    b.mkdir()
    (a / "one.txt").write_text(CITING, encoding="utf-8")
    (b / "two.txt").write_text(CITING.replace("建设平台", "建设开放平台"), encoding="utf-8")
    assert build_corpus([a], shared, limits=LOCAL).ok
    locked(a)
    report = build_corpus([a, b], shared, limits=LOCAL)
    assert [(d.path, d.status, d.reason) for d in report.documents] == [
        (str(a), "error", "folder cannot be read (Permission denied): the documents in it are not in this build"),
        ("two.txt", "loaded", None)]
    assert report.exit_code == 1 and report.removed == [] and set(_plans_of(shared, a)) == {"one"}


@ROOT_READS_ANYWAY
def test_unreadable_subfolder_is_named_and_the_other_documents_load(shared, neo4j, tmp_path, locked):
    a = tmp_path / "A"
    (a / "locked").mkdir(parents=True)
    (a / "one.txt").write_text(CITING, encoding="utf-8")
    (a / "locked" / "two.txt").write_text(CITING.replace("建设平台", "建设开放平台"), encoding="utf-8")
    assert build_corpus([a], shared, limits=LOCAL).ok
    locked(a / "locked")
    env = {"NEO4J_URI": neo4j.uri, "NEO4J_USER": neo4j.user, "NEO4J_PASSWORD": neo4j.password.get_secret_value()}
    res = CliRunner().invoke(app, ["build", str(a), *IN_PROCESS], env=env)
    assert res.exit_code == 1, res.output
    flat = " ".join(res.output.split())
    assert f"error: {a / 'locked'}: folder cannot be read (Permission denied)" in flat
    assert "1 of 2 documents loaded (0 new or changed, 1 unchanged)" in flat
    assert "removed" not in flat and len(_plans_of(shared, a)) == 2
