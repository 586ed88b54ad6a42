"""Jurisdiction mechanisms the tenth development set needed (issue 12): each test quotes the real
sentence of a dev document (tests/gold/dev/docs/<doc id>.txt)."""

from policykg.extract.agencies.jurisdiction import DocPlace, classify, document_place
from policykg.extract.agencies.registry import default_registry
from policykg.extract.clauses.agency_list import named_place

CENTRAL = DocPlace("中央", "central", {}, None)
GUANGDONG = DocPlace("广东省", "provincial", {"省": "广东省"}, "省")


def test_a_class_of_cities_is_no_place():
    # samr-2021-huazhuangpin-shengchan: "设区的市级以上地方人民政府负责药品监督管理的部门"
    assert named_place("设区的市级以上地方人民政府负责药品监督管理的部门") is None
    # gd-2021-gonggong-shuju: "省和地级以上市公共数据主管部门"
    assert named_place("地级以上市公共数据主管部门") is None
    assert named_place("广州市发展改革委") == ("市", "广州市")


def test_a_word_before_sheng_is_no_province():
    # sd-2019-shuzi-shandong: "建设省大数据创新平台，支持大数据领域省级重点实验室…"
    assert named_place("建设省大数据创新平台") is None
    # jn-2021-kechuang-jinan: "对获得省科学技术最高奖的个人，给予每人300万元奖励"
    assert named_place("获得省科学技术最高奖的个人") is None
    assert named_place("山东省大数据局") == ("省", "山东省")


def test_a_verb_before_a_city_is_no_place():
    # qd-2024-rengong-zhineng: "拓展青岛市安全风险综合监测预警平台应用领域"
    assert named_place("拓展青岛市安全风险综合监测预警平台") is None


def test_a_regulation_promulgated_by_a_central_body_is_central():
    # mss-2022-jubao-jiangli opens: "# 公民举报危害国家安全行为奖励办法 / 2022年6月6日 中华人民共和国国家安全部令第2号公布"
    front = "# 公民举报危害国家安全行为奖励办法\n\n2022年6月6日 中华人民共和国国家安全部令第2号公布\n\n<!-- INFO END -->\n"
    assert document_place(None, "公民举报危害国家安全行为奖励办法", None, "第一条 为了鼓励公民举报…", front).central
    # samr-2022-tezhong-jiancha: "2022年5月26日 国家市场监督管理总局令第57号公布"
    front = "# 特种设备安全监督检查办法\n\n2022年5月26日 国家市场监督管理总局令第57号公布\n"
    assert document_place(None, "特种设备安全监督检查办法", None, "第一条 为了规范…", front).central
    # a city's own order (gz-2011-dixia-kongjian) stays the city's
    front = "广州市地下空间开发利用管理办法\n（2011 年 12 月 15 日广州市人民政府令第 61 号公布，\n"
    assert not document_place(None, "广州市地下空间开发利用管理办法", None, "第一条 为了…", front).central


def test_a_tiaoli_without_a_place_is_national():
    # gov-2024-guoling-775: "# 碳排放权交易管理暂行条例" with no promulgation line
    assert document_place(None, "碳排放权交易管理暂行条例", None, "第一条 为了规范碳排放权交易…",
                          "# 碳排放权交易管理暂行条例\n\n<!-- INFO END -->\n").central


def test_a_headless_provincial_plan_is_its_provinces():
    # sd-2019-shuzi-shandong: no head; "…加快推进数字山东建设…（省大数据局牵头，各有关部门配合）", 全省 throughout
    body = ("为贯彻落实《数字山东发展规划（2018-2022年）》，加快推进数字山东建设，制定本行动方案。"
            "完善应用“爱山东”APP。全面推广“山东通”APP。初步形成全省统一的政务服务支撑体系（省大数据局牵头，各有关部门配合）。")
    place = document_place(None, None, None, body, "")
    assert (place.jurisdiction, place.level, place.places.get("省")) == ("山东省", "provincial", "山东省")


def test_county_and_above_of_a_provincial_rule_are_the_provinces():
    # gd-2021-gonggong-shuju 第四条: "县级以上人民政府应当加强对公共数据管理工作的领导"
    assert classify("县级以上人民政府", GUANGDONG) == ("广东省", "collective")


def test_shichang_jiandu_guanli_bumen_is_a_kind_not_a_city_body():
    # gov-2021-guoling-737: "…市场监督管理部门…" in a State Council regulation
    assert classify("市场监督管理部门", CENTRAL) == ("中央", "category")


def test_each_citys_fagaiwei_stays_its_own():
    r = default_registry()
    ids = {j: r.resolve("市发展改革委", j).id for j in ("济南市", "青岛市", "深圳市")}
    assert len(set(ids.values())) == 3, ids
    assert r.resolve("省发展改革委", "山东省").jurisdiction == "山东省"
    assert r.resolve("省发展改革委", "广东省").jurisdiction == "广东省"
