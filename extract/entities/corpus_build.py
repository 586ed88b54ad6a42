"""Build the unlabelled training corpus (extract/entities/data/paragraphs.jsonl.gz, policy
documents, and paragraphs_more.jsonl.gz, the government work reports) from public repositories'
data files, once, by hand:

    python -m policykg.extract.entities.corpus_build <git dir or mirror root> …

Each argument is a fetched repository's git directory or a folder holding fetched mirrors as
`<owner>+<name>/repo` (the layout `fetch` leaves under /work/.mirror). Every source in SOURCES is
read from its pinned commit with `git show`, so the same commits always give the same corpus.

SOURCES is data: a repository, a commit, the files (or a folder of them) and the reader that
turns that file format into documents (READERS: SQL INSERT dumps of gov.cn pages with an HTML
`content` column, JSON-lines records with a `content` field, plain-text files). We keep only
paragraph text, so the stored corpus stays small, and leave out every document another part of
the project measures on:

- the documents reserved for independent evaluation (RESERVED, by 文号 or title);
- documents claimed by tests/gold/dev/SOURCES.md and tests/gold/heldout_docs/SOURCES.md;
- the documents this room's own held-out entity gold is written from (ENTITY_HELDOUT);
- every file a blind entity set's sources file lists (every tests/gold/heldout_entities_*_SOURCES.md
  but those of TRAINABLE_SETS), whole, folders listed there with all their files;
- a paragraph already taken from another document (crawlers store some documents twice).

Training reads only the stored file, so `policykg train` never needs the repositories.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import html
import io
import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
# Policy documents (the gov.cn dump, the Jiangxi crawl) go to the file other parts read as "the
# policy corpus" (the name-list filter's prose words, the bulk-decoder and text-view tests); the
# government work reports, speeches of 853 k characters, to a second file. Training reads every
# PARAGRAPH_FILES file, in this order.
PARAGRAPHS = DATA_DIR / "paragraphs.jsonl.gz"
MORE_PARAGRAPHS = DATA_DIR / "paragraphs_more.jsonl.gz"
# The tuning entity sets' own sources (TRAINABLE_SETS: provincial work reports of 2026, Shandong
# plans and notices, a county's enterprise profiles), the firm-richest real text found: a file of
# their own, so the two files above keep their bytes for the parts that read them as they are.
FIRM_PARAGRAPHS = DATA_DIR / "paragraphs_firms.jsonl.gz"
PARAGRAPH_FILES = (PARAGRAPHS, MORE_PARAGRAPHS, FIRM_PARAGRAPHS)


@dataclass(frozen=True)
class Source:
    repo: str
    commit: str
    reader: str  # a key of READERS
    paths: tuple[str, ...]  # files, or folders ending in "/" (every file under them, sorted)
    what: str
    out: str = MORE_PARAGRAPHS.name  # the file of DATA_DIR its paragraphs go to
    part: str = ""  # what of each file the reader takes, when not all of it (a sheet's name)
    suffix: str = ""  # of a folder's files, only those whose name ends so


SOURCES = (
    Source("ZhouYNF/platform-1", "2197df553eee3b0bc9989d91addadf2f4227fddc", "gov_cn_sql",
           ("db/ge_policy_raw20190217.sql", "db/ge_policy_raw-20190217.sql"),
           "gov.cn crawl dump: State Council and General Office documents (HTML content column)",
           PARAGRAPHS.name),
    Source("chairmenfrog/Policy_crawler", "c207101ae1af33cd7586e059182c54cf2b2865a4", "text_file",
           ("data/JX_text/",),
           "jiangxi.gov.cn crawl: 江西省人民政府 and 江西省市场监督管理局 documents, one plain-text file each",
           PARAGRAPHS.name),
    Source("aldohemsn/chinese-political-corpora", "2e56948f20e8056d9e443377f738cbea0a4a5bf3", "report_jsonl",
           ("government_work_reports.jsonl",),
           "国务院政府工作报告 (Wikisource transcriptions), one JSON record per report"),
    # The sources of tuning entity sets (TRAINABLE_SETS), firm-richer than the three above.
    Source("johncodes404/china-provincial-gov-reports-2026", "ad4c815c4acefe47240a3afaece74e1eb2011dd3", "report_csv",
           ("output/2026_raw_text/",),
           "2026 provincial government work reports (31 provinces), one CSV row each, full_text one paragraph a line",
           FIRM_PARAGRAPHS.name, suffix="政府工作报告.csv"),
    Source("xvshiting/politic_analysis_paper_2025", "dd9edb7b18d29e25cb254b2a07666311370f7297", "sheet_xlsx",
           ("data/Policies Data.xlsx",),
           "Shandong, Jinan and Qingdao policy texts 2013-2024 (sheet ShanDong Policies Table only; the sheet of "
           "national documents is never opened)", FIRM_PARAGRAPHS.name, part="ShanDong Policies Table"),
    Source("Vnissun/LiuheSWJ", "ed7857ba5055f8ccacc7e5bf59078f3d4c647fe7", "page_js",
           ("pages/index/",),
           "柳河县 investment-promotion pages: enterprise, industry, town and project profiles (HTML in JS template "
           "literals)", FIRM_PARAGRAPHS.name, suffix=".js"),
    Source("mengke25/policy_text_frenq", "ad2419343ce4d9f3a81f92db1c0cd62b8ffb037c", "text_file", ("pool/",),
           "北大法宝 plain-text exports: 安徽 工业互联网 policies, 安徽 RCEP, 包头, 北京, 阿坝", FIRM_PARAGRAPHS.name,
           suffix=".txt"),
    Source("mengke25/policy_text_analyse", "0204dbc07b704b3e05e5474a1a0e9dcdf66d0602", "text_file", ("source_policy/",),
           "北大法宝 plain-text exports: 临港新片区管理办法, 中山 and 广东 data rules", FIRM_PARAGRAPHS.name, suffix=".txt"),
)

# gov_cn_sql: the dump's column order (its INSERTs name no columns in some rows).
COLUMNS = ("id, crawl_url, crawl_time, index_number, title, release_office, release_number, policy_basis, "
           "wiritten_time, release_time, effect_time, content, image_url, status, html, remark").split(", ")
# report_jsonl: reports before this year are left out: the early ones are transcribed in
# traditional characters, which no other text here uses, and name no firms.
FIRST_REPORT_YEAR = 1978
# report_jsonl: the Wikisource licence notice that ends each record is no part of the report.
REPORT_TAIL = re.compile(r"^本作品是中华人民共和国的|公有领域|Public domain")

RESERVED = ("国发〔2018〕38号", "国发〔2018〕39号", "国发〔2018〕42号", "国发〔2019〕3号", "国办发〔2018〕117号",
            "国办发〔2018〕128号", "国办发〔2018〕129号", "关于推进人才集聚工程的实施意见", "数字广东建设2025年工作要点")
# Source documents of tests/gold/heldout_entities_2.json: never trained on.
ENTITY_HELDOUT = ("国办函〔2004〕57号", "国办函〔2004〕80号", "国办函〔2005〕21号", "国办发〔2004〕7号",
                  "国办函〔2018〕71号", "国办发〔2018〕123号")
CLAIM_FILES = ("tests/gold/dev/SOURCES.md", "tests/gold/heldout_docs/SOURCES.md")
# The entity sets' sources files (repo | path<br>path… | commit | …): every file a blind set's file
# lists is left out whole. Every set is blind unless named in TRAINABLE_SETS, so a new set's
# sources file (set 8's landed after this was written) is excluded by being there. Only these
# sources files are read, never the gold they describe.
HELDOUT_SOURCES_GLOB = "tests/gold/heldout_entities_*_SOURCES.md"
# Tuning sets (evaluate.ENTITY_SETS) whose sources may be trained on: their figures for the model
# then say how it fits text it saw. Set 5's sources stay out (PDF text with line breaks inside
# sentences, not firm-rich); set 7 stays out so the model is measured on text it never saw.
TRAINABLE_SETS = ("heldout_entities_3", "heldout_entities_4", "heldout_entities_6")
MIN_PARAGRAPH = 8  # shorter lines are headings' numbers, dates, signatures
MIN_DOCUMENT = 500  # characters; shorter records are stubs the crawlers left (or empty files)


@dataclass
class Document:
    record: str  # where in the file: an INSERT id, a file path, a JSON line number
    key: str  # its 文号, else its title, else the record
    title: str
    number: str
    paragraphs: list[str]


# --- readers: one per source format --------------------------------------------------------


def sql_rows(sql: str):
    """The value tuples of `insert into … values (…)` statements: quoted strings (with '' and
    backslash escapes), null and bare numbers."""
    values = re.compile(r"values\s*\(", re.I)
    bare = re.compile(r"[^,)]+")
    i, n = 0, len(sql)
    while (m := values.search(sql, i)) is not None:
        i, row = m.end(), []
        while i < n:
            c = sql[i]
            if c == "'":
                j, buf = i + 1, []
                while j < n:
                    if sql[j] == "\\":
                        buf.append(sql[j + 1])
                        j += 2
                    elif sql[j] == "'" and sql[j + 1:j + 2] == "'":
                        buf.append("'")
                        j += 2
                    elif sql[j] == "'":
                        break
                    else:
                        buf.append(sql[j])
                        j += 1
                row.append("".join(buf))
                i = j + 1
            elif c == ")":
                yield dict(zip(COLUMNS, row))
                i += 1
                break
            elif c in ", \n\r\t":
                i += 1
            else:
                b = bare.match(sql, i)
                row.append(b.group().strip())
                i = b.end()


def _clean_lines(lines) -> list[str]:
    out = (re.sub(r"[ \t\u3000\u00a0]+", " ", line).strip() for line in lines)
    return [line for line in out if len(line) >= MIN_PARAGRAPH]


def html_paragraphs(fragment: str) -> list[str]:
    h = re.sub(r"(?is)<(script|style).*?</\1>", "", fragment)
    h = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</tr>|</h\d>|</li>", "\n", h)
    return _clean_lines(html.unescape(re.sub(r"<[^>]+>", "", h)).split("\n"))


def read_gov_cn_sql(path: str, text: str) -> Iterator[Document]:
    for row in sql_rows(text):
        number, title = row.get("release_number") or "", row.get("title") or ""
        yield Document(f"{path}#id={row['id']}", number or title, title, number,
                       html_paragraphs(row.get("content") or ""))


def read_text_file(path: str, text: str) -> Iterator[Document]:
    """One document per file, one paragraph per line."""
    lines = text.replace("\r\n", "\n").split("\n")
    first = next((line.strip() for line in lines if line.strip()), "")
    number = _number_in(text[:400])
    yield Document(path, number or path, first[:80], number, _clean_lines(lines))


def read_report_csv(path: str, text: str) -> Iterator[Document]:
    """CSV rows with title and full_text (one paragraph a line); the page's menu words (下载,
    打印 …) are shorter than MIN_PARAGRAPH and go with the other short lines."""
    for k, row in enumerate(csv.DictReader(io.StringIO(text.lstrip("\ufeff")))):
        body = row.get("full_text") or ""
        title = row.get("title") or ""
        yield Document(f"{path}#row={k + 1}", title or path, title, _number_in(body[:600]),
                       _clean_lines(body.replace("\r\n", "\n").split("\n")))


def read_page_js(path: str, text: str) -> Iterator[Document]:
    """A mini-programme page: the HTML of its template literals (text: `…`, text1: `…`), one
    document a file, paragraphs as html_paragraphs cuts them."""
    html_parts = re.findall(r"\w+:\s*`([^`]*)`", text)
    paras = [p for h in html_parts for p in html_paragraphs(h)]
    first = paras[0] if paras else path
    yield Document(path, path, first[:80], _number_in(" ".join(paras)[:400]), paras)


def read_sheet_xlsx(path: str, data: bytes, sheet: str) -> Iterator[Document]:
    """One row of the named sheet a document: `Policy Title` (its key) and `Policy Content`
    (paragraphs one a line, indented). No other sheet of the workbook is read."""
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    rows = wb[sheet].iter_rows(values_only=True)
    head = [str(h) if h is not None else "" for h in next(rows)]
    for k, values in enumerate(rows):
        row = dict(zip(head, values))
        body, title = str(row.get("Policy Content") or ""), str(row.get("Policy Title") or "")
        yield Document(f"{path}#{sheet}:No.{row.get('No.') or k + 1}", title or f"{path}#{k}", title,
                       _number_in(body[:600]), _clean_lines(body.replace("\r\n", "\n").split("\n")))


def read_report_jsonl(path: str, text: str) -> Iterator[Document]:
    """JSON lines with title, content and year. Paragraphs are separated by blank lines; a single
    line break inside one is where the scraper cut the text at a wiki link or a sub/superscript
    (\u201cPM\\n2.5\\n）\u201d), so those breaks are joined back without a character in between."""
    for k, line in enumerate(text.splitlines()):
        if not line.strip():
            continue
        r = json.loads(line)
        year = str(r.get("year") or "")
        if not year.isdigit() or int(year) < FIRST_REPORT_YEAR:
            continue
        paras = []
        for block in re.split(r"\n\s*\n", r.get("content") or ""):
            p = "".join(part.strip() for part in block.split("\n"))
            if REPORT_TAIL.search(p):
                break
            paras.append(p)
        title = r.get("title") or ""
        yield Document(f"{path}#line={k + 1}", title, title, "", _clean_lines(paras))


READERS: dict[str, Callable[[str, str], Iterator[Document]]] = {
    "gov_cn_sql": read_gov_cn_sql,
    "text_file": read_text_file,
    "report_jsonl": read_report_jsonl,
    "report_csv": read_report_csv,
    "page_js": read_page_js,
}
# Readers of binary files: (path, bytes, Source.part).
BINARY_READERS: dict[str, Callable[[str, bytes, str], Iterator[Document]]] = {
    "sheet_xlsx": read_sheet_xlsx,
}

_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}〔\d{4}〕\d+号")


def _number_in(text: str) -> str:
    m = _NUMBER.search(text)
    return m.group() if m else ""


# --- what is left out ----------------------------------------------------------------------


def claimed(root: Path) -> set[str]:
    """文号 and titles listed in the other gold sets' SOURCES.md tables: every document row's, a
    文号 without 〔〕 (国令第706号) as well, so a claimed document of a dump is never trained on."""
    out: set[str] = set()
    for rel in CLAIM_FILES:
        path = root / rel
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                cells = [c.strip() for c in line.split("|")]
                if len(cells) >= 3 and ("〔" in cells[2] or (len(cells) >= 5 and _REPO.match(cells[3]))):
                    out.update(c for c in cells[1:3] if c and c not in ("文号", "title", "(none)", "—"))
    return out


# Readers of files that hold many documents: such a file is filtered by 文号 and title, never
# left out whole because one of its documents is claimed.
MULTI_DOCUMENT_READERS = frozenset({"gov_cn_sql", "report_jsonl", "sheet_xlsx"})


def _dump_files() -> set[tuple[str, str]]:
    return {(src.repo, path) for src in SOURCES if src.reader in MULTI_DOCUMENT_READERS for path in src.paths}


def claimed_files(root: Path) -> set[tuple[str, str]]:
    """(repo, path) of the dev and held-out documents' source files when the document has no
    文号 to be found by: such a file is one document, so the whole file is left out (a dump
    of many documents is filtered by 文号 and title instead, see claimed)."""
    out: set[tuple[str, str]] = set()
    for rel in CLAIM_FILES:
        path = root / rel
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                cells = [c.strip() for c in line.split("|")]
                if len(cells) >= 5 and "/" in cells[3] and "〔" not in cells[2]:
                    out.add((cells[3], cells[4].split(" (")[0]))
    return out - _dump_files()


_REPO = re.compile(r"^[A-Za-z0-9][\w.-]*/[\w.-]+$")

# A claimed document of a many-document file is found by 文号 or title (claimed), but a sheet row's
# title is the workbook's English one and its cell may hold no 文号: such a row is claimed by the
# record the SOURCES row names instead. Per reader, how a record cell names the record (the tables'
# own wording: "sheet `ShanDong Policies Table`, row No. 6 (spreadsheet row 7)", "insert id 17
# (line 3371)") and the reader's Document.record it is.
CLAIM_RECORD_FORMS: dict[str, tuple[re.Pattern, str]] = {
    "sheet_xlsx": (re.compile(r"sheet `(?P<sheet>[^`]+)`, row No\. ?(?P<no>\d+)\b"), "{path}#{sheet}:No.{no}"),
    "gov_cn_sql": (re.compile(r"\binsert id (?P<id>\d+)\b", re.I), "{path}#id={id}"),
}


def claimed_records(root: Path) -> set[tuple[str, str]]:
    """(repo, Document.record) of every claimed document of a many-document source file whose
    SOURCES row names its record in a form of CLAIM_RECORD_FORMS: left out by record, whatever its
    title and 文号."""
    readers = {(src.repo, path): src.reader for src in SOURCES for path in src.paths}
    out: set[tuple[str, str]] = set()
    for rel in CLAIM_FILES:
        path = root / rel
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            cells = [c.strip() for c in line.split("|")]
            if len(cells) < 7:
                continue
            repo, file = cells[3], cells[4].split(" (")[0]
            form = CLAIM_RECORD_FORMS.get(readers.get((repo, file), ""))
            if form and (m := form[0].search(" | ".join(cells[6:]))):
                out.add((repo, form[1].format(path=file, **m.groupdict())))
    return out


def heldout_sources_files(root: Path) -> list[Path]:
    """The sources files of the blind entity sets: every heldout_entities_*_SOURCES.md of
    tests/gold but those of TRAINABLE_SETS."""
    return sorted(p for p in root.glob(HELDOUT_SOURCES_GLOB)
                  if p.name.removesuffix("_SOURCES.md") not in TRAINABLE_SETS)


def heldout_source_files(root: Path) -> set[tuple[str, str]]:
    """(repo, path) of every file the blind entity sets' SOURCES files list; a folder as
    `folder/` (a listed `docs/x/ (all files)` too): is_held leaves out everything under it."""
    out: set[tuple[str, str]] = set()
    for path in heldout_sources_files(root):
        for line in path.read_text(encoding="utf-8").splitlines():
            cells = [c.strip() for c in line.split("|")]
            if len(cells) >= 3 and _REPO.match(cells[0]):
                for p in re.split(r"<br\s*/?>", cells[1]):
                    p = re.sub(r"\s*\(all files\)$", "", p.strip())
                    if p:
                        out.add((cells[0], p))
    return out


def is_held(repo: str, rel: str, held: set[tuple[str, str]]) -> bool:
    """Whether repo's file rel is listed in `held`: by its path, by a folder it lies under
    (`docs/x/`) or by a listed wildcard pattern (`data/policies*.json(l)`: * any run, (l) optional)."""
    for r, p in held:
        if r != repo:
            continue
        if p == rel or (p.endswith("/") and rel.startswith(p)):
            return True
        if "*" in p:
            pattern = re.escape(p).replace(r"\*", ".*").replace(r"\(l\)", "l?")
            if re.fullmatch(pattern, rel):
                return True
    return False


def excluded(doc: Document, blocked: set[str]) -> bool:
    keys = (*RESERVED, *ENTITY_HELDOUT, *blocked)
    return any(k and (k == doc.number or k in doc.title) for k in keys)


# --- the build -----------------------------------------------------------------------------


def _git(git_dir: Path, *args: str) -> bytes:
    return subprocess.run(["git", "--git-dir", str(git_dir), *args], capture_output=True, check=True).stdout


def source_files(git_dir: Path, src: Source) -> list[str]:
    out = []
    for p in src.paths:
        if p.endswith("/"):
            names = _git(git_dir, "ls-tree", "-r", "--name-only", "-z", src.commit, "--", p).decode("utf-8")
            out.extend(sorted(n for n in names.split("\0") if n and n.endswith(src.suffix)))
        else:
            out.append(p)
    return out


def git_dir_for(repo: str, places: list[Path]) -> Path | None:
    """A fetched copy of `repo`: an argument naming it (…/owner+name/repo) or a mirror root
    holding it."""
    slug = repo.replace("/", "+")
    for place in places:
        if slug in place.parts and (place / "HEAD").exists():
            return place
        cand = place / slug / "repo"
        if (cand / "HEAD").exists():
            return cand
    return None


def build(places: list[Path], root: Path) -> tuple[list[dict], dict[str, dict]]:
    """The paragraph rows and, per source, how many documents and paragraphs it gave."""
    blocked = claimed(root)
    held = heldout_source_files(root) | claimed_files(root)
    records = claimed_records(root)
    seen_docs: set[str] = set()
    seen_paras: set[bytes] = set()
    rows: list[dict] = []
    counts: dict[str, dict] = {}
    for src in SOURCES:
        git_dir = git_dir_for(src.repo, places)
        if git_dir is None:
            raise SystemExit(f"{src.repo}: no fetched copy among {places} (fetch it first)")
        tally = counts.setdefault(src.repo, {"documents": 0, "paragraphs": 0, "characters": 0})
        for rel in source_files(git_dir, src):
            if is_held(src.repo, rel, held):
                continue  # a source of gold the project measures on: never trained on
            data = _git(git_dir, "show", f"{src.commit}:{rel}")
            if src.reader in BINARY_READERS:
                docs = BINARY_READERS[src.reader](rel, data, src.part)
            else:
                docs = READERS[src.reader](rel, data.decode("utf-8"))
            for doc in docs:
                if doc.key in seen_docs or excluded(doc, blocked) or (src.repo, doc.record) in records:
                    continue
                if sum(map(len, doc.paragraphs)) < MIN_DOCUMENT:
                    continue  # a stub (the same document appears again in full)
                seen_docs.add(doc.key)
                kept = 0
                for k, p in enumerate(doc.paragraphs):
                    h = hashlib.sha1(p.encode("utf-8")).digest()
                    if h in seen_paras:
                        continue
                    seen_paras.add(h)
                    rows.append({"src": f"{src.repo}@{src.commit[:12]}:{doc.record}", "doc": doc.key, "n": k,
                                 "text": p, "_out": src.out})
                    kept += 1
                    tally["characters"] += len(p)
                tally["documents"] += kept > 0
                tally["paragraphs"] += kept
    return rows, counts


def main(argv: list[str]) -> None:
    places = [Path(a).resolve() for a in argv] or [Path("/work/.mirror")]
    root = Path(__file__).resolve().parents[2]
    rows, counts = build(places, root)
    DATA_DIR.mkdir(exist_ok=True)
    for path in PARAGRAPH_FILES:
        # mtime=0 keeps the archive byte-identical across rebuilds of the same rows.
        with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
            for r in rows:
                if r["_out"] == path.name:
                    row = {k: v for k, v in r.items() if k != "_out"}
                    gz.write((json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8"))
    for repo, c in counts.items():
        print(f"{repo}: {c['documents']} documents, {c['paragraphs']} paragraphs, {c['characters']} characters")
    print(f"{len(rows)} paragraphs from {len({r['doc'] for r in rows})} documents -> "
          + ", ".join(p.name for p in PARAGRAPH_FILES))


if __name__ == "__main__":  # pragma: no cover - run by hand when the corpus is rebuilt
    main(sys.argv[1:])
