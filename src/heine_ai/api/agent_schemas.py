"""Request and response bodies of the staff API: login, agent accounts, queue, conversations, actions."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from heine_ai.api.schemas import SourceOut, Text
from heine_ai.conversation_status import ConversationStatus
from heine_ai.conversations.ratings import RatingView
from heine_ai.conversations.service import StoredMessage
from heine_ai.handoff.schemas import AgentView, AuditEntry, ConversationView, TicketView, TokenPair

RoleName = Literal["agent", "admin"]
PriorityName = Literal["high", "normal", "low"]


class LoginRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)


class RefreshRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    refresh_token: str = Field(min_length=1, max_length=256)


class AgentOut(BaseModel):
    id: str
    username: str
    display_name: str
    role: RoleName
    brands: list[str]
    active: bool
    created_at: datetime

    @classmethod
    def of(cls, view: AgentView) -> AgentOut:
        return cls.model_validate(view, from_attributes=True)


class TokenResponse(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105 (the OAuth token type, not a secret)
    expires_in: int
    refresh_token: str
    agent: AgentOut

    @classmethod
    def of(cls, pair: TokenPair) -> TokenResponse:
        return cls(
            access_token=pair.access_token,
            expires_in=pair.expires_in,
            refresh_token=pair.refresh_token,
            agent=AgentOut.of(pair.agent),
        )


class AgentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: str = Field(min_length=2, max_length=64, pattern=r"^[a-z0-9][a-z0-9._-]{1,63}$")
    display_name: str = Field(min_length=1, max_length=128)
    password: str = Field(min_length=1, max_length=1024)
    role: RoleName = "agent"
    brands: list[str] = Field(default_factory=list, max_length=100)


class AgentUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    display_name: str | None = Field(None, min_length=1, max_length=128)
    password: str | None = Field(None, min_length=1, max_length=1024)
    role: RoleName | None = None
    brands: list[str] | None = Field(None, max_length=100)
    active: bool | None = None


class TextBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: Text = Field(max_length=20_000)


class FinishBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: Text | None = Field(None, max_length=20_000, description="Internal note, never shown to the customer.")


class AssignBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    agent_id: str = Field(min_length=1, max_length=32)


class TicketOut(BaseModel):
    id: str
    conversation_id: str
    brand: str
    channel: str
    conversation_status: str
    reason: str
    priority: PriorityName
    status: Literal["open", "claimed", "resolved"]
    summary: str
    assignee_id: str | None
    assignee_name: str | None
    sla_due_at: datetime
    overdue: bool
    sla_breached: bool
    resolution: str | None
    created_at: datetime
    claimed_at: datetime | None
    first_reply_at: datetime | None
    resolved_at: datetime | None

    @classmethod
    def of(cls, view: TicketView) -> TicketOut:
        return cls.model_validate(view, from_attributes=True)


class MessageOut(BaseModel):
    id: str
    seq: int
    role: Literal["customer", "assistant", "agent", "system"]
    content: str
    created_at: datetime
    author_name: str | None
    intent: str | None
    confidence: float | None
    escalation_reason: str | None
    sources: list[SourceOut]

    @classmethod
    def of(cls, message: StoredMessage) -> MessageOut:
        return cls(
            id=message.id,
            seq=message.seq,
            role=message.role,
            content=message.content,
            created_at=message.created_at,
            author_name=message.author_name,
            intent=message.intent,
            confidence=message.confidence,
            escalation_reason=message.escalation_reason,
            sources=[SourceOut(**_source(s)) for s in message.sources],
        )


def _source(stored: dict[str, Any]) -> dict[str, Any]:
    return {"title": stored.get("title", ""), "url": stored.get("url", ""), "relevance": stored.get("relevance", 0.0)}


class AuditOut(BaseModel):
    ticket_id: str
    action: str
    actor: str
    from_status: str | None
    to_status: str | None
    reason: str | None
    note: str | None
    created_at: datetime

    @classmethod
    def of(cls, entry: AuditEntry) -> AuditOut:
        return cls.model_validate(entry, from_attributes=True)


class RatingOut(BaseModel):
    score: int
    comment: str | None
    with_person: bool

    @classmethod
    def of(cls, view: RatingView) -> RatingOut:
        return cls(score=view.score, comment=view.comment, with_person=view.with_person)


class ConversationOut(BaseModel):
    conversation_id: str
    brand: str
    channel: str
    status: ConversationStatus
    escalation_reason: str | None
    ticket: TicketOut | None
    messages: list[MessageOut]
    audit: list[AuditOut]
    rating: RatingOut | None = None  # the customer's satisfaction rating, once given

    @classmethod
    def of(cls, view: ConversationView, rating: RatingView | None = None) -> ConversationOut:
        return cls(
            conversation_id=view.conversation_id,
            brand=view.brand,
            channel=view.channel,
            status=view.status,
            escalation_reason=view.escalation_reason,
            ticket=TicketOut.of(view.ticket) if view.ticket else None,
            messages=[MessageOut.of(m) for m in view.messages],
            audit=[AuditOut.of(a) for a in view.audit],
            rating=RatingOut.of(rating) if rating else None,
        )


class ReplyOut(BaseModel):
    message: MessageOut
    delivered: bool = Field(description="False if the channel's outbox failed; the reply is stored either way.")
