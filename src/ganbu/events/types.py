"""The events layer's working records: an event as it is being read, the events read so far
(indexed for finding a repeat), and the passage whose events are open.

Offsets are into the normalised text. The records become the contract's
:class:`ganbu.model.Event` at the end (``extract.py``).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from ..model import Person
from ..model.records import EventType, OrgRole, ParticipantRole
from ..people.orgs import OrgMention

DateDict = dict[str, Any]  # start, end, text, precision (as resolved by lang.dates), _pos


# 期待…会晤/访问 (101 in the bulk corpus): an act looked forward to in the clause, none told
EXPECTED = re.compile(r"期待|期盼|期望|盼望")

@dataclass(slots=True, eq=False)
class Event:
    """An event being read. Compared by identity: two events are never the same object."""

    type: EventType
    trigger: tuple[int, int]
    span: list[int]
    date: DateDict | None
    place: str | None
    targets: list[OrgMention] = field(default_factory=list)  # organisation mentions visited / met
    people: dict[str, ParticipantRole] = field(default_factory=dict)  # person id → role
    orgs: dict[str, tuple[OrgMention, OrgRole]] = field(default_factory=dict)  # surface → (mention, role)
    topics: list[str] = field(default_factory=list)
    passage: int = 0
    only: Person | None = None  # when a sentence meets several people separately: the one met here
    met_ids: frozenset[str] | None = None  # the people met here when the sentence meets others elsewhere
    apart: frozenset[str] = frozenset()  # people who each have their own event of the sentence (X、Y分别会见Z)
    seq: int = -1               # place in the log of events
    heading: bool = False       # told in a heading line
    quoted: bool = False        # told inside what someone says: no one joins it later
    parties: list[str] = field(default_factory=list)  # bodies of a signing named as written (埃及, 希腊)
    needs_people: bool = False  # a meeting convened as a sentence's subject: an event only if people join
    tour_stop: bool = False  # a stop of a preaching tour (来到…与…交流): no lecture of its own
    split: bool = False         # a lead (会见了…外国政要) whose guests each have their own meeting
    split_from: Event | None = None  # the lead this meeting with one of its guests was told in
    decision: str = ""          # the office an appointment formula's event is about (one event per decision)
    log: EventLog | None = None  # told when a person joins, once logged
    _topic_set: set[str] = field(default_factory=set)

    def add(self, pid: str, role: ParticipantRole) -> None:
        if pid in self.apart:
            return
        if pid not in self.people:
            self.people[pid] = role
            if self.log is not None:
                self.log.joined(self, pid)
        elif self.people[pid] == "attendee":
            self.people[pid] = role

    def add_topic(self, topic: str) -> None:
        if topic not in self._topic_set:
            self._topic_set.add(topic)
            self.topics.append(topic)


def day_of(ev: Event) -> str | None:
    """The event's day (ISO), or None when no day is told."""
    return ev.date.get("start") if ev.date else None


class EventLog:
    """The events read so far, in order, indexed by (type, day, person) so that a repeat of an
    event already told is found without going through every event."""

    def __init__(self) -> None:
        self.events: list[Event] = []
        self._with: dict[tuple[str, str | None, str], list[int]] = {}

    def append(self, ev: Event) -> None:
        ev.seq = len(self.events)
        ev.log = self
        self.events.append(ev)
        for pid in ev.people:
            self.joined(ev, pid)

    def joined(self, ev: Event, pid: str) -> None:
        if ev.date:
            bisect.insort(self._with.setdefault((ev.type, day_of(ev), pid), []), ev.seq)

    def same(self, ev: Event, sent_people: list[Person]) -> Event | None:
        """The first event logged that ``ev`` repeats: same type and day, every person of the
        sentence already in it, and the same bodies (or none on either side), from another
        sentence; in the same passage only with the same bodies or none on both."""
        if not ev.date or not sent_people:
            return None
        ids = {p.id for p in sent_people}
        day = day_of(ev)
        # an event that holds every person of the sentence holds the rarest one
        candidates = min((self._with.get((ev.type, day, pid), []) for pid in ids), key=len)
        mine = {o.org.canonical for o in ev.targets}
        for seq in candidates:
            other = self.events[seq]
            if other.span[0] == ev.span[0]:
                continue  # made from the same sentence (a visit split by body)
            same_targets = mine & {o.org.canonical for o in other.targets}
            if other.passage == ev.passage and not (same_targets or (not ev.targets and not other.targets)):
                continue
            if ids <= set(other.people) and (not ev.targets or not other.targets or same_targets):
                return other
        return None


class Passage:
    """The events open in the current passage (a heading or a new date starts the next one)."""

    def __init__(self, number: int):
        self.number = number
        self.events: list[Event] = []
        self.words: set[str] = set()      # trigger words of its events
        self.targets: set[str] = set()    # canonical names of the bodies its events visit
        self._ids: set[int] = set()

    def restart(self, ev: Event, s: str) -> None:
        """The passage goes on with ``ev`` alone open (在会见X时，…: the meeting with one guest)."""
        self.events, self._ids = [], set()
        self.add(ev, s)

    def add(self, ev: Event, s: str) -> None:
        if id(ev) in self._ids:
            return
        self._ids.add(id(ev))
        self.events.append(ev)
        self.words.add(s[ev.trigger[0] : ev.trigger[1]])
        self.targets.update(o.org.canonical for o in ev.targets)
