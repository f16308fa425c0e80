"""The ``ganbu`` command line: ``main(argv)`` and the parser, built from a registry of command modules.

Each module named in :data:`COMMANDS` exposes ``register(subparsers)``, which adds its subparser
and sets ``run`` with ``set_defaults(run=fn)``; ``fn(args) -> int`` returns the exit status.
``register`` must stay cheap (``ganbu --help`` imports every command module): import the
pipeline, a database driver or any optional dependency inside ``run``, not at module level.
Another layer adds its command with one line here, e.g. ``"ganbu.store.cli"``.

Exit status: 0 success; 1 some input failed (each named on stderr in one line); 2 usage error
(argparse); 130 interrupted (Ctrl-C); 141 standard output closed early (``… | head``).
Errors are one line ``ganbu: E### <input>: <cause>``, never a traceback (set ``GANBU_TRACEBACK=1``
to see the traceback of an internal error).
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from ..errors import GanbuError, InternalError
from ..version import __version__
from .output import say, silence_stdout

__all__ = ["COMMANDS", "build_parser", "main"]

COMMANDS: tuple[str, ...] = (
    "ganbu.cli.extract",
    "ganbu.store.cli",
    "ganbu.collect.cli",
    "ganbu.brief.cli",
    "ganbu.web.cli",
)

EPILOG = """\
examples:
  ganbu extract examples/zhejiang_visit.md
  ganbu extract --format jsonl -o out.jsonl reports/

'ganbu COMMAND --help' gives the options and examples of a command.
"""


class _VersionAction(argparse.Action):
    """``--version``: the package version and the pipeline version (computed only when asked)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kw: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="print the package and pipeline versions and exit")

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        from ..pipeline import current_version

        print(f"ganbu {__version__} (pipeline {current_version()})")
        parser.exit(0)


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="ganbu",
        description="Read Chinese political news; extract officials, their positions, organisations and events.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--version", action=_VersionAction)
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(name).register(sub)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    ap = build_parser()
    args = ap.parse_args(argv)
    run = getattr(args, "run", None)
    if run is None:
        ap.print_help(sys.stderr)
        return 2
    try:
        return int(run(args))
    except KeyboardInterrupt:
        say("interrupted")
        return 130
    except BrokenPipeError:  # e.g. `ganbu extract … | head`: the reader has gone, stop quietly
        silence_stdout()
        return 141
    except GanbuError as exc:
        say(exc.one_line())
        return 1
    except Exception as exc:
        if os.environ.get("GANBU_TRACEBACK"):
            raise
        say(InternalError.from_exception(exc).one_line())
        return 1
