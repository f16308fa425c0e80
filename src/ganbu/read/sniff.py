"""Which format a decoded input is: ``html``, ``markdown`` or ``text``.

``html``: a doctype, ``<html`` or an XML prolog at the start (after comments), or several
block tags (``<p>``, ``<div>``, ``<br>``) in the first 4 KB, or one with ``<body>``/``<head>``/
``<article>``/``<meta``. ``markdown``: ``# `` headings, ``**bold**`` lines or ``![](…)`` images.
Anything else is ``text``.
"""
from __future__ import annotations

import re

__all__ = ["sniff"]

_HTML_START = re.compile(
    r"\s*(?:<!--.*?-->\s*)*"
    r"(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*(?:<!doctype\s+html|<html))",
    re.I | re.S)
_HTML_BLOCK = re.compile(r"<(?:p|div|br)\b[^>]{0,500}>", re.I)
_HTML_STRONG = re.compile(r"<(?:body|head|article|meta\s)\b", re.I)
_MD_SIGNAL = re.compile(r"^(?:#{1,6}[ \t]+\S|\*\*[^\n]+?\*\*[ \t\r]*$|[ \t]*!\[[^\]\n]*\]\()", re.M)


def sniff(text: str) -> str:
    head = text[:4096]
    if _HTML_START.match(head):
        return "html"
    if len(_HTML_BLOCK.findall(head)) >= 3 or (_HTML_STRONG.search(head) and _HTML_BLOCK.search(head)):
        return "html"
    if ("#" in text or "**" in text or "![" in text) and _MD_SIGNAL.search(text):
        return "markdown"
    return "text"
