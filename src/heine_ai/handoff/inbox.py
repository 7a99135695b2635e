"""What agents read: the queue, one conversation with its ticket and audit trail, and the hand-off figures.

Also the SLA sweep (a ticket past its due time without a human reply counts once as a breach) and the gauge of
unresolved tickets by brand and priority.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from heine_ai.conversations.service import ConversationService
from heine_ai.db.models import Agent, Conversation, Ticket, TicketEvent, utcnow
from heine_ai.handoff import repository
from heine_ai.handoff.schemas import Actor, AuditEntry, ConversationView, TicketView
from heine_ai.handoff.service import visible_conversation
from heine_ai.handoff.state import ACTIVE_TICKET_STATUSES, PRIORITY_ORDER, Action
from heine_ai.observability.logging import get_logger
from heine_ai.observability.metrics import Metrics
from heine_ai.security.crypto import Cipher

log = get_logger(__name__)
PRIORITIES = ("high", "normal", "low")


@dataclass(frozen=True, slots=True)
class QueueFilter:
    brand: str | None = None
    statuses: tuple[str, ...] = ACTIVE_TICKET_STATUSES
    priority: str | None = None
    overdue: bool = False


@dataclass(frozen=True, slots=True)
class HandoffStats:
    open_tickets: dict[str, int]  # by priority, unresolved
    sla_breaches: int  # tickets of the last 24 hours that breached their SLA
    hand_backs: int  # of the last 24 hours
    average_first_reply_seconds: float | None  # of the last 24 hours


class Inbox:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        conversations: ConversationService,
        cipher: Cipher,
        metrics: Metrics,
        brands: Sequence[str],
    ) -> None:
        self._sessions = sessions
        self._conversations = conversations
        self._cipher = cipher
        self._metrics = metrics
        self._brands = tuple(brands)

    async def queue(self, actor: Actor, wanted: QueueFilter) -> list[TicketView]:
        brands = [b for b in actor.brands if wanted.brand in (None, b)]
        if not brands:
            return []
        async with self._sessions() as session:
            overdue_at = utcnow() if wanted.overdue else None
            tickets = await repository.queue(session, brands, wanted.statuses, wanted.priority, overdue_at)
            conversations = await repository.conversations_by_id(session, {t.conversation_id for t in tickets})
            agents = await repository.agents_by_id(session, {t.assignee_id for t in tickets if t.assignee_id})
        views = [self._build(t, conversations.get(t.conversation_id), agents.get(t.assignee_id or "")) for t in tickets]
        views.sort(key=lambda v: (v.status != "open", PRIORITY_ORDER.get(v.priority, 1), v.sla_due_at))
        return views

    async def conversation(self, actor: Actor, conversation_id: str) -> ConversationView:
        async with self._sessions() as session:
            conversation = await visible_conversation(session, actor, conversation_id)
            ticket = await repository.latest_ticket(session, conversation.id)
            ticket_view = await self._view(session, ticket, conversation) if ticket else None
            messages = await self._conversations.history(session, conversation.id)
            tickets = await repository.tickets_of(session, conversation.id)
            audit = [self._entry(event) for event in await repository.events(session, [t.id for t in tickets])]
        return ConversationView(
            conversation_id=conversation.id,
            brand=conversation.brand,
            channel=conversation.channel,
            status=conversation.status,
            escalation_reason=conversation.escalation_reason or (ticket.reason if ticket else None),
            ticket=ticket_view,
            messages=messages,
            audit=audit,
        )

    async def ticket(self, actor: Actor, conversation_id: str) -> TicketView:
        async with self._sessions() as session:
            conversation = await visible_conversation(session, actor, conversation_id)
            ticket = await repository.latest_ticket(session, conversation.id)
            assert ticket is not None  # called after an action on the ticket
            return await self._view(session, ticket, conversation)

    async def _view(
        self, session: AsyncSession, ticket: Ticket, conversation: Conversation | None = None
    ) -> TicketView:
        conversation = conversation or await repository.conversation_for_update(session, ticket.conversation_id)
        assignee = await repository.get_agent(session, ticket.assignee_id) if ticket.assignee_id else None
        return self._build(ticket, conversation, assignee)

    def _build(self, ticket: Ticket, conversation: Conversation | None, assignee: Agent | None) -> TicketView:
        now = utcnow()
        return TicketView(
            id=ticket.id,
            conversation_id=ticket.conversation_id,
            brand=ticket.brand,
            channel=conversation.channel if conversation else "",
            conversation_status=conversation.status if conversation else "",
            reason=ticket.reason,
            priority=ticket.priority,
            status=ticket.status,
            summary=self._cipher.decrypt(ticket.summary_enc),
            assignee_id=ticket.assignee_id,
            assignee_name=assignee.display_name if assignee else None,
            sla_due_at=ticket.sla_due_at,
            overdue=ticket.status != "resolved" and ticket.first_reply_at is None and ticket.sla_due_at < now,
            sla_breached=ticket.sla_breached,
            resolution=ticket.resolution,
            created_at=ticket.created_at,
            claimed_at=ticket.claimed_at,
            first_reply_at=ticket.first_reply_at,
            resolved_at=ticket.resolved_at,
        )

    def _entry(self, event: TicketEvent) -> AuditEntry:
        return AuditEntry(
            ticket_id=event.ticket_id,
            action=event.action,
            actor=event.actor,
            from_status=event.from_status,
            to_status=event.to_status,
            reason=event.reason,
            note=self._cipher.decrypt(event.note_enc) if event.note_enc else None,
            created_at=event.created_at,
        )

    async def sla_sweep(self) -> int:
        """Count every ticket that passed its SLA without a human reply as a breach, once; audit it."""
        breached = 0
        async with self._sessions() as session, session.begin():
            for ticket in await repository.overdue_unbreached(session, utcnow()):
                if await repository.mark_breached(session, ticket.id):
                    session.add(_breach_event(ticket))
                    self._metrics.sla_breaches.labels(brand=ticket.brand, priority=ticket.priority).inc()
                    breached += 1
        if breached:
            log.info("sla_breached", count=breached)
        return breached

    async def refresh_gauge(self) -> dict[tuple[str, str], int]:
        async with self._sessions() as session:
            counts = await repository.active_counts(session)
        for brand in self._brands:
            for priority in PRIORITIES:
                self._metrics.open_tickets.labels(brand=brand, priority=priority).set(counts.get((brand, priority), 0))
        return counts

    async def stats(self) -> HandoffStats:
        counts = await self.refresh_gauge()
        async with self._sessions() as session:
            recent = await repository.tickets_since(session, utcnow() - timedelta(days=1))
        by_priority = {p: sum(n for (_, prio), n in counts.items() if prio == p) for p in PRIORITIES}
        waits = [(t.first_reply_at - t.created_at).total_seconds() for t in recent if t.first_reply_at is not None]
        return HandoffStats(
            open_tickets=by_priority,
            sla_breaches=sum(1 for t in recent if t.sla_breached),
            hand_backs=sum(1 for t in recent if t.resolution == "handed_back"),
            average_first_reply_seconds=round(sum(waits) / len(waits), 1) if waits else None,
        )


def _breach_event(ticket: Ticket) -> TicketEvent:
    return TicketEvent(
        ticket_id=ticket.id,
        actor="system",
        action=Action.SLA_BREACHED.value,
        from_status=ticket.status,
        to_status=ticket.status,
        reason=f"sla_due:{ticket.sla_due_at.isoformat()}",
        created_at=utcnow(),
    )
