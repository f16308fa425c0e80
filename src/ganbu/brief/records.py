"""The records a briefing and a pattern are made of.

A :class:`Sentence` is a list of :class:`Segment` (text, and the person a name stands for) with
its :class:`SourceRef` (a report and a ``[start, end)`` span of its raw text: the report's
sentence or sentences that state the facts) and its :class:`FactRef` (each fact written, the
report span it was read from). A :class:`Briefing` is a headline, a lead, sections and a
closing; a :class:`Pattern` is what a desk would notice, with a score and its sources.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

#: the kinds of pattern, in the order they are listed
KINDS = ("gathering", "body", "signing", "change", "quiet", "inconsistency")

__all__ = ["KINDS", "Briefing", "FactRef", "Pattern", "Section", "Segment", "Sentence", "SourceRef"]


def _jsonable(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: _jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    if isinstance(v, _dt.date):
        return v.isoformat()
    return v


class _Record:
    def to_dict(self) -> dict[str, Any]:
        return _jsonable(dataclasses.asdict(self))  # type: ignore[call-overload]


@dataclass(frozen=True)
class SourceRef(_Record):
    """A span of a stored report: ``text[start:end]`` of document ``document_id``."""
    document_id: int
    start: int
    end: int
    title: str | None = None
    published: _dt.date | None = None
    url: str | None = None


@dataclass(frozen=True)
class FactRef(_Record):
    """A fact as written in the briefing (``text``; None for a date or a count the sentence
    derives) and the report span it was read from."""
    text: str | None
    document_id: int
    start: int
    end: int


@dataclass
class Segment(_Record):
    text: str
    person_id: int | None = None


@dataclass
class Sentence(_Record):
    segments: list[Segment]
    sources: list[SourceRef]
    facts: list[FactRef] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)

    def to_dict(self) -> dict[str, Any]:
        d = super().to_dict()
        d["text"] = self.text
        return d


@dataclass
class Section(_Record):
    """A province (or a day in a digest): its heading sentence and its paragraphs."""
    key: str
    heading: Sentence | None
    paragraphs: list[list[Sentence]] = field(default_factory=list)


@dataclass
class Pattern(_Record):
    """Something a desk would notice: ``kind`` (gathering, body, signing, change, quiet,
    inconsistency), a one-line ``title`` in Chinese, a ``score`` (higher first, comparable within
    a kind), the ``facts`` behind it and the reports they come from."""
    kind: str
    title: str
    score: float
    date_from: _dt.date | None
    date_to: _dt.date | None
    facts: dict[str, Any]
    sources: list[SourceRef]


@dataclass
class Briefing(_Record):
    style: str                       # roundup | digest
    date_from: _dt.date
    date_to: _dt.date
    place: str | None
    provinces: list[str] | None
    headline: Sentence | None
    lead: list[Sentence] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    closing: list[Sentence] = field(default_factory=list)
    note: str | None = None          # said when nothing could be written (not a sentence of the briefing)
    excerpts: dict[tuple[int, int, int], str] = field(default_factory=dict, repr=False)

    def sentences(self) -> list[Sentence]:
        out = [self.headline] if self.headline else []
        out += self.lead
        for s in self.sections:
            out += [s.heading] if s.heading else []
            out += [x for para in s.paragraphs for x in para]
        return out + self.closing

    def footnotes(self) -> list[SourceRef]:
        """Every source, numbered by first use (footnote n is ``footnotes()[n - 1]``)."""
        seen: dict[SourceRef, None] = {}
        for s in self.sentences():
            for r in s.sources:
                seen.setdefault(r, None)
        return list(seen)

    def to_dict(self) -> dict[str, Any]:
        d = super().to_dict()
        d.pop("excerpts", None)
        d["footnotes"] = [{**r.to_dict(), "n": i + 1, "excerpt": self.excerpt(r)} for i, r in
                          enumerate(self.footnotes())]
        return d

    def excerpt(self, r: SourceRef, limit: int = 80) -> str:
        text = self.excerpts.get((r.document_id, r.start, r.end), "")
        return text if len(text) <= limit else text[: limit - 1] + "…"

    def to_markdown(self) -> str:
        from .render import markdown

        return markdown(self)

    def to_html(self, person_url: Callable[[int], str] = lambda person_id: f"/person/{person_id}",
                report_url: Callable[[int, int, int], str] = lambda doc_id, start, end:
                f"/report/{doc_id}#{start}-{end}") -> str:
        from .render import to_html

        return to_html(self, person_url, report_url)
