"""Per-key locks, so one conversation is handled by one request at a time. In-process by default; ``RedisLocks``
when REDIS_URL is set, so the same holds across every worker."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Protocol

from redis.asyncio import Redis
from redis.asyncio.lock import Lock
from redis.exceptions import LockNotOwnedError, RedisError

from heine_ai.observability.logging import get_logger
from heine_ai.providers.redis_gate import RedisGate
from heine_ai.tasks import cancel_and_wait

log = get_logger(__name__)


class LockStore(Protocol):
    def lock(self, key: str) -> AbstractAsyncContextManager[None]: ...


class InProcessLocks:
    """One ``asyncio.Lock`` per key, dropped again when nobody holds or waits for it."""

    def __init__(self) -> None:
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}

    @asynccontextmanager
    async def lock(self, key: str) -> AsyncIterator[None]:
        lock, users = self._locks.get(key, (asyncio.Lock(), 0))
        self._locks[key] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[key]
            if users <= 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)

    def __len__(self) -> int:
        return len(self._locks)


class RedisLocks:
    """A lock per key shared by every worker on one Redis (redis-py's ``Lock``: SET NX with a token and a TTL).

    The key lives ``ttl`` seconds and is renewed every third of that while held, so a worker that dies frees its
    conversations within ``ttl`` while a slow answer (an LLM's retries, a long ingest) keeps its lock. Callers of
    one process queue on an in-process lock first, so only one of them polls Redis, starting at ``poll`` seconds
    and doubling up to ``max_poll``: a short wait ends soon after the release, a long one costs few round trips.
    When Redis is unreachable the in-process lock alone serialises (for a few seconds without trying Redis,
    ``RedisGate``), and the outage is logged: it never fails a customer's request.
    """

    def __init__(
        self,
        client: Redis,
        prefix: str = "heine-ai:lock:",
        ttl: float = 30.0,
        poll: float = 0.01,
        max_poll: float = 0.25,
        gate: RedisGate | None = None,
    ) -> None:
        self._client = client
        self._prefix = prefix
        self._ttl = ttl
        self._poll = poll
        self._max_poll = max_poll
        self._gate = gate or RedisGate()
        self._local = InProcessLocks()

    @asynccontextmanager
    async def lock(self, key: str) -> AsyncIterator[None]:
        async with self._local.lock(key):
            if not self._gate.available():
                yield
                return
            shared = Lock(self._client, self._prefix + key, timeout=self._ttl, thread_local=False)
            try:
                await self._acquire(shared)
            except (RedisError, OSError) as exc:
                self._gate.failed("lock_unavailable", "acquire", exc)
                yield
                return
            renewal = asyncio.create_task(self._renew(shared), name="lock-renewal")
            try:
                yield
            finally:
                await cancel_and_wait(renewal)  # no renewal after the release, even if a cancel got lost
                await self._release(shared)

    async def _acquire(self, shared: Lock) -> None:
        delay = self._poll
        while not await shared.acquire(blocking=False):
            await asyncio.sleep(delay)
            delay = min(delay * 2, self._max_poll)

    async def _renew(self, shared: Lock) -> None:
        while True:
            await asyncio.sleep(self._ttl / 3)
            try:
                await shared.reacquire()
            except LockNotOwnedError:
                log.warning("lock_lost", operation="renew")
                return
            except (RedisError, OSError) as exc:
                self._gate.failed("lock_unavailable", "renew", exc)

    async def _release(self, shared: Lock) -> None:
        try:
            await shared.release()
        except LockNotOwnedError:
            log.warning("lock_lost", operation="release")  # it expired while held (Redis was away for > ttl)
        except (RedisError, OSError) as exc:
            self._gate.failed("lock_unavailable", "release", exc)
