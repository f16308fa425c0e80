"""Position spells: who held which office when, from the evidence of the reports.

For each person and office (an acting spell is kept apart from a full one) the evidence is the
report dates on which the office was named for them, with its status:

- ``new`` (an appointment) is a hard start: it opens a spell dated ``start_date``; appointment
  reports within :data:`SAME_NEWS` days of it are the same news;
- ``removed`` is a hard end: it closes the open spell with ``end_date`` (or records a spell that
  ends then when no earlier evidence exists);
- ``former`` (原…, 前…) after the last sighting closes the open spell with ``ended_before``;
- ``current`` / ``acting`` extend the open spell (``first_seen`` … ``last_seen``) or open one;
  a sighting within :data:`SAME_NEWS` days after a removal is a late report, not a return.

A spell thus has hard boundaries where the reports gave them and soft ones (first and last seen)
elsewhere; queries take ``coalesce(start_date, first_seen)`` … ``coalesce(end_date, last_seen)``.
"""
from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Connection, delete, select

from . import schema as S
from .writer import bulk_insert, chunked

__all__ = ["EVIDENCE_KEPT", "SAME_NEWS", "Spell", "build_spells", "rebuild_evidence", "recompute"]

SAME_NEWS = _dt.timedelta(days=60)
#: positions kept in ``office_evidence`` for each person and office, the newest reports first (the
#: person page shows the latest 3 reports of each office, from up to 24 positions)
EVIDENCE_KEPT = 24


@dataclass
class Spell:
    start_date: _dt.date | None = None
    end_date: _dt.date | None = None
    first_seen: _dt.date | None = None
    last_seen: _dt.date | None = None
    ended_before: _dt.date | None = None
    n_sources: int = 0
    start_document_id: int | None = None
    end_document_id: int | None = None

    def see(self, day: _dt.date, doc: int) -> None:
        self.first_seen = min(self.first_seen or day, day)
        self.last_seen = max(self.last_seen or day, day)
        self.n_sources += 1


def _on_new(spells: list[Spell], cur: Spell | None, day: _dt.date, doc: int) -> Spell:
    if cur is not None:
        if cur.start_date is not None and day - cur.start_date <= SAME_NEWS:
            cur.see(day, doc)
            return cur
        if cur.start_date is None and cur.first_seen is not None and day - cur.first_seen <= SAME_NEWS:
            cur.start_date, cur.start_document_id = day, doc  # sightings just before are the same news
            cur.see(day, doc)
            return cur
        spells.append(cur)
    s = Spell(start_date=day, start_document_id=doc)
    s.see(day, doc)
    return s


def _on_removed(spells: list[Spell], cur: Spell | None, day: _dt.date, doc: int) -> None:
    if cur is not None:
        cur.end_date, cur.end_document_id = day, doc
        cur.see(day, doc)
        spells.append(cur)
        return
    last = spells[-1] if spells else None
    if last is not None and last.end_date is not None and abs(day - last.end_date) <= SAME_NEWS:
        last.n_sources += 1
        return
    s = Spell(end_date=day, end_document_id=doc)
    s.see(day, doc)
    spells.append(s)


def build_spells(evidence: list[tuple[_dt.date, str, int]]) -> list[Spell]:
    """Spells of one person in one office from ``(date, status, document id)`` evidence."""
    order = {"new": 0, "current": 1, "acting": 1, "former": 2, "removed": 3}
    spells: list[Spell] = []
    cur: Spell | None = None
    for day, status, doc in sorted(evidence, key=lambda e: (e[0], order.get(e[1], 1), e[2])):
        if status == "new":
            cur = _on_new(spells, cur, day, doc)
        elif status == "removed":
            _on_removed(spells, cur, day, doc)
            cur = None
        elif status == "former":
            if cur is not None and cur.last_seen is not None and day > cur.last_seen:
                cur.ended_before = day
                spells.append(cur)
                cur = None
            elif cur is None and spells and spells[-1].ended_before is None and spells[-1].end_date is None:
                spells[-1].ended_before = day
        else:
            if cur is None:
                last = spells[-1] if spells else None
                if last is not None and last.end_date is not None and day <= last.end_date + SAME_NEWS:
                    last.n_sources += 1  # a late report of what was ended, not a return to office
                    continue
                cur = Spell()
            cur.see(day, doc)
    if cur is not None:
        spells.append(cur)
    return spells


def recompute(conn: Connection, person_ids: set[int]) -> int:
    """Replace the spells of these persons, and their offices' latest positions
    (``office_evidence``); returns how many spells they now have."""
    p, m, d = S.positions.c, S.mentions.c, S.documents.c
    n = 0
    for part in chunked(sorted(person_ids)):
        conn.execute(delete(S.spells).where(S.spells.c.person_id.in_(part)))
        conn.execute(delete(S.office_evidence).where(S.office_evidence.c.person_id.in_(part)))
        q = (select(m.person_id, p.office_id, p.status, d.published, d.id, p.mention_idx, p.idx, p.start, p.end)
             .join(S.mentions, (m.document_id == p.document_id) & (m.idx == p.mention_idx))
             .join(S.documents, d.id == p.document_id)
             .where(m.person_id.in_(part)))
        ev: dict[tuple[int, int, bool], list[tuple[_dt.date, str, int]]] = defaultdict(list)
        latest: dict[tuple[int, int], list[tuple[int, int, int, int, int]]] = defaultdict(list)
        for pid, oid, status, pub, did, mi, i, start, end in conn.execute(q):
            latest[(pid, oid)].append((did, mi, i, start, end))
            if pub is not None:
                ev[(pid, oid, status == "acting")].append((pub, status, did))
        bulk_insert(conn, S.office_evidence, _evidence_rows(latest))
        rows = []
        for (pid, oid, acting), evidence in sorted(ev.items()):
            for s in build_spells(evidence):
                rows.append({"person_id": pid, "office_id": oid, "acting": acting, "start_date": s.start_date,
                             "end_date": s.end_date, "first_seen": s.first_seen, "last_seen": s.last_seen,
                             "ended_before": s.ended_before, "n_sources": s.n_sources,
                             "start_document_id": s.start_document_id, "end_document_id": s.end_document_id})
        bulk_insert(conn, S.spells, rows)
        n += len(rows)
    return n


def _evidence_rows(latest: dict[tuple[int, int], list[tuple[int, int, int, int, int]]]) -> list[dict]:
    """The latest :data:`EVIDENCE_KEPT` positions of each (person, office), the newest report first."""
    rows = []
    for (pid, oid), found in sorted(latest.items()):
        found.sort(reverse=True)
        rows += [{"person_id": pid, "office_id": oid, "document_id": did, "mention_idx": mi, "idx": i,
                  "start": start, "end": end} for did, mi, i, start, end in found[:EVIDENCE_KEPT]]
    return rows


def rebuild_evidence(conn: Connection) -> int:
    """Fill ``office_evidence`` for every person anew (the migration that adds it); returns the rows."""
    p, m = S.positions.c, S.mentions.c
    conn.execute(delete(S.office_evidence))
    n = 0
    persons = list(conn.scalars(select(S.persons.c.id).order_by(S.persons.c.id)))
    for part in chunked(persons):
        q = (select(m.person_id, p.office_id, p.document_id, p.mention_idx, p.idx, p.start, p.end)
             .join(S.mentions, (m.document_id == p.document_id) & (m.idx == p.mention_idx))
             .where(m.person_id.in_(part)))
        latest: dict[tuple[int, int], list[tuple[int, int, int, int, int]]] = defaultdict(list)
        for pid, oid, did, mi, i, start, end in conn.execute(q):
            latest[(pid, oid)].append((did, mi, i, start, end))
        rows = _evidence_rows(latest)
        bulk_insert(conn, S.office_evidence, rows)
        n += len(rows)
    return n
