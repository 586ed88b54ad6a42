"""What every `policykg` command module shares: the consoles, the output-format choices and the
driver for the configured Neo4j.

The command modules (cli_views.py, cli_neo4j.py, cli_build.py) import from here and never from
each other or from cli.py, which only assembles the app. This module stays light on purpose: `policykg --help` imports it, so neo4j, pandas, numpy,
spaCy and Streamlit are imported only inside the functions that use them.
"""

from __future__ import annotations

import json
from enum import Enum
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console

if TYPE_CHECKING:
    import neo4j

    from policykg.settings import Neo4jSettings

console = Console()
err = Console(stderr=True)


def choices(name: str, *values: str) -> type[Enum]:
    """A str Enum for a typer option whose members are named as their values: typer lists the
    choices in --help and rejects anything else with its own usage error (exit 2), and as a str
    Enum a member still compares equal to its value (`fmt == "json"`)."""
    return Enum(name, [(v, v) for v in values], type=str)


# One per set of choices a --format offers.
ExtractFormat = choices("ExtractFormat", "json", "summary")
ListFormat = choices("ListFormat", "table", "json")  # a table, or the same rows as JSON
QueryFormat = choices("QueryFormat", "table", "json", "csv")
MatrixFormat = choices("MatrixFormat", "csv", "xlsx")
ExportFormat = choices("ExportFormat", "graphml", "json")


def cell(value: Any) -> str:
    """One table cell: maps and lists as JSON (readable Chinese), None as empty."""
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def driver_or_exit(start_managed: bool) -> tuple[neo4j.Driver, Neo4jSettings]:
    """A driver for the configured Neo4j; starts the project's own server when asked to.

    Exits with code 2 when the server is not running (and may not be started) or not reachable.
    """
    import neo4j

    from policykg.graph import neo4j_server
    from policykg.settings import get_driver, neo4j_settings

    settings = neo4j_settings()
    if settings.managed:
        st = neo4j_server.status()
        if not st.running:
            if not start_managed:
                err.print("[red]Neo4j is not running.[/red] Start it with: policykg neo4j start")
                raise typer.Exit(2)
            try:
                with err.status("Starting Neo4j..."):
                    neo4j_server.start()
            except neo4j_server.Neo4jServerError as exc:
                err.print(f"[red]{exc}[/red]", highlight=False)
                raise typer.Exit(2) from None
            settings = neo4j_settings()
    driver = get_driver(settings)
    try:
        driver.verify_connectivity()
    except neo4j.exceptions.AuthError:
        # The server answered: saying "cannot reach" would send the user looking in the wrong place.
        err.print(f"[red]Neo4j at {settings.uri} refused the credentials[/red] of user {settings.user!r}: "
                  "check NEO4J_USER and NEO4J_PASSWORD (environment or .env).", highlight=False)
        driver.close()
        raise typer.Exit(2) from None
    except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError, OSError) as exc:
        err.print(f"[red]Cannot reach Neo4j at {settings.uri}:[/red] {exc}", highlight=False)
        driver.close()
        raise typer.Exit(2) from None
    return driver, settings
