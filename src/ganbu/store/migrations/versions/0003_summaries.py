"""summaries for the web pages: person_events, org_events (filled from the stored facts);
indexes on events.place_id and events(type, date_start)

Revision ID: 0003_summaries
Revises: 0002_sources
Create Date: 2026-12-04
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_summaries"
down_revision = "0002_sources"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the two tables and their indexes, then fill them from what the store holds."""
    op.create_table(
        "person_events",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("person_id", "event_id"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_person_events_event", "person_events", ["event_id"])
    op.create_index("ix_person_events_date", "person_events", ["date_start"])
    op.create_table(
        "org_events",
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("organization_id", "event_id", "role"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_org_events_event", "org_events", ["event_id"])
    op.create_index("ix_org_events_date", "org_events", ["date_start"])
    op.create_index("ix_org_events_org_date", "org_events", ["organization_id", "date_start"])
    op.create_index("ix_events_place_id", "events", ["place_id"])
    op.create_index("ix_events_type", "events", ["type", "date_start"])
    from ganbu.store.summaries import rebuild

    rebuild(op.get_bind(), cards=False)  # the cards' table comes with 0004


def downgrade() -> None:
    op.drop_index("ix_events_type", "events")
    op.drop_index("ix_events_place_id", "events")
    op.drop_table("org_events")
    op.drop_table("person_events")
