"""The agent API: the queue, a conversation with its history and ticket, and the actions on it."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query

from heine_ai.api.agent_schemas import (
    AgentOut,
    AssignBody,
    AuditOut,
    ConversationOut,
    FinishBody,
    MessageOut,
    PriorityName,
    ReplyOut,
    TextBody,
    TicketOut,
)
from heine_ai.api.deps import Staff, State
from heine_ai.handoff.inbox import QueueFilter

router = APIRouter(prefix="/api/v1/agent", tags=["staff"])

STATUS_FILTERS = {"active": ("open", "claimed"), "open": ("open",), "claimed": ("claimed",), "resolved": ("resolved",)}


@router.get("/queue", response_model=list[TicketOut], summary="Tickets of the brands the agent serves")
async def queue(
    state: State,
    actor: Staff,
    brand: str | None = Query(None, max_length=64),
    status: Literal["active", "open", "claimed", "resolved"] = "active",
    priority: PriorityName | None = None,
    overdue: bool = False,
) -> list[TicketOut]:
    wanted = QueueFilter(brand=brand, statuses=STATUS_FILTERS[status], priority=priority, overdue=overdue)
    return [TicketOut.of(view) for view in await state.handoff.inbox.queue(actor, wanted)]


@router.get("/colleagues", response_model=list[AgentOut], summary="Active staff serving a brand (for assigning)")
async def colleagues(state: State, actor: Staff, brand: str = Query(min_length=1, max_length=64)) -> list[AgentOut]:
    if not actor.serves(brand):
        return []
    views = await state.handoff.accounts.list()
    return [AgentOut.of(v) for v in views if v.active and (v.role == "admin" or brand in v.brands)]


@router.get("/conversations/{conversation_id}", response_model=ConversationOut, summary="History, ticket, audit")
async def conversation(conversation_id: str, state: State, actor: Staff) -> ConversationOut:
    view = await state.handoff.inbox.conversation(actor, conversation_id)
    return ConversationOut.of(view, await state.ratings.of(view.conversation_id))


@router.post("/conversations/{conversation_id}/claim", response_model=TicketOut, summary="Take the conversation")
async def claim(conversation_id: str, state: State, actor: Staff) -> TicketOut:
    await state.handoff.service.claim(actor, conversation_id)
    return TicketOut.of(await state.handoff.inbox.ticket(actor, conversation_id))


@router.post("/conversations/{conversation_id}/assign", response_model=TicketOut, summary="Give it to a colleague")
async def assign(conversation_id: str, body: AssignBody, state: State, actor: Staff) -> TicketOut:
    await state.handoff.service.assign(actor, conversation_id, body.agent_id)
    return TicketOut.of(await state.handoff.inbox.ticket(actor, conversation_id))


@router.post("/conversations/{conversation_id}/reply", response_model=ReplyOut, summary="Answer the customer")
async def reply(conversation_id: str, body: TextBody, state: State, actor: Staff) -> ReplyOut:
    sent = await state.handoff.service.reply(actor, conversation_id, body.text)
    return ReplyOut(message=MessageOut.of(sent.message), delivered=sent.delivered)


@router.post(
    "/conversations/{conversation_id}/notes", response_model=AuditOut, status_code=201, summary="Internal note"
)
async def note(conversation_id: str, body: TextBody, state: State, actor: Staff) -> AuditOut:
    return AuditOut.of(await state.handoff.service.note(actor, conversation_id, body.text))


@router.post("/conversations/{conversation_id}/resolve", response_model=TicketOut, summary="Resolve and close")
async def resolve(conversation_id: str, state: State, actor: Staff, body: FinishBody | None = None) -> TicketOut:
    await state.handoff.service.resolve(actor, conversation_id, body.note if body else None)
    return TicketOut.of(await state.handoff.inbox.ticket(actor, conversation_id))


@router.post("/conversations/{conversation_id}/handback", response_model=TicketOut, summary="Hand back to the bot")
async def hand_back(conversation_id: str, state: State, actor: Staff, body: FinishBody | None = None) -> TicketOut:
    await state.handoff.service.hand_back(actor, conversation_id, body.note if body else None)
    return TicketOut.of(await state.handoff.inbox.ticket(actor, conversation_id))
