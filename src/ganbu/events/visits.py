"""Visits to countries: where a visit goes, and the visits told in passing.

A visit phrase (``对意大利、摩纳哥、法国进行国事访问``, ``访问越南``, ``访华``, ``来华进行国事访问``)
names its destinations: foreign countries (``lang.places.find_countries``, given), regions
(``visit_words.tsv``: 非洲) or China (华, 我国). The story's own visit opened on such a phrase is
one event per destination (``extract.py``); a phrase the story did not open an event on is a
visit told in passing (``普京总统今年访华``, ``习近平主席去年对新西兰访问``, ``应邀访问越南的…张高丽``):
one event for its visitor, the name that ends the clause before it (through its title and words
such as 去年, 应邀, 三次) or, for ``访问X的``, the first name after 的. Such a visit is dated only
by a day written before it in its sentence; a visit already told (same person, same place) is
not told again.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..lang.places import countries_in
from ..lang.tables import rows
from ..model import Person
from ..people.names import role_at
from ..people.tables import words as people_words
from .participants import MentionEnds, PeopleIndex
from .sentences import Sentence, Sentences
from .types import EXPECTED, DateDict, Event

_BREAK = "，,。；;！？\n"
# found by their verb (访问, 访华, 来华), then read back to 对/赴 (对意大利、摩纳哥进行国事访问)
_VISIT_WORD = re.compile(r"访问了?|访华|来华|(?<![来出互拜造探寻回专走])访(?=[^\W\d问华谈客])")
# 来华进行国事访问; 来华出席…开幕式并进行正式访问 (来华出席…并…访问: 18 in the bulk corpus)
_LAI_HUA = re.compile(rf"来华(?:出席[^{_BREAK}]{{1,30}}?并)?(?:进行)?[^{_BREAK}]{{0,10}}?访问")
# 对意大利进行国事访问, 赴…访问, 正在伊朗进行正式友好访问的… (在X进行…访问: 92 in the bulk corpus)
_DUI = re.compile(rf"(?:对|赴|在)(?P<dest>[^{_BREAK}对赴在]{{1,30}}?)(?:(?:进行|开始)了?[^{_BREAK}]{{0,12}}?)?$")
_DUI_BACK = 46  # 对 + destinations + 进行…: how far back from 访问 the phrase may start
_AFTER_NAME_MAX = 30  # 访问越南的中共中央政治局常委、国务院副总理张高丽: the title between 的 and the name
_GAP_MAX = 24

DateAt = Callable[[int, Sentence, bool], "DateDict | None"]


@dataclass(slots=True)
class VisitPhrase:
    start: int
    end: int               # the end of 访问 (a story trigger ending here is this phrase)
    places: list[str]      # destinations, in order
    attributive: bool      # 访问越南的X: the visitor comes after


@dataclass(slots=True, frozen=True)
class _Words:
    regions: tuple[str, ...]
    china: tuple[str, ...]
    gap: re.Pattern[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    w: dict[str, list[str]] = {}
    for r in rows("ganbu.events", "visit_words.tsv"):
        w.setdefault(r["category"], []).append(r["word"])
    alt = "|".join(re.escape(x) for x in sorted(w.get("gap", []), key=len, reverse=True))
    # a year written in digits too (习近平主席2016年访问柬埔寨: 2026-12-05)
    gap = re.compile(rf"(?:{alt}|应[^{_BREAK}]{{1,20}}?邀请?|[一二两三四五六七八九十\d]+次|(?:19|20)\d\d年"
                     rf"|\d{{1,2}}月(?:\d{{1,2}}[日号])?(?:至(?:\d{{1,2}}月)?\d{{1,2}}[日号])?"
                     rf"|\d{{1,2}}[日号](?:至(?:\d{{1,2}}月)?\d{{1,2}}[日号])?)*")
    return _Words(tuple(w.get("region", [])), tuple(w.get("china", [])), gap)


def _abbreviated(ch: str, pos: int, countries: list[tuple[int, int, str]]) -> list[str]:
    """The state the abbreviation ``ch`` at ``pos`` stands for, as a list of at most one."""
    if ch not in people_words()["state_abbr"]:
        return []
    before = [c[2] for c in countries if c[1] <= pos and c[2].startswith(ch)]
    after = [c[2] for c in countries if c[0] > pos and c[2].startswith(ch)]
    return (before[-1:] or after[:1])


def _only_places(dest: str, regions: tuple[str, ...]) -> bool:
    """``dest`` is country or region names and nothing else (在伊朗, 在非洲三国)."""
    rest = dest
    for a, b, _ in sorted(countries_in(dest), reverse=True):
        rest = rest[:a] + rest[b:]
    for r in regions:
        rest = rest.replace(r, "")
    return not rest.strip("、和")


class Visits:
    """The visit phrases of a text with their destinations, read once."""

    def __init__(self, s: str, find_countries: Callable[[], list[tuple[int, int, str]]]):
        self.s = s
        self.phrases: list[VisitPhrase] = []
        self._ends: dict[int, VisitPhrase] = {}
        hits = list(_VISIT_WORD.finditer(s))
        if hits:
            self._read(hits, find_countries())

    def _read(self, hits: list[re.Match[str]], countries: list[tuple[int, int, str]]) -> None:
        s = self.s
        words = _words()
        cstarts = [c[0] for c in countries]
        done = 0  # the end of the last phrase read (访问 inside 来华进行国事访问 is read once)
        for m in hits:
            if m.start() < done:
                continue
            start, end, places, tail = m.start(), m.end(), [], m.end()
            if m.group() == "访华":
                places = ["中国"]
            elif m.group() == "访":
                # 去年习近平主席成功访波, 访美期间 (访 + a state's one-character abbreviation: 301 in the bulk
                # corpus): the state named nearest before it that starts with that character, else after it
                places = _abbreviated(s[m.end()], m.start(), countries)
                end = tail = m.end() + 1
            elif m.group() == "来华":
                lai = _LAI_HUA.match(s, m.start())
                if lai is None:
                    continue
                end = tail = lai.end()
                places = ["中国"]
            else:
                dui = _DUI.search(s, max(0, m.start() - _DUI_BACK), m.start())
                if dui is not None and s[dui.start()] == "在" and not _only_places(dui.group("dest"), words.regions):
                    dui = None  # 在2015年10月习近平访问英国期间: 在 with no destination right after it
                if dui is not None:
                    start = dui.start()
                    places = self._destinations(*dui.span("dest"), countries, cstarts, words)
                else:
                    places, tail = self._after(m.end(), countries, cstarts, words)
                    tail = tail if places else m.end()
            if places:
                done = end
                if s.endswith("了", 0, end):
                    end -= 1  # 访问了越南: the story's trigger is 访问
                self.phrases.append(VisitPhrase(start, end, places, s.startswith("的", tail)))
        self._ends = {p.end: p for p in self.phrases}

    def _destinations(self, a: int, b: int, countries: list[tuple[int, int, str]], cstarts: list[int],
                      words: _Words) -> list[str]:
        """The countries and regions written in ``[a, b)`` (对意大利、摩纳哥、法国), else China (对我国)."""
        s = self.s
        places = [c[2] for c in countries[bisect.bisect_left(cstarts, a) : bisect.bisect_left(cstarts, b)]
                  if c[1] <= b]
        dest = s[a:b]
        places += [r for r in words.regions if r in dest]
        if not places and dest.rstrip("的").endswith(words.china):
            places = ["中国"]
        return places

    def _after(self, p: int, countries: list[tuple[int, int, str]], cstarts: list[int],
               words: _Words) -> tuple[list[str], int]:
        """访问越南 / 访问中国 / 访问非洲: the destination written right after 访问, and its end."""
        k = bisect.bisect_left(cstarts, p)
        if k < len(cstarts) and cstarts[k] == p:
            return [countries[k][2]], countries[k][1]
        s = self.s
        region = next((r for r in words.regions if s.startswith(r, p)), None)
        if region:
            return [region], p + len(region)
        return (["中国"], p + 2) if s.startswith(("中国", "我国"), p) else ([], p)

    def ending_at(self, te: int) -> VisitPhrase | None:
        """The visit phrase whose 访问 ends at ``te`` (a story trigger), if any."""
        return self._ends.get(te)


# what someone says, opening a speech in the paragraph (习近平表示，…)
_SAYS = re.compile(r"(?:表示|指出|强调|说)[，：]")


def _speaker_as_me(s: str, v: VisitPhrase, sent: Sentence, ends: MentionEnds) -> Person | None:
    """The speaker who tells his own visit in the first person (习近平说，我去年6月访问古巴…; 不久前，我访问了
    欧洲4国: 77 such in 76 bulk stories, 30 of them with no visit read): the name before the statement
    that opens the clause or the paragraph."""
    clause = max(s.rfind(c, sent.start, v.start) for c in _BREAK) + 1 or sent.start
    me = s.find("我", clause, v.start)
    gap = _words().gap
    if me == -1 or not gap.fullmatch(s, clause, me) or not gap.fullmatch(s, me + 1, v.start):
        return None
    para = s.rfind("\n", 0, clause) + 1
    said = None
    for m in _SAYS.finditer(s, para, clause):
        said = m
    if said is None:
        return None
    end = ends.last_ending_in(max(para, said.start() - _GAP_MAX), said.start())
    if end is None:
        return None
    p = ends.by_end[end][1]
    role = role_at(s, end)
    return p if end + len(role or "") == said.start() else None


def _visitor(s: str, v: VisitPhrase, sent: Sentence, people: PeopleIndex, ends: MentionEnds) -> Person | None:
    """The person who visits: the first name after 的 (访问越南的X), else the name that ends the
    clause before the phrase, through its title and the words of ``gap``."""
    if v.attributive:
        k = bisect.bisect_left(people.starts, v.end)
        if k == len(people.at):
            return None
        x, _, p = people.at[k]
        if x - v.end > _AFTER_NAME_MAX or any(c in _BREAK for c in s[v.end : x]) or people.is_reporter(p):
            return None
        return p
    clause = max(s.rfind(c, sent.start, v.start) for c in _BREAK) + 1 or sent.start
    end = ends.last_ending_in(max(clause, v.start - _GAP_MAX), v.start)
    if end is None:
        return None
    p = ends.by_end[end][1]
    role = role_at(s, end)
    if role:
        end += len(role)
    return p if _words().gap.fullmatch(s, end, v.start) else None


# 总统先生此次访华, 你这次访华, 这是我首次访华: the guest of the story's meeting named by a form of address or a
# pronoun (bulk: in 44 of the 3,099 stories that open on 会见/会谈); 会见来华访问的X: the guest met
_GUEST_REF = re.compile(r"(?:先生|阁下|陛下|殿下|你|您|我)(?:此次|这次|此番|首次|今年)?$")
_MET = ("会见", "会晤", "接见", "会见了")


def _guest_of(events: list[Event], trigger_end: int | None = None) -> str | None:
    """The one visitor of the story's first meeting or talks (or of the one whose trigger ends at
    ``trigger_end``): the guest met."""
    for ev in sorted(events, key=lambda e: e.trigger[0]):
        if ev.type not in ("meeting", "talks") or (trigger_end is not None and ev.trigger[1] != trigger_end):
            continue
        guests = [pid for pid, role in ev.people.items() if role == "visitor"]
        return guests[0] if len(guests) == 1 else None
    return None


def _guest_visitor(s: str, v: VisitPhrase, sent: Sentence, told: list[Event]) -> str | None:
    """The guest who visits China, told without a name: 会见来华访问的X (the guest of that
    meeting), 总统先生此次访华 (the guest of the story's first meeting)."""
    if v.places != ["中国"] or v.attributive:
        return None
    met = next((w for w in _MET if s.endswith(w, sent.start, v.start)), None)
    if met is not None:
        return _guest_of(told, v.start - len(met) + 2)  # the trigger is 会见 in 会见了来华访问并…的X
    clause = max(s.rfind(c, sent.start, v.start) for c in _BREAK) + 1 or sent.start
    return _guest_of(told) if _GUEST_REF.search(s, clause, v.start) else None


def passing_visits(s: str, visits: Visits, used: set[int], told: list[Event], sents: Sentences,
                   people: PeopleIndex, date_at: DateAt) -> list[Event]:
    """The visits told in passing: the phrases no story event was opened on (``used``: the ends
    of the story's triggers), one event per destination, unless the same person's visit to the
    same place is told already (``told``). A guest's visit to China told without a name
    (:func:`_guest_visitor`) is undated: the day of the meeting is not the day the visit began."""
    ends = people.mention_ends()
    seen = {(pid, ev.place) for ev in told if ev.type == "visit" for pid in ev.people}
    out = []
    for v in visits.phrases:
        sent = sents.at(v.start)
        if v.end in used or sent is None or sent.heading:
            continue
        clause = max(s.rfind(c, sent.start, v.start) for c in "，,；;") + 1
        if EXPECTED.search(s, max(clause, sent.start), v.start):
            continue  # 期待着特朗普总统访华: a visit looked forward to
        who = _visitor(s, v, sent, people, ends) or _speaker_as_me(s, v, sent, ends)
        pid = who.id if who is not None else _guest_visitor(s, v, sent, told)
        if pid is None:
            continue
        # 当地时间17日，应邀访问越南的X在河内会见…: the day is the meeting's, not the visit's
        date = None if v.attributive or who is None else date_at(v.start, sent, False)
        for place in v.places:
            if (pid, place) in seen:
                continue
            seen.add((pid, place))
            ev = Event("visit", (v.start, v.end), [sent.start, sent.end], date, place)
            ev.add(pid, "visitor")
            out.append(ev)
    return out
