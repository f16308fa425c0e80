"""The commands ``ganbu patterns``, ``ganbu brief`` and ``ganbu demo``.

``register(subparsers)`` adds them to the ``ganbu`` parser (cheap: the store and the pipeline
are imported inside ``run``). Exit status: 0 done (also when nothing was found: an empty table,
``[]`` or a briefing that says so); 1 the database or an input failed (one line,
``ganbu: E### <input>: <cause>``); 2 usage.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from ..errors import InputNotFound, guarded
from .records import KINDS

__all__ = ["register"]

DEFAULT_DB = "ganbu.db"


def _date(value: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def _write(args: argparse.Namespace, text: str) -> None:
    if getattr(args, "output", None):
        path = Path(args.output)
        tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    else:
        sys.stdout.write(text)


def _period(args: argparse.Namespace) -> tuple[_dt.date, _dt.date] | None:
    if args.date_to < args.date_from:
        print(f"ganbu: E201 --to {args.date_to} is before --from {args.date_from}", file=sys.stderr)
        return None
    return args.date_from, args.date_to


# ---------------------------------------------------------------- commands

def _patterns(args: argparse.Namespace) -> int:
    from ..store.api import open_store
    from . import patterns
    from .render import patterns_json, patterns_markdown, patterns_table

    period = _period(args)
    if period is None:
        return 2
    with open_store(args.db) as st:
        found = patterns(st, *period, place=args.place, kinds=tuple(args.kind or KINDS), limit=args.limit)
    render = {"table": patterns_table, "json": patterns_json, "md": patterns_markdown}[args.format]
    _write(args, render(found) if found or args.format == "json" else "")
    return 0


def _render(b: Any, fmt: str) -> str:
    import json

    if fmt == "html":
        return b.to_html()
    if fmt == "json":
        return json.dumps(b.to_dict(), ensure_ascii=False, indent=2) + "\n"
    return b.to_markdown()


def _brief(args: argparse.Namespace) -> int:
    from ..store.api import open_store
    from . import brief

    period = _period(args)
    if period is None:
        return 2
    provinces = [p for arg in args.province or [] for p in arg.replace("，", ",").split(",")]
    with open_store(args.db) as st:
        b = brief(st, *period, place=args.place, provinces=provinces or None, style=args.style)
    _write(args, _render(b, args.format))
    return 0


def demo_reports() -> Path | None:
    """The example reports of the source checkout (``examples/`` beside ``src/``)."""
    here = Path(__file__).resolve()
    for base in (here.parents[3], Path.cwd()):
        d = base / "examples"
        if d.is_dir() and any(d.glob("*.md")):
            return d
    return None


def _demo(args: argparse.Namespace) -> int:
    from ..store.api import open_store
    from . import brief, patterns
    from .render import patterns_table

    reports = Path(args.reports) if args.reports else demo_reports()
    if reports is None or not reports.exists():
        raise InputNotFound("the demo reports are the examples/ folder of the source checkout: pass --reports DIR",
                            str(args.reports or "examples/"))
    tmp = None
    db = args.db
    if db is None:
        tmp = tempfile.TemporaryDirectory(prefix="ganbu-demo-")
        db = os.path.join(tmp.name, "demo.db")
    try:
        with open_store(db) as st:
            summary = st.ingest([str(reports)], workers=0)
            print(f"ganbu demo: {summary.lines()[0]} from {reports} into {db if tmp is None else 'a fresh store'}",
                  file=sys.stderr)
            first, last = st.brief_period()
            if first is None or last is None:
                print("ganbu demo: the reports tell no dated activity", file=sys.stderr)
                return 1
            b = brief(st, first, last, style=args.style)
            out = _render(b, args.format)
            if args.patterns:
                out += "\n" + patterns_table(patterns(st, first, last))
        _write(args, out)
    finally:
        if tmp is not None:
            tmp.cleanup()
    return 0


# ---------------------------------------------------------------- registration

def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=os.environ.get("GANBU_DB", DEFAULT_DB), metavar="PATH|URL",
                   help="the store: an SQLite file (default ganbu.db, or $GANBU_DB) or postgresql://user@host/db")


def _window(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="date_from", type=_date, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=_date, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--place", help="only activities at this place (e.g. 北京)")


def register(subparsers: Any) -> None:
    """Add ``patterns``, ``brief`` and ``demo`` to the ``ganbu`` parser."""
    p = subparsers.add_parser(
        "patterns", help="what a desk would notice in a period (gatherings, bodies visited, signings …)",
        description="Gatherings of provincial top leaders in one city, the central bodies most visited, signings "
        "and the sums announced, personnel changes, leaders not seen for a long time (as of --to) and "
        "inconsistencies, each with a score and the reports behind it.",
        epilog="example: ganbu patterns --from 2023-02-25 --to 2023-03-04 --place 北京")
    _window(p)
    p.add_argument("--kind", action="append", choices=KINDS, help="only this kind (repeatable)")
    p.add_argument("--limit", type=int, default=30, help="at most N patterns of each kind (default 30; 0: all)")
    p.add_argument("--format", choices=("table", "json", "md"), default="table")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    _db(p)
    p.set_defaults(run=guarded(_patterns))

    p = subparsers.add_parser(
        "brief", help="write the roundup (or a digest) of a period, every sentence sourced",
        description="A roundup in Chinese from the stored reports: a headline naming the pattern with its count, "
        "a lead, one section per province (who went, the bodies visited and the heads met, topics, signings and "
        "sums), a closing on what follows; every sentence with footnotes to its reports and spans.",
        epilog="example: ganbu brief --from 2023-03-01 --to 2023-03-03 --place 北京 --format html -o brief.html")
    _window(p)
    p.add_argument("--province", action="append", metavar="NAME", help="only these provinces (repeatable, or a,b)")
    p.add_argument("--style", choices=("roundup", "digest"), default="roundup", help="digest: bullets per day")
    p.add_argument("--format", choices=("md", "html", "json"), default="md")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    _db(p)
    p.set_defaults(run=guarded(_brief))

    p = subparsers.add_parser(
        "demo", help="ingest the example reports into a fresh store and print their roundup",
        description="The whole job in one command: the example reports (written for this project, in the style "
        "of provincial party papers) are ingested into a fresh store and the roundup of their week is printed.")
    p.add_argument("--reports", metavar="DIR", help="the reports to ingest (default: the checkout's examples/)")
    p.add_argument("--db", metavar="PATH|URL", help="keep the store here (default: a temporary store, removed)")
    p.add_argument("--style", choices=("roundup", "digest"), default="roundup")
    p.add_argument("--format", choices=("md", "html", "json"), default="md")
    p.add_argument("--patterns", action="store_true", help="also print the patterns of the week")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.set_defaults(run=guarded(_demo))
