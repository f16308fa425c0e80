"""An independent check of the span invariant stated in :mod:`ganbu.read.source`.

Used by the tests and ``benchmarks/robustness.py``; it shares no code with the reader's tree
or text output. The page is tokenised once with patterns that follow how
:mod:`html.parser` reads markup; character references are found with the pattern
:func:`html.unescape` uses. The content of script/style and of the elements the reader always leaves out
(``hidden``, ``display:none``, ``<noscript>``…) is not visible text; for the navigation-like
elements the reader leaves out by judgement there is no independent rule, so a span that
crosses one is reported.

    page = Page(src.raw)
    problem = page.check(src.text, a, b, *src.raw_span(a, b))   # None when the span is right
    problems = check_spans(src, text_doc, raw_doc)              # every span of a document

``text_doc`` is the document extracted with its spans left in ``Source.text`` (extract a copy of
the Source without offsets), ``raw_doc`` the same extraction mapped to the input.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from html import unescape

from ..model import Document, Span
from .source import Source

__all__ = ["Page", "check_spans", "document_spans", "squash"]

_REF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")  # as in html.unescape
_NEVER_TEXT = frozenset((
    "script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object", "embed", "select",
    "textarea", "button", "option", "canvas", "video", "audio", "map", "title"))
_VOID = frozenset(("area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
                   "param", "source", "track", "wbr", "basefont", "frame", "isindex"))
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def squash(s: str) -> str:
    """``s`` without whitespace (the comparison of the invariant's rule 3)."""
    return "".join(s.split())


# Markup as html.parser reads it (the reader's parser), written out as patterns: comments (an
# unclosed one runs to the end), marked sections, declarations and bogus comments, processing
# instructions, end tags, start tags (quoted values may hold ">"). A "<" that starts none of
# these is text.
_MARKUP = re.compile(
    r"""<!--.*?(?:--\s*>|\Z)"""
    r"""|<!\[\s*(?:cdata|temp|ignore|include|rcdata)\b.*?\]\s*\]\s*>"""
    r"""|<!\[\s*(?:if|else|endif)\b.*?\]\s*>"""
    r"""|<!(?!\[)[^>]*>|<\?[^>]*>|</[^>]*>"""
    r"""|<[a-zA-Z](?:=\s*"[^"]*"|=\s*'[^']*'|[^>])*>""",
    re.S | re.I)
_CDATA_TAG = re.compile(r"<(script|style)[\s/>]", re.I)
_START_TAG = re.compile(r"<([a-zA-Z][^\t\n\r\f />\x00]*)(.*)", re.S)
_ATTR_HIDDEN = re.compile(r"""(?:^|[\s"'/])hidden(?:[\s=/>]|$)""", re.I)


def _tokens(raw: str) -> Iterator[tuple[str, int, int, bool]]:
    """``(kind, start, end, hidden)`` with kind "markup" or "text", tiling ``raw``."""
    open_: list[tuple[str, bool]] = []  # open elements: (tag, hidden)
    pos = 0
    n = len(raw)
    while pos < n:
        lt = raw.find("<", pos)
        while lt >= 0 and not _MARKUP.match(raw, lt):
            lt = raw.find("<", lt + 1)
        if lt < 0:
            yield "text", pos, n, bool(open_) and open_[-1][1]
            return
        if lt > pos:
            yield "text", pos, lt, bool(open_) and open_[-1][1]
        m = _MARKUP.match(raw, lt)
        assert m is not None
        yield "markup", lt, m.end(), False
        pos = m.end()
        cd = _CDATA_TAG.match(raw, lt)
        if cd:  # script/style content is hidden text up to its end tag
            close = re.compile(rf"</{cd.group(1)}(?=[\t\n\r\f />])", re.I).search(raw, pos)
            end = close.start() if close else n
            if end > pos:
                yield "text", pos, end, True
            pos = end
        else:
            _track(open_, m.group())


def _track(open_: list[tuple[str, bool]], tag: str) -> None:
    """Follow which elements are open, and whether they hide their content."""
    if tag.startswith("</"):
        name = tag[2:-1].strip().split(" ")[0].lower()
        for i in range(len(open_) - 1, -1, -1):
            if open_[i][0] == name:
                del open_[i:]
                break
        return
    m = _START_TAG.match(tag)
    if m is None or tag.endswith("/>"):
        return
    name, rest = m.group(1).lower(), m.group(2)
    if name in _VOID:
        return
    hidden = (bool(open_) and open_[-1][1]) or name in _NEVER_TEXT or bool(_ATTR_HIDDEN.search(rest)) \
        or bool(_HIDDEN_STYLE.search(rest))
    open_.append((name, hidden))


class Page:
    """A raw page tokenised once: markup, text runs (visible or not) and character references."""

    def __init__(self, raw: str):
        self.raw = raw
        self.runs: list[tuple[int, int, bool]] = []  # maximal text runs: (start, end, hidden)
        self.markup: list[tuple[int, int]] = []  # tags, comments, declarations
        self.atoms: list[tuple[int, int]] = []  # markup and references: never split by a span
        self._collect()
        self._markup_starts = [m[0] for m in self.markup]
        self._atom_starts = [a[0] for a in self.atoms]
        self._run_starts = [r[0] for r in self.runs]

    def _collect(self) -> None:
        for kind, start, end, hidden in _tokens(self.raw):
            if kind == "markup":
                self.markup.append((start, end))
            elif self.runs and self.runs[-1][1] == start and self.runs[-1][2] == hidden:
                self.runs[-1] = (self.runs[-1][0], end, hidden)
            else:
                self.runs.append((start, end, hidden))
        for s, e, _ in self.runs:
            for m in _REF.finditer(self.raw, s, e):
                val = unescape(m.group())
                if val != m.group():
                    self.atoms.append((m.start(), m.end() - _kept_tail(val, m.group())))
        self.atoms.extend(self.markup)
        self.atoms.sort()

    def inside(self, pos: int) -> bool:
        """True if ``pos`` falls strictly inside a tag, comment or character reference."""
        i = bisect_right(self._atom_starts, pos) - 1
        return i >= 0 and self.atoms[i][0] < pos < self.atoms[i][1]

    def has_markup(self, s: int, e: int) -> bool:
        """True if a tag or comment overlaps ``[s, e)``."""
        j = bisect_left(self._markup_starts, e) - 1
        return j >= 0 and self.markup[j][1] > s

    def visible(self, s: int, e: int) -> str:
        """The text of ``raw[s:e]``: visible runs, each unescaped."""
        i = max(0, bisect_right(self._run_starts, s) - 1)
        parts = []
        while i < len(self.runs) and self.runs[i][0] < e:
            rs, re_, hidden = self.runs[i]
            if not hidden and re_ > s:
                parts.append(unescape(self.raw[max(rs, s) : min(re_, e)]))
            i += 1
        return "".join(parts)

    def check(self, text: str, a: int, b: int, s: int, e: int) -> str | None:
        """``None`` if ``[s, e)`` of the page is a faithful image of ``text[a:b]``, else why not."""
        if not (0 <= s <= e <= len(self.raw)):
            return f"[{s}, {e}) outside the page of length {len(self.raw)}"
        for p, which in ((s, "start"), (e, "end")):
            if self.inside(p):
                return f"{which} {p} inside markup or a reference: {self.raw[max(0, p - 10) : p + 10]!r}"
        want = text[a:b]
        if not self.has_markup(s, e):
            seen = unescape(self.raw[s:e])
            if not _has_space(seen) and not _has_space(want):
                return None if seen == want else f"{self.raw[s:e]!r} reads {seen!r}, text has {want!r}"
        seen = self.visible(s, e)
        if squash(seen) != squash(want):
            return f"{self.raw[s:e][:200]!r} reads {squash(seen)[:80]!r}, text has {squash(want)[:80]!r}"
        return None


def _kept_tail(val: str, src: str) -> int:
    """Characters at the end of a reference's match that ``html.unescape`` passes through
    (``&copy2023`` → ``©2023`` keeps ``2023``)."""
    k = 0
    while k < len(val) - 1 and k < len(src) - 1 and val[-1 - k] == src[-1 - k]:
        k += 1
    return k


def _has_space(s: str) -> bool:
    return any(c.isspace() for c in s)


def document_spans(doc: Document) -> Iterator[tuple[str, str, Span]]:
    """Every span of a document: ``(kind, label, span)``; the label is what the span should
    read (a person's name, a trigger, an amount, a statement) or a description."""
    for p in doc.people:
        for m in p.mentions:
            yield "mention", p.name, m
        for pos in p.positions:
            yield "position", pos.text, pos.span
    for o in doc.organizations:
        for m in o.mentions:
            yield "organization", o.name, m
    for ev in doc.events:
        yield "event", ev.type, ev.span
        yield "trigger", ev.trigger.text, ev.trigger.span
    for st in doc.statements:
        yield "statement", st.text, st.span
    for q in doc.quantities:
        yield "quantity", q.text, q.span
    for w in doc.warnings:
        yield "warning", w.code, w.span
        if w.related is not None:
            yield "warning.related", w.code, w.related


def check_spans(src: Source, text_doc: Document, raw_doc: Document) -> list[str]:
    """What is wrong with ``raw_doc``'s spans, given the same spans in ``src.text`` coordinates
    (``text_doc``): each must be ``src.raw_span`` of its text span and satisfy the invariant
    (for markdown and text: ``raw[s:e] == text[a:b]``)."""
    want = list(document_spans(text_doc))
    got = list(document_spans(raw_doc))
    if [k for k, _, _ in want] != [k for k, _, _ in got]:
        return [f"the documents differ: {len(want)} spans in text, {len(got)} mapped"]
    page = Page(src.raw) if src.offsets is not None else None
    problems = []
    for (kind, label, (a, b)), (_, _, (s, e)) in zip(want, got, strict=True):
        if (s, e) != src.raw_span(a, b):
            problems.append(f"{kind} {label}: [{a}, {b}) mapped to [{s}, {e}), not {src.raw_span(a, b)}")
            continue
        if page is not None:
            why = page.check(src.text, a, b, s, e)
        elif src.raw[s:e] != src.text[a:b]:
            why = f"{src.raw[s:e]!r} != {src.text[a:b]!r}"
        else:
            why = None
        if why:
            problems.append(f"{kind} {label}: {why}")
    return problems
