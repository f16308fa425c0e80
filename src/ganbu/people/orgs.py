"""Organisation mentions from the lexicon (``orgs.tsv``: canonical names, short names, validity)."""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import ahocorasick

from ..lang.lexicon import Org, OrgPeriod, org_period, shared_org_alias_index
from ..model import Organization


@dataclass(slots=True, frozen=True)
class OrgMention:
    start: int
    end: int
    surface: str
    org: Org


def alias_index(as_of: str | None = None) -> Mapping[str, Org]:
    """Surface form → organisation at ``as_of``: one shared read-only object per period of
    ``orgs.tsv`` (:func:`~ganbu.lang.lexicon.org_period`)."""
    return shared_org_alias_index(as_of)


_AUTOMATA: dict[OrgPeriod | None, ahocorasick.Automaton] = {}  # one per period: a few dozen at most


def automaton(as_of: str | None) -> ahocorasick.Automaton:
    """The matcher of every surface form, built once per period of ``orgs.tsv`` (every date of
    one period has the same index), so a corpus over many dates builds a handful."""
    period = org_period(as_of)
    a = _AUTOMATA.get(period)
    if a is None:
        a = ahocorasick.Automaton()
        for surface, org in alias_index(as_of).items():
            if len(surface) >= 2:
                a.add_word(surface, (surface, org))
        a.make_automaton()
        _AUTOMATA[period] = a
    return a


def find_orgs(s: str, as_of: str | None = None) -> list[OrgMention]:
    out = []
    for end_idx, (surface, org) in automaton(as_of).iter_long(s):
        if s[end_idx + 1 : end_idx + 2] in ("网", "门"):
            continue  # 央视网 is a website, 财政部门 a kind of department
        out.append(OrgMention(end_idx + 1 - len(surface), end_idx + 1, surface, org))
    return out


@dataclass(slots=True, frozen=True)
class LocalBody:
    """A local party committee, government, congress, CPPCC … recognised by its suffix."""

    canonical: str
    kind: str


# suffix → (kind, canonical template); {p} is the jurisdiction's full name
_BODIES = [
    ("人大常委会", "congress", "{p}人民代表大会常务委员会"),
    ("人民代表大会常务委员会", "congress", "{p}人民代表大会常务委员会"),
    ("人民政府", "government", "{p}人民政府"),
    ("政府", "government", "{p}人民政府"),
    ("政协", "cppcc", "中国人民政治协商会议{p}委员会"),
    ("纪委监委", "discipline", "中共{p}纪律检查委员会"),
    ("纪委", "discipline", "中共{p}纪律检查委员会"),
    ("监委", "supervision", "{p}监察委员会"),
    ("高级人民法院", "court", "{p}高级人民法院"),
    ("中级人民法院", "court", "{p}中级人民法院"),
    ("人民检察院", "procuratorate", "{p}人民检察院"),
    ("党委", "party_committee", "中共{p}委员会"),
    ("委", "party_committee", "中共{p}委员会"),
]
_BODY_RE = re.compile("|".join(sorted((re.escape(b) for b, _, _ in _BODIES), key=len, reverse=True)))
_BODY = {b: (k, t) for b, k, t in _BODIES}
_BARE = re.compile(r"(省|市|县|自治区)(?=人大常委会|人民政府|政府|政协|纪委|监委|委(?![员托])|党委)")
_BEFORE_BARE = "，。、；：的在与和及同对向"  # a bare 省委 after a CJK character only after one of these


def find_local_bodies(s: str, places, ctx=None) -> list[OrgMention]:
    """浙江省委, 辽宁省政府, 天津市人大常委会 …; with ``ctx``, also bare 省委/省政府 made explicit
    from the jurisdiction context (省政府 in a Jilin report → 吉林省人民政府)."""
    out: list[OrgMention] = []
    covered: set[int] = set()
    for pm in places:
        d = pm.division
        end = pm.end
        # 浙江省委 is matched as the place 浙江省 + 委; 浙江 + 省委 as the place 浙江 + 省 + 委
        full = d.name
        m = _BODY_RE.match(s, end)
        if not m and d.short and s[pm.start:end] == d.short and end < len(s) and s[end] in "省市县区":
            m = _BODY_RE.match(s, end + 1)
        if not m:
            continue
        body = m.group()
        if body == "委" and s[m.end() : m.end() + 1] in ("员", "托"):
            continue
        kind, tmpl = _BODY[body]
        org = LocalBody(tmpl.format(p=full), kind)
        out.append(OrgMention(pm.start, m.end(), s[pm.start : m.end()], org))  # type: ignore[arg-type]
        covered.update(range(pm.start, m.end()))
    if ctx is not None:
        for m in _BARE.finditer(s):
            prev = s[m.start() - 1] if m.start() else ""
            if m.start() in covered or ("\u4e00" <= prev <= "\u9fff" and prev not in _BEFORE_BARE):
                continue
            b = _BODY_RE.match(s, m.end())
            if not b:
                continue
            place = ctx.at_level(m.group(1), m.start())
            if not place:
                continue
            kind, tmpl = _BODY[b.group()]
            out.append(OrgMention(m.start(), b.end(), s[m.start() : b.end()], LocalBody(tmpl.format(p=place), kind)))  # type: ignore[arg-type]
    out.sort(key=lambda x: x.start)
    return out


def group(mentions: list[OrgMention]) -> list[Organization]:
    by: dict[str, Organization] = {}
    for m in mentions:
        o = by.get(m.org.canonical)
        if o is None:
            o = by[m.org.canonical] = Organization(id=f"o{len(by) + 1}", name=m.surface, canonical=m.org.canonical,
                                                   kind=m.org.kind)
        o.mentions.append((m.start, m.end))
    return list(by.values())
