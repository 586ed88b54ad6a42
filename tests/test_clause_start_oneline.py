"""A body stored as one line keeps its numbering markers after the sentence marks (issue 12): the
clause finder must not take the marker into the owner's name (（三）区商务委员会).

Real text: sh-xuhui-2020-xiaofang-zerenzhi of the development set, its line breaks written as one
space (the benchmark's one_line_space rendering). Expected owners read off the document by hand."""

from __future__ import annotations

from policykg.extract.clauses.finder import find_clauses

# tests/gold/dev/docs/sh-xuhui-2020-xiaofang-zerenzhi.txt, "\n\n" between the items replaced by " ".
XUHUI_ONE_LINE = ("统计火灾损失；参加政府统一领导的应急救援工作；推广消防科学技术研究成果。 "
                  "（三）区商务委员会负责指导、督促商贸行业的消防安全管理工作，推动商场市场消防安全标准化管理建设。")


def _owners(text: str) -> list[str]:
    return [it.surface for f in find_clauses(text) for _, items in f.roles for it in items]


def test_a_marker_after_a_sentence_end_is_not_part_of_the_owner():
    # Before the change the owner was "（三）区商务委员会" (no line break before the marker).
    assert _owners(XUHUI_ONE_LINE) == ["区商务委员会"]


def test_the_marker_is_skipped_without_the_space_too():
    assert _owners(XUHUI_ONE_LINE.replace("。 （三）", "。（三）")) == ["区商务委员会"]
