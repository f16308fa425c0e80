"""The typed output model: what ``ganbu extract`` returns and prints (``ganbu.document/1``).

Every record is a dataclass with ``[start, end)`` character offsets into the text as the reader
received it; ``to_dict`` gives the JSON of the contract and ``from_dict`` reads it back.
The JSON schema in ``docs/document.schema.json`` is generated from these classes
(``python -m ganbu.model.schema``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .base import INTERNAL, Record

SCHEMA: Literal["ganbu.document/1"] = "ganbu.document/1"

Span = tuple[int, int]
Status = Literal["current", "former", "new", "removed", "acting"]
EventType = Literal["visit", "talks", "meeting", "conference", "signing", "inspection", "appointment",
                    "removal", "speech", "other"]
ParticipantRole = Literal["visitor", "host", "chair", "speaker", "attendee", "signatory", "subject"]
OrgRole = Literal["host", "attendee", "visitor", "signatory"]
Precision = Literal["day", "month", "year", "approximate"]
Qualifier = Literal["exact", "approximate", "at_least", "at_most", "range"]


@dataclass(slots=True)
class Position(Record):
    """One office held by a person, as the text gives it with the implicit jurisdiction filled."""

    text: str
    organization: str | None
    role: str
    jurisdiction: str | None
    status: Status
    span: Span
    rule: str = field(default="", metadata=INTERNAL)  # the grammar rule that read it


@dataclass(slots=True)
class Person(Record):
    id: str
    name: str
    positions: list[Position] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    rules: set[str] = field(default_factory=set, metadata=INTERNAL)


@dataclass(slots=True)
class Organization(Record):
    id: str
    name: str
    canonical: str
    kind: str
    mentions: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Trigger(Record):
    text: str
    span: Span


@dataclass(slots=True)
class EventDate(Record):
    """``start``/``end`` ISO dates, or null with the text kept when the year cannot be known."""

    start: str | None
    end: str | None
    text: str | None
    precision: Precision | None


@dataclass(slots=True)
class Participant(Record):
    person: str
    name: str
    role: ParticipantRole


@dataclass(slots=True)
class EventOrganization(Record):
    org: str | None
    name: str
    role: OrgRole


@dataclass(slots=True)
class Event(Record):
    id: str
    type: EventType
    trigger: Trigger
    date: EventDate | None
    place: str | None
    participants: list[Participant] = field(default_factory=list)
    organizations: list[EventOrganization] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    span: Span = (0, 0)


@dataclass(slots=True)
class Quantity(Record):
    text: str
    value: int | float | None
    unit: str | None
    qualifier: Qualifier | None
    kind: str
    span: Span
    value_max: int | float | None = None
    event: str | None = None  # the event of the sentence it was read in


@dataclass(slots=True)
class Statement(Record):
    speakers: list[str]
    names: list[str]
    verb: str
    text: str
    span: Span


@dataclass(slots=True)
class Warning(Record):
    code: str
    message: str
    span: Span
    related: Span | None = None


@dataclass(slots=True)
class SourceInfo(Record):
    name: str | None = None
    encoding: str | None = None
    format: str | None = None


@dataclass(slots=True)
class PipelineInfo(Record):
    name: str = "ganbu"
    version: str = ""  # package version + hash of the bundled data (see ganbu.version)


@dataclass(slots=True)
class Document(Record):
    id: str
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    source: SourceInfo = field(default_factory=SourceInfo)
    pipeline: PipelineInfo = field(default_factory=PipelineInfo)
    schema: Literal["ganbu.document/1"] = SCHEMA
    text: str = field(default="", metadata=INTERNAL)  # the text spans point into (as received)
