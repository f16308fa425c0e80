"""Appointment and removal events: one per person and decision.

Two sources, one event per person, type and decision:
- the title grammar's formulas (``任命X为Y``, ``免去X的Y职务``, ``X任Y``), read by the people layer;
- the verbs of ``appointment_verbs.tsv`` read here around the people's names: the names that end
  the clause before the verb (``X、Y分别被任命为…``, ``穆加贝21日宣布辞去…``, ``他出任…``: 他 is
  the last person named before) or those between the verb and its end word (``解除国防部长X、
  总参谋长Y的职务``, ``接受X的辞呈``, ``给予X等4人开除党籍处分``). A name asked to act
  (``要求X辞职``) is no event.

Each event has the date its sentence gives it: the last date written before the verb in the
sentence (a day, or null for a month or year alone: ``2018年2月，X宣布辞职``), else null for a
career line (``曾任``), else the story's date carried to that sentence (a notice dated once at its
head). A heading's act told again in the story below it is one event.
"""
from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..errors import DataError
from ..lang.tables import rows
from ..model import Person
from ..model.records import EventType
from ..people.types import TitledMention
from .participants import MentionEnds, PeopleIndex
from .sentences import Sentence, Sentences
from .types import DateDict, Event, day_of

_CLAUSE_BREAK = "，,。；;！？\n：:"
_JOINERS = ("、", "和", "与", "及", "以及")
_DATE_GAP = r"(?:(?:本月|当地时间)?(?:\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号])"
_PRONOUNS = "他她"
_TIME_CLAUSE = re.compile(r"(?:后|之后|以后|时|期间)$")
_MESSAGE_TO = re.compile(r"(?:致电|致函|致信|致贺电|致贺信|致贺函)[^，,。；;！？\n]{0,10}$")
_MAX_GAP = 14
_MAX_TITLE = 12  # between a joiner and the next name of a list (、总参谋长)
_MAX_OBJECT = 40

# (offset, sentence, carry the story's date to it) → the date of an act told there
DateAt = Callable[[int, Sentence, bool], "DateDict | None"]
_CARRY_DAYS = 10  # the story's date is carried to an act only when it is this close to publication


@dataclass(slots=True, frozen=True)
class _Verb:
    word: str
    type: EventType
    form: str  # subject | object
    end: re.Pattern[str] | None  # object form: the clause up to the end word
    tail: int  # object form: at most this many characters between the last name and the end word
    career: bool  # a career line (他曾任…): never dated by the story


@dataclass(slots=True, frozen=True)
class _Table:
    verbs: re.Pattern[str]
    by_word: dict[str, _Verb]
    gap: re.Pattern[str]
    demand: re.Pattern[str]
    not_after: tuple[str, ...]
    background: re.Pattern[str]
    subordinate: re.Pattern[str]


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _table() -> _Table:
    by_word: dict[str, _Verb] = {}
    for r in rows("ganbu.events", "appointment_verbs.tsv"):
        if r["type"] not in ("appointment", "removal") or r["form"] not in ("subject", "object"):
            raise DataError(f"bad row for {r['verb']!r}", "appointment_verbs.tsv")
        end = None
        if r["form"] == "object":
            ends = [w for w in r["end"].split("|") if w]
            if not ends:
                raise DataError(f"object verb {r['verb']!r} has no end word", "appointment_verbs.tsv")
            end = re.compile(rf"[^{_CLAUSE_BREAK}]{{1,{_MAX_OBJECT}}}?(?P<end>{_alternation(ends)})")
        by_word[r["verb"]] = _Verb(r["verb"], "removal" if r["type"] == "removal" else "appointment", r["form"], end,
                                   int(r["tail"] or 0), r["career"] == "yes")
    words: dict[str, list[str]] = {}
    for r in rows("ganbu.events", "appointment_words.tsv"):
        words.setdefault(r["category"], []).append(r["word"])
    gap = re.compile(rf"(?:{_DATE_GAP}|{_alternation(words.get('gap', []))})*")
    demand = re.compile(rf"(?:{_alternation(words.get('demand', []))})[^{_CLAUSE_BREAK}]{{0,12}}$")
    background = re.compile(_alternation(words.get("background", [])))
    subordinate = re.compile(rf"[^{_CLAUSE_BREAK}]{{0,30}}?(?<!同)(?:{_alternation(words.get('subordinate', []))})")
    return _Table(re.compile(_alternation(by_word)), by_word, gap, demand, tuple(words.get("not_after", [])),
                  background, subordinate)


def _clause_start(s: str, a: int, p: int) -> int:
    k = max(s.rfind(c, a, p) for c in _CLAUSE_BREAK)
    return k + 1 if k >= 0 else a


def _subjects(s: str, sent: Sentence, vs: int, ends: MentionEnds, tab: _Table) -> list[Person]:
    """The names (joined by 、/和/与/及) that end the clause just before the verb at ``vs``, with
    the words of ``gap`` between; 他/她 stands for the last person named before it."""
    start = _clause_start(s, sent.start, vs)
    y = ends.last_ending_in(max(start, vs - _MAX_GAP), vs)
    if y is None or not tab.gap.fullmatch(s, y, vs):
        k = max(s.rfind(c, max(start, vs - _MAX_GAP), vs) for c in _PRONOUNS)
        if k < 0 or not tab.gap.fullmatch(s, k + 1, vs):
            return []
        if s.startswith("祝贺", start) and tab.gap.fullmatch(s, start + 2, k):
            addressee = _addressee(s, sent.start, start, ends)  # 致电阮富仲，祝贺他再次当选
            return [addressee] if addressee is not None else []
        if not tab.gap.fullmatch(s, start, k) and not _TIME_CLAUSE.search(s, start, k):
            return []  # 他 must open its clause (1980年…后，他出任…; …改行总统制后他担任总统), not be an object
        last = ends.people.last_named_before(k)
        return [last] if last is not None and not tab.demand.search(s, start, k) else []
    x, p = ends.by_end[y]
    found = [p]
    while True:
        # X、Y / X和总参谋长Y: a joiner after the previous name, then at most a title
        prev = ends.last_ending_in(max(start, x - _MAX_TITLE), x - 1)
        if prev is None or not s.startswith(_JOINERS, prev) or any(c in _CLAUSE_BREAK for c in s[prev:x]):
            break
        x, p = ends.by_end[prev]
        if p not in found:
            found.insert(0, p)
    if tab.demand.search(s, start, x):
        return []  # 要求阿瓦科夫辞职: asked for, not done
    return found


def _addressee(s: str, a: int, c: int, ends: MentionEnds) -> Person | None:
    """致电阮富仲，祝贺他…: the person a message went to, named just before the clause at ``c``
    (致电X，祝贺他/她: 15 in the bulk corpus)."""
    y = ends.last_ending_in(c - 1, c - 1)
    if y is None:
        return None
    x, p = ends.by_end[y]
    return p if _MESSAGE_TO.search(s, max(a, x - 12), x) else None


def _objects(s: str, ve: int, verb: _Verb, people: PeopleIndex) -> list[Person]:
    """The names between the object verb ending at ``ve`` and its end word, the last of them at
    most ``tail`` characters before it."""
    assert verb.end is not None
    m = verb.end.match(s, ve)
    if m is None:
        return []
    who = people.in_range(ve, m.start("end"))
    if not who:
        return []
    last_end = max(y for p in who for _, y in people.mentions_in(p, ve, m.start("end")))
    return who if m.start("end") - last_end <= verb.tail else []


def verb_events(s: str, sents: Sentences, people: PeopleIndex, date_at: DateAt) -> list[Event]:
    """The appointment and removal events the verbs of ``appointment_verbs.tsv`` tell."""
    tab = _table()
    ends = people.mention_ends()
    out: list[Event] = []
    for m in tab.verbs.finditer(s):
        verb = tab.by_word[m.group()]
        vs, ve = m.span()
        sent = sents.at(vs)
        if sent is None or s.startswith(tab.not_after, ve):
            continue
        who = _subjects(s, sent, vs, ends, tab) if verb.form == "subject" else _objects(s, ve, verb, people)
        who = [p for p in who if not people.is_reporter(p)]
        if not who:
            continue
        # 张晋创就任国家主席后首次访华: the time of another act, dated only by a day written before it
        date = None if verb.career else date_at(vs, sent, not tab.subordinate.match(s, ve, min(sent.end, ve + 40)))
        for p in who:
            ev = Event(verb.type, (vs, ve), [sent.start, sent.end], date, None)
            ev.add(p.id, "subject")
            ev.heading = sent.heading
            out.append(ev)
    return out


def formula_events(s: str, titled: Iterable[TitledMention], pid_of: dict[str, str], sents: Sentences,
                   date_at: DateAt) -> list[Event]:
    """One event per person named in an appointment or removal formula of the title grammar (the
    same appointment told twice is one event), spanning the sentence that tells it."""
    out: list[Event] = []
    told: dict[tuple[str, EventType, str], int] = {}  # (person, type, decision) → its event's place in out
    in_sentence: set[tuple[str, EventType, int]] = set()  # (person, type, sentence start) of the events read
    for tm in sorted(titled, key=lambda t: t.names[0][0]):
        if tm.rule not in ("appoint", "remove", "serve", "cv"):
            continue
        typ: EventType = "removal" if tm.status == "removed" else "appointment"
        # a career line (X曾任A、B, 历任A、B和C) tells one decision per office; a notice's chain one;
        # a biography's line (1992－1993年 上海市卢湾区委副书记、代区长) one
        roles = [link.prefix + link.role for link in tm.links] if tm.status == "former" else [tm.links[-1].role]
        if tm.rule == "cv":
            roles = [f"{tm.links[0].role_start}"]
        for a, b in tm.names:
            pid = pid_of.get(s[a:b])
            if pid is None:
                continue
            for role in roles:
                key = (pid, typ, role)
                if key in told and not out[told[key]].heading:
                    continue  # the same appointment told again (授权X担任…组长 … X任第一巡视组组长)
                if tm.rule == "cv":  # a biography's line: short, unpunctuated, yet no heading
                    ev = _formula_event(s, typ, (tm.links[0].start, tm.links[0].end), pid, sents, date_at, True)
                    ev.heading = False
                else:
                    ev = _formula_event(s, typ, (a, b), pid, sents, date_at, tm.status == "former")
                ev.decision = role
                if key in told:  # a heading's appointment told again below it: the story's telling
                    if not ev.heading:
                        out[told[key]] = ev
                    continue
                same = (pid, typ, ev.span[0])
                if tm.status != "former" and same in in_sentence:
                    continue  # 塞西…被任命为新国防部长，塞西同时兼任…主席: one decision of that sentence
                in_sentence.add(same)
                told[key] = len(out)
                out.append(ev)
    return out


def _formula_event(s: str, typ: EventType, name: tuple[int, int], pid: str, sents: Sentences, date_at: DateAt,
                   career: bool) -> Event:
    a, b = name
    sent = sents.at(a)
    span = [sent.start, sent.end] if sent else [a, b]
    # 王恩茂曾任…: a career line, never dated by the story
    date = date_at(a, sent, True) if sent is not None and not career else None
    ev = Event(typ, (a, b), span, date, None)
    ev.add(pid, "subject")
    ev.heading = bool(sent and sent.heading)
    return ev


def appointment_events(s: str, titled: Iterable[TitledMention], pid_of: dict[str, str], sents: Sentences,
                       people: PeopleIndex, date_at: DateAt) -> list[Event]:
    """The formulas' events and the verbs' events, one per person, type and sentence; a heading's
    event is left out when the story under it tells the same person's act of that type."""
    found = formula_events(s, titled, pid_of, sents, date_at)
    seen = {(next(iter(ev.people)), ev.type, ev.span[0]) for ev in found}
    for ev in verb_events(s, sents, people, date_at):
        key = (next(iter(ev.people)), ev.type, ev.span[0])
        if key not in seen:
            seen.add(key)
            found.append(ev)
    found.sort(key=lambda ev: ev.trigger[0])
    return _one_per_day(_drop_told_headings(found, sents))


def _one_per_day(evs: list[Event]) -> list[Event]:
    """The same person's act of the same type on the same day told again (津巴布韦总统穆加贝21日辞去
    总统职务 … 随着穆加贝辞职，…) is one event; two decisions of a notice on different offices
    (增补宁吉喆为…委员；增补付志方、宁吉喆为经济委员会副主任) stay two."""
    out: list[Event] = []
    seen: dict[tuple[str, str, str | None], set[str]] = {}  # person, type, day → the decisions told
    for ev in evs:
        day = day_of(ev)
        key = (next(iter(ev.people)), ev.type, day)
        told = seen.setdefault(key, set())
        if day is not None and told and (not ev.decision or "" in told or ev.decision in told):
            continue
        told.add(ev.decision)
        out.append(ev)
    return out


def _drop_told_headings(evs: list[Event], sents: Sentences) -> list[Event]:
    """A heading's event whose person and type come again before the next heading is dropped."""
    told: dict[tuple[str, str], list[int]] = {}  # (person, type) → starts of the events told in the story
    for ev in evs:
        if not ev.heading:
            told.setdefault((next(iter(ev.people)), ev.type), []).append(ev.span[0])
    out = []
    for ev in evs:
        if ev.heading:
            starts = told.get((next(iter(ev.people)), ev.type), [])
            k = bisect.bisect_left(starts, ev.span[1])
            if k < len(starts) and starts[k] < sents.next_heading(ev.span[1]):
                continue
        out.append(ev)
    return out


_YEAR_WRITTEN = re.compile(r"\d{4}年|[一二三四五六七八九〇零]{4}年")  # 2019年, not 去年 (去年的决算)


def dated(seen_last: Callable[[int, int], DateDict | None], sent_date: Callable[[Sentence], DateDict | None],
          s: str, published: _dt.date | None) -> DateAt:
    """The date of an act told at an offset: null in a heading, a career line (曾任) or a
    message's occasion (祝贺X当选); else the last date written before it in its sentence (a day;
    null for a month, a year or 日前 alone); else the story's date carried to the sentence (a
    notice dated at its head), when asked and when that date is the news's (within ``_CARRY_DAYS``
    of publication: not the birth date of an obituary's career lines), and when no month or year
    alone was written last before the sentence in its paragraph (bulk: a year or month without a
    day, then 出任/就任/当选/任命/担任 in the same paragraph, 189 times in 151 stories)."""
    background = _table().background

    def date_at(p: int, sent: Sentence, carry: bool) -> DateDict | None:
        if sent.heading or background.search(s, sent.start, p):
            return None
        last = seen_last(sent.start, p)
        if last is not None:
            return last if last.get("start") and last.get("precision") == "day" else None
        carried = sent_date(sent) if carry else None
        if carried is None or carried.get("precision") != "day":
            return None  # 近日，…: no day told
        earlier = seen_last(s.rfind("\n", 0, sent.start) + 1, sent.start)
        if earlier is not None and (earlier.get("precision") == "month" or (
                earlier.get("precision") == "year" and _YEAR_WRITTEN.search(earlier.get("text") or ""))):
            return None  # 2019年4月，军方推翻政权。随后…X出任主席: a month told before it in the paragraph
        if published is None:
            return carried
        day = _dt.date.fromisoformat(carried["start"]) if carried.get("start") else None
        return carried if day is not None and abs((published - day).days) <= _CARRY_DAYS else None

    return date_at
