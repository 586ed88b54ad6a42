"""Document structure: front matter, body, the section tree and its paragraphs.

Pure functions over the decoded text. What real documents do and how it is handled:

- A notice header (索引号 …, 文号, addressees, the 印发 paragraph, sign-off and date) precedes
  the plan; `body_range` finds where the plan itself starts and where the sign-off block
  (主题词, 抄送, 信息索取号 …) begins.
- Web pages lose chapter headings (一、…) and leave only an indented blank line; such a
  chapter is inferred where section numbering restarts at （一）, placed at the blank line.
- PDF conversion hard-wraps paragraphs and leaves figure captions; `lines.join_wrapped`
  rejoins the former, captions are dropped as artefacts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policykg.extract.structure.headings import APPENDIX, Marker, heading_text, is_heading_line, match_marker
from policykg.extract.structure.lines import Line, LogicalLine, join_wrapped, text_lines
from policykg.extract.structure.metadata import reads_as_title
from policykg.extract.structure.wraps import page_width
from policykg.schema.models import Paragraph, Section, SectionLevel
from policykg.schema.vocabulary import vocabulary

# Keys of the header block web pages print (索引号：…, 文 号：…): the vocabulary's header keys.
# A key may stand in lenticular brackets instead (【发文字号】 …: 北大法宝's field block).
HEADER_KEY = re.compile(r"^(?:【\s*(?:" + vocabulary().header.key_pattern() + r")\s*】|(?:"
                        + vocabulary().header.key_pattern() + r")\s*[:：])")
URL = re.compile(r"^https?://\S+$")
DATE_LINE = re.compile(
    r"^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月"
    r"[一二三四五六七八九十]{1,3}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})$"
)
ADDRESSEE = re.compile(r"^[^。]{2,60}[：:]$")
# Words of a notice paragraph that hands the plan on (关于印发…的通知): a word list, not a pattern.
NOTICE_WORDS = ("印发", "印送", "转发", "颁布")
SIGN_OFF = re.compile(r"^(主题词|抄送|抄报|信息索取号|公开类型|公开方式|生成日期|分送)\s*[：:]?")
ARTEFACT = re.compile(
    r"^(?:图\s*\d+\s*\S.{0,30}|[-—–_=\s]+|第?\s*[-—–]?\s*\d{1,3}\s*[-—–]?\s*页?|[(（]印\s*\d+\s*份[)）])$"
)
TITLE_MAX = 60
# An article's caption in brackets after its number (第一条（目的）), the whole heading.
_CAPTION = re.compile(r"^[（(]([^（）()]+(?:[（(][^（）()]*[）)][^（）()]*)*)[）)]$")
LEVELS = {"chapter": SectionLevel.chapter, "section": SectionLevel.section,
          "item": SectionLevel.item, "subitem": SectionLevel.subitem,
          "subitem2": SectionLevel.subitem,
          # decimal numbering (预案): 1 → chapter, 2.1 → section, 2.1.3 and deeper → item
          "decimal1": SectionLevel.chapter, "decimal2": SectionLevel.section,
          "decimal3": SectionLevel.item, "decimal4": SectionLevel.item,
          "article": SectionLevel.item}  # 第十二条 of a regulation


@dataclass
class Body:
    start_line: int
    end_line: int  # exclusive
    front: list[Line]  # front-matter lines, for metadata


def body_range(lines: list[Line]) -> Body:
    """Skip the notice/header lines at the top and the sign-off block at the end."""
    i, n = 0, len(lines)
    seen_front = False
    limit = min(n, 60)
    while i < limit:
        t = lines[i].text
        if not t:
            i += 1
            continue
        if is_heading_line(t):
            break
        short_open = len(t) <= TITLE_MAX and t[-1] not in "。！？；"
        notice = len(t) <= 200 and any(w in t for w in NOTICE_WORDS) and ("《" in t or "通知" in t)
        if (
            HEADER_KEY.match(t)
            or URL.match(t)
            or DATE_LINE.match(t)
            or (ADDRESSEE.match(t) and ("各" in t or "单位" in t))
            or notice
            or short_open
        ):
            seen_front = True
            i += 1
            continue
        break
    if i >= limit and not seen_front:
        i = 0
    end = n
    for j in range(i, n):
        if SIGN_OFF.match(lines[j].text):
            end = j
            break
    # A trailing issuer + date sign-off ("深圳市人民政府\n2015年8月12日") closes some plans.
    k = end
    while k > i and not lines[k - 1].text:
        k -= 1
    if k > i and DATE_LINE.match(lines[k - 1].text.replace(" ", "")):
        end = k - 1
        # The issuer line may be missing (a blank line before the date): an empty line is no issuer.
        issuer = lines[end - 1].text if end > i else ""
        if issuer and len(issuer) <= 20 and issuer[-1] not in "。；":
            end -= 1
    return Body(i, end, lines[:i])


@dataclass
class _Open:
    marker: Marker | None
    level: SectionLevel
    rank: int
    sid: str
    number: int | None
    heading: str | None
    lost: bool
    start: int
    parent: "_Open | None"
    path: list[str]
    children: int = 0
    end: int = 0


@dataclass
class Structure:
    body_start: int
    body_end: int
    front_lines: list[Line]
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    artefacts: list[Line] = field(default_factory=list)


def _lost_chapter_breaks(items: list[LogicalLine | Line]) -> set[int]:
    """Indices in `items` where a chapter whose heading was lost begins.

    A new chapter begins where section numbering restarts at （一） within what is so far one
    chapter; it is placed at the white-space-only line the web page left for the heading when
    there is one since the previous section, else at the （一） itself. In a document with no
    explicit chapter headings, a blank-line placeholder before the very first （一） opens
    chapter one.
    """
    breaks: set[int] = set()
    explicit_chapters = any(
        isinstance(it, LogicalLine) and (m := match_marker(it.text)) and m.type == "chapter" for it in items
    )
    seen_section = False
    placeholder: int | None = None
    for idx, it in enumerate(items):
        if isinstance(it, Line):
            if it.raw_blank:
                placeholder = idx
            continue
        m = match_marker(it.text)
        # （一） restarts in every chapter and in every article of a regulation (its 项).
        if APPENDIX.match(it.text) or (m and m.type in ("chapter", "article")):
            seen_section, placeholder = False, None
            continue
        if not m or m.type != "section":
            continue
        if m.number == 1 and (seen_section or (placeholder is not None and not explicit_chapters)):
            breaks.add(placeholder if placeholder is not None else idx)
        seen_section = True
        placeholder = None
    return breaks


def parse_structure(text: str, doc_id: str) -> Structure:
    lines = text_lines(text)
    body = body_range(lines)
    body_lines = lines[body.start_line : body.end_line]
    body_start = body_lines[0].start if body_lines else len(text)
    body_end = body_lines[-1].end if body_lines else len(text)
    st = Structure(body_start, body_end, body.front)

    kept: list[Line] = []
    for ln in body_lines:
        if ln.text and ARTEFACT.match(ln.text):
            st.artefacts.append(ln)
            continue
        kept.append(ln)
    items = join_wrapped(kept, is_heading_line, page_width(text))
    breaks = _lost_chapter_breaks(items)

    root = _Open(None, SectionLevel.chapter, 0, doc_id, None, None, False, body_start, None, [])
    stack: list[_Open] = [root]
    opened: list[_Open] = []

    def open_section(level: SectionLevel, rank: int, marker: Marker | None, heading: str | None,
                     lost: bool, start: int, label: str) -> _Open:
        while stack[-1].rank >= rank:
            stack.pop()
        parent = stack[-1]
        parent.children += 1
        code = {"chapter": "c", "section": "s", "item": "i", "subitem": "p", "appendix": "a"}[level.value]
        sid = f"{parent.sid}{'.' if parent.parent else ':'}{code}{parent.children}"
        shown = label + (heading or "")
        node = _Open(marker, level, rank, sid, marker.number if marker else parent.children,
                     heading, lost, start, parent, parent.path + [shown])
        stack.append(node)
        opened.append(node)
        return node

    def add_paragraph(start: int, end: int, txt: str, on_heading_line: bool = False) -> None:
        sec = stack[-1] if len(stack) > 1 else None
        st.paragraphs.append(Paragraph(doc_id=doc_id, section_id=sec.sid if sec else None,
                                       start=start, end=end, text=txt, on_heading_line=on_heading_line))

    for idx, it in enumerate(items):
        if idx in breaks:
            open_section(SectionLevel.chapter, 1, None, None, True, it.start, "（标题缺失）")
        if isinstance(it, Line):
            continue
        t = it.text
        am = APPENDIX.match(t)
        m = None if am else match_marker(t)
        if not am and not m:
            if len(stack) > 1 and _opens_next_document(items, idx):
                del stack[1:]  # the title and preface of the next document lie in no unit of this one
            add_paragraph(it.start, it.end, t)
            continue
        rest_off = am.end() if am else m.rest_offset
        heading, body_off = heading_text(t[rest_off:])
        if am:
            if not heading and not t[rest_off:].strip():
                # 附件 alone on its line, its title the next (附件 / 促进…工作部门职责分工, jx-2020-tuoyu-fuwu)
                heading = _next_line_heading(items, idx)
            open_section(SectionLevel.appendix, 1, None, heading or None, False, it.start, t[:rest_off].strip())
        else:
            if not heading:
                heading = _next_line_heading(items, idx)  # 一、 alone, its heading the next line (a table cell)
            if m.type == "article" and heading and (cap := _CAPTION.match(heading)):
                heading = cap.group(1)  # 第五条（历保委职责）: the article's caption, without its brackets
            node = open_section(LEVELS[m.type], m.rank, m, heading or None, False, it.start, m.marker)
            # A unit spans its own heading line: one that is one sentence there (（3）公安部负责…。),
            # or whose whole line is its heading (（一）历史风貌区的规划管理由区规划资源局负责；), still
            # holds what that line says.
            up: _Open | None = node
            while up is not None and up.parent is not None:
                up.end = max(up.end, it.end)
                up = up.parent
        # Text after the heading on the same line (e.g. 004's `（一）高端软件产业。重点支持…`, or a
        # numbered item whose heading is its first clause) is the section's first paragraph.
        para_off = rest_off + body_off
        if para_off < len(t):
            start = _offset_in(it, para_off)
            add_paragraph(start, it.end, t[para_off:], on_heading_line=True)

    # Close sections: a section ends where its last paragraph or descendant ends.
    by_id = {node.sid: node for node in opened}
    for p in st.paragraphs:
        node = by_id.get(p.section_id) if p.section_id else None
        while node is not None and node.parent is not None:
            node.end = max(node.end, p.end)
            node = node.parent
    for node in opened:
        end = max(node.end, node.start)
        st.sections.append(Section(
            id=node.sid, doc_id=doc_id, level=node.level, number=node.number,
            marker=node.marker.marker if node.marker else None, heading=node.heading,
            heading_lost=node.lost, parent_id=node.parent.sid if node.parent and node.parent.parent else None,
            start=node.start, end=end, path=node.path,
        ))
    return st


def _opens_next_document(items: list[LogicalLine | Line], idx: int) -> bool:
    """Whether the unnumbered line items[idx] is the title of a second document the file holds (a
    notice 印发 two documents, each printed after it: 支持工业互联网发展若干政策 … 八、… then
    安徽省工业互联网创新发展行动计划（2021-2023年） and its own 一、, ah-2021-gongye-hulianwang): it reads
    as a title (metadata.reads_as_title) and the next numbered line restarts the chapters at 一、
    or 第一章. The previous document's last chapter ends before it."""
    if not reads_as_title(items[idx].text):
        return False
    for it in items[idx + 1:]:
        if isinstance(it, Line):
            continue
        m = match_marker(it.text)
        if m is None:
            continue
        return m.type == "chapter" and m.number == 1
    return False


# A heading written on the line after its marker: short, one phrase (no sentence marks).
_NEXT_HEADING_MAX = 30
_SENTENCE_MARKS = re.compile(r"[。；;，,：:！？]")


def _next_line_heading(items: list[LogicalLine | Line], idx: int) -> str:
    """The heading of a marker standing alone on its line (一、 / 通用考核项目（全部责任单位）, a table typed
    one cell a line): the next non-blank line when it is a short phrase and no heading itself; else ''."""
    for it in items[idx + 1:]:
        if isinstance(it, Line):
            continue
        t = it.text
        if is_heading_line(t) or len(t) > _NEXT_HEADING_MAX or _SENTENCE_MARKS.search(t):
            return ""
        return t
    return ""


def _offset_in(ll: LogicalLine, pos: int) -> int:
    """Map a position in a logical line's joined text back to an offset in the document."""
    for part in ll.parts:
        if pos <= len(part.text):
            return part.start + pos
        pos -= len(part.text)
    return ll.end
