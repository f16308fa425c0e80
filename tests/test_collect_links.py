"""Report links from feeds, sitemaps and list pages (no server needed)."""
from __future__ import annotations

import datetime as _dt
import gzip

import pytest

from test_collect_support import feed, list_page, need_collect, sitemap

BASE = "http://news.example.cn/"


@pytest.fixture(autouse=True)
def _libs():
    need_collect()


def test_feed_links_titles_and_beijing_days():
    from ganbu.collect.links import parse_feed

    body = feed([("http://news.example.cn/a/1.html#top", "易炼红会见戴厚良", "Tue, 28 Feb 2023 17:30:00 GMT"),
                 ("/a/2.html", "王浩主持会议", "Wed, 01 Mar 2023 01:00:00 +0000"),
                 ("http://news.example.cn/a/1.html", "重复", "Wed, 01 Mar 2023 01:00:00 +0000")]).encode()
    links = parse_feed(body, BASE)
    assert [lk.url for lk in links] == ["http://news.example.cn/a/1.html", "http://news.example.cn/a/2.html"]
    assert links[0].title == "易炼红会见戴厚良"
    # 17:30 UTC on 28 Feb is 01:30 on 1 March in Beijing
    assert links[0].published == _dt.date(2023, 3, 1)


def test_atom_feed():
    from ganbu.collect.links import parse_feed

    body = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>青海省委书记陈刚调研</title><link href="http://news.example.cn/qh/3.html"/>
<updated>2023-03-03T10:00:00+08:00</updated></entry></feed>""".encode()
    [link] = parse_feed(body, BASE)
    assert (link.url, link.title, link.published) == ("http://news.example.cn/qh/3.html", "青海省委书记陈刚调研",
                                                      _dt.date(2023, 3, 3))


def test_sitemap_urlset_news_and_index():
    from ganbu.collect.links import parse_sitemap

    body = sitemap([("http://news.example.cn/a/1.html", "2023-03-01T23:00:00Z"),
                    ("http://news.example.cn/a/2.html", "2023-03-02")]).encode()
    out = parse_sitemap(body, BASE)
    assert [(lk.url, lk.published) for lk in out.links] == [
        ("http://news.example.cn/a/1.html", _dt.date(2023, 3, 2)),  # 23:00 UTC is the next day in Beijing
        ("http://news.example.cn/a/2.html", _dt.date(2023, 3, 2))]
    news = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
 xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>http://news.example.cn/n/9.html</loc>
<news:news><news:publication_date>2023-03-09T08:00:00+08:00</news:publication_date>
<news:title>\xe8\xbe\xbd\xe5\xae\x81\xe7\x9c\x81\xe9\x95\xbf\xe6\x9d\x8e\xe4\xb9\x90\xe6\x88\x90\xe4\xb8\xbb\xe6\x8c\x81\xe4\xbc\x9a\xe8\xae\xae</news:title></news:news></url></urlset>"""
    [link] = parse_sitemap(news, BASE).links
    assert (link.title, link.published) == ("辽宁省长李乐成主持会议", _dt.date(2023, 3, 9))
    index = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>/sm/2023-03.xml</loc><lastmod>2023-03-09</lastmod></sitemap>
<sitemap><loc>/sm/2023-02.xml</loc><lastmod>2023-02-28</lastmod></sitemap></sitemapindex>"""
    out = parse_sitemap(index, BASE)
    assert out.links == [] and out.children == [("http://news.example.cn/sm/2023-03.xml", "2023-03-09"),
                                                ("http://news.example.cn/sm/2023-02.xml", "2023-02-28")]
    assert parse_sitemap(gzip.compress(body), BASE).links[0].url == "http://news.example.cn/a/1.html"


def test_not_a_sitemap_is_an_error():
    from ganbu.collect.links import parse_sitemap

    with pytest.raises(ValueError, match="not XML"):
        parse_sitemap(b"<html><body>moved</body>", BASE)
    with pytest.raises(ValueError, match="root element <rss>"):
        parse_sitemap(feed([]).encode(), BASE)


def test_list_page_with_a_pattern_gbk_and_dates_after_links():
    from ganbu.collect.links import parse_list_page

    body = list_page([("/art/2023/3/1/art_1229_60012.html", "浙江省政府常务会议召开", "2023-03-01"),
                      ("art_1229_60013.html", "省长王浩调研", "2023年3月2日"),
                      ("/col/col1554467/index.html", "栏目", "")], charset="gbk")
    links = parse_list_page(body, "http://www.zj.gov.cn/col/col1/index.html", r"/art_\d+_\d+\.html$")
    assert [(lk.url, lk.title, lk.published) for lk in links] == [
        ("http://www.zj.gov.cn/art/2023/3/1/art_1229_60012.html", "浙江省政府常务会议召开", _dt.date(2023, 3, 1)),
        ("http://www.zj.gov.cn/col/col1/art_1229_60013.html", "省长王浩调研", _dt.date(2023, 3, 2))]


def test_list_page_default_pattern_keeps_dated_reports_on_the_site():
    from ganbu.collect.links import parse_list_page

    body = list_page([("/2023-03/01/content_123.htm", "一", ""),
                      ("http://www.example.cn/zwgk/202303/t20230301_456.html", "二", ""),
                      ("http://other.example.org/2023-03/01/content_9.htm", "别站", ""),
                      ("javascript:void(0)", "脚本", ""),
                      ("/about/contact.html", "联系我们", "")])
    links = parse_list_page(body, "http://news.example.cn/list/")  # www. and news. are one site
    assert [lk.url for lk in links] == ["http://news.example.cn/2023-03/01/content_123.htm",
                                        "http://www.example.cn/zwgk/202303/t20230301_456.html"]
    links = parse_list_page(body, "http://www.zj.gov.cn/list/")  # another site: only its own links
    assert [lk.url for lk in links] == ["http://www.zj.gov.cn/2023-03/01/content_123.htm"]


def test_listing_kind_mismatch_is_reported():
    from ganbu.collect.links import parse_listing

    with pytest.raises(ValueError):
        parse_listing("feed", b"\x00\x01 binary", BASE)
    with pytest.raises(ValueError):
        parse_listing("sitemap", list_page([]), BASE)


def test_starter_list_is_well_formed():
    from ganbu.collect.sources import KINDS, load_starter

    entries = load_starter()
    provinces = {e.province for e in entries}
    assert {"浙江", "青海", "四川", "辽宁"} <= provinces
    assert all(e.kind in KINDS and e.url.startswith("http") and "unverified" in e.note for e in entries)
    assert any("sasac" in e.url for e in entries) and len({e.url for e in entries}) == len(entries)


def test_guess_kind():
    from ganbu.collect.sources import guess_kind

    assert guess_kind("https://a.cn/sitemap.xml") == "sitemap"
    assert guess_kind("http://www.people.com.cn/rss/politics.xml") == "feed"
    assert guess_kind("https://www.gov.cn/yaowen/") == "list"
