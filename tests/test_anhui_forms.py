"""Forms of the 北大法宝 plain-text exports of the ninth dev set (Anhui provincial documents).

Real text: ah-2021-gongye-hulianwang and ah-2022-rcep-shishi of tests/gold/dev (quoted as written).
Expected values were read off the documents by hand, not taken from the tool's output.
"""

from __future__ import annotations

from pathlib import Path

from policykg.extract.pipeline import extract_text
from policykg.extract.structure.headings import match_marker

DOCS = Path(__file__).resolve().parent / "gold" / "dev" / "docs"


def _doc(doc_id: str) -> str:
    return (DOCS / f"{doc_id}.txt").read_text(encoding="utf-8")


# ── the small full stop ﹒ (U+FE52) as an item marker ─────────────────────────────────────────

def test_small_full_stop_opens_an_item():
    # ah-2021-gongye-hulianwang 二、（一）: 1﹒推进工业互联网外网建设。支持基础电信企业…
    m = match_marker("1﹒推进工业互联网外网建设。支持基础电信企业加强宽带网络基础设施建设")
    assert m is not None and m.type == "item" and m.number == 1 and m.marker == "1﹒"
    m = match_marker("24﹒促进区域协同发展。")
    assert m is not None and m.type == "item" and m.number == 24


def test_small_full_stop_items_are_the_tasks_their_brackets_close():
    text = _doc("ah-2021-gongye-hulianwang")
    x = extract_text(text, doc_id="ah-2021-gongye-hulianwang")
    items = [t for t in x.tasks if t.rule == "task.numbered_item" and "﹒" in text[t.start:t.start + 4]]
    assert len(items) == 24
    quote = "（责任单位：省通信管理局，省铁塔公司、各基础电信企业，各市人民政府）"
    clause = next(c for c in x.clauses if c.text == quote)
    task = next(t for t in x.tasks if t.id == clause.task_id)
    assert task.title == "推进工业互联网外网建设"
    # The group heading （一）网络体系强基行动。 above the items is no task of its own clause.
    assert all(t.title != "网络体系强基行动" for t in x.tasks if t.id == clause.task_id)


# ── A牵头，B、C按职责分工配合: the duty-division phrase before a supporter list's verb ─────────────

def _roles(sentence: str) -> list[tuple[str, list[str]]]:
    from policykg.extract.clauses.finder import find_clauses

    found = find_clauses(sentence, default_prefix="省")
    assert len(found) == 1, found
    return [(role.value, [it.surface for it in items]) for role, items in found[0].roles]


def test_duty_division_before_support_verb_is_support_beside_the_lead():
    # ah-2022-rcep-shishi 3.: …关于原产地证书申领程序、业务流程等方面的培训。（合肥海关牵头，省贸促会、省商务厅按职责分工配合）
    assert _roles("加强企业尤其是小微企业关于原产地证书申领程序、业务流程等方面的培训。"
                  "（合肥海关牵头，省贸促会、省商务厅按职责分工配合）") == [
        ("lead", ["合肥海关"]), ("support", ["省贸促会", "省商务厅"])]
    # ah-2022-rcep-shishi 24.: （省商务厅牵头，省外办、省贸促会按职责分工配合）
    assert _roles("（省商务厅牵头，省外办、省贸促会按职责分工配合）") == [
        ("lead", ["省商务厅"]), ("support", ["省外办", "省贸促会"])]


def test_duty_division_with_responsible_verb_beside_a_lead_stays_responsible():
    # ah-2022-rcep-shishi 17.: （省发展改革委牵头，省交通运输厅、省民航机场集团、省港航集团按职责分工负责）
    assert _roles("（省发展改革委牵头，省交通运输厅、省民航机场集团、省港航集团按职责分工负责）") == [
        ("lead", ["省发展改革委"]), ("responsible", ["省交通运输厅", "省民航机场集团", "省港航集团"])]


# ── working bodies named by their purpose, and the units sitting on one ──────────────────────────

def test_working_bodies_named_by_purpose_are_bodies():
    from policykg.extract.clauses.agency_list import is_agency

    # ah-2021-gongye-hulianwang 12﹒: （责任单位：省推进工业互联网创新发展专项工作组）
    assert is_agency("省推进工业互联网创新发展专项工作组")
    # ah-2021-gongye-hulianwang 四、（一）: （责任单位：省推进工业互联网创新发展专项工作组成员单位，各市人民政府）
    assert is_agency("省推进工业互联网创新发展专项工作组成员单位")
    # ah-2022-rcep-shishi 22.: （省推进“三地一区”建设领导小组改革开放新高地执行小组成员单位按职责分工负责）
    assert is_agency("省推进“三地一区”建设领导小组改革开放新高地执行小组成员单位")
    # ah-2022-rcep-shishi 15.: （省十大新兴产业推进组工作专班牵头单位牵头，…成员单位按职责分工配合）
    assert is_agency("省十大新兴产业推进组工作专班牵头单位")
    assert is_agency("省十大新兴产业推进组工作专班成员单位")


def test_a_purpose_verb_before_a_bare_working_body_word_is_a_phrase():
    from policykg.extract.clauses.agency_list import is_agency

    # Hand-written: the verb and a generic working-body word name no body.
    assert not is_agency("推进工作专班")
    assert not is_agency("加快推进工作组")
    assert not is_agency("加强领导小组")
    assert not is_agency("成立推进工作领导小组的")


def test_member_units_of_a_working_body_in_lead_and_support_roles():
    # ah-2022-rcep-shishi 15.
    assert _roles("（省十大新兴产业推进组工作专班牵头单位牵头，省十大新兴产业推进组工作专班成员单位按职责分工配合）") == [
        ("lead", ["省十大新兴产业推进组工作专班牵头单位"]), ("support", ["省十大新兴产业推进组工作专班成员单位"])]
    # ah-2022-rcep-shishi 10.
    assert _roles("（省商务厅牵头，省十大新兴产业推进组工作专班牵头单位按职责分工负责）") == [
        ("lead", ["省商务厅"]), ("responsible", ["省十大新兴产业推进组工作专班牵头单位"])]


# ── the same bracket repeated in one task assigns once ───────────────────────────────────────────

def test_identical_bracket_repeated_in_one_chapter_assigns_once():
    # ah-2021-gongye-hulianwang part 1, 二、支持企业数字化、网络化、智能化转型: its three topic paragraphs
    # each end with （责任单位：省经济和信息化厅、省财政厅）; the gold annotates the chapter's bracket once.
    text = _doc("ah-2021-gongye-hulianwang")
    x = extract_text(text, doc_id="ah-2021-gongye-hulianwang")
    chapter = next(t for t in x.tasks if t.title == "支持企业数字化、网络化、智能化转型")
    clauses = [c for c in x.clauses if c.task_id == chapter.id]
    assert [c.text for c in clauses] == ["（责任单位：省经济和信息化厅、省财政厅）"] * 3
    assert [[a.agency.surface for a in c.assignments] for c in clauses] == [["省经济和信息化厅", "省财政厅"], [], []]
    # 三、 has two distinct brackets beside the repeated one: each distinct one assigns.
    chapter = next(t for t in x.tasks if t.title == "支持工业互联网基础设施建设")
    assigned = [c.text for c in x.clauses if c.task_id == chapter.id and c.assignments]
    assert assigned == ["（责任单位：省经济和信息化厅、省财政厅）", "（责任单位：省经济和信息化厅、省通信管理局、省财政厅）"]


def test_a_prose_clause_said_twice_in_one_unit_assigns_twice():
    # gov-2020-guobanfa-13 （三）环境污染防治: 由地方承担支出责任 closes two matters of the unit, and the
    # gold annotates both (prose clauses are statements of their own, not one repeated bracket).
    text = _doc("gov-2020-guobanfa-13")
    x = extract_text(text, doc_id="gov-2020-guobanfa-13")
    task = next(t for t in x.tasks if t.title.startswith("环境污染防治"))
    local = [a for c in x.clauses if c.task_id == task.id for a in c.assignments if a.agency.surface == "地方"]
    assert len(local) >= 2


# ── two documents in one file: the second's title ends the first's last chapter ──────────────────

def test_second_document_title_ends_the_first_document_s_last_chapter():
    from policykg.extract.structure.sections import parse_structure

    # ah-2021-gongye-hulianwang: 若干政策 八、… 本政策自2021年开始执行，由省经济和信息化厅负责解释。
    # then the line 安徽省工业互联网创新发展行动计划（2021-2023年）, its preface and its own 一、总体要求.
    text = _doc("ah-2021-gongye-hulianwang")
    st = parse_structure(text, "ah")
    title = text.index("安徽省工业互联网创新发展行动计划（2021-2023年）\n")
    eighth = next(s for s in st.sections if s.marker == "八、")
    assert eighth.end <= title
    preface = text.index("为深入实施工业互联网创新发展战略")
    assert next(p for p in st.paragraphs if p.start <= preface < p.end).section_id is None


def test_each_document_s_closing_paragraphs_belong_to_no_task():
    text = _doc("ah-2021-gongye-hulianwang")
    x = extract_text(text, doc_id="ah-2021-gongye-hulianwang")
    at = text.index("本政策自2021年开始执行，由省经济和信息化厅负责解释")
    closing = [c for c in x.clauses if c.start >= at and c.start < at + 30]
    assert closing and all(c.task_id is None and not c.assignments for c in closing)
    # The chapter's own brackets before it stay the chapter's.
    bracket = "（责任单位：省地方金融监管局、人行合肥中心支行、安徽银保监局、安徽证监局，各市人民政府）"
    c = next(c for c in x.clauses if c.text == bracket)
    assert next(t for t in x.tasks if t.id == c.task_id).title == "支持工业互联网利用资本市场加快发展"


def test_closing_self_reference_forms():
    from policykg.extract.clauses.assign import _CLOSING_SELF

    # ah-2021-gongye-hulianwang (real); 本实施意见 of sh-qibao-2020-xiane-gongcheng (real: 1.本实施意见自发布之日起施行)
    assert _CLOSING_SELF.match("本政策自2021年开始执行，由省经济和信息化厅负责解释。")
    assert _CLOSING_SELF.match("本实施意见自发布之日起施行。")
    assert not _CLOSING_SELF.match("本市各区政府负责")


# ── levels of government written as one word name no body ────────────────────────────────────────

def test_levels_written_together_are_no_owner():
    from policykg.extract.clauses.finder import find_clauses

    # ah-2021-gongye-hulianwang 七、支持工业互联网人才培养 (the gold leaves 省市 out)
    s = "组织打造服务专员队伍，每年面向1万名专业技术人才和企业高级管理人员，由省市合力开展工业互联网素质提升培训。"
    assert find_clauses(s, default_prefix="省") == []


# ── the 北大法宝 export's header ─────────────────────────────────────────────────────────────────

# The two lines the export opens with, as stored in the source file of ah-2022-rcep-shishi
# (mengke25/policy_text_frenq pool/…(FBM-CLI.12.6476457).txt lines 1-2; SOURCES.md left them out
# of the dev text as the database's, not the document's).
PKULAW_HEAD = ("    【法宝引证码】 CLI.12.6476457\n"
               "原文链接：https://www.pkulaw.com/lar/2f52e167e6b73e8162d6f1fa1499e24dbdfb.html\n")


def test_pkulaw_header_fields_and_bracketed_doc_number():
    for text in (_doc("ah-2022-rcep-shishi"), PKULAW_HEAD + _doc("ah-2022-rcep-shishi")):
        x = extract_text(text, doc_id="ah-2022-rcep-shishi")
        # （皖开放办〔2022〕6号） under the title; the sign-off issuer holds a quoted slogan.
        assert x.meta.doc_number == "皖开放办〔2022〕6号"
        assert x.meta.issuer == "安徽省推进“三地一区”建设领导小组改革开放新高地执行小组办公室"
        assert x.meta.title.startswith("安徽省关于加快对接")
    x = extract_text(PKULAW_HEAD + _doc("ah-2022-rcep-shishi"), doc_id="ah-2022-rcep-shishi")
    assert x.meta.source_url == "https://www.pkulaw.com/lar/2f52e167e6b73e8162d6f1fa1499e24dbdfb.html"


def test_pkulaw_header_lines_change_no_responsibility():
    clean = extract_text(_doc("ah-2022-rcep-shishi"), doc_id="ah-2022-rcep-shishi")
    raw = extract_text(PKULAW_HEAD + _doc("ah-2022-rcep-shishi"), doc_id="ah-2022-rcep-shishi")

    def rows(x):
        titles = {t.id: t.title for t in x.tasks}
        return sorted((titles[a.task_id], a.role.value, a.agency.surface, a.agency.agency_id)
                      for c in x.clauses for a in c.assignments)
    assert rows(raw) == rows(clean)
    assert ("用好原产地规则", "lead", "合肥海关") in [r[:3] for r in rows(clean)]


# ── a stop word opening a word of a name (建设管理委) ─────────────────────────────────────────────

def test_construction_management_body_is_one_name_after_hui_tong():
    # sh-fengxian-2021-nongcun-gonglu (its 权责清单 row 加强对挖掘农村公路及公路用地施工的统筹管理)
    s = "挖掘公路及公路用地的，应当按照规定将掘路施工计划报区交通委，由区交通委会同住房城乡建设管理部门进行综合平衡，并优先安排综合掘路施工。"
    from policykg.extract.clauses.finder import find_clauses

    found = find_clauses(s, default_prefix="区")
    assert [(r.value, [it.surface for it in items]) for f in found for r, items in f.roles] == [
        ("lead", ["区交通委"]), ("support", ["住房城乡建设管理部门"])]
    # Hand-written: 建设 stays a stop where no name word follows (会同区财政局建设…).
    found = find_clauses("由区交通委会同区财政局建设农村公路。", default_prefix="区")
    assert [(r.value, [it.surface for it in items]) for f in found for r, items in f.roles] == [
        ("lead", ["区交通委"]), ("support", ["区财政局"])]


# ── 由A part after a label's colon, 会同 a trade-named firm (物业) ─────────────────────────────────

def _all_roles(sentence: str, prefix: str = "区") -> list[tuple[str, list[str]]]:
    from policykg.extract.clauses.finder import find_clauses

    return [(r.value, [it.surface for it in items]) for f in find_clauses(sentence, default_prefix=prefix)
            for r, items in f.roles]


def test_you_part_after_a_colon_label_leads_the_hui_tong_part():
    # sh-gumei-2022-dujulaoren-xiaofang 三、（二）中风险类 (real)
    s = "对应措施：由居委纳入关注对象，会同物业每月对所在楼栋开展巡查，重点对楼道堆物、电动自行车违规停放充电等进行清理；"
    assert _all_roles(s) == [("lead", ["居委"]), ("support", ["物业"])]


def test_convening_and_forming_verbs_end_a_partner_list():
    # sh-gumei-2022-dujulaoren-xiaofang 三、（四）: workers form a group: no body is a partner
    s = "各居委老龄及综治安全条线工作人员，要会同物业管理人员组成工作小组，落实日常巡查"
    assert _all_roles(s) == []
    # sh-gumei-2022-dujulaoren-xiaofang 7.居委会。… 牵头召集民警及物业…: 召集 is no part of a name
    s = "牵头召集民警及物业及时排查整治涉及独居老人重点对象的消防安全隐患。"
    assert all("召集" not in name for _, names in _all_roles(s) for name in names)
    # 国务院组成部门 stays one name (hand-written).
    from policykg.extract.clauses.agency_list import is_agency
    assert is_agency("国务院组成部门")


def test_wu_ye_owner_in_you_clause():
    # sh-baoshan-2019-laji 3. (real): 其余小区由物业、居委会做好动员和解释工作
    roles = _all_roles("其余小区由物业、居委会做好动员和解释工作，并配合定时定点投放日常监管。")
    assert ("responsible", ["物业", "居委会"]) in roles


def test_accident_investigation_team_is_one_name():
    # sh-chongming-2023-ranqi-yuan 7.2 调查与评估 (real clause part; its whole sentence opens with 由市人民政府组织,
    # which takes the span): 有关部门配合国务院事故调查组进行调查
    assert _all_roles("有关部门配合国务院事故调查组进行调查。") == [
        ("lead", ["国务院事故调查组"]), ("support", ["有关部门"])]


def test_property_manager_and_residents_committee_take_no_place_prefix():
    from policykg.extract.clauses.agency_list import takes_prefix

    # sh-baoshan-2019-laji 3. 其余小区由物业、居委会做好动员和解释工作: no 区物业, no 区居委会
    assert not takes_prefix("物业")
    assert not takes_prefix("居委会")
    assert takes_prefix("绿化市容局")


def test_implementing_rules_paragraph_closes_the_document():
    # ah-2021-gongye-hulianwang 若干政策, after 八、's last topic paragraph (real):
    # 省经济和信息化厅会同省财政厅等单位制定具体实施细则或申报服务指南。… then 本政策自2021年开始执行…
    text = _doc("ah-2021-gongye-hulianwang")
    x = extract_text(text, doc_id="ah-2021-gongye-hulianwang")
    at = text.index("省经济和信息化厅会同省财政厅等单位制定具体实施细则")
    clause = next(c for c in x.clauses if c.start == at)
    assert clause.task_id is None and not clause.assignments


def test_pkulaw_field_block_in_lenticular_brackets():
    # Hand-written: the field block 北大法宝's record pages and fuller exports print (【发布部门】 …), filled
    # with ah-2022-rcep-shishi's own values, above its real text.
    head = ("【法宝引证码】 CLI.12.6476457\n"
            "【发布部门】 安徽省推进“三地一区”建设领导小组改革开放新高地执行小组办公室\n"
            "【发文字号】 皖开放办〔2022〕6号\n"
            "【发布日期】 2022.03.23\n"
            "【实施日期】 2022.03.23\n"
            "【时效性】 现行有效\n"
            "【效力级别】 地方工作文件\n"
            "【法规类别】 对外贸易综合规定\n")
    text = head + _doc("ah-2022-rcep-shishi")
    x = extract_text(text, doc_id="ah-2022-rcep-shishi")
    import datetime as dt
    assert x.meta.doc_number == "皖开放办〔2022〕6号"
    assert x.meta.issuer == "安徽省推进“三地一区”建设领导小组改革开放新高地执行小组办公室"
    assert x.meta.published == dt.date(2022, 3, 23)
    assert x.meta.provenance["doc_number"] == "header:kv.发文字号"
    clean = extract_text(_doc("ah-2022-rcep-shishi"), doc_id="ah-2022-rcep-shishi")
    assert sum(len(c.assignments) for c in x.clauses) == sum(len(c.assignments) for c in clean.clauses) == 71


def test_chapters_restarting_without_a_title_between_are_one_document():
    # Hand-written: 第二部分's 一、 restarts the chapters of one document (no title line between), so the
    # 各地区要… paragraph before it stays 二、's; only the end closes the document.
    from policykg.extract.clauses.assign import closing_spans
    from policykg.extract.structure.sections import parse_structure

    text = ("总体要求\n一、指导思想\n坚持问题导向。\n二、基本原则\n统筹推进。\n"
            "各地区要结合实际抓好落实。\n重点任务\n一、加强监管\n市场监管局负责监管。\n"
            "二、强化服务\n商务局负责服务。\n本方案自印发之日起施行。\n")
    st = parse_structure(text, "x")
    spans = closing_spans(text, st.sections, len(text))
    assert spans == [(text.index("本方案自印发之日起施行"), len(text))]
