"""Who takes part, and how: people by offset, reporters (not at the event), chairs and
speakers (``张德江委员长主持会议``), hosts (a person whose office belongs to the body visited),
and the subjects of appointment formulas."""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from ..model import Person
from ..model.records import ParticipantRole
from ..people.names import role_at
from ..people.types import TitledMention
from .types import Event

Mention = tuple[int, int]
_REPORTER = ("记者", "通讯员")
_BREAK = re.compile(r"[，,。；;！？\n：:]")
_TITLE_MAX = 14  # a title between the names of a list (、外交部长王毅)
# after a name: more names, 等, 同志, an adverb of the way they take part
# 骆惠宁、郝鹏等8位代表先后…发言 (等 + a number of 位/名 + who they are: 31 before 先后/分别/发言/围绕/就 in bulk)
_LIST_GLUE = re.compile(r"(?:等[\d一二三四五六七八九十]+[位名][\u4e00-\u9fff]{0,4}?(?:代表|委员|常委|负责人|同志)"
                        r"|等代表|等|同志|也|还|一同|一起|分别|先后|相继|共同|均|都|则|亦"
                        # 朱维群、赵雨森等以及专家学者在座谈会上发言 (3 in 3 bulk stories)
                        r"|以及[\u4e00-\u9fff]{0,4}?(?:专家学者|代表))*")
_TAKING_PART_AFTER = re.compile(
    # X应邀作报告, X围绕…作发言, X就…作说明 (应邀作|围绕…作|就…作 + 报告/发言/说明: 2,003 in bulk)
    # X、Y先后围绕…发言 (围绕/就 … 发言 with no 作: 57 in bulk)
    r"(?:应邀|(?:分别|先后)?(?:围绕|就)[^，,。；;！？\n]{1,60}?(?=作|发言|发了言)|分别|先后)?"
    # (X、Y发了言: 38 in bulk)
    r"(?:参加|出席|陪同|列席|在座|参观|参与|主持|介绍|汇报|发言|发了言|讲话|致辞|到会|作了?[^，,。；;！？\n]{0,40}?(?:报告|说明|发言|讲话|介绍|讲座)|"
    # X向总书记汇报 (向 + a leader + 汇报/介绍/讲述/报告/提问: 73 in bulk)
    r"向(?!记者|媒体|外界|大家)[^，,。；;！？\n]{1,8}?(?:汇报|介绍|讲述|报告|提问)|"
    r"会见|会谈|座谈|考察|调研|看望|慰问|走访|随同|举行(?:会谈|会见|会晤|座谈)|见证|代表双方|签署|签约"
    # a list that goes on with bodies or unnamed people up to 等: 议长X、全体政府部长、…等出席
    r"|[、和及][^，,。；;！？\n]{0,60}?等(?:参加|出席|陪同|列席)"
    # … up to a group with no 等: X、Y、领导小组成员和中央有关部门负责同志参加会议 (178 in bulk)
    r"|[、和及][^，,。；;！？\n]{0,60}?(?:负责同志|负责人|成员|代表|委员)(?:参加|出席|列席)"
    # X、Y等到机场迎接 / 在机场送行 (到机场迎接 77, 到机场送行 48, 在机场迎接 3 in bulk), X在舷梯旁迎接 (8),
    # X和夫人Y步出机舱 (步出机舱|舱门 10)
    r"|(?:[、和及][^，,。；;！？\n]{0,60}?)?等?(?:[到在]机场|在舷梯旁)(?:热情)?(?:迎接|送行)"
    r"|(?:[和及][^，,。；;！？\n]{0,12}?)?步出(?:机舱|舱门)"
    # 习近平、吴邦国、李克强…步入会场 (步入会场, 走上主席台, 来到会场: 36 in 32 bulk stories, 2026-12-05)
    r"|(?:[、和及][^，,。；;！？\n]{0,60}?)?等?(?:步入会场|走上主席台|来到会场)"
    # 等美方官员参加了会见: the list's people named as a group before what they join
    r"|[^，,。；;！？\n]{1,10}?(?:参加|出席|陪同|列席)了?(?:会见|会谈|会晤|会议|座谈|活动)"
    # X在会上宣读…并讲话: at the meeting (X在…会上/会议上/开幕式上: 1,241 in bulk)
    r"|在(?:大会|会议|会|开幕式|闭幕式|座谈会|仪式)上"
    # X、Y等在主席台就座 (38 in bulk)
    r"|[^，,。；;！？\n]{0,6}?在主席台[^，,。；;！？\n]{0,3}就座)")
# 会上，X指出… / 会谈中，X表示…: a sentence set at the event, its speakers are there
_AT_EVENT = re.compile(r"(?:会上|会议上|座谈会上|座谈中|会谈中|会谈时|会见中|会见时|会晤中|仪式上|开幕式上|活动中"
                       r"|调研中|考察中)[，,]")
_SPEAKING = re.compile(r"(?:表示|指出|强调|说|认为|提出|希望|感谢)")
_MEMBER_SPEAKING = re.compile(r"(?:表示|指出|强调|说|认为|提出|希望|建议|代表|就|在[^，。]{0,8}发言)")
_WITH = ("与", "同", "和")
_CLAUSE_BREAK = "，,。；;！？\n：:"
_TALK_AFTER = re.compile(r"[^，,。；;！？\n]{0,30}?(?:交换意见|座谈|会谈|交流|磋商|洽谈|会面|见面)")
_TAKING_PART_BEFORE = re.compile(r"(?:陪同|随同)[^，,。；;！？\n]{0,20}$")
# a name written as the owner of a message, an instruction or an envoy, not as one who is there:
# 宣读了习近平的贺信 (宣读/转达/传达 + …的贺信/贺电/批示/问候: 510 in 349 bulk stories), 主席特使X (34)
_ONLY_OWNER = re.compile(r"(?:总书记|主席|总理|总统|首相|委员长)?"
                         r"(?:的(?:贺信|贺电|重要指示|批示|亲切问候|诚挚问候)|特使)")


def only_named_as_owner(s: str, mentions: Iterable[Mention]) -> bool:
    """Every one of ``mentions`` names the owner of a message or an envoy (习近平的贺信,
    习近平主席特使): the person is not at the event told."""
    ms = list(mentions)
    return bool(ms) and all(_ONLY_OWNER.match(s, y) for _, y in ms)


def _reporter(s: str, person: Person) -> bool:
    """A byline author, or a person only ever named as 记者/通讯员."""
    if person.positions:
        return False
    if "byline" in person.rules:
        return True
    return all(s[max(0, a - 3) : a].endswith(_REPORTER) or s[max(0, a - 4) : a].rstrip().endswith(_REPORTER)
               for a, _ in person.mentions)


class PeopleIndex:
    """The people of the text indexed once by the offsets of their mentions.

    ``at``: every mention ``(start, end, person)`` sorted by offset. Each person's own mentions
    are kept sorted too, with their order in ``person.mentions`` (the order a role is looked
    for in), so that nothing walks every mention of a person for each sentence.
    """

    def __init__(self, s: str, people: Iterable[Person]):
        self.s = s
        self.at: list[tuple[int, int, Person]] = sorted(((a, b, p) for p in people for a, b in p.mentions),
                                                        key=lambda t: (t[0], t[1]))
        self.starts = [t[0] for t in self.at]
        self._reporter: dict[str, bool] = {}
        self._ends: MentionEnds | None = None
        self._own: dict[str, tuple[Person, list[int], list[int]]] = {}  # id → person, starts, order
        for p in people:
            self._reporter[p.id] = _reporter(s, p)
            order = sorted(range(len(p.mentions)), key=p.mentions.__getitem__)
            self._own[p.id] = (p, [p.mentions[i][0] for i in order], order)
        # the last person named (not a reporter) before each mention: 他/她 in statements
        self._last_named: list[Person | None] = [None]
        for _, _, p in self.at:
            self._last_named.append(self._last_named[-1] if self._reporter[p.id] else p)

    def mention_ends(self) -> MentionEnds:
        """The mentions by where they end (built once, on first use)."""
        if self._ends is None:
            self._ends = MentionEnds(self)
        return self._ends

    def is_reporter(self, person: Person) -> bool:
        return self._reporter[person.id]

    def in_range(self, a: int, b: int) -> list[Person]:
        """The people with a mention inside ``[a, b)``, in the order of their first one there."""
        seen: list[Person] = []
        ids: set[str] = set()
        for _, y, p in self.at[bisect.bisect_left(self.starts, a) : bisect.bisect_left(self.starts, b)]:
            if y <= b and p.id not in ids:
                ids.add(p.id)
                seen.append(p)
        return seen

    def mentions_in(self, person: Person, a: int, b: int) -> list[Mention]:
        """The person's mentions that start in ``[a, b)``, in the order of ``person.mentions``."""
        p, starts, order = self._own[person.id]
        hits = order[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)]
        if len(hits) > 1:
            hits.sort()
        return [p.mentions[i] for i in hits]

    def last_named_before(self, p: int) -> Person | None:
        """The last person, not a reporter, with a mention that starts before ``p``."""
        return self._last_named[bisect.bisect_left(self.starts, p)]


class MentionEnds:
    """The people's mentions looked up by where they end."""

    def __init__(self, people: PeopleIndex):
        self.people = people
        self.by_end: dict[int, tuple[int, Person]] = {}
        for x, y, p in people.at:
            if not people.is_reporter(p):
                self.by_end.setdefault(y, (x, p))
        self.ends = sorted(self.by_end)

    def last_ending_in(self, a: int, b: int) -> int | None:
        """The latest end of a mention in ``[a, b]``."""
        k = bisect.bisect_right(self.ends, b) - 1
        return self.ends[k] if k >= 0 and self.ends[k] >= a else None


class Ties:
    """Whether a person named in a later sentence of a passage takes part in its events: the
    person (or the list the person is in: ``王沪宁、栗战书、杨洁篪等参加会见``, ``国务委员杨洁篪、
    外交部长王毅陪同``, ``省委常委、秘书长X，副省长Y一同参加``) is followed by a way of taking part,
    or comes after ``陪同…的``. A person only mentioned (``免去内务部长X的职务``, ``俄罗斯财政部长X
    宣布…``) is not there."""

    def __init__(self, s: str, people: PeopleIndex, persons: Iterable[Person]):
        self.s = s
        self.people = people
        self.by_start: dict[int, int] = {}
        self.by_end: dict[int, int] = {}
        for x, y, _ in people.at:
            self.by_start.setdefault(x, y)
            self.by_end.setdefault(y, x)
        self.ends = sorted(self.by_end)
        # the titles read with the names (省委常委、秘书长), by start and by end
        self.title_end: dict[int, int] = {}
        self.title_start: dict[int, int] = {}
        for p in persons:
            for pos in p.positions:
                x, y = pos.span
                self.title_end[x] = max(y, self.title_end.get(x, y))
                self.title_start[y] = min(x, self.title_start.get(y, x))

    def _titles_forward(self, p: int) -> int:
        """The end of the titles (joined by 、/兼) that start at ``p`` (``p`` when none)."""
        while p in self.title_end:
            p = self.title_end[p]
            if self.s[p : p + 1] in ("、", "兼") and p + 1 in self.title_end:
                p += 1
        return p

    def _titles_back(self, p: int) -> int:
        """The start of the titles (joined by 、/兼) that end at ``p`` (``p`` when none)."""
        while p in self.title_start:
            p = self.title_start[p]
            if self.s[p - 1 : p] in ("、", "兼") and p - 1 in self.title_start:
                p -= 1
        return p

    def _next_name(self, p: int, b: int, comma: bool) -> int | None:
        """The start of the next name of a list after a joiner ending at ``p``: across titles read
        with the names, else at most a title's length away (after ，only what ends in a role word:
        ，常务副省长X)."""
        x = self._titles_forward(p)
        if x < b and x in self.by_start:
            return x
        k = bisect.bisect_left(self.people.starts, p)
        if k < len(self.people.starts):
            x = self.people.starts[k]
            if (x < b and x - p <= _TITLE_MAX and not _BREAK.search(self.s, p, x)
                    and (not comma or (x > p and _ends_with_role(self.s, p, x)))):
                return x
        return None

    def list_end(self, y: int, b: int) -> int:
        """Where the list of names that goes on after a name ending at ``y`` ends (before ``b``):
        after the glue words (等, 同志, 一同 …) that follow its last name."""
        s = self.s
        while True:
            if s[y : y + 1] in ("、", "和", "及", "与", "，", ","):
                x = self._next_name(y + 1, b, s[y] in "，,")
                if x is not None:
                    y = self.by_start[x]
                    continue
            m = _LIST_GLUE.match(s, y, b)
            return m.end() if m else y

    def _list_start(self, x: int, a: int) -> int:
        """Where the list of names whose name starts at ``x`` starts (at or after ``a``)."""
        s = self.s
        while x > a:
            t = self._titles_back(x)
            if s[t - 1 : t] in ("，", ",", "、") and t - 1 in self.by_end and t - 1 > a:
                x = self.by_end[t - 1]
                continue
            k = bisect.bisect_right(self.ends, x) - 1
            if k < 0:
                break
            y = self.ends[k]
            if y < a or x - y > _TITLE_MAX + 1 or s[y] not in "、和及与" or _BREAK.search(s, y, x):
                break
            x = self.by_end[y]
        return x

    def last_name_end(self, a: int, b: int) -> int | None:
        """The end of the last name that ends in ``[a, b]``."""
        k = bisect.bisect_right(self.ends, b) - 1
        return self.ends[k] if k >= 0 and self.ends[k] >= a else None

    def opens_clause(self, x: int, c: int) -> bool:
        """The name at ``x`` is in the list (with its titles) that opens the clause starting at ``c``."""
        return c >= 0 and x >= c and self._titles_back(self._list_start(x, c)) <= c + 1

    def takes_part(self, person: Person, a: int, b: int, speakers: bool = False, members: bool = False) -> bool:
        """The person is tied to the events in the sentence ``[a, b)`` (``speakers``: one who
        speaks there is at the event: 会议召开。市委书记X强调…; ``members``: the events are a meeting or a
        conference, where a member addressed by name who speaks is: 朱之鑫常委建议)."""
        s = self.s
        at_event = speakers or _AT_EVENT.match(s, a) is not None
        for x, y in self.people.mentions_in(person, a, b):
            end = self.list_end(y, b)
            start = self._titles_back(self._list_start(x, a))
            if _TAKING_PART_AFTER.match(s, end, b) or (at_event and _SPEAKING.match(s, end, b)):
                return True
            # 朱之鑫常委建议，… at a session of the CPPCC's Standing Committee (members addressed by name at
            # their body's meeting: 182 in 22 bulk stories): the member speaks there
            member = role_at(s, end) if members else None
            if member in ("常委", "委员") and _MEMBER_SPEAKING.match(s, end + 2, b):
                return True
            # 张德江委员长主持会议: the clause's subject, a title written after the name
            role = role_at(s, end) if start == a or s[start - 1] in _CLAUSE_BREAK else None
            if role and _TAKING_PART_AFTER.match(s, end + len(role), b):
                return True
            if _TAKING_PART_BEFORE.search(s, max(a, start - 24), start):
                return True
            # ，与中智集团董事长X就…交换意见 / 与X座谈: the counterpart of the talk
            if s.endswith(_WITH, max(a, start - 1), start) and _TALK_AFTER.match(s, end, b):
                return True
        return False


def _ends_with_role(s: str, a: int, b: int) -> bool:
    """``s[a:b]`` ends with a role word (常务副省长)."""
    return any(role_at(s, b - n) == s[b - n : b] for n in range(min(6, b - a), 1, -1))


def role_in(s: str, people: PeopleIndex, person: Person, a: int, b: int) -> ParticipantRole:
    """The person's role in the sentence ``[a, b)``: chair (主持), speaker (讲话, 致辞, 指出 …) or
    attendee."""
    for _, y in people.mentions_in(person, a, b):
        after = s[y : y + 8]
        w = role_at(after, 0)
        if w:
            after = after[len(w) :]  # 张德江委员长主持会议
        if after.startswith("主持"):
            return "chair"
        if after.startswith(("讲话", "致辞", "作", "介绍", "指出", "表示", "强调")):
            return "speaker"
    return "attendee"


def host_event(person: Person, evs: Iterable[Event]) -> Event | None:
    """The event whose visited body the person's office belongs to (王文涛 商务部部长 → 商务部)."""
    orgs = {pos.organization for pos in person.positions if pos.organization}
    texts = [pos.text for pos in person.positions]
    for ev in evs:
        for o in ev.targets:
            canon = o.org.canonical
            if canon in orgs or any(t.startswith(o.surface) for t in texts):
                return ev
    return None


class Subjects:
    """Where each person is the subject of an appointment formula (任命X为…, 免去X的…)."""

    def __init__(self, s: str, titled: Iterable[TitledMention], pid_of: dict[str, str]):
        at: dict[str, list[int]] = {}
        for tm in titled:
            if tm.rule in ("appoint", "remove", "serve", "cv"):
                for x, y in tm.names:
                    if s[x:y] in pid_of:
                        at.setdefault(pid_of[s[x:y]], []).append(x)
        self._at = {pid: sorted(xs) for pid, xs in at.items()}

    def named_in(self, person: Person, a: int, b: int) -> bool:
        """The person is the subject of a formula named inside ``[a, b)``."""
        xs = self._at.get(person.id)
        if not xs:
            return False
        k = bisect.bisect_left(xs, a)
        return k < len(xs) and xs[k] < b
