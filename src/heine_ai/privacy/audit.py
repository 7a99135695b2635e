"""Every privacy action is recorded: who, what, when and the counts; never whom (no personal data, no hash)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from heine_ai.db.models import PrivacyEvent
from heine_ai.observability.logging import get_logger
from heine_ai.privacy import repository

log = get_logger(__name__)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    action: str
    actor: str
    subject_kind: str | None
    counts: dict[str, Any]
    created_at: datetime


async def record(
    session: AsyncSession, action: str, actor: str, subject_kind: str | None, counts: dict[str, Any]
) -> None:
    await repository.add_event(
        session, PrivacyEvent(action=action, actor=actor, subject_kind=subject_kind, counts=counts)
    )
    log.info("privacy_" + action, actor=actor, subject_kind=subject_kind, **counts)


async def entries(session: AsyncSession, limit: int = 100) -> list[AuditEntry]:
    return [
        AuditEntry(e.action, e.actor, e.subject_kind, dict(e.counts or {}), e.created_at)
        for e in await repository.events(session, limit)
    ]
