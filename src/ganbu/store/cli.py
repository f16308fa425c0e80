"""The corpus commands: ingest, reextract, resolve, who, person, colleagues, events, org, changes,
review, export, stats.

``register(subparsers)`` adds them to the ``ganbu`` parser; each sets ``run`` to a function
``(args) -> int``. Exit status: 0 done; 1 an input or the database failed (one line each,
``ganbu: E### <input>: <cause>``); 2 usage; 130 interrupted. Queries print ``--format
table`` (default), ``json`` or ``csv`` on standard output; a query that finds nothing prints
nothing in table form (an empty list in JSON) and exits 0.
"""
from __future__ import annotations

import argparse
import csv
import datetime as _dt
import json
import os
import sys
from typing import Any

from ..errors import guarded
from ..lang.normalize import display_width

__all__ = ["register"]

DEFAULT_DB = "ganbu.db"


def _date(value: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def _common(p: argparse.ArgumentParser, fmt: bool = True) -> None:
    p.add_argument("--db", default=os.environ.get("GANBU_DB", DEFAULT_DB), metavar="PATH|URL",
                   help="the store: an SQLite file (default ganbu.db, or $GANBU_DB) or postgresql://user@host/db")
    if fmt:
        p.add_argument("--format", choices=("table", "json", "csv"), default="table", help="output (default table)")


def _store(args: argparse.Namespace):
    from .api import open_store

    return open_store(args.db)


# ---------------------------------------------------------------- output


def _cell(v: Any) -> str:
    if v is None:
        return "—"
    if isinstance(v, _dt.date):
        return v.isoformat()
    if isinstance(v, bool):
        return "yes" if v else ""
    return str(v)


def _clip(s: str, limit: int = 60) -> str:
    if display_width(s) <= limit:
        return s
    out, w = [], 0
    for c in s:
        w += display_width(c)
        if w > limit - 1:
            break
        out.append(c)
    return "".join(out) + "…"


def _table(rows: list[dict], out=None) -> None:
    """Aligned columns (CJK counted double width); long cells clipped (JSON and CSV keep all)."""
    out = out or sys.stdout
    if not rows:
        return
    cols = list(rows[0])
    cells = [[_clip(_cell(r.get(c))) for c in cols] for r in rows]
    widths = [max(display_width(c), *(display_width(r[i]) for r in cells)) for i, c in enumerate(cols)]
    widths[-1] = 0
    for line in [cols, *cells]:
        padded = (v + " " * (w - display_width(v)) for v, w in zip(line, widths, strict=True))
        out.write("  ".join(padded).rstrip() + "\n")


def _emit(args: argparse.Namespace, structured: Any, flat: list[dict], sections: list[tuple[str, list[dict]]] | None
          = None) -> None:
    if args.format == "json":
        sys.stdout.write(json.dumps(structured, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "csv":
        if flat:
            w = csv.DictWriter(sys.stdout, fieldnames=list(flat[0]), lineterminator="\n")
            w.writeheader()
            w.writerows({k: _cell(v) if v is not None else "" for k, v in r.items()} for r in flat)
    elif sections is not None:
        for title, rows in sections:
            if title:
                sys.stdout.write(f"== {title}\n")
            _table(rows)
    else:
        _table(flat)


def _holder_flat(h: Any) -> dict:
    return {"person_id": h.person_id, "name": h.name, "office": h.office, "start": h.start, "end": h.end,
            "basis": f"{h.start_basis}…{h.end_basis}", "acting": h.acting, "sources": h.n_sources}


def _event_flat(e: Any) -> dict:
    parts = "、".join(f"{p['name']}({p['role']})" for p in e.participants)
    orgs = "、".join(f"{o['organization']}({o['role']})" for o in e.organizations)
    first = e.sources[0] if e.sources else None
    return {"event_id": e.event_id, "date": e.date, "type": e.type, "place": e.place, "participants": parts,
            "organizations": orgs, "sources": len(e.sources), "source": (first.title or first.url) if first else None}


# ---------------------------------------------------------------- commands

def _ingest(args: argparse.Namespace) -> int:
    from .ingest import ingest

    st = _store(args)
    progress = not args.quiet and sys.stderr.isatty()
    summary = ingest(st.engine, args.paths, workers=args.workers, progress=progress, resolve=not args.no_resolve,
                     write_batch=args.batch)
    if args.format == "json":
        sys.stdout.write(json.dumps(summary.to_dict(), ensure_ascii=False) + "\n")
    for line in summary.lines():
        print(f"ganbu: {line}", file=sys.stderr)
    if summary.interrupted:
        return 130
    return 1 if summary.failed else 0


def _reextract(args: argparse.Namespace) -> int:
    from .reextract import reextract

    st = _store(args)
    rep = reextract(st.engine, stale=args.stale, workers=args.workers, progress=not args.quiet and sys.stderr.isatty())
    if args.format == "json":
        sys.stdout.write(json.dumps(rep.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        for line in rep.lines():
            print(line)
    return 0


def _resolve(args: argparse.Namespace) -> int:
    from .resolve import update

    st = _store(args)
    done = update(st.engine, all_names=args.all)
    print("resolved: " + ", ".join(f"{k} {v}" for k, v in done.items()))
    return 0


def _who(args: argparse.Namespace) -> int:
    if not args.office and not args.org:
        print("ganbu: E202 who: give an office (ganbu who 浙江省长) or --org", file=sys.stderr)
        return 2
    rows = _store(args).who(args.office, org=args.org, role=args.role, on=args.on)
    _emit(args, [r.to_dict() for r in rows], [_holder_flat(r) for r in rows])
    return 0


def _person(args: argparse.Namespace) -> int:
    reports = _store(args).person(args.name)
    flat, sections = [], []
    for p in reports:
        offices = [_holder_flat(h) for h in p.offices]
        evs = [{**_event_flat(e), "role": e.role} for e in p.events]
        flat += [{"person_id": p.person_id, "kind": "office", "date": h["start"], "end": h["end"], "what": h["office"],
                  "sources": h["sources"]} for h in offices]
        flat += [{"person_id": p.person_id, "kind": "event", "date": e["date"], "end": None,
                  "what": f"{e['type']} {e['place'] or ''} {e['participants']}".strip(), "sources": e["sources"]}
                 for e in evs]
        co = "、".join(f"{c['name']}×{c['events']}" for c in p.co_participants[:12])
        sections += [(f"{p.name} #{p.person_id}  seen {_cell(p.first_seen)} … {_cell(p.last_seen)}, "
                      f"{p.n_mentions} mentions", []), ("offices", offices), ("events", evs),
                     ("met most often: " + (co or "—"), [])]
    _emit(args, [p.to_dict() for p in reports], flat, sections)
    return 0


def _colleagues(args: argparse.Namespace) -> int:
    rows = _store(args).colleagues(args.name)
    _emit(args, [r.to_dict() for r in rows], [
        {"colleague_id": r.colleague_id, "colleague": r.colleague, "their office": r.colleague_office,
         "office": r.office, "from": r.overlap_start, "to": r.overlap_end, "days": r.overlap_days} for r in rows])
    return 0


def _events(args: argparse.Namespace) -> int:
    rows = _store(args).events(date_from=args.date_from, date_to=args.date_to, place=args.place, type=args.type,
                               person=args.person, org=args.org, province=args.province, limit=args.limit)
    _emit(args, [r.to_dict() for r in rows], [_event_flat(r) for r in rows])
    return 0


def _org(args: argparse.Namespace) -> int:
    reports = _store(args).org(args.name)
    flat, sections = [], []
    for o in reports:
        holders = [_holder_flat(h) for h in o.holders]
        recv = [_event_flat(e) for e in o.visits_received]
        paid = [_event_flat(e) for e in o.visits_paid]
        flat += [{"organization": o.name, "kind": "holder", **{k: h[k] for k in ("name", "office", "start", "end")}}
                 for h in holders]
        flat += [{"organization": o.name, "kind": kind, "name": e["participants"], "office": e["type"],
                  "start": e["date"], "end": None} for kind, es in (("visit received", recv), ("visit paid", paid))
                 for e in es]
        sections += [(f"{o.name} ({o.kind or '—'}; also {'、'.join(o.aliases) or '—'})", []), ("holders", holders),
                     ("visits received", recv), ("visits paid", paid)]
    _emit(args, [o.to_dict() for o in reports], flat, sections)
    return 0


def _changes(args: argparse.Namespace) -> int:
    rows = _store(args).changes(args.date_from, args.date_to)
    _emit(args, [r.to_dict() for r in rows], [
        {"date": r.date, "kind": r.kind, "person_id": r.person_id, "name": r.name, "office": r.office,
         "acting": r.acting, "source": (r.source.title or r.source.url) if r.source else None} for r in rows])
    return 0


def _review(args: argparse.Namespace) -> int:
    rows = _store(args).review()
    _emit(args, [r.to_dict() for r in rows], [
        {"name": r.name, "published": r.published, "document_id": r.document_id, "span": f"{r.span[0]}-{r.span[1]}",
         "reason": r.reason,
         "candidates": "; ".join(f"#{c['person_id']} {'、'.join(c['offices'][:2])}" for c in r.candidates)}
        for r in rows])
    return 0


def _stats(args: argparse.Namespace) -> int:
    counts = _store(args).stats()
    _emit(args, counts, [{"table": k, "rows": v} for k, v in counts.items()])
    return 0


def _export(args: argparse.Namespace) -> int:
    files = _store(args).export(args.out, args.format)
    for f in files:
        print(f)
    return 0


# ---------------------------------------------------------------- registration

def register(subparsers: Any) -> None:
    """Add the corpus commands to the ``ganbu`` parser's subparsers. (Long: one declaration per
    command and option, read top to bottom like the help it makes.)"""
    p = subparsers.add_parser("ingest", help="extract reports and store them in the corpus",
                              description="Extract every report of PATH… (files, folders, globs, JSON Lines with "
                              "text/url/title/published, Parquet, '-' for stdin) in parallel and store it. "
                              "A report already stored (same normalised text) is skipped.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    _common(p, fmt=False)
    p.add_argument("--workers", type=int, default=None, help="extraction processes (default: every core; 0: none)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument("--no-resolve", action="store_true", help="store only; resolve later (ganbu resolve)")
    p.add_argument("--batch", type=int, default=256, metavar="N", help="reports per transaction (default 256)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="json: the summary on stdout")
    p.set_defaults(run=guarded(_ingest))

    p = subparsers.add_parser("reextract", help="run the current extractor again over the stored texts")
    _common(p, fmt=False)
    p.add_argument("--stale", action="store_true", help="only reports an older pipeline version extracted")
    p.add_argument("--workers", type=int, default=None)
    p.add_argument("-q", "--quiet", action="store_true")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(run=guarded(_reextract))

    p = subparsers.add_parser("resolve", help="resolve persons, events and spells again")
    _common(p, fmt=False)
    p.add_argument("--all", action="store_true", help="every name, not only what changed")
    p.set_defaults(run=guarded(_resolve))

    p = subparsers.add_parser("who", help="who held an office (on a day, or over time)")
    p.add_argument("office", nargs="?", help="e.g. 浙江省长, 浙江省委书记, 商务部部长")
    p.add_argument("--org", help="every office of an organisation (name or short name)")
    p.add_argument("--role", help="with --org: one role (部长, 书记 …)")
    p.add_argument("--on", type=_date, metavar="YYYY-MM-DD")
    _common(p)
    p.set_defaults(run=guarded(_who))

    for name, fn, helptext in (("person", _person, "a person: offices over time, events with sources, co-participants"),
                               ("colleagues", _colleagues, "people in the same organisation at the same time")):
        p = subparsers.add_parser(name, help=helptext)
        p.add_argument("name", help="a name, or #ID for one person")
        _common(p)
        p.set_defaults(run=guarded(fn))

    p = subparsers.add_parser("events", help="events by date, place, type, person, organisation, province")
    p.add_argument("--from", dest="date_from", type=_date, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=_date, metavar="YYYY-MM-DD")
    p.add_argument("--place")
    p.add_argument("--type", choices=("visit", "talks", "meeting", "conference", "signing", "inspection", "appointment",
                                      "removal", "speech", "other"))
    p.add_argument("--person", help="a name or #ID")
    p.add_argument("--org")
    p.add_argument("--province")
    p.add_argument("--limit", type=int, default=1000)
    _common(p)
    p.set_defaults(run=guarded(_events))

    p = subparsers.add_parser("org", help="an organisation: holders over time, visits received and paid")
    p.add_argument("name")
    _common(p)
    p.set_defaults(run=guarded(_org))

    p = subparsers.add_parser("changes", help="appointments, removals, persons in a new office")
    p.add_argument("--from", dest="date_from", type=_date, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=_date, required=True, metavar="YYYY-MM-DD")
    _common(p)
    p.set_defaults(run=guarded(_changes))

    p = subparsers.add_parser("review", help="mentions resolution could not assign to one person")
    _common(p)
    p.set_defaults(run=guarded(_review))

    p = subparsers.add_parser("stats", help="row counts of the store")
    _common(p)
    p.set_defaults(run=guarded(_stats))

    p = subparsers.add_parser("export", help="export tables (jsonl, csv, parquet) or Popolo JSON")
    _common(p, fmt=False)
    p.add_argument("--format", choices=("jsonl", "csv", "parquet", "popolo"), default="jsonl")
    p.add_argument("--out", default="export", metavar="DIR", help="output folder (default ./export)")
    p.set_defaults(run=guarded(_export))
