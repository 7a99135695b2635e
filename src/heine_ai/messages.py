"""What flows between channels and the assistant.

A channel adapter turns what it received into an ``InboundMessage``; the assistant answers with a ``Reply`` and
speaks through an ``OutputChannel``. Only ``send_reply`` is required of a channel: anything richer falls back to
the reply's text (as Rasa's ``OutputChannel.send_text``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol


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


@dataclass(frozen=True, slots=True)
class Reply:
    session_id: str
    text: str
    confidence: float
    escalation_required: bool
    processing_time: float
    sources: tuple[Source, ...] = ()
    escalation_reason: EscalationReason | None = None
    intent: str | None = None
    session_token: str | None = None
    message_id: str | None = None
    # True while a person owns the conversation: the bot says nothing, the message waits for the person.
    silent: bool = False


class OutputChannel(Protocol):
    """Where a reply goes: the web chat, an e-mail thread, the REST response."""

    async def send_reply(self, reply: Reply) -> None: ...


class StreamingOutput(OutputChannel, Protocol):
    """An output that can show an answer while a model writes it (the web chat); optional, found by ``getattr``.

    ``send_chunk`` gets the verified pieces of the answer in order; ``send_reply`` still follows with the reply,
    which is the authority (it may differ from the pieces when the verification fell back).
    """

    async def send_chunk(self, text: str) -> None: ...


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


class CollectingOutput:
    """An ``OutputChannel`` that keeps replies, for request/response channels such as REST."""

    def __init__(self) -> None:
        self.replies: list[Reply] = []

    async def send_reply(self, reply: Reply) -> None:
        self.replies.append(reply)
