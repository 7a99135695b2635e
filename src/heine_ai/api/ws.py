"""The web chat's WebSocket, ``/api/v1/ws/chat``; the protocol is in docs/websocket-protocol.md."""

from __future__ import annotations

import contextlib

from fastapi import APIRouter, WebSocket, WebSocketDisconnect

from heine_ai.app_state import AppState
from heine_ai.channels.chat.connection import ChatConnection

router = APIRouter(prefix="/api/v1", tags=["chat"])


@router.websocket("/ws/chat")
async def chat_socket(websocket: WebSocket) -> None:
    state: AppState = websocket.app.state.heine
    await websocket.accept()
    # the client left while we were sending (Starlette, uvicorn)
    with contextlib.suppress(WebSocketDisconnect, RuntimeError, OSError):
        await ChatConnection(state.chat, websocket).run()
