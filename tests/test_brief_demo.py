"""The bar of the briefings over the example reports (examples/*.md, written for this project):
the roundup names the four provinces, each leader who went, each body visited with the head
met, the signing and its sums, and the week's pattern in its headline; every footnote's span
holds what its sentence says. On SQLite and PostgreSQL."""
from __future__ import annotations

import pytest

import ganbu
from ganbu.brief import brief, patterns
from test_brief_support import EXAMPLES, assert_sourced, sentence_with
from test_store_support import store_target  # noqa: F401  (fixture)

WEEK = ("2023-03-01", "2023-03-03")

PROVINCES = {
    "浙江省": {"leaders": ["易炼红", "王浩"], "with": ["刘捷", "彭佳学", "陈奕君", "徐文光", "暨军民", "卢山"],
              "met": [("商务部", "王文涛"), ("海关总署", "俞建华"), ("国铁集团", "刘振芳")], "went": ("易炼红", "商务部")},
    "青海省": {"leaders": ["陈刚", "吴晓军"], "with": ["朱向峰", "刘超"],
              "met": [("财政部", "刘昆"), ("国务院国资委", "张玉卓"), ("国务院国资委", "翁杰明")],
              "went": ("陈刚", "财政部")},
    "四川省": {"leaders": ["王晓晖", "黄强"], "with": ["施小琳", "李云泽", "陈炜", "田庆盈"],
              "met": [("国铁集团", "刘振芳"), ("国铁集团", "郭竹学")], "went": ("王晓晖", "国铁集团")},
    "辽宁省": {"leaders": ["郝鹏", "李乐成"], "with": ["胡玉亭", "王新伟", "王健", "张成中", "姜有为"],
              "met": [("国务院国资委", "张玉卓"), ("国务院国资委", "赵世堂")], "went": ("郝鹏", "深化合作座谈会")},
}
SOES = ["航天科工", "航空工业集团", "中国航发", "中国中化", "中粮集团", "中国节能", "中国化学工程", "中国中车集团"]


@pytest.fixture
def demo(store_target):  # noqa: F811
    st = ganbu.open_store(store_target)
    summary = st.ingest([str(EXAMPLES)], workers=0)
    assert summary.new >= 5 and summary.failed == 0
    yield st
    st.close()


def _section(b, province):
    secs = [s for s in b.sections if s.key == province]
    assert len(secs) == 1, [s.key for s in b.sections]
    return secs[0]


def _text(section) -> str:
    return "".join(x.text for para in section.paragraphs for x in para)


def test_roundup_of_the_week_states_every_fact_with_its_source(demo):
    b = brief(demo, *WEEK, place="北京")
    assert [s.key for s in b.sections] == ["浙江省", "青海省", "四川省", "辽宁省"]  # rank, then activity
    assert b.headline is not None
    assert b.headline.text.startswith("全国两会召开前夕，4个省份党政主要负责同志在北京")
    sentence_with(demo, b, "全国两会召开前夕")
    for prov, want in PROVINCES.items():
        sec = _section(b, prov)
        body = _text(sec)
        assert sec.heading is not None and prov[:2] in sec.heading.text
        for name in want["leaders"] + want["with"]:
            assert name in body, (prov, name)
        for org, head in want["met"]:
            sentence_with(demo, sec, org, head)       # the head with the title that names the body
        sentence_with(demo, sec, *want["went"])     # who went where
    liaoning = _section(b, "辽宁省")
    sentence_with(demo, liaoning, "辽宁省政府", "战略合作协议", *SOES)
    s = sentence_with(demo, liaoning, "计划总投资3732亿元", "超过2900亿元")
    assert "其中" in s.text
    lead = "".join(x.text for x in b.lead)
    assert all(p[:2] in lead for p in PROVINCES) and "4个省份" in lead and "3732亿元" in lead
    assert any("十四届全国人大一次会议" in x.text for x in b.closing)
    assert assert_sourced(demo, b) > 20


def test_the_digest_has_a_bullet_per_activity_a_day(demo):
    b = brief(demo, *WEEK, style="digest")
    assert [s.key for s in b.sections] == ["2023-03-01", "2023-03-02"]
    first = "".join(x.text for p in b.sections[0].paragraphs for x in p)
    assert "辽宁省委书记郝鹏" in first and "签署战略合作协议" in first and "怀进鹏主持" in first
    second = "".join(x.text for p in b.sections[1].paragraphs for x in p)
    assert "四川省委书记王晓晖" in second and "海关总署" in second
    assert assert_sourced(demo, b) > 10
    assert b.to_markdown().count("\n- ") >= 7


def test_patterns_of_the_week(demo):
    found = patterns(demo, "2023-02-25", "2023-03-04")
    kinds = [p.kind for p in found]
    assert kinds == sorted(kinds, key=["gathering", "body", "signing", "change", "quiet", "inconsistency"].index)
    gathering = [p for p in found if p.kind == "gathering"]
    assert len(gathering) == 1 and gathering[0].facts["city"] == "北京"
    assert [x["province"] for x in gathering[0].facts["provinces"]] == ["辽宁省", "四川省", "浙江省", "青海省"]
    bodies = {p.facts["body"]: p for p in found if p.kind == "body"}
    assert {x["province"] for x in bodies["中国国家铁路集团有限公司"].facts["by"]} == {"浙江省", "四川省"}
    assert bodies["中国国家铁路集团有限公司"].score > bodies["中华人民共和国商务部"].score
    signing = [p for p in found if p.kind == "signing"]
    assert len(signing) == 1 and signing[0].facts["province"] == "辽宁省"
    assert signing[0].facts["total"]["value"] == pytest.approx(3.732e11)
    amounts = signing[0].facts["signings"][0]["amounts"]
    assert [(a["amount"], a["qualifier"], a["part_of_previous"]) for a in amounts] == [
        ("3732亿元", "exact", False), ("超过2900亿元", "at_least", True)]
    mismatch = [p for p in found if p.kind == "inconsistency"]
    assert len(mismatch) == 1 and "标题称9家央企，正文为8家" in mismatch[0].title
    for p in found:
        assert p.sources and all(s.end > s.start for s in p.sources)


def test_a_province_filter_and_html(demo):
    b = brief(demo, *WEEK, provinces=["辽宁"])
    assert [s.key for s in b.sections] == ["辽宁省"]
    html = b.to_html(person_url=lambda pid: f"/p/{pid}", report_url=lambda d, s, e: f"/r/{d}?s={s}&e={e}")
    assert html.startswith('<article class="ganbu-brief"') and html.rstrip().endswith("</article>")
    assert 'class="person" href="/p/' in html and ">郝鹏</a>" in html
    assert 'href="/r/' in html and "&amp;e=" in html       # attribute values escaped
    n = len(b.footnotes())
    assert n and html.count('<li id="fn-') == n
    assert html.count('<sup class="fn">') == sum(len(s.sources) for s in b.sentences())
