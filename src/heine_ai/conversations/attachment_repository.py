"""SQL for customer attachments. Callers pass plaintext; the service encrypts before it calls here."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from heine_ai.db.models import Attachment


async def of_source(session: AsyncSession, conversation_id: str, source: str) -> list[Attachment]:
    rows = await session.scalars(
        select(Attachment).where(Attachment.conversation_id == conversation_id, Attachment.source == source)
    )
    return list(rows)


async def of_conversation(session: AsyncSession, conversation_id: str) -> list[Attachment]:
    rows = await session.scalars(
        select(Attachment)
        .where(Attachment.conversation_id == conversation_id)
        .order_by(Attachment.created_at, Attachment.position)
    )
    return list(rows)


async def get(session: AsyncSession, attachment_id: str) -> Attachment | None:
    return await session.get(Attachment, attachment_id)


async def count_of_conversation(session: AsyncSession, conversation_id: str) -> int:
    count = await session.scalar(select(func.count()).where(Attachment.conversation_id == conversation_id))
    return int(count or 0)
