"""Appointment and removal formulas: positions given after or around a name.

    任命X为Y / 决定任命：\\nX为Y；\\nZ为W。      status new
    选举X为Y，Z、W为V / 提名X为Y候选人          status new
    免去X的Y职务 / 决定免去：\\nX的Y职务         status removed
    X同志任Y，免去其Z职务                       new, then removed
    X任Y / X担任Y / X当选（为）Y                 current / new
    X辞去Y职务 / X不再担任Y职务 / 接受X辞去…     removed
    X，男，汉族，…，现任Y                         current
    X，男，…\n1995－1997年 Y，Z\n2017－ W        former (W current): a biography's career lines

A name list before 为/的 counts only in a context that makes it a decision: a trigger word earlier
in the sentence, or a line ending in ``：`` that holds one (the colon lists of 人事任免 notices).
"""
from __future__ import annotations

import bisect
import re

from ..model.records import Status
from .names import is_cjk, read_foreign_name_before, read_name
from .tables import translit_chars
from .types import Anchor, Link, TitledMention

_NEW_CONTEXT = re.compile(r"任命|选举|提名|推选|聘任|当选|决定|批准|同意|推荐|增补")
_REMOVE_CONTEXT = re.compile(r"免去|撤销|罢免|解聘")
_BEFORE_OK = set("，,；;：:、。！？\n 　而")
_BEFORE_WORDS = ("任命", "决定任命", "决定", "选举", "提名", "推选", "聘任", "免去", "决定免去", "接受", "批准",
                 "同意", "通过", "增补", "撤销",
                 "授权", "据悉", "其中", "由")
# 任命巴特尔（蒙古族）为…, 任命胡泽君（女）为…, 任命赵克志（兼）为… (a note after the name in the lists of a congress's
# decisions: 13 in 6 bulk stories)
_WEI = re.compile(r"(?:（(?:女|兼|[\u4e00-\u9fff]{1,4}族)(?:，[\u4e00-\u9fff]{1,4}族)?）)?(?:同志)?为")
_DE = re.compile(r"(?=[（兼担的])(?:（女）)?(?:兼任|担任)?的")  # 免去X的Y职务, 免去X兼任的Y职务, 免去X（女）的Y职务
# 苏荣利用其担任中共青海省委书记、…等职务上的便利 (a trial's charge, past offices: 5 in 5 bulk stories);
# 焦裕禄1962年任兰考县委书记, 谢高华1982年5月至1984年12月任义乌县委书记, 李光耀于1959年至1990年担任新加坡总理 (a
# career line with its years between the name and the verb: 15 in 13 bulk stories), 罗学瓒后任浙江省委书记;
# the pattern opens with a fast scan of the first characters
_SERVE = re.compile(r"(?=[同等分当出担不辞接转调升改任则也还已刚随今被兼并曾历先于自后利\d])"
                    r"(?:同志)?(?P<years>(?:于|自)?\d{4}年(?:\d{1,2}月)?(?:(?:至|到)\d{4}年(?:\d{1,2}月)?)?起?)?"
                    r"(?:等[\d一二三四五六七八九十]+名同志)?(?:分别)?(?:同时|还|并)?(?P<past>曾经?|历|先后|后|利用其?(?=担任))?"
                    r"(?P<trig>当选为|当选|出任|担任|兼任|不再担任|不再兼任|(?:提出|请求)?辞去|(?<![直间])接任|转任|调任|升任|改任|任(?![命务期职何意性免])"
                    r"|(?:则|也|还|已|刚|随后|随即|当天|今天)?(?:分别)?被(?:任命|选举|推选|提名|委任)为)")
_QI = re.compile(r"免去其")
_BIO = re.compile(r"现任")


_TAKES_OVER = ("接任", "转任", "调任", "升任", "改任")
_ADDRESS = ("先生", "女士", "阁下", "夫人")  # 总统先生曾担任…: a form of address, nobody's name
_REGION_END = re.compile(r"职务|资格|候选人|人选|[，。；：\n]")
# 撤销王滨、韩沂第十三届全国政协委员资格, 免去郑跃文第十三届全国政协常委职务: the names right after the verb,
# the office right after them (撤销…资格 16 in the bulk corpus)
_REVOKE = re.compile(r"撤销|免去")


class _Anchors:
    """The role anchors of the text (sorted, not overlapping), looked up by bisect."""

    def __init__(self, anchors: list[Anchor]):
        self.anchors = anchors
        self.starts = [x.start for x in anchors]
        self.ends = frozenset(x.end for x in anchors)

    def within(self, a: int, b: int) -> list[Anchor]:
        """The anchors inside ``[a, b)``, in order."""
        lo = bisect.bisect_left(self.starts, a)
        hi = bisect.bisect_left(self.starts, b)
        return [x for x in self.anchors[lo:hi] if x.end <= b]


def _region(s: str, a: int, anchors: _Anchors) -> list[Link] | None:
    m = _REGION_END.search(s, a)
    return _links(s, a, m.start() if m else len(s), anchors)


def _links(s: str, a: int, b: int, anchors: _Anchors) -> list[Link] | None:
    """The role links of ``s[a:b]``, which must end with its last role apart from a few words."""
    k = s.rfind("的", a, b)
    if k != -1:
        a = k + 1  # 担任第一轮巡视的省委各巡视组组长 → 省委各巡视组组长
    inside = anchors.within(a, b)
    if not inside:
        return None
    # the region must end with its last role (任命X为浙江省副省长。) apart from a few words
    if b - inside[-1].end > 2:
        return None
    links = []
    cur = a
    for i, x in enumerate(inside):
        if i + 1 < len(inside) and (inside[i + 1].start == x.end or s.startswith("委员会", x.end)):
            continue  # 总统顾问, 中央顾问委员会常务委员: a role right before another or a 委员会 is its organisation's
        links.append(Link(cur, x.start, x.end, s[cur : x.start], x.role))
        cur = x.end + 1 if x.end < len(s) and s[x.end] in "、兼和及" else x.end
    return links


def _names_before(s: str, q: int, evidence, anchor_ends: frozenset[int] = frozenset(),
                  join_and: bool = False) -> list[tuple[int, int]]:
    """NAME(、NAME)* ending exactly at ``q`` (read backwards), after a boundary or a title
    (全国政协主席俞正声当选…); a transliterated name too (拉马福萨当选…); ``join_and``: names
    joined by 和 as well (坦塔维和阿南被任命为…)."""
    names: list[tuple[int, int]] = []
    end = q
    while True:
        found = _name_ending_at(s, end, evidence, anchor_ends, join_and)
        if found is None:
            break
        names.insert(0, (found, end))
        if found > 0 and (s[found - 1] == "、" or (join_and and s[found - 1] == "和")):
            end = found - 1
            continue
        break
    return names


def _name_ending_at(s: str, end: int, evidence, anchor_ends: frozenset[int], join_and: bool = False) -> int | None:
    """Start of the name (Chinese, else transliterated) that ends at ``end`` after a boundary."""
    def edge(p: int) -> bool:
        return (p == 0 or s[p - 1] in _BEFORE_OK or s[max(0, p - 4) : p].endswith(_BEFORE_WORDS) or p in anchor_ends
                or (join_and and s[p - 1] == "和"))

    for ln in (3, 2, 4):
        p = end - ln
        if p < 0:
            continue
        r = read_name(s, p, evidence=evidence, allow_role_follow=True)
        if r and r[0] == end and edge(p) and not s.startswith(_ADDRESS, p):
            return p
    dot = s.rfind("·", max(0, end - 12), end)
    if dot != -1:  # 马哈茂德·马基: the longest dotted name that ends here
        for p in range(max(0, dot - 8), dot):
            r = read_name(s, p)
            if r and r[0] == end and edge(p) and not any(e in anchor_ends for e in range(p + 1, end)):
                return p  # 参议员马克斯·鲍卡斯: no title inside the name
    p0 = read_foreign_name_before(s, end)
    if p0 is not None and end - p0 >= 2 and edge(p0):
        return p0
    return None


class _Bounds:
    """Sentence starts and line starts of the text, for look-ups by bisect (no scans)."""

    def __init__(self, s: str):
        self.s = s
        self.sent = [0] + [m.end() for m in re.finditer(r"。|\n\n", s)]
        self.lines = [-1] + [m.start() for m in re.finditer(r"\n", s)]

    def sentence_start(self, p: int) -> int:
        return self.sent[bisect.bisect_right(self.sent, p) - 1] if p >= 0 else 0

    def context(self, p: int, pattern: re.Pattern) -> bool:
        """A trigger in this sentence before ``p``, or on the nearest line before it ending in ：."""
        s = self.s
        if pattern.search(s, self.sentence_start(p), p):
            return True
        k = bisect.bisect_left(self.lines, p) - 1  # index of the newline before p
        for _ in range(40):  # climb up a colon list
            if k <= 0:
                return False
            line = s[self.lines[k - 1] + 1 : self.lines[k]].strip()
            if line.endswith(("：", ":")):
                return pattern.search(line) is not None
            if not line or len(line) > 80:
                return False
            k -= 1
        return False


def _transliterated(s: str, a: int, b: int) -> bool:
    """The name at ``[a, b)`` reads as a transliteration, not a Chinese name (冈萨雷斯, 马哈茂德·马基)."""
    r = read_name(s, a)
    return "·" in s[a:b] or not r or r[0] != b


class _Found:
    """The formulas read so far, with their names' offsets sorted for look-ups by bisect."""

    def __init__(self, bounds: _Bounds):
        self.out: list[TitledMention] = []
        self.bounds = bounds
        self._seen: set[tuple[int, int]] = set()
        self._firsts: list[int] = []                  # names[0][0] of each, sorted
        self._lasts: list[tuple[int, int]] = []       # (names[-1][0], order found), sorted

    def add(self, links: list[Link], names: list[tuple[int, int]], rule: str, status: Status) -> None:
        key = (names[0][0], links[0].role_start)
        if key in self._seen:
            return
        self._seen.add(key)
        tm = TitledMention(links, names, rule, status)
        tm.foreign = {(a, b) for a, b in names if _transliterated(self.bounds.s, a, b)}
        # …组长，韩若冰等10名同志分别担任副组长: a bare office carries the organisation just given
        start = self.bounds.sentence_start(names[0][0])
        k = bisect.bisect_left(self._firsts, start)
        tm.continues = not links[0].prefix and k < len(self._firsts) and self._firsts[k] < names[0][0]
        bisect.insort(self._firsts, names[0][0])
        bisect.insort(self._lasts, (names[-1][0], len(self.out)))
        self.out.append(tm)

    def last_named(self, start: int, end: int) -> TitledMention | None:
        """Of the formulas whose last name starts in ``[start, end)``, the one whose last name is
        latest (the first found among equals)."""
        k = bisect.bisect_left(self._lasts, (end,)) - 1
        if k < 0 or self._lasts[k][0] < start:
            return None
        first = bisect.bisect_left(self._lasts, (self._lasts[k][0],))
        return self.out[self._lasts[first][1]]


_NUM = "[一二三四五六七八九十]+"
_DELEGATES = re.compile(r"等(?:[\d一二三四五六七八九十]+位)?(代表|委员)"
                        r"(?=先后|分别|踊跃|纷纷|就|围绕|结合|发言|表示|积极|，)")
_CONGRESS = re.compile(rf"(?:第?({_NUM})届)?全国(人大|人民代表大会|政协)(?:第?({_NUM})届)?")


def parse_delegates(s: str, anchors: list[Anchor], evidence: dict[str, int] | None = None) -> list[TitledMention]:
    """X、Y、Z等N位代表先后发言: deputies of the congress (or members of the CPPCC) the report
    names, with its term when written before (十四届全国人大代表); none when the report names
    no national congress (bulk: 25 stories, 5-9 names each)."""
    out = []
    ends = frozenset(a.end for a in anchors)
    for m in _DELEGATES.finditer(s):
        names = _names_before(s, m.start(), evidence, ends)
        if len(names) < 2:
            continue
        body = "人大" if m.group(1) == "代表" else "政协"
        term = None
        for c in _CONGRESS.finditer(s, 0, m.start()):
            if ("人大" if c.group(2) != "政协" else "政协") == body:
                term = c.group(1) or c.group(3) or term or ""
        if term is None:
            continue
        prefix = (f"{term}届" if term else "") + "全国" + (body if body == "政协" else "")
        role = "人大代表" if body == "人大" else "委员"
        a, b = m.span(1)
        link = Link(a, a, b, prefix, role)
        out.append(TitledMention([link], names, "delegates"))
    return out


def parse_appointments(s: str, anchors: list[Anchor], evidence: dict[str, int] | None = None) -> list[TitledMention]:
    """Every appointment, removal and service formula of the text (see the module doc)."""
    found = _Found(_Bounds(s))
    index = _Anchors(anchors)
    _decisions(s, index, evidence, found)
    _serving(s, index, evidence, found)
    _removed_with_qi(s, index, found)
    _revoked(s, index, evidence, found)
    _delegate_ended(s, found, evidence)
    _bios(s, index, evidence, found)
    _cv_lines(s, index, evidence, found)
    return found.out


def _decisions(s: str, anchors: _Anchors, evidence: dict[str, int] | None, found: _Found) -> None:
    """任命X为Y (new) and 免去X的Y职务 (removed), in a context that makes them a decision."""
    bounds = found.bounds
    formulas: tuple[tuple[re.Pattern[str], re.Pattern[str], str, Status], ...] = (
        (_WEI, _NEW_CONTEXT, "appoint", "new"), (_DE, _REMOVE_CONTEXT, "remove", "removed"))
    for pattern, context, rule, status in formulas:
        for m in pattern.finditer(s):
            if not bounds.context(m.start(), context):  # cheap test first: 为 and 的 are common characters
                continue
            names = _names_before(s, m.start(), evidence, anchors.ends)
            if not names or not bounds.context(names[0][0], context):
                continue
            links = _region(s, m.end(), anchors)
            if links:
                found.add(links, names, rule, status)


# the subject of a past career told after a comma: 佩雷斯生于1923年8月，曾担任…, 刘复之同志是…领导人，曾任…
# (19 obituaries and profiles in bulk write 曾任/曾担任 after a comma so)
_CAREER_SUBJECT_AFTER = re.compile(r"(?:同志)?(?:生前)?(?:是|系|生于|出生于?|现年)")
# a later part of a career line that is no office: a date, an award, a verb (…县委书记，2015年6月被…授予…)
_NOT_CAREER = re.compile(r"被|授予|[年月日是为在于将把对向从]|现任|后来|随后")


def _career_subject(s: str, at: int, evidence: dict[str, int] | None, found: _Found,
                    dated: bool = False) -> list[tuple[int, int]]:
    """The name that opens the sentence or line of a past career after a comma (``at``: the comma); a career
    step with its year (罗学瓒回到长沙，1923年任…: 9 in 6 bulk stories) takes any Chinese name opening it."""
    if at <= 0 or s[at - 1] not in "，,；":
        return []
    start = max(found.bounds.sentence_start(at), s.rfind("\n", 0, at) + 1)
    if dated:  # the last clause of the sentence that opens with a name (1922年秋，罗学瓒回到长沙，1923年任…)
        for p in [*sorted((k + 1 for k in range(start, at - 1) if s[k] == "，"), reverse=True), start]:
            named = _clause_subject(s, p, at, evidence)
            if named:
                return named
    m = _CAREER_SUBJECT_AFTER.search(s, start + 2, min(at, start + 16))
    if m is None or _name_ending_at(s, m.start(), evidence, frozenset()) != start:
        return []
    return [(start, m.start())]


_CLAUSE_DATE = re.compile(r"\d{4}年(?:\d{1,2}月)?(?:底|初|秋|春|夏|冬)?，?")


def _clause_subject(s: str, p: int, at: int, evidence: dict[str, int] | None) -> list[tuple[int, int]]:
    """The Chinese name that opens the clause at ``p``, after its year if it has one (1927年张太雷被派往广东工作，…),
    never a transliterated name read short (武切维 + 奇) nor one running into a numeral (王德 + 三)."""
    d = _CLAUSE_DATE.match(s, p)
    if d is not None:
        p = d.end()
    r = read_name(s, p, evidence=evidence)
    if r is None or r[0] >= at or _SERVE.match(s, r[0]) or s[r[0]] in translit_chars() \
            or s[r[0]] in "一二三四五六七八九十":
        return []
    return [(p, r[0])]


def _career_goes_on(s: str, links: list[Link], anchors: _Anchors) -> list[Link]:
    """A past career line goes on over commas with parts that are offices only (曾任中央军委委员、副秘书长，
    解放军总后勤部部长兼政委，第七届、八届全国政协副主席)."""
    end = _REGION_END.search(s, links[-1].end)
    while end is not None and s[end.start()] == "，":
        more = _region(s, end.end(), anchors)
        if not more or _NOT_CAREER.search(s, end.end(), more[0].role_start):
            break
        links = links + more
        end = _REGION_END.search(s, more[-1].end)
    return links


def _serving(s: str, anchors: _Anchors, evidence: dict[str, int] | None, found: _Found) -> None:
    """X任Y / X担任Y / X当选Y / X辞去Y职务 / X不再担任Y."""
    for m in _SERVE.finditer(s):
        trig = m.group("trig")
        passive = "被" in trig
        names = _names_before(s, m.start(), evidence, anchors.ends, join_and=passive)
        if not names and (m.group("past") or m.group("years")):
            names = _career_subject(s, m.start(), evidence, found,
                                    dated=bool(m.group("years")) or _CLAUSE_DATE.match(s, found.bounds.sentence_start(
                                        m.start())) is not None)
        if not names:
            continue
        links = _region(s, m.end() + (1 if s.startswith("过", m.end()) else 0), anchors)  # 还担任过…所长
        if not links or links[0].role_start - m.end() > 40:
            continue
        if m.group("past"):
            links = _career_goes_on(s, links, anchors)
        if trig.endswith("辞去") or trig.startswith("不再"):
            found.add(links, names, "remove", "removed")
        elif passive and "分别" in m.group() and len(names) == len(links) > 1:
            for name, link in zip(names, links, strict=True):  # X和Y分别被任命为A和B
                found.add([link], [name], "appoint", "new")
        elif m.group("past") or s.startswith("过", m.end()):
            found.add(links, names, "serve", "former")  # 王恩茂曾任…全国政协副主席 (33 曾任 in bulk)
        elif trig.startswith("当选") or trig in _TAKES_OVER or passive or s[m.start() : m.start() + 2] == "同志":
            found.add(links, names, "appoint", "new")
        else:
            found.add(links, names, "serve", "current")


def _removed_with_qi(s: str, anchors: _Anchors, found: _Found) -> None:
    """陈新同志任湖北省委书记，免去其河南省委副书记职务: 其 is the last person named before."""
    for m in _QI.finditer(s):
        start = found.bounds.sentence_start(m.start())
        last = found.last_named(start, m.start())
        links = _region(s, m.end(), anchors)
        if last is not None and links:
            found.add(links, [last.names[-1]], "remove", "removed")


_DELEGATE_ENDED = re.compile(r"(?:终止|取消)其((?:党的)?[\u4e00-\u9fff]{2,16}?)代表资格")
_PUNISHED = re.compile(r"给予")


def _revoked(s: str, anchors: _Anchors, evidence: dict[str, int] | None, found: _Found) -> None:
    """撤销X、Y第十三届全国政协委员资格 / 免去X第…常委职务: the office written right after the names."""
    for m in _REVOKE.finditer(s):
        if s.startswith("被", m.start() - 1):
            continue  # 被免去党支部书记职务: the person is named before
        names: list[tuple[int, int]] = []
        p = m.end()
        while (r := read_name(s, p, evidence=evidence, allow_role_follow=True)) is not None:
            names.append((p, r[0]))
            p = r[0]
            if not s.startswith("、", p):
                break
            p += 1
        if not names or p != names[-1][1] or s.startswith(("的", "兼", "（", "同志"), p):
            continue  # 免去X的Y职务: the formula with 的
        end = _REGION_END.search(s, p)
        if end is None or s[end.start() : end.end()] not in ("职务", "资格") or "·" in s[p : end.start()]:
            continue
        links = _links(s, p, end.start(), anchors)
        if links:
            found.add(links, names, "remove", "removed")


def _delegate_ended(s: str, found: _Found, evidence: dict[str, int] | None) -> None:
    """…决定给予李云峰开除党籍处分…终止其党的十八大代表资格: 其 is the person punished in that
    sentence, and the delegate status is a position removed (bulk: 9 in 8 stories)."""
    for m in _DELEGATE_ENDED.finditer(s):
        start = found.bounds.sentence_start(m.start())
        person = None
        for g in _PUNISHED.finditer(s, start, m.start()):
            r = read_name(s, g.end(), evidence=evidence)
            if r and (r[1] >= 1.0 or s[r[0] : r[0] + 2] in ("开除", "党内", "撤销", "留党")):
                person = (g.end(), r[0])
        if person is not None:
            a, b = m.span(1)
            found.add([Link(a, b, b + 2, m.group(1), "代表")], [person], "remove", "removed")


def _bios(s: str, anchors: _Anchors, evidence: dict[str, int] | None, found: _Found) -> None:
    """王丽，女，汉族，1965年生，现任云南省副省长."""
    for m in _BIO.finditer(s):
        start = found.bounds.sentence_start(m.start())
        while start < m.start() and not is_cjk(s[start]):
            start += 1
        r = read_name(s, start, evidence=evidence)
        name: tuple[int, int] | None = None
        if r and s[r[0] : r[0] + 1] in "，,（(":
            name = (start, r[0])
        elif start == m.start():
            name = _cv_subject(s, start, evidence)  # 韩正，男，汉族，…。\n现任中央政治局常委，上海市委书记。
        links = _region(s, m.end(), anchors) if name else None
        if name and links:
            found.add(links, [name], "bio", "current")


# 韩正，男，汉族，1954年4月生: the head of a biography (bulk: 20 in 17 stories); the person its
# career lines (1975－1980年 上海徐汇起重安装队仓库管理员、…: 321 lines in the 14 stories with three or
# more) and its 现任 sentence are about
_BIO_HEAD = re.compile(r"^[\u4e00-\u9fff·]{2,12}(?=，[男女]，)", re.M)
_CV_LINE = re.compile(r"^\d{4}(?:\.\d{1,2})?\s?[－—–-]{1,2}\s?(?P<end>\d{4}(?:\.\d{1,2})?)?年?(?:起|至今)?[ 　\t]+",
                      re.M)
# the offices of a line, one by one (仓库管理员、供销股办事员、团总支副书记: an office the roles do not
# know gives nothing, and does not become part of the next one's organisation), parentheses apart
_CV_PARTS = re.compile(r"[^，；。、（）()]+|[（(][^）)]*[）)]?")
_CV_HEAD_REACH = 4000  # characters from a biography's head to its last career line


def _cv_subject(s: str, p: int, evidence: dict[str, int] | None,
                heads: list[tuple[int, int]] | None = None) -> tuple[int, int] | None:
    """The person of the last biography head before ``p`` (within reach), if one is written;
    ``heads``: the text's heads, found once (else looked for before ``p``)."""
    if heads is None:
        heads = [m.span() for m in _BIO_HEAD.finditer(s, max(0, p - _CV_HEAD_REACH), p)]
    k = bisect.bisect_left(heads, (p,)) - 1
    if k < 0 or p - heads[k][0] > _CV_HEAD_REACH:
        return None
    a, b = heads[k]
    r = read_name(s, a, evidence=evidence)
    return (a, b) if r and r[0] == b else None


def _cv_lines(s: str, anchors: _Anchors, evidence: dict[str, int] | None, found: _Found) -> None:
    """1995－1997年 上海市政府副秘书长，市综合经济工作党委副书记，市计委主任、党组书记: a career line of
    the biography above it; its offices are former, an open line's (2017－ …) current. A
    parenthesis (（其间：…学习）, （主持工作）) is left out."""
    heads: list[tuple[int, int]] | None = None
    for m in _CV_LINE.finditer(s):
        if heads is None:
            heads = [h.span() for h in _BIO_HEAD.finditer(s)]  # once per text, when it has a career line
        name = _cv_subject(s, m.start(), evidence, heads)
        if name is None:
            continue
        end = s.find("\n", m.end())
        end = len(s) if end == -1 else end
        links: list[Link] = []
        read = True
        for seg in _CV_PARTS.finditer(s, m.end(), end):
            a, b = seg.span()
            if s[a] in "（(":
                continue
            got = _links(s, a, b, anchors) or []
            if got and not read and s[a - 1] == "、" and not got[0].prefix:
                got = got[1:]  # 商业局办公室干事、副主任: whose 副主任 the line does not say
            links += got
            read = bool(got)
        if links:
            found.add(links, [name], "cv", "former" if m.group("end") else "current")
