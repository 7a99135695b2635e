"""The brand's action policy applied to one order: may the assistant do it, must a person approve, or not at all.

Pure functions of the order, the chosen items, the brand's ``ActionConfig`` and today's date: the procedures call
this before they propose an action and again when the customer confirms, so a confirmation never executes
something the policy no longer allows (an order shipped in between).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from heine_ai.config.actions import ActionConfig
from heine_ai.orders.commerce import ActionKind, Fulfilment, Order, OrderItem


class Approval(StrEnum):
    """Why a person must approve an action first."""

    WINDOW = "window_passed"
    DAMAGED = "damaged"
    AMOUNT = "amount"


@dataclass(frozen=True, slots=True)
class Verdict:
    refusal: str | None = None  # the name of the refusal text
    approval: Approval | None = None
    values: dict[str, str] = field(default_factory=dict)  # what the texts quote (an item, a date)

    @property
    def allowed(self) -> bool:
        return self.refusal is None


_ITEM_ACTIONS = (ActionKind.RETURN, ActionKind.EXCHANGE)
_BEFORE_SHIPPING = (ActionKind.CANCEL, ActionKind.ADDRESS_CHANGE)


def judge(
    kind: ActionKind,
    order: Order,
    items: list[OrderItem],
    policy: ActionConfig,
    *,
    damaged: bool,
    today: date,
) -> Verdict:
    if order.fulfilment is Fulfilment.CANCELLED:
        return Verdict("refuse_cancelled")
    if kind in _BEFORE_SHIPPING and order.fulfilment is not Fulfilment.PREPARING:
        return Verdict("refuse_shipped")
    if kind not in _ITEM_ACTIONS:
        return Verdict()
    if order.fulfilment is Fulfilment.PREPARING:
        return Verdict("refuse_preparing")
    if order.fulfilment is not Fulfilment.DELIVERED or order.delivered_on is None:
        return Verdict("refuse_not_delivered")
    hygiene = [item for item in items if item.hygiene]
    if hygiene and policy.hygiene_excluded:
        return Verdict("refuse_hygiene", values={"item": hygiene[0].name})
    deadline = order.delivered_on + timedelta(days=policy.return_window_days)
    if today > deadline:
        return Verdict(approval=Approval.WINDOW, values={"date": deadline.strftime("%d.%m.%Y")})
    if damaged:
        return Verdict(approval=Approval.DAMAGED)
    refund = sum(item.price_cents * item.quantity for item in items) / 100
    if kind is ActionKind.RETURN and refund > policy.approval_above_eur:
        return Verdict(approval=Approval.AMOUNT)
    return Verdict()
