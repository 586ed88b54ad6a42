"""Benchmark: what the entity pipeline costs next to raw pkuseg (issue 11).

    .venv/bin/python tests/benchmarks/bench_nlp.py [--runs 3] [--json FILE]

All figures come from one run of this script and are medians over --runs repetitions, reported
as ratios between figures of the same run (machines here are shared and noisy):

- seg_speed_ratio (median over repetitions of the per-repetition ratio): speed of entity extraction of the built-in corpus (rules over each document
  + pkuseg + trained NER over its paragraphs, mentions.document_mentions) over the speed of raw
  pkuseg segmentation of the same paragraphs (no user dictionary, no components). Target >= 0.8.
  Also with the documents spread over 2 worker processes (n_process=2), and for the whole
  extraction (extract_text: structure, clauses, targets, entities).
- startup ratios: wall time of `policykg --help` and `policykg query --help` in a fresh
  interpreter over `python -c 'import neo4j'`. Target <= 1.5. Each run also checks that the
  command did not import spaCy or the entity pipeline.
- model load: the first document_mentions call in a process (loads pkuseg + NER) vs the second
  (must not load again).
- seg_speed_ratio_cpu: the same ratio from this process's CPU time (time.process_time), which
  other users of a shared machine disturb less than wall time; and `stages`, where the CPU time of
  one entity extraction of the corpus goes (segmentation = the pipeline's make_doc, with the user
  dictionary; rules = finder.find_entities; tok2vec; ner = the bulk greedy decoder; beam = the
  merge's scoring; rest = everything else: copies, the merge, spaCy's batching).
- seg_speed_ratio_spacy_loops (and _cpu): the same extraction with spaCy's own tok2vec and NER
  loops (fast_ner.spacy_loops), interleaved in the same repetitions: what the fast paths gain.
- segmented_share: the share of the paragraphs' characters the extraction segments at all
  (components.may_keep_any: a paragraph where the gate can keep no model span needs no tokens);
  seg_speed_ratio_same_paragraphs: the extraction's speed over raw pkuseg of only those
  paragraphs, i.e. what everything but their segmentation costs.
- extract claims: `policykg extract` of one plan and of two plans in fresh processes
  (extract_two_over_one: the second document costs a fraction of the first, which pays the
  load), and how many times one `policykg extract` of two plans loaded the pkuseg model and the
  entity pipeline (extract_loads: must be 1 and 1).
- fast_paths: whether load_pipeline installed the bulk NER decoder and the once-per-distinct-token
  embedding (extract/entities/fast_ner.py); the figures are for that pipeline.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def startup(cmd: list[str], runs: int) -> float:
    return median_time(lambda: subprocess.run(cmd, check=True, capture_output=True), runs)


def imports_pipeline(args: list[str]) -> bool:
    """Whether running the CLI with `args` imports spaCy or the entity pipeline."""
    probe = ("import sys; from typer.testing import CliRunner; from policykg.cli import app; "
             f"CliRunner().invoke(app, {args!r}); "
             "print(any(m == 'spacy' or m.startswith('policykg.extract.entities.nlp') for m in sys.modules))")
    # A closed port: the query command fails fast on connecting, after its imports.
    env = {**os.environ, "NEO4J_URI": "bolt://127.0.0.1:9"}
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True,
                         env=env, timeout=120).stdout
    return out.strip().endswith("True")


def stage_times(spans, runs: int) -> dict[str, float]:
    """Median CPU seconds per stage of [document_mentions(*s) for s in spans], measured by
    wrapping each stage's entry point (the wrappers' own cost lands in `rest`)."""
    from policykg.extract.entities import finder, mentions
    from policykg.extract.entities.nlp import load_pipeline

    nlp = load_pipeline()
    spent: dict[str, float] = {}
    patched = []

    def wrap(obj, name: str, key: str) -> None:
        fn = getattr(obj, name)

        def timed(*a, **k):
            c0 = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent[key] = spent.get(key, 0.0) + time.process_time() - c0
        setattr(obj, name, timed)
        patched.append((obj, name, fn))

    ner = nlp.get_pipe("ner")
    wrap(nlp, "make_doc", "segmentation")
    wrap(finder, "find_entities", "rules")
    wrap(nlp.get_pipe("tok2vec"), "predict", "tok2vec")
    wrap(getattr(ner, "_decoder", ner), "decode" if hasattr(ner, "_decoder") else "predict", "ner")
    wrap(nlp.get_pipe("policykg_entity_merge"), "scores", "beam")
    per_run: list[dict[str, float]] = []
    try:
        for _ in range(runs):
            spent.clear()
            c0 = time.process_time()
            for s in spans:
                mentions.document_mentions(*s)
            total = time.process_time() - c0
            row = {k: spent.get(k, 0.0) for k in ("segmentation", "rules", "tok2vec", "ner", "beam")}
            row["rest"] = total - sum(row.values())
            row["total"] = total
            per_run.append(row)
    finally:
        for obj, name, fn in reversed(patched):
            setattr(obj, name, fn)
    return {k: round(statistics.median(r[k] for r in per_run), 3) for k in per_run[0]}


LOAD_PROBE = """
import sys
from typer.testing import CliRunner
from policykg.cli import app
from policykg.extract.entities import nlp
res = CliRunner().invoke(app, ["extract", "-f", "summary", *sys.argv[1:]])
assert res.exit_code == 0, res.output
print(nlp._base_segmenter.cache_info().misses, nlp._load_pipeline.cache_info().misses)
"""


def extract_loads(files: list[Path]) -> dict[str, int]:
    """How often one `policykg extract` of `files` loaded the pkuseg model and the pipeline."""
    out = subprocess.run([sys.executable, "-c", LOAD_PROBE, *map(str, files)], check=True,
                         capture_output=True, text=True, timeout=600).stdout.split()
    return {"pkuseg_model": int(out[-2]), "entity_pipeline": int(out[-1])}


def fast_paths() -> dict[str, bool]:
    from policykg.extract.entities import fast_ner
    from policykg.extract.entities.nlp import load_pipeline

    nlp = load_pipeline()
    return {"bulk_ner": isinstance(nlp.get_pipe("ner"), fast_ner.BulkGreedyNER),
            "embed_once": bool(getattr(nlp.get_pipe("tok2vec"), "_policykg_embed_once", False))}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()

    from policykg.extract.entities import fast_ner, mentions
    from policykg.extract.entities.components import may_keep_any
    from policykg.extract.entities.nlp import load_nlp, load_pipeline
    from policykg.extract.pipeline import extract_text
    from policykg.paths import corpus_dir
    from policykg.extract.structure.sections import parse_structure

    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((corpus_dir() / "documents").glob("*.txt"))]
    spans = []
    for doc_id, text in texts:
        st = parse_structure(text, doc_id)
        spans.append((doc_id, text, st.body_start, st.body_end))
    paragraphs = [text[a:b] for _, text, lo, hi in spans for a, b in mentions.paragraphs(text, lo, hi)]
    chars = sum(map(len, paragraphs))
    needed = [p for p in paragraphs if may_keep_any(p)]

    t0 = time.perf_counter()
    mentions.document_mentions(*spans[0])
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    mentions.document_mentions(*spans[0])
    second = time.perf_counter() - t0
    plain = load_nlp(registries=False)
    load_pipeline()

    # Interleaved: each repetition times all four back to back and yields its own ratios, so a
    # change in the machine's load between measurements does not land in one figure only.
    def ents_spacy_loops():
        with fast_ner.spacy_loops(load_pipeline()):
            return [mentions.document_mentions(*s) for s in spans]

    jobs = {
        "raw": lambda: [plain.make_doc(p) for p in paragraphs],
        "raw_needed": lambda: [plain.make_doc(p) for p in needed],
        "ents": lambda: [mentions.document_mentions(*s) for s in spans],
        "ents_spacy_loops": ents_spacy_loops,
        "ents2": lambda: mentions.many_document_mentions(spans, n_process=2),
        "full": lambda: [extract_text(text, doc_id) for doc_id, text in texts],
    }
    times: dict[str, list[float]] = {k: [] for k in jobs}
    cpu: dict[str, list[float]] = {k: [] for k in jobs}
    for _ in range(args.runs):
        for key, job in jobs.items():
            t0, c0 = time.perf_counter(), time.process_time()
            job()
            times[key].append(time.perf_counter() - t0)
            cpu[key].append(time.process_time() - c0)
    med = {k: statistics.median(v) for k, v in times.items()}
    raw, ents, ents2, full = med["raw"], med["ents"], med["ents2"], med["full"]

    def ratio(key: str, table=times, raw: str = "raw") -> float:
        return statistics.median(r / t for r, t in zip(table[raw], table[key]))

    neo = startup([sys.executable, "-c", "import neo4j"], max(args.runs, 5))
    helpt = startup([str(VENV_BIN / "policykg"), "--help"], max(args.runs, 5))
    queryt = startup([str(VENV_BIN / "policykg"), "query", "--help"], max(args.runs, 5))
    plans = sorted((corpus_dir() / "documents").glob("*.txt"))[:2]
    extract_cmd = [str(VENV_BIN / "policykg"), "extract", "-f", "summary"]
    one = startup([*extract_cmd, str(plans[0])], max(args.runs, 3))
    two = startup([*extract_cmd, *map(str, plans)], max(args.runs, 3))

    result = {
        "paragraphs": len(paragraphs), "characters": chars, "runs": args.runs,
        "raw_pkuseg_s": round(raw, 3), "entity_extraction_s": round(ents, 3),
        "entity_extraction_2proc_s": round(ents2, 3), "full_extraction_s": round(full, 3),
        "seg_speed_ratio": round(ratio("ents"), 3),
        "seg_speed_ratio_2proc": round(ratio("ents2"), 3),
        "full_extraction_speed_ratio": round(ratio("full"), 3),
        "seg_speed_ratio_cpu": round(ratio("ents", cpu), 3),
        "segmented_share": round(sum(map(len, needed)) / chars, 3),
        "seg_speed_ratio_same_paragraphs": round(ratio("ents", raw="raw_needed"), 3),
        "seg_speed_ratio_same_paragraphs_cpu": round(ratio("ents", cpu, raw="raw_needed"), 3),
        "entity_extraction_spacy_loops_s": round(med["ents_spacy_loops"], 3),
        "seg_speed_ratio_spacy_loops": round(ratio("ents_spacy_loops"), 3),
        "seg_speed_ratio_spacy_loops_cpu": round(ratio("ents_spacy_loops", cpu), 3),
        "stages": stage_times(spans, args.runs),
        "fast_paths": fast_paths(),
        "import_neo4j_s": round(neo, 3), "help_s": round(helpt, 3), "query_help_s": round(queryt, 3),
        "help_startup_ratio": round(helpt / neo, 3), "query_startup_ratio": round(queryt / neo, 3),
        "help_imports_pipeline": imports_pipeline(["--help"]),
        "query_imports_pipeline": imports_pipeline(["query", "RETURN 1"]),
        "first_call_s": round(first, 3), "second_call_s": round(second, 3),
        "second_over_first_call": round(second / first, 3),
        "extract_one_plan_s": round(one, 3), "extract_two_plans_s": round(two, 3),
        "extract_two_over_one": round(two / one, 3),
        "extract_loads": extract_loads(plans),
    }
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
