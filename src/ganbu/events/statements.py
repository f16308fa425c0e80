"""Reported speech: ``X表示…``, ``X、Y指出…``, ``他强调…``."""
from __future__ import annotations

import bisect
import re
from array import array

from .. import model as M
from ..model import Person
from .participants import PeopleIndex
from .sentences import Sentences

STATEMENT = re.compile(r"(?P<verb>表示|指出|强调|希望|认为|说)[，：:]?")
_GAP = re.compile(r"(?:同志)?(?:在[^，。]{0,30}时)?(?:还|也|则|又)?")
_CLAUSE_BREAK = re.compile(r"[，。：]")
_CLOSING_QUOTE = re.compile(r"”")


class _Marks:
    """Offsets of the clause breaks and closing quotes of the text, for look-ups by bisect."""

    def __init__(self, s: str):
        # arrays, not lists of int objects: a long text has hundreds of thousands of breaks
        self.breaks = array("q", (m.start() for m in _CLAUSE_BREAK.finditer(s)))
        self.closing = array("q", (m.start() for m in _CLOSING_QUOTE.finditer(s)))

    def clause_start(self, a: int, p: int) -> int:
        """Just after the last clause break in ``[a, p)``, else ``a``."""
        k = bisect.bisect_left(self.breaks, p) - 1
        return self.breaks[k] + 1 if k >= 0 and self.breaks[k] >= a else a

    def closing_quote(self, q: int) -> int:
        """The first ``”`` at or after ``q``, else -1."""
        k = bisect.bisect_left(self.closing, q)
        return self.closing[k] if k < len(self.closing) else -1


def statements(s: str, sents: Sentences, people: PeopleIndex) -> list[M.Statement]:
    """``X表示…``, ``X、Y指出…``: the speakers are the names that end the clause before the verb;
    one statement a sentence at most."""
    out = []
    marks = _Marks(s)
    for sent in sents.items:
        if sent.heading:
            continue
        a, b = sent.start, sent.end
        for m in STATEMENT.finditer(s, a, b):
            clause_start = marks.clause_start(a, m.start())
            speakers = _speakers(s, people, clause_start, m.start())
            if not speakers and m.start() - clause_start == 1 and s[clause_start] in "他她":
                # 他强调: the person the story is about, the last one named before this sentence
                last = people.last_named_before(a)
                speakers = [last] if last is not None else []
            if not speakers:
                continue
            q = m.end()
            end = b
            if s[q : q + 1] == "“":
                close = marks.closing_quote(q)
                end = close + 1 if close != -1 else b
            body = s[q:end].rstrip("。；\n ")
            if len(body) < 2:
                continue
            out.append(M.Statement([p.id for p in speakers], [p.name for p in speakers], m.group("verb"), body,
                                   (q, q + len(body))))
            break
    return out


def _speakers(s: str, people: PeopleIndex, clause_start: int, verb: int) -> list[Person]:
    """The names that end the clause ``[clause_start, verb)``, joined by 、/和/与/及."""
    lo = bisect.bisect_left(people.starts, clause_start)
    hi = bisect.bisect_left(people.starts, verb)
    ments = [(x, y, p) for x, y, p in people.at[lo:hi] if y <= verb]
    speakers: list[Person] = []
    cursor = verb
    for x, y, p in reversed(ments):
        gap = s[y:cursor]
        if gap == "" or (speakers and gap in ("、", "和", "与", "及")):
            if p not in speakers:
                speakers.insert(0, p)
            cursor = x
        elif not speakers and _GAP.fullmatch(gap):
            speakers.insert(0, p)
            cursor = x
        else:
            break
    return speakers
