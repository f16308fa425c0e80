"""An HTML page → :class:`Source`: the article text with offsets into the page, and metadata.

Steps: build the tree (:mod:`.tree`), choose the article container and what to leave out
(:mod:`.article`), write its text with offsets (:mod:`.textout`), read bylines, credits and
skip ranges from that text (:mod:`.analyze`), and the title and date from the page
(:mod:`.htmlmeta`). When the container holds no text the whole page's text is used; a page
with no text at all is refused (E103).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputEmpty
from .analyze import analyze
from .article import Layout, find_body, layout
from .byline import find_bylines
from .htmlmeta import html_published, html_title
from .meta import meta_values
from .source import Source
from .textout import TextOut, walk
from .tree import parse

__all__ = ["read_html"]

_HEADER_LINES = 15  # lines of page text just before the article that may hold its date and source


@dataclass(slots=True)
class _Texts:
    text: str
    offsets: list[int]
    ends: dict[int, int]
    page_text: str  # the whole page without hard drops, for metadata outside the article
    header_zone: str  # the lines just before the article container


def read_html(raw: str, name: str, encoding: str) -> Source:
    tree = parse(raw)
    body, title_el = find_body(tree.root)
    lay = layout(body)
    t = _texts(lay, name)
    info = analyze(t.text, markdown=False)
    metas = meta_values(tree.metas)
    credits = list(info.credits)
    if t.header_zone:
        credits = list(dict.fromkeys(credits + find_bylines(t.header_zone)[1]))
    return Source(
        name=name, raw=raw, text=t.text, offsets=t.offsets, format="html", encoding=encoding,
        title=html_title(metas, lay, title_el),
        published=html_published(metas, lay, header_zone=t.header_zone, text_published=info.published,
                                 page_text=t.page_text),
        authors=info.authors, credits=credits, skip=info.skip, ends=t.ends,
    )


def _texts(lay: Layout, name: str) -> _Texts:
    out = TextOut()
    walk(lay.chosen, out, lay.dropped)
    text, offsets, ends = out.result()
    page = TextOut()
    mark = walk(lay.body, page, lay.hard, marker=lay.chosen if lay.chosen is not lay.body else None)
    page_text = page.result()[0]
    header_zone = ""
    if mark > 0:
        header_zone = "\n".join(page_text[:mark].split("\n")[-_HEADER_LINES:])
    if not text.strip():
        if not page_text.strip():
            raise InputEmpty("HTML has no text content", name)
        text, offsets, ends = page.result()
    return _Texts(text, offsets, ends, page_text, header_zone)
