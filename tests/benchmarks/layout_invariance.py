"""Benchmark: does the structure reader find the same tasks and owners whatever the layout? (issue 12)

    .venv/bin/python tests/benchmarks/layout_invariance.py [--gold tests/gold/dev] [--layouts one_line,indent]
        [--docs gov-2020-guobanfa-24,...] [--worst 5] [--json FILE]

Every gold document is rendered in each layout of policykg.extract.evaluation_layouts.LAYOUTS (same words,
other white space / numbering width), its gold moved through the rendering's character map, both written
to a temporary directory and scored with the project's scorer (extract/evaluation.py, `policykg eval`).
Prints per layout: pooled responsible-unit F1 (P/R), lead F1, tasks found, how many moved gold items were
not exact (must be 0), and the documents that lose most responsible units against the original layout.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from policykg.extract.evaluation import load_gold
from policykg.extract.evaluation_layouts import LAYOUTS, score_layout

ROOT = Path(__file__).resolve().parents[2]


def gold_docs(gold_dir: Path, only: set[str] | None) -> list[tuple[dict, str]]:
    out = []
    for f, g in load_gold([gold_dir]):
        if not (isinstance(g, dict) and "file" in g and "tasks" in g):
            continue
        if only and g["doc_id"] not in only:
            continue
        path = Path(g["file"]) if Path(g["file"]).is_absolute() else ROOT / g["file"]
        out.append((g, path.read_bytes().decode("utf-8")))
    return out


def _fmt(row: dict | None) -> str:
    if not row:
        return "-"
    return f"{row['f1']:.3f} (P {row['precision']:.3f} R {row['recall']:.3f}; {row['tp']}/{row['fp']}/{row['fn']})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=ROOT / "tests/gold/dev")
    ap.add_argument("--layouts", default=",".join(LAYOUTS))
    ap.add_argument("--docs", default="")
    ap.add_argument("--worst", type=int, default=5)
    ap.add_argument("--json", type=Path)
    a = ap.parse_args(argv)
    layouts = [x for x in a.layouts.split(",") if x]
    if "original" not in layouts:
        layouts.insert(0, "original")  # the control every other layout is compared with
    docs = gold_docs(a.gold, set(a.docs.split(",")) - {""} or None)
    results = {}
    for layout in layouts:
        res = score_layout(layout, docs)
        results[layout] = res
        p = res["pooled"]
        tf = p.get("task_found", {})
        print(f"{layout:16s} resp-unit {_fmt(p.get('responsible_unit'))}  lead {_fmt(p.get('lead'))}  "
              f"tasks {tf.get('tp', 0)}/{tf.get('tp', 0) + tf.get('fn', 0)}  "
              f"inexact-gold {sum(len(v) for v in res['remap_problems'].values())}", flush=True)
        if layout != "original":
            base = results["original"]["docs"]
            loss = []
            for d, sc in res["docs"].items():
                b = base.get(d, {}).get("responsible_unit", {})
                s = sc.get("responsible_unit", {})
                bt = base.get(d, {}).get("task_found", {})
                st = sc.get("task_found", {})
                loss.append((b.get("tp", 0) - s.get("tp", 0) + s.get("fp", 0) - b.get("fp", 0), d,
                             f"resp {b.get('tp')}/{b.get('fp')}/{b.get('fn')} -> {s.get('tp')}/{s.get('fp')}/{s.get('fn')}, "
                             f"tasks {bt.get('tp')} -> {st.get('tp')}"))
            for lost, d, msg in sorted(loss, reverse=True)[: a.worst]:
                if lost > 0:
                    print(f"    {d:36s} {msg}")
        for d, bad in res["remap_problems"].items():
            print(f"    REMAP {d}: {bad[:3]}")
    if a.json:
        a.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
