"""SQL for knowledge documents and the per-brand knowledge version."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from heine_ai.db.models import KnowledgeDocument, KnowledgeVersion, utcnow


async def documents_by_source(session: AsyncSession, brand: str) -> dict[str, KnowledgeDocument]:
    rows = await session.scalars(select(KnowledgeDocument).where(KnowledgeDocument.brand == brand))
    return {row.source: row for row in rows}


async def version(session: AsyncSession, brand: str) -> int:
    row = await session.get(KnowledgeVersion, brand)
    return row.version if row else 0


async def versions_by_brand(session: AsyncSession) -> dict[str, int]:
    rows = await session.execute(select(KnowledgeVersion.brand, KnowledgeVersion.version))
    return {brand: int(number) for brand, number in rows}


async def bump_version(session: AsyncSession, brand: str) -> int:
    row = await session.get(KnowledgeVersion, brand)
    if row is None:
        row = KnowledgeVersion(brand=brand, version=0)
        session.add(row)
    row.version += 1
    row.updated_at = utcnow()
    return row.version


async def counts_by_brand(session: AsyncSession) -> dict[str, tuple[int, int]]:
    """brand -> (documents, chunks)."""
    rows = await session.execute(
        select(KnowledgeDocument.brand, func.count(), func.sum(KnowledgeDocument.chunk_count)).group_by(
            KnowledgeDocument.brand
        )
    )
    return {brand: (int(docs), int(chunks or 0)) for brand, docs, chunks in rows}
