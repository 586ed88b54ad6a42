"""The `policykg` command line: setup, extract, build, agencies, eval, query (view, matrix and
export are in cli_views.py, `policykg neo4j ...` in cli_neo4j.py; what they share in cli_common.py).

Heavy modules (neo4j, pandas, spaCy, Streamlit) are imported inside the commands that use them,
so `policykg --help` and argument errors stay fast.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from policykg.cli_common import ExtractFormat, ListFormat, QueryFormat, cell, console, driver_or_exit, err
from policykg.cli_neo4j import neo4j_app
from policykg.cli_views import register as register_views

app = typer.Typer(
    help="Knowledge graphs of who owns which task in Chinese government policy plans.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(neo4j_app, name="neo4j")


@app.command()
def setup() -> None:
    """Install what policykg needs beyond Python packages: Neo4j from Maven Central and the
    pkuseg segmentation model from PyPI. Safe to run again."""
    from policykg.graph import neo4j_server

    try:
        with console.status(f"Neo4j {neo4j_server.NEO4J_VERSION} from Maven Central..."):
            lib = neo4j_server.install()
        console.print(f"[green]✓[/green] Neo4j {neo4j_server.NEO4J_VERSION} in {lib}")
    except neo4j_server.Neo4jServerError as exc:
        err.print(f"[red]{exc}[/red]", highlight=False)
        raise typer.Exit(1) from None
    try:
        from policykg.extract.entities.pkuseg_model import install_pkuseg_model
    except ImportError:
        return
    with console.status("pkuseg model from PyPI..."):
        path = install_pkuseg_model()
    console.print(f"[green]✓[/green] pkuseg model in {path}")


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="Document files or folders."),
    fmt: ExtractFormat = typer.Option(ExtractFormat.json, "--format", "-f", help="json: the whole extraction; summary: counts."),
    with_text: bool = typer.Option(False, "--with-text", help="Include each document's full text."),
) -> None:
    """Extract plans, sections, tasks, clauses and agencies without touching Neo4j."""
    from policykg.extract.readers.corpus import discover
    from policykg.extract.pipeline import extract_document
    from policykg.extract.readers.text import DocumentError

    failed = 0
    docs = []
    try:
        files = discover(paths)
    except DocumentError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(1) from None
    for f in files:
        try:
            docs.append(extract_document(f))
        except DocumentError as exc:
            failed += 1
            err.print(f"[red]error:[/red] {exc}", highlight=False)
    if fmt == "json":
        exclude = None if with_text else {"text"}
        payload = [json.loads(d.model_dump_json(exclude=exclude)) for d in docs]
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "summary":
        table = Table("document", "title", "sections", "tasks", "clauses", "agencies", "warnings")
        for d in docs:
            table.add_row(d.meta.doc_id, d.meta.title or "", str(len(d.sections)), str(len(d.tasks)),
                          str(len(d.clauses)), str(len(d.agencies)), str(len(d.warnings)))
        console.print(table)
    if failed:
        raise typer.Exit(1)


@app.command()
def build(
    paths: list[Path] = typer.Argument(None, help="Document files or folders (default: the built-in corpus)."),
) -> None:
    """Extract documents and load them into Neo4j, one transaction per document.

    A document that cannot be read or parsed is reported and skipped; the others load, and
    the exit code is 1."""
    from policykg.extract.readers.corpus import discover
    from policykg.extract.pipeline import extract_document
    from policykg.extract.readers.text import DocumentError
    from policykg.graph.loader import counts, delete_orphans, ensure_schema, load_document, load_registry, stats_of
    from policykg.paths import corpus_dir

    try:
        files = discover(paths or [corpus_dir()])
    except DocumentError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(1) from None
    if not files:
        err.print("[red]No documents found[/red] (looked for .txt, .text and .md files).")
        raise typer.Exit(1)
    driver, settings = driver_or_exit(start_managed=True)
    errors: list[str] = []
    table = Table("document", "title", "tasks", "LEADS", "SUPPORTS", "RESPONSIBLE_FOR", "status")
    with driver:
        ensure_schema(driver, settings.database)
        try:
            load_registry(driver, database=settings.database)
        except Exception as exc:  # a broken registry file is the user's to fix: say which and why
            err.print(f"[red]error:[/red] agency registry: {exc}", highlight=False)
            raise typer.Exit(1) from None
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      console=err, transient=True) as progress:
            bar = progress.add_task("building", total=len(files))
            for f in files:
                progress.update(bar, description=f"building {f.name}")
                try:
                    x = extract_document(f)
                    load_document(driver, x, settings.database)
                    s = stats_of(x)
                    table.add_row(x.meta.doc_id, (x.meta.title or "")[:40], str(s.tasks), str(s.edges["lead"]),
                                  str(s.edges["support"]), str(s.edges["responsible"]),
                                  "[green]ok[/green]" + (f" ({len(x.warnings)} warnings)" if x.warnings else ""))
                except DocumentError as exc:
                    errors.append(str(exc))
                    table.add_row(f.name, "", "", "", "", "", "[red]error[/red]")
                except Exception as exc:  # a failed load must not stop the other documents
                    errors.append(f"{f}: could not be loaded ({type(exc).__name__}: {exc})")
                    table.add_row(f.name, "", "", "", "", "", "[red]error[/red]")
                progress.advance(bar)
        delete_orphans(driver, settings.database)
        nodes, rels = counts(driver, settings.database)
    console.print(table)
    console.print(
        f"{len(files) - len(errors)} of {len(files)} documents loaded · "
        + " · ".join(f"{k} {v}" for k, v in nodes.items())
        + " · " + " · ".join(f"{k} {v}" for k, v in rels.items())
        + f" · errors {len(errors)}",
        highlight=False,
    )
    for e in errors:
        err.print(f"[red]error:[/red] {e}", highlight=False)
    if errors:
        raise typer.Exit(1)


@app.command()
def agencies(
    unresolved: bool = typer.Option(False, "--unresolved", help="Only names the registry lacks, with where they occur."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f"),
) -> None:
    """Agencies in the graph; with --unresolved, the names no registry entry matched."""
    from policykg.graph import cypher
    from policykg.graph.readonly import run_read_query

    driver, settings = driver_or_exit(start_managed=False)
    with driver:
        if unresolved:
            res = run_read_query(driver, cypher.UNRESOLVED_AGENCIES, database=settings.database)
        else:
            res = run_read_query(driver, cypher.AGENCIES_BY_ROLES, database=settings.database)
    rows = [dict(zip(res.columns, r)) for r in res.rows]
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    if unresolved:
        table = Table("name", "document", "task", "role", "offset")
        for row in rows:
            for m in row["mentions"]:
                table.add_row(row["name"], m.get("doc") or "", m.get("task") or "", m.get("role") or "",
                              str(m.get("start") or ""))
        console.print(table if rows else "No unresolved agencies: every name matched the registry.")
        return
    table = Table(*res.columns)
    for r in res.rows:
        table.add_row(*[cell(v) for v in r])
    console.print(table)


@app.command("eval")
def evaluate_cmd(
    gold: list[Path] = typer.Option(None, "--gold", "-g", help="Gold JSON files or folders (default: the shipped gold set, tests/gold/)."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f"),
    misses: int = typer.Option(20, help="How many misses to list in the table output."),
) -> None:
    """Score extraction against hand-checked gold: precision, recall and F1 per type, agency
    resolution accuracy, and what was missed or found wrongly. Needs no Neo4j."""
    from policykg.extract.evaluation import evaluate
    from policykg.paths import gold_dir

    try:
        report = evaluate(gold or [gold_dir()])
    except ValueError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(1) from None
    if fmt == "json":
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n")
        return
    table = Table("gold", "type", "tp", "fp", "fn", "precision", "recall", "F1")
    for group, scores in [*report.groups.items(), ("all", report.scores)]:
        for s in scores.values():
            table.add_row(group, s.type, str(s.tp), str(s.fp), str(s.fn), f"{s.precision:.3f}", f"{s.recall:.3f}",
                          f"{s.f1:.3f}")
    console.print(table)
    console.print(f"agency resolution accuracy {report.resolution_accuracy:.3f} "
                  f"({report.resolution_correct}/{report.resolution_total}) over {len(report.sources)} gold sources")
    for m in report.misses[:misses]:
        console.print(f"  {m.kind:<12} {m.type:<16} {m.source}: {json.dumps(m.detail, ensure_ascii=False)[:150]}",
                      highlight=False)
    if len(report.misses) > misses:
        console.print(f"  … {len(report.misses) - misses} more (--misses N, or --format json)")


def _parse_param(raw: str) -> tuple[str, object]:
    key, sep, value = raw.partition("=")
    if not sep or not key:
        raise typer.BadParameter(f"{raw!r}: write parameters as key=value")
    try:
        return key, json.loads(value)
    except json.JSONDecodeError:
        return key, value


@app.command()
def query(
    cypher: str = typer.Argument(..., help="A Cypher query; it runs read-only."),
    param: list[str] = typer.Option([], "--param", "-p", help="key=value (value parsed as JSON when it can be)."),
    fmt: QueryFormat = typer.Option(QueryFormat.table, "--format", "-f"),
    timeout: float = typer.Option(30.0, help="Seconds before the server stops the query."),
    limit: int = typer.Option(5000, help="At most this many rows."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="On an error, also print the server's code and message."),
) -> None:
    """Run a read-only Cypher query: the server plans it first and only a plain read of the graph
    runs (no writes, LOAD CSV, SHOW/TERMINATE, administration or non-read procedures), in a READ
    session with a timeout and a row limit."""
    from neo4j.exceptions import Neo4jError
    from rich.markup import escape

    from policykg.graph.readonly import QueryError, describe_error, run_read_query

    params = dict(_parse_param(p) for p in param)
    driver, settings = driver_or_exit(start_managed=False)
    with driver:
        try:
            res = run_read_query(driver, cypher, params, database=settings.database, timeout=timeout, row_limit=limit)
        except QueryError as exc:
            if fmt == "json":  # machines get the sentence, the server's code and its message
                sys.stdout.write(json.dumps(exc.to_json(), ensure_ascii=False, indent=2) + "\n")
            err.print(f"[red]{escape(exc.sentence)}[/red]", highlight=False)
            if verbose and (exc.code or exc.details):
                err.print(escape("\n".join(x for x in (exc.code, exc.details) if x)), highlight=False)
            raise typer.Exit(1) from None
        except Neo4jError as exc:
            err.print(f"[red]{describe_error(exc)}[/red]", highlight=False)
            raise typer.Exit(1) from None
    if fmt == "json":
        sys.stdout.write(json.dumps([dict(zip(res.columns, r)) for r in res.rows], ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(res.columns)
        for r in res.rows:
            w.writerow([json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v for v in r])
        sys.stdout.write(buf.getvalue())
    else:
        table = Table(*res.columns)
        for r in res.rows:
            table.add_row(*[cell(v) for v in r])
        console.print(table)
    if res.truncated:
        err.print(f"[yellow]stopped at {limit} rows[/yellow]")


# Last, so `policykg --help` lists the graph-building commands first and the viewer/exports after.
register_views(app)

if __name__ == "__main__":  # pragma: no cover
    app()
