"""People: titled mentions become persons with positions; later bare mentions are linked to them."""
from __future__ import annotations

from collections.abc import Sequence

import ahocorasick

from ..model import Person, Position
from . import tables as R
from .names import follower_at, is_cjk
from .positions import PositionMaker
from .types import TitledMention


def _inside(a: int, b: int, ranges) -> bool:
    return any(x <= a and b <= y for x, y in ranges)


def build_people(s: str, mentions: list[TitledMention], maker: PositionMaker,
                 authors: list[tuple[str, int, int]], skip: list[tuple[int, int]]) -> list[Person]:
    people = _People()
    last_base = ""
    for tm in sorted(mentions, key=lambda t: t.names[0][0]):
        if all(_inside(a, b, skip) for a, b in tm.names):
            continue
        positions = maker.make(tm, last_base if tm.continues else "")
        last_base = maker.last_base
        for a, b in tm.names:
            p = people.mention(s[a:b], a, b)
            p.rules.add(tm.rule)
            for pos in positions:
                _add_position(p, pos)
    for name, a, b in authors:
        people.mention(s[a:b] if s[a:b] else name, a, b).rules.add("byline")
    _link_bare_mentions(s, people.by_name, people.taken, skip)
    out = sorted(people.by_name.values(), key=lambda p: people.first[p.name])
    for i, p in enumerate(out, 1):
        p.id = f"p{i}"
    return out


class _People:
    """The persons read so far, by name, with the spans already given to one."""

    def __init__(self) -> None:
        self.by_name: dict[str, Person] = {}
        self.first: dict[str, int] = {}
        self.taken: list[tuple[int, int]] = []
        self._spans: dict[str, set[tuple[int, int]]] = {}

    def mention(self, name: str, a: int, b: int) -> Person:
        """The person ``name`` (new when first seen at ``a``), with ``(a, b)`` among its mentions."""
        p = self.by_name.get(name)
        if p is None:
            p = self.by_name[name] = Person(id="", name=name)
            self.first[name] = a
            self._spans[name] = set()
        if (a, b) not in self._spans[name]:
            self._spans[name].add((a, b))
            p.mentions.append((a, b))
            self.taken.append((a, b))
        return p


def add_proposed(s: str, people: list[Person], proposals: Sequence[tuple[int, int]],
                 skip: Sequence[tuple[int, int]]) -> list[Person]:
    """Add the untitled names the name model proposes (spans that touch nothing the grammar
    read): a new person each, or a mention of a person of that name. A proposal that is part of
    a longer name already read (塞西 of 阿卜杜勒·塞西) is left out: a mention's text is always
    its person's name. Later bare mentions of new names are linked; ids renumbered."""
    by_name = {p.name: p for p in people}
    first = {p.name: min(a for a, _ in p.mentions) if p.mentions else 0 for p in people}
    taken = [m for p in people for m in p.mentions]
    new: dict[str, Person] = {}
    for a, b in proposals:
        if _inside(a, b, skip):
            continue
        name = s[a:b]
        owner = by_name.get(name)
        if owner is None and any(len(n) > len(name) and name in n for n in by_name):
            continue
        if owner is None:
            owner = by_name[name] = new[name] = Person(id="", name=name, rules={"model"})
            first[name] = a
        owner.mentions.append((a, b))
        taken.append((a, b))
    if new:
        _link_bare_mentions(s, new, taken, skip)
    out = sorted(by_name.values(), key=lambda p: first[p.name])
    for i, p in enumerate(out, 1):
        p.id = f"p{i}"
    return out


def _add_position(p: Person, pos: Position) -> None:
    for q in p.positions:
        if q.text == pos.text and q.status == pos.status:
            return
    p.positions.append(pos)


def _link_bare_mentions(s: str, by_name: dict[str, Person], taken, skip) -> None:
    names = [n for n in by_name if len(n) >= 2]
    if not names:
        return
    auto = ahocorasick.Automaton()
    for n in names:
        auto.add_word(n, n)
    auto.make_automaton()
    occupied = bytearray(len(s))
    for a, b in taken:
        occupied[a:b] = b"\x01" * (b - a)
    for end_idx, n in auto.iter_long(s):
        b = end_idx + 1
        a = b - len(n)
        if any(occupied[a:b]):
            continue
        if _inside(a, b, skip):
            continue
        # a two-character name followed by a character that is no follower is likely a longer name
        if len(n) == 2 and b < len(s) and is_cjk(s[b]) and follower_at(s, b) is None:
            continue
        by_name[n].mentions.append((a, b))
        occupied[a:b] = b"\x01" * (b - a)


def drop_doctrine_mentions(s: str, people: list[Person]) -> list[Person]:
    """A name inside the name of a doctrine is no mention of the person (习近平新时代中国特色社会主义
    思想, 毛泽东思想: 1,721 in the bulk corpus; GUIDELINES: names inside doctrine names do not
    count). Persons left with no mention are dropped; ids renumbered."""
    after = R.words()["doctrine"]
    longest = max(map(len, after))
    kept = []
    for p in people:
        p.mentions = [(a, b) for a, b in p.mentions if not any(s.startswith(w, b, b + longest) for w in after)]
        if p.mentions:
            kept.append(p)
    if len(kept) != len(people):
        for i, p in enumerate(kept, 1):
            p.id = f"p{i}"
    return kept
