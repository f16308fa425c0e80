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
from dataclasses import dataclass, field
from typing import Any

__all__ = ["FactRef", "Pattern", "Section", "Segment", "Sentence", "SourceRef"]


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
