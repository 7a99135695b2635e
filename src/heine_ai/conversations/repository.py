"""SQL for conversations, messages and customers. Callers pass plaintext; this module stores ciphertext."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, and_, bindparam, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from heine_ai.conversation_status import ACTIVE_STATES, ConversationStatus
from heine_ai.db.models import Conversation, Customer, IdentityCode, Message


async def get_conversation(session: AsyncSession, conversation_id: str) -> Conversation | None:
    return await session.get(Conversation, conversation_id)


_MESSAGES = cast(Table, Message.__table__)
_CONVERSATIONS = cast(Table, Conversation.__table__)
# One compiled statement for every message: the next ``seq`` is computed inside it. Core, not the ORM: this runs
# twice per customer message, and the ORM's insert path costs more than the database's work.
_INSERT_MESSAGE = (
    _MESSAGES.insert()
    .values(
        seq=select(func.coalesce(func.max(_MESSAGES.c.seq), 0) + 1)
        .where(_MESSAGES.c.conversation_id == bindparam("of_conversation"))
        .scalar_subquery()
    )
    .returning(_MESSAGES.c.seq)
)
_TOUCH_CONVERSATION = (
    _CONVERSATIONS.update()
    .where(_CONVERSATIONS.c.id == bindparam("of_conversation"))
    .values(last_activity_at=bindparam("when"))
    .returning(_CONVERSATIONS.c.status)
)


async def insert_message(session: AsyncSession, values: dict[str, Any]) -> int:
    """Insert a message row as its conversation's next (``seq`` = highest + 1) and return its ``seq``."""
    result = await session.execute(_INSERT_MESSAGE, values | {"of_conversation": values["conversation_id"]})
    return int(result.scalar_one())


async def touch_conversation(session: AsyncSession, conversation_id: str, when: datetime) -> str:
    """Set the conversation's last activity; returns its status as this statement saw it."""
    result = await session.execute(_TOUCH_CONVERSATION, {"of_conversation": conversation_id, "when": when})
    return str(result.scalar_one())


async def messages(session: AsyncSession, conversation_id: str, limit: int | None = None) -> list[Message]:
    query = select(Message).where(Message.conversation_id == conversation_id).order_by(Message.seq.desc())
    if limit is not None:
        query = query.limit(limit)
    rows = list(await session.scalars(query))
    rows.reverse()
    return rows


async def messages_after(session: AsyncSession, conversation_id: str, after_seq: int, limit: int) -> list[Message]:
    """The messages with ``seq`` above ``after_seq``, oldest first: what a subscriber has not delivered yet."""
    query = (
        select(Message)
        .where(Message.conversation_id == conversation_id, Message.seq > after_seq)
        .order_by(Message.seq)
        .limit(limit)
    )
    return list(await session.scalars(query))


async def message_by_channel_id(
    session: AsyncSession, conversation_id: str, role: str, channel_message_id: str
) -> Message | None:
    return await session.scalar(
        select(Message).where(
            Message.conversation_id == conversation_id,
            Message.role == role,
            Message.channel_message_id == channel_message_id,
        )
    )


async def answered_after(session: AsyncSession, conversation_id: str, seq: int) -> bool:
    """Whether anything but the customer's own messages was stored after ``seq`` (the reply to it, or a person's)."""
    found = await session.scalar(
        select(Message.id)
        .where(Message.conversation_id == conversation_id, Message.seq > seq, Message.role != "customer")
        .limit(1)
    )
    return found is not None


async def customer_by_external_hash(session: AsyncSession, brand: str, hashes: Sequence[str]) -> Customer | None:
    """The customer whose hash is one of ``hashes`` (the value under each lookup key: a rotation is under way)."""
    return await session.scalar(
        select(Customer).where(Customer.brand == brand, Customer.external_id_hash.in_(list(hashes))).limit(1)
    )


async def expire_inactive(session: AsyncSession, before: dict[str, datetime], default: datetime, now: datetime) -> int:
    """Close bot conversations idle since ``before[channel]`` (else ``default``); conversations waiting for or held
    by a person stay open."""
    idle = or_(
        *(
            and_(Conversation.channel == channel, Conversation.last_activity_at < cut)
            for channel, cut in before.items()
        ),
        and_(Conversation.channel.not_in(list(before)), Conversation.last_activity_at < default),
    )
    result: Any = await session.execute(
        update(Conversation)
        .where(Conversation.status == ConversationStatus.BOT, idle)
        .values(status=ConversationStatus.CLOSED, closed_at=now)
    )
    return int(result.rowcount or 0)


async def active_counts(session: AsyncSession) -> dict[str, int]:
    rows = await session.execute(
        select(Conversation.brand, func.count())
        .where(Conversation.status.in_(ACTIVE_STATES))
        .group_by(Conversation.brand)
    )
    return {brand: int(count) for brand, count in rows}


async def identity_codes(session: AsyncSession, conversation_id: str) -> list[IdentityCode]:
    """The conversation's one-time codes, newest first."""
    query = (
        select(IdentityCode)
        .where(IdentityCode.conversation_id == conversation_id)
        .order_by(IdentityCode.created_at.desc())
    )
    return list(await session.scalars(query))
