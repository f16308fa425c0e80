"""Summaries the web pages read instead of joining the per-report facts on every request.

- ``person_events`` (person, event, role, the event's day): who took part in which event, with
  the role most of the event's reports give the person (ties: the most telling), as
  :func:`ganbu.store.queries._fill_event_details` shows it. A person's events, their number, the
  people met most often and the ``person`` filter of the events list read it.
- ``org_events`` (organisation, event, role, the event's day): which organisations an event
  names, in which roles (the ``org`` filter of the events list, an organisation's visits).

- ``event_cards`` (event, its day, a JSON text): the row each event shows in the pages' event
  tables (sources, participants, organisations, topics), as
  :func:`ganbu.store.queries._fill_event_details` computes it from the facts
  (:func:`ganbu.store.queries.event_card`): listing 50 events reads 50 rows instead of joining
  every report, participant and organisation of them (on the 100,000-report store an organisation
  page's visits took 8 ms that way, 2.3 ms from the cards).

All three are derived (like ``events``): :func:`refresh` is called by resolution
(:func:`ganbu.store.resolve.update`) after events are regrouped, in the same transaction, and
redoes only the events of the days regrouped (the dates marked dirty and the dates of the
reports whose persons changed) and the undated events (regrouped every time); :func:`rebuild`
redoes everything (``ganbu resolve --all``, the migration that adds the tables).
"""
from __future__ import annotations

import datetime as _dt
from collections import Counter, defaultdict
from collections.abc import Iterable

from sqlalchemy import Connection, delete, func, select

from . import schema as S
from .queries import ROLE_RANK, _event_rows_from_facts, event_card  # the cards are the query layer's rows
from .writer import chunked

__all__ = ["rebuild", "rebuild_cards", "refresh"]

#: more days than this to redo: redo everything (one pass over the facts is cheaper than many)
REBUILD_DAYS = 2000


def _fill(conn: Connection, where: object, *, cards: bool = True) -> tuple[int, int]:
    """Insert the rows of the events ``where`` selects (None: all), their cards too unless
    ``cards`` is false; returns (person rows, org rows)."""
    er, pa, m, ev, eo = S.event_reports.c, S.participants.c, S.mentions.c, S.events.c, S.event_orgs.c
    q = (select(er.event_id, m.person_id, pa.role, ev.date_start, func.count())
         .select_from(S.participants.join(S.event_reports, (er.document_id == pa.document_id) &
                                          (er.idx == pa.event_idx))
                      .join(S.mentions, (m.document_id == pa.document_id) & (m.idx == pa.mention_idx))
                      .join(S.events, ev.id == er.event_id))
         .where(m.person_id.is_not(None))
         .group_by(er.event_id, m.person_id, pa.role, ev.date_start))
    votes: dict[tuple[int, int], Counter[str]] = defaultdict(Counter)
    day: dict[int, _dt.date | None] = {}
    for eid, pid, role, ds, n in conn.execute(q if where is None else q.where(where)):  # type: ignore[arg-type]
        votes[(pid, eid)][role] += n
        day[eid] = ds
    rows = [{"person_id": pid, "event_id": eid, "date_start": day[eid],
             "role": max(v, key=lambda r: (v[r], ROLE_RANK.get(r, 0)))} for (pid, eid), v in votes.items()]
    for part in chunked(rows, 5000):
        conn.execute(S.person_events.insert(), list(part))
    q2 = (select(er.event_id, eo.organization_id, eo.role, ev.date_start).distinct()
          .select_from(S.event_orgs.join(S.event_reports, (er.document_id == eo.document_id) &
                                         (er.idx == eo.event_idx))
                       .join(S.events, ev.id == er.event_id)))
    orows = [{"event_id": eid, "organization_id": oid, "role": role, "date_start": ds}
             for eid, oid, role, ds in conn.execute(q2 if where is None else q2.where(where))]  # type: ignore[arg-type]
    for part in chunked(orows, 5000):
        conn.execute(S.org_events.insert(), list(part))
    if cards:
        _fill_cards(conn, where)
    return len(rows), len(orows)


def _fill_cards(conn: Connection, where: object) -> int:
    """Insert the cards of the events ``where`` selects (None: all); returns how many."""
    ev = S.events.c
    q = select(ev.id, ev.date_start)
    days = dict(conn.execute(q if where is None else q.where(where)).all())  # type: ignore[arg-type]
    n = 0
    for part in chunked(sorted(days), 500):
        rows = [{"event_id": r.event_id, "date_start": days[r.event_id], "card": event_card(r)}
                for r in _event_rows_from_facts(conn, part)]
        conn.execute(delete(S.event_cards).where(S.event_cards.c.event_id.in_(part)))  # none left: a safety net
        if rows:
            conn.execute(S.event_cards.insert(), rows)
        n += len(rows)
    return n


def rebuild_cards(conn: Connection) -> int:
    """Redo every event's card from the facts; returns how many."""
    conn.execute(delete(S.event_cards))
    return _fill_cards(conn, None)


def rebuild(conn: Connection, *, cards: bool = True) -> tuple[int, int]:
    """Redo the summaries from the facts and events (the cards too unless ``cards`` is false: the
    migration that adds the first two runs before the cards' table exists); returns (person rows,
    org rows)."""
    conn.execute(delete(S.person_events))
    conn.execute(delete(S.org_events))
    if cards:
        conn.execute(delete(S.event_cards))
    return _fill(conn, None, cards=cards)


def refresh(conn: Connection, dates: Iterable[str], changed_docs: Iterable[int], *,
            everything: bool = False) -> tuple[int, int]:
    """Redo the summaries of the events of the days resolution regrouped (``dates`` marked dirty,
    and the days of the reports of ``changed_docs``, whose persons changed) and of the undated
    events; everything with ``everything`` (or when most days changed). Returns the rows
    written (person rows, org rows)."""
    from .events import DAY_SLACK, _dates_of_docs

    if everything:
        return rebuild(conn)
    seeds = {_dt.date.fromisoformat(d) for d in set(dates) | _dates_of_docs(conn, set(changed_docs))}
    days = sorted({d + _dt.timedelta(days=s) for d in seeds for s in range(-DAY_SLACK, DAY_SLACK + 1)})
    if len(days) > REBUILD_DAYS:
        return rebuild(conn)
    pe, oe, ec, ev = S.person_events.c, S.org_events.c, S.event_cards.c, S.events.c
    # the rows of these days (and undated) as they were, and of the events they hold now (an
    # event keeps its day, so the second is a safety net)
    conn.execute(delete(S.person_events).where(pe.date_start.is_(None)))
    conn.execute(delete(S.org_events).where(oe.date_start.is_(None)))
    conn.execute(delete(S.event_cards).where(ec.date_start.is_(None)))
    for part in chunked(days, 500):
        conn.execute(delete(S.person_events).where(pe.date_start.in_(part)))
        conn.execute(delete(S.org_events).where(oe.date_start.in_(part)))
        conn.execute(delete(S.event_cards).where(ec.date_start.in_(part)))
        now = select(ev.id).where(ev.date_start.in_(part))
        conn.execute(delete(S.person_events).where(pe.event_id.in_(now)))
        conn.execute(delete(S.org_events).where(oe.event_id.in_(now)))
        conn.execute(delete(S.event_cards).where(ec.event_id.in_(now)))
    n_p = n_o = 0
    a, b = _fill(conn, ev.date_start.is_(None))
    n_p, n_o = n_p + a, n_o + b
    for part in chunked(days, 500):
        a, b = _fill(conn, ev.date_start.in_(part))
        n_p, n_o = n_p + a, n_o + b
    return n_p, n_o
