"""Brute-force protection for the staff login: failed attempts per username and client address.

After ``max_failures`` failed logins of one username from one address within ``lockout_seconds``, that pair is
refused (429 ``too_many_login_attempts``) until ``lockout_seconds`` after the last failure, even with the right
password; a successful login clears the count. Keyed by username *and* address, so a colleague's typos or an
attacker elsewhere never lock a service agent out of their own desk. Beside it, one address may try at most
``max_per_address`` logins of any usernames per ``lockout_seconds`` (a spray of many usernames from one address),
counted by the ``RateLimiter``. The count lives in the ``Cache`` (Redis when
``REDIS_URL`` is set, so every worker sees the same count) under a keyed hash: no username or address is stored.

Each attempt is counted (one atomic increment) *before* its password is checked, and a success clears the count:
requests sent all at once cannot pass a check that none of them has counted yet, so at most ``max_failures``
passwords are tried per lockout however many arrive together, on any number of workers.
"""

from __future__ import annotations

from collections.abc import Callable

from heine_ai.config import Settings
from heine_ai.errors import RateLimited, TooManyLoginAttempts
from heine_ai.providers.cache import Cache
from heine_ai.security.crypto import Cipher
from heine_ai.security.rate_limits import Limit, RateLimiter


class LoginThrottle:
    def __init__(
        self,
        cache: Cache,
        keyed_hash: Callable[[str], str],
        *,
        max_failures: int,
        lockout_seconds: int,
        max_per_address: int,
    ) -> None:
        """``keyed_hash`` is the cipher's ``lookup_hash``: the cache holds no username or address in clear."""
        self._cache = cache
        self._hash = keyed_hash
        self._max = max_failures
        self._seconds = lockout_seconds
        self._per_address = RateLimiter(cache, keyed_hash)
        self._address_limit = Limit("logins_per_address", max_per_address, lockout_seconds)

    def _key(self, username: str, address: str) -> str:
        return f"login-failures:{self._hash(f'{username.strip()}|{address}')[:32]}"

    async def attempt(self, username: str, address: str) -> None:
        """Counts an attempt before its password is checked; raises ``TooManyLoginAttempts`` beyond the limit."""
        try:
            await self._per_address.hit(self._address_limit, address)
        except RateLimited as exc:
            raise TooManyLoginAttempts(
                "Too many logins from this address; try again later.", details=exc.details
            ) from exc
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
        max_per_address=settings.login_max_per_address,
    )
