"""Parse a plan's glossary appendix (附录：名词解释) into terms with aliases and definitions.

Document 003 (信息化发展"十二五"规划) ends with numbered definitions such as

    5. 光纤到户 (FTTH, Fiber To The Home): 即将光纤接入家庭，…
    10. IaaS(Infrastructure as a Service, 基础设施即服务): 即通过互联网提供…
    16. 智能交通系统 (Intelligent Transportation Systems,\r\n\r\nITS): 是在…

The parentheses right after the term carry its acronym and English (or Chinese) name; those
become aliases, which is how the technology gazetteer learns FTTH = 光纤到户 without anyone
copying the appendix by hand. Pure: text in, terms out, offsets into the text given.
"""

from __future__ import annotations

import re

from policykg.extract.brackets import bracket_walk
from policykg.extract.structure.wraps import sentence_gap
from policykg.schema.entities import GlossaryTerm
from policykg.schema.models import Evidence

RULE = "glossary.entry"

# The appendix heading; the colon may be full- or half-width and the PDF may put a space in.
_HEADING = re.compile(r"附\s*录\s*[：:]?\s*名\s*词\s*解\s*释")
# An entry starts a line: '1. ', '12．', '3、'.
_ENTRY = re.compile(r"(?m)^[ \t\u3000]*(\d{1,3})\s*[.．、]\s*")
# Lines that close the appendix (the official document's footer) or are figure captions.
_END = re.compile(r"(?m)^[ \t\u3000]*(主题词|抄送|抄报)\s*[：:]")
_CAPTION = re.compile(r"(?m)^[ \t\u3000]*图\s*\d+\s")
_HEADER = re.compile(r"^(?P<term>[^(（]+?)\s*(?:[(（](?P<paren>[^)）]*)[)）])?\s*$", re.S)
_WS = re.compile(r"\s+")


def parse_glossary(doc_id: str, text: str) -> list[GlossaryTerm]:
    """All entries of the 名词解释 appendix in `text`; [] when the document has none."""
    heading = _HEADING.search(text)
    if not heading:
        return []
    end_match = _END.search(text, heading.end())
    stop = end_match.start() if end_match else len(text)
    starts = [m for m in _ENTRY.finditer(text, heading.end(), stop)]
    terms: list[GlossaryTerm] = []
    for i, m in enumerate(starts):
        entry_end = starts[i + 1].start() if i + 1 < len(starts) else stop
        term = _parse_entry(doc_id, text, m, entry_end)
        if term is not None:
            terms.append(term)
    return terms


def _parse_entry(doc_id: str, text: str, m: re.Match[str], entry_end: int) -> GlossaryTerm | None:
    colon = _first_colon(text, m.end(), entry_end)
    if colon is None:
        return None
    header = _HEADER.match(text[m.end():colon])
    if not header:
        return None
    term = _clean(header.group("term"))
    aliases = [_clean(a) for a in re.split(r"[,，]", header.group("paren") or "")]
    aliases = [a for a in aliases if a and a != term]
    # The definition runs to the entry's end, minus figure captions ('图1 三网融合示意图') and
    # the blank lines around them.
    caption = _CAPTION.search(text, colon + 1, entry_end)
    def_end = caption.start() if caption else entry_end
    def_start = colon + 1
    while def_start < def_end and text[def_start].isspace():
        def_start += 1
    while def_end > def_start and text[def_end - 1].isspace():
        def_end -= 1
    if not term or def_end <= def_start:
        return None
    start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
    return GlossaryTerm(
        doc_id=doc_id,
        number=int(m.group(1)),
        term=term,
        aliases=aliases,
        definition=_join_wraps(text[def_start:def_end]),
        definition_start=def_start,
        definition_end=def_end,
        evidence=Evidence(doc_id=doc_id, start=start, end=def_end, quote=text[start:def_end], rule=RULE),
    )


def _first_colon(text: str, start: int, end: int) -> int | None:
    """Index of the colon ending the term header, skipping any inside the parentheses."""
    for i, ch, depth in bracket_walk(text, start, end):
        if ch in ":：" and depth == 0:
            return i
    return None


def _clean(s: str) -> str:
    """Collapse the PDF's line breaks and runs of spaces inside a term or alias."""
    return _WS.sub(" ", s).strip()


def _join_wraps(s: str) -> str:
    """Definition text with hard wraps removed: a white-space run a sentence runs across
    (extract/structure/wraps.py `sentence_gap`: after a CJK character or a mark inside a sentence,
    before a CJK character) goes, any other becomes one space."""
    def gap(m: re.Match[str]) -> str:
        i, j = m.span()
        return "" if sentence_gap(s[i - 1] if i else "", m.group(0), s[j] if j < len(s) else "") else " "
    return _WS.sub(gap, s).strip()
