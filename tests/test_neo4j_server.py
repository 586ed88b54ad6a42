"""The managed Neo4j server, against a real server (no mocks): lifecycle, config, security."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psutil
import pytest
from neo4j import READ_ACCESS
from neo4j.exceptions import ClientError

from policykg.graph import neo4j_server
from policykg.graph.neo4j_server import Neo4jSetupError, ServerConfig
from policykg import settings as settings_module
from policykg.settings import get_driver, managed_settings, neo4j_settings

# ---------------------------------------------------------------------------------------------
# The session's shared server


@pytest.mark.neo4j
def test_start_twice_is_a_noop(neo4j_server_config, neo4j):
    first = neo4j_server.status(neo4j_server_config)
    again = neo4j_server.start(neo4j_server_config)
    assert first.running and again.running
    assert again.pid == first.pid


@pytest.mark.neo4j
def test_status_reports_running(neo4j_server_config, neo4j):
    st = neo4j_server.status(neo4j_server_config)
    assert st.running and st.reachable
    assert st.pid == int(neo4j_server_config.pid_file.read_text())
    assert st.bolt_uri == neo4j.uri == f"bolt://127.0.0.1:{neo4j_server_config.bolt_port}"
    assert st.version == neo4j_server.NEO4J_VERSION
    assert st.data_dir == neo4j_server_config.home / "data"


@pytest.mark.neo4j
def test_fixture_ignores_neo4j_uri(neo4j, neo4j_server_config, monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:1")
    assert neo4j.managed
    assert neo4j.uri == neo4j_server_config.bolt_uri
    assert managed_settings(neo4j_server_config).uri == neo4j_server_config.bolt_uri


@pytest.mark.neo4j
def test_write_then_read(neo4j_driver, neo4j):
    token = uuid.uuid4().hex
    neo4j_driver.execute_query("CREATE (:PkgTest {token: $t})", t=token, database_=neo4j.database)
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (n:PkgTest {token: $t}) RETURN count(n) AS n", t=token, database_=neo4j.database
    )
    assert records[0]["n"] == 1
    neo4j_driver.execute_query("MATCH (n:PkgTest) DELETE n", database_=neo4j.database)


@pytest.mark.neo4j
def test_read_access_session_cannot_write(neo4j_driver, neo4j):
    with neo4j_driver.session(database=neo4j.database, default_access_mode=READ_ACCESS) as session:
        with pytest.raises(ClientError) as refused:
            session.run("CREATE (:PkgTest {token: 'read-mode'})").consume()
    assert "AccessMode" in refused.value.code  # Neo.ClientError.Statement.AccessMode
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (n:PkgTest {token: 'read-mode'}) RETURN count(n) AS n", database_=neo4j.database
    )
    assert records[0]["n"] == 0


def _listening_addresses(pid: int) -> set[str]:
    """host:port of every TCP socket the process listens on, from /proc (Linux)."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = set()
    for table in ("tcp", "tcp6"):
        for line in Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] != "0A" or fields[9] not in inodes:  # 0A: LISTEN
                continue
            host_hex, port_hex = fields[1].split(":")
            raw = bytes.fromhex(host_hex)
            # /proc prints addresses as native-endian 32-bit words.
            words = [raw[i : i + 4][::-1] for i in range(0, len(raw), 4)]
            host = b"".join(words)
            if len(host) == 16 and host[:12] == b"\0" * 10 + b"\xff\xff":  # IPv4-mapped
                host = host[12:]
            text = ".".join(map(str, host)) if len(host) == 4 else host.hex()
            found.add(f"{text}:{int(port_hex, 16)}")
    return found


@pytest.mark.neo4j
def test_conf_and_sockets_are_loopback_only(neo4j_server_config, neo4j):
    conf = dict(
        line.split("=", 1)
        for line in neo4j_server_config.conf_file.read_text().splitlines()
        if "=" in line and not line.startswith("#") and "jvm.additional" not in line
    )
    assert conf["server.default_listen_address"] == "127.0.0.1"
    assert conf["server.bolt.listen_address"] == f"127.0.0.1:{neo4j_server_config.bolt_port}"
    assert conf["server.http.enabled"] == "false"
    assert conf["dbms.security.auth_enabled"] == "true"
    for key, value in conf.items():
        if key.endswith("_address"):
            assert value.startswith("127.0.0.1"), key
    pid = neo4j_server.status(neo4j_server_config).pid
    assert _listening_addresses(pid) == {f"127.0.0.1:{neo4j_server_config.bolt_port}"}


@pytest.mark.neo4j
def test_password_is_private_and_never_logged(neo4j_server_config, neo4j):
    password = neo4j.password.get_secret_value()
    assert len(password) >= 32
    assert password == neo4j_server.read_password(neo4j_server_config)
    assert stat.S_IMODE(neo4j_server_config.password_file.stat().st_mode) == 0o600
    assert password not in repr(neo4j) and password not in str(neo4j)
    logs = [*neo4j_server_config.logs_dir.rglob("*"), *neo4j_server.neo4j_root().glob("*.log")]
    written = [p for p in logs if p.is_file()]
    assert any(p.name == "neo4j.log" for p in written)
    for path in written:
        assert password not in path.read_text(errors="replace"), path
    assert password not in neo4j_server_config.conf_file.read_text()


# ---------------------------------------------------------------------------------------------
# A second server of this module's own, for stop/start (the shared one must stay up)


@pytest.fixture(scope="module")
def lifecycle_config(neo4j_config_factory):
    config = neo4j_config_factory()
    yield config
    neo4j_server.stop(config)


def _server_processes(config: ServerConfig) -> list[int]:
    """Live processes whose command line runs a server for this home."""
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            args = (proc / "cmdline").read_bytes().split(b"\0")
            state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if f"--home-dir={config.home}".encode() in args and state != "Z":
            pids.append(int(proc.name))
    return pids


@pytest.mark.neo4j
def test_data_persists_across_stop_and_start(lifecycle_config):
    token = uuid.uuid4().hex
    first = neo4j_server.start(lifecycle_config)
    settings = managed_settings(lifecycle_config)
    with get_driver(settings) as driver:
        driver.execute_query("CREATE (:PkgTest {token: $t})", t=token)
    assert neo4j_server.stop(lifecycle_config)
    second = neo4j_server.start(lifecycle_config)
    assert second.pid != first.pid
    with get_driver(settings) as driver:
        records, _, _ = driver.execute_query(
            "MATCH (n:PkgTest {token: $t}) RETURN count(n) AS n", t=token
        )
    assert records[0]["n"] == 1


@pytest.mark.neo4j
def test_stop_leaves_no_process(lifecycle_config):
    pid = neo4j_server.start(lifecycle_config).pid
    assert _server_processes(lifecycle_config) == [pid]
    assert neo4j_server.stop(lifecycle_config) is True
    assert _server_processes(lifecycle_config) == []
    assert not lifecycle_config.pid_file.exists()
    assert not neo4j_server.status(lifecycle_config).running
    assert neo4j_server.stop(lifecycle_config) is False
    # A clean shutdown, not a kill: Neo4j logged its own "Stopped."
    assert (lifecycle_config.logs_dir / "neo4j.log").read_text().rstrip().endswith("Stopped.")


@pytest.mark.neo4j
def test_stale_pid_file_is_ignored(lifecycle_config):
    neo4j_server.stop(lifecycle_config)
    lifecycle_config.pid_file.write_text(f"{os.getpid()}\n")  # alive, but not Neo4j
    assert not neo4j_server.status(lifecycle_config).running
    assert not lifecycle_config.pid_file.exists()
    lifecycle_config.pid_file.write_text("999999999\n")  # no such process
    st = neo4j_server.start(lifecycle_config)
    assert st.running and st.reachable and st.pid != 999999999


# ---------------------------------------------------------------------------------------------
# Setup errors and settings (no server needed)


def test_process_checks_tell_our_server_from_other_and_dead_processes(tmp_path):
    config = ServerConfig(home=tmp_path / "server", bolt_port=1)
    # A stand-in whose command line carries what a real server's does (main class, home dir).
    sleeper = [sys.executable, "-c", "import time; time.sleep(60)"]
    ours = subprocess.Popen([*sleeper, neo4j_server.MAIN_CLASS, f"--home-dir={config.home}"])
    other_home = subprocess.Popen([*sleeper, neo4j_server.MAIN_CLASS, f"--home-dir={tmp_path / 'other'}"])
    try:
        assert neo4j_server._is_our_server(ours.pid, config)
        assert not neo4j_server._is_our_server(other_home.pid, config)  # someone else's server
        assert not neo4j_server._is_our_server(os.getpid(), config)  # alive, but not Neo4j
        ours.kill()
        deadline = time.monotonic() + 10
        # Killed and not yet reaped (nothing waits on it): a zombie, which counts as dead.
        while psutil.Process(ours.pid).status() != psutil.STATUS_ZOMBIE and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not neo4j_server._alive(ours.pid)
        ours.wait()
        assert not neo4j_server._alive(ours.pid)  # reaped: no such process
    finally:
        for proc in (ours, other_home):
            proc.kill()
            proc.wait()


def test_missing_java_gives_clear_message(monkeypatch, tmp_path):
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()
    monkeypatch.setenv("PATH", str(empty_bin))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    config = ServerConfig(home=tmp_path / "server", bolt_port=1)
    with pytest.raises(Neo4jSetupError) as error:
        neo4j_server.start(config)
    assert str(error.value) == "Java 17 not found: apt-get install openjdk-17-jre-headless"
    assert not config.home.exists()


def test_missing_maven_gives_clear_message(monkeypatch, tmp_path):
    java = neo4j_server.java_executable()
    only_java = tmp_path / "bin"
    only_java.mkdir()
    (only_java / "java").symlink_to(java)
    monkeypatch.setenv("PATH", str(only_java))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("POLICYKG_HOME", str(tmp_path / "home"))  # never touch the real install
    with pytest.raises(Neo4jSetupError, match=r"^Maven not found: apt-get install maven$"):
        neo4j_server.install()


@pytest.mark.neo4j  # needs the install (lib/), not a running server
def test_taken_port_gives_clear_message(neo4j_config_factory):
    config = neo4j_config_factory()
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", config.bolt_port))
        squatter.listen()
        with pytest.raises(Neo4jSetupError, match=f"port {config.bolt_port} .* is taken"):
            neo4j_server.start(config)
    assert not config.pid_file.exists()


def test_settings_follow_neo4j_uri(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEO4J_URI", "neo4j://db.example:7687")
    monkeypatch.setenv("NEO4J_USER", "alice")
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret-value")
    monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    settings = neo4j_settings()
    assert settings.uri == "neo4j://db.example:7687"
    assert (settings.user, settings.database) == ("alice", "neo4j")
    assert not settings.managed
    assert settings.password.get_secret_value() == "s3cret-value"
    assert "s3cret-value" not in repr(settings) and "s3cret-value" not in str(settings)


def test_settings_read_dotenv_in_cwd(monkeypatch, tmp_path):
    for key in ("NEO4J_URI", "NEO4J_USER", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setattr(settings_module, "checkout_root", lambda: tmp_path / "elsewhere")
    (tmp_path / ".env").write_text(
        "# a comment\nexport NEO4J_URI=bolt://10.1.2.3:7687\nNEO4J_PASSWORD='p w'\n"
        "NEO4J_DATABASE=plans # trailing comment\nOTHER=x\n"
    )
    monkeypatch.chdir(tmp_path)
    settings = neo4j_settings()
    assert settings.uri == "bolt://10.1.2.3:7687" and not settings.managed
    assert settings.password.get_secret_value() == "p w"
    assert settings.database == "plans"


def test_settings_environment_wins_over_dotenv_and_cwd_over_checkout(monkeypatch, tmp_path):
    for key in ("NEO4J_URI", "NEO4J_USER", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.delenv(key, raising=False)
    checkout, cwd = tmp_path / "checkout", tmp_path / "cwd"
    checkout.mkdir()
    cwd.mkdir()
    (checkout / ".env").write_text("NEO4J_URI=bolt://checkout:7687\nNEO4J_DATABASE=fromcheckout\n")
    (cwd / ".env").write_text("NEO4J_URI=bolt://cwd:7687\nNEO4J_USERNAME=bob\nNEO4J_PASSWORD=from-file\n")
    monkeypatch.setattr(settings_module, "checkout_root", lambda: checkout)
    monkeypatch.chdir(cwd)
    monkeypatch.setenv("NEO4J_PASSWORD", "from-env")
    settings = neo4j_settings()
    assert settings.uri == "bolt://cwd:7687"  # cwd .env over the checkout's
    assert settings.database == "fromcheckout"  # a key only the checkout's .env sets still counts
    assert settings.user == "bob"  # NEO4J_USERNAME is accepted for NEO4J_USER
    assert settings.password.get_secret_value() == "from-env"  # the environment wins per key


def test_settings_default_to_managed_server(monkeypatch, tmp_path):
    for key in ("NEO4J_URI", "NEO4J_USER", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(settings_module, "checkout_root", lambda: tmp_path)  # ignore a developer's .env
    monkeypatch.setenv("POLICYKG_NEO4J_PORT", "7999")
    settings = neo4j_settings()
    assert settings.managed
    assert (settings.uri, settings.user) == ("bolt://127.0.0.1:7999", "neo4j")
