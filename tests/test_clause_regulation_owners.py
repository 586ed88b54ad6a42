"""Owner names and lists of regulation clauses (issue 12): where a mention is cut, which list items
are owners, the 由A负责 family.

Every quote is a development document's own text (tests/gold/dev/docs, checked below); the expected
owners are written by hand from the document's gold (tests/gold/dev/<id>.json), never computed by
the code under test.
"""

from __future__ import annotations

import pytest
from test_clause_rules_prose import dev_text, read

CASES = [
    # 处 opening the fine (处10万元以下的罚款) ends the name: 登记机关, no division 登记机关处.
    ("samr-2022-dengji-xize", "由登记机关处10万元以下的罚款",
     [("clause.you_body", [("responsible", ["登记机关"])])]),
    # … and 处 of 处置 (the gold's owner is the defined 处置非法集资牵头部门, never 其登记地处).
    ("gov-2021-guoling-737", "由其登记地处置非法集资牵头部门组织调查认定", []),
    # A person is no body, however the phrase after it ends (…到现场办 ends like a 办).
    ("samr-2022-dengji-xize", "或者由本人持身份证件到现场办理", []),
    # 机构编制 (staffing) holds no verb 编制: the partner is the whole 本级机构编制管理部门.
    ("gd-2021-gonggong-shuju", "公共数据主管部门协调不成的，会同本级机构编制管理部门等单位联合会商",
     [("clause.with_partner", [("lead", ["公共数据主管部门"]), ("support", ["本级机构编制管理部门"])])]),
    # 等 + the kind the bodies are (等登记管理部门) closes the list; it names no fourth owner.
    ("gd-2021-gonggong-shuju", "由市场监督管理部门、社会组织管理部门、事业单位登记管理机关等登记管理部门负责",
     [("clause.subject_responsible", [("responsible", ["市场监督管理部门", "社会组织管理部门", "事业单位登记管理机关"])])]),
    # Universities as a class of owners in a list of bodies.
    ("gd-2021-gonggong-shuju", "由教育主管部门、人力资源社会保障部门、高等学校、科学研究机构负责",
     [("clause.subject_responsible", [("responsible", ["教育主管部门", "人力资源社会保障部门", "高等学校", "科学研究机构"])])]),
]


@pytest.mark.parametrize("doc_id,quote,expected", CASES)
def test_regulation_owner_names(doc_id, quote, expected):
    assert quote in dev_text(doc_id)
    assert read(quote) == expected
