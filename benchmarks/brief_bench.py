"""Timings of ``ganbu patterns`` and ``ganbu brief`` over a store of the bulk corpus, and the
sourcing check over 20 briefings.

    python3 -m ganbu ingest --db /tmp/bulk.db /work/shared/corpus/bulk/xwlb_*.jsonl   # once, a few minutes
    python3 benchmarks/brief_bench.py --db /tmp/bulk.db [--repeat 5] [--windows 0]

Prints, for the week before the 2023 Two Sessions (2023-02-25 → 2023-03-04) and for every 30-day
window starting on the first of a month over the corpus (``--windows N``: the first N; 0: all):
wall and CPU seconds of ``patterns`` and ``brief`` (roundup and digest) called in process
(median of ``--repeat`` runs after one warm-up; max over the windows), and of the commands
``ganbu patterns`` / ``ganbu brief`` as a user runs them (a fresh interpreter: import, open the
store, query, print). The anchor (a fixed amount of pure-Python work, timed in the same run)
shows how loaded the machine was. Then 20 briefings (10 roundups, 10 digests over the 30-day
windows with the most activity) are checked: every sentence has a source, every fact lies in a
source span and equals the report's text there. Peak RSS at the end.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import ganbu  # noqa: E402
from ganbu.brief import brief, patterns  # noqa: E402
from ganbu.lang.normalize import normalize  # noqa: E402

WEEK = (dt.date(2023, 2, 25), dt.date(2023, 3, 4))


def anchor() -> float:
    t = time.perf_counter()
    x = 0
    for i in range(2_000_000):
        x += i % 7
    return time.perf_counter() - t


def timed(fn, repeat: int) -> tuple[float, float]:
    """(median wall s, median CPU s) after one warm-up run."""
    fn()
    walls, cpus = [], []
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return statistics.median(walls), statistics.median(cpus)


def command(db: str, *argv: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "ganbu", *argv, "--db", db], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def windows(first: dt.date, last: dt.date, limit: int) -> list[tuple[dt.date, dt.date]]:
    out = []
    y, m = first.year, first.month
    while dt.date(y, m, 1) <= last:
        d0 = dt.date(y, m, 1)
        out.append((d0, d0 + dt.timedelta(days=29)))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out[:limit] if limit else out


def check_sourced(st, b) -> tuple[int, int]:
    """(sentences, sentences failing the check)."""
    ids = {r.document_id for s in b.sentences() for r in s.sources} | \
          {f.document_id for s in b.sentences() for f in s.facts}
    texts = {i: normalize(d.text) for i, d in st.brief_documents(sorted(ids)).items()}
    bad = 0
    for s in b.sentences():
        ok = bool(s.sources) and all(0 <= r.start < r.end <= len(texts[r.document_id]) for r in s.sources)
        for f in s.facts:
            ok = ok and any(r.document_id == f.document_id and r.start <= f.start and f.end <= r.end
                            for r in s.sources)
            ok = ok and (f.text is None or texts[f.document_id][f.start:f.end] == f.text)
        bad += not ok
    return len(b.sentences()), bad


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="/tmp/bulk.db")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--windows", type=int, default=0, help="how many 30-day windows (0: all)")
    ap.add_argument("--first", type=dt.date.fromisoformat, default=dt.date(2012, 7, 1),
                    help="the first window's start (default 2012-07-01, the bulk corpus's first month)")
    ap.add_argument("--last", type=dt.date.fromisoformat, default=dt.date(2026, 6, 1),
                    help="the last window's start (default 2026-06-01)")
    args = ap.parse_args()
    st = ganbu.open_store(args.db)
    n_docs = st.stats()["documents"]
    if not n_docs:
        sys.exit(f"{args.db} holds no report: ingest the bulk corpus first (see the docstring)")
    print(f"store {args.db}: {n_docs} reports; load {os.getloadavg()[0]:.1f}; anchor {anchor():.3f} s")

    for name, fn in (("patterns", lambda: patterns(st, *WEEK)),
                     ("patterns --place 北京", lambda: patterns(st, *WEEK, place="北京")),
                     ("brief (roundup)", lambda: brief(st, *WEEK)),
                     ("brief --style digest", lambda: brief(st, *WEEK, style="digest"))):
        w, c = timed(fn, args.repeat)
        print(f"week 2023-02-25…03-04  {name:22s} wall {w:.3f} s  cpu {c:.3f} s")
    for argv in (("patterns", "--from", "2023-02-25", "--to", "2023-03-04"),
                 ("brief", "--from", "2023-02-25", "--to", "2023-03-04")):
        runs = sorted(command(args.db, *argv) for _ in range(3))
        print(f"command ganbu {' '.join(argv):45s} wall {runs[1]:.3f} s (median of 3; {runs[0]:.3f}…{runs[2]:.3f})")

    wins = windows(args.first, args.last, args.windows)
    worst: dict[str, tuple[float, tuple]] = {}
    sizes = []
    for win in wins:
        for name, fn in (("patterns", lambda w=win: patterns(st, *w)), ("brief", lambda w=win: brief(st, *w)),
                         ("digest", lambda w=win: brief(st, *w, style="digest"))):
            w, _ = timed(fn, 1)
            if w > worst.get(name, (0.0, ()))[0]:
                worst[name] = (w, win)
        sizes.append((len(brief(st, *win).sentences()), win))
    for name, (w, win) in worst.items():
        print(f"{len(wins)} windows of 30 days  {name:9s} slowest wall {w:.3f} s ({win[0]}…{win[1]})")
    w, c = timed(lambda: brief(st, *worst["brief"][1]), args.repeat)
    print(f"slowest brief window again: wall {w:.3f} s cpu {c:.3f} s (median of {args.repeat})")

    busiest = [win for _, win in sorted(sizes, reverse=True)[:10]]
    total = bad = 0
    for i, win in enumerate(busiest * 2):
        b = brief(st, *win, style="roundup" if i < 10 else "digest")
        n, k = check_sourced(st, b)
        total, bad = total + n, bad + k
    print(f"20 briefings (10 roundups, 10 digests over the 10 busiest windows): {total} sentences, "
          f"{bad} without a source or with a fact outside its sources")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; "
          f"anchor {anchor():.3f} s; load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
