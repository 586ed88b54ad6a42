"""Task units of the five plans, by kind, as the issue counts them."""

from __future__ import annotations

from collections import Counter

from corpus_helpers import extraction


def top(key):
    return [t for t in extraction(key).tasks if t.parent_task_id is None]


def kinds(key):
    return Counter(t.kind.value for t in top(key))


def test_2015_twelve_internet_plus_tasks_with_sub_measures():
    tasks = [t for t in top("2015") if t.kind.value == "task"]
    assert [t.title for t in tasks] == [
        "互联网＋制造", "互联网＋金融", "互联网＋商贸", "互联网＋物流", "互联网＋交通", "互联网＋文化创意",
        "互联网＋教育", "互联网＋医疗健康", "互联网＋公共安全", "互联网＋城市管理", "互联网＋政府服务",
        "互联网＋大数据＋人工智能",
    ]
    children = [t for t in extraction("2015").tasks if t.parent_task_id == tasks[0].id]
    assert [c.title for c in children] == [
        "促进互联网与设计、制造过程融合", "促进互联网与企业经营管理融合", "促进互联网与产品后制造服务的融合",
    ]
    assert kinds("2015")["measure"] == 6


def test_2016_twenty_eight_numbered_tasks():
    tasks = [t for t in top("2016") if t.kind.value == "task"]
    assert len(tasks) == 28
    assert tasks[0].title == "建设全市统一的电子公共服务体系"
    assert tasks[21].title == "打造世界级的宽带网络"
    assert all(t.rule == "task.numbered_item" for t in tasks)


def test_2009_ten_projects():
    projects = [t.title for t in top("2009") if t.kind.value == "project"]
    assert projects == [
        "创新能力提升工程", "基础设施优化工程", "无线网络建设工程", "下一代互联网示范工程", "电子商务拓展工程",
        "物联网产业推动工程", "互联网内容产业发展工程", "互联网应用促进工程", "移动互联网推广工程", "三网融合推进工程",
    ]
    assert kinds("2009") == Counter({"project": 10, "measure": 7, "task": 4})


def test_2011_ten_projects_and_their_parts():
    projects = [t for t in top("2011") if t.kind.value == "project"]
    assert len(projects) == 10
    assert projects[0].title == "信息网络跃升工程" and projects[-1].title == "信息安全保障工程"
    parts = [t.title for t in extraction("2011").tasks if t.parent_task_id == projects[0].id]
    # "…向用户提供100Mbps的" / "高可靠性带宽接入。…" is one sentence wrapped by the PDF, not a part.
    assert parts[:2] == ["光纤到户", "无线城市"]
    assert "高可靠性带宽接入" not in parts
    assert kinds("2011") == Counter({"project": 10, "measure": 8, "task": 6})


def test_2021_key_fields_tasks_measures():
    assert kinds("2021") == Counter({"key_field": 12, "task": 9, "measure": 4})
    assert [t.title for t in top("2021") if t.kind.value == "measure"] == [
        "强化组织领导", "创新体制机制", "加强资金支持", "注重人才引培"]


def test_task_ids_are_stable_across_runs():
    from policykg.extract.pipeline import extract_document
    from corpus_helpers import doc_path

    a = [t.id for t in extract_document(doc_path("2016")).tasks]
    b = [t.id for t in extract_document(doc_path("2016")).tasks]
    assert a == b and len(set(a)) == len(a)


def test_a_form_repeated_under_each_item_makes_the_item_the_task():
    # HAND-WRITTEN, the layout of mot-2022-beigongda-shidian: each pilot item fills the same fields.
    from policykg.extract.pipeline import extract_text

    items = "".join(
        f"{n}、第{n}项研究\n　　（一）试点单位。\n　　某某大学。\n　　（二）试点指导单位。\n"
        f"　　交通运输部运输服务司牵头，科技司配合。\n　　（三）试点内容。\n　　研究某项技术。\n"
        for n in "一二三")
    # Signed by a ministry (a national text: no 市 restored onto bare names).
    x = extract_text("某某大学：\n　　现回复如下。\n交通运输部\n　　2022年9月20日\n\n试点任务要点\n" + items, "t")
    assert [t.title for t in x.tasks] == ["第一项研究", "第二项研究", "第三项研究"]
    first = [(a.role.value, a.agency.surface, a.agency.name)
             for c in x.clauses if c.task_id == x.tasks[0].id for a in c.assignments]
    assert [f[:2] for f in first] == [("responsible", "某某大学"), ("lead", "交通运输部运输服务司"), ("support", "科技司")]
    # The department named without its ministry shares the lead's (交通运输部科技司).
    assert first[2][2] == "交通运输部科技司"
