"""Training data and training for the statistical NER (`policykg train`).

No sentence is labelled by hand for training. Labels come from:

1. weak labels over real policy text: the gazetteer (registries and name lists) and pattern
   rules (finder.find_entities) and the agency registry (Agency spans) over the unlabelled
   paragraphs of corpus_build.PARAGRAPH_FILES (State Council documents of a gov.cn crawl dump,
   Jiangxi provincial documents, the State Council's government work reports since 1978, and the
   tuning entity sets' own sources: 2026 provincial work reports, Shandong plans, 柳河县 pages; see
   corpus_build.SOURCES and data/README.md) and over the five Shenzhen plans in corpus/; outside
   the text the rules were tuned on (RULE_TUNED_FILES), hits of the less reliable pattern rules
   are marked missing (TRUSTED_PATTERNS);
2. correction by the hand gold of those five plans (tests/gold/sz-*.json, exhaustive entity sets
   per document): a rule mention the gold does not list becomes outside, and every occurrence of
   a gold name the rules missed becomes an entity; and, the same way, by the hand corrections of
   407 firm- and institution-rich paragraphs of the unlabelled corpus (data/corrections.jsonl,
   CORRECTIONS: the rules' labels read and corrected by hand, names they cannot give added, the
   doubtful spans listed as `unsure` and marked missing). These are the only labels the model
   gets that the inference-time rules do not produce (data/README.md, "Issue 11, round 3");
3. name substitution ("gazetteer dropout"): each labelled paragraph is added again (copies():
   SUBSTITUTIONS times for a plan paragraph, ORG_SUBSTITUTIONS for a dump paragraph naming a
   firm or an institution, once otherwise) with its Company / Institution / Technology names
   swapped for other names of the same type (gazetteer names, the name lists' listed firms,
   universities and institutes among them, segmented by plain pkuseg as an unlisted name would
   be, and slot fillers made of corpus words, see name_pools). A known name so never stays in
   its own context: the model learns the contexts names stand in (支持…等企业, 依托…建设, 落户,
   研发) rather than the lists, which the rules already read at run time.

A rule span the pkuseg tokens cut across is marked missing (not outside) so it teaches nothing
wrong. Held-out gold (tests/gold/heldout.json, tests/gold/heldout_entities_2.json and their source
documents) and the other developers' evaluation documents never enter: corpus_build.py filtered
the dump, and this module reads no other file.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import re
import shutil
import time
import unicodedata
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from policykg.extract.entities.corpus_build import DATA_DIR, FIRM_PARAGRAPHS, PARAGRAPH_FILES
from policykg.paths import corpus_dir, gold_dir

HERE = Path(__file__).resolve().parent
# The gold of the five built-in plans, and the plans themselves, as shipped (policykg.gold and
# policykg.corpus), so `policykg train` works from an installed copy as from a checkout.
SZ_GOLD = sorted(gold_dir().glob("sz-*.json"))
GOLD_TYPES = {"companies": "Company", "institutions": "Institution", "technologies": "Technology"}
SUBSTITUTED = ("Company", "Institution", "Technology")
# Name-substituted copies per labelled paragraph: a gold-checked plan paragraph holds the surest
# company and institution contexts; a dump paragraph whose weak labels name a company or an
# institution gets ORG_SUBSTITUTIONS copies (the corpora name few firms, see data/README.md, so
# each such context is worth several names), one naming only technologies gets one.
SUBSTITUTIONS = 16
ORG_SUBSTITUTIONS = 12
ORG_LABELS = ("Company", "Institution")
# A dump paragraph whose weak labels name no company, institution or technology is kept one
# time in PLAIN_SHARE (by a hash of its text): the government work reports alone give thousands
# of them, and with all of them the few firm contexts drowned (a trial run's dev F1 for Company
# was 0.0). The kept ones still teach what is no name.
PLAIN_SHARE = 5
# A dump paragraph whose weak labels name technologies only is kept one time in TECH_ONLY_SHARE:
# the tuning sets' sources (work reports, Shandong plans) hold 1,026 such paragraphs against 88
# naming a firm, and with all of them kept a trial model (2026-12-01 20:20) scored Company F1 0.0
# on spaCy's dev set and proposed 2-5 companies per tuning set where the shipped one proposed 13-45.
TECH_ONLY_SHARE = 3
# Paragraph files of text the pattern rules were tuned on (the tuning entity sets' own sources):
# there every pattern rule's hit teaches, not only TRUSTED_PATTERNS' (the rules reach precision
# .93-.98 for companies on those sets; in the State Council prose the others misfire).
RULE_TUNED_FILES = (FIRM_PARAGRAPHS.name,)
# Whether a token no rule labels there is missing rather than outside. That text names many firms
# the rules miss (their company recall on set 6, drawn from it, is about half), taught as outside;
# but with every unlabelled token missing (trial run C, 2026-12-01 20:41-21:16) the model lost its
# negatives there and over-proposed (raw proposals on set 5, against the shipped model: Company
# 16 -> 43, Institution 10 -> 36; through the gate, tuning sets Institution 167/13/30 -> 168/19/29
# and 5 wrong additions over the dev texts and plans), so it is off: run B's recipe, the better
# of the two (data/README.md, "Issue 11, the model's part, round 2").
UNLABELLED_IS_MISSING = False
DEV_SHARE = 10  # one paragraph in ten (by a hash of its text) goes to spaCy's dev set
# Hand-corrected labels of corpus paragraphs (one JSON object a line: src, n, doc, sha1 of the
# text, companies / institutions / technologies: every name of the paragraph by tests/gold/README.md,
# unsure: spans left unknown). Matched by the text's sha1, they replace the weak labels of their
# paragraph as the plans' gold does, and such a paragraph is oversampled: CORRECTION_REPEATS times
# as written (its real names, most of them in no gazetteer, in their real context) and
# SUBSTITUTIONS name-substituted copies. Trial runs (2026-12-02, data/README.md "round 3"): with 4
# repeats the model added one right name on the tuning sets 3-7, with 12 two or three, with 20
# three (and none wrong through the gate, none over the dev texts): 20 is what is shipped.
CORRECTIONS = DATA_DIR / "corrections.jsonl"
CORRECTION_REPEATS = 20


@dataclass
class Paragraph:
    source: str
    text: str
    gold: dict[str, set[str]] | None = None  # label -> normalised names, for gold-checked plans
    gold_surfaces: dict[str, list[str]] = field(default_factory=dict)
    rule_tuned: bool = False  # from RULE_TUNED_FILES: every pattern rule's hit is trusted
    unsure: list[str] = field(default_factory=list)  # spans marked missing (CORRECTIONS)
    corrected: bool = False  # labelled by CORRECTIONS


def norm(s: str) -> str:
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", s)).casefold()


def load_corrections(path: Path = CORRECTIONS) -> dict[str, dict]:
    """The hand corrections by the sha1 of their paragraph's text; a bad line is an error naming
    the file and line."""
    out: dict[str, dict] = {}
    if not path.is_file():
        return out
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            rec = json.loads(line)
            key = rec["sha1"]
            if not all(isinstance(rec[k], list) for k in (*GOLD_TYPES, "unsure")):
                raise ValueError("companies, institutions, technologies and unsure must be lists")
        except (ValueError, KeyError) as e:
            raise ValueError(f"{path}:{i}: bad correction record: {e}") from e
        if key in out:
            raise ValueError(f"{path}:{i}: a second correction of paragraph {key}")
        out[key] = rec
    return out


def corrected(p: Paragraph, rec: dict) -> Paragraph:
    """p labelled by its hand correction, as a gold-checked paragraph."""
    names = {label: {norm(f) for f in rec[key]} for key, label in GOLD_TYPES.items()}
    surfaces = {label: sorted({f for f in rec[key] if len(norm(f)) >= 2}, key=len, reverse=True)
                for key, label in GOLD_TYPES.items()}
    return Paragraph(p.source, p.text, names, surfaces, p.rule_tuned, list(rec["unsure"]), True)


def dump_paragraphs(paths: tuple[Path, ...] = PARAGRAPH_FILES, corrections: dict[str, dict] | None = None) -> list[Paragraph]:
    fixes = load_corrections() if corrections is None else corrections
    out = []
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            tuned = path.name in RULE_TUNED_FILES
            for r in map(json.loads, f):
                p = Paragraph(r["src"], r["text"], rule_tuned=tuned)
                rec = fixes.get(hashlib.sha1(p.text.encode("utf-8")).hexdigest())
                out.append(corrected(p, rec) if rec else p)
    return out


def plan_paragraphs() -> list[Paragraph]:
    out = []
    for gold_file in SZ_GOLD:
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        # gold names a built-in plan as "corpus/documents/<file>": the shipped corpus.
        text = corpus_dir().joinpath(*Path(gold["file"]).parts[1:]).read_text(encoding="utf-8")
        names: dict[str, set[str]] = {}
        surfaces: dict[str, list[str]] = {}
        for key, label in GOLD_TYPES.items():
            forms = [f for it in gold.get(key, []) for f in (it["name"], *it.get("aliases", []))]
            names[label] = {norm(f) for f in forms}
            surfaces[label] = sorted({f for f in forms if len(norm(f)) >= 2}, key=len, reverse=True)
        for line in text.split("\n"):
            if len(line.strip()) >= 8:
                out.append(Paragraph(f"{gold['file']}", line, names, surfaces))
    return out


# Pattern rules whose hits in State Council prose are reliable enough to teach with. The others
# (…集团, …银行, …网, enumerations) fire on phrases like 学分银行 or 教育培训集团 there; outside the
# gold-checked plans their hits are marked missing: neither entity nor outside.
TRUSTED_PATTERNS = ("pattern.institution.university", "pattern.institution.research", "pattern.short_form",
                    "pattern.company.typed_list", "pattern.company.place_headed", "pattern.institution.typed_list",
                    "pattern.technology.paren_acronym", "pattern.technology.generation")


def weak_spans(p: Paragraph) -> list[tuple[int, int, str]]:
    """(start, end, label) over p.text: rule mentions (standing ones), agency names, corrected
    by the gold when the paragraph has one. Non-overlapping. Label None: unknown (missing)."""
    from policykg.extract.entities.finder import find_entities, government_body_spans

    spans = []
    for m in find_entities("", p.text):
        if m.inside is not None:
            continue
        rule = m.evidence.rule
        trusted = (p.gold is not None or p.rule_tuned or not rule.startswith("pattern.")
                   or rule in TRUSTED_PATTERNS)
        spans.append((m.start, m.end, m.label.value if trusted else None))
    if p.gold is not None:
        spans = [s for s in spans if norm(p.text[s[0]:s[1]]) in p.gold[s[2]]]
        for label, forms in p.gold_surfaces.items():
            for form in forms:
                for m in re.finditer(re.escape(form), p.text):
                    if not any(m.start() < b and a < m.end() for a, b, _ in spans):
                        spans.append((m.start(), m.end(), label))
    # A correction's doubtful spans are unknown: neither entity nor outside.
    for form in p.unsure:
        for m in re.finditer(re.escape(form), p.text):
            spans = [s for s in spans if not (m.start() < s[1] and s[0] < m.end())]
            spans.append((m.start(), m.end(), None))
    for a, b in government_body_spans(p.text):
        if not any(a < e and s < b for s, e, _ in spans):
            spans.append((a, b, "Agency"))
    return sorted(spans, key=lambda s: (s[0], s[1]))


def make_doc(nlp, p: Paragraph, spans: list[tuple[int, int, str]] | None = None):
    """The paragraph segmented by the run-time tokenizer, entities set; misaligned spans missing."""
    doc = nlp.make_doc(p.text)
    ents, missing = [], []
    for a, b, label in weak_spans(p) if spans is None else spans:
        span = doc.char_span(a, b, label=label) if label else None
        if span is None:
            loose = doc.char_span(a, b, alignment_mode="expand")
            if loose is not None:
                missing.append(loose)
        else:
            ents.append(span)
    from spacy.util import filter_spans

    ents = filter_spans(ents)
    taken = {i for s in ents for i in range(s.start, s.end)}
    holes = sorted({i for m in missing for i in range(m.start, m.end)} - taken)
    # In rule-tuned text what no rule labels is unknown, not outside (UNLABELLED_IS_MISSING).
    default = "missing" if p.rule_tuned and UNLABELLED_IS_MISSING else "outside"
    doc.set_ents(ents, missing=[doc[i:i + 1] for i in holes], default=default)
    return doc


def substitute(doc, pools: dict[str, list[list[str]]], rng: random.Random):
    """A copy of `doc` whose entity names are other names of the same type (see module doc)."""
    from spacy.tokens import Doc

    words, spaces, ents, missing = [], [], [], []
    i = 0
    by_start = {e.start: e for e in doc.ents}
    while i < len(doc):
        e = by_start.get(i)
        if e is not None and e.label_ in SUBSTITUTED and pools.get(e.label_):
            pieces = rng.choice(pools[e.label_])
            ents.append((len(words), len(words) + len(pieces), e.label_))
            words.extend(pieces)
            spaces.extend([False] * len(pieces))
            i = e.end
            continue
        if e is not None:
            ents.append((len(words), len(words) + len(e), e.label_))
            for t in e:
                words.append(t.text)
                spaces.append(bool(t.whitespace_))
            i = e.end
            continue
        if doc[i].ent_iob_ == "":
            missing.append(len(words))  # unknown stays unknown in the copy
        words.append(doc[i].text)
        spaces.append(bool(doc[i].whitespace_))
        i += 1
    out = Doc(doc.vocab, words=words, spaces=spaces)
    from spacy.tokens import Span

    out.set_ents([Span(out, a, b, label=lab) for a, b, lab in ents], missing=[out[k:k + 1] for k in missing],
                 default="outside")
    return out


def name_pools(plain, paragraphs: list[Paragraph], rng: random.Random) -> dict[str, list[list[str]]]:
    """Substitute names per type, as word lists.

    Half are registry names cut by plain pkuseg (as an unlisted name would be). The registry
    lists only ~60 companies, so a model fed those alone learns the names, not the slots; the
    other half are slot fillers built from the corpus's own words: one or two ordinary words of
    the training paragraphs plus, for organisations, a last word that real registry names of that
    type end in (科技, 电子, 集团, 大学, 研究院 …). Such a filler is not a real name; it teaches that
    the slot in 支持…、…等企业 holds a company whatever the name looks like."""
    from policykg.extract.entities.gazetteer import default_gazetteer

    pools: dict[str, list[list[str]]] = {k: [] for k in SUBSTITUTED}
    tails: dict[str, set[str]] = {k: set() for k in SUBSTITUTED}
    for e in default_gazetteer().entries:
        if e.label.value not in pools:
            continue
        for form in e.surfaces:
            if len(form) >= 2 and not any(c.isspace() for c in form):
                words = [t.text for t in plain.make_doc(form)]
                pools[e.label.value].append(words)
                if len(words) > 1 and len(words[-1]) >= 2:
                    tails[e.label.value].add(words[-1])
    vocab = sorted({t.text for p in paragraphs[:3000] for t in plain.make_doc(p.text)
                    if len(t.text) == 2 and all("\u4e00" <= c <= "\u9fff" for c in t.text)})
    # Technology keeps registry names only: a bare corpus word in a technology slot taught the
    # model to call ordinary words (对于) technologies.
    for label in ("Company", "Institution"):
        ends = sorted(tails[label])
        n = len(pools[label])
        for _ in range(n):
            words = [rng.choice(vocab) for _ in range(rng.choice((1, 2)))]
            end = rng.choice(ends + [""]) if label == "Company" else rng.choice(ends)
            pools[label].append(words + ([end] if end else []))
    return pools


def technology_only(spans: list[tuple[int, int, str]]) -> bool:
    """Whether weak labels name technologies but no company or institution (TECH_ONLY_SHARE)."""
    labels = {lab for _, _, lab in spans}
    return "Technology" in labels and not labels & set(ORG_LABELS)


def copies(p: Paragraph, doc) -> int:
    """How many name-substituted copies of a labelled paragraph go to training (see SUBSTITUTIONS)."""
    if p.gold is not None:
        return SUBSTITUTIONS
    return ORG_SUBSTITUTIONS if any(e.label_ in ORG_LABELS for e in doc.ents) else 1


def build_docbins(out_dir: Path, seed: int = 0) -> dict:
    """Write train.spacy and dev.spacy; return counts."""
    from spacy.tokens import DocBin

    from policykg.extract.entities.nlp import load_nlp

    nlp, plain = load_nlp(), load_nlp(registries=False)
    rng = random.Random(seed)
    paragraphs = dump_paragraphs() + plan_paragraphs()
    pools = name_pools(plain, paragraphs, rng)
    train, dev = DocBin(), DocBin()
    stats = {"paragraphs": len(paragraphs), "characters": sum(len(p.text) for p in paragraphs),
             "sources": {}, "substituted": 0, "entities": {}, "pool_names": {k: len(v) for k, v in pools.items()}}
    for p in paragraphs:
        spans = weak_spans(p)
        crc = zlib.crc32(p.text.encode("utf-8"))
        if p.gold is None and not any(lab in SUBSTITUTED for _, _, lab in spans) and crc % PLAIN_SHARE:
            stats["plain_left_out"] = stats.get("plain_left_out", 0) + 1
            continue
        if p.gold is None and technology_only(spans) and crc % TECH_ONLY_SHARE:
            stats["technology_only_left_out"] = stats.get("technology_only_left_out", 0) + 1
            continue
        repo = p.source.split("@")[0]
        stats["sources"][repo] = stats["sources"].get(repo, 0) + 1
        doc = make_doc(nlp, p, spans)
        for e in doc.ents:
            stats["entities"][e.label_] = stats["entities"].get(e.label_, 0) + 1
        to_dev = crc % DEV_SHARE == 0
        (dev if to_dev else train).add(doc)
        if p.corrected:
            stats["corrected"] = stats.get("corrected", 0) + 1
            if not to_dev:
                for _ in range(CORRECTION_REPEATS - 1):
                    train.add(doc)
        if not to_dev and any(e.label_ in SUBSTITUTED for e in doc.ents):
            for _ in range(copies(p, doc)):
                train.add(substitute(doc, pools, rng))
                stats["substituted"] += 1
    out_dir.mkdir(parents=True, exist_ok=True)
    train.to_disk(out_dir / "train.spacy")
    dev.to_disk(out_dir / "dev.spacy")
    stats["train_docs"], stats["dev_docs"] = len(train), len(dev)
    return stats


def train(work_dir: Path | None = None, model_dir: Path | None = None, max_steps: int | None = None) -> dict:
    """Build the corpora, run spaCy's trainer on config.cfg, copy the best tok2vec + ner weights
    into `model_dir` (default: the user's model dir, model_store.user_model_dir(), which the
    loader then prefers; never the installed package's own model folder). Returns the counts,
    timings and where the model went."""
    from spacy.cli.train import train as spacy_train

    from policykg.extract.entities import components  # noqa: F401  (registers the factories)
    from policykg.extract.entities.model_store import user_model_dir
    from policykg.extract.entities.nlp import CONFIG_PATH, TRAINED, config_digest
    from policykg.paths import home

    work_dir = work_dir or home() / "entity-training"
    model_dir = Path(model_dir) if model_dir else user_model_dir()
    t0 = time.perf_counter()
    stats = build_docbins(work_dir / "corpus")
    t1 = time.perf_counter()
    overrides = {
        "paths.train": str(work_dir / "corpus" / "train.spacy"),
        "paths.dev": str(work_dir / "corpus" / "dev.spacy"),
        "nlp.tokenizer.segmenter": "char",
        "nlp.pipeline": list(TRAINED),
    }
    if max_steps:
        overrides["training.max_steps"] = max_steps
    out = work_dir / "output"
    spacy_train(CONFIG_PATH, out, overrides=overrides)
    t2 = time.perf_counter()
    best = out / "model-best"
    model_dir.mkdir(parents=True, exist_ok=True)
    for name in TRAINED:
        if (model_dir / name).exists():
            shutil.rmtree(model_dir / name)
        shutil.copytree(best / name, model_dir / name)
    meta = json.loads((best / "meta.json").read_text(encoding="utf-8"))
    info = {"config_sha256": config_digest(), "corpus": stats, "build_seconds": round(t1 - t0, 1), "train_seconds": round(t2 - t1, 1),
            "dev_scores": {k: meta.get("performance", {}).get(k) for k in ("ents_p", "ents_r", "ents_f", "ents_per_type")}}
    (model_dir / "TRAINING.json").write_text(json.dumps(info, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return {**info, "model_dir": str(model_dir)}
