"""One report → the rows the store keeps (runs in the extraction workers).

:func:`extract_record` calls :func:`ganbu.extract` and flattens the typed
:class:`~ganbu.model.Document` into :class:`Facts`: plain tuples with *strings* for names,
offices, organisations and places (the writer turns them into lookup ids), local numbers for
persons and events (``p3`` → 3), spans as they are. The office of a position is made canonical
here so that "中共浙江省委 书记" and "浙江省委 书记" are one office:

- the position's organisation is looked up in the report's organisations (surface → canonical),
  then in the bundled organisation lexicon, then read as a local body (浙江省委 → 中共浙江省委员会);
  what none of them knows stays as written;
- an office is ``"<canonical organisation> <role>"``, or the position text when the extractor
  found no organisation (中共中央总书记).
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import zlib
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..lang.lexicon import load_divisions
from ..lang.normalize import normalize
from ..lang.places import find_places
from ..model import Document
from ..people.orgs import alias_index, find_local_bodies
from ..pipeline import extract
from .inputs import Record

__all__ = ["Facts", "Office", "document_key", "extract_record", "facts_from_document", "province_of"]


@dataclass(slots=True, frozen=True)
class Office:
    label: str
    organization: str | None
    org_kind: str | None
    role: str
    jurisdiction: str | None
    province: str | None


@dataclass(slots=True)
class Facts:
    key: str
    source_id: str
    title: str | None
    url: str | None
    published: _dt.date | None
    n_chars: int
    text_z: bytes
    pipeline: str
    # (idx, name, start, end, spans)
    mentions: list[tuple[int, str, int, int, str]] = field(default_factory=list)
    # (mention_idx, idx, office, status, start, end)
    positions: list[tuple[int, int, Office, str, int, int]] = field(default_factory=list)
    # canonical → (kind, aliases, spans)
    orgs: dict[str, tuple[str | None, set[str], str]] = field(default_factory=dict)
    # (idx, type, date_start, date_end, precision, place, trigger_start, trigger_end, start, end, topics)
    events: list[tuple] = field(default_factory=list)
    # (event_idx, mention_idx, role)
    participants: list[tuple[int, int, str]] = field(default_factory=list)
    # (event_idx, canonical, role)
    event_orgs: list[tuple[int, str, str]] = field(default_factory=list)


def document_key(text: str) -> str:
    """The document's identity: sha256 (hex) of the normalised text (simplified, half-width)."""
    return hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _provinces() -> dict[str, str]:
    out: dict[str, str] = {}
    for d in load_divisions():
        prov = d.province or d.name
        out.setdefault(d.name, prov)
        if d.level == "province" and d.short:
            out.setdefault(d.short, prov)
    return out


@lru_cache(maxsize=4096)
def province_of(place: str | None) -> str | None:
    """The province (full name) of a place or jurisdiction name, if the gazetteer knows it."""
    if not place:
        return None
    table = _provinces()
    if place in table:
        return table[place]
    found = find_places(place)
    return (found[0].division.province or found[0].division.name) if found else None


@lru_cache(maxsize=8192)
def _canonical_org(name: str) -> tuple[str, str | None]:
    org = alias_index(None).get(name)
    if org is not None:
        return org.canonical, org.kind
    stripped = name.removeprefix("中国共产党").removeprefix("中共")
    if stripped != name:
        org = alias_index(None).get(stripped)
        if org is not None:
            return org.canonical, org.kind
    bodies = find_local_bodies(stripped, find_places(stripped))
    if len(bodies) == 1 and bodies[0].start == 0 and bodies[0].end == len(stripped):
        return bodies[0].org.canonical, bodies[0].org.kind
    return name, None


#: words the extractor may leave as an organisation before a title (代理省长): the office is acting
ACTING_WORDS = ("代理", "代")
#: the government a bare local head title belongs to, by role
_GOVERNMENT_ROLES = ("省长", "副省长", "市长", "副市长", "常务副省长", "常务副市长", "主席", "副主席", "县长", "区长")


def _status_and_org(pos, previous: str | None) -> tuple[str, str | None]:
    """Work around an extractor slip: ``代理`` read as the organisation of 代理省长 (the
    government is then the one named before it, 浙江省副省长、代理省长, or the jurisdiction's)."""
    org = pos.organization
    if org and org.startswith(ACTING_WORDS):
        rest = org.removeprefix("代理").removeprefix("代") or None
        if rest is None and pos.role in _GOVERNMENT_ROLES:
            if previous and previous.endswith("人民政府"):
                rest = previous
            elif pos.jurisdiction:
                rest = f"{pos.jurisdiction}人民政府"
        return "acting", rest
    return pos.status, org


_PARTY_ROLES = ("书记", "副书记", "常委", "秘书长", "常务副书记")


@lru_cache(maxsize=4096)
def _place_body(org: str, role: str) -> tuple[str, str] | None:
    """A bare place read as the organisation of a local head title (浙江 + 省长): the body the
    title belongs to (浙江省人民政府), found through the gazetteer."""
    found = find_places(org)
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(org):
        return None
    full = found[0].division.name
    if role in _GOVERNMENT_ROLES:
        return f"{full}人民政府", "government"
    if role in _PARTY_ROLES:
        return f"中共{full}委员会", "party_committee"
    return None


def _office(pos, doc_orgs: dict[str, tuple[str, str]]) -> Office:
    if pos.organization:
        canon, kind = (doc_orgs.get(pos.organization) or _place_body(pos.organization, pos.role)
                       or _canonical_org(pos.organization))
        label = f"{canon} {pos.role}"
    else:
        canon, kind, label = None, None, normalize(pos.text)
        head = label[: -len(pos.role)] if pos.role and label.endswith(pos.role) else ""
        if head:
            c, k = doc_orgs.get(head) or _canonical_org(head)
            if k is not None:  # the text names a known organisation: 中共中央总书记
                canon, kind, label = c, k, f"{c} {pos.role}"
    prov = province_of(pos.jurisdiction)
    if prov is None and canon is not None and kind in ("party_committee", "government", "congress", "cppcc",
                                                       "discipline", "supervision", "court", "procuratorate"):
        prov = province_of(canon.removeprefix("中共").removeprefix("中国人民政治协商会议"))
    return Office(label, canon, kind, pos.role, pos.jurisdiction, prov)


def _num(local_id: str) -> int:
    return int(local_id[1:])


def _iso(day: str | None) -> _dt.date | None:
    if not day:
        return None
    try:
        return _dt.date.fromisoformat(day)
    except ValueError:
        return None


def _spans(spans) -> str:
    return " ".join(f"{s}-{e}" for s, e in sorted(spans))


def facts_from_document(doc: Document, key: str, rec_meta: tuple[str, str | None, str | None]) -> Facts:
    """Flatten an extracted document (see the module docstring)."""
    source_id, title, url = rec_meta
    f = Facts(key, source_id, title if title is not None else doc.title, url, _iso(doc.published), len(doc.text),
              zlib.compress(doc.text.encode("utf-8"), 6), doc.pipeline.version)
    doc_orgs: dict[str, tuple[str, str]] = {}
    org_by_id: dict[str, str] = {}
    for o in doc.organizations:
        doc_orgs[o.name] = (o.canonical, o.kind)
        org_by_id[o.id] = o.canonical
        kind, aliases, seen = f.orgs.get(o.canonical, (o.kind, set(), ""))
        aliases.add(o.name)
        f.orgs[o.canonical] = (kind, aliases, " ".join(x for x in (seen, _spans(o.mentions)) if x))
    for p in doc.people:
        idx = _num(p.id)
        spans = sorted(p.mentions) or sorted(pos.span for pos in p.positions) or [(0, 0)]
        f.mentions.append((idx, p.name, spans[0][0], spans[0][1], _spans(spans)))
        previous = None
        for j, pos in enumerate(p.positions, 1):
            status, org = _status_and_org(pos, previous)
            if org != pos.organization:
                pos = replace(pos, organization=org)
            previous = org
            f.positions.append((idx, j, _office(pos, doc_orgs), status, pos.span[0], pos.span[1]))
    for ev in doc.events:
        e = _num(ev.id)
        d = ev.date
        f.events.append((e, ev.type, _iso(d.start) if d else None, _iso(d.end) if d else None,
                         d.precision if d else None, ev.place, ev.trigger.span[0], ev.trigger.span[1],
                         ev.span[0], ev.span[1], "；".join(ev.topics) or None))
        done: set[tuple[int, int, str]] = set()
        for part in ev.participants:
            k = (e, _num(part.person), part.role)
            if k not in done:
                done.add(k)
                f.participants.append(k)
        for eo in ev.organizations:
            canon = org_by_id.get(eo.org or "") or _canonical_org(eo.name)[0]
            if (e, canon, eo.role) not in f.event_orgs:
                f.event_orgs.append((e, canon, eo.role))
    return f


def extract_record(key: str, rec: Record) -> Facts:
    """Extract one input record (in a worker process) and flatten it; a record that carries its
    extracted document (``rec.document``) is only flattened."""
    if rec.document is not None:
        doc = Document.from_dict(rec.document)
        doc.text = rec.src.raw
    else:
        doc = extract(rec.src, rec.published, name=rec.source_id)
    return facts_from_document(doc, key, (rec.source_id, rec.title, rec.url))
