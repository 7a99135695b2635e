"""Order lookups per order number: however many conversations or addresses ask, one order can be looked up only
``ORDER_LOOKUPS_PER_HOUR`` times an hour.

The order dialogue escalates after three misses in one conversation, but a script that opens a fresh session per
guess never reaches three (the audit revealed a demo order's tracking number with 200 postcode guesses). Counting
per order number, in the cache that every worker shares, closes that: beyond the limit the lookup raises
``RateLimited`` without asking the shop, and the dialogue hands the customer to a person.
"""

from __future__ import annotations

from heine_ai.orders.service import OrderService, OrderStatus
from heine_ai.security.rate_limits import Limit, RateLimiter

HOUR = 3600


class GuardedOrders:
    """An ``OrderService`` that counts every lookup of an order number before it asks the real one."""

    def __init__(self, inner: OrderService, limiter: RateLimiter, per_hour: int) -> None:
        self._inner = inner
        self._limiter = limiter
        self._limit = Limit("order_lookups", per_hour, HOUR)

    async def lookup(self, brand: str, order_number: str, postcode: str) -> OrderStatus | None:
        await self._limiter.hit(self._limit, f"{brand}:{order_number}")
        return await self._inner.lookup(brand, order_number, postcode)
