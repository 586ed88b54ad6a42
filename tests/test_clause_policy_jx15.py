"""Owner forms of the fifteenth set's Jiangxi policy documents (development set, issue 12, tune15a).
Sentences are HAND-WRITTEN after the forms of the development set (doc id given); readings by hand."""

from __future__ import annotations

from policykg.extract.clauses.finder import find_clauses


def names(text: str, prefix: str | None = "省"):
    return [(f.rule, [(r.value, [i.name for i in items]) for r, items in f.roles])
            for f in find_clauses(text, default_prefix=prefix)]


def test_members_after_a_lead_may_be_sector_words_closed_by_their_kind():
    # after jx-2020-tuoyu-fuwu 三、（二） (shortened)
    assert names("由省卫生健康部门牵头，发展改革、教育、税务等部门（单位）和工会、妇联等群团组织为成员，按照各自职责，强化协作。") == [
        ("clause.you_lead", [("lead", ["省卫生健康部门"]),
                             ("support", ["发展改革部门", "教育部门", "税务部门", "工会", "妇联"])])]


def test_a_lead_may_be_sectors_sharing_the_level_and_head_of_the_last():
    # after jx-2020-jinrong-fangyi 1. (shortened)
    got = names("由省发展改革、工业和信息化部门牵头，收集重点企业名单。")
    assert got == [("clause.you_lead", [("lead", ["省发展改革部门", "省工业和信息化部门"])])]


def test_verbs_before_a_body_are_no_sector_list():
    # after sh-xuhui-2020-xiaofang-zerenzhi: 指挥、协调、监督 are verbs, not sectors
    for f in find_clauses("并指挥、协调、监督相关消防执法和管理机构牵头处置。", default_prefix="区"):
        for _, items in f.roles:
            assert all(i.surface not in ("指挥", "协调") for i in items)


def test_the_role_a_body_is_to_play_names_no_owner():
    # after jx-2020-tuoyu-fuwu 二、（一）4.
    got = names("发挥工会组织作用，鼓励用人单位单独或联合相关单位共同举办照护服务机构。")
    assert all("发挥工会" not in n for _, roles in got for _, ns in roles for n in ns)


def test_revenue_two_bodies_share_is_no_work():
    # after jx-2020-kaifaqu-chuangxin （十六）
    assert names("开发区财政收入按照增量为主的方式，由当地人民政府和国家级开发区共同分享。") == []


def test_sheqv_shi_shares_the_head_of_the_county_governments():
    # after jx-2020-kaifaqu-chuangxin （一）: 设区市 is the policy documents' 设区的市
    got = names("（责任单位：省委编办，有关设区市、县〔区〕人民政府）")
    assert got and got[0][1][0][1][-1].endswith("有关设区市、县〔区〕人民政府")


def test_a_headed_attachment_of_unnumbered_owner_lines_is_one_unit(tmp_path):
    # after jx-2020-tuoyu-fuwu: 附件 alone on its line, its title the next, then 省X负责… lines without numbers
    from policykg.extract.pipeline import extract_document
    doc = tmp_path / "att.txt"
    doc.write_text("各市、县（区）人民政府，省政府各部门：\n一、加强指导\n（一）做好服务。各地要做好服务。\n"
                   "附件：照护服务发展工作部门职责分工\n附件\n照护服务发展工作部门职责分工\n"
                   "省教育厅负责各类服务人才培养。\n省民政厅负责注册登记。\n", encoding="utf-8")
    x = extract_document(doc)
    owned = [(a.agency.surface, a.task_id) for c in x.clauses for a in c.assignments]
    assert [s for s, _ in owned] == ["省教育厅", "省民政厅"]
    task = {t.id: t for t in x.tasks}[owned[0][1]]
    assert task.title == "照护服务发展工作部门职责分工" and owned[0][1] == owned[1][1]


def test_sector_words_after_a_level_share_its_level_and_the_head_jigou():
    # after jx-2020-tuoyu-fuwu 二、（二）2. (shortened)
    assert names("各级妇幼保健、疾病预防控制、卫生监督机构要按照职责加强业务指导。") == [
        ("clause.by_own_duty", [("responsible", ["各级妇幼保健机构", "各级疾病预防控制机构", "各级卫生监督机构"])])]
    # without the level a run before 机构 is one kind, and a body's unit stays whole
    assert names("代偿损失由融资担保、再担保机构承担。") == [] or all(
        "融资担保机构" not in n for _, roles in names("代偿损失由融资担保、再担保机构承担。") for _, ns in roles for n in ns)


def test_a_government_answering_with_the_first_share_of_blame_is_responsible():
    # after jx-2020-tuoyu-fuwu 二、（二）3.
    assert names("地方政府对照护服务的规范发展和安全监管负主要责任。") == [
        ("clause.answerable_territory", [("responsible", ["省地方政府"])])]
    # a regulated party's or a family's 主体责任 is accountability, no task
    assert names("家庭对婴幼儿照护负主体责任。") == []
    assert names("照护服务机构对婴幼儿的安全和健康负主要责任。") == []


def test_a_convention_declared_in_a_bracket_reads_the_brackets_only():
    # after jx-2020-liutong-xiaofei 一、 and 十七、 (shortened)
    from policykg.extract.clauses.conventions import apply_conventions, find_conventions
    text = ("推动融合。（省商务厅、省体育局按职责分工负责，列第一的为牵头单位，下同）培育企业。（省商务厅、省财政厅按职责分工负责）"
            "由各设区市人民政府确定具体执行部门，负责审批工作。")
    convs = find_conventions(text, "d")
    applied = apply_conventions(find_clauses(text, default_prefix="省"), convs, text)
    roles = [(r.value, [i.surface for i in items]) for a in applied for r, items in a.found.roles]
    assert ("lead", ["省商务厅"]) in roles and ("support", ["省财政厅"]) in roles
    assert ("responsible", ["各设区市人民政府"]) in roles
