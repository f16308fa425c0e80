"""The queries the briefings and patterns read (:mod:`ganbu.brief`): per-report facts with their
spans, the texts they point into, leaders gone quiet, personnel changes with the spans that tell them.

Like :mod:`ganbu.store.queries`, plain functions over a connection returning typed rows, the
same SQL on SQLite and PostgreSQL. They read the per-report facts (``event_reports``,
``participants``, ``positions``, ``event_orgs``, ``org_mentions``) rather than the resolved
events, because a briefing quotes what each report says, with that report's spans; resolution
(``event_id``, ``person_id``) is carried along so the briefing can merge what several reports tell.

:class:`BriefQueries` is mixed into :class:`ganbu.store.api.Store`, so ``store.brief_facts(…)``
and the others open one short read transaction each.
"""
from __future__ import annotations

import datetime as _dt
import zlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, and_, func, or_, select

from . import schema as S
from .queries import Change, Row, changes
from .writer import chunked

__all__ = [
    "BriefDocument",
    "BriefEvent",
    "BriefFacts",
    "BriefOrg",
    "BriefPerson",
    "BriefPosition",
    "BriefQueries",
    "ChangeSpan",
    "QuietLeader",
    "brief_documents",
    "brief_events",
    "brief_facts",
    "brief_period",
    "changes_with_spans",
    "quiet_leaders",
]

D = _dt.date
Span = tuple[int, int]


@dataclass
class BriefPosition(Row):
    office: str
    organization: str | None
    org_kind: str | None
    role: str
    jurisdiction: str | None
    province: str | None
    status: str
    span: Span


@dataclass
class BriefPerson(Row):
    mention_idx: int
    person_id: int | None
    name: str
    role: str                      # the participant role in the event (visitor, host …)
    spans: list[Span]              # every mention of the name in the report
    positions: list[BriefPosition]  # the offices the report gives the person


@dataclass
class BriefOrg(Row):
    organization_id: int
    canonical: str
    kind: str | None
    role: str | None               # in the event (host, attendee …); None for a bare mention
    spans: list[Span]


@dataclass
class BriefEvent(Row):
    document_id: int
    idx: int
    event_id: int | None
    type: str
    date: D | None
    date_end: D | None
    precision: str | None
    place: str | None
    place_province: str | None
    trigger: Span
    span: Span
    topics: list[str] = field(default_factory=list)
    participants: list[BriefPerson] = field(default_factory=list)
    organizations: list[BriefOrg] = field(default_factory=list)


@dataclass
class BriefDocument(Row):
    document_id: int
    title: str | None
    url: str | None
    published: D | None
    source: str | None
    text: str
    organizations: list[BriefOrg] = field(default_factory=list)  # every organisation the report names


@dataclass
class BriefFacts(Row):
    events: list[BriefEvent]
    documents: dict[int, BriefDocument]


@dataclass
class QuietLeader(Row):
    person_id: int
    name: str
    office: str
    role: str
    province: str | None
    last_seen: D
    days_silent: int
    document_id: int | None
    title: str | None
    published: D | None
    span: Span | None


@dataclass
class ChangeSpan(Row):
    change: Change
    span: Span | None              # the position (or the name) in the change's source report
    role: str | None = None        # the office's role, organisation kind, jurisdiction, province
    org_kind: str | None = None
    jurisdiction: str | None = None
    province: str | None = None


def _spans(text: str | None) -> list[Span]:
    out = []
    for part in (text or "").split():
        a, _, b = part.partition("-")
        out.append((int(a), int(b)))
    return out


# ---------------------------------------------------------------- per-report facts

def brief_events(conn: Connection, date_from: D, date_to: D, *, place: str | None = None) -> list[BriefEvent]:
    """Event reports whose dates meet ``[date_from, date_to]`` (optionally at a place whose name
    or province contains ``place``), with participants, their positions and the organisations."""
    er, pl = S.event_reports.c, S.places.c
    end = func.coalesce(er.date_end, er.date_start)
    q = (select(er.document_id, er.idx, er.event_id, er.type, er.date_start, er.date_end, er.precision, pl.name,
                pl.province, er.trigger_start, er.trigger_end, er.start, er.end, er.topics)
         .select_from(S.event_reports.outerjoin(S.places, pl.id == er.place_id))
         .where(er.date_start <= date_to, end >= date_from))
    if place:
        q = q.where(or_(pl.name.like(f"%{place}%"), pl.province.like(f"{place}%")))
    rows: dict[tuple[int, int], BriefEvent] = {}
    for r in conn.execute(q.order_by(er.date_start, er.document_id, er.idx)):
        rows[(r.document_id, r.idx)] = BriefEvent(
            r.document_id, r.idx, r.event_id, r.type, r.date_start, r.date_end, r.precision, r.name, r.province,
            (r.trigger_start, r.trigger_end), (r.start, r.end), [t for t in (r.topics or "").split("；") if t])
    docs = sorted({d for d, _ in rows})
    for part in chunked(docs, 400):
        _fill_participants(conn, rows, part)
        _fill_event_orgs(conn, rows, part)
    return list(rows.values())


def _positions(conn: Connection, docs: Sequence[int]) -> dict[tuple[int, int], list[BriefPosition]]:
    po, o, org = S.positions.c, S.offices.c, S.organizations.c
    q = (select(po.document_id, po.mention_idx, o.label, org.canonical, org.kind, o.role, o.jurisdiction, o.province,
                po.status, po.start, po.end)
         .select_from(S.positions.join(S.offices, o.id == po.office_id)
                      .outerjoin(S.organizations, org.id == o.organization_id))
         .where(po.document_id.in_(list(docs))).order_by(po.document_id, po.mention_idx, po.idx))
    out: dict[tuple[int, int], list[BriefPosition]] = defaultdict(list)
    for r in conn.execute(q):
        out[(r.document_id, r.mention_idx)].append(
            BriefPosition(r.label, r.canonical, r.kind, r.role, r.jurisdiction, r.province, r.status, (r.start, r.end)))
    return out


def _fill_participants(conn: Connection, rows: dict[tuple[int, int], BriefEvent], docs: Sequence[int]) -> None:
    pa, m, n = S.participants.c, S.mentions.c, S.names.c
    positions = _positions(conn, docs)
    q = (select(pa.document_id, pa.event_idx, pa.mention_idx, pa.role, m.person_id, n.name, m.spans)
         .select_from(S.participants.join(S.mentions, and_(m.document_id == pa.document_id,
                                                           m.idx == pa.mention_idx))
                      .join(S.names, n.id == m.name_id))
         .where(pa.document_id.in_(list(docs))).order_by(pa.document_id, pa.event_idx, pa.mention_idx))
    for r in conn.execute(q):
        ev = rows.get((r.document_id, r.event_idx))
        if ev is not None:
            ev.participants.append(BriefPerson(r.mention_idx, r.person_id, r.name, r.role, _spans(r.spans),
                                               positions.get((r.document_id, r.mention_idx), [])))


def _fill_event_orgs(conn: Connection, rows: dict[tuple[int, int], BriefEvent], docs: Sequence[int]) -> None:
    eo, org, om = S.event_orgs.c, S.organizations.c, S.org_mentions.c
    q = (select(eo.document_id, eo.event_idx, eo.organization_id, org.canonical, org.kind, eo.role, om.spans)
         .select_from(S.event_orgs.join(S.organizations, org.id == eo.organization_id)
                      .outerjoin(S.org_mentions, and_(om.document_id == eo.document_id,
                                                      om.organization_id == eo.organization_id)))
         .where(eo.document_id.in_(list(docs))).order_by(eo.document_id, eo.event_idx, eo.organization_id))
    for r in conn.execute(q):
        ev = rows.get((r.document_id, r.event_idx))
        if ev is not None:
            ev.organizations.append(BriefOrg(r.organization_id, r.canonical, r.kind, r.role, _spans(r.spans)))


def brief_documents(conn: Connection, ids: Sequence[int]) -> dict[int, BriefDocument]:
    """The reports by id: metadata, raw text (what the spans point into), organisations named."""
    d, t, om, org = S.documents.c, S.document_texts.c, S.org_mentions.c, S.organizations.c
    out: dict[int, BriefDocument] = {}
    for part in chunked(sorted(set(ids)), 400):
        q = (select(d.id, d.title, d.url, d.published, d.source, t.text_z)
             .join(S.document_texts, t.document_id == d.id).where(d.id.in_(list(part))))
        for r in conn.execute(q):
            out[r.id] = BriefDocument(r.id, r.title, r.url, r.published, r.source,
                                      zlib.decompress(r.text_z).decode("utf-8"))
        q2 = (select(om.document_id, om.organization_id, org.canonical, org.kind, om.spans)
              .join(S.organizations, org.id == om.organization_id).where(om.document_id.in_(list(part))))
        for o in conn.execute(q2):
            if o.document_id in out:
                out[o.document_id].organizations.append(
                    BriefOrg(o.organization_id, o.canonical, o.kind, None, _spans(o.spans)))
    return out


def brief_facts(conn: Connection, date_from: D, date_to: D, *, place: str | None = None) -> BriefFacts:
    """:func:`brief_events` and the :func:`brief_documents` they come from, in one read."""
    evs = brief_events(conn, date_from, date_to, place=place)
    return BriefFacts(evs, brief_documents(conn, [e.document_id for e in evs]))


def brief_period(conn: Connection) -> tuple[D | None, D | None]:
    """The first and last day of the stored event reports."""
    er = S.event_reports.c
    r = conn.execute(select(func.min(er.date_start), func.max(func.coalesce(er.date_end, er.date_start)))).one()
    return r[0], r[1]


# ---------------------------------------------------------------- leaders gone quiet

def quiet_leaders(conn: Connection, as_of: D, *, roles: Sequence[tuple[str, str]], silent_days: int = 60,
                  within_days: int = 400, limit: int = 50) -> list[QuietLeader]:
    """Holders of the offices ``roles`` ((organisation kind, role) pairs, at province level: the
    office's jurisdiction is its province) whom no report published up to ``as_of`` names after
    ``silent_days`` before it, though one did within ``within_days``; whose spell had not ended
    by then, and whose office nobody else was seen holding after their last sighting. Only
    reports up to ``as_of`` count, so a past period reads as it did then. The longest silences
    first, with the last report that named them."""
    if not roles:
        return []
    sp, o, org, n, m, d = (S.spells.c, S.offices.c, S.organizations.c, S.names.c, S.mentions.c,
                           S.documents.c)
    newest, oldest = as_of - _dt.timedelta(days=silent_days), as_of - _dt.timedelta(days=within_days)
    last = (select(func.max(d.published)).select_from(S.mentions.join(S.documents, d.id == m.document_id))
            .where(m.person_id == sp.person_id, d.published <= as_of).scalar_subquery())
    q = (select(sp.person_id, n.name, o.label, o.role, o.province, sp.office_id, last.label("last"))
         .select_from(S.spells.join(S.offices, o.id == sp.office_id).join(S.organizations, org.id == o.organization_id)
                      .join(S.persons, S.persons.c.id == sp.person_id).join(S.names, n.id == S.persons.c.name_id))
         .where(or_(*[and_(org.kind == k, o.role == r) for k, r in roles]), o.jurisdiction == o.province,
                sp.first_seen <= newest, sp.last_seen >= oldest,
                or_(sp.end_date.is_(None), sp.end_date > as_of), or_(sp.ended_before.is_(None),
                                                                       sp.ended_before > as_of)))
    found: dict[int, Any] = {}
    for r in conn.execute(q):
        if r.last is not None and oldest <= r.last <= newest and r.person_id not in found:
            found[r.person_id] = r
    later = S.spells.c
    out = []
    for r in sorted(found.values(), key=lambda r: (r.last, r.person_id)):
        successor = conn.scalar(select(later.id).where(later.office_id == r.office_id, later.person_id != r.person_id,
                                                       later.last_seen > r.last, later.first_seen <= as_of).limit(1))
        if successor is None:
            out.append(QuietLeader(r.person_id, r.name, r.label, r.role, r.province, r.last, (as_of - r.last).days,
                                   *_last_report(conn, r.person_id, r.last)))
        if len(out) >= limit:
            break
    return out


def _last_report(conn: Connection, pid: int, day: D) -> tuple[int | None, str | None, D | None, Span | None]:
    m, d = S.mentions.c, S.documents.c
    r = conn.execute(select(d.id, d.title, d.published, m.start, m.end)
                     .join(S.documents, d.id == m.document_id)
                     .where(m.person_id == pid, d.published <= day)
                     .order_by(d.published.desc(), d.id.desc()).limit(1)).first()
    return (r.id, r.title, r.published, (r.start, r.end)) if r else (None, None, None, None)


# ---------------------------------------------------------------- changes with their spans

def changes_with_spans(conn: Connection, date_from: D, date_to: D) -> list[ChangeSpan]:
    """:func:`ganbu.store.queries.changes`, each with the span of the office (else the name) in
    its source report and what the office is (role, organisation kind, jurisdiction)."""
    po, m, o, org = S.positions.c, S.mentions.c, S.offices.c, S.organizations.c
    rows = changes(conn, date_from, date_to)
    offices: dict[str, Any] = {}
    for part in chunked(sorted({c.office for c in rows}), 400):
        q = (select(o.id, o.label, o.role, org.kind, o.jurisdiction, o.province)
             .select_from(S.offices.outerjoin(S.organizations, org.id == o.organization_id))
             .where(o.label.in_(list(part))))
        offices.update({r.label: r for r in conn.execute(q)})
    spans: dict[tuple[int, int], list[tuple[int | None, int, int]]] = defaultdict(list)
    docs = sorted({c.source.document_id for c in rows if c.source is not None})
    for part in chunked(docs, 400):
        q = (select(m.document_id, m.person_id, m.start, m.end, po.office_id, po.start.label("ps"),
                    po.end.label("pe"))
             .select_from(S.mentions.outerjoin(S.positions, and_(po.document_id == m.document_id,
                                                                  po.mention_idx == m.idx)))
             .where(m.document_id.in_(list(part)), m.person_id.is_not(None)).order_by(po.start))
        for r in conn.execute(q):
            key = (r.document_id, r.person_id)
            spans[key].append((r.office_id, r.ps if r.ps is not None else r.start, r.pe if r.pe is not None else r.end))
    out = []
    for c in rows:
        office = offices.get(c.office)
        found = spans.get((c.source.document_id, c.person_id), []) if c.source is not None else []
        span = next(((a, b) for oid, a, b in found if office is not None and oid == office.id),
                    (found[0][1], found[0][2]) if found else None)
        out.append(ChangeSpan(c, span, *((office.role, office.kind, office.jurisdiction, office.province)
                                          if office is not None else (None, None, None, None))))
    return out


# ---------------------------------------------------------------- on the Store

class BriefQueries:
    """The queries above as methods of :class:`ganbu.store.api.Store` (mixed in)."""

    engine: Engine

    def brief_facts(self, date_from: D, date_to: D, *, place: str | None = None) -> BriefFacts:
        with self.engine.connect() as conn:
            return brief_facts(conn, date_from, date_to, place=place)

    def brief_period(self) -> tuple[D | None, D | None]:
        with self.engine.connect() as conn:
            return brief_period(conn)

    def brief_documents(self, ids: Sequence[int]) -> dict[int, BriefDocument]:
        with self.engine.connect() as conn:
            return brief_documents(conn, ids)

    def quiet_leaders(self, as_of: D, **kw: Any) -> list[QuietLeader]:
        with self.engine.connect() as conn:
            return quiet_leaders(conn, as_of, **kw)

    def changes_with_spans(self, date_from: D, date_to: D) -> list[ChangeSpan]:
        with self.engine.connect() as conn:
            return changes_with_spans(conn, date_from, date_to)
