"""Notifications that a conversation changed, so every worker's sockets and consoles can catch up.

A notification carries ids, sequence numbers and states, never message text (it may cross Redis). Subscribers
read the messages after the last sequence number they delivered from the database, so a notification that is
lost, doubled or late never loses or doubles a message, and a resume after a dropped connection takes the same
path as a live event.
"""

from __future__ import annotations

import json
from typing import Any

from heine_ai.providers.pubsub import PubSub


def conversation_topic(conversation_id: str) -> str:
    return f"conversation:{conversation_id}"


def brand_topic(brand: str) -> str:
    """Every change of a brand's conversations, for the agent console's queue."""
    return f"brand:{brand}"


class ConversationEvents:
    def __init__(self, pubsub: PubSub) -> None:
        self._pubsub = pubsub

    async def message_stored(self, conversation_id: str, brand: str, seq: int, role: str, status: str) -> None:
        """A message was committed; call after the commit, never inside the transaction."""
        await self._publish(
            conversation_id,
            brand,
            {"type": "message", "conversation_id": conversation_id, "seq": seq, "role": role, "status": status},
        )

    async def status_changed(self, conversation_id: str, brand: str, status: str) -> None:
        await self._publish(
            conversation_id, brand, {"type": "status", "conversation_id": conversation_id, "status": status}
        )

    async def ephemeral(self, conversation_id: str, event: dict[str, Any]) -> None:
        """Something not stored, such as a typing indicator: to the conversation's subscribers only."""
        await self._pubsub.publish(conversation_topic(conversation_id), json.dumps(event))

    async def _publish(self, conversation_id: str, brand: str, event: dict[str, Any]) -> None:
        payload = json.dumps(event)
        await self._pubsub.publish(conversation_topic(conversation_id), payload)
        await self._pubsub.publish(brand_topic(brand), payload)
