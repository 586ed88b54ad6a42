"""The distribution: build the wheel, install it into a venv outside the checkout and use it.

What this proves is that an installed policykg needs nothing from the repository: the corpus,
registries, viewer scripts, Neo4j pom and gold set come out of the wheel (importlib.resources),
and the home folder is not looked for beside the sources.

To stay fast the temp venv borrows the already-installed dependencies of the test interpreter
(a .pth file naming its site-packages) and gets only the wheel itself, with --no-deps. The .pth
is written after the install, so pip never sees the checkout's editable policykg there.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

from conftest import free_port
from policykg.paths import home
from policykg.settings import Neo4jSettings

# Tests that use the session's Neo4j (through user_env) are marked `neo4j` by conftest.py.
pytestmark = pytest.mark.wheel

CHECKOUT = Path(__file__).resolve().parent.parent
# Not part of the source: local state, build output, caches.
NOT_SOURCE = shutil.ignore_patterns(".venv", ".policykg", ".git", "__pycache__", "build", "dist",
                                    "*.egg-info", ".pytest_cache", "artifacts", ".env")


def _pyproject() -> dict:
    import tomllib  # the tests run on 3.11+ (CI's interpreter); the package itself falls back to tomli

    return tomllib.loads((CHECKOUT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_subpackage_is_listed_in_pyproject():
    """`packages` is a hand-written list (package-dir maps top-level folders into policykg.*):
    a new folder with an __init__.py that is not listed would be missing from the wheel."""
    setuptools = _pyproject()["tool"]["setuptools"]
    expected = set()
    for package, folder in setuptools["package-dir"].items():
        for init in (CHECKOUT / folder).rglob("__init__.py"):
            rel = init.parent.relative_to(CHECKOUT / folder).parts
            # Mapped folders nest (tests/gold inside nothing mapped, extract/ inside nothing): a
            # subfolder that is itself mapped is counted under its own mapping.
            expected.add(".".join((package, *rel)))
    assert expected - set(setuptools["packages"]) == set()


def test_tomllib_imports_fall_back_to_tomli():
    """Python 3.10 is supported and has no tomllib: every import of it in the package is the
    try/except that falls back to tomli (a dependency on python<3.11)."""
    bare = []
    for folder in _pyproject()["tool"]["setuptools"]["package-dir"].values():
        for path in (CHECKOUT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            guarded = {id(n) for t in ast.walk(tree) if isinstance(t, ast.Try)
                       and any("ModuleNotFoundError" in ast.unparse(h.type or ast.Name("")) for h in t.handlers)
                       for n in ast.walk(ast.Module(body=t.body, type_ignores=[]))}
            for node in ast.walk(tree):
                if isinstance(node, ast.Import) and any(a.name == "tomllib" for a in node.names) \
                        and id(node) not in guarded:
                    bare.append(f"{path.relative_to(CHECKOUT)}:{node.lineno}")
    assert bare == []


def run(args: list[str], env: dict[str, str], cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    proc = subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, f"{args} exited {proc.returncode}:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built from a copy of the checkout (so no build/ or egg-info lands in it)."""
    base = tmp_path_factory.mktemp("wheel")
    src = base / "src"
    shutil.copytree(CHECKOUT, src, ignore=NOT_SOURCE)
    # No build isolation: setuptools and wheel come from the test venv, nothing is downloaded.
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(base), str(src)],
        env=dict(os.environ), cwd=base)
    (built,) = base.glob("policykg-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A venv outside the checkout with the wheel installed; its bin/ folder."""
    root = tmp_path_factory.mktemp("venv")
    run([sys.executable, "-m", "venv", "--without-pip", str(root)], env=dict(os.environ), cwd=root)
    python = root / "bin" / "python"
    # The test interpreter's pip, run against the new venv's interpreter.
    run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", str(wheel)],
        env=dict(os.environ), cwd=root)
    purelib = run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                  env=dict(os.environ), cwd=root).stdout.strip()
    # Every site-packages folder the test interpreter sees (a .pth in one of them is not followed
    # from a borrowed path, so list them all); the checkout itself is not among them.
    borrowed = [p for p in sys.path if Path(p).name == "site-packages" and Path(p).is_dir()]
    Path(purelib, "borrowed-dependencies.pth").write_text("".join(f"{p}\n" for p in borrowed))
    return root / "bin"


@pytest.fixture
def user_env(venv, neo4j: Neo4jSettings, tmp_path) -> dict[str, str]:
    """A user's environment: their own Neo4j in NEO4J_*, the installed policykg first on PATH."""
    return {
        "PATH": f"{venv}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": str(tmp_path / "user"),
        "LANG": "C.UTF-8",
        # The project home of this test session: it holds the pkuseg model the extraction needs.
        "POLICYKG_HOME": str(home()),
        "NEO4J_URI": neo4j.uri,
        "NEO4J_USER": neo4j.user,
        "NEO4J_PASSWORD": neo4j.password.get_secret_value(),
        "NEO4J_DATABASE": neo4j.database,
        **({"JAVA_HOME": os.environ["JAVA_HOME"]} if "JAVA_HOME" in os.environ else {}),
    }


def test_wheel_ships_every_file_of_the_mapped_folders(wheel):
    """Every file of every folder pyproject maps into the package (sources, corpus, registries,
    gold, viewer pages, models) is in the wheel, at its package path; nothing lies outside it."""
    names = set(zipfile.ZipFile(wheel).namelist())
    src = wheel.parent / "src"  # the copy the wheel was built from
    expected = set()
    for package, folder in _pyproject()["tool"]["setuptools"]["package-dir"].items():
        for path in (src / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                expected.add("/".join((*package.split("."), *path.relative_to(src / folder).parts)))
    assert expected - names == set()
    for needed in ("policykg/graph/neo4j_pom.xml", "policykg/viewer/app.py", "policykg/viewer/screens/overview.py",
                   "policykg/schema/registries/agencies.toml", "policykg/gold/sz-internet-2009.json"):
        assert needed in names
    assert all(n.startswith(("policykg/", "policykg-")) for n in names), sorted(names)[:20]


def test_installed_copy_is_the_wheel_and_finds_its_data(venv, user_env, tmp_path):
    code = ("import policykg, policykg.paths as p; print(policykg.__file__);"
            "print(all(f().exists() for f in (p.corpus_dir, p.registry_dir, p.gold_dir, p.viewer_app, p.neo4j_pom)))")
    out = run([str(venv / "python"), "-c", code], env=user_env, cwd=tmp_path).stdout.splitlines()
    assert Path(out[0]).is_relative_to(venv.parent), out[0]  # not the checkout's sources
    assert out[1] == "True"


def test_home_defaults_to_the_user_data_dir_outside_a_checkout(venv, user_env, tmp_path):
    env = {k: v for k, v in user_env.items() if k != "POLICYKG_HOME"}
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")
    out = run([str(venv / "python"), "-c", "from policykg.paths import home; print(home())"], env=env, cwd=tmp_path)
    assert Path(out.stdout.strip()) == tmp_path / "xdg" / "policykg"


def test_build_query_and_eval_from_the_wheel(venv, user_env, tmp_path):
    # --force: the session's graph may already hold the corpus, and unchanged documents would be
    # skipped; the point is to extract them with the installed code, registries and models.
    built = run([str(venv / "policykg"), "build", "--force"], env=user_env, cwd=tmp_path)
    assert "5 of 5 documents loaded" in built.stdout, built.stdout[-2000:]
    counted = run([str(venv / "policykg"), "query", "MATCH (p:Plan)-[:HAS_TASK]->(t:Task) "
                   "RETURN count(DISTINCT p) AS plans, count(t) AS tasks", "--format", "json"],
                  env=user_env, cwd=tmp_path)
    (row,) = json.loads(counted.stdout)
    assert row["plans"] >= 5 and row["tasks"] > 100
    scored = run([str(venv / "policykg"), "eval", "--format", "json"], env=user_env, cwd=tmp_path)
    report = json.loads(scored.stdout)
    assert report["sources"], "the shipped gold set was not found"


def test_viewer_health_from_the_wheel(venv, user_env, tmp_path):
    port = free_port()
    # Own session, so the whole group (policykg and the Streamlit it starts) can be stopped.
    proc = subprocess.Popen([str(venv / "policykg"), "view", "--no-browser", "--port", str(port)], env=user_env,
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as resp:
                    assert resp.status == 200 and resp.read() == b"ok"
                    break
            except OSError:
                assert proc.poll() is None, proc.stdout.read().decode(errors="replace")
                assert time.monotonic() < deadline, "viewer did not answer"
                time.sleep(0.5)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def test_viewer_pages_run_from_the_wheel(venv, user_env, tmp_path):
    """The health check only proves Streamlit is up; this runs the installed app and a page."""
    code = (
        "from streamlit.testing.v1 import AppTest; from policykg.paths import viewer_app\n"
        "at = AppTest.from_file(str(viewer_app()), default_timeout=120); at.run()\n"
        "assert not at.exception, [e.value for e in at.exception]\n"
        "at.switch_page('screens/agency.py'); at.run()\n"
        "assert not at.exception, [e.value for e in at.exception]\n"
        "print('pages ok')\n"
    )
    out = run([str(venv / "python"), "-c", code], env=user_env, cwd=tmp_path)
    assert out.stdout.strip().endswith("pages ok")


def test_managed_server_status_from_the_wheel(venv, user_env, tmp_path):
    """`policykg neo4j status` of the installed copy reads the pinned version from the shipped
    pom and places the server under the home it was given (exit 3: not running)."""
    env = {k: v for k, v in user_env.items() if not k.startswith("NEO4J_")}
    env |= {"POLICYKG_HOME": str(tmp_path / "home"), "POLICYKG_NEO4J_PORT": str(free_port()), "COLUMNS": "300"}
    proc = subprocess.run([str(venv / "policykg"), "neo4j", "status"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 3, proc.stdout + proc.stderr
    assert "stopped" in proc.stdout and str(tmp_path / "home" / "neo4j" / "server") in proc.stdout
