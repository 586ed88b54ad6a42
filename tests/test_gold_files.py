"""Consistency of the hand-made gold files for real documents (tests/gold/dev, tests/gold/heldout_docs).

Gold files are written by hand, by reading the documents; a typo in a quote or a skipped rank
would silently turn a correct extraction into a "miss" when scoring. These tests check the files
against their own text files only, never against policykg's output: every quoted string must be
an exact substring of the document, ranks must run 1..n within one clause and role, roles and
levels must come from the closed sets of the format, and every source must be pinned to a
repository, a path and a full commit so the text can be fetched again.

The validator is also run on deliberately broken gold objects, so a test exists that shows it
reports each kind of fault (otherwise a validator that accepts everything would pass silently).
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
GOLD_DIRS = [REPO_ROOT / "tests" / "gold" / "dev", REPO_ROOT / "tests" / "gold" / "heldout_docs"]

ROLES = {"lead", "support", "responsible"}
LEVELS = {"national", "ministry", "province", "city", "district", "county"}
COMMIT_RE = re.compile(r"^[0-9a-f]{40}$")
REPO_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9_.-]+$")
REQUIRED = ("doc_id", "file", "source", "title", "doc_number", "issuer", "level",
            "conventions", "tasks", "responsibilities", "deadlines", "notes")


def gold_files() -> list[Path]:
    """Every gold JSON file of the real-document sets that exist (SOURCES/README are not gold)."""
    files: list[Path] = []
    for directory in GOLD_DIRS:
        if directory.is_dir():
            files.extend(sorted(directory.glob("*.json")))
    return files


def validate(gold: dict, text: str) -> list[str]:
    """Problems of one gold object against its document text; an empty list means consistent."""
    problems: list[str] = []
    missing = [key for key in REQUIRED if key not in gold]
    if missing:
        return [f"missing keys: {missing}"]

    source = gold["source"]
    if not isinstance(source, dict):
        problems.append("source is not an object")
        source = {}
    if not REPO_RE.match(str(source.get("repo", ""))):
        problems.append(f"source.repo is not owner/name: {source.get('repo')!r}")
    if not str(source.get("path", "")).strip():
        problems.append("source.path is empty")
    if not COMMIT_RE.match(str(source.get("commit", ""))):
        problems.append(f"source.commit is not 40 hex digits: {source.get('commit')!r}")
    if not str(source.get("record", "")).strip():
        problems.append("source.record is empty (say where the document sits in the file)")
    if gold["level"] not in LEVELS:
        problems.append(f"level {gold['level']!r} not in {sorted(LEVELS)}")

    def quoted(kind: str, value: object) -> None:
        if not isinstance(value, str) or not value:
            problems.append(f"{kind} is empty or not a string: {value!r}")
        elif value not in text:
            problems.append(f"{kind} is not a substring of the document: {value!r}")

    for conv in gold["conventions"]:
        quoted("convention quote", conv.get("quote"))

    titles = [task.get("title") for task in gold["tasks"]]
    for task in gold["tasks"]:
        quoted("task title", task.get("title"))
        quoted("task marker", task.get("marker"))
    duplicates = {t for t in titles if titles.count(t) > 1}
    if duplicates:
        # Responsibilities refer to tasks by title, so a title must name one task only.
        problems.append(f"task titles not unique: {sorted(duplicates)}")

    ranks: dict[tuple[str, str, str], list[int]] = {}
    for resp in gold["responsibilities"]:
        if resp.get("task") not in titles:
            problems.append(f"responsibility refers to an unlisted task: {resp.get('task')!r}")
        if resp.get("role") not in ROLES:
            problems.append(f"role {resp.get('role')!r} not in {sorted(ROLES)}")
        quoted("clause_quote", resp.get("clause_quote"))
        quoted("mention", resp.get("mention"))
        if isinstance(resp.get("mention"), str) and isinstance(resp.get("clause_quote"), str) \
                and resp["mention"] not in resp["clause_quote"]:
            problems.append(f"mention {resp['mention']!r} is not inside its clause {resp['clause_quote']!r}")
        if not str(resp.get("restored", "")).strip():
            problems.append(f"restored is empty for {resp.get('mention')!r}")
        if not str(resp.get("jurisdiction", "")).strip():
            problems.append(f"jurisdiction is empty for {resp.get('mention')!r}")
        rank = resp.get("rank")
        if not isinstance(rank, int) or isinstance(rank, bool):
            problems.append(f"rank is not an integer: {rank!r}")
            continue
        key = (str(resp.get("task")), str(resp.get("clause_quote")), str(resp.get("role")))
        ranks.setdefault(key, []).append(rank)
    for (task, clause, role), seen in ranks.items():
        if sorted(seen) != list(range(1, len(seen) + 1)):
            problems.append(f"ranks {sorted(seen)} do not run 1..{len(seen)} for {role} in {clause!r} ({task!r})")

    for deadline in gold["deadlines"]:
        quoted("deadline text", deadline.get("text"))
        if deadline.get("task") not in titles:
            problems.append(f"deadline refers to an unlisted task: {deadline.get('task')!r}")
    return problems


def load(path: Path) -> tuple[dict, str]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text_path = REPO_ROOT / gold["file"]
    assert text_path.is_file(), f"{path.name}: text file {gold['file']} does not exist"
    return gold, text_path.read_text(encoding="utf-8")


def test_gold_files_exist() -> None:
    # Without this, an empty or misplaced set would make the parametrized test below vanish.
    assert gold_files(), f"no gold JSON files under {[str(d) for d in GOLD_DIRS]}"


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_gold_file_is_consistent(path: Path) -> None:
    gold, text = load(path)
    assert gold["doc_id"] == path.stem, "doc_id must match the file name (the eval finds files by it)"
    assert Path(gold["file"]).stem == gold["doc_id"], "text file must be named after doc_id"
    assert validate(gold, text) == []


def test_doc_ids_unique_across_sets() -> None:
    # The development and held-out sets must never share a document.
    ids = [json.loads(p.read_text(encoding="utf-8"))["doc_id"] for p in gold_files()]
    assert len(ids) == len(set(ids))


def dev_sources_listed() -> list[tuple[Path, str]]:
    listed = []
    for path in gold_files():
        sources = path.parent / "SOURCES.md"
        listed.append((path, sources.read_text(encoding="utf-8") if sources.is_file() else ""))
    return listed


def test_every_gold_document_is_listed_in_its_sources() -> None:
    # SOURCES.md is how the two data developers avoid taking the same document.
    unlisted = [p.name for p, sources in dev_sources_listed()
                if json.loads(p.read_text(encoding="utf-8"))["doc_id"] not in sources]
    assert unlisted == []


# A small, valid gold object: the base for the fault injections below.
SAMPLE_TEXT = "（一）加强统筹。推进工作（发展改革委、财政部负责）。\n"
SAMPLE = {
    "doc_id": "sample", "file": "x.txt",
    "source": {"repo": "owner/name", "path": "a/b.sql", "commit": "0123456789abcdef0123456789abcdef01234567",
               "record": "row 1"},
    "title": "t", "doc_number": None, "issuer": "国务院", "level": "national", "conventions": [],
    "tasks": [{"marker": "（一）", "title": "加强统筹"}],
    "responsibilities": [
        {"task": "加强统筹", "role": "responsible", "rank": 1, "mention": "发展改革委", "restored": "发展改革委",
         "jurisdiction": "中央", "clause_quote": "（发展改革委、财政部负责）"},
        {"task": "加强统筹", "role": "responsible", "rank": 2, "mention": "财政部", "restored": "财政部",
         "jurisdiction": "中央", "clause_quote": "（发展改革委、财政部负责）"},
    ],
    "deadlines": [], "notes": "",
}


def test_validator_accepts_the_sample() -> None:
    assert validate(SAMPLE, SAMPLE_TEXT) == []


def broken(change) -> dict:
    gold = copy.deepcopy(SAMPLE)
    change(gold)
    return gold


@pytest.mark.parametrize("change, expected", [
    (lambda g: g["responsibilities"][1].update(mention="财政厅"), "mention"),
    (lambda g: g["responsibilities"][1].update(rank=3), "ranks"),
    (lambda g: g["responsibilities"][0].update(role="owner"), "role"),
    (lambda g: g["responsibilities"][0].update(task="别的任务"), "unlisted task"),
    (lambda g: g["responsibilities"][0].update(clause_quote="（发展改革委负责）"), "clause_quote"),
    (lambda g: g["tasks"][0].update(title="加强统筹协调"), "task title"),
    (lambda g: g["source"].update(commit="0123abc"), "commit"),
    (lambda g: g["source"].pop("repo"), "repo"),
    (lambda g: g.update(level="nation"), "level"),
    (lambda g: g["deadlines"].append({"task": "加强统筹", "text": "2022年底前"}), "deadline"),
    (lambda g: g["conventions"].append({"quote": "列第一位者为牵头单位", "meaning": "x"}), "convention"),
])
def test_validator_reports_each_fault(change, expected) -> None:
    problems = validate(broken(change), SAMPLE_TEXT)
    assert any(expected in p for p in problems), problems
