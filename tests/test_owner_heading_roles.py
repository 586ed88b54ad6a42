"""Owner headings whose body is the first sentence of a running item: the role words of its duties.

Cut down from the real dev document sh-gumei-2022-dujulaoren-xiaofang (古美路街道 实施方案, 二、职责分工,
tests/gold/dev/docs/); expected roles are the annotators' (its gold file and notes): the heading body is
the unwritten subject of the sentences that follow it. The layout with the heading alone on its line
keeps the body responsible (tests/test_tables_owner_headings.py, sh-putuo / sh-songjiang).
"""

from __future__ import annotations

from policykg.extract.structure.sections import parse_structure
from policykg.extract.structure.tasks import build_tasks
from policykg.extract.tables.owner_headings import owner_heading_units

GUMEI = """古美路街道加强独居老人消防安全工作实施方案

二、职责分工
1.街道消委办。牵头开展独居老人消防安全关爱工作，协助居委针对独居老人开展消防安全风险评估，并建立独居老人消防安全分级分类管理机制。消委办负责加强微型消防站基础建设，协同建管中心（房办）推动增设电动自行车集中充电场所及配套消防设施。
2.派出所。配合开展独居老人消防安全关爱工作，负责独居老人消防安全隐患的确认，协助居委动态排摸独居老人消防安全隐患并建立信息档案。
3.服务办。牵头负责收集掌握居委上报的独居老人信息，并及时关注中高风险人群。
4.建管中心。积极依托“红色物业”创建工作，协同开展社区独居老人消防安全关爱工作。负责牵头落实小区物业配合居委对独居及60岁以上老人家庭提供上门助老服务，帮助独居老人解决实际困难。
5.管理办。协调指导专业力量对独居老人电气线路、燃气安全定期开展检查巡查。
7.居委会。具体负责排摸更新社区独居老人信息，督促监护人落实消防安全责任。牵头召集民警及物业及时排查整治涉及独居老人重点对象的消防安全隐患。
三、工作机制
"""


def _roles(text: str) -> dict[str, list[tuple[str, str]]]:
    st = parse_structure(text, "d")
    units = owner_heading_units(text, "d", st.sections, build_tasks("d", st.sections, st.paragraphs), None)
    out = {}
    for tt in units:
        got = [(role.value, it.surface) for role, items, _ in tt.assignments for it in items]
        out[tt.task.title] = sorted(got)
    return out


def test_the_role_word_opening_a_sentence_gives_the_heading_body_its_role():
    got = _roles(GUMEI)
    # 牵头开展… → lead only (协助居委: 协助 objects are left out); 协同建管中心（房办） → a co-doer.
    assert got["街道消委办"] == [("lead", "街道消委办"), ("responsible", "建管中心（房办）")]
    # 配合开展… (no partner named) → support, and ，负责…的确认 → responsible too.
    assert got["派出所"] == [("responsible", "派出所"), ("support", "派出所")]
    # 牵头负责 is one lead.
    assert got["服务办"] == [("lead", "服务办")]
    # 负责牵头落实…配合居委: the heading body leads, 居委 supports that lead (小区物业 is no body name).
    assert got["建管中心"] == [("lead", "建管中心"), ("support", "居委")]
    # No role word at all: the heading body is responsible for its item.
    assert got["管理办"] == [("responsible", "管理办")]
    # 具体负责… then a sentence 牵头召集… → responsible and lead.
    assert got["居委会"] == [("lead", "居委会"), ("responsible", "居委会")]


def test_a_heading_standing_alone_keeps_its_body_responsible():
    # The same items with each body alone on its line (the putuo / songjiang layout): a 分工表 on its
    # side, the heading its owner column, whatever the duties' verbs.
    alone = GUMEI.replace("1.街道消委办。", "1.街道消委办\n").replace("3.服务办。", "3.服务办\n")
    got = _roles(alone)
    assert got["街道消委办"] == [("responsible", "建管中心（房办）"), ("responsible", "街道消委办")]
    assert got["服务办"] == [("responsible", "服务办")]


# Cut down from the real dev document sh-fengxian-2022-binan (奉贤区 实施方案, 五、职责分工): an opening
# lead clause, then unnumbered colon paragraphs, one per body or list of bodies.
FENGXIAN = """奉贤区应急避难场所建设实施方案

五、职责分工

按照条块结合、属地负责的原则，在区政府的统一领导下，区民防办、应急管理局牵头，区发展改革委、规划资源局、财政局、经委(商务委)等部门履行相应职责，各镇政府、街道(开发区)办事处和头桥集团落实主体责任。

区民防办：负责制定区级应急避难场所专业规划和年度建设计划。

区财政局：负责推进落实本区应急避难场所建设和维护管理所需经费。

区经委（商务委）：负责指导、监督权属单位落实大型商场等场所的应急避难功能。

各镇政府、街道（开发区）办事处、头桥集团：按照区规划要求，制定本区域应急避难场所建设规划。
"""


def _paragraph_owners(text: str) -> list[tuple[str, list[str]]]:
    st = parse_structure(text, "d")
    units = owner_heading_units(text, "d", st.sections, build_tasks("d", st.sections, st.paragraphs), "区")
    return [(tt.rule, [it.surface for role, items, _ in tt.assignments for it in items]) for tt in units]


def test_colon_paragraphs_of_a_duty_chapter_name_the_bodies_its_opening_gave_no_role():
    # 区民防办 leads and 区财政局 / 区经委（商务委） support in the opening clause (written 经委(商务委) there):
    # their paragraphs add nothing. The list of the last paragraph had no role there: responsible.
    assert _paragraph_owners(FENGXIAN) == [
        ("clause.owner_paragraph", ["各镇政府", "街道（开发区）办事处", "头桥集团"])]


def test_a_labelled_list_is_no_owner_paragraph():
    # HAND-WRITTEN variant of the chapter above: 责任单位：A、B lines are labelled lists (the prose rules
    # read them), and 责任单位 itself ends like a body name: it must not become an owner.
    text = FENGXIAN.replace("区民防办：负责制定", "责任单位：区民防办、区财政局。\n\n区民防办：负责制定")
    assert _paragraph_owners(text) == [("clause.owner_paragraph", ["各镇政府", "街道（开发区）办事处", "头桥集团"])]


def test_colon_paragraphs_outside_a_duty_chapter_name_nobody():
    # The same paragraphs under a chapter that is no duty chapter (an opinion letter's 部门意见) give nothing.
    assert _paragraph_owners(FENGXIAN.replace("五、职责分工", "五、部门意见")) == []


def test_a_co_doer_in_a_duty_chapter_of_sentences_is_responsible():
    # sh-qibao-2020-xiane-gongcheng 五、职责分工 (cut down): items are sentences with their own subject, no
    # owner headings; 并协同消防部门… names a co-doer (its gold: responsible). 加强业务协同 (a noun) names none.
    from policykg.extract.pipeline import extract_text

    text = ("七宝镇限额以下小型建设工程管理的实施意见\n五、职责分工\n"
            "7.镇安监所负责对限额以下小型建设工程的安全进行监管，并协同消防部门对限额以下工程的消防安全进行监管及指导。\n"
            "8.镇两违办负责对施工过程中新搭建的违章进行执法拆除，加强业务协同。\n")
    x = extract_text(text, "qb")
    got = sorted((c.rule, a.agency.surface) for c in x.clauses for a in c.assignments if a.role.value == "responsible")
    assert ("clause.co_doer", "消防部门") in got
    assert [s for r, s in got if r == "clause.co_doer"] == ["消防部门"]


def test_a_heading_closed_by_a_bracket_of_bodies_assigns_its_unit():
    # jx-shicheng-2018-hezhang-kaohe (cut down): chapter 一、通用考核项目（全部责任单位） applies to all assessed
    # units (its gold: 全部责任单位 responsible on the chapter). A bracket of anything else names nobody.
    from test_structure_units import JX

    from policykg.extract.pipeline import extract_text

    x = extract_text(JX, "jx")
    got = [(c.rule, c.text, [(a.role.value, a.agency.surface) for a in c.assignments]) for c in x.clauses]
    assert ("clause.heading_bracket", "（全部责任单位）", [("responsible", "全部责任单位")]) in got
    task = next(t for t in x.tasks for c in x.clauses if c.rule == "clause.heading_bracket" and c.task_id == t.id)
    assert x.text[task.start:].startswith("一、")
    y = extract_text(JX.replace("（全部责任单位）", "（2018年度）"), "jx")
    assert not any(c.rule == "clause.heading_bracket" for c in y.clauses)
