"""Clause forms of the ninth blind set (moved to tests/gold/dev/ in the eighth session): regulations
(办法 / 规章 第N条) and prose 意见 / 通知 of several issuers. Each test quotes the real sentence and names
its document; expected owners were read off the sentence by hand (the document's gold file agrees)."""

from __future__ import annotations

from policykg.extract.clauses.finder import find_clauses


def _owners(text: str) -> list[tuple[str, list[str]]]:
    return [(role.value, [it.surface for it in items]) for f in find_clauses(text) for role, items in f.roles]


# ── 承担…责任: any charge but a liability ─────────────────────────────────────────────────────

def test_a_charge_borne_by_the_subject_of_an_earlier_part():
    # ab-2021-zhengwu-shuju 第二十一条: the sentence's subject bears the 数据质量责任 of its last part.
    text = ("政务部门应当加强数据采集和归集的质量管理，对本部门归集的政务数据资源进行校核、确认，定期组织开展本部门政务"
            "数据资源质量检查，及时发现和更正错误数据，承担数据质量责任。")
    assert _owners(text) == [("responsible", ["政务部门"])]


def test_a_charge_of_enforcement_borne_by_a_level_sharing_owner():
    # gov-2014-guobanfa-56 （四）: the two levels share one head, one mention.
    assert _owners("市、县两级环境保护部门承担日常环境监管执法责任。") == [("responsible", ["市、县两级环境保护部门"])]


def test_a_charge_shared_out_after_a_comma_by_bodies_named_together():
    # bj-2022-shuju-zhuanqu （一）: 统称 names the two bodies together; 分别 hands each its share.
    text = ("相关行业主管部门和相关区政府（以下统称专区监管部门）落实各项重大决策，分别承担领域类专区和区域类数据专区的"
            "监管责任。")
    assert _owners(text) == [("responsible", ["相关行业主管部门", "相关区政府"])]


def test_a_liability_or_a_noun_of_charges_is_no_clause():
    # Labelled examples of a penalty article, then gov-2019-guobanfa-6 and gov-2020-guobanfa-13 (not annotated).
    assert _owners("市财政局承担相应的法律责任。") == []
    assert _owners("原则上国家融资担保基金和银行业金融机构承担的风险责任比例均不低于20%。") == []
    assert _owners("要将适宜由地方更高一级政府承担的生态环境领域基本公共服务支出责任上移，避免基层政府承担过多支出责任。") == []


# ── owners of regulations: a level-sharing prefecture, a chosen body, a delegate ───────────────

def test_a_prefecture_and_its_counties_share_one_head():
    # ab-2021-zhengwu-shuju 第二十三条 (阿坝州 is a 自治州: 州 is a level like 市).
    assert _owners("州、县（市）数据资源主管部门具体负责统筹协调数据共享工作。") == [
        ("responsible", ["州、县（市）数据资源主管部门"])]


def test_a_body_chosen_by_a_government_owns_the_work_as_the_subject():
    # ab-2021-zhengwu-shuju 第六条, second paragraph: the qualifier stays in the mention.
    assert _owners("县（市）人民政府确定的数据资源主管部门负责辖区内政务数据资源管理工作。") == [
        ("responsible", ["县（市）人民政府确定的数据资源主管部门"])]


def test_you_a_or_a_body_designated_by_a_government():
    # ab-2021-zhengwu-shuju 第十三条: two alternative owners, the second picked out by who designates it.
    text = "政府投资的政务数据资源、政务信息化项目竣工后由建设单位或本级人民政府指定的部门组织验收，并将验收报告报本级数据资源主管部门备案。"
    assert _owners(text) == [("responsible", ["建设单位", "本级人民政府指定的部门"])]


def test_the_delegate_owns_the_work_not_the_government_granting_it():
    # ab-2021-zhengwu-shuju 第六条; then a labelled example with 委托.
    assert _owners("州人民政府授权州数据资源主管部门负责统筹全州政务数据资源管理工作。") == [
        ("responsible", ["州数据资源主管部门"])]
    assert _owners("市人民政府委托市财政局负责资金管理。") == [("responsible", ["市财政局"])]


def test_by_own_duties_then_a_comma_after_a_modal():
    # ab-2021-zhengwu-shuju 第四十条: five co-responsible bodies.
    text = ("网信部门、保密部门、公安部门、通信管理部门和其他有关部门应当按照各自职责，做好政务数据安全保护、保密审查、"
            "网络安全审查和监督管理工作，保障政务数据安全。")
    assert _owners(text) == [("responsible", ["网信部门", "保密部门", "公安部门", "通信管理部门", "其他有关部门"])]


def test_by_own_duties_then_a_comma_without_a_modal_is_no_clause():
    # sh-jiading-2024-haimian: not annotated (the item's 责任单位 bracket names its owners).
    text = "各相关行业管理部门按照各自职责，根据海绵城市运营维护管理相关文件要求，完善本区相关领域海绵设施运行维护管理标准和管理制度。"
    assert _owners(text) == []


# ── zs-2020-zhengwu-shuju (中山市 规章, 令第16号) ─────────────────────────────────────────────────

def test_a_partnerless_cooperation_after_yuyi_is_support():
    # 第二十二条; partnerless 予以协助 stays out (a labelled variant, after sh-huangpu-2023-fengmao-baohu 第二十八条).
    text = "对于不予共享的政务数据，以及不符合共享条件的有条件共享类政务数据，政务部门提出核实、比对需求的，政务数据提供部门应当予以配合。"
    assert _owners(text) == [("support", ["政务数据提供部门"])]
    assert _owners("修缮时，区相关部门应当予以协助。") == []


def test_the_time_a_period_runs_from_ends_the_owner_s_name():
    # 第二十二条: 自…之日起 follows the owner.
    text = "超过五个工作日不答复也不说明理由的，由市政务数据主管部门自政务部门逾期答复之日起五个工作日内径行提供政务数据。"
    assert _owners(text) == [("responsible", ["市政务数据主管部门"])]
    assert _owners("由广西壮族自治区人民政府负责。") == [("responsible", ["广西壮族自治区人民政府"])]  # labelled: 自治区


def test_on_the_grounds_of_is_no_owner():
    # 第二十五条 (cut down): 以…为由 is "on the grounds of"; 改为由A (labelled) still names an owner.
    assert _owners("不得以行政相对人提供的材料为由拒绝办理。") == []
    assert _owners("审批改为由市政务数据主管部门负责。") == [("responsible", ["市政务数据主管部门"])]


def test_a_product_described_by_who_formed_it_is_no_owner():
    # 第十三条: 由多部门共建项目形成的主题数据资源集合 describes a database.
    assert _owners("主题数据库是围绕公共安全、经济社会发展等主题领域，由多部门共建项目形成的主题数据资源集合。") == []


def test_the_lead_department_named_by_its_label_leads_and_the_others_support():
    # 第十三条: the beside-lead decision of the dev README.
    text = "对涉及跨部门协同归集的政务数据，牵头部门负责统筹协调，相关部门明确职责分工，通过中山市政务大数据中心实现采集登记和统一归集。"
    assert _owners(text) == [("lead", ["牵头部门"]), ("support", ["相关部门"])]


# ── gov-2014-guobanfa-56 (国办发〔2014〕56号, stored as one line) ────────────────────────────────

def test_sector_words_before_deng_bumen_he_danwei_support_the_body_they_cooperate_with():
    # （七）: the shared heads are put back in the restored names.
    found = find_clauses("环境保护、工商、供水、供电等部门和单位要配合人民法院落实强制措施。")
    assert [(r.value, [it.surface for it in items]) for f in found for r, items in f.roles] == [
        ("lead", ["人民法院"]), ("support", ["环境保护", "工商", "供水", "供电"])]
    assert [it.name for it in found[0].roles[1][1]][:2] == ["环境保护部门", "工商部门"]


def test_a_government_answerable_for_its_area_with_a_leadership_charge():
    # （十一）
    assert _owners("县级以上地方各级人民政府对本行政区域环境监管执法工作负领导责任。") == [
        ("responsible", ["县级以上地方各级人民政府"])]


def test_the_closing_paragraph_of_a_one_line_body_is_no_task_s():
    # The unnumbered closing (…范围。　　各地区、各有关部门要…。环境保护部要会同有关部门…) after （十五）:
    # the gold leaves its 会同 clause out, as every closing paragraph of the dev set.
    from pathlib import Path

    from policykg.extract.pipeline import extract_text

    doc = Path(__file__).resolve().parent / "gold" / "dev" / "docs" / "gov-2014-guobanfa-56.txt"
    x = extract_text(doc.read_text(encoding="utf-8"), doc_id="gov-2014-guobanfa-56")
    closing = [c for c in x.clauses if c.text.startswith("环境保护部要会同有关部门")]
    assert closing and all(c.task_id is None for c in closing)
    assert {a.agency.surface for c in x.clauses if c.task_id for a in c.assignments} >= {"人民法院", "县级以上地方各级人民政府"}


# ── bj-2022-shuju-zhuanqu (北京市经济和信息化局 指导意见) ──────────────────────────────────────────

def test_a_working_group_named_for_what_it_advances_is_a_body():
    # （一）: 推进 before 小组 / 办公室 is the name's own word, not a verb.
    text = ("北京市大数据工作推进小组负责数据专区建设和应用的总体指导和重大问题决策，北京市大数据工作推进小组办公室负责组织"
            "推进相关决策落实。")
    assert _owners(text) == [("responsible", ["北京市大数据工作推进小组"]), ("responsible", ["北京市大数据工作推进小组办公室"])]


def test_a_partner_ends_before_jiang():
    # （三）: 将 (a modal of intent) ends the partner's name before the object.
    assert _owners("北京市经济和信息化局会同专区监管部门将运营单位纳入目录区块链系统用户管理体系。") == [
        ("lead", ["北京市经济和信息化局"]), ("support", ["专区监管部门"])]


def test_a_body_handed_the_work_later_is_no_owner_of_a_next_step():
    # （一）: 交由相关部门 is a recipient (as the dev gold's 交由有关部门严格查处); only the 由 owner stays.
    text = "对于尚无明确领域或区域归属的数据专区，先期由北京市经济和信息化局进行监管和指导，后续视实际情况交由相关部门进行监管。"
    assert _owners(text) == [("responsible", ["北京市经济和信息化局"])]


def test_a_body_stated_in_a_role_is_the_subject_of_the_next_part():
    # （二）
    assert _owners("运营单位作为专区运营主体，负责数据专区的建设运营、数据管理、运行维护及安全保障等工作。") == [
        ("responsible", ["运营单位"])]


def test_an_adverb_before_peihe_in_a_part_without_a_subject():
    # mot-2021-tielu-yanxian （一）: the sentence's subject supports the body after 积极配合.
    text = ("各成员单位要认真落实部际联席会议确定的工作任务，畅通信息沟通渠道，联合检查重点问题隐患，主动整改职责内有关问题，"
            "积极配合其他单位消除隐患。")
    assert _owners(text) == [("lead", ["其他单位"]), ("support", ["各成员单位"])]


# ── a 负责 part after a modal subject's earlier parts ─────────────────────────────────────────

def test_a_fuze_part_names_the_duty_of_the_modal_subject():
    # gov-1990-guofa-65 四、 (cut at the ；) and gov-2005-guofa-39 （十九）.
    text = ("环境保护部门应加强对自然保护工作的统一监督管理，统筹全国自然保护区的区划、规划工作，提出建设自然保护区的方针、政策"
            "和法规、制度，负责向国务院提出国家级自然保护区的审批意见。")
    assert _owners(text) == [("responsible", ["环境保护部门"])]
    text = ("各级环保部门要严格执行各项环境监管制度，责令严重污染单位限期治理和停产整治，负责召集有关部门专家和代表提出开发"
            "建设规划环境影响评价的审查意见。")
    assert _owners(text) == [("responsible", ["各级环保部门"])]


def test_a_fuze_part_after_a_subject_without_a_modal_is_not_its_duty():
    # sh-huangpu-2023-fengmao-baohu 第五条 (cut down): the office set up, not 区历保委, does the daily work.
    text = "区历保委下设办公室，由区房管局、区规划资源局的相关工作人员组成，负责日常工作。"
    assert ("responsible", ["区历保委"]) not in _owners(text)


def test_an_institutional_role_then_hui_tong_keeps_both_facts():
    # gov-2005-guofa-39 （三十二）: the 执法主体 is responsible, and leads the 会同 work with 有关部门.
    text = "国务院环境保护行政主管部门是环境保护的执法主体，要会同有关部门健全国家环境监测网络，规范环境信息的发布。"
    assert _owners(text) == [("responsible", ["国务院环境保护行政主管部门"]), ("lead", ["国务院环境保护行政主管部门"]),
                             ("support", ["有关部门"])]


def test_headings_set_off_by_indents_in_a_one_line_body_are_no_owner():
    # gov-2014-guobanhan-119 (stored as one line): two headings between the last sentence and the owner.
    text = ("突发环境事件分级标准见附件1。\u3000\u30002\u3000组织指挥体系\u3000\u30002.1\u3000国家层面组织指挥机构\u3000\u3000"
            "环境保护部负责重特大突发环境事件应对的指导协调和环境应急的日常监督管理工作。")
    assert _owners(text) == [("responsible", ["环境保护部"])]
    # A heading run on into its body with no owner stays ownerless (the 3 fp 395d6a4 guarded against).
    assert _owners("现场处置。\u3000\u30002.3\u3000现场指挥机构\u3000\u3000负责现场组织指挥工作。") == []


def test_a_modal_before_hui_tong_after_a_lead():
    # gov-2014-guobanhan-119 5.1: the partners of 可会同 support the lead named before the comma.
    assert _owners("事件调查。由环境保护主管部门牵头，可会同监察机关及相关部门，组织开展事件调查。") == [
        ("lead", ["环境保护主管部门"]), ("support", ["监察机关", "相关部门"])]


def test_adverbs_of_a_response_step_before_the_division_of_duties():
    # gov-2014-guobanhan-119 1.4
    assert _owners("突发环境事件发生后，地方人民政府和有关部门立即自动按照职责分工和相关预案开展应急处置工作。") == [
        ("responsible", ["地方人民政府", "有关部门"])]
