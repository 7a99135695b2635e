"""SQL of the e-mail channel: mail records, threads, and the few message and customer rows it links."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from heine_ai.db.models import Conversation, Customer, MailRecord, MailThread, Message, utcnow


async def record(session: AsyncSession, brand: str, message_id: str) -> MailRecord | None:
    return await session.scalar(
        select(MailRecord).where(MailRecord.brand == brand, MailRecord.message_id == message_id)
    )


async def conversation_by_ids(session: AsyncSession, brand: str, ids: Sequence[str]) -> str | None:
    """The conversation of the nearest known mail among ``ids`` (ordered nearest first)."""
    if not ids:
        return None
    rows = await session.execute(
        select(MailRecord.message_id, MailRecord.conversation_id).where(
            MailRecord.brand == brand, MailRecord.message_id.in_(list(ids)), MailRecord.conversation_id.is_not(None)
        )
    )
    found = {row.message_id: row.conversation_id for row in rows}
    return next((found[i] for i in ids if i in found), None)


async def conversation_by_subject(
    session: AsyncSession, brand: str, sender_hashes: Sequence[str], subject_hashes: Sequence[str], since: datetime
) -> str | None:
    """The conversation of the same sender's latest mail with the same subject since ``since`` (hashes: the
    values under each lookup key)."""
    return await session.scalar(
        select(MailRecord.conversation_id)
        .where(
            MailRecord.brand == brand,
            MailRecord.direction == "in",
            MailRecord.sender_hash.in_(list(sender_hashes)),
            MailRecord.subject_hash.in_(list(subject_hashes)),
            MailRecord.conversation_id.is_not(None),
            MailRecord.created_at >= since,
        )
        .order_by(MailRecord.created_at.desc())
        .limit(1)
    )


async def thread_token(session: AsyncSession, conversation_id: str) -> str | None:
    return await session.scalar(select(MailThread.token_enc).where(MailThread.conversation_id == conversation_id))


async def customer_by_email(session: AsyncSession, brand: str, email_hashes: Sequence[str]) -> Customer | None:
    return await session.scalar(
        select(Customer).where(Customer.brand == brand, Customer.email_hash.in_(list(email_hashes))).limit(1)
    )


async def customer_message(session: AsyncSession, conversation_id: str, channel_message_id: str) -> Message | None:
    return await session.scalar(
        select(Message).where(
            Message.conversation_id == conversation_id,
            Message.role == "customer",
            Message.channel_message_id == channel_message_id,
        )
    )


async def reply_after(session: AsyncSession, conversation_id: str, seq: int) -> Message | None:
    """The bot's answer to the customer message ``seq``: its first assistant or system message after it."""
    return await session.scalar(
        select(Message)
        .where(
            Message.conversation_id == conversation_id,
            Message.seq > seq,
            Message.role.in_(("assistant", "system")),
        )
        .order_by(Message.seq)
        .limit(1)
    )


async def reply_language(session: AsyncSession, conversation_id: str) -> str | None:
    """The language of the bot's latest reply in a conversation (None before the bot replied)."""
    return await session.scalar(
        select(Message.language)
        .where(Message.conversation_id == conversation_id, Message.language.is_not(None))
        .order_by(Message.seq.desc())
        .limit(1)
    )


async def message(session: AsyncSession, message_id: str) -> Message | None:
    return await session.get(Message, message_id)


async def set_channel_message_id(session: AsyncSession, message_id: str, channel_message_id: str) -> None:
    await session.execute(update(Message).where(Message.id == message_id).values(channel_message_id=channel_message_id))


async def last_inbound(session: AsyncSession, conversation_id: str) -> MailRecord | None:
    """The customer's latest mail in a conversation, which a staff reply answers."""
    return await session.scalar(
        select(MailRecord)
        .where(MailRecord.conversation_id == conversation_id, MailRecord.direction == "in")
        .order_by(MailRecord.created_at.desc())
        .limit(1)
    )


async def inbound_mails(session: AsyncSession, conversation_id: str) -> list[MailRecord]:
    """The customer's mails in a conversation, oldest first."""
    rows = await session.scalars(
        select(MailRecord)
        .where(MailRecord.conversation_id == conversation_id, MailRecord.direction == "in")
        .order_by(MailRecord.created_at)
    )
    return list(rows)


async def conversation_customer(session: AsyncSession, conversation_id: str) -> Customer | None:
    return await session.scalar(
        select(Customer)
        .join(Conversation, Conversation.customer_id == Customer.id)
        .where(Conversation.id == conversation_id)
    )


async def counts_by_state(session: AsyncSession, brand: str) -> dict[str, int]:
    rows = await session.execute(
        select(MailRecord.state, func.count())
        .where(MailRecord.brand == brand, MailRecord.direction == "in")
        .group_by(MailRecord.state)
    )
    return {state: int(count) for state, count in rows}


async def outgoing_ids(session: AsyncSession, brand: str, state: str, limit: int) -> list[str]:
    """The ids of the brand's outgoing mails in ``state``, oldest first."""
    rows = await session.scalars(
        select(MailRecord.id)
        .where(MailRecord.brand == brand, MailRecord.direction == "out", MailRecord.state == state)
        .order_by(MailRecord.created_at)
        .limit(limit)
    )
    return list(rows)


async def claim_outgoing(session: AsyncSession, record_id: str) -> MailRecord | None:
    """Move a queued outgoing mail to ``sending`` and return it; None when another sender claimed it first (the
    conditional update is the claim: it changes one row at most once)."""
    claimed: Any = await session.execute(
        update(MailRecord)
        .where(MailRecord.id == record_id, MailRecord.state == "queued")
        .values(state="sending", updated_at=utcnow())
    )
    if int(claimed.rowcount or 0) != 1:
        return None
    return await session.get(MailRecord, record_id, populate_existing=True)


async def move_outgoing(
    session: AsyncSession, brand: str, message_id: str, from_state: str, to_state: str, *, clear: bool = False
) -> bool:
    """Move an outgoing mail from one state to another, if it is in ``from_state``; whether it was."""
    values: dict[str, object] = {"state": to_state, "updated_at": utcnow()}
    if clear:
        values["content_enc"] = None
    moved: Any = await session.execute(
        update(MailRecord)
        .where(MailRecord.brand == brand, MailRecord.message_id == message_id, MailRecord.state == from_state)
        .values(**values)
    )
    return int(moved.rowcount or 0) == 1


async def outgoing_counts(session: AsyncSession, brand: str, states: Sequence[str]) -> dict[str, int]:
    rows = await session.execute(
        select(MailRecord.state, func.count())
        .where(MailRecord.brand == brand, MailRecord.direction == "out", MailRecord.state.in_(list(states)))
        .group_by(MailRecord.state)
    )
    return {state: int(count) for state, count in rows}
