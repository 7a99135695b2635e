"""Publish/subscribe of conversation events, so every worker can reach a customer's socket. In-process default."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Protocol


class PubSub(Protocol):
    async def publish(self, topic: str, message: str) -> None: ...

    def subscribe(self, topic: str) -> AbstractAsyncContextManager[asyncio.Queue[str]]: ...


class InProcessPubSub:
    def __init__(self, max_queue: int = 1000) -> None:
        self._subscribers: defaultdict[str, set[asyncio.Queue[str]]] = defaultdict(set)
        self._max_queue = max_queue

    async def publish(self, topic: str, message: str) -> None:
        for queue in list(self._subscribers.get(topic, ())):
            if queue.full():
                queue.get_nowait()  # a stalled subscriber loses its oldest event, never blocks the publisher
            queue.put_nowait(message)

    @asynccontextmanager
    async def subscribe(self, topic: str) -> AsyncIterator[asyncio.Queue[str]]:
        queue: asyncio.Queue[str] = asyncio.Queue(self._max_queue)
        self._subscribers[topic].add(queue)
        try:
            yield queue
        finally:
            self._subscribers[topic].discard(queue)
            if not self._subscribers[topic]:
                del self._subscribers[topic]
