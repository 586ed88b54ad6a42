"""Documents a plan cites: 《…》 titles, with the 文号 when it follows in brackets.

"根据《国务院关于积极推进“互联网＋”行动的指导意见》（国发〔2015〕40号）要求" →
title 国务院关于积极推进“互联网＋”行动的指导意见, doc_number 国发〔2015〕40号. A plan naming
itself (its notice, its preamble) is not a citation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.extract.structure.metadata import DOC_NUMBER, normalize_doc_number

TITLE = re.compile(r"《([^《》\n]{2,100})》")
NUMBER_AFTER = re.compile(r"\s*[（(]\s*([^（）()\n]{2,30}?〔\s*\d{4}\s*〕\s*\d{1,4}\s*号)\s*[）)]")


@dataclass(frozen=True)
class FoundCitation:
    title: str
    doc_number: str | None
    start: int
    end: int


def title_key(title: str) -> str:
    """Titles compared without spaces, quotes, brackets and dash variants."""
    return re.sub(r"[\s“”\"'‘’（）()《》―—–\-－]", "", title)


def find_citations(text: str, lo: int, hi: int, own_title: str | None = None) -> list[FoundCitation]:
    own = title_key(own_title) if own_title else None
    out: list[FoundCitation] = []
    for m in TITLE.finditer(text, lo, hi):
        title = m.group(1).strip()
        if own and title_key(title) == own:
            continue
        number = None
        end = m.end()
        nm = NUMBER_AFTER.match(text, m.end())
        if nm and DOC_NUMBER.search(nm.group(1)):
            number, end = normalize_doc_number(nm.group(1)), nm.end()
        out.append(FoundCitation(title, number, m.start(), end))
    return out


def citation_id(title: str, doc_number: str | None) -> str:
    return "doc:" + (doc_number or title_key(title))
