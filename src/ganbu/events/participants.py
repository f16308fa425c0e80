"""Who takes part, and how: people by offset, reporters (not at the event), chairs and
speakers (``张德江委员长主持会议``), hosts (a person whose office belongs to the body visited),
and the subjects of appointment formulas."""
from __future__ import annotations

import bisect
from collections.abc import Iterable

from ..model import Person
from ..model.records import ParticipantRole
from ..people.names import role_at
from ..people.types import TitledMention
from .types import Event

Mention = tuple[int, int]
_REPORTER = ("记者", "通讯员")


def _reporter(s: str, person: Person) -> bool:
    """A byline author, or a person only ever named as 记者/通讯员."""
    if person.positions:
        return False
    if "byline" in person.rules:
        return True
    return all(s[max(0, a - 3) : a].endswith(_REPORTER) or s[max(0, a - 4) : a].rstrip().endswith(_REPORTER)
               for a, _ in person.mentions)


class PeopleIndex:
    """The people of the text indexed once by the offsets of their mentions.

    ``at``: every mention ``(start, end, person)`` sorted by offset. Each person's own mentions
    are kept sorted too, with their order in ``person.mentions`` (the order a role is looked
    for in), so that nothing walks every mention of a person for each sentence.
    """

    def __init__(self, s: str, people: Iterable[Person]):
        self.s = s
        self.at: list[tuple[int, int, Person]] = sorted(((a, b, p) for p in people for a, b in p.mentions),
                                                        key=lambda t: (t[0], t[1]))
        self.starts = [t[0] for t in self.at]
        self._reporter: dict[str, bool] = {}
        self._own: dict[str, tuple[Person, list[int], list[int]]] = {}  # id → person, starts, order
        for p in people:
            self._reporter[p.id] = _reporter(s, p)
            order = sorted(range(len(p.mentions)), key=p.mentions.__getitem__)
            self._own[p.id] = (p, [p.mentions[i][0] for i in order], order)
        # the last person named (not a reporter) before each mention: 他/她 in statements
        self._last_named: list[Person | None] = [None]
        for _, _, p in self.at:
            self._last_named.append(self._last_named[-1] if self._reporter[p.id] else p)

    def is_reporter(self, person: Person) -> bool:
        return self._reporter[person.id]

    def in_range(self, a: int, b: int) -> list[Person]:
        """The people with a mention inside ``[a, b)``, in the order of their first one there."""
        seen: list[Person] = []
        ids: set[str] = set()
        for _, y, p in self.at[bisect.bisect_left(self.starts, a) : bisect.bisect_left(self.starts, b)]:
            if y <= b and p.id not in ids:
                ids.add(p.id)
                seen.append(p)
        return seen

    def mentions_in(self, person: Person, a: int, b: int) -> list[Mention]:
        """The person's mentions that start in ``[a, b)``, in the order of ``person.mentions``."""
        p, starts, order = self._own[person.id]
        hits = order[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)]
        if len(hits) > 1:
            hits.sort()
        return [p.mentions[i] for i in hits]

    def last_named_before(self, p: int) -> Person | None:
        """The last person, not a reporter, with a mention that starts before ``p``."""
        return self._last_named[bisect.bisect_left(self.starts, p)]


def role_in(s: str, people: PeopleIndex, person: Person, a: int, b: int) -> ParticipantRole:
    """The person's role in the sentence ``[a, b)``: chair (主持), speaker (讲话, 致辞, 指出 …) or
    attendee."""
    for _, y in people.mentions_in(person, a, b):
        after = s[y : y + 8]
        w = role_at(after, 0)
        if w:
            after = after[len(w) :]  # 张德江委员长主持会议
        if after.startswith("主持"):
            return "chair"
        if after.startswith(("讲话", "致辞", "作", "介绍", "指出", "表示", "强调")):
            return "speaker"
    return "attendee"


def host_event(person: Person, evs: Iterable[Event]) -> Event | None:
    """The event whose visited body the person's office belongs to (王文涛 商务部部长 → 商务部)."""
    orgs = {pos.organization for pos in person.positions if pos.organization}
    texts = [pos.text for pos in person.positions]
    for ev in evs:
        for o in ev.targets:
            canon = o.org.canonical
            if canon in orgs or any(t.startswith(o.surface) for t in texts):
                return ev
    return None


class Subjects:
    """Where each person is the subject of an appointment formula (任命X为…, 免去X的…)."""

    def __init__(self, s: str, titled: Iterable[TitledMention], pid_of: dict[str, str]):
        at: dict[str, list[int]] = {}
        for tm in titled:
            if tm.rule in ("appoint", "remove", "serve"):
                for x, y in tm.names:
                    if s[x:y] in pid_of:
                        at.setdefault(pid_of[s[x:y]], []).append(x)
        self._at = {pid: sorted(xs) for pid, xs in at.items()}

    def named_in(self, person: Person, a: int, b: int) -> bool:
        """The person is the subject of a formula named inside ``[a, b)``."""
        xs = self._at.get(person.id)
        if not xs:
            return False
        k = bisect.bisect_left(xs, a)
        return k < len(xs) and xs[k] < b
