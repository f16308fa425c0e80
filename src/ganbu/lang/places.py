"""Place mentions and the jurisdiction context they give.

Administrative divisions (``divisions.tsv``, generated from the Ministry of Civil Affairs codes)
are matched with one Aho-Corasick automaton: province- and prefecture-level units by full and
short name, county-level units by full name only (short county names are too often words), an autonomous
county also by its short name and 县 (化隆县).
A mention right after 在/赴/到/抵/来/于 is a *venue* (``在北京``) and does not set the
jurisdiction of titles around it.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from .lexicon import Division, load_divisions

_VENUE_BEFORE = set("在赴到抵来于往进至")
MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}
_LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2}
# short forms that are ordinary words far more often than places
_SHORT_STOP = {"长治", "和平", "公安", "新华", "城区", "郊区", "开发", "矿区", "市中", "长安", "永安", "太平", "吉利",
               "大同", "平安", "江南", "江北", "河口", "通化"}


@dataclass(slots=True, frozen=True)
class PlaceMention:
    start: int
    end: int
    division: Division
    venue: bool

    @property
    def province(self) -> str:
        return self.division.province or self.division.name


def _better(a: Division, b: Division) -> bool:
    """Prefer units in use, then higher level."""
    a_live = a.valid_to is None
    b_live = b.valid_to is None
    if a_live != b_live:
        return a_live
    return _LEVEL_RANK[a.level] < _LEVEL_RANK[b.level]


@lru_cache(maxsize=1)
def _automaton() -> ahocorasick.Automaton:
    table: dict[str, Division] = {}
    # a county-level name used in more than one province (鼓楼区, 城关镇…) or a generic one
    # (新区, 城区) says nothing about where a story is: left out
    provinces_of: dict[str, set[str]] = {}
    for d in load_divisions():
        if d.level == "county":
            provinces_of.setdefault(d.name, set()).add(d.province)
    for d in load_divisions():
        if d.level == "county" and (len(d.name) <= 2 or len(provinces_of[d.name]) > 1 or d.name in _SHORT_STOP
                                    or d.name.endswith(("新区", "开发区", "高新区", "矿区", "郊区", "城区"))):
            continue
        forms = [d.name]
        if d.short and d.level in ("province", "prefecture") and d.short not in _SHORT_STOP and len(d.short) >= 2:
            forms.append(d.short)
        if d.short and d.name.endswith(("自治县", "自治旗")) and d.short + d.name[-1] not in provinces_of:
            forms.append(d.short + d.name[-1])  # 化隆县 for 化隆回族自治县 (126 such in the bulk stories)
        for f in forms:
            cur = table.get(f)
            if cur is None or _better(d, cur):
                table[f] = d
    a = ahocorasick.Automaton()
    for form, d in table.items():
        a.add_word(form, (form, d))
    a.make_automaton()
    return a


def find_places(s: str) -> list[PlaceMention]:
    out = []
    for end_idx, (form, d) in _automaton().iter_long(s):
        start = end_idx + 1 - len(form)
        venue = start > 0 and s[start - 1] in _VENUE_BEFORE
        out.append(PlaceMention(start, end_idx + 1, d, venue))
    return out


def province_division(name: str) -> Division | None:
    for d in load_divisions():
        if d.level == "province" and d.name == name and d.valid_to is None:
            return d
    return None


class Context:
    """Answers: which province / city does an implicit 省 / 市 at offset p refer to?"""

    def __init__(self, places: list[PlaceMention], title_places: Sequence[PlaceMention] = ()):
        """``title_places``: places of the headline, the fallback when the body names none.
        Venues (在北京) never count: a provincial delegation in Beijing is not Beijing's."""
        self.places = [p for p in places if not p.venue]
        self.starts = [p.start for p in self.places]
        for pool in (self.places, list(title_places)):
            prov = Counter(p.province for p in pool)
            cities = Counter(self._city(p) for p in pool if self._city(p))
            if prov:
                break
        self._prov_counts = prov
        self._nearest: dict[str, list[str | None]] = {}
        self._cities: list[str | None] | None = None
        self.dominant_province = prov.most_common(1)[0][0] if prov else None
        self.dominant_city = cities.most_common(1)[0][0] if cities else None

    @staticmethod
    def _city(p: PlaceMention) -> str | None:
        d = p.division
        if d.level == "province":
            return d.name if d.name in MUNICIPALITIES else None
        if d.level == "prefecture":
            return d.name
        if d.province in MUNICIPALITIES:
            return d.province
        return d.prefecture or None

    def province(self, pos: int, suffix: str = "省") -> str | None:
        """The province an implicit 省 (or 自治区) at ``pos`` refers to: the nearest province of
        that kind named before it, else the one the report names most (a 特别行政区 or a
        municipality is never an implicit 省)."""
        k = bisect.bisect_right(self.starts, pos) - 1
        nearest = self._nearest_province(suffix)
        if k >= 0 and nearest[k] is not None:
            return nearest[k]
        return self._dominant(suffix)

    def _nearest_province(self, suffix: str) -> list[str | None]:
        """For each place, the province with ``suffix`` of the nearest place at or before it
        (None when there is none): built once per suffix, so a look-up never walks back."""
        table = self._nearest.get(suffix)
        if table is None:
            table = []
            last = None
            for p in self.places:
                if p.province.endswith(suffix):
                    last = p.province
                table.append(last)
            self._nearest[suffix] = table
        return table

    def _dominant(self, suffix: str) -> str | None:
        for prov, _ in self._prov_counts.most_common():
            if prov.endswith(suffix):
                return prov
        return None

    def city(self, pos: int) -> str | None:
        """The city an implicit 市 at ``pos`` refers to: that of the nearest place before it
        that has one, unless a province-level place that is no municipality comes first; else
        the one the report names most."""
        k = bisect.bisect_right(self.starts, pos) - 1
        return self._city_at()[k] if k >= 0 else self.dominant_city

    def _city_at(self) -> list[str | None]:
        """:meth:`city` for a position at or after each place, built once."""
        if self._cities is None:
            self._cities = []
            prev = self.dominant_city
            for p in self.places:
                c = self._city(p)
                if not c and p.division.level == "province":
                    c = None  # a province-level mention that is not a municipality ends the search
                elif not c:
                    c = prev
                self._cities.append(c)
                prev = c
        return self._cities

    def at_level(self, level: str, pos: int) -> str | None:
        if level in ("省", "自治区"):
            return self.province(pos, level)
        if level == "市":
            return self.city(pos)
        return None


@lru_cache(maxsize=1)
def _country_table() -> dict[str, tuple[str, str]]:
    """name → (kind, country): ``countries.tsv`` (a state, or a body with the state it belongs to)."""
    from .tables import rows

    return {r["name"]: (r["kind"], r["country"]) for r in rows("ganbu.lang", "countries.tsv")}


@lru_cache(maxsize=1)
def _country_automaton() -> ahocorasick.Automaton:
    a = ahocorasick.Automaton()
    for name in _country_table():
        a.add_word(name, name)
    a.make_automaton()
    return a


_STATE_FORM = re.compile(r"(?:伊斯兰|社会主义|民主|人民|联合|联邦|玻利瓦尔|多民族)?"
                         r"(?:共和国|王国|联邦|合众国|大公国|公国|苏丹国)")


def find_countries(s: str) -> list[tuple[int, int, str]]:
    """Foreign country (and international body) names, with a state form written after them
    (哈萨克斯坦共和国): ``(start, end, name)``. Words that hold a country name but name none
    (内蒙古, 拉美国家, 印度洋: kind ``not`` in ``countries.tsv``) and a two-character name inside a
    transliterated one (朱马里, 阿巴西) are left out."""
    out = []
    table = _country_table()
    tl = _translit_chars()
    for e, w in _country_automaton().iter_long(s):
        start, end = e + 1 - len(w), e + 1
        if table[w][0] == "not":
            continue
        if len(w) == 2 and start and s[start - 1] in tl and s[start - 1] not in _BEFORE_STATE:
            continue
        m = _STATE_FORM.match(s, end)
        if m:
            end = m.end()
        out.append((start, end, w))
    return out


# transliteration characters that are also words commonly written before a state's name (由于美国, 抵达德国)
_BEFORE_STATE = set("于达加多许谢贺因和与同对向到访赴在从")


@lru_cache(maxsize=1)
def _translit_chars() -> frozenset[str]:
    from .tables import rows

    return frozenset(c for r in rows("ganbu.people", "translit_chars.tsv") for c in r["chars"])


def state_of(name: str) -> str | None:
    """The state a country mention names (越共 → 越南); None for an international body."""
    kind, country = _country_table().get(name, ("", ""))
    if kind == "country":
        return country or name
    return country or None


def is_abbreviation(name: str) -> bool:
    """``name`` is a state's short form for its army or side (美军, 俄方) or one of its regions (加州):
    it names the state in a title, but says nothing of which state a story is about."""
    return _country_table().get(name, ("", ""))[0] in ("abbr", "region")  # 加州州长: nor a region


@lru_cache(maxsize=16384)
def countries_in(text: str) -> tuple[tuple[int, int, str], ...]:
    """:func:`find_countries` of a short text (a title's organisation part), cached: the same
    parts recur across a corpus."""
    return tuple(find_countries(text))


def region_state(text: str) -> str | None:
    """The state whose region ``text`` starts with (加州州长 → 美国), else None."""
    found = countries_in(text)
    if found and found[0][0] == 0 and _country_table()[found[0][2]][0] == "region":
        return state_of(found[0][2])
    return None


def names_a_country(text: str) -> bool:
    """``text`` names a foreign state or international body (美国, 驻埃及, 联合国…)."""
    return bool(countries_in(text))


_SENTENCE_END = re.compile(r"[。！？\n]")


class Countries:
    """Which foreign state does a title that names none belong to (国防部长 in an Egyptian story)?

    The state named nearest before the title, in the body (a state after 驻 is where an envoy
    serves, not whose he is), else the first one of the headline. :meth:`in_sentence` asks for
    one named earlier in the same sentence only."""

    def __init__(self, s: str, countries: Sequence[tuple[int, int, str]], title: str | None = None):
        self.s = s
        kept = [(b, st) for a, b, n in countries
                if (st := state_of(n)) and s[a - 1 : a] != "驻" and not is_abbreviation(n)]
        self.ends = [b for b, _ in kept]
        self.names = [n for _, n in kept]
        regions = [(b, n) for _, b, n in countries if _country_table().get(n, ("", ""))[0] == "region"]
        self.region_ends = [b for b, _ in regions]
        self.regions = [n for _, n in regions]
        heads = [state_of(n) for _, _, n in find_countries(title)] if title else []
        self.heads = [h for h in heads if h is not None]
        self._top: set[str] | None = None  # the states the report names most
        self._heads: list[int] | None = None  # where the stories of a bulletin start
        self.fallback = self.heads[0] if self.heads else None

    def before(self, pos: int) -> str | None:
        """The state named nearest before ``pos`` in its story (a bulletin's stories start at
        their headline lines), else the first one named after it in the story, else the one the
        report names most, else the headline's."""
        k = bisect.bisect_right(self.ends, pos) - 1
        lo, hi = self._story(pos)
        if k >= 0 and self.ends[k] > lo:
            return self.names[k]
        if k + 1 < len(self.ends) and self.ends[k + 1] <= hi:
            return self.names[k + 1]
        if not self.names:
            return self.fallback
        if self._top is None:
            counts = Counter(self.names)
            best = max(counts.values())
            self._top = {n for n, c in counts.items() if c == best}
        order = list(range(k, -1, -1)) + list(range(k + 1, len(self.names)))
        return next(self.names[i] for i in order if self.names[i] in self._top)

    def region_before(self, pos: int) -> str | None:
        """The foreign region (纽约州) named nearest before ``pos`` in its story, for 该州."""
        k = bisect.bisect_right(self.region_ends, pos) - 1
        return self.regions[k] if k >= 0 and self.region_ends[k] > self._story(pos)[0] else None

    def _story(self, pos: int) -> tuple[int, int]:
        """The span of the story ``pos`` is in: from its headline line to the next one."""
        if self._heads is None:
            self._heads = [0]
            at = 0
            for line in self.s.split("\n"):
                text = line.strip()
                if text and len(text) <= 40 and text[-1] not in "。！？”：；，）" and at:
                    self._heads.append(at)
                at += len(line) + 1
        k = bisect.bisect_right(self._heads, pos) - 1
        return self._heads[k], (self._heads[k + 1] if k + 1 < len(self._heads) else len(self.s))

    def abbreviated(self, ch: str, pos: int) -> str | None:
        """The state a one-character abbreviation at ``pos`` stands for (叙外长 → 叙利亚, 以防长 →
        以色列): the nearest one named before it that starts with ``ch``, else one of the headline,
        else the first one named after it."""
        k = bisect.bisect_right(self.ends, pos) - 1
        for i in range(k, -1, -1):
            if self.names[i].startswith(ch):
                return self.names[i]
        return next((h for h in self.heads + self.names[k + 1 :] if h.startswith(ch)), None)

    def of_place(self, place: str) -> str | None:
        """The state the text writes right before ``place`` somewhere (印度中央邦 → 印度), else None."""
        at = self.s.find(place)
        while at != -1:
            k = bisect.bisect_left(self.ends, at)
            if k < len(self.ends) and self.ends[k] == at:
                return self.names[k]
            at = self.s.find(place, at + 1)
        return None

    def in_paragraph(self, pos: int) -> str | None:
        """The state named nearest before ``pos`` in its paragraph, else None."""
        k = bisect.bisect_right(self.ends, pos) - 1
        if k < 0 or "\n" in self.s[self.ends[k] : pos]:
            return None
        return self.names[k]

    def in_sentence(self, pos: int) -> str | None:
        k = bisect.bisect_right(self.ends, pos) - 1
        if k < 0 or _SENTENCE_END.search(self.s, self.ends[k], pos):
            return None
        return self.names[k]
