"""After Redis failed, the providers that use it skip it for a few seconds instead of waiting on every call."""

from __future__ import annotations

import time

from heine_ai.observability.logging import get_logger

log = get_logger(__name__)


class RedisGate:
    """Says whether to try Redis: not for ``pause`` seconds after a failure, then once more.

    A stopped Redis refuses connections at once, but a lost network makes every call wait for the socket timeout
    (1 s): a chat message that reads the cache, takes a lock and publishes two notices would wait 4-5 s. Within the
    pause each caller takes its fallback at once (a cache miss, the in-process lock, local delivery) and logs
    nothing more; the first call after it tries Redis again.
    """

    def __init__(self, pause: float = 5.0) -> None:
        self._pause = pause
        self._closed_until = 0.0

    def available(self) -> bool:
        return time.monotonic() >= self._closed_until

    def failed(self, event: str, operation: str, exc: BaseException) -> None:
        """Redis failed in ``operation``: log ``event`` (the provider's, e.g. ``cache_unavailable``) and pause."""
        self._closed_until = time.monotonic() + self._pause
        log.warning(event, operation=operation, error_type=type(exc).__name__)
