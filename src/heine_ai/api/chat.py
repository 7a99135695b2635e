"""The customer-facing REST API: chat, session history and the list of brands."""

from __future__ import annotations

from fastapi import APIRouter, Request

from heine_ai.api.deps import Caller, State
from heine_ai.api.limits import count_new_chat
from heine_ai.api.schemas import (
    BrandOut,
    ChatRequest,
    ChatResponse,
    HistoryMessage,
    HistoryResponse,
    SourceOut,
)
from heine_ai.messages import Channel, InboundMessage

router = APIRouter(prefix="/api/v1", tags=["chat"])

_API_ROLES = {"customer": "user"}


@router.post("/chat", response_model=ChatResponse, summary="Send a customer message and get the answer")
async def chat(body: ChatRequest, state: State, caller: Caller, request: Request) -> ChatResponse:
    if body.session_id is None:  # a script opening a session per guess or per spam message
        await count_new_chat(state, request.client.host if request.client else "")
    metadata: dict[str, str] = body.metadata.model_dump(exclude_none=True) if body.metadata else {}
    if body.customer_id:
        metadata["customer_id"] = body.customer_id
    verified = state.identity.verified(state.assistant.brand(body.brand).id, body.customer_id, body.user_hash)
    message = InboundMessage(
        brand=body.brand,
        channel=Channel.API,
        text=body.message,
        thread_key=body.session_id,
        session_token=body.session_token or caller.session_token,
        metadata=metadata,
        verified_customer=verified,
    )
    reply = await state.assistant.handle(message)
    return ChatResponse(
        response=reply.text,
        session_id=reply.session_id,
        session_token=reply.session_token,
        confidence=reply.confidence,
        escalation_required=reply.escalation_required,
        escalation_reason=reply.escalation_reason.value if reply.escalation_reason else None,
        processing_time=reply.processing_time,
        sources=[SourceOut(title=s.title, url=s.url, relevance=s.relevance) for s in reply.sources],
        author=None if reply.silent else "assistant",
    )


@router.get("/sessions/{session_id}/history", response_model=HistoryResponse, summary="A session's messages")
async def history(session_id: str, state: State, caller: Caller) -> HistoryResponse:
    # staff read with a staff account, for the brands it serves; operator tokens are refused
    brands = caller.staff.account().brands if caller.staff is not None else None
    transcript = await state.conversations.transcript(session_id, caller.session_token, staff_brands=brands)
    messages = [
        HistoryMessage(timestamp=m.created_at, role=_API_ROLES.get(m.role, m.role), content=m.content)
        for m in transcript.messages
    ]
    return HistoryResponse(
        session_id=session_id,
        messages=messages,
        total_messages=len(messages),
        session_duration=transcript.duration_seconds,
    )


@router.get("/brands", response_model=list[BrandOut], summary="The brands this service answers for")
async def brands(state: State) -> list[BrandOut]:
    return [
        BrandOut(id=b.id, display_name=b.display_name, language=b.language, greeting=b.greeting)
        for b in state.brands.values()
    ]
