"""The console's action queues: withdrawals and approval tasks of a brand, and a person's decision on one."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict

from heine_ai.api.deps import Staff, State
from heine_ai.handoff.action_desk import Queue
from heine_ai.orders.commerce import ActionRecord

router = APIRouter(prefix="/api/v1/agent/actions", tags=["staff"])


class ActionOut(BaseModel):
    id: str
    reference: str
    kind: str
    brand: str
    order_number: str
    state: str
    created_at: datetime
    positions: list[int]
    approval_reason: str | None

    @classmethod
    def of(cls, record: ActionRecord) -> ActionOut:
        return cls(
            id=record.id,
            reference=record.reference,
            kind=record.kind.value,
            brand=record.brand,
            order_number=record.order_number,
            state=record.state.value,
            created_at=record.created_at,
            positions=list(record.positions),
            approval_reason=record.approval_reason,
        )


class DecisionBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    approve: bool


class DecisionOut(BaseModel):
    action: ActionOut
    customer_told: bool


@router.get("", response_model=list[ActionOut], summary="A brand's withdrawals, approval tasks or all actions")
async def queue(
    state: State, actor: Staff, brand: str = Query(min_length=1, max_length=64), queue: Queue = "approvals"
) -> list[ActionOut]:
    return [ActionOut.of(record) for record in await state.handoff.actions.queue(actor, brand, queue)]


@router.post("/{action_id}/decision", response_model=DecisionOut, summary="Approve or decline an approval task")
async def decide(
    action_id: str, body: DecisionBody, state: State, actor: Staff, brand: str = Query(min_length=1, max_length=64)
) -> DecisionOut:
    decision = await state.handoff.actions.decide(actor, brand, action_id, body.approve)
    return DecisionOut(action=ActionOut.of(decision.record), customer_told=decision.told)
