"""Identity before data: a verified customer id on the conversation, one-time codes for e-mail senders

Revision ID: 0013_h1_verified_identity
Revises: 0012_h2_queued_confirmations
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_h1_verified_identity"
down_revision = "0012_h2_queued_confirmations"
branch_labels = None
depends_on = None

UTC_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("customer_verified_at", UTC_TS, nullable=True))
    op.create_table(
        "identity_codes",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("conversation_id", sa.String(length=32), nullable=False),
        sa.Column("order_enc", sa.Text(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("expires_at", UTC_TS, nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("verified_at", UTC_TS, nullable=True),
        sa.Column("created_at", UTC_TS, nullable=False),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("identity_codes", schema=None) as batch_op:
        batch_op.create_index("ix_identity_codes_conversation_id", ["conversation_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("identity_codes", schema=None) as batch_op:
        batch_op.drop_index("ix_identity_codes_conversation_id")
    op.drop_table("identity_codes")
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.drop_column("customer_verified_at")
