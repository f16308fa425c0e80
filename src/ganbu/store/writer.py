"""Writing extracted reports: one transaction per batch, lookups cached, safe with other writers.

:class:`Writer.write` stores a batch of :class:`~ganbu.store.facts.Facts` in one transaction:
the documents first (``INSERT … ON CONFLICT (key) DO NOTHING RETURNING``: a report another
process stored meanwhile is simply not returned and counted as a duplicate), then the lookup
values (names, organisations, offices, places: inserted when new, with ``ON CONFLICT DO
NOTHING`` and read back, so concurrent writers agree on ids), then the facts, the ``dirty``
marks that tell resolution what to redo, and the release of the claims. A crash anywhere
leaves either the whole batch or nothing.
"""
from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Table, delete, select
from sqlalchemy.dialects import postgresql, sqlite

from . import schema as S
from .facts import Facts, Office, province_of

__all__ = ["Writer", "bulk_insert", "chunked", "insert_ignore"]


def insert_ignore(conn: Connection, table: Table, index: Sequence[str] | None = None):
    """``INSERT … ON CONFLICT DO NOTHING`` for the connection's dialect."""
    mod: Any = postgresql if conn.dialect.name == "postgresql" else sqlite
    return mod.insert(table).on_conflict_do_nothing(index_elements=list(index) if index else None)


def bulk_insert(conn: Connection, table: Table, rows: list[dict], chunk: int = 1000) -> None:
    """Insert many rows of the same keys. On SQLite the statement is written once and the rows go
    to the driver as tuples through the columns' own bind processors (what SQLAlchemy would do,
    without its per-row parameter building, most of a bulk write's cost); elsewhere a Core
    ``executemany``."""
    if not rows:
        return
    keys = list(rows[0])
    defaulted = any(c.default is not None and c.name not in keys for c in table.c)
    if conn.dialect.name != "sqlite" or defaulted:  # (column defaults are Core's to fill)
        for part in chunked(rows, chunk):
            conn.execute(table.insert(), list(part))
        return
    quote = conn.dialect.identifier_preparer.quote
    sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(k) for k in keys)}) "
           f"VALUES ({', '.join('?' for _ in keys)})")
    procs = [table.c[k].type.bind_processor(conn.dialect) for k in keys]
    pairs = list(enumerate(procs))
    conv = [i for i, p in pairs if p is not None]
    for part in chunked(rows, chunk):
        tuples = []
        for r in part:
            vals = [r[k] for k in keys]
            for i in conv:
                if vals[i] is not None:
                    vals[i] = procs[i](vals[i])
            tuples.append(tuple(vals))
        conn.exec_driver_sql(sql, tuples)


def chunked(seq: Sequence, n: int = 500) -> Iterable[Sequence]:
    for i in range(0, len(seq), n):
        yield seq[i : i + n]


class Lookup:
    """value → id for one lookup table (``names``, ``places`` …), cached for the process."""

    def __init__(self, table: Table, column: str):
        self.table = table
        self.column = table.c[column]
        self.cache: dict[str, int] = {}

    def ids(self, conn: Connection, values: Iterable[str], extra: dict[str, dict] | None = None) -> dict[str, int]:
        want = {v for v in values if v not in self.cache}
        if want:
            self._load(conn, want)
            missing = sorted(want - self.cache.keys())  # sorted: concurrent writers lock in one order
            if missing:
                rows = [{self.column.name: v, **((extra or {}).get(v) or {})} for v in missing]
                for part in chunked(rows):
                    conn.execute(insert_ignore(conn, self.table, [self.column.name]), list(part))
                self._load(conn, set(missing))
        return self.cache

    def _load(self, conn: Connection, values: set[str]) -> None:
        for part in chunked(sorted(values)):
            for v, i in conn.execute(select(self.column, self.table.c.id).where(self.column.in_(part))):
                self.cache[v] = i


class Writer:
    """Stores batches of extracted reports; one per process (it caches lookup ids)."""

    def __init__(self) -> None:
        self.names = Lookup(S.names, "name")
        self.orgs = Lookup(S.organizations, "canonical")
        self.places = Lookup(S.places, "name")
        self.offices = Lookup(S.offices, "label")
        self.pipelines = Lookup(S.pipelines, "version")
        self.aliases_seen: set[str] = set()

    def insert_documents(self, conn: Connection, batch: list[Facts]) -> dict[str, int]:
        """Insert the document rows; key → id of those this call inserted."""
        pipes = self.pipelines.ids(conn, {f.pipeline for f in batch})
        now = time.time()
        rows = [{"key": f.key, "source": f.source_id, "title": f.title, "url": f.url, "published": f.published,
                 "n_chars": f.n_chars, "pipeline_id": pipes[f.pipeline], "ingested_at": now}
                for f in sorted(batch, key=lambda f: f.key)]
        stmt = insert_ignore(conn, S.documents, ["key"]).returning(S.documents.c.key, S.documents.c.id)
        out: dict[str, int] = {}
        for part in chunked(rows, 200):
            out.update(conn.execute(stmt, list(part)).all())
        return out

    def write(self, conn: Connection, batch: list[Facts], owner: str | None = None) -> dict[str, int]:
        """Store a batch inside the caller's transaction; key → document id of the new ones."""
        ids = self.insert_documents(conn, batch)
        new = [f for f in batch if f.key in ids]
        if new:
            self.write_facts(conn, [(ids[f.key], f) for f in new])
        if owner is not None:
            keys = sorted(f.key for f in batch)
            for part in chunked(keys):
                conn.execute(delete(S.claims).where(S.claims.c.key.in_(part), S.claims.c.owner == owner))
        return ids

    def _lookups(self, conn: Connection, pairs: list[tuple[int, Facts]]) -> None:
        orgs: dict[str, dict] = {}
        offices: dict[str, Office] = {}
        places: set[str] = set()
        for _, f in pairs:
            for canon, (kind, _aliases, _spans) in f.orgs.items():
                orgs.setdefault(canon, {"kind": kind})
            for *_, office, _status, _s, _e in f.positions:
                offices[office.label] = office
                if office.organization:
                    orgs.setdefault(office.organization, {"kind": office.org_kind})
            for _e, canon, _role in f.event_orgs:
                orgs.setdefault(canon, {"kind": None})
            places.update(ev[5] for ev in f.events if ev[5])
        self.names.ids(conn, {m[1] for _, f in pairs for m in f.mentions})
        org_ids = self.orgs.ids(conn, orgs, orgs)
        self.places.ids(conn, places, {p: {"province": province_of(p)} for p in places})
        self.offices.ids(conn, offices, {
            label: {"organization_id": org_ids.get(o.organization) if o.organization else None, "role": o.role,
                    "jurisdiction": o.jurisdiction, "province": o.province}
            for label, o in offices.items()})
        aliases = {}
        for _, f in pairs:
            for canon, (_kind, names, _spans) in f.orgs.items():
                for a in names:
                    if a not in self.aliases_seen:
                        aliases[a] = org_ids[canon]
        if aliases:
            rows = [{"alias": a, "organization_id": i} for a, i in sorted(aliases.items())]
            for part in chunked(rows):
                conn.execute(insert_ignore(conn, S.org_aliases, ["alias"]), list(part))
            self.aliases_seen.update(aliases)

    def write_facts(self, conn: Connection, pairs: list[tuple[int, Facts]], with_text: bool = True) -> None:
        """Every fact of the given (document id, facts) pairs, plus the dirty marks."""
        self._lookups(conn, pairs)
        name, org, place, office = self.names.cache, self.orgs.cache, self.places.cache, self.offices.cache
        texts: list[dict] = []
        ments: list[dict] = []
        poss: list[dict] = []
        orgm: list[dict] = []
        evs: list[dict] = []
        parts: list[dict] = []
        eorgs: list[dict] = []
        dirty_names: set[int] = set()
        dirty_dates: set[str] = set()
        for did, f in pairs:
            if with_text:
                texts.append({"document_id": did, "text_z": f.text_z})
            for idx, nm, s, e, spans in f.mentions:
                ments.append({"document_id": did, "idx": idx, "name_id": name[nm], "start": s, "end": e,
                              "spans": spans})
                dirty_names.add(name[nm])
            for m, j, o, status, s, e in f.positions:
                poss.append({"document_id": did, "mention_idx": m, "idx": j, "office_id": office[o.label],
                             "status": status, "start": s, "end": e})
            for canon, (_k, _a, spans) in f.orgs.items():
                orgm.append({"document_id": did, "organization_id": org[canon], "spans": spans})
            for (e, typ, ds, de, prec, pl, ts, te, s, en, topics) in f.events:
                evs.append({"document_id": did, "idx": e, "type": typ, "date_start": ds, "date_end": de,
                            "precision": prec, "place_id": place.get(pl) if pl else None, "trigger_start": ts,
                            "trigger_end": te, "start": s, "end": en, "topics": topics})
                if ds is not None:
                    dirty_dates.add(ds.isoformat())
            parts.extend({"document_id": did, "event_idx": e, "mention_idx": m, "role": r}
                         for e, m, r in f.participants)
            eorgs.extend({"document_id": did, "event_idx": e, "organization_id": org[c], "role": r}
                         for e, c, r in f.event_orgs)
        for table, rows in ((S.document_texts, texts), (S.mentions, ments), (S.positions, poss),
                            (S.org_mentions, orgm), (S.event_reports, evs), (S.participants, parts),
                            (S.event_orgs, eorgs)):
            bulk_insert(conn, table, rows)
        mark_dirty(conn, names=dirty_names, dates=dirty_dates)


def mark_dirty(conn: Connection, names: Iterable[int] = (), dates: Iterable[str] = ()) -> None:
    rows = [{"kind": "name", "value": str(n)} for n in sorted(set(names))]
    rows += [{"kind": "date", "value": d} for d in sorted(set(dates))]
    bulk_insert(conn, S.dirty, rows)


def delete_documents_facts(conn: Connection, doc_ids: Sequence[int]) -> None:
    """Remove the per-report facts of these documents (not the document rows or texts)."""
    for part in chunked(list(doc_ids)):
        for table in (S.mentions, S.positions, S.org_mentions, S.event_reports, S.participants, S.event_orgs):
            conn.execute(delete(table).where(table.c.document_id.in_(part)))
        conn.execute(delete(S.review).where(S.review.c.document_id.in_(part)))

