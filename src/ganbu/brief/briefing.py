"""The briefing: a roundup in the desk's form (headline naming the pattern with its count, a lead,
one section per province ordered by its leaders' rank then its activity, a closing on what
follows) or a digest (bullets per day). Every sentence carries its sources.
"""
from __future__ import annotations

import datetime as _dt
from collections import defaultdict

from ..lang import dates as _dates
from .compose import Writer, body_names, person_names, province_piece, total_piece
from .facts import Unit
from .finders import gathering_groups
from .records import Briefing, FactRef, Section
from .tables import template, words
from .text import Piece, Sourcer, fact, fill, fmt_dates, join, lit

__all__ = ["digest", "roundup"]

D = _dt.date


# ---------------------------------------------------------------- scope

def _in_scope(u: Unit, place: str | None, provinces: list[str] | None, away: bool) -> bool:
    if place and not ((u.place and place in u.place) or (u.place_province or "").startswith(place)):
        return False
    if provinces:
        return any(u.section.startswith(p) for p in provinces if u.section)
    if away:
        return bool(u.section) and u.section != u.place_province
    return True


def _section_order(units: list[Unit]) -> tuple:
    rank = min((p.rank for u in units for p in u.actors), default=99)
    bodies = {b.canonical for u in units for b in u.bodies}
    return (rank, -len(bodies), -len(units), min(u.date for u in units))


def _occasion(src: Sourcer, docs: set[int]) -> Piece | None:
    """An occasion the reports name (全国两会召开前夕), the first of the word list found."""
    for w in words("occasion"):
        for doc in sorted(docs):
            k = src.text(doc).find(w)
            if k >= 0:
                return fact(w, [FactRef(w, doc, k, k + len(w))])
    return None


def _closing(src: Sourcer, docs: set[int], after: D) -> list[Piece]:
    """Sessions the reports announce for a day after the period's activities (3月5日，十四届全国
    人大一次会议将开幕)."""
    out: dict[str, Piece] = {}
    verbs = words("session_verb")
    for doc in sorted(docs):
        text, published = src.text(doc), src.docs[doc].published
        last: D | None = None
        for m in _dates.find_dates(text):
            if m.kind == "date":
                r = _dates.resolve(m, published=published, current=last)
                last = D.fromisoformat(r["start"]) if r["start"] else last
                day_ref = FactRef(None, doc, m.start, m.end)
                continue
            if m.kind != "session" or last is None or last <= after or m.text in out:
                continue
            tail = text[m.end:src.sentence_of(doc, m.start, m.end)[1]]
            verb = next((v for v in verbs if v in tail[:12]), None)
            if verb is None:
                continue
            future = "将" in tail[: tail.find(verb)]
            key = "closing.session.future" if future else "closing.session"
            out[m.text] = fill(key, date=Piece(lit(fmt_dates(last)).segments, [day_ref]),
                               session=fact(m.text, [FactRef(m.text, doc, m.start, m.end)]), verb=verb)
    return list(out.values())


# ---------------------------------------------------------------- the roundup

def roundup(units: list[Unit], src: Sourcer, date_from: D, date_to: D, *, place: str | None = None,
            provinces: list[str] | None = None) -> Briefing:
    """The desk's roundup (long: one step a part of the briefing, in reading order). When top
    leaders of several provinces gathered in one city (at ``place``, or anywhere without it), the
    roundup is about that gathering: the visiting provinces, not the host city's own leaders."""
    groups = gathering_groups([u for u in units if _in_scope(u, place, None, True)])
    if place is None and groups:
        city_units = [u for us in groups[0][1].values() for u in us]
        place = min((u.place for u in city_units if u.place), key=len)
    away = bool(groups)
    scoped = [u for u in units if _in_scope(u, place, provinces, away)]
    b = Briefing("roundup", date_from, date_to, place, provinces, None)
    if not scoped:
        b.note = template("empty").format(dates=fmt_dates(date_from, date_to, year=True))
        return b
    by_section: dict[str, list[Unit]] = defaultdict(list)
    for u in scoped:
        by_section[u.section].append(u)
    order = sorted(by_section, key=lambda k: _section_order(by_section[k]))
    w = Writer(src)
    docs = {d for u in scoped for d in u.documents}
    provs = [k for k in order if k]
    tops = {k: [p for u in by_section[k] for p in u.top_actors] for k in provs}
    gathering = len([k for k in provs if tops[k]]) >= 2 and place is not None
    b.headline = w.sentence(_headline(w, src, scoped, by_section, order, gathering, place, docs))
    b.lead = [s for s in map(w.sentence, _lead(scoped, by_section, order, gathering, place)) if s]
    for k in order:
        b.sections.append(_province_section(w, k, by_section[k]))
    after = max(u.date_end or u.date for u in scoped)
    b.closing = [s for s in map(w.sentence, _closing(src, docs, after)) if s]
    _excerpts(b, src)
    return b


def _section_name(k: str) -> Piece:
    return lit(k or template("section.central"))


def _headline(w: Writer, src: Sourcer, scoped: list[Unit], by_section: dict[str, list[Unit]], order: list[str],
              gathering: bool, place: str | None, docs: set[int]) -> Piece:
    first = min(u.date for u in scoped)
    last = max(u.date_end or u.date for u in scoped)
    date_piece = Piece(lit(fmt_dates(first, last)).segments, [f for u in scoped for f in u.date_facts])
    if gathering:
        provs = [k for k in order if k and any(u.top_actors for u in by_section[k])]
        tops = list({p.key: p for k in provs for u in by_section[k] for p in reversed(u.top_actors)}.values())
        # each province's top leaders as the first report that places them there names them
        evidence = Piece([], [f for p in tops for f in p.title_piece.facts[:1] + p.name_piece.facts[:1]])
        city = fact(place or "", [f for u in scoped for f in u.place_piece.facts[:1]][:1])
        occasion = _occasion(src, docs)
        if occasion is not None:
            return fill("headline.gathering", occasion=occasion, n=len(provs), city=city) + evidence
        return fill("headline.gathering.plain", dates=date_piece, n=len(provs), city=city) + evidence
    leads = []
    for k in order[:3]:
        actors = sorted({p.key: p for u in by_section[k] for p in u.actors}.values(), key=lambda p: p.rank)
        leads += actors[:1]
    ends = [min(scoped, key=lambda u: u.date), max(scoped, key=lambda u: u.date_end or u.date)]
    date_piece = Piece(date_piece.segments, [f for u in ends for f in u.date_facts])
    return fill("headline.sections", dates=date_piece, leaders=person_names(leads), k=len(scoped))


def _lead(scoped: list[Unit], by_section: dict[str, list[Unit]], order: list[str], gathering: bool,
          place: str | None) -> list[Piece]:
    first = min(u.date for u in scoped)
    last = max(u.date_end or u.date for u in scoped)
    dates = Piece(lit(fmt_dates(first, last, year=True)).segments, [f for u in scoped for f in u.date_facts])
    out = []
    if gathering:
        provs = [k for k in order if k]
        names = join(province_piece(k, [p for u in by_section[k] for p in u.actors]) for k in provs)
        bodies = [b for u in scoped for b in u.bodies]
        at = fill("at_place", place=fact(place or "", [f for u in scoped for f in u.place_piece.facts]))
        if bodies:
            out.append(fill("lead.gathering", dates=dates, provinces=names, n=len(provs), at_place=at,
                            bodies=body_names(bodies), k=len({x.canonical for x in bodies})))
        else:
            out.append(fill("lead.gathering.nobody", dates=dates, provinces=names, n=len(provs), at_place=at))
    else:
        sections = join(_section_label(k, by_section[k]) for k in order)
        docs = {d for u in scoped for d in u.documents}
        out.append(fill("lead.sections", dates=dates, sections=sections, n=len(scoped), k=len(docs)))
    items = []
    for k in order:
        amounts = [a for u in by_section[k] if u.kind == "signing" for a in u.amounts]
        total = total_piece(amounts)
        if total is not None and k:
            label = province_piece(k, [p for u in by_section[k] for p in u.actors])
            label = label + Piece([], [f for u in by_section[k] if u.kind == "signing" for p in u.parties
                                       for f in p.surface.facts])
            top = next(a for a in amounts if not a.nested)
            central = {p.canonical: p for u in by_section[k] if u.kind == "signing" for p in u.parties
                       if p.kind in words("central_kind")}
            kinds = {p.kind for p in central.values()}
            item = "lead.signings.item" if not central else \
                "lead.signings.soe" if kinds <= {"soe", "bank"} else "lead.signings.central"
            items.append(fill(item, province=label, n=len(central),
                              amounts=(top.piece if total.text == top.amount.text else total)))
    if items:
        out.append(fill("lead.signings", items=join(items, "sep.semicolon")))
    return out


def _section_label(k: str, units: list[Unit]) -> Piece:
    if k:
        return province_piece(k, [p for u in units for p in u.actors])
    return lit(template("section.central"))


def _province_section(w: Writer, k: str, units: list[Unit]) -> Section:
    actors = sorted({p.key: p for u in units for p in u.actors}.values(), key=lambda p: p.rank)
    tops = [p for p in actors if p.top] or actors[:2]
    bodies = {b.canonical: b for u in units for b in u.bodies}
    name = province_piece(k, actors) if k else lit(template("section.central"))
    if bodies:
        heading = fill("section.heading.bodies", province=name, leaders=person_names(tops), k=len(bodies))
    else:
        places = [u for u in units if u.place_piece]
        at = fill("at_place", place=places[0].place_piece) if places else Piece()
        heading = fill("section.heading.plain", province=name, leaders=person_names(tops), at_place=at)
    return w.section(k or "central", units, heading, companions_of=k or None)


def _excerpts(b: Briefing, src: Sourcer) -> None:
    for r in b.footnotes():
        raw = src.docs[r.document_id].raw
        b.excerpts[(r.document_id, r.start, r.end)] = " ".join(raw[r.start:r.end].split())


# ---------------------------------------------------------------- the digest

def digest(units: list[Unit], src: Sourcer, date_from: D, date_to: D, *, place: str | None = None,
           provinces: list[str] | None = None) -> Briefing:
    """Bullets per day: each day a section, each activity a bullet with its sources."""
    scoped = [u for u in units if _in_scope(u, place, provinces, False) and date_from <= u.date <= date_to]
    b = Briefing("digest", date_from, date_to, place, provinces, None)
    if not scoped:
        b.note = template("empty").format(dates=fmt_dates(date_from, date_to, year=True))
        return b
    w = Writer(src)
    by_section: dict[str, list[Unit]] = defaultdict(list)
    for u in scoped:
        by_section[u.section].append(u)
    order = sorted(by_section, key=lambda k: _section_order(by_section[k]))
    docs = {d for u in scoped for d in u.documents}
    b.headline = w.sentence(_headline(w, src, scoped, by_section, order, False, place, docs))
    by_day: dict[D, list[Unit]] = defaultdict(list)
    for u in scoped:
        by_day[u.date].append(u)
    for day in sorted(by_day):
        us = by_day[day]
        heading = Piece(lit(fmt_dates(day)).segments, [f for u in us for f in u.date_facts])
        sections: list[Section] = []
        for k in sorted({u.section for u in us}, key=lambda k: _section_order([u for u in us if u.section == k])):
            sections.append(w.section(day.isoformat(), [u for u in us if u.section == k], None, dated=False,
                                      companions_of=k or None))
        head = w.sentence(fill("digest.day", date=heading))
        b.sections.append(Section(day.isoformat(), head, [p for s in sections for p in s.paragraphs]))
    _excerpts(b, src)
    return b
