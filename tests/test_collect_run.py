"""``ganbu collect`` against a local site: feeds, sitemaps and list pages read, reports stored
with their URL, title and date; failures counted with their reasons; a second run adds nothing
and asks conditionally; the commands ``ganbu sources …``."""
from __future__ import annotations

import zlib

import pytest
from sqlalchemy import select

from test_collect_support import STORIES, article, feed, list_page, need_collect, site, sitemap  # noqa: F401

pytestmark = pytest.mark.usefixtures("_libs")


@pytest.fixture
def _libs():
    need_collect()


FAST = {"interval": 0, "retries": 2, "backoff": 0.01, "timeout": 0.5, "max_bytes": 1_000_000}


def _path(i: int) -> str:
    return f"/2023-03/{i + 1:02d}/content_{i}.htm"


def build_site(site):  # noqa: F811
    """Three sources on one local site: a feed (a GBK page and a Big5 page among its reports), a
    sitemap, a list page; plus a page that fails twice, a slow one, a huge one, a redirect loop,
    a page robots.txt forbids, and one report published under two URLs."""
    site.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    for i, (title, day, body) in enumerate(STORIES):
        charset = {1: "gbk", 2: "big5"}.get(i, "utf-8")
        site.page(_path(i), article(title, body, day, charset=charset))
    site.page("/copy/2023-03/01/content_0.htm", article(*STORIES[0][:1], STORIES[0][2], STORIES[0][1]))
    site.flaky("/2023-03/09/content_flaky.htm", article("王浩调研", "3月9日，浙江省省长王浩到宁波市调研。",
                                                        "2023-03-09").decode(), failures=2)
    site.slow("/2023-03/10/content_slow.htm", "<p>慢</p>", seconds=2.0)
    site.page("/2023-03/11/content_huge.htm", "<p>" + "浙江省委书记易炼红出席会议。" * 60000 + "</p>")
    site.redirect("/2023-03/12/content_loop.htm", "/2023-03/12/content_loop2.htm")
    site.redirect("/2023-03/12/content_loop2.htm", "/2023-03/12/content_loop.htm")
    rfc = "Wed, 01 Mar 2023 02:00:00 GMT"
    site.page("/rss.xml", feed([(site.url(_path(i)), STORIES[i][0], rfc) for i in range(3)]),
              "application/rss+xml; charset=utf-8")
    site.page("/sitemap.xml", sitemap([(site.url(_path(i)), STORIES[i][1]) for i in (3, 4)]
                                      + [(site.url("/copy/2023-03/01/content_0.htm"), "2023-03-01")]),
              "application/xml")
    links = [(_path(i), STORIES[i][0], STORIES[i][1]) for i in (5, 6, 7)]
    links += [("/2023-03/09/content_flaky.htm", "王浩调研", "2023-03-09"),
              ("/2023-03/10/content_slow.htm", "慢", ""), ("/2023-03/11/content_huge.htm", "大", ""),
              ("/2023-03/12/content_loop.htm", "圈", ""), ("/private/2023-03/13/content_13.htm", "禁", ""),
              ("/2023-03/05/content_4.htm", STORIES[4][0], "")]  # also in the sitemap
    site.page("/list/", list_page(links))


def _add(eng, site):  # noqa: F811
    from ganbu.collect.sources import add_source, list_sources
    from ganbu.store.db import write

    with write(eng) as c:
        add_source(c, site.url("/rss.xml"), "feed", "省报要闻", "浙江")
        add_source(c, site.url("/sitemap.xml"), "sitemap", "网站地图")
        add_source(c, site.url("/list/"), "list", "时政列表", None, r"content_\w+\.htm$")
    with eng.connect() as c:
        return list_sources(c)


def _run(eng, srcs, **kw):
    from ganbu.collect.fetch import Politeness
    from ganbu.collect.run import collect

    return collect(eng, srcs, Politeness(**{**FAST, **kw}))


def test_collect_a_site(site, tmp_path):  # noqa: F811
    from ganbu.store import schema as S
    from ganbu.store.db import open_engine

    build_site(site)
    eng = open_engine(tmp_path / "c.db")
    srcs = _add(eng, site)
    rep = _run(eng, srcs)
    by = {t.label: t for t in rep.tallies.values()}
    fd, sm, lst = by["省报要闻"], by["网站地图"], by["时政列表"]
    # content_4 is on the sitemap and the list: queued once, by whichever poll came first; the
    # copy of content_0 (sitemap) and content_0 (feed): whichever is read second is the duplicate
    assert (fd.links, fd.new_links, fd.stored + fd.duplicate) == (3, 3, 3)
    assert (sm.links, lst.links, sm.new_links + lst.new_links) == (3, 9, 11)
    assert (rep.total("stored"), rep.total("duplicate"), sm.stored + sm.duplicate + lst.stored + lst.duplicate) \
        == (9, 1, 7)
    assert set(lst.failed) == {"timeout", "too large (over the cap of 1,000,000 bytes)", "redirect loop",
                               "robots.txt disallows it"}
    with eng.connect() as c:
        docs = {d.url: d for d in c.execute(select(S.documents))}
        fetches = {f.url: f for f in c.execute(select(S.fetches))}
        texts = c.execute(select(S.document_texts)).all()
    assert len(docs) == 9 and len(texts) == 9 and site.count("/private/2023-03/13/content_13.htm") == 0
    pair = [fetches[site.url(_path(0))], fetches[site.url("/copy/2023-03/01/content_0.htm")]]
    assert sorted(f.state for f in pair) == ["duplicate", "stored"]  # one text under two URLs: stored once
    first, copy = sorted(pair, key=lambda f: f.state != "stored")
    assert copy.document_id == first.document_id and copy.body_z is None and first.body_z is None
    zh = docs[first.url]
    assert (zh.title, str(zh.published), zh.source) == (STORIES[0][0], "2023-03-01", first.url)
    gbk, big5 = docs[site.url(_path(1))], docs[site.url(_path(2))]
    # the feed's title and day win over the page's (the Big5 page's own title is traditional)
    assert gbk.title == STORIES[1][0] and big5.title == STORIES[2][0] and str(big5.published) == "2023-03-01"
    raw = {zlib.decompress(t.text_z).decode() for t in texts}
    assert any("<html" in r and "陈刚" not in r and "陳剛" in r for r in raw)  # the page kept as read, Big5 decoded
    flaky = fetches[site.url("/2023-03/09/content_flaky.htm")]
    assert flaky.state == "stored" and site.count("/2023-03/09/content_flaky.htm") == 3
    slow = fetches[site.url("/2023-03/10/content_slow.htm")]
    assert (slow.state, slow.retry, slow.error) == ("failed", True, "timeout")
    assert fetches[site.url("/2023-03/11/content_huge.htm")].retry is False
    with eng.connect() as c:
        people = {r[0] for r in c.execute(select(S.names.c.name))}
    assert {"易炼红", "王浩", "陈刚", "郝鹏"} <= people  # extracted (traditional read as simplified)


def test_second_run_adds_nothing_and_asks_conditionally(site, tmp_path):  # noqa: F811
    from ganbu.store.db import open_engine
    from test_store_support import dump

    build_site(site)
    db = tmp_path / "c.db"
    eng = open_engine(db)
    srcs = _add(eng, site)
    _run(eng, srcs)
    before, hits = dump(str(db)), site.counts()
    rep = _run(eng, srcs)
    assert rep.total("stored") == 0 and rep.total("fetched") == 0
    assert dump(str(db)) == before
    for listing in ("/rss.xml", "/sitemap.xml", "/list/"):
        second = site.headers_of(listing)[-1]
        assert "if-none-match" in second and "if-modified-since" in second
        assert {t.listing for t in rep.tallies.values()} == {"not modified (304)"}
    again = site.counts() - hits
    # only the listings, robots.txt and the retryable failure (the slow page: timeout) were asked again
    assert set(again) == {"/robots.txt", "/rss.xml", "/sitemap.xml", "/list/", "/2023-03/10/content_slow.htm"}


def test_retryable_failures_are_retried_by_later_runs_only(site, tmp_path):  # noqa: F811
    from ganbu.collect.state import MAX_RUNS
    from ganbu.store.db import open_engine

    site.page("/robots.txt", "", "text/plain")
    site.flaky("/2023-03/09/content_1.htm", article("王浩调研", "3月9日，浙江省省长王浩到宁波市调研。",
                                                    "2023-03-09").decode(), failures=4)
    site.page("/list/", list_page([("/2023-03/09/content_1.htm", "王浩调研", "")]))
    eng = open_engine(tmp_path / "c.db")
    from ganbu.collect.sources import add_source, list_sources
    from ganbu.store.db import write

    with write(eng) as c:
        add_source(c, site.url("/list/"), "list", "列表")
    with eng.connect() as c:
        srcs = list_sources(c)
    first = _run(eng, srcs, retries=1)   # two 500s
    assert first.total("failed") == 1 and first.total("stored") == 0
    second = _run(eng, srcs, retries=1)  # two more 500s
    third = _run(eng, srcs, retries=1)   # succeeds
    assert second.total("failed") == 1 and third.total("stored") == 1 and MAX_RUNS >= 3


def test_sources_commands(tmp_path, capsys):
    from ganbu.cli import main

    db = str(tmp_path / "s.db")
    assert main(["sources", "add", "http://127.0.0.1:9/rss.xml", "--name", "省报", "--province", "浙江",
                 "--db", db]) == 0
    assert main(["sources", "add", "http://127.0.0.1:9/rss.xml", "--db", db]) == 0
    assert "were there already" in capsys.readouterr().out
    assert main(["sources", "add", "--starter", "--province", "青海", "--db", db]) == 0
    assert capsys.readouterr().out.startswith("added 2 sources")
    assert main(["sources", "list", "--format", "json", "--db", db]) == 0
    import json

    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["kind"] == "feed" and rows[0]["province"] == "浙江"
    assert {r["province"] for r in rows} == {"浙江", "青海"} and len(rows) >= 3
    assert main(["sources", "add", "ftp://example.org/x", "--db", db]) == 1
    assert "E501" in capsys.readouterr().err
    assert main(["sources", "add", "http://a.cn/", "--pattern", "([", "--db", db]) == 1
    assert "E501" in capsys.readouterr().err
    assert main(["sources", "remove", "省报", "--db", db]) == 0
    assert main(["sources", "remove", "省报", "--db", db]) == 1
    assert "E502" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["collect", "--every", "often", "--db", db])


def test_collect_command_end_to_end(site, tmp_path, capsys):  # noqa: F811
    import json

    from ganbu.cli import main

    build_site(site)
    db = str(tmp_path / "c.db")
    assert main(["sources", "add", site.url("/rss.xml"), "--name", "省报", "--db", db]) == 0
    assert capsys.readouterr().out == "added 1 source\n"
    status = main(["collect", "--db", db, "--interval", "0", "--workers", "0", "-q", "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    assert status == 0 and out["new"] == 3 and out["failed"] == 0 and out["sources"][0]["source"] == "省报"
    assert main(["who", "浙江省长", "--db", db, "--format", "json"]) == 0
    assert "王浩" in capsys.readouterr().out
