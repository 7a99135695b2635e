"""What the hand-off services return: plain data, decrypted, ready for the API to render."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from heine_ai.conversations.service import StoredMessage


@dataclass(frozen=True, slots=True)
class AgentView:
    """A staff account as others may see it: never the password hash."""

    id: str
    username: str
    display_name: str
    role: str
    brands: list[str]
    active: bool
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Actor:
    """The logged-in staff member acting on tickets; admins serve every brand."""

    id: str
    display_name: str
    role: str
    brands: tuple[str, ...]

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def serves(self, brand: str) -> bool:
        return brand in self.brands


@dataclass(frozen=True, slots=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_in: int
    agent: AgentView


@dataclass(frozen=True, slots=True)
class TicketView:
    id: str
    conversation_id: str
    brand: str
    channel: str
    conversation_status: str
    reason: str
    priority: str
    status: str
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


@dataclass(frozen=True, slots=True)
class AuditEntry:
    ticket_id: str
    action: str
    actor: str
    from_status: str | None
    to_status: str | None
    reason: str | None
    note: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class ConversationView:
    conversation_id: str
    brand: str
    channel: str
    status: str
    escalation_reason: str | None
    ticket: TicketView | None
    messages: list[StoredMessage]
    audit: list[AuditEntry]


@dataclass(frozen=True, slots=True)
class AgentReply:
    message: StoredMessage
    delivered: bool  # False if the channel's outbox failed; the reply is stored and visible either way
