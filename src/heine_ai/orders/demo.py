"""The demo shop: sample orders, stock and an action log in a SQLite file of their own, standing in for the
retailer's shop system (``CommerceBackend``).

The five classic status orders keep their fixed dates (the order-status examples quote them); the action orders
are stored with offsets in days and read relative to today, so that "delivered five days ago" stays inside the
return window whatever day the demo runs. Every action row has a unique idempotency key, so a repeated
confirmation returns the first row; every action and decision is written to ``demo_audit`` (who, what, when, no
personal data) and logged.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from heine_ai.errors import NotFound
from heine_ai.observability.logging import get_logger
from heine_ai.orders.commerce import (
    ActionKind,
    ActionRecord,
    ActionRequest,
    ActionState,
    Fulfilment,
    Order,
    OrderItem,
)
from heine_ai.orders.service import OrderStatus

log = get_logger(__name__)

_FULFILMENT = {
    "in Bearbeitung": Fulfilment.PREPARING,
    "versandt": Fulfilment.SHIPPED,
    "teilweise versandt": Fulfilment.SHIPPED,
    "zugestellt": Fulfilment.DELIVERED,
    "storniert": Fulfilment.CANCELLED,
}

# order number, brand, postcode, e-mail, status, carrier, tracking number, expected delivery (ISO date or days
# from today), ordered (days ago)
DEMO_ORDERS: tuple[tuple[str, str, str, str, str, str | None, str | None, str | int | None, int], ...] = (
    ("40123456", "heine", "20095", "kundin1@example.org", "versandt", "Hermes", "H1002345678901", "2026-11-26", 20),
    ("40234567", "heine", "80331", "kunde2@example.org", "in Bearbeitung", None, None, "2026-11-28", 20),
    (
        "40345678",
        "heine",
        "50667",
        "kundin3@example.org",
        "zugestellt",
        "DHL",
        "00340434161234567890",
        "2026-11-20",
        25,
    ),
    (
        "40456789",
        "heine",
        "10115",
        "kunde4@example.org",
        "teilweise versandt",
        "Hermes",
        "H1002345678955",
        "2026-11-27",
        20,
    ),
    ("40567890", "heine", "01067", "kundin5@example.org", "storniert", None, None, None, 20),
    # the action orders: dates relative to today
    ("41000001", "heine", "20095", "anna.berg@example.org", "zugestellt", "DHL", "00340434169999000001", -5, 8),
    ("41000002", "heine", "80331", "ben.kraus@example.org", "zugestellt", "Hermes", "H1002349999000002", -45, 50),
    ("41000003", "heine", "50667", "carla.wolf@example.org", "versandt", "DHL", "00340434169999000003", 2, 3),
    ("41000004", "heine", "10115", "dirk.lang@example.org", "in Bearbeitung", None, None, 4, 1),
    ("41000005", "heine", "01067", "eva.roth@example.org", "zugestellt", "DHL", "00340434169999000005", -3, 6),
    ("41000006", "heine", "04109", "felix.hahn@example.org", "zugestellt", "Hermes", "H1002349999000006", -10, 14),
    ("41000007", "heine", "22767", "greta.vogt@example.org", "in Bearbeitung", None, None, 3, 1),
    ("41000008", "heine", "60311", "hanna.beck@example.org", "in Bearbeitung", None, None, 5, 0),
    ("41000009", "heine", "70173", "ida.kern@example.org", "zugestellt", "DHL", "00340434169999000009", -7, 10),
)

# order number, position, sku, name, size, colour, quantity, price in cents, hygiene item
DEMO_ITEMS = (
    ("40123456", 1, "H-1001", "Strickkleid", "38", "Rot", 1, 8999, 0),
    ("40123456", 2, "H-2002", "Jeans", "40", "Blau", 1, 5999, 0),
    ("40234567", 1, "H-3003", "Bluse", "36", "Weiß", 1, 4999, 0),
    ("40345678", 1, "H-4004", "Strickjacke", "38", "Grau", 3, 6999, 0),
    ("40456789", 1, "H-5005", "T-Shirt", "M", "Schwarz", 4, 1999, 0),
    ("40567890", 1, "H-6006", "Rock", "38", "Grün", 1, 3999, 0),
    ("41000001", 1, "H-1001", "Strickkleid", "38", "Rot", 1, 8999, 0),
    ("41000001", 2, "H-2002", "Jeans", "40", "Blau", 1, 5999, 0),
    ("41000002", 1, "H-7007", "Wollmantel", "40", "Camel", 1, 19999, 0),
    ("41000003", 1, "H-3003", "Bluse", "36", "Weiß", 1, 4999, 0),
    ("41000004", 1, "H-8008", "Sneaker", "39", "Weiß", 1, 7999, 0),
    ("41000004", 2, "H-4004", "Strickjacke", "38", "Grau", 1, 6999, 0),
    ("41000005", 1, "H-9009", "Bikini", "38", "Blau", 1, 4999, 1),
    ("41000005", 2, "H-9010", "Sonnenhut", "M", "Natur", 1, 2999, 0),
    ("41000006", 1, "H-9911", "Ledermantel", "42", "Schwarz", 1, 39999, 0),
    ("41000007", 1, "H-1212", "Maxikleid", "38", "Blau", 1, 7999, 0),
    ("41000008", 1, "H-1313", "Pullover", "M", "Grau", 1, 5999, 0),
    ("41000008", 2, "H-1414", "Schal", "OS", "Rot", 1, 2499, 0),
    ("41000009", 1, "H-1001", "Strickkleid", "38", "Rot", 1, 8999, 0),
)

# order number, the shop's customer id: the orders of signed-in customers (the rest are guest orders). The account
# K-200001 has two (the second delivered to another address, a gift), so that a test shows a verified customer
# reaching their own orders and no one else's
DEMO_CUSTOMERS = (
    ("40123456", "K-100001"),
    ("41000001", "K-200001"),
    ("41000009", "K-200001"),
    ("41000002", "K-200002"),
    ("41000003", "K-200003"),
    ("41000004", "K-200004"),
    ("41000005", "K-200005"),
)

# sku, size, quantity: the exchange sizes in stock
DEMO_STOCK = (
    ("H-1001", "36", 2),
    ("H-1001", "40", 3),
    ("H-1001", "42", 0),
    ("H-2002", "38", 1),
    ("H-2002", "42", 0),
    ("H-7007", "38", 1),
    ("H-9911", "40", 1),
)

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS demo_orders (order_number TEXT PRIMARY KEY, brand TEXT, postcode TEXT, email TEXT, "
    "status TEXT, carrier TEXT, tracking_number TEXT, expected_delivery TEXT, ordered_days_ago INTEGER)",
    "CREATE TABLE IF NOT EXISTS demo_items (order_number TEXT, position INTEGER, sku TEXT, name TEXT, size TEXT, "
    "colour TEXT, quantity INTEGER, price_cents INTEGER, hygiene INTEGER, cancelled INTEGER DEFAULT 0, "
    "PRIMARY KEY (order_number, position))",
    # a table of its own rather than a column: demo files seeded by earlier versions gain it without a migration
    "CREATE TABLE IF NOT EXISTS demo_customers (order_number TEXT PRIMARY KEY, customer_id TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS demo_stock (sku TEXT, size TEXT, quantity INTEGER, PRIMARY KEY (sku, size))",
    "CREATE TABLE IF NOT EXISTS demo_actions (id TEXT PRIMARY KEY, idempotency_key TEXT UNIQUE NOT NULL, "
    "brand TEXT, kind TEXT, order_number TEXT, positions TEXT, state TEXT, approval_reason TEXT, details TEXT, "
    "created_at TEXT, decided_by TEXT, conversation_id TEXT)",
    "CREATE TABLE IF NOT EXISTS demo_audit (at TEXT, actor TEXT, brand TEXT, action_id TEXT, kind TEXT, event TEXT)",
)


class DemoCommerce:
    """The demo shop (``CommerceBackend``) in the SQLite file ``path``, seeded on first use."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._seeded = False

    def seed(self) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self._path)) as connection, connection:
            for statement in _SCHEMA:
                connection.execute(statement)
            rows = [(*row[:7], _stored_date(row[7]), row[8]) for row in DEMO_ORDERS]
            connection.executemany("INSERT OR IGNORE INTO demo_orders VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            connection.executemany(
                "INSERT OR IGNORE INTO demo_items (order_number, position, sku, name, size, colour, quantity, "
                "price_cents, hygiene) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                DEMO_ITEMS,
            )
            connection.executemany("INSERT OR IGNORE INTO demo_stock VALUES (?, ?, ?)", DEMO_STOCK)
            connection.executemany("INSERT OR IGNORE INTO demo_customers VALUES (?, ?)", DEMO_CUSTOMERS)
        self._seeded = True

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """One transaction on a connection of its own, committed (or rolled back) and closed on exit."""
        if not self._seeded:
            self.seed()
        with closing(sqlite3.connect(self._path, timeout=30)) as connection, connection:
            yield connection

    async def lookup(self, brand: str, order_number: str, postcode: str) -> OrderStatus | None:
        order = await self.find_order(brand, order_number, postcode=postcode)
        return order.status() if order is not None else None

    async def find_order(
        self,
        brand: str,
        order_number: str,
        *,
        postcode: str | None = None,
        email: str | None = None,
        customer_id: str | None = None,
    ) -> Order | None:
        given = _Given(postcode, email, customer_id)
        return await asyncio.to_thread(self._find, brand, order_number, given)

    async def order_contact(self, brand: str, order_number: str) -> str | None:
        return await asyncio.to_thread(self._contact, brand, order_number)

    def _contact(self, brand: str, number: str) -> str | None:
        with self._connect() as connection:
            row = connection.execute(
                "SELECT email FROM demo_orders WHERE order_number = ? AND brand = ?", (number, brand)
            ).fetchone()
        return str(row[0]) if row is not None and row[0] else None

    def _find(self, brand: str, number: str, given: _Given) -> Order | None:
        with self._connect() as connection:
            row = connection.execute(
                "SELECT o.postcode, o.email, o.status, o.carrier, o.tracking_number, o.expected_delivery, "
                "o.ordered_days_ago, c.customer_id FROM demo_orders o LEFT JOIN demo_customers c "
                "ON c.order_number = o.order_number WHERE o.order_number = ? AND o.brand = ?",
                (number, brand),
            ).fetchone()
            items = connection.execute(
                "SELECT position, sku, name, size, colour, quantity, price_cents, hygiene FROM demo_items "
                "WHERE order_number = ? AND cancelled = 0 ORDER BY position",
                (number,),
            ).fetchall()
        if row is None or not given.matches(row[0], row[1], row[7]):
            return None
        today = date.today()
        expected = _read_date(row[5], today)
        fulfilment = _FULFILMENT.get(row[2], Fulfilment.PREPARING)
        delivered = expected if fulfilment is Fulfilment.DELIVERED else None
        return Order(
            number=number,
            brand=brand,
            fulfilment=fulfilment,
            status_text=row[2],
            ordered_on=today - timedelta(days=int(row[6])),
            delivered_on=delivered,
            items=tuple(_item(item) for item in items),
            carrier=row[3],
            tracking_number=row[4],
            expected_delivery=expected,
            email=row[1] or None,
            customer_id=row[7],
        )

    async def in_stock(self, brand: str, sku: str, size: str) -> bool:
        return await asyncio.to_thread(self._in_stock, sku, size)

    def _in_stock(self, sku: str, size: str) -> bool:
        with self._connect() as connection:
            row = connection.execute(
                "SELECT quantity FROM demo_stock WHERE sku = ? AND size = ?", (sku, size.upper())
            ).fetchone()
        return row is not None and int(row[0]) > 0

    async def create_return(self, request: ActionRequest) -> ActionRecord:
        return await asyncio.to_thread(self._record, request)

    async def create_exchange(self, request: ActionRequest) -> ActionRecord:
        return await asyncio.to_thread(self._record, request)

    async def cancel(self, request: ActionRequest) -> ActionRecord:
        return await asyncio.to_thread(self._record, request)

    async def change_address(self, request: ActionRequest) -> ActionRecord:
        return await asyncio.to_thread(self._record, request)

    async def record_withdrawal(self, request: ActionRequest) -> ActionRecord:
        return await asyncio.to_thread(self._record, request)

    async def send_invoice_copy(self, request: ActionRequest) -> ActionRecord:
        return await asyncio.to_thread(self._record, request)

    def _record(self, request: ActionRequest) -> ActionRecord:
        """Insert the action under its idempotency key and apply its effect in the same transaction; a key seen
        before returns the first record and changes nothing."""
        state = ActionState.PENDING_APPROVAL if request.needs_approval else ActionState.DONE
        now = datetime.now(UTC)
        action_id = uuid.uuid4().hex
        details = _details(request)
        with self._connect() as connection:
            try:
                connection.execute(
                    "INSERT INTO demo_actions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)",
                    (
                        action_id,
                        request.idempotency_key,
                        request.brand,
                        request.kind.value,
                        request.order_number,
                        json.dumps(list(request.positions)),
                        state.value,
                        request.needs_approval,
                        json.dumps(details),
                        now.isoformat(),
                        request.conversation_id,
                    ),
                )
            except sqlite3.IntegrityError:
                row = connection.execute(
                    f"SELECT {_ACTION_COLUMNS} FROM demo_actions WHERE idempotency_key = ?",  # noqa: S608
                    (request.idempotency_key,),
                ).fetchone()
                return _action(row, repeated=True)
            if state is ActionState.DONE:
                _apply(connection, request)
            _audit(connection, request.channel, request.brand, action_id, request.kind.value, state.value)
        log.info("commerce_action", action_id=action_id, kind=request.kind.value, brand=request.brand, state=state)
        return ActionRecord(
            action_id,
            request.kind,
            request.brand,
            request.order_number,
            state,
            now,
            request.positions,
            request.needs_approval,
            details=details,
            conversation_id=request.conversation_id,
        )

    async def actions(self, brand: str, state: ActionState | None = None) -> list[ActionRecord]:
        return await asyncio.to_thread(self._actions, brand, state)

    def _actions(self, brand: str, state: ActionState | None) -> list[ActionRecord]:
        query = f"SELECT {_ACTION_COLUMNS} FROM demo_actions WHERE brand = ?"  # noqa: S608
        parameters: tuple[str, ...] = (brand,)
        if state is not None:
            query += " AND state = ?"
            parameters = (brand, state.value)
        with self._connect() as connection:
            rows = connection.execute(query + " ORDER BY created_at DESC", parameters).fetchall()
        return [_action(row) for row in rows]

    async def decide(self, action_id: str, approve: bool, staff: str) -> ActionRecord:
        return await asyncio.to_thread(self._decide, action_id, approve, staff)

    def _decide(self, action_id: str, approve: bool, staff: str) -> ActionRecord:
        decided = ActionState.APPROVED if approve else ActionState.DECLINED
        with self._connect() as connection:
            changed = connection.execute(
                "UPDATE demo_actions SET state = ?, decided_by = ? WHERE id = ? AND state = ?",
                (decided.value, staff, action_id, ActionState.PENDING_APPROVAL.value),
            ).rowcount
            row = connection.execute(
                f"SELECT {_ACTION_COLUMNS} FROM demo_actions WHERE id = ?",  # noqa: S608
                (action_id,),
            ).fetchone()
            if row is None:
                raise NotFound("No such action.", details={"action_id": action_id})
            record = _action(row, repeated=not changed)
            if changed:
                if approve:
                    _apply(connection, _request_of(record))
                _audit(connection, staff, record.brand, action_id, record.kind.value, decided.value)
        return record


_ACTION_COLUMNS = (
    "id, kind, brand, order_number, state, created_at, positions, approval_reason, details, conversation_id"
)


def _action(row: tuple[str, ...], *, repeated: bool = False) -> ActionRecord:
    return ActionRecord(
        id=row[0],
        kind=ActionKind(row[1]),
        brand=row[2],
        order_number=row[3],
        state=ActionState(row[4]),
        created_at=datetime.fromisoformat(row[5]),
        positions=tuple(json.loads(row[6])),
        approval_reason=row[7],
        repeated=repeated,
        details=json.loads(row[8]),
        conversation_id=row[9],
    )


def _item(row: tuple[int, str, str, str, str, int, int, int]) -> OrderItem:
    position, sku, name, size, colour, quantity, price_cents, hygiene = row
    return OrderItem(position, sku, name, size, colour, quantity, price_cents, bool(hygiene))


def _request_of(record: ActionRecord) -> ActionRequest:
    return ActionRequest(
        record.kind,
        record.brand,
        record.order_number,
        record.id,
        record.positions,
        new_size=record.details.get("new_size"),
        new_address=record.details.get("new_address"),
    )


def _details(request: ActionRequest) -> dict[str, str]:
    details = {
        "new_size": request.new_size,
        "new_address": request.new_address,
        "reason": request.reason,
        "language": request.language,
    }
    return {key: value for key, value in details.items() if value}


def _apply(connection: sqlite3.Connection, request: ActionRequest) -> None:
    """The action's effect on the shop's data: a cancellation removes items (all: the order), an exchange
    reserves the new size, an address change replaces the delivery address's postcode."""
    if request.kind is ActionKind.CANCEL:
        if request.positions:
            marks = ",".join("?" * len(request.positions))
            connection.execute(
                f"UPDATE demo_items SET cancelled = 1 WHERE order_number = ? AND position IN ({marks})",  # noqa: S608
                (request.order_number, *request.positions),
            )
        left = connection.execute(
            "SELECT COUNT(*) FROM demo_items WHERE order_number = ? AND cancelled = 0", (request.order_number,)
        ).fetchone()[0]
        if not request.positions or not left:
            connection.execute(
                "UPDATE demo_orders SET status = 'storniert' WHERE order_number = ?", (request.order_number,)
            )
    elif request.kind is ActionKind.EXCHANGE and request.new_size:
        for position in request.positions:
            connection.execute(
                "UPDATE demo_stock SET quantity = quantity - 1 WHERE size = ? AND quantity > 0 AND sku = "
                "(SELECT sku FROM demo_items WHERE order_number = ? AND position = ?)",
                (request.new_size.upper(), request.order_number, position),
            )


def _audit(connection: sqlite3.Connection, actor: str, brand: str, action_id: str, kind: str, event: str) -> None:
    connection.execute(
        "INSERT INTO demo_audit VALUES (?, ?, ?, ?, ?, ?)",
        (datetime.now(UTC).isoformat(), actor, brand, action_id, kind, event),
    )


@dataclass(frozen=True, slots=True)
class _Given:
    """What the person asking gave to find an order with: any one that matches it will do."""

    postcode: str | None
    email: str | None
    customer_id: str | None

    def matches(self, postcode: str, email: str, customer_id: str | None) -> bool:
        if self.postcode is not None and hmac.compare_digest(postcode, self.postcode.strip()):
            return True
        if (
            self.customer_id is not None
            and customer_id is not None
            and hmac.compare_digest(customer_id.encode(), self.customer_id.strip().encode())
        ):
            return True
        return self.email is not None and hmac.compare_digest(email.casefold(), self.email.strip().casefold())


def _stored_date(value: str | int | None) -> str | None:
    return str(value) if value is not None else None


def _read_date(value: str | None, today: date) -> date | None:
    """An ISO date, or a number of days from ``today`` (negative: in the past)."""
    if value is None:
        return None
    if value.lstrip("-").isdigit():
        return today + timedelta(days=int(value))
    return date.fromisoformat(value)
