"""The collector's tables (``ganbu sources``, ``ganbu collect``; migration ``0002_sources``).

Defined on the store's ``MetaData`` by :func:`define_source_tables`, which
:mod:`ganbu.store.schema` calls once (this module imports nothing of the store, so there is no
import cycle). Documented in ``docs/schema.md`` ("Collecting").

- ``sources``: what to watch (a feed, a sitemap or a list page), with its name, province and
  the pattern its report links follow;
- ``listings``: the HTTP validators (ETag, Last-Modified) of every listing URL fetched (a
  source's own URL, the child sitemaps of a sitemap index), so the next poll is conditional;
- ``source_polls``: one row per poll of a source: when, the HTTP status or the failure, how
  many report links the listing held and how many were new (what ``ganbu sources health``
  reads);
- ``fetches``: one row per report URL ever found: its state (``queued`` → ``fetched`` →
  ``stored`` | ``duplicate`` | ``failed``), the raw page (zlib) while it waits to be read,
  the document it became. A URL with a row in a final state is never fetched again.
"""
from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

__all__ = ["define_source_tables"]


def define_source_tables(metadata: MetaData) -> tuple[Table, Table, Table, Table]:
    """Add ``sources``, ``listings``, ``source_polls`` and ``fetches`` to ``metadata``; returns them
    in that order. (Long: one declaration per column, as in ``schema.py``.)"""
    sources = Table(
        "sources", metadata,
        Column("id", Integer, primary_key=True),
        Column("url", String(2000), nullable=False, unique=True),
        Column("kind", String(8), nullable=False),        # feed | sitemap | list
        Column("name", String(200)),
        Column("province", String(40)),
        Column("link_pattern", Text),                     # regex a report link matches (list pages)
        Column("enabled", Boolean, nullable=False, default=True),
        Column("added_at", Float, nullable=False),        # Unix time
        Column("note", Text),                              # e.g. "starter list, unverified"
    )
    listings = Table(
        "listings", metadata,
        Column("url", String(2000), primary_key=True),
        Column("source_id", Integer, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False, index=True),
        Column("etag", Text),
        Column("last_modified", Text),
        Column("lastmod", Text),                           # a child sitemap's <lastmod> in its index
        Column("checked_at", Float),
    )
    source_polls = Table(
        "source_polls", metadata,
        Column("id", Integer, primary_key=True),
        Column("source_id", Integer, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
        Column("at", Float, nullable=False),               # Unix time (the collector's clock)
        Column("seconds", Float, nullable=False),
        Column("status", Integer),                         # HTTP status of the listing; null: no answer
        Column("error", String(200)),                      # why the poll failed, else null
        Column("n_links", Integer, nullable=False),        # report links on the listing
        Column("n_new", Integer, nullable=False),          # of them, URLs not seen before
        Index("ix_source_polls_source_at", "source_id", "at"),
    )
    fetches = Table(
        "fetches", metadata,
        Column("id", Integer, primary_key=True),
        Column("url", String(2000), nullable=False, unique=True),
        Column("source_id", Integer, ForeignKey("sources.id", ondelete="SET NULL")),
        Column("state", String(10), nullable=False),       # queued | fetched | stored | duplicate | failed
        Column("found_at", Float, nullable=False),
        Column("title", Text),                             # as the listing gave it
        Column("published", Date),                         # as the listing gave it (Beijing time)
        Column("fetched_at", Float),
        Column("final_url", Text),                         # after redirects
        Column("status", Integer),
        Column("etag", Text),
        Column("last_modified", Text),
        Column("n_bytes", Integer),
        Column("body_z", LargeBinary),                     # zlib(raw bytes) until the page is stored
        Column("key", String(64), index=True),             # the document key of its text
        Column("document_id", Integer, ForeignKey("documents.id", ondelete="SET NULL"), index=True),
        Column("error", String(200)),                      # why it failed
        Column("retry", Boolean, nullable=False, default=False),  # failed for a reason that may pass
        Column("attempts", Integer, nullable=False, default=0),
        Index("ix_fetches_state", "state"),
        Index("ix_fetches_source_found", "source_id", "found_at"),
    )
    return sources, listings, source_polls, fetches
