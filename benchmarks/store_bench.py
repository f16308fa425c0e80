#!/usr/bin/env python3
"""Speed and size of the store: ingest rate, bytes per report, query latency.

    PYTHONPATH=src python3 benchmarks/store_bench.py /work/shared/corpus/bulk/xwlb_*.jsonl
    python3 benchmarks/generate_corpus.py --n 100000 --seed 1 --out /tmp/gen100k
    PYTHONPATH=src python3 benchmarks/store_bench.py /tmp/gen100k/reports.jsonl --db /tmp/gen100k.db

Prints, from one run on this machine:

- the anchor: single-process extraction rate (``ganbu.extract`` alone, no store) over the
  first ``--anchor`` reports, measured in the same run, so figures from a busy machine can be
  compared;
- ingest: wall time and reports/s of ``ingest`` (all cores, progress off), and of the
  resolution step inside it; peak RSS of this process and of the workers; with ``--phases``,
  the CPU time of this process by step (reading, hashing, claiming, writing, resolution) and of
  the extraction workers;
- size: the database's bytes (SQLite ``dbstat``) per report, with and without the raw texts
  (``document_texts``);
- queries (median and 95th percentile of ``--repeat`` runs, ms): ``person`` for the most and
  a median mentioned person, ``who`` for the office with most spells (on a day and over time),
  ``events`` for one month (the busiest), ``org`` for the organisation with most holders.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sqlalchemy import func, select

from ganbu.store import queries as Q
from ganbu.store import schema as S
from ganbu.store.api import open_store


def anchor(paths: list[str], n: int) -> float:
    import ganbu

    recs = []
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            for line in fh:
                recs.append(json.loads(line))
                if len(recs) >= n:
                    break
        if len(recs) >= n:
            break
    ganbu.extract("浙江省委书记易炼红出席。", "2023-01-01")
    t = time.perf_counter()
    for r in recs:
        ganbu.extract(r["text"], r.get("published"))
    return len(recs) / (time.perf_counter() - t)


def phase_timers() -> dict[str, float]:
    """Wrap the steps of this process's ingest (reading, hashing, claiming, writing, resolution)
    with CPU-time accumulators; returns the dict they fill."""
    from ganbu.store import claims, ingest, inputs, resolve, writer

    acc: dict[str, float] = {}

    def wrap(owner, name: str, label: str) -> None:
        fn = getattr(owner, name)

        def timed_call(*a, **k):
            t = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                acc[label] = acc.get(label, 0.0) + time.process_time() - t
        setattr(owner, name, timed_call)

    wrap(inputs, "record_from_dict", "reading")
    wrap(ingest, "document_key", "hashing")
    wrap(claims.Claimer, "claim", "claiming")
    wrap(writer.Writer, "write", "writing")
    wrap(resolve, "update", "resolution")
    return acc


def sizes(db: str) -> tuple[int, int, int]:
    import sqlite3

    con = sqlite3.connect(db)
    try:
        rows = con.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name").fetchall()
    finally:
        con.close()
    total = sum(b for _, b in rows)
    texts = sum(b for n, b in rows if n == "document_texts" or n.startswith("sqlite_autoindex_document_texts"))
    return total, texts, total - texts


def timed(fn, repeat: int) -> tuple[float, float, float]:
    """Median and 95th percentile of wall ms, and median CPU ms of this process (SQLite runs in
    the process, so the CPU time is the query's cost without the waits of a busy machine)."""
    wall, cpu = [], []
    fn()  # warm the page cache
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    wall.sort()
    return statistics.median(wall), wall[max(0, int(len(wall) * 0.95) - 1)], statistics.median(cpu)


def query_bench(st, repeat: int) -> list[tuple[str, float, float, float]]:
    with st.engine.connect() as c:
        ranked = c.execute(select(S.persons.c.id).order_by(S.persons.c.n_mentions.desc())).scalars().all()
        known = select(S.offices.c.id).join(S.organizations, S.organizations.c.id == S.offices.c.organization_id)\
            .where(S.organizations.c.kind.is_not(None))
        office = c.execute(select(S.spells.c.office_id, func.count()).where(S.spells.c.office_id.in_(known))
                           .group_by(S.spells.c.office_id).order_by(func.count().desc()).limit(1)).first()
        label = c.scalar(select(S.offices.c.label).where(S.offices.c.id == office[0])) if office else None
        month = c.execute(select(func.substr(func.cast(S.events.c.date_start, S.Text), 1, 7).label("m"), func.count())
                          .where(S.events.c.date_start.is_not(None)).group_by("m")
                          .order_by(func.count().desc()).limit(1)).first()
        org = c.execute(select(S.offices.c.organization_id, func.count()).join(S.spells, S.spells.c.office_id ==
                                                                             S.offices.c.id)
                        .where(S.offices.c.id.in_(known)).group_by(S.offices.c.organization_id)
                        .order_by(func.count().desc()).limit(1)).first()
        org_name = c.scalar(select(S.organizations.c.canonical).where(S.organizations.c.id == org[0])) if org else None
        day = c.scalar(select(S.spells.c.last_seen).where(S.spells.c.office_id == office[0])) if office else None
    import datetime as dt

    y, m = (int(x) for x in month[0].split("-")) if month else (2023, 1)
    first = dt.date(y, m, 1)
    last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))
    out = []
    with st.engine.connect() as c:
        cases = [
            (f"person (most mentioned, #{ranked[0]})", lambda: Q.person(c, ranked[0])),
            (f"person (median, #{ranked[len(ranked) // 2]})", lambda: Q.person(c, ranked[len(ranked) // 2])),
            (f"who {label} --on {day}", lambda: Q.who(c, label, on=day)),
            (f"who {label} (over time)", lambda: Q.who(c, label)),
            (f"events --from {first} --to {last}", lambda: Q.events(c, date_from=first, date_to=last)),
            (f"org {org_name}", lambda: Q.org(c, org_name)),
        ]
        for name, fn in cases:
            out.append((name, *timed(fn, repeat)))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--db", help="store path (default: a fresh file in a temporary folder; must not exist)")
    ap.add_argument("--reuse", action="store_true", help="measure an existing --db without ingesting")
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--anchor", type=int, default=500, help="reports for the single-process anchor")
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--phases", action="store_true", help="print the CPU time of each step of this process")
    args = ap.parse_args()
    db = args.db or os.path.join(tempfile.mkdtemp(prefix="ganbu-bench-"), "bench.db")
    if not args.reuse and os.path.exists(db):
        ap.error(f"{db} exists: give a new path or --reuse")
    rate = anchor(args.inputs, args.anchor)
    print(f"anchor: extraction alone, one process: {rate:.0f} reports/s ({args.anchor} reports)")
    st = open_store(db)
    acc = phase_timers() if args.phases else None
    if not args.reuse:
        cpu0 = time.process_time()
        t = time.perf_counter()
        s = st.ingest(args.inputs, workers=args.workers)
        wall = time.perf_counter() - t
        print(f"ingest: {s.lines()[0]}")
        print(f"        {s.read / wall:.0f} reports/s over {wall:.1f} s including resolution "
              f"({s.resolved}); {os.cpu_count()} cores")
        if acc is not None:
            kids = os.times()
            print(f"        CPU: this process {time.process_time() - cpu0:.1f} s ("
                  + ", ".join(f"{k} {v:.1f} s" for k, v in acc.items())
                  + f"), extraction workers {kids.children_user + kids.children_system:.1f} s")
    rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rss_kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS: this process {rss_self:.0f} MiB, largest worker {rss_kids:.0f} MiB")
    n = st.stats()["documents"]
    total, texts, rest = sizes(db)
    print(f"size: {total / 1e6:.1f} MB for {n} reports: {rest / max(n, 1):.0f} bytes/report without the raw texts, "
          f"{texts / max(n, 1):.0f} bytes/report of compressed raw text")
    print(f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for name, med, p95, cpu in query_bench(st, args.repeat):
        print(f"query {name}: median {med:.1f} ms, p95 {p95:.1f} ms (CPU {cpu:.1f} ms)")
    print(f"store: {db}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
