"""SQL for satisfaction ratings. The service encrypts the comment before it calls here."""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from heine_ai.db.models import Message, Rating


async def get(session: AsyncSession, conversation_id: str) -> Rating | None:
    return await session.get(Rating, conversation_id)


async def a_person_took_part(session: AsyncSession, conversation_id: str) -> bool:
    """Whether a staff member wrote in the conversation."""
    query = select(exists().where(Message.conversation_id == conversation_id, Message.role == "agent"))
    return bool(await session.scalar(query))
