"""A channel's message id is stored once per conversation and role (the web chat's client ids, e-mail Message-IDs)

Revision ID: 0008
Revises: 0007_h3
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007_h3"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.create_unique_constraint(
            "uq_messages_channel_message_id", ["conversation_id", "role", "channel_message_id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.drop_constraint("uq_messages_channel_message_id", type_="unique")
