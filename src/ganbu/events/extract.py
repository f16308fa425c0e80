"""Events: who met whom, when, where, about what.

Reads the normalised text with what the earlier stages found (people with their mentions and
positions, organisation and place mentions, the titled mentions of the grammar) and returns the
contract's ``events``, ``statements``, ``quantities`` and ``warnings``.

How a report is read:
- The text is cut into sentences; a heading line (``**青海省：…**``) or a new date at the head
  of a sentence opens a new *passage*. Dates are carried from sentence to sentence until a new
  one is written; ``前一天`` counts from the story's current date, ``今天`` from publication.
- A sentence with a trigger word (``event_triggers.tsv``) opens an event, unless the trigger is a
  way of taking part (``出席会议``, ``参加会谈``) and an event of the passage is open, or the
  sentence details an event already open (``在商务部，…``, ``在与国家电网公司会谈时``).
- A visit to several bodies (``走访商务部、海关总署、国铁集团``) is one event per body when the
  text treats them one by one (``先后``, ``分别``, a ``分别参加`` line of counterparts), else one.
- People named in the passage's later sentences join its events: a person whose office belongs
  to a visited body joins that body's event as host, the others join every event of the passage.
- Appointment and removal formulas (``任命X为Y``, ``免去X的Y职务``, ``X任Y``) are one event each.
"""
from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick

from .. import model as M
from ..lang import dates as _dates
from ..lang import quantities as _qty
from ..lang.tables import rows

_SENT_END = re.compile(r"[。！？；\n]")
_VENUE = re.compile(r"(?:在|赴|抵|抵达|到|来|进|于)(京|津|沪|渝|北京|天津|上海|重庆)")
_VENUE_CITY = {"京": "北京", "津": "天津", "沪": "上海", "渝": "重庆"}
_DETAIL = re.compile(r"^(?:在|在与)(.{2,20}?)(?:，|工作会谈时|会谈时|座谈时|调研时|考察时|期间)")
_TOPIC = re.compile(
    r"(?:就|围绕)(?P<t>[^。；！？]{2,120}?)(?:等)?(?:主题|问题|事项|议题|工作)?"
    r"(?:进行了?|开展了?|深入)?(?:深入)?(?:交流协商|交流|磋商|沟通交流|沟通|座谈|会谈|讨论|协商|交换意见)"
)
_REVIEW = re.compile(r"(?:研究审议|审议|研究部署|听取)(?P<t>[^。；！？]{2,80}?)(?=[，。；]|$)")
_STATEMENT = re.compile(r"(?P<verb>表示|指出|强调|希望|认为|说)[，：:]?")
_JOIN_BEFORE = ("出席", "参加", "主持", "列席", "一同参加", "一同", "一起", "陪同", "参与", "召开")
_SEPARATE = ("先后", "分别", "逐一")
_COUNT = re.compile(r"(?P<n>\d+|[一二三四五六七八九十两]+)(?:余)?家(?P<noun>央企|中央企业|企业|单位|银行)")
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


@dataclass(slots=True, frozen=True)
class Trigger:
    word: str
    type: str
    strength: str


@lru_cache(maxsize=1)
def _triggers() -> tuple[ahocorasick.Automaton, dict[str, Trigger]]:
    table = {}
    for r in rows("ganbu.events", "event_triggers.tsv"):
        if r["type"] in ("appointment", "removal"):
            continue  # read from the appointment formulas instead
        table[r["trigger"]] = Trigger(r["trigger"], r["type"], r["strength"])
    a = ahocorasick.Automaton()
    for w in table:
        a.add_word(w, w)
    a.make_automaton()
    return a, table


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    heading: bool
    paragraph: int


@dataclass(slots=True)
class Event:
    type: str
    trigger: tuple[int, int]
    span: list[int]
    date: dict | None
    place: str | None
    targets: list = field(default_factory=list)      # organisation mentions visited / met
    people: dict = field(default_factory=dict)       # person id → role
    orgs: dict = field(default_factory=dict)         # surface → (org id or None, role)
    topics: list = field(default_factory=list)
    passage: int = 0
    only: object = None  # when a sentence meets several people separately: the one met here

    def add(self, pid: str, role: str) -> None:
        if pid not in self.people or self.people[pid] == "attendee":
            self.people[pid] = role


def _sentences(s: str) -> list[Sentence]:
    out = []
    start = 0
    para = 0
    for m in _SENT_END.finditer(s):
        end = m.end()
        if s[start:end].strip():
            out.append(Sentence(start, end, False, para))
        if m.group() == "\n":
            para += 1
        start = end
    if start < len(s) and s[start:].strip():
        out.append(Sentence(start, len(s), False, para))
    for x in out:
        line = s[x.start : x.end].strip()
        bare = line.strip("*# \n")
        if line.startswith(("#", "**")) or (s[x.end - 1 : x.end] == "\n" and len(bare) <= 30 and not re.search(r"[，。,；]", bare)):
            x.heading = True
    return out


def _date_obj(iso: str | None) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


class _People:
    """Person lookups by offset."""

    def __init__(self, people):
        self.at: list[tuple[int, int, object]] = sorted(((a, b, p) for p in people for a, b in p.mentions),
                                                         key=lambda t: (t[0], t[1]))
        self.starts = [t[0] for t in self.at]

    def in_range(self, a: int, b: int):
        seen = []
        for x, y, p in self.at[bisect.bisect_left(self.starts, a) : bisect.bisect_left(self.starts, b)]:
            if y <= b and p not in seen:
                seen.append(p)
        return seen


def extract_events(s: str, published: str | None, people, titled, org_mentions, places, skip=(), org_ids=None):
    """Return ``(events, statements, quantities, warnings)`` as model records; ``org_ids`` maps
    a canonical organisation name to its id in the document."""
    pub = _date_obj(published)
    # the text's own year (十四届一次会议 → 2023) only when the publication date is not known
    year_hint = _dates.infer_year_from_text(s) if pub is None else None
    sents = _sentences(s)
    auto, table = _triggers()
    dms = sorted(_dates.find_dates(s), key=lambda m: m.start)
    lookup = _People(people)
    pid_of = {p.name: p.id for p in people}
    subjects: dict[str, list] = {}
    for tm in titled:
        if tm.rule in ("appoint", "remove", "serve"):
            for x, y in tm.names:
                if s[x:y] in pid_of:
                    subjects.setdefault(pid_of[s[x:y]], []).append((x, y))
    orgs_sorted = sorted(org_mentions, key=lambda m: m.start)
    org_starts = [o.start for o in orgs_sorted]
    place_starts = [p.start for p in places]

    events: list[Event] = []
    frame, frame_at = _frame(s, places)
    no_trigger = bytearray(len(s) + 1)
    for x, y in [pos.span for p in people for pos in p.positions] + [(o.start, o.end) for o in org_mentions]:
        no_trigger[x:y] = b"\x01" * (y - x)
    passage = 0
    passage_events: list[Event] = []
    current: _dt.date | None = None
    current_date: dict | None = None
    place: str | None = None
    quote_para = -1
    di = 0
    for si, sent in enumerate(sents):
        a, b = sent.start, sent.end
        text = s[a:b]
        if sent.heading:
            passage += 1
            passage_events = []
            place = None
            continue
        # dates of this sentence
        new_date = None
        while di < len(dms) and dms[di].start < b:
            m = dms[di]
            di += 1
            if m.start < a:
                continue
            if m.kind in ("session", "year"):
                continue
            r = _dates.resolve(m, published=pub, current=current, year_hint=year_hint)
            if not r.get("start") and m.kind in ("date", "range", "list") and new_date is None:
                # a date the text leaves without a year we can know: null, with the text kept
                new_date = {"start": None, "end": None, "text": m.text, "precision": None, "_pos": m.start}
                continue
            if r.get("start") and r.get("precision") in ("day", "approximate"):
                if new_date is None or new_date.get("start") is None:
                    new_date = dict(r)
                    new_date["_pos"] = m.start
                start = _date_obj(r["start"])
                if start and r.get("precision") == "day":
                    current = start
        if new_date is not None:
            if not passage_events or new_date["start"] != (current_date or {}).get("start"):
                passage += 1
                passage_events = []
                place = None
            current_date = new_date
        v = _VENUE.search(text)
        venue = None
        if v:
            venue = _VENUE_CITY.get(v.group(1), v.group(1))
        else:
            pm = next((p for p in places[bisect.bisect_left(place_starts, a) : bisect.bisect_left(place_starts, b)]
                       if p.venue), None)
            if pm is not None:
                venue = pm.division.short or pm.division.name
        if not venue:
            venue = _generic_venue(text)
        if venue:
            place = venue
            v = True
        sent_people = [p for p in lookup.in_range(a, b) if not _reporter(s, p)]  # the reporter is not there
        sent_orgs = [o for o in orgs_sorted[bisect.bisect_left(org_starts, a) : bisect.bisect_left(org_starts, b)]
                     if o.end <= b]
        # triggers of this sentence
        trig = _pick_trigger(s, a, text, auto, table, passage_events, sent_people, no_trigger, sent_orgs)
        # 会议决定免去X的…: the subject of an appointment formula after the trigger is not an attendee
        cut = trig[0] if trig else a
        sent_people = [p for p in sent_people if not any(cut <= x < b for x, y in subjects.get(p.id, ()))]
        detail = _DETAIL.match(text)
        if trig and detail and passage_events:
            trig = None  # 在商务部，… / 在与国家电网公司工作会谈时，…: details an open event
        if trig is not None:
            ts, te, t = trig
            targets = [o for o in sent_orgs if o.start >= te]
            if not targets:
                ks = [text.find(w, 0, ts - a) for w in ("与", "同")]
                ks = [k for k in ks if k >= 0]
                k = min(ks) if ks else text.rfind("和", 0, ts - a)
                if k >= 0:
                    targets = [o for o in sent_orgs if a + k < o.start and o.end <= ts]
            separate = len(targets) > 1 and t.type in ("visit", "talks", "meeting") and (
                any(w in text for w in _SEPARATE) or _told_one_by_one(s, sents, si, targets))
            groups = [[o] for o in targets] if separate else [targets]
            # 分别会见罗参议长安东内斯库和众议长兹格内亚: one meeting per person met
            met = [p for p in sent_people if p.mentions and any(te <= x < b for x, y in p.mentions)]
            by_person = (not separate and t.type in ("meeting", "talks") and len(met) > 1
                         and s[max(a, ts - 2) : ts] == "分别" and len(targets) <= 1)
            ev_place = place if v else (place if passage_events else None)
            if ev_place is None and t.type in ("visit", "talks", "meeting") and frame_at < ts:
                ev_place = frame
            if t.type == "inspection" and not v:
                ev_place = _inspected(s, a, ts, places) or ev_place
            made = []
            if by_person:
                groups = [targets] * len(met)
            for gi, g in enumerate(groups):
                ev = Event(t.type, (ts, te), [a, b], current_date, ev_place, targets=g, passage=passage)
                if by_person:
                    ev.only = met[gi]
                for o in sent_orgs:
                    if o not in targets or o in g:
                        ev.orgs.setdefault(o.surface, (o, "host" if o in g and t.type == "visit" else "attendee"))
                made.append(ev)
            # a repeat of an event already told (a summary line and its detailed account)
            merged = []
            another = re.search(r"另外|此外|还(?:拜会|走访|会见|考察|调研)", text) is not None
            for ev in made:
                dup = None if another else _same(ev, events, sent_people)
                if dup is not None:
                    dup.span = [min(dup.span[0], a), max(dup.span[1], b)]
                    merged.append(dup)
                else:
                    events.append(ev)
                    merged.append(ev)
            for ev in merged:
                if ev not in passage_events:
                    passage_events.append(ev)
            main_role = {"visit": "visitor", "signing": "signatory", "speech": "speaker"}.get(t.type)
            for p in sent_people:
                host = _host_event(p, merged)
                if host is not None:
                    host.add(p.id, "host")
                    continue
                role = main_role or _role_in(s, p, a, b)
                for ev in merged:
                    if ev.only is not None and p in met and p is not ev.only:
                        continue
                    ev.add(p.id, role)
            _topics(text, merged)
            continue
        if not passage_events:
            continue
        # a sentence about open events: its people join them
        targets_here = None
        if detail:
            d = detail.group(1)
            targets_here = [ev for ev in passage_events
                            if any(o.surface in d or d in o.surface for o in ev.targets)
                            or (ev.only is not None and ev.only.name in d)]  # 在会见安东内斯库时
        pool = targets_here or passage_events
        # X说，…Y…: people named inside what is said are not at the event, nor in the sentences of
        # the same paragraph that carry the speech on
        said = _STATEMENT.search(s, a, b)
        speaker_before = said is not None and (
            any(a <= x < said.start() for p in sent_people for x, _ in p.mentions)
            or s[max(a, said.start() - 3) : said.start()].endswith(("他", "她", "他们", "双方")))
        quote_from = said.end() if speaker_before else b
        if quote_para == sent.paragraph and not re.search(r"参加|出席|陪同|主持", text):
            quote_from = a
        if said and quote_from < b:
            quote_para = sent.paragraph
        for p in sent_people:
            if all(x >= quote_from for x, _ in p.mentions if a <= x < b):
                continue
            host = _host_event(p, pool)
            if host is not None:
                host.add(p.id, "host")
                host.span[1] = max(host.span[1], b)
                continue
            role = _role_in(s, p, a, b)
            for ev in pool:
                if ev.type == "signing" and len(pool) > 1:
                    continue
                ev.add(p.id, "visitor" if ev.type == "visit" and role == "attendee" else role)
                ev.span[1] = max(ev.span[1], b)
        _topics(text, pool)
        if place and pool and v:
            for ev in pool:
                ev.place = ev.place or place
    events += _appointment_events(s, titled, pid_of, sents, dms, pub, year_hint)
    by_id = {p.id: p for p in people}
    for ev in events:
        if ev.type == "inspection" and ev.place is None:
            # 长沙市委书记易炼红…调研: where the inspecting official's office is
            for pid in ev.people:
                js = [x.jurisdiction for x in by_id[pid].positions if x.jurisdiction]
                if js:
                    ev.place = _short(max(js, key=_level_rank))  # the most local office
                    break
    out = []
    for i, ev in enumerate(e for e in events if e.people or len(e.orgs) >= 2):
        out.append(_event_record(f"e{i + 1}", ev, people, s, org_ids or {}))
    statements = _statements(s, sents, lookup)
    quantities = _quantities(s, out)
    warnings = _warnings(s, sents)
    return out, statements, quantities, warnings


_OPENING = re.compile(r"(?:举行|召开|开展|展开|进行|主持召开)了?(?:第[一二三四五六七八九十\d]+次)?(?:[\u4e00-\u9fff]{0,12})?$")
_REFERENCE_AFTER = ("精神", "重要讲话", "重要指示", "主席团", "秘书长", "秘书处", "组织", "工作组", "期间")


def _pick_trigger(s, a, text, auto, table, passage_events, sent_people, no_trigger, orgs_here=()):
    """The trigger that opens an event in this sentence, or None."""
    open_words = {s[e.trigger[0] : e.trigger[1]] for e in passage_events}
    weak = None
    opening_found = None
    for end_idx, w in auto.iter_long(text):
        t = table[w]
        ts = a + end_idx + 1 - len(w)
        te = ts + len(w)
        if no_trigger[ts]:
            continue  # inside a title or an organisation name (省委第一巡视组组长)
        after = s[te : te + 4]
        clause_rest = re.split(r"[，。；！？\n]", s[te : te + 40], maxsplit=1)[0]
        if after.startswith(_REFERENCE_AFTER) or re.search(r"精神|重要讲话|重要指示|重要批示", clause_rest):
            continue  # 视察天津重要讲话精神, 大会主席团: not an event told here
        if w in open_words and (t.type == "conference" or w in ("会议", "全体会议", "常务会议", "座谈", "会谈", "工作会谈")):
            continue  # 座谈会现场: the meeting already open
        if t.strength == "new_body":
            body = next((o for o in orgs_here if te <= o.start <= te + 1), None)
            if body is not None and not any(o.org.canonical == body.org.canonical for e in passage_events for o in e.targets):
                return ts, te, t
            continue
        before = s[max(a, ts - 6) : ts]
        if before.endswith("的"):
            continue  # 亲切的慰问, 重要的会议: a noun, not an event told here
        if before.endswith(_JOIN_BEFORE):
            if not passage_events and sent_people:
                weak = weak or (ts, te, t)
            continue
        opening = _OPENING.search(s[max(a, ts - 16) : ts]) is not None and t.strength == "join"
        if t.strength == "new":
            if passage_events and t.type == "conference":
                continue  # a meeting noun inside a passage that already has its event
            return ts, te, t
        if opening:
            opening_found = (ts, te, t)  # the last one: 同来华进行国事访问的…总统举行会谈 → 会谈
            continue
        if not passage_events and sent_people:
            weak = weak or (ts, te, t)
    return opening_found or weak


def _told_one_by_one(s: str, sents, si: int, targets) -> bool:
    """Later sentences of the passage take the bodies one by one: ``在商务部，…`` for two of
    them, or a ``分别参加`` line of counterparts."""
    seen = 0
    for sent in sents[si + 1 : si + 40]:
        if sent.heading:
            break
        text = s[sent.start : sent.end]
        if re.search(r"分别(?:参加|出席|会见|陪同)", text):
            return True
        if any(text.startswith(("在" + o.surface, "在与" + o.surface)) for o in targets):
            seen += 1
    return seen >= 2


@lru_cache(maxsize=1)
def _division_by_name() -> dict:
    from ..lang.lexicon import load_divisions

    out = {}
    for d in load_divisions():
        if d.name not in out or d.valid_to is None:
            out[d.name] = d
    return out


def _level_rank(name: str) -> int:
    d = _division_by_name().get(name)
    return {"province": 0, "prefecture": 1, "county": 2}.get(d.level, 0) if d else 0


def _short(name: str) -> str:
    d = _division_by_name().get(name)
    return d.short if d and d.short else name


def _inspected(s: str, a: int, ts: int, places) -> str | None:
    """对许昌市和鄢陵县展开巡视, 到长沙调研: the places the inspection goes to."""
    seg = s[a:ts]
    k = max(seg.rfind(w) for w in ("对", "到", "赴", "深入", "来到", "前往"))
    if k < 0:
        return None
    found = [p for p in places if a + k < p.start and p.end <= ts]
    if not found:
        return None
    return "、".join(s[p.start : p.end] for p in found)


def _frame(s: str, places) -> tuple[str | None, int]:
    """The report's frame: where its first venue (进京, 在北京, 来津) puts it, and where that is
    written (the frame applies only to events told after it)."""
    m = _VENUE.search(s)
    pm = next((p for p in places if p.venue), None)
    if m and (pm is None or m.start() < pm.start):
        return _VENUE_CITY.get(m.group(1), m.group(1)), m.start()
    if pm is not None:
        return pm.division.short or pm.division.name, pm.start
    return None, len(s)


@lru_cache(maxsize=1)
def _venues() -> dict[str, str]:
    return {r["venue"]: r["city"] for r in rows("ganbu.events", "venues.tsv")}


_AT_VENUE = re.compile(r"在([\u4e00-\u9fff]{2,8}?)(?:以视频方式|通过视频)?(?:分别)?(?:会见|会晤|会谈|举行|出席|接见|签署|考察|调研|视察|看望)")
_ORG_TAIL = ("议会", "政府", "大学", "会场", "总部", "现场", "中心", "公司", "集团", "大厦", "宾馆", "饭店", "会议", "期间")


def _generic_venue(text: str) -> str | None:
    """在比什凯克会见… → 比什凯克; 在人民大会堂会见 → 北京 (venues.tsv)."""
    m = _AT_VENUE.search(text)
    if not m:
        return None
    x = m.group(1)
    for venue, city in _venues().items():
        if venue in x:
            return city or None
    if x.endswith(_ORG_TAIL) or re.search(r"[的了是在与和同]", x) or x[0] in "以对这那此各该我你他她其":
        return None
    return x


def _reporter(s: str, person) -> bool:
    """A byline author, or a person only ever named as 记者/通讯员."""
    if person.positions:
        return False
    if "byline" in person.rules:
        return True
    return all(s[max(0, a - 3) : a].endswith(("记者", "通讯员")) or s[max(0, a - 4) : a].rstrip().endswith(("记者", "通讯员"))
               for a, _ in person.mentions)


def _same(ev: Event, events: list[Event], sent_people) -> Event | None:
    if not ev.date or not sent_people:
        return None
    ids = {p.id for p in sent_people}
    for other in events:
        if other.type != ev.type or not other.date or other.date.get("start") != ev.date.get("start"):
            continue
        if other.span[0] == ev.span[0]:
            continue  # made from the same sentence (a visit split by body)
        same_targets = {o.org.canonical for o in ev.targets} & {o.org.canonical for o in other.targets}
        if other.passage == ev.passage and not (same_targets or (not ev.targets and not other.targets)):
            continue
        if ids and ids <= set(other.people) and (not ev.targets or not other.targets or same_targets):
            return other
    return None


def _host_event(person, evs: list[Event]) -> Event | None:
    """The event whose visited body the person's office belongs to (王文涛 商务部部长 → 商务部)."""
    orgs = {pos.organization for pos in person.positions if pos.organization}
    texts = [pos.text for pos in person.positions]
    for ev in evs:
        for o in ev.targets:
            canon = o.org.canonical
            if canon in orgs or any(t.startswith(o.surface) for t in texts):
                return ev
    return None


def _role_in(s: str, person, a: int, b: int) -> str:
    for x, y in person.mentions:
        if a <= x < b:
            after = s[y : y + 8]
            from ..people.names import role_at

            w = role_at(after, 0)
            if w:
                after = after[len(w) :]  # 张德江委员长主持会议
            if after.startswith("主持"):
                return "chair"
            if after.startswith(("讲话", "致辞", "作", "介绍", "指出", "表示", "强调")):
                return "speaker"
    return "attendee"


def _topics(text: str, evs: list[Event]) -> None:
    found = []
    for m in _TOPIC.finditer(text):
        found += _split_topics(m.group("t"))
    for m in _REVIEW.finditer(text):
        found += _split_topics(m.group("t"))
    for ev in evs:
        for t in found:
            if t not in ev.topics:
                ev.topics.append(t)


def _split_topics(t: str) -> list[str]:
    t = re.sub(r"^(?:了|推进|加快|进一步)+", "", t)
    parts = [p.strip("，、 ") for p in re.split(r"[、，]", t)]
    return [p for p in parts if 2 <= len(p) <= 40]


def _appointment_events(s, titled, pid_of, sents, dms, pub, year_hint) -> list[Event]:
    """One event per person named in an appointment or removal formula."""
    out = []
    told = set()
    for tm in sorted(titled, key=lambda t: t.names[0][0]):
        if tm.rule not in ("appoint", "remove", "serve"):
            continue
        typ = "removal" if tm.status == "removed" else "appointment"
        for a, b in tm.names:
            pid = pid_of.get(s[a:b])
            if pid is None:
                continue
            key = (pid, typ, tm.links[-1].role)
            if key in told:
                continue  # the same appointment told again (授权X担任…组长 … X任第一巡视组组长)
            told.add(key)
            sent = next((x for x in sents if x.start <= a < x.end), None)
            span = [sent.start, sent.end] if sent else [a, b]
            ev = Event(typ, (a, b), span, None, None)
            ev.add(pid, "subject")
            out.append(ev)
    return out


def _event_record(eid: str, ev: Event, people, s: str, org_ids: dict[str, str]) -> M.Event:
    by_id = {p.id: p for p in people}
    date = None
    if ev.date:
        date = M.EventDate(ev.date.get("start"), ev.date.get("end"), ev.date.get("text"), ev.date.get("precision"))
    return M.Event(
        id=eid,
        type=ev.type,
        trigger=M.Trigger(s[ev.trigger[0] : ev.trigger[1]], (ev.trigger[0], ev.trigger[1])),
        date=date,
        place=ev.place,
        participants=[M.Participant(pid, by_id[pid].name, role) for pid, role in ev.people.items()],
        organizations=[M.EventOrganization(org_ids.get(o.org.canonical), name, role)
                       for name, (o, role) in ev.orgs.items()],
        topics=list(ev.topics),
        span=(ev.span[0], ev.span[1]),
    )


def _statements(s: str, sents, lookup: _People) -> list[M.Statement]:
    """``X表示…``, ``X、Y指出…``: the speakers are the names that end the clause before the verb."""
    out = []
    for sent in sents:
        if sent.heading:
            continue
        a, b = sent.start, sent.end
        for m in _STATEMENT.finditer(s, a, b):
            head = s[a : m.start()]
            clause_start = a + max(head.rfind("，"), head.rfind("。"), head.rfind("："), -1) + 1
            ments = [(x, y, p) for x, y, p in lookup.at[bisect.bisect_left(lookup.starts, clause_start) :
                                                         bisect.bisect_left(lookup.starts, m.start())]
                     if y <= m.start()]
            speakers = []
            cursor = m.start()
            for x, y, p in reversed(ments):
                gap = s[y:cursor]
                if gap == "" or (speakers and gap in ("、", "和", "与", "及")):
                    if p not in speakers:
                        speakers.insert(0, p)
                    cursor = x
                elif not speakers and re.fullmatch(r"(?:同志)?(?:在[^，。]{0,30}时)?(?:还|也|则|又)?", gap):
                    speakers.insert(0, p)
                    cursor = x
                else:
                    break
            if not speakers and s[clause_start : m.start()] in ("他", "她"):
                # 他强调: the person the story is about, the last one named before this sentence
                prior = lookup.at[: bisect.bisect_left(lookup.starts, a)]
                named = [p for _, _, p in prior if not _reporter(s, p)]
                if named:
                    speakers = [named[-1]]
            if not speakers:
                continue
            q = m.end()
            end = b
            if s[q : q + 1] == "“":
                close = s.find("”", q)
                end = close + 1 if close != -1 else b
            body = s[q:end].rstrip("。；\n ")
            if len(body) < 2:
                continue
            out.append(M.Statement([p.id for p in speakers], [p.name for p in speakers], m.group("verb"), body,
                                   (q, q + len(body))))
            break
    return out


def _quantities(s: str, events: list[M.Event]) -> list[M.Quantity]:
    out = []
    for q in _qty.find_quantities(s):
        ev = next((e for e in events if e.span[0] <= q.start < e.span[1]), None)
        out.append(M.Quantity(q.text, q.value, q.unit, q.qualifier, q.kind, (q.start, q.end), q.value_max,
                              ev.id if ev else None))
    return out


def _count(n: str) -> int | None:
    if n.isdigit():
        return int(n)
    v = _qty.parse_cn_number(n)
    return int(v) if isinstance(v, (int, float)) else None


def _warnings(s: str, sents) -> list[M.Warning]:
    """A heading that counts N bodies when the text counts M (标题称9家央企，正文列出8家)."""
    heads: dict[str, list] = {}
    body: dict[str, list] = {}
    for sent in sents:
        for m in _COUNT.finditer(s, sent.start, sent.end):
            n = _count(m.group("n"))
            noun = "央企" if m.group("noun") in ("央企", "中央企业") else m.group("noun")
            if n is None:
                continue
            (heads if sent.heading else body).setdefault(noun, []).append((n, m))
    out = []
    for noun, hs in heads.items():
        for n, m in hs:
            others = [(k, mm) for k, mm in body.get(noun, []) if "余" not in mm.group()]
            if others and all(k != n for k, _ in others):
                k, mm = others[0]
                out.append(M.Warning("count-mismatch", f"标题称{n}家{noun}，正文为{k}家",
                                     (m.start(), m.end()), (mm.start(), mm.end())))
    return out
