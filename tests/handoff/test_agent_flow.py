"""The hand-off through the real app, on SQLite and PostgreSQL: escalation opens a ticket, an agent claims it,
replies, the bot stays silent, and after the hand-back the bot answers again."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.handoff.helpers import COMPLAINT, bearer, chat, escalate, history, login, make_agent, staff


def test_escalation_claim_reply_hand_back(client: TestClient) -> None:
    anna = staff(client, "anna", display_name="Anna Becker")
    session = escalate(client)
    queue = client.get("/api/v1/agent/queue", headers=anna).json()
    assert [t["conversation_id"] for t in queue] == [session[0]]
    ticket = queue[0]
    assert ticket["status"] == "open" and ticket["reason"] == "complaint" and ticket["priority"] == "high"
    assert "Beschwerde" in ticket["summary"] and "40123456" in ticket["summary"]

    claimed = client.post(f"/api/v1/agent/conversations/{session[0]}/claim", headers=anna)
    assert claimed.status_code == 200, claimed.text
    assert claimed.json()["status"] == "claimed" and claimed.json()["assignee_name"] == "Anna Becker"

    silent = chat(client, "Hallo? Ist da jemand?", session)
    assert silent["response"] == "" and silent["escalation_required"] and silent["author"] is None

    reply = client.post(
        f"/api/v1/agent/conversations/{session[0]}/reply",
        json={"text": "Guten Tag, das tut mir leid. Ich schicke Ihnen gern einen Ersatz."},
        headers=anna,
    )
    assert reply.status_code == 200, reply.text
    assert reply.json()["message"]["author_name"] == "Anna Becker" and reply.json()["delivered"]

    back = client.post(f"/api/v1/agent/conversations/{session[0]}/handback", headers=anna)
    assert back.status_code == 200, back.text
    assert back.json()["resolution"] == "handed_back" and back.json()["conversation_status"] == "bot"

    answer = chat(client, "Wie lange habe ich Zeit, einen Artikel zurückzuschicken?", session)
    assert answer["response"] and not answer["escalation_required"]
    assert answer["sources"][0]["url"].endswith("/service/ruecksendung")

    roles = [(m["role"], m["content"][:30]) for m in history(client, session)]
    assert [role for role, _ in roles] == [
        "user",
        "assistant",
        "system",
        "user",
        "agent",
        "system",
        "user",
        "assistant",
    ]
    assert roles[0][1] == COMPLAINT[:30]
    assert "Anna Becker" in history(client, session)[2]["content"]


def test_conversation_view_shows_history_reason_summary_and_audit(light_client: TestClient) -> None:
    client = light_client
    anna = staff(client, "anna")
    session = escalate(client)
    client.post(f"/api/v1/agent/conversations/{session[0]}/claim", headers=anna)
    note = client.post(
        f"/api/v1/agent/conversations/{session[0]}/notes", json={"text": "Ersatz im Lager prüfen"}, headers=anna
    )
    assert note.status_code == 201, note.text
    view = client.get(f"/api/v1/agent/conversations/{session[0]}", headers=anna).json()
    assert view["status"] == "human" and view["escalation_reason"] == "complaint"
    assert view["messages"][0]["role"] == "customer" and view["messages"][0]["content"] == COMPLAINT
    assert view["messages"][1]["escalation_reason"] == "complaint"
    assert [a["action"] for a in view["audit"]] == ["opened", "claimed", "note"]
    assert view["audit"][2]["note"] == "Ersatz im Lager prüfen" and view["audit"][1]["actor"] == "Anna"
    # the customer never sees an internal note
    assert all("Lager" not in m["content"] for m in history(client, session))


def test_assign_to_a_colleague_moves_who_may_answer(light_client: TestClient) -> None:
    client = light_client
    anna = staff(client, "anna", display_name="Anna Becker")
    ben_account = make_agent(client, "ben", display_name="Ben Kraus")
    ben = bearer(login(client, "ben"))
    session = escalate(client)
    base = f"/api/v1/agent/conversations/{session[0]}"
    assert client.post(f"{base}/claim", headers=anna).status_code == 200
    colleagues = client.get("/api/v1/agent/colleagues?brand=heine", headers=anna).json()
    assert {c["display_name"] for c in colleagues} == {"Anna Becker", "Ben Kraus"}
    moved = client.post(f"{base}/assign", json={"agent_id": ben_account["id"]}, headers=anna)
    assert moved.status_code == 200 and moved.json()["assignee_name"] == "Ben Kraus"
    assert client.post(f"{base}/reply", json={"text": "Hallo"}, headers=anna).status_code == 409
    assert client.post(f"{base}/reply", json={"text": "Guten Tag, hier ist Ben."}, headers=ben).status_code == 200
    view = client.get(base, headers=ben).json()
    assert [a["action"] for a in view["audit"]] == ["opened", "claimed", "assigned", "replied"]
    assert view["audit"][2]["reason"] == f"assigned_to:{ben_account['id']}"
    joined = [m["content"] for m in view["messages"] if m["intent"] == "agent_joined"]
    assert len(joined) == 2 and "Ben Kraus" in joined[1]


def test_a_new_escalation_after_the_hand_back_opens_a_new_ticket(light_client: TestClient) -> None:
    client = light_client
    anna = staff(client, "anna")
    session = escalate(client)
    base = f"/api/v1/agent/conversations/{session[0]}"
    client.post(f"{base}/claim", headers=anna)
    first = client.post(f"{base}/handback", headers=anna).json()
    again = chat(client, "Ich möchte bitte mit einem Mitarbeiter sprechen.", session)
    assert again["escalation_required"] and again["escalation_reason"] == "human_request"
    queue = client.get("/api/v1/agent/queue", headers=anna).json()
    assert len(queue) == 1 and queue[0]["id"] != first["id"] and queue[0]["reason"] == "human_request"
    assert queue[0]["priority"] == "normal" and queue[0]["status"] == "open"
    resolved = client.get("/api/v1/agent/queue?status=resolved", headers=anna).json()
    assert [t["resolution"] for t in resolved] == ["handed_back"]
    view = client.get(base, headers=anna).json()
    assert [a["action"] for a in view["audit"]] == ["opened", "claimed", "handed_back", "opened"]
    silent = chat(client, "Hallo?", session)
    assert silent["response"] == ""  # waiting for a person again: the bot is silent
