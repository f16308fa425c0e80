"""People: titled mentions become persons with positions; later bare mentions are linked to them."""
from __future__ import annotations

import ahocorasick

from ..model import Person
from .names import follower_at, is_cjk
from ..model import Position
from .positions import PositionMaker
from .types import TitledMention


def _inside(a: int, b: int, ranges) -> bool:
    return any(x <= a and b <= y for x, y in ranges)


def build_people(s: str, mentions: list[TitledMention], maker: PositionMaker,
                 authors: list[tuple[str, int, int]], skip: list[tuple[int, int]]) -> list[Person]:
    by_name: dict[str, Person] = {}
    first: dict[str, int] = {}
    taken: list[tuple[int, int]] = []

    def person(name: str, at: int) -> Person:
        p = by_name.get(name)
        if p is None:
            p = by_name[name] = Person(id="", name=name)
            first[name] = at
        return p

    last_base = ""
    for tm in sorted(mentions, key=lambda t: t.names[0][0]):
        if all(_inside(a, b, skip) for a, b in tm.names):
            continue
        positions = maker.make(tm, last_base if tm.continues else "")
        last_base = maker.last_base
        for a, b in tm.names:
            name = s[a:b]
            p = person(name, a)
            if (a, b) not in p.mentions:
                p.mentions.append((a, b))
                taken.append((a, b))
            p.rules.add(tm.rule)
            for pos in positions:
                _add_position(p, pos)
    for name, a, b in authors:
        p = person(s[a:b] if s[a:b] else name, a)
        if (a, b) not in p.mentions:
            p.mentions.append((a, b))
            taken.append((a, b))
        p.rules.add("byline")
    _link_bare_mentions(s, by_name, taken, skip)
    people = sorted(by_name.values(), key=lambda p: first[p.name])
    for i, p in enumerate(people, 1):
        p.id = f"p{i}"
    return people


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
