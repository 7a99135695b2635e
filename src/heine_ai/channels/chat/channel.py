"""What every chat socket of the process shares: built once in the lifespan, kept in ``AppState.chat``."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from heine_ai.assistant.turn import Assistant
from heine_ai.channels.chat.feed import ConversationFeed
from heine_ai.channels.chat.session import SessionGate
from heine_ai.conversations.events import ConversationEvents
from heine_ai.conversations.service import ConversationService
from heine_ai.observability.metrics import Metrics


@dataclass(frozen=True, slots=True)
class ChatLimits:
    max_frame_bytes: int = 16384
    rate_limit: int = 20  # client frames per connection per ``rate_window`` seconds
    rate_window: float = 10.0
    idle_timeout: float = 75.0  # no frame at all for this long: the connection is closed as dead
    max_pending: int = 5  # customer messages waiting for the assistant on one connection


@dataclass(frozen=True, slots=True)
class ChatChannel:
    assistant: Assistant
    gate: SessionGate
    feed: ConversationFeed
    conversations: ConversationService  # the resend check of client ids
    events: ConversationEvents
    limits: ChatLimits
    metrics: Metrics
    # answers still being worked on for connections that closed meanwhile (asyncio keeps only weak references)
    finishing: set[asyncio.Task[None]] = field(default_factory=set)

    def keep(self, task: asyncio.Task[None]) -> None:
        self.finishing.add(task)
        task.add_done_callback(self.finishing.discard)
