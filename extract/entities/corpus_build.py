"""Build the unlabelled training corpus (extract/entities/data/paragraphs.jsonl.gz) from a gov.cn
crawl dump, once, by hand: `python -m policykg.extract.entities.corpus_build <repo.git>`.

The dump is ZhouYNF/platform-1 db/ge_policy_raw20190217.sql and db/ge_policy_raw-20190217.sql
(SQL INSERTs of State Council documents with their HTML `content`). We keep only paragraph text,
so the stored corpus stays small, and leave out every document another part of the project
measures on:

- the documents reserved for independent evaluation (RESERVED, by 文号 or title);
- documents claimed by tests/gold/dev/SOURCES.md and tests/gold/heldout_docs/SOURCES.md;
- the documents this room's own held-out entity gold is written from (ENTITY_HELDOUT);
- every file tests/gold/heldout_entities_3_SOURCES.md lists (HELDOUT_SOURCE_FILES), whole.

Training reads only the stored file, so `policykg train` never needs the dump.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import subprocess
import sys
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
PARAGRAPHS = DATA_DIR / "paragraphs.jsonl.gz"
REPO = "ZhouYNF/platform-1"
COMMIT = "2197df553eee3b0bc9989d91addadf2f4227fddc"
FILES = ("db/ge_policy_raw20190217.sql", "db/ge_policy_raw-20190217.sql")
COLUMNS = ("id, crawl_url, crawl_time, index_number, title, release_office, release_number, policy_basis, "
           "wiritten_time, release_time, effect_time, content, image_url, status, html, remark").split(", ")

RESERVED = ("国发〔2018〕38号", "国发〔2018〕39号", "国发〔2018〕42号", "国发〔2019〕3号", "国办发〔2018〕117号",
            "国办发〔2018〕128号", "国办发〔2018〕129号", "关于推进人才集聚工程的实施意见", "数字广东建设2025年工作要点")
# Source documents of tests/gold/heldout_entities_2.json: never trained on.
ENTITY_HELDOUT = ("国办函〔2004〕57号", "国办函〔2004〕80号", "国办函〔2005〕21号", "国办发〔2004〕7号",
                  "国办函〔2018〕71号", "国办发〔2018〕123号")
CLAIM_FILES = ("tests/gold/dev/SOURCES.md", "tests/gold/heldout_docs/SOURCES.md")
# The blind held-out entity set's sources (repo | path<br>path… | commit | …): every file listed
# there is left out whole. Only this sources file is read, never the gold it describes.
HELDOUT_SOURCE_FILES = ("tests/gold/heldout_entities_3_SOURCES.md",)
MIN_PARAGRAPH = 8  # shorter lines are headings' numbers, dates, signatures


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


def html_paragraphs(fragment: str) -> list[str]:
    h = re.sub(r"(?is)<(script|style).*?</\1>", "", fragment)
    h = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</tr>|</h\d>|</li>", "\n", h)
    text = html.unescape(re.sub(r"<[^>]+>", "", h)).replace("\u00a0", " ")
    lines = (re.sub(r"[ \t\u3000]+", " ", line).strip() for line in text.split("\n"))
    return [line for line in lines if len(line) >= MIN_PARAGRAPH]


def claimed(root: Path) -> set[str]:
    """文号 and titles listed in the other gold sets' SOURCES.md tables."""
    out: set[str] = set()
    for rel in CLAIM_FILES:
        path = root / rel
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                cells = [c.strip() for c in line.split("|")]
                if len(cells) >= 3 and "〔" in cells[2]:
                    out.update(cells[1:3])
    return out


def heldout_source_files(root: Path) -> set[tuple[str, str]]:
    """(repo, path) of every file the held-out entity sets' SOURCES files list."""
    out: set[tuple[str, str]] = set()
    for rel in HELDOUT_SOURCE_FILES:
        path = root / rel
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            cells = [c.strip() for c in line.split("|")]
            if len(cells) >= 3 and "/" in cells[0] and not cells[0].startswith("-"):
                for p in re.split(r"<br\s*/?>", cells[1]):
                    if p.strip():
                        out.add((cells[0], p.strip()))
    return out


def excluded(row: dict, blocked: set[str]) -> bool:
    number, title = row.get("release_number") or "", row.get("title") or ""
    keys = (*RESERVED, *ENTITY_HELDOUT, *blocked)
    return any(k and (k == number or k in title) for k in keys)


def build(git_dir: Path, root: Path) -> list[dict]:
    blocked = claimed(root)
    held = heldout_source_files(root)
    seen: set[tuple[str, str]] = set()
    out = []
    for rel in FILES:
        if (REPO, rel) in held:
            continue  # a source of held-out entity gold: never trained on
        sql = subprocess.run(["git", "--git-dir", str(git_dir), "show", f"{COMMIT}:{rel}"],
                             capture_output=True, check=True).stdout.decode("utf-8")
        for row in sql_rows(sql):
            key = (row.get("release_number") or "", row.get("title") or "")
            if key in seen or excluded(row, blocked):
                continue
            paras = html_paragraphs(row.get("content") or "")
            if sum(map(len, paras)) < 500:
                continue  # an empty stub the crawler left (the same document appears again in full)
            seen.add(key)
            for k, p in enumerate(paras):
                out.append({"src": f"{REPO}@{COMMIT[:12]}:{rel}#id={row['id']}", "doc": key[0] or key[1],
                            "n": k, "text": p})
    return out


def main(argv: list[str]) -> None:
    git_dir = Path(argv[0])
    root = Path(__file__).resolve().parents[2]
    rows = build(git_dir, root)
    DATA_DIR.mkdir(exist_ok=True)
    # mtime=0 keeps the archive byte-identical across rebuilds of the same rows.
    with open(PARAGRAPHS, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        for r in rows:
            gz.write((json.dumps(r, ensure_ascii=False) + "\n").encode("utf-8"))
    print(f"{len(rows)} paragraphs from {len({r['doc'] for r in rows})} documents -> {PARAGRAPHS}")


if __name__ == "__main__":  # pragma: no cover - run by hand when the corpus is rebuilt
    main(sys.argv[1:])
