"""A feed that may have missed notices (pub/sub reconnected) re-reads from its cursor: nothing lost, nothing twice."""

from __future__ import annotations

import asyncio
from typing import Any

from heine_ai.app_state import AppState
from heine_ai.channels.chat.feed import ConversationFeed
from heine_ai.conversations.service import NewMessage
from heine_ai.providers.pubsub import GAP, InProcessPubSub
from heine_ai.tasks import cancel_and_wait


async def test_a_gap_makes_the_feed_read_what_was_stored_without_a_notice(empty_state: AppState) -> None:
    service, pubsub = empty_state.conversations, InProcessPubSub()
    async with service.sessions() as session, session.begin():
        conversation, _ = await service.open(session, "heine", "web")
        await service.add(session, conversation, NewMessage(role="customer", content="Wo bleibt mein Paket?"))
        conversation_id = conversation.id
    events: asyncio.Queue[dict[str, Any]] = asyncio.Queue()

    async def follow() -> None:
        async for event in ConversationFeed(service, pubsub).follow(conversation_id, 0):
            events.put_nowait(event)

    task = asyncio.create_task(follow())
    try:
        assert (await asyncio.wait_for(events.get(), 5))["seq"] == 1  # the catch-up read
        async with service.sessions() as session, session.begin():
            conversation = await service.get(session, conversation_id)
            await service.add(
                session, conversation, NewMessage(role="agent", content="Ich sehe nach.", intent="agent_reply")
            )
        await asyncio.sleep(0.2)
        assert events.empty()  # its notice was lost: nothing arrives yet
        pubsub.broadcast(GAP)
        event = await asyncio.wait_for(events.get(), 5)
        assert (event["type"], event["seq"], event["text"]) == ("agent_message", 2, "Ich sehe nach.")
        pubsub.broadcast(GAP)  # a second gap finds nothing new and sends nothing, not even the gap itself
        await asyncio.sleep(0.2)
        assert events.empty()
    finally:
        await cancel_and_wait(task)
