"""The parties of a signing named with no person: ``埃及与希腊本月6日签署``, ``美国政府和阿富汗塔利班
武装代表在多哈签署`` (a signing between named bodies is an event even with no named person).

The parties are the two names joined by 与/和/同 right before the signing verb in its clause, each
starting with a country (``lang.places.find_countries``) or a body of ``signing_words.tsv``
(北约, 塔利班); the second ends at a stop word (将, 在, a date), and 代表/武装代表 are left off
their ends.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..lang.tables import rows

_BREAK = "，,。；;！？\n：:"
_PARTY_MAX = 14
_FIRST_MAX = 8  # 美国政府和…, not 埃及议会投票批准了埃及与…


@dataclass(slots=True, frozen=True)
class _Words:
    bodies: tuple[str, ...]
    stop: re.Pattern[str]
    trim: tuple[str, ...]


@lru_cache(maxsize=1)
def _words() -> _Words:
    w: dict[str, list[str]] = {}
    for r in rows("ganbu.events", "signing_words.tsv"):
        w.setdefault(r["category"], []).append(r["word"])
    stop = "|".join(re.escape(x) for x in sorted(w.get("stop", []), key=len, reverse=True))
    return _Words(tuple(w.get("body", [])), re.compile(rf"(?:{stop}|\d|[一二三四五六七八九十]+[日号])"),
                  tuple(sorted(w.get("trim", []), key=len, reverse=True)))


@lru_cache(maxsize=1)
def _bodies() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(b) for b in sorted(_words().bodies, key=len, reverse=True)))


class Parties:
    """Where countries and bodies start in a text, to read the parties of signings."""

    def __init__(self, s: str, find_countries: Callable[[], list[tuple[int, int, str]]]):
        self.s = s
        self._find_countries = find_countries
        self.starts: list[int] = []
        self._set: set[int] | None = None  # read at the first signing

    def _index(self) -> set[int]:
        if self._set is None:
            starts = {a for a, _, _ in self._find_countries()}
            starts.update(m.start() for m in _bodies().finditer(self.s))
            self.starts = sorted(starts)
            self._set = starts
        return self._set

    def _starts_in(self, a: int, b: int) -> list[int]:
        return self.starts[bisect.bisect_left(self.starts, a) : bisect.bisect_left(self.starts, b)]

    def of_signing(self, a: int, ts: int) -> list[str]:
        """The two parties named right before the signing verb at ``ts`` (sentence from ``a``)."""
        s = self.s
        cs = max(s.rfind(c, a, ts) for c in _BREAK) + 1 or a
        if s.find("见证", cs, ts) != -1:
            return []  # 波兰和德国外长见证了协议的签署: witnesses, not parties
        found = self._index()
        for j in range(ts - 1, cs, -1):
            if s[j] not in "与和同" or j + 1 not in found:
                continue
            second = self._second(j + 1, ts)
            # the longest first party (阿富汗塔利班, not 塔利班) with no stop word in it
            first = next((_trim(s[x:j]) for x in self._starts_in(max(cs, j - _FIRST_MAX), j)
                          if not _words().stop.search(s, x, j)), None)
            return [first, second] if first and second else []
        return []

    def _second(self, p: int, ts: int) -> str | None:
        m = _words().stop.search(self.s, p, ts)
        end = m.start() if m else ts
        name = _trim(self.s[p:end])
        return name if 0 < len(name) <= _PARTY_MAX else None


def _trim(name: str) -> str:
    for w in _words().trim:
        if name.endswith(w) and len(name) > len(w):
            return name[: -len(w)]
    return name
