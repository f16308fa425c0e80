"""The queries the web interface (:mod:`ganbu.web`) reads beyond :mod:`ganbu.store.queries`:
search across people, organisations, places and report text; a report with every extracted span;
one event; the evidence of a person's offices; counts of a filtered set of events per province,
per type and per day.

Like the other query modules: plain functions over a connection returning typed rows (``to_dict``
gives JSON-ready dicts), the same SQL on SQLite and PostgreSQL. The web layer holds no SQL.
"""
from __future__ import annotations

import datetime as _dt
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, or_, select

from . import schema as S
from .queries import EventRow, Row, Source, _event_rows, event_ids_query, find_persons
from .queries_brief import BriefEvent, _fill_event_orgs, _fill_participants, _positions, _spans

__all__ = [
    "EventCounts",
    "ReportSpan",
    "ReportView",
    "SearchResults",
    "event",
    "event_counts",
    "namesakes",
    "office_evidence",
    "report",
    "search",
]

D = _dt.date
Span = tuple[int, int]
#: how many of the latest reports a text search reads (texts are stored compressed)
TEXT_SCAN = 20000


@dataclass
class SearchResults(Row):
    query: str
    persons: list[dict] = field(default_factory=list)        # person_id, name, n_mentions, first/last seen, offices
    organizations: list[dict] = field(default_factory=list)  # organization_id, name, kind
    places: list[dict] = field(default_factory=list)         # place_id, name, province, events
    reports: list[dict] = field(default_factory=list)        # document_id, title, published, span, snippet, where
    texts_scanned: int = 0                                   # reports whose text was searched (the latest first)
    texts_total: int = 0


def _like(q: str) -> str:
    return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search(conn: Connection, q: str, *, limit: int = 20, text_scan: int = TEXT_SCAN) -> SearchResults:
    """People, organisations (name or alias), places (name or province) and reports (title, or
    text among the latest ``text_scan`` reports) containing ``q``; at most ``limit`` of each."""
    q = q.strip()
    out = SearchResults(q)
    if not q:
        return out
    like = _like(q)
    p, n, o, a, pl, ev = S.persons.c, S.names.c, S.organizations.c, S.org_aliases.c, S.places.c, S.events.c
    rows = conn.execute(select(p.id, n.name, p.n_mentions, p.first_seen, p.last_seen)
                        .join(S.names, n.id == p.name_id).where(n.name.like(like, escape="\\"))
                        .order_by(p.n_mentions.desc(), p.id).limit(limit)).all()
    offices = _latest_offices(conn, [r.id for r in rows])
    out.persons = [{"person_id": r.id, "name": r.name, "n_mentions": r.n_mentions, "first_seen": r.first_seen,
                    "last_seen": r.last_seen, "offices": offices.get(r.id, [])} for r in rows]
    ids = select(a.organization_id).where(a.alias.like(like, escape="\\"))
    out.organizations = [{"organization_id": i, "name": c, "kind": k} for i, c, k in conn.execute(
        select(o.id, o.canonical, o.kind).where(or_(o.canonical.like(like, escape="\\"), o.id.in_(ids)))
        .order_by(func.length(o.canonical), o.id).limit(limit))]
    n_ev = select(func.count()).where(ev.place_id == pl.id).scalar_subquery()
    out.places = [{"place_id": i, "name": nm, "province": pr, "events": c} for i, nm, pr, c in conn.execute(
        select(pl.id, pl.name, pl.province, n_ev).where(or_(pl.name.like(like, escape="\\"),
                                                            pl.province.like(like, escape="\\")))
        .order_by(n_ev.desc(), pl.id).limit(limit))]
    _search_reports(conn, out, q, like, limit, text_scan)
    return out


def _latest_offices(conn: Connection, pids: list[int], per: int = 2) -> dict[int, list[str]]:
    sp, o = S.spells.c, S.offices.c
    out: dict[int, list[str]] = defaultdict(list)
    if not pids:
        return out
    q = (select(sp.person_id, o.label).join(S.offices, o.id == sp.office_id).where(sp.person_id.in_(pids))
         .order_by(sp.person_id, func.coalesce(sp.end_date, sp.last_seen).desc()))
    for pid, label in conn.execute(q):
        if len(out[pid]) < per and label not in out[pid]:
            out[pid].append(label)
    return out


def _search_reports(conn: Connection, out: SearchResults, q: str, like: str, limit: int, text_scan: int) -> None:
    d, t = S.documents.c, S.document_texts.c
    seen: set[int] = set()
    for did, title, pub in conn.execute(select(d.id, d.title, d.published).where(d.title.like(like, escape="\\"))
                                        .order_by(d.published.desc(), d.id.desc()).limit(limit)):
        seen.add(did)
        i = title.find(q)
        out.reports.append({"document_id": did, "title": title, "published": pub, "where": "title",
                            "span": None, "snippet": title, "match": (i, i + len(q))})
    out.texts_total = conn.scalar(select(func.count()).select_from(S.documents)) or 0
    if text_scan <= 0 or len(out.reports) >= limit:
        return
    chunk = 2000
    for offset in range(0, text_scan, chunk):
        batch = conn.execute(select(d.id, d.title, d.published, t.text_z)
                             .join(S.document_texts, t.document_id == d.id)
                             .order_by(d.published.desc(), d.id.desc()).limit(chunk).offset(offset)).all()
        for r in batch:
            out.texts_scanned += 1
            text = zlib.decompress(r.text_z).decode("utf-8")
            i = text.find(q)
            if i < 0 or r.id in seen:
                continue
            seen.add(r.id)
            lo = max(0, i - 30)
            out.reports.append({"document_id": r.id, "title": r.title, "published": r.published, "where": "text",
                                "span": (i, i + len(q)), "snippet": text[lo:i + len(q) + 30],
                                "match": (i - lo, i - lo + len(q))})
            if len(out.reports) >= limit:
                return
        if len(batch) < chunk:
            return


# ---------------------------------------------------------------- one report with its spans

@dataclass
class ReportSpan(Row):
    kind: str          # person | position | organization | event | date | place | amount
    span: Span
    label: str         # what the span is (the name, the office, the canonical organisation …)
    record: dict       # the extracted record behind it


@dataclass
class ReportView(Row):
    document_id: int
    title: str | None
    url: str | None
    published: D | None
    source: str | None
    pipeline: str | None   # the pipeline version that extracted the stored facts
    text: str
    spans: list[ReportSpan] = field(default_factory=list)
    events: list[BriefEvent] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)  # code, message, span (read again from the text)
    reread: str | None = None  # the pipeline version that read dates, places, amounts and warnings again


def report(conn: Connection, doc_id: int, *, reread: bool = True) -> ReportView | None:
    """The report ``doc_id``: its raw text and every stored span (persons, positions,
    organisations, event triggers with the event record), and, with ``reread``, the dates,
    places, amounts and warnings read again from the text by the pipeline (they are not stored
    as spans). None when there is no such report."""
    d, t, pi = S.documents.c, S.document_texts.c, S.pipelines.c
    r = conn.execute(select(d.id, d.title, d.url, d.published, d.source, pi.version, t.text_z)
                     .join(S.document_texts, t.document_id == d.id).outerjoin(S.pipelines, pi.id == d.pipeline_id)
                     .where(d.id == doc_id)).first()
    if r is None:
        return None
    view = ReportView(r.id, r.title, r.url, r.published, r.source, r.version,
                      zlib.decompress(r.text_z).decode("utf-8"))
    _stored_spans(conn, view)
    if reread:
        _reread(view)
    view.spans.sort(key=lambda s: (s.span[0], -s.span[1], s.kind))
    return view


def _stored_spans(conn: Connection, view: ReportView) -> None:
    m, n, om, org, er, pl = (S.mentions.c, S.names.c, S.org_mentions.c, S.organizations.c, S.event_reports.c,
                             S.places.c)
    doc = view.document_id
    positions = _positions(conn, [doc])
    for idx, pid, name, spans in conn.execute(select(m.idx, m.person_id, n.name, m.spans)
                                              .join(S.names, n.id == m.name_id).where(m.document_id == doc)):
        held = [p.to_dict() for p in positions.get((doc, idx), [])]
        rec = {"person_id": pid, "name": name, "mention": idx, "positions": [h["office"] for h in held]}
        view.spans += [ReportSpan("person", s, name, rec) for s in _spans(spans)]
        view.spans += [ReportSpan("position", tuple(h["span"]), h["office"], {**h, "person_id": pid, "name": name})
                       for h in held]
    for oid, canon, kind, spans in conn.execute(select(om.organization_id, org.canonical, org.kind, om.spans)
                                                .join(S.organizations, org.id == om.organization_id)
                                                .where(om.document_id == doc)):
        view.spans += [ReportSpan("organization", s, canon, {"organization_id": oid, "canonical": canon, "kind": kind})
                       for s in _spans(spans)]
    rows: dict[tuple[int, int], BriefEvent] = {}
    q = (select(er.document_id, er.idx, er.event_id, er.type, er.date_start, er.date_end, er.precision, pl.name,
                pl.province, er.trigger_start, er.trigger_end, er.start, er.end, er.topics)
         .select_from(S.event_reports.outerjoin(S.places, pl.id == er.place_id))
         .where(er.document_id == doc).order_by(er.idx))
    for x in conn.execute(q):
        rows[(doc, x.idx)] = BriefEvent(doc, x.idx, x.event_id, x.type, x.date_start, x.date_end, x.precision, x.name,
                                        x.province, (x.trigger_start, x.trigger_end), (x.start, x.end),
                                        [t for t in (x.topics or "").split("；") if t])
    _fill_participants(conn, rows, [doc])
    _fill_event_orgs(conn, rows, [doc])
    view.events = list(rows.values())
    for e in view.events:
        rec = {"event_id": e.event_id, "type": e.type, "date": e.date, "place": e.place,
               "participants": [f"{p.name}({p.role})" for p in e.participants]}
        view.spans.append(ReportSpan("event", e.trigger, e.type, _jsonable_rec(rec)))


def _jsonable_rec(rec: dict) -> dict:
    return {k: v.isoformat() if isinstance(v, D) else v for k, v in rec.items()}


def _reread(view: ReportView) -> None:
    from ..lang.dates import find_dates
    from ..lang.normalize import normalize
    from ..lang.places import find_places
    from ..pipeline import extract

    doc = extract(view.text, view.published.isoformat() if view.published else None)
    view.reread = doc.pipeline.version
    norm = normalize(view.text)
    for dm in find_dates(norm):
        view.spans.append(ReportSpan("date", (dm.start, dm.end), view.text[dm.start:dm.end],
                                     {"kind": dm.kind, "year": dm.year, "month": dm.month, "day": dm.day}))
    for pm in find_places(norm):
        view.spans.append(ReportSpan("place", (pm.start, pm.end), pm.division.name,
                                     {"name": pm.division.name, "province": pm.province, "level": pm.division.level}))
    for qu in doc.quantities:
        view.spans.append(ReportSpan("amount", tuple(qu.span), qu.text,  # type: ignore[arg-type]
                                     {"value": qu.value, "unit": qu.unit, "kind": qu.kind, "qualifier": qu.qualifier}))
    view.warnings = [{"code": w.code, "message": w.message, "span": tuple(w.span)} for w in doc.warnings]


# ---------------------------------------------------------------- events

def event(conn: Connection, event_id: int) -> EventRow | None:
    """One event with its participants, organisations and every report that tells it."""
    rows = _event_rows(conn, [event_id])
    return rows[0] if rows else None


@dataclass
class EventCounts(Row):
    total: int
    by_province: dict[str, int]        # "" for events without a known province
    by_type: dict[str, int]
    by_day: list[tuple[D, int]]        # days with at least one event, in order


def event_counts(conn: Connection, **filters: Any) -> EventCounts:
    """How many events pass :func:`ganbu.store.queries.events`' filters, per province, per type
    and per day."""
    ev, pl = S.events.c, S.places.c
    q = event_ids_query(conn, **filters)  # FROM events WHERE the filters
    n = func.count()
    # per place (the index on events.place_id answers it without reading places), then per province
    province = dict(conn.execute(select(pl.id, pl.province)).all())
    by_prov: dict[str, int] = defaultdict(int)
    for place_id, c in conn.execute(q.with_only_columns(ev.place_id, n).group_by(ev.place_id)):
        by_prov[province.get(place_id) or ""] += c
    by_type: dict[str, int] = {}
    for t, c in conn.execute(q.with_only_columns(ev.type, n).group_by(ev.type).order_by(n.desc(), ev.type)):
        by_type[t] = c
    by_day = [(d, c) for d, c in conn.execute(q.with_only_columns(ev.date_start, n)
                                              .where(ev.date_start.is_not(None)).group_by(ev.date_start)
                                              .order_by(ev.date_start))]
    return EventCounts(sum(by_type.values()), dict(sorted(by_prov.items(), key=lambda kv: -kv[1])), by_type, by_day)


# ---------------------------------------------------------------- persons

def office_evidence(conn: Connection, person_id: int, *, per_office: int = 3) -> dict[str, list[Source]]:
    """For each office of the person, the reports that give it (the latest ``per_office``, at most
    :data:`ganbu.store.spells.EVIDENCE_KEPT` / 8), with the span of the position in each: from
    ``office_evidence``, the latest positions of each office that resolution keeps with the spells."""
    o, d, sp, oe = S.offices.c, S.documents.c, S.spells.c, S.office_evidence.c
    picked: dict[int, list[tuple[int, int, int]]] = {
        oid: [] for oid in sorted(set(conn.scalars(select(sp.office_id).where(sp.person_id == person_id))))}
    q = (select(oe.office_id, oe.document_id, oe.start, oe.end).where(oe.person_id == person_id)
         .order_by(oe.office_id, oe.document_id.desc(), oe.mention_idx.desc(), oe.idx.desc()))
    for oid, did, s, e in conn.execute(q):
        got = picked.get(oid)
        if got is not None and len(got) < per_office * 4 and all(x[0] != did for x in got):
            got.append((did, s, e))
    docs = {r.id: r for r in conn.execute(select(d.id, d.title, d.url, d.published)
                                          .where(d.id.in_([x[0] for v in picked.values() for x in v])))}
    labels: dict[int, str] = {}
    for oid, label in conn.execute(select(o.id, o.label).where(o.id.in_(list(picked)))):
        labels[oid] = label
    out: dict[str, list[Source]] = {}
    for oid, got in picked.items():
        rows = sorted((docs[did] for did, _, _ in got), key=lambda r: (r.published or D.min, r.id), reverse=True)
        spans = {did: (s, e) for did, s, e in got}
        out[labels[oid]] = [Source(r.id, r.title, r.url, r.published, spans[r.id]) for r in rows[:per_office]]
    return out


def namesakes(conn: Connection, person_id: int) -> list[dict]:
    """Other persons of the same name (kept apart by resolution): person_id, n_mentions, offices."""
    p, n = S.persons.c, S.names.c
    name = conn.scalar(select(n.name).join(S.persons, p.name_id == n.id).where(p.id == person_id))
    if name is None:
        return []
    others = [i for i, _ in find_persons(conn, name) if i != person_id]
    offices = _latest_offices(conn, others)
    counts = dict(conn.execute(select(p.id, p.n_mentions).where(p.id.in_(others))).all()) if others else {}
    return [{"person_id": i, "name": name, "n_mentions": counts.get(i, 0), "offices": offices.get(i, [])}
            for i in others]
