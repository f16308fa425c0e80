#!/usr/bin/env python3
"""Load test of ``ganbu serve``: concurrent clients over the person, organisation and events pages.

    python3 benchmarks/web_load.py --db /work/bench-100k.db                 # the 100,000-report store
    python3 benchmarks/web_load.py --db /tmp/b.db --build 100000           # build it first if missing
    python3 benchmarks/web_load.py --db /work/bench-100k.db --cache-mb 0   # every answer computed

The store (``--build N``): ``benchmarks/generate_corpus.py --n N --seed 1`` then ``ganbu ingest``
(about 3 minutes for 100,000 reports on 2 cores). The server runs as ``ganbu serve`` in a
subprocess on a free localhost port; ``--clients`` threads (httpx, one connection each) ask for
pages one after another, without pause, for ``--duration`` seconds or ``--requests`` in all. Each
request takes a page kind in turn (person, organisation, events) and a random page of that kind:
a person among the ``--persons`` most mentioned, an organisation among the ``--orgs`` most named
in events, an events list with a random filter (none, a province, a type, a person, an
organisation, a month, a later page). Printed: requests, errors, p50/p95/max per page kind,
requests per second, the load average before and after (the machine is shared), the server's
cache setting, and the CPU time a request cost the server (its processes, from /proc) and the
clients (this process: they share the cores with the server), and the CPU seconds each server
process used (how evenly they shared the clients). Bar (issue 12): p95 ≤ 200 ms per kind with 20 clients.
"""
from __future__ import annotations

import argparse
import os
import random
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PROVINCES = ["北京", "上海", "浙江", "江苏", "广东", "山东", "河南", "四川", "湖北", "辽宁", "吉林", "陕西"]
TYPES = ["visit", "meeting", "inspection", "talks", "conference", "signing"]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return env


def build(db: Path, n: int) -> None:
    """Generate ``n`` reports (seed 1) and ingest them into ``db``."""
    out = Path(f"/tmp/gen{n}")
    if not (out / "reports.jsonl").exists():
        subprocess.run([sys.executable, str(HERE / "generate_corpus.py"), "--n", str(n), "--seed", "1", "--out",
                        str(out)], check=True, env=_env())
    t = time.time()
    subprocess.run([sys.executable, "-m", "ganbu", "ingest", "--db", str(db), str(out / "reports.jsonl")],
                   check=True, env=_env())
    print(f"built {db} from {n} reports in {time.time() - t:.0f} s", file=sys.stderr)


def sample(db: Path, persons: int, orgs: int) -> tuple[list[int], list[int]]:
    """The most mentioned persons and the organisations most named in events (read through the
    store's engine, read-only)."""
    sys.path.insert(0, str(ROOT / "src"))
    from sqlalchemy import func, select

    import ganbu
    from ganbu.store import schema as S

    with ganbu.open_store(db, read_only=True) as st, st.engine.connect() as c:
        pids = list(c.scalars(select(S.persons.c.id).order_by(S.persons.c.n_mentions.desc()).limit(persons)))
        eo = S.event_orgs.c
        oids = list(c.scalars(select(eo.organization_id).group_by(eo.organization_id)
                              .order_by(func.count().desc()).limit(orgs)))
    return pids, oids


def urls(kind: str, rnd: random.Random, pids: list[int], oids: list[int]) -> str:
    if kind == "person":
        return f"/person/{rnd.choice(pids)}"
    if kind == "org":
        return f"/org/{rnd.choice(oids)}"
    pick = rnd.randrange(7)
    if pick == 0:
        return "/events"
    if pick == 1:
        return f"/events?province={rnd.choice(PROVINCES)}"
    if pick == 2:
        return f"/events?type={rnd.choice(TYPES)}"
    if pick == 3:
        return f"/events?person={rnd.choice(pids)}"
    if pick == 4:
        return f"/events?org={rnd.choice(oids)}"
    if pick == 5:
        y, m = rnd.choice([2021, 2022, 2023]), rnd.randint(1, 12)
        last = 28
        return f"/events?from={y}-{m:02d}-01&to={y}-{m:02d}-{last}"
    return f"/events?page={rnd.randint(2, 40)}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, cache_mb: int, workers: int, threads: int | None = None,
                 keepalive: int | None = None) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    more = ["--threads", str(threads)] if threads else []
    more += ["--keepalive-requests", str(keepalive)] if keepalive is not None else []
    proc = subprocess.Popen([sys.executable, "-m", "ganbu", "serve", "--db", str(db), "--port", str(port),
                             "--cache-mb", str(cache_mb), "--workers", str(workers), *more], env=_env())
    import httpx

    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            if httpx.get(base + "/api/stats", timeout=30).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.time() > deadline:
            proc.kill()
            raise SystemExit("the server did not start")
        time.sleep(0.2)


def run(base: str, clients: int, duration: float, max_requests: int, pids: list[int], oids: list[int],
        seed: int) -> tuple[dict[str, list[float]], int, float]:
    import httpx

    lat: dict[str, list[float]] = {"person": [], "org": [], "events": []}
    errors = [0]
    lock = threading.Lock()
    count = [0]
    stop = time.time() + duration

    def client(i: int) -> None:
        rnd = random.Random(seed * 1000 + i)
        kinds = ["person", "org", "events"]
        j = i
        with httpx.Client(base_url=base, timeout=60) as http:
            while time.time() < stop:
                with lock:
                    if count[0] >= max_requests:
                        return
                    count[0] += 1
                kind = kinds[j % 3]
                j += 1
                url = urls(kind, rnd, pids, oids)
                t = time.perf_counter()
                try:
                    ok = http.get(url).status_code == 200
                except httpx.HTTPError:
                    ok = False
                dt = time.perf_counter() - t
                with lock:
                    lat[kind].append(dt)
                    errors[0] += not ok

    t0 = time.time()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return lat, errors[0], time.time() - t0


def cpu_seconds(pid: int) -> dict[int, float] | None:
    """CPU seconds (user + system) used so far by process ``pid`` and by each of its children still
    running (the server's workers), from /proc; None where there is no /proc."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    out: dict[int, float] = {}
    for p in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if not p.isdigit():
            continue
        try:
            st = Path(f"/proc/{p}/stat").read_text()
        except OSError:  # gone meanwhile
            continue
        f = st[st.rindex(")") + 2:].split()  # after "pid (comm) ": state ppid … utime(12) stime(13)
        if int(f[1]) == pid or int(p) == pid:
            out[int(p)] = (int(f[11]) + int(f[12])) / tick
    return out or None


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))] if xs else float("nan")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, default=Path("/work/bench-100k.db"))
    ap.add_argument("--build", type=int, metavar="N", help="build the store from N generated reports if missing")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--duration", type=float, default=60.0, help="seconds of load (default 60)")
    ap.add_argument("--requests", type=int, default=20000, help="at most this many requests in all")
    ap.add_argument("--warmup", type=float, default=0.0,
                    help="seconds of the same load before measuring (fills the cache; default 0: measure from cold)")
    ap.add_argument("--persons", type=int, default=300)
    ap.add_argument("--orgs", type=int, default=100)
    ap.add_argument("--cache-mb", type=int, default=64)
    ap.add_argument("--workers", type=int, default=2, help="server processes (default 2, as ganbu serve on 2 cores)")
    ap.add_argument("--threads", type=int,
                    help="requests each server process works on at once (default: ganbu serve's)")
    ap.add_argument("--keepalive-requests", type=int, metavar="N",
                    help="the server asks a client to reconnect after N requests (default: ganbu serve's; 0: never)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if not args.db.exists():
        if not args.build:
            raise SystemExit(f"no store at {args.db}: give --build 100000 to make it")
        build(args.db, args.build)
    pids, oids = sample(args.db, args.persons, args.orgs)
    proc, base = start_server(args.db, args.cache_mb, args.workers, args.threads, args.keepalive_requests)
    try:
        if args.warmup > 0:
            run(base, args.clients, args.warmup, args.requests, pids, oids, args.seed + 1)
        load0, srv0, cli0 = os.getloadavg(), cpu_seconds(proc.pid), time.process_time()
        lat, errors, wall = run(base, args.clients, args.duration, args.requests, pids, oids, args.seed)
        load1, srv1, cli1 = os.getloadavg(), cpu_seconds(proc.pid), time.process_time()
    finally:
        proc.terminate()
        proc.wait(10)
    n = sum(len(v) for v in lat.values())
    print(f"web load: {args.db.name}, {args.clients} clients, {wall:.0f} s, {n} requests ({n / wall:.0f}/s), "
          f"{errors} errors; server: {args.workers} worker(s), cache {args.cache_mb} MB, warm-up {args.warmup:g} s; "
          f"{len(pids)} persons, {len(oids)} organisations sampled; {os.cpu_count()} cores")
    print(f"{'page':8} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  bar p95 <= 200 ms")
    ok = True
    for kind, xs in lat.items():
        p95 = pct(xs, 95) * 1000
        ok &= p95 <= 200
        print(f"{kind:8} {len(xs):6d} {pct(xs, 50) * 1000:8.0f} {p95:8.0f} {max(xs, default=0) * 1000:8.0f}  "
              f"{'met' if p95 <= 200 else 'NOT met'}")
    print(f"load average before {load0[0]:.2f} {load0[1]:.2f} {load0[2]:.2f}, after {load1[0]:.2f} {load1[1]:.2f} "
          f"{load1[2]:.2f}")
    if srv0 is not None and srv1 is not None and n:
        used = {p: t - srv0.get(p, 0.0) for p, t in srv1.items()}
        workers = sorted((t for p, t in used.items() if p != proc.pid), reverse=True)
        print(f"CPU per request: server {sum(used.values()) / n * 1000:.1f} ms (its processes), "
              f"clients {(cli1 - cli0) / n * 1000:.1f} ms (this process); CPU seconds of each server process: "
              + " ".join(f"{t:.1f}" for t in workers))
    return 0 if ok and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
