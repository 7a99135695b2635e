"""The agent's actions on a conversation: claim, assign, reply, note, resolve, hand back.

Every action runs under the conversation's lock (the key the pipeline takes) in one transaction: the ticket
moves by a conditional UPDATE (exactly one of two agents wins), the conversation's status follows, the milestone
or reply is stored and the audit trail written. Notifications go out after the commit; an agent's reply is then
delivered through the channel's outbox once (a crash after the commit never sends it twice).
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from heine_ai.config import BrandConfig
from heine_ai.conversation_status import ConversationStatus
from heine_ai.conversations.events import ConversationEvents
from heine_ai.conversations.service import ConversationService, NewMessage, StoredMessage
from heine_ai.db.models import Conversation, Ticket, TicketEvent, utcnow
from heine_ai.errors import (
    ConversationNotFound,
    ConversationNotHeld,
    EmptyMessage,
    InvalidAssignee,
    MessageTooLong,
    TicketAlreadyClaimed,
    TicketNotActive,
)
from heine_ai.handoff import repository
from heine_ai.handoff.delivery import Delivery
from heine_ai.handoff.schemas import Actor, AgentReply, AuditEntry
from heine_ai.handoff.state import Action, Resolution, TicketStatus
from heine_ai.intents import Milestone
from heine_ai.observability.logging import get_logger
from heine_ai.observability.metrics import Metrics
from heine_ai.providers.locks import LockStore
from heine_ai.security.crypto import Cipher

log = get_logger(__name__)
OPEN, CLAIMED, RESOLVED = TicketStatus.OPEN.value, TicketStatus.CLAIMED.value, TicketStatus.RESOLVED.value


@dataclass(slots=True)
class _Work:
    session: AsyncSession
    conversation: Conversation
    ticket: Ticket
    stored: list[StoredMessage] = field(default_factory=list)


class HandoffService:
    def __init__(
        self,
        *,
        sessions: async_sessionmaker[AsyncSession],
        conversations: ConversationService,
        events: ConversationEvents,
        locks: LockStore,
        brands: dict[str, BrandConfig],
        cipher: Cipher,
        metrics: Metrics,
        delivery: Delivery,
        max_message_length: int,
    ) -> None:
        self._sessions = sessions
        self._conversations = conversations
        self._events = events
        self._locks = locks
        self._brands = brands
        self._cipher = cipher
        self._metrics = metrics
        self._delivery = delivery
        self._max_length = max_message_length

    @contextlib.asynccontextmanager
    async def _work(self, actor: Actor, conversation_id: str) -> AsyncIterator[_Work]:
        """Lock, load what the actor may see, run the action in one transaction, then notify."""
        async with self._locks.lock(f"conversation:{conversation_id}"):
            async with self._sessions() as session, session.begin():
                conversation = await visible_conversation(session, actor, conversation_id)
                ticket = await repository.active_ticket(session, conversation.id)
                if ticket is None:
                    raise TicketNotActive(
                        "This conversation has no open ticket (resolved, handed back or never escalated)."
                    )
                work = _Work(session, conversation, ticket)
                yield work
                status = conversation.status
            for message in work.stored:
                await self._events.message_stored(
                    conversation.id, conversation.brand, message.seq, message.role, status
                )
            if not work.stored:
                await self._events.status_changed(conversation.id, conversation.brand, status)

    async def claim(self, actor: Actor, conversation_id: str) -> str:
        async with self._work(actor, conversation_id) as work:
            values = {"status": CLAIMED, "assignee_id": actor.id, "claimed_at": utcnow()}
            if not await repository.transition(work.session, work.ticket.id, [OPEN], values):
                raise TicketAlreadyClaimed("Another agent has already claimed this conversation.")
            self._audit(work, actor, Action.CLAIMED, OPEN, CLAIMED)
            await self._take_over(work, actor.display_name)
        log.info("ticket_claimed", ticket_id=work.ticket.id, agent_id=actor.id)
        return work.ticket.id

    async def assign(self, actor: Actor, conversation_id: str, agent_id: str) -> str:
        async with self._work(actor, conversation_id) as work:
            ticket = work.ticket
            target = await repository.get_agent(work.session, agent_id)
            if target is None or not target.active or (target.role != "admin" and ticket.brand not in target.brands):
                raise InvalidAssignee("This colleague does not exist, is deactivated or does not serve this brand.")
            if ticket.status == CLAIMED and ticket.assignee_id != actor.id and not actor.is_admin:
                raise ConversationNotHeld("Only the agent holding this conversation (or an admin) may reassign it.")
            before = ticket.status
            values = {"status": CLAIMED, "assignee_id": target.id, "claimed_at": ticket.claimed_at or utcnow()}
            if not await repository.transition(work.session, ticket.id, [before], values):
                raise TicketAlreadyClaimed("The ticket changed meanwhile; reload and try again.")
            self._audit(work, actor, Action.ASSIGNED, before, CLAIMED, reason=f"assigned_to:{target.id}")
            if ticket.assignee_id != target.id:
                await self._take_over(work, target.display_name)
        log.info("ticket_assigned", ticket_id=ticket.id, agent_id=actor.id, assignee_id=agent_id)
        return ticket.id

    async def _take_over(self, work: _Work, display_name: str) -> None:
        work.conversation.status = ConversationStatus.HUMAN
        text = self._brands[work.conversation.brand].texts.agent_joined.format(agent=display_name)
        work.stored.append(await self._system(work, Milestone.AGENT_JOINED, text))

    async def reply(self, actor: Actor, conversation_id: str, text: str) -> AgentReply:
        body = self._validate(text)
        async with self._work(actor, conversation_id) as work:
            self._ensure_holder(work.ticket, actor)
            message = NewMessage(
                role="agent",
                content=body,
                intent=Milestone.AGENT_REPLY,
                author_name=actor.display_name,
                agent_id=actor.id,
            )
            stored = await self._conversations.add(work.session, work.conversation, message)
            work.stored.append(stored)
            first = await repository.mark_first_reply(work.session, work.ticket.id, utcnow())
            late = first and utcnow() > work.ticket.sla_due_at
            breached = late and await repository.mark_breached(work.session, work.ticket.id)
            self._audit(work, actor, Action.REPLIED, CLAIMED, CLAIMED)
        ticket = work.ticket
        if first:
            seconds = (stored.created_at - ticket.created_at).total_seconds()
            self._metrics.first_reply.labels(brand=ticket.brand, priority=ticket.priority).observe(seconds)
        if breached:
            self._metrics.sla_breaches.labels(brand=ticket.brand, priority=ticket.priority).inc()
        delivered = await self._delivery.deliver(work.conversation, stored, actor.display_name)
        log.info("agent_replied", conversation_id=conversation_id, agent_id=actor.id, message_length=len(body))
        return AgentReply(message=stored, delivered=delivered)

    async def note(self, actor: Actor, conversation_id: str, text: str) -> AuditEntry:
        """An internal note on the conversation's latest ticket, encrypted, never shown to the customer."""
        body = self._validate(text)
        async with self._sessions() as session, session.begin():
            conversation = await visible_conversation(session, actor, conversation_id)
            ticket = await repository.latest_ticket(session, conversation.id)
            if ticket is None:
                raise TicketNotActive("This conversation was never escalated; there is no ticket to note on.")
            event = _event(
                ticket.id, actor, Action.NOTE, ticket.status, ticket.status, None, self._cipher.encrypt(body)
            )
            session.add(event)
        log.info("ticket_note", ticket_id=ticket.id, agent_id=actor.id, note_length=len(body))
        return AuditEntry(
            ticket.id, event.action, actor.display_name, ticket.status, ticket.status, None, body, event.created_at
        )

    async def resolve(self, actor: Actor, conversation_id: str, note: str | None = None) -> str:
        return await self._finish(actor, conversation_id, Resolution.RESOLVED, note)

    async def hand_back(self, actor: Actor, conversation_id: str, note: str | None = None) -> str:
        return await self._finish(actor, conversation_id, Resolution.HANDED_BACK, note)

    async def _finish(self, actor: Actor, conversation_id: str, resolution: Resolution, note: str | None) -> str:
        body = self._validate(note) if note else None
        async with self._work(actor, conversation_id) as work:
            ticket, conversation, now = work.ticket, work.conversation, utcnow()
            if ticket.status == OPEN and not actor.is_admin:
                raise ConversationNotHeld("Claim the conversation first.")
            self._ensure_holder(ticket, actor, allow_admin=True)
            before = ticket.status
            values = {"status": RESOLVED, "resolution": resolution.value, "resolved_at": now}
            if not await repository.transition(work.session, ticket.id, [before], values):
                raise TicketNotActive("The ticket was resolved meanwhile.")
            action = Action.RESOLVED if resolution is Resolution.RESOLVED else Action.HANDED_BACK
            note_enc = self._cipher.encrypt(body) if body else None
            work.session.add(_event(ticket.id, actor, action, before, RESOLVED, resolution.value, note_enc))
            texts = self._brands[conversation.brand].texts
            if resolution is Resolution.RESOLVED:
                conversation.status, conversation.closed_at = ConversationStatus.CLOSED, now
                text, milestone = texts.agent_left.format(agent=actor.display_name), Milestone.AGENT_LEFT
            else:
                conversation.status, conversation.escalation_reason = ConversationStatus.BOT, None
                text, milestone = texts.handed_back.format(agent=actor.display_name), Milestone.HANDED_BACK
            work.stored.append(await self._system(work, milestone, text))
        if resolution is Resolution.HANDED_BACK:
            self._metrics.hand_backs.labels(brand=ticket.brand).inc()
        log.info("ticket_finished", ticket_id=ticket.id, agent_id=actor.id, resolution=resolution.value)
        return ticket.id

    def _ensure_holder(self, ticket: Ticket, actor: Actor, *, allow_admin: bool = False) -> None:
        if ticket.status == CLAIMED and ticket.assignee_id == actor.id:
            return
        if allow_admin and actor.is_admin:
            return
        raise ConversationNotHeld("You do not hold this conversation; claim it first (or ask its holder).")

    def _validate(self, text: str) -> str:
        body = text.strip()
        if not body:
            raise EmptyMessage("The message is empty.")
        if len(body) > self._max_length:
            raise MessageTooLong(
                f"The message is longer than {self._max_length} characters.", details={"max_length": self._max_length}
            )
        return body

    async def _system(self, work: _Work, milestone: Milestone, text: str) -> StoredMessage:
        return await self._conversations.add(
            work.session, work.conversation, NewMessage(role="system", content=text, intent=milestone)
        )

    def _audit(
        self, work: _Work, actor: Actor, action: Action, before: str, after: str, *, reason: str | None = None
    ) -> None:
        work.session.add(_event(work.ticket.id, actor, action, before, after, reason, None))


def _event(
    ticket_id: str,
    actor: Actor,
    action: Action,
    before: str | None,
    after: str | None,
    reason: str | None,
    note_enc: str | None,
) -> TicketEvent:
    return TicketEvent(
        ticket_id=ticket_id,
        actor_id=actor.id,
        actor=actor.display_name[:64],
        action=action.value,
        from_status=before,
        to_status=after,
        reason=reason,
        note_enc=note_enc,
        created_at=utcnow(),
    )


async def visible_conversation(session: AsyncSession, actor: Actor, conversation_id: str) -> Conversation:
    """The conversation if the actor serves its brand; another brand's id, and a conversation restricted after an
    erasure request (kept only for its legal period), read exactly like an unknown one."""
    conversation = await repository.conversation_for_update(session, conversation_id)
    if conversation is None or not actor.serves(conversation.brand) or conversation.restricted_until is not None:
        raise ConversationNotFound("No conversation with this id.")
    return conversation
