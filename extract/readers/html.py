"""Reading a saved web page (gov.cn, provincial and city portals) into text with element sources.

The main text is found by structural rules where a portal's layout is known (gov.cn keeps the
document in `#UCAP-CONTENT`, newer pages in `.pages_content`, TRS-based city portals in
`.TRS_Editor` or `#zoom`), and by trafilatura otherwise; navigation, footers and scripts stay
out. Every rendered line records the element it came from (`td#UCAP-CONTENT > p[12]`), and
tables inside the main text are rendered row by row (cells separated by a tab) and returned as
tables, with rowspan/colspan cells repeated in every row they cover.

The page's own metadata table (索引号, 发文机关, 文号, 成文日期 …) is rendered as `label：value`
lines at the top of the text, the form the header stage already reads, and returned in
`ReadResult.header` with the meta tags (ArticleTitle, PubDate, ContentSource).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from lxml import etree, html as lxml_html

from policykg.extract.readers.base import ReadResult, TableRead, TextBuilder, render_grid
from policykg.extract.readers.text import DocumentError, _looks_like_text, detect_encoding, normalize_line_endings
from policykg.schema.models import SourceRef

FORMAT = "html"
SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")

# Known portal layouts, most specific first.
CONTENT_XPATHS = [
    '//*[@id="UCAP-CONTENT"]',
    '//*[contains(concat(" ", normalize-space(@class), " "), " pages_content ")]',
    '//*[contains(concat(" ", normalize-space(@class), " "), " TRS_Editor ")]',
    '//*[@id="zoom"]',
    '//*[contains(concat(" ", normalize-space(@class), " "), " article-content ")]',
    '//*[@id="Zoom"]',
]
BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "tbody", "thead",
         "tr", "td", "th", "section", "article", "blockquote", "pre", "dl", "dt", "dd", "center", "form",
         "body", "main", "header", "footer", "nav", "aside", "figure", "figcaption", "caption", "address"}
DROP = ("script", "style", "noscript", "template", "iframe", "object", "svg")
# Labels of the metadata table gov.cn prints above a policy document, to PlanMeta fields.
META_LABELS = {
    "索引号": "index_number", "发文机关": "issuer", "发布机构": "issuer", "成文日期": "issued",
    "标题": "title", "发文字号": "doc_number", "文号": "doc_number", "发布日期": "published",
}
# Rendered with the labels the header stage reads (extract/structure/metadata.py KV).
RENDER_LABEL = {"index_number": "索引号", "issuer": "发文机关", "issued": "成文日期",
                "doc_number": "文号", "published": "发布日期"}
META_TAGS = {"articletitle": "title", "pubdate": "published", "contentsource": "issuer"}
_LABEL = re.compile(r"^\s*([\u4e00-\u9fff\s\u3000]{2,8}?)\s*[:：]\s*(.*)$", re.S)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_WS = re.compile(r"[ \t\r\n\f\v]+")
MIN_MAIN_CHARS = 20
# Containers of navigation and page furniture, by tag or by the class/id portals give them.
BOILERPLATE_TAGS = ("nav", "header", "footer", "aside")
BOILERPLATE = re.compile(r"(?:^|[-_ ])(?:nav|menu|footer|foot|header|head|top|breadcrumb|crumb|sidebar|side|"
                         r"left|right|share|toolbar|copyright|links?|bottom)(?:$|[-_ \d])", re.I)


def sniff(head: bytes) -> bool:
    h = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if h.startswith((b"<!doctype html", b"<html")):
        return True
    return h.startswith(b"<") and any(t in h[:2048] for t in (b"<head", b"<body", b"<meta", b"<div", b"<table", b"<p>"))


def decode_page(data: bytes, path: Path | str) -> str:
    """The page's declared charset, else UTF-8, else what the detector finds."""
    m = _CHARSET.search(data[:4096])
    if m:
        enc = m.group(1).decode("ascii").lower()
        enc = "gb18030" if enc in ("gb2312", "gbk", "gb18030", "x-gbk") else enc
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common: fall through to detection
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    enc = detect_encoding(data)
    if enc:
        try:
            text = data.decode(enc)
            if _looks_like_text(text):
                return text
        except (LookupError, UnicodeDecodeError):
            pass
    raise DocumentError(path, "web page whose charset is neither declared nor detectable (UTF-8, GB18030, Big5)")


def _norm(s: str) -> str:
    return _WS.sub(" ", s.replace("\u00a0", " ")).strip()


def _step(el) -> str:
    parent = el.getparent()
    if el.get("id"):
        return f"{el.tag}#{el.get('id')}"
    if parent is None:
        return el.tag
    same = [c for c in parent if c.tag == el.tag]
    return f"{el.tag}[{same.index(el) + 1}]" if len(same) > 1 else el.tag


def element_path(el, root=None) -> str:
    """A readable path from the content root (or the page) down to `el`."""
    steps = []
    cur = el
    while cur is not None and cur.tag not in ("html", "body"):
        steps.append(_step(cur))
        if cur is root or cur.get("id"):
            break
        cur = cur.getparent()
    return " > ".join(reversed(steps))


def _has_block(el) -> bool:
    return any(isinstance(c.tag, str) and c.tag in BLOCK for c in el.iterdescendants())


def _inline_lines(el) -> list[str]:
    """The text of a leaf block, split where <br> breaks it."""
    text = "".join(_itertext_br(el))
    return [ln for ln in (_norm(x) for x in text.split("\n")) if ln]


def _itertext_br(el):
    if el.text:
        yield el.text
    for c in el:
        if isinstance(c.tag, str):
            if c.tag == "br":
                yield "\n"
            else:
                yield from _itertext_br(c)
        if c.tail:
            yield c.tail


class _Renderer:
    def __init__(self, root, keep=None, skip=frozenset(), paths=None):
        self.root = root
        self.paths = paths or {}
        self.skip = skip  # the metadata table, already rendered as header lines
        self.out = TextBuilder(FORMAT)
        self.tables: list[TableRead] = []
        self.keep = keep  # fallback mode: only blocks whose text trafilatura kept

    def line(self, s: str, el) -> None:
        if self.keep is not None and (not self._kept(s) or _link_dense(el)):
            return
        self.out.add(s, SourceRef(format=FORMAT, element=self.path(el)))
        self.out.newline()

    def path(self, el) -> str:
        return self.paths.get(el) or element_path(el, self.root)

    def _kept(self, s: str) -> bool:
        key = s.replace(" ", "")
        return key in self.keep or any(key in k for k in self.keep if len(key) >= 8)

    def walk(self, el) -> None:
        if not isinstance(el.tag, str) or el in self.skip:
            return
        if el.tag == "table" and not self._layout_table(el):
            self.table(el)
            return
        if el.tag not in BLOCK or not _has_block(el):
            for s in _inline_lines(el):
                self.line(s, el)
            return
        if el.text and _norm(el.text):
            self.line(_norm(el.text), el)
        for c in el:
            self.walk(c)
            if c.tail and _norm(c.tail):
                self.line(_norm(c.tail), el)

    @staticmethod
    def _layout_table(el) -> bool:
        """Portals lay pages out with tables; a table holding a block-level table or the
        content root is layout, not a content table."""
        return bool(el.xpath('.//*[@id="UCAP-CONTENT"]')) or bool(el.xpath(".//table"))

    def table(self, el) -> None:
        rows = [tr for tr in el.xpath(".//tr") if tr.xpath("ancestor::table[1]")[0] is el]
        grid: dict[tuple[int, int], tuple[str, object, tuple[int, int]]] = {}
        for r, tr in enumerate(rows):
            c = 0
            for td in tr:
                if not isinstance(td.tag, str) or td.tag not in ("td", "th"):
                    continue
                while (r, c) in grid:
                    c += 1
                text = " ".join(_inline_lines(td)) if not _has_block(td) else " ".join(
                    _norm(t) for t in td.itertext() if _norm(t))
                rs, cs = int(td.get("rowspan", 1) or 1), int(td.get("colspan", 1) or 1)
                for dr in range(rs):
                    for dc in range(cs):
                        grid[(r + dr, c + dc)] = (text, td, (r, c))
                c += cs
        if not grid:
            return
        if self.keep is not None and not any(self._kept(t) for t, _, _ in grid.values() if len(t) >= 8):
            return
        n_rows = max(r for r, _ in grid) + 1
        n_cols = max(c for _, c in grid) + 1
        index = len(self.tables)

        def cell(r: int, c: int) -> tuple[str, tuple[int, int], str | None]:
            text, td, origin = grid.get((r, c), ("", None, (r, c)))
            return text, origin, self.path(td) if td is not None else None

        self.tables.append(render_grid(self.out, index, n_rows, n_cols, cell))


def _link_dense(el) -> bool:
    """A block whose text is mostly link text is navigation, whatever the extractor kept."""
    text = _norm(el.text_content())
    links = sum(len(_norm(a.text_content())) for a in el.iter("a"))
    return bool(text) and links / len(text) > 0.5


def _strip_boilerplate(root) -> None:
    for el in list(root.iter(*BOILERPLATE_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        names = f"{el.get('class', '')} {el.get('id', '')}".strip()
        if names and BOILERPLATE.search(names) and not el.xpath(".//table[.//td]//p") and \
                len(_norm(el.text_content())) < 400:
            el.drop_tree()


def page_metadata(doc, used: set | None = None) -> dict[str, str]:
    """Fields of the page's metadata table and meta tags; `used` collects the tables the
    labels sit in, which the main text then leaves out (they are rendered as header lines)."""
    found: dict[str, str] = {}
    for meta in doc.xpath("//meta[@name]"):
        key = META_TAGS.get(meta.get("name", "").lower())
        if key and meta.get("content") and key not in found:
            found[key] = _norm(meta.get("content"))
    table_found: dict[str, str] = {}
    for cell in doc.xpath("//td|//th|//li|//span|//b|//strong|//dt"):
        raw = _norm(cell.text_content())
        m = _LABEL.match(raw)
        if not m:
            continue
        label = re.sub(r"[\s\u3000]", "", m.group(1))
        key = META_LABELS.get(label)
        if not key or key in table_found:
            continue
        value = _norm(m.group(2))
        if not value:
            # gov.cn: <td><b>索引号：</b></td><td>000014349/2019-00004</td>
            nxt = cell.getnext()
            if nxt is None and cell.getparent() is not None and cell.getparent().tag in ("b", "strong", "td"):
                nxt = cell.getparent().getnext()
            value = _norm(nxt.text_content()) if nxt is not None else ""
        if value:
            table_found[key] = value
            if used is not None:
                used.update(cell.iterancestors("table"))
    found.update(table_found)  # the page's own table wins over meta tags
    if used is not None:
        used.add(("keys", tuple(table_found)))
    return found


def _main_root(doc):
    for xp in CONTENT_XPATHS:
        hits = doc.xpath(xp)
        if hits and len(_norm(hits[0].text_content())) >= MIN_MAIN_CHARS:
            return hits[0]
    return None


def read(path: Path, data: bytes) -> ReadResult:
    text = normalize_line_endings(decode_page(data, path))
    try:
        doc = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise DocumentError(path, f"web page cannot be parsed ({exc})") from None
    # Element paths name the page as saved, so they are taken before anything is removed.
    paths = {el: element_path(el) for el in doc.iter() if isinstance(el.tag, str)}
    etree.strip_elements(doc, *DROP, with_tail=False)
    etree.strip_tags(doc, etree.Comment)
    meta_tables: set = set()
    meta = page_metadata(doc, meta_tables)
    root = _main_root(doc)
    keep = None
    if root is None:
        import trafilatura

        main = trafilatura.extract(text, output_format="txt", include_tables=True, include_comments=False,
                                   favor_recall=True, deduplicate=False)
        if not main or len(_norm(main)) < MIN_MAIN_CHARS:
            raise DocumentError(path, "no main text in the web page (only navigation, footer or scripts): "
                                      "save the page of the document itself")
        keep = {ln.replace(" ", "") for ln in (_norm(x) for x in main.split("\n")) if ln}
        body = doc.find("body")
        root = body if body is not None else doc
        _strip_boilerplate(root)
    shown = next(k for k in meta_tables if isinstance(k, tuple))[1]
    tables = {t for t in meta_tables if not isinstance(t, tuple) and not t.xpath(".//*[@id='UCAP-CONTENT']")}
    r = _Renderer(root, keep, tables, paths)
    # Only what the page shows goes into the text; meta tags feed `header` alone.
    for key, label in RENDER_LABEL.items():
        if key in shown and meta.get(key):
            r.out.add(f"{label}：{meta[key]}", SourceRef(format=FORMAT, element=f"metadata:{label}"))
            r.out.newline()
    if r.out.pos:
        r.out.newline()
    r.walk(root)
    out = r.out.text
    body_spans = [sp for sp in r.out.spans if not (sp.source.element or "").startswith("metadata:")]
    if not body_spans or sum(sp.end - sp.start for sp in body_spans) < MIN_MAIN_CHARS:
        raise DocumentError(path, "no main text in the web page (only navigation, footer or scripts): "
                                  "save the page of the document itself")
    return ReadResult(text=out, format=FORMAT, sha256=hashlib.sha256(data).hexdigest(), spans=r.out.spans,
                      header=meta, tables=r.tables)
