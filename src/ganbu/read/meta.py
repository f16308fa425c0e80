"""Title and publication date from text and from ``<meta>`` values (no HTML tree here).

- :func:`markdown_title`: the first ``# `` heading.
- :func:`find_published`: a labelled date (``发布时间：2018-02-27``) or a date line
  (``2018-02-27 08:49:10``) in a region of text.
- :func:`date_from_value`: a date in a ``<meta content>`` / ``<time datetime>`` value.
- :func:`meta_values`, :func:`title_from_metas`, :func:`published_from_metas`,
  :func:`page_title`: the page's ``<meta>`` tags and ``<title>``.
"""
from __future__ import annotations

import datetime as _dt
import re

__all__ = [
    "clean_inline", "date_from_value", "find_published", "markdown_title", "meta_values",
    "page_title", "published_from_metas", "title_from_metas",
]

_MD_TITLE = re.compile(r"^#[ \t]+(.+?)[ \t#]*\r?$", re.M)

_DATE = r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"
_TIME = r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?"
_DATE_LABELS = (
    r"发布时间|發佈時間|發布時間|发布日期|發佈日期|發布日期|发表时间|發表時間|发表日期|發表日期|"
    r"发稿时间|發稿時間|发布于|發佈於|發布於|刊发时间|出版日期|时间|時間|日期|(?<![A-Za-z])(?:published|pubdate|date)"
)
_LABELED_DATE = re.compile(r"(?:" + _DATE_LABELS + r")\s*[:：]?\s*" + _DATE, re.I)
_BARE_DATE_LINE = re.compile(
    r"^[ \t\u3000*]*" + _DATE + r"\s*日?(?:[ \t\u3000]*" + _TIME + r")?"
    r"(?=[ \t\u3000*]*(?:\r?$)|[ \t\u3000]|来源|來源|\|)",
    re.M,
)
_ANY_DATE = re.compile(_DATE)
_COMPACT_DATE = re.compile(r"^\s*((?:19|20)\d{2})(\d{2})(\d{2})(?:\D|$)")

_META_TITLE = ("og:title", "twitter:title")
_META_DATE = (
    "article:published_time", "og:article:published_time", "og:published_time", "article:published",
    "pubdate", "publishdate", "publish_date", "publish-date", "publishtime", "publish_time",
    "datepublished", "firstpublishedtime", "dc.date.issued", "dc.date", "dcterms.created",
    "dcterms.date", "sailthru.date", "parsely-pub-date", "weibo:article:create_at", "og:release_date",
    "release_date", "date", "created",
)
_TITLE_SPLIT = re.compile(r"\s*(?:_+|\|+|｜|--+|—+|\s-\s)\s*")


def clean_inline(s: str) -> str:
    """A heading without surrounding ``**`` and with whitespace collapsed."""
    s = s.strip()
    while len(s) >= 4 and s.startswith("**") and s.endswith("**"):
        s = s[2:-2].strip()
    return " ".join(s.split())


def markdown_title(text: str) -> str | None:
    if not (text.startswith("#") or "\n#" in text):
        return None
    m = _MD_TITLE.search(text)
    return (clean_inline(m.group(1)) or None) if m else None


def _ymd(y: str, m: str, d: str) -> str | None:
    try:
        return _dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def find_published(region: str, *, last: bool = False) -> str | None:
    """A labelled date (发布时间：…) or a date line (``2018-02-27 08:49:10``) in ``region``:
    the first one found, or with ``last`` the latest-placed one."""
    found: list[tuple[int, str]] = []
    for rx in (_LABELED_DATE, _BARE_DATE_LINE):
        for m in rx.finditer(region):
            d = _ymd(*m.group(1, 2, 3))
            if d:
                found.append((m.start(), d))
                if not last:
                    break
        if found and not last:
            return found[0][1]
    if not found:
        return None
    return max(found)[1]


def date_from_value(value: str) -> str | None:
    m = _ANY_DATE.search(value)
    if m:
        return _ymd(*m.group(1, 2, 3))
    m = _COMPACT_DATE.match(value)
    if m:
        return _ymd(*m.group(1, 2, 3))
    return None


def meta_values(metas: list[dict[str, str]]) -> dict[str, str]:
    """``<meta>`` tags as ``{property/name/itemprop/http-equiv (lower case): content}``, first wins."""
    out: dict[str, str] = {}
    for m in metas:
        key = (m.get("property") or m.get("name") or m.get("itemprop") or m.get("http-equiv") or "").lower()
        if key and "content" in m and key not in out:
            out[key] = m["content"]
    return out


def title_from_metas(metas: dict[str, str]) -> str | None:
    for k in _META_TITLE:
        if metas.get(k, "").strip():
            return " ".join(metas[k].split())
    return None


def published_from_metas(metas: dict[str, str]) -> str | None:
    for k in _META_DATE:
        v = metas.get(k)
        if v:
            d = date_from_value(v)
            if d:
                return d
    return None


def page_title(t: str) -> str:
    """A ``<title>`` without the site's suffix (``省长会见客人_要闻_示例网`` → ``省长会见客人``)."""
    parts = [p for p in _TITLE_SPLIT.split(t) if p]
    return parts[0] if parts and len(parts[0]) >= 4 else t
