"""Delivery a customer can trust: client ids stored once and acknowledged, a new session's cursor from 0, typing.

Against a real uvicorn server; ``test_flaky_proxy.py`` drives the same through a TCP proxy that stalls and drops.
"""

from __future__ import annotations

from datetime import timedelta

import httpx

from heine_ai.db.models import Conversation, utcnow
from tests.channels.chat.conftest import DELIVERY_QUESTION, ChatClient, ChatServer, open_client, stored_events
from tests.channels.chat.test_handoff_events import agent_headers, escalated_customer

QUESTIONS = [
    "Wie lange dauert die Lieferung?",
    "Welche Zahlungsarten gibt es?",
    "Wie kann ich etwas zurücksenden?",
    "Was kostet der Versand?",
    "Kann ich auf Rechnung bezahlen?",
]


async def _answers_for(client: ChatClient, count: int) -> list[dict[str, object]]:
    """Events until ``count`` answers arrived; the stored ones (with ``seq``) in arrival order."""
    events = []
    while sum(e["type"] == "answer" for e in events) < count:
        events.append(await client.next(30))
    return stored_events(events)


async def test_a_resent_client_id_is_acknowledged_and_stored_and_answered_once(chat_server: ChatServer) -> None:
    client = await open_client(chat_server)
    ready = await client.hello()
    frame = {"type": "message", "text": DELIVERY_QUESTION, "client_id": "c-1"}
    await client.send(frame)
    echo = await client.until("customer_message")
    assert echo["client_id"] == "c-1" and echo["seq"] == 1  # the echo acknowledges the message
    await client.until("answer")

    await client.send(frame)  # the widget did not see the echo (a stall) and sends it again
    assert await client.until("ack") == {"type": "ack", "client_id": "c-1", "seq": 1}
    await client.socket.close()

    again = await open_client(chat_server)  # and once more on a new connection
    await again.hello(session_id=ready["session_id"], session_token=ready["session_token"], last_seq=2)
    await again.send(frame)
    assert (await again.until("ack"))["seq"] == 1
    assert stored_events(await again.quiet(1.0)) == []
    await again.socket.close()
    transcript = await chat_server.on_server(
        chat_server.state.conversations.transcript(ready["session_id"], None, staff_brands=["heine"])
    )
    assert [m.role for m in transcript.messages] == ["customer", "assistant"]


async def test_a_resend_racing_its_original_is_answered_once(chat_server: ChatServer) -> None:
    """The original is still being answered on a dropped connection when the resend arrives on a new one."""
    first = await open_client(chat_server)
    ready = await first.hello()
    frame = {"type": "message", "text": DELIVERY_QUESTION, "client_id": "race-1"}
    await first.send(frame)
    await first.socket.close()  # gone before the echo; the server still answers what it accepted
    second = await open_client(chat_server)
    await second.hello(session_id=ready["session_id"], session_token=ready["session_token"], last_seq=0)
    await second.send(frame)
    events = stored_events(await _answers_for(second, 1) + await second.quiet(1.5))
    assert [(e["seq"], e["type"]) for e in events] == [(1, "customer_message"), (2, "answer")]
    assert events[0]["client_id"] == "race-1"
    await second.socket.close()


async def test_a_refused_message_names_its_client_id(chat_server: ChatServer) -> None:
    client = await open_client(chat_server)
    await client.hello()
    await client.send({"type": "message", "text": "x" * 5000, "client_id": "long-1"})
    error = await client.until("error")
    assert error["code"] == "message_too_long" and error["details"]["client_id"] == "long-1"
    await client.send({"type": "message", "text": "Hallo", "client_id": "not valid!"})
    error = await client.until("error")
    assert error["code"] == "validation_error"
    await client.socket.close()


async def _ask_all(client: ChatClient, questions: list[str], prefix: str) -> list[dict[str, object]]:
    for index, question in enumerate(questions):
        await client.send({"type": "message", "text": question, "client_id": f"{prefix}-{index}"})
    return await _answers_for(client, len(questions))


def _assert_in_order(events: list[dict[str, object]], questions: list[str]) -> None:
    customer = [e for e in events if e["type"] == "customer_message"]
    assert [e["text"] for e in customer] == questions
    assert [e["seq"] for e in events] == sorted(e["seq"] for e in events)  # type: ignore[type-var]
    assert sum(e["type"] == "answer" for e in events) == len(questions)


async def _new_session_after_the_end(server: ChatServer, old_seq: int) -> ChatClient:
    """What the widget does when its session ended: a new ``hello`` that still carries the old cursor."""
    client = await open_client(server)
    ready = await client.hello(last_seq=old_seq)
    assert ready["type"] == "ready" and "session_token" in ready
    return client


async def test_after_staff_closed_the_next_five_messages_and_answers_all_appear(chat_server: ChatServer) -> None:
    client, session_id = await escalated_customer(chat_server)
    async with httpx.AsyncClient(base_url=chat_server.base, timeout=30) as http:
        staff = await agent_headers(chat_server, http)
        conversation = f"/api/v1/agent/conversations/{session_id}"
        assert (await http.post(f"{conversation}/claim", headers=staff)).status_code == 200
        for text in ["Das tut mir leid.", "Wir schicken Ihnen Ersatz.", "Alles Gute!"]:
            assert (await http.post(f"{conversation}/reply", json={"text": text}, headers=staff)).status_code == 200
        assert (await http.post(f"{conversation}/resolve", headers=staff)).status_code == 200
    old_seq = (await client.until("agent_left"))["seq"]
    assert old_seq >= 6
    await client.send({"type": "message", "text": QUESTIONS[0], "client_id": "after-close"})
    error = await client.until("error")
    assert error["code"] == "session_expired" and error["details"]["client_id"] == "after-close"
    await client.socket.close()

    fresh = await _new_session_after_the_end(chat_server, old_seq)
    _assert_in_order(await _ask_all(fresh, QUESTIONS, "closed"), QUESTIONS)
    await fresh.socket.close()


async def test_after_expiry_the_next_five_messages_and_answers_all_appear(chat_server: ChatServer) -> None:
    client = await open_client(chat_server)
    ready = await client.hello()
    events = await _ask_all(client, QUESTIONS[:4], "before")
    old_seq = max(int(e["seq"]) for e in events)  # type: ignore[call-overload]
    await client.socket.close()
    await chat_server.on_server(_age(chat_server, ready["session_id"]))

    again = await open_client(chat_server)
    refused = await again.hello(session_id=ready["session_id"], session_token=ready["session_token"], last_seq=old_seq)
    assert refused["type"] == "error" and refused["code"] == "session_expired"
    ready = await again.hello(last_seq=old_seq)  # the widget starts a new session on the same socket
    assert ready["type"] == "ready" and "session_token" in ready
    _assert_in_order(await _ask_all(again, QUESTIONS, "expired"), QUESTIONS)
    await again.socket.close()


async def _age(server: ChatServer, conversation_id: str) -> None:
    """Idle past the session TTL, as if the tab stayed open for hours (no sleeping)."""
    async with server.state.sessions() as session, session.begin():
        conversation = await session.get(Conversation, conversation_id)
        assert conversation is not None
        conversation.last_activity_at = utcnow() - timedelta(days=2)


async def test_customer_typing_reaches_the_staff_socket(chat_server: ChatServer) -> None:
    client, session_id = await escalated_customer(chat_server)
    async with httpx.AsyncClient(base_url=chat_server.base, timeout=30) as http:
        staff = await agent_headers(chat_server, http)
    watcher = await open_client(chat_server)
    await watcher.hello(session_id=session_id, session_token=staff["Authorization"].split()[1], last_seq=10**6)
    await client.send({"type": "typing", "active": True})
    typing = await watcher.until("typing")
    assert typing == {"type": "typing", "from": "customer", "active": True}
    await client.send({"type": "typing", "active": False})
    assert (await watcher.until("typing"))["active"] is False
    await watcher.socket.close()
    await client.socket.close()
