"""Sentences, headings, and the dates carried from sentence to sentence.

A heading line (``**青海省：…**``, a short line with no sentence punctuation) and a new date at
the head of a sentence open a new passage (``extract.py``). Dates are carried from sentence to
sentence until a new one is written; ``前一天`` counts from the story's current date, ``今天``
from publication.
"""
from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass

from ..lang import dates as _dates
from ..people.orgs import OrgMention
from .types import DateDict

_SENT_END = re.compile(r"[。！？；\n]")
_CLAUSE_PUNCT = re.compile(r"[，。,；]")
_LIST_LINE_MAX = 40  # a line this short after a short one is a line of a list
_PERSONNEL = re.compile(r"任命|免去|同志任|不再担任|职务")
_SOURCE_LINE = re.compile(r"(?:消息|新闻联播|讯|电|报道)[）)]?[:：]$")
_ONE_BY_ONE = re.compile(r"分别(?:参加|出席|会见|陪同)")
# a mention left unresolved: what it would have told (3月5日 with no year known is still a day)
# a date followed by a short clause ending in 的 qualifies a noun (6月17号军方所颁布的声明, 6日签署的协议)
_ATTRIBUTIVE = re.compile(r"[^，,。；;！？\n在了]{1,8}的")
_UNKNOWN_PRECISION = {"date": "day", "range": "day", "list": "day", "month": "month", "relative": "day"}


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    heading: bool
    paragraph: int


def split_sentences(s: str) -> list[Sentence]:
    """The sentences of ``s`` (ending at 。！？； or a line break; blank ones left out), each
    marked as a heading or not, with the number of its paragraph."""
    out = []
    start = 0
    para = 0
    for m in _SENT_END.finditer(s):
        end = m.end()
        if s[start:end].strip():
            out.append(Sentence(start, end, False, para))
        if m.group() == "\n":
            para += 1
        start = end
    if start < len(s) and s[start:].strip():
        out.append(Sentence(start, len(s), False, para))
    listing = False  # inside the lines of a list opened by a line ending in ：(中共中央批准：)
    for i, x in enumerate(out):
        line = s[x.start : x.end].strip()
        bare = line.strip("*# \n")
        if line.startswith(("#", "**")) or (not listing and s[x.end - 1 : x.end] == "\n" and len(bare) <= 30
                                            and not _CLAUSE_PUNCT.search(bare) and not _list_line_next(s, out, i)
                                            and not bare.endswith(("：", ":"))):
            x.heading = True
        if line.endswith(("：", ":")):
            listing = not _SOURCE_LINE.search(line)  # 央视网消息（新闻联播）：opens no list
        elif line.endswith(("。", "！", "？")) or x.heading:
            listing = False
    return out


def _list_line_next(s: str, out: list[Sentence], i: int) -> bool:
    """The line after sentence ``i`` is a short line of a personnel list (决定任命X为…\n免去Y的…
    职务。): the two are lines of a notice, not a heading and its story."""
    if i + 1 >= len(out):
        return False
    nxt = out[i + 1]
    end = s.find("\n", nxt.start)
    line = s[nxt.start : end if end != -1 else len(s)].strip()
    return (0 < len(line) <= _LIST_LINE_MAX and "，" not in line and "," not in line
            and _PERSONNEL.search(line) is not None)


class Sentences:
    """The sentences of a text (``items``: in order, not overlapping), looked up by offset."""

    def __init__(self, s: str):
        self.s = s
        self.items = split_sentences(s)
        self.starts = [x.start for x in self.items]
        self.heading_starts = [x.start for x in self.items if x.heading]

    def at(self, p: int) -> Sentence | None:
        """The sentence that holds offset ``p``, if any."""
        k = bisect.bisect_right(self.starts, p) - 1
        if k >= 0 and p < self.items[k].end:
            return self.items[k]
        return None

    def next_heading(self, p: int) -> int:
        """The start of the first heading at or after ``p`` (the text's length when none)."""
        k = bisect.bisect_left(self.heading_starts, p)
        return self.heading_starts[k] if k < len(self.heading_starts) else len(self.s)

    def told_one_by_one(self, si: int, targets: list[OrgMention]) -> bool:
        """Later sentences of the passage take the bodies one by one: ``在商务部，…`` for two of
        them, or a ``分别参加`` line of counterparts."""
        seen = 0
        for sent in self.items[si + 1 : si + 40]:
            if sent.heading:
                break
            text = self.s[sent.start : sent.end]
            if _ONE_BY_ONE.search(text):
                return True
            if any(text.startswith(("在" + o.surface, "在与" + o.surface)) for o in targets):
                seen += 1
        return seen >= 2


def date_of(iso: str | None) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


class DateReader:
    """The date each sentence writes, read in order through the date mentions of the text."""

    def __init__(self, s: str, published: _dt.date | None, year_hint: int | None):
        self.s = s
        self.mentions = sorted(_dates.find_dates(s), key=lambda m: m.start)
        self.published = published
        self.year_hint = year_hint
        self.current: _dt.date | None = None  # the story's current day (前一天 counts from it)
        self.dateline: _dt.date | None = None  # the day of the dateline (今天 is that day)
        self._next = 0
        # every mention read so far (by start), as resolved where it stands: a day, or a month or
        # year (precision "month"/"year", start None when unknown), for dating acts by offset
        self.seen_starts: list[int] = []
        self.seen: list[DateDict] = []

    def read(self, a: int, b: int) -> DateDict | None:
        """The first day (or yearless date) written in ``[a, b)``; mentions before ``a`` are
        passed over. Sentences are read in order."""
        new_date = None
        dms = self.mentions
        while self._next < len(dms) and dms[self._next].start < b:
            m = dms[self._next]
            self._next += 1
            if m.start < a:
                continue
            if m.kind == "session":
                continue  # 十四届全国人大一次会议: a name, not the time of what is told
            if m.kind == "year":
                self._saw(m.start, {"start": None, "end": None, "text": m.text, "precision": "year"})
                continue
            # 本报2月26日讯 …今天: today is the dateline's day (GUIDELINES); other days count from
            # publication as before
            today = m.kind == "relative" and m.relative == "today" and self.dateline is not None
            r = _dates.resolve(m, published=self.dateline if today else self.published, current=self.current,
                               year_hint=self.year_hint)
            if m.dateline and self.dateline is None and r.get("start") and r.get("precision") == "day":
                self.dateline = date_of(r["start"])  # 本报2月26日讯 …今天: the dateline's day
            self._saw(m.start, r if r.get("start") else {**r, "precision": _UNKNOWN_PRECISION.get(m.kind)})
            if not r.get("start") and m.kind in ("date", "range", "list") and new_date is None:
                # a date the text leaves without a year we can know: null, with the text kept
                new_date = {"start": None, "end": None, "text": m.text, "precision": None, "_pos": m.start}
                continue
            if r.get("start") and r.get("precision") in ("day", "approximate"):
                if self._background(m, r) or self._vaguer(m, r):
                    continue
                if new_date is None or new_date.get("start") is None:
                    new_date = dict(r)
                    new_date["_pos"] = m.start
                start = date_of(r["start"])
                # a day after publication (从4月25号起到7月19号, 将于…) is no base for the bare days after it
                if start and r.get("precision") == "day" and (self.published is None or start <= self.published):
                    self.current = start
        return new_date

    def _background(self, m: _dates.DateMention, r: DateDict) -> bool:
        """A day before the story's that qualifies a noun (取消今年6月17号军方所颁布的声明): it does
        not move the story back to that day (当天 after it is still the story's day)."""
        if self.current is None or not _ATTRIBUTIVE.match(self.s, m.end):
            return False
        start = date_of(r["start"])
        return start is not None and start < self.current

    def _vaguer(self, m: _dates.DateMention, r: DateDict) -> bool:
        """An approximate time (近期, 近日) around the story's day told before it, not set off by a
        comma: vaguer than that day, it does not replace it (11月24日…。近期一些地方接连发生事故。
        …作出批示 is the 24th). ``日前，X主持召开…`` (a comma after it: 近日 407, 日前 193, 近期 50
        times in the bulk corpus; without one 84, 18, 78) still sets the time of what follows."""
        if self.current is None or r.get("precision") != "approximate" or self.s.startswith("，", m.end):
            return False
        start, end = date_of(r.get("start")), date_of(r.get("end"))
        return start is not None and end is not None and start <= self.current <= end

    def _saw(self, start: int, r: DateDict) -> None:
        self.seen_starts.append(start)
        self.seen.append(r)

    def read_in(self, a: int, p: int) -> list[tuple[int, DateDict]]:
        """The mentions read in ``[a, p)`` with their starts, last first."""
        lo, hi = bisect.bisect_left(self.seen_starts, a), bisect.bisect_left(self.seen_starts, p)
        return [(self.seen_starts[k], self.seen[k]) for k in range(hi - 1, lo - 1, -1)]

    def last_before(self, a: int, p: int) -> DateDict | None:
        """The last mention read in ``[a, p)``, as resolved (None when there is none)."""
        k = bisect.bisect_left(self.seen_starts, p) - 1
        return self.seen[k] if k >= 0 and self.seen_starts[k] >= a else None
