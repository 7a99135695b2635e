"""Per-client limits: how often one client address (or one order number) may do a costly or guessable thing.

Each limit counts hits in a fixed window in the ``Cache`` (Redis when ``REDIS_URL`` is set, so every worker
counts together; in-process otherwise), keyed by a keyed hash of the client: no address or order number is stored
in clear. A hit is counted before it is allowed, so requests sent all at once cannot pass together. The windows are
short and generous for people (a family behind one router opens a few chats a minute) and tight for scripts (the
audit opened 1,000 sessions in 13 s and guessed 200 postcodes for one order).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from heine_ai.errors import RateLimited
from heine_ai.observability.logging import get_logger
from heine_ai.providers.cache import Cache

log = get_logger(__name__)


@dataclass(frozen=True, slots=True)
class Limit:
    name: str  # also the error's ``details.limit`` and the log event's
    count: int  # hits allowed per window
    seconds: int  # the window


class RateLimiter:
    def __init__(self, cache: Cache, keyed_hash: Callable[[str], str]) -> None:
        """``keyed_hash`` is the cipher's ``lookup_hash``: the cache holds no address or order number in clear."""
        self._cache = cache
        self._hash = keyed_hash

    async def hit(self, limit: Limit, subject: str) -> None:
        """Counts one hit of ``subject`` (an address, an order number); raises ``RateLimited`` beyond the limit."""
        if await self._cache.incr(self._key(limit, subject), limit.seconds) > limit.count:
            log.warning("rate_limited", limit=limit.name, subject=self._hash(subject)[:12])
            raise RateLimited(
                "Too many requests; please try again later.",
                details={"limit": limit.name, "retry_after_seconds": limit.seconds},
            )

    async def refund(self, limit: Limit, subject: str) -> None:
        """Takes back a hit that turned out harmless (a lookup that found its order: no guess)."""
        await self._cache.incr(self._key(limit, subject), limit.seconds, by=-1)

    def _key(self, limit: Limit, subject: str) -> str:
        return f"limit:{limit.name}:{self._hash(subject)[:32]}"
