"""The summaries the web pages read (``person_events``, ``org_events``, ``event_cards``; ganbu.store.summaries), on
SQLite and PostgreSQL: kept by resolution, batch after batch and through reextraction, equal to a
rebuild from the facts; refreshed only for the days resolution regrouped; and read by the person
page (events, roles, people met) and the events filters."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select, update

import ganbu
from ganbu.store import queries as Q
from ganbu.store import schema as S
from ganbu.store import summaries
from ganbu.store.db import write
from ganbu.store.spells import EVIDENCE_KEPT, rebuild_evidence
from test_store_support import (
    REPORTS,
    store_target,  # noqa: F401  (fixture)
    synth_reports,
    write_jsonl,
)


def _rows(conn) -> tuple[list, list, list]:
    pe, oe, ec = S.person_events.c, S.org_events.c, S.event_cards.c
    return (sorted(conn.execute(select(pe.person_id, pe.event_id, pe.role, pe.date_start)).all()),
            sorted(conn.execute(select(oe.organization_id, oe.event_id, oe.role, oe.date_start)).all()),
            sorted(conn.execute(select(ec.event_id, ec.date_start, ec.card)).all()))


def _evidence(conn) -> list:
    return sorted(conn.execute(select(S.office_evidence)).all())


def _as_rebuilt(engine) -> None:
    """The summaries as resolution left them (and ``office_evidence``, kept with the spells) are
    what a rebuild from the facts gives."""
    with write(engine) as c:
        kept, evidence = _rows(c), _evidence(c)
        summaries.rebuild(c)
        assert _rows(c) == kept
        assert rebuild_evidence(c) == len(evidence) and _evidence(c) == evidence
        c.rollback()


@pytest.fixture
def batches(tmp_path):
    recs = REPORTS + synth_reports(90)
    return [write_jsonl(tmp_path / f"b{i}.jsonl", recs[i::3]) for i in range(3)]


def test_summaries_follow_each_ingest_and_reextract(store_target, batches):  # noqa: F811
    with ganbu.open_store(store_target) as st:
        for path in batches:
            st.ingest([str(path)], workers=0)
            _as_rebuilt(st.engine)
        with st.engine.connect() as c:
            persons, orgs, cards = _rows(c)
            n_events = c.scalar(select(func.count()).select_from(S.events))
        assert len(persons) > 40 and orgs  # synth: a meeting every third report, two participants
        assert len(cards) == n_events  # every event has its card
        with st.engine.connect() as c:
            evidence = _evidence(c)
            per_office = c.execute(select(func.count()).select_from(S.office_evidence)
                                   .group_by(S.office_evidence.c.person_id, S.office_evidence.c.office_id)).scalars().all()
        assert evidence and max(per_office) <= EVIDENCE_KEPT
        st.reextract(workers=0)
        _as_rebuilt(st.engine)


def test_refresh_redoes_only_the_days_regrouped(store_target, batches):  # noqa: F811
    with ganbu.open_store(store_target) as st:
        st.ingest([str(batches[0])], workers=0)
        pe = S.person_events.c
        with write(st.engine) as c:  # mark every row, as if stale
            c.execute(update(S.person_events).values(role="x"))
            day = c.scalar(select(pe.date_start).where(pe.date_start.is_not(None)).order_by(pe.date_start))
            summaries.refresh(c, [day.isoformat()], [])
            roles = {(d, r) for d, r, _ in _counts(c)}
        assert {d for d, r in roles if r != "x"} - {None} == {day}  # that day (and undated) redone, no other
        assert "x" not in {r for d, r in roles if d == day}


def _counts(c):
    pe = S.person_events.c
    return c.execute(select(pe.date_start, pe.role, func.count()).group_by(pe.date_start, pe.role)).all()


def test_person_page_reads_events_roles_and_people_met(store_target, tmp_path):  # noqa: F811
    with ganbu.open_store(store_target) as st:
        st.ingest([str(write_jsonl(tmp_path / "r.jsonl", REPORTS))], workers=0)
        with st.engine.connect() as c:
            (pid, _), = Q.find_persons(c, "易炼红")
            (dai, _), = Q.find_persons(c, "戴厚良")
            rep = Q.person(c, pid)[0]
            assert rep.n_events == len(rep.events) == 1
            assert rep.events[0].role == "host" and len(rep.events[0].sources) == 2  # r01 and r02: one event
            # met once: two reports of one event count one event
            assert [(x["person_id"], x["events"]) for x in rep.co_participants][:1] == [(dai, 1)]
            assert [e.event_id for e in Q.events(c, person=pid)] == [rep.events[0].event_id]
            assert Q.person(c, pid, events_limit=0)[0].events == []


def test_event_rows_from_cards_equal_rows_from_facts(store_target, batches):  # noqa: F811
    """The pages' event rows read from the cards are the rows the facts give; an event without a
    card (a store written before the cards were kept up) is still listed in full, from the facts."""
    with ganbu.open_store(store_target) as st:
        for path in batches:
            st.ingest([str(path)], workers=0)
        with write(st.engine) as c:
            ids = list(c.scalars(select(S.events.c.id)))
            facts = [r.to_dict() for r in Q._event_rows_from_facts(c, ids)]
            assert [r.to_dict() for r in Q._event_rows(c, ids)] == facts
            assert any(len(r["sources"]) > 1 for r in facts) and any(r["participants"] for r in facts)
            c.execute(S.event_cards.delete().where(S.event_cards.c.event_id.in_(ids[::2])))
            assert [r.to_dict() for r in Q._event_rows(c, ids)] == facts
            c.execute(update(S.event_cards).values(card='[[],[[null,"X","host"]],[],[]]'))
            stale = Q._event_rows(c, ids[1:2])[0]  # the card is what is read
            assert stale.participants == [{"person_id": None, "name": "X", "role": "host"}] and stale.sources == []
            c.rollback()
