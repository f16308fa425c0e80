"""The ``ganbu`` command line: a thin layer over :func:`ganbu.extract_path`.

Exit status: 0 all inputs read; 1 some input failed (each named on stderr, the rest still
extracted); 2 usage error. Errors are one line ``ganbu: E### <input>: <cause>``, never a traceback.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys

from ..version import __version__
from ..errors import GanbuError
from ..pipeline import extract_path

EPILOG = """\
examples:
  ganbu extract examples/zhejiang_visit.md
  ganbu extract --published 2023-03-03 --format table report.html
  cat report.txt | ganbu extract -
  ganbu extract --format jsonl corpus/*.txt > out.jsonl
"""


def _date(value: str) -> str:
    try:
        return _dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="ganbu",
        description="Read Chinese political news; extract officials, their positions and organisations.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--version", action="version", version=f"ganbu {__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")
    ex = sub.add_parser(
        "extract",
        help="extract people, positions, organisations and events from reports",
        description="Extract people, positions, organisations, events, quantities and statements from each FILE "
        "(Markdown, plain text or HTML; UTF-8, GB18030/GBK or Big5; '-' reads stdin).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ex.add_argument("files", nargs="+", metavar="FILE", help="input file(s); '-' for standard input")
    ex.add_argument("--published", type=_date, metavar="YYYY-MM-DD",
                    help="publication date (resolves years the text leaves implicit); overrides a date read from the page")
    ex.add_argument("--format", choices=("json", "jsonl", "table"), default="json",
                    help="json: one indented object per document (default); jsonl: one line per document; "
                    "table: people and positions, then events (date, place, type, who → whom, topics), for reading at a terminal")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")
    from ..store.cli import register as _register_store  # minimal hook; the lead merges it into the registry

    _register_store(sub)
    return ap


def _side(ev, roles: tuple[str, ...]) -> str:
    return "、".join(p.name for p in ev.participants if p.role in roles)


def _table(doc) -> str:
    lines = []
    head = doc.title or doc.source.name or ""
    lines.append(f"== {head}" + (f"  ({doc.published})" if doc.published else ""))
    if not doc.people:
        lines.append("  (no people found)")
    width = max((len(p.name) for p in doc.people), default=2)
    for p in doc.people:
        titles = "；".join(
            pos.text + ("" if pos.status == "current" else f"〔{pos.status}〕") for pos in p.positions
        ) or "—"
        lines.append(f"  {p.name}{'　' * (width - len(p.name))}  {titles}")
    if doc.events:
        lines.append("  -- events")
    for ev in doc.events:
        when = (ev.date.start if ev.date else None) or "?"
        if ev.date and ev.date.end and ev.date.end != ev.date.start:
            when += "→" + ev.date.end
        who = _side(ev, ("visitor", "chair", "speaker", "signatory", "subject", "attendee"))
        whom = _side(ev, ("host",)) or "、".join(o.name for o in ev.organizations if o.role == "host")
        orgs = "、".join(o.name for o in ev.organizations)
        line = f"  {when}  {ev.place or '—'}  {ev.type}  {who or '—'}"
        if whom:
            line += f" → {whom}"
        if orgs:
            line += f"  [{orgs}]"
        if ev.topics:
            line += "  就：" + "；".join(ev.topics[:4])
        lines.append(line)
    for w in doc.warnings:
        lines.append(f"  ! {w.code}: {w.message}")
    return "\n".join(lines)


def _extract(args) -> int:
    failed = []
    n = len(args.files)
    show_progress = n > 1 and not args.quiet and sys.stderr.isatty()
    for i, path in enumerate(args.files, 1):
        if show_progress:
            print(f"\rganbu: {i}/{n} {path[:60]}", end="", file=sys.stderr, flush=True)
        try:
            doc = extract_path(path, args.published)
        except GanbuError as exc:
            if exc.input is None:
                exc.input = path
            print(f"\nganbu: {exc.one_line()}" if show_progress else f"ganbu: {exc.one_line()}", file=sys.stderr)
            failed.append(path)
            continue
        except RecursionError:
            print(f"ganbu: E199 {path}: input too deeply nested to read", file=sys.stderr)
            failed.append(path)
            continue
        if args.format == "jsonl":
            sys.stdout.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        elif args.format == "json":
            sys.stdout.write(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2) + "\n")
        else:
            sys.stdout.write(_table(doc) + "\n")
    if show_progress:
        print(file=sys.stderr)
    if failed:
        if n > 1:
            print(f"ganbu: {len(failed)} of {n} inputs failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = build_parser()
    args = ap.parse_args(argv)
    if args.command is None:
        ap.print_help(sys.stderr)
        return 2
    try:
        if getattr(args, "run", None) is not None:
            return args.run(args)
        return _extract(args)
    except BrokenPipeError:  # e.g. `ganbu extract … | head`
        try:
            sys.stdout.close()
        except Exception:  # noqa: BLE001
            pass
        return 0
    except KeyboardInterrupt:
        print("ganbu: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
