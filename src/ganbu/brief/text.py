"""Filling templates with facts.

A :class:`Piece` is text made of segments (a name keeps its person id, for links) together with
the facts it states (:class:`FactRef`: the text and the report span). Templates
(:func:`ganbu.brief.tables.template`) are filled only with pieces and with numbers and dates
derived from facts; :class:`Sourcer` turns the facts of a finished sentence into its sources:
each fact's span widened to the report sentence that holds it, overlapping ones merged.
"""
from __future__ import annotations

import bisect
import datetime as _dt
import re
import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .records import FactRef, Segment, Sentence, SourceRef
from .tables import template

__all__ = ["Piece", "Sourcer", "fact", "fill", "fmt_amount", "fmt_dates", "join", "lit"]


@dataclass
class Piece:
    segments: list[Segment] = field(default_factory=list)
    facts: list[FactRef] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)

    def __add__(self, other: Piece) -> Piece:
        return Piece(self.segments + other.segments, self.facts + other.facts)

    def __bool__(self) -> bool:
        return any(s.text for s in self.segments)


def lit(text: str) -> Piece:
    """Text derived from facts (a count, a date) or template glue: no fact of its own."""
    return Piece([Segment(text)] if text else [], [])


def fact(text: str, refs: Iterable[FactRef], person_id: int | None = None) -> Piece:
    """A fact as stated in reports, with every span it was read from."""
    return Piece([Segment(text, person_id)], list(refs))


def join(pieces: Iterable[Piece], sep: str = "sep.list") -> Piece:
    out = Piece()
    glue = template(sep)
    for i, p in enumerate(x for x in pieces if x):
        if i:
            out = out + lit(glue)
        out = out + p
    return out


_FMT = string.Formatter()


def fill(key: str, **slots: Piece | str | int) -> Piece:
    """The template ``key`` with its slots filled (str and int slots are derived text)."""
    out = Piece()
    for literal, name, _spec, _conv in _FMT.parse(template(key)):
        if literal:
            out = out + lit(literal)
        if name is None:
            continue
        value = slots[name]
        out = out + (value if isinstance(value, Piece) else lit(str(value)))
    return out


# ---------------------------------------------------------------- dates and amounts

def fmt_dates(start: _dt.date, end: _dt.date | None = None, *, year: bool = False) -> str:
    """``3月1日``, ``3月1日至2日``, ``2月28日至3月1日``; with ``year``: ``2023年3月1日…``."""
    if end is None or end == start:
        text = template("date.day").format(m=start.month, d=start.day)
    elif (end.year, end.month) == (start.year, start.month):
        text = template("date.range.month").format(m=start.month, d=start.day, d2=end.day)
    else:
        text = template("date.range").format(m=start.month, d=start.day, m2=end.month, d2=end.day)
    return template("date.year").format(y=start.year, date=text) if year else text


def _number(x: float) -> str:
    d = Decimal(str(x)).normalize()
    return format(d, "f").rstrip("0").rstrip(".") if "." in format(d, "f") else format(d, "f")


def fmt_amount(value: float, unit: str, qualifier: str) -> str:
    """A sum in the report's manner: ``约120亿元``, ``超过2900亿元``."""
    keys = (f"unit.{unit}.yi", f"unit.{unit}.wan", f"unit.{unit}")
    if abs(value) >= 1e8:
        text = template(keys[0]).format(n=_number(value / 1e8))
    elif abs(value) >= 1e4:
        text = template(keys[1]).format(n=_number(value / 1e4))
    else:
        text = template(keys[2]).format(n=_number(value))
    return template(f"amount.{qualifier}").format(x=text)


# ---------------------------------------------------------------- sources

_BOUNDARY = re.compile(r"[。！？!?\n]")
_TRIM = "*#> \t\u3000"


@dataclass
class _Doc:
    text: str           # the normalised view (what facts are read from)
    raw: str            # the text as stored (what excerpts quote)
    bounds: list[int]
    title: str | None
    published: _dt.date | None
    url: str | None


class Sourcer:
    """The report texts of a briefing (normalised views: the same length as the raw text, so
    spans carry over) and the sentences they are cut into."""

    def __init__(self) -> None:
        self.docs: dict[int, _Doc] = {}
        self.orgs: dict[int, list[Any]] = {}  # document → the organisations it names (BriefOrg)

    def add(self, doc_id: int, text: str, title: str | None, published: _dt.date | None, url: str | None,
            orgs: list[Any] | None = None, *, raw: str | None = None) -> None:
        bounds = [m.start() for m in _BOUNDARY.finditer(text)]
        self.docs[doc_id] = _Doc(text, raw if raw is not None else text, bounds, title, published, url)
        self.orgs[doc_id] = orgs or []

    def text(self, doc_id: int) -> str:
        return self.docs[doc_id].text

    def sentence_of(self, doc_id: int, start: int, end: int) -> tuple[int, int]:
        """The report sentence(s) holding ``[start, end)``: from after the boundary before it to
        the boundary after it (a closing 。 included), markup trimmed."""
        d = self.docs[doc_id]
        i = bisect.bisect_left(d.bounds, start)
        a = d.bounds[i - 1] + 1 if i > 0 else 0
        j = bisect.bisect_left(d.bounds, max(end - 1, start))
        b = d.bounds[j] if j < len(d.bounds) else len(d.text)
        if b < len(d.text) and d.text[b] != "\n":
            b += 1
        while a < start and d.text[a] in _TRIM:
            a += 1
        while b > end and d.text[b - 1] in _TRIM:
            b -= 1
        return a, b

    def sources(self, facts: Iterable[FactRef]) -> list[SourceRef]:
        """Each fact's report sentence, overlapping or touching ones of one report merged."""
        spans: dict[int, list[tuple[int, int]]] = {}
        for f in facts:
            if f.document_id in self.docs:
                spans.setdefault(f.document_id, []).append(self.sentence_of(f.document_id, f.start, f.end))
        out = []
        for doc_id in sorted(spans, key=lambda k: (self.docs[k].published or _dt.date.min, k)):
            merged: list[list[int]] = []
            for a, b in sorted(spans[doc_id]):
                if merged and a <= merged[-1][1] + 1:
                    merged[-1][1] = max(merged[-1][1], b)
                else:
                    merged.append([a, b])
            d = self.docs[doc_id]
            out += [SourceRef(doc_id, a, b, d.title, d.published, d.url) for a, b in merged]
        return out

    def sentence(self, piece: Piece) -> Sentence | None:
        """The finished sentence, or None when no fact stands behind it."""
        facts = list(dict.fromkeys(piece.facts))
        sources = self.sources(facts)
        if not sources:
            return None
        return Sentence(_merge_segments(piece.segments), sources, facts)


def _merge_segments(segs: list[Segment]) -> list[Segment]:
    out: list[Segment] = []
    for s in segs:
        if not s.text:
            continue
        if out and s.person_id is None and out[-1].person_id is None:
            out[-1] = Segment(out[-1].text + s.text)
        else:
            out.append(Segment(s.text, s.person_id))
    return out
