"""Quantity recognition: money, counts, percentages and physical measures.

Works on normalised text (simplified characters, half-width ASCII digits). Offsets are
``[start, end)`` indices into the string that was passed in.

Standard library only: :func:`parse_cn_number` is a small Chinese-numeral parser that
:mod:`ganbu.dates` reuses. Matching is done by one compiled regular expression; Python
code runs once per candidate match, never once per character of the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal

__all__ = ["Qualifier", "Quantity", "find_quantities", "parse_cn_number"]

Qualifier = Literal["exact", "approximate", "at_least", "at_most", "range"]


@dataclass(slots=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float | int
    unit: str
    qualifier: Qualifier
    kind: str  # 'money' | 'count' | 'percent' | 'measure'
    value_max: float | int | None = None


# ---------------------------------------------------------------------------
# Chinese numerals
# ---------------------------------------------------------------------------

_CN_DIGIT = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
    "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}
_CN_SMALL_UNIT = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_BIG_UNIT = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

_TOKEN_RE = re.compile(
    r"(?P<ar>\d+(?:\.\d+)?)"
    r"|(?P<dg>[零〇○一二两三四五六七八九壹贰叁肆伍陆柒捌玖])"
    r"|(?P<su>[十拾百佰千仟])"
    r"|(?P<bu>[万萬亿億])"
)
_ALL_TOKENS_RE = re.compile(r"(?:\d+(?:\.\d+)?|[零〇○一二两三四五六七八九壹贰叁肆伍陆柒捌玖十拾百佰千仟万萬亿億])+")
_GROUPED_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_CN_DECIMAL_RE = re.compile(r"(?P<int>.*?)点(?P<frac>[零〇○一二三四五六七八九]+)(?P<mult>[十百千万亿]*)")
_FRACTION_RE = re.compile(r"(?P<den>[^分]+)分之(?P<num>.+)")
_STRIP_TAIL_RE = re.compile(r"[余多来几]+$")


def _to_number(d: Decimal) -> float | int:
    if d == d.to_integral_value():
        return int(d)
    return float(d)


def _parse_decimal(s: str) -> Decimal | None:
    """Core parser returning a Decimal (exact arithmetic: 1.2万亿 has no float error)."""
    if not s:
        return None
    if _GROUPED_RE.fullmatch(s):
        s = s.replace(",", "")
    m = _FRACTION_RE.fullmatch(s)
    if m:
        return _fraction(m)
    m = _CN_DECIMAL_RE.fullmatch(s)
    if m:
        return _cn_decimal(m)
    if not _ALL_TOKENS_RE.fullmatch(s):
        return None
    tokens = [(t.lastgroup, t.group()) for t in _TOKEN_RE.finditer(s)]
    if not any(kind in ("su", "bu") for kind, _ in tokens):
        # No place-value characters: a plain number or a digit-by-digit reading (二〇二三).
        if len(tokens) == 1 and tokens[0][0] == "ar":
            return Decimal(tokens[0][1])
        if all(kind == "dg" for kind, _ in tokens):
            return Decimal("".join(str(_CN_DIGIT[c]) for _, c in tokens))
        return None
    return _place_value(tokens)


def _fraction(m: re.Match[str]) -> Decimal | None:
    """三分之二 (the denominator is written first)."""
    den = _parse_decimal(m["den"])
    num = _parse_decimal(m["num"])
    if den is None or num is None or den == 0:
        return None
    return num / den


def _cn_decimal(m: re.Match[str]) -> Decimal | None:
    """三点五, 一点二万: a Chinese decimal, with a multiplier after it."""
    whole = _parse_decimal(m["int"]) if m["int"] else Decimal(0)
    if whole is None:
        return None
    frac = "".join(str(_CN_DIGIT[c]) for c in m["frac"])
    value = whole + Decimal("0." + frac)
    mult = _parse_decimal(m["mult"]) if m["mult"] else Decimal(1)
    if mult is None:
        return None
    return value * mult


def _place_value(tokens: list[tuple[str | None, str]]) -> Decimal | None:
    """A numeral with place-value characters (三千七百三十二, 1.2万亿, 一万五)."""
    total = Decimal(0)  # everything already multiplied by 亿
    section = Decimal(0)  # the part below the last 亿 (may include a 万 block)
    num: Decimal | None = None
    last_unit: int | None = None  # place value of the unit token just before `num`
    zero_seen = False
    prev_kind = None
    for kind, tok in tokens:
        if kind == "ar" or kind == "dg":
            if kind == "dg" and _CN_DIGIT[tok] == 0:
                zero_seen = True
                prev_kind = "zero"
                continue
            if num is not None:
                return None  # two numbers in a row (三四十) – not a single value
            num = Decimal(tok) if kind == "ar" else Decimal(_CN_DIGIT[tok])
            if prev_kind not in ("su", "bu"):
                last_unit = None
        elif kind == "su":
            unit = _CN_SMALL_UNIT[tok]
            section += (num if num is not None else Decimal(1)) * unit
            num = None
            last_unit = unit
            zero_seen = False
        else:  # big unit
            unit = _CN_BIG_UNIT[tok]
            base = section + (num if num is not None else Decimal(0))
            if base == 0:
                base = Decimal(1)
            if unit == 100_000_000:
                total = (total + base) * unit
                section = Decimal(0)
            else:
                section = base * unit
            num = None
            last_unit = unit
            zero_seen = False
        prev_kind = kind
    if num is not None:
        # Colloquial abbreviation: 一万五 = 15000, 三千五 = 3500, 十五 = 15.
        if last_unit is not None and not zero_seen and prev_kind in ("ar", "dg") and last_unit >= 100:
            num = num * (last_unit // 10)
        section += num
    return total + section


def parse_cn_number(s: str) -> float | int | None:
    """Parse a Chinese, Arabic or mixed numeral. Never raises; returns None if not a number.

    >>> parse_cn_number('三千七百三十二'), parse_cn_number('二〇二三'), parse_cn_number('1.5万')
    (3732, 2023, 15000)
    """
    if not isinstance(s, str):
        return None
    s = s.strip()
    s = _STRIP_TAIL_RE.sub("", s)
    try:
        d = _parse_decimal(s)
    except (InvalidOperation, ValueError, KeyError, ArithmeticError):
        return None
    if d is None:
        return None
    return _to_number(d)


# ---------------------------------------------------------------------------
# Quantity finder
# ---------------------------------------------------------------------------

# unit text -> (normalised unit, kind)
_UNITS: dict[str, tuple[str, str]] = {}
for _u, _code in (
    ("元人民币", "CNY"), ("人民币", "CNY"), ("元", "CNY"), ("美元", "USD"), ("美金", "USD"),
    ("欧元", "EUR"), ("日元", "JPY"), ("英镑", "GBP"), ("港元", "HKD"), ("港币", "HKD"),
    ("澳门元", "MOP"), ("新台币", "TWD"), ("卢布", "RUB"),
):
    _UNITS[_u] = (_code, "money")
for _u in ("%", "％"):
    _UNITS[_u] = ("percent", "percent")
for _u in ("个百分点", "百分点"):
    _UNITS[_u] = ("percentage_point", "percent")
for _u in (
    "平方公里", "平方千米", "平方米", "立方米", "公顷", "亩", "万亩", "吨", "公里", "千米", "米",
    "千瓦时", "千瓦", "兆瓦", "公斤", "千克", "海里", "标准箱", "天", "个月", "个多月", "岁", "倍",
):
    _UNITS[_u] = (_u, "measure")
_UNITS["个多月"] = ("个月", "measure")
for _u in (
    "家", "个", "项", "名", "人次", "人", "次", "位", "户", "所", "座", "条", "件", "起", "批",
    "辆", "架", "艘", "套", "台", "部门", "部", "场", "轮", "例", "宗", "篇", "份", "处", "支",
    "类", "种", "款", "只", "个国家", "个省", "个市", "个县",
):
    _UNITS.setdefault(_u, (_u, "count"))
for _u in ("个国家", "个省", "个市", "个县"):
    _UNITS[_u] = ("个", "count")

# Words that start like "number + unit" but are not quantities (the next characters decide).
_UNIT_NOT_BEFORE = {
    "元": "化旦素首帅老",
    "人": "民大",
    "次": "性要级日年月",
    "名": "单称义誉片字",
    "条": "例件约",
    "部": "分署长门委队",
    "台": "湾胞商",
    "场": "景所合面地馆",
    "项": "目",
    "家": "乡园属庭长族里",
    "位": "置于列",
    "处": "理分长级室罚置",
    "所": "有以在属谓得",
    "座": "谈位右",
    "批": "准示评复",
    "起": "来草步飞诉点航",
    "份": "额子",
    "天": "津然下气地空",
    "宗": "教旨",
    "户": "口籍",
    "支": "持出付部援撑柱",
    "种": "植子地",
    "米": "饭",
}


def _unit_alt() -> str:
    parts = []
    for u in sorted(_UNITS, key=len, reverse=True):
        esc = re.escape(u)
        bad = _UNIT_NOT_BEFORE.get(u)
        parts.append(f"{esc}(?![{bad}])" if bad else esc)
    return "|".join(parts)


_UNIT_FIRST = re.escape("".join(sorted({u[0] for u in _UNITS})))
_AR = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CN = r"[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]{0,15}?"
_CN_FULL = r"[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*(?:点[零〇一二三四五六七八九]+)?"
# multipliers after a number; 千 is not a multiplier when it starts 千米/千瓦/千克
_MULT = r"(?:[十百万亿]|千(?![米瓦克]))*"
_APPROX_IN = r"[余多来几]"
_RSEP = r"(?:至|到|~|～|-|－|—)"
_NUM = rf"(?:{_AR}|{_CN})"
_BEFORE = r"(?<![\d.A-Za-z第数几若零〇一二两三四五六七八九十百千万亿])(?<!\d,)"

# The leading look-ahead is a cheap first-character filter: it makes the engine reject most
# positions with one set test instead of trying every branch (about 3x faster on prose).
_QUANT_RE = re.compile(
    r"(?=[0-9一二两三四五六七八九十百])"
    rf"{_BEFORE}(?:"
    # 百分之五 / 百分之三点五 / 百分之15
    rf"百分之(?P<pct>{_AR}|{_CN_FULL})"
    rf"|"
    # optional range start: 3至5亿元 / 3亿至5亿元 / 5%-6%
    rf"(?:(?P<lo>{_NUM})(?P<lomult>{_MULT})(?:%|％)?\s*(?P<rsep>{_RSEP})\s*)?"
    rf"(?P<num>{_NUM})(?P<ap1>{_APPROX_IN})?(?P<mult>{_MULT})(?P<ap2>{_APPROX_IN})?\s*"
    rf"(?=[{_UNIT_FIRST}])(?P<unit>{_unit_alt()})"
    rf")"
    rf"(?P<suffix>以上|以下|以内|之内|左右|上下|有余)?"
)

_PREFIX_RE = re.compile(
    r"(?:(?P<least>超过|超出|逾|突破|达到|多达|高达|(?<![到抵传表发下通雷长送转])达|不少于|不低于|至少|(?<!赶)超)"
    r"|(?P<most>不到|不足|不超过|不高于|少于|低于|最多|最高)"
    r"|(?P<approx>约合|大约|(?<![节条签公制邀预相契合婚特])约|将近|接近|(?<![最附临靠亲将接])近|大概))$"
)

_TRAP_RE = re.compile(
    r"七台河|五台山|五家渠|一个中国|一次性|一起|一家亲|一条龙|八项规定|五位一体|三位一体"
    r"|两个(?:确立|维护|一百年|百年|毫不动摇|大局|务必|结合|先行|没有变|绝对)"
    r"|三个(?:代表|务必|有利于|没有变|世界|区分开来)"
    r"|四个(?:意识|自信|全面|服务|现代化|坚持|伟大|必须)"
    r"|五个(?:必由之路|坚持|一)|六个必须坚持|[九十]个(?:坚持|明确)|十四个坚持|四项基本原则"
    r"|一[人户村县企事][一]"
)
# Chinese 一 with these measure words is usually an article ("一个重要举措"), not a count.
_ARTICLE_UNITS = frozenset({"个", "种", "起", "批"})
_MONTH_BEFORE_RE = re.compile(r"月$")
_CN_SEQ_RE = re.compile(r"[零〇一二两三四五六七八九]+")


_DEC_CACHE: dict[str, Decimal | None] = {}
_ONE = Decimal(1)


def _dec(s: str) -> Decimal | None:
    """Cached Decimal value of a matched numeral (the same few numerals recur a lot)."""
    r = _DEC_CACHE.get(s, _ONE if not s else None)
    if r is not None or s in _DEC_CACHE:
        return r
    if s.isascii() and s.isdigit():
        r = Decimal(s)
    else:
        try:
            r = _parse_decimal(_STRIP_TAIL_RE.sub("", s))
        except (InvalidOperation, ValueError, KeyError, ArithmeticError):
            r = None
    if len(_DEC_CACHE) < 8192:
        _DEC_CACHE[s] = r
    return r


def find_quantities(text: str) -> list[Quantity]:
    """Find money amounts, counts, percentages and measures in normalised text."""
    if not text:
        return []
    out: list[Quantity] = []
    for m in _QUANT_RE.finditer(text):
        read = _percent(m) if m["pct"] is not None else _amount(text, m)
        if read is None:
            continue
        v, value_max, unit, kind, qualifier = read
        start, end = m.start(), m.end()
        qualifier = _suffix_qualifier(m["suffix"], qualifier)
        if qualifier != "range":
            start, qualifier = _prefix_qualifier(text, start, qualifier)
        out.append(
            Quantity(
                start=start,
                end=end,
                text=text[start:end],
                value=_to_number(v),
                unit=unit,
                qualifier=qualifier,
                kind=kind,
                value_max=_to_number(value_max) if value_max is not None else None,
            )
        )
    return out


_Read = tuple[Decimal, Decimal | None, str, str, Qualifier]  # value, value_max, unit, kind, qualifier


def _percent(m: re.Match[str]) -> _Read | None:
    """百分之五, 百分之三点五."""
    v = _dec(m["pct"])
    return None if v is None else (v, None, "percent", "percent", "exact")


def _amount(text: str, m: re.Match[str]) -> _Read | None:
    """A number (or a range of two) with its unit; None for the words that only look like one
    (七台河, 一个重要举措, 3月1日元旦, 十四届全国人大一次会议)."""
    start = m.start()
    unit_text = m["unit"]
    unit, kind = _UNITS[unit_text]
    num_text = m["num"]
    lo_text = m["lo"]
    if not num_text[0].isascii() or (lo_text is not None and not lo_text[0].isascii()):
        if _TRAP_RE.match(text, m.start("num") if lo_text is None else start):
            return None
        if num_text == "一" and unit_text in _ARTICLE_UNITS and lo_text is None:
            return None
        if len(num_text) > 1 and _CN_SEQ_RE.fullmatch(num_text):
            return None  # 唯一一家: a digit-by-digit Chinese reading is never a quantity here
    if unit_text == "日元" and _MONTH_BEFORE_RE.search(text, max(0, start - 1), start):
        return None  # 3月1日元旦 / 3月1日元首会晤
    if unit_text in ("次",) and start > 0 and text[start - 1] in "届大协会":
        return None  # 十四届全国人大一次会议: a session number, not a count
    base = _dec(num_text)
    mult = _dec(m["mult"])
    if base is None or mult is None:
        return None
    v = base * mult
    qualifier: Qualifier = "exact"
    if m["ap1"] or m["ap2"] or unit_text == "个多月":
        qualifier = "approximate"
    if lo_text is None:
        return v, None, unit, kind, qualifier
    lo = _dec(lo_text)
    lomult = _dec(m["lomult"]) if m["lomult"] else None
    if lo is None:
        return None
    lo = lo * (lomult if lomult is not None else mult)
    if lo > v:
        return None  # 5至3 — not a range (probably a date-like or code)
    return lo, v, unit, kind, "range"


def _suffix_qualifier(suffix: str | None, qualifier: Qualifier) -> Qualifier:
    """以上 → at least, 以下/以内/之内 → at most, 左右/上下/有余 → approximate (a range stays one)."""
    if not suffix or qualifier == "range":
        return qualifier
    if suffix in ("以上",):
        return "at_least"
    if suffix in ("以下", "以内", "之内"):
        return "at_most"
    return "approximate"


def _prefix_qualifier(text: str, start: int, qualifier: Qualifier) -> tuple[int, Qualifier]:
    """超过/逾 → at least, 不到/不足 → at most, 约/近 → approximate; the quantity then starts
    at the word."""
    pm = _PREFIX_RE.search(text, max(0, start - 3), start)
    if pm is None:
        return start, qualifier
    if pm["least"]:
        return pm.start(), "at_least"
    if pm["most"]:
        return pm.start(), "at_most"
    return pm.start(), "approximate"
