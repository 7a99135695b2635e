"""What a customer waiting for a person is told: whether the service team works now, and how long it may take.

The expected wait is the SLA's promise for the conversation's ticket: the minutes until it is due (tickets are
served in due order; the queue's open tickets due earlier are counted too). Without a ticket the brand's SLA for
a normal priority counts. Outside the service hours or beyond ``long_wait_minutes`` the widget offers to continue
by e-mail.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from heine_ai.config import BrandConfig
from heine_ai.handoff import repository


@dataclass(frozen=True, slots=True)
class WaitEstimate:
    open_now: bool
    wait_minutes: int
    waiting_before: int  # open tickets of the brand served before this one
    long_wait: bool
    overdue: bool  # the ticket's due time has passed: no number of minutes is promised


async def estimate(
    sessions: async_sessionmaker[AsyncSession], brand: BrandConfig, conversation_id: str, now: datetime | None = None
) -> WaitEstimate:
    now = now or datetime.now(UTC)
    settings = brand.handoff
    async with sessions() as session:
        ticket = await repository.active_ticket(session, conversation_id)
        if ticket is None:
            minutes, before = settings.sla_minutes["normal"], 0
        else:
            due = ticket.sla_due_at if ticket.sla_due_at.tzinfo else ticket.sla_due_at.replace(tzinfo=UTC)
            minutes = math.ceil((due - now).total_seconds() / 60)
            before = await repository.waiting_before(session, brand.id, ticket.sla_due_at)
    open_now = settings.is_open(now)
    long_wait = not open_now or minutes <= 0 or minutes > settings.long_wait_minutes  # closed, late or long
    # "up to" stays true when rounded up, and never reads "up to 1 minutes"
    shown = max(minutes, 2) if minutes > 0 else 0
    return WaitEstimate(open_now, shown, before, long_wait=long_wait, overdue=minutes <= 0)
