"""Conversations and their messages: opening, access by session token, history, expiry."""

from __future__ import annotations

import hmac
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm.attributes import set_committed_value

from heine_ai.conversation_status import ConversationStatus
from heine_ai.conversations import repository
from heine_ai.db.models import Conversation, Customer, Message, new_id, utcnow
from heine_ai.errors import Forbidden, HistoryExpired, SessionExpired, SessionNotFound, Unauthorized
from heine_ai.security.crypto import Cipher, hash_token, new_token


@dataclass(frozen=True, slots=True)
class StoredMessage:
    id: str
    seq: int
    role: str
    content: str
    created_at: datetime
    sources: list[dict[str, Any]] = field(default_factory=list)
    confidence: float | None = None
    escalation: bool = False
    escalation_reason: str | None = None
    intent: str | None = None
    author_name: str | None = None  # the agent's display name for ``agent`` messages
    channel_message_id: str | None = None  # the channel's own id: an e-mail's Message-ID, the web chat's client id
    language: str | None = None  # a bot reply's


@dataclass(frozen=True, slots=True)
class Transcript:
    messages: list[StoredMessage]
    duration_seconds: float


@dataclass(frozen=True, slots=True)
class NewMessage:
    role: str
    content: str
    sources: list[dict[str, Any]] = field(default_factory=list)
    confidence: float | None = None
    escalation: bool = False
    escalation_reason: str | None = None
    intent: str | None = None
    language: str | None = None  # a bot reply's
    latency_ms: float | None = None
    channel_message_id: str | None = None
    author_name: str | None = None
    agent_id: str | None = None


class ConversationService:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        cipher: Cipher,
        ttl_seconds: int,
        channel_ttl_seconds: dict[str, int] | None = None,
        *,
        closed_history_seconds: int | None = None,
        disclosures: dict[tuple[str, str], str] | None = None,
    ) -> None:
        """``ttl_seconds`` closes an idle bot conversation; ``channel_ttl_seconds`` overrides it per channel.

        ``closed_history_seconds``: how long after it ended a conversation's history stays readable with its
        session token (None: as long as it is kept). ``disclosures``: the AI disclosure's version per (brand,
        channel), stored with every conversation opened (``config/disclosure.py``)."""
        self._sessions = sessions
        self._cipher = cipher
        self._ttl = timedelta(seconds=ttl_seconds)
        self._channel_ttls = {c: timedelta(seconds=t) for c, t in (channel_ttl_seconds or {}).items()}
        self._closed_history = timedelta(seconds=closed_history_seconds) if closed_history_seconds else None
        self._disclosures = disclosures or {}

    @property
    def sessions(self) -> async_sessionmaker[AsyncSession]:
        return self._sessions

    async def open(
        self,
        session: AsyncSession,
        brand: str,
        channel: str,
        customer_ref: str | None = None,
        *,
        verified: bool = False,
    ) -> tuple[Conversation, str]:
        """A new conversation and its session token (returned once, stored only as a hash). ``verified``: the
        shop's signature of ``customer_ref`` was checked (``security/user_hash.py``)."""
        token = new_token()
        customer = await self._customer(session, brand, customer_ref) if customer_ref else None
        conversation = Conversation(
            brand=brand,
            channel=channel,
            status=ConversationStatus.BOT,
            token_hash=hash_token(token),
            customer_id=customer.id if customer else None,
            disclosure_version=self._disclosures.get((brand, str(channel))),
            customer_verified_at=utcnow() if customer and verified else None,
        )
        session.add(conversation)
        await session.flush()
        return conversation, token

    async def verify_customer(self, session: AsyncSession, conversation: Conversation, customer_ref: str) -> None:
        """The conversation belongs to ``customer_ref``, whose signature was checked: a later verified identity
        (the shop's customer signed in during the chat) replaces an earlier one."""
        customer = await self._customer(session, conversation.brand, customer_ref)
        conversation.customer_id = customer.id
        conversation.customer_verified_at = utcnow()

    async def verified_customer(self, session: AsyncSession, conversation: Conversation) -> str | None:
        """The shop's customer id of a verified conversation; ``None`` when there is none or it is only claimed."""
        if conversation.customer_verified_at is None or conversation.customer_id is None:
            return None
        customer = await session.get(Customer, conversation.customer_id)
        if customer is None or customer.external_id_enc is None:
            return None
        return self._cipher.decrypt(customer.external_id_enc)

    async def _customer(self, session: AsyncSession, brand: str, external_id: str) -> Customer:
        hashes = self._cipher.lookup_hashes(external_id)
        customer = await repository.customer_by_external_hash(session, brand, hashes)
        if customer is None:
            customer = Customer(
                brand=brand, external_id_hash=hashes[0], external_id_enc=self._cipher.encrypt(external_id)
            )
            session.add(customer)
            await session.flush()
        return customer

    async def for_customer(
        self, session: AsyncSession, conversation_id: str, token: str | None, *, allow_closed: bool = False
    ) -> Conversation:
        """The conversation, if ``token`` is its session token. Unknown ids and wrong tokens reveal nothing."""
        conversation = await repository.get_conversation(session, conversation_id)
        if conversation is None:
            raise SessionNotFound("No conversation with this session_id.")
        if not token:
            raise Unauthorized("This session needs its session token (Authorization: Bearer <session_token>).")
        if conversation.token_hash is None or not hmac.compare_digest(conversation.token_hash, hash_token(token)):
            raise Forbidden("The session token does not belong to this session.")
        if not allow_closed:
            self.ensure_open(conversation)
        return conversation

    def _ttl_of(self, channel: str) -> timedelta:
        return self._channel_ttls.get(channel, self._ttl)

    def ended_at(self, conversation: Conversation) -> datetime | None:
        """When the conversation ended: closed, or idle past its channel's TTL (not yet swept); None if running."""
        if conversation.status == ConversationStatus.CLOSED:
            return conversation.closed_at or conversation.last_activity_at
        idle_until = conversation.last_activity_at + self._ttl_of(conversation.channel)
        if conversation.status == ConversationStatus.BOT and idle_until < utcnow():
            return idle_until
        return None

    def ensure_history_readable(self, conversation: Conversation) -> None:
        """A customer reads an ended conversation's history for ``closed_history_seconds`` after its end only."""
        ended = self.ended_at(conversation)
        if self._closed_history is not None and ended is not None and utcnow() - ended > self._closed_history:
            raise HistoryExpired("This conversation has ended and its history is no longer available.")

    def ensure_open(self, conversation: Conversation) -> None:
        if conversation.status == ConversationStatus.CLOSED or (
            conversation.status == ConversationStatus.BOT
            and utcnow() - conversation.last_activity_at > self._ttl_of(conversation.channel)
        ):
            raise SessionExpired("This session has expired; start a new one without session_id.")

    async def get(self, session: AsyncSession, conversation_id: str) -> Conversation:
        conversation = await repository.get_conversation(session, conversation_id)
        if conversation is None:
            raise SessionNotFound("No conversation with this session_id.")
        return conversation

    async def add(self, session: AsyncSession, conversation: Conversation, new: NewMessage) -> StoredMessage:
        """Store ``new`` as the conversation's next message (``seq`` one above the highest) and touch its activity."""
        stored, _ = await self.append(session, conversation.id, new)
        set_committed_value(conversation, "last_activity_at", stored.created_at)
        return stored

    async def append(self, session: AsyncSession, conversation_id: str, new: NewMessage) -> tuple[StoredMessage, str]:
        """``add`` by id, without loading the conversation; also returns its status as of this write.

        One INSERT that computes ``seq`` itself, and one UPDATE that returns the status: this runs twice for every
        customer message, and the ORM's unit of work, a separate ``max(seq)`` query and re-reading the
        conversation cost more than the rest of storing it. The conversation's lock (or, for staff, the row lock)
        orders the writers; the unique (conversation, seq) constraint catches any that slip past it.
        """
        now = utcnow()
        message_id = new_id()
        values = {
            "id": message_id,
            "conversation_id": conversation_id,
            "role": new.role,
            "content_enc": self._cipher.encrypt(new.content),
            "sources": new.sources,
            "confidence": new.confidence,
            "escalation": new.escalation,
            "escalation_reason": new.escalation_reason,
            "intent": new.intent,
            "language": new.language,
            "latency_ms": new.latency_ms,
            "channel_message_id": new.channel_message_id,
            "author_name": new.author_name,
            "agent_id": new.agent_id,
            "created_at": now,
        }
        seq = await repository.insert_message(session, values)
        status = await repository.touch_conversation(session, conversation_id, now)
        stored = StoredMessage(
            id=message_id,
            seq=seq,
            role=new.role,
            content=new.content,
            created_at=now,
            sources=list(new.sources),
            confidence=new.confidence,
            escalation=new.escalation,
            escalation_reason=new.escalation_reason,
            intent=new.intent,
            author_name=new.author_name,
            channel_message_id=new.channel_message_id,
            language=new.language,
        )
        return stored, status

    async def add_once(
        self, session: AsyncSession, conversation: Conversation, new: NewMessage
    ) -> tuple[StoredMessage, bool]:
        """Like ``add``, but a message whose channel id (an e-mail's Message-ID, a web chat message's client id) is
        already stored with the same role is returned instead of stored again: a channel that retries after a crash
        or a dropped connection never doubles a message. The second value says whether it was stored now.

        The conversation's lock orders the writers; the unique (conversation, role, channel id) constraint makes
        one that slips past it fail (its transaction rolls back, the channel's retry finds the stored message)."""
        if new.channel_message_id is not None:
            existing = await self._by_channel_id(session, conversation.id, new.role, new.channel_message_id)
            if existing is not None:
                return existing, False
        return await self.add(session, conversation, new), True

    async def _by_channel_id(
        self, session: AsyncSession, conversation_id: str, role: str, channel_message_id: str
    ) -> StoredMessage | None:
        row = await repository.message_by_channel_id(session, conversation_id, role, channel_message_id)
        return self._decrypt(row) if row is not None else None

    async def seq_of(self, conversation_id: str, role: str, channel_message_id: str) -> int | None:
        """The ``seq`` of the message stored with this channel id and role, if any, in a session of its own."""
        async with self._sessions() as session:
            row = await repository.message_by_channel_id(session, conversation_id, role, channel_message_id)
        return row.seq if row is not None else None

    async def answered_after(self, session: AsyncSession, conversation_id: str, seq: int) -> bool:
        """Whether a reply (or a person's message) was stored after the message with ``seq``."""
        return await repository.answered_after(session, conversation_id, seq)

    async def history(
        self, session: AsyncSession, conversation_id: str, limit: int | None = None
    ) -> list[StoredMessage]:
        return [self._decrypt(row) for row in await repository.messages(session, conversation_id, limit)]

    async def messages_after(self, conversation_id: str, after_seq: int, limit: int = 200) -> list[StoredMessage]:
        """Messages with ``seq`` > ``after_seq`` in order (at most ``limit``), in a session of their own."""
        async with self._sessions() as session:
            rows = await repository.messages_after(session, conversation_id, after_seq, limit)
        return [self._decrypt(row) for row in rows]

    async def transcript(
        self, conversation_id: str, token: str | None, *, staff_brands: Collection[str] | None = None
    ) -> Transcript:
        """A conversation's messages for its customer (by session token) or for staff serving ``staff_brands``.

        Another brand's conversation reads like an unknown one, so staff learn nothing of it.
        """
        async with self._sessions() as session:
            if staff_brands is not None:
                conversation = await self.get(session, conversation_id)
                if conversation.brand not in staff_brands or conversation.restricted_until is not None:
                    raise SessionNotFound("No conversation with this session_id.")
            else:
                conversation = await self.for_customer(session, conversation_id, token, allow_closed=True)
                self.ensure_history_readable(conversation)
            messages = await self.history(session, conversation.id)
        duration = (conversation.last_activity_at - conversation.created_at).total_seconds()
        return Transcript(messages=messages, duration_seconds=round(max(duration, 0.0), 3))

    def _decrypt(self, message: Message) -> StoredMessage:
        return StoredMessage(
            id=message.id,
            seq=message.seq,
            role=message.role,
            content=self._cipher.decrypt(message.content_enc),
            created_at=message.created_at,
            sources=list(message.sources or []),
            confidence=message.confidence,
            escalation=message.escalation,
            escalation_reason=message.escalation_reason,
            intent=message.intent,
            author_name=message.author_name,
            channel_message_id=message.channel_message_id,
            language=message.language,
        )

    async def expire_inactive(self) -> int:
        now = utcnow()
        async with self._sessions() as session, session.begin():
            cutoffs = {channel: now - ttl for channel, ttl in self._channel_ttls.items()}
            return await repository.expire_inactive(session, cutoffs, now - self._ttl, now)

    async def active_counts(self) -> dict[str, int]:
        async with self._sessions() as session:
            return await repository.active_counts(session)
