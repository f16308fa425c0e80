"""Title and publication date of an HTML page, from its tree and its ``<meta>`` tags.

Title: ``og:title``/``twitter:title``, an ``<h1>`` in the article, an ``<h1>`` on the page, the
``<title>`` without the site's suffix. Published: a ``<meta>`` date, a ``<time>`` (marked
``pubdate``/``datePublished`` first, then any in the article), a dated line just before the
article (the header zone), a date in the article text, then one near the top of the page.
"""
from __future__ import annotations

from .article import Layout, is_within
from .meta import date_from_value, find_published, page_title, published_from_metas, title_from_metas
from .textout import text_of
from .tree import El, iter_elements

__all__ = ["html_published", "html_title"]

_PAGE_DATE_REGION = 3000


def html_title(metas: dict[str, str], lay: Layout, title_el: El | None) -> str | None:
    title = title_from_metas(metas)
    if title is None:
        title = _h1_title(lay)
    if title is None and title_el is not None:
        t = text_of(title_el)
        if t:
            title = page_title(t)
    return title


def _h1_title(lay: Layout) -> str | None:
    dropped = lay.dropped
    for scope in (lay.chosen, lay.body):
        for el in iter_elements(scope):
            if el.tag == "h1" and el not in lay.hard and el not in lay.under_soft:
                t = text_of(el, dropped)
                if t:
                    return t
    return None


def html_published(metas: dict[str, str], lay: Layout, *, header_zone: str, text_published: str | None,
                   page_text: str) -> str | None:
    """``text_published``: the date found in the article text (see :mod:`ganbu.read.analyze`)."""
    published = published_from_metas(metas) or _time_published(lay)
    if published is None and header_zone:
        published = find_published(header_zone, last=True)
    if published is None:
        published = text_published
    if published is None:
        published = find_published(page_text[:_PAGE_DATE_REGION])
    return published


def _time_published(lay: Layout) -> str | None:
    times = [el for el in iter_elements(lay.body) if el.tag == "time" and el not in lay.hard]
    marked = [el for el in times
              if "pubdate" in el.attrs or el.attrs.get("itemprop", "").lower() == "datepublished"]
    inner = [el for el in times if is_within(el, lay.chosen)]
    for el in marked + inner:
        d = date_from_value(el.attrs.get("datetime", "") or text_of(el))
        if d:
            return d
    return None
