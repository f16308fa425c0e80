"""The pages and their JSON: every page ``/x`` has ``/api/x`` with the same data, in the shapes of
``ganbu … --format json``. Each handler checks its parameters (:mod:`ganbu.web.params`), reads
the store through its query layer (:mod:`ganbu.store.queries`, :mod:`ganbu.store.queries_web`,
:mod:`ganbu.brief`) in one short read, and renders a template or returns the dicts."""
from __future__ import annotations

import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup
from sqlalchemy import Connection
from sqlalchemy.exc import NoResultFound

from ..brief import KINDS as PATTERN_KINDS
from ..brief import brief, patterns
from ..errors import BadArgument
from ..store import queries as Q
from ..store import queries_brief as QB
from ..store import queries_web as W
from ..store.db import data_version
from . import svg
from .highlight import KINDS as SPAN_KINDS
from .highlight import segments
from .params import EVENT_TYPES, EventFilters, NotFound, day, ident, span
from .render import render

__all__ = ["api_router", "page_router"]

page_router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
api_router = APIRouter(prefix="/api")

PERSON_EVENTS = 30      # the latest events on a person page (all: /events?person=ID, paged)
COLLEAGUES = 60
ORG_VISITS = 20         # the latest visits of each kind on an organisation page (all: /events?org=ID)
PAGE_SIZE = 50          # events per page


@contextmanager
def _read(request: Request) -> Iterator[Connection]:
    with request.app.state.store.engine.connect() as conn:
        yield conn


# ---------------------------------------------------------------- data (shared by pages and API)

def _search(request: Request, q: str | None) -> W.SearchResults:
    q = (q or "").strip()
    if len(q) > 50:
        raise BadArgument("q is longer than 50 characters")
    with _read(request) as c:
        return W.search(c, q)


def _person(request: Request, pid_s: str, *, parts: tuple[str, ...] = ("colleagues", "evidence", "namesakes"),
            events_limit: int | None = PERSON_EVENTS) -> dict[str, Any]:
    """The person (with their latest ``events_limit`` events) and the ``parts`` the page shows."""
    pid = ident(pid_s, "person")
    with _read(request) as c:
        found = Q.person(c, pid, events_limit=events_limit)
        if not found:
            raise NotFound(f"no person #{pid}", pid_s)
        out: dict[str, Any] = {"person": found[0]}
        if "colleagues" in parts:
            out["colleagues"] = Q.colleagues(c, pid)
        if "evidence" in parts:
            out["evidence"] = W.office_evidence(c, pid)
        if "namesakes" in parts:
            out["namesakes"] = W.namesakes(c, pid)
        return out


def _org(request: Request, oid_s: str) -> Q.OrgReport:
    oid = ident(oid_s, "organisation")
    with _read(request) as c:
        try:
            return Q.org_report(c, oid, visits_limit=ORG_VISITS)
        except NoResultFound:
            raise NotFound(f"no organisation #{oid}", oid_s) from None


def _events(request: Request, f: EventFilters) -> tuple[list[Q.EventRow], W.EventCounts]:
    with _read(request) as c:
        rows = Q.events(c, **f.store_kw(), limit=PAGE_SIZE, offset=(f.page - 1) * PAGE_SIZE)
        return rows, _counts(request, c, f)


class _Kept:
    """What the pages of one filtered set share (its counts, its charts), kept for the last
    ``size`` sets while the store does not change (thread-safe)."""

    def __init__(self, size: int = 256):
        self.size = size
        self._kept: OrderedDict[tuple, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple, make: Callable[[], Any]) -> Any:
        with self._lock:
            hit = self._kept.get(key)
        if hit is not None:
            return hit
        value = make()
        with self._lock:
            self._kept[key] = value
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)
        return value


_COUNTS = _Kept()
_CHARTS = _Kept()


def _set_key(request: Request, f: EventFilters) -> tuple:
    """The filtered set (every page of a list) in this store as it is now."""
    engine = request.app.state.store.engine
    return (id(engine), data_version(engine), *f.store_kw().items())


def _counts(request: Request, c: Connection, f: EventFilters) -> W.EventCounts:
    """The counts of a filtered set: every page of a list has the same counts, and counting all
    events takes a while on a large store."""
    return _COUNTS.get(_set_key(request, f), lambda: W.event_counts(c, **f.store_kw()))


def _event(request: Request, eid_s: str) -> Q.EventRow:
    eid = ident(eid_s, "event")
    with _read(request) as c:
        ev = W.event(c, eid)
    if ev is None:
        raise NotFound(f"no event #{eid}", eid_s)
    return ev


def _report(request: Request, did_s: str) -> W.ReportView:
    did = ident(did_s, "report")
    with _read(request) as c:
        rep = W.report(c, did)
    if rep is None:
        raise NotFound(f"no report #{did}", did_s)
    return rep


def _window(date_from: str | None, date_to: str | None, style: str | None) -> tuple[Any, Any, str]:
    a, b = day(date_from, "from"), day(date_to, "to")
    if (a is None) != (b is None):
        raise BadArgument("give both from and to (YYYY-MM-DD)")
    if a and b and b < a:
        raise BadArgument(f"to ({b}) is before from ({a})")
    if a and b and (b - a).days > 92:
        raise BadArgument("a window of at most 92 days")
    style = style or "roundup"
    if style not in ("roundup", "digest"):
        raise BadArgument(f"style must be roundup or digest, not {style!r}")
    return a, b, style


def _text(value: str | None, what: str) -> str | None:
    if value is not None and len(value) > 50:
        raise BadArgument(f"{what} is longer than 50 characters")
    return value.strip() if value and value.strip() else None


def _events_query(from_: str | None, to: str | None, province: str | None, place: str | None, type_: str | None,
                  person: str | None, org: str | None, page: str | None) -> EventFilters:
    raw = {"from": from_, "to": to, "province": province, "place": place, "type": type_, "person": person,
           "org": org, "page": page}
    return EventFilters.parse({k: v for k, v in raw.items() if v is not None})


# ---------------------------------------------------------------- API

_F = Query(None, alias="from", description="first day, YYYY-MM-DD")
_T = Query(None, description="last day, YYYY-MM-DD")


@api_router.get("/search", summary="people, organisations, places and reports containing q")
def api_search(request: Request, q: str = Query("", description="the text to look for")) -> Any:
    return _search(request, q).to_dict()


@api_router.get("/person/{person_id}", summary="a person as `ganbu person --format json` (a list of one)")
def api_person(request: Request, person_id: str) -> Any:
    return [_person(request, person_id, parts=(), events_limit=200)["person"].to_dict()]


@api_router.get("/person/{person_id}/colleagues", summary="career overlaps, as `ganbu colleagues --format json`")
def api_colleagues(request: Request, person_id: str) -> Any:
    return [c.to_dict() for c in _person(request, person_id, parts=("colleagues",), events_limit=0)["colleagues"]]


@api_router.get("/person/{person_id}/evidence", summary="the reports behind each office, and the namesakes")
def api_evidence(request: Request, person_id: str) -> Any:
    d = _person(request, person_id, parts=("evidence", "namesakes"), events_limit=0)
    return {"offices": {k: [s.to_dict() for s in v] for k, v in d["evidence"].items()}, "namesakes": d["namesakes"]}


@api_router.get("/org/{organization_id}", summary="an organisation as `ganbu org --format json` (a list of one)")
def api_org(request: Request, organization_id: str) -> Any:
    return [_org(request, organization_id).to_dict()]


@api_router.get("/events", summary="events as `ganbu events --format json` (50 a page)")
def api_events(request: Request, from_: str | None = _F, to: str | None = _T, province: str | None = None,
               place: str | None = None, type: str | None = None, person: str | None = None,
               org: str | None = None, page: str | None = None) -> Any:
    rows, _ = _events(request, _events_query(from_, to, province, place, type, person, org, page))
    return [r.to_dict() for r in rows]


@api_router.get("/events/counts", summary="how many events pass the filters, per province, type and day")
def api_event_counts(request: Request, from_: str | None = _F, to: str | None = _T, province: str | None = None,
                     place: str | None = None, type: str | None = None, person: str | None = None,
                     org: str | None = None) -> Any:
    f = _events_query(from_, to, province, place, type, person, org, None)
    with _read(request) as c:
        return _counts(request, c, f).to_dict()


@api_router.get("/event/{event_id}", summary="one event with the reports that tell it")
def api_event(request: Request, event_id: str) -> Any:
    return _event(request, event_id).to_dict()


@api_router.get("/report/{document_id}", summary="a report's text with every extracted span")
def api_report(request: Request, document_id: str) -> Any:
    return _report(request, document_id).to_dict()


@api_router.get("/patterns", summary="patterns of a window, as `ganbu patterns --format json`")
def api_patterns(request: Request, from_: str | None = _F, to: str | None = _T, place: str | None = None) -> Any:
    a, b, _ = _window(from_, to, None)
    if a is None:
        raise BadArgument("give from and to (YYYY-MM-DD)")
    return [p.to_dict() for p in patterns(request.app.state.store, a, b, place=_text(place, "place"))]


@api_router.get("/brief", summary="the briefing of a window, as `ganbu brief --format json`")
def api_brief(request: Request, from_: str | None = _F, to: str | None = _T, place: str | None = None,
              style: str | None = None) -> Any:
    a, b, st = _window(from_, to, style)
    if a is None:
        raise BadArgument("give from and to (YYYY-MM-DD)")
    return brief(request.app.state.store, a, b, place=_text(place, "place"), style=st).to_dict()


@api_router.get("/stats", summary="row counts, as `ganbu stats --format json`")
def api_stats(request: Request) -> Any:
    with _read(request) as c:
        return Q.stats(c)


# ---------------------------------------------------------------- pages

def _report_url(doc_id: int, start: int, end: int) -> str:
    return f"/report/{doc_id}?hl={start}-{end}#hl"


@page_router.get("/")
def page_index(request: Request) -> HTMLResponse:
    with _read(request) as c:
        counts = Q.stats(c)
        first, last = QB.brief_period(c)
    return render(request, "index.html", counts=counts, first=first, last=last, title="ganbu")


@page_router.get("/search")
def page_search(request: Request, q: str = "") -> HTMLResponse:
    res = _search(request, q)
    return render(request, "search.html", res=res, q=res.query, title=f"搜索 Search: {res.query}")


@page_router.get("/person/{person_id}")
def page_person(request: Request, person_id: str) -> HTMLResponse:
    d = _person(request, person_id)
    d["colleagues"] = d["colleagues"][:COLLEAGUES]
    p = d["person"]
    return render(request, "person.html", **d, p=p, timeline=svg.timeline(p.offices), title=p.name,
                  report_url=_report_url)


@page_router.get("/org/{organization_id}")
def page_org(request: Request, organization_id: str) -> HTMLResponse:
    o = _org(request, organization_id)
    by_office: dict[str, list[Q.Holder]] = defaultdict(list)
    for h in o.holders:
        by_office[h.office].append(h)
    return render(request, "org.html", o=o, by_office=dict(by_office), title=o.name, report_url=_report_url,
                  visits_limit=ORG_VISITS)


def _charts(f: EventFilters, counts: W.EventCounts, link: Callable[..., str]) -> tuple[Markup, Markup]:
    """The province grid and the day bars of a filtered set (the same on every page of it)."""
    rest = {k: v for k, v in f.query().items() if k not in ("from", "to")}
    tail = "&" + urlencode(rest) if rest else ""  # link(from=d, to=d) for every day, urlencoded once

    def day_link(d: Any) -> str:
        return f"/events?from={d}&to={d}{tail}"

    return svg.province_grid(counts.by_province, lambda p: link(province=p)), svg.day_bars(counts.by_day, day_link)


@page_router.get("/events")
def page_events(request: Request, from_: str | None = _F, to: str | None = _T, province: str | None = None,
                place: str | None = None, type: str | None = None, person: str | None = None,
                org: str | None = None, page: str | None = None) -> HTMLResponse:
    f = _events_query(from_, to, province, place, type, person, org, page)
    rows, counts = _events(request, f)

    def link(**change: Any) -> str:
        return "/events?" + urlencode(f.query(**change))

    grid, days = _CHARTS.get(_set_key(request, f), lambda: _charts(f, counts, link))
    pages = (counts.total + PAGE_SIZE - 1) // PAGE_SIZE
    return render(request, "events.html", f=f, rows=rows, counts=counts, grid=grid, days=days, link=link,
                  types=EVENT_TYPES, tiles=[t[0] for t in svg.PROVINCE_TILES], pages=pages, title="事件 Events",
                  report_url=_report_url)


@page_router.get("/event/{event_id}")
def page_event(request: Request, event_id: str) -> HTMLResponse:
    ev = _event(request, event_id)
    return render(request, "event.html", e=ev, title=f"事件 #{ev.event_id}", report_url=_report_url)


@page_router.get("/report/{document_id}")
def page_report(request: Request, document_id: str, hl: str | None = None) -> HTMLResponse:
    focus = span(hl)
    rep = _report(request, document_id)
    segs = segments(rep.text, rep.spans, focus)
    records = [s.to_dict() for s in rep.spans]
    return render(request, "report.html", r=rep, segs=segs, records=records, kinds=SPAN_KINDS, focus=focus,
                  title=rep.title or f"报道 #{rep.document_id}")


@page_router.get("/brief")
def page_brief(request: Request, from_: str | None = _F, to: str | None = _T, place: str | None = None,
               style: str | None = None) -> HTMLResponse:
    a, b, st = _window(from_, to, style)
    place = _text(place, "place")
    found, briefing, html = [], None, None
    if a is not None and b is not None:
        store = request.app.state.store
        found = patterns(store, a, b, place=place)
        briefing = brief(store, a, b, place=place, style=st)
        html = Markup(briefing.to_html(report_url=_report_url))  # brief.render escapes every text it writes
    with _read(request) as c:
        first, last = QB.brief_period(c)
    return render(request, "brief.html", date_from=a, date_to=b, place=place, style=st, patterns=found,
                  pattern_kinds=PATTERN_KINDS, briefing=briefing, briefing_html=html, first=first, last=last,
                  title="简报 Briefing")
