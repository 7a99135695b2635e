"""The hand-off seen from the customer's socket, driven through the real agent API: joined, reply, handed back."""

from __future__ import annotations

import httpx

from heine_ai.security.tokens import Role
from tests.channels.chat.conftest import DELIVERY_QUESTION, ChatClient, ChatServer, open_client, stored_events

PASSWORD = "sehr-geheimes-passwort-1"
COMPLAINT = "Ich bin sehr unzufrieden, die Jacke kam kaputt an!"


async def agent_headers(server: ChatServer, http: httpx.AsyncClient) -> dict[str, str]:
    admin = {"Authorization": f"Bearer {server.state.tokens.issue('admin', Role.ADMIN)}"}
    account = {"username": "anna", "display_name": "Anna Schmidt", "password": PASSWORD, "brands": ["heine"]}
    created = await http.post("/api/v1/admin/agents", json={**account, "role": "agent"}, headers=admin)
    assert created.status_code == 201, created.text
    login = await http.post("/api/v1/auth/login", json={"username": "anna", "password": PASSWORD})
    assert login.status_code == 200, login.text
    return {"Authorization": f"Bearer {login.json()['access_token']}"}


async def escalated_customer(server: ChatServer) -> tuple[ChatClient, str]:
    """A customer's socket whose complaint was escalated, and the conversation's id."""
    client = await open_client(server)
    session_id = (await client.hello())["session_id"]
    await client.send({"type": "message", "text": COMPLAINT})
    await client.until("escalated")
    return client, session_id


async def test_agent_joins_answers_and_hands_back_to_the_bot(chat_server: ChatServer) -> None:
    client, session_id = await escalated_customer(chat_server)
    async with httpx.AsyncClient(base_url=chat_server.base, timeout=30) as http:
        staff = await agent_headers(chat_server, http)
        conversation = f"/api/v1/agent/conversations/{session_id}"
        watcher = await open_client(chat_server)  # the agent's own socket on the conversation
        ready = await watcher.hello(session_id=session_id, session_token=staff["Authorization"].split()[1])
        assert ready["type"] == "ready" and ready["status"] == "pending_human"
        await watcher.send({"type": "typing", "active": True})
        while (typing := await client.until("typing"))["from"] != "agent":
            pass
        assert typing["active"] is True  # the customer sees that the agent types
        await watcher.socket.close()
        assert (await http.post(f"{conversation}/claim", headers=staff)).status_code == 200
        joined = await client.until("agent_joined")
        assert "Anna Schmidt" in joined["text"]

        reply = await http.post(
            f"{conversation}/reply", json={"text": "Das tut mir leid, ich helfe Ihnen."}, headers=staff
        )
        assert reply.status_code == 200, reply.text
        message = await client.until("agent_message")
        assert message["author"] == "Anna Schmidt" and message["text"] == "Das tut mir leid, ich helfe Ihnen."

        await client.send({"type": "message", "text": "Danke, ich warte."})
        assert [e["type"] for e in stored_events(await client.quiet(1.5))] == ["customer_message"]  # bot silent

        assert (await http.post(f"{conversation}/handback", headers=staff)).status_code == 200
        left = await client.until("agent_left")
        assert left["handed_back"] is True and "Anna Schmidt" in left["text"]

    await client.send({"type": "message", "text": DELIVERY_QUESTION})  # the bot answers again
    assert (await client.until("answer"))["sources"][0]["url"] == "/service/lieferung"
    seqs = [e["seq"] for e in stored_events(client.received) if e["type"] != "escalated"]
    assert seqs == list(range(1, len(seqs) + 1))  # every stored message once, in order
    await client.socket.close()


async def test_after_the_agent_resolves_the_session_is_over(chat_server: ChatServer) -> None:
    client, session_id = await escalated_customer(chat_server)
    async with httpx.AsyncClient(base_url=chat_server.base, timeout=30) as http:
        staff = await agent_headers(chat_server, http)
        conversation = f"/api/v1/agent/conversations/{session_id}"
        assert (await http.post(f"{conversation}/claim", headers=staff)).status_code == 200
        assert (await http.post(f"{conversation}/resolve", headers=staff)).status_code == 200
    left = await client.until("agent_left")
    assert "handed_back" not in left and "Anna Schmidt" in left["text"]
    await client.send({"type": "message", "text": "Noch eine Frage"})
    error = await client.until("error")
    assert error["code"] == "session_expired"  # the widget starts a new session and sends the message again
    await client.socket.close()
