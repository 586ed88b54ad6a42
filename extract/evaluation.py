"""Scoring extraction against hand-checked gold annotations.

The gold format is documented in tests/gold/README.md. Two kinds of gold file are read:

- a document file (an object with `doc_id` and `file`): responsibility edges with canonical
  agency ids, companies, institutions, technologies and targets of one document;
- an examples file (a list, or an object with `examples`): sentences in other styles, each with
  the clauses and entities it states.

Edges match on (task title, role, rank, agency); entities on type and any shared name or alias;
targets on value, unit and year. Agency resolution accuracy counts, among gold edges whose
(task, role, rank) the system found, those resolved to the gold agency.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable

from pydantic import BaseModel, Field

from policykg.paths import corpus_dir

ENTITY_TYPES = {"companies": "Company", "institutions": "Institution", "technologies": "Technology"}


class Score(BaseModel):
    type: str
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_row(self) -> dict:
        return {"type": self.type, "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


class Miss(BaseModel):
    type: str
    source: str  # document id, or examples file#index
    kind: str  # missed (in gold, not found) | spurious (found, not in gold) | wrong_agency
    detail: dict


class Report(BaseModel):
    scores: dict[str, Score] = Field(default_factory=dict)  # over all gold
    # by group: 'documents' (whole annotated documents) and 'examples' (sentences in other styles)
    groups: dict[str, dict[str, Score]] = Field(default_factory=dict)
    group: str = "documents"
    resolution_correct: int = 0
    resolution_total: int = 0
    misses: list[Miss] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    # Held-out entity gold scored rules-only vs rules+model (extract/entities/evaluate.py)
    entity_model: list[dict] = Field(default_factory=list)

    @property
    def resolution_accuracy(self) -> float:
        return self.resolution_correct / self.resolution_total if self.resolution_total else 1.0

    def count(self, type_: str, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        for sc in (self.scores.setdefault(type_, Score(type=type_)),
                   self.groups.setdefault(self.group, {}).setdefault(type_, Score(type=type_))):
            sc.tp += tp
            sc.fp += fp
            sc.fn += fn

    def to_json(self) -> dict:
        return {
            "sources": self.sources,
            "scores": [s.as_row() for s in self.scores.values()],
            "groups": {g: [s.as_row() for s in scores.values()] for g, scores in self.groups.items()},
            "agency_resolution": {"accuracy": round(self.resolution_accuracy, 4),
                                  "correct": self.resolution_correct, "total": self.resolution_total},
            "misses": [m.model_dump() for m in self.misses],
            "entity_model": self.entity_model,
        }


def norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "").casefold()
    return re.sub(r"[\s。．.“”\"'‘’（）()《》]", "", s)


def load_gold(paths: list[Path]) -> list[tuple[Path, object]]:
    files: list[Path] = []
    for p in paths:
        files.extend(sorted(p.glob("*.json")) if p.is_dir() else [p])
    out = []
    for f in files:
        try:
            out.append((f, json.loads(f.read_text(encoding="utf-8"))))
        except (OSError, json.JSONDecodeError) as exc:
            raise ValueError(f"{f}: not a readable gold JSON file ({exc})") from None
    return out


def _doc_path(gold_file: Path, rel: str) -> Path:
    # Gold files name built-in documents as "corpus/documents/<file>": that is the shipped
    # corpus (policykg.corpus), wherever policykg is installed.
    candidates = [Path(rel), gold_file.parent / rel]
    if Path(rel).parts[:1] == ("corpus",):
        candidates.append(corpus_dir().joinpath(*Path(rel).parts[1:]))
    for base in candidates:
        if base.is_file():
            return base
    raise ValueError(f"{gold_file}: document {rel!r} not found")


def _match_greedy(type_: str, source: str, gold: list, found: list, same: Callable[[Any, Any], Any],
                  report: Report, detail: Callable[[Any], dict] = lambda item: item) -> None:
    """Greedy one-to-one matching: each gold item takes the first unused found item `same` accepts.
    Unmatched gold items are counted missed, unmatched found items spurious; `detail` is what a
    miss records of an item. One loop for every item type, so they are all scored alike."""
    used: set[int] = set()
    for g in gold:
        hit = next((i for i, f in enumerate(found) if i not in used and same(g, f)), None)
        if hit is None:
            report.count(type_, fn=1)
            report.misses.append(Miss(type=type_, source=source, kind="missed", detail=detail(g)))
        else:
            used.add(hit)
            report.count(type_, tp=1)
    for i, f in enumerate(found):
        if i not in used:
            report.count(type_, fp=1)
            report.misses.append(Miss(type=type_, source=source, kind="spurious", detail=detail(f)))


def _match_sets(type_: str, source: str, gold: list[tuple[set[str], dict]], found: list[tuple[set[str], dict]],
                report: Report) -> None:
    """Greedy one-to-one matching of items identified by sets of names (any shared name matches)."""
    _match_greedy(type_, source, gold, found, lambda g, f: g[0] & f[0], report, detail=lambda item: item[1])


def _score_edges(source: str, gold: list[dict], found: list[dict], report: Report, resolution: bool = True) -> None:
    """Items: {task, role, rank, agency, mention}. `agency` None in gold means 'not in the
    registry': the system must then leave it unresolved with the same surface."""
    by_key = {(norm(f["task"]), f["role"], f["rank"]): f for f in found}
    matched: set[tuple] = set()
    for g in gold:
        key = (norm(g["task"]), g["role"], int(g.get("rank") or 1))
        f = by_key.get(key)
        same = False
        if f is not None:
            report.resolution_total += resolution
            if g.get("agency"):
                same = f["agency"] == g["agency"]
            else:
                same = not f["resolved"] and norm(f["mention"]) == norm(g.get("mention"))
            if same:
                report.resolution_correct += resolution
            elif resolution:
                report.misses.append(Miss(type="agency_resolution", source=source, kind="wrong_agency",
                                          detail={"gold": g, "found": f}))
        if same:
            report.count("responsibility", tp=1)
            matched.add(key)
        else:
            report.count("responsibility", fn=1)
            report.misses.append(Miss(type="responsibility", source=source, kind="missed", detail=g))
    for key, f in by_key.items():
        if key not in matched:
            report.count("responsibility", fp=1)
            report.misses.append(Miss(type="responsibility", source=source, kind="spurious", detail=f))


def _score_targets(source: str, gold: list[dict], found: list[dict], report: Report) -> None:
    def names(t: dict) -> set[str]:
        unit = norm(t.get("unit")).replace("％", "%")
        return {f"{float(t['value']):g}|{unit}|{t.get('year')}"}

    _match_sets("target", source, [(names(g), g) for g in gold], [(names(f), f) for f in found], report)


def _entity_items(mentions) -> dict[str, list[tuple[set[str], dict]]]:
    """Entities found, one per canonical id. The annotation guideline lists a name standing
    inside another name (清华大学 in 清华大学深圳研究生院) only when it also stands alone, so an
    entity whose every mention is nested is left out here; the graph keeps such mentions."""
    standing = {m.canonical_id for m in mentions if m.inside is None}
    groups: dict[tuple[str, str], set[str]] = defaultdict(set)
    canon: dict[tuple[str, str], str] = {}
    for m in mentions:
        if m.canonical_id not in standing:
            continue
        key = (m.label.value, m.canonical_id)
        groups[key] |= {norm(m.canonical_name), norm(m.surface)}
        canon[key] = m.canonical_name
    out: dict[str, list] = defaultdict(list)
    for (label, cid), names in groups.items():
        out[label].append((names, {"name": canon[(label, cid)], "id": cid}))
    return out


def _gold_entities(items: list) -> list[tuple[set[str], dict]]:
    out = []
    for it in items:
        if isinstance(it, str):
            it = {"name": it}
        out.append(({norm(it["name"]), *(norm(a) for a in it.get("aliases", []))}, it))
    return out


def evaluate_document(gold_file: Path, gold: dict, report: Report) -> None:
    from policykg.extract.pipeline import extract_document

    x = extract_document(_doc_path(gold_file, gold["file"]))
    source = gold.get("doc_id") or x.meta.doc_id
    report.sources.append(source)
    titles = {t.id: t.title for t in x.tasks}
    found_edges = [
        {"task": titles.get(a.task_id, ""), "role": a.role.value, "rank": a.rank, "agency": a.agency.agency_id,
         "resolved": not a.agency.agency_id.startswith("unresolved:"), "mention": a.agency.surface}
        for c in x.clauses for a in c.assignments
    ]
    _score_edges(source, gold.get("responsibilities", []), found_edges, report)
    found = _entity_items(x.mentions)
    for key, label in ENTITY_TYPES.items():
        if key in gold:
            _match_sets(label, source, _gold_entities(gold[key]), found.get(label, []), report)
    if "targets" in gold:
        found_t = [{"metric": g.metric, "value": g.value, "unit": g.unit, "year": g.year, "quote": g.evidence.quote}
                   for g in x.targets]
        _score_targets(source, gold["targets"], found_t, report)


def evaluate_examples(gold_file: Path, examples: list[dict], report: Report) -> None:
    """Sentences in other styles: clauses scored on (role, rank, restored name); entities by name."""
    from policykg.extract.clauses.agency_list import context_places, qualify
    from policykg.extract.clauses.finder import find_clauses
    from policykg.extract.entities.finder import find_entities

    for i, ex in enumerate(examples):
        source = f"{gold_file.name}#{i}"
        report.sources.append(source)
        text = ex["text"]
        places = context_places(text)  # as the pipeline qualifies names with a document's place
        found_edges = [
            {"task": "", "role": role.value, "rank": rank, "agency": qualify(it.name, places), "resolved": True,
             "mention": it.surface}
            for f in find_clauses(text) for role, items in f.roles for rank, it in enumerate(items, 1)
        ]
        gold_edges = [
            {"task": "", "role": r["role"], "rank": r.get("rank", 1), "agency": r.get("restored") or r.get("mention"),
             "mention": r.get("mention")}
            for r in ex.get("responsibilities", [])
        ]
        # Restored names, not registry ids: these examples name other cities' agencies.
        _score_edges(source, gold_edges, found_edges, report, resolution=False)
        found = _entity_items(find_entities(source, text))
        for key, label in ENTITY_TYPES.items():
            if key in ex:
                _match_sets(label, source, _gold_entities(ex[key]), found.get(label, []), report)


# ── responsibility gold of real documents (tests/gold/dev, heldout_docs; format in tests/gold/README.md)

RESPONSIBILITY_TYPES = ("responsible_unit", "lead", "task_found")


def clause_quotes_by_task(gold: dict) -> dict[str, list[str]]:
    """The gold's clause quotes per task title (what places a task listed twice at its body)."""
    quotes: dict[str, list[str]] = defaultdict(list)
    for r in gold.get("responsibilities", []):
        quotes[r["task"]].append(r.get("clause_quote", ""))
    return quotes


def _gold_task_positions(text: str, tasks: list[dict], quotes: dict[str, list[str]] | None = None) -> list[int | None]:
    """Where each gold task's title starts: the occurrence right after its marker (white space
    allowed between), taking occurrences in document order so repeated markers stay apart.

    A title that occurs again before the task's own clauses (a table of contents lists 1.4 工作原则
    … and the body repeats it) is placed at the last occurrence before the first of its clause
    quotes (`quotes`: gold clause quotes per task title), not at the listing."""
    out: list[int | None] = []
    cursor = 0
    for t in tasks:
        marker, title = t.get("marker") or "", t["title"]
        hits, loose = [], []
        want = unicodedata.normalize("NFKC", marker).replace(" ", "")
        for m in re.finditer(re.escape(title), text):
            loose.append(m.start())
            before = unicodedata.normalize("NFKC", text[max(0, m.start() - len(marker) - 4):m.start()])
            # Any white space, a line break too (a table typed one cell a line: 1 / its 改革举措 cell).
            if not want or re.sub(r"\s", "", before).endswith(want):
                hits.append(m.start())
        # A marker written otherwise in the gold (1. for 1．) still finds its title, after the cursor.
        marked = bool(hits)
        hits = hits or loose
        pos = next((h for h in hits if h >= cursor), hits[0] if hits else None)
        # Only occurrences after the marker count as the listing's repeats: a bare title word in
        # prose (先予保护的措施) is no heading.
        own = [p for q in (quotes or {}).get(title, []) if q and (p := text.find(q, cursor)) >= 0]
        if pos is not None and own and marked:
            before_clause = [h for h in hits if pos <= h < min(own)]
            pos = before_clause[-1] if before_clause else pos
        if pos is not None:
            cursor = pos + 1
        out.append(pos)
    return out


def _task_at(tasks, pos: int | None, marker: str):
    """The extracted task whose unit begins at the gold task's marker."""
    if pos is None:
        return None
    cands = [t for t in tasks if pos - len(marker) - 4 <= t.start <= pos]
    return min(cands, key=lambda t: (t.end - t.start)) if cands else None


def evaluate_responsibility_document(gold_file: Path, gold: dict, report: Report) -> None:
    """Score one real document's responsibilities: responsible units (task, role, restored name or
    mention), leads (the same, role lead only) and tasks found (gold tasks the tool found as
    tasks carrying clauses). Counted per document (group 'doc:<id>') and pooled."""
    from policykg.extract.pipeline import extract_document
    from policykg.extract.readers.text import DocumentError

    source = gold.get("doc_id") or gold["file"]
    report.sources.append(source)
    gold_tasks = gold.get("tasks", [])
    try:
        x = extract_document(_doc_path(gold_file, gold["file"]))
    except DocumentError as exc:
        # A document the tool cannot read scores nothing: all its gold is missed, and it says why.
        prev, report.group = report.group, f"doc:{source}"
        report.misses.append(Miss(type="document", source=source, kind="error", detail={"reason": str(exc)}))
        for r in gold.get("responsibilities", []):
            report.count("responsible_unit", fn=1)
            if r["role"] == "lead":
                report.count("lead", fn=1)
        report.count("task_found", fn=len(gold_tasks))
        report.group = prev
        return
    positions = _gold_task_positions(x.text, gold_tasks, clause_quotes_by_task(gold))
    task_of_gold: dict[int, str] = {}
    for i, (t, pos) in enumerate(zip(gold_tasks, positions)):
        found = _task_at(x.tasks, pos, t.get("marker") or "")
        if found is not None:
            task_of_gold.setdefault(i, found.id)
    gold_of_task = {}
    for i, tid in task_of_gold.items():
        gold_of_task.setdefault(tid, i)
    title_index: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(gold_tasks):
        title_index[t["title"]].append(i)

    found_edges = []
    for c in x.clauses:
        for a in c.assignments:
            found_edges.append({"task": gold_of_task.get(a.task_id), "task_id": a.task_id, "role": a.role.value,
                                "surface": a.agency.surface, "name": a.agency.name, "agency": a.agency.agency_id,
                                "quote": c.text[:60]})
    gold_edges = []
    for r in gold.get("responsibilities", []):
        idx = title_index.get(r["task"], [None])
        gold_edges.append({"task": idx[0] if len(idx) == 1 else _task_for_clause(x.text, r, gold_tasks, positions),
                           "title": r["task"], "role": r["role"], "mention": r["mention"],
                           "restored": r.get("restored") or r["mention"], "quote": r.get("clause_quote", "")[:60]})

    def same(g: dict, f: dict) -> bool:
        if g["task"] is None or g["task"] != f["task"] or g["role"] != f["role"]:
            return False
        return norm(f["surface"]) == norm(g["mention"]) or norm(f["name"]) in (norm(g["restored"]), norm(g["mention"]))

    # Counted once, under the document's own group: Report.scores pools over every document.
    prev, report.group = report.group, f"doc:{source}"
    for type_, keep in (("responsible_unit", lambda e: True), ("lead", lambda e: e["role"] == "lead")):
        gs = [g for g in gold_edges if keep(g)]
        fs = [f for f in found_edges if keep(f)]
        _match_greedy(type_, source, gs, fs, same, report)
    carrying = {a.task_id for c in x.clauses for a in c.assignments}
    hit_tasks = {i for i, tid in task_of_gold.items() if tid in carrying}
    for i, t in enumerate(gold_tasks):
        if i in hit_tasks:
            report.count("task_found", tp=1)
        else:
            report.count("task_found", fn=1)
            report.misses.append(Miss(type="task_found", source=source, kind="missed", detail=t))
    extra = carrying - {task_of_gold[i] for i in hit_tasks}
    report.count("task_found", fp=len(extra))
    titles = {t.id: t.title for t in x.tasks}
    for tid in sorted(extra):
        report.misses.append(Miss(type="task_found", source=source, kind="spurious", detail={"task": titles.get(tid, tid)}))
    report.group = prev


def _task_for_clause(text: str, r: dict, gold_tasks: list[dict], positions: list[int | None]) -> int | None:
    """For a gold row whose task title is not unique: the gold task whose title comes last before
    the row's clause quote."""
    q = text.find(r.get("clause_quote") or "\0")
    best = None
    for i, (t, pos) in enumerate(zip(gold_tasks, positions)):
        if t["title"] == r["task"] and pos is not None and pos <= q:
            best = i
    return best


def evaluate(paths: list[Path], with_entity_model: bool = True) -> Report:
    report = Report()
    for f, data in load_gold(paths):
        if isinstance(data, dict) and "file" in data and "tasks" in data and "responsibilities" in data \
                and any("clause_quote" in r for r in data["responsibilities"]) or \
                isinstance(data, dict) and "file" in data and "tasks" in data and not data.get("responsibilities"):
            report.group = "responsibility"
            evaluate_responsibility_document(f, data, report)
        elif isinstance(data, dict) and "file" in data:
            report.group = "documents"
            evaluate_document(f, data, report)
        elif isinstance(data, list) or (isinstance(data, dict) and "examples" in data):
            report.group = f"examples:{f.stem}"
            evaluate_examples(f, data if isinstance(data, list) else data["examples"], report)
        else:
            raise ValueError(f"{f}: neither a document gold file (with 'file') nor an examples file")
    heldout = tuple(f for f, data in load_gold(paths) if f.stem.startswith("heldout") and not isinstance(data, dict))
    if heldout and with_entity_model:
        # What the statistical NER adds over the rules, on held-out entity gold (the room's own scorer).
        from policykg.extract.entities.evaluate import evaluate_heldout

        report.entity_model = evaluate_heldout(heldout).rows()
    return report
