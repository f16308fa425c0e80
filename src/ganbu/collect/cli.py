"""The commands ``ganbu sources add|list|remove|health`` and ``ganbu collect``.

``register(subparsers)`` adds them to the ``ganbu`` parser (cheap: the HTTP and feed libraries
and the pipeline are imported inside the commands). Exit status: 0 done; 1 a source or page
failed in the (last) run, or the database failed (one line, ``ganbu: E### <input>: <cause>``);
2 usage; 130 interrupted.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
import time
from typing import Any

from ..errors import guarded
from ..lang.normalize import display_width

__all__ = ["parse_every", "register"]

DEFAULT_DB = "ganbu.db"
_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(value: str) -> float:
    """``90``, ``90s``, ``15m``, ``1h``, ``1d`` → seconds."""
    m = _EVERY.match(value)
    if not m or float(m.group(1)) <= 0:
        raise argparse.ArgumentTypeError(f"not an interval like 15m, 1h or 1d: {value!r}")
    return float(m.group(1)) * _UNITS[m.group(2)]


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=os.environ.get("GANBU_DB", DEFAULT_DB), metavar="PATH|URL",
                   help="the store: an SQLite file (default ganbu.db, or $GANBU_DB) or postgresql://user@host/db")


def _engine(args: argparse.Namespace):
    from ..store.db import open_engine

    return open_engine(args.db)


def _print(rows: list[dict], fmt: str) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    if not rows:
        return
    if fmt == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows({k: "" if v is None else v for k, v in r.items()} for r in rows)
        return
    cols = list(rows[0])
    cells = [[("—" if r[c] is None else str(r[c]))[:70] for c in cols] for r in rows]
    widths = [max(display_width(c), *(display_width(x[i]) for x in cells)) for i, c in enumerate(cols)]
    for line in [cols, *cells]:
        sys.stdout.write("  ".join(v + " " * (w - display_width(v)) for v, w in zip(line, widths, strict=True)).rstrip()
                         + "\n")


# ---------------------------------------------------------------- ganbu sources …

def _add(args: argparse.Namespace) -> int:
    from ..store.db import write
    from .sources import add_source, load_starter

    if not args.urls and not args.starter:
        print("ganbu: E202 sources add: give a URL or --starter", file=sys.stderr)
        return 2
    eng = _engine(args)
    added = kept = 0
    with write(eng) as conn:
        for url in args.urls:
            ok = add_source(conn, url, args.kind, args.name, args.province, args.pattern)
            added, kept = added + ok, kept + (not ok)
        if args.starter:
            for e in load_starter():
                if args.province and e.province != args.province:
                    continue
                ok = add_source(conn, e.url, e.kind, e.name, e.province, e.link_pattern, e.note)
                added, kept = added + ok, kept + (not ok)
    print(f"added {added} source{'s' * (added != 1)}" + (f"; {kept} were there already (unchanged)" if kept else ""))
    return 0


def _list(args: argparse.Namespace) -> int:
    if args.starter:
        from .sources import load_starter

        rows: list[dict[str, Any]] = [
            {"name": e.name, "province": e.province, "kind": e.kind, "url": e.url, "link_pattern": e.link_pattern,
             "note": e.note} for e in load_starter()]
    else:
        from .sources import list_sources

        with _engine(args).connect() as conn:
            rows = [{"id": s.id, "name": s.name, "province": s.province, "kind": s.kind, "url": s.url,
                     "link_pattern": s.link_pattern, "enabled": s.enabled} for s in list_sources(conn)]
    _print(rows, args.format)
    return 0


def _remove(args: argparse.Namespace) -> int:
    from ..store.db import write
    from .sources import remove_source

    with write(_engine(args)) as conn:
        gone = remove_source(conn, args.which)
    for s in gone:
        print(f"removed #{s.id} {s.label} ({s.url})")
    return 0


def _health(args: argparse.Namespace) -> int:
    from .health import health

    with _engine(args).connect() as conn:
        rows = health(conn, time.time(), weeks=args.weeks)
    if args.format == "json":
        _print([h.to_dict() for h in rows], "json")
    else:
        _print([{"id": h.source_id, "source": h.name, "status": h.status, "last success": h.last_success,
                 "per day": f"{h.rate:.1f}" if h.rate is not None else None, f"last {args.weeks} weeks": h.sparkline,
                 "warning": h.warning} for h in rows], args.format)
    for h in rows:
        if h.warning:
            print(f"ganbu: warning: {h.name}: {h.status}: {h.warning}", file=sys.stderr)
    return 0


# ---------------------------------------------------------------- ganbu collect

def _politeness(args: argparse.Namespace):
    from .fetch import Politeness

    p = Politeness(interval=args.interval, per_host=args.per_host, concurrency=args.concurrency,
                   timeout=args.timeout, retries=args.retries, max_bytes=args.max_bytes)
    if args.user_agent:
        p.user_agent = args.user_agent
    return p


def _need_libraries() -> None:
    from .errors import CollectUnavailable

    missing = []
    for mod in ("httpx", "feedparser", "protego"):
        try:
            __import__(mod)
        except ImportError:
            missing.append(mod)
    if missing:
        raise CollectUnavailable(f"needs {', '.join(missing)}: pip install 'ganbu[collect]'", "collect")


def _collect_once(args: argparse.Namespace, eng) -> int:
    from .run import collect
    from .sources import find_sources, list_sources

    with eng.connect() as conn:
        srcs = find_sources(conn, args.source) if args.source else list_sources(conn)
    if not srcs:
        print("ganbu: no sources: add some with ganbu sources add URL (or --starter)", file=sys.stderr)
        return 1
    workers = (os.cpu_count() or 1) if args.workers is None else args.workers
    rep = collect(eng, srcs, _politeness(args), workers=workers, progress=not args.quiet and sys.stderr.isatty(),
                  resolve=not args.no_resolve, fetch_all=not args.source)
    if args.format == "json":
        sys.stdout.write(json.dumps(rep.to_dict(), ensure_ascii=False) + "\n")
    for line in rep.lines():
        print(f"ganbu: {line}", file=sys.stderr)
    if rep.interrupted:
        return 130
    failed = rep.total("failed") or any(t.listing not in ("200", "not modified (304)") and
                                        not t.listing.startswith("skipped") for t in rep.tallies.values()
                                        if t.kind)
    return 1 if failed else 0


def _collect(args: argparse.Namespace) -> int:
    _need_libraries()
    eng = _engine(args)
    while True:
        started = time.time()
        status = _collect_once(args, eng)
        if status == 130 or args.every is None:
            return status
        wait = max(0.0, started + args.every - time.time())
        if not args.quiet:
            nxt = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(time.time() + wait))
            print(f"ganbu: next run at {nxt}", file=sys.stderr)
        time.sleep(wait)


def register(subparsers: Any) -> None:
    """Add ``sources`` and ``collect`` to the ``ganbu`` parser's subparsers. (Long: one declaration
    per command and option, read top to bottom like the help it makes.)"""
    p = subparsers.add_parser("sources", help="the sources ganbu collect watches: add, list, remove, health")
    sub = p.add_subparsers(dest="sources_command", metavar="ACTION", required=True)
    a = sub.add_parser("add", help="add sources (URLs, or the shipped starter list)")
    a.add_argument("urls", nargs="*", metavar="URL")
    a.add_argument("--kind", choices=("feed", "sitemap", "list"),
                   help="default: sitemap/feed when the URL says so, else list")
    a.add_argument("--name")
    a.add_argument("--province", help="with --starter: only that province's entries")
    a.add_argument("--pattern", metavar="REGEX", help="list pages: a regular expression report links match")
    a.add_argument("--starter", action="store_true", help="add the shipped starter list (unverified, see README)")
    _db(a)
    a.set_defaults(run=guarded(_add))
    a = sub.add_parser("list", help="the sources in the store (or --starter: the shipped list)")
    a.add_argument("--starter", action="store_true")
    a.add_argument("--format", choices=("table", "json", "csv"), default="table")
    _db(a)
    a.set_defaults(run=guarded(_list))
    a = sub.add_parser("remove", help="remove a source (its reports stay)")
    a.add_argument("which", help="URL, name, province or #ID")
    _db(a)
    a.set_defaults(run=guarded(_remove))
    a = sub.add_parser("health", help="per source: last success, reports per day, quiet or failing sources")
    a.add_argument("--weeks", type=int, default=4, help="history shown and used for rates (default 4)")
    a.add_argument("--format", choices=("table", "json", "csv"), default="table")
    _db(a)
    a.set_defaults(run=guarded(_health))

    p = subparsers.add_parser("collect", help="fetch new reports from the sources and store them",
                              description="Poll every source (or --source ones), fetch the report URLs not seen "
                              "before, read and store them. Polite: robots.txt, a per-host rate limit, conditional "
                              "requests, retries with backoff, a size cap. Resumable; several collectors may share "
                              "one store.")
    p.add_argument("--source", action="append", metavar="WHICH", help="URL, name, province or #ID (repeatable)")
    p.add_argument("--every", type=parse_every, metavar="INTERVAL", help="run again every INTERVAL (15m, 1h, 1d)")
    p.add_argument("--interval", type=float, default=1.0, metavar="S",
                   help="seconds between requests to one host (default 1; 0 lifts the limit; Crawl-delay wins)")
    p.add_argument("--per-host", type=int, default=2, metavar="N", help="requests to one host at a time (default 2)")
    p.add_argument("--concurrency", type=int, default=16, metavar="N", help="requests at a time (default 16)")
    p.add_argument("--timeout", type=float, default=20.0, metavar="S", help="seconds (default 20)")
    p.add_argument("--retries", type=int, default=3, metavar="N", help="after a 5xx or timeout (default 3)")
    p.add_argument("--max-bytes", type=int, default=5_000_000, metavar="N", help="size cap per page (default 5 MB)")
    p.add_argument("--user-agent", metavar="UA", help="default: ganbu/VERSION (…) or $GANBU_USER_AGENT")
    p.add_argument("--workers", type=int, default=None, help="extraction processes (default: every core; 0: none)")
    p.add_argument("--no-resolve", action="store_true", help="store only; resolve later (ganbu resolve)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument("--format", choices=("text", "json"), default="text", help="json: the summary on stdout")
    _db(p)
    p.set_defaults(run=guarded(_collect))
