"""Numbered units at whatever level: regulation articles and their 项, heading-only lines.

The texts are cut-down quotes of two dev documents (tests/gold/dev/docs/): the 黄浦 实施办法
(sh-huangpu-2023-fengmao-baohu, `第N条（caption）` articles with （一）… 项) and the 七宝镇 实施意见
(sh-qibao-2020-xiane-gongcheng, 1. / （1） restarting inside 四、（一）).
"""

from __future__ import annotations

from policykg.extract.pipeline import extract_text
from policykg.extract.structure.lines import physical_lines, split_run_on
from policykg.extract.structure.sections import parse_structure

HUANGPU = """黄浦区加强历史风貌区、优秀历史建筑和不可移动文物保护实施办法

第二章  管理架构和职能

第七条（部门职责）

区历保委成员单位按照相关法律、法规的规定，履行下列管理职责：

（一）历史风貌区的规划管理由区规划资源局负责；

（二）优秀历史建筑的保护管理由区房管局负责；

（九）其他部门按照各自职责，协同做好相关工作。

第八条（双重身份管理职责）

优秀历史建筑被依法确定为不可移动文物的，其保护管理依照有关文物保护法律、法规的规定执行。

第九条（控规编制和调整）

（一）对投资额100万元以上的修缮（装修）工程，由区房管局审批。
"""

QIBAO = """七宝镇限额以下小型建设工程管理的实施意见

四、镇规建办办理手续及监管的具体操作规程
（一）限额以下小型建设工程项目申报操作规程
2.申报主体
（1）使用财政、集体资金的在100万元以下的小型建设工程项目由建设单位申报；
（2）使用社会资金在30万元至100万元的小型建设工程项目由户管单位申报，户管单位为居委的由建设单位申报。
3.操作流程
"""


def _by_marker(st, marker):
    return [s for s in st.sections if s.marker == marker]


def test_the_items_of_an_article_nest_under_it():
    st = parse_structure(HUANGPU, "hp")
    art7, = _by_marker(st, "第七条")
    art8, = _by_marker(st, "第八条")
    one = _by_marker(st, "（一）")
    # （一）（二）（九） are the 项 of 第七条, and 第八条 is its sibling, not a child of （九）.
    assert [s.parent_id for s in one][0] == art7.id
    assert art8.parent_id == art7.parent_id
    nine, = _by_marker(st, "（九）")
    assert nine.parent_id == art7.id
    # 第九条's （一） restarts numbering inside its own article: no chapter is invented for it.
    art9, = _by_marker(st, "第九条")
    assert one[1].parent_id == art9.id
    assert not any(s.heading_lost for s in st.sections)


def test_an_article_caption_loses_its_brackets():
    st = parse_structure(HUANGPU, "hp")
    assert _by_marker(st, "第七条")[0].heading == "部门职责"
    assert _by_marker(st, "第八条")[0].heading == "双重身份管理职责"


def test_a_unit_whose_whole_line_is_its_heading_spans_that_line():
    st = parse_structure(HUANGPU, "hp")
    one = _by_marker(st, "（一）")[0]
    line = "（一）历史风貌区的规划管理由区规划资源局负责；"
    at = HUANGPU.index(line)
    assert (one.start, one.end) == (at, at + len(line))


def test_a_clause_on_a_heading_only_line_belongs_to_that_unit():
    # 由区规划资源局负责 is the whole line of （一）: its task is （一）, not the chapter around it.
    x = extract_text(HUANGPU, "hp")
    owners = {(x.text[t.start:t.start + 3], a.agency.surface)
              for c in x.clauses for a in c.assignments for t in x.tasks if t.id == a.task_id}
    assert ("（一）", "区规划资源局") in owners
    assert ("（二）", "区房管局") in owners
    x = extract_text(QIBAO, "qb")
    owners = {(x.text[t.start:t.start + 3], a.agency.surface)
              for c in x.clauses for a in c.assignments for t in x.tasks if t.id == a.task_id}
    assert ("（1）", "建设单位") in owners


def test_a_regulation_without_chapters_invents_none_for_its_items():
    # The same articles without 第二章: each article's （一） restarts numbering, which is no sign of a
    # chapter whose heading the web page lost.
    text = HUANGPU.replace("第二章  管理架构和职能\n", "")
    st = parse_structure(text, "hp")
    assert not any(s.heading_lost for s in st.sections)
    art7, = _by_marker(st, "第七条")
    art9, = _by_marker(st, "第九条")
    one = _by_marker(st, "（一）")
    assert [s.parent_id for s in one] == [art7.id, art9.id]


def test_a_you_clause_that_goes_on_to_cooperate_names_the_lead_it_supports():
    # 第三十条 of the 黄浦 办法 (cut down): 由A依法处理，或配合B执法 — A owns the handling and, the unwritten
    # subject of 配合, supports B when B enforces.
    text = ("黄浦区加强历史风貌区、优秀历史建筑和不可移动文物保护实施办法\n\n第六章  法律责任\n\n"
            "第三十条（不可移动文物违法行为的处理）\n\n有下列行为之一的，由区文化市场综合行政执法机构依法处理，"
            "或配合市文化市场综合行政执法机构执法：\n\n（一）擅自迁移、拆除不可移动文物的；\n")
    x = extract_text(text, "hp")
    got = sorted((a.role.value, a.agency.surface) for c in x.clauses for a in c.assignments)
    assert got == [("lead", "市文化市场综合行政执法机构"), ("responsible", "区文化市场综合行政执法机构"),
                   ("support", "区文化市场综合行政执法机构")]


JX = """石城县2018年度河长制湖长制工作责任单位目标管理（绩效）考核细则
序号
考核项目
各项分值
一、
通用考核项目（全部责任单位）
40
1
组织领导
8
积极配合各乡镇开展“河长制”工作（8分）。
二、
部门履职差异考核项目
"""


def test_a_marker_alone_on_its_line_takes_the_next_short_line_as_heading():
    # jx-shicheng-2018-hezhang-kaohe (cut down): its table typed one cell a line puts 一、 and its heading
    # in two cells. A sentence on the next line is no heading (the chapter keeps none).
    st = parse_structure(JX, "jx")
    assert [s.heading for s in st.sections if s.marker in ("一、", "二、")] == ["通用考核项目（全部责任单位）", "部门履职差异考核项目"]
    st = parse_structure(JX.replace("通用考核项目（全部责任单位）", "各单位按时上报河长制工作进展情况，踊跃上报。"), "jx")
    assert [s.heading for s in st.sections if s.marker == "一、"] == [None]


def test_a_relative_owner_over_a_list_of_facilities_stays_one_body():
    # sh-putuo-2025-haimian 三、2. (cut down): the 、 separate facility types inside ONE noun phrase (its gold
    # notes): 由相应道路、绿化、河道、建筑小区的管养单位负责维护 names one body, kept whole.
    text = ("普陀区海绵城市建设管理实施方案\n三、管控流程\n2.海绵设施移交维护。各类项目的海绵设施建成后同主体工程同步移交，"
            "并由相应道路、绿化、河道、建筑小区的管养单位负责维护。\n")
    x = extract_text(text, "pt")
    assert [a.agency.surface for c in x.clauses for a in c.assignments] == ["相应道路、绿化、河道、建筑小区的管养单位"]


# Cut down from the real dev document gov-2020-guobanfa-24 (国办发〔2020〕24号), whose body is stored as one
# line: no line break before 一、 / （一）.
RUN_ON = ("国务院办公厅关于进一步优化营商环境更好服务市场主体的实施意见国办发〔2020〕24号\n\n"
          "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：党中央、国务院高度重视深化“放管服”改革优化营商环境工作。"
          "为持续深化“放管服”改革优化营商环境，更大激发市场活力，增强发展内生动力，经国务院同意，现提出以下意见。"
          "一、持续提升投资建设便利度（一）优化再造投资项目前期审批流程。从办成项目前期“一件事”出发，健全部门协同工作机制，"
          "加快项目落地。（国家发展改革委牵头，自然资源部、生态环境部等国务院相关部门及各地区按职责分工负责）"
          "（二）进一步提升工程建设项目审批效率。全面推行工程建设项目分级分类管理。（住房城乡建设部牵头，国务院相关部门及各地区按职责分工负责）"
          "二、进一步简化企业生产经营审批和条件（三）进一步降低市场准入门槛。围绕工程建设、教育、医疗、体育等领域，"
          "集中清理有关部门和地方在市场准入方面对企业资质、资金、股比、人员、场所等设置的不合理条件。具体措施：1．2020年底前"
          "开展涉企收费专项治理。（市场监管总局牵头）2．清理规范中小企业融资中的不合理附加费用，整治第3.5条所列行为。"
          "（银保监会及各地区按职责分工负责）\n")


def test_a_body_stored_as_one_line_is_split_at_its_numbering_markers():
    st = parse_structure(RUN_ON, "ro")
    got = [(s.marker, s.heading) for s in st.sections]
    assert got == [("一、", "持续提升投资建设便利度"), ("（一）", "优化再造投资项目前期审批流程"),
                   ("（二）", "进一步提升工程建设项目审批效率"), ("二、", "进一步简化企业生产经营审批和条件"),
                   ("（三）", "进一步降低市场准入门槛"), ("1．", got[5][1]), ("2．", got[6][1])]
    # Offsets still index the text; 第3.5条 inside a sentence opens no unit.
    for s in st.sections:
        assert RUN_ON[s.start:].startswith(s.marker)
    x = extract_text(RUN_ON, "ro")
    leads = {(x.text[t.start:t.start + 3], a.agency.surface) for c in x.clauses for a in c.assignments
             for t in x.tasks if t.id == a.task_id and a.role.value == "lead"}
    assert ("（一）", "国家发展改革委") in leads and ("（二）", "住房城乡建设部") in leads and ("1．2", "市场监管总局") in leads


def test_a_long_line_with_few_markers_is_left_whole():
    # A long paragraph citing one （一） after a sentence is running text, not a run-on body.
    text = "关于加强管理的通知\n\n" + "各地区要按照有关规定做好相关工作，切实加强组织领导。" * 20 + "（一）项所列情形除外。\n"
    assert split_run_on(physical_lines(text)) == physical_lines(text)


def test_a_run_on_chapter_heading_with_commas_still_ends_at_its_first_section():
    # mot-2021-tielu-yanxian (国办函〔2021〕49号, body one line; cut down): 二、完善工作机制，压实各方责任，提升多方共治合力（一）…
    text = RUN_ON.replace("二、进一步简化企业生产经营审批和条件", "二、完善工作机制，压实各方责任，提升多方共治合力")
    st = parse_structure(text, "ro")
    assert [(s.marker, s.heading) for s in st.sections][3:5] == [
        ("二、", "完善工作机制，压实各方责任，提升多方共治合力"), ("（三）", "进一步降低市场准入门槛")]
