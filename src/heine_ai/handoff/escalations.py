"""The hand-off's side of an escalation: the conversation waits for a person, and its ticket is opened.

The assistant decides that a conversation escalates and calls ``escalate`` (its ``Escalations`` Protocol) in the
transaction that stores its reply; the state and the ticket change together, so a conversation is never waiting
for a person without a ticket in the queue, and never has a ticket while the bot still answers.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from heine_ai.config import BrandConfig
from heine_ai.conversation_status import ConversationStatus
from heine_ai.conversations.service import ConversationService
from heine_ai.db.models import Conversation, Ticket, TicketEvent, utcnow
from heine_ai.handoff import repository
from heine_ai.handoff.state import Action, TicketStatus, priority_for, sla_due
from heine_ai.handoff.summary import summarise
from heine_ai.messages import EscalationReason
from heine_ai.observability.logging import get_logger
from heine_ai.security.crypto import Cipher

log = get_logger(__name__)
SUMMARY_MESSAGES = 6


class HandoffEscalations:
    def __init__(self, brands: dict[str, BrandConfig], conversations: ConversationService, cipher: Cipher) -> None:
        self._brands = brands
        self._conversations = conversations
        self._cipher = cipher

    async def escalate(self, session: AsyncSession, conversation: Conversation, reason: EscalationReason) -> None:
        """Hand a conversation the bot still answers to the staff, in the caller's transaction; once only."""
        if conversation.status != ConversationStatus.BOT:
            return
        conversation.status = ConversationStatus.PENDING_HUMAN
        conversation.escalation_reason = reason.value
        await self.open_ticket(session, conversation, reason)

    async def open_ticket(self, session: AsyncSession, conversation: Conversation, reason: EscalationReason) -> Ticket:
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
            reason=reason.value,
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
                reason=reason.value,
                created_at=now,
            )
        )
        log.info("ticket_opened", ticket_id=ticket.id, conversation_id=conversation.id, priority=priority)
        return ticket
