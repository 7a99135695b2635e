"""Opening a ticket when the assistant escalates, inside the transaction that sets ``pending_human``.

So a conversation is never waiting for a person without a ticket in the queue, and never has a ticket while
the bot still answers.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from heine_ai.config import BrandConfig
from heine_ai.conversations.service import ConversationService
from heine_ai.db.models import Conversation, Ticket, TicketEvent, utcnow
from heine_ai.handoff import repository
from heine_ai.handoff.state import Action, TicketStatus, priority_for, sla_due
from heine_ai.handoff.summary import summarise
from heine_ai.observability.logging import get_logger
from heine_ai.security.crypto import Cipher

log = get_logger(__name__)
SUMMARY_MESSAGES = 6


class TicketOpener:
    def __init__(self, brands: dict[str, BrandConfig], conversations: ConversationService, cipher: Cipher) -> None:
        self._brands = brands
        self._conversations = conversations
        self._cipher = cipher

    async def open(self, session: AsyncSession, conversation: Conversation, reason: str) -> Ticket:
        """A ticket for ``conversation`` in the caller's transaction; the active one if it already has one."""
        existing = await repository.active_ticket(session, conversation.id)
        if existing is not None:
            return existing
        config = self._brands[conversation.brand].handoff
        history = await self._conversations.history(session, conversation.id, SUMMARY_MESSAGES)
        customer = [m.content for m in history if m.role == "customer"]
        now = utcnow()
        priority = priority_for(reason, config)
        ticket = Ticket(
            conversation_id=conversation.id,
            brand=conversation.brand,
            reason=reason,
            priority=priority,
            status=TicketStatus.OPEN.value,
            sla_due_at=sla_due(now, priority, config),
            sla_breached=False,
            summary_enc=self._cipher.encrypt(summarise(reason, customer)),
            created_at=now,
        )
        session.add(ticket)
        await session.flush()
        session.add(
            TicketEvent(
                ticket_id=ticket.id,
                actor="assistant",
                action=Action.OPENED.value,
                from_status=None,
                to_status=TicketStatus.OPEN.value,
                reason=reason,
                created_at=now,
            )
        )
        log.info("ticket_opened", ticket_id=ticket.id, conversation_id=conversation.id, priority=priority)
        return ticket
