"""The extraction pipeline: one document through the layers, offsets mapped back to the input.

    read      input → Source (decoded text, HTML body with offsets into the page, metadata)
    lang      Source.text → normalised view of the same length (simplified, half-width)
    people    view → places, organisations, titled mentions → persons with explicit positions
    events    view + people → events, statements, quantities, warnings
    model     → Document; for HTML every span is mapped from the body text to the raw page

Spans are computed on the normalised view (same offsets as ``Source.text``) and mapped once at
the end by :meth:`Source.raw_span`.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import os
import re
from dataclasses import replace

from .errors import BadArgument, InputBinary, InputEmpty
from .events.extract import extract_events
from .lang.normalize import normalize
from .model import Document, PipelineInfo, SourceInfo, Span
from .people import second_opinion
from .people.stage import read_people
from .read import Source, read_bytes, read_path, read_text
from .version import pipeline_version

__all__ = ["current_version", "extract", "extract_path"]


def extract(text: str | bytes | Source, published: str | None = None, *, name: str = "<text>",
            events: bool = True) -> Document:
    """Extract people, positions, organisations and (unless ``events=False``) events, quantities,
    statements and warnings from one report.

    ``text`` is the article: a str (any string, an empty one gives an empty document), bytes
    (decoded as a file would be), or a :class:`Source` from ``read_path``/``read_bytes``.
    ``published`` (``YYYY-MM-DD``) overrides a date read from the input.
    Raises :class:`~ganbu.errors.GanbuError` subclasses for bad input: ``BadArgument`` (E201) for
    a text that is no str/bytes or a ``published`` that is no date, ``InputUndecodable`` (E105)
    for bytes in an unknown encoding, ``InputBinary`` (E104) for binary bytes.
    """
    src = _as_source(text, name)
    pub = _check_published(published) or src.published
    s = normalize(src.text)
    found = read_people(s, pub, title=src.title, authors=src.authors, skip=src.skip)
    doc = Document(
        id=hashlib.sha256(s.encode("utf-8")).hexdigest()[:16],
        title=src.title,
        published=pub,
        authors=[n for n, _, _ in src.authors],
        credits=list(src.credits),
        people=found.people,
        organizations=found.organizations,
        source=SourceInfo(src.name, src.encoding, src.format),
        pipeline=PipelineInfo("ganbu", current_version()),
        text=src.raw,
    )
    if events:
        org_ids = {o.canonical: o.id for o in found.organizations}
        doc.events, doc.statements, doc.quantities, doc.warnings = extract_events(
            s, pub, found.people, found.titled, found.org_mentions, found.places, src.skip, org_ids)
    _names_as_written(doc, src.text, s)
    if src.offsets is not None or src.base:
        _map_offsets(doc, src)
    return doc


_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0003ffff]")


def _han(c: str) -> bool:
    return "\u3400" <= c <= "\u9fff" or c >= "\U00020000"


def _names_as_written(doc: Document, body: str, s: str) -> None:
    """In a report written in simplified characters, names as written: the traditional-to-
    simplified view every matcher reads turns a few simplified characters into others (王丙乾 →
    王丙干, 马馼 → 马𫘜, 王又崑: 34 characters in the 8.5M of the bulk corpus, nearly all in names).
    A report in traditional characters keeps its names in the simplified view."""
    written: dict[str, str] = {}
    for p in doc.people:
        if p.mentions:
            a, b = p.mentions[0]
            if b - a == len(p.name) and body[a:b] != p.name:
                # the characters as written, the dots and dashes in their one form (·, -)
                name = "".join(w if _han(w) else n for w, n in zip(body[a:b], p.name, strict=True))
                if name != p.name:
                    written[p.name] = name
    if not written or _traditional(body, s):
        return
    for p in doc.people:
        p.name = written.get(p.name, p.name)
    for ev in doc.events:
        ev.participants = [replace(x, name=written.get(x.name, x.name)) for x in ev.participants]
    for st in doc.statements:
        st.speakers = [written.get(n, n) for n in st.speakers]
        st.names = [written.get(n, n) for n in st.names]


def _traditional(body: str, s: str) -> bool:
    """A report in traditional characters: a tenth or more of its Han characters change in the
    simplified view (a quarter to a third do in traditional text)."""
    changed = sum(1 for a, b in zip(body, s, strict=True) if a != b and _han(a))
    return changed * 10 >= len(_HAN.findall(body))


def current_version() -> str:
    """The pipeline version documents are extracted with now: :func:`~ganbu.version.pipeline_version`,
    with ``.lac`` added while the experimental second opinion on names is on
    (``GANBU_SECOND_OPINION=1``), since it changes what is read."""
    return pipeline_version() + (".lac" if second_opinion.enabled() else "")


def extract_path(path: str | os.PathLike[str], published: str | None = None, *, events: bool = True) -> Document:
    """Read a file (any supported format and encoding; ``-`` is stdin) and extract from it."""
    return extract(read_path(path), published, events=events)


def _as_source(text: object, name: str) -> Source:
    if isinstance(text, Source):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        return read_bytes(bytes(text), name if name != "<text>" else "<bytes>")
    if not isinstance(text, str):
        raise BadArgument(f"text must be str, bytes or a Source, not {type(text).__name__}", name)
    try:
        return read_text(text, name)
    except (InputEmpty, InputBinary):
        # the API reads any string; only files are refused for being empty or binary
        return Source(name=name, raw=text, text=text, offsets=None, format="text", encoding="utf-8")


def _check_published(published: object) -> str | None:
    if published is None:
        return None
    if isinstance(published, _dt.datetime):
        return published.date().isoformat()
    if isinstance(published, _dt.date):
        return published.isoformat()
    if not isinstance(published, str):
        raise BadArgument(f"published must be a YYYY-MM-DD string or a date, not {type(published).__name__}")
    try:
        return _dt.date.fromisoformat(published.strip()).isoformat()
    except ValueError:
        raise BadArgument(f"published is not a date in YYYY-MM-DD form: {published!r}") from None


def _map_offsets(doc: Document, src: Source) -> None:
    """Every span of the document, from the body text to the raw input.

    Records are replaced, never changed in place: the layers may share one record between
    two owners (a title over a list of names gives each person the same position), and a
    record mapped twice would point at the wrong place.
    """
    def m(span: Span) -> Span:
        return src.raw_span(span[0], span[1])

    for p in doc.people:
        p.mentions = [m(x) for x in p.mentions]
        p.positions = [replace(pos, span=m(pos.span)) for pos in p.positions]
    for o in doc.organizations:
        o.mentions = [m(x) for x in o.mentions]
    doc.events = [replace(ev, span=m(ev.span), trigger=replace(ev.trigger, span=m(ev.trigger.span)))
                  for ev in doc.events]
    doc.statements = [replace(st, span=m(st.span)) for st in doc.statements]
    doc.quantities = [replace(q, span=m(q.span)) for q in doc.quantities]
    doc.warnings = [replace(w, span=m(w.span), related=None if w.related is None else m(w.related))
                    for w in doc.warnings]
