"""The corpus store: ingest reports, resolve people across them, answer queries.

Layer: above :mod:`ganbu.pipeline` (it imports the model, the pipeline and the errors; nothing
below imports it). Entry points: :func:`ganbu.store.api.open_store` (also ``ganbu.open_store``)
and the commands in :mod:`ganbu.store.cli`. Tables: :mod:`ganbu.store.schema` and
``docs/schema.md``.
"""
from __future__ import annotations

__all__ = ["open_store"]


def open_store(target="ganbu.db", **kw):
    from .api import open_store as _open

    return _open(target, **kw)
