"""human hand-off: agents, refresh tokens, tickets, audit trail, agent columns on messages

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

UTC_TS = sa.DateTime(timezone=True)
ACTIVE_TICKET = sa.text("status != 'resolved'")


def upgrade() -> None:
    op.create_table(
        "agents",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=128), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("brands", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTC_TS, nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("username"),
    )
    op.create_table(
        "refresh_tokens",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("agent_id", sa.String(length=32), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("expires_at", UTC_TS, nullable=False),
        sa.Column("revoked_at", UTC_TS, nullable=True),
        sa.Column("created_at", UTC_TS, nullable=False),
        sa.ForeignKeyConstraint(["agent_id"], ["agents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    op.create_index("ix_refresh_tokens_agent_id", "refresh_tokens", ["agent_id"])
    _create_tickets()
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("author_name", sa.String(length=128), nullable=True))
        batch_op.add_column(sa.Column("agent_id", sa.String(length=32), nullable=True))
        batch_op.create_foreign_key("fk_messages_agent_id", "agents", ["agent_id"], ["id"], ondelete="SET NULL")


def _create_tickets() -> None:
    op.create_table(
        "tickets",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("conversation_id", sa.String(length=32), nullable=False),
        sa.Column("brand", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("priority", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("assignee_id", sa.String(length=32), nullable=True),
        sa.Column("sla_due_at", UTC_TS, nullable=False),
        sa.Column("sla_breached", sa.Boolean(), nullable=False),
        sa.Column("summary_enc", sa.Text(), nullable=False),
        sa.Column("resolution", sa.String(length=16), nullable=True),
        sa.Column("created_at", UTC_TS, nullable=False),
        sa.Column("claimed_at", UTC_TS, nullable=True),
        sa.Column("first_reply_at", UTC_TS, nullable=True),
        sa.Column("resolved_at", UTC_TS, nullable=True),
        sa.ForeignKeyConstraint(["assignee_id"], ["agents.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_tickets_brand_status", "tickets", ["brand", "status"])
    op.create_index("ix_tickets_conversation", "tickets", ["conversation_id"])
    op.create_index(
        "uq_tickets_active_conversation",
        "tickets",
        ["conversation_id"],
        unique=True,
        sqlite_where=ACTIVE_TICKET,
        postgresql_where=ACTIVE_TICKET,
    )
    op.create_table(
        "ticket_events",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("ticket_id", sa.String(length=32), nullable=False),
        sa.Column("actor_id", sa.String(length=32), nullable=True),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("from_status", sa.String(length=16), nullable=True),
        sa.Column("to_status", sa.String(length=16), nullable=True),
        sa.Column("reason", sa.String(length=64), nullable=True),
        sa.Column("note_enc", sa.Text(), nullable=True),
        sa.Column("created_at", UTC_TS, nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["agents.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_ticket_events_ticket_id", "ticket_events", ["ticket_id"])


def downgrade() -> None:
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.drop_constraint("fk_messages_agent_id", type_="foreignkey")
        batch_op.drop_column("agent_id")
        batch_op.drop_column("author_name")
    op.drop_table("ticket_events")
    op.drop_table("tickets")
    op.drop_table("refresh_tokens")
    op.drop_table("agents")
