"""`policykg view`, `policykg matrix` and `policykg export`: the viewer and file exports."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import webbrowser
from pathlib import Path

import typer

from policykg.cli_common import ExportFormat, MatrixFormat, console, driver_or_exit, err


def view(
    port: int = typer.Option(8501, "--port", "-p", help="Port to serve the viewer on."),
    browser: bool = typer.Option(True, "--browser/--no-browser", help="Open the viewer in a web browser."),
) -> None:
    """Start the viewer (Streamlit) on http://127.0.0.1:PORT; Ctrl-C stops it."""
    from policykg.paths import viewer_app

    app_path = viewer_app()
    if not app_path.is_file():
        err.print(f"[red]viewer not found at {app_path}[/red] (a broken install: reinstall policykg)")
        raise typer.Exit(2)
    url = f"http://127.0.0.1:{port}"
    cmd = [sys.executable, "-m", "streamlit", "run", str(app_path), "--server.address", "127.0.0.1",
           "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false",
           "--client.toolbarMode", "minimal",
           "--client.showErrorDetails", "none"]
    console.print(f"policykg viewer on [bold]{url}[/bold] (Ctrl-C to stop)")
    if browser:
        # Streamlit is headless (so it does not open a browser of its own); open one when it listens.
        threading.Thread(target=lambda: (time.sleep(2.0), webbrowser.open(url)), daemon=True).start()
    proc = subprocess.Popen(cmd, env=os.environ.copy())
    stopped = False

    def stop(*_) -> None:
        # A SIGTERM to policykg (a service manager, a test) stops Streamlit too instead of
        # leaving it orphaned and holding the port.
        nonlocal stopped
        stopped = True
        proc.terminate()

    signal.signal(signal.SIGTERM, stop)
    try:
        code = proc.wait()
    except KeyboardInterrupt:  # Ctrl-C reached Streamlit as well (same process group)
        stopped = True
        code = proc.wait()
    raise typer.Exit(0 if stopped else code)


def matrix(
    out: Path = typer.Option(..., "--output", "-o", help="File to write."),
    fmt: MatrixFormat = typer.Option(MatrixFormat.xlsx, "--format", "-f", help="xlsx has matrix + evidence sheets."),
    plan: str = typer.Option(None, "--plan", help="Plan id (default: all plans)."),
    section: str = typer.Option(None, "--section", help="Section path prefix, levels joined by ' › ' or '/'."),
    merge_lineage: bool = typer.Option(False, "--merge-lineage", help="Fold agencies into their latest successor."),
) -> None:
    """Write the responsibility matrix (agencies × tasks: L, S, R1, R2 …) to CSV or Excel."""
    from policykg.graph.matrix import responsibility_matrix

    path_prefix = [p.strip() for p in section.replace("›", "/").split("/")] if section else None
    driver, settings = driver_or_exit(start_managed=False)
    with driver:
        m = responsibility_matrix(driver, plan=plan, section=path_prefix, merge_lineage=merge_lineage,
                                  database=settings.database)
    if m.empty:
        err.print("[yellow]No responsibility assignments in this scope.[/yellow] Check --plan (see `policykg query`).")
        raise typer.Exit(1)
    (m.to_csv if fmt == "csv" else m.to_xlsx)(out)
    counts = m.code_counts()
    console.print(f"{out}: {len(m.agencies)} agencies × {len(m.tasks)} tasks · "
                  + " · ".join(f"{k} {v}" for k, v in sorted(counts.items())), highlight=False)


def export(
    out: Path = typer.Option(..., "--output", "-o", help="File to write."),
    fmt: ExportFormat = typer.Option(ExportFormat.graphml, "--format", "-f", help="graphml (Gephi, networkx) or json (node-link)."),
) -> None:
    """Export the whole graph: nodes with labels and properties, and every relationship."""
    from policykg.graph.export import export_graph

    driver, settings = driver_or_exit(start_managed=False)
    with driver:
        nodes, rels = export_graph(driver, out, fmt.value, database=settings.database)
    console.print(f"{out}: {nodes} nodes, {rels} relationships", highlight=False)


def register(app: typer.Typer) -> None:
    app.command()(view)
    app.command()(matrix)
    app.command()(export)
