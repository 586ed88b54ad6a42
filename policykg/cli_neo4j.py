"""`policykg neo4j ...`: install, start, stop and check the project's own Neo4j server.

When NEO4J_URI points at another server (environment or .env), start/stop leave everything
alone and say so, and status checks that server instead.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import typer
from rich.table import Table

from policykg.cli_common import console

if TYPE_CHECKING:
    from policykg.graph import neo4j_server

neo4j_app = typer.Typer(help="The project's own Neo4j server.", no_args_is_help=True)

# Exit code of `status` when the server is not running, as Neo4j's own `neo4j status` uses.
NOT_RUNNING = 3


def _managed(action: str) -> bool:
    """True when policykg runs its own server; otherwise says that the NEO4J_URI server is
    left alone (`action`: what the command would have done, e.g. "starts")."""
    from policykg.settings import neo4j_settings

    settings = neo4j_settings()
    if not settings.managed:
        console.print(f"NEO4J_URI is set ({settings.uri}): policykg uses that server and {action} nothing.")
    return settings.managed


def _fail(exc: Exception) -> typer.Exit:
    console.print(f"[red]{exc}[/red]", highlight=False)
    return typer.Exit(1)


def _status_table(st: neo4j_server.ServerStatus) -> Table:
    table = Table(show_header=False, box=None)
    state = "[green]running[/green]" if st.running else "[yellow]stopped[/yellow]"
    if st.running and not st.reachable:
        state = "[yellow]running, Bolt not answering[/yellow]"
    for key, value in (
        ("state", state), ("pid", str(st.pid or "-")), ("bolt", st.bolt_uri),
        ("version", st.version), ("data", str(st.data_dir)), ("home", str(st.home)),
    ):  # fmt: skip
        table.add_row(f"[bold]{key}[/bold]", value)
    return table


@neo4j_app.command()
def install(force: bool = typer.Option(False, "--force", help="Fetch the jars again.")) -> None:
    """Fetch the pinned Neo4j Community jars from Maven Central (needs java and mvn)."""
    from policykg.graph import neo4j_server

    try:
        if neo4j_server.is_installed() and not force:
            version, lib = neo4j_server.NEO4J_VERSION, neo4j_server.lib_dir()
            console.print(f"Neo4j {version} is installed in {lib}")
            return
        with console.status(f"Fetching Neo4j {neo4j_server.NEO4J_VERSION} with Maven..."):
            lib = neo4j_server.install(force=force)
    except neo4j_server.Neo4jServerError as exc:
        raise _fail(exc) from None
    console.print(f"[green]Installed[/green] Neo4j {neo4j_server.NEO4J_VERSION} in {lib}")


@neo4j_app.command()
def start(timeout: float = typer.Option(180.0, help="Seconds to wait for Bolt.")) -> None:
    """Start the managed server (installing it first when needed) and wait until it answers."""
    if not _managed("starts"):
        return
    from policykg.graph import neo4j_server

    try:
        if not neo4j_server.is_installed():
            with console.status(f"Fetching Neo4j {neo4j_server.NEO4J_VERSION} with Maven..."):
                neo4j_server.install()
        before = neo4j_server.status()
        began = time.monotonic()
        with console.status("Starting Neo4j..."):
            st = neo4j_server.start(timeout=timeout)
    except neo4j_server.Neo4jServerError as exc:
        raise _fail(exc) from None
    if before.running:
        console.print("Neo4j was already running.")
    else:
        console.print(f"[green]Started[/green] in {time.monotonic() - began:.1f} s.")
    console.print(_status_table(st))


@neo4j_app.command()
def stop(timeout: float = typer.Option(60.0, help="Seconds before SIGKILL.")) -> None:
    """Stop the managed server cleanly."""
    if not _managed("stops"):
        return
    from policykg.graph import neo4j_server

    with console.status("Stopping Neo4j..."):
        stopped = neo4j_server.stop(timeout=timeout)
    console.print("[green]Stopped.[/green]" if stopped else "Neo4j was not running.")


@neo4j_app.command()
def status() -> None:
    """Show the managed server's state, or check the NEO4J_URI server. Exit 3 if not running."""
    from policykg.graph import neo4j_server
    from policykg.settings import get_driver, neo4j_settings

    settings = neo4j_settings()
    if not settings.managed:
        try:
            with get_driver(settings, connection_timeout=10) as driver:
                driver.verify_connectivity()
                info = driver.get_server_info()
        except Exception as exc:  # any failure means "not usable"; say which
            reason = f"{type(exc).__name__}: {exc}"
            console.print(f"[red]{settings.uri} is not reachable:[/red] {reason}")
            raise typer.Exit(NOT_RUNNING) from None
        console.print(f"[green]reachable[/green] {settings.uri} ({info.agent}) as {settings.user}")
        return
    st = neo4j_server.status()
    console.print(_status_table(st))
    if not st.running:
        raise typer.Exit(NOT_RUNNING)
