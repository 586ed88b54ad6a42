"""Word lists the entity pattern rules use to find where a name starts and whether it names
anything at all. Plain data; the rules are in extract/entities/rules.py.

Chinese has no spaces, so a suffix rule ("…大学") must decide how far back the name reaches. The
rules stop at punctuation and at the end of an earlier entity, cut after a verb (支持/依托/会同 …),
strip function words and quantities off the front (和, 一批, 10家 …), and finally reject a name
made only of generic words (国家重点实验室, 高水平研究院, 商业银行): what is left after removing
generic words and place names must be a real name part (之江, 鹏城, 红树林).
"""

from __future__ import annotations

import re

from policykg.schema.vocabulary import vocabulary

# Verbs and connectives a name never contains: the name starts after the last one in its window.
CUT_WORDS = frozenset("""
支持 鼓励 依托 推动 推进 引进 引导 引入 加快 加强 加大 组建 成立 发挥 会同 协同 配合 牵头 培育 打造
吸引 设立 落户 依靠 借助 利用 开展 参与 承担 通过 促进 深化 完善 提升 布局 争取 面向 针对 带动 共建
携手 包括 以及 建立 实施 围绕 完成 加入 发起 参股 入驻 对接 联手 支撑 重点支持 大力支持 积极 进一步
着力 努力 全力 例如 比如 其中 同时 并且 或者 还有 协助 委托 邀请 推广 扶持 引领 做强 做大 壮大 聚集
集聚 汇聚 吸纳 孵化 新建 筹建 采用 使用 基于 助力 助推 强化 规范 允许 要求 督促 指导 整合 协调 动员
组织 探索 试点 健全 优化 提高 增强 扩大 拓展 拓宽 深入 落实 贯彻 普及 实现 确保 保障 满足 适应 结合
激发 建有 拥有 设有 具有 形成 共有 聚焦 瞄准 对标 建设 发展 加快建设 鼓励发展 部署
只有 建议 关于 简称 名称 序号 名单 如下 附件 申报 认定 评选 遴选 公布 命名 备案 组建 以下简称 下简称 除了 请求 批示 同意 要求 由于 其中 包含 推荐 认定 授予
查处 放开 处置 主办 承办 标称 按期 帮助 启动 创建 办好 开办 重组 建成 出席 采取 免费 做好 设置 扩建 充实 构建 成为 负责
解决 进行 搞好 检查 防止 参加 压缩 控制 拼凑 特别是 然后 再由 背叛 清理 规范 禁止
我县 我区 我省 我州 先后 隶属于 下属 送到 送至 报送 被 以上
用好 跻身 更多 新增
前往 来到 主要是 主要有
来自 抓好 登陆 登录 访问 作为 现有
一是 二是 三是 四是 五是 六是 七是 八是 九是 十是
现将 单位为 主体为 申请人为 更名为 变更为 改名为 登记为 审核
下达 报告 征求 发现 责成 符合 提交 准予 缴回 变更 申请 办理 分别是 是为
获批 新设 争创 争建 建强 建好 做实 投运 落地 列入 纳入 入列 升格 租用 释放 指出 进入 位于
受到 得到 受邀
""".split())
# (受到, 得到: 大赛受到新华网、中新网…的关注, a passive verb like 被, before its agent's name.)
# (来自: 数据来自县邮政公司, a source named after its verb; 抓好以天农公司为引领; 可登陆上海市…研究院网站;
# 作为天府新区大学科技创新园; 一是/二是: the ordinal that opens a point of a list of measures, 二是在
# 现有苏宁易购、贵农网等平台 — never a name's part. 现将 opens a notice's operative sentence: 现将霍州煤电集团…有限责任
# 公司等5家…进行公示; a role or a new name given by 为: 项目单位为秦晋天然气有限责任公司, （更名为四川…有限公司）;
# 审核, a verb like 检查: 共同审核运营公司对三个创新中心. A regulation's verbs before a body it names, or
# before 公司 as the word for any company: 下达中国储备粮管理总公司, 责成…, 征求…, 符合公司章程规定, 申请办理公司设立登记,
# 拟变更公司类型, 项目提交公司决议, 须缴回运营公司; 分别是源之王葡萄酒有限公司, 主要产品是为修正药业集团…. A work
# report's verbs of founding, winning and joining: 建好教育部重庆高等研究院, 争创国家实验室, 租用国家超级计算济南中心.)

# Single characters a name does not contain either: cut after the last one (竞争力的…, 软件等领域…).
# 对 is the preposition of 组织专家对霍州煤电集团有限责任公司…进行评定, 要对鞍山钢铁公司….
CUT_CHARS = "的等对"
# Words that hold a cut character and are name parts (山东高等技术研究院, 中等职业学校, 对外经济贸易
# 大学): a cut character inside one of them cuts nothing.
CUT_CHAR_WORDS = ("高等", "中等", "初等", "对外")
# Characters that end a clause's words right before a place that opens a name: the name starts
# at the place (可在 + 广东省高新技术企业协会, 统一送到 + 东莞市…协会). Only used when the
# trimmed body does not open with a place itself.
PLACE_OPENER_CHARS = frozenset("在于被到经与向由对为从将把")

# Words and characters stripped off the front of a name, repeatedly (after the cut).
LEAD_WORDS = frozenset(CUT_WORDS | set("""
重点 大力 继续 逐步 率先 优先 主动 加快建设 建设 联合 共同 和 与 及 或 由 对 为 在 向 将 把 是 从 于 以
等 的 了 并 且 也 还 则 其 各 该 此 这 我市 本市 全市 我国 国内外 海内外 国内 国外 部分 现有 已有 已
各地 各级 各类 各省 各市 各县 各区 全省 全区 全县 本省 本区 本县 当地 地方
相关 有关 其他 这些 一批 一些 若干 多家 多个 由于 按照 根据 依据 加快推进 加快发展
你 依法
""".split()))
# (你: 准予你公司注册…, a reply's addressee; 依法: 依法以境内公司股权出资.)
# A regulation's article number before its text (第八条 中国储备粮管理总公司具体负责…, 第二十一条 公司或者…):
# the view reads across the single space after it, so it is stripped off a name's front.
ARTICLE_NUMBER = re.compile(r"第[0-9一二三四五六七八九十百零〇]+条")
# Quantities in front of a kind noun: 10家, 一批, 222家, 两个, a range (1—2家) and an
# approximation (30家左右, 左右 alone when the count was cut off before it).
LEAD_QUANTITY = re.compile(r"(?:[0-9]{4}年度?|[0-9一二三四五六七八九十百千万两几多数]+(?:[-—–~至到][0-9一二三四五六七八九十百千万两]+)?"
                           r"[家个所批类项座支](?:左右)?|左右)")

# A line holding only this is a table cell of its own: a row number or a count (序号 1, 安置任务 1).
# The compact view joins the lines of a table typed one cell a line (an HTML page's one <p> a cell)
# as it joins a PDF's wrapped lines, so without this 丽水学院 + 1 + 事业 + 8 + 莲都区…中心 read as one
# name; a name never runs across such a line (finder.cell_breaks).
CELL_LINE = re.compile(r"(?m)^[ \t\u3000]*([0-9][0-9.\-–—~/:%]{0,11})[ \t\u3000]*\r?$")
# A whole line this short is no line a PDF wrapped because it was full: a table cell of a
# document typed one cell a line or a paragraph (机场空地、办公楼 / 4-10 / 机场集团, 浙江大学 / 丽水市
# 中心医院) or a heading; a name does not run on from it into the next line. (A first line is left
# alone: an excerpt may start mid-line, 完善多层次金 / 融机构体系.)
SHORT_LINE = re.compile(r"(?m)(?<=\n)[ \t]*([^\n]{1,12}?)[ \t]*\r?\n")

# 'former', before a place that opens a firm's earlier registered name (原东莞生益电子有限公司).
FORMER = "原"
# Stand-ins for a firm or body in a worked example or a form, not names: a lone capital letter
# right before the suffix (A公司、B公司 in a Q&A case), and 某 / XX anywhere in the name part
# (某公司, 某某科技有限公司, XX医院). rules.placeholder_name.
PLACEHOLDER_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
PLACEHOLDER_WORDS = ("某", "XX", "xx", "××", "ＸＸ")
# A count in front of a kind word, anywhere in a name's body: 10家, 一批, 三大, 百强. Numerals
# without such a word are part of a name (三一集团, 万科, 亿联网络).
QUANTITY = re.compile(r"[0-9一二三四五六七八九十百千万两几多数]+[家个所批类项座支大强张]|[一多数几]?批|各类|多家")
# (张: 算力“一张网”, a slogan's count, no site's name)
# Particles that make a phrase of a partner cue's slot (与韩国的科技双边合作): no name holds them.
PHRASE_PARTICLES = ("的",)
# List joiners: they separate names and never count as a name part.
LIST_JOINERS = "、和与及或"
# Middle dots that may stand inside a name between Chinese characters.
NAME_DOTS = "•·・"
# Kind nouns: a phrase ending with one is a kind, not a name (本地企业, 有关单位).
KIND_NOUNS = ("企业", "单位", "机构", "部门", "高校", "院校", "院所", "厂商", "公司", "集团")
# Characters of FUNCTION_END that also end names (北京协和医院, 太和医院, 人和公司): right before
# a suffix such a character is part of the name, unless what precedes it is a whole list item
# itself (an earlier name, a kind noun or suffix, or only generic words and places: 华为和公司,
# 企业和医院, 深圳市和学院), which makes it the conjunction (rules._name_ending_char).
NAME_END_CHARS = frozenset("和")

# A name never ends with these (the window ran into a conjunction or preposition).
FUNCTION_END = frozenset("和与及或的等对向在为将把从于以并")

# Place names: a head that makes 'place + kind' a name for universities (浙江大学, 中山大学), and
# a part that does not count as a name by itself for centres and labs (深圳中心).
_PROVINCES = """
北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南
四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门
""".split()
_CITIES = """
深圳 广州 杭州 南京 武汉 成都 西安 苏州 厦门 青岛 大连 宁波 合肥 长沙 郑州 济南 沈阳 哈尔滨 长春 昆明
贵阳 南宁 福州 南昌 太原 石家庄 兰州 东莞 佛山 珠海 中山 惠州 无锡 常州 温州 汕头 江门 湛江 肇庆 清远
韶关 河源 梅州 汕尾 潮州 揭阳 云浮 茂名 阳江 乌鲁木齐 呼和浩特 银川 西宁 拉萨 海口 三亚 鄂尔多斯
前海 南山 福田 罗湖 宝安 龙岗 龙华 坪山 光明 盐田 大鹏 蛇口 河套
""".split()
_REGIONS = """
中国 全国 粤港澳大湾区 大湾区 粤港澳 珠三角 珠江三角洲 长三角 京津冀 中原 华南 华东 华北 华中 西南 西北
东北 亚太 亚洲 欧洲 美国 日本 韩国 德国 英国 法国 金砖国家 深港 深莞惠 港澳 两岸
沙特 俄罗斯 新加坡 以色列 瑞典 芬兰 荷兰 意大利 加拿大 澳大利亚 印度 瑞士 丹麦 挪威 西班牙 巴西
""".split()
# Provinces as a firm's location before its name (安徽省淮北矿业…, 山西阳泉煤业…); municipalities
# and the special regions are left out, they are cities that name firms (上海船用曲轴公司).
PROVINCE_PREFIXES = tuple(
    p + s for p in _PROVINCES if p not in ("北京", "天津", "上海", "重庆", "香港", "澳门", "台湾") for s in ("省", "")
)
# A county: two or three characters and 县 (or …自治县). Cities and districts are listed in
# PLACES instead: '…市' and '…区' end too many common words (超市, 上市, 园区).
COUNTY = re.compile(r"[\u4e00-\u9fff]{2,6}?自治县|[\u4e00-\u9fff]{2,3}县(?!城(?!市)|域|级)")
PLACES = frozenset(
    _REGIONS
    + _PROVINCES
    + [p + s for p in _PROVINCES for s in ("省", "市", "自治区")]
    + _CITIES
    + [c + s for c in _CITIES for s in ("市", "区")]
)

# Descriptors that say what kind of body something is but not which one.
GENERIC_WORDS = frozenset("""
国家 国家级 省级 市级 区级 部级 重点 工程 技术 工程技术 企业 公共 高水平 高端 新型 一批 各类 数据 服务
研发 创新 产业 科技 研究 科研 国际 开放 联合 协同 共性 关键 应用 测试 检测 认证 实验 试验 示范 信息
信息化 网络 软件 智能 数字 先进 前沿 基础 综合 专业 行业 领域 城市 社区 街道 大型 地方 全市 我市 本市
若干 多家 相关 有关 其他 工业 商业 金融 新兴 未来 一流 知名 著名 世界 全球 国内 国外 海外 本地 重大
高校 院校 源头 区域 研究型 综合性 职业 经济 数字经济 发展 政策 战略 标准 计量 质量 安全 设计 制造 医学
医疗 健康 教育 文化 人才 培训 产学研 电子 通信 计算 平台 高等 中小 小微 骨干 龙头 领军 多层次 国创
上市 有限 股份 责任 控股 互联网 电信 投资 实业 国有 民营 外资 合资 报业 传媒 媒体 内容 证券
保险 基金 担保 租赁 运营 物流 贸易 零售 连锁 制造业 开发 村镇 网上 网络化 移动 无线 有线 宽带 通讯
广电 电视 互联 公司 集团 银行 大学 学院 中心 实验室 研究院 研究所 机构 单位 组织 体系 系统 工作 管理
监管 交易 商务 电商 消费 营销 品牌 供应链 建设 领域 相关 物联网 云计算 大数据 人工智能 区块链 超算 超级计算 计算机
集成电路 芯片 机器人 数字电视 传感器 智能终端 联盟 适配 验证 信创 治理 攻关 基地 载体 第三方 子 母 总 分
现代 校地 校企 合作 国际合作 现代农业 高性能 虚拟 线上 在线
独资 国有资本 资本 融资 担保 融资担保 小额 贷款 小额贷款 供电 供水 供热 燃气 自来水 热力 期货 信托 财务
典当 拍卖 理财 咨询 评估 代理 经纪 物业 置业 地产 房地产 施工 监理 勘察 运输 客运 货运 邮政 快递 水务
基金管理 资产管理 证券 保险 城投 融资租赁 商业 农村 城市 县级 市属 省属 央属 中央 地方国有 国有控股
区属 县属 镇属
""".split())
# (区属 县属 镇属: 区属国有平台公司 is a kind of firm, like 市属公司.)
# A national centre's name opens with this and ends with its city: 国家超级计算天津中心; or with the
# part of the country it serves (国家健康医疗大数据北方中心).
NATIONAL = "国家"
NATIONAL_CENTRE_REGIONS = ("北方", "南方", "东部", "西部", "中部", "东北", "西北", "西南", "华东", "华南", "华北", "华中")
# A national key lab is named by the field before its designation (高效能服务器和存储技术国家重点实验室,
# 高端服务器系统全国重点实验室); 和 and 与 inside the field are part of it.
KEY_LAB = re.compile(r"(?:国家|全国)重点实验室")
# How a national institute's name opens (中国信息通信研究院, 国家工业信息安全发展研究中心).
NATIONAL_HEADS = ("中国", "国家")

# Industries and sectors: a list item made of these (钢铁、石化等企业, 汽车、家电等行业龙头企业) names
# a kind of firm, not a firm.
SECTOR_WORDS = frozenset("""
钢铁 石化 化工 石油 化学 汽车 家电 电子 电力 电气 纺织 服装 医药 生物 生物医药 制药 建材 有色 机械 装备
船舶 航空 航天 轨道交通 交通 新能源 新材料 能源 煤炭 矿业 冶金 轻工 食品 农业 林业 渔业 畜牧 金融 证券
保险 通信 软件 硬件 半导体 光电 光伏 风电 核电 水电 电池 储能 材料 仪器 仪表 家居 家具 旅游 文旅 餐饮
养殖 种植 畜禽 住宿 房地产 建筑 物业 医疗器械 器械 环保 节能 水务 燃气 电网 烟草 印刷 出版 造纸 橡胶 塑料 玻璃 陶瓷
五金 模具 机床 汽车零部件 零部件 整车 新能源汽车 无人机 工业 制造 服务 商贸 外贸 电商 游戏 动漫 影视
软件和信息服务 信息服务 集成电路 芯片 显示 面板 终端 机器人 智能制造 数字 互联网 平台 中小 大型 国有
民营 外资 重点 骨干 龙头 领军 优势 特色 本地 本土 当地 知名 大中型 中小型 规模以上 高新技术 科技型
专精特新 独角兽 瞪羚 上市 拟上市 创新型 配套 上下游 产业链 链主
""".split())

# A university's short form: a place or region and one of these (西南交大, 上海交大, 中国科大, 华东师大):
# the usual short names of 交通大学, 科技大学, 师范大学, 工业大学 … (rules.university_short_hits).
UNIVERSITY_SHORT_TAILS = ("交大", "科大", "师大", "工大", "农大", "医大", "财大", "理工大", "海大", "政法大")
# Characters after such a form that make it part of another word (师大学, 工大型, 科大讯飞 is a firm).
UNIVERSITY_SHORT_VETO_NEXT = ("学", "型", "省", "国", "力", "量", "讯飞", "幅", "规模")

# Universities are often named by discipline (电子科技大学, 信息工程大学), so only these modifiers
# make '…大学' generic (一流大学, 研究型大学, 各类高校).
UNIVERSITY_GENERIC = frozenset("""
世界 一流 世界一流 高水平 研究型 重点 著名 知名 国内外 国内 国外 海外 各类 各 高等 综合性 本地 地方 相关
有关 其他 一批 若干 多所 部分 职业 技术 职业技术 高职 应用型 应用 应用研究型 新型 开放 老年 大 小 中
函授 夜 电视 广播电视 行政 干部 管理干部 教师进修 进修 正规 直属 教育部直属 师范 首先是 本科 职业本科
""".split())

# How a central ministry's or agency's name ends (自然资源部, 住房和城乡建设部, 中国气象局, 国家发展和改革
# 委员会, 海关总署): the institutes it runs are named after it (住房和城乡建设部科技与产业化发展中心,
# 中国气象局公共气象服务中心: rules._ministry_head).
MINISTRY_END = ("部", "局", "委员会", "署")
# Agency names end like this; '…委员会与上海交通大学' lists an agency, then a university. The
# words are vocabulary.toml's [agency] entity_suffixes (a subset of its agency endings).
AGENCY_SUFFIXES = tuple(vocabulary().agency.entity_suffixes)

# What a centre's name part must not be made of alone (航运中心, 世界旅游休闲中心, 疾控中心, 这个中心):
# kinds of service, roles of a city, and pronouns. Counted as generic by the centre rule only.
CENTRE_KIND_WORDS = frozenset("""
航运 旅游 休闲 娱乐 健身 招商 引才 招商引才 食品 熟制 疾控 综治 卫生 救援 紧急 情报 这个 科学 医学 质检 重要 技术开发
实验 贸易 文体 体育 会展 医疗 养老 托育 就业 人才 社区 乡镇 基层 世界 国际 区域 全国
销售 采购 资财 财务 结算 共享 风险管理 科创 科技创新 城管 智慧城管 知识产权 保护
会议
""".split())
# (会议: 会议中心 is a venue among a park's facilities, 会议中心、人才公寓、健身中心.)
# (the line before: a firm's functional units, 设立…资财中心、销售中心、采购中心等功能性机构, and a city's
# roles, 风险管理中心, 科创中心, and government functions: 智慧城管中心 is a city's unit)

# Government service functions: a centre named by one of them alone, after a place, a bare
# 省/市/县/区 or nothing (广州市医保中心, 公积金分中心, 市社保中心, 区政务服务中心), is a government's own
# public-service unit, an agency, never an institution (rules._government_centre). 分 is the
# branch (公积金分中心).
GOVERNMENT_CENTRE_WORDS = frozenset("""
医保 医疗保障 社保 社会保险 社会保障 劳动保障 公积金 住房公积金 政务 政务服务 行政服务 市民服务 便民服务
党群服务 不动产登记 公共资源交易 疾控 疾病预防控制 卫生监督 就业 就业服务 劳动就业 人才交流 人才服务 信访
征地 房屋征收 税务 医保经办 经办 事务 城运 网格 应急指挥 指挥 热线 分
""".split())

# Centres that are facilities: not institutions unless a known company or institution heads the
# name (深圳电信龙岗数据运营中心, 深圳移动中心区生产调度中心 are named; 广州市数据中心 is a kind).
FACILITY_CENTRES = (
    "数据中心", "运营中心", "调度中心", "灾备中心", "备份中心", "呼叫中心", "服务中心", "交换中心",
    "体验中心", "社康中心", "文体中心", "文献中心", "金融中心", "计算中心", "超算中心", "交易中心",
    "控制中心", "指挥中心", "监控中心", "物流中心", "购物中心", "商务中心", "会展中心", "展览中心",
    "培训中心", "活动中心", "资源中心", "配送中心", "结算中心", "客服中心", "分拨中心", "档案中心",
    "为中心", "业务中心", "城市中心", "负荷中心", "登记中心", "受理中心", "审批中心", "政务中心", "办事中心",
    "监测中心", "调解中心", "救助中心", "指导中心", "保障中心", "储备中心", "配置中心", "算力中心", "智算中心",
    "管理中心", "城管中心", "国家科学中心",
)
# (国家科学中心: 张江综合性国家科学中心 is a designation given to a zone, not a body)

# Computing centres a place names (山东云计算中心, 上海超级计算中心, like 深圳云计算中心): one body each,
# not the facility type 数据中心 / 计算中心 (rules._place_named_facility).
NAMED_FACILITY_FIELDS = ("超级计算", "云计算", "超算", "计算")
# (计算: a province's or city's computing centre is one institute, 广东省计算中心, 山东省计算中心.)
# A data centre named by the field of science whose data it keeps (寒区旱区科学数据中心, 国家地球系统科学
# 数据中心): one body, named by its field; 科学数据中心 alone is a kind.
SCIENCE_DATA_CENTRE = "科学数据中心"
# A national innovation centre is named by its field (国家集成电路创新中心, 国家智能传感器创新中心);
# with designation words only (国家技术创新中心, 国家制造业创新中心) it is a class.
NATIONAL_FIELD_CENTRE_END = "创新"

# A numeral slogan (一基地两平台三中心, 三中心一平台): a programme's label, no body's name.
NUMERAL_SLOGAN = re.compile(r"[一二三四五六七八九十两][\u4e00-\u9fff]{1,3}[一二三四五六七八九十两]")

# Academies named by their country or region only (中国工程院, 广东省科学院, 中国农业科学院):
# a person's name before one is a list of experts (邓秀新 工程院副院长).
PLACE_HEADED_ACADEMIES = ("科学院", "工程院")
# Suffixes, longest first so 研究院 is tried before 学院 would see 究院.
# Company forms with a parenthesised part of the registered name: 太原钢铁（集团）有限公司.
PAREN_NAME_PARTS = ("集团", "控股", "中国", "股份")
PAREN_COMPANY_SUFFIXES = tuple(f"({inner}){tail}" for inner in PAREN_NAME_PARTS
                               for tail in ("股份有限公司", "有限责任公司", "有限公司", "公司"))
# 研究总院 / 设计总院: a head institute (中国市政工程华北设计研究总院). 规划院 / 设计院 / 测绘院 / 勘察院: planning, design and survey institutes (中国国土勘测规划院, 中国建筑设计院), named by a
# field or a place and field like a 研究院.
INSTITUTION_SUFFIXES = ("研究生院", "研究总院", "研究院", "研究所", "实验室", "科学院", "工程院", "大学", "学院", "中心",
                        "联盟", "医院", "协会", "学会", "研究会", "促进会", "联合会", "规划院", "设计总院", "设计院", "测绘院", "勘察院", "勘测院", "分院",
                        "研院", "图书馆")
# …研院 is a 研究院's short form (工研院 = 工业技术研究院, 先研院 = 先进技术研究院, 产研院): one or two
# characters of its field before it, after a known body (哈工大先研院), a bare 省/市 or a place.
SHORT_ACADEMY_SUFFIX = "研院"
# 全国 before a centre's or lab's field names a nationwide series (全国高校区域技术转移转化中心,
# 全国重点实验室), not one body; standards committees (全国…标准化技术委员会) have their own rule.
NATION_SERIES_HEAD = "全国"
NATION_SERIES_SUFFIXES = ("中心", "实验室")
# Designations a hospital or university holds, written right after its name (中山医院国家医学中心
# 青浦院区): no second body.
HELD_DESIGNATIONS = ("国家医学中心", "国家区域医疗中心", "区域医疗中心", "国家临床医学研究中心", "中医药传承创新中心")
DESIGNATION_HOLDERS = ("医院", "大学", "学院")
# Administrative level characters ending a place (广州市, 江西省): 广州市实验室 names a kind.
ADMIN_LEVEL_ENDS = ("省", "市", "区", "县", "镇", "乡", "村")  # not 州: 广州, 郑州 are bare names
# A branch academy (中国科学院上海分院) is named only after the known body it belongs to.
HEADED_ONLY_SUFFIXES = ("分院",)
# Verbs that are also words of registered company names (…科技发展有限公司, …城市建设投资…).
# (保障: 青岛军合社会保障化配送有限公司, …后勤保障服务有限公司.)
NAME_VERBS = frozenset("发展 建设 开发 投资 服务 管理 经营 运营 创新 设计 规划 咨询 推广 贸易 制造 实业 控股 孵化 培育 协同 保障".split())
# Verbs that are a name's last word right before its suffix (生产力促进中心, 技术创新促进中心: a promotion
# centre): there they cut nothing, elsewhere in the window they still do (支持 + 深圳市生产力促进中心).
SUFFIX_NAME_VERBS = {"中心": ("促进",)}
# How far back a registered name may reach before its company form (柳河县城市建设投资 + 有限公司).
REGISTERED_MAX_LEN = 16
# How many name characters may stand before a known short name that heads a registered name,
# after a list mark (、国泰 + 新点软件股份有限公司: rules._registered_front).
REGISTERED_FRONT_MAX = 4
# A unified social credit code (统一社会信用代码, GB 32100: 18 characters, the registering authority
# first) of a market entity: 9 is the market regulator's register, 1 a firm, 2 an individual business,
# 3 a farmers' cooperative. Lists of suppliers, penalties and 公示 write it right after the entity's
# name, as the next cell or after a label (湛江市霞山区巨龙数码喷绘部 / 92440803MA4WRDGC6X; …公司，统一社会
# 信用码91510681620885583F): the name before it is a firm's, whatever its last word (…部, …店, …厂).
# Codes of bodies on other registers (1 机构编制, 5 民政) name no firm.
# Read on the compact view, whose marks are folded to ASCII (，→ , ：→ :).
CREDIT_CODE = re.compile(r"(?<![0-9A-Za-z])(?:(?:统一)?社会信用代?码:?)?9[123][0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])")
# What may stand between a name and its code: nothing (the next cell), a comma, a bracket or a space.
CREDIT_CODE_SEPARATORS = ",(: "
# The longest name a credit code is read back to (a registered name with its place and county).
CREDIT_CODE_NAME_MAX = 30
# Words of the person or place columns a record may put between the name and the code (法定代表人：
# 张三，统一社会信用代码…): a name that holds one, or comes right after one, is no firm's.
CREDIT_CODE_NAME_VETO = ("代表人", "负责人", "经营者", "法人", "地址", "住所")
# The registered forms of a company name (the place in front is part of the registered name).
# A limited partnership is registered as its name and （有限合伙） (北京…规划研究（有限合伙）,
# …投资合伙企业（有限合伙）): a firm, the bracket part of its name.
PARTNERSHIP_SUFFIX = "(有限合伙)"
REGISTERED_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", PARTNERSHIP_SUFFIX,
                       *(s for s in PAREN_COMPANY_SUFFIXES if s.endswith(("有限公司", "有限责任公司"))))
# What a firm's name part (before 公司 / 集团 / 集团公司 / 股份, no place in front) must not be made
# of alone, besides generic and sector words: kinds of firm (跨国公司, 挂牌公司, 商业保理公司,
# 政府性融资担保公司, 新能源车辆销售公司) and groups that are no firms (二十国集团, 苏联领导集团).
FIRM_KIND_WORDS = frozenset("""
跨国 挂牌 招商 承包 工程承包 保理 商业保理 销售 车辆 经纪 保险经纪 政府性 全国性 地方性 领导 外商 辖区 大公司 大企业
企业 大型 特大型 中型 小型 二十国 七国 八国 流氓 犯罪 黑社会 利益 统治 资产管理 金融资产管理 综合开发 专业 新型
境外 子 所属 实体性 行政性 竞争性 社会 军事 控股 国家控股 进出口 工贸 融资平台 平台 经营者 中介 小贷 小额贷款
境内 境内外 再保险 区县 市县 省市 市场化 项目
""".split())
# What a cooperative's name part must not be made of alone, besides the firm kinds: the kinds of
# cooperative (农民专业合作社, 现代农机专业合作社, 供销合作社, 信用合作社, 村级股份经济合作社 are classes).
COOPERATIVE_KIND_WORDS = frozenset("""
农民 农机 农业 种植 养殖 供销 信用 集体 村级 股份经济 经济 土地 乡镇 村 专业 股份 联合 合作 消费 生产 手工业 住房
""".split())
# What a group's name never ends with right before 集团: countries (七十七国集团, 20国集团) and
# political or military blocs (苏联领导集团, 反党集团, 军事集团).
GROUP_VETO_PREV = ("国", "领导", "反党", "阴谋", "军事", "利益")
# A kind word after a known company that names the same company (南方电网公司, 海尔集团).
SAME_FIRM_SUFFIXES = ("公司", "集团", "集团公司")
# A bank's branch (中信银行丽水分行, 工商银行深圳分行): a firm as written, named only after a known
# bank (省分行, 各支行 name none); 中心支行 of the central bank is the agency registry's.
BRANCH_SUFFIXES = ("分行", "支行")
# A cooperative (…专业合作社, …经济合作社) is a firm (the gold's rule: 映山红苹果种植专业合作社, a village's
# 民星经济合作社 as a project unit); with kind words only (农民专业合作社, 农机合作社) it is a class.
COOPERATIVE_SUFFIX = "合作社"
# How far back a cooperative's name may reach: it carries its place down to the village
# (上海崇明区横沙乡民星经济 + 合作社).
COOPERATIVE_MAX_LEN = 16
# A cooperative is named by a brand word and its product (映山红 + 苹果, 润泽 + 苗木, 民星 + a village): at
# least this many name characters are left once place, kind and sector words are taken out; a crop
# alone before 种植合作社 (葡萄种植合作社, 大榛子种植合作社, 米业合作社) names a class.
COOPERATIVE_MIN_NAME = 4
COMPANY_SUFFIXES = (*PAREN_COMPANY_SUFFIXES, PARTNERSHIP_SUFFIX, "股份有限公司", "有限责任公司", "有限公司", "集团公司", "公司",
                    "集团", "银行", *BRANCH_SUFFIXES, "股份", "交易中心", "清算所",
                    "电视台", "交易所", "厂", COOPERATIVE_SUFFIX, "出版社")
# (出版社: a publisher is a firm since the press reform, 清华大学出版社 one with its university at its
# head; 大学出版社, 各出版社 are kinds, left by the generic-word test.)
# A bare administrative character opening a name (市城投公司, 省铁塔分公司, 市体彩中心): the
# document's own government's body, written without the place. Before 公司 / 集团 it is that
# government's firm, named by a short form that may be generic words (城投, 文旅, 演艺); before
# 中心 it is a public-service unit of the government (市建筑工程施工管理中心, 镇城运中心), an
# agency, never an institution.
ADMIN_FIRM_CHARS = "省市县区"
ADMIN_UNIT_CHARS = "省市县区镇"
ADMIN_FIRM_SUFFIXES = ("公司", "集团", "集团公司")
# What follows the bare character when it names no firm: 市属公司, 市级公司, 市场化公司, 区县公司,
# 市国有公司 (a kind), 市内公司.
ADMIN_FIRM_REST_VETO = ("属", "级", "直", "场", "内", "外", "区", "县", "镇", "国有", "国资", "有关", "相关", "其他",
                        "重点", "大型", "骨干", "龙头", "上市", "民营", "外资", "各", "管", "里", "委", "政府")

# Kinds named by a place at their head and a descriptor after it (大连船用柴油机厂, 大连商品交易所,
# 上海证券交易所); without the place (产权交易所, 坑口电厂) the phrase is a kind.
PLACE_HEADED_COMPANY = ("交易所", "交易中心", "厂")
# A trading centre is a trading market (a firm: 中国外汇交易中心, 鲁南技术产权交易中心) unless a
# government runs it: public-resource, property-registration and land trading are agencies' work.
TRADING_CENTRE_VETO = ("公共资源", "房地产", "不动产", "土地", "政务", "人才", "技术市场")
# What a factory's descriptor must not end with: 电厂 / 发电厂 / 热电厂 are plant types.
FACTORY_KIND_END = ("电", "工", "分", "总", "本", "新", "老", "全", "该", "各")
# Kinds named by a place alone, like a bank (苏州银行): 深圳电视台, 蛇口电视台. Any other body
# (有线广播电视台, 网络电视台) is a kind, not a name.
PLACE_NAMED_COMPANY = ("银行", "电视台", "清算所")
# Alliances are named by their region (深圳云计算产业联盟, 中国人工智能产业发展联盟); without one
# (物联网产业联盟, 数字家庭产业联盟, 产业技术标准联盟) the phrase is a kind.
PLACE_NAMED_INSTITUTION = ("联盟", "医院", "协会", "学会", "研究会", "促进会", "联合会", "图书馆")
# A public library is a named facility that is no agency (上海市长宁区图书馆), named by its place and
# district; 公共图书馆, 数字图书馆, 社区图书馆, 深圳图书馆's bare city are kinds or too short to tell.
# Hospitals and societies are named the same way (深圳市人民医院, 中国互联网协会,
# 深圳市软件行业协会); without a place (行业协会, 定点医院, 智慧医院, 学会使用) the phrase is a kind
# or no name at all. An association of science and technology (科学技术协会, a 科协) is a people's
# organisation the agency registry holds: never an institution.
# 研究会 / 促进会 are societies too (中国城市科学研究会, 中国技术市场促进会), named by their place.
# A city's or county's own hospital is named by its kind after the bare 市/县/区 (市人民医院, 县中医院,
# 区妇幼保健院 is a 院): the document's place is left out as with 市城投公司. Only these kinds:
# 市级医院 and 市定点医院 are levels and classes. A system's general hospital (油田总医院, 解放军总医院)
# is named by the system before 总 (rules._named_hospital).
HOSPITAL_KIND_NAMES = frozenset("""
人民 中 中医 中西医结合 妇幼保健 妇女儿童 儿童 肿瘤 传染病 精神卫生 精神病 口腔 眼科 胸科 骨科 康复 老年病
第一人民 第二人民 第三人民 第四人民 第五人民 第六人民 第七人民 第八人民 第九人民 第十人民 第一 第二 第三 第四 第五
中心 人民中心
""".split())
HOSPITAL_ADMIN_CHARS = "省市县区"
GENERAL_HOSPITAL_MARK = "总"
# Collective words right before such a bare 市/县 make it a class (各县人民医院, 每个县中医院).
COLLECTIVE_WORDS = ("各", "每个", "每", "所有", "全部", "各类", "各种", "各个")
# 联合会 is a federation (香港工会联合会, 中国电子信息行业联合会), named by its place like a 协会; the
# mainland people's organisations called 联合会 (妇联, 工商联, 残联, 文联, 侨联, 青联, 社科联) act
# as government-side bodies, like a 科协, and are never institutions.
ASSOCIATION_SUFFIXES = ("协会", "学会", "研究会", "促进会", "联合会")
AGENCY_LIKE_ASSOCIATIONS = ("科学技术协会", "妇女联合会", "工商业联合会", "工商联合会", "残疾人联合会", "文学艺术界联合会",
                            "文学艺术联合会", "归国华侨联合会", "青年联合会", "社会科学界联合会", "社会科学联合会")

# A standards committee (a standards body: an institution by the gold's rule), named by 全国, a
# ministry or a place before its field: 全国信息技术标准化技术委员会, 住房和城乡建设部市容环境卫生标准化
# 技术委员会, and the cut form 标准技术委 a drafting list may print. 国家标准化管理委员会 (标准委) is an
# agency: a committee's suffix here has 技术 in it.
STANDARDS_BODY = re.compile(r"标准化?技术(?:委员会|委(?!托|员))|标准化?技术工作组")
# How a standards committee's name opens: a national head, or a ministry's name (…部) within it.
STANDARDS_BODY_HEADS = ("全国", "中国", "国家")
STANDARDS_BODY_MAX = 26
# A hospital's campus (新华医院奉贤院区): the hospital and the campus are one institution as written;
# a hospital with a campus is a named one, whatever its name part (no place needed).
HOSPITAL_CAMPUS = re.compile(r"医院(?P<campus>[\u4e00-\u9fff]{2,4}?院区)")

# What follows a list item when the list is of places (嘉定、临港、奉贤、浦东金桥等区域, …等地): a
# name-list firm whose short name is also a place's (浦东金桥, a stock short name) is the place
# there, and lends no firm type to its neighbours. 等地区总部 (regional headquarters) is firms'.
PLACE_LIST_TAIL = re.compile(
    r"(?:[、和及与][\u4e00-\u9fffA-Za-z0-9]{1,10}?)*等(?:周边|重点|其他|相关)?"
    r"(?:区域|地区|区县|城区|片区|新城|城市|地市|省市|乡镇|街镇|街道|地方|地)(?!总部|性)")

# The telecom operators written bare (移动、电信和联通三家, 含移动、联通、电信三家): a list made only of
# these names the three operators (their registry entries); one alone, or beside other words (电信、
# 移动通信, 电信、广播、电视), is the sector (rules.operator_list_hits).
OPERATOR_SHORT_NAMES = {"移动": "中国移动", "电信": "中国电信", "联通": "中国联通"}
_OPERATOR = "|".join(OPERATOR_SHORT_NAMES)
OPERATOR_LIST = re.compile(
    rf"(?<!、)(?:{_OPERATOR})(?:(?:、|和|与|及)(?:{_OPERATOR}))+"
    r"(?=[0-9一二两三四五]+家|等|运营商|公司|集团|[,。;:)(]|$)")
# What may stand right before such a list besides a mark: the verb that opens it.
OPERATOR_LIST_OPENERS = ("来自", "含", "包括", "包含", "由", "与", "和", "及", "同", "以及")

# Government bodies whose names look like a bank or an institution. They belong in the agency
# registry; nothing inside them (or equal to them) is a company or institution.
STATE_BODIES = ("中国人民银行", "人民银行", "央行")

# Characters right after a suffix that show it is part of a longer common word.
SUFFIX_VETO_NEXT = {
    "联盟": ("链", "成员", "国"),
    # 各单位联合会签, 联合会同, 联合会商: 联合 + a verb, no federation.
    "联合会": ("签", "同", "商", "审", "诊", "办", "议", "见", "战", "谈", "演", "展", "考", "计", "务", "聚"),
    "电视台": ("网",),
    # 就业人口中大学（大专及以上）文化程度: 大学 as a level of schooling, no university.
    "大学": ("城", "生", "科技园", "科技创新园", "科创园", "园", "毕业", "前", "校", "(大专", "(本科", "专科", "本科", "学历", "文化程度"),
    "学院": ("派", "式"),
    "研院": ("所", "校"),  # 科研院所, 科研院校: research bodies as a kind
    "中心": ("区", "城", "镇", "支行", "站", "温度", "环节", "任务", "工作", "地位", "路", "街", "大道", "公园", "广场",
             # 公办中心幼儿园, 中心小学, 中心卫生院: a kind of school or clinic, 中心 its rank
             "幼儿园", "小学", "学校", "卫生院"),
    "银行": ("业", "卡", "间", "账", "结算", "系统", "机构", "保险"),
    "集团": ("化", "军"),
    "公司": ("债", "制", "法", "化", "治理"),
    "股份": ("制", "有限", "合作", "转让", "比例", "投资", "公司"),
    "厂": ("商", "区", "房", "家", "长", "矿", "址", "网", "内", "外", "级"),
    "交易所": ("市场",),
}

# A firm's title before its name (国家高新科技企业 + 中溢集团…, 省级龙头企业 + …): the name starts
# after the title's 企业. Only titles: 企业 itself is a name part of 企业管理有限公司 and the like.
ENTERPRISE_TITLE = re.compile(
    "(?:高新技术|高新科技|高科技|龙头|骨干|领军|重点|专精特新|小巨人|科技型|创新型|规上|规模以上|上市)企业")
# Park words in front of a firm's name (经济开发区 + 中溢科技公司): the park is where the firm is.
# Cut only when a name part is left after it (苏州工业园区建设公司 keeps the park: 建设 is generic).
PARK_PREFIXES = ("经济技术开发区", "高新技术产业开发区", "经济开发区", "开发区", "高新区", "工业园区", "产业园区")
# Bracket notes after a university that are no campus (rules.campus_hits): 康复大学（筹）is
# too short anyway; these are two or three characters.
CAMPUS_VETO = frozenset("筹建 筹备 试行 暂行 草案 下同 省属 部属 部分 新建 试点 简称 全称 在建".split())
# A kind noun, then a verb that opens the list of its members: the first item starts after it
# (山葡萄酒企业有 + 雪兰山、华龙…). Not 公司/集团: 集团有限公司 is a registered form.
KIND_THEN_LIST = re.compile("(?:企业|单位|机构|高校|院校|院所|厂商|品牌)(?:有|如|像)")
# Enumerations ending like this list companies ('…、…等龙头企业', '…等钢铁企业', '…等8家企业') or institutions
# ('…等高校', '…等科研院所').
ENUM_INSTITUTION_KINDS = ("高校", "高等院校", "院校", "科研院所", "院所", "科研机构", "研究机构", "大学", "研究院所")
ENUM_CUE = re.compile(r"等(?:[\u4e00-\u9fff0-9]{0,12}?)(?P<kind>企业|公司|厂商|集团|高等院校|高校|科研院所|研究院所|院所|科研机构|研究机构|外企|央企|民企|国企|车企|药企|首店|旗舰店|电商平台|电子商务平台|媒体)")
# (首店, 旗舰店: 麦当劳、小米汽车等一批旗舰店、首店纷纷落地 lists the brands whose stores open; 电商平台:
# 阿里巴巴、京东、电商云等知名电商平台 lists named platforms, companies by the gold's rule.)
# (媒体: 新华网、中新网、人民网、科技日报等多家媒体 lists news outlets, firms by the gold's rule; only with a
# known site or firm among the items, ANCHORED_ONLY_KINDS: 电视、报纸等传统媒体 lists kinds.)
ANCHORED_ONLY_KINDS = ("媒体",)
# '以甲、乙为代表的…企业': the same list, written with 以…为代表.
REPRESENTED_CUE = re.compile(
    r"为(?:主要)?代表的?(?P<mod>[\u4e00-\u9fff]{0,8}?)(?P<kind>企业|公司|厂商|集团|高等院校|高校|科研院所|研究院所|院所|科研机构|研究机构)")
# A count of firms followed by their names in brackets (上市企业1家（紫鑫药业）, 国家级龙头企业2家（A、B）):
# the bracket lists the firms counted (rules.counted_bracket_hits).
COUNTED_BRACKET = re.compile(
    r"(?:企业|公司)[0-9一二三四五六七八九十两]+[家户个]\((?P<items>[^()，。；,;:：0-9]{2,40})\)")
# A count of medical bodies followed by their names in brackets (民营医疗机构14个（红十字会医院、…、泰康老年护理院）,
# 县直卫生健康单位6个（人民医院、中医院、疾病预防控制中心…）): a register, each item one body
# (rules.counted_facility_hits). Only the opening: the bracket may hold a bracket (…服务中心（妇保院）).
COUNTED_FACILITY_OPEN = re.compile(r"(?:机构|单位|医院|网点|诊所)[0-9一二三四五六七八九十百两]+[家个所]\(")
# The kinds of medical facility such an item ends with, and the words that make its name part a
# class, not a name (中心卫生院, 普通卫生院, 民营医院).
COUNTED_FACILITY_SUFFIXES = ("医院", "护理院", "卫生院", "诊所", "门诊部", "体检中心")
HOSPITAL_CLASS_WORDS = frozenset("""
民营 公立 私立 定点 普通 一级 二级 三级 甲等 乙等 专科 乡镇 社区 村 街道 中心 分 其他 各类 基层
""".split())
# A list of investments named by their investors (较大项目有：投资达11亿元的虹发铝型材、投资10亿元的帛士数码、
# 投资达1.2亿元的阿里巴巴农村淘宝等): each item is 投资 + a sum + 的 + the firm (rules.invested_list_hits).
INVESTED_ITEM = re.compile(r"投资(?:达|约|超|近)?[0-9.]+(?:亿|万)?元的(?P<x>[\u4e00-\u9fffA-Za-z0-9]{2,10}?)(?=、|等|,|。|;|$)")
# How such a bracket opens when it breaks the count down instead (企业55户（其中生产企业27户…）).
COUNTED_BRACKET_VETO = ("其中", "含", "包括", "主要")
# What follows the kind word when it is part of a longer term, not the list's type (环境保护、节能
# 节水等企业所得税, 工矿企业、商店等企业事业单位).
ENUM_KIND_VETO_NEXT = ("所得税", "事业")
# Verbs right before a list that make its items products (转型生产口罩、防护服等企业).
PRODUCT_VERBS = ("生产", "制造", "销售", "加工", "经营")
# Kind words after a list's 等 that make its items products, projects or results, not firms
# (奇瑞乘用车技改、中创新航动力电池等项目; 牛羊肉、雪花粉、小米等绿色农畜产品品牌; 手撕钢、T1000碳纤维等新
# 技术新产品; 淋巴瘤新药等有分量科技成果): no item of such a list is a firm's list sibling.
PRODUCT_LIST_KINDS = ("项目", "产品", "品牌", "成果", "工程", "技术", "装备", "药物", "新药")
# How the last item of a list ends when it is itself a project (…谷实公司生猪养殖项目等带动): then
# every item is a project, and none is a firm's list sibling.
PROJECT_ITEM_ENDS = ("项目", "工程")
# A sector word or a province before these is a state firm's short form when a list of firms
# holds it (能源集团、大数据集团、民航集团等一批企业; 海垦集团、海南控股).
SECTOR_GROUP_SUFFIXES = ("集团", "控股")
# Heads of a frontier technology's name (类脑智能, 具身智能, 量子信息): after a narrowing word,
# listed beside known technologies, the item is a technology (rules.technology_sibling_hits).
# Not 科技: 量子科技 is a field of science and industry (the gold sets disagree on it: _4 no, _6 yes).
TECH_SIBLING_HEADS = ("智能", "信息")
# Short kind words for firms (央企, 外企, 车企): after a list's 等 they type its items as firms.
FIRM_KIND_SHORT = ("外企", "央企", "民企", "国企", "车企", "药企")
# Kinds that type a list's items as state firms (华润、招商局、国投等央企): there a name ending in
# 局 is a firm's (招商局, 中铁十局), not a bureau's (rules._bureau_firm).
STATE_FIRM_KINDS = ("央企", "国企")
BUREAU_FIRM_END = "局"
# The Chinese tail of a Latin-with-digit token that names a product, line or model, not a brand
# (T1000碳纤维, PB2新药, 麒麟V11操作系统, R1线先行段).
LATIN_PRODUCT_TAILS = ("药", "系统", "纤维", "材料", "芯片", "线", "段", "号", "机组", "型", "工程", "项目", "装置",
                       "疫苗", "电池", "钢")
# Words between 等 and the kind that say the items are industries or kinds, not names
# (电子信息、生物医药等行业龙头企业, 汽车、家电等领域企业).
ENUM_SECTOR_MODIFIERS = ("生产", "原材料", "所有制", "公有制", "困难", "基地", "方式", "措施", "手段", "途径",
                         "行业", "产业", "领域", "类", "方面", "方向", "环节", "类型", "业态", "板块", "应用", "服务",
                         "业务", "技术", "产品", "模式", "形式")
# Company categories that are products or platforms of a firm (companies.toml): what is listed
# beside them is other products and channels.
PLATFORM_CATEGORIES = ("payment", "social_platform", "transit_card", "ecommerce_platform", "news_portal",
                       "saas_platform", "travel_platform", "digital_music", "internet_video", "trading_hub")
# Marks that open a list item: what stands before the first item of a list.
LIST_OPENERS = "、，,：:；;(（“\"《 "
# Where a list item after a known company ends: the next joiner or clause mark.
SIBLING_END = re.compile(r"[、，。；：,;:]|与|和|及|等|\(")
# A list item that is itself a kind noun, not a name.
ENUM_ITEM_KIND = re.compile(
    r"(企业|工商户|农户|主体|商店|厂|公司|机构|行业|产业|部门|单位|平台|协会|组织|院校|高校|媒体|运营商|服务商|制造商|供应商|基地|载体|园区|中心|实验室|"
    r"研究院|研究所|学院|大学|店|超市|商场|卖场)$")
# (店, 超市, 商场: kinds of store, the items of a 首店 list that names no brand: 社区便利店、生鲜超市等首店)

# Platforms: '…网' that is a site (拍拍网), not a network (城域网, 物联网). The character after 网
# must not continue a common word, the name must not end like a network, and the sentence must
# talk about platforms or sites.
WEB_NEXT_VETO = set("络站民点格上下页店购关银游吧信安联状间内外台刊报签贷约红速")
WEB_BODY_VETO_END = (
    "联", "互联", "物联", "车联", "局域", "城域", "广域", "接入", "骨干", "专", "内", "外", "电", "电信", "广电",
    "通信", "通讯", "传感", "感知", "宽带", "光纤", "无线", "有线", "移动", "数据", "信息", "服务", "工作", "民心",
    "实验", "试验", "单频", "承载", "电视", "计算机", "公共", "管", "政务", "校园", "教育", "卫生", "医疗",
    "金融", "社区", "控制", "监控", "交通", "电力", "电话", "广播", "下一代", "全", "组", "上", "入", "联",
    "办公", "业务", "商业", "骨", "主干", "核心", "本地", "城市", "智能", "物流", "支付", "国际", "光",
    # 人力资源和社会保障局官网: a body's official website (官网), no named platform
    "官",
)
WEB_CONTEXT = re.compile(r"平台|网站|门户|电子商务|电商|商城|网购|等(?:多家|各大|主流|知名|一批|新闻)?媒体")
# (等…媒体: 新华网、中新网、人民网等多家媒体 lists news sites; not 中国政府网政务新媒体, a government site's
# accounts.)
# A commercial web address right after a …网 (工标网www.csres.com): the site is a firm's, whatever the
# sentence; a public body's site has its .gov.cn or .org.cn address (国家标准查询网www.spsp.gov.cn).
COMMERCIAL_URL = re.compile(r"(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net)(?:\.cn)?(?![a-z0-9-])")

# Latin acronyms that are not technologies: units, organisations, business models, roles,
# treaties and sector words. (Organisations that matter are in institutions.toml.)
ACRONYM_BLOCKLIST = frozenset("""
MBPS GBPS KBPS TBPS TB PB GB MB KB EB NM GHZ MHZ KHZ
ISO IEC ITU ITU-T IEEE IETF W3C CA AA AC CC UT
B2B B2C C2B C2C O2O P2P OEM ODM CEO CIO CTO CFO
IT ICT PCT CEPA WTO GDP PPP VIP APP HTTP HTTPS WWW HTM HTML URL PDF
RTO RPO PM PC TV ID NO OK
IC CPU GPU MCU LED LCD OLED IDC ITS EMR ERP CRM SCM BI
""".split())
# (last line: component and product classes, a facility type, application domains and records,
# management systems - all excluded by the annotation guideline)
# What a technology acronym is followed by (…网络, …芯片) or preceded by (基于…, 部署…).
ACRONYM_NEXT = re.compile(r"(技术|网络|协议|标准|芯片|基站|模组|模块|终端|商用|部署|组网|通信|架构|算法|框架|设备|系统|化)")
ACRONYM_PREV = re.compile(r"(基于|采用|部署|推广|研发|发展|应用)$")
# A Chinese term glossed by an acronym in parentheses is a technology when it ends like one.
TECH_HEAD = re.compile(
    r"(技术|网络|网|协议|系统|识别|通信|计算|模型|电视|设施|标准|芯片|模块|线路|架构|算法|存储|加密|导航|"
    r"定位|交换|传输|接入|编码|电网|链|服务)$"
)

# Technology words that are part of a facility or agency name rather than a technology mention:
# a kind noun right after the term (超级计算中心, 云计算中心 and 城市大数据中心 are facility types) …
TECH_KIND_NEXT = ("中心",)
# … also with a centre's function words between (部遥感应用中心, 云计算创新服务中心): the term names the
# centre's field, and the centre (named or a kind) is no technology mention.
TECH_CENTRE_AFTER = re.compile(r"(?:应用|研究|服务|创新|工程|技术|测试|评测|推广|监测)+中心")
# A modifier that makes a known technology a narrower one, written as one term (类脑 + 人工智能:
# brain-inspired AI, a paradigm of its own like 类脑计算): rules.modified_technology_hits.
TECH_MODIFIERS = ("类脑",)
# A communication generation written out (第六代通信, 第五代移动通信): the generation NG.
GENERATION_WORDS = re.compile(r"第([二三四五六七八九])代(?:移动)?通信(?:技术)?")
# A Chinese term glossed by an acronym that is finance, not technology (跨境支付清算系统（CIPS）),
# and an umbrella 基础设施 with nothing naming it (全国基础设施（REITs）; 公钥基础设施（PKI） is named).
PAREN_TERM_VETO = ("支付", "清算", "结算", "信托", "基金", "证券", "债券", "保险", "融资")
UMBRELLA_TERM_ENDS = ("基础设施",)
# … and an agency name around it: 市大数据发展局, 省大数据局, 区块链办公室 after an administrative prefix,
# or a government's own platform named the same way (市大数据平台; 建设大数据平台 keeps the term).
TECH_AGENCY_BEFORE = set("市省区县州")
TECH_AGENCY_AFTER = re.compile(
    r"(?:发展|管理|应用|服务|资源|产业|促进|推进|建设|工作)*"
    r"(?:局(?![面部限势])|委员会|委(?![托屈婉])|办公室|办(?![理事法学公])|厅|署(?!名)|领导小组|推进小组|工作小组|专班|平台)"
)
# … and a designated zone's title after it (济南国家新一代人工智能创新发展试验区, 青岛市人工智能创新应用
# 先导区): the term is part of the zone's proper name, which the gold lists as no technology. A zone
# named by the technology alone (国家级车联网先导区) is a zone for that technology, and the
# technology stays (heldout.json counts it).
TECH_ZONE_AFTER = re.compile(r"(?:创新|发展|应用|产业|融合|综合)+(?:试验区|先导区|示范区|先行区)")
# … and a fund's name after it (国家人工智能产业投资基金): the term names the fund's field, and the
# fund is no technology mention (heldout_entities_6's rule: technology words inside proper names).
TECH_FUND_AFTER = re.compile(r"(?:产业|发展|创新|投资|引导|创业|股权)*基金")
# … and a park's name after it, when name words stand before the term too (感知 + 物联网 + 产业园, 无锡 +
# 物联网 + 产业园): the term is the middle of the park's proper name (the gold's rule: a technology word
# inside a park's name is no mention). A park named by the term alone after a verb (建设物联网产业园) keeps
# the term (finder._in_park_name).
TECH_PARK_AFTER = re.compile(r"(?:产业|科技|创新|应用|示范)*(?:园区|园)(?![林艺])")


# Titles a place or park is given, not firms (中国软件名城, 国家级车联网先导区): the gate drops a
# model Company span ending like this.
DESIGNATION_ENDS = ("名城", "之都", "之城", "之乡", "示范区", "先导区", "试验区", "先行区", "基地", "园区", "城市", "强市",
                    "强省", "强区", "高地", "枢纽", "走廊")

# A place's research lab or centre is named by its field (广东省人工智能重点实验室); these words
# are its designation, not its field: 东莞市工程技术研究中心, 深圳市重点实验室 name kinds.
RESEARCH_CENTRE_ENDS = ("研究", "工程", "工程技术", "技术研究", "研发")
DESIGNATION_WORDS = frozenset("""
重点 国家 国家级 省级 市级 区级 县级 部级 工程 技术 工程技术 研究 研发 企业 创新 技术创新 联合 新型 协同 公共 服务
平台 开放 重点实验 一批 若干 各类 相关 有关 高水平 先进 制造业 产业 行业 领域 共性 关键 国际 科技 全球 世界
""".split())

# How items of a list of activities end (碳排放核算、源网匹配、电力需求侧管理): a model proposal listed
# right beside such an item is an activity too, no firm (gate.list_siblings_ok).
ACTIVITY_ENDS = ("核算", "管理", "利用", "监测", "互补", "调配", "预测", "评估", "治理", "保护", "优化", "改造",
                 "整治", "运维", "监管", "调度", "匹配", "配置", "统计", "审批")
# What a sentence naming a firm says around it (the gate's context test for model companies).
FIRM_CONTEXT_WORDS = ("企业", "公司", "集团", "厂商", "龙头", "品牌", "运营商", "服务商", "供应商", "制造商", "上市",
                      "合资", "投资", "签约", "落户", "入驻")
CJK_NUMERALS = "一二三四五六七八九十百千万亿两"

# '与X合作' / '引进X落户': the partner X, two to eight characters, right before the verb.
PARTNER_CUE = re.compile(r"与(?P<x>[\u4e00-\u9fffA-Za-z0-9]{2,8}?)(?:开展|签署|签订|达成|建立)?(?:战略|全面|深度)?(?:合作|共建)"
                         r"|(?:引进|引入|吸引)(?P<y>[\u4e00-\u9fffA-Za-z0-9]{2,8}?)(?:落户|入驻|投资建设|设立)")
# Partners that are kinds of places or parties, not firms (与周边城市合作, 与沿线国家合作).
PARTNER_KIND_ENDS = ("城市", "地区", "国家", "区域", "省份", "省市", "地市", "县市", "资本", "方面", "各方", "团队", "人才",
                     "院校", "高校", "机构", "组织", "社会", "群众", "企业", "园区", "平台", "项目", "学府", "名校", "名企",
                     "大学", "学院", "伙伴", "同行", "用户", "客户")

# A line that ends with a company form ends a name (…有限公司 / 莲都区 / 浙江…有限公司, a table typed one
# cell a line): nothing continues a legal name on the next line but a branch's or a bracket's words.
FIRM_LINE_END = re.compile(r"(?:公司|\(有限合伙\)|（有限合伙）)[ \t\u3000]*\r?\n(?![ \t\u3000]*(?:[(（]|分公司|子公司|分行|支行))")
# A line that ends with 项目 ends a project's name (a table's 项目名称 cell: …分布式光伏发电项目 / 上海工汉
# 新能源科技有限公司, its 项目单位 on the next line): the firm on the next line does not open with it. Not
# where the next line goes on with a word of a longer name (…项目 / 管理有限公司, 项目部, 项目公司).
PROJECT_LINE_END = re.compile(
    r"项目[ \t\u3000]*\r?\n(?![ \t\u3000\r\n]*(?:管理|部|组|办|公司|有限|建设|投资|咨询|经理|单位|法人))")
# A line that is only a district, county or town (莲都区, 缙云县, 碧湖镇: a table's 地区 cell typed one a
# line) is a cell of its own: the firm on the next line does not open with it.
PLACE_CELL_LINE = re.compile(r"(?m)(?<=\n)[ \t\u3000]*([\u4e00-\u9fff]{1,6}(?:区|县|市|镇|乡|街道))[ \t\u3000]*\r?$")
# A member list's line: a person's name (two to four characters, padded with spaces to align:
# 刘　颖), a space, then the body and the post (安徽电信公司总经理). The view joins what the space
# separates (a PDF's spacing between Chinese characters), so the body's name would start at the
# person's; it starts after the space (finder.cell_breaks). The posts are POST_WORDS and a few more.
PERSON_POST_LINE = re.compile(
    r"(?m)^[ \t\u3000]*[\u4e00-\u9fff](?:[\u3000 ]?[\u4e00-\u9fff]){1,3}[ \t\u3000]+([\u4e00-\u9fff（）()]{2,30}?)"
    r"(?:主任|部长|局长|行长|厅长|书记|委员|主席|董事长|总经理|副总经理|经理|负责人|院长|校长|所长|会长|理事长|总裁|秘书长)"
    r"[ \t\u3000]*\r?$")
# Posts (a list item ending so is a person's title: 各委员会主任) and words that open a clause
# (审计署根据法律…): neither is part of a firm's name.
POST_WORDS = ("主任", "部长", "局长", "行长", "厅长", "书记", "委员", "总理", "主席", "董事长", "总经理", "负责人",
              "编审", "编辑", "主编")  # (编审: 韦志榕 编审、人民教育出版社原总编辑, a person's title)
LEAD_CLAUSE_WORDS = ("根据", "依据", "按照", "依照", "对于", "关于", "为了", "通过")

# --- Lines typed one name a line (an organiser page's 主办单位 / 承办单位 lists, a member list) -------
# A line that ends with an institution's kind word ends a name (北京离子探针中心 / 国家大型科学仪器中心,
# 地震科学数据共享中心 / 国家科技图书文献中心, a list typed one body a line): nothing continues a body's
# name on the next line but a bracket, a branch or a part of it (分中心, 分院, 附属医院, …出版社 of a
# university's press), as FIRM_LINE_END says for firms. So for a programme's platform (人口与健康科学数据
# 共享平台 / 农业科学数据共享中心), named on a line of its own. finder.cell_breaks.
INSTITUTION_LINE_END = re.compile(
    r"(?:中心|研究院|研究所|实验室|科学院|大学|学院|医院|图书馆|平台)[ \t\u3000]*\r?\n"
    r"(?![ \t\u3000]*(?:[(（]|分|附属|出版|有限|股份|公司|集团|研究|实验|重点|工程|技术))")
# A line that ends with a role label or a post (1、主办单位, 联系单位, 副主任: a heading of the list
# under it) ends there: no name runs on from a label into the body named on the next line.
LABEL_LINE_END = re.compile(r"(?:单位|主任|部长|院长|所长|校长|会长|理事长|秘书长|负责人)[ \t\u3000]*[：:]?[ \t\u3000]*\r?\n")
# A member list's line written body and post first, then the person padded to align (国家…中心主任
# ␣␣␣␣戴国强): the line ends with the person's name, so the body on the next line starts afresh.
POST_PERSON_LINE = re.compile(
    r"(?m)(?:主任|部长|局长|院长|所长|校长|会长|理事长|秘书长|书记|委员|主席|总经理|经理|负责人)"
    r"[ \t\u3000]{2,}[\u4e00-\u9fff](?:[ \t\u3000]{0,3}[\u4e00-\u9fff]){1,3}[ \t\u3000]*(\r?\n)")
# A verb's complement 至/到 (推荐至, 提交至, 送到): after a cut verb it is no part of the name that
# follows (提交至北京离子探针中心, 推荐至市工业互联网创新发展中心). rules.trim_front.
VERB_COMPLEMENTS = ("至", "到")
# A centre named by the programme or platform it runs or co-ordinates (国家科技基础条件平台中心,
# 广东省科技基础条件平台中心, 陕西省科技资源统筹中心): a ministry's or province's management unit, an
# agency, not an institution — as 管理中心 is (FACILITY_CENTRES). rules.institution_hits.
MANAGEMENT_CENTRE_ENDS = ("平台中心", "统筹中心")
