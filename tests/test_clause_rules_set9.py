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
