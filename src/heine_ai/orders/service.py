"""An order's status as the customer is told it (the order-status dialogue).

A lookup (``CommerceBackend.lookup``, ``orders/commerce.py``) needs the order number *and* the delivery
postcode; a wrong postcode and an unknown order number give the same answer (``None``), so a guessed order
number reveals nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class OrderStatus:
    order_number: str
    status: str  # in German, for the customer: "in Bearbeitung", "versandt", "zugestellt", ...
    carrier: str | None = None
    tracking_number: str | None = None
    expected_delivery: date | None = None
    items: int = 1
