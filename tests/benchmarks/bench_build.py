"""Benchmark: extraction and loading of the built-in corpus, measured in one run.

    .venv/bin/python tests/benchmarks/bench_build.py [--runs 5] [--json FILE]

Machines are noisy, so it reports medians of several runs and ratios between figures taken in
the same run, never a single wall-clock time. Loading uses the configured Neo4j (NEO4J_URI, or
the project's own server, which must be running: `policykg neo4j start`) and rebuilds the corpus
there, as `policykg build` would.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from policykg.extract.readers.corpus import discover
from policykg.extract.entities.nlp import load_nlp
from policykg.extract.pipeline import extract_document
from policykg.graph.loader import delete_orphans, ensure_schema, load_document, load_registry
from policykg.paths import corpus_dir
from policykg.settings import get_driver, neo4j_settings


def timed(fn):
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args()

    files = discover([corpus_dir()])
    nlp_load, _ = timed(load_nlp)  # once per process; reported apart from per-document work
    extract_s: dict[str, list[float]] = {f.name: [] for f in files}
    extractions = {}
    for _ in range(args.runs):
        for f in files:
            dt, x = timed(lambda f=f: extract_document(f))
            extract_s[f.name].append(dt)
            extractions[f.name] = x

    settings = neo4j_settings()
    load_s: dict[str, list[float]] = {f.name: [] for f in files}
    with get_driver(settings) as driver:
        ensure_schema(driver, settings.database)
        load_registry(driver, database=settings.database)
        for _ in range(args.runs):
            for f in files:
                dt, _ = timed(lambda f=f: load_document(driver, extractions[f.name], settings.database))
                load_s[f.name].append(dt)
        delete_orphans(driver, settings.database)

    rows = []
    for f in files:
        x = extractions[f.name]
        chars = len(x.text)
        me, ml = statistics.median(extract_s[f.name]), statistics.median(load_s[f.name])
        edges = sum(len(c.assignments) for c in x.clauses) + len(x.mentions) + len(x.targets)
        rows.append({
            "document": x.meta.doc_id, "chars": chars, "tasks": len(x.tasks), "facts": edges,
            "extract_median_s": round(me, 4), "load_median_s": round(ml, 4),
            "extract_chars_per_s": round(chars / me), "load_to_extract_ratio": round(ml / me, 2),
            # a rebuild replaces the document: later loads against the first one
            "rebuild_ratio": round(statistics.median(load_s[f.name][1:]) / load_s[f.name][0], 2)
            if len(load_s[f.name]) > 1 else None,
        })
    total_e = sum(r["extract_median_s"] for r in rows)
    total_l = sum(r["load_median_s"] for r in rows)
    summary = {"runs": args.runs, "nlp_load_s": round(nlp_load, 2), "documents": rows,
               "corpus_extract_median_s": round(total_e, 3), "corpus_load_median_s": round(total_l, 3),
               "nlp_load_to_corpus_extract_ratio": round(nlp_load / total_e, 2)}
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(summary, fh, ensure_ascii=False, indent=2)


if __name__ == "__main__":
    main()
