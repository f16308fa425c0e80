"""Events across reports: the same encounter told by several reports is one event.

Per-report events (``event_reports``) are grouped into ``events`` by date: two reports' events
are one when they have the same start date, a compatible type (visit, talks and meeting are
one class: reports call the same encounter 会见, 会谈 or 座谈) and share a resolved participant;
events without participants are one when they share the date, type class, place and a named
organisation. Events without a date are never merged. Event ids are kept stable: a group takes
the id most of its reports had.
"""
from __future__ import annotations

import datetime as _dt
from collections import Counter, defaultdict

from sqlalchemy import Connection, bindparam, delete, select, update

from . import schema as S
from .writer import chunked

__all__ = ["TYPE_CLASS", "regroup"]

TYPE_CLASS = {"visit": "encounter", "talks": "encounter", "meeting": "encounter"}

RKey = tuple[int, int]


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
    er, pa, m, eo = S.event_reports.c, S.participants.c, S.mentions.c, S.event_orgs.c
    reports = conn.execute(select(er.document_id, er.idx, er.type, er.date_start, er.date_end, er.place_id,
                                  er.event_id).where(er.date_start.in_(days))).all()
    persons: dict[RKey, set[int]] = defaultdict(set)
    q = (select(pa.document_id, pa.event_idx, m.person_id)
         .join(S.event_reports, (er.document_id == pa.document_id) & (er.idx == pa.event_idx))
         .join(S.mentions, (m.document_id == pa.document_id) & (m.idx == pa.mention_idx))
         .where(er.date_start.in_(days), m.person_id.is_not(None)))
    for did, eidx, pid in conn.execute(q):
        persons[(did, eidx)].add(pid)
    orgs: dict[RKey, set[int]] = defaultdict(set)
    q2 = (select(eo.document_id, eo.event_idx, eo.organization_id)
          .join(S.event_reports, (er.document_id == eo.document_id) & (er.idx == eo.event_idx))
          .where(er.date_start.in_(days)))
    for did, eidx, oid in conn.execute(q2):
        orgs[(did, eidx)].add(oid)
    return reports, persons, orgs


def _group(reports, persons, orgs) -> list[list]:
    uf = _UF()
    by_slot: dict[tuple, list] = defaultdict(list)
    for r in reports:
        by_slot[(r.date_start, TYPE_CLASS.get(r.type, r.type))].append(r)
    for rs in by_slot.values():
        owner: dict[int, RKey] = {}
        place_org: dict[tuple[int | None, int], RKey] = {}
        for r in rs:
            k = (r.document_id, r.idx)
            uf.find(k)
            for pid in persons.get(k, ()):
                if pid in owner:
                    uf.union(owner[pid], k)
                else:
                    owner[pid] = k
            if not persons.get(k):
                for oid in orgs.get(k, ()):
                    po = (r.place_id, oid)
                    if po in place_org:
                        uf.union(place_org[po], k)
                    else:
                        place_org[po] = k
    groups: dict[RKey, list] = defaultdict(list)
    for r in reports:
        groups[uf.find((r.document_id, r.idx))].append(r)
    return sorted(groups.values(), key=lambda g: min((r.document_id, r.idx) for r in g))


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
    kept = [{"e": eid, **{f"v_{k}": v for k, v in values.items()}} for k, (_, eid, values) in enumerate(assign)
            if k not in set(fresh)]
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
        days = sorted(_dt.date.fromisoformat(d) for d in dates | _dates_of_docs(conn, changed_docs))
    n = 0
    for part in chunked(days, 50):
        reports, persons, orgs = _load(conn, list(part))
        n += _write(conn, _group(reports, persons, orgs))
    _undated(conn)
    _drop_orphans(conn)
    return n


def _undated(conn: Connection) -> None:
    """Each undated report event is an event of its own."""
    er = S.event_reports.c
    rows = conn.execute(select(er.document_id, er.idx, er.type, er.place_id)
                        .where(er.date_start.is_(None), er.event_id.is_(None))).all()
    if not rows:
        return
    stmt = S.events.insert().returning(S.events.c.id, sort_by_parameter_order=True)
    ids = conn.execute(stmt, [{"type": typ, "date_start": None, "date_end": None, "place_id": place, "n_sources": 1}
                              for _, _, typ, place in rows]).scalars().all()
    stmt2 = (update(S.event_reports).where(er.document_id == bindparam("d"), er.idx == bindparam("i"))
             .values(event_id=bindparam("e")))
    conn.execute(stmt2, [{"d": r[0], "i": r[1], "e": eid} for r, eid in zip(rows, ids, strict=True)])


def _drop_orphans(conn: Connection) -> None:
    conn.execute(delete(S.events).where(S.events.c.id.not_in(
        select(S.event_reports.c.event_id).where(S.event_reports.c.event_id.is_not(None)))))
