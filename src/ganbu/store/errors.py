"""Errors of the store, with stable codes (E4xx: the database; E108: a bad line in a JSON Lines input).

They subclass :class:`ganbu.errors.GanbuError`, so the CLI prints them as one line
``ganbu: E### <input>: <cause>``.
"""
from __future__ import annotations

from ..errors import GanbuError

__all__ = ["BadRecord", "StoreCorrupt", "StoreError", "StoreFull", "StoreLocked", "StoreReadOnly", "StoreTooNew"]


class BadRecord(GanbuError):
    """A line of a JSON Lines input that is no JSON object with a ``text`` string."""

    code = "E108"


class StoreError(GanbuError):
    """The database cannot be opened or used (no such directory, server unreachable …)."""

    code = "E401"


class StoreLocked(StoreError):
    """Another process holds the write lock longer than the busy timeout."""

    code = "E402"


class StoreReadOnly(StoreError):
    """The database file or its folder is read-only."""

    code = "E403"


class StoreFull(StoreError):
    """The disk (or the database's size limit) is full."""

    code = "E404"


class StoreTooNew(StoreError):
    """The database was written by a newer ganbu (an unknown schema revision)."""

    code = "E405"


class StoreCorrupt(StoreError):
    """The file is not a database, or is damaged."""

    code = "E406"
