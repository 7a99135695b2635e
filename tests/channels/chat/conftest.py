"""A real uvicorn server on loopback whose event loop the tests can run code on, and a small socket client."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Coroutine, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

import pytest
import uvicorn
from websockets.asyncio.client import ClientConnection, connect

from heine_ai.app import create_app
from heine_ai.app_state import AppState
from heine_ai.conversations.service import NewMessage
from tests.conftest import StateFactory
from tests.support.live import wait_until_started
from tests.support.servers import free_port

T = TypeVar("T")
DELIVERY_QUESTION = "Wie lange dauert die Lieferung?"
AGENT = "Anna Schmidt"


@dataclass
class ChatServer:
    state: AppState
    base: str
    loop: asyncio.AbstractEventLoop

    @property
    def ws_url(self) -> str:
        return self.base.replace("http://", "ws://") + "/api/v1/ws/chat"

    async def on_server(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run ``coro`` on the server's own loop (its database pool and pub/sub live there)."""
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(coro, self.loop))

    def call(self, coro: Coroutine[Any, Any, T]) -> T:
        """``on_server`` for synchronous tests (the browser tests)."""
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(30)

    async def store_agent_message(self, conversation_id: str, text: str, author: str = AGENT) -> int:
        return await self.on_server(self.agent_reply(conversation_id, text, author))

    async def agent_reply(self, conversation_id: str, text: str, author: str = AGENT) -> int:
        """An agent's reply as the hand-off stores it: store, commit, then notify. Runs on the server's loop.

        (``test_handoff_events`` goes through the real agent API; this is for a reply without a ticket.)
        """
        state = self.state
        message = NewMessage(role="agent", content=text, intent="agent_reply", author_name=author)
        async with state.conversations.sessions() as session, session.begin():
            conversation = await state.conversations.get(session, conversation_id)
            stored = await state.conversations.add(session, conversation, message)
            brand, status = conversation.brand, conversation.status
        await state.events.message_stored(conversation_id, brand, stored.seq, "agent", status)
        return stored.seq


def serve(state: AppState) -> Iterator[ChatServer]:
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(state), host="127.0.0.1", port=port, log_config=None))
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_until_complete, args=(server.serve(),), daemon=True)
    thread.start()
    wait_until_started(server, thread)
    try:
        yield ChatServer(state, f"http://127.0.0.1:{port}", loop)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        loop.close()


@pytest.fixture
def chat_server(make_state: StateFactory) -> Iterator[ChatServer]:
    """The real app with the demo knowledge over SQLite, served on a loopback port."""
    yield from serve(make_state())


@pytest.fixture
def chat_server_any_db(make_state: StateFactory, database_url: str) -> Iterator[ChatServer]:
    """``chat_server`` over SQLite and over PostgreSQL."""
    yield from serve(make_state(database_url=database_url))


class ChatClient:
    """A customer's (or agent's) socket with helpers that wait for events, each with a timeout."""

    def __init__(self, socket: ClientConnection) -> None:
        self.socket = socket
        self.received: list[dict[str, Any]] = []

    async def send(self, frame: dict[str, Any]) -> None:
        await self.socket.send(json.dumps(frame))

    async def next(self, wait: float = 10.0) -> dict[str, Any]:
        event: dict[str, Any] = json.loads(await asyncio.wait_for(self.socket.recv(), wait))
        self.received.append(event)
        return event

    async def until(self, kind: str, wait: float = 15.0) -> dict[str, Any]:
        """The next event of ``kind``, skipping others (they stay in ``received``)."""
        deadline = time.monotonic() + wait
        while True:
            event = await self.next(max(deadline - time.monotonic(), 0.01))
            if event["type"] == kind:
                return event

    async def quiet(self, seconds: float = 0.6) -> list[dict[str, Any]]:
        """Everything that arrives within ``seconds``."""
        events = []
        try:
            while True:
                events.append(await self.next(seconds))
        except TimeoutError:
            return events

    async def hello(self, **fields: Any) -> dict[str, Any]:
        await self.send({"type": "hello", "brand": "heine", **fields})
        return await self.next()


async def open_client(server: ChatServer) -> ChatClient:
    return ChatClient(await connect(server.ws_url, open_timeout=10))


def stored_events(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events that stand for stored messages (they carry a ``seq``; an ``ack`` of a resend names the stored
    message's ``seq`` but is none itself)."""
    return [e for e in events if "seq" in e and e["type"] != "ack"]
