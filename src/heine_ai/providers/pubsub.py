"""Publish/subscribe of conversation events, so every worker can reach a customer's socket.

In-process by default; ``RedisPubSub`` when REDIS_URL is set, so that an answer stored by one worker reaches the
customer's WebSocket and the staff consoles held by another. Notices are small JSON objects without message text
(``conversations/events.py``); subscribers read the messages themselves from the database.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any, Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError

from heine_ai.observability.logging import get_logger
from heine_ai.providers.redis_gate import RedisGate
from heine_ai.tasks import cancel_and_wait

log = get_logger(__name__)

GAP = json.dumps({"type": "resync"})
"""Sent to every subscriber when notices may have been lost (the Redis subscription was down): re-read from the
cursor. A subscriber that reads the database after each notice loses nothing that way."""


class PubSub(Protocol):
    async def publish(self, topic: str, message: str) -> None: ...

    def subscribe(self, topic: str) -> AbstractAsyncContextManager[asyncio.Queue[str]]: ...

    async def aclose(self) -> None: ...


class InProcessPubSub:
    def __init__(self, max_queue: int = 1000) -> None:
        self._subscribers: defaultdict[str, set[asyncio.Queue[str]]] = defaultdict(set)
        self._max_queue = max_queue

    async def publish(self, topic: str, message: str) -> None:
        for queue in list(self._subscribers.get(topic, ())):
            _put(queue, message)

    def broadcast(self, message: str) -> None:
        """``message`` to every subscriber of every topic."""
        for queues in list(self._subscribers.values()):
            for queue in list(queues):
                _put(queue, message)

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

    async def aclose(self) -> None:
        return None


def _put(queue: asyncio.Queue[str], message: str) -> None:
    if queue.full():
        queue.get_nowait()  # a stalled subscriber loses its oldest event, never blocks the publisher
    queue.put_nowait(message)


class RedisPubSub:
    """Notices across every worker on one Redis; each process fans them out to its own subscribers.

    One pattern subscription per process (``{prefix}*``) carries every topic, so subscribing and unsubscribing a
    socket costs no Redis round trip and nothing can be left subscribed; each process receives every notice, a
    few small JSON objects per message, which is cheap for the handful of workers a retailer runs.

    A Redis outage never fails a request: a notice that cannot be published reaches this process's subscribers
    directly (and Redis is skipped for a few seconds, ``RedisGate``), and the reader reconnects every ``retry``
    seconds. Once it is back, every subscriber gets ``GAP``, since the notices published meanwhile are gone, and
    re-reads the database from its cursor.
    """

    def __init__(
        self,
        client: Redis,
        prefix: str = "heine-ai:events:",
        max_queue: int = 1000,
        retry: float = 0.5,
        gate: RedisGate | None = None,
    ) -> None:
        self._client = client
        self._gate = gate or RedisGate()
        self._prefix = prefix
        self._retry = retry
        self._local = InProcessPubSub(max_queue)
        self._reader: asyncio.Task[None] | None = None
        self._listening = asyncio.Event()

    async def publish(self, topic: str, message: str) -> None:
        if self._gate.available():
            try:
                await self._client.publish(self._prefix + topic, message)
                return
            except (RedisError, OSError) as exc:
                self._gate.failed("pubsub_unavailable", "publish", exc)
        await self._local.publish(topic, message)

    @asynccontextmanager
    async def subscribe(self, topic: str) -> AsyncIterator[asyncio.Queue[str]]:
        async with self._local.subscribe(topic) as queue:
            loop = asyncio.get_running_loop()
            if self._reader is None or self._reader.done() or self._reader.get_loop() is not loop:
                self._listening = asyncio.Event()  # a restarted app runs on a new event loop
                self._reader = loop.create_task(self._read(), name="redis-pubsub")
            # the first subscriber waits (briefly) for the subscription, so nothing published after its database
            # read is missed; in an outage it goes on without, and gets GAP once the reader is back
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._listening.wait(), self._retry * 2)
            yield queue

    async def aclose(self) -> None:
        await cancel_and_wait(self._reader)
        self._reader = None

    async def _read(self) -> None:
        lost = False
        while True:
            connection = self._client.pubsub()
            try:
                await connection.psubscribe(self._prefix + "*")
                while True:
                    message = await connection.get_message(timeout=1.0)
                    if message is None:
                        continue
                    if message["type"] == "psubscribe":
                        self._listening.set()
                        if lost:
                            log.info("pubsub_resumed")
                            self._local.broadcast(GAP)
                            lost = False
                    elif message["type"] == "pmessage":
                        await self._deliver(message)
            except (RedisError, OSError) as exc:
                self._listening.clear()
                if not lost:
                    log.warning("pubsub_unavailable", operation="subscribe", error_type=type(exc).__name__)
                lost = True
                await asyncio.sleep(self._retry)
            finally:
                with contextlib.suppress(RedisError, OSError):
                    await connection.aclose()

    async def _deliver(self, message: dict[str, Any]) -> None:
        channel, data = message["channel"], message["data"]
        channel = channel.decode("utf-8") if isinstance(channel, bytes) else str(channel)
        data = data.decode("utf-8") if isinstance(data, bytes) else str(data)
        await self._local.publish(channel.removeprefix(self._prefix), data)
