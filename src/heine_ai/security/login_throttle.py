"""Brute-force protection for the staff login: failed attempts per username and client address.

After ``max_failures`` failed logins of one username from one address within ``lockout_seconds``, that pair is
refused (429 ``too_many_login_attempts``) until ``lockout_seconds`` after the last failure, even with the right
password; a successful login clears the count. Keyed by username *and* address, so a colleague's typos or an
attacker elsewhere never lock a service agent out of their own desk. The count lives in the ``Cache`` (Redis when
``REDIS_URL`` is set, so every worker sees the same count) under a keyed hash: no username or address is stored.

Each attempt is counted (one atomic increment) *before* its password is checked, and a success clears the count:
requests sent all at once cannot pass a check that none of them has counted yet, so at most ``max_failures``
passwords are tried per lockout however many arrive together, on any number of workers.
"""

from __future__ import annotations

from collections.abc import Callable

from heine_ai.config import Settings
from heine_ai.errors import TooManyLoginAttempts
from heine_ai.providers.cache import Cache
from heine_ai.security.crypto import Cipher


class LoginThrottle:
    def __init__(
        self, cache: Cache, keyed_hash: Callable[[str], str], *, max_failures: int, lockout_seconds: int
    ) -> None:
        """``keyed_hash`` is the cipher's ``lookup_hash``: the cache holds no username or address in clear."""
        self._cache = cache
        self._hash = keyed_hash
        self._max = max_failures
        self._seconds = lockout_seconds

    def _key(self, username: str, address: str) -> str:
        return f"login-failures:{self._hash(f'{username.strip()}|{address}')[:32]}"

    async def attempt(self, username: str, address: str) -> None:
        """Counts an attempt before its password is checked; raises ``TooManyLoginAttempts`` beyond the limit."""
        if await self._cache.incr(self._key(username, address), self._seconds) > self._max:
            raise TooManyLoginAttempts(
                "Too many failed logins; try again later.", details={"retry_after_seconds": self._seconds}
            )

    async def succeeded(self, username: str, address: str) -> None:
        await self._cache.set(self._key(username, address), "0", 1)


def login_throttle(settings: Settings, cache: Cache, cipher: Cipher) -> LoginThrottle:
    """The throttle as configured (``LOGIN_MAX_FAILURES``, ``LOGIN_LOCKOUT_SECONDS``)."""
    return LoginThrottle(
        cache,
        cipher.lookup_hash,
        max_failures=settings.login_max_failures,
        lockout_seconds=settings.login_lockout_seconds,
    )
