"""Authoritative name lists as gazetteer data: listed companies, universities, central SOEs.

`extract/entities/data/namelists.tsv.gz` holds one name a row (label, name, aliases, category,
source); `gazetteer.load_gazetteer` folds it in after the hand registries, which win any alias
both claim. The file is built from public repositories' data files by

    python -m policykg.extract.entities.namelists <mirrors dir> [--out FILE]

(`<mirrors dir>` holds the fetched git directories, `owner+name/repo`; the sources and their
commits are in SOURCES below and in extract/entities/data/NAMELISTS.md).

Stock short names are often ordinary words (太阳能, 机器人, 农产品) or phrases of policy prose
(智慧农业, 上海机场, 湖南发展), so a short name is kept only when `keep_short_name` says so:

  R1 word:    the name is not a word of pkuseg's general lexicon (its 116k-word `unigram` list,
              from news text: 太阳能, 金融街, 中关村, and famous brands alike);
  R2 prose:   not every word pkuseg cuts it into is a word of the unlabelled policy corpus
              (paragraphs.jsonl.gz, the corpus plans, the dev texts): 智慧/农业, 上海/机场 go,
              科大/讯飞 stays (讯飞 is no policy word);
  R3 name:    something is left once generic, place, sector and technology words are taken out
              (the pattern rules' own name-part test, rules.Scene.residue): 深圳能源, 国际医学 go.

A short name the rules drop is not thrown away: it is kept as a *context-only* name (category
`listed_company_context`), which `gazetteer.load_gazetteer` does not index for matching anywhere;
the pattern rules accept it only where the context already types the item as a firm (an item of
a typed list 甲、乙等企业, a list item beside a known firm, the partner of 与X合作), with the
evidence rule `gazetteer.namelist.context` (rules.NAMELIST_CONTEXT_RULE): 中国石化、五粮液等企业.

Full registered names (SOEs, the listed firms' controllers, universities) are kept as they are;
a SOE's name without its company form (中国核工业集团 for 中国核工业集团有限公司) is an alias.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA_FILE = HERE / "data" / "namelists.tsv.gz"
COLUMNS = ("label", "name", "aliases", "category", "source")


@dataclass(frozen=True)
class Source:
    key: str
    repo: str
    path: str
    commit: str


SOURCES = (
    Source("a_share", "meltWLAN/QTS", "data/stock_basic.csv", "2c2c2af4a95b6c4bad5cfb538b2f3ed29bdb3a84"),
    Source("moe_universities", "Base-Technology/base-interface", "src/layouts/Header/schoolData.ts",
           "9a4926d86089c36b62a4b1e457aa99c0fbd6248a"),
    Source("central_soe", "gdvzz/logd", "docs/jobs/list-soe.md", "86282f4df3337aca20ec63da6423f0f0f02de40f"),
)

# Trading marks on a stock's short name: a risk warning (ST, *ST: the name is then a 2-4
# character truncation used only while the warning lasts, 工智 for 哈工智能, so such rows are
# left out), the first days' marks (N, C), ex-dividend marks (XD, XR, DR), the STAR market's
# -U/-W/-UW/-WD suffixes and a trailing A/B share class.
_RISK_WARNING = re.compile(r"^(?:\*?ST|S\*ST|SST)")
_STATUS_PREFIX = re.compile(r"^(?:XD|XR|DR|N|C|S)(?=[\u4e00-\u9fff])")
_STAR_SUFFIX = re.compile(r"-(?:UW|WD|U|W)$")
_SHARE_CLASS = re.compile(r"[AＡBＢ]$")
# Registered company forms: a SOE's or controller's name must end with one to be a company.
COMPANY_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "股份公司", "集团公司", "总公司", "公司", "银行")
_FORM_TAIL = re.compile(r"(?:股份有限公司|有限责任公司|有限公司)$")


def clean_short_name(raw: str) -> str | None:
    """A stock short name without spaces and trading marks ('万  科Ａ' -> '万科', 'N泰鸿' -> '泰鸿',
    '寒武纪-U' -> '寒武纪'); None for a risk-warning name ('*ST国华')."""
    name = "".join(raw.split())
    if _RISK_WARNING.match(name):
        return None
    name = _STATUS_PREFIX.sub("", _STAR_SUFFIX.sub("", name))
    return _SHARE_CLASS.sub("", name)


def soe_aliases(name: str) -> list[str]:
    """Other forms of a SOE's registered name: without the company form (中国核工业集团有限公司 ->
    中国核工业集团), when what is left still ends like a group (集团, 控股, (集团))."""
    base = _FORM_TAIL.sub("", name)
    if base != name and base.endswith(("集团", "(集团)", "（集团）", "控股")) and len(base) >= 4:
        return [base]
    return []


class ShortNameFilter:
    """The R1-R3 test of the module docstring, with its word lists loaded once."""

    def __init__(self, lexicon: frozenset[str], policy_words: frozenset[str], segment, residue):
        self.lexicon = lexicon
        self.policy_words = policy_words
        self.segment = segment  # str -> list[str] (plain pkuseg)
        self.residue = residue  # str -> int (characters that name something)

    def reason(self, name: str) -> str | None:
        """Why `name` is dropped, or None when it is kept."""
        if len(name) < 2:
            return "short"
        if name in self.lexicon:
            return "word"
        words = self.segment(name)
        if all(w in self.policy_words for w in words):
            return "prose"
        if self.residue(name) < 2:
            return "generic"
        return None


def keep_short_name(name: str, flt: ShortNameFilter) -> bool:
    return flt.reason(name) is None


def default_filter() -> ShortNameFilter:
    """The filter with pkuseg's lexicon, the policy corpus's words and the rules' residue."""
    import pickle

    from policykg.extract.entities import lexicon as lx
    from policykg.extract.entities.gazetteer import load_gazetteer
    from policykg.extract.entities.nlp import load_nlp
    from policykg.extract.entities.pkuseg_model import require_pkuseg_model
    from policykg.extract.entities.rules import Scene
    from policykg.schema.entities import EntityKind

    with open(require_pkuseg_model() / "features.pkl", "rb") as fh:
        lexicon = frozenset(pickle.load(fh)["unigram"])
    plain = load_nlp(registries=False)
    words: set[str] = set()
    for text in policy_texts():
        words.update(t.text for t in plain.make_doc(text))
    gaz = load_gazetteer(namelists=False)
    tech = frozenset(s for e in gaz.entries if e.label is EntityKind.technology for s in e.surfaces)
    scene = Scene("", [], tech)
    not_names = scene.not_names | lx.SECTOR_WORDS
    return ShortNameFilter(lexicon, frozenset(words), lambda s: [t.text for t in plain.make_doc(s)],
                           lambda s: scene.residue(s, not_names))


def policy_texts() -> list[str]:
    """The unlabelled policy corpus: the NER's paragraphs, the corpus plans, the dev texts."""
    root = HERE.parents[1]
    texts = [json.loads(line)["text"] for line in gzip.open(HERE / "data" / "paragraphs.jsonl.gz", "rt", encoding="utf-8")]
    for folder in (root / "corpus" / "documents", root / "tests" / "gold" / "dev" / "docs"):
        texts.extend(p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob("*.txt")))
    return texts


def _show(mirrors: Path, src: Source) -> str:
    git_dir = mirrors / src.repo.replace("/", "+") / "repo"
    out = subprocess.run(["git", "-C", str(git_dir), "show", f"{src.commit}:{src.path}"],
                         capture_output=True, check=True)
    return out.stdout.decode("utf-8-sig")


def a_share_rows(text: str, flt: ShortNameFilter) -> tuple[list[dict], list[dict], dict[str, int]]:
    """Listed firms' short names that pass the filter, and their state-owned controllers'
    registered names (act_name of a 中央国企/地方国企 that ends in a company form). The names the
    filter drops as a word, prose or generic (not risk-warning truncations) are appended to the
    firms as context-only rows (CONTEXT_CATEGORY)."""
    context: list[dict] = []
    firms, controllers, dropped = [], {}, {}
    for row in csv.DictReader(io.StringIO(text)):
        name = clean_short_name(row["name"])
        why = "risk_warning" if name is None else flt.reason(name)
        if why:
            dropped[why] = dropped.get(why, 0) + 1
            if why in CONTEXT_REASONS:
                context.append(context_row(name, row["ts_code"]))
        else:
            firms.append({"label": "Company", "name": name, "aliases": "", "category": "listed_company",
                          "source": f"a_share:{row['ts_code']}"})
        owner = (row.get("act_name") or "").strip()
        if row.get("act_ent_type") in ("中央国企", "地方国企") and owner.endswith(COMPANY_FORMS) and len(owner) >= 6:
            controllers.setdefault(owner, {"label": "Company", "name": owner, "aliases": "|".join(soe_aliases(owner)),
                                           "category": "soe_controller", "source": f"a_share:controller:{row['ts_code']}"})
    return firms + context, list(controllers.values()), dropped


# The filter's reasons that leave a name usable in a firm's context (a risk-warning name is a
# temporary truncation, and a one-character name is no name at all).
CONTEXT_REASONS = ("word", "prose", "generic")
CONTEXT_CATEGORY = "listed_company_context"


def context_row(name: str, code: str) -> dict:
    return {"label": "Company", "name": name, "aliases": "", "category": CONTEXT_CATEGORY, "source": f"a_share:{code}"}


_SCHOOL = re.compile(r'"name"\s*:\s*"([^"]+)"\s*,\s*"code"\s*:\s*"(\d+)"')


def university_rows(text: str) -> list[dict]:
    """The Ministry of Education's list of 普通高等学校 (name + 学校标识码)."""
    seen: dict[str, dict] = {}
    for name, code in _SCHOOL.findall(text):
        name = name.strip()
        seen.setdefault(name, {"label": "Institution", "name": name, "aliases": "", "category": "university",
                               "source": f"moe_universities:{code}"})
    return list(seen.values())


_SOE_ROW = re.compile(r"^\|\s*(\d+)\s*\|([^|]+)\|", re.M)


def soe_rows(text: str) -> list[dict]:
    """Central SOEs (SASAC's and the Ministry of Finance's lists, as the page tabulates them).
    A bracketed second name is the group's other registered name; bodies that are no company
    (中国冶金地质总局, 报刊社) are left out."""
    out: dict[str, dict] = {}
    for _, cell in _SOE_ROW.findall(text):
        names = [n.strip() for n in re.split(r"[\[\]]", cell) if n.strip()]
        names = [n for n in names if n.endswith(COMPANY_FORMS)]
        if not names:
            continue
        name, others = names[0], names[1:]
        aliases = [*others, *soe_aliases(name), *(a for o in others for a in soe_aliases(o))]
        out.setdefault(name, {"label": "Company", "name": name, "aliases": "|".join(dict.fromkeys(aliases)),
                              "category": "central_soe", "source": "central_soe"})
    return list(out.values())


def build(mirrors: Path, flt: ShortNameFilter | None = None) -> tuple[list[dict], dict]:
    flt = flt or default_filter()
    texts = {s.key: _show(mirrors, s) for s in SOURCES}
    firms, controllers, dropped = a_share_rows(texts["a_share"], flt)
    rows = soe_rows(texts["central_soe"]) + controllers + firms + university_rows(texts["moe_universities"])
    # Context-only names come last, so any list that names them in full wins the name.
    rows.sort(key=lambda r: r["category"] == CONTEXT_CATEGORY)
    # One row per name: the first list that names it wins (a SOE before the same group as a
    # controller, a full name before nothing).
    seen: set[str] = set()
    unique = []
    for r in rows:
        if r["name"] not in seen:
            seen.add(r["name"])
            unique.append(r)
    stats = {"rows": len(unique), "a_share_kept": sum(r["category"] == "listed_company" for r in firms),
             "a_share_context": sum(r["category"] == CONTEXT_CATEGORY for r in unique), "a_share_dropped": dropped,
             "controllers": len(controllers), "universities": sum(r["category"] == "university" for r in unique),
             "central_soe": sum(r["category"] == "central_soe" for r in unique)}
    return unique, stats


def write(rows: list[dict], path: Path = DATA_FILE) -> None:
    # mtime=0: the same rows give the same bytes, so a rebuild that changes nothing is no diff.
    with gzip.GzipFile(path, "wb", mtime=0) as raw, io.TextIOWrapper(raw, encoding="utf-8", newline="") as fh:
        fh.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            fh.write("\t".join(r[c] for c in COLUMNS) + "\n")


def read(path: Path = DATA_FILE) -> list[dict]:
    """The rows of the name-list file ([] when it does not exist)."""
    if not path.exists():
        return []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    head = lines[0].split("\t")
    return [dict(zip(head, line.split("\t"))) for line in lines[1:] if line]


def main(argv: list[str] | None = None) -> None:  # pragma: no cover - a build step
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mirrors", type=Path)
    ap.add_argument("--out", type=Path, default=DATA_FILE)
    args = ap.parse_args(argv)
    rows, stats = build(args.mirrors)
    write(rows, args.out)
    print(json.dumps(stats, ensure_ascii=False))


if __name__ == "__main__":  # pragma: no cover
    main()
