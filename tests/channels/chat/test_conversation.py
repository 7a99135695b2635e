"""A customer chats over the WebSocket against a real uvicorn server: ask, answer, resume, hand-over."""

from __future__ import annotations

import httpx

from tests.channels.chat.conftest import DELIVERY_QUESTION, ChatServer, open_client, stored_events


async def test_new_session_asks_and_gets_the_answer_with_its_source(chat_server: ChatServer) -> None:
    client = await open_client(chat_server)
    ready = await client.hello()
    assert ready["type"] == "ready" and ready["status"] == "bot"
    assert len(ready["session_id"]) >= 16 and len(ready["session_token"]) >= 32

    await client.send({"type": "message", "text": DELIVERY_QUESTION})
    echo = await client.until("customer_message")
    answer = await client.until("answer")

    assert echo == {**echo, "seq": 1, "text": DELIVERY_QUESTION}
    assert answer["seq"] == 2
    assert "Werktag" in answer["text"]
    assert answer["sources"][0]["url"] == "/service/lieferung"
    assert answer["escalation"] is False and answer["confidence"] >= 0.5
    assert any(e["type"] == "typing" and e["from"] == "assistant" for e in client.received)
    assert stored_events(await client.quiet()) == []  # exactly once
    await client.socket.close()


async def test_resume_delivers_what_was_missed_exactly_once_in_order(chat_server_any_db: ChatServer) -> None:
    chat_server = chat_server_any_db
    client = await open_client(chat_server)
    ready = await client.hello()
    session_id, token = ready["session_id"], ready["session_token"]
    await client.send({"type": "message", "text": DELIVERY_QUESTION})
    last_seen = (await client.until("answer"))["seq"]
    await client.socket.close()

    # while the customer is offline: an agent writes, and a second answer comes in over REST (another tab)
    agent_seq = await chat_server.store_agent_message(session_id, "Guten Tag, hier ist Ihr Kundenservice.")
    async with httpx.AsyncClient(base_url=chat_server.base) as http:
        response = await http.post(
            "/api/v1/chat",
            json={"brand": "heine", "message": "Welche Zahlungsarten gibt es?", "session_id": session_id},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert response.status_code == 200

    again = await open_client(chat_server)
    ready = await again.hello(session_id=session_id, session_token=token, last_seq=last_seen)
    assert ready["type"] == "ready" and ready["session_id"] == session_id
    assert "session_token" not in ready  # the token goes out once, when the session is opened
    missed = stored_events([await again.next() for _ in range(3)] + await again.quiet())

    assert [e["seq"] for e in missed] == [agent_seq, agent_seq + 1, agent_seq + 2] == [3, 4, 5]
    assert [e["type"] for e in missed] == ["agent_message", "customer_message", "answer"]
    assert missed[0]["text"] == "Guten Tag, hier ist Ihr Kundenservice." and missed[0]["author"] == "Anna Schmidt"
    assert "Rechnung" in missed[2]["text"] or missed[2]["sources"]
    await again.socket.close()


async def test_history_from_the_start_after_a_reload(chat_server: ChatServer) -> None:
    client = await open_client(chat_server)
    ready = await client.hello()
    await client.send({"type": "message", "text": DELIVERY_QUESTION})
    await client.until("answer")
    await client.socket.close()

    reloaded = await open_client(chat_server)
    await reloaded.hello(session_id=ready["session_id"], session_token=ready["session_token"], last_seq=0)
    history = stored_events(await reloaded.quiet(1.0))
    assert [(e["seq"], e["type"]) for e in history] == [(1, "customer_message"), (2, "answer")]
    await reloaded.socket.close()


async def test_live_agent_message_reaches_the_open_socket(chat_server: ChatServer) -> None:
    client = await open_client(chat_server)
    ready = await client.hello()
    seq = await chat_server.store_agent_message(ready["session_id"], "Ich kümmere mich gerne darum.")
    event = await client.until("agent_message")
    assert event["seq"] == seq == 1 and event["text"] == "Ich kümmere mich gerne darum."
    assert event["author"] == "Anna Schmidt"
    await client.socket.close()


async def test_complaint_hands_over_and_the_bot_then_stays_silent(chat_server: ChatServer) -> None:
    client = await open_client(chat_server)
    await client.hello()
    await client.send({"type": "message", "text": "Ich bin sehr unzufrieden, die Jacke kam kaputt an!"})
    answer = await client.until("answer")
    escalated = await client.until("escalated")
    assert answer["escalation"] is True and escalated["seq"] == answer["seq"]
    assert escalated["reason"] == "complaint"

    await client.send({"type": "message", "text": "Hallo? Wie lange dauert die Lieferung?"})
    later = await client.quiet(1.5)
    assert [e["type"] for e in stored_events(later)] == ["customer_message"]  # stored for the agent, no bot answer
    assert not any(e["type"] == "typing" and e["active"] for e in later)
    await client.socket.close()


async def test_a_message_sent_just_before_the_connection_drops_is_still_answered(chat_server: ChatServer) -> None:
    client = await open_client(chat_server)
    ready = await client.hello()
    await client.send({"type": "message", "text": DELIVERY_QUESTION})
    await client.socket.close()  # at once: the assistant is still working on the answer

    again = await open_client(chat_server)
    await again.hello(session_id=ready["session_id"], session_token=ready["session_token"], last_seq=0)
    answer = await again.until("answer", wait=30)
    assert answer["seq"] == 2 and answer["sources"][0]["url"] == "/service/lieferung"
    assert [e["type"] for e in stored_events(again.received)] == ["customer_message", "answer"]
    await again.socket.close()
