"""office_evidence: the latest positions of each person's offices (the reports behind each office
on a person page), kept with the spells; filled from the stored facts

Revision ID: 0005_office_evidence
Revises: 0004_event_cards
Create Date: 2026-12-04
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_office_evidence"
down_revision = "0004_event_cards"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the table, then fill it from what the store holds."""
    op.create_table(
        "office_evidence",
        sa.Column("person_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("office_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("document_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("mention_idx", sa.SmallInteger(), autoincrement=False, nullable=False),
        sa.Column("idx", sa.SmallInteger(), autoincrement=False, nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("person_id", "office_id", "document_id", "mention_idx", "idx"),
        sqlite_with_rowid=False,
    )
    from ganbu.store.spells import rebuild_evidence

    rebuild_evidence(op.get_bind())


def downgrade() -> None:
    op.drop_table("office_evidence")
