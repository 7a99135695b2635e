"""What flows between channels and the assistant.

A channel adapter turns what it received into an ``InboundMessage`` and hands it to ``Assistant.handle``, which
returns the ``Reply``; the adapter delivers it in its own way (the web chat through its feed of stored messages,
e-mail as a mail in the thread, REST as the response). Staff messages reach the customer through an ``Outbox``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from heine_ai.intents import Intent
from heine_ai.languages import Language


class Channel(StrEnum):
    WEB = "web"
    EMAIL = "email"
    PHONE = "phone"
    API = "api"


class EscalationReason(StrEnum):
    COMPLAINT = "complaint"
    HUMAN_REQUEST = "human_request"
    LEGAL_THREAT = "legal_threat"
    ABUSE = "abuse"
    REPEATED_FAILURE = "repeated_failure"
    SENSITIVE_TOPIC = "sensitive_topic"
    ATTACHMENT = "attachment"  # a file without any text: only a person can look at it


@dataclass(frozen=True, slots=True)
class Source:
    """A knowledge passage an answer rests on; ``relevance`` is in 0..1."""

    title: str
    url: str
    relevance: float
    snippet: str = ""


@dataclass(frozen=True, slots=True)
class InboundMessage:
    brand: str
    channel: Channel
    text: str
    thread_key: str | None = None
    sender: str | None = None
    session_token: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    # the shop's customer id, set by an adapter only after it verified the shop's signature of it
    # (``security/user_hash.py``); an unverified ``customer_id`` travels in ``metadata`` and opens nothing
    verified_customer: str | None = None


@dataclass(frozen=True, slots=True)
class Reply:
    session_id: str
    text: str
    confidence: float
    escalation_required: bool
    processing_time: float
    language: Language  # the customer's, decided once per turn: channels frame the reply in it
    sources: tuple[Source, ...] = ()
    escalation_reason: EscalationReason | None = None
    intent: Intent | None = None
    session_token: str | None = None
    message_id: str | None = None
    # True while a person owns the conversation (the bot says nothing, the message waits for the person), and for a
    # channel's resend of a message already stored and answered (the earlier reply stands).
    silent: bool = False


@dataclass(frozen=True, slots=True)
class StaffMessage:
    """A message of service staff to a customer, already stored; an ``Outbox`` carries it to the customer."""

    conversation_id: str
    brand: str
    channel: Channel
    text: str
    author: str
    message_id: str
    seq: int


class Outbox(Protocol):
    """Delivery of staff messages through one channel (e-mail sends a mail in the thread).

    Returns the channel's own id of what it sent (an e-mail Message-ID), or None. Channels whose customers are
    reached through conversation events (web chat) need no outbox.
    """

    async def deliver(self, message: StaffMessage) -> str | None: ...

    async def follows(self, conversation_id: str) -> bool:
        """Whether this channel also carries the staff replies of a conversation held in another one (a web chat
        the customer continues by e-mail)."""
        ...


@dataclass(frozen=True, slots=True)
class MailFile:
    filename: str
    content_type: str  # "application/pdf"
    data: bytes


@dataclass(frozen=True, slots=True)
class ConfirmationMail:
    """A confirmation of an action on a durable medium, to the order's own e-mail address (a withdrawal declared in
    the chat, a return's label). ``key`` (the action's id) makes it one mail however often it is handed over."""

    brand: str
    to: str
    subject: str
    text: str
    language: str
    key: str
    files: tuple[MailFile, ...] = ()
    conversation_id: str | None = None  # where the action was asked for: the mail is the customer's data there


class Confirmations(Protocol):
    """Delivers ``ConfirmationMail`` through a brand's mailbox (the e-mail channel registers one).

    Queued, not sent in the caller's turn: the mail is stored first and a background sender delivers it, retrying
    while the mail server is away, so a customer never waits for SMTP and no confirmation is lost to an outage.
    """

    async def queue(self, mail: ConfirmationMail, *, hold: bool = False) -> bool:
        """True when the mail is stored to go out (or went out before); False when the brand has no mailbox or an
        earlier attempt was refused for good. With ``hold`` it waits for ``release`` (an action awaiting a
        person's approval)."""
        ...

    async def release(self, brand: str, key: str) -> bool:
        """A held mail goes out; True when there was one (or it went out before)."""
        ...

    async def drop(self, brand: str, key: str) -> None:
        """A held mail is never sent (the action was declined); its content is deleted."""
        ...
