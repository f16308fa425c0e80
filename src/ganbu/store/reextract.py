"""``ganbu reextract``: replay the current extractor over the stored texts and report what changed.

Every document keeps its raw text (``document_texts``) and the pipeline version that extracted
it (``documents.pipeline_id``). Reextraction reads the text back, extracts it again in the
worker pool (published date, title and url as stored), and replaces the report's facts in one
transaction per batch: mentions, positions, organisations, events, participants. The document
row and its key stay, so its identity does not change; each new mention inherits the person id
of the old mention of the same name in the same report, and resolution then keeps person and
event ids stable (a cluster takes the id most of its mentions had). ``--stale`` redoes only the
documents an older pipeline version made.
"""
from __future__ import annotations

import datetime as _dt
import sys
import time
import zlib
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, wait
from dataclasses import dataclass, field

from sqlalchemy import Engine, bindparam, select, update

from ..read import read_text
from . import schema as S
from .db import write
from .facts import Facts, facts_from_document
from .ingest import _pool
from .writer import Writer, chunked, delete_documents_facts, mark_dirty

__all__ = ["Report", "reextract"]


@dataclass
class Report:
    pipeline: str
    documents: int = 0
    changed: int = 0
    failed: int = 0
    diff: Counter = field(default_factory=Counter)
    versions: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    resolved: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        old = ", ".join(f"{v} ×{n}" for v, n in self.versions.most_common()) or "—"
        out = [f"reextracted {self.documents} documents with {self.pipeline} (were: {old}) in {self.seconds:.1f} s; "
               f"{self.changed} changed, {self.failed} failed"]
        for what in ("people", "positions", "events", "participants"):
            out.append(f"  {what}: +{self.diff[what + '+']} −{self.diff[what + '-']}")
        if self.resolved:
            out.append("  resolved: " + ", ".join(f"{k} {v}" for k, v in self.resolved.items()))
        return out

    def to_dict(self) -> dict:
        return {"pipeline": self.pipeline, "documents": self.documents, "changed": self.changed,
                "failed": self.failed, "previous_versions": dict(self.versions), "diff": dict(self.diff),
                "seconds": round(self.seconds, 3), "resolved": self.resolved}


Job = tuple[int, str, bytes, _dt.date | None, str | None, str | None, str | None]


def _extract_job(jobs: list[Job]) -> list[tuple[int, Facts | None]]:
    from ..pipeline import extract

    out: list[tuple[int, Facts | None]] = []
    for did, key, text_z, published, title, url, source in jobs:
        try:
            raw = zlib.decompress(text_z).decode("utf-8")
            doc = extract(read_text(raw, source or key), published.isoformat() if published else None,
                          name=source or key)
            out.append((did, facts_from_document(doc, key, (source or key, title, url))))
        except Exception:
            out.append((did, None))
    return out


def _snapshot(conn, ids: list[int]) -> dict[int, dict[str, set]]:
    """What a report says, in comparable form (names, not ids)."""
    m, p, n, o, er, pa = S.mentions.c, S.positions.c, S.names.c, S.offices.c, S.event_reports.c, S.participants.c
    snap: dict[int, dict[str, set]] = {i: {"people": set(), "positions": set(), "events": set(),
                                           "participants": set()} for i in ids}
    names: dict[tuple[int, int], str] = {}
    for did, idx, name in conn.execute(select(m.document_id, m.idx, n.name).join(S.names, n.id == m.name_id)
                                       .where(m.document_id.in_(ids))):
        names[(did, idx)] = name
        snap[did]["people"].add(name)
    for did, midx, label, status in conn.execute(select(p.document_id, p.mention_idx, o.label, p.status)
                                                 .join(S.offices, o.id == p.office_id).where(p.document_id.in_(ids))):
        snap[did]["positions"].add((names.get((did, midx)), label, status))
    for did, _idx, typ, ds in conn.execute(select(er.document_id, er.idx, er.type, er.date_start)
                                          .where(er.document_id.in_(ids))):
        snap[did]["events"].add((typ, str(ds)))
    for did, _e, midx, role in conn.execute(select(pa.document_id, pa.event_idx, pa.mention_idx, pa.role)
                                            .where(pa.document_id.in_(ids))):
        snap[did]["participants"].add((names.get((did, midx)), role))
    return snap


def _replace(writer: Writer, engine: Engine, results: list[tuple[int, Facts | None]], rep: Report) -> None:
    ok = [(did, f) for did, f in results if f is not None]
    rep.failed += len(results) - len(ok)
    if not ok:
        return
    ids = [did for did, _ in ok]
    with write(engine) as conn:
        before = _snapshot(conn, ids)
        m = S.mentions.c
        old = conn.execute(select(m.document_id, m.name_id, m.person_id).where(m.document_id.in_(ids))).all()
        old_dates = {str(d) for d in conn.scalars(select(S.event_reports.c.date_start).where(
            S.event_reports.c.document_id.in_(ids), S.event_reports.c.date_start.is_not(None)))}
        delete_documents_facts(conn, ids)
        writer.write_facts(conn, ok, with_text=False)
        carry = [{"d": d, "n": nid, "p": pid} for d, nid, pid in old if pid is not None]
        if carry:
            conn.execute(update(S.mentions).where(m.document_id == bindparam("d"), m.name_id == bindparam("n"))
                         .values(person_id=bindparam("p")), carry)
        pipes = writer.pipelines.ids(conn, {f.pipeline for _, f in ok})
        conn.execute(update(S.documents).where(S.documents.c.id == bindparam("i")).values(pipeline_id=bindparam("v")),
                     [{"i": did, "v": pipes[f.pipeline]} for did, f in ok])
        mark_dirty(conn, names={nid for _, nid, _ in old}, dates=old_dates)
        after = _snapshot(conn, ids)
    for did in ids:
        changed = False
        for what in ("people", "positions", "events", "participants"):
            plus, minus = after[did][what] - before[did][what], before[did][what] - after[did][what]
            rep.diff[what + "+"] += len(plus)
            rep.diff[what + "-"] += len(minus)
            changed = changed or bool(plus or minus)
        rep.changed += changed


def reextract(engine: Engine, *, stale: bool = False, workers: int | None = None, progress: bool = False,
              batch: int = 64, resolve: bool = True) -> Report:
    """Extract the stored texts again (all, or with ``stale`` those of older pipeline versions)."""
    import os

    from ..pipeline import current_version

    current = current_version()
    rep = Report(current)
    t0 = time.time()
    d, pl = S.documents.c, S.pipelines.c
    with engine.connect() as conn:
        q = select(d.id, pl.version).join(S.pipelines, pl.id == d.pipeline_id)
        if stale:
            q = q.where(pl.version != current)
        todo = conn.execute(q.order_by(d.id)).all()
    rep.versions.update(v for _, v in todo)
    rep.documents = len(todo)
    workers = (os.cpu_count() or 1) if workers is None else workers
    pool = _pool(workers)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(todo), unit="doc", desc="reextract", file=sys.stderr, dynamic_ncols=True)
    writer = Writer()
    pending: list = []
    try:
        for part in chunked([i for i, _ in todo], batch):
            jobs = _jobs(engine, list(part))
            if pool is None:
                _replace(writer, engine, _extract_job(jobs), rep)
            else:
                pending.append(pool.submit(_extract_job, jobs))
                while len(pending) > 2 * workers:
                    done, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for f in done:
                        pending.remove(f)
                        _replace(writer, engine, f.result(), rep)
            if bar is not None:
                bar.update(len(part))
        for f in pending:
            _replace(writer, engine, f.result(), rep)
    finally:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        if bar is not None:
            bar.close()
    if resolve:
        from .resolve import update as resolve_update

        rep.resolved = resolve_update(engine)
    rep.seconds = time.time() - t0
    return rep


def _jobs(engine: Engine, ids: list[int]) -> list[Job]:
    d, t = S.documents.c, S.document_texts.c
    with engine.connect() as conn:
        rows = conn.execute(select(d.id, d.key, t.text_z, d.published, d.title, d.url, d.source)
                            .join(S.document_texts, t.document_id == d.id).where(d.id.in_(ids))).all()
    return [tuple(r) for r in rows]
