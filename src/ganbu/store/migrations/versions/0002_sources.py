"""the collector's tables: sources, listings, source_polls, fetches (ganbu sources / ganbu collect)

Revision ID: 0002_sources
Revises: 0001
Create Date: 2026-12-05
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_sources"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the four tables and their indexes. (Long: one statement per column, as Alembic writes them.)"""
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("province", sa.String(length=40), nullable=True),
        sa.Column("link_pattern", sa.Text(), nullable=True),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("added_at", sa.Float(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("url"),
    )
    op.create_table(
        "listings",
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("lastmod", sa.Text(), nullable=True),
        sa.Column("checked_at", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("url"),
    )
    op.create_index("ix_listings_source_id", "listings", ["source_id"], unique=False)
    op.create_table(
        "source_polls",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.Column("error", sa.String(length=200), nullable=True),
        sa.Column("n_links", sa.Integer(), nullable=False),
        sa.Column("n_new", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_source_polls_source_at", "source_polls", ["source_id", "at"], unique=False)
    op.create_table(
        "fetches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("found_at", sa.Float(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("fetched_at", sa.Float(), nullable=True),
        sa.Column("final_url", sa.Text(), nullable=True),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("n_bytes", sa.Integer(), nullable=True),
        sa.Column("body_z", sa.LargeBinary(), nullable=True),
        sa.Column("key", sa.String(length=64), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("error", sa.String(length=200), nullable=True),
        sa.Column("retry", sa.Boolean(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("url"),
    )
    op.create_index("ix_fetches_document_id", "fetches", ["document_id"], unique=False)
    op.create_index("ix_fetches_key", "fetches", ["key"], unique=False)
    op.create_index("ix_fetches_state", "fetches", ["state"], unique=False)
    op.create_index("ix_fetches_source_found", "fetches", ["source_id", "found_at"], unique=False)


def downgrade() -> None:
    for name, table in (("ix_fetches_source_found", "fetches"), ("ix_fetches_state", "fetches"),
                        ("ix_fetches_key", "fetches"), ("ix_fetches_document_id", "fetches")):
        op.drop_index(name, table_name=table)
    op.drop_table("fetches")
    op.drop_index("ix_source_polls_source_at", table_name="source_polls")
    op.drop_table("source_polls")
    op.drop_index("ix_listings_source_id", table_name="listings")
    op.drop_table("listings")
    op.drop_table("sources")
