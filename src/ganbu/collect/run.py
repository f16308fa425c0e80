"""``ganbu collect``: poll the sources, fetch the new report URLs, read and store them.

One run, in this order (all state in the store, so a run can stop anywhere):

1. **Leftovers.** Pages a previous run fetched but did not store (``fetches.state =
   'fetched'``, raw bytes kept) are read and stored first, without fetching them again.
2. **Polls.** Each source's listing is fetched (conditionally: ``If-None-Match`` /
   ``If-Modified-Since`` from ``listings``), its report links found
   (:mod:`ganbu.collect.links`), and the new ones queued in ``fetches``; the poll's row, the new
   validators and the queued links are one transaction. A source another collector is polling
   right now (its claim is held) is skipped.
3. **Fetches.** Queued URLs (and those that failed for a reason that may pass, up to
   :data:`~ganbu.collect.state.MAX_RUNS` runs) are claimed, fetched politely
   (:mod:`ganbu.collect.fetch`) and their raw bytes committed in small batches (``fetched``).
4. **Reading and storing.** Fetched pages go to the extraction workers (a process pool, as
   ``ganbu ingest``); their facts are written by the store's :class:`~ganbu.store.writer.Writer`
   in batches, each one transaction with the fetches' final state (``stored``, ``duplicate``:
   the same text is stored already, ``failed``: the reader refused it) and the release of the
   claims. Then resolution updates persons, events and spells, as after ``ganbu ingest``.

A URL with a row in ``fetches`` is never fetched twice (by this collector or another sharing the
store); a text stored once is not stored again (the document key). SIGKILL at any point loses
at most the pages fetched since the last commit (fetched again by the next run) and leaves the
store as a clean run would once the next run has finished.
"""
from __future__ import annotations

import asyncio
import contextlib
import datetime as _dt
import sys
import time
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, select

from ..errors import GanbuError
from ..store import schema as S
from ..store.claims import Claimer
from ..store.db import write
from ..store.facts import Facts
from ..store.writer import Writer
from . import state as st
from .fetch import Fetcher, Politeness, Response
from .links import Listing, parse_listing
from .pages import PageFailure, PageJob, process_pages
from .sources import SourceRow

__all__ = ["CollectReport", "Collector", "SourceTally", "collect"]

#: child sitemaps of a sitemap index read per poll (the newest by <lastmod>, and only changed ones)
SITEMAP_CHILDREN = 3


@dataclass
class SourceTally:
    """What one run did for one source."""

    source_id: int | None
    label: str
    kind: str = ""
    listing: str = "not polled"
    links: int = 0
    new_links: int = 0
    fetched: int = 0
    stored: int = 0
    duplicate: int = 0
    failed: Counter = field(default_factory=Counter)

    def line(self) -> str:
        fails = sum(self.failed.values())
        head = (f"{self.label}: listing {self.listing}; {self.links} links, {self.new_links} new; fetched "
                f"{self.fetched}: {self.stored} new, {self.duplicate} unchanged (already stored), {fails} failed")
        if fails:
            head += " (" + "; ".join(f"{why} ×{n}" for why, n in self.failed.most_common(4)) + ")"
        return head

    def to_dict(self) -> dict:
        return {"source_id": self.source_id, "source": self.label, "kind": self.kind, "listing": self.listing,
                "links": self.links, "new_links": self.new_links, "fetched": self.fetched, "new": self.stored,
                "unchanged": self.duplicate, "failed": sum(self.failed.values()), "reasons": dict(self.failed)}


@dataclass
class CollectReport:
    tallies: dict[int | None, SourceTally] = field(default_factory=dict)
    seconds: float = 0.0
    requests: int = 0
    interrupted: bool = False
    resolved: dict[str, int] = field(default_factory=dict)

    def total(self, what: str) -> int:
        return sum(getattr(t, what) if what != "failed" else sum(t.failed.values()) for t in self.tallies.values())

    def lines(self) -> list[str]:
        rate = self.total("fetched") / self.seconds if self.seconds > 0 else 0.0
        out = [f"collected from {len(self.tallies)} sources in {self.seconds:.1f} s: {self.requests} requests, "
               f"{self.total('fetched')} pages fetched ({rate:.0f}/s), {self.total('stored')} new reports, "
               f"{self.total('duplicate')} unchanged, {self.total('failed')} failed"]
        if self.interrupted:
            out[0] += "; interrupted: what was committed is kept, run again to finish"
        out += ["  " + t.line() for t in self.tallies.values()]
        if self.resolved:
            out.append("  resolved: " + ", ".join(f"{k} {v}" for k, v in self.resolved.items()))
        return out

    def to_dict(self) -> dict:
        return {"seconds": round(self.seconds, 3), "requests": self.requests, "interrupted": self.interrupted,
                "new": self.total("stored"), "unchanged": self.total("duplicate"), "failed": self.total("failed"),
                "fetched": self.total("fetched"), "sources": [t.to_dict() for t in self.tallies.values()],
                "resolved": self.resolved}


class Collector:
    """One run over some sources (see the module doc). ``now`` is the clock written into the store
    (polls, finds, fetches); tests pass their own. ``workers``: extraction processes (0: in this
    process)."""

    def __init__(self, engine: Engine, politeness: Politeness | None = None, *, now: Callable[[], float] = time.time,
                 workers: int = 0, progress: bool = False, transport=None, sleep=asyncio.sleep,
                 lease: float | None = None, write_batch: int = 128, fetch_batch: int = 32):
        self.engine = engine
        self.p = politeness or Politeness()
        self.now = now
        self.workers = workers
        self.progress = progress
        self.transport = transport
        self.sleep = sleep
        self.claimer = Claimer(engine) if lease is None else Claimer(engine, lease)
        self.writer = Writer()
        self.report = CollectReport()
        self.write_batch = write_batch
        self.fetch_batch = fetch_batch
        self.pool = None
        self.bar = None
        self._fetched: list[tuple[Any, Response]] = []
        self._stored: list[tuple[int, Facts | PageFailure]] = []
        self._sources: dict[int, SourceRow] = {}
        self._row_source: dict[int, int | None] = {}
        self._extracting: set[asyncio.Task] = set()
        self._held_polls: list[str] = []
        self._last_fetch_flush = time.monotonic()
        self._last_store_flush = time.monotonic()

    # ------------------------------------------------------------ bookkeeping

    def tally(self, source_id: int | None) -> SourceTally:
        t = self.report.tallies.get(source_id)
        if t is None:
            src = self._sources.get(source_id) if source_id is not None else None
            label = src.label if src else ("(removed source)" if source_id is None else f"#{source_id}")
            t = self.report.tallies[source_id] = SourceTally(source_id, label, src.kind if src else "")
        return t

    # ------------------------------------------------------------ the run

    async def run(self, sources: Sequence[SourceRow], *, fetch_all: bool = True) -> CollectReport:
        """Poll ``sources`` and fetch what is queued (for every source when ``fetch_all``, else only
        theirs). (Long because it is the run's outline: set-up, the four steps, clean-up.)"""
        t0 = time.monotonic()
        self._sources = {s.id: s for s in sources}
        for s in sources:
            self.tally(s.id)
        scope = None if fetch_all else [s.id for s in sources]
        try:
            async with Fetcher(self.p, transport=self.transport, sleep=self.sleep) as fx:
                self.fx = fx
                await self._leftovers(scope)
                await asyncio.gather(*(self._poll(s) for s in sources if s.enabled))
                await self._wait_for_polls()
                await self._fetch_queue(scope)
                await self._drain()
            self.report.requests = fx.requests
        except (KeyboardInterrupt, asyncio.CancelledError):
            self.report.interrupted = True
        finally:
            if self.bar is not None:
                self.bar.close()
            if self.report.interrupted or sys.exc_info()[0] is not None:
                with contextlib.suppress(GanbuError, KeyboardInterrupt):
                    self.claimer.release_all()
        self.report.seconds = time.monotonic() - t0
        return self.report

    # ------------------------------------------------------------ 1. leftovers

    async def _leftovers(self, scope: Sequence[int] | None) -> None:
        with self.engine.connect() as conn:
            rows = st.fetched_rows(conn, scope)
        if not rows:
            return
        by_key = {st.url_key(r.url): r for r in rows}
        ours, _stored, _held = self.claimer.claim(list(by_key))
        jobs = []
        for k in sorted(ours):
            r = by_key[k]
            self._row_source[r.id] = r.source_id
            jobs.append(PageJob(r.id, r.url, zlib.decompress(r.body_z) if r.body_z else b"", r.title,
                                st.day(r.published)))
        for i in range(0, len(jobs), 16):
            self._extract(jobs[i : i + 16])

    # ------------------------------------------------------------ 2. polls

    async def _poll(self, src: SourceRow) -> None:
        tally = self.tally(src.id)
        key = st.source_key(src.url)
        ours, _stored, _held = await asyncio.to_thread(self.claimer.claim, [key])
        if key not in ours:
            tally.listing = "skipped (another collector is polling it)"
            self._held_polls.append(key)
            return
        t0 = time.monotonic()
        status, error, listing, saves = await self._read_listing(src)
        tally.listing = error or ("not modified (304)" if status == 304 else str(status))
        links = listing.links if listing else []
        with write(self.engine) as conn:
            n_new = st.queue_links(conn, src.id, links, self.now()) if links else 0
            for url, etag, lm, lastmod in saves:
                st.save_validators(conn, src.id, url, etag, lm, lastmod, self.now())
            st.record_poll(conn, src.id, self.now(), time.monotonic() - t0, status, error, len(links), n_new)
            self.claimer.release(conn, [key])
        tally.links, tally.new_links = len(links), n_new

    async def _wait_for_polls(self, limit: float = 60.0) -> None:
        """Wait (up to ``limit`` s) for the polls other collectors were making when ours were
        skipped, so that the links they queue are shared out, not left to them alone."""
        deadline = time.monotonic() + limit
        while self._held_polls and time.monotonic() < deadline:
            with self.engine.connect() as conn:
                held = set(conn.scalars(select(S.claims.c.key).where(S.claims.c.key.in_(self._held_polls))))
            self._held_polls = [k for k in self._held_polls if k in held]
            if self._held_polls:
                await asyncio.sleep(0.2)

    async def _read_listing(self, src: SourceRow) -> tuple[int | None, str | None, Listing | None, list]:
        """(status, error, listing, validators to save) of one source's listing; a sitemap index's
        changed children are read too."""
        with self.engine.connect() as conn:
            etag, lm, _ = st.validators(conn, src.url)
        r = await self.fx.get(src.url, etag=etag, last_modified=lm)
        if r.error:
            return r.status, r.error, None, []
        saves = [(src.url, r.etag or etag, r.last_modified or lm, None)]
        if r.not_modified:
            return 304, None, None, saves
        try:
            listing = parse_listing(src.kind, r.body, r.final_url, src.link_pattern)
        except (ValueError, GanbuError) as e:
            msg = e.message if isinstance(e, GanbuError) else str(e)
            return r.status, f"not a {src.kind}: {msg}"[:200], None, saves
        if listing.children:
            await self._children(src, listing, saves)
        return r.status, None, listing, saves

    async def _children(self, src: SourceRow, listing: Listing, saves: list) -> None:
        with self.engine.connect() as conn:
            known = {url: st.validators(conn, url) for url, _ in listing.children}
        newest = sorted(listing.children, key=lambda c: c[1] or "", reverse=True)[:SITEMAP_CHILDREN]
        for url, lastmod in newest:
            etag, lm, seen_lastmod = known[url]
            if lastmod and seen_lastmod == lastmod:
                continue
            r = await self.fx.get(url, etag=etag, last_modified=lm)
            if r.error or r.not_modified:
                continue
            try:
                sub = parse_listing("sitemap", r.body, r.final_url, src.link_pattern)
            except (ValueError, GanbuError):
                continue
            listing.links.extend(sub.links)
            saves.append((url, r.etag, r.last_modified, lastmod))

    # ------------------------------------------------------------ 3. fetches

    async def _fetch_queue(self, scope: Sequence[int] | None) -> None:
        """Fetch what is queued, one feeder per source, so a slow or rate-limited site does not
        hold the others."""
        with self.engine.connect() as conn:
            total = st.count_pending(conn, scope)
            groups = st.pending_sources(conn, scope)
        if self.progress and total:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="page", desc="collect", file=sys.stderr, dynamic_ncols=True,
                            smoothing=0.05)
        await asyncio.gather(*(self._feed(sid) for sid in groups))
        self._flush_fetched()

    async def _feed(self, source_id: int | None) -> None:
        """Claim a source's queued URLs a few at a time (so collectors sharing the store share
        them) and fetch them, keeping about one claim's worth in flight."""
        chunk = max(16, 4 * self.p.per_host)
        cursor = 0
        inflight: set[asyncio.Task] = set()
        while True:
            with self.engine.connect() as conn:
                rows = st.pending_rows(conn, source_id, cursor, chunk)
            if not rows:
                break
            cursor = rows[-1].id
            for r in await self._claim_rows(rows):
                self._row_source[r.id] = r.source_id
                inflight.add(asyncio.create_task(self._fetch_one(r)))
            while len(inflight) >= chunk:
                _done, inflight = await asyncio.wait(inflight, return_when=asyncio.FIRST_COMPLETED)
        if inflight:
            await asyncio.gather(*inflight)

    async def _claim_rows(self, rows: list) -> list:
        by_key = {st.url_key(r.url): r for r in rows}
        ours, _stored, _held = await asyncio.to_thread(self.claimer.claim, list(by_key))
        mine = [by_key[k] for k in ours]
        with self.engine.connect() as conn:
            alive = st.still_pending(conn, [r.id for r in mine])
        gone = [st.url_key(r.url) for r in mine if r.id not in alive]
        if gone:  # fetched by another collector between our look and our claim
            with write(self.engine) as conn:
                self.claimer.release(conn, gone)
        return sorted((r for r in mine if r.id in alive), key=lambda r: r.id)

    async def _fetch_one(self, row) -> None:
        r = await self.fx.get(row.url)
        self._fetched.append((row, r))
        if self.bar is not None:
            self.bar.update(1)
        if len(self._fetched) >= self.fetch_batch or time.monotonic() - self._last_fetch_flush > 0.5:
            self._flush_fetched()

    def _flush_fetched(self) -> None:
        """Commit the pages fetched since the last flush (raw bytes, or the failure) and send the
        good ones to be read."""
        batch, self._fetched = self._fetched, []
        self._last_fetch_flush = time.monotonic()
        if not batch:
            return
        now = self.now()
        jobs, good = [], []
        with write(self.engine) as conn:
            for row, r in batch:
                tally = self.tally(row.source_id)
                if r.ok and not r.not_modified:
                    good.append({"fid": row.id, "at": now, "final_url": r.final_url if r.final_url != row.url else "",
                                 "status": r.status, "etag": r.etag, "last_modified": r.last_modified,
                                 "body": r.body})
                    tally.fetched += 1
                    jobs.append(PageJob(row.id, row.url, r.body, row.title, st.day(row.published)))
                else:
                    st.save_failed(conn, row.id, now, r.status, r.error or "not modified", r.retry)
                    tally.failed[r.error or "not modified"] += 1
            st.save_fetched(conn, good)
            self.claimer.release(conn, [st.url_key(row.url) for row, r in batch if not r.ok or r.not_modified])
        self.claimer.renew()
        for i in range(0, len(jobs), 16):
            self._extract(jobs[i : i + 16])

    # ------------------------------------------------------------ 4. reading and storing

    def _extract(self, jobs: list[PageJob]) -> None:
        if self.pool is None:
            self._stored.extend(process_pages(jobs))
            self._maybe_flush_stored()
            return
        loop = asyncio.get_running_loop()
        fut = loop.run_in_executor(self.pool, process_pages, jobs)
        task = asyncio.ensure_future(fut)
        self._extracting.add(task)
        task.add_done_callback(self._extracted)

    def _extracted(self, task: asyncio.Task) -> None:
        self._extracting.discard(task)
        if task.cancelled():
            return
        self._stored.extend(task.result())
        self._maybe_flush_stored()

    def _maybe_flush_stored(self) -> None:
        if len(self._stored) >= self.write_batch or time.monotonic() - self._last_store_flush > 1.0:
            self._flush_stored()

    async def _drain(self) -> None:
        while self._extracting:
            await asyncio.gather(*list(self._extracting))
        self._flush_stored()

    def _flush_stored(self) -> None:
        """Write a batch of read pages: documents and facts (the store's writer), each fetch's final
        state, the release of the URL claims; one transaction."""
        batch, self._stored = self._stored, []
        self._last_store_flush = time.monotonic()
        if not batch:
            return
        facts: dict[str, Facts] = {}
        for _fid, res in batch:
            if isinstance(res, Facts):
                facts.setdefault(res.key, res)
        with write(self.engine) as conn:
            new_ids = self.writer.write(conn, list(facts.values()))
            ids = {**st.document_ids(conn, [k for k in facts if k not in new_ids]), **new_ids}
            states = st.fetched_states(conn, [fid for fid, _ in batch])
            first: set[str] = set()
            done: list[dict] = []
            for fid, res in batch:
                if states.get(fid) != "fetched":
                    continue  # another collector stored it meanwhile
                tally = self.tally(self._row_source.get(fid))
                if isinstance(res, PageFailure):
                    st.save_failed(conn, fid, self.now(), None, f"{res.code} {res.message}", False, counted=False)
                    tally.failed[res.code] += 1
                    continue
                state = "stored" if res.key in new_ids and res.key not in first else "duplicate"
                first.add(res.key)
                done.append({"fid": fid, "state": state, "key": res.key, "document_id": ids.get(res.key)})
                if state == "stored":
                    tally.stored += 1
                else:
                    tally.duplicate += 1
            st.save_stored(conn, done)
            urls = conn.execute(select(S.fetches.c.url).where(S.fetches.c.id.in_([fid for fid, _ in batch])))
            self.claimer.release(conn, [st.url_key(u) for u in urls.scalars()])


def _pool(workers: int):
    if workers <= 0:
        return None
    from ..store.ingest import _pool as ingest_pool

    return ingest_pool(workers)


def collect(engine: Engine, sources: Sequence[SourceRow], politeness: Politeness | None = None, *,
            now: Callable[[], float] = time.time, workers: int = 0, progress: bool = False, resolve: bool = True,
            fetch_all: bool = True, transport=None, sleep=asyncio.sleep, lease: float | None = None) -> CollectReport:
    """Run one collection (see the module doc) and, unless ``resolve=False``, resolution."""
    if workers > 0:
        from ..pipeline import extract

        extract("浙江省委书记易炼红出席。", "2023-01-01")  # load the lexicons once, before forking
    c = Collector(engine, politeness, now=now, workers=workers, progress=progress, transport=transport,
                  sleep=sleep, lease=lease)
    c.pool = _pool(workers)
    try:
        report = asyncio.run(c.run(sources, fetch_all=fetch_all))
    except KeyboardInterrupt:
        c.report.interrupted = True
        report = c.report
    finally:
        if c.pool is not None:
            c.pool.shutdown(wait=False, cancel_futures=True)
    if resolve and not report.interrupted and report.total("stored"):
        from ..store.resolve import update

        report.resolved = update(engine)
    return report


def today(now: float) -> _dt.date:
    """The day of a Unix time in Beijing (UTC+8)."""
    return _dt.datetime.fromtimestamp(now, _dt.timezone(_dt.timedelta(hours=8))).date()
