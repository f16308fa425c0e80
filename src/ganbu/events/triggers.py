"""Trigger words (``event_triggers.tsv``) and the one that opens an event in a sentence.

A sentence with a trigger word opens an event, unless the trigger is a way of taking part
(``出席会议``, ``参加会谈``) and an event of the passage is open; ``new_body`` triggers
(``来到``) open a visit only when a named body follows them.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import get_args

import ahocorasick

from ..errors import DataError
from ..lang.tables import rows
from ..model import Person
from ..model.records import EventType
from ..people.orgs import OrgMention
from .types import EXPECTED as _EXPECTED
from .types import Passage

# 闭幕会后，…举行第三十讲专题讲座 / 会后，…共同出席…会议: a meeting after the one told is another (a sentence opening
# with 会后/闭幕会后/会议后 and a meeting noun: 35 in the bulk corpus)
AFTER_THE_EVENT = re.compile(r"(?:闭幕会|开幕会|全体会议|会议|会)(?:结束)?后[，,]")
_OPENING = re.compile(r"(?:举行|召开|开展|展开|进行|主持召开)了?"
                      r"(?:第[一二三四五六七八九十\d]+次)?(?:[\u4e00-\u9fff]{0,12})?$")
_REFERENCE_AFTER = ("精神", "重要讲话", "重要指示", "主席团", "秘书长", "秘书处", "组织", "工作组", "期间",
                    "员",  # 国会议员 (47 in the bulk corpus)
                    "之机", "之便",  # 借调研之机公款旅游 (借|利用|趁…之机|之便: 17 in the bulk corpus)
                    "机制",  # 特别代表会晤机制, 定期磋商机制 (会晤|磋商…机制: 45 in the bulk corpus)
                    "决议")  # 全会决议 16, 会议决议 2, 大会决议 2 in the bulk corpus: a document, no meeting told
# 经…会议研究 / 报…会议审议 (33 in the bulk corpus, mostly the discipline formula)
_PROCEDURE_AFTER = ("研究", "审议", "讨论")
# X和Y共同见证了…文件的签署 (见证…的签署|签约: 141 in the bulk corpus), 出席了…文件的签字仪式 (26)
_WITNESSED = re.compile(r"(?:见证|出席)[^，,。；;！？\n]{0,60}的$")
# a visit and then its meeting or talks in the same clause: 访问了X并会见Y, 进行正式访问，并与Y举行会谈
_AND_MEETS = re.compile(r"了?[^，,。；;！？\n]{0,20}?[，,]?并(?:与|同|和)?[^，,。；;！？\n]{0,30}?(?:举行)?")
# 在…会上/会议上 + another act of the sentence (在座谈会上发表重要讲话)
_VENUE_OF_ANOTHER = re.compile(r"上")
_AT_BEFORE = re.compile(r"在[^，,。；;！？\n]*$")
_VIA_SPOKESMAN = ("通过发言人", "通过其发言人")  # 通过(其)发言人发表声明: 6 in the bulk corpus
_HELD = re.compile(r"的(?:举行|召开|成功|圆满|顺利)")
_MESSAGE_AFTER = re.compile(r"[^，,。；;！？\n]{0,12}?致(?:贺信|贺电|信)")
_TO_BEFORE = re.compile(r"[向为给][^，,。；;！？\n]{0,60}$")
# 在首届全民阅读大会举办之际，… (16 in 16 bulk stories): the meeting is the time of what the sentence tells
_ON_OCCASION = re.compile(r"(?:举办|召开|开幕|举行)之际")
# a trigger that times the clause after it: 会见后， (658 trigger + 后/前/时/期间 + comma in bulk)
_ENDED_VISIT = re.compile(r"结束了?对[^，。；！？\n]{1,16}$")


def ended_visit(s: str, a: int, ts: int) -> bool:
    """The visit word at ``ts`` tells a visit the sentence ends (李强结束对马来西亚的正式访问)."""
    return _ENDED_VISIT.search(s, max(a, ts - 24), ts) is not None
_AS_TIME = re.compile(r"(?:后|前|之后|之前|以后|时|中|期间|结束后)[，,]")
_PROCEDURE_BEFORE = re.compile(r"(?:经(?!济)|报(?!告|道))[^，。；！？\n]*$")
_REFERENCE_CLAUSE = re.compile(r"精神|(?<!发表)重要讲话|重要指示|重要批示")
_CLAUSE_END = re.compile(r"[，。；！？\n]")
# 赵乐际…到吉林调研。…在吉林省纪委监委，赵乐际…主持召开部分省纪委书记座谈会: a meeting convened on a tour is
# an event of its own (as the dev gold has 张高丽主持召开扶贫工作座谈会 beside his inspection)
_CONVENES = re.compile(r"(?:主持召开|召开|主持)[^，,。；;！？\n]{0,20}$")
_TOURS = ("inspection", "visit")
# (主持)召开…座谈会 after a tour's sentence (not 参加/主持座谈会: joining the tour's own talk)
_CALLS = re.compile(r"召开了?[^，,。；;！？\n]{0,20}$")
_GIVES_LECTURE = re.compile(r"作了?|举办了?|举行了?")  # 应邀作题为…的学习讲座, 举办了第五次学习讲座


def convened_on_tour(s: str, a: int, trig: PickedTrigger, passage: Passage) -> bool:
    """…在辽宁调研。…在朝阳市，刘云山主持召开农村基层党建工作座谈会: a meeting the touring official convenes, an
    event of its own even where the sentence opens with the place of the tour's stop."""
    ts, _, t = trig
    return (t.type == "conference" and t.strength == "new" and bool(passage.events)
            and _CALLS.search(s, max(a, ts - 24), ts) is not None and all(e.type in _TOURS for e in passage.events))
_RESOLUTION = re.compile(r"第\d+号决议")  # 联合国大会第2758号决议 (4 in the bulk corpus)
# 先后四次参加江苏代表团审议, 两次作出重要批示 (a count of times before the act: 10 in bulk)
_HABITUAL = re.compile(r"多次|屡次|一再|反复|历来|曾|(?<!第)[两三四五六七八九十\d]+次(?=参加|来到|作出|出席|到)")
# 中国科学院第十九次院士大会28日在人民大会堂开幕。: a congress as the subject, convened; its people are
# named after (a meeting or congress noun + day + 在… + 开幕|召开|举行|闭幕 opening a sentence: 966 in
# bulk; of a conference word (大会, 座谈会, 论坛…) only: 会议 sessions are told again by 出席会议)
_CONVENED = re.compile(r"(?:[^，,。；;！？\n]{0,6}?[日号])?(?:上午|下午|晚上?)?(?:在[^，,。；;！？\n]{1,15}?)?"
                       r"(?:隆重|正式)?(?:开幕|召开|举行|闭幕)")
_SESSION = re.compile(r"(?:代表大会|全国委员会|人大|政协)[^，,。；;！？\n]{0,12}?第?[一二三四五六七八九十\d]+次会议$")
_STANDING = re.compile(r"常务委员会|常委会|主席会议|主席团")
# 中央经济工作会议, 全国宣传部长会议, 全国社会扶贫工作电视电话会议: a national work conference with a programme is a
# conference (GUIDELINES types; about 80 convened at a sentence's head in bulk), not a working meeting
_WORK_CONFERENCE = re.compile(r"(?:全国|中央)[\u4e00-\u9fff、“”]{2,20}?(?:工作|部长|建设|推进)(?:电视电话)?会议$")
_PLANNED = re.compile(r"[于将拟]")  # 会议建议全国政协十三届三次会议于5月21日在北京召开: not held yet
_JOIN_BEFORE = ("出席", "参加", "主持", "列席", "一同参加", "一同", "一起", "陪同", "参与", "召开")
_OPEN_MEETING_WORDS = ("会议", "全体会议", "常务会议", "座谈", "会谈", "工作会谈")
# 检查 as a noun or a self-criticism, no inspection told (bulk corpus, 1,091 检查: 监督检查 111, 督促检查 60,
# 对照检查 55, 督查检查 16, 深刻检查 13; 执法检查 201 and 实地检查 11 stay inspections)
_NOT_INSPECTING = ("监督", "督促", "对照", "督查", "深刻")
# a local unit no organisation list names, after 来到/前往 (周生贤来到昆明市环境监测中心，…;
# 张福海还来到福州台江区苍霞社区): a place + up to 14 characters + a unit's suffix, the clause going on
# after it (253 in the bulk corpus, 60 of them in stories that tell no inspection, which would take them
# as its stops)
_LOCAL_UNIT = re.compile(r"[^\W\d_的所]{1,8}?(?:省|市|县|区|州|旗|镇|乡)[^\W\d_的所]{1,14}?"
                         r"(?:局|厅|中心|医院|学校|中学|小学|大学|学院|研究所|研究院|公司|集团|法院|检察院|街道|社区|村|"
                         r"纪念馆|博物馆|基地|工厂|厂)(?=[，,。、；;并和与])")
_OTHER_ACT = re.compile(r"考察|调研|视察|检查|看望|慰问|会见|座谈|出席|参加")
_INSPECTING = re.compile(r"考察|调研|视察")
# 举行了富有成果的会谈 (举行|进行 + a description + 的 + 会谈|会晤|会见|磋商: 172 in the bulk corpus, 富有成果 105)
_HELD_WITH = re.compile(r"(?:举行|进行)了?[^，,。；;！？\n]{1,16}的$")
_TOURING = re.compile(r"(?:进行|展开|开展)了?(?:常规|专项)?$")  # 对X展开巡视: see event_triggers.tsv

PickedTrigger = tuple[int, int, "Trigger"]  # start, end, trigger
_EVENT_TYPES: dict[str, EventType] = {t: t for t in get_args(EventType)}


@dataclass(slots=True, frozen=True)
class Trigger:
    word: str
    type: EventType
    strength: str


@lru_cache(maxsize=1)
def trigger_table() -> tuple[ahocorasick.Automaton, dict[str, Trigger]]:
    """The matcher of the trigger words and their table (appointments are read elsewhere)."""
    table = {}
    for r in rows("ganbu.events", "event_triggers.tsv"):
        if r["type"] in ("appointment", "removal"):
            continue  # read from the appointment formulas instead
        if r["type"] not in _EVENT_TYPES:
            raise DataError(f"unknown event type {r['type']!r} for {r['trigger']!r}", "event_triggers.tsv")
        table[r["trigger"]] = Trigger(r["trigger"], _EVENT_TYPES[r["type"]], r["strength"])
    a = ahocorasick.Automaton()
    for w in table:
        a.add_word(w, w)
    a.make_automaton()
    return a, table


def pick_trigger(s: str, a: int, text: str, passage: Passage, sent_people: list[Person], no_trigger: bytearray,
                 orgs_here: Sequence[OrgMention] = ()) -> PickedTrigger | None:
    """The trigger that opens an event in the sentence ``text`` (at offset ``a``), or None: the
    first that surely opens one, else the last after an opening verb (同来华进行国事访问的…总统举行
    会谈 → 会谈), else, when no event of the passage is open and people are named, the first
    weak one."""
    auto, table = trigger_table()
    weak = None
    opening_found = None
    venue_of: PickedTrigger | None = None
    visit: PickedTrigger | None = None  # the last visit read (访问世界卫生组织并会见…)
    for end_idx, w in auto.iter_long(text):
        t = table[w]
        ts = a + end_idx + 1 - len(w)
        te = ts + len(w)
        kind = _reading(s, a, ts, te, t, passage, no_trigger, orgs_here)
        if kind is None:
            continue
        if t.type in ("meeting", "talks") and visit is not None and _AND_MEETS.fullmatch(s, visit[1], ts):
            return visit  # 访问了世界卫生组织并会见陈冯富珍 / 对古巴进行正式访问，并与…举行会谈: the visit
        if t.type == "visit" and not s.startswith("的", te):
            visit = (ts, te, t)
        if (kind == "opens" or (kind == "weak" and not passage.events and sent_people)) \
                and _VENUE_OF_ANOTHER.match(s, te) and _AT_BEFORE.search(s, a, ts):
            # 在…座谈会上发表重要讲话, 在…表彰大会上发表重要讲话: the meeting is where the act the sentence tells
            # takes place (the blind gold: 21 such events, all speeches)
            venue_of = venue_of or (ts, te, t)
            continue
        if kind == "convened":
            return ts, te, _convened(s, a, ts, t)
        if kind == "opens":
            return ts, te, t
        if kind == "opening":
            opening_found = (ts, te, t)
        elif kind == "weak" and not passage.events and sent_people:
            weak = weak or (ts, te, t)
    return opening_found or weak or venue_of


def _convened(s: str, a: int, ts: int, t: Trigger) -> Trigger:
    """The trigger of a meeting convened at the head of its sentence, of strength ``convened``
    (an event only if people are named at it). 十二届全国人大一次会议 / 政协第十二届全国委员会第一次
    会议: a session of a congress is a conference (the guidelines' event types), a standing
    committee's 会议 a meeting (of the 会议 convened at a sentence's head in bulk: 52 sessions, 195
    standing committees, 213 others)."""
    name = s[_clause_start(s, a, ts) : ts + len(t.word)]
    session = t.word == "会议" and (_SESSION.search(name) is not None or _WORK_CONFERENCE.search(name) is not None) \
        and not _STANDING.search(name)
    return Trigger(t.word, "conference" if session else t.type, "convened")


def _clause_start(s: str, a: int, p: int) -> int:
    """Where the clause holding ``p`` starts (at ``a`` at the earliest)."""
    return max(a, max(s.rfind(c, a, p) for c in "，。；！？\n") + 1)


def _body_reading(s: str, te: int, passage: Passage, orgs_here: Sequence[OrgMention]) -> str | None:
    """来到/前往 (``new_body``) opens a visit only when a body follows it: a named organisation not
    visited yet, or a local unit no list names in a story that tells no inspection."""
    if any(ev.type == "inspection" for ev in passage.events):
        return None  # 赵乐际到辽宁省调研…。赵乐际来到鞍钢集团: a stop of the inspection
    body = next((o for o in orgs_here if te <= o.start <= te + 1), None)
    if body is not None and body.org.canonical not in passage.targets:
        return "opens"
    unit = _LOCAL_UNIT.match(s, te)
    if unit is None or _OTHER_ACT.search(s[unit.end() : unit.end() + 80].split("。", 1)[0]):
        return None  # 来到武汉市…，考察…: the sentence's own act tells what the stop is
    if _tells_inspection(s):
        return None  # a story of an inspection: the units are its stops
    return "opens"


@lru_cache(maxsize=2)
def _tells_inspection(s: str) -> bool:
    """Whether the text tells an inspection anywhere (searched once per text)."""
    return _INSPECTING.search(s) is not None


_CONDOLENCE = re.compile(r"(?:表示|致以|表达|转达|致电)[^，,。；;！？\n]{0,6}$")


_MOURNING = re.compile(r"(?:病重|住院)期间和逝世后")


def _no_act(s: str, a: int, ts: int, t: Trigger, before: str) -> bool:
    """向中方表示深切慰问, 致以慰问: condolences, no visit (表示/致以/表达…慰问 188 in bulk); 发表一系列
    重要讲话, 系列重要讲话精神: many speeches, none of them told (系列…讲话 329 in bulk); X病重期间和逝世后，…等同志
    前往医院看望或以各种形式表示慰问: a funeral story's formula of condolences, no visit (14 in 13 bulk stories;
    typed other, unscored, by the blind annotators)."""
    if t.word == "慰问" and _CONDOLENCE.search(s, _clause_start(s, a, ts), ts):
        return True
    if t.type == "visit" and _MOURNING.search(s, a, ts):
        return True
    return t.type == "speech" and "系列" in before


def _no_inspection(t: Trigger, before: str) -> bool:
    """检查 and 巡视 written where no one's inspection is told."""
    if t.word == "检查" and before.endswith(_NOT_INSPECTING):
        return True  # 接受监督检查, 对照检查
    return t.word == "巡视" and not _TOURING.search(before)  # 巡视工作, 中央第二轮巡视反馈: discipline tours


def _referred_to(s: str, te: int, t: Trigger, passage: Passage) -> bool:
    """The trigger word names what the words after it are about (视察天津重要讲话精神, 大会主席团,
    联合国大会第2758号决议); but 2017年，X在江苏考察期间来到… tells the inspection framing a story that
    has told no event (not 考察期间的讲话)."""
    after = s[te : te + 4]
    clause_rest = _CLAUSE_END.split(s[te : te + 40], maxsplit=1)[0]
    framed = after.startswith("期间") and not after.startswith("期间的") and t.type in _TOURS and not passage.events
    conveys = t.word.endswith("通报")  # 向党外人士通报…会议精神: the spirit is what the speech conveys
    return ((after.startswith(_REFERENCE_AFTER) and not framed)
            or (_REFERENCE_CLAUSE.search(clause_rest) is not None and not conveys)
            or _RESOLUTION.match(s, te) is not None)


def _reading(s: str, a: int, ts: int, te: int, t: Trigger, passage: Passage, no_trigger: bytearray,
             orgs_here: Sequence[OrgMention]) -> str | None:
    """How the trigger word at ``[ts, te)`` reads: ``opens`` an event, ``convened`` (a meeting
    as the subject of 开幕/召开/举行: opens one that needs people named at it), an ``opening``
    verb's object, ``weak`` (opens one only when none is open), or None (no event told here)."""
    if no_trigger[ts]:
        return None  # inside a title or an organisation name (省委第一巡视组组长)
    after = s[te : te + 4]
    if _referred_to(s, te, t, passage):
        return None  # 视察天津重要讲话精神, 大会主席团: not an event told here
    if t.type == "speech" and s.endswith(_VIA_SPOKESMAN, max(a, ts - 6), ts):
        return None  # 潘基文通过发言人发表声明: not the person's own speech
    if t.type in ("meeting", "conference") and _MESSAGE_AFTER.match(s, te) and _TO_BEFORE.search(s, a, ts):
        return None  # 向中俄执政党对话机制第八次会议致贺信: the meeting a message goes to (18 in bulk)
    if t.word.endswith("仪式") and s.startswith("的", te):
        return None  # 出席…签署仪式的特使: who the person is (3 in bulk; 签署的协议 stays a signing)
    if _HELD.match(s, te):
        return None  # 对会议的召开表示热烈祝贺: the meeting is what is greeted (56 in bulk)
    if t.type == "visit" and ended_visit(s, a, ts):
        return "opens"  # 李强结束对马来西亚的正式访问(后，…): the visit the story ends (87 in bulk)
    if t.word == "学习讲座":  # 应邀作题为…的学习讲座; but 常委会学习讲座参考选题: the lectures planned, none given here
        return "opens" if _GIVES_LECTURE.search(s, _clause_start(s, a, ts), ts) else None
    if _AS_TIME.match(s, te) or s.startswith("时在座", te) or _ON_OCCASION.match(s, te):
        return None  # 会见后，…签署 / 在协议签署前，…会见: the time of what the sentence tells; 杨洁篪等茶叙时在座
    if after.startswith(_PROCEDURE_AFTER) and _PROCEDURE_BEFORE.search(s, max(a, ts - 24), ts):
        return None  # 经中央纪委常委会会议研究并报中央政治局会议审议: the way a decision was taken
    if t.word in passage.words and (t.type == "conference" or t.word in _OPEN_MEETING_WORDS) and t.strength != "each":
        return None  # 座谈会现场: the meeting already open
    if t.strength == "new_body":
        return _body_reading(s, te, passage, orgs_here)
    before = s[max(a, ts - 6) : ts]
    if _no_inspection(t, before) or _no_act(s, a, ts, t, before):
        return None
    if t.strength in ("alone", "each") and _HABITUAL.search(s, _clause_start(s, a, ts), ts):
        return None  # 多次作出重要指示: acts told as a habit, none of them this story's (63 of 437 in bulk)
    if before.endswith("各"):
        return None  # 提请各代表团审议, 各座谈会: no one of them is told
    if _EXPECTED.search(s, _clause_start(s, a, ts), ts):
        return None  # 期待着特朗普总统访华和美中元首北京会晤取得积极成果: an act hoped for, none told
    if (before.endswith("的") and not (t.type == "signing" and _WITNESSED.search(s, a, ts))
            and not t.word.startswith("专机") and not _HELD_WITH.search(s, max(a, ts - 24), ts)):
        return None  # 亲切的慰问, 重要的会议: a noun, not an event told here (but 见证了…协议的签署, 乘坐的专机抵达)
    if (t.type == "conference" and t.strength == "new" and passage.events and _CALLS.search(s, max(a, ts - 24), ts)
            and all(e.type in _TOURS for e in passage.events)):
        return "opens"  # …在贵州调研。…王沪宁在贵阳主持召开座谈会: a meeting the touring official convenes
    if before.removesuffix("了").endswith(_JOIN_BEFORE):  # 参加了会见 (71 such in bulk, 参加了会见 49)
        return "weak"
    if t.type in ("conference", "meeting") and not passage.events:
        convened = _CONVENED.match(s, te)
        if convened is not None and not _PLANNED.search(s, te, convened.end()):
            return "convened"
    opening = _OPENING.search(s[max(a, ts - 16) : ts]) is not None and t.strength == "join"
    if t.strength in ("new", "alone", "each"):
        if passage.events and t.type == "conference" and t.strength != "each" \
                and not (_CONVENES.search(s, max(a, ts - 24), ts) and all(e.type in _TOURS for e in passage.events)) \
                and not AFTER_THE_EVENT.match(s, a):
            return None  # a meeting noun inside a passage that already has its event
        return "opens"
    return "opening" if opening else "weak"
