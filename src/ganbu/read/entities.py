"""Character references in a text run, decoded exactly as :func:`html.unescape` does, with
where each piece of the result comes from.

``html.unescape`` finds references with the pattern below (the one in CPython's ``html``
module) and replaces each with its value; a named reference without ``;`` keeps the rest of
its match (``&copy2023`` → ``©2023``, ``&ampx`` → ``&x``). :func:`segments` cuts a run into
pieces ``(text, raw_start, raw_end, verbatim)``: verbatim pieces are raw text character for
character; the others are the value of one reference (one character, rarely two) and span
the whole reference. Joining the texts gives ``html.unescape(raw[start:end])``.
"""
from __future__ import annotations

import re
from html import unescape

__all__ = ["Segment", "segments"]

Segment = tuple[str, int, int, bool]  # (text, raw start, raw end, verbatim)

_REF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")


def segments(raw: str, start: int, end: int) -> list[Segment]:
    """The pieces of ``raw[start:end]`` (a text run between two tags) once unescaped."""
    if raw.find("&", start, end) < 0:
        return [(raw[start:end], start, end, True)] if end > start else []
    out: list[Segment] = []
    p = start  # start of the current verbatim stretch
    for m in _REF.finditer(raw, start, end):
        src = m.group()
        val = unescape(src)
        if val == src:
            continue  # not a reference (&foo;): stays in the verbatim stretch
        k = _common_tail(val, src)
        head_end = m.end() - k
        if m.start() > p:
            out.append((raw[p : m.start()], p, m.start(), True))
        if len(val) > k:  # some references stand for nothing (&#1;)
            out.append((val[: len(val) - k], m.start(), head_end, False))
        p = head_end  # what a reference without ";" keeps of its match is verbatim
    if p < end:
        out.append((raw[p:end], p, end, True))
    return out


def _common_tail(val: str, src: str) -> int:
    """How many trailing characters ``val`` keeps from ``src`` (never all of ``val``)."""
    k = 0
    while k < len(val) - 1 and k < len(src) - 1 and val[-1 - k] == src[-1 - k]:
        k += 1
    return k
