"""What the collector keeps in the store between runs: polls, listing validators, the URL queue.

Every function takes a connection inside the caller's transaction; the caller
(:mod:`ganbu.collect.run`) groups them so that a crash leaves whole steps: a poll's row, its
validators and the links it queued are one transaction; a batch of fetched pages (raw bytes,
zlib) is one; a batch of stored reports (documents, facts, the fetches' final state and the
release of their claims) is one.

Work is shared between collectors through the store's ``claims`` table
(:class:`ganbu.store.claims.Claimer`, as ``ganbu ingest`` shares reports): a source being polled
and a URL being fetched and read are claimed under a key derived from the URL (``s``/``u`` + 63
hex digits of its sha256: never a document key, which is 64 hex digits). A claim is held from
the fetch until the page is stored or has failed, and is taken over when its owner died.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import zlib
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, and_, bindparam, func, or_, select, update

from ..store import schema as S
from ..store.writer import chunked, insert_ignore
from .links import Link

__all__ = ["MAX_RUNS", "count_pending", "fetched_rows", "known_urls", "pending_rows", "pending_sources", "queue_links",
           "record_poll",
           "save_failed", "save_fetched", "save_validators", "source_key", "url_key", "validators"]

#: a page that failed for a reason that may pass (5xx, timeout) is tried again by this many runs
MAX_RUNS = 5
F = S.fetches.c


def url_key(url: str) -> str:
    return "u" + hashlib.sha256(url.encode("utf-8")).hexdigest()[:63]


def source_key(url: str) -> str:
    return "s" + hashlib.sha256(url.encode("utf-8")).hexdigest()[:63]


# ---------------------------------------------------------------- polls and listings

def validators(conn: Connection, url: str) -> tuple[str | None, str | None, str | None]:
    """(ETag, Last-Modified, lastmod) stored for a listing URL."""
    row = conn.execute(select(S.listings.c.etag, S.listings.c.last_modified, S.listings.c.lastmod)
                       .where(S.listings.c.url == url)).first()
    return (row[0], row[1], row[2]) if row else (None, None, None)


def save_validators(conn: Connection, source_id: int, url: str, etag: str | None, last_modified: str | None,
                    lastmod: str | None, at: float) -> None:
    values = {"source_id": source_id, "etag": etag, "last_modified": last_modified, "lastmod": lastmod,
              "checked_at": at}
    done = conn.execute(update(S.listings).where(S.listings.c.url == url).values(**values)).rowcount
    if not done:
        conn.execute(insert_ignore(conn, S.listings, ["url"]), [{"url": url, **values}])


def record_poll(conn: Connection, source_id: int, at: float, seconds: float, status: int | None,
                error: str | None, n_links: int, n_new: int) -> None:
    conn.execute(S.source_polls.insert(), [{"source_id": source_id, "at": at, "seconds": round(seconds, 3),
                                            "status": status, "error": (error or None) and error[:200],
                                            "n_links": n_links, "n_new": n_new}])


def known_urls(conn: Connection, urls: Sequence[str]) -> set[str]:
    out: set[str] = set()
    for part in chunked(sorted(set(urls))):
        out.update(conn.scalars(select(F.url).where(F.url.in_(part))))
    return out


def queue_links(conn: Connection, source_id: int, links: Iterable[Link], at: float) -> int:
    """Queue the links not seen before; how many were new."""
    links = list(links)
    known = known_urls(conn, [lk.url for lk in links])
    rows = [{"url": lk.url, "source_id": source_id, "state": "queued", "found_at": at, "title": lk.title,
             "published": lk.published, "retry": False, "attempts": 0}
            for lk in links if lk.url not in known]
    for part in chunked(rows):
        conn.execute(insert_ignore(conn, S.fetches, ["url"]), list(part))
    return len(rows)


# ---------------------------------------------------------------- the queue

def _pending_cond(source_ids: Sequence[int] | None):
    cond = or_(F.state == "queued", and_(F.state == "failed", F.retry.is_(True), F.attempts < MAX_RUNS))
    if source_ids is not None:
        cond = and_(cond, F.source_id.in_(list(source_ids)))
    return cond


def pending_rows(conn: Connection, source_id: int | None, after_id: int, limit: int) -> list:
    """URLs of one source (None: of removed sources) to fetch (queued, or failed for a passing
    reason), by id, after ``after_id``."""
    src = F.source_id.is_(None) if source_id is None else F.source_id == source_id
    q = (select(F.id, F.url, F.source_id, F.title, F.published, F.attempts).where(_pending_cond(None), src)
         .where(F.id > after_id).order_by(F.id).limit(limit))
    return list(conn.execute(q))


def pending_sources(conn: Connection, source_ids: Sequence[int] | None = None) -> list[int | None]:
    """The sources (None: removed ones) with URLs to fetch."""
    q = select(F.source_id).where(_pending_cond(source_ids)).distinct()
    return sorted(conn.scalars(q), key=lambda x: (x is None, x or 0))


def count_pending(conn: Connection, source_ids: Sequence[int] | None = None) -> int:
    return int(conn.scalar(select(func.count()).select_from(S.fetches).where(_pending_cond(source_ids))) or 0)


def still_pending(conn: Connection, ids: Sequence[int]) -> set[int]:
    out: set[int] = set()
    for part in chunked(sorted(ids)):
        out.update(conn.scalars(select(F.id).where(F.id.in_(part), _pending_cond(None))))
    return out


def fetched_rows(conn: Connection, source_ids: Sequence[int] | None = None) -> list:
    """Pages fetched but not yet read and stored (a run that stopped between the two)."""
    q = select(F.id, F.url, F.source_id, F.title, F.published, F.body_z).where(F.state == "fetched")
    if source_ids is not None:
        q = q.where(F.source_id.in_(list(source_ids)))
    return list(conn.execute(q.order_by(F.id)))


def save_fetched(conn: Connection, rows: list[dict]) -> None:
    """Pages fetched: ``rows`` of ``fid, at, final_url, status, etag, last_modified, body``
    (one statement for all; the raw bytes are kept zlib-compressed until the page is stored)."""
    if not rows:
        return
    stmt = update(S.fetches).where(F.id == bindparam("fid")).values(
        state="fetched", fetched_at=bindparam("at"), final_url=bindparam("final_url"), status=bindparam("st"),
        etag=bindparam("et"), last_modified=bindparam("lm"), n_bytes=bindparam("n"), body_z=bindparam("z"),
        error=None, retry=False, attempts=F.attempts + 1)
    conn.execute(stmt, [{"fid": r["fid"], "at": r["at"], "final_url": r["final_url"] or None, "st": r["status"],
                         "et": r["etag"], "lm": r["last_modified"], "n": len(r["body"]),
                         "z": zlib.compress(r["body"], 1)} for r in rows])


def save_failed(conn: Connection, fetch_id: int, at: float, status: int | None, error: str, retry: bool,
                counted: bool = True) -> None:
    """A page that could not be fetched (``counted``: a fetch attempt) or read (not counted)."""
    values: dict = {"state": "failed", "fetched_at": at, "error": error[:200], "retry": retry, "body_z": None}
    if status is not None:
        values["status"] = status
    if counted:
        values["attempts"] = F.attempts + 1
    conn.execute(update(S.fetches).where(F.id == fetch_id).values(**values))


def save_stored(conn: Connection, rows: list[dict]) -> int:
    """Pages that became documents (``state`` ``stored``) or were one already (``duplicate``):
    ``rows`` of ``fid, state, key, document_id``; the raw bytes are dropped (the document keeps the
    decoded page). Only rows still ``fetched`` change (another collector may have done one);
    returns how many did."""
    if not rows:
        return 0
    stmt = update(S.fetches).where(F.id == bindparam("fid"), F.state == "fetched").values(
        state=bindparam("new_state"), key=bindparam("k"), document_id=bindparam("did"), body_z=None)
    res = conn.execute(stmt, [{"fid": r["fid"], "new_state": r["state"], "k": r["key"], "did": r["document_id"]}
                              for r in rows])
    return int(res.rowcount or 0)


def fetched_states(conn: Connection, ids: Sequence[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for part in chunked(sorted(ids)):
        out.update(conn.execute(select(F.id, F.state).where(F.id.in_(part))).all())
    return out


def document_ids(conn: Connection, keys: Sequence[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for part in chunked(sorted(set(keys))):
        out.update(conn.execute(select(S.documents.c.key, S.documents.c.id).where(S.documents.c.key.in_(part))).all())
    return out


def day(value: _dt.date | None) -> str | None:
    return value.isoformat() if value else None
