"""Grouping report events into events (``ganbu.store.events._group``) on hand-made rows."""
from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from ganbu.store.events import Sides, _group


class Row(NamedTuple):
    document_id: int
    idx: int
    type: str
    date_start: dt.date
    date_end: dt.date | None = None
    place_id: int | None = None
    event_id: int | None = None


DAY = dt.date(2023, 3, 2)
LEADER, A, B, C = 1, 2, 3, 4


def _keys(groups: list[list]) -> list[set[int]]:
    return sorted(({r.document_id for r in g} for g in groups), key=min)


def test_a_report_naming_only_the_leader_does_not_chain_two_meetings():
    """Reports 1-2 tell the leader meeting A, 3 the leader meeting B, 4 names only the leader:
    4 may join one meeting, never both (before: 1, 2, 3 and 4 were one event)."""
    rows = [Row(d, 1, "meeting", DAY) for d in (1, 2, 3, 4)]
    persons = {(1, 1): {LEADER, A}, (2, 1): {LEADER, A}, (3, 1): {LEADER, B}, (4, 1): {LEADER}}
    groups = _keys(_group(rows, persons, {}))
    assert {1, 2} <= groups[0] and 3 not in groups[0]
    assert any(g == {3} or g == {3, 4} for g in groups)


def test_a_leader_chairing_a_meeting_is_not_at_the_encounter_he_hosts_that_day():
    """The side a person is on (``SIDES``): chairing in one report, host or visitor in another
    of the same day, are two events; without roles the three reports are one."""
    rows = [Row(1, 1, "meeting", DAY), Row(2, 1, "meeting", DAY), Row(3, 1, "meeting", DAY)]
    persons = {(1, 1): {LEADER, A}, (2, 1): {LEADER, A}, (3, 1): {LEADER}}
    met = {(1, 1): {LEADER, A}, (2, 1): {LEADER}}
    sides = {(3, 1): Sides({LEADER}, set())}
    assert _keys(_group(rows, persons, {}, {}, sides, met)) == [{1, 2}, {3}]
    assert _keys(_group(rows, persons, {}, {}, {}, met)) == [{1, 2, 3}]


def test_disjoint_host_organisations_keep_groups_apart():
    rows = [Row(d, 1, "visit", DAY) for d in (1, 2, 3)]
    persons = {k: {LEADER, A} for k in ((1, 1), (2, 1), (3, 1))}
    hosts = {(1, 1): frozenset({10}), (2, 1): frozenset({10}), (3, 1): frozenset({11})}
    assert _keys(_group(rows, persons, {}, hosts)) == [{1, 2}, {3}]
