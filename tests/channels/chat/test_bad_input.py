"""Bad frames, wrong tokens and floods get an ``error`` event with a code; the socket stays usable; nothing leaks."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator

import httpx
import pytest
from websockets.exceptions import ConnectionClosed

from heine_ai.security.tokens import Role
from tests.channels.chat.conftest import (
    DELIVERY_QUESTION,
    ChatClient,
    ChatServer,
    open_client,
    serve,
    stored_events,
)
from tests.conftest import StateFactory


async def ping_works(client: ChatClient) -> bool:
    await client.send({"type": "ping", "nonce": "n1"})
    pong = await client.until("pong")
    return bool(pong["nonce"] == "n1")


async def a_conversation(server: ChatServer) -> tuple[str, str]:
    client = await open_client(server)
    ready = await client.hello()
    await client.send({"type": "message", "text": DELIVERY_QUESTION})
    await client.until("answer")
    await client.socket.close()
    return ready["session_id"], ready["session_token"]


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        ("{not json", "malformed_json"),
        ("[1, 2]", "malformed_json"),
        (json.dumps({"type": "shout"}), "unknown_type"),
        (json.dumps({"no": "type"}), "unknown_type"),
        (json.dumps({"type": "hello", "brand": ""}), "validation_error"),
        (json.dumps({"type": "hello", "brand": "nope"}), "brand_not_found"),
        (json.dumps({"type": "message", "text": "Hallo"}), "hello_required"),
        ("x" * 20000, "frame_too_large"),
    ],
)
async def test_bad_frame_gets_an_error_event_and_the_socket_stays_usable(
    chat_server: ChatServer, frame: str, code: str
) -> None:
    client = await open_client(chat_server)
    await client.socket.send(frame)
    error = await client.next()
    assert error["type"] == "error" and error["code"] == code and error["message"]
    assert await ping_works(client)
    ready = await client.hello()  # and a session can still be started on it
    assert ready["type"] == "ready"
    await client.socket.close()


async def test_binary_frame_and_bad_messages_after_hello(chat_server: ChatServer) -> None:
    client = await open_client(chat_server)
    await client.hello()
    await client.socket.send(b"\x00\x01")
    assert (await client.until("error"))["code"] == "malformed_json"
    async with httpx.AsyncClient(base_url=chat_server.base) as http:
        metrics = (await http.get("/metrics")).text
    assert 'chat_frames_rejected_total{code="malformed_json"} 1.0' in metrics
    assert "chat_sockets 1.0" in metrics  # this connection is open
    await client.send({"type": "message", "text": "   "})
    assert (await client.until("error"))["code"] == "message_empty"
    await client.send({"type": "message", "text": "a" * 4001})
    too_long = await client.until("error")
    assert too_long["code"] == "message_too_long" and too_long["details"]["max_length"] == 4000
    await client.send({"type": "hello", "brand": "heine"})
    assert (await client.until("error"))["code"] == "already_started"
    await client.send({"type": "message", "text": DELIVERY_QUESTION})  # still answers
    assert (await client.until("answer"))["sources"][0]["url"] == "/service/lieferung"
    await client.socket.close()


async def test_resume_needs_the_sessions_own_token(chat_server: ChatServer) -> None:
    session_id, token = await a_conversation(chat_server)
    _, other_token = await a_conversation(chat_server)
    cases = [
        ({"session_id": session_id}, "unauthorized"),
        ({"session_id": session_id, "session_token": other_token}, "forbidden"),
        ({"session_id": "0" * 32, "session_token": token}, "session_not_found"),
        ({"session_id": session_id, "session_token": "a.b.c"}, "invalid_token"),
    ]
    for fields, code in cases:
        client = await open_client(chat_server)
        error = await client.hello(last_seq=0, **fields)
        assert error["type"] == "error" and error["code"] == code, fields
        assert stored_events(await client.quiet(0.4)) == []  # nothing of the conversation
        await client.socket.close()


async def test_staff_jwt_may_follow_a_conversation_but_not_write_as_the_customer(chat_server: ChatServer) -> None:
    session_id, _ = await a_conversation(chat_server)
    for role in (Role.AGENT, Role.ADMIN):  # operator tokens have no account: they read no transcript
        accountless = await open_client(chat_server)
        refused = await accountless.hello(
            session_id=session_id, session_token=chat_server.state.tokens.issue("operator", role)
        )
        assert refused["code"] == "agent_account_required"
        await accountless.socket.close()
    accounts = chat_server.state.handoff.accounts
    await chat_server.on_server(accounts.create("chef", "Chefin", "sehr-geheimes-passwort-1", Role.ADMIN, []))
    jwt = (await chat_server.on_server(accounts.login("chef", "sehr-geheimes-passwort-1"))).access_token
    client = await open_client(chat_server)
    ready = await client.hello(session_id=session_id, session_token=jwt, last_seq=0)
    assert ready["type"] == "ready" and "session_token" not in ready
    assert [e["type"] for e in stored_events(await client.quiet(1.0))] == ["customer_message", "answer"]
    await client.send({"type": "message", "text": "Hallo"})
    assert (await client.until("error"))["code"] == "forbidden"
    await client.socket.close()


@pytest.fixture
def strict_server(make_state: StateFactory) -> Iterator[ChatServer]:
    """Tight limits: 5 frames per 2 s, sessions expire after 2 s."""
    yield from serve(make_state(ws_rate_limit=5, ws_rate_window=2, session_ttl=2))


@pytest.fixture
def impatient_server(make_state: StateFactory) -> Iterator[ChatServer]:
    """A connection silent for 1.5 s counts as dead."""
    yield from serve(make_state(ingest=False, ws_idle_timeout=1.5))


async def test_flood_is_rate_limited_and_nothing_accepted_is_lost(strict_server: ChatServer) -> None:
    client = await open_client(strict_server)
    ready = await client.hello()  # frame 1
    for i in range(8):  # frames 2..9: four accepted, four rejected
        await client.send({"type": "message", "text": f"Frage {i}: Wie lange dauert die Lieferung?"})
    for _ in range(4):
        await client.until("answer", wait=30)
    events = client.received[1:] + await client.quiet(0.5)
    limited = [e for e in events if e["type"] == "error"]
    assert [e["code"] for e in limited] == ["rate_limited"] * 4
    assert all(e["details"]["retry_after"] <= 2 for e in limited)
    echoed = [e["text"] for e in events if e["type"] == "customer_message"]
    assert [e.split(":")[0] for e in echoed] == ["Frage 0", "Frage 1", "Frage 2", "Frage 3"]
    assert len([e for e in events if e["type"] == "answer"]) == 4
    await asyncio.sleep(2.0)
    assert await ping_works(client)  # the window has passed: usable again
    history = await strict_server.on_server(strict_server.state.conversations.messages_after(ready["session_id"], 0))
    assert [m.content for m in history if m.role == "customer"] == echoed  # stored are exactly those accepted
    await client.socket.close()


async def test_silent_connection_is_closed_by_the_heartbeat(impatient_server: ChatServer) -> None:
    client = await open_client(impatient_server)
    await client.hello()
    with pytest.raises(ConnectionClosed) as closed:
        await asyncio.wait_for(client.socket.recv(), 5)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4008


async def test_expired_session_cannot_be_resumed(strict_server: ChatServer) -> None:
    client = await open_client(strict_server)
    ready = await client.hello()
    await client.socket.close()
    await asyncio.sleep(2.5)
    again = await open_client(strict_server)
    error = await again.hello(session_id=ready["session_id"], session_token=ready["session_token"])
    assert error["type"] == "error" and error["code"] == "session_expired"
    await again.socket.close()
