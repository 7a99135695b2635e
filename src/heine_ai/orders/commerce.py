"""The commerce backend: what the assistant may read of the retailer's shop system and what it may do there.

``CommerceBackend`` replaces the order-status-only lookup: it finds an order with its items (only for the order number
together with the delivery postcode, the order's e-mail address or the shop's customer id of a customer the shop signed
in: a wrong one and an unknown order read the same), names the order's address for a one-time code (``order_contact``:
the address is never shown to the person asking), checks stock for an exchange, and carries out the actions of
``ActionKind``. Every action carries an idempotency key: the same key twice returns the first record (``repeated=True``)
and creates nothing new. The backend decides nothing about policy; the assistant's procedures
(``assistant/procedures.py``) do, before they ask the customer to confirm. Implementations: the demo SQLite shop
(``orders/demo.py``) and the retailer's own system over HTTP (``orders/http.py``, the contract in
``docs/commerce-api.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol

from heine_ai.orders.service import OrderStatus


class Fulfilment(StrEnum):
    """Where an order is in the shop's process; the policies read this, not the customer-facing status text."""

    PREPARING = "preparing"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


class ActionKind(StrEnum):
    RETURN = "return"
    EXCHANGE = "exchange"
    CANCEL = "cancel"
    ADDRESS_CHANGE = "address_change"
    WITHDRAWAL = "withdrawal"
    INVOICE_COPY = "invoice_copy"


class ActionState(StrEnum):
    DONE = "done"
    PENDING_APPROVAL = "pending_approval"  # an exception to the policy: a person approves or declines
    APPROVED = "approved"
    DECLINED = "declined"


@dataclass(frozen=True, slots=True)
class OrderItem:
    position: int
    sku: str
    name: str
    size: str
    colour: str
    quantity: int
    price_cents: int
    hygiene: bool = False  # swimwear, underwear: excluded from returns once delivered (brand policy)


@dataclass(frozen=True, slots=True)
class Order:
    number: str
    brand: str
    fulfilment: Fulfilment
    status_text: str  # the shop's status in German, for the customer
    ordered_on: date
    delivered_on: date | None
    items: tuple[OrderItem, ...]
    carrier: str | None = None
    tracking_number: str | None = None
    expected_delivery: date | None = None
    email: str | None = None  # the order's address: confirmations on a durable medium go there
    customer_id: str | None = None  # the shop's customer account the order belongs to (none: a guest order)

    def status(self) -> OrderStatus:
        count = sum(item.quantity for item in self.items) or 1
        return OrderStatus(
            self.number, self.status_text, self.carrier, self.tracking_number, self.expected_delivery, count
        )


@dataclass(frozen=True, slots=True)
class ActionRequest:
    """One action on one order; ``positions`` are the items it concerns (empty: the whole order)."""

    kind: ActionKind
    brand: str
    order_number: str
    idempotency_key: str
    positions: tuple[int, ...] = ()
    reason: str | None = None
    new_size: str | None = None  # exchange
    new_address: str | None = None  # address change
    needs_approval: str | None = None  # why a person must approve first (outside the window, damaged, amount)
    channel: str = "web"
    conversation_id: str | None = None  # where the customer is told of a person's decision
    language: str | None = None  # the customer's, for that message


@dataclass(frozen=True, slots=True)
class ActionRecord:
    id: str
    kind: ActionKind
    brand: str
    order_number: str
    state: ActionState
    created_at: datetime  # timezone-aware UTC
    positions: tuple[int, ...] = ()
    approval_reason: str | None = None
    repeated: bool = False  # the idempotency key was seen before: this is the first record, nothing new was done
    conversation_id: str | None = None
    details: dict[str, str] = field(default_factory=dict)

    @property
    def reference(self) -> str:
        """What the customer and staff call the action: the first eight characters of its id, upper case."""
        return self.id[:8].upper()


class CommerceBackend(Protocol):
    async def lookup(self, brand: str, order_number: str, postcode: str) -> OrderStatus | None: ...

    async def find_order(
        self,
        brand: str,
        order_number: str,
        *,
        postcode: str | None = None,
        email: str | None = None,
        customer_id: str | None = None,
    ) -> Order | None:
        """The order when the postcode, the e-mail address or the customer id matches it, else ``None`` (never
        which one failed). A ``customer_id`` is passed only once the shop's signature of it was verified."""
        ...

    async def order_contact(self, brand: str, order_number: str) -> str | None:
        """The order's e-mail address, where a one-time code is sent when an e-mail comes from another address;
        ``None`` for an unknown order or one without an address. Never shown to the person asking."""
        ...

    async def in_stock(self, brand: str, sku: str, size: str) -> bool: ...

    async def create_return(self, request: ActionRequest) -> ActionRecord: ...

    async def create_exchange(self, request: ActionRequest) -> ActionRecord: ...

    async def cancel(self, request: ActionRequest) -> ActionRecord: ...

    async def change_address(self, request: ActionRequest) -> ActionRecord: ...

    async def record_withdrawal(self, request: ActionRequest) -> ActionRecord: ...

    async def send_invoice_copy(self, request: ActionRequest) -> ActionRecord: ...

    async def actions(self, brand: str, state: ActionState | None = None) -> list[ActionRecord]:
        """The brand's actions, newest first (the console's queues)."""
        ...

    async def decide(self, action_id: str, approve: bool, staff: str) -> ActionRecord:
        """A person's decision on a pending action; deciding twice keeps the first decision."""
        ...


async def execute(backend: CommerceBackend, request: ActionRequest) -> ActionRecord:
    """Carry out ``request`` with the backend's operation for its kind."""
    operations = {
        ActionKind.RETURN: backend.create_return,
        ActionKind.EXCHANGE: backend.create_exchange,
        ActionKind.CANCEL: backend.cancel,
        ActionKind.ADDRESS_CHANGE: backend.change_address,
        ActionKind.WITHDRAWAL: backend.record_withdrawal,
        ActionKind.INVOICE_COPY: backend.send_invoice_copy,
    }
    return await operations[request.kind](request)
