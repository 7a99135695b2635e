"""The conversation's record of a turn: the customer's message in, the bot's reply out, each announced.

The customer's message is committed in its own transaction before anything else happens, so a later failure
never loses it. The reply is stored in a second one, which also hands the conversation to the staff when the
reply escalates (``Escalations``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from heine_ai.assistant.drafts import Draft
from heine_ai.assistant.escalations import Escalations
from heine_ai.config import BrandConfig
from heine_ai.conversations.events import ConversationEvents
from heine_ai.conversations.service import ConversationService, NewMessage, StoredMessage
from heine_ai.db.models import Conversation
from heine_ai.languages import Language
from heine_ai.messages import EscalationReason, InboundMessage

HISTORY_TURNS = 14  # messages: an action procedure (identity, item, size, confirmation) spans up to 12


@dataclass(frozen=True, slots=True)
class Received:
    """The customer's message is stored: its conversation, the conversation's status then and its history."""

    conversation_id: str
    token: str | None  # the session token of a conversation this message opened
    status: str
    history: list[StoredMessage]  # the messages before this one, at most ``HISTORY_TURNS``
    # the message was stored before (a channel's retry with the same id) and has been answered since
    answered_before: bool = False
    customer: str | None = None  # the shop's verified customer id of the conversation (``security/user_hash.py``)


class ConversationRecords:
    def __init__(
        self, conversations: ConversationService, events: ConversationEvents, escalations: Escalations
    ) -> None:
        self._conversations = conversations
        self._events = events
        self._escalations = escalations

    async def receive(self, message: InboundMessage, brand: BrandConfig, text: str) -> Received:
        """Open or load the conversation and store the customer's message, committed before anything else."""
        async with self._conversations.sessions() as session, session.begin():
            conversation, token, history = await self._open_or_load(session, message, brand)
            customer = await self._conversations.verified_customer(session, conversation)
            channel_id = message.metadata.get("channel_message_id")  # the e-mail's Message-ID, the chat's client id
            inbound = NewMessage(role="customer", content=text, channel_message_id=channel_id)
            stored, new = await self._conversations.add_once(session, conversation, inbound)
            status = conversation.status
            answered = not new and await self._conversations.answered_after(session, conversation.id, stored.seq)
        await self._events.message_stored(conversation.id, brand.id, stored.seq, stored.role, status)
        earlier = [m for m in history if m.id != stored.id]
        return Received(conversation.id, token, status, earlier, answered, customer)

    async def _open_or_load(
        self, session: AsyncSession, message: InboundMessage, brand: BrandConfig
    ) -> tuple[Conversation, str | None, list[StoredMessage]]:
        if message.thread_key:
            conversation = await self._conversations.for_customer(session, message.thread_key, message.session_token)
            if message.verified_customer:
                await self._conversations.verify_customer(session, conversation, message.verified_customer)
            return conversation, None, await self._conversations.history(session, conversation.id, HISTORY_TURNS)
        customer_ref = message.verified_customer or message.metadata.get("customer_id")
        conversation, token = await self._conversations.open(
            session,
            brand.id,
            message.channel,
            str(customer_ref) if customer_ref else None,
            verified=message.verified_customer is not None,
        )
        return conversation, token, []

    async def hand_over(self, conversation_id: str, brand: BrandConfig, reason: EscalationReason) -> None:
        """Hand the conversation to the staff without a reply of the bot (a no-op if a person holds it)."""
        async with self._conversations.sessions() as session, session.begin():
            conversation = await self._conversations.get(session, conversation_id)
            await self._escalations.escalate(session, conversation, reason)
            status = conversation.status
        await self._events.status_changed(conversation_id, brand.id, status)

    async def reply(
        self, conversation_id: str, brand: BrandConfig, draft: Draft, language: Language, elapsed: float
    ) -> StoredMessage:
        """Store the bot's reply (in ``language``); an escalating one hands the conversation over in the same
        transaction."""
        outgoing = _to_new_message(draft, language, elapsed)
        async with self._conversations.sessions() as session, session.begin():
            if draft.escalation is None:  # nothing changes but the messages: no need to load the conversation
                stored, status = await self._conversations.append(session, conversation_id, outgoing)
            else:
                conversation = await self._conversations.get(session, conversation_id)
                await self._escalations.escalate(session, conversation, draft.escalation)
                stored = await self._conversations.add(session, conversation, outgoing)
                status = conversation.status
        await self._events.message_stored(conversation_id, brand.id, stored.seq, stored.role, status)
        return stored


def _to_new_message(draft: Draft, language: Language, elapsed: float) -> NewMessage:
    return NewMessage(
        role=draft.role,
        content=draft.text,
        sources=[{"title": s.title, "url": s.url, "relevance": s.relevance} for s in draft.sources],
        confidence=draft.confidence,
        escalation=draft.escalation is not None,
        escalation_reason=draft.escalation.value if draft.escalation else None,
        intent=draft.intent,
        language=language,
        latency_ms=round(elapsed * 1000, 2),
    )
