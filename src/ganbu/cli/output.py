"""What the command line writes: messages and progress on stderr, documents on stdout or a file.

- :func:`say` prints one ``ganbu: …`` line on stderr (newlines in paths or messages escaped, so a
  message is always one line), clearing the progress line first.
- :class:`Progress` keeps one line ``n/N  rate  current file`` on stderr, only on a terminal.
- :func:`make_writer` gives a writer for ``json`` (one object, or one array streamed document by
  document), ``jsonl`` (one line a document) or ``table``; every writer flushes after each document
  and writes a document in one piece, with Ctrl-C held back until it is written.
- :class:`Sink` is standard output, or a file written atomically (a temporary file in the same
  folder, renamed over the target only when the run ends; removed on interruption or crash).
"""
from __future__ import annotations

import json
import os
import signal
import sys
import tempfile
import threading
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Document

__all__ = ["Progress", "Sink", "Writer", "make_writer", "say", "silence_stdout", "table"]

FORMATS = ("json", "jsonl", "table")


def one_line(s: str) -> str:
    return s.replace("\r", "\\r").replace("\n", "\\n")


def say(message: str) -> None:
    """One line ``ganbu: <message>`` on stderr."""
    if Progress.current is not None:
        Progress.current.clear()
    with suppress(OSError, ValueError):  # stderr closed: nothing left to tell
        print(f"ganbu: {one_line(message)}", file=sys.stderr, flush=True)


def silence_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so the interpreter's final flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


# --- progress ----------------------------------------------------------------------------------


class Progress:
    """The progress line on stderr: shown only on a terminal, at most ten times a second."""

    current: Progress | None = None
    INTERVAL = 0.1

    def __init__(self, total: int, enabled: bool) -> None:
        self.total = total
        self.enabled = enabled
        self.start = time.monotonic()
        self.last = 0.0
        self.shown = False
        if enabled:
            Progress.current = self

    def update(self, i: int, name: str) -> None:
        """Document ``i`` (1-based) of ``total`` is starting."""
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.last < self.INTERVAL and i != self.total:
            return
        self.last = now
        rate = (i - 1) / (now - self.start) if now > self.start else 0.0
        width = len(str(self.total))
        head = f"ganbu: {i:>{width}}/{self.total}  {rate:6.1f}/s  "
        self._write("\r" + head + _fit(one_line(name), _columns() - len(head)) + "\x1b[K")
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self._write("\r\x1b[K")
            self.shown = False

    def close(self) -> None:
        self.clear()
        if Progress.current is self:
            Progress.current = None

    @staticmethod
    def _write(s: str) -> None:
        try:
            sys.stderr.write(s)
            sys.stderr.flush()
        except (OSError, ValueError):
            pass


def _fit(name: str, room: int) -> str:
    """``name`` in at most ``room`` terminal cells (CJK counts two), cut from the left."""
    cells = [2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in name]
    if sum(cells) <= room:
        return name
    used, i = 1, len(name)
    while i > 0 and used + cells[i - 1] <= room:
        i -= 1
        used += cells[i]
    return "…" + name[i:]


def _columns() -> int:
    try:
        return max(20, os.get_terminal_size(sys.stderr.fileno()).columns - 1)
    except (OSError, ValueError, AttributeError):
        return 79


# --- writers -----------------------------------------------------------------------------------


@contextmanager
def held_interrupt() -> Iterator[None]:
    """Hold SIGINT back while a document is written, so Ctrl-C never cuts one in half
    (the interrupt is delivered as soon as the write is done)."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


class Writer:
    """Writes documents to a text stream; ``complete`` says whether the output is whole."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.count = 0
        self.ended = False

    def begin(self) -> None:
        pass

    def write(self, doc: Document) -> None:
        chunk = self.render(doc)
        with held_interrupt():
            self.stream.write(chunk)
            self.count += 1
            self.stream.flush()

    def render(self, doc: Document) -> str:
        raise NotImplementedError

    def end(self) -> None:
        """Finish the output (once; a second call does nothing)."""
        if not self.ended:
            self.ended = True
            self.close()

    def close(self) -> None:
        self.stream.flush()

    @property
    def complete(self) -> bool:
        return True


class JsonObjectWriter(Writer):
    """One document (a single file argument): one indented object, as ``ganbu extract FILE`` always gave."""

    def render(self, doc: Document) -> str:
        return json.dumps(doc.to_dict(), ensure_ascii=False, indent=2) + "\n"

    @property
    def complete(self) -> bool:
        return self.count == 1


class JsonArrayWriter(Writer):
    """Several inputs: one JSON array, opened at once, one element per document as it is done,
    closed by :meth:`end` (also after failures or Ctrl-C), so ``json.load`` reads the output."""

    def begin(self) -> None:
        with held_interrupt():
            self.stream.write("[")
            self.stream.flush()

    def render(self, doc: Document) -> str:
        body = json.dumps(doc.to_dict(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
        return ("\n  " if self.count == 0 else ",\n  ") + body

    def close(self) -> None:
        with held_interrupt():
            self.stream.write("\n]\n" if self.count else "]\n")
            self.stream.flush()


class JsonlWriter(Writer):
    def render(self, doc: Document) -> str:
        return json.dumps(doc.to_dict(), ensure_ascii=False) + "\n"


class TableWriter(Writer):
    def render(self, doc: Document) -> str:
        return ("\n" if self.count else "") + table(doc) + "\n"


def make_writer(fmt: str, stream: IO[str], *, single: bool) -> Writer:
    if fmt == "json":
        return JsonObjectWriter(stream) if single else JsonArrayWriter(stream)
    if fmt == "jsonl":
        return JsonlWriter(stream)
    if fmt == "table":
        return TableWriter(stream)
    raise ValueError(f"unknown format {fmt!r}")


# --- where the output goes ---------------------------------------------------------------------


class Sink:
    """Standard output (``path`` None or ``-``), or ``path`` written atomically: the text goes to a
    hidden temporary file in the same folder and :meth:`commit` renames it over ``path``;
    :meth:`abort` removes it, leaving ``path`` as it was."""

    def __init__(self, path: str | None) -> None:
        self.path = None if path in (None, "-") else path
        self.tmp: str | None = None
        if self.path is None:
            self.stream: IO[str] = _utf8_stdout()
            return
        folder, base = os.path.split(os.path.abspath(self.path))
        fd, self.tmp = tempfile.mkstemp(prefix=f".{base}.", suffix=".part", dir=folder)
        self.stream = os.fdopen(fd, "w", encoding="utf-8")

    def commit(self) -> None:
        if self.tmp is None or self.path is None:
            self.stream.flush()
            return
        self.stream.flush()
        os.fsync(self.stream.fileno())
        self.stream.close()
        os.chmod(self.tmp, _new_file_mode(self.path))
        os.replace(self.tmp, self.path)
        self.tmp = None

    def abort(self) -> None:
        if self.tmp is None:
            return
        try:
            self.stream.close()
        finally:
            with suppress(FileNotFoundError):
                os.unlink(self.tmp)
            self.tmp = None


def _new_file_mode(path: str) -> int:
    """The mode the file would get from ``open``: its current mode, or 0o666 less the umask."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _utf8_stdout() -> IO[str]:
    """Standard output as UTF-8 (JSON is UTF-8 whatever the locale)."""
    out = sys.stdout
    enc = (getattr(out, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    if enc != "utf8" and hasattr(out, "reconfigure"):
        with suppress(ValueError, OSError):
            out.reconfigure(encoding="utf-8")
    return out


# --- the table format --------------------------------------------------------------------------


def table(doc: Document) -> str:
    """A document for reading at a terminal: byline authors, officials with their positions,
    other named people, events, credits and warnings, each on lines of their own."""
    head = doc.title or doc.source.name or ""
    lines = [f"== {head}" + (f"  ({doc.published})" if doc.published else "")
             + (f"  [{doc.source.name}]" if doc.source.name and doc.source.name != head else "")]
    bylined = _byline_people(doc)
    if doc.authors:
        lines.append("  撰文：" + "、".join(_author(name, bylined) for name in doc.authors))
    officials = [p for p in doc.people if p.positions and p.name not in bylined]
    others = [p.name for p in doc.people if not p.positions and p.name not in bylined]
    lines.extend(_officials(officials))
    if others:
        lines.append("  -- other people")
        lines.append("  " + "、".join(others))
    lines.extend(_events(doc))
    if doc.credits:
        lines.append("  资料：" + "、".join(doc.credits))
    lines.extend(f"  ! {w.code}: {w.message}" for w in doc.warnings)
    return "\n".join(lines)


def _byline_people(doc: Document) -> dict:
    """Name → person for every byline author (read from a byline, or named in ``doc.authors``)."""
    authors = set(doc.authors)
    return {p.name: p for p in doc.people if "byline" in p.rules or p.name in authors}


def _author(name: str, bylined: dict) -> str:
    p = bylined.get(name)
    if p is None or not p.positions:
        return name
    return f"{name}（{'；'.join(pos.text for pos in p.positions)}）"


def _officials(people: list) -> list[str]:
    if not people:
        return ["  (no officials found)"]
    width = max(len(p.name) for p in people)
    lines = ["  -- officials"]
    for p in people:
        titles = "；".join(pos.text + ("" if pos.status == "current" else f"〔{pos.status}〕") for pos in p.positions)
        lines.append(f"  {p.name}{'　' * (width - len(p.name))}  {titles}")
    return lines


def _side(ev, roles: tuple[str, ...]) -> str:
    return "、".join(p.name for p in ev.participants if p.role in roles)


def _events(doc: Document) -> list[str]:
    lines = ["  -- events"] if doc.events else []
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
    return lines
