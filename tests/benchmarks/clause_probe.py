"""Probe: run the clause finder over unlabelled real text, no gold (issue 12, eighth session).

    .venv/bin/python tests/benchmarks/clause_probe.py [--out FILE.json] [--sample 60] [--seed 8]

Reads the entity training corpus (extract/entities/data/paragraphs*.jsonl.gz), joins each document's
paragraphs with line breaks and lists:

- precision probe: every clause the finder reads in the government work reports (mostly 要/将 subject
  sentences, which by tests/gold/dev/README.md are not clauses), with its owners;
- recall probe: sentences holding 负责 / 牵头 / 配合 / 会同 / 责任单位 / 承担 that no clause covers.

Only the sources the probe may read are used (PROBE_SOURCES); the held-out corpora of the entity work
(xvshiting/politic_analysis_paper_2025, mengke25/*) are never opened, and a document of the dev set in
an older version (the 柳河 chanye.js page) is skipped. The default prefix is 省 for every document, so
restored names of national documents read 省… (a probe artefact). A person reads the sample and classifies
each line by the annotation decisions; nothing here is scored automatically.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import random
import re

from policykg.extract.clauses.finder import find_clauses

PROBE_SOURCES = ("ZhouYNF/platform-1", "chairmenfrog/Policy_crawler", "johncodes404/china-provincial-gov-reports-2026",
                 "Vnissun/LiuheSWJ", "aldohemsn/chinese-political-corpora")
REPORTS = ("johncodes404/", "aldohemsn/")
SKIP = ("policy/article/chanye.js",)  # an older version of the dev document liuhe-2023-zhongdian-chanye
FILES = ("paragraphs.jsonl.gz", "paragraphs_firms.jsonl.gz", "paragraphs_more.jsonl.gz")
KEYWORDS = re.compile(r"[^。；;！？\n]*(?:负责|牵头|配合|会同|责任单位|承担)[^。；;！？\n]*[。；;！？]?")


def documents(folder) -> dict[tuple[str, str], str]:
    docs: dict[tuple[str, str], list[tuple[int, str]]] = collections.OrderedDict()
    for name in FILES:
        with gzip.open(folder / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                if not d["src"].startswith(PROBE_SOURCES) or d["src"].endswith(SKIP):
                    continue
                docs.setdefault((d["src"], d["doc"]), []).append((d["n"], d["text"]))
    return {k: "\n".join(t for _, t in sorted(ps)) for k, ps in docs.items()}


def main() -> None:
    from importlib.resources import files
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=None)
    ap.add_argument("--sample", type=int, default=60)
    ap.add_argument("--seed", type=int, default=8)
    args = ap.parse_args()
    folder = files("policykg.extract.entities") / "data"
    clauses, unfound = [], []
    for (src, doc), text in documents(folder).items():
        found = find_clauses(text, 0, len(text), "省")
        if src.startswith(REPORTS):
            clauses += [dict(src=src, doc=doc, rule=f.rule, quote=text[f.start:f.end],
                             roles=[(r.value, [it.name for it in items]) for r, items in f.roles]) for f in found]
        for m in KEYWORDS.finditer(text):
            if not any(f.start < m.end() and m.start() < f.end for f in found):
                unfound.append(dict(src=src, doc=doc, report=src.startswith(REPORTS), quote=m.group(0)))
    rng = random.Random(args.seed)
    policy = [u for u in unfound if not u["report"]]
    sample = policy + rng.sample([u for u in unfound if u["report"]], min(args.sample // 2, len(unfound) - len(policy)))
    print(f"precision probe: {len(clauses)} clauses in the work reports")
    for c in clauses:
        print(f"  {c['rule']:32} {c['roles']}  | {c['quote'][:80]}")
    print(f"recall probe: {len(unfound)} keyword sentences with no clause ({len(policy)} in policy documents); sample:")
    for u in sample:
        print(f"  {u['src'].split(':')[-1][-30:]:30} | {u['quote'][:100]}")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            json.dump(dict(clauses=clauses, unfound=unfound), fh, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
