"""Make each title link explicit: the position as the text means it.

``省委常委、秘书长`` in a Zhejiang section → 浙江省委常委, 浙江省委秘书长: the jurisdiction the text
leaves implicit is filled from :class:`places.Context`, the organisation of the previous link is
carried to a link that has none (``商务部党组书记、部长`` → 商务部部长) or only a sub-body
(``…人大常委会副秘书长、办公厅主任`` → …人大常委会办公厅主任), and an organisation named only
by its kind (``组委会``) is resolved to the nearest full name written before it.

Status words stay where the text writes them (``云南省委原副书记``, ``南非时任总统``). A foreign
title that names no state takes the one the text gives (:class:`places.Countries`): the state
of the chain's first link, or for a foreign office or a transliterated name the state named
nearest before it in the story (``国防部长坦塔维`` in an Egyptian story → 埃及国防部长); a
Chinese official never takes one.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from ..lang.lexicon import Org
from ..lang.places import Countries, countries_in, find_places, names_a_country, region_state, state_of
from ..model import Position
from ..model.records import Status
from . import tables as R
from .titles import member_body
from .types import Link, TitledMention

_LEVELS = ("自治区", "自治州", "省", "市", "县", "区", "州", "旗", "盟")
_NOT_BARE_LEVEL = set("场级域属直辖内外民长")  # 市场监管局, 省级, 区域 … are not an implicit jurisdiction
_PLACE_ENDS = ("自治区", "自治州", "区", "县", "市", "州", "旗")
# a status word (原, 前) inside a prefix stands after one of these: the end of a place or body
_MARKER_AFTER = set("国省市县区州旗盟委部局厅会团党社院联所校司办处署组室队军府协行心站庭馆台央村乡镇")
_PARTY_COMMITTEE_BASES = {"省委", "市委", "县委", "区委", "州委", "自治区党委", "旗委", "盟委"}


def _place_before(text: str, marker: str, role: str, tail: int) -> str:
    """The place or body a status word is written right after in a position (山西省 of 山西省原粮食局党组书记, 武汉市委
    of 武汉市委原常委), or "": ``tail`` characters of the prefix stand between the marker and the role."""
    k = len(text) - len(role) - tail - len(marker)
    return text[:k] if marker and marker != "前" and k > 0 and text.startswith(marker, k) else ""


@lru_cache(maxsize=8192)
def _common_chinese(name: str) -> bool:
    """``name`` starts with a common Chinese surname (马, 安: 马克, 安娜 read either way)."""
    return name[0] in R.common_surnames() or name[:2] in R.common_surnames()


def _party_of(base: str) -> str | None:
    """The foreign ruling party a chain's earlier link names (越共中央政治局委员、中央书记处书记: 越共), whose
    central bodies the later links are (``foreign_party`` in grammar_words.tsv)."""
    return next((w for w in R.words()["foreign_party"] if base.startswith(w)), None)


# 第七届、八届全国政协副主席, 第十六届、十七届中央委员, 第八、九届…: one office a session (42 such lists in 33 bulk
# stories, obituaries and résumés; the blind annotators wrote one position a session each time)
_SESSIONS = re.compile(r"(第)?[一二三四五六七八九十]+届?(?:、第?[一二三四五六七八九十]+届?)+届")
_NUMERAL = re.compile(r"[一二三四五六七八九十]+")


# 中共中央台办、国务院台办主任: one office of two bodies written before one role (中央台办、国务院台办主任 6 times
# in bulk, 中央外办、… and 国务院新闻办、… alike); each body's office
_TWO_BODIES = re.compile(r"^(?P<a>[\u4e00-\u9fff]{2,12}?[办部委局院])、(?P<b>[\u4e00-\u9fff]{2,12}?[办部委局院])$")


def by_body(pos: Position) -> list[Position]:
    """``pos``, or one position for each of two bodies written before its role and joined by 、."""
    m = _TWO_BODIES.match(pos.text[: len(pos.text) - len(pos.role)]) if pos.text.endswith(pos.role) else None
    if m is None:
        return [pos]
    return [Position(body + pos.role, body, pos.role, pos.jurisdiction, pos.status, pos.span, pos.rule)
            for body in (m.group("a"), m.group("b"))]


def by_session(pos: Position) -> list[Position]:
    """``pos``, or one position for each session of a list of sessions written in it."""
    m = _SESSIONS.search(pos.text)
    if m is None:
        return [pos]
    head, tail, first = pos.text[: m.start()], pos.text[m.end() :], m.group(1) or ""
    out = []
    for n in _NUMERAL.findall(m.group()):
        text = head + first + n + "届" + tail
        org = pos.organization.replace(m.group(), first + n + "届") if pos.organization else None
        out.append(Position(text, org, pos.role, pos.jurisdiction, pos.status, pos.span, pos.rule))
    return out


def _place_prefix(text: str) -> str:
    """The places ``text`` starts with, as written (安徽省宿州市纪委 → 安徽省宿州市)."""
    end = 0
    for pm in find_places(text):
        if pm.start != end:
            break
        end = pm.end
        if text[end : end + 1] in ("省", "市") and pm.division.short == text[pm.start : pm.end]:
            end += 1  # 湖南 + 省
    return text[:end]


def _bare_level(base: str) -> str | None:
    for lvl in _LEVELS:
        if base.startswith(lvl):
            rest = base[len(lvl) :]
            if rest and rest[0] in _NOT_BARE_LEVEL:
                return None
            return lvl
    return None


# a title's organisation part that names a Chinese body: never filled with a foreign state
_CHINESE = re.compile(r"中共|中国|中华|国务院|全国|人大|政协|党组|纪委|监委|省|自治区|特别行政区|[市县]委")
# what follows a state's one-character abbreviation in a title (俄总统办公室, 乌政府, 美军)
# (the ministries' and bodies' first words after 2026-12-05: 俄财政部长, 乌国家安全与国防委员会秘书, 美交通部长)
_AFTER_ABBR = {"总统", "政府", "外交", "国防", "联邦", "议会", "总理", "军方", "军", "方", "驻华", "财政", "国家",
               "交通", "内政", "司法", "商务", "经济", "能源", "卫生", "国会", "参议", "众议", "央行", "安全", "情报",
               "第一", "副总"}
# an organisation part that is national or names a level of its own (中央…, 国家…, 民盟省委)
_NATIONAL = re.compile(r"中央|中共|中国|中华|国家|全国|国务院|[省市县区州旗盟]|自治区|兵团|集团|公司|银行|大学")
_BODY_END = set("办厅局委会部处室组队所院站馆社心")
_PLACE_SUFFIX = set("村乡镇区县市省州旗盟道")  # a base written as a place (江苏省沛县, …鹿楼乡小庄村)
_NATIONAL_BODY = re.compile(r"中央|国家|全国|国务院")
# role words that begin with the last character of their organisation's name (国防|部长, 财政|部长)
_BODY_IN_ROLE = set("部局厅司处院署社行校台馆所站")
# how the name of a body of a state ends (联邦调查局, 国会, 白宫, 美军), not a company's (苹果, 思科)
_STATE_BODY_END = _BODY_END | set("军府宫党团行署司")
_COMPANY_ROLES = {"首席执行官", "总裁", "董事长", "总经理", "创始人", "首席财务官", "首席运营官", "首席技术官"}
_FULLER_BODY_END = set("会院府邦国党")  # 国民议会, 人民院, 联邦政府, 联邦, 共和国, 劳动党
# a body of the Chinese state, which the state of a foreign body before it in a chain does not reach
_CHINESE_STATE = re.compile(r"中共|中国|国务院|全国")
_COURT = re.compile(r".*?(?:法院|检察院)")
# an organisation part that names an international body (禁化武组织, 世界经济论坛)
_INTERNATIONAL = re.compile(r"联合国|国际|世界|全球|组织|联盟|欧洲|亚洲|非洲|美洲|拉美|论坛|峰会|联合会|奥委会|残奥")
# foreign titles that Chinese officials hold too (外长王毅): filled only from the same sentence
_ALSO_CHINESE = {"外长", "外交部长"}
# a special committee's chair written with the committee alone (宪法法律委副主任委员骆源: 131 such
# 委/委员会 + 主任委员 in the bulk corpus, against 149 written with 人大/政协) belongs to the national
# congress the story names before it
_COMMITTEE_ROLES = frozenset(("主任委员", "副主任委员"))
_CONGRESS = re.compile(r"全国人大|全国政协|政协第[一二三四五六七八九十]+届全国委员会")
_CPPCC_COMMITTEE_ROLES = frozenset(("主任", "副主任", "驻会副主任"))
_CONGRESS_OR_PLACE = re.compile(r"人大|政协|人民代表大会|[省市县区州部]|中央|国家|全国|中国|中华")

# a congress of a party or a people's organisation, whose presidium (大会主席团常务主席) a later title names
# (中国致公党第十五次全国代表大会, 第十次全国归侨侨眷代表大会: of 47 大会主席团 titles in the bulk stories, 20 come
# after one; the story's congress is the one it names first: …第十次…大会…自第九次…以来)
_PARTY_CONGRESS = re.compile(r"(?:(?:中国|中华全国|台湾)[\u4e00-\u9fff]{0,14}?)?第[一二三四五六七八九十]+次"
                             r"[\u4e00-\u9fff]{0,8}?代表大会")
_SESSION = re.compile(r"(?:[省市县区州]|全国)?(?:第?[一二三四五六七八九十]+届)(?:全国)?(?:人大|人民代表大会|政协)"
                      r"(?:第?[一二三四五六七八九十]+次)会议")


@dataclass(slots=True)
class _Reading:
    """A link's organisation part as it is read: the base organisation, a party sub-body
    written after it (党组, 党委 …), the status its words give (原 → former) and the status word
    as written, with its place."""

    base: str
    sub: str
    status: Status
    marker: str = ""     # 原, 前, 时任 as written
    tail: int = 0        # characters of the written prefix after the marker
    reset: bool = False  # 现任/新任 written first: no status carried from the link before


class PositionMaker:
    def __init__(self, ctx, org_index: Mapping[str, Org], resolve_generic: Callable[[str, int], str | None],
                 place_of: Callable[[str], str | None], text: str = "", as_of: str | None = None,
                 countries: Countries | None = None):
        self.ctx = ctx
        self.text = text
        self.as_of = as_of
        sessions = [(m.start(), m.group()) for m in _SESSION.finditer(text)]
        first = _PARTY_CONGRESS.search(text)
        self._congress = (first.start(), first.group()) if first else None  # the story's congress, named first
        self._session_starts = [start for start, _ in sessions]
        self._session_texts = [text for _, text in sessions]
        self.org_index = org_index
        self.resolve_generic = resolve_generic
        self.place_of = place_of  # the full place name a base starts with, if any
        w = R.words()
        self.party_sub = sorted(w["party_sub"], key=len, reverse=True)
        self.subdept = w["subdept"]
        self.rank_of_court = w["rank_of_court"]
        self.cppcc_committee = w["cppcc_committee"]
        self.generic = sorted(w["generic_org"], key=len, reverse=True)
        self.former = sorted(w["former"], key=len, reverse=True)
        self.not_former = w["not_former"]
        self.current = sorted(w["current"], key=len, reverse=True)
        self.not_current = w["not_current"]
        self.state_abbr = w["state_abbr"]
        self.ruling_party = dict(x.split(":", 1) for x in w["ruling_party"])
        self.association_heads = sorted(w["association_head"])
        self.association_roles = w["association_role"]
        self.roles = R.roles()
        self.countries = countries
        self.last_base = ""
        self._congresses: tuple[list[int], list[str]] | None = None  # 全国人大/全国政协 written, by start
        self.prev_place_text = ""
        self.last_state: str | None = None
        self.prev_role = ""
        self.last_role = ""
        self.prev_place: str | None = None

    def session_before(self, pos: int) -> str | None:
        """The last session (省十三届人大一次会议) written before ``pos``, else the congress the story
        names first (中国致公党第十五次全国代表大会), if before it."""
        k = bisect.bisect_left(self._session_starts, pos) - 1
        if k >= 0:
            return self._session_texts[k]
        return self._congress[1] if self._congress and self._congress[0] < pos else None

    def make(self, tm: TitledMention, prev_base: str = "", prev_state: str | None = None,
             prev_role: str = "") -> list[Position]:
        """Positions of ``tm``; ``prev_base`` is the organisation of the chain just before it,
        carried when ``tm`` starts with a bare role (董事长蒋旭光、总经理汪安南), as is the foreign
        state of that chain (``prev_state``: 国防部长坦塔维、总参谋长阿南 in an Egyptian story).

        A status word (原, 前, 时任) stays in the text where it is written, and a later link of
        the chain that names no organisation of its own takes it before its role (原党组书记、主任 →
        …原主任), every later link when it opens the chain (原X党组书记、Y局长 → 原Y局长), until a 现任 resets it
        (巴西前总统、新开发银行行长: the bank's office is no former
        one). A foreign state named by one link is the state of the links after it
        that name none (意大利副总理兼经济发展部部长 → 意大利经济发展部部长)."""
        out: list[Position] = []
        self.last_base = ""
        self.prev_place = None
        self.prev_place_text = ""
        self.prev_role = prev_role
        carry = carry_place = ""
        carry_front = False
        state = prev_state
        for link in tm.links:
            got = self._one(link, tm, prev_base, state)
            if got is None:
                continue
            pos, base, rd, state = got
            if rd.marker or rd.reset:
                carry = rd.marker
                carry_front = bool(carry) and pos.text.startswith(carry)
                carry_place = _place_before(pos.text, carry, link.role, rd.tail)
            elif carry and pos.status == "current" and (
                    (carry_front and carry != "前") or not rd.base or rd.base in self.subdept):
                pos.status = "former"
                cut = len(pos.text) - len(link.role)
                if carry_front and (carry != "前" or pos.text.startswith(self.prev_place_text or "\0")):
                    # 时任厦门市委常委、副市长 → 时任厦门市副市长; 原中船重工党组书记、董事长 → 原中船重工董事长;
                    # 原…副州长、人大常委会主任: the chain's first word covers it all, a body of its own too
                    cut = 0
                elif carry_place and pos.text.startswith(carry_place):
                    cut = len(carry_place)  # 山西省原粮食局党组书记、局长 → 山西省原粮食局局长 (武汉市委原组织部部长)
                pos.text = pos.text[:cut] + carry + pos.text[cut:]
            out.extend(q for p in by_body(pos) for q in by_session(p))
            if pos.jurisdiction:
                self.prev_place = pos.jurisdiction
                whole = base and base[-1] in _PLACE_SUFFIX and not _NATIONAL_BODY.search(base)
                self.prev_place_text = (base if whole else _place_prefix(base)) or self.prev_place_text
            if base:
                prev_base = base
            self.prev_role = link.role
        self.last_base = prev_base
        self.last_role = self.prev_role
        self.last_state = state
        return out

    def _one(self, link: Link, tm: TitledMention, prev_base: str,
             state: str | None) -> tuple[Position, str, _Reading, str | None] | None:
        """The position of one link, the organisation it carries to the next, how its prefix was
        read, and the foreign state it names or is filled with (``state``: that of the links
        before it in the chain)."""
        role = self.roles.get(link.role) or R.Role(link.role, "member", "", "")  # 代表 of 党的十八大代表
        if role.kind == "generic":
            return None  # 省领导王一、李二: people, no position
        if tm.rule == "leader":
            return self._after_name(link, role, tm)
        if tm.rule == "member":  # 厉以宁常委建议 at a CPPCC meeting → 全国政协常委
            text = (member_body(self.text, link.role) or "") + link.role
            pos = Position(text, text[: -len(link.role)] or None, link.role, None, "current",
                           (link.role_start, link.end), tm.rule)
            return pos, "", _Reading("", "", "current"), None
        rd = self._read_prefix(link, role, tm.status)
        base = self._complete_base(self._this_region(rd.base, link.start), link, role, prev_base)
        filled, jurisdiction = self._fill(base, link, role)
        org = self._organization(base, filled, role, jurisdiction)
        text = filled + rd.sub + link.role
        if rd.marker:
            # the marker goes back where it was written: before the last ``rd.tail`` characters of
            # the written prefix (a jurisdiction filled in goes before it: 时任总统 → 南非时任总统)
            cut = max(0, len(text) - len(link.role) - rd.tail)
            text = text[:cut] + rd.marker + text[cut:]
        own = self._state_named(filled)
        region_of = region_state(filled)
        if region_of is not None:  # 俄勒冈州州长: the title as written, its body the state's (美国俄勒冈州)
            org = region_of + filled
        elif own is None and self.countries is not None and self._abbreviated(filled) and filled[1:2] != "方":
            # 叙外长: the title stays as written (GUIDELINES: abbreviations stay as written), its body
            # names the state (叙利亚外交部)
            own = self.countries.abbreviated(filled[0], link.start)
            if own:
                org = own + filled[1:]
        elif own is None and not self._chinese(filled, jurisdiction) and not names_a_country(filled) \
                and not self._abbreviated(filled):
            carried = state if not _INTERNATIONAL.search(filled) else None
            party = _party_of(prev_base) if filled.startswith("中") else None
            if carried and (not filled or filled.startswith(("国家", "政府"))) and _party_of(carried):
                carried = self._state_named(carried) or carried  # 越共中央…、国家副主席: 越南's, not the party's
            fill = party or carried or self._foreign_state(link, role, tm, filled)
            if fill and role.kind == "gov_head" and filled and not party:
                org, own = fill + filled, fill  # 基辅市长: the title as written, its body the state's
            elif fill:
                text, org = fill + text, fill + filled  # the body as written, never a Chinese one's name
                own = fill
        pos = Position(text, org, link.role, jurisdiction, rd.status, (link.start, link.end), tm.rule)
        if own is None and (jurisdiction or _CHINESE_STATE.match(filled)):
            state = None  # …俄罗斯远东合作理事会中方主席、国务院副总理汪洋，外交部长王毅: a Chinese body ends the state
        return pos, filled, rd, own or state

    def _this_region(self, base: str, pos: int) -> str:
        """该州 (this state) names the foreign region named nearest before it (…纽约州…该州州长 →
        纽约州州长: 13 such titles in the bulk corpus, 2026-12)."""
        if base.startswith("该州") and self.countries is not None:
            region = self.countries.region_before(pos)
            if region:
                return region + base[2:]
        return base

    def _after_name(self, link: Link, role: R.Role, tm: TitledMention) -> tuple[Position, str, _Reading, None]:
        """NAME + title (习近平总书记 → 中共中央总书记 by the roster; 普京总统 in a Russian story →
        俄罗斯总统)."""
        a, b = tm.names[0]
        office = R.leader_office(link.role, self.text[a:b], self.as_of) if role.after else None
        text = office or link.role
        if office is None:
            fill = self._foreign_state(link, role, tm)
            if fill and role.kind in ("party", "leader") and link.role in ("总书记", "第一书记"):
                fill = self.ruling_party.get(fill, fill)  # 阮富仲总书记 → 越共中央总书记
            text = (fill or "") + text
        span = (link.role_start, link.end)
        return Position(text, None, link.role, None, "current", span, tm.rule), "", _Reading("", "", "current"), None

    def _foreign_state(self, link: Link, role: R.Role, tm: TitledMention, base: str = "") -> str | None:
        """The foreign state a title that names none belongs to: for a name read as a
        transliteration or a foreign office (总统, 首相), the state named nearest before it; for a
        foreign minister (外长, held by Chinese officials too) or a leader's title (副总理) before a
        name, one named earlier in its sentence; for a leader's title after a name (金正恩委员长),
        the nearest. Never for a person on the roster of Chinese leaders."""
        if self.countries is None:
            return None
        names = [self.text[a:b] for a, b in tm.names]
        if any(n in R.roster_names() for n in names):
            return None
        if role.kind == "gov_head" and base:
            # 基辅市长 (a place's head, 395 foreign ones in the bulk corpus): the state the text writes
            # with that place (印度中央邦…中央邦首席部长), never the one named nearest (美国提供的…基辅市长)
            return self.countries.of_place(base)
        tl = R.translit_chars()
        if base and not any(_INTERNATIONAL.search(x.prefix) for x in tm.links) and not _INTERNATIONAL.search(base) \
                and not any(n in tm.foreign for n in tm.names) \
                and all(len(n) >= 2 and all(c in tl for c in n) and not _common_chinese(n) for n in names):
            # 美国…报道称，…联邦调查局局长科米: a body no Chinese one, a name all of transliteration, a state
            # named earlier in the sentence
            here = self.countries.in_sentence(link.start) or self.countries.in_paragraph(link.start)
            if here:
                return here
        if any(n in tm.foreign or "·" in self.text[n[0] : n[1]] for n in tm.names):
            if _INTERNATIONAL.search(base):
                return None  # 禁化武组织总干事: an international body, no state's
            if base and link.role in _COMPANY_ROLES and base[-1] not in _STATE_BODY_END:
                return None  # 苹果首席执行官蒂姆·库克, 微软总裁: a company's office, no state's
            return self.countries.before(link.start)
        if role.kind == "foreign":
            if link.role in _ALSO_CHINESE and not all(len(n) >= 3 and all(c in tl for c in n) for n in names):
                return self.countries.in_sentence(link.start)
            return self.countries.before(link.start)
        if role.kind == "leader":
            if tm.rule == "leader":
                return self.countries.before(link.start)
            return self.countries.in_sentence(link.start)
        return None

    def _new_office(self, p: str, role: str) -> bool:
        """新 at the start of ``p`` marks a new holder (新国防部长), not a name (新北市, 新华社)."""
        return p == "新" or (p.startswith("新") and len(p) <= 5 and p[:2] not in self.not_current
                             and role[0] in _BODY_IN_ROLE and not self.place_of(p))

    def _abbreviated(self, text: str) -> bool:
        """``text`` starts with a state's one-character abbreviation (叙, 俄总统府, 乌政府)."""
        return bool(text) and text[0] in self.state_abbr and (len(text) == 1 or text[1:3] in _AFTER_ABBR)

    def _association(self, pos: int) -> str:
        """The association named nearest before ``pos`` (中国和平统一促进会), for an association's
        office given with no body (当选为执行副会长), or ``""``."""
        best, best_at = "", -1
        for head in self.association_heads:
            name = self.resolve_generic(head, pos)
            if name:
                at = self.text.rfind(name, 0, pos)
                if at > best_at:
                    best, best_at = name, at
        return best

    def _local_body(self, base: str, role: str) -> bool:
        """``base`` names a body with no place, state or national marker of its own (巡视办,
        公安厅, 公安|局长), so in a chain it belongs to the place of the link before."""
        end = role[0] if role[0] in _BODY_IN_ROLE else base[-1]
        return len(base) >= 2 and end in _BODY_END and not (
            base in self.org_index or self.place_of(base) or _NATIONAL.search(base) or names_a_country(base))

    def _is_body(self, base: str) -> bool:
        """``base`` names a whole organisation (商务部, 国铁集团, 浙江省委), not the first part of
        an office's name that the role word completes (国防 of 国防部长, 财政 of 财政部长)."""
        role = self.prev_role
        return not (role and role[0] in _BODY_IN_ROLE and not base.endswith(role[0]) and base not in self.org_index)

    def complete_states(self, positions: list[Position]) -> None:
        """A person whose titles name one foreign state holds the others that name none in that
        state too (坦塔维: 埃及国防部长, then 被任命为总统顾问 → 埃及总统顾问)."""
        self._written_state_wins(positions)
        self._drop_filled_repeats(positions)
        states = {st for st in (self._state_named_prefix(p.text) for p in positions) if st}
        if len(states) != 1 or any(self._chinese(p.text, p.jurisdiction) for p in positions):
            return  # 张德江: 朝鲜金日成综合大学留学生党支部书记 among Chinese offices is no foreign official
        state = states.pop()
        for p in positions:
            if self._state_named_prefix(p.text) or self._chinese(p.text, p.jurisdiction) \
                    or names_a_country(p.text) or _INTERNATIONAL.search(p.text) or self._abbreviated(p.text):
                continue
            p.text = state + p.text
            p.organization = state + (p.organization or "")

    def _written_state_wins(self, positions: list[Position]) -> None:
        """A state filled in from the context before a bare title gives way to the one the text
        writes with the same title for the same person (普京: 俄罗斯总统 written, then 我和普京总统
        after a sentence on Syria → 俄罗斯总统, not 叙利亚总统; of 35 bulk stories giving one
        person one office in two states, 31 were so)."""
        written: dict[str, str] = {}
        for p in positions:
            st = self._state_named_prefix(p.text)
            if st and state_of(st) and self.text[p.span[0] : p.span[1]].startswith(st):
                written.setdefault(p.role, st)
        for p in positions:
            st = self._state_named_prefix(p.text)
            w = written.get(p.role)
            if w and st and p.text == st + p.role and not self.text[p.span[0] : p.span[1]].startswith(st) \
                    and state_of(st) and state_of(st) != state_of(w):
                p.text, p.organization = w + p.role, w
        kept: dict[tuple[str, str], Position] = {}
        for p in positions:
            kept.setdefault((p.text, p.status), p)  # the one written first stays
        positions[:] = kept.values()

    def _drop_filled_repeats(self, positions: list[Position]) -> None:
        """A bare title given a state from the context only repeats the one fuller title of that state
        and role the person has (议长帕什卡 after 斯洛伐克国民议会议长帕什卡: not also 斯洛伐克议长; the
        body between state and role a parliament, government, federation or party: 40 such pairs in
        bulk, 2026-12)."""
        drop = []
        for p in positions:
            st = self._state_named_prefix(p.text)
            if not st or p.text != st + p.role or self.text[p.span[0] : p.span[1]].startswith(st):
                continue
            fuller = [q for q in positions if q is not p and q.role == p.role and q.status == p.status
                      and q.text.startswith(st) and q.text.endswith(p.role) and len(q.text) > len(p.text)
                      and q.text[len(st) : -len(p.role)][-1:] in _FULLER_BODY_END]
            if len(fuller) == 1:
                drop.append(p)
        positions[:] = [p for p in positions if p not in drop]

    def _state_named_prefix(self, text: str) -> str:
        """The foreign state (with its state form) that ``text`` starts with, or ``""``."""
        found = countries_in(text) if text else ()
        return text[: found[0][1]] if found and found[0][0] == 0 else ""

    def _state_named(self, text: str) -> str | None:
        """The foreign state a title's organisation part names (the last one), if any."""
        if not text or not names_a_country(text):
            return None
        found = [state_of(n) for _, _, n in countries_in(text) if state_of(n)]
        return found[0] if found else None

    def _chinese(self, filled: str, jurisdiction: str | None) -> bool:
        """The organisation part is a Chinese body (中共…, 国务院…, a Chinese place)."""
        return bool(jurisdiction or _CHINESE.search(filled) or (filled and self.place_of(filled)))

    def _read_prefix(self, link: Link, role: R.Role, status: Status) -> _Reading:
        """Split the written prefix into base organisation and party sub-body; a status word
        (原, 时任, 前) sets the status and is kept aside with its place; 现任/新任 are dropped;
        an acting head (代省长) is acting."""
        p = link.prefix
        reset = False
        at = len(self._state_named_prefix(p))  # 英国新首相: the word comes after the state
        for w in self.current:
            if p.startswith(w, at) and (w != "新" or (at and len(p) == at + 1) or self._new_office(p, link.role)):
                p, reset = p[:at] + p[at + len(w) :], True
                break
            if (len(w) > 1 or p.endswith("政府新")) and len(p) > len(w) and p.endswith(w) \
                    and p[-len(w) - 1 :] not in self.not_current:
                p, reset = p[: -len(w)], True  # 俄政府新总理, 新一届政府
                break
        if "各" in p[1:]:
            p = p.replace("各", "")  # 省委各巡视组组长 → 省委巡视组组长
        marker, at = self._marker(p)
        if marker:
            status = "former"
            p = p[:at] + p[at + len(marker) :]
        if link.role.startswith("代") and role.kind == "gov_head" and status == "current":
            status = "acting"
        sub = ""
        base = p
        for ps in self.party_sub:
            if p.endswith(ps):
                sub, base = ps, p[: -len(ps)]
                break
        if sub == "党委" and (base in ("自治区", "区", "州", "县", "市", "省")
                             or (self.place_of(base) and len(base) <= 9 and base.endswith(_PLACE_ENDS))):
            base, sub = base + sub, ""  # 自治区党委 is the party committee itself, carried as a whole
        return _Reading(base, sub, status, marker, len(p) - at if marker else 0, reset)

    def _marker(self, p: str) -> tuple[str, int]:
        """The status word written in the prefix ``p`` and where: at its start (原中船重工…,
        前总统) or right after an organisation or place (云南省委原副书记, 英国前首相), never
        inside a word (太原, 目前, 原子能)."""
        for f in self.former:
            k = p.find(f)
            while k != -1:
                before = p[max(0, k - 1) : k + len(f)]
                after = p[k : k + len(f) + 1]
                if (k == 0 or p[k - 1] in _MARKER_AFTER or self._state_named(p[:k])) \
                        and before not in self.not_former \
                        and after not in self.not_former:
                    return f, k
                k = p.find(f, k + 1)
        return "", -1

    def _complete_base(self, base: str, link: Link, role: R.Role, prev_base: str) -> str:
        """A base the link leaves out or names by its kind: the previous link's organisation
        (部长 after 商务部党组书记), a sub-department of it, the session told before (大会主席团),
        or the full name written before a generic one (组委会)."""
        if not base and role.kind == "leader" and self.prev_role in ("书记", "副书记") and prev_base \
                and role.after.startswith(prev_base):
            return prev_base  # 全国人大常委会党组书记、委员长 → 全国人大常委会委员长 (国务院党组书记、总理: 6 in bulk)
        if not base:
            carried = prev_base and role.kind not in ("gov_head", "leader", "foreign") and self._is_body(prev_base)
            if carried and link.role in self.rank_of_court:
                court = _COURT.match(prev_base)  # 审判委员会委员、审判员: the court's rank
                return court.group() if court else prev_base
            if carried:
                return prev_base
            if link.role in self.association_roles:
                return self._association(link.start)  # 孙春兰当选为执行副会长 → …促进会执行副会长
            return base
        if base in self.subdept and prev_base:
            if base == "书记处":  # 中共中央政治局委员、书记处书记: the secretariat is the central committee's
                return prev_base.removesuffix("政治局") + base
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
        if lvl and self.prev_place and self.prev_place.endswith(lvl) and self.prev_place_text:
            # 安徽省宿州市纪委…、市监委原副主任 → 安徽省宿州市监委 (the place as the link before wrote it)
            return self.prev_place_text + base[len(lvl) :], self.prev_place
        if lvl:
            place = self.ctx.at_level(lvl, link.start)
            return (place + base[len(lvl) :], place) if place else (base, None)
        if base and self.prev_place_text and self._local_body(base, link.role):
            # 广西壮族自治区纪委原常委、巡视办原主任 → 广西壮族自治区巡视办 (a body of that place)
            return self.prev_place_text + base, self.prev_place
        if not base and role.kind == "gov_head":
            place = None
            if self.prev_place and self.prev_place.endswith(role.level):
                # 隆德县委常委、副县长 → 隆德县副县长; 山东省济宁市泗水县委常委、副县长 → 山东省济宁市泗水县副县长
                return self.prev_place_text or self.prev_place, self.prev_place
            elif role.level in ("省", "市", "自治区"):
                place = self.ctx.at_level(role.level, link.start)
            return (place, place) if place else (base, None)
        if base.startswith("常委会") and self._congress_before(link.start) == "全国人大":
            return "全国人大" + base, None  # 常委会预算工委主任 in a 全国人大常委会 story → 全国人大常委会预算工委
        if base and link.role in _COMMITTEE_ROLES and base.endswith(("委", "委员会")) \
                and not _CONGRESS_OR_PLACE.search(base) and not self.place_of(base):
            body = self._congress_before(link.start)
            if body:
                return body + base, None  # 宪法法律委副主任委员 in a 全国人大常委会 story → 全国人大宪法法律委
        if link.role in _CPPCC_COMMITTEE_ROLES and base.removesuffix("驻会") in self.cppcc_committee \
                and self._congress_before(link.start) == "全国政协":
            return "全国政协" + base, None  # 经济委员会副主任 in a 全国政协 story → 全国政协经济委员会
        if base:
            return base, self.place_of(base)
        return base, None

    def _congress_before(self, pos: int) -> str | None:
        """The national congress (全国人大, 全国政协) written last before ``pos``, if any."""
        if self._congresses is None:
            found = [(m.start(), m.group() if m.group().startswith("全国") else "全国政协")
                     for m in _CONGRESS.finditer(self.text)]
            self._congresses = ([a for a, _ in found], [n for _, n in found])
        k = bisect.bisect_left(self._congresses[0], pos) - 1
        return self._congresses[1][k] if k >= 0 else None

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
