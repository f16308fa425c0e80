"""Errors with stable codes.

Every error ganbu raises on purpose is a :class:`GanbuError` with a ``code`` that never
changes meaning. The CLI prints them as one line ``ganbu: E### <input>: <message>`` and
the JSON shape ``{"error": {"code", "message", "input"}}`` is the same everywhere.
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any


class GanbuError(Exception):
    """Base error: ``code`` is stable, ``message`` is for people, ``input`` names the input."""

    code = "E000"

    def __init__(self, message: str, input: str | None = None):
        super().__init__(message)
        self.message = message
        self.input = input

    def to_dict(self) -> dict:
        return {"error": {"code": self.code, "message": self.message, "input": self.input}}

    def one_line(self) -> str:
        where = f"{self.input}: " if self.input else ""
        return f"{self.code} {where}{self.message}"


class InputNotFound(GanbuError):
    code = "E101"


class InputIsDirectory(GanbuError):
    code = "E102"


class InputEmpty(GanbuError):
    code = "E103"


class InputBinary(GanbuError):
    code = "E104"


class InputUndecodable(GanbuError):
    code = "E105"


class InputTooLarge(GanbuError):
    code = "E106"


class InputUnreadable(GanbuError):
    """OS-level read failure (permissions, I/O error)."""

    code = "E107"


class InputTooNested(GanbuError):
    """The input is nested too deeply to read (a RecursionError while reading it)."""

    code = "E199"


class BadArgument(GanbuError):
    code = "E201"


class DataError(GanbuError):
    """A bundled data file is missing or malformed (an installation problem)."""

    code = "E301"


class InternalError(GanbuError):
    """An unexpected exception (a bug) while reading one input; a batch reports it and goes on."""

    code = "E900"

    @classmethod
    def from_exception(cls, exc: BaseException, input: str | None = None) -> InternalError:
        detail = str(exc).strip()
        kind = type(exc).__name__
        return cls(f"internal error: {kind}: {detail}" if detail else f"internal error: {kind}", input)


def guarded(fn: Callable[[Any], int]) -> Callable[[Any], int]:
    """A command's run function that answers a :class:`GanbuError` with its one line on stderr
    (exit 1) and Ctrl-C with ``interrupted`` (exit 130), never a traceback."""
    def run(args: Any) -> int:
        try:
            return fn(args)
        except GanbuError as e:
            print(f"ganbu: {e.one_line()}", file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            print("ganbu: interrupted", file=sys.stderr)
            return 130
    return run
