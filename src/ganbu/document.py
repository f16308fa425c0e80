"""The document model: what ``ganbu extract`` returns, and its JSON (``ganbu.document/1``)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .positions import Position

SCHEMA = "ganbu.document/1"


@dataclass(slots=True)
class Person:
    id: str
    name: str
    positions: list[Position] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    rules: set[str] = field(default_factory=set)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "positions": [p.to_dict() for p in self.positions],
            "mentions": [[a, b] for a, b in sorted(self.mentions)],
        }


@dataclass(slots=True)
class Organization:
    id: str
    name: str
    canonical: str
    kind: str
    mentions: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "canonical": self.canonical, "kind": self.kind,
                "mentions": [[a, b] for a, b in sorted(self.mentions)]}


@dataclass(slots=True)
class Document:
    id: str
    text: str                       # the text spans point into (as received, after decoding)
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    quantities: list[dict[str, Any]] = field(default_factory=list)
    statements: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    source: str | None = None
    encoding: str | None = None
    format: str | None = None

    def to_dict(self) -> dict:
        from . import __version__

        return {
            "schema": SCHEMA,
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "authors": list(self.authors),
            "credits": list(self.credits),
            "people": [p.to_dict() for p in self.people],
            "organizations": [o.to_dict() for o in self.organizations],
            "events": list(self.events),
            "quantities": list(self.quantities),
            "statements": list(self.statements),
            "warnings": list(self.warnings),
            "source": {"name": self.source, "encoding": self.encoding, "format": self.format},
            "pipeline": {"name": "ganbu", "version": __version__},
        }
