"""Metadata read from the text itself, for every format: title (markdown), publication date,
byline authors, credits and skip ranges.

One regex pass finds byline labels, copyright and navigation keywords together; a lookahead on
their first characters keeps a 2 MB scan at a few milliseconds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .byline import LABEL_HIT, Author, find_bylines
from .meta import find_published, markdown_title
from .skip import COPYRIGHT_LINE, LINE_LIMIT, NAV_LINE, find_skip

__all__ = ["TextInfo", "analyze"]

_SCAN = re.compile(
    "(?=[" + re.escape("".join(sorted(COPYRIGHT_LINE[0] | NAV_LINE[0] | LABEL_HIT[0]))) + "])"
    f"(?:(?P<copyright>{COPYRIGHT_LINE[1]})|(?P<nav>{NAV_LINE[1]})|(?P<label>{LABEL_HIT[1]}))"
)
_PUBLISHED_REGION = 2000


@dataclass(slots=True)
class TextInfo:
    title: str | None = None
    published: str | None = None
    authors: list[Author] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    skip: list[tuple[int, int]] = field(default_factory=list)


def analyze(text: str, *, markdown: bool) -> TextInfo:
    info = TextInfo()
    if markdown:
        info.title = markdown_title(text)
    info.published = find_published(text[:_PUBLISHED_REGION])
    label_hits: list[int] = []
    line_hits: list[tuple[int, int]] = []
    for m in _SCAN.finditer(text):
        kind = m.lastgroup or ""
        if kind == "label":
            label_hits.append(m.start())
        else:
            line_hits.append((m.start(), LINE_LIMIT[kind]))
    info.authors, info.credits = find_bylines(text, label_hits)
    info.skip = find_skip(text, line_hits)
    return info
