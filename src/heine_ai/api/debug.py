"""Admin debug endpoints (debug mode, or ``DEBUG_ENDPOINTS``): memory use and top allocations, and one chat
message profiled through the pipeline. They report sizes, timings and code locations, never message content:
the profiled message's reply is not returned."""

from __future__ import annotations

import time
from typing import Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field
from pyinstrument import Profiler

from heine_ai.api.deps import Admin, State
from heine_ai.api.schemas import Text
from heine_ai.app_state import AppState
from heine_ai.errors import DebugDisabled
from heine_ai.messages import Channel, InboundMessage
from heine_ai.observability.memory import memory_report, start_tracing, stop_tracing, tracing_report
from heine_ai.observability.timing import start_timing, stop_timing

router = APIRouter(prefix="/api/v1/admin/debug", tags=["admin"])
PROFILE_INTERVAL = 0.001  # seconds between pyinstrument's samples


def _enabled(state: AppState) -> None:
    if not state.settings.serves_debug_endpoints:
        raise DebugDisabled("The debug endpoints are off: set DEBUG=true or DEBUG_ENDPOINTS=true.")


class TracingRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    enabled: bool
    frames: int = Field(1, ge=1, le=25, description="Stack frames kept per allocation.")


class ProfileRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    brand: str = Field(min_length=1, max_length=64)
    message: Text


class ProfileResponse(BaseModel):
    duration_seconds: float
    timings_ms: dict[str, float] = Field(description="Time per pipeline stage; stages may overlap.")
    intent: str | None
    escalated: bool
    profile: str = Field(description="pyinstrument's call tree: functions and code locations, no content.")


@router.get("/memory", summary="Memory use and, while tracing, the top allocations")
async def memory(state: State, _admin: Admin, top: int = Query(25, ge=1, le=200)) -> dict[str, Any]:
    _enabled(state)
    return memory_report(top)


@router.post("/memory/tracing", summary="Start or stop tracing allocations (tracemalloc)")
async def tracing(body: TracingRequest, state: State, _admin: Admin) -> dict[str, Any]:
    _enabled(state)
    if body.enabled:
        start_tracing(body.frames)
    else:
        stop_tracing()
    return tracing_report(0)


@router.post("/profile", response_model=ProfileResponse, summary="Profile one chat message through the pipeline")
async def profile(body: ProfileRequest, state: State, _admin: Admin) -> ProfileResponse:
    """Answers the message as a new API conversation (stored like any other) under the profiler."""
    _enabled(state)
    profiler = Profiler(interval=PROFILE_INTERVAL, async_mode="enabled")
    timings, token = start_timing()
    started = time.perf_counter()
    try:
        with profiler:
            reply = await state.assistant.handle(
                InboundMessage(brand=body.brand, channel=Channel.API, text=body.message)
            )
    finally:
        stop_timing(token)
    return ProfileResponse(
        duration_seconds=round(time.perf_counter() - started, 4),
        timings_ms=timings.breakdown(),
        intent=reply.intent.value if reply.intent else None,
        escalated=reply.escalation_required,
        profile=profiler.output_text(unicode=False, color=False, show_all=False),
    )
