"""Order lookups per order number: however many conversations or addresses ask, one order can be looked up only
``ORDER_LOOKUPS_PER_HOUR`` times an hour.

The order dialogue escalates after three misses in one conversation, but a script that opens a fresh session per
guess never reaches three (the audit revealed a demo order's tracking number with 200 postcode guesses). Counting
per order number, in the cache that every worker shares, closes that: beyond the limit the lookup raises
``RateLimited`` without asking the shop, and the dialogue hands the customer to a person. Status lookups, the
procedures' order lookups and the one-time codes of the e-mail identity (each sent and each wrong one) count in the
same bucket; actions pass through (they follow a counted lookup). A lookup is counted before it is made (guesses
sent all at once cannot pass together) and taken back when it found the order: only guesses use up the hour, and
a customer who checks her parcel every few minutes is never handed over for it.
"""

from __future__ import annotations

from heine_ai.orders.commerce import ActionRecord, ActionRequest, ActionState, CommerceBackend, Order
from heine_ai.orders.service import OrderStatus
from heine_ai.security.rate_limits import Limit, RateLimiter

HOUR = 3600


class GuardedOrders:
    """A ``CommerceBackend`` that counts every lookup of an order number before it asks the real one."""

    def __init__(self, inner: CommerceBackend, limiter: RateLimiter, per_hour: int) -> None:
        self._inner = inner
        self._limiter = limiter
        self._limit = Limit("order_lookups", per_hour, HOUR)

    async def lookup(self, brand: str, order_number: str, postcode: str) -> OrderStatus | None:
        await self._limiter.hit(self._limit, f"{brand}:{order_number}")
        found = await self._inner.lookup(brand, order_number, postcode)
        if found is not None:
            await self._limiter.refund(self._limit, f"{brand}:{order_number}")
        return found

    async def find_order(
        self,
        brand: str,
        order_number: str,
        *,
        postcode: str | None = None,
        email: str | None = None,
        customer_id: str | None = None,
    ) -> Order | None:
        await self._limiter.hit(self._limit, f"{brand}:{order_number}")
        found = await self._inner.find_order(
            brand, order_number, postcode=postcode, email=email, customer_id=customer_id
        )
        if found is not None:  # found only where the postcode, address or customer id matched: no guess
            await self._limiter.refund(self._limit, f"{brand}:{order_number}")
        return found

    async def order_contact(self, brand: str, order_number: str) -> str | None:
        """Counted like a lookup: each one-time code sent, and each wrong one, is a guess at the order."""
        await self._limiter.hit(self._limit, f"{brand}:{order_number}")
        return await self._inner.order_contact(brand, order_number)

    async def in_stock(self, brand: str, sku: str, size: str) -> bool:
        return await self._inner.in_stock(brand, sku, size)

    async def create_return(self, request: ActionRequest) -> ActionRecord:
        return await self._inner.create_return(request)

    async def create_exchange(self, request: ActionRequest) -> ActionRecord:
        return await self._inner.create_exchange(request)

    async def cancel(self, request: ActionRequest) -> ActionRecord:
        return await self._inner.cancel(request)

    async def change_address(self, request: ActionRequest) -> ActionRecord:
        return await self._inner.change_address(request)

    async def record_withdrawal(self, request: ActionRequest) -> ActionRecord:
        return await self._inner.record_withdrawal(request)

    async def send_invoice_copy(self, request: ActionRequest) -> ActionRecord:
        return await self._inner.send_invoice_copy(request)

    async def actions(self, brand: str, state: ActionState | None = None) -> list[ActionRecord]:
        return await self._inner.actions(brand, state)

    async def decide(self, action_id: str, approve: bool, staff: str) -> ActionRecord:
        return await self._inner.decide(action_id, approve, staff)
