"""The command ``ganbu serve``: the web interface over a store, read-only, on 127.0.0.1 unless told.

``register(subparsers)`` is cheap: FastAPI, uvicorn and the store are imported inside ``run``.
Exit status: 0 stopped (Ctrl-C); 1 the database cannot be read or the extra is missing (one line,
``ganbu: E### <input>: <cause>``); 2 usage.
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from ..errors import BadArgument, GanbuError

__all__ = ["register"]

DEFAULT_DB = "ganbu.db"
#: as ``ganbu.web.app.KEEPALIVE_REQUESTS`` (not imported from there: the web extra may be missing)
KEEPALIVE_REQUESTS = 10
#: server processes: one a core, up to 2 (on 2 cores, 20 clients: 2 processes answer about twice as
#: many requests as one; more processes than cores did not help)
DEFAULT_WORKERS = max(1, min(2, os.cpu_count() or 1))


def _serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from .app import create_app
    except ImportError as e:
        raise BadArgument(f"ganbu serve needs the web extra: pip install 'ganbu[web]' ({e.name} is missing)") from None
    if not 0 < args.port < 65536:
        raise BadArgument(f"--port must be 1…65535, not {args.port}")
    if not 1 <= args.workers <= 64:
        raise BadArgument(f"--workers must be 1…64, not {args.workers}")
    if not 1 <= args.threads <= 64:
        raise BadArgument(f"--threads must be 1…64, not {args.threads}")
    if args.keepalive_requests < 0:
        raise BadArgument(f"--keepalive-requests must be 0 or more, not {args.keepalive_requests}")
    if args.cache_mb < 0:
        raise BadArgument(f"--cache-mb must be 0 or more, not {args.cache_mb}")
    app = create_app(args.db, cache_mb=args.cache_mb, threads=args.threads,
                     keepalive_requests=args.keepalive_requests)
    host = args.host
    where = f"[{host}]" if ":" in host else host
    print(f"ganbu serve: {app.state.store.engine.info['name']} read-only on http://{where}:{args.port}/ "
          "(Ctrl-C stops)", file=sys.stderr)
    log = {"log_level": args.log_level, "access_log": args.log_level == "info"}
    if args.workers > 1:  # each process opens the store itself (the check above has told what is wrong)
        app.state.store.close()
        os.environ["GANBU_SERVE_DB"] = args.db
        os.environ["GANBU_SERVE_CACHE_MB"] = str(args.cache_mb)
        os.environ["GANBU_SERVE_THREADS"] = str(args.threads)
        os.environ["GANBU_SERVE_KEEPALIVE"] = str(args.keepalive_requests)
        uvicorn.run("ganbu.web.app:from_environment", factory=True, host=host, port=args.port, workers=args.workers,
                    **log)
    else:
        uvicorn.run(app, host=host, port=args.port, **log)
    return 0


def _run(args: argparse.Namespace) -> int:
    try:
        return _serve(args)
    except GanbuError as e:
        print(f"ganbu: {e.one_line()}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0


def register(subparsers: Any) -> None:
    """Add ``serve`` to the ``ganbu`` parser."""
    p = subparsers.add_parser(
        "serve", help="browse the store in a web browser (read-only; JSON API under /api)",
        description="A local web application over the store, opened read-only: search; person pages (offices as a\n"
        "timeline with their evidence, events, co-participants, career overlaps, namesakes); organisation pages\n"
        "(holders over time, visits); events (filters, a province grid, day by day); reports with every extracted\n"
        "span highlighted; patterns and briefings. Every page has its JSON under /api/... (OpenAPI description at\n"
        "/openapi.json), in the shapes of the commands' --format json. Listens on 127.0.0.1 unless --host says\n"
        "otherwise.",
        epilog="examples:\n  ganbu serve --db ganbu.db            # then open http://127.0.0.1:8000/\n"
        "  ganbu serve --db postgresql://postgres@127.0.0.1/ganbu --port 8080\n"
        "  ganbu serve --host 0.0.0.0           # other machines too: whoever reaches it reads the store",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", default=os.environ.get("GANBU_DB", DEFAULT_DB), metavar="PATH|URL",
                   help="the store: an SQLite file (default ganbu.db, or $GANBU_DB) or postgresql://user@host/db; "
                   "it must exist and is opened read-only")
    p.add_argument("--host", default="127.0.0.1",
                   help="the address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="the port (default 8000)")
    p.add_argument("--cache-mb", type=int, default=64, metavar="MB",
                   help="keep up to MB megabytes of answers in memory until the store changes (default 64; 0: none)")
    p.add_argument("--workers", type=int, default=DEFAULT_WORKERS,
                   help=f"server processes (default {DEFAULT_WORKERS}: one a core, up to 2; each has its own cache)")
    p.add_argument("--threads", type=int, default=2,
                   help="requests each process works on at once, the others wait their turn (default 2: "
                   "more threads of one process only take turns at Python's lock)")
    p.add_argument("--keepalive-requests", type=int, default=KEEPALIVE_REQUESTS, metavar="N",
                   help=f"ask a client to reconnect after N requests on one connection, so that the processes "
                   f"share the clients (default {KEEPALIVE_REQUESTS}; 0: never)")
    p.add_argument("--log-level", default="warning", choices=("critical", "error", "warning", "info", "debug"),
                   help="uvicorn's log level (default warning; info logs every request)")
    p.set_defaults(run=_run)
