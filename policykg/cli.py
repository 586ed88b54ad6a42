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
from rich.table import Table

from policykg.cli_build import BuildFormat
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
    jobs: int = typer.Option(1, "--jobs", "-j", help="Worker processes for several documents (the entity pipeline loads once, before they fork)."),
) -> None:
    """Extract plans, sections, tasks, clauses and agencies without touching Neo4j."""
    from policykg.extract.readers.corpus import discover
    from policykg.extract.pipeline import extract_documents
    from policykg.extract.readers.text import DocumentError

    failed = 0
    docs = []
    try:
        files = discover(paths)
    except DocumentError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(1) from None
    for out in extract_documents(files, n_process=jobs):
        if isinstance(out, DocumentError):
            failed += 1
            err.print(f"[red]error:[/red] {out}", highlight=False)
        else:
            docs.append(out)
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
    force: bool = typer.Option(False, "--force", help="Rebuild documents whose content and extractor are unchanged."),
    fmt: BuildFormat = typer.Option(BuildFormat.table, "--format", "-f", help="table (with progress) or json."),
    max_mb: float = typer.Option(64.0, "--max-mb", help="Refuse files larger than this (MB), before reading them."),
    timeout: float = typer.Option(600.0, "--timeout", help="Seconds one document's extraction may take (0: no limit)."),
    max_tx_mb: float = typer.Option(8.0, "--max-tx-mb", help="Facts (MB) one transaction may write; a larger document is staged in several."),
    keep_missing: bool = typer.Option(False, "--keep-missing", help="Keep the plans of a built folder whose files are gone (default: remove them)."),
) -> None:
    """Extract documents and load them into Neo4j, one transaction per document.

    Unchanged documents (same content, same extractor) are skipped. A document that cannot be
    read, parsed or loaded, or that yields nothing, is reported by name with the reason and the
    others load (exit code 1); if the server goes away the build stops with a summary and a
    rerun loads what is missing (exit code 2). The graph mirrors each folder built: plans found
    in it before whose files are gone (deleted, renamed) are removed with their facts ("removed N")."""
    from policykg.cli_build import build_command

    build_command(paths, force, fmt, max_mb, timeout, max_tx_mb, keep_missing)


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
        table = Table("name", "jurisdiction", "level", "document", "task", "role", "offset")
        for row in rows:
            for m in row["mentions"]:
                table.add_row(row["name"], row.get("jurisdiction") or "", row.get("level") or "",
                              m.get("doc") or "", m.get("task") or "", m.get("role") or "",
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
    pooled = {t: report.scores[t] for t in ("responsible_unit", "lead", "task_found") if t in report.scores}
    if pooled:
        docs = sum(1 for g in report.groups if g.startswith("doc:"))
        parts = [f"{t.replace('_', ' ')} F1 {s.f1:.3f}" for t, s in pooled.items() if t != "task_found"]
        if "task_found" in pooled:
            parts.append(f"tasks found {pooled['task_found'].recall:.3f} "
                         f"({pooled['task_found'].tp}/{pooled['task_found'].tp + pooled['task_found'].fn})")
        console.print(f"pooled over {docs} real documents: " + ", ".join(parts), highlight=False)
    for m in report.misses[:misses]:
        console.print(f"  {m.kind:<12} {m.type:<16} {m.source}: {json.dumps(m.detail, ensure_ascii=False)[:150]}",
                      highlight=False)
    if len(report.misses) > misses:
        console.print(f"  … {len(report.misses) - misses} more (--misses N, or --format json)")
    if report.entity_model:
        from policykg.extract.entities.evaluate import format_rows

        console.print("\nentities per gold set, rules only vs rules + trained NER (status: tuning = its misses "
                      "were read and the rules tuned on it, held-out = scored blind only; R(non-gaz): recall on "
                      "names in no gazetteer):")
        console.print(format_rows(report.entity_model), highlight=False, soft_wrap=True)


@app.command()
def train(
    max_steps: int = typer.Option(0, help="Stop after this many updates (0: the config's max_steps)."),
    output: Path = typer.Option(None, "--output", "-o", help="Folder for the trained model (default: the user's "
                                "model dir, <policykg home>/entity-model, which extraction then prefers)."),
) -> None:
    """Retrain the entity NER from the project's files: weak labels over
    extract/entities/data/paragraphs.jsonl.gz and the corpus plans (corrected by their gold), then
    `spacy train` on extract/entities/config.cfg. Writes --output or the user's model dir, never
    the installed package; set POLICYKG_ENTITY_MODEL to load a model from elsewhere."""
    from policykg.extract.entities.training import train as train_model

    info = train_model(model_dir=output, max_steps=max_steps or None)
    console.print_json(data=info)


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
