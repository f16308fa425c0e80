"""Date recognition and resolution for Chinese political news.

:func:`find_dates` finds calendar dates (Arabic or Chinese numerals, ISO forms), ranges,
lists, relative day words (今天/次日/近日 …), relative years and months (去年/上月底),
datelines (5月16日讯) and NPC/CPPCC/CPC session names whose year is known
(十四届全国人大一次会议). :func:`resolve` turns a mention into ISO dates given the
publication date and the story's current date. :func:`infer_year_from_text` guesses the
year a text is about.

Works on normalised text; offsets are ``[start, end)`` into the string passed in.
Matching is done by a few compiled regular expressions; Python code runs once per
candidate match, never once per character of the text.
"""
from __future__ import annotations

import bisect
import calendar
import datetime as _dt
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError
from .quantities import parse_cn_number

__all__ = ["DateMention", "find_dates", "infer_year_from_text", "resolve"]


@dataclass(slots=True)
class DateMention:
    start: int
    end: int
    text: str
    year: int | None
    month: int | None
    day: int | None
    end_year: int | None
    end_month: int | None
    end_day: int | None
    part: str | None
    relative: str | None
    kind: str  # 'date' | 'range' | 'list' | 'relative' | 'month' | 'year' | 'session'
    # --- extras (all defaulted) ---
    dateline: bool = False  # 5月16日讯 / 北京3月5日电
    year_rel: int | None = None  # 今年 0, 去年 -1, 明年 1, 同年 0 (anchor current) …
    month_rel: int | None = None  # 本月 0, 上月 -1, 次月 1 (anchor current) …
    anchor: str | None = None  # what year_rel/month_rel count from: 'published' | 'current'
    time: str | None = None  # 'HH:MM' (24h) when a clock time was written
    approximate: bool = False  # 前后/左右 after the date
    items: tuple = ()  # for kind 'list': ((year, month, day), …) as written
    session: tuple | None = None  # ('npc'|'cppcc'|'cpc'|'cpc_plenum', term, session)
    start_part: str | None = None  # for ranges: the part of the first element (3月下旬至4月上旬 → 下旬)
    future: bool = False  # announced ahead: 将于25日, 定于, 计划于 (a later day is this month's)


# ---------------------------------------------------------------------------
# word lists
# ---------------------------------------------------------------------------

_DATA_FILE = Path(__file__).parent / "data" / "date_words.tsv"


def _load_words(path: Path = _DATA_FILE) -> dict[str, list[tuple[str, str, str, str]]]:
    """category -> [(word, value, notbefore, notafter)]"""
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:  # pragma: no cover - installation problem
        raise DataError(f"cannot read date word list: {exc}", str(path)) from exc
    out: dict[str, list[tuple[str, str, str, str]]] = {}
    for lineno, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3 or not cols[0] or not cols[1]:
            raise DataError(f"line {lineno}: expected word<TAB>category<TAB>value", str(path))
        notbefore = notafter = ""
        for c in cols[3:]:
            for item in c.split():
                if item.startswith("notbefore="):
                    notbefore = item[len("notbefore="):]
                elif item.startswith("notafter="):
                    notafter = item[len("notafter="):]
        out.setdefault(cols[1], []).append((cols[0], cols[2], notbefore, notafter))
    return out


_WORDS = _load_words()


def _alt(rows, prefix: str = "", notafter_all: str = "") -> str:
    """Alternation of words; every alternative starts with a literal character so that the
    regex engine can skip ahead with its first-character scan. 'Not preceded by' checks are
    therefore written as look-behinds placed after the word."""
    parts = []
    for word, _value, notbefore, notafter in sorted(rows, key=lambda r: len(r[0]), reverse=True):
        w = prefix + word
        p = re.escape(w)
        notafter = notafter + notafter_all
        if notafter:
            p = p + f"(?<![{re.escape(notafter)}]{re.escape(w)})"
        if notbefore:
            p = p + f"(?![{re.escape(notbefore)}])"
        parts.append(p)
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


_REL_DAY = {w: v for w, v, _, _ in _WORDS.get("relative_day", [])}
_DAY_PART = {w: v for w, v, _, _ in _WORDS.get("day_part", [])}
_MONTH_PART = {}
for _w, _v, _, _ in _WORDS.get("month_part", []):
    _canon, _win = _v.split("/")
    _a, _b = _win.split("-")
    _MONTH_PART[_w] = (_canon, int(_a), int(_b))
_YEAR_PART = {}
for _w, _v, _, _ in _WORDS.get("year_part", []):
    _canon, _win = _v.split("/")
    _a, _b = _win.split("-")
    _YEAR_PART[_w] = (_canon, int(_a), int(_b))
_YEAR_REL = {}
for _w, _v, _, _ in _WORDS.get("year_rel", []):
    _bits = _v.split("/")
    _YEAR_REL[_w] = (int(_bits[0]), _bits[1], "needs_month" in _bits[2:])
_MONTH_REL = {}
for _w, _v, _, _ in _WORDS.get("month_rel", []):
    _bits = _v.split("/")
    _MONTH_REL[_w] = (int(_bits[0]), _bits[1])

# ---------------------------------------------------------------------------
# regular expressions
# ---------------------------------------------------------------------------

_Y = r"(?:1[89]\d\d|20\d\d|[〇零○一二三四五六七八九]{4})"
_M = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_D = r"(?:3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
_RSEP = r"(?:至|到|——|—|–|-|~|～|－)"
_YREL = _alt(_WORDS.get("year_rel", []))
_MREL = _alt(_WORDS.get("month_rel", []))
_PP = _alt(_WORDS.get("month_part", []) + _WORDS.get("year_part", []))
_DP = _alt(_WORDS.get("day_part", []))
_APPROX_RE_PART = _alt(_WORDS.get("approx", []))
_TIME = (
    r"(?:(?:[01]?\d|2[0-4])[:：][0-5]\d(?![\d:])"
    r"|(?:[01]?\d|2[0-4])[时点](?:[0-5]?\d分|半|许)?)"
)
_NUMCH = "0-9〇零○一二三四五六七八九十"
_NUMCH_SET = frozenset("0123456789〇零○一二三四五六七八九十")


def _elem(s: str) -> str:
    return (
        rf"(?:(?P<y{s}>{_Y})(?:{_RSEP}(?P<yt{s}>{_Y}))?年|(?P<yr{s}>{_YREL}))?"
        rf"(?:(?P<m{s}>{_M})(?:{_RSEP}(?P<mt{s}>{_M}))?月份?|(?P<mr{s}>{_MREL}))?"
        rf"(?:(?P<d{s}>{_D})(?:{_RSEP}(?P<dt{s}>{_D}))?(?P<ds{s}>[日号]))?"
        rf"(?P<pp{s}>{_PP})?"
        rf"(?P<dp{s}>{_DP})?"
        rf"(?:\s*(?P<tm{s}>{_TIME}))?"
    )


# the element must not be empty: it starts with one of these
_ELEM_LOOK = (
    rf"(?={_Y}(?:{_RSEP}{_Y})?年|{_YREL}|{_M}(?:{_RSEP}{_M})?月|{_MREL}|{_D}(?:{_RSEP}{_D})?[日号])"
)
_LIST_ITEM = rf"(?:、|和|及|与)(?:{_M}月)?{_D}[日号](?:{_DP})?"

_CAL_RE = re.compile(
    # not inside a number; a date in digits may follow a name ending in a numeral (安倍晋三6日: 4 in bulk)
    rf"(?:(?=[0-9])(?<![0-9.,:])|(?=[{_NUMCH}今去明前上下本同当次翌])(?<![{_NUMCH}.,:]))"
    rf"{_ELEM_LOOK}{_elem('a')}"
    rf"(?:\s*(?P<rsep>{_RSEP})\s*(?:(?P<until>今)(?![年天日晚])|{_ELEM_LOOK}{_elem('b')})"
    rf"|(?P<lst>(?:{_LIST_ITEM}){{1,12}}))?"
    rf"(?P<approx>{_APPROX_RE_PART})?"
    rf"(?:(?P<xun>讯)|(?P<dian>电)(?=\s|（|\(|记者|$|—|:|：))?"
)
_ELEM_A_RE = re.compile(_elem("a"))
_LIST_ITEM_RE = re.compile(rf"(?:(?P<m>{_M})月)?(?P<d>{_D})[日号](?P<dp>{_DP})?")

_ISO_RE = re.compile(
    r"(?=[12])(?<![\d.\-/])(?P<y>1[89]\d\d|20\d\d)(?P<sep>[-/.])(?P<m>1[0-2]|0?[1-9])"
    r"(?:(?P=sep)(?P<d>3[01]|[12]\d|0?[1-9]))?(?![\d%亿万元])"
    rf"(?:\s*(?P<tm>{_TIME}))?"
    r"(?:\s*(?:—|–|-|~|～|－|至)\s*(?:(?P<until>至今|今)|(?P<y2>1[89]\d\d|20\d\d)(?P<sep2>[-/.])(?P<m2>1[0-2]|0?[1-9])"
    r"(?:(?P=sep2)(?P<d2>3[01]|[12]\d|0?[1-9]))?(?![\d%亿万元])))?"
)

# 年底/月初 standing alone (no year or month written before them)
_STANDALONE_NOTAFTER = "0123456789〇零○一二三四五六七八九十两几多每半年今去明前上本同当次翌个"
_REL_WORD_ROWS = (
    _WORDS.get("relative_day", [])
    + [(w, v, nb, na + _STANDALONE_NOTAFTER) for w, v, nb, na in _WORDS.get("year_part", [])]
    + [("月" + w, v, nb, na + _STANDALONE_NOTAFTER) for w, v, nb, na in _WORDS.get("month_part", []) if len(w) == 1]
)
_REL_RE = re.compile(rf"(?P<w>{_alt(_REL_WORD_ROWS)})(?P<dp>{_DP})?(?:\s*(?P<tm>{_TIME}))?")
# 一年前的今天, 75年前的今天 (20 in the bulk corpus): the dateline's day that many years back, not the dateline's
_YEARS_AGO_RE = re.compile(
    r"(?<![\d一二三四五六七八九十两])(?P<n>\d{1,3}|[一二三四五六七八九十两]{1,3})周?年前的(?:今天|今日|这一天)")

_N = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_CN_ORD = "[一二三四五六七八九]"
_NOT_BIG = "(?![学桥厦型幅力量批家类项会小])"
# Sessions whose name starts with a fixed word (全国人大…, 中国共产党第…).
_SESSION_LIT_RE = re.compile(
    rf"全国人(?:民代表)?大(?:会)?第?{_N}届第?{_N}次(?:全体)?会议"
    rf"|全国政协第?{_N}届(?:全国委员会)?第?{_N}次(?:全体)?会议"
    rf"|中国人民政治协商会议第?{_N}届全国委员会第?{_N}次(?:全体)?会议"
    rf"|政协第?{_N}届全国委员会第?{_N}次(?:全体)?会议"
    rf"|中国共产党第?{_N}次全国代表大会|中共第?{_N}次全国代表大会|党的第?{_N}次全国代表大会"
    rf"|中国共产党(?:十[二三四五六七八九]|二十一?)大{_NOT_BIG}"
    rf"|中共(?:十[二三四五六七八九]|二十一?)大{_NOT_BIG}|党的(?:十[二三四五六七八九]|二十一?)大{_NOT_BIG}"
    rf"|党的{_N}届(?:中央委员会)?(?:第?{_CN_ORD}中全会|第{_CN_ORD}次全体会议)"
    rf"|中共{_N}届(?:中央委员会)?(?:第?{_CN_ORD}中全会|第{_CN_ORD}次全体会议)"
)
# Sessions whose name starts with the term number (十四届全国人大一次会议, 十九大, 二十届三中全会).
_SESSION_NUM_RE = re.compile(
    rf"[第0-9一二三四五六七八九十][0-9一二三四五六七八九十]{{0,3}}"
    rf"(?:届全国人(?:民代表)?大(?:会)?第?{_N}次(?:全体)?会议"
    rf"|届全国政协第?{_N}次(?:全体)?会议"
    rf"|届(?:中央委员会)?(?:第?{_CN_ORD}中全会|第{_CN_ORD}次全体会议)"
    rf"|大{_NOT_BIG})"
)
_SESS_NUM_RE = re.compile(r"\d{1,2}|[一二三四五六七八九十]{1,3}")

_BOUNDARY_RE = re.compile(r"[。！？；!?;\n]")
_CLAUSE_START_CHARS = "。！？；!?;\n，,、：:（(）) \t\u3000"
_BARE_DAY_REJECT_RE = re.compile(r"内|以内|之内|以上|以下|以后|后|前|左右|之间|的时间|期限")
# 将于25日在比勒陀利亚宣誓就职: in the bulk corpus 将于 stands right before an Arabic N日 41 times
_FUTURE_BEFORE_RE = re.compile(r"(?:将于|将在|将|定于|计划于|拟于|预计于|预计将于|预定)$")
_BARE_DAY_BEFORE_REJECT_RE = re.compile(r"(?:每|每月|第|连续|持续|为期|历时|长达|仅|共|近|逾|超过|用|花|需|满)$")


# NPC / CPPCC term -> year of its first session; later terms every five years.
_NPC_FIRST = {1: 1954, 2: 1959, 3: 1964, 4: 1975, 5: 1978}
_CPPCC_FIRST = {1: 1949, 2: 1954, 3: 1959, 4: 1964, 5: 1978}
_CPC_CONGRESS = {
    1: 1921, 2: 1922, 3: 1923, 4: 1925, 5: 1927, 6: 1928, 7: 1945, 8: 1956, 9: 1969, 10: 1973,
    11: 1977, 12: 1982, 13: 1987, 14: 1992, 15: 1997, 16: 2002, 17: 2007, 18: 2012, 19: 2017,
    20: 2022, 21: 2027,
}
# (term, plenum) -> year, for the Central Committee plenums of recent terms
_CPC_PLENUM = {
    (16, 1): 2002, (16, 2): 2003, (16, 3): 2003, (16, 4): 2004, (16, 5): 2005, (16, 6): 2006, (16, 7): 2007,
    (17, 1): 2007, (17, 2): 2008, (17, 3): 2008, (17, 4): 2009, (17, 5): 2010, (17, 6): 2011, (17, 7): 2012,
    (18, 1): 2012, (18, 2): 2013, (18, 3): 2013, (18, 4): 2014, (18, 5): 2015, (18, 6): 2016, (18, 7): 2017,
    (19, 1): 2017, (19, 2): 2018, (19, 3): 2018, (19, 4): 2019, (19, 5): 2020, (19, 6): 2021, (19, 7): 2022,
    (20, 1): 2022, (20, 2): 2023, (20, 3): 2024, (20, 4): 2025,
}


def _term_year(first: dict[int, int], term: int) -> int | None:
    if term in first:
        return first[term]
    if term >= 6:
        return 1983 + 5 * (term - 6)
    return None


def session_year(body: str, term: int, session: int | None) -> int | None:
    """Year of a numbered session: ('npc'|'cppcc', term, session), ('cpc', n, None), ('cpc_plenum', term, n)."""
    if body in ("npc", "cppcc"):
        start = _term_year(_NPC_FIRST if body == "npc" else _CPPCC_FIRST, term)
        if start is None or session is None or not 1 <= session <= 5 or term > 40:
            return None
        return start + session - 1
    if body == "cpc":
        return _CPC_CONGRESS.get(term)
    if body == "cpc_plenum" and session is not None:
        return _CPC_PLENUM.get((term, session))
    return None


# ---------------------------------------------------------------------------
# find_dates
# ---------------------------------------------------------------------------


_NUM_CACHE: dict[str, int | None] = {}


def _num(s: str | None) -> int | None:
    if not s:
        return None
    if s.isascii():
        return int(s) if s.isdigit() else None
    if s in _NUM_CACHE:
        return _NUM_CACHE[s]
    r = _num_slow(s)
    if len(_NUM_CACHE) < 4096:
        _NUM_CACHE[s] = r
    return r


def _num_slow(s: str) -> int | None:
    v = parse_cn_number(s)
    if v is None or not float(v).is_integer():
        return None
    return int(v)


def _time(s: str | None, part: str | None) -> str | None:
    if not s:
        return None
    m = re.match(r"(\d{1,2})[:：时点](?:(\d{1,2})分?|(半))?", s)
    if not m:
        return None
    h = int(m[1])
    mi = int(m[2]) if m[2] else (30 if m[3] else 0)
    if part in ("下午", "晚上", "傍晚") and h < 12:
        h += 12
    if h > 24 or mi > 59:
        return None
    return f"{h:02d}:{mi:02d}"


def _part_of(dp: str | None, pp: str | None, has_month: bool, has_year: bool, has_day: bool) -> tuple[str | None, bool]:
    """(canonical part, whether it makes the date approximate)"""
    if dp:
        return _DAY_PART.get(dp, dp), False
    if pp and not has_day:
        if pp in _MONTH_PART and has_month:
            return _MONTH_PART[pp][0], True
        if pp in _YEAR_PART:
            return _YEAR_PART[pp][0], True
        if pp in _MONTH_PART and has_year:  # 2023年底 / 今年初
            canon = _YEAR_PART.get("年" + pp)
            if canon:
                return canon[0], True
    return None, False


_ELEM_KEYS = {
    s: tuple(f"{g}{s}" for g in ("y", "yt", "yr", "m", "mt", "mr", "d", "dt", "ds", "pp", "dp", "tm"))
    for s in ("a", "b")
}


class _Elem:
    __slots__ = ("anchor", "approx", "d", "ds", "dt", "m", "mrel", "mt", "part", "time", "y", "yrel", "yt")

    def __init__(self, gd: dict, s: str):
        y, yt, yr, mo, mt, mr, d, dt, ds, pp, dp, tm = (gd[k] for k in _ELEM_KEYS[s])
        self.y = _num(y) if y else None
        self.yt = _num(yt) if yt else None
        self.yrel = _YEAR_REL.get(yr) if yr else None
        self.m = _num(mo) if mo else None
        self.mt = _num(mt) if mt else None
        self.mrel = _MONTH_REL.get(mr) if mr else None
        self.d = _num(d) if d else None
        self.dt = _num(dt) if dt else None
        self.ds = ds
        has_month = self.m is not None or self.mrel is not None
        has_year = self.y is not None or self.yrel is not None
        if dp or pp:
            self.part, self.approx = _part_of(dp, pp, has_month, has_year, self.d is not None)
        else:
            self.part, self.approx = None, False
        self.time = _time(tm, self.part) if tm else None
        self.anchor = None
        if self.yrel is not None:
            self.anchor = self.yrel[1]
        elif self.mrel is not None:
            self.anchor = self.mrel[1]

    @property
    def has_month(self) -> bool:
        return self.m is not None or self.mrel is not None

    @property
    def has_year(self) -> bool:
        return self.y is not None or self.yrel is not None

    @property
    def bare_day(self) -> bool:
        return self.d is not None and not self.has_month and not self.has_year


def _sentence_start(bounds: list[int], pos: int) -> int:
    i = bisect.bisect_left(bounds, pos)
    return bounds[i - 1] + 1 if i else 0


def _cal_mention(text: str, m: re.Match, bounds: list[int], last_month_end: int) -> DateMention | None:
    gd = m.groupdict()
    a = _Elem(gd, "a")
    b = _Elem(gd, "b") if gd["rsep"] and not gd["until"] else None
    start = m.start()
    end = m.end()
    if m["xun"] or m["dian"]:
        end = m.start("xun") if m["xun"] else m.start("dian")
    if b is not None and (b.yrel is not None or b.mrel is not None):
        # 上月底至本月初 / 2020年至今年: an end relative to another date is not kept; the
        # mention is cut back to its first element
        b = None
        end = _max_end(m, "a")
    if not _cal_accepted(text, m, a, bounds, last_month_end):
        return None
    year, month, day = a.y, a.m, a.d
    end_year = end_month = end_day = None
    kind = "date" if day is not None else ("month" if a.has_month else "year")
    part, approx, time = a.part, a.approx, a.time
    relative = None
    items: tuple = ()
    if a.yt is not None:  # 2021—2025年
        end_year, kind = a.yt, "range"
    if a.mt is not None:  # 1—8月
        end_year, end_month, kind = year, a.mt, "range"
    if a.dt is not None:  # 3月3至5日
        end_year, end_month, end_day, kind = year, month, a.dt, "range"
    if m["until"]:
        kind, relative = "range", "until_now"
    if b is not None:
        kind = "range"
        end_year, end_month, end_day = _range_end(a, b)
        if b.part:
            part, approx = b.part, b.approx or approx
        if b.time:
            time = b.time
    elif m["lst"]:
        kind = "list"
        items, last_part = _list_items(m["lst"], year, month, day)
        end_year, end_month, end_day = items[-1]
        if last_part is not None:
            part, approx = last_part, False
    if m["approx"]:
        approx = True
    return DateMention(
        start=start, end=end, text=text[start:end],
        year=year, month=month, day=day,
        end_year=end_year, end_month=end_month, end_day=end_day,
        part=part, relative=relative, kind=kind,
        dateline=bool(m["xun"] or m["dian"]),
        year_rel=a.yrel[0] if a.yrel is not None else None,
        month_rel=a.mrel[0] if a.mrel is not None else None, anchor=a.anchor,
        time=time, approximate=approx, items=items,
        start_part=a.part if kind in ("range", "list") else None,
        future=_FUTURE_BEFORE_RE.search(text, max(0, start - 4), start) is not None,
    )


def _cal_accepted(text: str, m: re.Match, a: _Elem, bounds: list[int], last_month_end: int) -> bool:
    """The first element is a date here: not a 同年/当年 alone, not a 号 that is no day."""
    # a needs_month year word (同年/当年) alone is not a date
    if a.yrel is not None and a.yrel[2] and not a.has_month:
        return False
    # 号 without a month: a date with a part of the day or the action of the news right after
    # it (李克强27号下午在…会见, 当地时间7号), or an Arabic day not followed by what a number
    # names (1号文件, 3号线, 4号机组: date_words.tsv hao_noun). In the bulk corpus 2,203 Arabic
    # N号 stand without a month; 1,698 are followed by a verb of the news or open a clause
    # (24号，…), and of the other 505 a random 60 were dates but for 线/机组/院/” (things).
    if a.ds == "号" and not a.has_month and not (
        a.part or text[m.end():m.end() + 4].startswith(_BARE_DAY_ACTION)
        or text[max(0, m.start() - 4):m.start()] == "当地时间"
        or ((m["da"] or "").isascii() and not text.startswith(_HAO_NOUN, m.end()))
    ):
        return False
    return not (a.bare_day and not _accept_bare_day(text, m, a, bounds, last_month_end))


def _range_end(a: _Elem, b: _Elem) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of the end of a range ``a``至``b``, what ``b`` leaves out carried from ``a``."""
    end_year = b.yt if b.yt is not None else (b.y if b.y is not None else a.y)
    if b.m is not None:
        end_month = b.mt if b.mt is not None else b.m
    elif b.y is not None:
        end_month = None  # 2019年至2021年
    else:
        end_month = a.m  # carried: 3月1日至2日
    return end_year, end_month, b.dt if b.dt is not None else b.d


def _list_items(lst: str, year: int | None, month: int | None, day: int | None
                ) -> tuple[tuple[tuple[int | None, int | None, int | None], ...], str | None]:
    """The dates of a list (3月5日、6日和8日), and the part of the day written on its last item."""
    items_l = [(year, month, day)]
    part = None
    cur_m = month
    for it in _LIST_ITEM_RE.finditer(lst):
        mm = _num(it["m"])
        if mm is not None:
            cur_m = mm
        dd = _num(it["d"])
        items_l.append((year, cur_m, dd))
        if it["dp"]:
            part = _DAY_PART.get(it["dp"], it["dp"])
    return tuple(items_l), part


def _max_end(m: re.Match, s: str) -> int:
    """End of the first element alone (when the rest of the match is dropped)."""
    e = _ELEM_A_RE.match(m.string, m.start())
    return e.end() if e is not None and e.end() > m.start() else m.end()


_BARE_DAY_ACTION = ("在", "举行", "出席", "会见", "会晤", "同", "与", "分别", "晚", "上午", "下午", "赴", "抵达",
                    "召开", "签署", "致电", "致信", "主持", "考察", "调研", "开幕", "闭幕")
_HAO_NOUN = tuple(w for w, _, _, _ in _WORDS.get("hao_noun", []))


def _accept_bare_day(text: str, m: re.Match, a: _Elem, bounds: list[int], last_month_end: int) -> bool:
    """A day without a month (5日) is a date only in a clear date context."""
    end = m.end()
    after = text[end:end + 4]
    if not (m["rsep"] or m["lst"]) and _BARE_DAY_REJECT_RE.match(after):
        return False
    start = m.start()
    d = m["da"] or ""
    if not d.isascii() and len(d) < 2:
        return False  # 一日三餐 / 三日: a bare one-character Chinese day is rarely a date
    if _BARE_DAY_BEFORE_REJECT_RE.search(text, max(0, start - 2), start):
        return False  # 每月5日 / 连续5日 / 为期3日: recurring or a duration
    sent = _sentence_start(bounds, start)
    if last_month_end > sent:  # a month was written earlier in this sentence
        return True
    if a.part or a.time or m["xun"] or m["dian"]:  # 5日上午 / 5日电
        return True
    # 习近平28日在北京会见…, 佩里21日称, 当地时间16日: an Arabic-digit day is a date. In the bulk
    # corpus 8,465 Arabic N日 stand without a month; a random 40 of the 1,104 not followed by a
    # verb of the news (在/表示/称/宣布/举行 …) were all dates (伊朗议会21日投票, 3日警告 …)
    if d.isascii() and 1 <= int(d) <= 31:
        return True
    # clause-initial "5日，…" / "5日至7日"
    return (start == 0 or text[start - 1] in _CLAUSE_START_CHARS) and bool(after[:1] in ("，", ",", "、") or m["rsep"])


def _iso_mention(text: str, m: re.Match) -> DateMention | None:
    y, mo, d = int(m["y"]), int(m["m"]), _num(m["d"])
    if m["sep"] == "-" and d is None and not m["y2"] and not m["until"]:
        return None  # 2021-12 alone: too ambiguous (sports seasons, codes)
    kind = "date" if d is not None else "month"
    ey = em = ed = None
    relative = None
    end = m.end()
    if m["y2"]:
        ey, em, ed = int(m["y2"]), int(m["m2"]), _num(m["d2"])
        kind = "range"
    elif m["until"]:
        kind, relative = "range", "until_now"
    else:
        end = m.end("tm") if m["tm"] else m.end("d") if m["d"] else m.end("m")
    return DateMention(
        start=m.start(), end=end, text=text[m.start():end], year=y, month=mo, day=d,
        end_year=ey, end_month=em, end_day=ed, part=None, relative=relative, kind=kind,
        time=_time(m["tm"], None),
    )


def _rel_mention(text: str, m: re.Match) -> DateMention | None:
    start, end = m.start(), m.end()
    w = m["w"]
    code = _REL_DAY.get(w)
    if code is not None:
        part = None
        if "/" in code:
            code, part = code.split("/", 1)
        if m["dp"]:
            part = _DAY_PART.get(m["dp"], m["dp"])
        return DateMention(
            start=start, end=end, text=text[start:end], year=None, month=None, day=None,
            end_year=None, end_month=None, end_day=None, part=part, relative=code,
            kind="relative", time=_time(m["tm"], part),
        )
    end = m.end("w")  # a part-of-day after 年底/月底 is not kept
    if w in _YEAR_PART:
        return DateMention(
            start=start, end=end, text=text[start:end], year=None, month=None, day=None,
            end_year=None, end_month=None, end_day=None, part=_YEAR_PART[w][0],
            relative=None, kind="year", year_rel=0, anchor="published", approximate=True,
        )
    if w[:1] == "月" and w[1:] in _MONTH_PART:
        return DateMention(
            start=start, end=end, text=text[start:end], year=None, month=None, day=None,
            end_year=None, end_month=None, end_day=None, part=_MONTH_PART[w[1:]][0],
            relative=None, kind="month", month_rel=0, anchor="current", approximate=True,
        )
    return None


def _years_ago_mention(text: str, m: re.Match) -> DateMention | None:
    n = _num(m["n"].replace("两", "二"))
    if not n:
        return None
    return DateMention(
        start=m.start(), end=m.end(), text=m.group(), year=None, month=None, day=None, end_year=None,
        end_month=None, end_day=None, part=None, relative="today", kind="relative", year_rel=-n,
        anchor="published",
    )


def _session_mention(text: str, m: re.Match) -> DateMention | None:
    t = m.group()
    start = m.start()
    if start > 0 and text[start - 1] in _NUMCH_SET and t[0] != "第":
        return None  # part of a longer number
    read = [_num(x) for x in _SESS_NUM_RE.findall(t)]
    nums = [n for n in read if n is not None]
    if not nums or len(nums) < len(read):
        return None
    if "中全会" in t or "中央委员会第" in t:
        body = "cpc_plenum"
    elif "政协" in t or "政治协商" in t:
        body = "cppcc"
    elif "全国人" in t:
        body = "npc"
    else:
        body = "cpc"
        if (t.endswith("大") and not t.startswith(("中国共产党", "中共", "党的"))
                and (t[0] == "第" or not 16 <= nums[0] <= 21)):
            return None  # bare 十九大 only for recent congresses
    term = nums[0]
    sess = nums[1] if len(nums) > 1 else None
    if body in ("npc", "cppcc", "cpc_plenum") and sess is None:
        return None
    year = session_year(body, term, sess)
    if year is None:
        return None
    return DateMention(
        start=start, end=m.end(), text=t, year=year, month=None, day=None,
        end_year=None, end_month=None, end_day=None, part=None, relative=None, kind="session",
        session=(body, term, sess),
    )


def find_dates(text: str) -> list[DateMention]:
    """All date mentions in ``text``, in order, non-overlapping."""
    if not text or not isinstance(text, str):
        return []
    cands: list[tuple[int, int, int, tuple[str, re.Match[str]]]] = []  # (start, -end, order, (kind, match))
    for rx in (_SESSION_LIT_RE, _SESSION_NUM_RE):
        for m in rx.finditer(text):
            cands.append((m.start(), -m.end(), 0, ("s", m)))
    for m in _ISO_RE.finditer(text):
        cands.append((m.start(), -m.end(), 1, ("i", m)))
    for m in _CAL_RE.finditer(text):
        cands.append((m.start(), -m.end(), 2, ("c", m)))
    for m in _REL_RE.finditer(text):
        cands.append((m.start(), -m.end(), 3, ("r", m)))
    for m in _YEARS_AGO_RE.finditer(text):
        cands.append((m.start(), -m.end(), 0, ("a", m)))
    if not cands:
        return []
    cands.sort(key=lambda c: (c[0], c[1], c[2]))
    bounds = [b.start() for b in _BOUNDARY_RE.finditer(text)]
    out: list[DateMention] = []
    last_end = -1
    last_month_end = -1
    for _s, _e, _o, (tag, m) in cands:
        if m.start() < last_end:
            continue
        if tag == "c":
            dm = _cal_mention(text, m, bounds, last_month_end)
        elif tag == "i":
            dm = _iso_mention(text, m)
        elif tag == "r":
            dm = _rel_mention(text, m)
        elif tag == "a":
            dm = _years_ago_mention(text, m)
        else:
            dm = _session_mention(text, m)
        if dm is None or dm.end <= dm.start:
            continue
        out.append(dm)
        last_end = dm.end
        if dm.month is not None or dm.month_rel is not None or (dm.kind == "date" and dm.day is not None):
            last_month_end = dm.end
    return out


# ---------------------------------------------------------------------------
# infer_year_from_text
# ---------------------------------------------------------------------------


def infer_year_from_text(text: str) -> int | None:
    """The year the text is most about: explicit 4-digit years and numbered sessions.

    Ties go to the year mentioned first. Returns None when nothing supports a year.
    """
    if not text or not isinstance(text, str):
        return None
    votes: Counter[int] = Counter()
    first: dict[int, int] = {}
    for i, dm in enumerate(find_dates(text)):
        y = None
        if dm.kind == "session" or (dm.year is not None and dm.year_rel is None):
            y = dm.year
        if y is None or not 1900 <= y <= 2100:
            continue
        votes[y] += 1
        first.setdefault(y, i)
    if not votes:
        return None
    return max(votes, key=lambda y: (votes[y], -first[y]))


# ---------------------------------------------------------------------------
# resolve
# ---------------------------------------------------------------------------

_RECENT_WINDOW_DAYS = 10
_FUTURE_SLACK_DAYS = 62


def _date(y: int | None, m: int | None, d: int | None) -> _dt.date | None:
    if y is None or m is None or d is None:
        return None
    try:
        return _dt.date(y, m, d)
    except (ValueError, TypeError, OverflowError):
        return None


def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + delta
    return k // 12, k % 12 + 1


def _iso(d: _dt.date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _as_date(x) -> _dt.date | None:
    if isinstance(x, _dt.datetime):
        return x.date()
    if isinstance(x, _dt.date):
        return x
    return None


def resolve(m: DateMention, *, published: _dt.date | None = None, current: _dt.date | None = None,
            year_hint: int | None = None) -> dict:
    """Resolve a mention to ISO dates. Never raises; unresolvable → start None.

    Returns ``{"start", "end", "text", "precision", "approximate"}``; precision is
    'day' | 'month' | 'year' | 'approximate' | None. Month and year mentions give the
    whole month/year as start..end; a single day gives end None.
    """
    out = {"start": None, "end": None, "text": getattr(m, "text", None), "precision": None, "approximate": False}
    try:
        res = _resolve(m, _as_date(published), _as_date(current), year_hint if isinstance(year_hint, int) else None)
    except (ValueError, TypeError, OverflowError, AttributeError, KeyError, IndexError):
        return out
    if res is None:
        return out
    start, end, precision, approx = res
    if start is None:
        return out
    if end is not None and end < start:
        return out
    out.update(start=_iso(start), end=_iso(end), precision=precision, approximate=approx)
    return out


def _resolve(m: DateMention, published, current, year_hint):
    if m.kind == "relative":
        return _resolve_relative(m, published, current)
    if m.kind == "session":
        if m.year is None:
            return None
        return _dt.date(m.year, 1, 1), _dt.date(m.year, 12, 31), "year", False

    # --- year and month of the (first) element ---
    base_pub = published or current
    base_cur = current or published
    anchor_date = base_cur if m.anchor == "current" else base_pub
    year = m.year
    month = m.month
    from_published = False
    if m.month_rel is not None:
        if anchor_date is None:
            return None
        y0, m0 = _shift_month(anchor_date.year, anchor_date.month, m.month_rel)
        month = m0
        if year is None and m.year_rel is None:
            year = y0
    if year is None and m.year_rel is not None:
        if anchor_date is not None:
            year = anchor_date.year + m.year_rel
        elif year_hint is not None and m.anchor != "current":
            year = year_hint + m.year_rel
        else:
            return None
    if m.day is not None and month is None:
        # bare day (5日): month and year come from the story's current date
        ref = current or published
        if ref is None:
            return None
        month = ref.month
        if year is None:
            year = ref.year
        if current is None and m.day > ref.day + 1 and not m.future:
            # no date told yet: a day after the publication day is last month's (28日 in a 11-09 paper)
            year, month = _shift_month(year, month, -1)
        elif (recent := _recent_day(m.day, current, published, year)) is not None:
            year, month = recent.year, recent.month
    if year is None:
        if year_hint is not None:
            year = year_hint
        elif published is not None:
            year = published.year
            from_published = True
        elif current is not None:
            year = current.year
        else:
            return None
    if month is not None and not 1 <= month <= 12:
        return None
    res = _span(m, year, month, published, current)
    if (res is not None and from_published and published is not None
            and res[0] > published + _dt.timedelta(days=_FUTURE_SLACK_DAYS)):
        res = _span(m, year - 1, month, published, current)
    return res


def _recent_day(day: int, current: _dt.date | None, published: _dt.date | None, year: int) -> _dt.date | None:
    """A bare day written after a day of an earlier month (从4月25号起到…。霍尔德6号表示 in a paper
    of 06-07): when it would go back in the current month, the day of the publication's month
    (or the one before) between the current day and publication, if the current day is recent."""
    if current is None or published is None or year != current.year:
        return None
    if day >= current.day - 1 or not 0 <= (published - current).days <= 92:
        return None
    y, mo = published.year, published.month
    if day > published.day + 1:
        y, mo = _shift_month(y, mo, -1)
    try:
        cand = _dt.date(y, mo, day)
    except ValueError:
        return None
    return cand if current < cand <= published + _dt.timedelta(days=1) else None


def _windows(part: str | None, month: int | None, day: int | None):
    """(days window inside a month, months window inside a year) for 上旬/月底/年初/上半年 …"""
    if part is None or day is not None:
        return None, None
    if month is not None:
        for canon, a, b in _MONTH_PART.values():
            if canon == part:
                return (a, b), None
        return None, None
    for canon, a, b in _YEAR_PART.values():
        if canon == part:
            return None, (a, b)
    return None, None


def _span(m: DateMention, year: int, month: int | None, published, current):
    is_multi = m.kind in ("range", "list")
    # for a range, `part` belongs to the end element and `start_part` to the start element
    start_part = m.start_part if is_multi else m.part
    s_mwin, s_ywin = _windows(start_part, month, m.day)
    if is_multi:
        end_has_month = m.end_month is not None or (m.end_day is not None) or (m.end_year is None and month is not None)
        e_mwin, e_ywin = _windows(m.part, 1 if end_has_month else None, m.end_day)
    else:
        e_mwin, e_ywin = s_mwin, s_ywin

    def start_of(y, mo, d):
        if mo is None:
            return _dt.date(y, s_ywin[0] if s_ywin else 1, 1)
        if d is None:
            return _dt.date(y, mo, min(s_mwin[0], _last_day(y, mo)) if s_mwin else 1)
        return _date(y, mo, d)

    def end_of(y, mo, d):
        if mo is None:
            last_m = e_ywin[1] if e_ywin else 12
            return _dt.date(y, last_m, _last_day(y, last_m))
        if d is None:
            last_d = _last_day(y, mo)
            return _dt.date(y, mo, min(e_mwin[1], last_d) if e_mwin else last_d)
        return _date(y, mo, d)

    start = start_of(year, month, m.day)
    if start is None:
        return None
    precision, approx = _precision(m, month, bool(s_mwin or e_mwin or s_ywin or e_ywin))

    end = None
    if m.kind in ("range", "list"):
        if m.relative == "until_now":
            end = published or current
            if end is None:
                return None
        else:
            ey = m.end_year if m.end_year is not None else year
            em: int | None
            if m.end_month is not None:
                em = m.end_month
            elif m.end_day is not None:
                em = month  # carried (bare-day ranges: 5日至7日)
            else:
                em = None  # year range: 2021—2025年
            end = end_of(ey, em, m.end_day)
            if end is None:
                return None
            if end < start and m.end_year is None:  # 12月30日至1月2日
                end = end_of(ey + 1, em, m.end_day)
                if end is None:
                    return None
    elif m.day is None:
        end = end_of(year, month, None)
    return start, end, precision, approx


def _precision(m: DateMention, month: int | None, window: bool) -> tuple[str, bool]:
    """(precision, approximate) of a resolved mention; a part of a month or year (上旬, 上半年)
    is approximate."""
    if window:
        return "approximate", True
    if m.approximate:
        return "approximate", True
    if m.day is not None:
        return "day", False
    if month is not None:
        return "month", False
    return "year", False


def _resolve_relative(m: DateMention, published, current):
    code = m.relative
    day = _dt.timedelta(days=1)
    if code == "today":
        if m.text[:1] in ("当", "同") and current is not None:  # 当天/当日/当晚/同一天/同日: the story's day
            return current, None, "day", False
        base = published or current
        if base and m.year_rel:  # 一年前的今天
            y = base.year + m.year_rel
            base = _date(y, base.month, min(base.day, _last_day(y, base.month)))
        return (base, None, "day", False) if base else None
    if code == "yesterday":
        base = published or current
        return (base - day, None, "day", False) if base else None
    if code == "two_days_ago":
        base = published or current
        return (base - 2 * day, None, "day", False) if base else None
    if code == "tomorrow":
        base = published or current
        return (base + day, None, "day", False) if base else None
    if code == "day_before":
        base = current or published
        return (base - day, None, "day", False) if base else None
    if code == "next_day":
        base = current or published
        return (base + day, None, "day", False) if base else None
    if code == "recent":
        base = published or current
        if base is None:
            return None
        return base - _dt.timedelta(days=_RECENT_WINDOW_DAYS), base, "approximate", True
    return None
