"""Order lookups: the Protocol the retailer's order system implements, and a demo implementation.

A lookup needs the order number *and* the delivery postcode; a wrong postcode and an unknown order number give
the same answer (``None``), so a guessed order number reveals nothing.
"""

from __future__ import annotations

import asyncio
import hmac
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True, slots=True)
class OrderStatus:
    order_number: str
    status: str  # in German, for the customer: "in Bearbeitung", "versandt", "zugestellt", ...
    carrier: str | None = None
    tracking_number: str | None = None
    expected_delivery: date | None = None
    items: int = 1


class OrderService(Protocol):
    async def lookup(self, brand: str, order_number: str, postcode: str) -> OrderStatus | None: ...


DEMO_ORDERS = (
    # order number, brand, postcode, status, carrier, tracking number, expected delivery, items
    ("40123456", "heine", "20095", "versandt", "Hermes", "H1002345678901", "2026-11-26", 2),
    ("40234567", "heine", "80331", "in Bearbeitung", None, None, "2026-11-28", 1),
    ("40345678", "heine", "50667", "zugestellt", "DHL", "00340434161234567890", "2026-11-20", 3),
    ("40456789", "heine", "10115", "teilweise versandt", "Hermes", "H1002345678955", "2026-11-27", 4),
    ("40567890", "heine", "01067", "storniert", None, None, None, 1),
)


class DemoOrderService:
    """Sample orders in a SQLite file of their own, standing in for the retailer's order system."""

    def __init__(self, path: Path) -> None:
        self._path = path

    def seed(self) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        with sqlite3.connect(self._path) as connection:
            connection.execute(
                "CREATE TABLE IF NOT EXISTS demo_orders (order_number TEXT PRIMARY KEY, brand TEXT, postcode TEXT, "
                "status TEXT, carrier TEXT, tracking_number TEXT, expected_delivery TEXT, items INTEGER)"
            )
            connection.executemany("INSERT OR REPLACE INTO demo_orders VALUES (?, ?, ?, ?, ?, ?, ?, ?)", DEMO_ORDERS)

    async def lookup(self, brand: str, order_number: str, postcode: str) -> OrderStatus | None:
        return await asyncio.to_thread(self._lookup, brand, order_number, postcode)

    def _lookup(self, brand: str, order_number: str, postcode: str) -> OrderStatus | None:
        if not self._path.exists():
            self.seed()
        with sqlite3.connect(self._path) as connection:
            row = connection.execute(
                "SELECT order_number, postcode, status, carrier, tracking_number, expected_delivery, items "
                "FROM demo_orders WHERE order_number = ? AND brand = ?",
                (order_number, brand),
            ).fetchone()
        if row is None or not hmac.compare_digest(str(row[1]), postcode.strip()):
            return None
        expected = date.fromisoformat(row[5]) if row[5] else None
        return OrderStatus(row[0], row[2], row[3], row[4], expected, int(row[6]))
