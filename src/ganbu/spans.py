"""The one span type: character offsets into the original text, with a label and provenance."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True, frozen=True)
class Span:
    """``[start, end)`` into the normalised view, which has the same offsets as the input text.

    ``label`` says what it is (PER, ORG, LOC, TITLE, ROLE, DATE, QTY …), ``kb_id`` a canonical id
    where one is known, ``rule`` the grammar rule or lexicon that produced it.
    """

    start: int
    end: int
    label: str
    text: str = ""
    kb_id: str | None = None
    rule: str = ""

    def as_list(self) -> list[int]:
        return [self.start, self.end]
