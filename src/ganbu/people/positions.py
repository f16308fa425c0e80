"""Make each title link explicit: the position as the text means it.

``省委常委、秘书长`` in a Zhejiang section → 浙江省委常委, 浙江省委秘书长: the jurisdiction the text
leaves implicit is filled from :class:`places.Context`, the organisation of the previous link is
carried to a link that has none (``商务部党组书记、部长`` → 商务部部长) or only a sub-body
(``…人大常委会副秘书长、办公厅主任`` → …人大常委会办公厅主任), and an organisation named only
by its kind (``组委会``) is resolved to the nearest full name written before it.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..lang.lexicon import Org
from ..model import Position
from ..model.records import Status
from . import tables as R
from .types import Link, TitledMention

_LEVELS = ("自治区", "自治州", "省", "市", "县", "区", "州", "旗", "盟")
_NOT_BARE_LEVEL = set("场级域属直辖内外民长")  # 市场监管局, 省级, 区域 … are not an implicit jurisdiction
_PLACE_ENDS = ("自治区", "自治州", "区", "县", "市", "州", "旗")
_NOT_FORMER = ("太原", "中原", "高原", "平原", "草原", "目前", "当前", "此前")  # words ending in 原/前
_PARTY_COMMITTEE_BASES = {"省委", "市委", "县委", "区委", "州委", "自治区党委", "旗委", "盟委"}


def _bare_level(base: str) -> str | None:
    for lvl in _LEVELS:
        if base.startswith(lvl):
            rest = base[len(lvl) :]
            if rest and rest[0] in _NOT_BARE_LEVEL:
                return None
            return lvl
    return None


_SESSION = re.compile(r"(?:[省市县区州]|全国)?(?:第?[一二三四五六七八九十]+届)(?:全国)?(?:人大|人民代表大会|政协)"
                      r"(?:第?[一二三四五六七八九十]+次)会议")


@dataclass(slots=True)
class _Reading:
    """A link's organisation part as it is read: the base organisation, a party sub-body
    written after it (党组, 党委 …) and the status its words give (原 → former)."""

    base: str
    sub: str
    status: Status


class PositionMaker:
    def __init__(self, ctx, org_index: Mapping[str, Org], resolve_generic: Callable[[str, int], str | None],
                 place_of: Callable[[str], str | None], text: str = "", as_of: str | None = None):
        self.ctx = ctx
        self.text = text
        self.as_of = as_of
        sessions = [(m.start(), m.group()) for m in _SESSION.finditer(text)]
        self._session_starts = [start for start, _ in sessions]
        self._session_texts = [text for _, text in sessions]
        self.org_index = org_index
        self.resolve_generic = resolve_generic
        self.place_of = place_of  # the full place name a base starts with, if any
        w = R.words()
        self.party_sub = sorted(w["party_sub"], key=len, reverse=True)
        self.subdept = w["subdept"]
        self.generic = sorted(w["generic_org"], key=len, reverse=True)
        self.former = sorted(w["former"], key=len, reverse=True)
        self.roles = R.roles()
        self.last_base = ""
        self.prev_place: str | None = None

    def session_before(self, pos: int) -> str | None:
        """The last session (省十三届人大一次会议) written before ``pos``."""
        k = bisect.bisect_left(self._session_starts, pos) - 1
        return self._session_texts[k] if k >= 0 else None

    def make(self, tm: TitledMention, prev_base: str = "") -> list[Position]:
        """Positions of ``tm``; ``prev_base`` is the organisation of the chain just before it,
        carried when ``tm`` starts with a bare role (董事长蒋旭光、总经理汪安南)."""
        out: list[Position] = []
        self.last_base = ""
        self.prev_place = None
        for link in tm.links:
            pos = self._one(link, tm, prev_base)
            if pos is None:
                continue
            # 原 before the first link of a chain makes the whole chain former
            if out and out[0].status == "former" and pos[0].status == "current":
                pos[0].status = "former"
            out.append(pos[0])
            if pos[0].jurisdiction:
                self.prev_place = pos[0].jurisdiction
            if pos[1]:
                prev_base = pos[1]
        self.last_base = prev_base
        return out

    def _one(self, link: Link, tm: TitledMention, prev_base: str) -> tuple[Position, str] | None:
        """The position of one link and the organisation it carries to the next."""
        role = self.roles[link.role]
        if role.kind == "generic":
            return None  # 省领导王一、李二: people, no position
        if tm.rule == "leader":
            a, b = tm.names[0]
            office = R.leader_office(link.role, self.text[a:b], self.as_of) if role.after else None
            span = (link.role_start, link.end)
            return Position(office or link.role, None, link.role, None, "current", span, tm.rule), ""
        rd = self._read_prefix(link, role, tm.status)
        base = self._complete_base(rd.base, link, role, prev_base)
        filled, jurisdiction = self._fill(base, link, role)
        org = self._organization(base, filled, role, jurisdiction)
        return Position(filled + rd.sub + link.role, org, link.role, jurisdiction, rd.status, (link.start, link.end),
                        tm.rule), filled

    def _read_prefix(self, link: Link, role: R.Role, status: Status) -> _Reading:
        """Split the written prefix into base organisation and party sub-body; 原/时任 and an
        acting head (代省长) set the status."""
        p = link.prefix
        for f in self.former:
            if p.startswith(f) and (len(p) > len(f) or f == "原"):
                status = "former"
                p = p[len(f) :]
                break
        if link.role.startswith("代") and role.kind == "gov_head" and status == "current":
            status = "acting"
        if "各" in p[1:]:
            p = p.replace("各", "")  # 省委各巡视组组长 → 省委巡视组组长
        sub = ""
        base = p
        for ps in self.party_sub:
            if p.endswith(ps):
                sub, base = ps, p[: -len(ps)]
                break
        if sub == "党委" and (base in ("自治区", "区", "州", "县", "市", "省")
                             or (self.place_of(base) and len(base) <= 9 and base.endswith(_PLACE_ENDS))):
            base, sub = base + sub, ""  # 自治区党委 is the party committee itself, carried as a whole
        # 湖北省政府原党组成员, 浙江省委原常委: 原 between the organisation and the role
        if base[-1:] in ("原", "前") and len(base) > 1 and base[-2:] not in _NOT_FORMER:
            base = base[:-1]
            status = "former"
        return _Reading(base, sub, status)

    def _complete_base(self, base: str, link: Link, role: R.Role, prev_base: str) -> str:
        """A base the link leaves out or names by its kind: the previous link's organisation
        (部长 after 商务部党组书记), a sub-department of it, the session told before (大会主席团),
        or the full name written before a generic one (组委会)."""
        if not base:
            return prev_base if role.kind not in ("gov_head", "leader") and prev_base else base
        if base in self.subdept and prev_base:
            return prev_base + base
        session = self.session_before(link.start) if base.startswith("大会") else None
        if session:
            # 大会主席团常务主席 → 省十三届人大一次会议主席团常务主席 (the session told before)
            return session + base[2:]
        for head in self.generic:
            if base.endswith(head) and len(base) <= len(head) + 2:
                resolved = self.resolve_generic(head, link.start)
                if resolved:
                    return resolved
        return base

    def _fill(self, base: str, link: Link, role: R.Role) -> tuple[str, str | None]:
        """The base with the jurisdiction the text leaves implicit (省委 → 浙江省委), and that
        jurisdiction."""
        lvl = _bare_level(base) if base else None
        if lvl:
            place = self.ctx.at_level(lvl, link.start)
            return (place + base[len(lvl) :], place) if place else (base, None)
        if not base and role.kind == "gov_head":
            place = None
            if self.prev_place and self.prev_place.endswith(role.level):
                place = self.prev_place  # 隆德县委常委、副县长 → 隆德县副县长
            elif role.level in ("省", "市", "自治区"):
                place = self.ctx.at_level(role.level, link.start)
            return (place, place) if place else (base, None)
        if base:
            return base, self.place_of(base)
        return base, None

    def _organization(self, base: str, filled: str, role: R.Role, jurisdiction: str | None) -> str | None:
        if filled in self.org_index:
            return self.org_index[filled].canonical
        if base in _PARTY_COMMITTEE_BASES and filled != base:
            return "中共" + filled
        if role.kind == "gov_head" and jurisdiction and filled == jurisdiction:
            return jurisdiction + "人民政府"
        if filled.endswith("省委") or filled.endswith("市委") or filled.endswith("县委"):
            return "中共" + filled
        return filled or None
