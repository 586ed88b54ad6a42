"""Plan metadata from a document's own header, merged with a manifest entry (which wins).

Header forms handled: the key/value block government web pages print (索引号, 发布机构, 文号,
发布日期, 信息名称), the red-header notice (文号 line, 关于印发《…》的通知, addressees, the 印发
paragraph, the issuer and date that sign it), and a plain title line.
"""

from __future__ import annotations

import datetime as dt
import re

from policykg.extract.structure.headings import CN_DIGITS, cn_number
from policykg.extract.structure.lines import Line
from policykg.schema.models import PlanKind, PlanMeta
from policykg.schema.vocabulary import vocabulary

DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}\s*[〔［\[【(（]\s*(\d{4})\s*[〕］\]】)）]\s*(\d{1,4})\s*号")
# Header key/value lines; which keys are read is decided in header_metadata, the keys themselves
# are the vocabulary's (schema/registries/vocabulary.toml).
KV = re.compile(r"^(" + vocabulary().header.key_pattern() + r")\s*[:：]\s*(.*)$")
# … or the key in lenticular brackets (【发文字号】 …: 北大法宝's field block).
KV_BRACKETED = re.compile(r"^【\s*(" + vocabulary().header.key_pattern() + r")\s*】\s*(.*)$")


def header_field(line: str) -> re.Match | None:
    """A header key/value line in either form: group 1 the key, group 2 the value."""
    return KV.match(line) or KV_BRACKETED.match(line)
ARABIC_DATE = re.compile(r"(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?")
CN_DATE = re.compile(r"([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
TITLE_IN_NOTICE = re.compile(r"《([^》]{4,80})》")
TITLE_FROM_NAME = re.compile(r"关于(?:印发|转发|颁布)?(.+?)的通知")
PLAN_WORD = re.compile(r"(规划|纲要|行动计划|计划|实施方案|方案|意见|办法)")
PERIOD = re.compile(r"[（(](\d{4})\s*[―—–\-－~～至到]+\s*(\d{4})\s*年?[）)]")
FIVE_YEAR = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025),
             "十五五": (2026, 2030)}
# A quoted slogan may stand in an issuer's name (安徽省推进“三地一区”建设领导小组改革开放新高地执行小组办公室).
ISSUER_LINE = re.compile(r"^[\u4e00-\u9fff（）()“”]{2,30}(" + vocabulary().alternation(vocabulary().agency.issuer_suffixes)
                         + r")(文件)?$")


def parse_date(s: str) -> dt.date | None:
    m = ARABIC_DATE.search(s)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = CN_DATE.search(s)
        if not m:
            return None
        y = int("".join(str(CN_DIGITS[c]) for c in m.group(1)))
        mo, d = cn_number(m.group(2)), cn_number(m.group(3))
        if mo is None or d is None:
            return None
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def plan_kind(title: str | None) -> PlanKind | None:
    if not title:
        return None
    t = re.sub(r"[（(][^）)]*[）)]$", "", title.strip())
    if t.endswith("行动计划") or t.endswith("计划"):
        return PlanKind.action_plan
    if t.endswith("实施方案") or t.endswith("方案"):
        return PlanKind.implementation
    if t.endswith("规划") or t.endswith("纲要"):
        return PlanKind.plan
    return PlanKind.other


def period_of(title: str | None) -> tuple[int | None, int | None]:
    if not title:
        return None, None
    m = PERIOD.search(title)
    if m:
        return int(m.group(1)), int(m.group(2))
    for key, span in FIVE_YEAR.items():
        if key in title:
            return span
    return None, None


def normalize_doc_number(s: str) -> str:
    m = DOC_NUMBER.search(s)
    if not m:
        return s.strip()
    prefix = s[m.start(): m.start(1)].rstrip("〔［[【(（ ").strip()
    return f"{prefix}〔{m.group(1)}〕{m.group(2)}号"


def header_metadata(doc_id: str, front: list[Line], text: str) -> PlanMeta:
    """Metadata read from the front matter lines (before the plan body)."""
    found: dict[str, object] = {}
    prov: dict[str, str] = {}

    def put(key: str, value, rule: str) -> None:
        if value not in (None, "") and key not in found:
            found[key] = value
            prov[key] = f"header:{rule}"

    lines = [ln.text for ln in front if ln.text]
    for i, t in enumerate(lines):
        if t.startswith(("http://", "https://")):
            put("source_url", t.split()[0], "url")
        # 信息提供日期：… 信息来源：… can share a line: read every key on it.
        for part in re.split(r"\s+(?=(?:信息来源|发布机构|发布日期)[:：])", t):
            kv = header_field(part)
            if not kv:
                continue
            key, val = re.sub(r"\s", "", kv.group(1)), kv.group(2).strip()
            if key == "索引号":
                put("index_number", val, "kv.索引号")
            elif key in ("发布机构", "发文机关", "信息来源", "发布部门"):
                put("issuer", val, f"kv.{key}")
            elif key in ("发布日期", "信息提供日期", "公布日期"):
                put("published", parse_date(val), f"kv.{key}")
            elif key == "成文日期":
                put("issued", parse_date(val), "kv.成文日期")
            elif key in ("文号", "发文字号"):
                put("doc_number", normalize_doc_number(val) if DOC_NUMBER.search(val) else None, f"kv.{key}")
            elif key == "原文链接":
                put("source_url", val.split()[0] if val else None, "kv.原文链接")
            elif key == "信息名称":
                m = TITLE_FROM_NAME.search(val)
                put("title", m.group(1).strip("《》") if m else val, "kv.信息名称")
    for t in lines:
        # A database export prints the 文号 in brackets under the title (（皖开放办〔2022〕6号）, 北大法宝).
        bare = re.sub(r"^[（(](.+)[）)]$", r"\1", t.strip())
        if DOC_NUMBER.fullmatch(bare):
            put("doc_number", normalize_doc_number(bare), "line.文号")
    # The 印发 paragraph names the plan in 《》; the notice title names it after 关于印发.
    for t in lines:
        if re.search(r"印发|转发", t):
            m = TITLE_IN_NOTICE.search(t)
            if m and PLAN_WORD.search(m.group(1)):
                put("title", m.group(1), "notice.《》")
    joined = "".join(lines)
    m = TITLE_FROM_NAME.search(joined)
    if m and PLAN_WORD.search(m.group(1)):
        put("title", m.group(1).strip("《》").replace(" ", ""), "notice.关于印发")
    # A sign-off: an issuer line directly followed by a date line.
    for a, b in zip(lines, lines[1:]):
        date = parse_date(b) if len(b) <= 20 and not header_field(b) else None
        if date and ISSUER_LINE.match(a.strip()):
            put("issuer", a.strip(), "signoff.issuer")
        if date:
            put("issued", date, "signoff.date")
    for t in lines:
        if len(t) <= 20 and parse_date(t) and not header_field(t):
            put("issued", parse_date(t), "line.date")
    for t in lines:
        m = re.match(r"^(.{4,30}?)文件$", t)
        if m and ISSUER_LINE.match(t):
            put("issuer", m.group(1), "redhead.文件")
    # A short title line with a plan word and no notice wording (e.g. 004's own title line); a
    # markdown export's heading marks (# 七宝镇…的实施意见) are no part of it.
    for t in lines:
        if len(t) <= 60 and PLAN_WORD.search(t) and not re.search(r"通知|印发|[:：]", t) and t[-1] not in "。；":
            put("title", _unmarked(t).replace(" ", ""), "line.title")
    # A bare first line that reads as a title names the document (石城县2018年度…考核细则).
    if lines and reads_as_title(_unmarked(lines[0])):
        put("title", _unmarked(lines[0]).replace(" ", ""), "line.first")
    for t in lines:
        if ISSUER_LINE.match(t.strip()):
            put("issuer", t.strip(), "line.issuer")
    if "issuer" not in found:
        # A letter whose head names no issuer signs it after its last paragraph, before any
        # attachment (…及时报送。\n交通运输部\n　　2022年9月20日\n\n交通强国建设试点任务要点…): the issuer
        # line directly followed by a date line, anywhere in the text.
        body = [t.strip() for t in text.splitlines()]
        for a, b in zip(body, body[1:]):
            if a and len(b) <= 20 and ISSUER_LINE.match(a) and parse_date(b) and not header_field(b):
                put("issuer", a, "signoff.body")
                put("issued", parse_date(b), "signoff.body")
                break
    meta = PlanMeta(doc_id=doc_id, provenance=prov, **found)
    return _derived(meta)


def _unmarked(line: str) -> str:
    """A line without a markdown heading's marks (# 标题 → 标题)."""
    return line.strip().lstrip("#").strip()


# Marks of a sentence or a list, which a title does not hold.
_SENTENCE_MARKS = re.compile(r"[。；;：:，,？?！!]")
_TITLE_NOTE = re.compile(r"[（(][^（）()]{1,12}[）)]$")


def reads_as_title(line: str) -> bool:
    """Whether a bare line reads as a document's title: at most 60 characters, no sentence or list
    marks, no 印发/转发 notice wording (the notice rules read those), and it ends with a kind of
    document ([header] title_endings of vocabulary.toml: 细则, 办法, 要点 …), a bracketed note
    (（试行）) aside. 石城县2018年度…考核细则 is one; 加入县河长制工作群（3分） is not."""
    line = line.strip()
    if not line or len(line) > 60 or _SENTENCE_MARKS.search(line) or re.search(r"印发|转发", line):
        return False
    core = _TITLE_NOTE.sub("", line)
    return core.endswith(tuple(vocabulary().header.title_endings))


def _derived(meta: PlanMeta) -> PlanMeta:
    upd: dict = {}
    prov = dict(meta.provenance)
    start, end = period_of(meta.title)
    if meta.period_start is None and start:
        upd["period_start"], upd["period_end"] = start, end
        prov["period_start"] = prov["period_end"] = "derived:title"
    if meta.kind is None and meta.title:
        upd["kind"] = plan_kind(meta.title)
        prov["kind"] = "derived:title"
    if meta.issued is None and meta.published is not None:
        # Only the publication date is known; better than nothing, and said so.
        upd["issued"] = meta.published
        prov["issued"] = "derived:published"
    upd["provenance"] = prov
    return meta.model_copy(update=upd)


def merge_manifest(header: PlanMeta, entry: dict | None) -> PlanMeta:
    """Manifest fields fill gaps and win on conflict; provenance says which source each came from."""
    if not entry:
        return header
    data = header.model_dump()
    prov = dict(header.provenance)
    for key in PlanMeta.model_fields:
        if key in ("doc_id", "provenance") or key not in entry or entry[key] in (None, ""):
            continue
        data[key] = entry[key]
        prov[key] = "manifest"
    data["provenance"] = prov
    return _derived(PlanMeta.model_validate(data))
