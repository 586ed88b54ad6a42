"""A unit run on after the owner bracket or sentence that closed the one before it (sd-2024-changjing-
shiqiang: …负责)(十四)中国智港…, …负责)四、实施…): cut where the numbering continues, nowhere else."""

from policykg.extract.structure.lines import physical_lines, split_run_on


def _parts(text: str) -> list[str]:
    return [ln.text for ln in split_run_on(physical_lines(text))]


def test_the_next_section_after_an_owner_bracket_starts_a_line():
    text = ("(十三)海洋科创硅谷\n依托试验场，加快建设。(青岛市办公室负责)(十四)中国智港--打造应用引\n领区\n"
            "依托青岛港，组建团队。(青岛市办公室负责)")
    assert "(十四)中国智港--打造应用引" in _parts(text)


def test_the_next_chapter_after_an_owner_bracket_starts_a_line():
    text = "三、实施攻关行动\n(六)打造场景\n坚持导向。(省发展改革委负责)四、实施引领区建设行动\n依托平台。"
    assert "四、实施引领区建设行动" in _parts(text)


def test_a_marker_that_does_not_continue_the_numbering_stays_inside_the_line():
    # (二) after a bracket while the last section was (五): a cross-reference or an inline list, no unit.
    text = "(五)加强保障\n落实资金。(省财政厅负责)(二)项所列事项除外。"
    assert "(二)项所列事项除外。" not in _parts(text)
