"""Events across reports: the same encounter told by several reports is one event.

Per-report events (``event_reports``) are grouped into ``events`` by date: two reports' events
can be one when they have the same start date, a compatible type (visit, talks and meeting are
one class: reports call the same encounter 会见, 会谈 or 座谈) and share a resolved participant
(two, when both name several people: a governor meets two delegations on one day). Groups are
built from the strongest such links first (most shared participants, then organisations), and a
link joins two groups only when the groups *as wholes* pass the same test — their participants
share two people when both name several, the bodies they visited (host organisations) are not
known for both and disjoint (a delegation's calls on several ministries in one day are several
events), and nobody chairs a meeting in one while host or visitor in the other. So a report
naming only a leader joins at most one of the leader's meetings that day instead of chaining
them all into one event. Events without participants are one when they share the date, type
class, place and a named organisation. Events without a date are never merged. Event ids are
kept stable: a group takes the id most of its reports had.
"""
from __future__ import annotations

import datetime as _dt
from collections import Counter, defaultdict
from typing import NamedTuple

from sqlalchemy import Connection, bindparam, delete, select, update

from . import schema as S
from .writer import chunked

__all__ = ["TYPE_CLASS", "regroup"]

TYPE_CLASS = {"visit": "encounter", "talks": "encounter", "meeting": "encounter"}
#: reports of one encounter dated this many days apart are joined
#: (1 day: recall +0.01, precision -0.07 on the generated corpus)
DAY_SLACK = 0
#: undated appointment or removal notices of one person published this close are one event
NOTICE_DAYS = 30

RKey = tuple[int, int]
#: participant roles that tell what a person did at an event: chairing a meeting in one report
#: and host or visitor in another the same day are two events (chair vs visitor only: 100k
#: generated precision 0.755 instead of 0.786; host vs visitor as well: recall 0.84 -> 0.67, reports
#: of one encounter give its two sides either role)
SIDES = {"chair": "chair", "host": "encounter", "visitor": "encounter"}


class Sides(NamedTuple):
    """Who chaired, and who was host or visitor, at a report's event (or a group's)."""
    chair: frozenset[int] | set[int]
    met: frozenset[int] | set[int]

    def clash(self, other: Sides) -> bool:
        """Somebody only chairs in one and is only host or visitor in the other."""
        return bool((self.chair - self.met) & (other.met - other.chair)
                    or (other.chair - other.met) & (self.met - self.chair))


class _UF:
    def __init__(self) -> None:
        self.p: dict[RKey, RKey] = {}

    def find(self, x: RKey) -> RKey:
        self.p.setdefault(x, x)
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a: RKey, b: RKey) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)


def _dates_of_docs(conn: Connection, docs: set[int]) -> set[str]:
    out: set[str] = set()
    er = S.event_reports.c
    for part in chunked(sorted(docs)):
        out.update(d.isoformat() for d in conn.scalars(
            select(er.date_start).where(er.document_id.in_(part), er.date_start.is_not(None))))
    return out


def _load(conn: Connection, days: list[_dt.date]):
    er, eo = S.event_reports.c, S.event_orgs.c
    reports = conn.execute(select(er.document_id, er.idx, er.type, er.date_start, er.date_end, er.place_id,
                                  er.event_id).where(er.date_start.in_(days))).all()
    persons: dict[RKey, set[int]] = defaultdict(set)
    rows = conn.execute(_who(days)).all()
    for did, eidx, pid, _role in rows:
        persons[(did, eidx)].add(pid)
    orgs: dict[RKey, set[int]] = defaultdict(set)
    hosts: dict[RKey, frozenset[int]] = {}
    q2 = (select(eo.document_id, eo.event_idx, eo.organization_id, eo.role)
          .join(S.event_reports, (er.document_id == eo.document_id) & (er.idx == eo.event_idx))
          .where(er.date_start.in_(days)))
    for did, eidx, oid, role in conn.execute(q2):
        orgs[(did, eidx)].add(oid)
        if role == "host":
            hosts[(did, eidx)] = hosts.get((did, eidx), frozenset()) | {oid}
    sides, met = _sides(rows)
    return reports, persons, orgs, hosts, sides, met


def _who(days: list[_dt.date]):
    er, pa, m = S.event_reports.c, S.participants.c, S.mentions.c
    return (select(pa.document_id, pa.event_idx, m.person_id, pa.role)
            .join(S.event_reports, (er.document_id == pa.document_id) & (er.idx == pa.event_idx))
            .join(S.mentions, (m.document_id == pa.document_id) & (m.idx == pa.mention_idx))
            .where(er.date_start.in_(days), m.person_id.is_not(None)))


def _sides(rows) -> tuple[dict[RKey, Sides], dict[RKey, set[int]]]:
    """From (report, event, person, role) rows: the report events where somebody chairs, and where
    those people are host or visitor (only they can make two groups clash, and chairs are few)."""
    chairs: dict[RKey, set[int]] = defaultdict(set)
    for did, eidx, pid, role in rows:
        if SIDES.get(role) == "chair":
            chairs[(did, eidx)].add(pid)
    who = {p for c in chairs.values() for p in c}
    met: dict[RKey, set[int]] = defaultdict(set)
    for did, eidx, pid, role in rows:
        if pid in who and SIDES.get(role) == "encounter":
            met[(did, eidx)].add(pid)
    return {k: Sides(c, met.get(k, set())) for k, c in chairs.items()}, met


def _group(reports, persons, orgs, hosts=None, sides=None, met=None) -> list[list]:
    """Group the reports of one type class whose dates are at most :data:`DAY_SLACK` apart (reports
    of one encounter may date it a day apart: 昨天 read from a late publication), strongest links
    first (:func:`_links`), each merge kept only when the two groups, as wholes, tell one
    encounter (:class:`_GroupUF`): no chaining of a leader's several meetings of one day through a
    report that names only the leader. Reports without participants join on the same day, place
    and organisation."""
    uf = _GroupUF(hosts or {}, persons, sides or {}, met or {})
    for *_, a, b in sorted(_links(reports, persons, orgs)):
        uf.union(a, b)
    place_org: dict[tuple, RKey] = {}
    alone = [r for r in reports if not persons.get((r.document_id, r.idx))]
    for r in sorted(alone, key=lambda r: (r.date_start, r.document_id, r.idx)):
        k = (r.document_id, r.idx)
        for oid in orgs.get(k, ()):
            po = (TYPE_CLASS.get(r.type, r.type), r.date_start, r.place_id, oid)
            if po in place_org:
                uf.union(place_org[po], k)
            else:
                place_org[po] = k
    groups: dict[RKey, list] = defaultdict(list)
    for r in reports:
        groups[uf.find((r.document_id, r.idx))].append(r)
    return sorted(groups.values(), key=lambda g: min((r.document_id, r.idx) for r in g))


def _links(reports, persons, orgs) -> list[tuple[int, int, int, RKey, RKey]]:
    """Candidate joins: pairs of reports of one type class, dated at most :data:`DAY_SLACK` apart,
    that share a resolved participant and pass :func:`_same_encounter`, as (-shared participants,
    -shared organisations, 0 when the places agree or one is unknown else 1, report, report):
    sorted, the strongest first."""
    by_key: dict[tuple, list[RKey]] = defaultdict(list)
    place: dict[RKey, int | None] = {}
    one_day = _dt.timedelta(days=1)
    out: list[tuple[int, int, int, RKey, RKey]] = []
    for r in sorted(reports, key=lambda r: (r.date_start, r.document_id, r.idx)):
        k = (r.document_id, r.idx)
        place[k] = r.place_id
        cls = TYPE_CLASS.get(r.type, r.type)
        mine = persons.get(k, set())
        cands: set[RKey] = set()
        for pid in mine:
            for shift in range(-DAY_SLACK, DAY_SLACK + 1):
                cands.update(by_key.get((cls, pid, r.date_start + shift * one_day), ()))
            by_key[(cls, pid, r.date_start)].append(k)
        for o in cands:
            theirs = persons[o]
            if _same_encounter(mine, theirs):
                po = place[o]
                out.append((-len(mine & theirs), -len(orgs.get(o, set()) & orgs.get(k, set())),
                            int(po is not None and r.place_id is not None and po != r.place_id), o, k))
    return out


class _GroupUF(_UF):
    """Union-find that joins two groups only when they tell one encounter as wholes: their
    participants (the union of their reports') pass :func:`_same_encounter` and their host
    organisations are not both known and disjoint (one delegation's calls on several ministries
    in a day are several events)."""

    def __init__(self, hosts: dict[RKey, frozenset[int]], persons: dict[RKey, set[int]],
                 sides: dict[RKey, Sides], met: dict[RKey, set[int]]) -> None:
        super().__init__()
        self.hosts: dict[RKey, frozenset[int]] = dict(hosts)
        self.persons: dict[RKey, frozenset[int] | set[int]] = dict(persons)  # a group's own set once merged
        self.sides: dict[RKey, Sides] = dict(sides)  # reports and groups where somebody chairs
        self.met: dict[RKey, frozenset[int] | set[int]] = dict(met)  # hosts and visitors, by report or group

    def union(self, a: RKey, b: RKey) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        ha, hb = self.hosts.get(ra, frozenset()), self.hosts.get(rb, frozenset())
        if ha and hb and not ha & hb:
            return
        pa, pb = self.persons.get(ra, set()), self.persons.get(rb, set())
        if pa and pb and not _same_encounter(pa, pb):
            return
        sa, sb = self.sides.get(ra), self.sides.get(rb)
        ma, mb = self.met.get(ra, set()), self.met.get(rb, set())
        if (sa or sb) and (sa or Sides(set(), ma)).clash(sb or Sides(set(), mb)):
            return
        root, child = min(ra, rb), max(ra, rb)
        self.p[child] = root
        if ma or mb:
            self.met[root] = frozenset(ma | mb)
        if sa or sb:
            self.sides[root] = Sides(frozenset((sa.chair if sa else set()) | (sb.chair if sb else set())),
                                     self.met.get(root, set()))
        if ha or hb:
            self.hosts[root] = ha | hb
        if pa or pb:
            self.persons[root] = frozenset(pa | pb)


def _same_encounter(pa: set[int] | frozenset[int], pb: set[int] | frozenset[int]) -> bool:
    """Two reports (or groups) sharing a participant on one day tell one encounter unless, both
    naming several people, they share only one (a governor meets two delegations). (Requiring the
    same place, or a shared organisation, as well cost more recall than it gained precision on the
    generated corpus: reports place and name one encounter differently. Keeping apart groups with
    two different known cities: 20k precision +0.001, recall -0.007 — a delegation's call in Beijing
    is placed at the visitors' province by the host's report, a summary carries one item's place
    into the next.)"""
    return not (len(pa) >= 2 and len(pb) >= 2 and len(pa & pb) < 2)


def _write(conn: Connection, groups: list[list]) -> int:
    """Store the groups as events: a group keeps the id most of its reports had; new ones are
    inserted in one statement; the reports point at their event."""
    used: set[int] = set()
    assign: list[tuple[list, int | None, dict]] = []
    for g in sorted(groups, key=lambda g: (-len(g), min((r.document_id, r.idx) for r in g))):
        votes = Counter(r.event_id for r in g if r.event_id is not None)
        eid = next((e for e, _ in votes.most_common() if e not in used), None)
        if eid is not None:
            used.add(eid)
        typ = Counter(r.type for r in g).most_common(1)[0][0]
        place = Counter(r.place_id for r in g if r.place_id is not None).most_common(1)
        values = {"type": typ, "date_start": g[0].date_start,
                  "date_end": max((r.date_end for r in g if r.date_end), default=None),
                  "place_id": place[0][0] if place else None, "n_sources": len({r.document_id for r in g})}
        assign.append((g, eid, values))
    fresh = [k for k, (_, eid, _) in enumerate(assign) if eid is None]
    if fresh:
        stmt = S.events.insert().returning(S.events.c.id, sort_by_parameter_order=True)
        ids = conn.execute(stmt, [assign[k][2] for k in fresh]).scalars().all()
        for k, eid in zip(fresh, ids, strict=True):
            assign[k] = (assign[k][0], eid, assign[k][2])
    ev = S.events.c
    inserted = set(fresh)
    kept = [{"e": eid, **{f"v_{k}": v for k, v in values.items()}} for k, (_, eid, values) in enumerate(assign)
            if k not in inserted]
    if kept:
        stmt2 = update(S.events).where(ev.id == bindparam("e")).values(
            {k: bindparam(f"v_{k}") for k in ("type", "date_start", "date_end", "place_id", "n_sources")})
        for part in chunked(kept, 1000):
            conn.execute(stmt2, list(part))
    updates = [{"d": r.document_id, "i": r.idx, "e": eid} for g, eid, _ in assign for r in g if r.event_id != eid]
    er = S.event_reports.c
    stmt3 = (update(S.event_reports).where(er.document_id == bindparam("d"), er.idx == bindparam("i"))
             .values(event_id=bindparam("e")))
    for part in chunked(updates, 1000):
        conn.execute(stmt3, list(part))
    return len(assign)


def regroup(conn: Connection, dates: set[str], changed_docs: set[int], *, everything: bool = False) -> int:
    """Regroup the events on the given dates (and on the dates of reports whose persons changed)."""
    er = S.event_reports.c
    if everything:
        days = sorted(set(conn.scalars(select(er.date_start).where(er.date_start.is_not(None)).distinct())))
    else:
        seeds = {_dt.date.fromisoformat(d) for d in dates | _dates_of_docs(conn, changed_docs)}
        days = sorted({d + _dt.timedelta(days=s) for d in seeds for s in range(-DAY_SLACK, DAY_SLACK + 1)})
    n = 0
    for part in chunked(days, 400):  # (encounters across a chunk boundary are not joined)
        reports, persons, orgs, hosts, sides, met = _load(conn, list(part))
        n += _write(conn, _group(reports, persons, orgs, hosts, sides, met))
    _undated(conn)
    _drop_orphans(conn)
    return n


def _undated(conn: Connection) -> int:
    """Undated events: an appointment or removal notice of the same person(s) published within
    :data:`NOTICE_DAYS` of another is one event (the notice and its retellings); any other
    undated event is an event of its own."""
    er, d, pa, m = S.event_reports.c, S.documents.c, S.participants.c, S.mentions.c
    rows = conn.execute(select(er.document_id, er.idx, er.type, er.date_start, er.date_end, er.place_id, er.event_id,
                               d.published).join(S.documents, d.id == er.document_id)
                        .where(er.date_start.is_(None))).all()
    if not rows:
        return 0
    persons: dict[RKey, set[int]] = defaultdict(set)
    q = (select(pa.document_id, pa.event_idx, m.person_id)
         .join(S.event_reports, (er.document_id == pa.document_id) & (er.idx == pa.event_idx))
         .join(S.mentions, (m.document_id == pa.document_id) & (m.idx == pa.mention_idx))
         .where(er.date_start.is_(None), er.type.in_(["appointment", "removal"]), m.person_id.is_not(None)))
    for did, eidx, pid in conn.execute(q):
        persons[(did, eidx)].add(pid)
    uf = _UF()
    last: dict[tuple, tuple[_dt.date, RKey]] = {}
    window = _dt.timedelta(days=NOTICE_DAYS)
    for r in sorted(rows, key=lambda r: (r.published or _dt.date.min, r.document_id, r.idx)):
        k = (r.document_id, r.idx)
        uf.find(k)
        who = persons.get(k)
        if not who or r.published is None:
            continue
        key = (r.type, frozenset(who))
        prev = last.get(key)
        if prev is not None and r.published - prev[0] <= window:
            uf.union(prev[1], k)
        last[key] = (r.published, k)
    groups: dict[RKey, list] = defaultdict(list)
    for r in rows:
        groups[uf.find((r.document_id, r.idx))].append(r)
    return _write(conn, sorted(groups.values(), key=lambda g: min((r.document_id, r.idx) for r in g)))


def _drop_orphans(conn: Connection) -> None:
    conn.execute(delete(S.events).where(S.events.c.id.not_in(
        select(S.event_reports.c.event_id).where(S.event_reports.c.event_id.is_not(None)))))
