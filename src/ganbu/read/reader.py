"""The input reader: bytes, a path, stdin or a str → one :class:`Source`.

What it does, in order:

1. **Size and kind checks** — a path is ``os.stat``-ed before it is opened (too large → E106,
   missing → E101, a directory → E102, unreadable → E107); stdin and other non-regular files
   are read up to ``max_bytes + 1`` bytes only.
2. **Decoding** (:mod:`.decode`) — BOM, else UTF-8, else GB18030 or Big5, scored.
3. **Format** (:mod:`.sniff`) — ``html``, ``markdown`` or ``text``.
4. **Body text** — for markdown and text ``text is raw`` and ``offsets is None``. For HTML
   (:mod:`.page`) the article body is extracted and ``offsets`` map it back into ``raw``
   (the invariant is in :mod:`.source`).
5. **Metadata** (:mod:`.analyze`, :mod:`.htmlmeta`) — title, publication date, byline authors
   (with exact offsets into ``text``), credits (资料 / 来源) and ``skip`` ranges.

Traditional characters are kept as they are; normalisation happens elsewhere.
"""
from __future__ import annotations

import os
import stat as _stat
import sys

from ..errors import InputIsDirectory, InputNotFound, InputTooLarge, InputUnreadable
from .analyze import analyze
from .decode import DEFAULT_MAX_BYTES, check_text, decode, read_limited, too_large_msg
from .page import read_html
from .sniff import sniff
from .source import Source

__all__ = ["DEFAULT_MAX_BYTES", "Source", "read_bytes", "read_path", "read_text"]


def read_bytes(data: bytes, name: str = "<bytes>", *, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Decode and read ``data`` (see the module doc for the steps and errors)."""
    data = bytes(data)
    if len(data) > max_bytes:
        raise InputTooLarge(too_large_msg(len(data), max_bytes), name)
    raw, encoding = decode(data, name)
    return _build(raw, name, encoding)


def read_path(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read a file; ``"-"`` reads standard input (as bytes) and is named ``"<stdin>"``."""
    if isinstance(path, str) and path == "-":
        return _read_stdin(max_bytes)
    try:
        fspath = os.fspath(path)
    except TypeError:
        raise InputNotFound("not a path", str(path)) from None
    name = os.fsdecode(fspath)
    if not name:
        raise InputNotFound("empty path", name)
    st = _stat_path(fspath, name)
    if _stat.S_ISDIR(st.st_mode):
        raise InputIsDirectory("is a directory", name)
    if _stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
        raise InputTooLarge(too_large_msg(st.st_size, max_bytes), name)
    try:
        with open(fspath, "rb") as f:
            data = read_limited(f, max_bytes, name)
    except IsADirectoryError:
        raise InputIsDirectory("is a directory", name) from None
    except FileNotFoundError:
        raise InputNotFound("no such file", name) from None
    except PermissionError:
        raise InputUnreadable("permission denied", name) from None
    except OSError as e:
        raise InputUnreadable(f"cannot read: {e.strerror or e}", name) from None
    raw, encoding = decode(data, name)
    return _build(raw, name, encoding)


def read_text(text: str, name: str = "<text>") -> Source:
    """Read an already-decoded string (``encoding`` is ``"utf-8"``). A leading BOM is not read,
    but stays in ``raw`` so that spans index the string as given."""
    if text.startswith("\ufeff"):
        src = read_text(text[1:], name)
        src.raw = text
        src.base = 1
        return src
    check_text(text, name)
    return _build(text, name, "utf-8")


def _stat_path(fspath: str | bytes, name: str) -> os.stat_result:
    try:
        return os.stat(fspath)
    except (FileNotFoundError, NotADirectoryError):
        raise InputNotFound("no such file", name) from None
    except PermissionError:
        raise InputUnreadable("permission denied", name) from None
    except ValueError:
        raise InputNotFound("invalid path", name) from None
    except OSError as e:
        raise InputUnreadable(f"cannot read: {e.strerror or e}", name) from None


def _read_stdin(max_bytes: int) -> Source:
    name = "<stdin>"
    if sys.stdin is None:
        raise InputUnreadable("no standard input", name)
    stream = getattr(sys.stdin, "buffer", None)
    try:
        if stream is None:  # a text stream without .buffer (e.g. replaced by a StringIO)
            text = sys.stdin.read(max_bytes + 1)
            if len(text) > max_bytes:
                raise InputTooLarge(too_large_msg(None, max_bytes), name)
            return read_text(text, name)
        data = read_limited(stream, max_bytes, name)
    except OSError as e:
        raise InputUnreadable(f"cannot read: {e.strerror or e}", name) from None
    raw, encoding = decode(data, name)
    return _build(raw, name, encoding)


def _build(raw: str, name: str, encoding: str) -> Source:
    fmt = sniff(raw)
    if fmt == "html":
        return read_html(raw, name, encoding)
    info = analyze(raw, markdown=(fmt == "markdown"))
    return Source(
        name=name, raw=raw, text=raw, offsets=None, format=fmt, encoding=encoding,
        title=info.title, published=info.published, authors=info.authors,
        credits=info.credits, skip=info.skip,
    )
