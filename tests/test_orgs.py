"""Organisations: lexicon matches with canonical names, and local bodies recognised by suffix."""
import ganbu


def _orgs(text):
    return {o.canonical: o for o in ganbu.extract(text).organizations}


def test_abbreviations_resolve_to_canonical_names():
    got = _orgs("辽宁省政府与航天科工、中国航发、中粮集团签署协议，国铁集团和国务院国资委有关负责同志出席。")
    assert got["中国国家铁路集团有限公司"].kind == "soe"
    assert "中国航天科工集团有限公司" in got
    assert "国务院国有资产监督管理委员会" in got
    assert got["辽宁省人民政府"].kind == "government"


def test_local_bodies_by_suffix_and_context():
    got = _orgs("今天，省政府在北京与国家电网公司举行会谈。吉林省委、省人大常委会有关负责同志参加。")
    assert got["吉林省人民政府"].name == "省政府"           # bare 省政府, province from the report
    assert got["中共吉林省委员会"].kind == "party_committee"
    assert got["吉林省人民代表大会常务委员会"].kind == "congress"


def test_org_mentions_point_into_text():
    text = "商務部黨組書記、部長王文濤出席。"
    doc = ganbu.extract(text)
    o = next(o for o in doc.organizations if o.canonical == "中华人民共和国商务部")
    a, b = o.mentions[0]
    assert text[a:b] == "商務部"
