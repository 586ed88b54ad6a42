"""Fault injection for `policykg build` (issue 8): hostile files, dying servers, killed builds.

- A folder of more than 60 hostile files mixed with good ones builds with every good file loaded
  in full, every bad one named with its reason, exit code 1, in bounded time.
- kill -9 of Neo4j and of the build at several moments of a multi-document load, then restart
  and rerun: the sorted dump of the graph equals that of a clean build.
- Same-named files in different folders both load; true duplicates load once.
- Wrong credentials are reported as such.

These start real servers and processes (about two minutes on two cores); they run in `make test`.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import signal
import socket
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corpus_helpers import doc_path
from policykg.build import Limits, build_corpus, extractor_version
from policykg.cli import app
from policykg.graph import neo4j_server
from policykg.graph.loader import graph_dump
from policykg.settings import get_driver, managed_settings

pytestmark = pytest.mark.neo4j

# Budgets small enough for a test to meet them quickly, far above what the good files need.
TEST_LIMITS = dict(max_mb=8, timeout=20, max_tx_mb=1)


def q(driver, cypher, **params):
    with driver.session() as s:
        return [r.data() for r in s.run(cypher, params)]


def env_for(settings, password=None):
    return {"NEO4J_URI": settings.uri, "NEO4J_USER": settings.user,
            "NEO4J_PASSWORD": password if password is not None else settings.password.get_secret_value()}


def wipe(driver):
    q(driver, "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS")


@pytest.fixture(scope="module", autouse=True)
def restore_shared_graph(neo4j):
    """These tests wipe the session's shared server and fill it with their own documents: put
    the built-in corpus back afterwards, so the tests that read the corpus graph (a session
    fixture that may have loaded before this module ran) see exactly it and nothing else."""
    from conftest_graph import load_corpus

    yield
    with get_driver(neo4j) as driver:
        wipe(driver)
    load_corpus(neo4j)


# -- the hostile folder ---------------------------------------------------------------------------

SIGNATURES = {  # wrong type by content, named .txt
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(64)),
    "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(64)),
    "gif": b"GIF89a\x01\x00\x01\x00\x80\x00\x00" + bytes(32),
    "zip": b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(40)),
    "gzip": b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + bytes(range(40)),
    "elf": b"\x7fELF\x02\x01\x01\x00" + bytes(56),
    "sqlite": b"SQLite format 3\x00" + bytes(84),
    "ole": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(56),
    "class": b"\xca\xfe\xba\xbe\x00\x00\x00\x34" + bytes(40),
    "wasm": b"\x00asm\x01\x00\x00\x00" + bytes(16),
    "bmp": b"BM" + bytes(60),
    "7z": b"7z\xbc\xaf\x27\x1c\x00\x04" + bytes(24),
    "rar": b"Rar!\x1a\x07\x01\x00" + bytes(24),
    "tiff": b"II*\x00\x08\x00\x00\x00" + bytes(24),
}


def hostile_files(root: Path, limits: dict) -> dict[str, str]:
    """Write the hostile files under root/bad; returns {path relative to root: what it is}."""
    bad = root / "bad"
    bad.mkdir()
    made: dict[str, str] = {}

    def put(name: str, data: bytes, what: str) -> None:
        p = bad / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
        made[p.relative_to(root).as_posix()] = what

    for kind, data in SIGNATURES.items():
        put(f"sig/{kind}.txt", data, f"{kind} bytes named .txt")
    put("sig/html.txt", b"<!DOCTYPE html><html><head><title>x</title></head><body><p>hello</p></body></html>",
        "an HTML page named .txt")
    put("sig/html-cn.txt", "<html><body><div>通知</div></body></html>".encode(), "a Chinese HTML page, no plan")
    # Nothing in it.
    put("empty/zero.txt", b"", "zero bytes")
    put("empty/spaces.txt", b"   \t  \n  ", "whitespace only")
    put("empty/ideographic.txt", "\u3000\u3000\n\u3000".encode(), "ideographic spaces only")
    put("empty/blank-lines.txt", b"\n" * 20_000, "20,000 blank lines")
    put("empty/blank-2mb.txt", b"\n" * (2 * 2**20), "2 MB of blank lines")
    put("empty/crlf.txt", b"\r\n" * 50_000, "CRLF only")
    put("empty/bom-only.txt", b"\xef\xbb\xbf", "a UTF-8 byte-order mark alone")
    put("empty/utf16-bom-only.txt", b"\xff\xfe", "a UTF-16 byte-order mark alone")
    # Not text.
    put("binary/nul.txt", b"abc\x00def\x00" * 100, "NUL bytes")
    put("binary/random.txt", bytes((i * 2654435761) % 256 for i in range(20_000)), "pseudo-random bytes")
    put("binary/controls.txt", bytes(range(1, 9)) * 500, "control characters")
    put("binary/bad-utf16.txt", b"\xff\xfe\x00\xd8\x00\xd8" * 50, "UTF-16 BOM then lone surrogates")
    put("binary/utf8-truncated.txt", "重点任务".encode()[:-1] * 200, "UTF-8 cut mid-character, repeated")
    put("binary/latin1.txt", "Plan d'action pour l'économie numérique".encode("latin-1"), "latin-1 French")
    # Text, but not a plan: no headings, no tasks, no clauses.
    put("prose/english.txt", b"This is an ordinary English letter.\nIt has no numbered headings at all.\n" * 20,
        "English prose")
    put("prose/chinese.txt", "这是一段普通的文字，没有任何编号标题，也没有责任分工。\n".encode() * 40, "Chinese prose")
    put("prose/title-only.txt", "深圳市某某规划\n".encode(), "a title alone")
    put("prose/emoji.txt", "😀🎉🚀\n".encode() * 100, "emoji only")
    put("prose/one-long-line.txt", ("长" * 400_000).encode(), "one line of 400,000 characters")
    put("prose/commas.txt", ("，" * 300_000).encode(), "300,000 commas")
    put("prose/brackets.txt", ("（" * 100_000 + "）" * 100_000).encode(), "100,000 nested brackets")
    put("prose/you.txt", ("由" + "甲" * 100_000 + "牵头").encode(), "a 由…牵头 with a 100,000-character name")
    put("prose/labels.txt", ("牵头单位：" * 20_000).encode(), "20,000 empty 牵头单位 labels")
    put("prose/markdown.md", b"# Title\n\nSome *markdown* text without a plan's structure.\n", "Markdown, no plan")
    put("prose/json.txt", json.dumps({"title": "规划", "tasks": []}, ensure_ascii=False).encode(), "JSON")
    put("prose/csv.txt", "部门,任务\n市发展改革委,推进\n".encode() * 100, "CSV")
    put("prose/rtl.txt", "مرحبا بالعالم\n".encode() * 50, "Arabic text")
    put("prose/zero-width.txt", "\u200b\u200c\u200d\ufeff".encode() * 500, "zero-width characters")
    # Over a budget.
    big = bad / "budget/over-size.txt"
    big.parent.mkdir(parents=True)
    with open(big, "wb") as fh:  # sparse: costs no disk, refused before it is read
        fh.truncate(int((limits["max_mb"] + 1) * 2**20))
    made["bad/budget/over-size.txt"] = "over the size budget"
    put("budget/cannot-fit.txt", b"\n" * int(1.2 * 2**20) + "测试规划\n一、重点任务\n（一）推进。\n".encode(),
        "a plan whose text alone (1.2 MB) is over the 1 MB transaction budget")
    # Named to sort last: the worker killed at the time-out need not be restarted for others.
    slow = root / "zz/slow.txt"
    slow.parent.mkdir()
    slow.write_text(doc_path("2016").read_text(encoding="utf-8") * 30, encoding="utf-8")
    made["zz/slow.txt"] = "a 3 MB plan: over the time budget"
    # Not regular files, or not reachable.
    (bad / "special").mkdir()
    os.mkfifo(bad / "special/fifo.txt")
    made["bad/special/fifo.txt"] = "a FIFO"
    here = os.getcwd()
    os.chdir(bad / "special")  # a socket path is limited to 108 bytes: bind it relative
    try:
        srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        srv.bind("socket.txt")
        srv.close()
    finally:
        os.chdir(here)
    made["bad/special/socket.txt"] = "a socket"
    (bad / "special/null.txt").symlink_to("/dev/null")
    made["bad/special/null.txt"] = "a link to a character device"
    (bad / "special/zero.txt").symlink_to("/dev/zero")
    made["bad/special/zero.txt"] = "a link to /dev/zero"
    (bad / "special/broken.txt").symlink_to(bad / "special/missing-target.txt")
    made["bad/special/broken.txt"] = "a broken symbolic link"
    (bad / "special/loop-a.txt").symlink_to(bad / "special/loop-b.txt")
    (bad / "special/loop-b.txt").symlink_to(bad / "special/loop-a.txt")
    made["bad/special/loop-a.txt"] = "a symbolic link loop"
    made["bad/special/loop-b.txt"] = "a symbolic link loop"
    (bad / "special/loop-dir").symlink_to(bad / "special", target_is_directory=True)
    made["bad/special/loop-dir"] = "a folder link back to its parent"
    locked = bad / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_bytes(doc_path("2015").read_bytes())
    if os.geteuid() != 0:  # root reads any folder: the case exists only for other users
        locked.chmod(0)
        made["bad/locked"] = "an unreadable folder"
    # Names.
    put("names/line\nbreak.txt", b"", "a name with a newline, empty")
    put("names/" + "长" * 80 + ".txt", b"\x00", "a 240-byte name, binary")
    put("names/ spaced  name .txt", "深圳\n".encode(), "spaces in the name, a title alone")
    put("names/dots..in..the..name..txt", b"", "dots in the name, empty")
    put("names/unicode-ü-名.txt", b"\xff" * 100, "non-ASCII name, undecodable")
    # Half-written or damaged.
    put("damaged/truncated-utf16.txt", "一、任务".encode("utf-16")[:-1], "UTF-16 with an odd byte count")
    put("damaged/gbk-garbage.txt", bytes([0x81, 0x30]) * 500, "GB18030 lead bytes without trails")
    put("damaged/mixed.txt", "一、重点任务\n".encode() + b"\x00\xff\x00\xff" * 200, "text then binary")
    put("damaged/structure-only.txt", "一、\n二、\n三、\n".encode(), "markers without text")
    return made


def good_files(root: Path) -> dict[str, dict[str, int]]:
    """Good plans, some with the same name in different folders; {path: expected edge counts}."""
    want = {}
    for rel, key, counts in [("a/plan.txt", "2015", {"LEADS": 25, "SUPPORTS": 43}),
                             ("b/plan.txt", "2021", {"RESPONSIBLE_FOR": 99}),
                             ("c/十二五 规划.txt", "2011", None),
                             ("c/十二五-规划.txt", "2016", None)]:
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(doc_path(key).read_bytes())
        want[rel] = counts
    # A true duplicate: reported, loaded once.
    (root / "a/z-copy-of-plan.txt").write_bytes(doc_path("2015").read_bytes())
    # One clause naming 400 agencies: its facts (every edge quotes the clause) are over the 1 MB
    # transaction budget, so it is staged in several transactions and switched in whole.
    clause = "大规划\n一、重点任务\n（一）推进数据开放。\n（牵头单位：" + "、".join(f"市第{i}局" for i in range(400)) + "）\n"
    (root / "d").mkdir()
    (root / "d/huge-clause.txt").write_text(clause, encoding="utf-8")
    want["d/huge-clause.txt"] = {"LEADS": 400}
    return want


def test_hostile_folder_loads_every_good_file_and_names_every_bad_one(neo4j, neo4j_driver, tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    bad = hostile_files(root, TEST_LIMITS)
    good = good_files(root)
    assert len(bad) >= 60
    wipe(neo4j_driver)
    t0 = time.monotonic()
    res = CliRunner().invoke(app, ["build", str(root), "--format", "json", "--max-mb", str(TEST_LIMITS["max_mb"]),
                                   "--timeout", str(TEST_LIMITS["timeout"]), "--max-tx-mb", str(TEST_LIMITS["max_tx_mb"])],
                             env=env_for(neo4j))
    elapsed = time.monotonic() - t0
    assert res.exit_code == 1, res.output
    report = json.loads(res.stdout)
    by_path = {d["path"]: d for d in report["documents"]}

    def reported(rel):
        return by_path.get(rel) or by_path.get(str(root / rel))

    outcomes, wrong = [], []
    for rel, what in sorted(bad.items()):
        d = reported(rel)
        outcomes.append(f"{what}: {d['status']}: {d['reason']}" if d else f"{what}: MISSING")
        if d is None or d["status"] not in ("error", "empty") or not d["reason"]:
            wrong.append((rel, what, d))
    # The note lists each case with its outcome (pytest -s shows it).
    print("\n".join(outcomes))
    assert not wrong
    for rel, counts in good.items():
        d = by_path[rel]
        assert d["status"] == "loaded", d
        if counts:
            got = {r["t"]: r["n"] for r in q(neo4j_driver, """
                MATCH (:Plan {id: $id})-[:HAS_TASK]->(:Task)<-[r]-(:Agency) RETURN type(r) AS t, count(r) AS n""",
                id=d["doc_id"])}
            assert got == counts, (rel, got)
    assert len({by_path[rel]["doc_id"] for rel in good}) == len(good)  # same names, different ids
    dup = by_path["a/z-copy-of-plan.txt"]
    assert dup["status"] == "duplicate" and dup["doc_id"] == by_path["a/plan.txt"]["doc_id"]
    assert q(neo4j_driver, "MATCH (p:Plan) RETURN count(p) AS n") == [{"n": len(good)}]
    assert elapsed < 240, elapsed


def test_same_named_files_in_different_folders_both_load(neo4j_driver, tmp_path):
    for folder, title in (("x", "甲规划"), ("y", "乙规划")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "dup.txt").write_text(
            f"{title}\n\n一、重点任务\n（一）推进{title}。\n（牵头单位：市发展改革委）\n", encoding="utf-8")
    report = build_corpus([tmp_path], neo4j_driver, limits=Limits(timeout_s=None))
    assert [(d.path, d.status) for d in report.documents] == [("x/dup.txt", "loaded"), ("y/dup.txt", "loaded")]
    ids = [d.doc_id for d in report.documents]
    assert len(set(ids)) == 2
    rows = q(neo4j_driver, "MATCH (p:Plan) WHERE p.id IN $ids RETURN p.title AS t, p.path AS path ORDER BY t", ids=ids)
    assert rows == [{"t": "乙规划", "path": "y/dup.txt"}, {"t": "甲规划", "path": "x/dup.txt"}]
    again = build_corpus([tmp_path], neo4j_driver, limits=Limits(timeout_s=None))
    assert [d.doc_id for d in again.documents] == ids  # same input, same ids


def test_wrong_credentials_are_reported_as_such(neo4j):
    # Another user name: Neo4j locks a user out for a while after failed logins, and the other
    # tests log in as neo4j.
    env = {**env_for(neo4j, password="not-the-password"), "NEO4J_USER": "intruder"}
    res = CliRunner().invoke(app, ["build", str(doc_path("2015"))], env=env)
    assert res.exit_code == 2
    assert "credentials" in res.output.lower() and "cannot reach" not in res.output.lower()
    assert "not-the-password" not in res.output


# -- kill -9 of the server and of the build -------------------------------------------------------

def small_plan(n: int) -> str:
    """A short plan with tasks, responsibility clauses, an entity and a citation of the previous
    one (so SAME_AS links cross documents, whatever order they load in)."""
    cite = f"为落实《测试规划第{n - 1}号》（深府〔2020〕{n - 1}号），" if n > 1 else ""
    return (f"测试规划第{n}号\n\n深府〔2020〕{n}号\n\n{cite}制定本规划。\n一、重点任务\n"
            f"（一）推进数据开放{n}。支持华为建设5G网络。\n（牵头单位：市发展改革委，配合单位：市科技创新委、市财政局）\n"
            f"（二）建设城市大脑{n}。\n（责任单位：市政务服务数据管理局、市公安局）\n")


def multi_doc_corpus(root: Path) -> int:
    """Eight documents (three built-in plans, five short ones), so that kills land at different
    moments of the load."""
    (root / "plans").mkdir(parents=True)
    for key in ("2009", "2015", "2021"):
        (root / "plans" / f"{key}.txt").write_bytes(doc_path(key).read_bytes())
    (root / "small").mkdir()
    for n in range(1, 6):
        (root / "small" / f"p{n}.txt").write_text(small_plan(n), encoding="utf-8")
    return 8


def _cli_child(argv: list[str], env: dict[str, str], out: str, errs: str) -> None:  # pragma: no cover - child
    os.environ.update(env)
    sys.stdout = open(out, "w", buffering=1, encoding="utf-8")
    sys.stderr = open(errs, "w", buffering=1, encoding="utf-8")
    try:
        app(argv, prog_name="policykg")
    except SystemExit as exc:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(exc.code if isinstance(exc.code, int) else 1)
    os._exit(0)


class Build:
    """`policykg build ROOT` in a child process forked from this one, so that it inherits the
    NLP model this process has loaded (a fresh process would load it again for every run).
    `--timeout 0` keeps extraction in that process: killing it kills the whole build."""

    def __init__(self, root: Path, settings, tmp: Path, n: int):
        self.out, self.err = tmp / f"out{n}.txt", tmp / f"err{n}.txt"
        ctx = mp.get_context("fork")
        self.proc = ctx.Process(target=_cli_child, args=(["build", str(root), "--timeout", "0"], env_for(settings),
                                                          str(self.out), str(self.err)))
        self.proc.start()

    def stderr(self) -> str:
        return self.err.read_text(encoding="utf-8") if self.err.exists() else ""

    def wait_loaded(self, k: int, timeout: float = 120) -> None:
        """Until k documents were newly loaded in this run."""
        deadline = time.monotonic() + timeout
        while self.stderr().count("] loaded:") < k:
            assert self.proc.is_alive(), f"the build ended before {k} loads: {self.stderr()}"
            assert time.monotonic() < deadline, self.stderr()
            time.sleep(0.05)

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.join(10)

    def wait(self, timeout: float) -> int:
        self.proc.join(timeout)
        assert not self.proc.is_alive(), f"still running after {timeout} s: {self.stderr()}"
        return self.proc.exitcode


def test_kill_server_and_build_at_several_moments_then_rerun_equals_clean_build(neo4j_config_factory, tmp_path):
    from policykg.extract.pipeline import extract_document

    extract_document(doc_path("2021"))  # load the NLP model here once: the forked builds inherit it
    # Fix the extractor version (a hash of the extraction code) for every run: the forked builds
    # inherit it with the code, so a source edit elsewhere in the checkout does not count as a change.
    extractor_version()
    config = neo4j_config_factory()
    root = tmp_path / "corpus"
    total = multi_doc_corpus(root)
    neo4j_server.start(config, timeout=240)
    try:
        settings = managed_settings(config)
        outcomes, run = [], 0
        # kill -9 of the build after its first load, and of Neo4j after the next one, twice.
        for moment in (1, 2):
            run += 1
            b = Build(root, settings, tmp_path, run)
            b.wait_loaded(moment)
            b.kill()
            outcomes.append(f"build killed (-9) after {moment} new load(s) of that run")
            run += 1
            b = Build(root, settings, tmp_path, run)
            b.wait_loaded(1)
            os.kill(neo4j_server.status(config).pid, signal.SIGKILL)
            t0 = time.monotonic()
            code = b.wait(60)
            stopped_in = time.monotonic() - t0
            errs = b.stderr()
            assert code == 2, errs
            assert "build stopped" in errs and "went away" in errs and "run the same build again" in errs, errs
            assert "not loaded:" in errs
            assert stopped_in < 20, stopped_in
            outcomes.append(f"Neo4j killed (-9) after 1 load: the build stopped in {stopped_in:.1f} s, exit 2, "
                            "with what was not loaded and how to resume")
            neo4j_server.start(config, timeout=240)
            settings = managed_settings(config)
        # Rerun to the end: what loaded before is skipped, the rest loads.
        run += 1
        b = Build(root, settings, tmp_path, run)
        assert b.wait(300) == 0, b.stderr()
        out = b.out.read_text(encoding="utf-8")
        assert f"{total} of {total} documents loaded" in out, out
        skipped = b.stderr().count("] unchanged:")
        assert 0 < skipped < total, b.stderr()
        outcomes.append(f"rerun: {skipped} unchanged skipped, {total - skipped} loaded")
        with get_driver(settings) as driver:
            resumed = graph_dump(driver)
            # A clean build of the same input into an empty graph gives the same sorted dump.
            wipe(driver)
            clean = build_corpus([root], driver, limits=Limits(timeout_s=None))
            assert clean.ok
            assert graph_dump(driver) == resumed
        outcomes.append(f"dump after kills and rerun == dump of a clean build ({len(resumed)} lines)")
        print("\n".join(outcomes))
    finally:
        neo4j_server.stop(config)
