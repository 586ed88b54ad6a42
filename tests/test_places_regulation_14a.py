"""Places of the fourteenth set's local regulations (tune14a): a special economic zone's 条例 is its
city's, a housing estate (住宅小区, 物业管理区域) is no district."""

from policykg.extract.agencies.jurisdiction import document_place, zone_place
from policykg.extract.clauses.agency_list import context_places, named_place, takes_prefix


def test_a_zone_named_after_its_city_is_that_city():
    assert zone_place("深圳经济特区安全生产监督管理条例") == "深圳市安全生产监督管理条例"
    assert zone_place("广东省安全生产条例") == "广东省安全生产条例"
    doc = document_place(None, "深圳经济特区安全生产监督管理条例", None, "第五条 市、区人民政府应当…")
    assert doc.jurisdiction == "深圳市" and doc.places.get("市") == "深圳市"


def test_an_estate_is_no_district():
    assert named_place("宁波市住宅小区物业管理条例") == ("市", "宁波市")
    assert named_place("物业管理区域内的业主") is None
    assert "区" not in context_places(None, None, "物业管理区域内依法配建的人民防空工程。")
    doc = document_place(None, "宁波市住宅小区物业管理条例", None, "第五条 市和区县（市）人民政府…")
    assert doc.jurisdiction == "宁波市"


def test_regulated_parties_and_owners_committees_take_no_place():
    for name in ("生产经营单位", "建设单位", "物业服务企业", "业主委员会", "业主大会"):
        assert not takes_prefix(name), name
    assert takes_prefix("财政局")
