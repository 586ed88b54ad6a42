"""Clause forms of the plan documents of the eleventh blind set (moved to tests/gold/dev/ at fdf3525):
Shandong/Jinan 行动计划 / 行动方案 and the 包头 考评办法. Each test quotes the real sentence and names its
document; expected owners were read off the sentence by hand (the document's gold file agrees)."""

from __future__ import annotations

from policykg.extract.clauses.finder import find_clauses


def _owners(text: str, prefix: str = "市") -> list[tuple[str, list[str]]]:
    return [(role.value, [it.surface for it in items])
            for f in find_clauses(text, default_prefix=prefix) for role, items in f.roles]


def test_a_place_name_opening_with_shang_is_no_consultation():
    # jn-2024-rengong-zhineng 三、（二）: districts as subjects of a description, no clause; 商 of 商河县
    # after 、 opens the next name, it is not A商B.
    text = ("天桥区、长清区、济阳区、莱芜区、钢城区、平阴县、商河县、市南部山区等区县，推进人工智能与传统优势产业深度"
            "融合，打造文化旅游、高端装备、冶金钢铁、绿色食品、生物医药等行业数字化转型示范样板和典型标杆。")
    assert _owners(text) == []


def test_an_archives_is_a_body_of_a_duty_division_list():
    # sd-2021-shuzi-shandong （三）: 省档案馆 closes the list of bodies sharing the work beside the lead.
    text = "（省大数据局牵头，省委组织部、省财政厅、省人力资源社会保障厅、省机关事务管理局、省档案馆按职责分工负责）"
    assert _owners(text, "省") == [
        ("lead", ["省大数据局"]),
        ("responsible", ["省委组织部", "省财政厅", "省人力资源社会保障厅", "省机关事务管理局", "省档案馆"])]


def test_others_carrying_out_the_work_beside_a_lead_support_it():
    # sd-2021-shuzi-shandong （五）.
    assert _owners("（省大数据局牵头，省有关部门具体实施）", "省") == [("lead", ["省大数据局"]), ("support", ["省有关部门"])]


def test_a_banner_is_a_county_that_may_lead():
    # bt-2022-shuzi-zhengfu-kaoping 附件 62．: 达茂旗 (达尔罕茂明安联合旗), a county-level banner of 包头.
    assert _owners("制定边境地区网络覆盖方案，按分工交由达茂旗牵头落实。") == [("lead", ["达茂旗"])]
