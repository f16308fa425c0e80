"""Reading the stored facts of a period into what a briefing tells.

Each event report (:class:`ganbu.store.queries_brief.BriefEvent`) becomes one or more
:class:`Unit`: who acted (the *section*: the province of the delegation's most senior member,
or ``""`` for central officials), the bodies visited or met with their heads, the chair, the
topics, what was attended or signed and the sums announced. A visit to several bodies is one
unit per body; units that several reports tell (same section, same body, overlapping dates, or
the same meeting) are merged, keeping every report's spans.

Every piece of text a unit holds is a :class:`~ganbu.brief.text.Piece` read from a report span:
names and titles as the report writes them (a title is the chain of position surfaces before
the name, ``商务部党组书记、部长``), body names as written (``国铁集团``), topics, amounts
with their qualifiers (``超过2900亿元``) and the words before them (``计划总投资``).
"""
from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ..lang import dates as _dates
from ..lang.places import MUNICIPALITIES, find_places
from ..lang.quantities import find_quantities
from ..store.queries_brief import BriefEvent, BriefFacts, BriefOrg, BriefPerson, BriefPosition
from .records import FactRef
from .tables import rank_of, words
from .text import Piece, Sourcer, fact, join

__all__ = ["Amount", "Body", "Person", "Unit", "read_units"]

D = _dt.date
VISIT_CLASS = {"visit", "talks", "meeting", "inspection"}  # types that visit or meet bodies
UNRANKED = rank_of("*", None, "*").rank  # the rank of an office ranks.tsv does not list


@dataclass
class Person:
    key: tuple
    person_id: int | None
    name: str
    province: str | None
    rank: int
    top: bool
    central_org: str | None   # the central body of the person's most senior central office
    central: bool             # holds a ranked central office (a Chinese national official)
    role: str
    name_piece: Piece
    title_piece: Piece


@dataclass
class Body:
    canonical: str
    kind: str | None
    surface: Piece
    heads: list[Person] = field(default_factory=list)


@dataclass
class Amount:
    value: float
    unit: str
    qualifier: str
    nested: bool          # a part of the amount before it (其中 …)
    piece: Piece          # the words before it and the amount, as written
    amount: Piece         # the amount alone, as written
    key: tuple            # (document, start): one amount of one report


@dataclass
class Unit:
    section: str                  # province ("浙江省"), "" for central officials
    kind: str                     # the event type
    date: D
    date_end: D | None
    precise: bool                 # a single day
    place: str | None
    place_province: str | None
    place_piece: Piece
    date_facts: list[FactRef]
    actors: list[Person]
    body: Body | None = None      # the body visited or met (visit class: one unit per body)
    others: list[Body] = field(default_factory=list)  # further central bodies met (a conference)
    chair: list[Person] = field(default_factory=list)
    guests: list[Person] = field(default_factory=list)  # met by the actors (a foreign guest)
    what: Piece | None = None     # what was attended, or signed
    topics: list[Piece] = field(default_factory=list)
    shared_topics: list[Piece] = field(default_factory=list)  # of a visit to several bodies
    parties: list[Body] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    documents: set[int] = field(default_factory=set)
    days: dict[int, D] = field(default_factory=dict)   # document → the single day it gives

    @property
    def bodies(self) -> list[Body]:
        return ([self.body] if self.body else []) + self.others

    @property
    def top_actors(self) -> list[Person]:
        return [p for p in self.actors if p.top]


# ---------------------------------------------------------------- people

def _level(pos: BriefPosition) -> str:
    """central, province, city; foreign for an office of another state (朝鲜劳动党 总书记)."""
    if pos.province is None:
        if pos.org_kind is None and not (pos.organization or pos.office).startswith(words("chinese_prefix")):
            return "foreign"   # an office of another state, or of no known body
        return "central"
    if pos.jurisdiction == pos.province or pos.jurisdiction in MUNICIPALITIES:
        return "province"
    return "city"


def _near(spans: list[tuple[int, int]], lo: int, hi: int) -> tuple[int, int] | None:
    inside = [s for s in spans if lo <= s[0] and s[1] <= hi]
    return inside[0] if inside else (spans[0] if spans else None)


@dataclass
class _Standing:
    rank: int = 99
    top: bool = False
    org: str | None = None      # the central body of the most senior central office
    level: str | None = None
    province: str | None = None


def _standing(p: BriefPerson, central: set[str]) -> _Standing:
    """The person's most senior office in the report (ranks.tsv), whether it makes them a top
    leader of a province, and their province (of the first office that has one)."""
    best = _Standing()
    for pos in p.positions:
        level = _level(pos)
        r = rank_of(level, pos.org_kind, pos.role)
        if pos.province and best.province is None:
            best.province = pos.province
        if r.rank < best.rank:
            best.rank, best.level = r.rank, level
            best.org = pos.organization if (level == "central" and (pos.org_kind in central)) else None
        best.top = best.top or (r.top and level == "province")
    return best


def _person(p: BriefPerson, ev: BriefEvent, text: str, central: set[str]) -> Person:
    lo, hi = ev.span
    st = _standing(p, central)
    near = [pos for pos in p.positions if lo <= pos.span[0] and pos.span[1] <= hi] or p.positions
    if near:  # the chain the report writes before this mention (the nearest positions)
        first = min(near, key=lambda x: x.span[0])
        near = [x for x in near if abs(x.span[0] - first.span[0]) < 40]
    seen: dict[str, FactRef] = {}
    for pos in sorted(near, key=lambda x: x.span):
        surface = text[pos.span[0]:pos.span[1]]
        if surface and surface not in seen:
            seen[surface] = FactRef(surface, ev.document_id, *pos.span)
    title = join(fact(s, [r]) for s, r in seen.items())
    span = _near(p.spans, lo, hi)
    name = fact(p.name, [FactRef(p.name, ev.document_id, *span)] if span else [], p.person_id)
    key = ("p", p.person_id) if p.person_id is not None else ("n", p.name)
    is_central = st.province is None and (st.org is not None or (st.level == "central" and st.rank < UNRANKED))
    return Person(key, p.person_id, p.name, st.province, st.rank, st.top, st.org, is_central, p.role, name, title)


# ---------------------------------------------------------------- organisations

def _org_piece(o: BriefOrg, doc: int, text: str, lo: int, hi: int) -> Piece:
    span = _near(o.spans, lo, hi)
    if span is None:
        return Piece()
    surface = text[span[0]:span[1]]
    return fact(surface, [FactRef(surface, doc, *span)])


def _province_of_org(canonical: str) -> str | None:
    """The province a local body belongs to (辽宁省人民政府 → 辽宁省), None for others."""
    found = find_places(canonical)
    return found[0].province if found else None


# ---------------------------------------------------------------- phrases around the trigger

_CLAUSE_STOP = "，。；：！？\n"


def _what(ev: BriefEvent, text: str, names: Iterable[str] = ()) -> Piece | None:
    """The name of what was attended: the words of the trigger's clause up to the trigger's
    end, after a verb of attending (出席、参加 …) when there is one."""
    t0, t1 = ev.trigger
    a = t0
    while a > 0 and text[a - 1] not in _CLAUSE_STOP and t1 - a < 60:
        a -= 1
    clause = text[a:t1]
    for verb in words("meeting_verb"):
        k = clause.rfind(verb)
        if k >= 0 and a + k + len(verb) < t0 + 1:
            a = a + k + len(verb)
            clause = text[a:t1]
            break
    clause = clause.lstrip("了 ")
    a = t1 - len(clause)
    if len(clause) <= len(text[t0:t1]) or len(clause) > 45 or "在" in clause[:2]:
        return None
    if not any(clause.endswith(n) for n in words("meeting_noun")):
        return None
    if any(w in clause for w in words("not_in_what")) or any(n in clause for n in names):
        return None  # a clause with a verb or a name in it is no meeting's name
    return fact(clause, [FactRef(clause, ev.document_id, a, t1)])


def _agreement(ev: BriefEvent, text: str) -> Piece | None:
    """What was signed: the words after the trigger up to an agreement noun (战略合作协议)."""
    t1 = ev.trigger[1]
    nouns = "|".join(map(re.escape, words("agreement_noun")))
    m = re.compile(rf"了?([^，。；\n]{{0,24}}?(?:{nouns}))").match(text, t1)
    if not m:
        return None
    return fact(m.group(1), [FactRef(m.group(1), ev.document_id, m.start(1), m.end(1))])


def _date_facts(ev: BriefEvent, text: str) -> list[FactRef]:
    """Where the report gives the event's date: the first date written in its span (the
    trigger's sentence when none is)."""
    lo, hi = ev.span
    for m in _dates.find_dates(text[lo:hi]):
        if m.kind in ("date", "range", "list", "relative"):
            return [FactRef(None, ev.document_id, lo + m.start, lo + m.end)]
    return [FactRef(None, ev.document_id, *ev.trigger)]


# ---------------------------------------------------------------- sums

def _amounts(ev: BriefEvent, src: Sourcer) -> list[Amount]:
    """Money announced with a signing: in the signing's sentence and the sentences after it up
    to the end of the next paragraph (a heading stops), when the sentence speaks of signing or
    investment."""
    text = src.text(ev.document_id)
    a, _ = src.sentence_of(ev.document_id, *ev.trigger)
    end, paras = a, 0
    while end < len(text) and paras < 2:
        nl = text.find("\n\n", end)
        end = len(text) if nl < 0 else nl + 2
        paras += 1
        if text.startswith(("**", "#"), end):
            break
    out: list[Amount] = []
    signing = words("signing_word")
    pos = a
    while pos < end:
        s, e = src.sentence_of(ev.document_id, pos, pos + 1)
        sent = text[s:e]
        if any(w in sent for w in signing):
            out += _sentence_amounts(ev.document_id, text, s, sent)
        pos = max(e, pos + 1)
    return out


def _sentence_amounts(doc: int, text: str, s: int, sent: str) -> list[Amount]:
    out = []
    inside = words("inside_word")
    for q in find_quantities(sent):
        if q.kind != "money":
            continue
        k = q.start
        while k > 0 and sent[k - 1] not in _CLAUSE_STOP:
            k -= 1
        prev = sent[max(0, k - 4):k].rstrip("，、 ")
        lead = next((w for w in inside if prev.endswith(w)), None)
        if lead is not None:  # 其中，央企计划投资… : the part keeps its 其中
            k = sent.rfind(lead, 0, k)
        label = sent[k:q.start]
        nested = any(label.startswith(w) for w in inside)
        qa, qb = s + q.start, s + q.end
        amount = fact(text[qa:qb], [FactRef(text[qa:qb], doc, qa, qb)])
        piece = (fact(label, [FactRef(label, doc, s + k, qa)]) if label else Piece()) + amount
        out.append(Amount(float(q.value), q.unit, q.qualifier, nested, piece, amount, (doc, qa)))
    return out


# ---------------------------------------------------------------- one event report

def _section(persons: list[Person]) -> str:
    acting = sorted((p for p in persons if p.role != "host" and p.province), key=lambda p: p.rank)
    if acting:
        return acting[0].province or ""
    return ""


def _bodies(ev: BriefEvent, persons: list[Person], section: str, src: Sourcer, central: set[str]) -> list[Body]:
    """The central bodies a delegation visited or met: those the event names as host (or, for a
    provincial delegation, as the other side), and those whose heads took part; each with its
    heads. For central officials only the hosts count (their own bodies are no visit)."""
    lo, hi = ev.span
    doc, text = ev.document_id, src.text(ev.document_id)
    bodies: dict[str, Body] = {}
    for o in ev.organizations:
        if o.kind in central and (o.role == "host" or (section and o.role in ("attendee", "visitor", "signatory"))):
            piece = _org_piece(o, doc, text, lo, hi)
            if piece:
                bodies.setdefault(o.canonical, Body(o.canonical, o.kind, piece))
    named = {o.canonical: o for o in src.orgs.get(doc, [])}
    for p in persons:
        if not section and p.role != "host":
            continue
        org = named.get(p.central_org or "")
        if org is not None and org.canonical not in bodies and p.province is None and p.role != "chair":
            piece = _org_piece(org, doc, text, lo, hi)
            if piece:
                bodies[org.canonical] = Body(org.canonical, org.kind, piece)
    for p in persons:
        if p.central_org in bodies and p.province is None and p.role != "chair" and (section or p.role == "host"):
            bodies[p.central_org].heads.append(p)
    return list(bodies.values())


def _actors(persons: list[Person], section: str, heads: set[tuple]) -> list[Person]:
    """Who acted: the delegation's members (not its hosts); for central officials, those who
    hold a central office (foreign guests are not actors)."""
    if section:
        out = [p for p in persons if p.province == section and p.role not in ("host", "chair")]
    else:
        out = [p for p in persons if p.central]
    out = [p for p in out if p.key not in heads]
    return sorted(out, key=lambda p: (p.rank, p.name_piece.facts[0].start if p.name_piece.facts else 0))


def _in_range(ev: BriefEvent) -> bool:
    if ev.date is None:
        return False
    if ev.date_end is None:
        return True
    return 0 <= (ev.date_end - ev.date).days <= int(words("max_range_days")[0])


def _units_of(ev: BriefEvent, src: Sourcer, central: set[str]) -> list[Unit]:
    """The units one event report tells (none for an undated event, a period longer than
    ``max_range_days`` or an event with nobody acting in it)."""
    if not _in_range(ev) or ev.date is None:
        return []
    text = src.text(ev.document_id)
    persons = [_person(p, ev, text, central) for p in ev.participants]
    section = _section(persons)
    bodies = _bodies(ev, persons, section, src, central)
    heads = {p.key for b in bodies for p in b.heads}
    actors = _actors(persons, section, heads)
    if not actors and ev.type != "signing":
        return []
    taken = heads | {p.key for p in actors}
    chair = [p for p in persons if p.role == "chair" and p.key not in taken]
    guests = [p for p in persons if p.key not in taken and p.role != "chair" and p.province is None
              and not p.central and p.title_piece]
    base = Unit(section, ev.type, ev.date, ev.date_end, ev.date_end in (None, ev.date) and ev.precision == "day",
                ev.place, ev.place_province, _place(ev, text), _date_facts(ev, text), actors, chair=chair,
                documents={ev.document_id})
    if ev.type == "signing":
        return [_signing_unit(ev, src, base, text)]
    if ev.type in VISIT_CLASS and bodies:
        topics = [t for t in (_topic(t, ev, text) for t in ev.topics) if t]
        per_body, shared = _topics_by_body(topics, bodies, src, ev.document_id, central)
        return [replace(base, body=b, topics=per_body.get(b.canonical, []), shared_topics=shared,
                        actors=list(actors), documents=set(base.documents)) for b in bodies]
    meet = any(text[ev.trigger[0]:ev.trigger[1]].endswith(v) for v in words("meet_verb"))
    base.others, base.guests = bodies, guests if meet else []
    base.what = _what(ev, text, [p.name for p in ev.participants])
    return [base]


def _place(ev: BriefEvent, text: str) -> Piece:
    if not ev.place:
        return Piece()
    k = text.find(ev.place, *ev.span)
    ref = FactRef(ev.place, ev.document_id, k, k + len(ev.place)) if k >= 0 else \
        FactRef(None, ev.document_id, *ev.trigger)  # the venue as resolved (在京 → 北京)
    return fact(ev.place, [ref])


def _topics_by_body(topics: list[Piece], bodies: list[Body], src: Sourcer, doc: int, central: set[str]
                    ) -> tuple[dict[str, list[Piece]], list[Piece]]:
    """Each topic goes to the body its report sentence names before it when that sentence names
    one central body only (在商务部，…就…交流), or to the visit's only body when the sentence
    names none; topics of a sentence naming several bodies are shared by the whole visit."""
    per_body: dict[str, list[Piece]] = {}
    shared: list[Piece] = []
    ours = {b.canonical for b in bodies}
    named = [o for o in src.orgs.get(doc, []) if o.kind in central]
    for t in topics:
        k = t.facts[0].start
        a, _ = src.sentence_of(doc, k, k + 1)
        before = {o.canonical for o in named if any(a <= x < k for x, _ in o.spans)}
        if len(before) == 1 and before <= ours:
            per_body.setdefault(before.pop(), []).append(t)
        elif not before and len(ours) == 1:
            per_body.setdefault(next(iter(ours)), []).append(t)
        else:
            shared.append(t)
    return per_body, shared


def _topic(t: str, ev: BriefEvent, text: str) -> Piece | None:
    k = text.find(t, *ev.span)
    if k < 0:
        k = text.find(t)
    return fact(t, [FactRef(t, ev.document_id, k, k + len(t))]) if k >= 0 else None


def _signing_unit(ev: BriefEvent, src: Sourcer, u: Unit, text: str) -> Unit:
    s, _ = src.sentence_of(ev.document_id, *ev.trigger)
    t1 = ev.trigger[1]
    parties: dict[str, Body] = {}
    orgs = {o.canonical: o for o in ev.organizations}
    doc = src.docs[ev.document_id]
    for o in src.orgs.get(ev.document_id, []) or ev.organizations:
        span = next((sp for sp in o.spans if s <= sp[0] and sp[1] <= t1), None)
        if span is not None or o.canonical in orgs:
            piece = _org_piece(o, ev.document_id, doc.text, s, t1)
            if piece:
                parties.setdefault(o.canonical, Body(o.canonical, o.kind, piece))
    ordered = sorted(parties.values(), key=lambda b: b.surface.facts[0].start)
    if not u.section:
        u.section = next((p for p in map(_province_of_org, parties) if p), "")
    u.parties, u.what, u.amounts = ordered, _agreement(ev, text), _amounts(ev, src)
    return u


# ---------------------------------------------------------------- merging what several reports tell

def _overlap(a: Unit, b: Unit) -> bool:
    return a.date <= (b.date_end or b.date) and b.date <= (a.date_end or a.date)


def _key(u: Unit) -> tuple:
    if u.body is not None:
        return (u.section, "body", u.body.canonical)
    if u.kind == "signing":
        return (u.section, "signing", tuple(sorted(p.canonical for p in u.parties)))
    return (u.section, u.kind, u.what.text if u.what else None)


def _same(u: Unit, v: Unit) -> bool:
    """One happening told twice: the same body visited, the same parties signing, the same
    meeting named, or (unnamed) the same kind led by the same person; on overlapping days."""
    if not _overlap(u, v):
        return False
    if u.body is not None or u.kind == "signing" or u.what is not None:
        return True
    return bool(u.actors and v.actors and u.actors[0].key == v.actors[0].key)


def _merge_people(a: list[Person], b: list[Person]) -> list[Person]:
    out = {p.key: p for p in a}
    for p in b:
        q = out.get(p.key)
        if q is None:
            out[p.key] = p
        else:
            if len(p.title_piece.text) > len(q.title_piece.text):
                q.title_piece = p.title_piece
            q.name_piece = Piece(q.name_piece.segments, q.name_piece.facts + p.name_piece.facts)
            q.top = q.top or p.top
            q.rank = min(q.rank, p.rank)
    return sorted(out.values(), key=lambda p: p.rank)


def _merge_into(a: Unit, b: Unit) -> None:
    if b.precise and (not a.precise or b.date < a.date):
        a.date, a.date_end, a.precise = b.date, b.date_end, True
    a.date_facts += b.date_facts
    a.actors = _merge_people(a.actors, b.actors)
    a.chair = _merge_people(a.chair, b.chair)
    a.guests = _merge_people(a.guests, b.guests)
    if a.body is not None and b.body is not None:
        a.body.surface = Piece(a.body.surface.segments, a.body.surface.facts + b.body.surface.facts)
        a.body.heads = _merge_people(a.body.heads, b.body.heads)
    a.topics += [t for t in b.topics if t.text not in {x.text for x in a.topics}]
    a.shared_topics += [t for t in b.shared_topics if t.text not in {x.text for x in a.shared_topics}]
    known = {x.key for x in a.amounts}
    a.amounts += [x for x in b.amounts if x.key not in known]
    if a.what is None:
        a.what = b.what
    elif b.what is not None and b.what.text == a.what.text:
        a.what = Piece(a.what.segments, a.what.facts + b.what.facts)
    a.place_piece = a.place_piece if a.place_piece.facts else b.place_piece
    a.documents |= b.documents
    for doc, day in b.days.items():
        a.days.setdefault(doc, day)


def merge_units(units: Iterable[Unit]) -> list[Unit]:
    """Units that several reports (or several events of one report) tell, merged."""
    out: list[Unit] = []
    by_key: dict[tuple, list[Unit]] = {}
    for u in sorted(units, key=lambda x: (not x.precise, x.date)):
        if u.precise:
            u.days = dict.fromkeys(u.documents, u.date)
        same = next((v for v in by_key.get(_key(u), []) if _same(u, v)), None)
        if same is None:
            by_key.setdefault(_key(u), []).append(u)
            out.append(u)
        else:
            _merge_into(same, u)
    out.sort(key=lambda u: (u.date, u.section, min(f.start for f in u.date_facts) if u.date_facts else 0))
    return out


def read_units(facts: BriefFacts, src: Sourcer) -> list[Unit]:
    """Every unit the period's event reports tell, merged across reports."""
    central = set(words("central_kind"))
    units: list[Unit] = []
    for ev in facts.events:
        if ev.document_id in src.docs:
            units += _units_of(ev, src, central)
    return merge_units(units)
