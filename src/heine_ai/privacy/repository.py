"""SQL of the privacy operations: find a person's rows, delete or restrict them, find what retention expires."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import delete, exists, func, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from heine_ai.conversation_status import ConversationStatus
from heine_ai.db.models import (
    Attachment,
    Conversation,
    Customer,
    IdentityCode,
    MailRecord,
    MailThread,
    Message,
    PhoneCall,
    PrivacyEvent,
    PrivacyRequest,
    Rating,
    Ticket,
    TicketEvent,
)


async def customers_by_hash(session: AsyncSession, column: str, hashes: Collection[str]) -> list[Customer]:
    """Customers of every brand whose ``external_id_hash`` or ``email_hash`` is one of ``hashes``."""
    field = Customer.external_id_hash if column == "external_id" else Customer.email_hash
    return list(await session.scalars(select(Customer).where(field.in_(list(hashes)))))


async def customers(session: AsyncSession, ids: Collection[str]) -> list[Customer]:
    return list(await session.scalars(select(Customer).where(Customer.id.in_(list(ids))))) if ids else []


async def conversations(
    session: AsyncSession, ids: Collection[str] = (), customer_ids: Collection[str] = ()
) -> list[Conversation]:
    if not ids and not customer_ids:
        return []
    query = select(Conversation).where(
        or_(Conversation.id.in_(list(ids)), Conversation.customer_id.in_(list(customer_ids)))
    )
    return list(await session.scalars(query.order_by(Conversation.created_at)))


async def conversations_of_mail_senders(session: AsyncSession, sender_hashes: Collection[str]) -> list[str]:
    """Conversations a mail from one of these senders belongs to (the sender may have no customer row)."""
    rows = await session.scalars(
        select(MailRecord.conversation_id)
        .where(MailRecord.sender_hash.in_(list(sender_hashes)), MailRecord.conversation_id.is_not(None))
        .distinct()
    )
    return [row for row in rows if row is not None]


async def messages(session: AsyncSession, conversation_ids: Collection[str]) -> list[Message]:
    query = select(Message).where(Message.conversation_id.in_(list(conversation_ids)))
    return list(await session.scalars(query.order_by(Message.conversation_id, Message.seq)))


async def attachments(session: AsyncSession, conversation_ids: Collection[str]) -> list[Attachment]:
    query = select(Attachment).where(Attachment.conversation_id.in_(list(conversation_ids)))
    return list(await session.scalars(query.order_by(Attachment.created_at, Attachment.position)))


async def ratings(session: AsyncSession, conversation_ids: Collection[str]) -> list[Rating]:
    return list(await session.scalars(select(Rating).where(Rating.conversation_id.in_(list(conversation_ids)))))


async def phone_calls(session: AsyncSession, conversation_ids: Collection[str]) -> list[PhoneCall]:
    query = select(PhoneCall).where(PhoneCall.conversation_id.in_(list(conversation_ids)))
    return list(await session.scalars(query.order_by(PhoneCall.started_at)))


async def tickets(session: AsyncSession, conversation_ids: Collection[str]) -> list[Ticket]:
    query = select(Ticket).where(Ticket.conversation_id.in_(list(conversation_ids)))
    return list(await session.scalars(query.order_by(Ticket.created_at)))


async def ticket_events(session: AsyncSession, ticket_ids: Collection[str]) -> list[TicketEvent]:
    query = select(TicketEvent).where(TicketEvent.ticket_id.in_(list(ticket_ids)))
    return list(await session.scalars(query.order_by(TicketEvent.created_at)))


async def mail_records(
    session: AsyncSession, conversation_ids: Collection[str], sender_hashes: Collection[str] = ()
) -> list[MailRecord]:
    """The mails of these conversations, and every mail from these senders (also those never answered)."""
    query = select(MailRecord).where(
        or_(MailRecord.conversation_id.in_(list(conversation_ids)), MailRecord.sender_hash.in_(list(sender_hashes)))
    )
    return list(await session.scalars(query.order_by(MailRecord.created_at)))


async def delete_conversations(session: AsyncSession, ids: Collection[str]) -> dict[str, int]:
    """Delete the conversations and everything hanging off them, children first (no reliance on cascades)."""
    ids = list(ids)
    if not ids:
        return {}
    ticket_ids = select(Ticket.id).where(Ticket.conversation_id.in_(ids))
    counts = {
        "ticket_events": await _delete(session, delete(TicketEvent).where(TicketEvent.ticket_id.in_(ticket_ids))),
        "tickets": await _delete(session, delete(Ticket).where(Ticket.conversation_id.in_(ids))),
        "messages": await _delete(session, delete(Message).where(Message.conversation_id.in_(ids))),
        "mail_records": await _delete(session, delete(MailRecord).where(MailRecord.conversation_id.in_(ids))),
        "mail_threads": await _delete(session, delete(MailThread).where(MailThread.conversation_id.in_(ids))),
        "attachments": await _delete(session, delete(Attachment).where(Attachment.conversation_id.in_(ids))),
        "ratings": await _delete(session, delete(Rating).where(Rating.conversation_id.in_(ids))),
        "phone_calls": await _delete(session, delete(PhoneCall).where(PhoneCall.conversation_id.in_(ids))),
        "identity_codes": await _delete(session, delete(IdentityCode).where(IdentityCode.conversation_id.in_(ids))),
        "conversations": await _delete(session, delete(Conversation).where(Conversation.id.in_(ids))),
    }
    return {name: count for name, count in counts.items() if count}


async def delete_mail_records(session: AsyncSession, ids: Collection[str]) -> int:
    return await _delete(session, delete(MailRecord).where(MailRecord.id.in_(list(ids)))) if ids else 0


async def delete_orphan_customers(session: AsyncSession, ids: Collection[str] | None = None) -> int:
    """Delete customers (of ``ids``, or all) that no conversation refers to any more."""
    referred = exists().where(Conversation.customer_id == Customer.id)
    query = delete(Customer).where(~referred)
    if ids is not None:
        if not ids:
            return 0
        query = query.where(Customer.id.in_(list(ids)))
    return await _delete(session, query)


async def restrict(session: AsyncSession, conversation_id: str, until: datetime, now: datetime) -> None:
    """Hide a conversation from customers and staff until ``until``: no session token, closed, flagged."""
    await session.execute(
        update(Conversation)
        .where(Conversation.id == conversation_id)
        .values(
            restricted_until=until,
            token_hash=None,
            status=ConversationStatus.CLOSED,
            closed_at=func.coalesce(Conversation.closed_at, now),
        )
    )


async def add_event(session: AsyncSession, event: PrivacyEvent) -> None:
    session.add(event)
    await session.flush()


async def events(session: AsyncSession, limit: int) -> list[PrivacyEvent]:
    return list(await session.scalars(select(PrivacyEvent).order_by(PrivacyEvent.created_at.desc()).limit(limit)))


# --- retention ------------------------------------------------------------------------------------------------


def _has_ticket() -> Any:
    return exists().where(Ticket.conversation_id == Conversation.id)


async def expired_bot_conversations(session: AsyncSession, brand: str, before: datetime, limit: int) -> list[str]:
    """Ended conversations of ``brand`` without a ticket (the bot answered alone), idle since before ``before``."""
    rows = await session.scalars(
        select(Conversation.id)
        .where(
            Conversation.brand == brand,
            Conversation.restricted_until.is_(None),
            Conversation.status.in_([ConversationStatus.BOT, ConversationStatus.CLOSED]),
            Conversation.last_activity_at < before,
            ~_has_ticket(),
        )
        .limit(limit)
    )
    return list(rows)


async def expired_ticket_conversations(
    session: AsyncSession,
    brand: str,
    before: datetime,
    hold_reasons: Collection[str],
    hold_before: datetime,
    limit: int,
) -> list[str]:
    """Closed conversations of ``brand`` whose tickets are all resolved, idle since before ``before``; those with a
    ticket for one of ``hold_reasons`` (business correspondence) only once idle since before ``hold_before``."""
    unresolved = exists().where(Ticket.conversation_id == Conversation.id, Ticket.status != "resolved")
    held = exists().where(Ticket.conversation_id == Conversation.id, Ticket.reason.in_(list(hold_reasons)))
    rows = await session.scalars(
        select(Conversation.id)
        .where(
            Conversation.brand == brand,
            Conversation.restricted_until.is_(None),
            Conversation.status == ConversationStatus.CLOSED,
            Conversation.last_activity_at < before,
            _has_ticket(),
            ~unresolved,
            or_(~held, Conversation.last_activity_at < hold_before),
        )
        .limit(limit)
    )
    return list(rows)


async def ticket_reasons(session: AsyncSession, conversation_ids: Collection[str]) -> dict[str, list[str]]:
    if not conversation_ids:
        return {}
    rows = await session.execute(
        select(Ticket.conversation_id, Ticket.reason).where(Ticket.conversation_id.in_(list(conversation_ids)))
    )
    reasons: dict[str, list[str]] = {}
    for conversation_id, reason in rows:
        reasons.setdefault(conversation_id, []).append(reason)
    return reasons


async def expired_restrictions(session: AsyncSession, brand: str, now: datetime, limit: int) -> list[str]:
    rows = await session.scalars(
        select(Conversation.id).where(Conversation.brand == brand, Conversation.restricted_until < now).limit(limit)
    )
    return list(rows)


async def expired_loose_mail(session: AsyncSession, brand: str, before: datetime, limit: int) -> list[str]:
    """Mail records of ``brand`` with no conversation (skipped, flagged, or orphaned), older than ``before``."""
    rows = await session.scalars(
        select(MailRecord.id)
        .where(MailRecord.brand == brand, MailRecord.conversation_id.is_(None), MailRecord.created_at < before)
        .limit(limit)
    )
    return list(rows)


async def compact_sqlite(session: AsyncSession) -> None:
    """On SQLite, move the committed deletions out of the write-ahead log into the (zeroed) database file."""
    if session.get_bind().dialect.name == "sqlite":
        await session.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))


async def _delete(session: AsyncSession, statement: Any) -> int:
    result: Any = await session.execute(statement.execution_options(synchronize_session=False))
    return int(result.rowcount or 0)


async def add_request(session: AsyncSession, request: PrivacyRequest) -> None:
    session.add(request)
    await session.flush()


async def request(session: AsyncSession, request_id: str) -> PrivacyRequest | None:
    return await session.get(PrivacyRequest, request_id, with_for_update=True)


async def pending_requests(session: AsyncSession, limit: int | None) -> list[PrivacyRequest]:
    query = select(PrivacyRequest).where(PrivacyRequest.status == "pending").order_by(PrivacyRequest.created_at)
    return list(await session.scalars(query.limit(limit) if limit is not None else query))
