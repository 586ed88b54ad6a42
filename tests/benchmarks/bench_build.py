"""Benchmark: `build_corpus` of the built-in corpus into an empty graph, then again unchanged.

    .venv/bin/python tests/benchmarks/bench_build.py [--json FILE]

Runs the same library call the CLI runs (policykg.build.build_corpus), one run each, and reports
the ratio rebuild / first build (issue 9: an unchanged corpus must cost at most 20 % of a first
build: the rebuild compares input keys and extracts nothing), a forced rebuild's ratio, and the
per-document times. Machines are noisy, so it reports ratios between figures of the same run.

It needs a Neo4j it may empty: by default it starts a throwaway server of its own (a temporary
home on a free port, as the tests do) and stops it after; with NEO4J_URI set it uses that server
and EMPTIES ITS GRAPH first (MATCH (n) DETACH DELETE n), so point it at a scratch database only.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import tempfile
import time
from pathlib import Path

from policykg.build import build_corpus
from policykg.graph import neo4j_server
from policykg.paths import corpus_dir
from policykg.settings import get_driver, managed_settings, neo4j_settings


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed(fn):
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def measure(driver, database) -> dict:
    with driver.session(database=database) as s:
        s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()
    first_s, first = timed(lambda: build_corpus([corpus_dir()], driver, database=database))
    again_s, again = timed(lambda: build_corpus([corpus_dir()], driver, database=database))
    forced_s, forced = timed(lambda: build_corpus([corpus_dir()], driver, database=database, force=True))
    for r in (first, again, forced):
        assert r.ok, [(d.path, d.status, d.reason) for d in r.documents]
    return {
        "first_build_s": round(first_s, 2), "unchanged_rebuild_s": round(again_s, 2),
        "forced_rebuild_s": round(forced_s, 2),
        "unchanged_to_first_ratio": round(again_s / first_s, 3),
        "forced_to_first_ratio": round(forced_s / first_s, 3),
        "statuses": {"first": sorted({d.status for d in first.documents}),
                     "unchanged": sorted({d.status for d in again.documents})},
        "documents": [{"path": d.path, "first_s": d.seconds, "rebuild_s": e.seconds}
                      for d, e in zip(first.documents, again.documents)],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args()
    if os.environ.get("NEO4J_URI"):
        settings = neo4j_settings()
        with get_driver(settings) as driver:
            out = measure(driver, settings.database)
    else:
        with tempfile.TemporaryDirectory(prefix="policykg-bench-") as home:
            config = neo4j_server.ServerConfig(home=Path(home), bolt_port=_free_port(), heap_initial="256m",
                                               heap_max="1g", pagecache="256m", tx_log_rotation_size="8M")
            neo4j_server.start(config, timeout=300)
            try:
                settings = managed_settings(config)
                with get_driver(settings) as driver:
                    out = measure(driver, settings.database)
            finally:
                neo4j_server.stop(config)
    print(json.dumps(out, ensure_ascii=False, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
