"""Key-value cache with a TTL. In-process TTL-LRU by default; Redis when REDIS_URL is set.

A cache outage never fails a request: the Redis cache logs and answers "miss" (and skips Redis for a few
seconds, ``RedisGate``).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError

from heine_ai.errors import ProviderError
from heine_ai.providers.redis_gate import RedisGate


class Cache(Protocol):
    async def get(self, key: str) -> str | None: ...

    async def set(self, key: str, value: str, ttl: int) -> None: ...

    async def incr(self, key: str, ttl: int, by: int = 1) -> int:
        """Adds ``by`` (one; minus one takes a count back) to the count under ``key`` (0 when absent) and returns it,
        atomically; the count lives ``ttl`` seconds after its last change. For counters that must not lose a
        concurrent increment."""
        ...

    async def delete(self, key: str) -> bool:
        """Removes ``key``; whether it was there. For what must go at once (an erased customer's entries)."""
        ...

    async def ping(self) -> None: ...


class MemoryCache:
    def __init__(self, max_items: int = 10_000) -> None:
        self._items: OrderedDict[str, tuple[float, str]] = OrderedDict()
        self._max_items = max_items

    async def get(self, key: str) -> str | None:
        return self._get(key)

    async def set(self, key: str, value: str, ttl: int) -> None:
        self._set(key, value, ttl)

    async def incr(self, key: str, ttl: int, by: int = 1) -> int:
        value = self._get(key)  # no await between the read and the write: atomic within the event loop
        count = (int(value) if value and value.lstrip("-").isdigit() else 0) + by
        self._set(key, str(count), ttl)
        return count

    async def delete(self, key: str) -> bool:
        return self._items.pop(key, None) is not None

    def _get(self, key: str) -> str | None:
        item = self._items.get(key)
        if item is None:
            return None
        expires, value = item
        if expires < time.monotonic():
            del self._items[key]
            return None
        self._items.move_to_end(key)
        return value

    def _set(self, key: str, value: str, ttl: int) -> None:
        if ttl <= 0:
            return
        self._items[key] = (time.monotonic() + ttl, value)
        self._items.move_to_end(key)
        while len(self._items) > self._max_items:
            self._items.popitem(last=False)

    async def ping(self) -> None:
        return None


class RedisCache:
    def __init__(self, client: Redis, prefix: str = "heine-ai:", gate: RedisGate | None = None) -> None:
        self._client = client
        self._prefix = prefix
        self._gate = gate or RedisGate()
        self._local = MemoryCache()  # counts while Redis is away: a counter (the login lockout) must go on

    async def get(self, key: str) -> str | None:
        if not self._gate.available():
            return None
        try:
            value = await self._client.get(self._prefix + key)
        except (RedisError, OSError) as exc:
            self._gate.failed("cache_unavailable", "get", exc)
            return None
        return value.decode("utf-8") if isinstance(value, bytes) else value

    async def set(self, key: str, value: str, ttl: int) -> None:
        if ttl <= 0 or not self._gate.available():
            return
        try:
            await self._client.set(self._prefix + key, value, ex=ttl)
        except (RedisError, OSError) as exc:
            self._gate.failed("cache_unavailable", "set", exc)

    async def incr(self, key: str, ttl: int, by: int = 1) -> int:
        if self._gate.available():
            try:
                async with self._client.pipeline(transaction=True) as pipe:
                    pipe.incrby(self._prefix + key, by)
                    pipe.expire(self._prefix + key, ttl)
                    count, _ = await pipe.execute()
                return int(count)
            except (RedisError, OSError) as exc:
                self._gate.failed("cache_unavailable", "incr", exc)
        return await self._local.incr(key, ttl, by)

    async def delete(self, key: str) -> bool:
        """Unlike a read, a delete that fails raises: an erasure must not report an entry gone that is not."""
        try:
            deleted = await self._client.delete(self._prefix + key)
        except (RedisError, OSError) as exc:
            self._gate.failed("cache_unavailable", "delete", exc)
            raise ProviderError("The cache is unavailable.") from exc
        return bool(deleted)

    async def ping(self) -> None:
        await self._client.ping()
