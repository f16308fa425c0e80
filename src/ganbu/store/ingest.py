"""``ganbu ingest``: extract reports in parallel and store them; idempotent and crash-safe.

The process reads its inputs (:mod:`ganbu.store.inputs`) in chunks; for each chunk it computes
the document keys (sha256 of the normalised text), drops what is stored already or repeated in
the run, and claims the rest (:mod:`ganbu.store.claims`). Claimed reports go to a process pool
(``concurrent.futures.ProcessPoolExecutor`` over all cores) that extracts and flattens them
(:mod:`ganbu.store.facts`); this process is the only writer and commits batches of a few
hundred reports, each in one transaction (:mod:`ganbu.store.writer`). After the last batch,
resolution (:mod:`ganbu.store.resolve`) updates persons, events and spells for what changed.

What a crash (Ctrl-C, SIGKILL, power loss) leaves: committed batches, complete; the batch being
written, absent; the claims of the dead process, taken over at once by a rerun on the same
machine (or after the lease by another machine); the ``dirty`` marks of committed batches, so
the next run's resolution redoes what the dead one did not finish. A rerun therefore ends in
the same rows as an uninterrupted run.
"""
from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import signal
import sys
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from ..errors import GanbuError
from .claims import Claimer
from .db import write
from .errors import StoreError
from .facts import Facts, document_key, extract_record
from .inputs import JSONL_EXTS, Problem, Record, expand, iter_inputs
from .writer import Writer

__all__ = ["Failure", "Summary", "ingest"]


@dataclass(slots=True)
class Failure:
    key: str
    origin: str
    code: str
    message: str


@dataclass
class Summary:
    read: int = 0
    extracted: int = 0
    new: int = 0
    duplicate: int = 0
    failed: int = 0
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    interrupted: bool = False
    resolved: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        rate = self.read / self.seconds if self.seconds > 0 else 0.0
        head = (f"read {self.read}, new {self.new}, duplicate {self.duplicate}, failed {self.failed}"
                f" in {self.seconds:.1f} s ({rate:.0f} reports/s)")
        if self.interrupted:
            head += "; interrupted: what was committed is kept, run again to finish"
        out = [head]
        by = Counter(p.code for p in self.problems)
        for code, n in sorted(by.items()):
            examples = [p for p in self.problems if p.code == code][:3]
            out.append(f"  failed {code} ×{n}: " + "; ".join(f"{p.origin}: {p.message}" for p in examples)
                       + (" …" if n > 3 else ""))
        if self.resolved:
            out.append("  resolved: " + ", ".join(f"{k} {v}" for k, v in self.resolved.items()))
        return out

    def to_dict(self) -> dict:
        return {"read": self.read, "extracted": self.extracted, "new": self.new, "duplicate": self.duplicate,
                "failed": self.failed,
                "seconds": round(self.seconds, 3), "interrupted": self.interrupted, "resolved": self.resolved,
                "problems": [{"input": p.origin, "code": p.code, "message": p.message} for p in self.problems]}


# ---------------------------------------------------------------- worker side

def _worker_init() -> None:
    """In each forked worker: drop the parent's database sockets (a worker that kept them would
    keep a killed parent's PostgreSQL transaction, and its row locks, open), die with the parent,
    leave Ctrl-C to the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _close_inherited_sockets()
    _die_with_parent()


def _close_inherited_sockets() -> None:
    import stat

    try:
        fds = [int(x) for x in os.listdir("/proc/self/fd")]
    except OSError:
        return
    for fd in fds:
        try:
            if stat.S_ISSOCK(os.fstat(fd).st_mode):
                os.close(fd)
        except OSError:
            pass


def _die_with_parent() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def extract_batch(items: list[tuple[str, Record]]) -> list[Facts | Failure]:
    """Extract each record; a failure is returned, never raised (one bad report stops nothing)."""
    out: list[Facts | Failure] = []
    for key, rec in items:
        try:
            out.append(extract_record(key, rec))
        except GanbuError as e:
            out.append(Failure(key, rec.origin, e.code, e.message))
        except RecursionError:
            out.append(Failure(key, rec.origin, "E199", "input too deeply nested to read"))
        except Exception as e:
            out.append(Failure(key, rec.origin, "E901",
                               f"extractor failed ({type(e).__name__}: {e}); please report"))
    return out


# ---------------------------------------------------------------- estimate for the progress bar

def estimate(args: list[str]) -> int | None:
    """How many reports the inputs hold (JSON Lines lines counted; None if stdin is read)."""
    total = 0
    for arg in args:
        try:
            paths = expand(arg)
        except GanbuError:
            continue
        if paths is None:
            return None
        for p in paths:
            total += _count(p)
    return total


def _count(p: Path) -> int:
    if p.suffix.lower() in JSONL_EXTS:
        try:
            with open(p, "rb") as fh:
                return sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
        except OSError:
            return 1
    if p.suffix.lower() == ".parquet":
        try:
            import pyarrow.parquet as pq

            return int(pq.ParquetFile(p).metadata.num_rows)
        except Exception:
            return 1
    return 1


# ---------------------------------------------------------------- the run

class _Run:
    def __init__(self, engine: Engine, workers: int, batch: int, write_batch: int, progress, lease: float | None):
        self.engine = engine
        self.claimer = Claimer(engine) if lease is None else Claimer(engine, lease)
        self.writer = Writer()
        self.summary = Summary()
        self.workers = workers
        self.batch = batch
        self.write_batch = write_batch
        self.progress = progress
        self.seen: set[str] = set()
        self.deferred: dict[str, Record] = {}
        self.inflight: deque[Future] = deque()
        self.buffer: list[Facts] = []
        self.failed_keys: list[str] = []
        self.last_flush = time.time()
        self.pool: ProcessPoolExecutor | None = None

    # -- admission
    def admit(self, items: list[Record | Problem]) -> None:
        recs: dict[str, Record] = {}
        for it in items:
            if isinstance(it, Problem):
                self._fail(it)
                continue
            self.summary.read += 1
            key = document_key(it.src.text)
            if key in self.seen or key in recs:
                self._dup()
                continue
            recs[key] = it
        self.seen.update(recs)
        self._claim(recs)

    def _claim(self, recs: dict[str, Record]) -> None:
        ours, stored, held = self.claimer.claim(list(recs))
        for _ in stored:
            self._dup()
        for k in held:
            self.deferred[k] = recs[k]
        todo = [(k, recs[k]) for k in sorted(ours)]
        for i in range(0, len(todo), self.batch):
            self._submit(todo[i : i + self.batch])

    def _submit(self, items: list[tuple[str, Record]]) -> None:
        if self.pool is None:
            self._collect(extract_batch(items))
            return
        self.inflight.append(self.pool.submit(extract_batch, items))
        while len(self.inflight) > 4 * self.workers:
            self.drain(block=True)

    # -- results
    def drain(self, block: bool) -> None:
        if not self.inflight:
            return
        done, _ = wait(list(self.inflight), timeout=None if block else 0, return_when=FIRST_COMPLETED)
        for fut in done:
            self.inflight.remove(fut)
            self._collect(fut.result())

    def _collect(self, results: list[Facts | Failure]) -> None:
        self.summary.extracted += len(results)
        for r in results:
            if isinstance(r, Failure):
                self.failed_keys.append(r.key)
                self._fail(Problem(r.origin, r.code, r.message))
            else:
                self.buffer.append(r)
                self._tick(1)
        if len(self.buffer) >= self.write_batch or time.time() - self.last_flush > 2.0:
            self.flush()

    def flush(self) -> None:
        if self.buffer or self.failed_keys:
            with write(self.engine) as conn:
                ids = self.writer.write(conn, self.buffer, owner=self.claimer.owner)
                self.claimer.release(conn, self.failed_keys)
            new = len(ids)
            self.summary.new += new
            self.summary.duplicate += len(self.buffer) - new
            self.buffer, self.failed_keys = [], []
        self.last_flush = time.time()
        self.claimer.renew()

    # -- the end: reports held by others
    def finish_deferred(self) -> None:
        while self.deferred:
            recs, self.deferred = self.deferred, {}
            self._claim(recs)
            if self.deferred:
                self.drain_all()
                time.sleep(0.5)
        self.drain_all()

    def drain_all(self) -> None:
        while self.inflight:
            self.drain(block=True)
        self.flush()

    # -- counting
    def _dup(self) -> None:
        self.summary.duplicate += 1
        self._tick(1)

    def _fail(self, p: Problem) -> None:
        self.summary.failed += 1
        self.summary.problems.append(p)
        if self.progress is not None:
            self.progress.write(f"ganbu: {p.one_line()}", file=sys.stderr)
        else:
            print(f"ganbu: {p.one_line()}", file=sys.stderr)
        self._tick(1)

    def _tick(self, n: int) -> None:
        if self.progress is not None:
            self.progress.update(n)


def _chunks(items: Iterable, n: int) -> Iterator[list]:
    buf: list = []
    for it in items:
        buf.append(it)
        if len(buf) >= n:
            yield buf
            buf = []
    if buf:
        yield buf


def _pool(workers: int) -> ProcessPoolExecutor | None:
    """The extraction workers, forked (on Linux) after the lexicons are loaded, so they share
    them; see :func:`_worker_init` for what each drops of the parent."""
    if workers <= 0:
        return None
    ctx = mp.get_context("fork") if sys.platform.startswith("linux") else mp.get_context("spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_worker_init)


def ingest(engine: Engine, args: list[str], *, workers: int | None = None, progress: bool = False,
           batch: int = 16, write_batch: int = 256, resolve: bool = True, lease: float | None = None) -> Summary:
    """Ingest every report of ``args`` (paths, folders, globs, ``-``) into the store of ``engine``.

    ``workers``: extraction processes (default: every core; 0 extracts in this process).
    Raises :class:`~ganbu.store.errors.StoreError` when the database cannot be written; what was
    committed before stays. ``KeyboardInterrupt`` stops the run cleanly (``summary.interrupted``).
    """
    from ..pipeline import extract

    extract("浙江省委书记易炼红出席。", "2023-01-01")  # load the lexicons once, before forking
    workers = (os.cpu_count() or 1) if workers is None else workers
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=estimate(args), unit="rep", desc="ingest", file=sys.stderr, dynamic_ncols=True,
                   smoothing=0.05)
    run = _Run(engine, workers, batch, write_batch, bar, lease)
    t0 = time.time()
    run.pool = _pool(workers)
    try:
        for chunk in _chunks(iter_inputs(args), 8 * batch):
            run.admit(chunk)
            run.drain(block=False)
        run.finish_deferred()
    except KeyboardInterrupt:
        run.summary.interrupted = True
    except BrokenProcessPool:
        raise StoreError("an extraction worker died (out of memory or killed); committed reports are kept",
                         "ingest") from None
    finally:
        if run.pool is not None:
            run.pool.shutdown(wait=False, cancel_futures=True)
        if bar is not None:
            bar.close()
        if run.summary.interrupted or sys.exc_info()[0] is not None:
            with contextlib.suppress(StoreError, KeyboardInterrupt):
                run.claimer.release_all()  # others need not wait for the lease
    if resolve and not run.summary.interrupted:
        from .resolve import update

        if progress:
            print("ganbu: resolving persons, events and spells …", file=sys.stderr, flush=True)
        run.summary.resolved = update(engine)
    run.summary.seconds = time.time() - t0
    return run.summary
