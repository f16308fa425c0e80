"""The title grammar: title chains, the names they stand before, and appointment formulas.

Reads the normalised text and returns :class:`TitledMention` candidates: a chain of title
*links* (``省委常委、杭州市委书记``) and the names it is given to (``翁杰明、谭作钧、袁野``).
Making each link explicit (jurisdiction, inherited organisation) is ``positions.py``'s job.

Rules, each with an id carried as provenance:
  chain      TITLE(、TITLE)* NAME(、NAME)*       省委常委、秘书长陈奕君
  leader     NAME LEADER-ROLE                    习近平总书记, 叶大年院士, 普京总统
  appoint    任命 NAME 为 TITLE, NAME 被任命为 TITLE  status new
  remove     免去 NAME (的) TITLE 职务            status removed
  serve      NAME 任|出任|担任 TITLE               status current
  formula    以 NAME 同志为总书记的党中央          中共中央总书记
  delegates  NAME(、NAME)+ 等 N 位代表|委员        the congress the report names (十四届全国人大代表)

A chain's organisation part starts after a left stop (会见, 任命, a 、 …), never inside a
protected organisation, place or country; 和/与/及 stop it only after something they can join.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

import ahocorasick

from . import tables as R
from .appointments import parse_appointments, parse_delegates
from .namemodel import load_model
from .names import (
    follower_at,
    is_cjk,
    read_foreign_name,
    read_foreign_name_before,
    read_free_name,
    read_name,
    role_at,
    tibetan_name,
    word_bucket,
)
from .types import Anchor, Link, TitledMention

_CLAUSE_BREAK = re.compile(r"[，。；！？：\n“”\"「」『』《》（）()!?;]")
_JOINING = frozenset("和与及")
_BARE_PREFIXES = frozenset({"", "党组", "党委"})  # 党委副书记、行长 is as bare as 行长
# a dateline and its byline end a title's organisation part (新华社北京6月3日电 国家主席…, 据新华社电, 北京电 国家主席,
# …日电（记者…）)
_DATE_STOP = re.compile(r"(?:\d+|[一二三四五六七八九十]+)年代|\d+[年月日号时][电讯]?|[社报网]电|电(?=\s)"
                        r"|[上下]午|晚上|早上|凌晨|[（(]记者[^）)]{1,20}[）)]")
# 应世界经济论坛创始人兼执行主席施瓦布邀请: 应 opening a clause that ends in 邀请 (179 in the bulk
# corpus) is no part of the title's organisation
_INVITED = re.compile(r"应(?=[^，。；：\n]{2,40}?邀请)")
# a foreign ministry named by two fields (信息通信和数字经济部部长): 和/与 inside the name
_AND_MINISTRY = re.compile(r"[\u4e00-\u9fff]{2,4}[和与][\u4e00-\u9fff]{2,6}?(?:部(?=副?部长)|(?=部长|大臣))")
# a short parenthesis inside an organisation name: 中国人寿保险（集团）公司, 巴斯夫（广东）
_INNER_PAREN = re.compile(r"（[\u4e00-\u9fff]{2,6}）(?=[\u4e00-\u9fff])")
# a quoted name inside an organisation name: 中央“不忘初心、牢记使命”主题教育领导小组, 玻利维亚“争取社会主义运动”党
# (a character, a quote of up to 16 characters, a character, then a role and a name: 166 in bulk)
_INNER_QUOTE = re.compile(r"(?<=[\u4e00-\u9fff])“[\u4e00-\u9fff、·]{2,16}”(?=[\u4e00-\u9fff])")
MAX_PREFIX = 40
_PLURAL = re.compile(r"[几多两二三四五六七八九十\d]+[位名]$")


# roles that are a title only after the body they lead: 澳大利亚自由党领袖托尼·阿博特 (党领袖 79 in bulk), not
# 人民领袖/伟大领袖 + a name; 文莱苏丹哈桑纳尔 (21), not the state 苏丹
_AFTER_BODY = {"领袖": ("党", "运动", "联盟", "阵线", "派"), "苏丹": ("文莱",)}


_MEETS_AFTER_ROLE = ("会见", "会晤", "会谈")
# a role whose first character ends a common word before it (母亲, 父亲, 双亲, 乡亲 + 王X)
_INSIDE_WORD = {"亲王": "母父双乡成相探省"}


# 中央组织部分管日常工作的副部长: a deputy's remit between his body and his role (25 in 22 bulk stories; 的 stopped the
# title, leaving 副部长): the body's deputy
_IN_CHARGE = "分管日常工作的"
_OFFICE = r"(?:台办|外办|侨办|港澳办|新闻办|网信办)"
_TWO_OFFICES = re.compile(rf"[\u4e00-\u9fff]{{0,4}}?{_OFFICE}、[\u4e00-\u9fff]{{1,4}}{_OFFICE}$")
ENVOYS = frozenset(("特使", "特别代表"))  # an envoy's titles: of the titled name before them (people/persons.py)


def find_anchors(s: str) -> list[Anchor]:
    blockers = R.words()["role_blocker"]
    out = []
    for end_idx, word in R.role_automaton().iter_long(s):
        end = end_idx + 1
        nxt = s[end : end + 3]
        if any(nxt.startswith(b) for b in blockers) and not nxt.startswith(_MEETS_AFTER_ROLE) \
                and not (word in ENVOYS and nxt.startswith("国务")):
            continue  # 总统会 (a role before 会 is no title), but 普京总统会晤/会见/会谈 are a title and a verb;
            # 特别代表国务委员: an envoy's title before the State Council's (国 blocks 主席国, 成员国)
        if word in _AFTER_BODY and not s.endswith(_AFTER_BODY[word], 0, end - len(word)):
            continue
        inside = _INSIDE_WORD.get(word)
        if inside and end - len(word) > 0 and s[end - len(word) - 1] in inside:
            continue  # 母亲王荷馨: the 亲 of 母亲, not a prince
        out.append(Anchor(end - len(word), end, word))
    return out


def off_titles(places: list, anchors: list[Anchor], s: str = "") -> list:
    """The place mentions that do not cut into a role word (长沙 in 外长沙伊巴尼 is none), unless
    another place cuts into that role word first (湖南省长沙市: 省长 is no role there), and that
    are no transliterated name right after a role word (埃及议长阿里: 阿里 is a prefecture of Tibet
    too; role + 阿里 20 times in the bulk corpus, never the place), nor inside a known name (李长春)."""
    starts = [a.start for a in anchors]
    ends = {a.end for a in anchors}
    tl = R.translit_chars()
    out = []
    known = R.known_names()
    for pm in places:
        if s and all(c in tl for c in s[pm.start : pm.end]) and _translit_run_start(s, pm.start, tl, ends) in ends:
            continue  # 科特迪瓦总统阿拉萨内·瓦塔拉: 拉萨 inside the name after the role
        if s and any(s[max(0, pm.start - k) : pm.end] in known for k in (1, 2)):
            continue  # 李长春: a known name with a place inside it
        k = bisect.bisect_left(starts, pm.start - 6)
        crossed = [a for a in anchors[k : bisect.bisect_left(starts, pm.end)]
                   if a.start < pm.start < a.end or a.start < pm.end < a.end]
        if any(not any(q.start <= a.start < q.end for q in places if q is not pm) for a in crossed):
            continue
        out.append(pm)
    return out


def _translit_run_start(s: str, p: int, tl: frozenset[str], ends: Collection[int]) -> int:
    """Where the run of transliteration characters that goes on to ``p`` starts (at most 6 back,
    never back past the end of a role word: 总理拉萨马, 理 is a transliteration character too)."""
    a = p
    while a > 0 and p - a < 6 and a not in ends and s[a - 1] in tl:
        a -= 1
    return a


class Stops:
    """Left-stop words outside protected organisation/place spans.

    A conjunction (和, 与, 及) stops a title only after something it can join: a name, a title,
    an organisation or place, punctuation; after any other word it is inside the organisation
    name (政府和社会资本合作中心主任, 科学与技术学院教授)."""

    def __init__(self, s: str, protected: bytearray, anchor_ends: Collection[int] = ()):
        self.s = s
        self.protected = protected
        self.anchor_ends = anchor_ends

    def last_stop_end(self, lo: int, hi: int) -> int:
        best = lo
        seg = self.s[lo:hi]
        if not seg:
            return lo
        prot = self.protected
        inside = None
        for end_idx, w in R.left_stop_automaton().iter(seg):
            a = lo + end_idx + 1 - len(w)
            b = lo + end_idx + 1
            if b <= best or any(prot[a:b]):
                continue
            if inside is None:
                inside = self._not_stops(lo, hi)
            if any(x <= a and b <= y for x, y in inside):
                continue  # 共和 in 保卫共和联盟主席, 时任 in 时任总统
            if w in _JOINING and not self._joins(a):
                continue
            best = b
        for m in _DATE_STOP.finditer(seg):
            if lo + m.end() > best:
                best = lo + m.end()
        k = seg.find("应")
        if k != -1 and lo + k >= best and (lo + k == 0 or self.s[lo + k - 1] in "，。；：、\n“") \
                and _INVITED.match(self.s, lo + k):
            best = lo + k + 1
        return best

    def _joins(self, a: int) -> bool:
        """Something a conjunction at ``a`` can join ends right before it."""
        s = self.s
        if a == 0 or not is_cjk(s[a - 1]) or self.protected[a - 1] or a in self.anchor_ends:
            return True
        if s[a - 1] in "等们人方" or (a + 1 < len(s) and self.protected[a + 1] and s[a + 1] != "“"):
            return True  # 王一等和…, 双方和…, …和中国驻德国大使 (not …转变和“放管服”改革…: a quoted name)
        if any(s.endswith(w, 0, a) for w in R.words()["joined_noun"]):
            return True  # 高级官员和…, 代表团和…
        for ln in (3, 2, 4):
            p = a - ln
            if p >= 0 and _name_ends_at(s, p, a) and (ln == 3 or self._edge(p)):
                return True
        tl = R.translit_chars()
        return all(c in tl for c in s[max(0, a - 2) : a])  # 内塔尼亚胡和…

    def _edge(self, p: int) -> bool:
        """``p`` starts a word: after punctuation, a title, an organisation or a stop word."""
        s = self.s
        if p == 0 or not is_cjk(s[p - 1]) or self.protected[p - 1] or p in self.anchor_ends:
            return True
        return any(s.endswith(w, 0, p) for w in ("会见", "会晤", "看望", "陪同", "同", "与", "和", "及", "、"))

    def _not_stops(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """Spans of the words around ``[lo, hi)`` in which a left-stop word is no stop."""
        x0 = max(0, lo - 3)
        return [(x0 + e + 1 - len(w), x0 + e + 1) for e, w in R.not_stop_automaton().iter(self.s[x0 : hi + 3])]


def _protect(s: str, spans, anchor_ends: Collection[int] = ()) -> bytearray:
    """The mask of spans a title's left edge and a name never cut into: places, organisations,
    countries, and organisation names with 和/与 inside (住房和城乡建设部, 正义与发展党: the
    ``and_org`` words, and a foreign ministry of two fields before 部长), where 和 is no stop."""
    mask = bytearray(len(s))
    for a, b in spans:
        mask[a:b] = b"\x01" * (b - a)
    for e, w in R.and_org_automaton().iter(s):
        mask[e + 1 - len(w) : e + 1] = b"\x01" * len(w)
    for m in _INNER_QUOTE.finditer(s):  # “为了变革的秘鲁人”党: no stop inside the quoted name
        mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    tl = R.translit_chars()
    for m in _AND_MINISTRY.finditer(s):
        k = m.start() + next(i for i, c in enumerate(m.group()) if c in "和与")
        if mask[k]:
            continue  # inside a name known already (住房和城乡建设部)
        a = max([m.start()] + [m.start() + e + 1 for e, _ in R.left_stop_automaton().iter(s[m.start() : k])]
                + [i + 1 for i in range(m.start(), k) if s[i] == "兼"])
        left, right = s[a:k], s[k + 1 : m.end()]
        if "副" in right or "中央" in right or _name_ends_at(s, a, k):
            continue  # 崔龙海、崔辉和中央第一副部长: a list of names, then another title
        if len(left) < 2 or all(c in tl for c in left) or any(e in anchor_ends for e in range(a, k + 1)):
            continue  # 内塔尼亚胡和国防部长, 总统夫人和外交部部长: a name or a title before 和
        mask[a : m.end()] = b"\x01" * (m.end() - a)
    return mask


def _name_ends_at(s: str, p: int, k: int) -> bool:
    """A person's name with a common surname is read from ``p`` to exactly ``k`` (王毅和…; not
    科学与…, 新闻和…: words that the name model alone would read as names)."""
    common = R.common_surnames()
    if s[p] not in common and s[p : p + 2] not in common:
        return False
    r = read_name(s, p)
    return bool(r and r[0] == k and r[1] >= 1.0)


# 对第十八届中央候补委员，江苏省原省委常委、常务副省长李云峰…: the comma joins two titles (bulk: 10); so after
# 中共中央政治局常委/委员 at a clause's start (中共中央政治局常委，国务院总理、党组书记李克强: 15 in bulk), and after
# 中央宣讲团成员 (中央宣讲团成员，中宣部副部长…王晓晖: 31 in 15 bulk stories; the blind gold gives them that position)
_MEMBER_COMMA = re.compile(r"(?:对(?:第[一二三四五六七八九十]+届)?中央(?:候补)?委员"
                           r"|(?:^|(?<=[：。\n]))中共中央政治局(?:常委|委员)|中央宣讲团成员)(，)")


# an obituary's lead: …卓越领导人，中国共产党第十五届中央政治局委员、中央书记处书记，中央军委原副主席张万年同志的遗体…
# (14 in 14 bulk stories): the commas between the offices before the name join one chain
_OBITUARY = re.compile(r"(?:领导人|领导者|战士|家|楷模)，(?P<t>[^。；“”\n]{2,160}?)[\u4e00-\u9fff]{2,4}同志"
                       r"(?:的遗体|逝世|因病|生平|的骨灰|追悼)")


_TITLE_END = re.compile(r"(?:委员|书记|常委|主席|委员长|总理|部长|秘书长|院长|主任|组长|会长|校长|司令员|政委|院士)$")


def _member_commas(s: str) -> set[int]:
    if "中央" not in s:
        return set()
    out = {m.start(1) for m in _MEMBER_COMMA.finditer(s)}
    if "同志" in s:
        for m in _OBITUARY.finditer(s):
            t = m.group("t")
            out |= {m.start("t") + i for i, c in enumerate(t) if c == "，" and _TITLE_END.search(t, 0, i)}
    return out


def _clauses(s: str):
    start = 0
    inner = {i for m in _INNER_PAREN.finditer(s) for i in (m.start(), m.end() - 1)} | _member_commas(s)
    inner |= {i for m in _INNER_QUOTE.finditer(s) for i in (m.start(), m.end() - 1)}
    for m in _CLAUSE_BREAK.finditer(s):
        if m.start() in inner:
            continue
        if m.start() > start:
            yield start, m.start()
        start = m.end()
    if start < len(s):
        yield start, len(s)


def _place_ends_name(s: str, q: int, end: int, conf: float, protected: bytearray) -> bool:
    """李长春来到: a place name (长春) that ends a name read with a follower after it, inside
    the name, is part of the name."""
    if conf < 1.0 or protected[q] or (end < len(s) and protected[end]):
        return False
    k = q + 1
    while not protected[k]:
        k += 1
    return all(protected[k:end]) and end - k >= 2 and s[q] in R.surnames()[0] | R.surnames()[1]


def _read_names(s: str, p: int, hi: int, anchors_starts: set[int], evidence, foreign: bool = False,
                weak: set | None = None, protected: bytearray | None = None,
                translit: set | None = None, titled: bool = False) -> list[tuple[int, int]]:
    """Names from ``p`` on: NAME(、NAME)*; the first may lack a follower (it is then ``weak``),
    later ones may not. ``foreign``: read transliterated names; those read as transliterations
    go into ``translit``. ``titled``: a (non-generic) title ends at ``p``, so the first name may
    have a common word as its given part (see :func:`read_name`)."""
    names: list[tuple[int, int]] = []
    q = p
    while q < hi:
        r = read_name(s, q, evidence=evidence, titled=titled and q == p)
        as_translit = False
        if foreign or not r or r[1] < 1.0:
            fr = read_foreign_name(s, q)
            if fr and not foreign and not r and fr[0] - q < 3 and fr[1] < 1.0:
                fr = None  # with no foreign context, a transliterated name needs three characters or a follower
            if fr and (not r or (r[1] < 1.0 and (fr[0] > r[0] or (foreign and fr[1] == 1.0)))
                       or (foreign and fr[0] > r[0])):  # 总统普京通电话: not 普 + 京通
                r, as_translit = fr, True
        if foreign and (not r or r[1] < 1.0):
            free = read_free_name(s, q)
            if free and (not r or free[0] > r[0]):
                r, as_translit = free, True
        if r and any(s.startswith(w, q) for w in R.words()["address"]):
            break  # 总统先生, 总理阁下: a form of address, nobody's name
        if r and q == p and q > 0 and r[0] - q >= 3 and word_bucket(s[q - 1 : r[0]]) >= 2:
            break  # 维护地区长治久安: the "name" ends a word the title's last character begins (33 in bulk)
        if not r:
            break
        end, conf = r
        if any(a in anchors_starts for a in range(q, end)):
            break
        if protected is not None and any(protected[q:end]) and not _place_ends_name(s, q, end, conf, protected):
            break
        if names and conf < 1.0 and not _word_after(s, (q, end)):
            break  # 副主席沈跃跃、王勇、梁振英、苏辉围绕…: the last of a list before a frequent word stays
        names.append((q, end))
        if translit is not None and (as_translit or "·" in s[q:end]):
            translit.add((q, end))
        if conf < 1.0 and weak is not None:
            weak.add((q, end))
        if end < len(s) and s[end] == "、":
            q = end + 1
            continue
        break
    return names


_MARKERS = re.compile(r"中共|中央|国务院|全国|国家|中国|原|时任|前任"
                      r"|(?:省|市|县|区|州)(?:委|政府|人大|政协|纪委|监委)|自治区|自治州")
# (宫 2026-12-05: 白宫国家经济委员会主任, 克里姆林宫: the palace is the body)
_ORG_END = set("国省市县区州委部局厅会团党社院联所校司办处署组室队军届央府邦阁盟动线宫")
# status words written between an organisation and a head's title (英国前首相, 美国新任防长)
_STATUS_WORDS = ("前", "原", "时任", "前任", "现任", "新任", "新一任", "候任", "代", "代理", "第一", "第二", "常务",
                 "临时", "副", "新")


def _prefix_start(s: str, a: int, b: int, protected: bytearray) -> int:
    """Where a title's organisation part really starts inside ``[a, b)``: at the first place,
    organisation or marker (中共, 国务院, 原, 省委 …), when the words before it are not
    themselves part of an organisation name (离不开原磁县… → 原磁县…)."""
    k = None
    for i in range(a, b):
        if protected[i] and (i == a or not protected[i - 1]) and s[i] != "“":  # a quoted name is no body
            k = i
            break
    m = _MARKERS.search(s, a, b)
    if m and (k is None or m.start() < k):
        k = m.start()
    if k is None or k == a:
        return a
    dropped = s[a:k]
    if "驻" in dropped or dropped[-1] in _ORG_END or (protected[k - 1] if k else False) or dropped in _STATUS_WORDS:
        return a
    if dropped in R.words()["state_abbr"]:
        return a  # 美交通部长, 俄国防部长: a state's abbreviation before a ministry's name
    return k


def _trim_prefix(s: str, a: int, b: int) -> int:
    conj = R.words()["conj"]
    while a < b and (s[a] in conj or (not is_cjk(s[a]) and s[a] not in "0123456789")):
        if s[a] == "“" and s.find("”", a, b) != -1:
            break  # 新上任的“最高政治委员会”主席: a quoted body's name keeps its quotes
        a += 1
    return a


def parse_chains(s: str, anchors: list[Anchor], stops: Stops, evidence: dict[str, int] | None = None,
                 after_name: Collection[int] = frozenset(),
                 countries: Sequence[tuple[int, int, str]] = ()) -> list[TitledMention]:
    """``after_name``: starts of anchors already read as written after a name (李克强总理);
    ``countries``: foreign country mentions (a title with one takes a transliterated name)."""
    chains = _Chains(s, anchors, stops, evidence, countries)
    out: list[TitledMention] = []
    i = 0
    cursor = 0  # end of the last names read: a chain starts after them
    while i < len(anchors):
        a0 = anchors[i]
        if a0.start in after_name:
            i += 1
            continue
        cs, ce = chains.clause_of(a0.start)
        left = chains.left_edge(a0, max(cs, cursor, a0.start - MAX_PREFIX))
        links, j = chains.links(i, left, ce)
        weak: set[tuple[int, int]] = set()
        translit: set[tuple[int, int]] = set()
        names = chains.names(links, j, left, ce, weak, translit)
        if names:
            tm = TitledMention(links, names, "chain", weak=weak, foreign=translit)
            # a title right after the names of the chain before (、 or 和; after a comma only a bare
            # role: 主任何立峰，副主任张勇) may take its body or state
            tm.continues = bool(out) and cursor > 0 and left == cursor + 1 and (
                s[cursor] in "、和及" or (s[cursor] == "，" and links[0].prefix in _BARE_PREFIXES))
            tm.joined_by = s[cursor] if tm.continues else ""
            out.append(tm)
            cursor = names[-1][1]
            i = j + 1
        elif (named := chains.copula_name(links, j, left)) is not None:
            out.append(TitledMention(links, [named], "copula"))  # 许巧珍，是原…社区党委书记。
            i = j + 1
        elif (named := chains.as_name(links, j, left)) is not None:
            out.append(TitledMention(links, [named], "as"))  # 作为拉萨市委副书记，马新明…; 苏荣作为…书记，
            i = j + 1
        else:
            i += 1
    return out


class _Chains:
    """What reading a chain needs of the text: anchors, clauses, left stops, countries."""

    def __init__(self, s: str, anchors: list[Anchor], stops: Stops, evidence: dict[str, int] | None,
                 countries: Sequence[tuple[int, int, str]]):
        self.s = s
        self.anchors = anchors
        self.stops = stops
        self.evidence = evidence
        self.countries = countries
        self.roles = R.roles()
        self.starts = {a.start for a in anchors}
        self.country_starts = [c[0] for c in countries]
        self.clause_of = _clause_index(s)
        self.member_commas = _member_commas(s)

    def copula_name(self, links: list[Link], j: int, left: int) -> tuple[int, int] | None:
        """The name a chain with no name after it is said of: ``X是…书记。`` / ``X，是原…书记，`` at a clause
        start (45 such in the bulk corpus, 28 of the names read, 3 with the office)."""
        s = self.s
        if s[self.anchors[j].end : self.anchors[j].end + 1] not in ("。", "，", "；") or s[left - 1 : left] != "是":
            return None
        return self._clause_name_before(left - 1 - (s[left - 2 : left - 1] == "，"))

    def as_name(self, links: list[Link], j: int, left: int) -> tuple[int, int] | None:
        """The name a chain after ``作为`` with no name after it is said of: ``作为TITLE，NAME…`` at a
        clause start, or ``NAME（同志）作为TITLE，`` (bulk: 作为 + a title + ， 44 times in 43 stories)."""
        s = self.s
        end = self.anchors[j].end
        k = left - 2 - (s[left - 4 : left - 2] == "时任") * 2
        if s[end : end + 1] != "，" or s[k : k + 2] != "作为" or links[0].prefix.startswith("一"):
            return None
        if k == 0 or s[k - 1] in "。，；：\n":
            r = read_name(s, end + 1)
            ok = r and (r[1] == 1.0 or s.count(s[end + 1 : r[0]]) > 1) and not role_at(s, end + 1) \
                and s[r[0] : r[0] + 1] not in "，、和"
            return (end + 1, r[0]) if r and ok else None
        return self._clause_name_before(k - 2 * s.endswith("同志", 0, k))

    def _clause_name_before(self, k: int) -> tuple[int, int] | None:
        """A name of three, two or four characters that opens its clause and ends at ``k``."""
        s = self.s
        for ln in (3, 2, 4):
            p = k - ln
            if p < 0 or (p and s[p - 1] not in "。，；：\n"):
                continue
            r = read_name(s, p)
            if r and r[0] == k and not role_at(s, p):
                return (p, k)
        return None

    def left_edge(self, a0: Anchor, lo: int) -> int:
        """Where the organisation part of the title that ends in ``a0`` starts (not before ``lo``,
        nor before a 、 that ends an item of a list: 违规饮酒、篆塘镇党委副书记 → 篆塘镇…)."""
        k = self.s.rfind("、", lo, a0.start)
        while k != -1 and self.stops.protected[k]:
            k = self.s.rfind("、", lo, k)  # 中央“不忘初心、牢记使命”主题教育领导小组: inside a quoted name
        if k != -1 and not _TWO_OFFICES.match(self.s, max(0, k - 6), a0.start):
            lo = k + 1  # not 中共中央台办、国务院台办主任: one role of two offices (by_body in positions.py)
        end = a0.start - len(_IN_CHARGE) if self.s.endswith(_IN_CHARGE, 0, a0.start) else a0.start
        left = self.stops.last_stop_end(lo, end)
        left = _trim_prefix(self.s, left, end)
        left = _prefix_start(self.s, left, end, self.stops.protected)
        if self.roles[a0.role].kind == "foreign" or a0.role in ("总理", "副总理"):
            left = self._state_prefix(left, a0.start)
        return left

    def _state_prefix(self, a: int, b: int) -> int:
        """A head of state's or government's title (总统, 总理) has for its organisation part a
        state, a body or nothing, with a status word: the words before it that are none of these
        (马里发生军人哗变总统, 他们要求总理) are left out."""
        s, prot = self.s, self.stops.protected
        e = b
        while True:
            w = next((w for w in _STATUS_WORDS if s.startswith(w, e - len(w)) and e - len(w) >= a), None)
            if w is None:
                break
            e -= len(w)
        if e == a or prot[e - 1] or s[e - 1] in _ORG_END or (e - a == 1 and s[a] in R.words()["state_abbr"]):
            return a
        k = e
        tl = R.translit_chars()
        while k > a and not prot[k - 1] and s[k - 1] in tl:
            k -= 1
        if k < e and k > a and prot[k - 1]:
            return a  # 阿联酋阿布扎比王储: a foreign place after the state
        return e

    def links(self, i: int, left: int, ce: int) -> tuple[list[Link], int]:
        """The links of the chain that starts at anchor ``i``, and the index of its last anchor:
        a role followed by 、 or 兼 and another title in the clause goes on to it."""
        s, anchors = self.s, self.anchors
        a0 = anchors[i]
        body_end = a0.start - len(_IN_CHARGE) if s.endswith(_IN_CHARGE, 0, a0.start) else a0.start
        links = [Link(left, a0.start, a0.end, s[left:body_end], a0.role)]
        j = i
        while j + 1 < len(anchors):
            pos = anchors[j].end
            nxt = anchors[j + 1]
            if anchors[j].role in ENVOYS and nxt.start < ce and self._title_goes_on(pos, nxt.start):
                # 习近平主席特别代表国务委员杨洁篪, 奥巴马特别代表财政部长雅各布·卢 (an envoy's title and the next
                # written with nothing between: 11 in 5 bulk stories): two links, not an envoy's office
                j += 1
                links.append(Link(pos, nxt.start, nxt.end, s[pos : nxt.start], nxt.role))
                continue
            # 、 or 兼; a space in a speaker's caption (广西壮族自治区党委常委 南宁市委书记 陈武：)
            if not (pos < ce and (s[pos] in "、兼 \u3000" or pos in self.member_commas) and nxt.start < ce):
                break
            body_end = nxt.start - len(_IN_CHARGE) if s.endswith(_IN_CHARGE, pos + 1, nxt.start) else nxt.start
            if self.stops.last_stop_end(pos + 1, body_end) != pos + 1 or body_end - pos - 1 > MAX_PREFIX:
                break
            j += 1
            links.append(Link(pos + 1, nxt.start, nxt.end, s[pos + 1 : body_end], nxt.role))
        return links, j

    def _title_goes_on(self, pos: int, nxt: int) -> bool:
        """Another title's organisation and role follow an envoy's title at ``pos`` with nothing between (no
        punctuation, no name: not 埃及总统特使阿姆鲁、联合国秘书长潘基文)."""
        s, between = self.s, self.s[pos:nxt]
        if nxt - pos > MAX_PREFIX or any(not is_cjk(c) for c in between) or self.stops.last_stop_end(pos, nxt) != pos:
            return False
        tl = R.translit_chars()
        return not between or (read_name(s, pos) is None and not (s[pos] in tl and s[pos + 1] in tl))

    def names(self, links: list[Link], j: int, left: int, ce: int, weak: set[tuple[int, int]],
              translit: set[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
        """The names the chain is given to (read after its last anchor ``j``); none for a plural
        title (几位副县长商定); a generic title (负责人) needs a clear name."""
        s, last = self.s, self.anchors[j]
        lo, hi = bisect.bisect_left(self.country_starts, left), bisect.bisect_left(self.country_starts, last.start)
        foreign = self.roles[last.role].kind == "foreign" or any(
            left <= c0 and c1 <= last.start for c0, c1, _ in self.countries[lo:hi])
        at = last.end
        if s.startswith("的", at) and ("时任" in s[max(0, left - 2) : left + 2] or _DOTTED_AFTER_DE.match(s, at)):
            # 时任浙江省委书记的习近平 (bulk: 时任…的 + name 124 times in 102 stories); 担任过…主席的杰克·华纳,
            # 叙利亚总理的里亚德·法里德·希贾卜 (a dotted name after 的: 6 in bulk, read as 的里亚德… before)
            at += 1
        elif s[at : at + 1] in (" ", "\u3000") and _CAPTION.match(s, at + 1):
            at += 1  # 普兰县副县长 才旺玛：… (a speaker's caption: title, space, name, colon; 76+ in bulk)
        generic = all(self.roles[link.role].kind == "generic" for link in links)
        names = _read_names(s, at, ce, self.starts, self.evidence, foreign, weak, self.stops.protected,
                            translit, titled=not generic)
        if names and ((s[max(0, left - 1) : left] in ("位", "名") and left == links[0].role_start)
                      or _PLURAL.search(links[0].prefix)):
            return []  # 几位副县长商定, 两位市长祝愿: a plural title names nobody
        if names and generic:
            names = [n for n in names if n not in weak]  # 负责人王明: a generic title needs a clear name
        return names


def _clause_index(s: str):
    bounds = list(_clauses(s))
    import bisect

    starts = [b[0] for b in bounds]

    def find(p: int) -> tuple[int, int]:
        k = bisect.bisect_right(starts, p) - 1
        if k >= 0 and bounds[k][0] <= p < bounds[k][1] + 1:
            return bounds[k]
        return (p, p)

    return find


def parse_leaders(s: str, anchors: list[Anchor], protected: bytearray, stops: Stops | None = None,
                  seen: Recurrence | None = None) -> list[TitledMention]:
    """NAME + leader role written after it: 习近平总书记 → 中共中央总书记, 李克强总理."""
    roles = R.roles()
    seen = seen or Recurrence(s)
    after = [a for a in anchors if roles[a.role].after]
    # the names _leader_name may ask about, looked up in one pass
    seen.prepare(s[a.start - ln : a.start] for a in after for ln in (3, 4) if a.start >= ln)
    out = []
    read = set()
    for a in after:
        p = _leader_name(s, a, protected, stops, seen)
        if p is not None:
            read.add(a.start)
            out.append(TitledMention([Link(a.start, a.start, a.end, "", a.role)], [(p, a.start)], "leader"))
    # a foreign title after a transliterated name: 特朗普总统, 洪森首相; and a leader's title after one too long
    # for the leader's reading (同阿尔巴尼斯总理多次会晤, 海尔马里亚姆总理: five characters or more)
    for a in anchors:
        kind = roles[a.role].kind
        if (kind != "foreign" and (kind != "leader" or a.start in read)) or a.start < 2:
            continue
        p = _known_name_before(s, a.start) if kind == "foreign" else None  # 同呼日勒苏赫总统, 安倍晋三首相
        if p is None:
            p = read_foreign_name_before(s, a.start)
            if p is not None and kind == "leader" and a.start - p < 5:
                p = None
        if p is None and kind == "foreign":
            p = _surnamed_name_before(s, a.start)  # 我同朴槿惠总统, 转达对吴登盛总统的问候
        if p is None or any(protected[p : a.start]):
            continue
        if p and is_cjk(s[p - 1]) and s[p - 1] not in "的了在同与和对向给请应见晤":
            continue
        out.append(TitledMention([Link(a.start, a.start, a.end, "", a.role)], [(p, a.start)], "leader",
                                 foreign={(p, a.start)}))
    return out + _members_speaking(s, anchors, protected, stops, seen)


# a member of an assembly addressed by name at the assembly's own meeting: 厉以宁常委建议 / 张季委员指出 in a
# story of the CPPCC National Committee (政协委员 125 in 17 bulk stories, 常委 57 in 5), 吕薇委员就 in one of the
# NPC Standing Committee's (11 in 2): the member speaks (2026-12)
_MEMBER_SPEAKS = re.compile(r"认为|建议|提出|说|表示|指出|发言|介绍|谈到|强调|呼吁|代表|就"
                            # 王一鸣委员在发言中提出, 贾治邦常委和范小建委员在联合发言中提出 (4 in 3 bulk stories)
                            r"|在[^，。]{0,8}发言|和(?=[\u4e00-\u9fff]{2,4}(?:委员|常委))")
_CPPCC = re.compile(r"全国政协|政协第[一二三四五六七八九十]+届全国委员会")
_NPCSC = re.compile(r"全国人大常委会|全国人民代表大会常务委员会")


def member_body(s: str, role: str) -> str | None:
    """The assembly whose member ``role`` (委员, 常委) after a name is, by the story's bodies."""
    if _CPPCC.search(s):
        return "全国政协"
    return "全国人大常委会" if role == "委员" and _NPCSC.search(s) else None


def _members_speaking(s: str, anchors: list[Anchor], protected: bytearray, stops: Stops | None,
                      seen: Recurrence) -> list[TitledMention]:
    out = []
    bodies: dict[str, str | None] = {}  # the story's assembly for each role, read once when first needed
    for a in anchors:
        if a.role not in ("委员", "常委") or not _MEMBER_SPEAKS.match(s, a.end):
            continue
        if a.role not in bodies:
            bodies[a.role] = member_body(s, a.role)
        if bodies[a.role] is None:
            continue
        p = _leader_name(s, a, protected, stops, seen)
        after_member = p is not None and p > 2 and s[p - 1] == "和" and s[p - 3 : p - 1] in ("委员", "常委")
        if p is not None and (not p or s[p - 1] in "\n，；。、：" or after_member):
            out.append(TitledMention([Link(a.start, a.start, a.end, "", a.role)], [(p, a.start)], "member"))
    return out


def _leader_name(s: str, a: Anchor, protected: bytearray, stops: Stops | None, seen: Recurrence) -> int | None:
    """Start of the name written right before the leader role ``a`` (three, two or four
    characters): a holder of that office on the roster (领会习近平总书记), or a name after a
    boundary, or with a common surname and seen again in the text."""
    roster = R.leaders()
    for ln in (3, 2, 4):
        p = a.start - ln
        if p >= 0 and (a.role, s[p : a.start]) in roster:
            return p
    for ln in (3, 2, 4):
        p = a.start - ln
        if p < 0 or any(protected[p : a.start]):
            continue
        # 村民们高声向总书记问好, 对于习主席的到访 (10 and 3 bulk stories; no name read in bulk ends in 向)
        if s[a.start - 1] == "向" or s[p - 1 : p + 1] == "对于":
            continue
        boundary = (not p or not is_cjk(s[p - 1]) or s[p - 1] in "的了在同与和对向给"
                    or (stops is not None and stops.last_stop_end(max(0, p - 4), p) == p))
        r = read_name(s, p, allow_role_follow=True)
        if (not r or r[0] != a.start) and boundary and ln >= 3 and s[p - 1 : p] not in "-·" \
                and _translit_run(s, p, a.start):
            return p  # 我同谢里夫总理举行会谈: a transliterated name the surname reading misses
        if not r or r[0] != a.start:
            continue
        if s[p] in R.words()["conj"]:
            continue
        if ln == 2 and s[p] not in R.common_surnames() and not all(c in R.translit_chars() for c in s[p : a.start]):
            continue  # 要以总书记的…: two characters with a rare surname are a word (英拉总理 is a name)
        if not boundary and (ln < 3 or (s[p] not in R.common_surnames() and s[p : p + 2] not in R.common_surnames())
                             or not seen.seen_again((p, a.start))):
            continue
        return p
    return _dotted_name_before(s, a.start, protected)


def _surnamed_name_before(s: str, end: int) -> int | None:
    """Start of a three-character name with a common surname written right before the foreign title
    at ``end`` and again in the story (a Korean, Burmese or Singaporean leader: 朴槿惠总统, 吴登盛总统: 12
    such in 11 bulk stories read no title before), else None."""
    p = end - 3
    if p < 0 or s[p] not in R.common_surnames() or s.count(s[p:end]) < 2:
        return None  # written once only: 共和党联邦众议员 is no name 党联邦
    r = read_name(s, p, allow_role_follow=True)
    return p if r and r[0] == end else None


def _known_name_before(s: str, end: int) -> int | None:
    """Start of a name of ``known_names.tsv`` written right before ``end`` (呼日勒苏赫总统), else None."""
    known = R.known_names()
    return next((end - n for n in (5, 4, 3) if end >= n and s[end - n : end] in known), None)


def _dotted_name_before(s: str, end: int, protected: bytearray) -> int | None:
    """Start of a dotted name read whole right before ``end`` (艾力更·依明巴海副委员长,
    班禅额尔德尼·确吉杰布委员说), else None."""
    dot = s.rfind("·", max(0, end - 10), end)
    if dot == -1:
        return None
    q = dot
    while q > 0 and dot - q < 9 and is_cjk(s[q - 1]) and not protected[q - 1]:
        q -= 1
    if q > 0 and is_cjk(s[q - 1]) and not protected[q - 1]:
        return None  # no clause or word boundary before the name (…士的丈夫拉吉夫·甘地总理)
    r = read_name(s, q, allow_role_follow=True)
    return q if r and r[0] == end else None


_DOTTED_AFTER_DE = re.compile(r"的[\u4e00-\u9fff]{1,7}·[\u4e00-\u9fff]")
# a speaker's caption (普兰县副县长 才旺玛：) or a line of a list of senders (韩国国民之党党首 安哲秀 / 阿尔巴尼亚
# 社会党总书记 巴拉 / … 卡纳尔等也发来贺函): title, space, a name that ends its line; in the bulk corpus 283
# such title-space-name lines, 188 of them read before as no name (lists of congratulations, 2026-12-05)
_CAPTION = re.compile(r"[\u4e00-\u9fff·]{2,12}?(?:[：:\n]|等|$)")


def _translit_run(s: str, p: int, end: int) -> bool:
    """``s[p:end]`` is read whole as a transliterated name (谢里夫, 罗塞芙)."""
    fr = read_foreign_name(s, p)
    return fr is not None and fr[0] == end


_STRONG = ("同志", "出席", "主持", "会见", "会晤", "会谈", "表示", "指出", "强调", "说", "参加", "致辞", "讲话",
           "陪同", "宣布", "考察", "调研", "视察", "看望", "慰问", "签署", "致电", "致信", "先后", "分别", "等")


def parse_untitled(s: str, taken: bytearray, evidence: dict[str, int] | None = None,
                   protected: bytearray | None = None) -> list[TitledMention]:
    """Names with no title: at a clause start and followed by a verb of the formula
    (郑建邦出席…, 汪洋同志…), three characters or a ``同志`` after them; lists ``X、Y出席``."""
    out = []
    common = R.common_surnames()
    for m in _UNTITLED_START.finditer(s):
        p = m.end()
        names = _clear_names(s, p, taken, evidence, protected)
        if not names:
            continue
        end = names[-1][1]
        f = s[end : end + 2]
        listed = s[max(0, p - 3) : p].endswith(("有：", "有:")) and s[end : end + 1] in "。；\n"
        if not listed and not any(f.startswith(w) or s.startswith(w, end) for w in _STRONG) and not role_after(s, end):
            continue
        if all((s[a] in common or s[a : a + 2] in common) and (b - a >= 3 or s.startswith("同志", b))
               for a, b in names):
            out.append(TitledMention([], names, "untitled"))
    return out


def _clear_names(s: str, p: int, taken: bytearray, evidence: dict[str, int] | None,
                 protected: bytearray | None) -> list[tuple[int, int]]:
    """NAME(、NAME)* from ``p``, each with a follower, none taken or protected."""
    names: list[tuple[int, int]] = []
    q = p
    while q < len(s):
        if taken[q]:
            break
        r = read_name(s, q, evidence=evidence, allow_role_follow=True)
        if not r or r[1] < 1.0:
            break
        end = r[0]
        if protected is not None and any(protected[q:end]):
            break
        names.append((q, end))
        if end < len(s) and s[end] == "、":
            q = end + 1
            continue
        break
    return names


_POST_NAME_ROLES = ("主席", "总统", "首相", "国王", "委员长")


def role_after(s: str, p: int) -> bool:
    """A title used after a name starts at ``p`` (习近平主席郑重提出), not part of an
    organisation (总统府)."""
    w = role_at(s, p)
    if w is None:
        return False
    if R.roles()[w].kind not in ("leader",) and w not in _POST_NAME_ROLES:
        return False
    nxt = s[p + len(w) : p + len(w) + 3]
    return not any(nxt.startswith(b) for b in R.words()["role_blocker"])


_UNTITLED_START = re.compile(r"(?:^|(?<=[。，；！？\n：]))")


class Recurrence:
    """Which names occur in the text with a follower after them, and where.

    Names are looked up in batches (:meth:`prepare`): one Aho-Corasick pass over the text per
    batch, never a scan of the text per name. Keeps up to two followed occurrences per name,
    enough to tell whether a name is seen again anywhere but at a given offset.
    """

    def __init__(self, s: str):
        self.s = s
        self._followed: dict[str, list[int]] = {}

    def prepare(self, names: Iterable[str]) -> None:
        new = {n for n in names if n and n not in self._followed}
        if not new:
            return
        auto = ahocorasick.Automaton()
        for n in new:
            auto.add_word(n, n)
            self._followed[n] = []
        auto.make_automaton()
        s = self.s
        for end_idx, n in auto.iter(s):
            hits = self._followed[n]
            if len(hits) < 2 and follower_at(s, end_idx + 1) is not None:
                hits.append(end_idx + 1 - len(n))

    def seen_again(self, span: tuple[int, int]) -> bool:
        """The name at ``span`` occurs elsewhere with a follower after it."""
        name = self.s[span[0] : span[1]]
        if name not in self._followed:
            self.prepare([name])
        return any(i != span[0] for i in self._followed[name])


def _resolve_weak(s: str, n: tuple[int, int], seen: Recurrence) -> tuple[int, int] | None:
    """A name read with no follower after it: keep the reading the document confirms elsewhere
    (李强乘包机 → 李强, seen again as 李强表示), else a plausible three-character name, else none."""
    a, b = n
    if b - a == 3 and seen.seen_again((a, b - 1)):
        return (a, b - 1)
    if seen.seen_again(n) or _plausible(s, n) or _word_after(s, n) or _name_before_word(s, n):
        return n
    return None


def _name_before_word(s: str, span: tuple[int, int]) -> bool:
    """A name the model is sure of (at its threshold) before a frequent word (俄罗斯总统普京决定取消,
    总统普京本月初): the word, not a follower, shows where the name ends; the name no frequent word itself
    (普京 is a dictionary word seen 100 times or more)."""
    a, b = span
    model = load_model()
    return word_bucket(s[b : b + 2]) >= 3 and word_bucket(s[a:b]) < 3 and model.score(s, a, b) >= model.threshold


# the name model's least score for such a name: real ones score 0.2–0.65 (胡卫 0.22, 冷溶 0.38,
# 李斌 0.51), the words a title's "name" cuts from the text far less (施政过程 0.10, 阮氏金银 0.13)
_WORD_AFTER_FLOOR = 0.15


def _word_after(s: str, span: tuple[int, int]) -> bool:
    """A two-character name after a title that a frequent word follows, which the longer reading
    would cut (部长苗圩报告了, 主任冷溶针对, 委员胡卫以及: see ``names._runs_into_word``)."""
    a, b = span
    return b - a == 2 and s[a] in R.common_surnames() and s[a + 1] not in R.name_chars()["not_given"] \
        and word_bucket(s[b : b + 2]) >= 3 \
        and word_bucket(s[a:b]) == 0 and load_model().score(s, a, b) >= _WORD_AFTER_FLOOR


def _plausible(s: str, span: tuple[int, int]) -> bool:
    """A three-character name with a common surname stands on its own after a title, unless its
    given part is a frequent word the model does not read as a name (县长江支流, 书记向村民, 厅长江水利:
    18 such false names in the bulk stories, no name lost), and so does a Tibetan name
    (第一书记平措卓玛当老师)."""
    a, b = span
    if b - a == 3 and s[a] in R.common_surnames():
        return word_bucket(s[a + 1 : b]) < 3 or load_model().score(s, a, b) >= load_model().threshold
    if (tibetan_name(s, a) or (0, 0.0))[0] == b:
        return True
    tl = R.translit_chars()
    if "-" in s[a:b]:  # 巴沙尔-阿萨德下台: a hyphened name ends where a word starts (not 朱马里-赛雅|颂)
        return s[b - 1] != "-" and all(c in tl or c in "·-" for c in s[a:b]) and (b == len(s) or not is_cjk(s[b])
                                                              or word_bucket(s[b : b + 2]) >= 2)
    return b - a >= 3 and all(c in tl or c == "·" for c in s[a:b])


@dataclass(slots=True)
class Parse:
    anchors: list[Anchor]
    stops: Stops  # the left-stop finder over this text, for later stages
    mentions: list[TitledMention] = field(default_factory=list)


def parse(s: str, protected_spans, evidence=None, countries=(), anchors: list[Anchor] | None = None) -> Parse:
    anchors = find_anchors(s) if anchors is None else anchors
    mask = _protect(s, protected_spans, {a.end for a in anchors})
    stops = Stops(s, mask, {a.end for a in anchors})
    seen = Recurrence(s)
    result = Parse(anchors, stops)
    appoint = parse_appointments(s, anchors, evidence)
    taken_names = {n for tm in appoint for n in tm.names}
    leaders = [tm for tm in parse_leaders(s, anchors, mask, stops, seen) if tm.names[0] not in taken_names]
    after_name = {tm.links[0].role_start for tm in leaders}
    chains = _confirmed(s, parse_chains(s, anchors, stops, evidence, after_name, countries), seen)
    # an appointment reading wins over a chain reading of the same name, unless the chain's title
    # stands right before it (全国政协主席俞正声当选…会长: both hold)
    ends = {a.end for a in anchors}
    chains = [tm for tm in chains if not any(n in taken_names and n[0] not in ends for n in tm.names)]
    known = {s[a:b] for tm in chains + appoint + leaders for a, b in tm.names if b - a >= 2}
    chains = [tm for tm in chains if not any(tm.links[0].prefix[-n:] in known for n in range(2, 5))]
    taken = bytearray(len(s))
    for tm in chains + appoint + leaders:
        for a, b in tm.names:
            taken[a:b] = b"\x01" * (b - a)
    untitled = parse_untitled(s, taken, evidence, mask) + _party_heads(s, taken) + parse_delegates(s, anchors, evidence)
    untitled += _delegation_heads(s, chains + appoint + leaders + untitled)
    result.mentions = chains + appoint + leaders + untitled
    return result


_PARTY_HEAD = re.compile(r"以([\u4e00-\u9fff]{2,3})同志为(总书记)的党中央")


def _party_heads(s: str, taken: bytearray) -> list[TitledMention]:
    """以胡锦涛同志为总书记的党中央: the party's general secretary (bulk: 307 in 250 stories)."""
    out = []
    for m in _PARTY_HEAD.finditer(s):
        a, b = m.span(1)
        if not any(taken[a:b]) and read_name(s, a, allow_role_follow=True) is not None:
            link = Link(m.start(2), m.start(2), m.end(2), "中共中央", m.group(2))
            out.append(TitledMention([link], [(a, b)], "formula"))
    return out


_DELEGATION_HEAD = re.compile(r"为(团长)的([\u4e00-\u9fff]{0,20}?代表团)")


def _delegation_heads(s: str, titled: list[TitledMention]) -> list[TitledMention]:
    """以中共中央政治局常委、全国政协主席俞正声为团长的中央代表团: the name read with its titles right
    before 为团长 heads that delegation (18 in the bulk corpus)."""
    out = []
    for m in _DELEGATION_HEAD.finditer(s):
        name = next((n for tm in titled for n in tm.names if n[1] == m.start()), None)
        if name is not None and s.rfind("以", max(0, m.start() - 60), name[0]) != -1:
            link = Link(m.start(2), m.start(1), m.end(1), m.group(2), m.group(1))
            out.append(TitledMention([link], [name], "formula"))
    return out


def _confirmed(s: str, chains: list[TitledMention], seen: Recurrence) -> list[TitledMention]:
    """A name read without a follower after it stays only if the text names it again."""
    weak = [n for tm in chains for n in tm.weak]
    seen.prepare([s[a:b] for a, b in weak] + [s[a : b - 1] for a, b in weak if b - a == 3])
    for tm in chains:
        if tm.weak:
            resolved = [_resolve_weak(s, n, seen) if n in tm.weak else n for n in tm.names]
            tm.names = [n for n in resolved if n is not None]
    return [tm for tm in chains if tm.names]
