"""`policykg build`: the command around `policykg.build.build_corpus`, and its summary.

Kept apart from cli.py so the command module stays a list of commands; everything the build
does is in policykg/build.py, which the tests and benchmarks call directly.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer
from rich.markup import escape

from policykg.cli_common import console, driver_or_exit, err


class BuildFormat(str, Enum):
    table = "table"
    json = "json"


_STYLE = {"loaded": "green", "unchanged": "green", "duplicate": "yellow", "empty": "red", "error": "red",
          "not loaded": "red"}


def _progress(d, i: int, n: int) -> None:
    # One line per document as it finishes (not a transient bar): a build that is killed or
    # stopped leaves a record of how far it got.
    err.print(f"[{i}/{n}] {d.status}: {escape(d.path)}" + (f" ({escape(d.reason)})" if d.reason and d.status != "unchanged" else ""),
              highlight=False, soft_wrap=True)


def print_report(report) -> None:
    from rich.table import Table

    table = Table("document", "id", "tasks", "LEADS", "SUPPORTS", "RESPONSIBLE_FOR", "status")
    for d in report.documents:
        e = d.edges or {}
        status = f"[{_STYLE.get(d.status, 'white')}]{d.status}[/]" + (f" ({len(d.warnings)} warnings)" if d.warnings else "")
        table.add_row(escape(d.path), d.doc_id or "", str(d.tasks) if d.edges else "", str(e.get("lead", "")),
                      str(e.get("support", "")), str(e.get("responsible", "")), status)
    console.print(table)
    by = {s: report.with_status(s) for s in ("loaded", "unchanged", "duplicate", "empty", "error", "not loaded")}
    in_graph = len(by["loaded"]) + len(by["unchanged"])
    line = (f"{in_graph} of {len(report.documents)} documents loaded ({len(by['loaded'])} new or changed, "
            f"{len(by['unchanged'])} unchanged) · duplicates {len(by['duplicate'])} · empty {len(by['empty'])} · "
            f"errors {len(by['error'])} · not loaded {len(by['not loaded'])}")
    if report.nodes:
        line += " · " + " · ".join(f"{k} {v}" for k, v in {**report.nodes, **report.relationships}.items())
    console.print(line + f" · {report.seconds:.1f} s", highlight=False, soft_wrap=True)
    if report.removed:  # plans whose files are gone from a built folder (see build.missing_plans)
        console.print(f"removed {len(report.removed)}: " + ", ".join(escape(i) for i in report.removed),
                      highlight=False, soft_wrap=True)
    for d in report.documents:
        for w in d.warnings:
            console.print(f"[yellow]warning:[/yellow] {escape(d.path)}: {escape(w)}", highlight=False, soft_wrap=True)
    for d in by["duplicate"]:
        console.print(f"[yellow]duplicate:[/yellow] {escape(d.path)}: {escape(d.reason or '')}", highlight=False,
                      soft_wrap=True)
    for status in ("empty", "error"):
        for d in by[status]:
            err.print(f"[red]{status}:[/red] {escape(d.path)}: {escape(d.reason or '')}", highlight=False,
                      soft_wrap=True)
    if report.aborted:
        err.print(f"[red]build stopped:[/red] {escape(report.aborted)}", highlight=False, soft_wrap=True)
        if by["not loaded"]:
            err.print("not loaded: " + ", ".join(escape(d.path) for d in by["not loaded"]), highlight=False,
                      soft_wrap=True)
        err.print(escape(report.resume_hint or ""), highlight=False, soft_wrap=True)


def build_command(paths: list[Path] | None, force: bool, fmt: BuildFormat, max_mb: float, timeout: float,
                  max_tx_mb: float, keep_missing: bool = False) -> None:
    from policykg.build import Limits, build_corpus, write_run_record
    from policykg.paths import corpus_dir, home

    limits = Limits(max_bytes=int(max_mb * 2**20), timeout_s=timeout if timeout > 0 else None,
                    max_tx_bytes=int(max_tx_mb * 2**20))
    driver, settings = driver_or_exit(start_managed=True)
    with driver:
        report = build_corpus(paths or [corpus_dir()], driver, database=settings.database, force=force,
                              limits=limits, keep_missing=keep_missing,
                              on_progress=_progress if fmt == BuildFormat.table else None)
    try:
        write_run_record(report, home() / "builds" / "last-build.json")
    except OSError as exc:  # the record is for people; the build itself is done
        err.print(f"[yellow]could not write the run record:[/yellow] {exc}", highlight=False)
    if fmt == BuildFormat.json:
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        print_report(report)
    if not report.documents:
        err.print("[red]No documents found[/red] (looked for .txt, .text and .md files).")
        raise typer.Exit(1)
    if report.exit_code:
        raise typer.Exit(report.exit_code)
