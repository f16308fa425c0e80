"""Expanding the inputs of a command into the documents to read, in a fixed order.

An argument is

- ``-``: standard input;
- a folder: every file under it (recursively) whose name matches one of the patterns
  (``--glob``, case-insensitive, on the file name; default :data:`DEFAULT_GLOBS`), hidden files
  and folders (name starting with ``.``) left out, sorted by path; symbolic links to folders are
  not followed. A folder with no matching file is an error for that argument (E102);
- a glob pattern the shell did not expand (quoted, or from a shell that does not expand):
  ``*``, ``?`` and ``[…]``, with ``**`` for any depth; matched files are read, matched folders are
  expanded as above, hidden names are not matched. A pattern that matches nothing is an error
  for that argument (E101);
- anything else: a file path, read as given (a missing file is reported by the reader, E101).

Errors found while expanding become :class:`Input` items carrying the error, so a batch reports
them in order and goes on with the other arguments.
"""
from __future__ import annotations

import fnmatch
import glob
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..errors import GanbuError, InputIsDirectory, InputNotFound, InputUnreadable

__all__ = ["DEFAULT_GLOBS", "Input", "Plan", "expand_inputs"]

DEFAULT_GLOBS: tuple[str, ...] = ("*.md", "*.markdown", "*.txt", "*.html", "*.htm", "*.xhtml")

_MAGIC = re.compile(r"[*?\[]")


@dataclass(frozen=True, slots=True)
class Input:
    """One document to read (``name`` is a path or ``-``), or an argument that failed to expand."""

    name: str
    error: GanbuError | None = None


@dataclass(slots=True)
class Plan:
    items: list[Input]
    single: bool  # one argument naming one file (or stdin): the output is one document, not a list


def expand_inputs(args: Sequence[str], globs: Sequence[str] = DEFAULT_GLOBS) -> Plan:
    items: list[Input] = []
    single = len(args) == 1
    for arg in args:
        if arg == "-":
            items.append(Input(arg))
        elif os.path.isdir(arg):
            single = False
            items.extend(_folder(arg, globs))
        elif _MAGIC.search(arg) and not os.path.lexists(arg):
            single = False
            items.extend(_pattern(arg, globs))
        else:
            items.append(Input(arg))
    return Plan(items, single)


def _pattern(arg: str, globs: Sequence[str]) -> list[Input]:
    matches = sorted(glob.glob(arg, recursive=True), key=_sort_key)
    if not matches:
        return [Input(arg, InputNotFound("no file matches this pattern", arg))]
    items: list[Input] = []
    for m in matches:
        items.extend(_folder(m, globs) if os.path.isdir(m) else [Input(m)])
    return _unique(items)


def _folder(folder: str, globs: Sequence[str]) -> list[Input]:
    """Matching files under ``folder``, sorted; errors for unreadable subfolders; E102 if none."""
    lowered = [g.lower() for g in globs]
    found: list[str] = []
    errors: list[Input] = []

    def onerror(exc: OSError) -> None:
        where = exc.filename if isinstance(exc.filename, str) else folder
        errors.append(Input(where, InputUnreadable(f"cannot list folder: {exc.strerror or exc}", where)))

    for root, dirs, files in os.walk(folder, onerror=onerror):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(root, f) for f in files
                     if not f.startswith(".") and _matches(f.lower(), lowered))
    if errors and errors[0].name == folder and not found:
        return errors[:1]
    items = [Input(p) for p in sorted(found, key=_sort_key)]
    if not items and not errors:
        shown = ", ".join(globs)
        return [Input(folder, InputIsDirectory(f"folder has no file matching {shown}", folder))]
    return errors + items


def _matches(name: str, patterns: Iterable[str]) -> bool:
    return any(fnmatch.fnmatchcase(name, p) for p in patterns)


def _sort_key(path: str) -> tuple[str, ...]:
    return tuple(os.path.normpath(path).split(os.sep))


def _unique(items: list[Input]) -> list[Input]:
    seen: set[str] = set()
    out = []
    for it in items:
        key = os.path.normpath(it.name)
        if key not in seen:
            seen.add(key)
            out.append(it)
    return out
