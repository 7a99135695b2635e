"""The JSON forms of the commerce contract (``docs/commerce-api.yaml``): orders, action requests and records, to
and from plain dicts. The HTTP client reads and writes these; a shop adapter written in Python can serve them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from heine_ai.orders.commerce import (
    ActionKind,
    ActionRecord,
    ActionRequest,
    ActionState,
    Fulfilment,
    Order,
    OrderItem,
)

# the contract's path for each action kind
ACTION_PATHS: dict[ActionKind, str] = {
    ActionKind.RETURN: "/returns",
    ActionKind.EXCHANGE: "/exchanges",
    ActionKind.CANCEL: "/cancellations",
    ActionKind.ADDRESS_CHANGE: "/address-changes",
    ActionKind.WITHDRAWAL: "/withdrawals",
    ActionKind.INVOICE_COPY: "/invoice-copies",
}


def order_to_json(order: Order) -> dict[str, Any]:
    return {
        "number": order.number,
        "brand": order.brand,
        "fulfilment": order.fulfilment.value,
        "status_text": order.status_text,
        "ordered_on": order.ordered_on.isoformat(),
        "delivered_on": _iso(order.delivered_on),
        "items": [
            {
                "position": item.position,
                "sku": item.sku,
                "name": item.name,
                "size": item.size,
                "colour": item.colour,
                "quantity": item.quantity,
                "price_cents": item.price_cents,
                "hygiene": item.hygiene,
            }
            for item in order.items
        ],
        "carrier": order.carrier,
        "tracking_number": order.tracking_number,
        "expected_delivery": _iso(order.expected_delivery),
        "email": order.email,
        "customer_id": order.customer_id,
    }


def order_from_json(body: dict[str, Any]) -> Order:
    return Order(
        number=str(body["number"]),
        brand=str(body["brand"]),
        fulfilment=Fulfilment(body["fulfilment"]),
        status_text=str(body["status_text"]),
        ordered_on=date.fromisoformat(body["ordered_on"]),
        delivered_on=_date(body.get("delivered_on")),
        items=tuple(
            OrderItem(
                position=int(item["position"]),
                sku=str(item["sku"]),
                name=str(item["name"]),
                size=str(item["size"]),
                colour=str(item["colour"]),
                quantity=int(item["quantity"]),
                price_cents=int(item["price_cents"]),
                hygiene=bool(item.get("hygiene", False)),
            )
            for item in body["items"]
        ),
        carrier=body.get("carrier"),
        tracking_number=body.get("tracking_number"),
        expected_delivery=_date(body.get("expected_delivery")),
        email=body.get("email"),
        customer_id=body.get("customer_id"),
    )


def request_to_json(request: ActionRequest) -> dict[str, Any]:
    """The body of an action request; its kind is the path and its idempotency key a header."""
    return {
        "brand": request.brand,
        "order_number": request.order_number,
        "positions": list(request.positions),
        "reason": request.reason,
        "new_size": request.new_size,
        "new_address": request.new_address,
        "needs_approval": request.needs_approval,
        "channel": request.channel,
        "conversation_id": request.conversation_id,
        "language": request.language,
    }


def request_from_json(kind: ActionKind, idempotency_key: str, body: dict[str, Any]) -> ActionRequest:
    return ActionRequest(
        kind=kind,
        brand=str(body["brand"]),
        order_number=str(body["order_number"]),
        idempotency_key=idempotency_key,
        positions=tuple(int(position) for position in body.get("positions") or ()),
        reason=body.get("reason"),
        new_size=body.get("new_size"),
        new_address=body.get("new_address"),
        needs_approval=body.get("needs_approval"),
        channel=str(body.get("channel") or "web"),
        conversation_id=body.get("conversation_id"),
        language=body.get("language"),
    )


def record_to_json(record: ActionRecord) -> dict[str, Any]:
    return {
        "id": record.id,
        "kind": record.kind.value,
        "brand": record.brand,
        "order_number": record.order_number,
        "state": record.state.value,
        "created_at": record.created_at.isoformat(),
        "positions": list(record.positions),
        "approval_reason": record.approval_reason,
        "repeated": record.repeated,
        "conversation_id": record.conversation_id,
        "details": dict(record.details),
    }


def record_from_json(body: dict[str, Any]) -> ActionRecord:
    return ActionRecord(
        id=str(body["id"]),
        kind=ActionKind(body["kind"]),
        brand=str(body["brand"]),
        order_number=str(body["order_number"]),
        state=ActionState(body["state"]),
        created_at=datetime.fromisoformat(body["created_at"]),
        positions=tuple(int(position) for position in body.get("positions") or ()),
        approval_reason=body.get("approval_reason"),
        repeated=bool(body.get("repeated", False)),
        conversation_id=body.get("conversation_id"),
        details={str(key): str(value) for key, value in (body.get("details") or {}).items()},
    )


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
