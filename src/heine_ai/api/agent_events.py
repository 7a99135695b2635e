"""The console's live feed, ``/api/v1/agent/events``; the feed itself is ``channels/staff/feed.py``."""

from __future__ import annotations

from fastapi import APIRouter, WebSocket

from heine_ai.app_state import AppState

router = APIRouter(prefix="/api/v1/agent", tags=["staff"])


@router.websocket("/events")
async def agent_events(websocket: WebSocket) -> None:
    state: AppState = websocket.app.state.heine
    await websocket.accept()
    await state.staff.serve(websocket)
