"""Shared fixtures of the collector tests (imported by tests/test_collect_*.py; holds no test).

- :class:`Site`: a local HTTP server (``http.server`` in a thread, on 127.0.0.1) serving pages
  the tests write: static pages with ETag/Last-Modified (answering conditional requests with
  304), and routes for a page that fails a few times, a slow page, a huge page, redirects; it
  records every request (path, headers, time) and how many ran at once. Nothing leaves
  localhost.
- :func:`article`: a report page in the genre (a provincial news site's article page), in any
  encoding; :func:`feed`, :func:`sitemap`, :func:`list_page`: the listings.
- :func:`need_collect`: skip a test when httpx, feedparser or protego is missing (a failure
  under ``CI=true``).
"""
from __future__ import annotations

import hashlib
import html
import os
import threading
import time
from collections import Counter
from collections.abc import Callable
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

LIBS = ("httpx", "feedparser", "protego")


def need_collect() -> None:
    missing = []
    for mod in LIBS:
        try:
            __import__(mod)
        except ImportError:
            missing.append(mod)
    if missing:
        msg = f"the collector needs {', '.join(missing)} (pip install 'ganbu[collect]')"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(msg)
        pytest.skip(msg)


Reply = tuple[int, dict[str, str], bytes]


class Site:
    """A local site; ``site.page(path, body)`` serves a page, ``site.route(path, fn)`` a handler."""

    def __init__(self) -> None:
        self.routes: dict[str, Callable[[dict[str, str]], Reply]] = {}
        self.hits: list[tuple[str, dict[str, str], float]] = []
        self.active = 0
        self.max_active = 0
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site._serve(self)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def count(self, path: str) -> int:
        return sum(1 for p, _, _ in self.hits if p == path)

    def counts(self) -> Counter:
        return Counter(p for p, _, _ in self.hits)

    def headers_of(self, path: str) -> list[dict[str, str]]:
        return [h for p, h, _ in self.hits if p == path]

    # ------------------------------------------------------------ pages

    def page(self, path: str, body: bytes | str, content_type: str = "text/html; charset=utf-8") -> None:
        """A static page with an ETag and Last-Modified; conditional requests get 304."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        digest = hashlib.sha1(data).hexdigest()
        etag = '"' + digest[:16] + '"'
        modified = formatdate(1_700_000_000 + int(digest[:6], 16), usegmt=True)  # one per content

        def serve(headers: dict[str, str]) -> Reply:
            asked = headers.get("if-none-match")
            if asked == etag or (asked is None and headers.get("if-modified-since") == modified):
                return 304, {"ETag": etag}, b""
            return 200, {"Content-Type": content_type, "ETag": etag, "Last-Modified": modified}, data

        self.routes[path] = serve

    def route(self, path: str, fn: Callable[[dict[str, str]], Reply]) -> None:
        self.routes[path] = fn

    def flaky(self, path: str, body: str, failures: int, status: int = 500) -> None:
        """Answers ``status`` ``failures`` times, then the page."""
        left = [failures]

        def serve(headers: dict[str, str]) -> Reply:
            if left[0] > 0:
                left[0] -= 1
                return status, {"Content-Type": "text/plain"}, b"server error"
            return 200, {"Content-Type": "text/html; charset=utf-8"}, body.encode("utf-8")

        self.routes[path] = serve

    def slow(self, path: str, body: str, seconds: float) -> None:
        def serve(headers: dict[str, str]) -> Reply:
            time.sleep(seconds)
            return 200, {"Content-Type": "text/html; charset=utf-8"}, body.encode("utf-8")

        self.routes[path] = serve

    def redirect(self, path: str, to: str, status: int = 302) -> None:
        self.routes[path] = lambda headers: (status, {"Location": to}, b"")

    # ------------------------------------------------------------ serving

    def _serve(self, h: BaseHTTPRequestHandler) -> None:
        headers = {k.lower(): v for k, v in h.headers.items()}
        path = h.path
        with self._lock:
            self.hits.append((path, headers, time.monotonic()))
            self.active += 1
            self.max_active = max(self.max_active, self.active)
        try:
            fn = self.routes.get(path)
            status, out_headers, body = fn(headers) if fn else (404, {"Content-Type": "text/plain"}, b"not found")
            stream = out_headers.pop("X-Stream", None)
            h.send_response(status)
            for k, v in out_headers.items():
                h.send_header(k, v)
            if stream is None:
                h.send_header("Content-Length", str(len(body)))
            h.send_header("Connection", "close")
            h.end_headers()
            h.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            with self._lock:
                self.active -= 1


@pytest.fixture
def site():
    s = Site()
    try:
        yield s
    finally:
        s.close()


# ---------------------------------------------------------------- pages in the genre

def article(title: str, body: str, published: str, source: str = "浙江日报", charset: str = "utf-8") -> bytes:
    """A provincial news site's article page: navigation, headline, dateline, paragraphs."""
    paras = "".join(f"<p>　　{html.escape(p)}</p>\n" for p in body.split("\n") if p.strip())
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="{charset}">
<title>{html.escape(title)}_要闻_{source}</title>
<meta name="PubDate" content="{published} 08:30">
</head><body>
<div class="nav"><a href="/">首页</a><a href="/yw/">要闻</a><a href="/sz/">时政</a><a href="/about/">关于我们</a></div>
<div class="main"><div class="article">
<h1>{html.escape(title)}</h1>
<div class="info">发布时间：{published} 08:30 来源：{source}</div>
<div class="content">
{paras}</div></div></div>
<div class="footer">版权所有 {source} 网站地图 联系我们</div>
</body></html>
"""
    if charset.lower().startswith("big5"):  # a Taiwan/Hong Kong style page: all of it traditional
        import opencc

        page = opencc.OpenCC("s2t").convert(page)
    return page.encode(charset)


def feed(items: list[tuple[str, str, str]], title: str = "要闻") -> str:
    """An RSS 2.0 feed of (url, title, RFC 822 date) items."""
    entries = "".join(f"<item><title>{html.escape(t)}</title><link>{html.escape(u)}</link>"
                      f"<pubDate>{d}</pubDate></item>\n" for u, t, d in items)
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://127.0.0.1/</link><description>{title}</description>\n{entries}</channel></rss>\n")


def sitemap(urls: list[tuple[str, str]]) -> str:
    """A sitemap (urlset) of (url, lastmod) entries."""
    entries = "".join(f"<url><loc>{html.escape(u)}</loc><lastmod>{m}</lastmod></url>\n" for u, m in urls)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</urlset>\n')


def list_page(links: list[tuple[str, str, str]], charset: str = "utf-8", extra: str = "") -> bytes:
    """A list page: navigation links, then one <li> per (href, title, date) report."""
    items = "".join(f'<li><a href="{html.escape(h)}" target="_blank">{html.escape(t)}</a><span>{d}</span></li>\n'
                    for h, t, d in links)
    page = f"""<!DOCTYPE html><html><head><meta charset="{charset}"><title>时政要闻</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/yw/">要闻</a><a href="/login.html">登录</a></div>
<ul class="list">
{items}</ul>{extra}
<div class="page"><a href="index_1.html">下一页</a></div>
</body></html>
"""
    return page.encode(charset)


#: report texts written for these tests (offices real, the encounters invented)
STORIES = [
    ("浙江省委书记易炼红会见中石油董事长", "2023-03-01",
     "3月1日，浙江省委书记易炼红在杭州会见了中国石油天然气集团有限公司董事长戴厚良一行。\n"
     "双方就深化能源合作进行了交流。浙江省委常委、秘书长陈奕君参加会见。"),
    ("王浩主持召开省政府常务会议", "2023-03-02",
     "3月2日，浙江省省长王浩主持召开省政府常务会议，研究部署一季度经济工作。\n副省长卢山参加会议。"),
    ("青海省委书记陈刚到西宁市调研", "2023-03-03",
     "3月3日，青海省委书记陈刚到西宁市调研生态保护工作。\n他强调，要坚决扛起生态保护的政治责任。"),
    ("四川省长黄强会见客人", "2023-03-04",
     "3月4日，四川省省长黄强在成都会见了中国华能集团有限公司总经理王健一行。\n双方就清洁能源合作深入交流。"),
    ("辽宁省委书记郝鹏调研港口", "2023-03-05",
     "3月5日，辽宁省委书记郝鹏到大连市调研港口建设，要求加快推进重点项目。"),
    ("商务部部长王文涛会见浙江客人", "2023-03-06",
     "3月6日，商务部部长王文涛在北京会见浙江省省长王浩一行，双方就扩大高水平对外开放交换意见。"),
    ("辽宁省长李乐成主持会议", "2023-03-07",
     "3月7日，辽宁省省长李乐成在沈阳主持召开省政府常务会议，研究营商环境建设。"),
    ("四川省委书记王晓晖会见企业负责人", "2023-03-08",
     "3月8日，四川省委书记王晓晖在成都会见了国家电网有限公司董事长辛保安一行。"),
]
