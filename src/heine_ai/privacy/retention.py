"""The retention job: deletes, per brand, what is past its retention period (``config/retention.py``).

- ``bot_conversation``: ended conversations without a ticket, ``bot_conversation_days`` after their last message
- ``closed_ticket``: closed conversations whose tickets are all resolved, ``closed_ticket_days`` after their last
  activity, unless they are business correspondence (``legal_hold``: kept until the end of the legal period)
- ``restricted``: conversations restricted after an erasure request, once ``restricted_until`` has passed
- ``mail_record``: mails without a conversation (skipped, flagged), ``mail_record_days`` after they arrived
- ``customer``: customer rows no conversation refers to any more

It runs in batches, each in its own transaction, so it never holds the database for long; the lifespan runs it
every ``RETENTION_INTERVAL`` seconds, ``heine-ai privacy retention`` once.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from heine_ai.config import BrandConfig
from heine_ai.db.models import utcnow
from heine_ai.observability.metrics import Metrics
from heine_ai.privacy import audit, repository

BATCH = 500


class RetentionJob:
    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], brands: dict[str, BrandConfig], metrics: Metrics
    ) -> None:
        self._sessions = sessions
        self._brands = brands
        self._metrics = metrics

    async def run(self, now: datetime | None = None) -> Counter[tuple[str, str]]:
        """Delete what has expired; returns the conversations (and other rows) deleted per (brand, type)."""
        now = now or utcnow()
        deleted: Counter[tuple[str, str]] = Counter()
        for brand in self._brands.values():
            for kind in ("bot_conversation", "closed_ticket", "restricted", "mail_record"):
                while (count := await self._batch(brand, kind, now)) > 0:
                    deleted[(brand.id, kind)] += count
                    if count < BATCH:
                        break
        async with self._sessions() as session, session.begin():
            customers = await repository.delete_orphan_customers(session)
            if customers:
                deleted[("*", "customer")] += customers
            if deleted:
                counts = {f"{brand}:{kind}": count for (brand, kind), count in sorted(deleted.items())}
                await audit.record(session, "retention", "retention", None, counts)
        for (brand_id, kind), count in deleted.items():
            self._metrics.retention_deleted.labels(brand=brand_id, type=kind).inc(count)
        if deleted:
            async with self._sessions() as session:
                await repository.compact_sqlite(session)
        return deleted

    async def _batch(self, brand: BrandConfig, kind: str, now: datetime) -> int:
        policy = brand.retention
        async with self._sessions() as session, session.begin():
            if kind == "bot_conversation":
                before = now - timedelta(days=policy.bot_conversation_days)
                ids = await repository.expired_bot_conversations(session, brand.id, before, BATCH)
            elif kind == "closed_ticket":
                before = now - timedelta(days=policy.closed_ticket_days)
                hold = [reason.value for reason in policy.legal_hold_reasons]
                cutoff = policy.legal_hold_cutoff(now)
                ids = await repository.expired_ticket_conversations(session, brand.id, before, hold, cutoff, BATCH)
            elif kind == "restricted":
                ids = await repository.expired_restrictions(session, brand.id, now, BATCH)
            else:
                before = now - timedelta(days=policy.mail_record_days)
                mails = await repository.expired_loose_mail(session, brand.id, before, BATCH)
                return await repository.delete_mail_records(session, mails)
            await repository.delete_conversations(session, ids)
            return len(ids)
