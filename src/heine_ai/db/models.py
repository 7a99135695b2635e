"""The relational schema (ARCHITECTURE.md section 4). Columns ending in ``_enc`` hold Fernet ciphertext."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from heine_ai.conversation_status import ConversationStatus


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    return uuid.uuid4().hex


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC timestamps on every database (SQLite returns naive values otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime,
        dict[str, Any]: JSON,
        list[dict[str, Any]]: JSON,
    }


class Customer(Base):
    __tablename__ = "customers"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    brand: Mapped[str] = mapped_column(String(64), index=True)
    external_id_hash: Mapped[str | None] = mapped_column(String(64))
    external_id_enc: Mapped[str | None] = mapped_column(Text)
    email_hash: Mapped[str | None] = mapped_column(String(64))
    email_enc: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        UniqueConstraint("brand", "external_id_hash", name="uq_customers_brand_external"),
        Index("ix_customers_brand_email", "brand", "email_hash"),
    )


class Conversation(Base):
    __tablename__ = "conversations"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    brand: Mapped[str] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default=ConversationStatus.BOT.value)
    customer_id: Mapped[str | None] = mapped_column(ForeignKey("customers.id", ondelete="SET NULL"))
    token_hash: Mapped[str | None] = mapped_column(String(64))
    escalation_reason: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_activity_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column()
    # migration 0007: which AI disclosure the customer was shown (``config/disclosure.py``), and, for business
    # correspondence whose erasure was asked for, the end of its legal retention: restricted until then
    disclosure_version: Mapped[str | None] = mapped_column(String(16))
    restricted_until: Mapped[datetime | None] = mapped_column()
    # migration 0012: when the shop's signature of ``customer_id`` (its encrypted external id) was last verified
    # (a widget or API identity, ``security/user_hash.py``); None: the customer id, if any, is only a claim
    customer_verified_at: Mapped[datetime | None] = mapped_column()

    messages: Mapped[list[Message]] = relationship(
        back_populates="conversation", order_by="Message.seq", cascade="all, delete-orphan"
    )

    __table_args__ = (
        Index("ix_conversations_brand_status", "brand", "status"),
        Index("ix_conversations_status_activity", "status", "last_activity_at"),
    )


class Message(Base):
    __tablename__ = "messages"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(16))
    content_enc: Mapped[str] = mapped_column(Text)
    sources: Mapped[list[dict[str, Any]]] = mapped_column(default=list)
    confidence: Mapped[float | None] = mapped_column(Float)
    escalation: Mapped[bool] = mapped_column(Boolean, default=False)
    escalation_reason: Mapped[str | None] = mapped_column(String(32))
    intent: Mapped[str | None] = mapped_column(String(32))
    language: Mapped[str | None] = mapped_column(String(2))  # of a bot reply (migration 0006): e-mail frames it
    latency_ms: Mapped[float | None] = mapped_column(Float)
    channel_message_id: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # hand-off: who of the service staff wrote an ``agent`` message (display name as the customer sees it)
    author_name: Mapped[str | None] = mapped_column(String(128))
    agent_id: Mapped[str | None] = mapped_column(
        ForeignKey("agents.id", ondelete="SET NULL", name="fk_messages_agent_id")
    )

    conversation: Mapped[Conversation] = relationship(back_populates="messages")

    __table_args__ = (
        UniqueConstraint("conversation_id", "seq", name="uq_messages_conversation_seq"),
        # a channel's retry never stores a message twice (migration 0008); NULLs (no channel id) never collide
        UniqueConstraint("conversation_id", "role", "channel_message_id", name="uq_messages_channel_message_id"),
    )


class KnowledgeDocument(Base):
    """One ingested source document; its chunks live in the vector store under the same id."""

    __tablename__ = "knowledge_documents"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    brand: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(1024))
    url: Mapped[str] = mapped_column(String(1024))
    title: Mapped[str] = mapped_column(String(512))
    content_hash: Mapped[str] = mapped_column(String(64))
    chunk_count: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (UniqueConstraint("brand", "source", name="uq_knowledge_documents_brand_source"),)


class KnowledgeVersion(Base):
    """Changes on every effective change of a brand's knowledge; answer caches key on it."""

    __tablename__ = "knowledge_versions"

    brand: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


# --- human hand-off (migration 0002): staff accounts, refresh tokens, tickets and their audit trail -------------


class Agent(Base):
    """A member of the service staff (role ``agent`` or ``admin``) and the brands they serve."""

    __tablename__ = "agents"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(128))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default="agent")
    brands: Mapped[list[str]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # access tokens issued before this moment are refused (set by demotion, deactivation, password change, logout)
    tokens_valid_after: Mapped[datetime | None] = mapped_column()


class RefreshToken(Base):
    """A refresh token, stored only as its hash; used once (rotation), then revoked."""

    __tablename__ = "refresh_tokens"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    agent_id: Mapped[str] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime] = mapped_column()
    revoked_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Ticket(Base):
    """One escalation of a conversation; at most one unresolved ticket per conversation."""

    __tablename__ = "tickets"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    brand: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(32))
    priority: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(16), default="open")
    assignee_id: Mapped[str | None] = mapped_column(ForeignKey("agents.id", ondelete="SET NULL"))
    sla_due_at: Mapped[datetime] = mapped_column()
    sla_breached: Mapped[bool] = mapped_column(Boolean, default=False)
    summary_enc: Mapped[str] = mapped_column(Text)
    resolution: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    claimed_at: Mapped[datetime | None] = mapped_column()
    first_reply_at: Mapped[datetime | None] = mapped_column()
    resolved_at: Mapped[datetime | None] = mapped_column()

    __table_args__ = (
        Index("ix_tickets_brand_status", "brand", "status"),
        Index("ix_tickets_conversation", "conversation_id"),
        Index(
            "uq_tickets_active_conversation",
            "conversation_id",
            unique=True,
            sqlite_where=text("status != 'resolved'"),
            postgresql_where=text("status != 'resolved'"),
        ),
    )


class TicketEvent(Base):
    """The audit trail: who did what to a ticket, when, from which state to which, and why.

    Internal notes are events with action ``note``; their text is encrypted (``note_enc``).
    """

    __tablename__ = "ticket_events"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    ticket_id: Mapped[str] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[str | None] = mapped_column(ForeignKey("agents.id", ondelete="SET NULL"))
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str | None] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(String(64))
    note_enc: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


# --- e-mail channel (migration 0003): every mail in and out, its state, and the thread it belongs to ------------


class MailRecord(Base):
    """One mail in or out of a brand's mailbox; Message-IDs map mails onto conversations (threading).

    An inbound mail's ``state`` walks ``received -> planned -> sending -> answered`` (or ends ``skipped`` or
    ``flagged`` with a ``reason``); ``reply_id`` is the Message-ID its reply gets, fixed before sending.
    An action's confirmation mail (``channels/email/confirmations.py``) walks ``held -> queued -> sending -> sent``
    (or ends ``failed``, ``flagged`` or ``dropped``); ``content_enc`` keeps what it needs to be sent until it is.
    """

    __tablename__ = "email_messages"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    brand: Mapped[str] = mapped_column(String(64))
    message_id: Mapped[str] = mapped_column(String(255))
    direction: Mapped[str] = mapped_column(String(3))
    conversation_id: Mapped[str | None] = mapped_column(ForeignKey("conversations.id", ondelete="SET NULL"))
    state: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(String(64))
    sender_hash: Mapped[str | None] = mapped_column(String(64))
    subject_hash: Mapped[str | None] = mapped_column(String(64))
    subject_enc: Mapped[str | None] = mapped_column(Text)
    attachments_enc: Mapped[str | None] = mapped_column(Text)
    content_enc: Mapped[str | None] = mapped_column(Text)  # a queued mail: recipient, text, language, files (JSON)
    refs: Mapped[list[str]] = mapped_column(JSON, default=list)
    reply_id: Mapped[str | None] = mapped_column(String(255))
    reply_message_id: Mapped[str | None] = mapped_column(String(32))
    size: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        UniqueConstraint("brand", "message_id", name="uq_email_messages_brand_message_id"),
        Index("ix_email_messages_conversation", "conversation_id"),
        Index("ix_email_messages_subject", "brand", "sender_hash", "subject_hash"),
        Index("ix_email_messages_state", "brand", "state"),
    )


class MailThread(Base):
    """A conversation the e-mail channel opened, with its session token (encrypted) to continue it."""

    __tablename__ = "email_conversations"

    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), primary_key=True)
    brand: Mapped[str] = mapped_column(String(64))
    token_enc: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


# --- phone (migration 0009): one row per call, the conversation it is and how it ended ------------------------


class PhoneCall(Base):
    """A call the phone channel answered: its conversation, session token and caller's number (both encrypted)."""

    __tablename__ = "phone_calls"

    call_sid: Mapped[str] = mapped_column(String(64), primary_key=True)  # the provider's id of the call
    brand: Mapped[str] = mapped_column(String(64))
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    token_enc: Mapped[str] = mapped_column(Text)
    caller_enc: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16))  # active, transferred, callback, ended
    turns: Mapped[int] = mapped_column(Integer, default=0)  # the caller's utterances the assistant answered
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column()


# --- privacy (migration 0007): the audit of exports, erasures and retention runs -------------------------------


class PrivacyEvent(Base):
    """Who exported or erased what, when, with the counts; never whom: no personal data, not even a hash."""

    __tablename__ = "privacy_events"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    action: Mapped[str] = mapped_column(String(16))  # export, erase, retention
    actor: Mapped[str] = mapped_column(String(64))  # the staff account's username, "cli" or "retention"
    subject_kind: Mapped[str | None] = mapped_column(String(64))  # what named the person: customer_id,email,...
    counts: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Attachment(Base):
    """A file a customer sent (an e-mail attachment), stored encrypted in its conversation for staff.

    ``source`` names what brought it (the mail's Message-ID) and ``position`` its place there, so a channel that
    retries after a crash stores it once. A file refused by the type or size limits, or by the virus scan, keeps its
    row without ``data_enc`` and with the ``refused`` reason, so staff know it was sent.
    """

    __tablename__ = "attachments"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    brand: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(255))
    position: Mapped[int] = mapped_column(Integer)
    filename_enc: Mapped[str] = mapped_column(Text)
    content_type: Mapped[str] = mapped_column(String(127))
    size: Mapped[int] = mapped_column(Integer)
    scan: Mapped[str] = mapped_column(String(16))  # clean, unscanned, infected, not_checked
    refused: Mapped[str | None] = mapped_column(String(32))
    data_enc: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        UniqueConstraint("conversation_id", "source", "position", name="uq_attachments_source"),
        Index("ix_attachments_conversation", "conversation_id"),
    )


class Rating(Base):
    """A customer's satisfaction with a conversation: 1 to 5 and an optional comment, given once."""

    __tablename__ = "ratings"

    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), primary_key=True)
    brand: Mapped[str] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(16))
    score: Mapped[int] = mapped_column(Integer)
    comment_enc: Mapped[str | None] = mapped_column(Text)
    with_person: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class PrivacyRequest(Base):
    """A customer's export or erasure request a staff member filed, waiting for an admin's decision.

    Who the person is (``subjects_enc``: the customer number, address or session, encrypted) is kept only while
    the request waits; the decision clears it."""

    __tablename__ = "privacy_requests"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    action: Mapped[str] = mapped_column(String(16))  # export, erase
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending, done, rejected
    subject_kind: Mapped[str] = mapped_column(String(64))
    subjects_enc: Mapped[str | None] = mapped_column(Text)
    requested_by: Mapped[str] = mapped_column(String(64))
    decided_by: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column()

    __table_args__ = (Index("ix_privacy_requests_status", "status", "created_at"),)


class IdentityCode(Base):
    """A one-time code sent to an order's address because an e-mail about the order came from another address
    (``conversations/identity.py``). The code is kept only as a keyed hash; ``verified_at`` marks the conversation
    as entitled to that order. Deleted with the conversation."""

    __tablename__ = "identity_codes"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    order_enc: Mapped[str] = mapped_column(Text)  # the order number, encrypted
    code_hash: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[datetime] = mapped_column()
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    verified_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
