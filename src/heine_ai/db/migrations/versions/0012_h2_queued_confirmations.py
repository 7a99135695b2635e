"""Confirmation mails of actions wait in the mail records until a background sender delivers them

Revision ID: 0012_h2_queued_confirmations
Revises: 0011
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_h2_queued_confirmations"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("email_messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("content_enc", sa.Text(), nullable=True))
        batch_op.create_index("ix_email_messages_state", ["brand", "state"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("email_messages", schema=None) as batch_op:
        batch_op.drop_index("ix_email_messages_state")
        batch_op.drop_column("content_enc")
