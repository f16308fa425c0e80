"""Report links from a listing: an RSS/Atom feed, a sitemap (or sitemap index), or a list page.

- **feed**: parsed by ``feedparser`` (RSS 0.9x/1.0/2.0, Atom); each entry's link, title and
  date (``published`` or ``updated``; feedparser gives UTC, the day is taken in Beijing time,
  UTC+8, the day the report was published there).
- **sitemap**: ``<urlset>`` entries (``<loc>``, ``<lastmod>``, and the Google News extension's
  ``<news:publication_date>``/``<news:title>``), or a ``<sitemapindex>`` whose child sitemaps
  are returned with their ``<lastmod>`` for the collector to follow; gzip-compressed sitemaps
  are read too (with the size cap). Parsed by the standard library's expat, which does not load
  external entities and limits entity expansion.
- **list**: an HTML page (any encoding the reader knows: UTF-8, GBK, Big5); every ``<a href>``
  whose absolute URL matches the source's link pattern (a regular expression searched in the
  URL), or, without a pattern, :data:`DEFAULT_LINK_PATTERN` on the source's own site. The
  anchor text is the title; a date written just after the link (``<span>2023-03-01</span>``,
  ``2023年3月1日``) is its published day.

URLs are made absolute against the listing's URL and lose their ``#fragment``; only http(s)
links are kept, each once, in the order of the listing.
"""
from __future__ import annotations

import calendar
import datetime as _dt
import gzip
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

__all__ = ["DEFAULT_LINK_PATTERN", "Link", "Listing", "canonical_url", "parse_feed", "parse_list_page",
           "parse_listing", "parse_sitemap", "same_site"]

#: report URLs of the genre: a dated path or file name (``t20230301_123.html``,
#: ``/2023-03/01/content_123.htm``, ``/2023/0301/c1-2.html``), ``content_123``, ``art_1_2``
DEFAULT_LINK_PATTERN = (r"(?:[/_t]20\d{2}(?:[-/_]?\d{1,2}){1,2}[/_-].*\.s?html?$"
                        r"|content_\d+\.s?html?$|/art_\d+_\d+\.html$|/c\d+-\d+\.html$)")
BEIJING = _dt.timezone(_dt.timedelta(hours=8))
_DATE_AFTER = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


@dataclass(slots=True, frozen=True)
class Link:
    url: str
    title: str | None = None
    published: _dt.date | None = None


@dataclass(slots=True)
class Listing:
    links: list[Link] = field(default_factory=list)
    children: list[tuple[str, str | None]] = field(default_factory=list)  # child sitemaps: (url, lastmod)


def canonical_url(href: str, base: str | None = None) -> str | None:
    """``href`` made absolute, without its fragment; None unless http(s) with a host."""
    href = href.strip()
    if not href:
        return None
    url = urldefrag(urljoin(base, href) if base else href)[0]
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def _site(host: str) -> str:
    """The part of a host name that names the site (``www.`` and the like dropped)."""
    host = host.lower().rstrip(".")
    labels = host.split(".")
    if len(labels) >= 3 and labels[-2] in ("gov", "com", "org", "edu", "net") and labels[-1] == "cn":
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def same_site(a: str, b: str) -> bool:
    """Whether two URLs belong to one site (``news.zj.gov.cn`` and ``www.zj.gov.cn`` do)."""
    ha, hb = urlsplit(a).hostname or "", urlsplit(b).hostname or ""
    return bool(ha) and _site(ha) == _site(hb)


def _unique(links: list[Link]) -> list[Link]:
    seen: set[str] = set()
    out = []
    for link in links:
        if link.url not in seen:
            seen.add(link.url)
            out.append(link)
    return out


# ---------------------------------------------------------------- feeds

def _feed_day(entry: dict) -> _dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            return _dt.datetime.fromtimestamp(calendar.timegm(t), BEIJING).date()
    return None


def parse_feed(body: bytes, base: str) -> list[Link]:
    """The entries of an RSS or Atom feed (see the module doc)."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(body), response_headers={"content-location": base})
    out = []
    for e in parsed.entries:
        url = canonical_url(e.get("link") or "", base)
        if url:
            title = " ".join((e.get("title") or "").split()) or None
            out.append(Link(url, title, _feed_day(e)))
    return _unique(out)


# ---------------------------------------------------------------- sitemaps

def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _iso_day(value: str | None) -> _dt.date | None:
    if not value:
        return None
    v = value.strip()
    try:
        if len(v) <= 10:
            return _dt.date.fromisoformat(v)
        t = _dt.datetime.fromisoformat(v.replace("Z", "+00:00"))
    except ValueError:
        return None
    return t.astimezone(BEIJING).date() if t.tzinfo else t.date()


def _child_text(el: ET.Element, name: str) -> str | None:
    for sub in el.iter():
        if _local(sub.tag) == name and sub.text and sub.text.strip():
            return sub.text.strip()
    return None


def parse_sitemap(body: bytes, base: str, max_bytes: int = 50_000_000) -> Listing:
    """A ``<urlset>`` (links) or a ``<sitemapindex>`` (children); raises ``ValueError`` when the
    body is no sitemap."""
    if body[:2] == b"\x1f\x8b":
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as gz:
            body = gz.read(max_bytes + 1)
        if len(body) > max_bytes:
            raise ValueError(f"sitemap larger than {max_bytes:,} bytes uncompressed")
    try:
        root = ET.fromstring(body)
    except ET.ParseError as e:
        raise ValueError(f"not XML ({e})") from None
    kind = _local(root.tag)
    out = Listing()
    if kind == "sitemapindex":
        for sm in root:
            loc = canonical_url(_child_text(sm, "loc") or "", base)
            if loc:
                out.children.append((loc, _child_text(sm, "lastmod")))
        return out
    if kind != "urlset":
        raise ValueError(f"not a sitemap (root element <{kind}>)")
    for u in root:
        loc = canonical_url(_child_text(u, "loc") or "", base)
        if loc:
            day = _iso_day(_child_text(u, "publication_date")) or _iso_day(_child_text(u, "lastmod"))
            out.links.append(Link(loc, _child_text(u, "title"), day))
    out.links = _unique(out.links)
    return out


# ---------------------------------------------------------------- list pages

class _Anchors(HTMLParser):
    """``<a href>`` with their text and the text that follows them (up to the next link)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[list] = []  # [href, text parts, after parts]
        self._in_a: list | None = None
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag == "a":
            href = dict(attrs).get("href")
            self._in_a = [href, [], []] if href else None
            if self._in_a is not None:
                self.found.append(self._in_a)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        elif tag == "a":
            self._in_a = None

    def handle_data(self, data: str) -> None:
        if self._skip or not self.found:
            return
        if self._in_a is not None:
            self._in_a[1].append(data)
        elif sum(map(len, self.found[-1][2])) < 60:
            self.found[-1][2].append(data)


def _day_after(parts: list[str]) -> _dt.date | None:
    m = _DATE_AFTER.search("".join(parts)[:60])
    if not m:
        return None
    try:
        return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def parse_list_page(body: bytes, base: str, pattern: str | None = None) -> list[Link]:
    """Report links of an HTML list page (see the module doc); the page is decoded as the reader
    decodes files (raises :class:`~ganbu.errors.GanbuError` E103–E105 when it cannot)."""
    from ..read.decode import decode

    html, _enc = decode(body, base)
    rx = re.compile(pattern or DEFAULT_LINK_PATTERN)
    parser = _Anchors()
    parser.feed(html)
    parser.close()
    out = []
    for href, text, after in parser.found:
        url = canonical_url(href, base)
        if url is None or not rx.search(url) or (pattern is None and not same_site(url, base)):
            continue
        title = " ".join("".join(text).split()) or None
        out.append(Link(url, title, _day_after(after)))
    return _unique(out)


def parse_listing(kind: str, body: bytes, base: str, pattern: str | None = None) -> Listing:
    """Dispatch on the source's kind; raises ``ValueError`` or ``GanbuError`` for a body that is
    not what the kind says."""
    if kind == "feed":
        links = parse_feed(body, base)
        if not links and not body.lstrip()[:1] == b"<":
            raise ValueError("not a feed")
        out = Listing(links)
    elif kind == "sitemap":
        out = parse_sitemap(body, base)
    else:
        out = Listing(parse_list_page(body, base, pattern))
    if pattern and kind != "list":
        rx = re.compile(pattern)
        out.links = [lk for lk in out.links if rx.search(lk.url)]
    return out
