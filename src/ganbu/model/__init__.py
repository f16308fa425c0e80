"""The typed output model (floor 1: imports nothing of ganbu but ``errors``).

Records: :class:`Document` → :class:`Person` (with :class:`Position`), :class:`Organization`,
:class:`Event` (with :class:`Trigger`, :class:`EventDate`, :class:`Participant`,
:class:`EventOrganization`), :class:`Quantity`, :class:`Statement`, :class:`Warning`.
"""
from .base import Record
from .records import (
    SCHEMA,
    Document,
    Event,
    EventDate,
    EventOrganization,
    Organization,
    Participant,
    Person,
    PipelineInfo,
    Position,
    Quantity,
    SourceInfo,
    Span,
    Statement,
    Trigger,
    Warning,
)

__all__ = [
    "SCHEMA",
    "Document",
    "Event",
    "EventDate",
    "EventOrganization",
    "Organization",
    "Participant",
    "Person",
    "PipelineInfo",
    "Position",
    "Quantity",
    "Record",
    "SourceInfo",
    "Span",
    "Statement",
    "Trigger",
    "Warning",
]
