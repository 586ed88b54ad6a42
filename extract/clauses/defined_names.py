"""Names a document defines for its owners, read as one term wherever they stand.

A regulation names a body once by what it does and then by a short name it defines in a bracket
(…工作机制的牵头部门（以下简称处置非法集资牵头部门）, 国务院建立…部际联席会议（以下简称联席会议）,
其他负有监督管理职责的部门: gov-2021-guoling-737, gov-2024-guoling-775). The defined name may hold words
no body's name holds (牵头, 负有, 的), so the clause rules would cut it or read no body at all. Before
the rules run, each such name is replaced, wherever the text writes it, by an opaque stand-in of the
same length that reads as a body (so offsets stay); afterwards every surface is put back from the
text as written (`Masked.restore`).

A defined name is an owner's term only when it ends like a body (the vocabulary's agency suffixes and
class tails, or [clauses] defined_body_tails: 联席会议); a defined document (《条例》), report or object
(年度排放报告, 专用号牌) is no body and stays as it is. A name the clause rules read as a body already
(区建设管理委) is left alone: its level prefix still serves the list after it.

The definition's own bracket is blanked (`ABBREVIATION_FILL`), so the name before it stays one list
item (国家发展和改革委员会（以下简称国家发展改革委）会同…). A government's bracket followed straight by
its department (省、自治区、直辖市人民政府（以下统称省级人民政府）生态环境主管部门, gov-2024-guoling-775)
sits inside one name: it is filled with the stand-in character instead, so the department stays one body,
and cut from the restored name.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from policykg.extract.clauses.agency_list import COLLECTIVE, ListItem, is_agency
from policykg.schema.vocabulary import vocabulary

_V = vocabulary()

# 统称 too: a name the text gives several bodies together (A和B（以下统称专区监管部门）, bj-2022-shuju-zhuanqu).
ABBREVIATION = re.compile(r"[（(](?:以下)?(?:简|统)?称[“\"]?(?P<name>[^）)”\"]{2,20})[”\"]?[）)]")
# An ASCII space: the clause finder reads a run of other blanks as a lost line break (finder._INDENT_RUN).
ABBREVIATION_FILL = " "
# The stand-in character: a CJK ideograph (the rules read names as runs of them) no word of the
# vocabulary holds.
STAND_IN = "丌"
# A class of regulated parties the document defines (（以下统称承储企业）, gov-2016-chubeiliang-tiaoli) names
# owners too: [agency] class_tails.
_TAILS = tuple(sorted(_V.agency.suffixes + _V.agency.class_tails + _V.clauses.defined_body_tails, key=len, reverse=True))
_GOVERNMENT_END = tuple(_V.agency.government_suffixes)


def _stand_in(name: str) -> str:
    """A body-like string as long as `name`: its collective head (其他, 有关) and its body ending kept,
    the rest stand-in characters."""
    head = COLLECTIVE.match(name)
    keep = head.group(0) if head else ""
    tail = next(t for t in _TAILS if name.endswith(t))
    # 联席会议, 企业 end in no agency suffix: the stand-in ends in 部门 instead.
    if tail not in _V.agency.suffixes:
        tail = "部门"
    return keep + STAND_IN * (len(name) - len(keep) - len(tail)) + tail


def defined_bodies(text: str) -> list[str]:
    """The names `text` defines in a （以下简称…） bracket that end like a body but that the clause
    rules do not read as one, longest first."""
    names = {m.group("name") for m in ABBREVIATION.finditer(text)}
    return sorted((n for n in names if n.endswith(_TAILS) and not n.startswith("《") and not is_agency(n)
                   and len(n) >= 3), key=len, reverse=True)


@dataclass(frozen=True)
class Masked:
    text: str  # what the rules read
    original: str  # the text as written (same length)

    def restore(self, it: ListItem) -> ListItem:
        """The item with its surface as written and its name without stand-ins."""
        surface = self.original[it.start:it.end]
        if STAND_IN not in it.name and surface == it.surface:
            return it
        masked = self.text[it.start:it.end]
        name = it.name.replace(masked, surface) if masked in it.name else it.name
        # A bracket filled inside a name (人民政府（以下统称省级人民政府）生态环境主管部门) is no part of it.
        name = ABBREVIATION.sub("", name)
        return replace(it, surface=surface, name=name)


# The rules run once per task over the whole document's text: mask it once.
@functools.lru_cache(maxsize=8)
def mask(text: str) -> Masked:
    """`text` with its definitions' brackets blanked and its defined body names replaced by stand-ins."""
    out = list(text)
    for m in ABBREVIATION.finditer(text):
        inside = text.endswith(_GOVERNMENT_END, 0, m.start()) and _opens_department(text, m.end())
        out[m.start():m.end()] = (STAND_IN if inside else ABBREVIATION_FILL) * (m.end() - m.start())
    masked = "".join(out)
    for name in defined_bodies(text):
        masked = masked.replace(name, _stand_in(name))
    return Masked(masked, text)


def _opens_department(text: str, pos: int) -> bool:
    """Whether a department's name opens at `pos` (生态环境主管部门): a run of name characters up to
    the first punctuation whose longest opening that ends like a body reads as one."""
    run = re.compile(r"[\u4e00-\u9fff]{2,16}").match(text, pos)
    return bool(run) and any(is_agency(run.group(0)[:k]) and not COLLECTIVE.match(run.group(0))
                             for k in range(len(run.group(0)), 1, -1))
