"""The extraction pipeline: Source → normalised view → matchers → grammar → Document.

Stages (each a plain function in its own module):
  reader.read_*        bytes/str → Source (decoding, HTML body, bylines)      reads input
  normalize.normalize  Source.text → normalised view, same offsets            reads text
  places.find_places   view → place mentions → jurisdiction Context           reads view
  orgs.find_orgs       view → organisation mentions (lexicon)                 reads view
  titles.parse         view → titled mentions (chains, appointments, leaders) reads view, orgs, places
  positions            titled mention → explicit positions                    reads Context
  people.build_people  → persons with positions and mentions
Offsets are into Source.text; for HTML they are mapped to the raw page at the end.
"""
from __future__ import annotations

import hashlib
import os
from functools import lru_cache

from . import events as _events
from . import orgs as _orgs
from . import places as _places
from . import titles as _titles
from .document import Document
from .normalize import normalize
from .people import build_people
from .positions import PositionMaker
from .errors import InputBinary, InputEmpty
from .reader import Source, read_path, read_text


def _generic_resolver(s: str, stops):
    def resolve(head: str, before: int) -> str | None:
        best = None
        idx = s.rfind(head, 0, before)
        while idx != -1:
            end = idx + len(head)
            # the organisation written in full: from the last clause break / stop word to the head
            lo = max(0, idx - _titles.MAX_PREFIX)
            seg_start = lo
            for k in range(idx - 1, lo - 1, -1):
                if s[k] in "，。；！？：\n（）“”、":
                    seg_start = k + 1
                    break
            left = stops.last_stop_end(seg_start, idx)
            cand = s[left:end]
            if len(cand) > len(head) + 1:
                best = cand
                break
            idx = s.rfind(head, 0, idx)
        return best

    return resolve


def extract(text: "str | Source", published: str | None = None, *, name: str = "<text>",
            events: bool = True) -> Document:
    """Extract people, positions, organisations and (unless ``events=False``) events, quantities,
    statements and warnings from one report.

    ``text`` is the article (a str, or a :class:`reader.Source` from ``read_path``/``read_bytes``);
    ``published`` (``YYYY-MM-DD``) overrides a date read from the input.
    """
    if isinstance(text, Source):
        src = text
    else:
        try:
            src = read_text(text, name)
        except (InputEmpty, InputBinary):
            # the API reads any string; only files are refused for being empty or binary
            src = Source(name=name, raw=text, text=text, offsets=None, format="text", encoding="utf-8")
    s = normalize(src.text)
    pub = published or src.published
    places = _places.find_places(s)
    org_mentions = _orgs.find_orgs(s, as_of=pub)
    countries = _places.find_countries(s)
    protected = [(m.start, m.end) for m in org_mentions] + [(p.start, p.end) for p in places]
    protected += [(a, b) for a, b, _ in countries]
    parse = _titles.parse(s, protected, countries=countries)
    ctx = _places.Context(places, _places.find_places(normalize(src.title)) if src.title else ())
    maker = PositionMaker(ctx, _orgs.alias_index(pub), _generic_resolver(s, parse.stops), _place_of,
                          text=s, as_of=pub)
    people = build_people(s, parse.mentions, maker, src.authors, src.skip)
    local = _orgs.find_local_bodies(s, places, ctx)
    taken = {(m.start, m.end) for m in org_mentions}
    all_orgs = sorted(org_mentions + [m for m in local if (m.start, m.end) not in taken], key=lambda m: m.start)
    organizations = _orgs.group(all_orgs)
    if events:
        events, statements, quantities, warnings = _events.extract_events(
            s, pub, people, parse.mentions, all_orgs, places, src.skip)
    else:
        events, statements, quantities, warnings = [], [], [], []
    org_id = {o.canonical: o.id for o in organizations}
    for ev in events:
        for o in ev["organizations"]:
            o["org"] = org_id.get(o.pop("canonical"))
    doc = Document(
        id=hashlib.sha256(s.encode("utf-8")).hexdigest()[:16],
        text=src.raw,
        title=src.title,
        published=pub,
        authors=[n for n, _, _ in src.authors],
        credits=list(src.credits),
        people=people,
        organizations=organizations,
        events=events,
        statements=statements,
        quantities=quantities,
        warnings=warnings,
        source=src.name,
        encoding=src.encoding,
        format=src.format,
    )
    if src.offsets is not None:
        _map_offsets(doc, src)
    return doc


@lru_cache(maxsize=8192)
def _place_of(base: str) -> str | None:
    """The place a title's organisation starts with; the most specific of the places written one
    after another (宁夏固原市隆德县委 → 隆德县)."""
    found = _places.find_places(base)
    if found and found[0].start == 0:
        last = found[0]
        for f in found[1:]:
            if f.start == last.end:
                last = f
        return last.division.name
    return None


def _map_offsets(doc: Document, src: Source) -> None:
    def m(span):
        return src.raw_span(span[0], span[1])

    for p in doc.people:
        p.mentions = [m(x) for x in p.mentions]
        for pos in p.positions:
            pos.span = m(pos.span)
    for o in doc.organizations:
        o.mentions = [m(x) for x in o.mentions]
    for ev in doc.events:
        ev["span"] = list(m(ev["span"]))
        ev["trigger"]["span"] = list(m(ev["trigger"]["span"]))
    for st in doc.statements:
        st["span"] = list(m(st["span"]))
    for q in doc.quantities:
        q["span"] = list(m(q["span"]))
    for w in doc.warnings:
        w["span"] = list(m(w["span"]))
        if "related" in w:
            w["related"] = list(m(w["related"]))


def extract_path(path: "str | os.PathLike", published: str | None = None) -> Document:
    """Read a file (any supported format and encoding; ``-`` is stdin) and extract from it."""
    return extract(read_path(path), published)
