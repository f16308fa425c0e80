"""Appointment and removal events: one per person named in an appointment or removal formula
of the title grammar (``任命X为Y``, ``免去X的Y职务``, ``X任Y``)."""
from __future__ import annotations

from collections.abc import Iterable

from ..model.records import EventType
from ..people.types import TitledMention
from .sentences import Sentences
from .types import Event


def appointment_events(s: str, titled: Iterable[TitledMention], pid_of: dict[str, str],
                       sents: Sentences) -> list[Event]:
    """One event per person named in an appointment or removal formula (the same appointment
    told twice is one event), spanning the sentence that tells it."""
    out = []
    told = set()
    for tm in sorted(titled, key=lambda t: t.names[0][0]):
        if tm.rule not in ("appoint", "remove", "serve"):
            continue
        typ: EventType = "removal" if tm.status == "removed" else "appointment"
        for a, b in tm.names:
            pid = pid_of.get(s[a:b])
            if pid is None:
                continue
            key = (pid, typ, tm.links[-1].role)
            if key in told:
                continue  # the same appointment told again (授权X担任…组长 … X任第一巡视组组长)
            told.add(key)
            sent = sents.at(a)
            span = [sent.start, sent.end] if sent else [a, b]
            ev = Event(typ, (a, b), span, None, None)
            ev.add(pid, "subject")
            out.append(ev)
    return out
