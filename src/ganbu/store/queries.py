"""THE query layer: plain functions over a connection, returning typed rows.

The CLI (:mod:`ganbu.store.cli`), the Python API (:mod:`ganbu.store.api`) and later the
briefings and the web UI call these functions; no SQL lives anywhere else. Every function takes
an SQLAlchemy ``Connection`` and returns dataclasses (``to_dict`` gives JSON-ready dicts).

Dates: a spell covers a day when ``coalesce(start_date, first_seen) <= day <= coalesce(end_date,
last_seen)``: the appointment and removal when reports gave them, else the first and last
report that named the person in the office.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select

from . import schema as S
from .writer import chunked

__all__ = [
    "Change",
    "Colleague",
    "EventRow",
    "Holder",
    "OrgReport",
    "PersonReport",
    "ReviewItem",
    "Source",
    "changes",
    "colleagues",
    "event_ids_query",
    "events",
    "find_offices",
    "find_orgs",
    "find_persons",
    "org",
    "org_report",
    "person",
    "review",
    "stats",
    "who",
]

D = _dt.date
#: an office is "new" to a person seen at least this many days before in other offices
NEW_OFFICE_DAYS = 30
#: the event types that count as visits for ``org``
VISIT_TYPES = ("visit", "inspection", "talks")


class Row:
    def to_dict(self) -> dict[str, Any]:
        return _jsonable(dataclasses.asdict(self))  # type: ignore[call-overload]


def _jsonable(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: _jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    if isinstance(v, _dt.date):
        return v.isoformat()
    return v


@dataclass
class Holder(Row):
    person_id: int
    name: str
    office: str
    organization: str | None
    role: str
    start: D | None          # appointment date, else first seen
    end: D | None            # removal date, else last seen
    start_basis: str         # appointment | first seen
    end_basis: str           # removal | former | last seen
    acting: bool
    n_sources: int


@dataclass
class Source(Row):
    document_id: int
    title: str | None
    url: str | None
    published: D | None
    span: tuple[int, int]


@dataclass
class EventRow(Row):
    event_id: int
    type: str
    date: D | None
    date_end: D | None
    place: str | None
    province: str | None
    participants: list[dict] = field(default_factory=list)   # person_id, name, role
    organizations: list[dict] = field(default_factory=list)  # organization, role
    topics: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    role: str | None = None  # the role of the person asked about (``person``)


@dataclass
class PersonReport(Row):
    person_id: int
    name: str
    first_seen: D | None
    last_seen: D | None
    n_mentions: int
    offices: list[Holder]
    events: list[EventRow]     # the latest ``events_limit`` (all with ``events_limit=None``)
    co_participants: list[dict]  # person_id, name, events (count), over all events
    n_events: int = 0


@dataclass
class Colleague(Row):
    person_id: int
    name: str
    office: str
    colleague_id: int
    colleague: str
    colleague_office: str
    organization: str
    overlap_start: D
    overlap_end: D
    overlap_days: int


@dataclass
class OrgReport(Row):
    organization_id: int
    name: str
    kind: str | None
    aliases: list[str]
    holders: list[Holder]
    visits_received: list[EventRow]
    visits_paid: list[EventRow]


@dataclass
class Change(Row):
    date: D
    kind: str  # appointment | removal | new office
    person_id: int
    name: str
    office: str
    acting: bool
    source: Source | None


@dataclass
class ReviewItem(Row):
    name: str
    document_id: int
    title: str | None
    published: D | None
    span: tuple[int, int]
    reason: str
    candidates: list[dict]  # person_id, offices


# ---------------------------------------------------------------- lookups

def find_persons(conn: Connection, who: str | int) -> list[tuple[int, str]]:
    """Persons by id (an int or ``#12``) or by exact name, most mentioned first."""
    p, n = S.persons.c, S.names.c
    q = select(p.id, n.name).join(S.names, n.id == p.name_id)
    if isinstance(who, int) or (isinstance(who, str) and who.lstrip("#").isdigit()):
        q = q.where(p.id == int(str(who).lstrip("#")))
    else:
        q = q.where(n.name == who.strip()).order_by(p.n_mentions.desc(), p.id)
    return [(i, nm) for i, nm in conn.execute(q)]


def find_orgs(conn: Connection, name: str) -> list[int]:
    """Organisations by canonical name or alias; failing that, those whose name contains it."""
    o, a = S.organizations.c, S.org_aliases.c
    name = name.strip()
    exact = set(conn.scalars(select(o.id).where(o.canonical == name)))
    exact |= set(conn.scalars(select(a.organization_id).where(a.alias == name)))
    if exact:
        return sorted(exact)
    like = f"%{name}%"
    found = set(conn.scalars(select(o.id).where(o.canonical.like(like))))
    found |= set(conn.scalars(select(a.organization_id).where(a.alias.like(like))))
    return sorted(found)


def _roles(conn: Connection) -> list[str]:
    return sorted(set(conn.scalars(select(S.offices.c.role).distinct())), key=len, reverse=True)


def find_offices(conn: Connection, text: str) -> list[int]:
    """Offices named like ``浙江省长``, ``浙江省委书记``, ``商务部部长`` or an exact office label.

    The longest known role that ends the text is the role; what comes before it must name the
    organisation (canonical name or alias, or contained in it) or the jurisdiction.
    """
    o = S.offices.c
    text = "".join(text.split())
    exact = list(conn.scalars(select(o.id).where(func.replace(o.label, " ", "") == text)))
    if exact:
        return exact
    for role in _roles(conn):
        if not text.endswith(role) or len(text) == len(role):
            continue
        prefix = text[: -len(role)]
        ids = _offices_with_prefix(conn, role, prefix)
        if ids:
            return ids
    return []


def _offices_with_prefix(conn: Connection, role: str, prefix: str) -> list[int]:
    o, org, a = S.offices.c, S.organizations.c, S.org_aliases.c
    stems = {prefix, prefix.rstrip("省市县区")}
    stems = {s for s in stems if s}
    cond = [o.jurisdiction.like(f"{s}%") for s in stems] + [org.canonical.like(f"%{s}%") for s in stems]
    cond.append(o.organization_id.in_(select(a.organization_id).where(a.alias.in_(stems))))
    q = (select(o.id).select_from(S.offices.outerjoin(S.organizations, org.id == o.organization_id))
         .where(o.role == role, or_(*cond)))
    return list(conn.scalars(q))


# ---------------------------------------------------------------- holders (spells)

def _end_basis(end_date: D | None, ended_before: D | None) -> str:
    return "removal" if end_date else "former" if ended_before else "last seen"


def _holders(conn: Connection, where: Any, on: D | None = None) -> list[Holder]:
    sp, p, n, o, org = S.spells.c, S.persons.c, S.names.c, S.offices.c, S.organizations.c
    start = func.coalesce(sp.start_date, sp.first_seen)
    end = func.coalesce(sp.end_date, sp.last_seen)
    q = (select(sp.person_id, n.name, o.label, org.canonical, o.role, sp.start_date, sp.first_seen, sp.end_date,
                sp.last_seen, sp.ended_before, sp.acting, sp.n_sources)
         .select_from(S.spells.join(S.persons, p.id == sp.person_id).join(S.names, n.id == p.name_id)
                      .join(S.offices, o.id == sp.office_id)
                      .outerjoin(S.organizations, org.id == o.organization_id))
         .where(where).order_by(start, sp.person_id))
    if on is not None:
        q = q.where(start <= on, end >= on)
    out = []
    for pid, name, label, canon, role, sd, fs, ed, ls, eb, acting, ns in conn.execute(q):
        out.append(Holder(pid, name, label, canon, role, sd or fs, ed or ls, "appointment" if sd else "first seen",
                          _end_basis(ed, eb), bool(acting), ns))
    return out


def who(conn: Connection, office: str | None = None, *, org: str | None = None, role: str | None = None,
        on: D | None = None) -> list[Holder]:
    """Holders of an office (``浙江省长``) or of the offices of an organisation (optionally one
    role), on a day or over time."""
    o = S.offices.c
    if office:
        ids = find_offices(conn, office)
        if not ids:
            return []
        where = S.spells.c.office_id.in_(ids)
    elif org:
        orgs = find_orgs(conn, org)
        if not orgs:
            return []
        sub = select(o.id).where(o.organization_id.in_(orgs))
        if role:
            sub = sub.where(o.role == role)
        where = S.spells.c.office_id.in_(sub)
    else:
        raise ValueError("who needs an office or an organisation")
    return _holders(conn, where, on)


# ---------------------------------------------------------------- events

def _event_rows(conn: Connection, event_ids: Sequence[int]) -> list[EventRow]:
    """Full rows (participants, organisations, sources) for these events, in date order: from
    their cards (``event_cards``, kept by resolution), from the facts for an event without one."""
    ev, pl, ec = S.events.c, S.places.c, S.event_cards.c
    rows: dict[int, EventRow] = {}
    for part in chunked(list(event_ids), 500):
        q = (select(ev.id, ev.type, ev.date_start, ev.date_end, pl.name, pl.province, ec.card)
             .select_from(S.events.outerjoin(S.places, pl.id == ev.place_id)
                          .outerjoin(S.event_cards, ec.event_id == ev.id)).where(ev.id.in_(part)))
        bare: dict[int, EventRow] = {}
        for eid, typ, ds, de, place, prov, card in conn.execute(q):
            rows[eid] = row = EventRow(eid, typ, ds, de, place, prov)
            if card is None:
                bare[eid] = row
            else:
                _read_card(row, card)
        if bare:
            _fill_event_details(conn, bare, list(bare))
    return sorted(rows.values(), key=lambda r: (r.date or D.max, r.event_id))


def _event_rows_from_facts(conn: Connection, event_ids: Sequence[int]) -> list[EventRow]:
    """:func:`_event_rows` computed from the facts, cards or not (what the cards are made of)."""
    ev, pl = S.events.c, S.places.c
    rows: dict[int, EventRow] = {}
    for part in chunked(list(event_ids), 500):
        q = (select(ev.id, ev.type, ev.date_start, ev.date_end, pl.name, pl.province)
             .select_from(S.events.outerjoin(S.places, pl.id == ev.place_id)).where(ev.id.in_(part)))
        for eid, typ, ds, de, place, prov in conn.execute(q):
            rows[eid] = EventRow(eid, typ, ds, de, place, prov)
        _fill_event_details(conn, rows, part)
    return sorted(rows.values(), key=lambda r: (r.date or D.max, r.event_id))


def event_card(row: EventRow) -> str:
    """The card of an event (``event_cards.card``): its sources, participants, organisations and
    topics as compact JSON lists, in the order :func:`_fill_event_details` gives them."""
    return json.dumps([[[s.document_id, s.title, s.url, s.published.isoformat() if s.published else None, *s.span]
                        for s in row.sources],
                       [[p["person_id"], p["name"], p["role"]] for p in row.participants],
                       [[o["organization"], o["role"]] for o in row.organizations], row.topics],
                      ensure_ascii=False, separators=(",", ":"))


def _read_card(row: EventRow, card: str) -> None:
    sources, participants, orgs, row.topics = json.loads(card)
    row.sources = [Source(d, t, u, D.fromisoformat(p) if p else None, (a, b)) for d, t, u, p, a, b in sources]
    row.participants = [{"person_id": i, "name": n, "role": r} for i, n, r in participants]
    row.organizations = [{"organization": o, "role": r} for o, r in orgs]


#: of the roles the reports of one event give a person as often, the one kept: the most telling
#: (the summaries ``person_events`` keep the same)
ROLE_RANK = {r: i for i, r in enumerate(("attendee", "speaker", "signatory", "subject", "visitor", "host", "chair"), 1)}
_ROLE_RANK = ROLE_RANK


def _fill_event_details(conn: Connection, rows: dict[int, EventRow], ids: Sequence[int]) -> None:
    er, d, pa, m, n, eo, org = (S.event_reports.c, S.documents.c, S.participants.c, S.mentions.c, S.names.c,
                                S.event_orgs.c, S.organizations.c)
    q = (select(er.event_id, er.document_id, er.idx, er.start, er.end, er.topics, d.title, d.url, d.published)
         .join(S.documents, d.id == er.document_id).where(er.event_id.in_(ids)).order_by(d.published, d.id))
    reports: dict[tuple[int, int], int] = {}
    for eid, did, idx, s, e, topics, title, url, pub in conn.execute(q):
        rows[eid].sources.append(Source(did, title, url, pub, (s, e)))
        reports[(did, idx)] = eid
        for t in (topics or "").split("；"):
            if t and t not in rows[eid].topics:
                rows[eid].topics.append(t)
    q2 = (select(er.event_id, m.person_id, n.name, pa.role)
          .select_from(S.participants.join(S.event_reports, (er.document_id == pa.document_id) &
                                            (er.idx == pa.event_idx))
                       .join(S.mentions, (m.document_id == pa.document_id) & (m.idx == pa.mention_idx))
                       .join(S.names, n.id == m.name_id))
          .where(er.event_id.in_(ids)))
    # one entry a person an event: when its reports give several roles, the one most of them give
    # (ties: the most telling)
    found: dict[tuple, dict] = {}
    votes: dict[tuple, Counter[str]] = defaultdict(Counter)
    for eid, pid, name, role in conn.execute(q2):
        key = (eid, pid if pid is not None else name)
        votes[key][role] += 1
        if key not in found:
            found[key] = {"person_id": pid, "name": name, "role": role}
            rows[eid].participants.append(found[key])
    for key, item in found.items():
        item["role"] = max(votes[key], key=lambda r: (votes[key][r], _ROLE_RANK.get(r, 0)))
    q3 = (select(er.event_id, org.canonical, eo.role)
          .select_from(S.event_orgs.join(S.event_reports, (er.document_id == eo.document_id) &
                                         (er.idx == eo.event_idx))
                       .join(S.organizations, org.id == eo.organization_id))
          .where(er.event_id.in_(ids)))
    for eid, canon, role in conn.execute(q3):
        item = {"organization": canon, "role": role}
        if item not in rows[eid].organizations:
            rows[eid].organizations.append(item)


def event_ids_query(conn: Connection, *, date_from: D | None = None, date_to: D | None = None,
                    place: str | None = None, type: str | None = None, person: str | int | None = None,
                    org: str | int | None = None, province: str | None = None) -> Any:
    """The ``SELECT events.id …`` of the events that pass the filters of :func:`events` (unordered);
    an int ``org`` is an organisation id, an int ``person`` a person id."""
    ev, pl = S.events.c, S.places.c
    q = select(ev.id).select_from(S.events)  # places only in subqueries: counts read the indexes of events alone
    if date_from:
        q = q.where(ev.date_start >= date_from)
    if date_to:
        q = q.where(ev.date_start <= date_to)
    if type:
        q = q.where(ev.type == type)
    if place:
        q = q.where(ev.place_id.in_(select(pl.id).where(pl.name.like(f"%{place}%"))))
    if province:
        q = q.where(ev.place_id.in_(select(pl.id).where(or_(pl.province.like(f"{province}%"),
                                                            pl.name.like(f"{province}%")))))
    if person is not None:
        pids = [i for i, _ in find_persons(conn, person)]
        pe = S.person_events.c
        q = q.where(ev.id.in_(select(pe.event_id).where(pe.person_id.in_(pids))))
    if org is not None:
        oe = S.org_events.c
        oids = [org] if isinstance(org, int) else find_orgs(conn, org)
        q = q.where(ev.id.in_(select(oe.event_id).where(oe.organization_id.in_(oids))))
    return q


def events(conn: Connection, *, date_from: D | None = None, date_to: D | None = None, place: str | None = None,
           type: str | None = None, person: str | int | None = None, org: str | int | None = None,
           province: str | None = None, limit: int | None = 1000, offset: int = 0) -> list[EventRow]:
    """Events filtered by dates (inclusive), place (contained in the place name), type, person
    (name or id), organisation (name or alias, or an int id) and province; ``offset`` skips the
    first rows (in date order, undated last, as returned) for paging."""
    ev = S.events.c
    q = event_ids_query(conn, date_from=date_from, date_to=date_to, place=place, type=type, person=person, org=org,
                        province=province)
    # dated events in date order, then the undated: two queries, so that the first walks the
    # index on the day and stops at the page (one ORDER BY "undated last" sorts every event)
    dated = q.where(ev.date_start.is_not(None)).order_by(ev.date_start, ev.id)
    undated = q.where(ev.date_start.is_(None)).order_by(ev.id)
    ids = list(conn.scalars(dated.limit(limit).offset(offset) if limit else dated.offset(offset)))
    if not limit or len(ids) < limit:
        n_dated = offset + len(ids) if ids or not offset else conn.scalar(
            dated.with_only_columns(func.count()).order_by(None)) or 0
        rest = undated.offset(max(0, offset - n_dated))
        ids += conn.scalars(rest.limit(limit - len(ids)) if limit else rest)
    return _event_rows(conn, ids)


# ---------------------------------------------------------------- persons

def person(conn: Connection, who_: str | int, *, events_limit: int | None = 200) -> list[PersonReport]:
    """Each person of that name (namesakes apart) or that id: offices over time, events with
    their sources (the latest ``events_limit``), and the people met most often."""
    out = []
    for pid, name in find_persons(conn, who_):
        p = conn.execute(select(S.persons).where(S.persons.c.id == pid)).one()
        offices = _holders(conn, S.spells.c.person_id == pid)
        roles, n_events = _person_event_roles(conn, pid, events_limit)
        evs = _event_rows(conn, list(roles))
        for e in evs:
            e.role = roles.get(e.event_id)
        out.append(PersonReport(pid, name, p.first_seen, p.last_seen, p.n_mentions, offices, evs,
                                _co_participants(conn, pid), n_events))
    return out


def _person_event_roles(conn: Connection, pid: int, limit: int | None) -> tuple[dict[int, str], int]:
    """The person's latest ``limit`` events (all: None; undated last) and role in each, and how
    many events the person has in all (the summary ``person_events``)."""
    pe = S.person_events.c
    q = select(pe.event_id, pe.role).where(pe.person_id == pid)
    if limit is None:
        roles = dict(conn.execute(q).all())
        return roles, len(roles)
    roles = dict(conn.execute(q.order_by(pe.date_start.is_(None), pe.date_start.desc(), pe.event_id.desc())
                              .limit(limit)).all())
    if len(roles) < limit:
        return roles, len(roles)
    return roles, conn.scalar(select(func.count()).select_from(S.person_events).where(pe.person_id == pid)) or 0


def _co_participants(conn: Connection, pid: int, limit: int = 50) -> list[dict]:
    """Persons who took part in the same events, most events first (``person_events``)."""
    p1, p2, p, n = S.person_events.alias("p1"), S.person_events.alias("p2"), S.persons.c, S.names.c
    n_events = func.count()
    top = (select(p2.c.person_id, n_events.label("n"))
           .select_from(p1.join(p2, p2.c.event_id == p1.c.event_id))
           .where(p1.c.person_id == pid, p2.c.person_id != pid)
           .group_by(p2.c.person_id).order_by(n_events.desc(), p2.c.person_id).limit(limit)).subquery()
    q = (select(top.c.person_id, n.name, top.c.n).select_from(top.join(S.persons, p.id == top.c.person_id)
                                                              .join(S.names, n.id == p.name_id))
         .order_by(top.c.n.desc(), top.c.person_id))
    return [{"person_id": i, "name": nm, "events": c} for i, nm, c in conn.execute(q)]


def colleagues(conn: Connection, who_: str | int, *, min_days: int = 1) -> list[Colleague]:
    """People who held an office in the same organisation at the same time, with the overlap."""
    sp, o, org, p, n = S.spells.c, S.offices.c, S.organizations.c, S.persons.c, S.names.c
    start = func.coalesce(sp.start_date, sp.first_seen)
    end = func.coalesce(sp.end_date, sp.last_seen)
    out: list[Colleague] = []
    for pid, name in find_persons(conn, who_):
        mine = conn.execute(select(o.organization_id, org.canonical, o.label, start, end)
                            .select_from(S.spells.join(S.offices, o.id == sp.office_id)
                                         .join(S.organizations, org.id == o.organization_id))
                            .where(sp.person_id == pid)).all()
        for org_id, canon, label, s1, e1 in mine:
            if s1 is None or e1 is None:
                continue
            q = (select(sp.person_id, n.name, o.label, start, end)
                 .select_from(S.spells.join(S.offices, o.id == sp.office_id).join(S.persons, p.id == sp.person_id)
                              .join(S.names, n.id == p.name_id))
                 .where(o.organization_id == org_id, sp.person_id != pid, start <= e1, end >= s1))
            for cid, cname, clabel, s2, e2 in conn.execute(q):
                lo, hi = max(s1, s2), min(e1, e2)
                if (hi - lo).days + 1 >= min_days:
                    out.append(Colleague(pid, name, label, cid, cname, clabel, canon, lo, hi, (hi - lo).days + 1))
    out.sort(key=lambda c: (-c.overlap_days, c.colleague_id))
    return out


# ---------------------------------------------------------------- organisations

def org(conn: Connection, name: str) -> list[OrgReport]:
    """Holders of the organisation's offices over time; the visits it received and paid."""
    return [org_report(conn, oid) for oid in find_orgs(conn, name)[:5]]


def org_report(conn: Connection, oid: int, *, visits_limit: int | None = None) -> OrgReport:
    """:func:`org` for one organisation id (``visits_limit``: the latest N visits of each kind)."""
    o, a, oe, ev = S.organizations.c, S.org_aliases.c, S.org_events.c, S.events.c
    canon, kind = conn.execute(select(o.canonical, o.kind).where(o.id == oid)).one()
    aliases = sorted(conn.scalars(select(a.alias).where(a.organization_id == oid)))
    holders = _holders(conn, S.spells.c.office_id.in_(select(S.offices.c.id).where(S.offices.c.organization_id == oid)))

    def visits(roles: Iterable[str]) -> list[EventRow]:
        # the latest first through the summary's index on (organisation, day): stops at the limit
        q = (select(oe.event_id, oe.date_start).distinct().join(S.events, ev.id == oe.event_id)
             .where(oe.organization_id == oid, oe.role.in_(list(roles)), ev.type.in_(list(VISIT_TYPES))))
        if visits_limit is not None:
            q = q.order_by(oe.date_start.desc(), oe.event_id.desc()).limit(visits_limit)
        return _event_rows(conn, [r[0] for r in conn.execute(q)])

    return OrgReport(oid, canon, kind, aliases, holders, visits(["host"]), visits(["visitor", "attendee"]))


# ---------------------------------------------------------------- changes

def changes(conn: Connection, date_from: D, date_to: D) -> list[Change]:
    """Appointments and removals in the period, and persons first seen in an office new to them."""
    sp, p, n, o, d = S.spells.c, S.persons.c, S.names.c, S.offices.c, S.documents.c
    base = (select(sp.person_id, n.name, o.label, sp.acting, sp.start_date, sp.end_date, sp.first_seen,
                   sp.start_document_id, sp.end_document_id)
            .select_from(S.spells.join(S.persons, p.id == sp.person_id).join(S.names, n.id == p.name_id)
                         .join(S.offices, o.id == sp.office_id)))
    out: list[Change] = []
    for r in conn.execute(base.where(sp.start_date.between(date_from, date_to))):
        out.append(Change(r.start_date, "appointment", r.person_id, r.name, r.label, bool(r.acting),
                          _source(conn, r.start_document_id)))
    for r in conn.execute(base.where(sp.end_date.between(date_from, date_to))):
        out.append(Change(r.end_date, "removal", r.person_id, r.name, r.label, bool(r.acting),
                          _source(conn, r.end_document_id)))
    fresh = base.where(sp.start_date.is_(None), sp.first_seen.between(date_from, date_to))
    for r in conn.execute(fresh.add_columns(p.first_seen.label("person_first"))):
        if r.person_first is None or (r.first_seen - r.person_first).days < NEW_OFFICE_DAYS:
            continue  # the person's first appearance, or the same news read in another form
        first_doc = conn.scalar(select(S.positions.c.document_id)
                                .join(S.mentions, (S.mentions.c.document_id == S.positions.c.document_id) &
                                      (S.mentions.c.idx == S.positions.c.mention_idx))
                                .join(S.documents, d.id == S.positions.c.document_id)
                                .where(S.mentions.c.person_id == r.person_id, d.published == r.first_seen)
                                .limit(1))
        out.append(Change(r.first_seen, "new office", r.person_id, r.name, r.label, bool(r.acting),
                          _source(conn, first_doc)))
    out.sort(key=lambda c: (c.date, c.kind, c.person_id))
    return out


def _source(conn: Connection, doc_id: int | None) -> Source | None:
    if doc_id is None:
        return None
    d = S.documents.c
    r = conn.execute(select(d.id, d.title, d.url, d.published).where(d.id == doc_id)).first()
    return Source(r.id, r.title, r.url, r.published, (0, 0)) if r else None


# ---------------------------------------------------------------- review and counts

def review(conn: Connection, limit: int | None = 500) -> list[ReviewItem]:
    """Mentions resolution could not assign (a name shared by several persons)."""
    rv, n, d, m = S.review.c, S.names.c, S.documents.c, S.mentions.c
    q = (select(n.name, rv.document_id, d.title, d.published, m.start, m.end, rv.reason, rv.candidates)
         .select_from(S.review.join(S.names, n.id == rv.name_id).join(S.documents, d.id == rv.document_id)
                      .join(S.mentions, and_(m.document_id == rv.document_id, m.idx == rv.mention_idx)))
         .order_by(n.name, d.published, rv.document_id))
    if limit:
        q = q.limit(limit)
    rows = conn.execute(q).all()
    offices = _offices_of({int(c) for r in rows for c in r.candidates.split() if c.isdigit()}, conn)
    return [ReviewItem(r.name, r.document_id, r.title, r.published, (r.start, r.end), r.reason,
                       [{"person_id": int(c), "offices": offices.get(int(c), [])} for c in r.candidates.split()])
            for r in rows]


def _offices_of(pids: set[int], conn: Connection) -> dict[int, list[str]]:
    out: dict[int, list[str]] = defaultdict(list)
    sp, o = S.spells.c, S.offices.c
    for part in chunked(sorted(pids)):
        for pid, label in conn.execute(select(sp.person_id, o.label).join(S.offices, o.id == sp.office_id)
                                       .where(sp.person_id.in_(part)).order_by(sp.first_seen)):
            if label not in out[pid]:
                out[pid].append(label)
    return out


def stats(conn: Connection) -> dict[str, int]:
    """Row counts of the main tables."""
    tables = ("documents", "persons", "mentions", "positions", "offices", "organizations", "events",
              "event_reports", "participants", "spells", "review")
    return {t: conn.scalar(select(func.count()).select_from(S.metadata.tables[t])) or 0 for t in tables}
