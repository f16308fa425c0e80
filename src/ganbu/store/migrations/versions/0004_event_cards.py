"""event_cards: each event's row of the web pages' event tables (sources, participants,
organisations, topics) as one JSON text, filled from the stored facts

Revision ID: 0004_event_cards
Revises: 0003_summaries
Create Date: 2026-12-04
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_event_cards"
down_revision = "0003_summaries"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the table and its index, then fill it from what the store holds."""
    op.create_table(
        "event_cards",
        sa.Column("event_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("card", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("event_id"),
    )
    op.create_index("ix_event_cards_date", "event_cards", ["date_start"])
    from ganbu.store.summaries import rebuild_cards

    rebuild_cards(op.get_bind())


def downgrade() -> None:
    op.drop_table("event_cards")
