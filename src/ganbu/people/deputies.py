"""Deputies named as such: ``骆惠宁、郝鹏等8位代表先后发言`` in a report on the National People's
Congress gives each of them the position ``十二届全国人大代表`` (GUIDELINES, Positions: ``X、Y等代表``,
the congress's term when the text says which).

In the bulk corpus (2026-12) a list of names read, or one name, right before ``代表`` or ``等(N位)代表``
and a verb or a comma is so written 36 times in stories naming the National People's Congress (and
15 times elsewhere: ``朱马里代表``, an envoy, which this leaves alone).
"""
from __future__ import annotations

import re

from ..lang.places import names_a_country
from ..model import Person, Position

# 代表 after the names, then a verb of speaking or taking part, or a comma: not 代表团, 代表中国政府
_DEPUTY = re.compile(r"(?:等[\d一二三四五六七八九十]*[位名])?代表(?=[，,。、先分发说表建提认围就])")
# a report on a session of the National People's Congress or its deputies (not a symposium's 代表), or on
# a congress of the Party (党的十九大: its deputies are 党的十九大代表)
_NPC = re.compile(r"全国人大[一二三四五六七八九十]*次会议|全国人民代表大会第[一二三四五六七八九十]+次会议|全国人大代表"
                  r"|代表团(?:审议|全体会议)|参加[^，。]{1,10}代表团的?审议")
# 党的十九大代表团, 十九大代表, 出席党的十九大: not 党的十八大以来 (said in most reports of any kind)
_PARTY = re.compile(r"党的([一二三四五六七八九十]+)大(?:[^，。；\n]{0,8}代表团|开幕|闭幕|召开|期间|会议)"
                    r"|(?<![届])([一二三四五六七八九十]+)大代表|中国共产党第([一二三四五六七八九十]+)次全国代表大会(?!以来)")
_LOCAL = re.compile(r"[省市县区]人大|[省市县区]人民代表大会")
_TERM = re.compile(r"(?:第)?([一二三四五六七八九十]{1,3})届全国人(?:大|民代表大会)")
# the term of the National Committee: 十二届全国政协, 全国政协十二届常委会, 政协第十二届全国委员会
_N = "[一二三四五六七八九十]{1,3}"
_CPPCC_TERM = re.compile(rf"(?:第)?({_N})届全国政协|全国政协(?:第)?({_N})届|政协第({_N})届全国委员会")
# a member's title written without its term, and the body whose term it takes
_BARE = {"全国人大代表": _TERM, "全国人大常委会委员": _TERM, "全国政协委员": _CPPCC_TERM, "全国政协常委": _CPPCC_TERM}


def add_deputies(s: str, people: list[Person]) -> None:
    """Give each person named right before ``代表`` in a report on the National People's Congress
    the deputy's position (with the term the report names first)."""
    title = _title(s)
    if title is None:
        return
    owner = {m: p for p in people for m in p.mentions}
    ends = {b: (a, b) for a, b in owner}
    for a, b in owner:
        m = _DEPUTY.match(s, b)
        if m is None:
            continue
        span = (m.end() - 2, m.end())
        for q in _list_before(s, (a, b), ends, owner):
            if any(names_a_country(x.text) for x in q.positions):
                continue  # 土耳其总统埃尔多安代表、外长费丹: the president's envoy
            if not any(x.text == title for x in q.positions):
                body = title[: -len("代表")]
                q.positions.append(Position(title, body, "代表", None, "current", span, "deputy"))


def add_terms(s: str, people: list[Person]) -> None:
    """A member's title written without its term (全国人大代表、淮安市委书记史志军; 朱之鑫常委建议 in
    a report on 全国政协十二届常委会) takes the one term of that body the report names (GUIDELINES,
    Positions: the congress's term when the text says which). In the bulk corpus (2026-12) 235 such
    titles were read in stories naming one term of the body, 26 in stories naming two (left bare)."""
    terms: dict[str, str | None] = {}
    for person in people:
        for q in person.positions:
            rx = _BARE.get(q.text)
            if rx is None:
                continue
            if q.text not in terms:
                found = {next(g for g in m.groups() if g) for m in rx.finditer(s)}
                terms[q.text] = found.pop() + "届" if len(found) == 1 else None
            term = terms[q.text]
            if term:
                q.text, q.organization = term + q.text, (term + q.organization if q.organization else None)
        firsts: dict[str, Position] = {}
        for q in person.positions:
            firsts.setdefault(q.text, q)
        person.positions = list(firsts.values())


def _title(s: str) -> str | None:
    """The deputy's title the report gives its deputies: of the Party's congress it is about
    (党的十九大代表), else of the National People's Congress (十二届全国人大代表), else none."""
    if "代表" not in s or _LOCAL.search(s):
        return None
    npc = _NPC.search(s)
    party = _PARTY.search(s)
    if party and not npc:
        return "党的" + next(g for g in party.groups() if g) + "大代表"
    if npc is None:
        return None
    term = _TERM.search(s)
    return (term.group(1) + "届" if term else "") + "全国人大代表"


def _list_before(s: str, last: tuple[int, int], ends: dict[int, tuple[int, int]],
                 owner: dict[tuple[int, int], Person]) -> list[Person]:
    """The people of the 、-list of names that ends with the mention ``last``."""
    out = [owner[last]]
    a = last[0]
    while a > 0 and s[a - 1] == "、" and (a - 1) in ends:
        prev = ends[a - 1]
        out.append(owner[prev])
        a = prev[0]
    return out
