"""Polite HTTP against a local server: robots.txt, retries with backoff, timeouts, the size cap,
redirect loops, conditional requests, the user agent, the per-host rate limit and concurrency cap."""
from __future__ import annotations

import asyncio
import itertools

import pytest

from test_collect_support import article, need_collect, site  # noqa: F401

PAGE = article("王浩主持召开省政府常务会议", "3月2日，浙江省省长王浩主持召开省政府常务会议。", "2023-03-02").decode()


@pytest.fixture(autouse=True)
def _libs():
    need_collect()


def _get(urls, politeness=None, **kw):
    from ganbu.collect.fetch import Fetcher, Politeness

    p = politeness or Politeness(interval=0, retries=2, backoff=0.01, timeout=2)
    waits: list[float] = []

    async def sleep(s):
        waits.append(s)
        await asyncio.sleep(min(s, 0.05))

    async def main():
        async with Fetcher(p, sleep=sleep) as f:
            return await asyncio.gather(*(f.get(u, **kw) for u in urls)), f.requests

    out, n = asyncio.run(main())
    return out, n, waits


def test_robots_txt_is_obeyed_and_fetched_once(site):  # noqa: F811
    site.page("/robots.txt", "User-agent: *\nDisallow: /private/\n\nUser-agent: ganbu\nDisallow: /nobots/\n",
              "text/plain")
    site.page("/private/a.html", PAGE)
    site.page("/nobots/b.html", PAGE)
    site.page("/news/c.html", PAGE)
    (a, b, c), _, _ = _get([site.url("/private/a.html"), site.url("/nobots/b.html"), site.url("/news/c.html")])
    # the group for our token applies, not '*': /private/ is allowed to ganbu, /nobots/ is not
    assert a.ok and b.error == "robots.txt disallows it" and c.ok and not b.retry
    assert site.count("/nobots/b.html") == 0 and site.count("/robots.txt") == 1


def test_a_page_that_fails_twice_then_succeeds(site):  # noqa: F811
    site.flaky("/news/flaky.html", PAGE, failures=2, status=503)
    [r], _, waits = _get([site.url("/news/flaky.html")])
    assert r.ok and r.status == 200 and r.attempts == 3 and "王浩" in r.body.decode()
    assert len(waits) == 2 and waits[1] > waits[0]  # backoff doubles
    [r], _, _ = _get([site.url("/news/gone.html")])
    assert r.error == "http 404" and not r.retry and r.attempts == 1  # a 404 is not retried


def test_failing_for_good_is_reported_as_passing_trouble(site):  # noqa: F811
    site.flaky("/news/down.html", PAGE, failures=10, status=500)
    [r], _, _ = _get([site.url("/news/down.html")])
    assert r.error == "http 500" and r.retry and r.attempts == 3 and site.count("/news/down.html") == 3


def test_slow_page_times_out(site):  # noqa: F811
    from ganbu.collect.fetch import Politeness

    site.slow("/news/slow.html", PAGE, seconds=1.5)
    [r], _, _ = _get([site.url("/news/slow.html")], Politeness(interval=0, retries=1, backoff=0.01, timeout=0.3))
    assert r.error == "timeout" and r.retry and r.attempts == 2


def test_huge_page_is_cut_off(site):  # noqa: F811
    from ganbu.collect.fetch import Politeness

    big = ("<p>" + "浙江省委书记易炼红出席会议。" * 20 + "</p>\n") * 2000  # about 2.5 MB
    site.page("/news/huge.html", big)
    site.route("/news/huge-stream.html", lambda h: (200, {"Content-Type": "text/html", "X-Stream": "1"},
                                                    big.encode()))
    p = Politeness(interval=0, retries=0, timeout=5, max_bytes=1_000_000)
    declared, streamed = _get([site.url("/news/huge.html"), site.url("/news/huge-stream.html")], p)[0]
    for r in (declared, streamed):  # refused on Content-Length, or cut off while streaming
        assert r.error == "too large (over the cap of 1,000,000 bytes)" and not r.retry and r.body == b""


def test_redirects_followed_and_loops_caught(site):  # noqa: F811
    site.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    site.page("/news/final.html", PAGE)
    site.redirect("/news/old.html", "/news/final.html", 301)
    site.redirect("/loop/a", "/loop/b")
    site.redirect("/loop/b", "/loop/a")
    site.redirect("/news/sneaky.html", "/private/x.html")
    ok, loop, sneaky = _get([site.url("/news/old.html"), site.url("/loop/a"), site.url("/news/sneaky.html")])[0]
    assert ok.ok and ok.final_url == site.url("/news/final.html") and ok.url == site.url("/news/old.html")
    assert loop.error == "redirect loop" and site.count("/loop/a") == 1
    assert sneaky.error == "robots.txt disallows it" and site.count("/private/x.html") == 0


def test_conditional_requests_and_user_agent(site):  # noqa: F811
    from ganbu.collect.fetch import Politeness

    site.page("/feed.xml", "<rss/>", "application/rss+xml")
    p = Politeness(interval=0, user_agent="ganbu-test/1 (+mailto:desk@example.org)")
    [first], _, _ = _get([site.url("/feed.xml")], p)
    assert first.status == 200 and first.etag and first.last_modified
    [second], _, _ = _get([site.url("/feed.xml")], p, etag=first.etag, last_modified=first.last_modified)
    assert second.not_modified and second.ok and second.body == b""
    h = site.headers_of("/feed.xml")
    assert h[1]["if-none-match"] == first.etag and h[1]["if-modified-since"] == first.last_modified
    assert all(x["user-agent"] == "ganbu-test/1 (+mailto:desk@example.org)" for x in h)


def test_rate_limit_and_concurrency_cap_per_host(site):  # noqa: F811
    from ganbu.collect.fetch import Fetcher, Politeness

    for i in range(4):
        site.slow(f"/news/{i}.html", PAGE, seconds=0.05)
    p = Politeness(interval=0.2, per_host=1, concurrency=8, timeout=5)

    async def main():
        async with Fetcher(p) as f:
            return await asyncio.gather(*(f.get(site.url(f"/news/{i}.html")) for i in range(4)))

    assert all(r.ok for r in asyncio.run(main()))
    times = sorted(t for path, _, t in site.hits if path.startswith("/news/"))
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert min(gaps) >= 0.18 and site.max_active == 1


def test_robots_unreachable_skips_the_host(site):  # noqa: F811
    site.flaky("/robots.txt", "", failures=10, status=503)
    site.page("/news/a.html", PAGE)
    [r], _, _ = _get([site.url("/news/a.html")])
    assert r.error.startswith("robots.txt unreachable") and site.count("/news/a.html") == 0
