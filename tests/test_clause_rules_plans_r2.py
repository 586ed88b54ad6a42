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


# ── 会同B / 配合B in a sentence that names no doer ──────────────────────────────────────────────

def test_with_no_doer_named_the_body_cooperated_with_leads():
    # bt-2022-shuzi-zhengfu-kaoping 附件 35．; gov-2005-guofa-39 （二十） after a comma.
    assert _owners("35．配合市发改委做好涉企信用数据整合和平台对接工作。") == [("lead", ["市发改委"])]
    assert _owners("完善环境犯罪案件的移送程序，配合司法机关办理各类环境案件。") == [("lead", ["司法机关"])]


def test_with_no_doer_named_the_sector_partners_support():
    # bt-2022-shuzi-zhengfu-kaoping 附件 40．: the sector words share 等部门's head.
    text = "40．开展智慧城市二期建设，会同城管执法、市场监管、生态环境、审批服务等部门开展相关领域“一网统管\"应用开发。"
    found = find_clauses(text)
    assert [(r.value, [it.name for it in items]) for f in found for r, items in f.roles] == [
        ("support", ["城管执法部门", "市场监管部门", "生态环境部门", "审批服务部门"])]


def test_a_partner_of_an_unnamed_doer_must_be_a_named_body():
    # sh-jingan-2023-gengxin 三、（五） (not annotated): 市级部门 is a class by level; 有关部门 a collective.
    assert _owners("（五）开展专项评估考核\n\n配合市级部门落实城市更新评估体系、开展城市更新工作任务推进情况专项年度考核。") == []
    assert _owners("加强监管，配合有关部门做好工作。") == []


def test_an_item_of_a_list_a_colon_opened_is_the_subjects_work():
    # gd-2021-gonggong-shuju 第六条 (（四） not annotated on its own): the article's subject owns the item.
    text = ("第六条　县级以上人民政府政务服务数据管理机构作为公共数据主管部门，负责下列工作：\n"
            "（三）编制、维护本级公共数据资源目录，建立公共数据资源清单管理机制；\n"
            "（四）会同标准化行政主管部门制定公共数据相关标准和技术规范；")
    assert all(f.rule != "clause.addressee_partner" for f in find_clauses(text, default_prefix="省"))


def test_sector_words_cooperating_in_the_work_support_it():
    # bt-2022-shuzi-zhengfu-kaoping 附件 64．: 配合 before the work, no body after it.
    assert _owners("64．公安、市场监管、城管执法等部门积极配合监控视频接入。") == [("support", ["公安", "市场监管", "城管执法"])]


# ── the place of a headless plan ───────────────────────────────────────────────────────────────

def test_a_headless_plan_describing_several_districts_is_their_citys():
    # jn-2024-rengong-zhineng (no title line): 三、产业布局 opens sentences with 济南高新区, 历下区, 历城区 …;
    # 开展市级人工智能产业集聚区… opens with a verb, no place 开展市. The plan is 济南市's.
    from pathlib import Path

    from policykg.extract.agencies.jurisdiction import document_place

    body = Path(__file__).parent.joinpath("gold/dev/docs/jn-2024-rengong-zhineng.txt").read_text(encoding="utf-8")
    assert "开展市级人工智能产业集聚区" in body and "。济南高新区整合汇聚创新资源" in body
    place = document_place(None, None, None, body, "")
    assert (place.jurisdiction, place.level) == ("济南市", "municipal")
