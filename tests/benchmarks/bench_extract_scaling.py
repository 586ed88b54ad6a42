"""Benchmark: extraction time per MB from 10 KB to 20 MB (issue 8: extraction is linear).

    .venv/bin/python tests/benchmarks/bench_extract_scaling.py [--sizes-kb 10,100,1000,5000,20000] [--json FILE]

Each input is a built-in plan's text repeated to the size (so headings, tasks, clauses and
mentions grow with it, as in a real long document), plus two pathological inputs of the same
sizes: blank lines only, and one line without a break. It reports seconds per MB for each size
and the ratio of the largest to the smallest figure per input kind: a linear stage keeps the
ratio near 1, a quadratic one multiplies it by the size ratio (2000 from 10 KB to 20 MB).
Small sizes take the median of several runs; machines are noisy, so read ratios, not times.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ for corpus_helpers

from corpus_helpers import doc_path  # noqa: E402
from policykg.extract.pipeline import extract_text  # noqa: E402


def sized(unit: str, size: int) -> str:
    """`unit` repeated (whole copies, then a cut at a line end) to about `size` UTF-8 bytes."""
    b = len(unit.encode("utf-8"))
    text = unit * max(1, size // b)
    rest = size - len(text.encode("utf-8"))
    if rest > 0:
        cut = unit.encode("utf-8")[:rest].decode("utf-8", "ignore")
        text += cut[: cut.rfind("\n") + 1] if "\n" in cut else ""
    return text


def run(text: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        extract_text(text, "bench")
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes-kb", default="10,100,1000,5000,20000")
    ap.add_argument("--kinds", default="plan,blank,one-line")
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args()
    sizes = [int(float(s) * 1000) for s in args.sizes_kb.split(",")]
    plan = doc_path("2016").read_text(encoding="utf-8")
    units = {"plan": plan + "\n", "blank": "\n", "one-line": "长"}
    extract_text(plan, "warm-up")  # model loads are not per-MB work
    out: dict = {"sizes_bytes": sizes, "kinds": {}}
    for kind in args.kinds.split(","):
        rows = []
        for size in sizes:
            text = sized(units[kind], size)
            mb = len(text.encode("utf-8")) / 1e6
            try:
                secs = run(text, 3 if size <= 200_000 else 1)
            except Exception as exc:  # a stage that refuses the input is a finding, not a crash
                rows.append({"bytes": int(mb * 1e6), "error": f"{type(exc).__name__}: {str(exc)[:120]}"})
                print(f"{kind:9s} {mb:9.3f} MB error {rows[-1]['error']}", file=sys.stderr, flush=True)
                continue
            rows.append({"bytes": int(mb * 1e6), "seconds": round(secs, 3), "s_per_mb": round(secs / mb, 3)})
            print(f"{kind:9s} {mb:9.3f} MB {secs:8.2f} s {secs / mb:8.3f} s/MB", file=sys.stderr, flush=True)
        rows_ok = [r for r in rows if "s_per_mb" in r]
        if not rows_ok:
            out["kinds"][kind] = {"rows": rows}
            continue
        rows, all_rows = rows_ok, rows
        per_mb = [r["s_per_mb"] for r in rows]
        out["kinds"][kind] = {"rows": all_rows, "max_to_min_s_per_mb": round(max(per_mb) / max(min(per_mb), 1e-9), 2),
                              "largest_to_smallest_size": round(rows[-1]["bytes"] / rows[0]["bytes"])}
    print(json.dumps(out, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
