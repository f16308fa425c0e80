"""The web interface: ``ganbu serve`` — people, organisations, events, reports with their spans,
patterns and briefings, over a store opened read-only, with JSON behind every page.

    >>> from ganbu.web import create_app        # needs the extra: pip install 'ganbu[web]'
    >>> app = create_app("ganbu.db")             # doctest: +SKIP

Layer: floor 8 (beside the CLI). Pages and API read the store only through its query layer
(:mod:`ganbu.store.queries`, :mod:`ganbu.store.queries_web`, :mod:`ganbu.store.queries_brief`)
and the briefings through :mod:`ganbu.brief`; no SQL lives here.
"""
from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def create_app(store: Any, *, cache_mb: int = 64, threads: int = 2, keepalive_requests: int = 10) -> Any:
    """The FastAPI application over ``store`` (a :class:`ganbu.store.api.Store`, a path or a URL);
    answers cached in up to ``cache_mb`` MB until the store changes (0: none); at most ``threads``
    requests worked on at once; a client asked to reconnect after ``keepalive_requests`` requests
    on one connection (0: never)."""
    from .app import create_app as _create

    return _create(store, cache_mb=cache_mb, threads=threads, keepalive_requests=keepalive_requests)
