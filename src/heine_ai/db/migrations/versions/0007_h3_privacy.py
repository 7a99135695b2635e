"""GDPR: the disclosure version a conversation was opened under, restriction of processing, the privacy audit

Revision ID: 0007_h3
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_h3"
down_revision = "0006"
branch_labels = None
depends_on = None

UTC_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("disclosure_version", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("restricted_until", UTC_TS, nullable=True))
    op.create_table(
        "privacy_events",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("subject_kind", sa.String(length=64), nullable=True),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("created_at", UTC_TS, nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("privacy_events")
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.drop_column("restricted_until")
        batch_op.drop_column("disclosure_version")
