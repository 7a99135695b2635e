"""SQL of the hand-off: staff accounts, refresh tokens, tickets and their audit trail.

State changes of tickets are conditional UPDATEs checked by their row count, so that of two agents (or two
workers) acting at once exactly one succeeds, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from heine_ai.db.models import Agent, Conversation, Message, RefreshToken, Ticket, TicketEvent
from heine_ai.handoff.state import ACTIVE_TICKET_STATUSES


async def get_agent(session: AsyncSession, agent_id: str) -> Agent | None:
    return await session.get(Agent, agent_id)


async def agent_by_username(session: AsyncSession, username: str) -> Agent | None:
    return await session.scalar(select(Agent).where(Agent.username == username))


async def list_agents(session: AsyncSession) -> list[Agent]:
    return list(await session.scalars(select(Agent).order_by(Agent.username)))


async def refresh_by_hash(session: AsyncSession, token_hash: str) -> RefreshToken | None:
    return await session.scalar(select(RefreshToken).where(RefreshToken.token_hash == token_hash))


async def revoke_refresh(session: AsyncSession, token_id: str, now: datetime) -> bool:
    """Revoke one refresh token; False if it was already revoked (a replayed token)."""
    result: Any = await session.execute(
        update(RefreshToken)
        .where(RefreshToken.id == token_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    return int(result.rowcount or 0) == 1


async def revoke_all_refresh(session: AsyncSession, agent_id: str, now: datetime) -> None:
    await session.execute(
        update(RefreshToken)
        .where(RefreshToken.agent_id == agent_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )


async def end_access_tokens(session: AsyncSession, agent_id: str, now: datetime) -> None:
    """The agent's access tokens issued before ``now`` are refused from now on."""
    await session.execute(update(Agent).where(Agent.id == agent_id).values(tokens_valid_after=now))


async def delete_expired_refresh(session: AsyncSession, now: datetime) -> int:
    result: Any = await session.execute(delete(RefreshToken).where(RefreshToken.expires_at < now))
    return int(result.rowcount or 0)


async def active_ticket(session: AsyncSession, conversation_id: str) -> Ticket | None:
    return await session.scalar(
        select(Ticket).where(Ticket.conversation_id == conversation_id, Ticket.status.in_(ACTIVE_TICKET_STATUSES))
    )


async def latest_ticket(session: AsyncSession, conversation_id: str) -> Ticket | None:
    return await session.scalar(
        select(Ticket).where(Ticket.conversation_id == conversation_id).order_by(Ticket.created_at.desc()).limit(1)
    )


async def transition(
    session: AsyncSession, ticket_id: str, from_statuses: Sequence[str], values: dict[str, Any]
) -> bool:
    """Move a ticket on only if it is still in one of ``from_statuses``; True if this call moved it."""
    result: Any = await session.execute(
        update(Ticket)
        .where(Ticket.id == ticket_id, Ticket.status.in_(list(from_statuses)))
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0) == 1


async def mark_first_reply(session: AsyncSession, ticket_id: str, now: datetime) -> bool:
    """Record the first human reply once; True for the first one."""
    result: Any = await session.execute(
        update(Ticket)
        .where(Ticket.id == ticket_id, Ticket.first_reply_at.is_(None))
        .values(first_reply_at=now)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0) == 1


async def mark_breached(session: AsyncSession, ticket_id: str) -> bool:
    result: Any = await session.execute(
        update(Ticket)
        .where(Ticket.id == ticket_id, Ticket.sla_breached.is_(False))
        .values(sla_breached=True)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0) == 1


async def overdue_unbreached(session: AsyncSession, now: datetime) -> list[Ticket]:
    """Active tickets past their SLA without a human reply that are not yet counted as breached."""
    return list(
        await session.scalars(
            select(Ticket).where(
                Ticket.status.in_(ACTIVE_TICKET_STATUSES),
                Ticket.first_reply_at.is_(None),
                Ticket.sla_breached.is_(False),
                Ticket.sla_due_at < now,
            )
        )
    )


async def queue(
    session: AsyncSession,
    brands: Sequence[str],
    statuses: Sequence[str],
    priority: str | None,
    overdue_at: datetime | None,
) -> list[Ticket]:
    query = (
        select(Ticket)
        .join(Conversation, Conversation.id == Ticket.conversation_id)
        .where(Ticket.brand.in_(list(brands)), Ticket.status.in_(list(statuses)))
        .where(Conversation.restricted_until.is_(None))  # restricted after an erasure request: hidden from staff
    )
    if priority is not None:
        query = query.where(Ticket.priority == priority)
    if overdue_at is not None:
        query = query.where(Ticket.first_reply_at.is_(None), Ticket.sla_due_at < overdue_at)
    return list(await session.scalars(query.order_by(Ticket.sla_due_at, Ticket.created_at).limit(500)))


async def events(session: AsyncSession, ticket_ids: Sequence[str]) -> list[TicketEvent]:
    return list(
        await session.scalars(
            select(TicketEvent).where(TicketEvent.ticket_id.in_(list(ticket_ids))).order_by(TicketEvent.created_at)
        )
    )


async def active_counts(session: AsyncSession) -> dict[tuple[str, str], int]:
    """Unresolved tickets by (brand, priority)."""
    rows = await session.execute(
        select(Ticket.brand, Ticket.priority, func.count())
        .where(Ticket.status.in_(ACTIVE_TICKET_STATUSES))
        .group_by(Ticket.brand, Ticket.priority)
    )
    return {(brand, priority): int(count) for brand, priority, count in rows}


async def conversation_for_update(session: AsyncSession, conversation_id: str) -> Conversation | None:
    return await session.get(Conversation, conversation_id, populate_existing=True)


async def set_channel_message_id(session: AsyncSession, message_id: str, channel_message_id: str) -> None:
    await session.execute(update(Message).where(Message.id == message_id).values(channel_message_id=channel_message_id))


async def tickets_of(session: AsyncSession, conversation_id: str) -> list[Ticket]:
    return list(
        await session.scalars(
            select(Ticket).where(Ticket.conversation_id == conversation_id).order_by(Ticket.created_at)
        )
    )


async def tickets_since(session: AsyncSession, since: datetime) -> list[Ticket]:
    return list(await session.scalars(select(Ticket).where(Ticket.created_at >= since).limit(10_000)))


async def conversations_by_id(session: AsyncSession, ids: set[str]) -> dict[str, Conversation]:
    if not ids:
        return {}
    rows = await session.scalars(select(Conversation).where(Conversation.id.in_(sorted(ids))))
    return {row.id: row for row in rows}


async def agents_by_id(session: AsyncSession, ids: set[str]) -> dict[str, Agent]:
    if not ids:
        return {}
    return {row.id: row for row in await session.scalars(select(Agent).where(Agent.id.in_(sorted(ids))))}


async def waiting_before(session: AsyncSession, brand: str, due: datetime) -> int:
    """Open (unclaimed) tickets of a brand due before ``due``: the ones served first."""
    count = await session.scalar(
        select(func.count()).where(Ticket.brand == brand, Ticket.status == "open", Ticket.sla_due_at < due)
    )
    return int(count or 0)
