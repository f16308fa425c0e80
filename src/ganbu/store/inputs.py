"""Inputs of ``ganbu ingest``: files, folders, globs, JSON Lines, Parquet and standard input → records.

Each record is one report: :class:`Record` with the decoded :class:`~ganbu.read.Source`, the
optional ``url``/``published`` metadata and ``origin`` naming where it came from
(``corpus.jsonl:12``, ``reports/a.md``). Problems never stop the walk: :func:`iter_inputs`
yields :class:`Problem` items (a corrupt JSON Lines line, an unreadable or binary file in a
folder, a path that does not exist) that the ingest counts and reports.

Formats:

- ``*.jsonl`` / ``*.ndjson`` (optionally ``.gz``): the bulk corpus format, one JSON object a line
  with ``text`` (required) and optional ``id``, ``title``, ``url``, ``published`` (YYYY-MM-DD);
- ``*.parquet``: the same columns (needs pyarrow); a ``document`` column (the JSON of
  ``Document.to_dict()``, as ``benchmarks/store_dask.py`` writes it) means the report was
  extracted elsewhere: it is stored as it is, without extracting it again;
- ``-``: standard input, read as JSON Lines when it starts with ``{``, else as one report;
- a folder: every file below it with a known extension (``.md .markdown .txt .text .html .htm
  .jsonl .ndjson .parquet``), in sorted order; hidden files are skipped;
- a pattern with ``* ? [`` that is not an existing path: expanded (``**`` recursive), sorted;
- any other file: one report, read by :func:`ganbu.read.read_path` (Markdown, text, HTML; any
  supported encoding).
"""
from __future__ import annotations

import datetime as _dt
import glob
import gzip
import io
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import GanbuError, InputNotFound
from ..read import Source, read_path, read_text
from .errors import BadRecord

__all__ = ["REPORT_EXTS", "Problem", "Record", "iter_inputs", "record_from_dict"]

REPORT_EXTS = {".md", ".markdown", ".txt", ".text", ".html", ".htm"}
JSONL_EXTS = {".jsonl", ".ndjson"}
ALL_EXTS = REPORT_EXTS | JSONL_EXTS | {".parquet"}


@dataclass(slots=True)
class Record:
    origin: str           # where it came from, for messages: path or path:line
    source_id: str        # the input's own id (JSONL "id") or the path
    src: Source
    title: str | None = None
    url: str | None = None
    published: str | None = None
    document: dict | None = None  # already extracted elsewhere (a ``document`` column: Dask, Spark …)


@dataclass(slots=True)
class Problem:
    origin: str
    code: str
    message: str

    def one_line(self) -> str:
        return f"{self.code} {self.origin}: {self.message}"


Item = Record | Problem


def _problem(e: GanbuError, origin: str) -> Problem:
    return Problem(e.input or origin, e.code, e.message)


def _date(value: object, origin: str) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip()[:10]).isoformat()
        except ValueError:
            pass
    raise BadRecord(f"'published' is not a YYYY-MM-DD date: {value!r}", origin)


def record_from_dict(obj: object, origin: str) -> Record:
    """One bulk-format object → :class:`Record`; raises :class:`BadRecord` (E108)."""
    if not isinstance(obj, dict):
        raise BadRecord(f"expected a JSON object, got {type(obj).__name__}", origin)
    body = obj.get("text")
    if not isinstance(body, str):
        raise BadRecord("no 'text' string", origin)
    for key in ("title", "url", "id"):
        if obj.get(key) is not None and not isinstance(obj[key], (str, int)):
            raise BadRecord(f"'{key}' is not a string", origin)
    published = _date(obj.get("published"), origin)
    sid = str(obj["id"]) if obj.get("id") is not None else origin
    try:
        src = read_text(body, sid)
    except GanbuError as e:
        raise type(e)(e.message, origin) from None
    title = obj.get("title")
    document = obj.get("document")
    if isinstance(document, str):
        try:
            document = json.loads(document)
        except json.JSONDecodeError as e:
            raise BadRecord(f"'document' is not JSON ({e.msg})", origin) from None
    if document is not None and not isinstance(document, dict):
        raise BadRecord("'document' is not a JSON object", origin)
    return Record(origin, sid, src, str(title) if title is not None else src.title, obj.get("url"), published,
                  document)


def _jsonl_lines(stream: io.TextIOBase, name: str) -> Iterator[Item]:
    for lineno, line in enumerate(stream, 1):
        if not line.strip():
            continue
        origin = f"{name}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield Problem(origin, BadRecord.code, f"not JSON ({e.msg} at column {e.colno})")
            continue
        try:
            yield record_from_dict(obj, origin)
        except GanbuError as e:
            yield _problem(e, origin)


def _read_jsonl(path: Path) -> Iterator[Item]:
    name = str(path)
    try:
        raw = gzip.open(path, "rb") if path.suffix == ".gz" else open(path, "rb")  # noqa: SIM115
    except OSError as e:
        yield Problem(name, "E107", f"unreadable: {e.strerror or e}")
        return
    with raw, io.TextIOWrapper(raw, encoding="utf-8", errors="strict") as stream:
        try:
            yield from _jsonl_lines(stream, name)
        except UnicodeDecodeError as e:
            yield Problem(name, "E105", f"not UTF-8 (byte {e.start} of a line); the lines before it were read")
        except OSError as e:
            yield Problem(name, "E107", f"unreadable: {e.strerror or e}")


def _read_parquet(path: Path) -> Iterator[Item]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield Problem(str(path), "E107", "reading Parquet needs pyarrow: pip install 'ganbu[parquet]'")
        return
    try:
        table = pq.read_table(path)
    except Exception as e:
        yield Problem(str(path), "E107", f"not a readable Parquet file: {str(e)[:160]}")
        return
    for i, row in enumerate(table.to_pylist(), 1):
        origin = f"{path}:{i}"
        try:
            yield record_from_dict(row, origin)
        except GanbuError as e:
            yield _problem(e, origin)


def _read_file(path: Path) -> Iterator[Item]:
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    last = suffixes[-1] if suffixes else ""
    if last in JSONL_EXTS or (last == ".gz" and len(suffixes) == 2 and suffixes[0] in JSONL_EXTS):
        yield from _read_jsonl(path)
        return
    if last == ".parquet":
        yield from _read_parquet(path)
        return
    try:
        src = read_path(path)
    except GanbuError as e:
        yield _problem(e, str(path))
        return
    except RecursionError:
        yield Problem(str(path), "E199", "input too deeply nested to read")
        return
    yield Record(str(path), str(path), src, src.title, None, src.published)


def _read_stdin() -> Iterator[Item]:
    data = sys.stdin.buffer.read()
    if data.lstrip()[:1] == b"{":
        try:
            stream = io.StringIO(data.decode("utf-8"))
        except UnicodeDecodeError:
            yield Problem("<stdin>", "E105", "JSON Lines on standard input must be UTF-8")
            return
        yield from _jsonl_lines(stream, "<stdin>")
        return
    from ..read import read_bytes

    try:
        src = read_bytes(data, "<stdin>")
    except GanbuError as e:
        yield _problem(e, "<stdin>")
        return
    yield Record("<stdin>", "<stdin>", src, src.title, None, src.published)


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            p = Path(root, f)
            if not f.startswith(".") and (p.suffix.lower() in ALL_EXTS or "".join(p.suffixes[-2:]).lower() in
                                          {".jsonl.gz", ".ndjson.gz"}):
                yield p


def expand(arg: str) -> list[Path] | None:
    """The files of one argument (None for ``-``); raises InputNotFound when nothing matches."""
    if arg == "-":
        return None
    p = Path(arg)
    if p.is_dir():
        return list(_walk(p))
    if p.exists():
        return [p]
    if any(c in arg for c in "*?["):
        out: list[Path] = []
        for m in sorted(glob.glob(arg, recursive=True)):
            mp = Path(m)
            out.extend(_walk(mp) if mp.is_dir() else [mp])
        if out:
            return out
        raise InputNotFound("no file matches this pattern", arg)
    raise InputNotFound("no such file or folder", arg)


def iter_inputs(args: list[str]) -> Iterator[Item]:
    """Every record (or problem) of the arguments, in order."""
    for arg in args:
        try:
            paths = expand(arg)
        except GanbuError as e:
            yield _problem(e, arg)
            continue
        if paths is None:
            yield from _read_stdin()
            continue
        for path in paths:
            yield from _read_file(path)
