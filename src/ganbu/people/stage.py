"""The people layer as one stage: normalised text → places, organisations, titled mentions,
persons with explicit positions.

``read_people`` is what the pipeline calls; the events layer reads its result.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..lang import places as _places
from ..lang.normalize import normalize
from ..model import Organization, Person
from . import orgs as _orgs
from . import second_opinion as _second
from . import tables
from . import titles as _titles
from .deputies import add_deputies, add_terms
from .namemodel import NameModel, load_model
from .names import follower_at, is_cjk, is_common_word, is_not_name, is_side, word_bucket
from .persons import add_proposed, build_people, drop_doctrine_mentions
from .positions import PositionMaker
from .types import TitledMention

# 对加蒂诺、蒙洛里耶等地发布警示: a list that ends in 等地 names places (in the 554 bulk stories
# with 等地, the 23 untitled "names" in such lists were all places: 尼古拉耶夫, 杰巴利耶, 阿什杜德)
_PLACE_LIST_END = re.compile(r"(?:[、和及与][\u4e00-\u9fff·]{2,10}){0,8}等地(?!方)")

__all__ = ["PeopleLayer", "read_people"]


@dataclass(slots=True)
class PeopleLayer:
    people: list[Person]
    organizations: list[Organization]
    org_mentions: list[_orgs.OrgMention]       # lexicon and local bodies, by start
    places: list[_places.PlaceMention]
    titled: list[TitledMention]


def read_people(s: str, published: str | None, *, title: str | None = None,
                authors: Sequence[tuple[str, int, int]] = (), skip: Sequence[tuple[int, int]] = ()) -> PeopleLayer:
    """Read the people and organisations of the normalised text ``s``."""
    anchors = _titles.find_anchors(s)
    places = _titles.off_titles(_outside_names(s, _places.find_places(s)), anchors, s)
    org_mentions = _orgs.find_orgs(s, as_of=published)
    countries = _places.find_countries(s)
    protected = [(m.start, m.end) for m in org_mentions] + [(p.start, p.end) for p in places]
    protected += [(a, b) for a, b, _ in countries]
    parse = _titles.parse(s, protected, countries=countries, anchors=anchors)
    ctx = _places.Context(places, _places.find_places(normalize(title)) if title else ())
    maker = PositionMaker(ctx, _orgs.alias_index(published), GenericResolver(s, parse.stops), place_of,
                          text=s, as_of=published,
                          countries=_places.Countries(s, countries, normalize(title) if title else None))
    people = build_people(s, parse.mentions, maker, list(authors), list(skip))
    local = _orgs.find_local_bodies(s, places, ctx)
    taken = {(m.start, m.end) for m in org_mentions}
    all_orgs = sorted(org_mentions + [m for m in local if (m.start, m.end) not in taken], key=lambda m: m.start)
    read = protected + [(m.start, m.end) for m in local] + [(x.start, x.end) for x in parse.anchors]
    read += [m for p in people for m in p.mentions]
    named = [m for p in people for m in p.mentions]
    people = add_proposed(s, people, untitled_names(s, read, named), skip)
    hard = [(m.start, m.end) for m in org_mentions] + [(a, b) for a, b, _ in countries]
    hard += [(x.start, x.end) for x in parse.anchors]
    whole = [(p.start, p.end) for p in places]
    between = _items_between_names(s, [m for p in people for m in p.mentions], hard, whole)
    if between:
        people = add_proposed(s, _without_inside(people, between), between, skip)
    people = _without_state_pairs(drop_doctrine_mentions(s, people))
    people = _without_villages(s, _without_adverbs(s, _without_places(s, people)))
    add_deputies(s, people)
    add_terms(s, people)
    for person in people:
        person.mentions.sort()
    return PeopleLayer(people, _orgs.group(all_orgs), all_orgs, places, parse.mentions)


def untitled_names(s: str, read: Sequence[tuple[int, int]],
                   named: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Names with no title that the statistical name model finds where the grammar read nothing
    (organisations, places, countries, titles, names), at the model's threshold; candidates it is
    unsure of go to the second opinion (:mod:`.second_opinion`) when it is on."""
    blocked = bytearray(len(s))
    for a, b in read:
        blocked[a:b] = b"\x01" * (b - a)
    model = load_model()
    address = tables.name_chars()["honorific"]  # 何先生, 陈小姐: a form of address, not a name
    roster = tables.known_names()  # 栗战书和…: a leader's name, whatever the model says of it here
    opinion = _second.enabled()
    low = min(_second.settings().low, model.threshold) if opinion else model.threshold
    sure: list[tuple[int, int]] = []
    unsure: list[tuple[int, int]] = []
    listed: list[tuple[int, int]] = []
    sides = tables.name_chars()["side"]
    proposed = [(a, _with_conj(s, a, b), p) for a, b, p in model.propose(s, blocked)]
    for a, b, p in proposed:
        known = s[a:b] in roster
        if "中" in s[a:b] and all(c in sides or c == "中" for c in s[a:b]):
            continue  # 孟中两国, 孟中印缅经济走廊: states abbreviated with China (2,501 X中两国/关系/… in bulk)
        if any(s.endswith(w, a, b) for w in address) or is_side(s, a) \
                or is_not_name(s, a) or (b - a == 2 and is_common_word(s, a, b)) or _PLACE_LIST_END.match(s, b):
            continue
        if p < low and not known and not _dotted(s, a, b, p):
            if _by_dun(s, a, b) and _chinese_candidate(model, s[a:b]) and _whole_item(s, a, b):  # not 乌云其木格's 乌云
                listed.append((a, b))
            continue
        (sure if p >= model.threshold or known or _dotted(s, a, b, p) else unsure).append((a, b))
    on_roster = _roster_in_lists(s, blocked, sure + unsure)
    listed = [c for c in listed if not any(a < c[1] and c[0] < b for a, b in on_roster)] + on_roster
    sure += _in_name_lists(s, listed, list(named) + sure)
    if unsure:
        sure += _second.confirm(s, blocked, unsure, proposed)
        sure.sort()
    return sure


_DOTTED_LOW = 0.2


def _dotted(s: str, a: int, b: int, p: float) -> bool:
    """A transliterated given name and surname joined by ``·`` (two characters at least each side:
    英国作家弗洛里安·哈尔姆斯, 中场队员塞萨尔·桑巴约) is a name well under the threshold: over the bulk
    stories, taking such candidates from 0.2 up added 33 names in 31 stories (玛格丽特·毛翰, 纳瓦兹·谢里夫,
    特沃德罗斯·阿达诺姆 for 阿达诺姆), one with a title's last character on it (司库安东尼·帕克)."""
    k = s.find("·", a, b)
    return k - a >= 2 and b - k >= 3 and p >= _DOTTED_LOW


def _chinese_candidate(model: NameModel, span: str) -> bool:
    """A Chinese name's reading (a surname of the model's and not a transliterated run): 厉无畏, not
    库皮扬斯克 (a place in a list of places one of which was read as a name)."""
    return (span[0] in model.surnames1 or span[:2] in model.surnames2) and not all(c in model.translit for c in span)


_ITEM_EDGE = set("、，。；：！？等和及与（）\n")


def _roster_in_lists(s: str, blocked: bytearray, proposed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Names of the officials roster written as a whole item of a list (…王兆国、回良玉、刘淇…), where
    nothing was read and no reading of the name model was kept (a weaker reading inside it gives
    way): candidates for :func:`_in_name_lists`, which keeps those next to a name. Looked up only
    next to each 、 of the text (set look-ups of the lengths the roster has)."""
    names, lengths = tables.officials_roster()
    spans = set()
    k = s.find("、")
    while k != -1:
        for n in lengths:
            if s[k + 1 : k + 1 + n] in names:
                spans.add((k + 1, k + 1 + n))
            if k - n >= 0 and s[k - n : k] in names:
                spans.add((k - n, k))
        k = s.find("、", k + 1)
    out = []
    for a, b in sorted(spans):
        if any(blocked[a:b]) or any(x < b and a < y for x, y in proposed) or not _whole_item(s, a, b):
            continue
        out.append((a, b))
    return out


def _whole_item(s: str, a: int, b: int) -> bool:
    """``s[a:b]`` is a whole item of a list: punctuation, 等 or a conjunction on both sides, or a word
    that follows names after it (…、洛桑江村出席)."""
    return (a == 0 or s[a - 1] in _ITEM_EDGE) and (b == len(s) or s[b] in _ITEM_EDGE or follower_at(s, b) is not None)


def _with_conj(s: str, a: int, b: int) -> int:
    """The end of a two-character name read before 和/与/及 that a 、 follows: the character is the
    name's (厉无畏、罗富和、陈宗兴: no conjunction stands before 、; 、罗富和、 12, 、魏凤和、 11 in bulk)."""
    if b - a == 2 and b + 1 < len(s) and s[b] in "和与及" and s[b + 1] == "、" and a and s[a - 1] == "、":
        return b + 1
    return b


def _by_dun(s: str, a: int, b: int) -> bool:
    """A 、 stands right before or after ``s[a:b]`` (the cheap test first: most candidates fail it)."""
    return (a > 0 and s[a - 1] == "、") or (b < len(s) and s[b] == "、")


def _in_name_lists(s: str, cands: list[tuple[int, int]], names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Candidates that stand in a list of names, right after or before a name across 、 (童傅、厉无畏、
    钮小明): read as names too, the list going on from each one read: rightwards in one pass from the
    left, leftwards in one pass from the right."""
    starts = {a for a, _ in names}
    ends = {b for _, b in names}
    out: set[tuple[int, int]] = set()
    for a, b in sorted(cands):
        if a > 0 and s[a - 1] == "、" and a - 1 in ends:
            out.add((a, b))
            starts.add(a)
            ends.add(b)
    for a, b in sorted(cands, reverse=True):
        if (a, b) not in out and b < len(s) and s[b] == "、" and b + 1 in starts:
            out.add((a, b))
            starts.add(a)
            ends.add(b)
    return sorted(out)


def _outside_names(s: str, places: list[_places.PlaceMention]) -> list[_places.PlaceMention]:
    """The places not read inside a transliterated name: 别尔哥罗德州 is no 德州 (a transliteration
    character before the place's first one, itself a transliteration character, and no 于)."""
    tl = tables.translit_chars()

    def inside(p: _places.PlaceMention) -> bool:
        return p.start > 0 and s[p.start - 1] in tl and s[p.start - 1] != "于" and s[p.start] in tl

    return [p for p in places if not inside(p)]


def _without_state_pairs(people: list[Person]) -> list[Person]:
    """美乌总统, 韩美两国, 沙伊对话: two states' one-character abbreviations, no name, unless a title
    stands right before it (总理巴哈, 大使伊泰). In the bulk stories 12 such names, 10 of them pairs."""
    abbr = tables.words()["state_abbr"]

    def pair(p: Person) -> bool:
        if len(p.name) != 2 or not (p.name[0] in abbr and p.name[1] in abbr):
            return False
        return not any(x.span[1] == m[0] for x in p.positions for m in p.mentions)

    return [p for p in people if not pair(p)]


def _place_after(s: str, name: str) -> bool:
    """``name`` is written somewhere in ``s`` right before a word that makes it a place (基尔库克等多地,
    杰巴利耶难民营, 夏洛特市爆发; not 穆里市长, 胡志明市委)."""
    after = tables.words()["place_after"]
    at = s.find(name)
    while at != -1:
        e = at + len(name)
        w = next((w for w in after if s.startswith(w, e)), None)
        if w is not None and (len(w) > 1 or s[e + 1 : e + 2] not in ("长", "委", "民")):
            return True
        at = s.find(name, at + 1)
    return False


def _without_places(s: str, people: list[Person]) -> list[Person]:
    """The people read with no title who are places the story names (基尔库克等多地发生爆炸)."""
    return [p for p in people if p.positions or not _place_after(s, p.name)]


_HEAD_LEVELS = frozenset("区县市镇乡旗")


def _without_villages(s: str, people: list[Person]) -> list[Person]:
    """No person who is the rest of a township or village starting with 长 after a county (北京市大兴区长子营镇:
    the head's title 区长 and a "name" 子营镇), written so at each mention; nor an untitled one always written right
    before 社区 (community_after in grammar_words.tsv)."""
    ends = tables.words()["village_end"]

    def village(p: Person) -> bool:  # 蒙阴县长明村…。在长明村，…: 长 before every mention, a county's before one
        return p.name[-1] in ends and all(a >= 2 and s[a - 1] == "长" for a, _ in p.mentions) and any(
            s[a - 2] in _HEAD_LEVELS for a, _ in p.mentions)

    after = tuple(tables.words()["community_after"])

    def community(p: Person) -> bool:  # 走进哲龙达社区: an untitled "name" always before 社区 is a place
        return not p.positions and all(s.startswith(after, b) for _, b in p.mentions)

    return [p for p in people if not village(p) and not community(p)]


def _without_adverbs(s: str, people: list[Person]) -> list[Person]:
    """No person whose "name" is an adverb that is also a surname and a frequent word (总书记曾专门写信,
    部长曾否认存在…), unless a mention of it ends before punctuation (东丰县委原书记曾海洋，)."""
    adverbs = tables.name_chars()["adverb_first"]

    def adverb(p: Person) -> bool:
        return len(p.name) == 3 and p.name[0] in adverbs and word_bucket(p.name[1:]) >= 2 \
            and all(b < len(s) and is_cjk(s[b]) for _, b in p.mentions)

    return [p for p in people if not adverb(p)]


def _without_inside(people: list[Person], spans: list[tuple[int, int]]) -> list[Person]:
    """The people without their mentions inside the longer names ``spans`` (巴平措 of 向巴平措); a
    person with no mention left is no person."""
    def inside(m: tuple[int, int]) -> bool:
        return any(a <= m[0] and m[1] <= b and m != (a, b) for a, b in spans)

    for p in people:
        p.mentions = [m for m in p.mentions if not inside(m)]
    return [p for p in people if p.mentions]


# a middle item of a list of names: 、李金华、 (a place read inside it), 、乌云其木格、, 、司马义·铁力瓦尔地、,
# 、邵鸿和蒋作君、 (two names joined by 和)
_LIST_RUN = re.compile(r"[\u3400-\u9fff·]{1,12}(?:、[\u3400-\u9fff·]{1,12})+")
_NOT_IN_NAMES = set("的之和与及等")
_PAIR = re.compile(r"([\u3400-\u9fff]{2,4})(?:和|以及)([\u3400-\u9fff]{2,4})")


def _items_between_names(s: str, named: list[tuple[int, int]], hard: list[tuple[int, int]],
                         whole: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The middle items of a list of names (a 、-list of four items or more, at least two fifths of
    which start or end with a name read) that no name was read as and that stand next to a name: names too, whatever
    the name model said of them (…、王丙乾、李金华、任建新、热地、乌云其木格、…: 92 such items in 44 bulk
    stories, 2026-12), a name read inside one giving way to it where the item only adds a surname
    or a dotted part (向巴平措, not 巴平措; 司马义·铁力瓦尔地). An item is no name if a title,
    organisation or country is read in it or a place is all of it; one with no surname's shape
    only between two names (热地)."""
    if s.count("、") < 3:
        return []
    ends = {b for _, b in named}
    starts = {a for a, _ in named}
    mask: bytearray | None = None  # what was read as a title, organisation or country: built when needed
    items = []
    for run in _LIST_RUN.finditer(s):
        spans = _run_items(run)
        if len(spans) < 4 or sum(1 for a, b in spans if a in starts or b in ends) * 5 < 2 * len(spans):
            continue
        for a, b in spans[1:-1]:
            parts = _item_parts(s, a, b, named, starts, ends)
            if mask is None:
                mask = bytearray(len(s))
                for x, y in hard:
                    mask[x:y] = b"\x01" * (y - x)
            if parts and not any(mask[a:b]) and not set(parts) & set(whole):
                items.append((a, b, parts, all(_name_like(s[x:y]) for x, y in parts)))
    out: list[tuple[int, int]] = []
    changed = True
    while changed:  # the list goes on from each name read, either way
        changed = False
        for a, b, parts, shaped in items:
            left, right = a - 1 in ends, b + 1 in starts
            if parts[0] not in out and ((left and right) or (shaped and (left or right))):
                out += parts
                starts.add(a)
                ends.add(b)
                changed = True
    return out


def _run_items(run: re.Match[str]) -> list[tuple[int, int]]:
    out, at = [], run.start()
    for piece in run.group().split("、"):
        out.append((at, at + len(piece)))
        at += len(piece) + 1
    return out


def _item_parts(s: str, a: int, b: int, named: list[tuple[int, int]], starts: set[int],
                ends: set[int]) -> list[tuple[int, int]]:
    """The names an unread item would give (two for 邵鸿和蒋作君), none for an item read as a name or
    with a name read inside that it does not only extend by a surname or a dotted part."""
    if a in starts and b in ends:
        return []
    inside = [(x, y) for x, y in named if a <= x and y <= b]
    if inside:
        x, y = inside[0]
        extends = len(inside) == 1 and ((x == a + 1 and y == b) or (x == a and s[y : y + 1] == "·"))
        return [(a, b)] if extends else []
    pair = _PAIR.fullmatch(s, a, b)
    return [pair.span(1), pair.span(2)] if pair else [(a, b)]


def _name_like(item: str) -> bool:
    """A name's shape: two to four characters starting with a surname (乌云其木格: five), or
    transliterated parts joined by ·."""
    if "·" in item:
        return all(2 <= len(x) <= 6 for x in item.split("·"))
    if not 2 <= len(item) <= 5 or any(c in _NOT_IN_NAMES for c in item):
        return False
    single, double = tables.surnames()
    return item[0] in single or item[:2] in double


class GenericResolver:
    """组委会, 大会主席团: an organisation named by its kind → the full name written before it.

    ``resolve(head, before)`` walks back from the last ``head`` that ends by ``before`` (as
    ``str.rfind`` would, each step to the last occurrence ending by the previous one's start)
    to the first occurrence with a longer name written before it. The occurrences of each head
    are found once, and the answer of every occurrence walked over is kept, so a document costs
    one pass per head however often it is asked.
    """

    def __init__(self, s: str, stops: _titles.Stops):
        self.s = s
        self.stops = stops
        self._starts: dict[str, list[int]] = {}
        self._answer: dict[tuple[str, int], str | None] = {}

    def __call__(self, head: str, before: int) -> str | None:
        starts = self._occurrences(head)
        k = bisect.bisect_right(starts, before - len(head)) - 1
        walked = []
        answer = None
        while k >= 0:
            idx = starts[k]
            if (head, idx) in self._answer:
                answer = self._answer[head, idx]
                break
            walked.append(idx)
            answer = self._name_before(head, idx)
            if answer is not None:
                break
            k = bisect.bisect_right(starts, idx - len(head)) - 1
        for idx in walked:
            self._answer[head, idx] = answer
        return answer

    def _occurrences(self, head: str) -> list[int]:
        starts = self._starts.get(head)
        if starts is None:
            starts = self._starts[head] = []
            i = self.s.find(head)
            while i != -1:
                starts.append(i)
                i = self.s.find(head, i + 1)
        return starts

    def _name_before(self, head: str, idx: int) -> str | None:
        """The full name ending with the ``head`` at ``idx``, if one is written there."""
        s = self.s
        end = idx + len(head)
        lo = max(0, idx - _titles.MAX_PREFIX)
        seg_start = lo
        for k in range(idx - 1, lo - 1, -1):
            if s[k] in "，。；！？：\n（）“”、":
                seg_start = k + 1
                break
        cand = s[self.stops.last_stop_end(seg_start, idx) : end]
        return cand if len(cand) > len(head) + 1 else None


@lru_cache(maxsize=8192)
def place_of(base: str) -> str | None:
    """The place a title's organisation starts with; the most specific of the places written one
    after another (宁夏固原市隆德县委 → 隆德县). Keyed by the organisation text, so the cache is
    shared by every document of a corpus."""
    found = _places.find_places(base)
    if found and found[0].start == 0:
        last = found[0]
        for f in found[1:]:
            if f.start == last.end:
                last = f
        return last.division.name
    return None
