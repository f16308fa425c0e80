"""What a desk would notice in a period: gatherings of provincial top leaders in one city, the
central bodies most visited, signings and their sums, personnel changes, leaders gone quiet,
and inconsistencies (a heading that counts 9 bodies when the text lists 8; reports that give
one visit different days).

Each finder returns :class:`~ganbu.brief.records.Pattern` rows with a score (higher first;
scores compare within a kind), the facts behind it and the report spans they come from.
"""
from __future__ import annotations

import datetime as _dt
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from typing import Any

from ..lang.quantities import parse_cn_number
from ..store.queries_brief import ChangeSpan, QuietLeader
from .compose import person_names, province_short, sum_amounts, total_piece
from .facts import Person, Unit
from .records import FactRef, Pattern
from .tables import rank_of, words
from .text import Piece, Sourcer, fill, fmt_amount, fmt_dates, join, lit

__all__ = ["bodies", "changes", "gatherings", "inconsistencies", "quiet", "signings"]

D = _dt.date


def _pattern(src: Sourcer, kind: str, title: Piece, score: float, dates: tuple[D | None, D | None],
             facts: dict[str, Any]) -> Pattern:
    return Pattern(kind, title.text, round(score, 3), dates[0], dates[1], facts, src.sources(title.facts))


def _span(units: Iterable[Unit]) -> tuple[D, D]:
    us = list(units)
    return min(u.date for u in us), max(u.date_end or u.date for u in us)


def _city(units: list[Unit]) -> str:
    return min((u.place for u in units if u.place), key=len, default="")


def _names(persons: Iterable[Person]) -> list[str]:
    return list(dict.fromkeys(p.name for p in persons))


# ---------------------------------------------------------------- gatherings

def gathering_groups(units: list[Unit]) -> list[tuple[str, dict[str, list[Unit]]]]:
    """Cities where top leaders of several provinces worked: (city, {province: units}), the
    largest first. A province's own leaders at home do not count."""
    by_city: dict[str, dict[str, list[Unit]]] = defaultdict(lambda: defaultdict(list))
    for u in units:
        if u.section and u.place and u.top_actors and u.section != u.place_province:
            by_city[u.place_province or u.place][u.section].append(u)
    out = [(city, dict(provs)) for city, provs in by_city.items() if len(provs) >= 2]
    out.sort(key=lambda x: (-len(x[1]), -sum(map(len, x[1].values())), x[0]))
    return out


def gatherings(units: list[Unit], src: Sourcer) -> list[Pattern]:
    out = []
    for _key, provs in gathering_groups(units):
        every = [u for us in provs.values() for u in us]
        city = _city(every)
        items, facts = [], []
        for prov, us in sorted(provs.items(), key=lambda kv: _span(kv[1])):
            tops = sorted((p for u in us for p in u.top_actors), key=lambda p: p.rank)
            a, b = _span(us)
            items.append(fill("pattern.gathering.province", province=province_short(prov),
                              names=person_names(tops), dates=Piece(lit(fmt_dates(a, b)).segments,
                                                                     [f for u in us for f in u.date_facts])))
            facts.append({"province": prov, "leaders": _names(tops), "from": a, "to": b, "activities": len(us),
                          "bodies": list(dict.fromkeys(x.canonical for u in us for x in u.bodies))})
        title = fill("pattern.gathering", n=len(provs), city=city, provinces=join(items))
        out.append(_pattern(src, "gathering", title, len(provs) + 0.01 * len(every), _span(every),
                            {"city": city, "provinces": facts}))
    return out


# ---------------------------------------------------------------- bodies visited

def bodies(units: list[Unit], src: Sourcer) -> list[Pattern]:
    by_body: dict[str, list[Unit]] = defaultdict(list)
    for u in units:
        if u.section:
            for b in u.bodies:
                by_body[b.canonical].append(u)
    out = []
    for canon, us in by_body.items():
        provs: dict[str, list[Unit]] = defaultdict(list)
        for u in us:
            provs[u.section].append(u)
        surface = next(b.surface for b in us[0].bodies if b.canonical == canon)
        visitors, facts = [], []
        for prov, pus in sorted(provs.items(), key=lambda kv: _span(kv[1])):
            leads = sorted((p for u in pus for p in (u.top_actors or u.actors[:2])), key=lambda p: p.rank)
            heads = [p for u in pus for b in u.bodies if b.canonical == canon for p in b.heads]
            d0, d1 = _span(pus)
            visitors.append(fill("pattern.body.visitor", province=province_short(prov), names=person_names(leads),
                                 dates=Piece(lit(fmt_dates(d0, d1)).segments, [f for u in pus for f in u.date_facts])))
            facts.append({"province": prov, "leaders": _names(leads), "heads": _names(heads), "from": d0, "to": d1})
        title = fill("pattern.body", body=surface, n=len(provs), visitors=join(visitors))
        out.append(_pattern(src, "body", title, len(provs) + 0.1 * len(us), _span(us),
                            {"body": canon, "visits": len(us), "by": facts}))
    out.sort(key=lambda p: -p.score)
    return out


# ---------------------------------------------------------------- signings

def signings(units: list[Unit], src: Sourcer) -> list[Pattern]:
    by_prov: dict[str, list[Unit]] = defaultdict(list)
    for u in units:
        if u.kind == "signing":
            by_prov[u.section].append(u)
    out = []
    for prov, us in by_prov.items():
        amounts = [a for u in us for a in u.amounts]
        name = province_short(prov) if prov else join(p.surface for p in us[0].parties[:1]).text
        total = sum_amounts(amounts)
        if total is not None and len(us) > 1:
            title = fill("pattern.signing.total", province=name, k=len(us), total=total_piece(amounts) or Piece())
            title = title + Piece([], [f for u in us for p in u.parties for f in p.surface.facts])
        else:
            shown = join((a.piece for a in amounts), "sep.clause") if amounts else join(
                p.surface for u in us for p in u.parties)
            title = fill("pattern.signing", province=name, amounts=shown)
        score = len(us) + (math.log10(total[0]) if total and total[0] > 1 else 0)
        facts = {"province": prov or None, "signings": [_signing_facts(u) for u in us],
                 "total": {"value": total[0], "unit": total[1], "qualifier": total[2],
                           "text": fmt_amount(*total)} if total else None}
        out.append(_pattern(src, "signing", title, score, _span(us), facts))
    out.sort(key=lambda p: -p.score)
    return out


def _signing_facts(u: Unit) -> dict[str, Any]:
    return {"date": u.date, "parties": [p.surface.text for p in u.parties], "what": u.what.text if u.what else None,
            "amounts": [{"text": a.piece.text, "amount": a.amount.text, "value": a.value, "unit": a.unit,
                         "qualifier": a.qualifier, "part_of_previous": a.nested} for a in u.amounts]}


# ---------------------------------------------------------------- personnel changes

def changes(rows: list[ChangeSpan], src: Sourcer) -> list[Pattern]:
    out = []
    for r in rows:
        c = r.change
        if c.source is None or r.span is None or c.source.document_id not in src.docs:
            continue
        doc = c.source.document_id
        surface = src.text(doc)[r.span[0]:r.span[1]]
        ref = [FactRef(surface, doc, *r.span)]
        title = fill(f"pattern.change.{c.kind.replace(' ', '_')}", name=Piece(lit(c.name).segments, ref),
                     office=Piece(lit(c.office.replace(" ", "")).segments, ref), date=fmt_dates(c.date))
        level = "central" if r.province is None else "province" if r.jurisdiction == r.province else "city"
        rank = rank_of(level, r.org_kind, r.role or "*").rank
        out.append(_pattern(src, "change", title, 10.0 / (1 + rank), (c.date, c.date),
                            {"kind": c.kind, "person_id": c.person_id, "name": c.name, "office": c.office,
                             "acting": c.acting, "date": c.date}))
    out.sort(key=lambda p: (-p.score, p.date_from or D.min))
    return out


# ---------------------------------------------------------------- leaders gone quiet

@cache
def top_roles() -> tuple[tuple[str, str], ...]:
    """(organisation kind, role) of a province's top leaders, from ranks.tsv."""
    from ..lang.tables import rows

    return tuple((r["kind"], r["role"]) for r in rows("ganbu.brief", "ranks.tsv")
                 if r["level"] == "province" and r["top"] == "1")


def quiet(rows: list[QuietLeader], src: Sourcer) -> list[Pattern]:
    out = []
    for q in rows:
        if q.document_id is None or q.span is None or q.document_id not in src.docs:
            continue
        ref = [FactRef(q.name, q.document_id, *q.span)]
        title = fill("pattern.quiet", name=Piece(lit(q.name).segments, ref), office=q.office.replace(" ", ""),
                     days=q.days_silent, title=q.title or "", date=fmt_dates(q.last_seen))
        out.append(_pattern(src, "quiet", title, q.days_silent / 30, (q.last_seen, q.last_seen),
                            {"person_id": q.person_id, "name": q.name, "office": q.office, "last_seen": q.last_seen,
                             "days_silent": q.days_silent, "document_id": q.document_id}))
    return out


# ---------------------------------------------------------------- inconsistencies

@cache
def _count_re() -> re.Pattern[str]:
    nouns = "|".join(sorted(map(re.escape, words("count_noun")), key=len, reverse=True))
    return re.compile(rf"(?P<n>\d+|[一二三四五六七八九十两]+)(?P<more>余|多)?家(?P<noun>{nouns})")


def _count(n: str) -> int | None:
    if n.isdigit():
        return int(n)
    v = parse_cn_number(n)
    return int(v) if isinstance(v, (int, float)) else None


_HEADING = re.compile(r"^(?:#+[ \t]*.+|\*\*[^*\n]+\*\*)[ \t]*$", re.M)


def count_mismatches(doc: int, src: Sourcer) -> list[tuple[FactRef, FactRef, int, int, str]]:
    """Headings that count N bodies (9家央企) when the text counts another number (8家)."""
    text = src.text(doc)
    heads = [(m.start(), m.end()) for m in _HEADING.finditer(text)]
    in_head = lambda k: any(a <= k < b for a, b in heads)  # noqa: E731
    head_counts, body_counts = [], []
    for m in _count_re().finditer(text):
        n = _count(m.group("n"))
        noun = "央企" if m.group("noun") in ("央企", "中央企业") else m.group("noun")
        if n is None:
            continue
        if in_head(m.start()):
            head_counts.append((n, noun, m))
        elif not m.group("more"):
            body_counts.append((n, noun, m))
    out = []
    for n, noun, m in head_counts:
        same = [(k, mm) for k, nn, mm in body_counts if nn == noun]
        if same and n not in {k for k, _ in same}:
            k, mm = same[0]
            out.append((FactRef(m.group(), doc, m.start(), m.end()), FactRef(mm.group(), doc, mm.start(), mm.end()),
                        n, k, noun))
    return out


def inconsistencies(units: list[Unit], src: Sourcer, documents: Iterable[int]) -> list[Pattern]:
    out = []
    for doc in sorted(set(documents)):
        for head, body, n, k, noun in count_mismatches(doc, src):
            title = fill("pattern.count-mismatch", title=src.docs[doc].title or "", n=n, k=k, noun=noun)
            title = title + Piece([], [head, body])
            out.append(_pattern(src, "inconsistency", title, 1.0, (None, None),
                                {"what": "count-mismatch", "document_id": doc, "heading": n, "text": k, "noun": noun}))
    out += _date_mismatches(units, src)
    return out


def _date_mismatches(units: list[Unit], src: Sourcer) -> list[Pattern]:
    """One visit, two days: reports that give the same delegation's visit to the same body
    different single days a few days apart (``mismatch_days`` in words.tsv), each report one day."""
    near = int(words("mismatch_days")[0])
    groups: dict[tuple[str, str], list[Unit]] = defaultdict(list)
    for u in units:
        if u.body is not None and u.section and u.days:
            groups[(u.section, u.body.canonical)].append(u)
    out = []
    for us in groups.values():
        days: dict[int, set[D]] = defaultdict(set)
        for u in us:
            for doc, day in u.days.items():
                days[doc].add(day)
        if len(days) < 2 or any(len(v) > 1 for v in days.values()):
            continue
        values = sorted({next(iter(v)) for v in days.values()})
        if len(values) > 1 and (values[-1] - values[0]).days <= near:
            out.append(_date_mismatch(us, {doc: next(iter(v)) for doc, v in days.items()}, src))
    return out


def _date_mismatch(us: list[Unit], days: dict[int, D], src: Sourcer) -> Pattern:
    u = us[0]
    assert u.body is not None
    values = []
    facts = [f for x in us for f in x.date_facts if f.document_id in days]
    for doc, day in sorted(days.items(), key=lambda kv: kv[1]):
        values.append(fill("pattern.date-mismatch.value", title=src.docs[doc].title or "", date=fmt_dates(day)))
    verb = {"talks": "会谈", "meeting": "会见"}.get(u.kind, "走访")
    title = fill("pattern.date-mismatch", province=province_short(u.section), verb=verb, body=u.body.surface,
                 values=join(values, "sep.semicolon")) + Piece([], facts)
    return _pattern(src, "inconsistency", title, 1.0, (min(days.values()), max(days.values())),
                    {"what": "date-mismatch", "province": u.section, "body": u.body.canonical,
                     "days": {str(d): day for d, day in days.items()}})

