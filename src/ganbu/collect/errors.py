"""Errors of the collector, with stable codes (E5xx: sources and collecting).

They subclass :class:`ganbu.errors.GanbuError`, so the CLI prints them as one line
``ganbu: E### <input>: <cause>``. Failures of single pages are not errors: they are counted
with their reason in the run's summary and kept in ``fetches``.
"""
from __future__ import annotations

from ..errors import GanbuError

__all__ = ["BadSource", "CollectUnavailable", "NoSuchSource"]


class BadSource(GanbuError):
    """A source that cannot be watched: not an http(s) URL, an unknown kind, a bad link pattern."""

    code = "E501"


class NoSuchSource(GanbuError):
    """No source has this URL, name, province or id."""

    code = "E502"


class CollectUnavailable(GanbuError):
    """The libraries of the collector are not installed (``pip install 'ganbu[collect]'``)."""

    code = "E503"
