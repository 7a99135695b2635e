"""The web chat's WebSocket, ``/api/v1/ws/chat``; the protocol is in docs/websocket-protocol.md."""

from __future__ import annotations

import contextlib

from fastapi import APIRouter, WebSocket, WebSocketDisconnect

from heine_ai.api.limits import count_new_chat
from heine_ai.app_state import AppState
from heine_ai.channels.chat.connection import ChatConnection
from heine_ai.errors import RateLimited

router = APIRouter(prefix="/api/v1", tags=["chat"])

TRY_AGAIN_LATER = 1013


@router.websocket("/ws/chat")
async def chat_socket(websocket: WebSocket) -> None:
    state: AppState = websocket.app.state.heine
    await websocket.accept()
    try:
        await count_new_chat(state, websocket.client.host if websocket.client else "")
    except RateLimited as exc:  # told in the protocol's words, then closed: "try again later"
        await websocket.send_json({"type": "error", **exc.to_body()["error"]})
        await websocket.close(code=TRY_AGAIN_LATER)
        return
    # the client left while we were sending (Starlette, uvicorn)
    with contextlib.suppress(WebSocketDisconnect, RuntimeError, OSError):
        await ChatConnection(state.chat, websocket).run()
