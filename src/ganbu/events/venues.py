"""Where events take place: the venue a sentence names (在京, 在人民大会堂, a place written after
在/赴/到), the report's frame (进京 … puts every later meeting in Beijing), the places an
inspection goes to, and the place of an inspecting official's office."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ..lang.lexicon import Division, load_divisions
from ..lang.places import PlaceMention
from ..lang.tables import rows
from ..model import Person

_VENUE = re.compile(r"(?:在|赴|抵|抵达|到|来|进|于)(京|津|沪|渝|北京|天津|上海|重庆)")
_VENUE_CITY = {"京": "北京", "津": "天津", "沪": "上海", "渝": "重庆"}
_AT_VENUE = re.compile(r"在([\u4e00-\u9fff]{2,8}?)(?:以视频方式|通过视频)?(?:分别)?"
                       r"(?:会见|会晤|会谈|举行|出席|接见|签署|考察|调研|视察|看望)")
_ORG_TAIL = ("议会", "政府", "大学", "会场", "总部", "现场", "中心", "公司", "集团", "大厦", "宾馆", "饭店",
             "会议", "期间")
_NOT_A_PLACE = re.compile(r"[的了是在与和同]")
_INSPECTED_AFTER = ("对", "到", "赴", "深入", "来到", "前往")
_LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2}


class Places:
    """The place mentions of the text (sorted by start, not overlapping), looked up by offset."""

    def __init__(self, places: list[PlaceMention]):
        self.items = places
        self.starts = [p.start for p in places]

    def within(self, a: int, b: int) -> list[PlaceMention]:
        """The place mentions that start in ``[a, b)``."""
        return self.items[bisect.bisect_left(self.starts, a) : bisect.bisect_left(self.starts, b)]


def sentence_venue(text: str, a: int, b: int, places: Places) -> str | None:
    """The venue the sentence ``text`` at ``[a, b)`` names: 在京/赴沪 …, else a place written after
    在/赴/到 …, else 在X会见 (venues.tsv: 人民大会堂 → 北京)."""
    v = _VENUE.search(text)
    if v:
        return _VENUE_CITY.get(v.group(1), v.group(1))
    pm = next((p for p in places.within(a, b) if p.venue), None)
    venue = (pm.division.short or pm.division.name) if pm is not None else None
    return venue or generic_venue(text)


def frame(s: str, places: list[PlaceMention]) -> tuple[str | None, int]:
    """The report's frame: where its first venue (进京, 在北京, 来津) puts it, and where that is
    written (the frame applies only to events told after it)."""
    m = _VENUE.search(s)
    pm = next((p for p in places if p.venue), None)
    if m and (pm is None or m.start() < pm.start):
        return _VENUE_CITY.get(m.group(1), m.group(1)), m.start()
    if pm is not None:
        return pm.division.short or pm.division.name, pm.start
    return None, len(s)


@lru_cache(maxsize=1)
def _venues() -> dict[str, str]:
    return {r["venue"]: r["city"] for r in rows("ganbu.events", "venues.tsv")}


@lru_cache(maxsize=1)
def _venue_names() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(v) for v in sorted(_venues(), key=len, reverse=True)))


def venue_spans(s: str) -> list[tuple[int, int]]:
    """Where the venues of venues.tsv are named (人民大会堂: no 大会 told there)."""
    return [m.span() for m in _venue_names().finditer(s)]


def generic_venue(text: str) -> str | None:
    """在比什凯克会见… → 比什凯克; 在人民大会堂会见 → 北京 (venues.tsv)."""
    m = _AT_VENUE.search(text)
    if not m:
        return None
    x = m.group(1)
    for venue, city in _venues().items():
        if venue in x:
            return city or None
    if x.endswith(_ORG_TAIL) or _NOT_A_PLACE.search(x) or x[0] in "以对这那此各该我你他她其":
        return None
    return x


def inspected(s: str, a: int, ts: int, places: Places) -> str | None:
    """对许昌市和鄢陵县展开巡视, 到长沙调研: the places the inspection goes to."""
    seg = s[a:ts]
    k = max(seg.rfind(w) for w in _INSPECTED_AFTER)
    if k < 0:
        return None
    found = [p for p in places.within(a + k + 1, ts) if p.end <= ts]
    if not found:
        return None
    return "、".join(s[p.start : p.end] for p in found)


@lru_cache(maxsize=1)
def _division_by_name() -> dict[str, Division]:
    out: dict[str, Division] = {}
    for d in load_divisions():
        if d.name not in out or d.valid_to is None:
            out[d.name] = d
    return out


def _level_rank(name: str) -> int:
    d = _division_by_name().get(name)
    return _LEVEL_RANK.get(d.level, 0) if d else 0


def _short(name: str) -> str:
    d = _division_by_name().get(name)
    return d.short if d and d.short else name


def office_place(person: Person) -> str | None:
    """长沙市委书记易炼红…调研: where the person's most local office is (its short name)."""
    js = [x.jurisdiction for x in person.positions if x.jurisdiction]
    return _short(max(js, key=_level_rank)) if js else None
