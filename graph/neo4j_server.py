"""The project's own Neo4j Community server: install from Maven Central, configure, start, stop.

Why not a distribution tarball: the only hosts this project may fetch from are package
registries, and Maven Central serves the server as `org.neo4j:neo4j` plus its runtime
dependencies. `install()` copies those jars into `<home>/neo4j/<version>/lib` with Maven, and
`start()` runs `org.neo4j.server.CommunityEntryPoint` on them directly, doing the little that
Neo4j's own `bin/neo4j` bootloader would do (JVM flags, heap, pid file, detaching).

Layout (the install is shared, a server home holds one server's config and data):

    <home>/neo4j/<version>/lib/*.jar        jars, shared by every server home
    <home>/neo4j/<version>/.complete         marker: the copy finished
    <home>/neo4j/maven-<version>.log         Maven's output
    <server home>/conf/neo4j.conf            generated on every start
    <server home>/data, logs, run, import    the server's own state (data persists)
    <server home>/password                   the neo4j user's password, mode 0600
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import neo4j
import psutil
from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired

from policykg.graph import cypher
from policykg.paths import home, neo4j_pom

POM_PATH = neo4j_pom()
# Debian's Maven resolves an old default dependency plugin; name a current one explicitly.
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
ADMIN_CLASS = "org.neo4j.cli.AdminTool"
MIN_JAVA = 17
DEFAULT_BOLT_PORT = 7687
USER = "neo4j"

# JVM flags. The first five are what Neo4j itself declares required on Java 17+: the list in
# org.neo4j.commandline.dbms.ConfigFileMigrator.recommendedJvmAdditionals() (neo4j-dbms jar),
# which `neo4j-admin server migrate-configuration` adds as `server.jvm.additional` lines
# (without java.nio the page cache falls back to a slow mode, see ConfiguringPageCacheFactory).
# The rest are from the `server.jvm.additional` defaults of the distribution's neo4j.conf.
# -Dfile.encoding=UTF-8 is what the bootloader (BootloaderOsAbstraction.buildJvmOpts) adds.
JVM_FLAGS = (
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "-Dfile.encoding=UTF-8",
)


class Neo4jServerError(RuntimeError):
    """Base for everything this module raises on purpose."""


class Neo4jSetupError(Neo4jServerError):
    """A tool is missing or the install/config cannot be made; the message says what to do."""


class Neo4jStartError(Neo4jServerError):
    """The server did not come up; the message carries the last lines of its logs."""


def neo4j_version() -> str:
    """The pinned version, read from the pom so it is written in one place only."""
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    node = ET.parse(POM_PATH).getroot().find("m:properties/m:neo4j.version", ns)
    if node is None or not (node.text or "").strip():
        raise Neo4jSetupError(f"{POM_PATH} has no <neo4j.version> property")
    return node.text.strip()


NEO4J_VERSION = neo4j_version()


def neo4j_root() -> Path:
    return home() / "neo4j"


def install_dir() -> Path:
    return neo4j_root() / NEO4J_VERSION


def lib_dir() -> Path:
    return install_dir() / "lib"


def _marker() -> Path:
    return install_dir() / ".complete"


def is_installed() -> bool:
    return _marker().is_file()


def default_bolt_port() -> int:
    return int(os.environ.get("POLICYKG_NEO4J_PORT", DEFAULT_BOLT_PORT))


def _below_home(*parts: str) -> property:
    """A read-only ServerConfig attribute: the path `parts` below the server's home."""
    return property(lambda self: self.home.joinpath(*parts), doc="<server home>/" + "/".join(parts))


@dataclass(frozen=True)
class ServerConfig:
    """One server: where its files live and how it is sized. Defaults suit a 2-core/24 GB box."""

    home: Path
    bolt_port: int = DEFAULT_BOLT_PORT
    http_port: int | None = None  # None: HTTP connector disabled (only Bolt is used)
    heap_initial: str = "1g"
    heap_max: str = "2g"
    pagecache: str = "1g"
    transaction_timeout: str = "120s"
    # Transaction memory (what one transaction's tracked allocations may hold; see render_conf).
    # Measured on the test server under this limit: rows of 16 MB load in one transaction, 24 MB
    # fail (so the server holds up to 16x the rows' weight at its peak); the biggest transaction a
    # build sends is at the loader's one-transaction budget (loader.MAX_TX_BYTES, 8 MB: about
    # 128 MB here), the built-in plans 0.3 MB and test_build_faults' 400-agency clause 2.4 MB of
    # rows. 256m lets all of them pass and stops a runaway console query.
    tx_memory_max: str = "256m"
    # All transactions together; None: 70% of the heap (Neo4j's own default, written out so the
    # two limits are read together), which keeps the per-transaction limit below it.
    tx_memory_total_max: str | None = None
    # Neo4j preallocates each transaction log file at this size (per database); tests use less.
    tx_log_rotation_size: str = "256M"

    # Where the server's files live below `home` (the layout in the module docstring), one line
    # each. pid_file is where Neo4j's own bootloader puts it, so `neo4j status` would agree with us.
    conf_dir = _below_home("conf")
    conf_file = _below_home("conf", "neo4j.conf")
    data_dir = _below_home("data")
    logs_dir = _below_home("logs")
    console_log = _below_home("logs", "console.log")
    run_dir = _below_home("run")
    pid_file = _below_home("run", "neo4j.pid")
    password_file = _below_home("password")

    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"


def default_config() -> ServerConfig:
    return ServerConfig(home=neo4j_root() / "server", bolt_port=default_bolt_port())


@dataclass(frozen=True)
class ServerStatus:
    running: bool
    pid: int | None
    bolt_uri: str
    version: str  # reported by the server when it answers, else the pinned version
    reachable: bool  # Bolt answered with our credentials
    data_dir: Path
    home: Path


# ---------------------------------------------------------------------------------------------
# Tools and install


def java_executable() -> str:
    """`$JAVA_HOME/bin/java` if set, else `java` on PATH; must be Java 17 or newer."""
    java_home = os.environ.get("JAVA_HOME")
    candidate = Path(java_home) / "bin" / "java" if java_home else None
    java = str(candidate) if candidate and candidate.is_file() else shutil.which("java")
    hint = f"Java {MIN_JAVA} not found: apt-get install openjdk-{MIN_JAVA}-jre-headless"
    if not java:
        raise Neo4jSetupError(hint)
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    if not match:
        raise Neo4jSetupError(f"cannot read the version of {java}; {hint}")
    major = int(match.group(1))
    if major == 1:  # "1.8.0" style
        major = int(match.group(2) or 0)
    if major < MIN_JAVA:
        raise Neo4jSetupError(f"{java} is Java {major}, Neo4j 5 needs {MIN_JAVA}+: {hint}")
    return java


def maven_executable() -> str:
    mvn = shutil.which("mvn")
    if not mvn:
        raise Neo4jSetupError("Maven not found: apt-get install maven")
    return mvn


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """Serialize installs/starts across processes (CLI, tests, viewer)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def install(force: bool = False) -> Path:
    """Copy the pinned Neo4j's runtime jars into lib/ with Maven; returns lib/. Idempotent."""
    with _file_lock(neo4j_root() / "install.lock"):
        if is_installed() and not force:
            return lib_dir()
        java_executable()  # Maven needs it too; say so before Maven fails less clearly
        mvn = maven_executable()
        target = install_dir()
        target.mkdir(parents=True, exist_ok=True)
        _marker().unlink(missing_ok=True)
        partial = target / "lib.partial"
        shutil.rmtree(partial, ignore_errors=True)
        # A copy of the pom next to the jars records what they came from.
        pom = target / "pom.xml"
        shutil.copyfile(POM_PATH, pom)
        log = neo4j_root() / f"maven-{NEO4J_VERSION}.log"
        cmd = [
            mvn, "-B", "-q", "-l", str(log), "-f", str(pom),
            f"{DEPENDENCY_PLUGIN}:copy-dependencies",
            "-DincludeScope=runtime", f"-DoutputDirectory={partial}",
        ]  # fmt: skip
        result = subprocess.run(cmd, cwd=target, stdin=subprocess.DEVNULL, capture_output=True)
        main_jar = partial / f"neo4j-{NEO4J_VERSION}.jar"
        if result.returncode != 0 or not main_jar.is_file():
            raise Neo4jSetupError(
                f"Maven could not fetch org.neo4j:neo4j:{NEO4J_VERSION} (exit {result.returncode});"
                f" see {log}:\n{_tail(log, 15)}"
            )
        shutil.rmtree(lib_dir(), ignore_errors=True)
        partial.rename(lib_dir())
        jars = len(list(lib_dir().glob("*.jar")))
        _marker().write_text(f"org.neo4j:neo4j:{NEO4J_VERSION} {jars} jars\n")
        return lib_dir()


# ---------------------------------------------------------------------------------------------
# Configuration and password


_UNITS = {"k": 2**10, "m": 2**20, "g": 2**30}


def size_bytes(size: str) -> int:
    """A Neo4j/JVM size ("512m", "2g", "1024k", "1048576") in bytes."""
    text = size.strip().lower()
    if text[-1:] in _UNITS:
        return int(float(text[:-1]) * _UNITS[text[-1]])
    return int(text)


def tx_memory_limits(config: ServerConfig) -> tuple[str, str]:
    """(total, per transaction) as written to neo4j.conf; the per-transaction limit must be the
    smaller, or one runaway transaction could still take the whole pool from the others."""
    total = config.tx_memory_total_max or f"{int(size_bytes(config.heap_max) * 0.7) // 2**20}m"
    if size_bytes(config.tx_memory_max) >= size_bytes(total):
        raise Neo4jSetupError(f"tx_memory_max ({config.tx_memory_max}) must be below the total transaction memory "
                          f"({total}): raise the heap ({config.heap_max}) or lower tx_memory_max")
    return total, config.tx_memory_max


def render_conf(config: ServerConfig) -> str:
    # Every procedure policykg calls (graph/cypher.py, tests) or its console allows (readonly.py).
    from policykg.graph.readonly import READ_PROCEDURES

    procedures = sorted({"db.awaitIndexes", "dbms.components", *READ_PROCEDURES})
    http = (
        f"server.http.enabled=true\nserver.http.listen_address=127.0.0.1:{config.http_port}"
        if config.http_port
        else "server.http.enabled=false"
    )
    jvm = "\n".join(f"server.jvm.additional={flag}" for flag in JVM_FLAGS)
    tx_total, tx_max = tx_memory_limits(config)
    return f"""\
# Generated by policykg (graph/neo4j_server.py) at every start: edits here are overwritten.

# Loopback only: the server is for this machine's tools, never the network.
server.default_listen_address=127.0.0.1
server.default_advertised_address=127.0.0.1
server.bolt.enabled=true
server.bolt.listen_address=127.0.0.1:{config.bolt_port}
server.bolt.advertised_address=127.0.0.1:{config.bolt_port}
{http}
server.https.enabled=false

# Everything the server writes stays under its home, so data persists between runs.
server.directories.data={config.data_dir}
server.directories.logs={config.logs_dir}
server.directories.run={config.run_dir}
server.directories.import={config.home / "import"}
server.directories.plugins={config.home / "plugins"}
server.directories.lib={lib_dir()}

dbms.security.auth_enabled=true

# Defence in depth behind the console's plan check (graph/readonly.py): even a query that got
# past it, or a session in WRITE mode, cannot reach outside the graph.
# LOAD CSV may not read local files (policykg never loads CSV; it writes through Bolt).
dbms.security.allow_csv_import_from_file_urls=false
# URL access from Cypher (LOAD CSV FROM 'http://...') is refused for every IPv4 and IPv6 address,
# so the server cannot be used to reach this machine's or the network's services. Neo4j 5.26
# has no public name for this: the internal setting is the one its own error message names
# (dbms.cypher.ip_blocklist does not exist and stops the server from starting).
internal.dbms.cypher_ip_blocklist=0.0.0.0/0,::/0
# Only these plugin procedures would load if someone put a plugin jar into plugins/: the ones
# policykg calls (full-text search, index wait, version probe) and the console's schema
# listings. Built-in procedures are not affected by this setting (checked on 5.26), which is
# why the console also keeps its own list of allowed procedures.
dbms.security.procedures.allowlist={",".join(procedures)}

# Memory: the JVM heap is passed as -Xms/-Xmx by policykg; these lines document it and keep
# Neo4j's own tools (neo4j-admin) consistent with it.
server.memory.heap.initial_size={config.heap_initial}
server.memory.heap.max_size={config.heap_max}
server.memory.pagecache.size={config.pagecache}
# Transaction memory is checked as a transaction allocates: over a limit it fails with
# MemoryPoolOutOfMemoryError (the console says so in one sentence; a build names the document)
# and the server and its other sessions carry on. All transactions together may hold this much
# of the heap, so a busy server still has heap for itself (plans, caches, Bolt) …
db.memory.transaction.total.max={tx_total}
# … and one transaction this much: the biggest a build sends (8 MB of rows) holds at most about
# 128 MB (measured; see ServerConfig.tx_memory_max), while a runaway console query (collect()
# over millions of rows) stops here instead of taking the whole pool and every other session with it.
db.memory.transaction.max={tx_max}

# A runaway query fails instead of holding the machine.
db.transaction.timeout={config.transaction_timeout}
# Keep transaction logs bounded on a small disk.
db.tx_log.rotation.retention_policy=1G size
db.tx_log.rotation.size={config.tx_log_rotation_size}
# No phoning home (and there is no network beyond package registries anyway).
dbms.usage_report.enabled=false
# Bolt's Netty waits a 5 s quiet period twice on shutdown; connections are already closed
# by then, so 1 s makes `stop` fast without cutting anything short.
internal.dbms.bolt.netty_server_shutdown_quiet_period=1

# The JVM flags policykg passes (Neo4j's bootloader would read them from here).
{jvm}
"""


def write_conf(config: ServerConfig) -> Path:
    for directory in (config.conf_dir, config.data_dir, config.logs_dir, config.run_dir,
                      config.home / "import", config.home / "plugins"):  # fmt: skip
        directory.mkdir(parents=True, exist_ok=True)
    config.conf_file.write_text(render_conf(config), encoding="utf-8")
    return config.conf_file


def read_password(config: ServerConfig) -> str | None:
    try:
        return config.password_file.read_text(encoding="utf-8").strip() or None
    except FileNotFoundError:
        return None


def ensure_password(config: ServerConfig) -> str:
    """The neo4j user's password, creating it before the first start.

    Mechanism: Neo4j's own `neo4j-admin dbms set-initial-password`, run as
    `java -cp lib/* org.neo4j.cli.AdminTool ...` (the class bin/neo4j-admin ends up in). It
    writes data/dbms/auth.ini, which the server turns into the user on first start, when it
    creates the system database. The password reaches the tool through a picocli @argfile (the
    0600 password file itself), so it never appears on a command line or in `ps`.
    """
    existing = read_password(config)
    if existing:
        return existing
    if (config.data_dir / "databases" / "system").exists():
        raise Neo4jSetupError(
            f"{config.data_dir} already holds a Neo4j database but its password file "
            f"{config.password_file} is missing; the password can only be set before the first "
            f"start. Remove {config.data_dir} to start afresh (this deletes the graph)."
        )
    config.home.mkdir(parents=True, exist_ok=True)
    # token_hex: no whitespace or quotes (argfile syntax) and never a leading '-' (an option).
    password = secrets.token_hex(24)
    partial = config.password_file.with_name("password.partial")
    partial.unlink(missing_ok=True)
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(password + "\n")
    write_conf(config)
    cmd = [
        java_executable(), "-cp", f"{lib_dir()}/*", *JVM_FLAGS[:5], "-Xmx256m",
        ADMIN_CLASS, "dbms", "set-initial-password", f"@{partial}",
    ]  # fmt: skip
    env = {**os.environ, "NEO4J_HOME": str(config.home), "NEO4J_CONF": str(config.conf_dir)}
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if result.returncode != 0:
        partial.unlink(missing_ok=True)
        output = (result.stdout + result.stderr).replace(password, "***")
        # The head carries the cause (e.g. an invalid setting); the stack trace can go.
        raise Neo4jSetupError(f"neo4j-admin set-initial-password failed:\n{output[:1500]}")
    partial.rename(config.password_file)
    return password


# ---------------------------------------------------------------------------------------------
# Processes

_children: dict[int, subprocess.Popen] = {}  # servers this process started, to reap them


def _alive(pid: int) -> bool:
    child = _children.get(pid)
    if child is not None:
        return child.poll() is None  # also reaps it, so our own child never lingers as a zombie
    try:
        # A zombie (exited, not yet reaped by its parent) is dead for our purposes.
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
    except psutil.AccessDenied:
        return True  # exists, owned by someone else


def _is_our_server(pid: int, config: ServerConfig) -> bool:
    """Alive and really this home's Neo4j (a stale pid file may name a reused pid)."""
    if not _alive(pid):
        return False
    try:
        args = psutil.Process(pid).cmdline()
    except psutil.NoSuchProcess:
        return False
    except psutil.AccessDenied:
        return True  # cannot read another user's command line: trust the pid
    return MAIN_CLASS in args and f"--home-dir={config.home}" in args


def _read_pid(config: ServerConfig) -> int | None:
    try:
        return int(config.pid_file.read_text().strip())
    except (FileNotFoundError, ValueError):
        return None


def _running_pid(config: ServerConfig) -> int | None:
    """The server's pid, removing a stale pid file on the way."""
    pid = _read_pid(config)
    if pid is not None and _is_our_server(pid, config):
        return pid
    config.pid_file.unlink(missing_ok=True)
    return None


def _tail(path: Path, lines: int) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return f"({path} does not exist)"


def _logs_tail(config: ServerConfig, lines: int = 20) -> str:
    paths = (config.console_log, config.logs_dir / "neo4j.log")
    parts = [f"--- {p}\n{_tail(p, lines)}" for p in paths]
    return "\n".join(parts)


def _port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def java_command(config: ServerConfig, java: str | None = None) -> list[str]:
    return [
        java or java_executable(), "-cp", f"{lib_dir()}/*", *JVM_FLAGS,
        f"-Xms{config.heap_initial}", f"-Xmx{config.heap_max}",
        MAIN_CLASS, f"--home-dir={config.home}", f"--config-dir={config.conf_dir}",
    ]  # fmt: skip


def _probe(config: ServerConfig, password: str | None) -> str | None:
    """The server's version if Bolt answers with our credentials, else None."""
    if not password:
        return None
    try:
        with neo4j.GraphDatabase.driver(config.bolt_uri, auth=(USER, password),
                                        connection_timeout=5) as driver:  # fmt: skip
            driver.verify_connectivity()
            records, _, _ = driver.execute_query(cypher.SERVER_VERSION)
            return records[0]["v"]
    except (Neo4jError, DriverError, OSError):  # not up yet, or not answering to us
        return None


def status(config: ServerConfig | None = None) -> ServerStatus:
    config = config or default_config()
    pid = _running_pid(config)
    version = _probe(config, read_password(config)) if pid else None
    return ServerStatus(
        running=pid is not None, pid=pid, bolt_uri=config.bolt_uri,
        version=version or NEO4J_VERSION, reachable=version is not None,
        data_dir=config.data_dir, home=config.home,
    )  # fmt: skip


def start(config: ServerConfig | None = None, timeout: float = 180.0) -> ServerStatus:
    """Start the server (installing it first if needed) and wait until Bolt answers.

    A no-op returning the current status when it already runs.
    """
    config = config or default_config()
    java = java_executable()  # first, so a missing Java is reported before anything is created
    with _file_lock(config.home / "run" / "lifecycle.lock"):
        if _running_pid(config) is not None:
            return status(config)
        install()
        if _port_in_use(config.bolt_port):
            raise Neo4jSetupError(
                f"port {config.bolt_port} on 127.0.0.1 is taken by another program; "
                "set POLICYKG_NEO4J_PORT to a free port (or NEO4J_URI to use that server)"
            )
        write_conf(config)
        password = ensure_password(config)
        cmd = java_command(config, java)
        with open(config.console_log, "ab") as log:
            # Own session: the server outlives this process and a Ctrl-C in our terminal.
            proc = subprocess.Popen(cmd, cwd=config.home, stdin=subprocess.DEVNULL, stdout=log,
                                    stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip
        _children[proc.pid] = proc
        config.pid_file.write_text(f"{proc.pid}\n")
        try:
            _wait_for_bolt(config, proc, password, timeout)
        except BaseException:
            _terminate(proc.pid, timeout=30)
            config.pid_file.unlink(missing_ok=True)
            raise
        return status(config)


def _wait_for_bolt(
    config: ServerConfig, proc: subprocess.Popen, password: str, timeout: float
) -> None:
    deadline = time.monotonic() + timeout
    with neo4j.GraphDatabase.driver(config.bolt_uri, auth=(USER, password),
                                    connection_timeout=5) as driver:  # fmt: skip
        while True:
            if proc.poll() is not None:
                raise Neo4jStartError(
                    f"Neo4j exited with code {proc.returncode} while starting:\n"
                    f"{_logs_tail(config)}"
                )
            try:
                driver.verify_connectivity()
                return
            except AuthError as exc:
                raise Neo4jStartError(
                    f"Neo4j rejected the password in {config.password_file} ({exc.code})"
                ) from None
            except (ServiceUnavailable, SessionExpired, OSError):
                pass
            if time.monotonic() > deadline:
                raise Neo4jStartError(
                    f"Neo4j did not answer on {config.bolt_uri} within {timeout:.0f} s:\n"
                    f"{_logs_tail(config)}"
                )
            time.sleep(0.5)


def _terminate(pid: int, timeout: float) -> None:
    """SIGTERM (Neo4j's shutdown hook checkpoints and closes cleanly), SIGKILL only on timeout."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    if _alive(pid):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, signal.SIGKILL)  # the server leads its own process group
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
    _children.pop(pid, None)


def stop(config: ServerConfig | None = None, timeout: float = 60.0) -> bool:
    """Stop the server; True if one was running."""
    config = config or default_config()
    with _file_lock(config.home / "run" / "lifecycle.lock"):
        pid = _running_pid(config)
        if pid is None:
            return False
        _terminate(pid, timeout)
        config.pid_file.unlink(missing_ok=True)
        return True
