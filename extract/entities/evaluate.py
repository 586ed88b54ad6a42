"""What the statistical NER adds: rules-only vs rules+model on the entity gold sets.

Each set is marked `tuning` or `held-out` (ENTITY_SETS: data, one line a set). For each examples
file (tests/gold/heldout.json, tests/gold/heldout_entities_2.json … _5),
per entity type: precision, recall and F1 of the rules alone (finder.find_entities) and of rules
+ model (mentions.document_mentions), and recall on the gold entities none of whose forms is in
any gazetteer (the names the rules can only catch by pattern, and the model by context).
Entities match as in extract/evaluation.py: same type, any shared name or alias after NFKC,
casefolding and dropping spaces and quotes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from policykg.extract.evaluation import ENTITY_TYPES, Score, _entity_items, _gold_entities

HERE = Path(__file__).resolve().parent


def _gold_dir() -> Path:
    # The gold set ships as package data (policykg.gold) once the packaging change lands; a
    # checkout without it still has tests/gold beside extract/.
    try:
        from policykg.paths import gold_dir

        path = gold_dir()
        if path.is_dir():
            return path
    except (ImportError, ModuleNotFoundError):
        pass
    return HERE.parents[1] / "tests" / "gold"


GOLD_DIR = _gold_dir()
HELDOUT = (GOLD_DIR / "heldout.json", GOLD_DIR / "heldout_entities_2.json")
SYSTEMS = ("rules", "rules+model")

TUNING = "tuning"
HELD_OUT = "held-out"
# What each entity gold set is (by file stem), printed beside its figures: `tuning` once its
# misses were read and the rules, registries or gate were changed for them (its figures then say
# how well the rules fit it), `held-out` while it was only scored blind (they say how the rules
# carry to new text). A set scored blind is added here as held-out by whoever scores it; whoever
# reads its misses turns it to tuning in the same commit as the first change made for them
# (extract/entities/data/README.md, "Tuning sets", has each set's blind and after figures).
# A file not listed is a blind set nobody has registered yet: held-out.
ENTITY_SETS: dict[str, str] = {
    "heldout": TUNING,
    "heldout_entities_2": TUNING,
    "heldout_entities_3": TUNING,  # blind at 7a5654d, tuned 2026-12-01 15:15–15:58 UTC
    "heldout_entities_4": TUNING,  # blind at 06de54a, tuned with set 3
    "heldout_entities_5": TUNING,  # blind at 3935855, tuned 2026-12-01 17:00–18:40 UTC
    "heldout_entities_6": TUNING,  # blind at 7d58723 (scored once), tuned 2026-12-01 17:55–18:40 UTC
    "heldout_entities_7": TUNING,  # blind at d9f99f1, tuned 2026-12-01 20:00–21:50 UTC
    "heldout_entities_8": TUNING,  # blind at 395d6a4, tuned 2026-12-02 06:00–06:40 UTC
    "heldout_entities_9": TUNING,  # blind at 9b21fb5, tuned 2026-12-02 17:00–17:55 UTC
    # blind at d133674 (semi-official, partial; scored once: Company F1 .583, P 1.000 R .412, non-gaz
    # R .286 of 14; Institution .509, P .536 R .484; Technology .968), tuned 2026-12-03 (branch ent10)
    "heldout_entities_10": TUNING,
}


def set_status(stem: str) -> str:
    """`tuning` or `held-out` for an entity gold set's file stem (ENTITY_SETS)."""
    return ENTITY_SETS.get(stem, HELD_OUT)


@dataclass
class TypeScore:
    score: Score
    novel_tp: int = 0
    novel_total: int = 0

    @property
    def novel_recall(self) -> float:
        return self.novel_tp / self.novel_total if self.novel_total else 1.0


@dataclass
class EntityReport:
    # (file stem | 'all', system, type) -> TypeScore
    cells: dict[tuple[str, str, str], TypeScore] = field(default_factory=dict)
    misses: list[dict] = field(default_factory=list)

    def cell(self, group: str, system: str, type_: str) -> TypeScore:
        return self.cells.setdefault((group, system, type_), TypeScore(Score(type=type_)))

    def rows(self) -> list[dict]:
        out = []
        stems = {g for g, _, _ in self.cells if g != "all"}
        # The pooled rows mix both kinds when the sets do: said so, not passed off as held-out.
        pooled = " + ".join(sorted({set_status(g) for g in stems}, reverse=True)) or HELD_OUT
        for (group, system, type_), c in sorted(self.cells.items()):
            s = c.score
            out.append({"set": group, "status": pooled if group == "all" else set_status(group),
                        "system": system, "type": type_, "tp": s.tp, "fp": s.fp, "fn": s.fn,
                        "precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
                        "novel_recall": round(c.novel_recall, 4), "novel": c.novel_total})
        return out


def in_gazetteer(names: set[str]) -> bool:
    """Whether any normalised form of a gold entity is a gazetteer alias (any type)."""
    from policykg.extract.entities.gazetteer import default_gazetteer
    from policykg.extract.evaluation import norm

    gaz = default_gazetteer()
    known = getattr(gaz, "_norm_aliases", None)
    if known is None:
        known = {norm(a) for refs in gaz.index.values() for r in refs for a in (r.alias, r.entry.name)}
        gaz._norm_aliases = known  # type: ignore[attr-defined]
    return bool(names & known)


def _score(report: EntityReport, group: str, system: str, source: str, gold: dict, found) -> None:
    items = _entity_items(found)
    for key, label in ENTITY_TYPES.items():
        if key not in gold:
            continue
        cands = list(items.get(label, []))
        used: set[int] = set()
        for names, detail in _gold_entities(gold[key]):
            novel = not in_gazetteer(names)
            hit = next((i for i, (f, _) in enumerate(cands) if i not in used and names & f), None)
            for g in (group, "all"):
                c = report.cell(g, system, label)
                c.novel_total += novel
                if hit is None:
                    c.score.fn += 1
                else:
                    c.score.tp += 1
                    c.novel_tp += novel
            if hit is None:
                report.misses.append({"set": group, "system": system, "source": source, "type": label,
                                      "kind": "missed", "name": detail.get("name"), "novel": novel})
            else:
                used.add(hit)
        for i, (_, detail) in enumerate(cands):
            if i not in used:
                for g in (group, "all"):
                    report.cell(g, system, label).score.fp += 1
                report.misses.append({"set": group, "system": system, "source": source, "type": label,
                                      "kind": "spurious", "name": detail.get("name")})


def evaluate_heldout(paths: tuple[Path, ...] = HELDOUT, model: bool = True) -> EntityReport:
    from policykg.extract.entities.mentions import document_mentions

    report = EntityReport()
    for path in paths:
        if not path.is_file():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        examples = data["examples"] if isinstance(data, dict) else data
        for i, ex in enumerate(examples):
            source = f"{path.name}#{i}"
            text = ex["text"]
            _score(report, path.stem, "rules", source, ex, document_mentions(source, text, 0, len(text), model=False))
            if model:
                _score(report, path.stem, "rules+model", source, ex, document_mentions(source, text, 0, len(text)))
    return report


def format_table(report: EntityReport) -> str:
    """Plain-text table, one line per (set, type, system)."""
    return format_rows(report.rows())


def format_rows(rows: list[dict]) -> str:
    head = (f"{'set':<22} {'status':<17} {'type':<12} {'system':<12} {'P':>6} {'R':>6} {'F1':>6} {'R(non-gaz)':>11}"
            "  tp/fp/fn")
    lines = [head, "-" * len(head)]
    rows = sorted(rows, key=lambda r: (r["set"] == "all", r["set"], r["type"], r["system"]))
    for r in rows:
        status = r.get("status") or (HELD_OUT if r["set"] == "all" else set_status(r["set"]))
        lines.append(f"{r['set']:<22} {status:<17} {r['type']:<12} {r['system']:<12} {r['precision']:>6.3f} {r['recall']:>6.3f} "
                     f"{r['f1']:>6.3f} {r['novel_recall']:>6.3f} ({r['novel']:>2})  {r['tp']}/{r['fp']}/{r['fn']}")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - `policykg eval` prints the same table
    print(format_table(evaluate_heldout()))
