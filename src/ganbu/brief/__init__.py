"""Patterns and briefings written from the store, every sentence sourced.

    >>> import ganbu
    >>> from ganbu.brief import brief, patterns
    >>> st = ganbu.open_store("ganbu.db")                                   # doctest: +SKIP
    >>> for p in patterns(st, "2023-02-25", "2023-03-04", place="北京"):     # doctest: +SKIP
    ...     print(p.kind, p.score, p.title)
    >>> b = brief(st, "2023-03-01", "2023-03-03", place="北京")              # doctest: +SKIP
    >>> print(b.to_markdown())                                              # doctest: +SKIP

Layer: above the store (floor 7). Patterns and briefings read the store only through its query
layer (:mod:`ganbu.store.queries_brief`, :mod:`ganbu.store.queries`), so they work on SQLite
and PostgreSQL alike; they read report texts with :mod:`ganbu.lang` (normalisation, dates,
quantities) and write Chinese from the templates in ``data/templates.tsv``: nothing appears in a
briefing that no stored report says, and every sentence carries the reports and spans it comes
from.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any

from .records import KINDS, Briefing, FactRef, Pattern, Section, Segment, Sentence, SourceRef

__all__ = ["KINDS", "Briefing", "FactRef", "Pattern", "Section", "Segment", "Sentence", "SourceRef", "brief",
           "patterns"]


def patterns(store: Any, date_from: str | _dt.date, date_to: str | _dt.date, *, place: str | None = None,
             kinds: tuple[str, ...] = KINDS, limit: int | None = 30) -> list[Pattern]:
    """What a desk would notice between ``date_from`` and ``date_to`` (inclusive): gatherings of
    provincial top leaders in one city, the central bodies most visited, signings with their
    sums, personnel changes, leaders not seen for a long time (as of ``date_to``) and
    inconsistencies. ``store`` is a :class:`ganbu.store.api.Store` or a path/URL. ``place``
    limits the patterns that have a place (gatherings, bodies, signings, inconsistencies of the
    reports there). At most ``limit`` patterns of each kind, the highest scores first."""
    from .run import patterns as _patterns

    return _patterns(store, date_from, date_to, place=place, kinds=kinds, limit=limit)


def brief(store: Any, date_from: str | _dt.date, date_to: str | _dt.date, *, place: str | None = None,
          provinces: list[str] | None = None, style: str = "roundup") -> Briefing:
    """The roundup (``style="roundup"``) or the digest (``"digest"``) of the period, written
    from the store; ``place`` limits it to activities there (without it the roundup takes the
    city where most provinces' top leaders gathered, if any), ``provinces`` to those provinces'
    sections (``["浙江", "辽宁省"]``)."""
    from .run import brief as _brief

    return _brief(store, date_from, date_to, place=place, provinces=provinces, style=style)
