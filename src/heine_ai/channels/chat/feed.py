"""A conversation as a stream of events, from a cursor on: catch-up and live delivery are one code path.

``ConversationFeed.follow`` subscribes to the conversation's topic first, then reads every stored message with
``seq`` above the cursor from the database; each notification afterwards triggers another read from the cursor.
Notifications carry no text and may be lost, doubled or late: the events still come exactly once, in order.
The staff console can follow a conversation the same way; ``message_events`` maps one stored message.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

from heine_ai.conversations.events import conversation_topic
from heine_ai.conversations.service import ConversationService, StoredMessage
from heine_ai.intents import Milestone
from heine_ai.providers.pubsub import PubSub

# system messages of the hand-off (their ``intent``) and the event the customer's widget shows for each
_SYSTEM_EVENTS: dict[str, str] = {
    Milestone.AGENT_JOINED: "agent_joined",
    Milestone.AGENT_LEFT: "agent_left",
    Milestone.HANDED_BACK: "agent_left",
}


def message_events(message: StoredMessage) -> list[dict[str, Any]]:
    """The events of one stored message; each carries the message's ``seq`` (an escalation gives two)."""
    base: dict[str, Any] = {"seq": message.seq, "created_at": message.created_at.isoformat()}
    if message.role == "customer":
        echo = {"type": "customer_message", **base, "text": message.content}
        if message.channel_message_id:  # the client's id of it: the echo acknowledges the message
            echo["client_id"] = message.channel_message_id
        return [echo]
    if message.role == "assistant":
        answer = {
            "type": "answer",
            **base,
            "text": message.content,
            "sources": [{"title": s.get("title", ""), "url": s.get("url", "")} for s in message.sources],
            "confidence": message.confidence,
            "escalation": message.escalation,
            "intent": message.intent,
            "language": message.language,
        }
        if not message.escalation:
            return [answer]
        return [answer, {"type": "escalated", **base, "reason": message.escalation_reason}]
    author = message.author_name  # the staff member's display name (agent messages)
    if message.role == "agent":
        return [{"type": "agent_message", **base, "text": message.content, "author": author}]
    kind = _SYSTEM_EVENTS.get(message.intent or "", "system")
    event: dict[str, Any] = {"type": kind, **base, "text": message.content, "author": author}
    if message.intent == Milestone.HANDED_BACK:
        event["handed_back"] = True
    return [event]


class ConversationFeed:
    def __init__(self, conversations: ConversationService, pubsub: PubSub, batch: int = 200) -> None:
        self._conversations = conversations
        self._pubsub = pubsub
        self._batch = batch

    async def follow(self, conversation_id: str, cursor: int) -> AsyncIterator[dict[str, Any]]:
        """Events after ``cursor``, then live ones, until the consumer stops.

        Besides the events of stored messages it yields the notices that store nothing: ``status`` (a state
        change) and ephemeral ones such as ``typing``, as published.
        """
        async with self._pubsub.subscribe(conversation_topic(conversation_id)) as queue:
            async for message in self._after(conversation_id, cursor):
                cursor = message.seq
                for event in message_events(message):
                    yield event
            while True:
                notices = [await queue.get()]
                while not queue.empty():
                    notices.append(queue.get_nowait())
                stored = False
                for notice in notices:
                    data = _parse(notice)
                    if data is None:
                        continue
                    if data.get("type") == "message":
                        stored = stored or int(data.get("seq", 0)) > cursor
                    elif data.get("type") == "resync":  # notices may have been lost (pubsub.GAP)
                        stored = True
                    else:
                        yield data
                if stored:
                    async for message in self._after(conversation_id, cursor):
                        cursor = message.seq
                        for event in message_events(message):
                            yield event

    async def _after(self, conversation_id: str, cursor: int) -> AsyncIterator[StoredMessage]:
        while True:
            batch = await self._conversations.messages_after(conversation_id, cursor, self._batch)
            for message in batch:
                cursor = message.seq
                yield message
            if len(batch) < self._batch:
                return
            await asyncio.sleep(0)


def _parse(notice: str) -> dict[str, Any] | None:
    try:
        data = json.loads(notice)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None
