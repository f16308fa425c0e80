"""The store's tables (SQLAlchemy Core), documented in ``docs/schema.md``.

Design:

- integers everywhere a value repeats: names, organisations, offices and places live in lookup
  tables and facts point at them;
- facts that come from one report are keyed by ``(document_id, idx)`` where ``idx`` is the
  extractor's local number (``p3`` → 3, ``e2`` → 2), so a report's facts are written without
  asking the database for ids and are replaced as a whole by ``ganbu reextract``;
- every fact keeps its document and its ``[start, end)`` span into the raw text, which is kept
  (zlib-compressed UTF-8) in ``document_texts``;
- what resolution computes across reports (``persons``, ``events``, ``spells``, ``review``) is
  derived and can be recomputed from the per-report facts at any time.

Changing these tables needs a migration in ``ganbu/store/migrations/versions``.
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
    SmallInteger,
    String,
    Table,
    Text,
)

from .schema_sources import define_source_tables

__all__ = ["SCHEMA_VERSION", "metadata"]

#: the Alembic revision this module describes (the head of ``migrations/versions``)
SCHEMA_VERSION = "0005_office_evidence"

metadata = MetaData()

pipelines = Table(
    "pipelines", metadata,
    Column("id", Integer, primary_key=True),
    Column("version", String(80), nullable=False, unique=True),
)

documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(64), nullable=False, unique=True),  # sha256 hex of the normalised text
    Column("source", Text),        # the input's id (JSONL ``id``) or path
    Column("title", Text),
    Column("url", Text),
    Column("published", Date, index=True),
    Column("n_chars", Integer, nullable=False),
    Column("pipeline_id", SmallInteger, ForeignKey("pipelines.id"), nullable=False),
    Column("ingested_at", Float, nullable=False),  # Unix time
)

document_texts = Table(
    "document_texts", metadata,
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("text_z", LargeBinary, nullable=False),  # zlib(UTF-8 of the raw text the spans point into)
)

names = Table(
    "names", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(64), nullable=False, unique=True),
)

organizations = Table(
    "organizations", metadata,
    Column("id", Integer, primary_key=True),
    Column("canonical", String(200), nullable=False, unique=True),
    Column("kind", String(40)),
)

org_aliases = Table(
    "org_aliases", metadata,
    Column("alias", String(200), primary_key=True),
    Column("organization_id", Integer, ForeignKey("organizations.id"), nullable=False, index=True),
)

places = Table(
    "places", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("province", String(40)),
)

offices = Table(
    "offices", metadata,
    Column("id", Integer, primary_key=True),
    Column("label", String(300), nullable=False, unique=True),  # canonical organisation + role
    Column("organization_id", Integer, ForeignKey("organizations.id"), index=True),
    Column("role", String(100), nullable=False),
    Column("jurisdiction", String(100)),
    Column("province", String(40)),
)

persons = Table(
    "persons", metadata,
    Column("id", Integer, primary_key=True),
    Column("name_id", Integer, ForeignKey("names.id"), nullable=False, index=True),
    Column("n_mentions", Integer, nullable=False, default=0),
    Column("first_seen", Date),
    Column("last_seen", Date),
)

mentions = Table(
    "mentions", metadata,
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", SmallInteger, primary_key=True),  # the extractor's person number in the report
    Column("name_id", Integer, ForeignKey("names.id"), nullable=False, index=True),
    Column("person_id", Integer, ForeignKey("persons.id", ondelete="SET NULL"), index=True),
    Column("start", Integer, nullable=False),  # first mention
    Column("end", Integer, nullable=False),
    Column("spans", Text, nullable=False),  # every mention: "s-e s-e …"
    sqlite_with_rowid=False,
)

positions = Table(
    "positions", metadata,
    Column("document_id", Integer, primary_key=True),
    Column("mention_idx", SmallInteger, primary_key=True),
    Column("idx", SmallInteger, primary_key=True),
    Column("office_id", Integer, ForeignKey("offices.id"), nullable=False, index=True),
    Column("status", String(8), nullable=False),  # current | former | new | removed | acting
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    sqlite_with_rowid=False,
)

org_mentions = Table(
    "org_mentions", metadata,
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("organization_id", Integer, ForeignKey("organizations.id"), primary_key=True),
    Column("spans", Text, nullable=False),
    Index("ix_org_mentions_org", "organization_id"),
    sqlite_with_rowid=False,
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    Column("type", String(12), nullable=False),
    Column("date_start", Date, index=True),
    Column("date_end", Date),
    Column("place_id", Integer, ForeignKey("places.id"), index=True),
    Column("n_sources", Integer, nullable=False, default=1),
    Index("ix_events_type", "type", "date_start"),
)

event_reports = Table(
    "event_reports", metadata,
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", SmallInteger, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="SET NULL"), index=True),
    Column("type", String(12), nullable=False),
    Column("date_start", Date, index=True),
    Column("date_end", Date),
    Column("precision", String(12)),
    Column("place_id", Integer, ForeignKey("places.id")),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("topics", Text),  # "；"-joined
    sqlite_with_rowid=False,
)

participants = Table(
    "participants", metadata,
    Column("document_id", Integer, primary_key=True),
    Column("event_idx", SmallInteger, primary_key=True),
    Column("mention_idx", SmallInteger, primary_key=True),
    Column("role", String(10), primary_key=True),
    Index("ix_participants_mention", "document_id", "mention_idx"),
    sqlite_with_rowid=False,
)

event_orgs = Table(
    "event_orgs", metadata,
    Column("document_id", Integer, primary_key=True),
    Column("event_idx", SmallInteger, primary_key=True),
    Column("organization_id", Integer, ForeignKey("organizations.id"), primary_key=True),
    Column("role", String(10), primary_key=True),
    Index("ix_event_orgs_org", "organization_id"),
    sqlite_with_rowid=False,
)

spells = Table(
    "spells", metadata,
    Column("id", Integer, primary_key=True),
    Column("person_id", Integer, ForeignKey("persons.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("office_id", Integer, ForeignKey("offices.id"), nullable=False, index=True),
    Column("acting", Boolean, nullable=False, default=False),
    Column("start_date", Date),   # appointment (hard boundary), else null
    Column("end_date", Date),     # removal (hard boundary), else null
    Column("first_seen", Date),
    Column("last_seen", Date),
    Column("ended_before", Date),  # a later report calls it former
    Column("n_sources", Integer, nullable=False),
    Column("start_document_id", Integer),
    Column("end_document_id", Integer),
)

review = Table(
    "review", metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, nullable=False),
    Column("mention_idx", SmallInteger, nullable=False),
    Column("name_id", Integer, ForeignKey("names.id"), nullable=False, index=True),
    Column("reason", String(200), nullable=False),
    Column("candidates", Text, nullable=False),  # person ids, space-separated
    Index("ix_review_mention", "document_id", "mention_idx"),
)

# summaries for the web pages (ganbu/store/summaries.py): derived from the facts and ``events``,
# refreshed by resolution for the days it regrouped; migration 0003_summaries
person_events = Table(
    "person_events", metadata,
    Column("person_id", Integer, primary_key=True),
    Column("event_id", Integer, primary_key=True),
    Column("role", String(10), nullable=False),  # the role most of the event's reports give (ties: the most telling)
    Column("date_start", Date),                  # the event's day (null: undated)
    Index("ix_person_events_event", "event_id"),
    Index("ix_person_events_date", "date_start"),
    sqlite_with_rowid=False,
)

org_events = Table(
    "org_events", metadata,
    Column("organization_id", Integer, primary_key=True),
    Column("event_id", Integer, primary_key=True),
    Column("role", String(10), primary_key=True),
    Column("date_start", Date),
    Index("ix_org_events_event", "event_id"),
    Index("ix_org_events_date", "date_start"),
    Index("ix_org_events_org_date", "organization_id", "date_start"),
    sqlite_with_rowid=False,
)

# the row each event shows in the web pages' event tables (sources, participants, organisations,
# topics as JSON: ganbu.store.queries.event_card), kept with the summaries; migration 0004_event_cards
event_cards = Table(
    "event_cards", metadata,
    Column("event_id", Integer, primary_key=True, autoincrement=False),
    Column("date_start", Date),   # the event's day (null: undated), to redo a day's cards
    Column("card", Text, nullable=False),
    Index("ix_event_cards_date", "date_start"),
)

office_evidence = Table(
    "office_evidence", metadata,  # the latest positions of each person's offices (kept with the spells)
    Column("person_id", Integer, primary_key=True, autoincrement=False),
    Column("office_id", Integer, primary_key=True, autoincrement=False),
    Column("document_id", Integer, primary_key=True, autoincrement=False),
    Column("mention_idx", SmallInteger, primary_key=True, autoincrement=False),
    Column("idx", SmallInteger, primary_key=True, autoincrement=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    sqlite_with_rowid=False,
)

claims = Table(
    "claims", metadata,
    Column("key", String(64), primary_key=True),
    Column("owner", String(80), nullable=False),
    Column("expires", Float, nullable=False),
)

dirty = Table(
    "dirty", metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(8), nullable=False),  # name | date
    Column("value", String(64), nullable=False),
)

# the collector's tables (ganbu sources / ganbu collect), defined in schema_sources.py
sources, listings, source_polls, fetches = define_source_tables(metadata)
