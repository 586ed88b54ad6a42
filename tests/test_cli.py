"""The command line's skeleton: light start-up, choices checked by typer, no cross-imports."""

from __future__ import annotations

import ast
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil
import pytest
from typer.testing import CliRunner

from conftest import free_port
from policykg.cli import app

HEAVY = ("neo4j", "pandas", "numpy", "spacy", "streamlit")
CLI_MODULES = sorted((Path(__file__).resolve().parent.parent / "policykg").glob("cli*.py"))


def _imported_modules(*args: str) -> set[str]:
    """Top-level modules `python -X importtime -m policykg ARGS` imports (from its stderr)."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "policykg", *args],
                          capture_output=True, text=True, timeout=120)
    assert "Usage" in proc.stdout + proc.stderr, proc.stderr[-2000:]
    names = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    assert "typer" in names  # the parse found the import lines at all
    return names


def test_help_imports_no_heavy_module():
    assert not set(HEAVY) & _imported_modules("--help")


def _command_names() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)


@pytest.mark.parametrize("command", _command_names())
def test_a_subcommand_help_imports_no_heavy_module(command):
    # `<command> --help` parses the command's signature but must not run its lazy imports.
    assert not set(HEAVY) & _imported_modules(command, "--help")


@pytest.mark.parametrize(
    "args",
    [
        ["extract", "x.txt", "--format", "yaml"],
        ["agencies", "--format", "yaml"],
        ["eval", "--format", "yaml"],
        ["query", "RETURN 1", "--format", "yaml"],
        ["matrix", "-o", "m.csv", "--format", "yaml"],
        ["export", "-o", "g.out", "--format", "yaml"],
    ],
)
def test_unknown_format_is_rejected_by_typer(args):
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 2  # click's usage error, before the command body runs
    assert "Invalid value for '--format'" in res.output and "'yaml' is not one of" in res.output


def test_help_lists_the_format_choices():
    res = CliRunner().invoke(app, ["query", "--help"], terminal_width=200)
    assert res.exit_code == 0
    assert "table" in res.output and "json" in res.output and "csv" in res.output


@pytest.mark.parametrize("path", CLI_MODULES, ids=lambda p: p.name)
def test_command_modules_share_only_cli_common(path):
    """cli.py, cli_views.py and cli_neo4j.py take shared helpers from cli_common, never from
    each other, and no private name crosses a module boundary."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("policykg.cli"):
            names = [a.name for a in node.names]
            assert not [n for n in names if n.startswith("_")], f"{path.name} imports private {names}"
            if path.name != "cli.py":
                assert node.module == "policykg.cli_common", f"{path.name} imports {node.module}"


def test_view_stops_streamlit_when_it_is_terminated():
    """SIGTERM to `policykg view` ends the Streamlit server it started (no orphan on the port)."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "policykg", "view", "--no-browser", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as resp:
                    assert resp.read() == b"ok"
                    break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stdout.read().decode(errors="replace")
                time.sleep(0.5)
        children = psutil.Process(proc.pid).children(recursive=True)
        assert children  # Streamlit runs as a child of policykg
        proc.send_signal(signal.SIGTERM)  # to policykg only, not its process group
        assert proc.wait(timeout=30) == 0
        gone, alive = psutil.wait_procs(children, timeout=30)
        assert alive == []
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


NO_NEO4J_ENV = {"NEO4J_USER": None, "NEO4J_USERNAME": None, "NEO4J_PASSWORD": None, "NEO4J_DATABASE": None}


@pytest.mark.parametrize("command,verb", [("start", "starts"), ("stop", "stops")])
def test_neo4j_start_and_stop_leave_a_user_server_alone(command, verb, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no .env of the cwd
    env = {**NO_NEO4J_ENV, "NEO4J_URI": "bolt://127.0.0.1:1", "POLICYKG_HOME": str(tmp_path / "home")}
    res = CliRunner().invoke(app, ["neo4j", command], env=env, terminal_width=200)
    assert res.exit_code == 0, res.output
    assert f"policykg uses that server and {verb} nothing" in " ".join(res.output.split())  # rich wraps
    assert not (tmp_path / "home" / "neo4j").exists()  # nothing installed, started or stopped


def test_neo4j_status_of_an_unreachable_user_server_exits_3(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    env = {**NO_NEO4J_ENV, "NEO4J_URI": f"bolt://127.0.0.1:{free_port()}", "NEO4J_PASSWORD": "never-printed-secret"}
    res = CliRunner().invoke(app, ["neo4j", "status"], env=env, terminal_width=200)
    assert res.exit_code == 3
    out = " ".join(res.output.split())  # rich wraps at its own width
    assert "is not reachable" in out and "never-printed-secret" not in res.output.replace("\n", "")


def test_neo4j_status_of_a_managed_server_not_started_exits_3(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("policykg.settings.checkout_root", lambda: tmp_path)  # ignore a developer's .env
    env = {**NO_NEO4J_ENV, "NEO4J_URI": None, "POLICYKG_HOME": str(tmp_path / "home"),
           "POLICYKG_NEO4J_PORT": str(free_port())}
    res = CliRunner().invoke(app, ["neo4j", "status"], env=env, terminal_width=200)
    assert res.exit_code == 3
    assert "stopped" in res.output and str(tmp_path / "home") in res.output.replace("\n", "")
