"""The per-order guessing limit covers the identity additions: each one-time code sent or tried (``order_contact``)
counts in the same bucket as a wrong postcode, on the real demo shop; a lookup that finds the order is no guess
and uses up nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from heine_ai.errors import RateLimited
from heine_ai.orders.demo import DemoCommerce
from heine_ai.orders.guard import GuardedOrders
from heine_ai.providers.cache import MemoryCache
from heine_ai.security.crypto import Cipher, new_fernet_key
from heine_ai.security.rate_limits import RateLimiter


async def test_misses_and_codes_count_against_the_orders_limit_and_finds_do_not(tmp_path: Path) -> None:
    cipher = Cipher(new_fernet_key())
    orders = GuardedOrders(DemoCommerce(tmp_path / "shop.db"), RateLimiter(MemoryCache(), cipher.lookup_hash), 3)
    for _ in range(5):  # the customer checks her order again and again: no guess, no limit
        found = await orders.find_order("heine", "41000001", customer_id="K-200001")
        assert found is not None and found.customer_id == "K-200001"
        assert await orders.lookup("heine", "40123456", "20095") is not None
    assert await orders.find_order("heine", "41000001", postcode="99999") is None
    assert await orders.order_contact("heine", "41000001") == "anna.berg@example.org"
    assert await orders.order_contact("heine", "41000001") == "anna.berg@example.org"
    with pytest.raises(RateLimited):  # the fourth guess at the order in the hour, whatever its kind
        await orders.order_contact("heine", "41000001")
    assert await orders.order_contact("heine", "41000009") == "ida.kern@example.org"  # other orders unaffected
