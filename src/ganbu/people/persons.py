"""People: titled mentions become persons with positions; later bare mentions are linked to them."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import ahocorasick

from ..model import Person, Position
from . import tables as R
from .names import follower_at, is_cjk
from .positions import PositionMaker
from .titles import ENVOYS
from .types import TitledMention


def _inside(a: int, b: int, ranges) -> bool:
    return any(x <= a and b <= y for x, y in ranges)


def build_people(s: str, mentions: list[TitledMention], maker: PositionMaker,
                 authors: list[tuple[str, int, int]], skip: list[tuple[int, int]]) -> list[Person]:
    people = _People()
    last_base, last_state, last_role = "", None, ""
    chain_before = {b: tm.links[0].start for tm in mentions if tm.links and tm.links[0].start < tm.names[0][0]
                    for _, b in tm.names}
    for tm in sorted(mentions, key=lambda t: t.names[0][0]):
        if all(_inside(a, b, skip) for a, b in tm.names):
            continue
        if tm.continues:  # 市委书记A和董事长B: two bodies; 总理A和国防部长B: one state
            carried = last_base
            if tm.joined_by in ("和", "及") and last_role[-2:] != tm.links[0].role[-2:]:
                carried = ""  # 参议长A和众议长B: one body; 市委书记A和董事长B: two
            positions = maker.make(tm, carried, last_state, last_role)
        else:
            positions = maker.make(tm)
        last_base, last_state, last_role = maker.last_base, maker.last_state, maker.last_role
        _envoys_of(s, positions, chain_before)
        for a, b in tm.names:
            p = people.mention(s[a:b], a, b)
            p.rules.add(tm.rule)
            for pos in positions:
                _add_position(p, pos)
    _merge_short_names(people)
    _merge_cut_names(s, people)
    for person in people.by_name.values():
        maker.complete_states(person.positions)
    for name, a, b in authors:
        people.mention(s[a:b] if s[a:b] else name, a, b).rules.add("byline")
    _link_bare_mentions(s, people.by_name, people.taken, skip)
    out = sorted(people.by_name.values(), key=lambda p: people.first[p.name])
    for i, p in enumerate(out, 1):
        p.id = f"p{i}"
    return out


def _envoys_of(s: str, positions: list[Position], chain_before: dict[int, int]) -> None:
    """An envoy's title written right after the titled name he is the envoy of is that person's (越共中央总书记阮富仲
    特使、越共中央委员黄平君 → 越共中央总书记阮富仲特使, was 越共特使; 国家主席习近平特使: 21 such envoys in 17 bulk
    stories)."""
    for pos in positions:
        a = pos.span[0]
        if pos.role in ENVOYS and s.startswith(pos.role, a) and a in chain_before:
            pos.text = s[chain_before[a] : a] + pos.role
            pos.organization = None


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
    # 哈马斯宣布辛瓦尔为…。…叶海亚·辛瓦尔接替哈尼亚: the last part of a dotted name proposed in the story
    dotted_ends = {s[a:b].rsplit("·", 1)[1] for a, b in proposals if "·" in s[a:b]}
    for a, b in proposals:
        if _inside(a, b, skip):
            continue
        name = s[a:b]
        owner = by_name.get(name)
        if owner is None and (name in dotted_ends or any(len(n) > len(name) and name in n for n in by_name)):
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


def short_forms(names: Iterable[str]) -> dict[str, str]:
    """A dotted name's last part → that name, when no other dotted name of ``names`` ends so (穆登达 →
    雅各布·穆登达)."""
    full: dict[str, list[str]] = {}
    for name in names:
        if "·" in name:
            full.setdefault(name.rsplit("·", 1)[1], []).append(name)
    return {short: ns[0] for short, ns in full.items() if len(ns) == 1 and len(short) >= 2}


def _merge_short_names(people: _People) -> None:
    """A dotted name written later by its last part alone is the same person (雅各布·穆登达 …
    众议长穆登达): the short entry's titles go to the full one, when only one full name ends so,
    and the short entry is dropped (its mentions do not spell the full name, so they are not
    given to it)."""
    for short, name in short_forms(people.by_name).items():
        if short not in people.by_name:
            continue
        src, dst = people.by_name.pop(short), people.by_name[name]
        people.first.pop(short)
        dst.rules |= src.rules
        for pos in src.positions:
            _add_position(dst, pos)


def _merge_cut_names(s: str, people: _People) -> None:
    """A name read short where the text spells a longer name of the document at every mention of
    it (澳大利亚总理阿尔巴尼斯 … 并同阿尔巴尼斯总理: 巴尼斯 read before 总理) is that person: its
    mentions, widened to the full name, and its titles go to the longer one."""
    names = sorted(people.by_name, key=len, reverse=True)
    for short in [n for n in names if len(n) >= 2]:
        src = people.by_name.get(short)
        full = next((n for n in names if len(n) > len(short) and n.endswith(short) and n in people.by_name), None)
        if src is None or full is None:
            continue
        k = len(full) - len(short)
        if not src.mentions or any(s[a - k : a] != full[:k] for a, _ in src.mentions):
            continue
        dst = people.by_name[full]
        del people.by_name[short]
        people.first.pop(short)
        dst.rules |= src.rules
        for a, b in src.mentions:
            people.mention(full, a - k, b)
        for pos in src.positions:
            _add_position(dst, pos)


def _add_position(p: Person, pos: Position) -> None:
    """Add ``pos`` unless the person has it; a title that only repeats the end of one the person
    has with the same role (总统 after 乌克兰总统, 主席 after 越南国家主席) adds nothing, and
    replaces itself when the fuller one comes later."""
    for i, q in enumerate(p.positions):
        if q.status != pos.status:
            continue
        if _repeats(pos, q):
            return
        if _repeats(q, pos):
            p.positions[i] = pos
            return
    p.positions.append(pos)


def _repeats(a: Position, b: Position) -> bool:
    """``a`` only repeats ``b``: the same office with less of its body written (总统 of 乌克兰总统),
    or a head of state's bare title after the state's (越南主席 of 越南国家主席)."""
    ra, rb, ta, tb = _short(a.role), _short(b.role), _short(a.text), _short(b.text)
    if ra == rb:
        # 叙外长 of 叙利亚外交部长: a state's one-character abbreviation, written as the text gives it
        return tb.endswith(ta) or (len(ta) < len(tb) and ta[0] == tb[0] and ta[0] in R.words()["state_abbr"]
                                   and tb.endswith(ta[1:]))
    if rb == "国家" + ra and ta.endswith(ra):
        return tb.startswith(ta[: len(ta) - len(ra)])  # 越南 + 主席 / 越南 + 国家主席
    return False


def _short(text: str) -> str:
    """``text`` with an office written in full in its short form (外交部长 → 外长), so that the
    two writings of one office compare equal."""
    for full, short in R.short_titles():
        if full in text:
            return text.replace(full, short)
    return text


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
    count). Persons left with no mention are dropped, and so are untitled names only ever written
    in quotes (see :func:`_quoted_only`); ids renumbered."""
    after = R.words()["doctrine"]
    longest = max(map(len, after))
    kept = []
    for p in people:
        p.mentions = [(a, b) for a, b in p.mentions if not any(s.startswith(w, b, b + longest) for w in after)]
        if p.mentions and not _quoted_only(s, p):
            kept.append(p)
    if len(kept) != len(people):
        for i, p in enumerate(kept, 1):
            p.id = f"p{i}"
    return kept


_QUOTES = {"“": "”", '"': '"', "「": "」", "‘": "’"}
_HANDLE_BEFORE = ("网友", "网民", "昵称")


def _quoted_only(s: str, p: Person) -> bool:
    """A name with no position written only as a whole quotation (美军“海马斯”火箭炮, 部署“萨德”,
    台风“苏力”, 由“陆锁国”转型): a weapon, a ship, a storm, a coined word, not a person. In a
    2,000-story bulk sample all 21 such names (20 stories) were none; a netizen's handle
    (网友“张明”说) stays."""
    if p.positions:
        return False
    for a, b in p.mentions:
        close = _QUOTES.get(s[a - 1 : a]) if a > 0 else None
        if close is None or s[b : b + 1] != close or s[max(0, a - 3) : a - 1] in _HANDLE_BEFORE:
            return False
    return True
