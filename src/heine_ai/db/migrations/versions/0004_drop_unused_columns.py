"""drop columns nothing reads: conversations.low_confidence_streak, customers.name_enc

The second low-confidence answer in a row is recognised from the conversation's last bot message, and no channel
stores a customer's name.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conversations") as batch:
        batch.drop_column("low_confidence_streak")
    with op.batch_alter_table("customers") as batch:
        batch.drop_column("name_enc")


def downgrade() -> None:
    with op.batch_alter_table("customers") as batch:
        batch.add_column(sa.Column("name_enc", sa.Text(), nullable=True))
    with op.batch_alter_table("conversations") as batch:
        batch.add_column(sa.Column("low_confidence_streak", sa.Integer(), nullable=False, server_default="0"))
