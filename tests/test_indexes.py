"""The per-document indexes that keep extraction linear in the text give the answers of the
plain scans they replace (each is checked against the scan, written out here) and a long
report gives the same reading as its parts.

The texts are written for these tests in the genre.
"""
import bisect
import random

import pytest

import ganbu
from ganbu.events.notes import _first_holding
from ganbu.events.participants import PeopleIndex
from ganbu.lang.places import Context, find_places
from ganbu.people import titles
from ganbu.people.names import follower_at
from ganbu.people.stage import GenericResolver

STORY = (
    "浙江省委书记易炼红主持召开省委常委会会议。易炼红表示，要抓好落实。\n"
    "省长王浩出席。王浩在杭州市调研时指出，要稳住经济大盘。他强调，要守牢底线。\n"
    "记者李明报道，宁波市委书记彭佳学、温州市委书记张振丰参加会议。彭佳学说，宁波将全力以赴。\n"
    "易炼红在湖州市考察，王浩、彭佳学陪同。张振丰在温州表示，要做好民生保障工作。"
)


def _seen_again_scan(s, span):
    name = s[span[0] : span[1]]
    i = s.find(name)
    while i != -1:
        if i != span[0] and follower_at(s, i + len(name)) is not None:
            return True
        i = s.find(name, i + 1)
    return False


def test_recurrence_answers_as_a_scan_of_the_text():
    s = STORY + "王浩王浩浩然。易炼红易炼红，"
    seen = titles.Recurrence(s)
    spans = [(a, a + n) for a in range(len(s) - 4) for n in (2, 3, 4)]
    seen.prepare(s[a:b] for a, b in spans[::2])  # half in one batch, the rest one by one
    for span in spans:
        assert seen.seen_again(span) == _seen_again_scan(s, span), span
    assert seen.seen_again((0, 2)) is False  # 浙江 never has a follower after it


def _generic_scan(s, stops, head, before):
    """The resolver as it was: str.rfind back from ``before``, one occurrence at a time."""
    idx = s.rfind(head, 0, before)
    while idx != -1:
        lo = max(0, idx - titles.MAX_PREFIX)
        seg_start = lo
        for k in range(idx - 1, lo - 1, -1):
            if s[k] in "，。；！？：\n（）“”、":
                seg_start = k + 1
                break
        cand = s[stops.last_stop_end(seg_start, idx) : idx + len(head)]
        if len(cand) > len(head) + 1:
            return cand
        idx = s.rfind(head, 0, idx)
    return None


def test_generic_resolver_answers_as_the_backward_scan():
    s = ("第十四届全国运动会组委会召开会议，组委会主任出席。杭州亚运会组委会副主席陈卫强表示，"
         "组委会将做好服务。会上，组委会秘书长、执委会执行主席讲话。组委会组委会各部门负责同志参加。")
    stops = titles.Stops(s, bytearray(len(s)))
    resolver = GenericResolver(s, stops)
    points = list(range(len(s) + 1))
    random.Random(7).shuffle(points)  # answers kept from earlier questions must not leak
    for head in ("组委会", "执委会", "主席团"):
        for before in points:
            assert resolver(head, before) == _generic_scan(s, stops, head, before), (head, before)
    # 组委会将做好服务 names no full name before it: the one written before that is taken
    assert resolver("组委会", s.index("组委会将") + 3) == "杭州亚运会组委会"
    assert resolver("组委会", s.index("杭州")) == "第十四届全国运动会组委会"


def _province_scan(ctx, pos, suffix):
    k = bisect.bisect_right(ctx.starts, pos) - 1
    while k >= 0:
        if ctx.places[k].province.endswith(suffix):
            return ctx.places[k].province
        k -= 1
    return ctx._dominant(suffix)


def _city_scan(ctx, pos):
    k = bisect.bisect_right(ctx.starts, pos) - 1
    while k >= 0:
        c = ctx._city(ctx.places[k])
        if c:
            return c
        if ctx.places[k].division.level == "province":
            return None
        k -= 1
    return ctx.dominant_city


def test_context_look_ups_answer_as_the_walk_back():
    s = ("新疆维吾尔自治区党委书记马兴瑞在乌鲁木齐市调研。广西壮族自治区南宁市、桂林市，"
         "浙江省杭州市西湖区、淳安县，江苏省，上海市浦东新区，湖北省武汉市。省委、市委、自治区党委负责同志参加。")
    ctx = Context(find_places(s))
    assert len(ctx.places) >= 8
    for pos in range(len(s) + 1):
        for suffix in ("省", "自治区"):
            assert ctx.province(pos, suffix) == _province_scan(ctx, pos, suffix), (pos, suffix)
        assert ctx.city(pos) == _city_scan(ctx, pos), pos


def test_people_index_mentions_in_keeps_the_persons_order():
    doc = ganbu.extract(STORY, "2023-03-03")
    index = PeopleIndex(doc.text, doc.people)
    for p in doc.people:
        for a in range(0, len(STORY), 7):
            for b in (a + 5, a + 40, len(STORY)):
                want = [(x, y) for x, y in p.mentions if a <= x < b]
                assert index.mentions_in(p, a, b) == want
    for a in range(len(STORY) + 1):
        before = [p for x, _, p in index.at if x < a and not index.is_reporter(p)]
        assert index.last_named_before(a) is (before[-1] if before else None)
    reporter = next(p for p in doc.people if p.name == "李明")
    assert index.is_reporter(reporter)


def test_people_index_keeps_the_order_of_unsorted_mentions():
    from ganbu.model import Person

    p = Person(id="p1", name="王浩", mentions=[(30, 32), (5, 7), (18, 20), (6, 8)])
    index = PeopleIndex("x" * 40, [p])
    assert index.mentions_in(p, 0, 40) == [(30, 32), (5, 7), (18, 20), (6, 8)]
    assert index.mentions_in(p, 6, 31) == [(30, 32), (18, 20), (6, 8)]


@pytest.mark.parametrize("seed", range(5))
def test_first_holding_span_as_a_scan(seed):
    rng = random.Random(seed)
    points = [rng.randrange(200) for _ in range(150)]
    spans = []
    for _ in range(40):
        a = rng.randrange(200)
        spans.append((a, a + rng.randrange(1, 60)))
    want = [next((k for k, (a, b) in enumerate(spans) if a <= x < b), None) for x in points]
    assert _first_holding(points, spans) == want


def test_a_long_report_reads_as_its_parts():
    """Twenty reports joined under headings: each gives the people, positions and events it
    gives alone (the indexes of the long text answer for every part)."""
    parts = [
        f"**第{i}部分**\n3月{i}日，浙江省委书记易炼红会见中国石化党组书记、董事长马永生。"
        f"双方就深化合作交换意见。省长王浩参加会见。易炼红表示，欢迎企业来浙投资。\n"
        for i in range(1, 21)
    ]
    whole = ganbu.extract("".join(parts), "2023-03-25")
    one = ganbu.extract(parts[0], "2023-03-25")
    assert len(whole.events) == 20 * len(one.events) and len(one.events) == 1
    assert {p.name for p in whole.people} == {p.name for p in one.people}
    want = {(q["name"], q["role"]) for q in one.to_dict()["events"][0]["participants"]}
    for ev in whole.to_dict()["events"]:
        assert {(q["name"], q["role"]) for q in ev["participants"]} == want
        assert ev["topics"] == one.to_dict()["events"][0]["topics"]
    assert len(whole.statements) == 20


def _same_scan(ev, events, sent_people):
    """The repeat finder as it was: every event logged, in order."""
    if not ev.date or not sent_people:
        return None
    ids = {p.id for p in sent_people}
    for other in events:
        if other.type != ev.type or not other.date or other.date.get("start") != ev.date.get("start"):
            continue
        if other.span[0] == ev.span[0]:
            continue
        same_targets = {o.org.canonical for o in ev.targets} & {o.org.canonical for o in other.targets}
        if other.passage == ev.passage and not (same_targets or (not ev.targets and not other.targets)):
            continue
        if ids and ids <= set(other.people) and (not ev.targets or not other.targets or same_targets):
            return other
    return None


@pytest.mark.parametrize("seed", range(4))
def test_event_log_finds_the_repeat_a_scan_finds(seed):
    from ganbu.events.types import Event, EventLog
    from ganbu.lang.lexicon import org_alias_index
    from ganbu.model import Person
    from ganbu.people.orgs import OrgMention

    rng = random.Random(seed)
    index = org_alias_index("2023-03-03")
    bodies = [OrgMention(0, 3, name, index[name]) for name in ("商务部", "海关总署", "国铁集团")]
    people = [Person(id=f"p{i}", name=f"人{i}") for i in range(4)]
    days = [None, {"start": None, "text": "3月1日"}, {"start": "2023-03-01"}, {"start": "2023-03-02"}]

    def event():
        a = rng.randrange(50) * 10
        ev = Event(rng.choice(["visit", "meeting"]), (a, a + 2), [a, a + 9], rng.choice(days), None,
                   targets=rng.sample(bodies, rng.randrange(3)), passage=rng.randrange(3))
        return ev

    log = EventLog()
    found = 0
    for _ in range(400):
        ev = event()
        sent_people = rng.sample(people, rng.randrange(3))
        dup = log.same(ev, sent_people)
        assert dup is _same_scan(ev, log.events, sent_people)
        found += dup is not None
        if rng.random() < 0.6:
            for p in rng.sample(people, rng.randrange(3)):
                ev.add(p.id, "attendee")  # people given before the event is logged
            log.append(ev)
        for other in rng.sample(log.events, min(3, len(log.events))):  # people join events later
            other.add(rng.choice(people).id, rng.choice(["attendee", "host"]))
    assert found > 20
