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


def test_org_caches_are_keyed_by_validity_period_not_by_date():
    from ganbu.lang import lexicon as L
    from ganbu.people import orgs

    # 国务院港澳办 names the State Council office up to 2023-03-16, the CPC office from that day
    assert orgs.automaton("2023-03-14") is orgs.automaton("2023-03-15")
    assert orgs.alias_index("2023-03-14") is orgs.alias_index("2023-03-15")
    assert orgs.automaton("2023-03-15") is not orgs.automaton("2023-03-17")
    assert orgs.alias_index("2023-03-15")["国务院港澳办"].canonical == "国务院港澳事务办公室"
    assert orgs.alias_index("2023-03-17")["国务院港澳办"].canonical == "中共中央港澳工作办公室"
    # 银保监会 → 金融监管总局 (2023-05-18) shares no name, so the index is the same on both sides
    assert orgs.automaton("2023-05-17") is orgs.automaton("2023-05-19")
    assert L.org_alias_index("2023-05-17") == L.org_alias_index("2023-05-19")
    # every day of a year in one period; partial dates (YYYY) and no date are periods too
    days = [f"2016-{m:02d}-{d:02d}" for m in range(1, 13) for d in (1, 15, 28)]
    assert len({L.org_period(d) for d in days}) == 1
    assert orgs.automaton("2016") is orgs.automaton("2016-06-01")
    assert orgs.automaton(None) is not orgs.automaton("2016")


def test_period_index_equals_the_index_built_for_the_day():
    """The index cached for a period is right for every day of it (dates around every boundary)."""
    from datetime import date, timedelta

    from ganbu.lang import lexicon as L

    shared = L._shared_surfaces()
    firsts, lasts = L._period_bounds()
    days: list = [None, "1990", "2015", "2023-03", "2023-05"]
    for bound in firsts + lasts:
        if bound[:4].isdigit() and bound < "9999":
            d = date.fromisoformat(bound)
            days += [(d + timedelta(days=k)).isoformat() for k in (-1, 0, 1)]
    days += [(date(1950, 1, 1) + timedelta(days=37 * k)).isoformat() for k in range(800)]
    for day in days:
        index = L.org_alias_index(day)
        for surface, cands in shared.items():
            assert index[surface] is L._choose(list(cands), day), (day, surface)
    assert len({L.org_period(d) for d in days}) <= 2 * len(firsts + lasts)
