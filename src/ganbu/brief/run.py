"""The work behind :func:`ganbu.brief.patterns` and :func:`ganbu.brief.brief`: read the period's
facts from the store, read them into units, find the patterns or write the briefing."""
from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass
from typing import Any

from ..errors import BadArgument
from ..lang.normalize import normalize
from . import finders as P
from .briefing import digest, roundup
from .facts import Unit, read_units
from .records import KINDS, Briefing, Pattern
from .text import Sourcer

__all__ = ["brief", "patterns"]


def _day(value: str | _dt.date, what: str) -> _dt.date:
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value))
    except ValueError:
        raise BadArgument(f"{what}: not a date in YYYY-MM-DD form: {value!r}") from None


def _store(store: Any) -> Any:
    if isinstance(store, (str, os.PathLike)):
        from ..store.api import open_store

        return open_store(store)
    return store


@dataclass
class _Period:
    units: list[Unit]
    src: Sourcer
    documents: set[int]


def _read(store: Any, date_from: _dt.date, date_to: _dt.date, place: str | None) -> _Period:
    if date_to < date_from:
        raise BadArgument(f"the period ends ({date_to}) before it starts ({date_from})")
    facts = store.brief_facts(date_from, date_to, place=place)
    src = Sourcer()
    for d in facts.documents.values():
        src.add(d.document_id, normalize(d.text), d.title, d.published, d.url, d.organizations, raw=d.text)
    return _Period(read_units(facts, src), src, set(facts.documents))


def patterns(store: Any, date_from: str | _dt.date, date_to: str | _dt.date, *, place: str | None = None,
             kinds: tuple[str, ...] = KINDS, limit: int | None = 30) -> list[Pattern]:
    """What a desk would notice between ``date_from`` and ``date_to`` (inclusive): gatherings of
    provincial top leaders in one city, the central bodies most visited, signings with their
    sums, personnel changes, leaders not seen for a long time (as of ``date_to``) and
    inconsistencies. ``place`` limits the patterns that have a place (gatherings, bodies,
    signings, inconsistencies of reports there). At most ``limit`` patterns of each kind, the
    highest scores first."""
    d0, d1 = _day(date_from, "date_from"), _day(date_to, "date_to")
    bad = [k for k in kinds if k not in KINDS]
    if bad:
        raise BadArgument(f"unknown pattern kind {bad[0]!r} (kinds: {', '.join(KINDS)})")
    st = _store(store)
    period = _read(st, d0, d1, place)
    units, src = period.units, period.src
    found: dict[str, list[Pattern]] = {}
    if "gathering" in kinds:
        found["gathering"] = P.gatherings(units, src)
    if "body" in kinds:
        found["body"] = P.bodies(units, src)
    if "signing" in kinds:
        found["signing"] = P.signings(units, src)
    if "change" in kinds:
        found["change"] = P.changes(_with_docs(st, src, st.changes_with_spans(d0, d1)), src)
    if "quiet" in kinds:
        found["quiet"] = P.quiet(_with_docs(st, src, st.quiet_leaders(d1, roles=P.top_roles())), src)
    if "inconsistency" in kinds:
        found["inconsistency"] = P.inconsistencies(units, src, period.documents)
    out: list[Pattern] = []
    for k in KINDS:
        ps = sorted(found.get(k, []), key=lambda p: -p.score)
        out += ps[:limit] if limit else ps
    return out


def _with_docs(store: Any, src: Sourcer, rows: list[Any]) -> list[Any]:
    """Load the reports these rows cite (changes, quiet leaders) into the sourcer."""
    ids = set()
    for r in rows:
        doc = getattr(r, "document_id", None)
        change = getattr(r, "change", None)
        if change is not None and change.source is not None:
            doc = change.source.document_id
        if doc is not None and doc not in src.docs:
            ids.add(doc)
    if ids:
        for d in store.brief_documents(sorted(ids)).values():
            src.add(d.document_id, normalize(d.text), d.title, d.published, d.url, d.organizations, raw=d.text)
    return rows


def brief(store: Any, date_from: str | _dt.date, date_to: str | _dt.date, *, place: str | None = None,
          provinces: list[str] | None = None, style: str = "roundup") -> Briefing:
    """The roundup (``style="roundup"``) or the digest (``"digest"``) of the period, written
    from the store; ``place`` limits it to activities there (without it the roundup takes the
    city where most provinces' top leaders gathered, if any), ``provinces`` to those provinces'
    sections (``["浙江", "辽宁省"]``)."""
    if style not in ("roundup", "digest"):
        raise BadArgument(f"unknown style {style!r} (roundup or digest)")
    d0, d1 = _day(date_from, "date_from"), _day(date_to, "date_to")
    st = _store(store)
    period = _read(st, d0, d1, place)
    provs = [p.strip() for p in provinces or [] if p.strip()] or None
    if style == "digest":
        return digest(period.units, period.src, d0, d1, place=place, provinces=provs)
    return roundup(period.units, period.src, d0, d1, place=place, provinces=provs)
