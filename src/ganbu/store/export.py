"""``ganbu export``: the store as tables (JSON Lines, CSV, Parquet) or as Popolo JSON.

Tables (one file each, ``<table>.jsonl`` / ``.csv`` / ``.parquet`` in the output folder):

- ``people``: person_id, name, first_seen, last_seen, n_mentions
- ``positions``: one spell each (person, office, organisation, role, start/end with their basis)
- ``organizations``: organization_id, name (canonical), kind, aliases
- ``events``: event_id, type, date_start, date_end, place, province, n_sources
- ``participants``: event_id, person_id, name, role, document_id (one row per report that says so)
- ``mentions``: document_id, idx, person_id, name, start, end, spans
- ``sources``: document_id, key, source, title, url, published, pipeline

Popolo (``popolo.json``, http://www.popoloproject.com): ``persons``, ``organizations``,
``posts`` (one per office), ``memberships`` (one per spell, with ``start_date``/``end_date`` and
how each was known), ``events`` (with ``attendees`` and ``sources``).
"""
from __future__ import annotations

import csv
import datetime as _dt
import json
import os
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, select

from ..errors import BadArgument
from . import schema as S

__all__ = ["TABLES", "export", "table_rows"]


def _people(c: Connection) -> Iterator[dict]:
    p, n = S.persons.c, S.names.c
    for r in c.execute(select(p.id, n.name, p.first_seen, p.last_seen, p.n_mentions)
                       .join(S.names, n.id == p.name_id).order_by(p.id)):
        yield {"person_id": r[0], "name": r[1], "first_seen": r[2], "last_seen": r[3], "n_mentions": r[4]}


def _positions(c: Connection) -> Iterator[dict]:
    sp, n, p, o, org = S.spells.c, S.names.c, S.persons.c, S.offices.c, S.organizations.c
    q = (select(sp.id, sp.person_id, n.name, o.id, o.label, org.canonical, o.role, o.jurisdiction, sp.acting,
                sp.start_date, sp.end_date, sp.first_seen, sp.last_seen, sp.ended_before, sp.n_sources)
         .select_from(S.spells.join(S.persons, p.id == sp.person_id).join(S.names, n.id == p.name_id)
                      .join(S.offices, o.id == sp.office_id).outerjoin(S.organizations, org.id == o.organization_id))
         .order_by(sp.person_id, sp.id))
    for r in c.execute(q):
        yield {"spell_id": r[0], "person_id": r[1], "name": r[2], "office_id": r[3], "office": r[4],
               "organization": r[5], "role": r[6], "jurisdiction": r[7], "acting": bool(r[8]),
               "start_date": r[9], "end_date": r[10], "first_seen": r[11], "last_seen": r[12],
               "ended_before": r[13], "n_sources": r[14]}


def _organizations(c: Connection) -> Iterator[dict]:
    o, a = S.organizations.c, S.org_aliases.c
    aliases: dict[int, list[str]] = defaultdict(list)
    for alias, oid in c.execute(select(a.alias, a.organization_id).order_by(a.alias)):
        aliases[oid].append(alias)
    for oid, canon, kind in c.execute(select(o.id, o.canonical, o.kind).order_by(o.id)):
        yield {"organization_id": oid, "name": canon, "kind": kind, "aliases": "、".join(aliases.get(oid, []))}


def _events(c: Connection) -> Iterator[dict]:
    e, pl = S.events.c, S.places.c
    for r in c.execute(select(e.id, e.type, e.date_start, e.date_end, pl.name, pl.province, e.n_sources)
                       .select_from(S.events.outerjoin(S.places, pl.id == e.place_id)).order_by(e.date_start, e.id)):
        yield {"event_id": r[0], "type": r[1], "date_start": r[2], "date_end": r[3], "place": r[4],
               "province": r[5], "n_sources": r[6]}


def _participants(c: Connection) -> Iterator[dict]:
    pa, er, m, n = S.participants.c, S.event_reports.c, S.mentions.c, S.names.c
    q = (select(er.event_id, m.person_id, n.name, pa.role, pa.document_id)
         .select_from(S.participants.join(S.event_reports, (er.document_id == pa.document_id) &
                                          (er.idx == pa.event_idx))
                      .join(S.mentions, (m.document_id == pa.document_id) & (m.idx == pa.mention_idx))
                      .join(S.names, n.id == m.name_id))
         .order_by(er.event_id, pa.document_id, pa.mention_idx))
    for r in c.execute(q):
        yield {"event_id": r[0], "person_id": r[1], "name": r[2], "role": r[3], "document_id": r[4]}


def _mentions(c: Connection) -> Iterator[dict]:
    m, n = S.mentions.c, S.names.c
    for r in c.execute(select(m.document_id, m.idx, m.person_id, n.name, m.start, m.end, m.spans)
                       .join(S.names, n.id == m.name_id).order_by(m.document_id, m.idx)):
        yield {"document_id": r[0], "idx": r[1], "person_id": r[2], "name": r[3], "start": r[4], "end": r[5],
               "spans": r[6]}


def _sources(c: Connection) -> Iterator[dict]:
    d, pl = S.documents.c, S.pipelines.c
    for r in c.execute(select(d.id, d.key, d.source, d.title, d.url, d.published, pl.version)
                       .join(S.pipelines, pl.id == d.pipeline_id).order_by(d.id)):
        yield {"document_id": r[0], "key": r[1], "source": r[2], "title": r[3], "url": r[4], "published": r[5],
               "pipeline": r[6]}


TABLES = {"people": _people, "positions": _positions, "organizations": _organizations, "events": _events,
          "participants": _participants, "mentions": _mentions, "sources": _sources}


def table_rows(conn: Connection, table: str) -> Iterator[dict]:
    """The rows of one export table."""
    return TABLES[table](conn)


def _plain(v: Any) -> Any:
    return v.isoformat() if isinstance(v, _dt.date) else v


def _write_table(conn: Connection, name: str, out: Path, fmt: str) -> Path:
    path = out / f"{name}.{fmt}"
    rows = table_rows(conn, name)
    if fmt == "jsonl":
        with open(path, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps({k: _plain(v) for k, v in r.items()}, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        with open(path, "w", encoding="utf-8", newline="") as fh:
            w: csv.DictWriter | None = None
            for r in rows:
                if w is None:
                    w = csv.DictWriter(fh, fieldnames=list(r))
                    w.writeheader()
                w.writerow({k: _plain(v) for k, v in r.items()})
    else:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise BadArgument("Parquet export needs pyarrow: pip install 'ganbu[parquet]'") from None
        data = list(rows)
        pq.write_table(pa.Table.from_pylist(data) if data else pa.table({}), path)
    return path


def _popolo(conn: Connection) -> dict[str, Any]:
    persons = [{"id": f"person/{r['person_id']}", "name": r["name"]} for r in _people(conn)]
    orgs = []
    for r in _organizations(conn):
        item: dict[str, Any] = {"id": f"organization/{r['organization_id']}", "name": r["name"],
                                "classification": r["kind"]}
        if r["aliases"]:
            item["other_names"] = [{"name": a} for a in r["aliases"].split("、")]
        orgs.append(item)
    posts: dict[int, dict] = {}
    memberships = []
    for r in _positions(conn):
        org_id = None
        if r["organization"]:
            org_id = conn.scalar(select(S.organizations.c.id).where(S.organizations.c.canonical == r["organization"]))
        posts.setdefault(r["office_id"], {"id": f"post/{r['office_id']}", "label": r["office"], "role": r["role"],
                                          **({"organization_id": f"organization/{org_id}"} if org_id else {})})
        start = r["start_date"] or r["first_seen"]
        end = r["end_date"] or r["last_seen"]
        m: dict[str, Any] = {"id": f"membership/{r['spell_id']}", "person_id": f"person/{r['person_id']}",
                             "post_id": f"post/{r['office_id']}", "role": r["role"] + ("（代）" if r["acting"] else ""),
                             "start_date": _plain(start), "end_date": _plain(end),
                             "ganbu:start_basis": "appointment" if r["start_date"] else "first seen",
                             "ganbu:end_basis": "removal" if r["end_date"] else "last seen"}
        if org_id:
            m["organization_id"] = f"organization/{org_id}"
        memberships.append(m)
    return {"persons": persons, "organizations": orgs, "posts": list(posts.values()), "memberships": memberships,
            "events": _popolo_events(conn)}


def _popolo_events(conn: Connection) -> list[dict]:
    attendees: dict[int, list[dict]] = defaultdict(list)
    for r in _participants(conn):
        item = {"id": f"person/{r['person_id']}" if r["person_id"] else None, "name": r["name"], "role": r["role"]}
        if item not in attendees[r["event_id"]]:
            attendees[r["event_id"]].append(item)
    sources: dict[int, list[dict]] = defaultdict(list)
    er, d = S.event_reports.c, S.documents.c
    for eid, url, title in conn.execute(select(er.event_id, d.url, d.title).join(S.documents, d.id == er.document_id)):
        sources[eid].append({"url": url, "note": title})
    out = []
    for r in _events(conn):
        out.append({"id": f"event/{r['event_id']}", "name": f"{r['type']} {r['place'] or ''}".strip(),
                    "classification": r["type"], "start_date": _plain(r["date_start"]),
                    "end_date": _plain(r["date_end"]), "location": r["place"],
                    "attendees": attendees.get(r["event_id"], []), "sources": sources.get(r["event_id"], [])})
    return out


def export(engine: Engine, out: str | os.PathLike[str], fmt: str = "jsonl") -> list[str]:
    """Write the export tables (or ``popolo.json``) into the folder ``out``; returns the paths."""
    if fmt not in ("jsonl", "csv", "parquet", "popolo"):
        raise BadArgument(f"unknown export format {fmt!r} (jsonl, csv, parquet, popolo)")
    folder = Path(out)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise BadArgument(f"cannot create the output folder: {e.strerror}", str(folder)) from None
    with engine.connect() as conn:
        if fmt == "popolo":
            path = folder / "popolo.json"
            path.write_text(json.dumps(_popolo(conn), ensure_ascii=False, indent=1), encoding="utf-8")
            return [str(path)]
        return [str(_write_table(conn, name, folder, fmt)) for name in TABLES]


