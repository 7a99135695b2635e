"""A staff member files a customer's privacy request; an admin confirms or rejects it; every step is audited."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from heine_ai.db.models import Conversation, PrivacyRequest
from tests.conftest import admin_headers
from tests.handoff.helpers import bearer, chat, login, make_agent, staff
from tests.privacy.conftest import app_state


def _rows(client: TestClient) -> list[PrivacyRequest]:
    async def load() -> list[PrivacyRequest]:
        async with app_state(client).sessions() as session:
            return list(await session.scalars(select(PrivacyRequest)))

    return list(client.portal.call(load))  # type: ignore[union-attr]


def _conversation(client: TestClient, conversation_id: str) -> Conversation | None:
    async def load() -> Conversation | None:
        async with app_state(client).sessions() as session:
            return await session.get(Conversation, conversation_id)

    return client.portal.call(load)  # type: ignore[union-attr]


def test_an_agent_files_an_erasure_and_an_admin_confirms_it(client: TestClient) -> None:
    session = chat(client, "Bitte löschen Sie meine Daten.")["session_id"]
    agent = staff(client, "anna")
    filed = client.post(
        "/api/v1/agent/privacy/requests", json={"session_id": session, "action": "erase"}, headers=agent
    )
    assert filed.status_code == 201, filed.text
    request = filed.json()
    assert request["status"] == "pending" and request["session_id"] == session
    path = f"/api/v1/admin/privacy/requests/{request['id']}"
    # the agent cannot decide it, nor list the requests; nothing happened yet
    assert client.post(f"{path}/confirm", json={"confirm": True}, headers=agent).status_code == 403
    assert client.get("/api/v1/admin/privacy/requests", headers=agent).status_code == 403
    assert _conversation(client, session) is not None

    make_agent(client, "ada", role="admin", display_name="Ada Admin")
    admin = bearer(login(client, "ada"))
    waiting = client.get("/api/v1/admin/privacy/requests", headers=admin).json()
    assert [(r["id"], r["action"], r["session_id"]) for r in waiting] == [(request["id"], "erase", session)]
    unconfirmed = client.post(f"{path}/confirm", json={}, headers=admin)
    assert unconfirmed.status_code == 422 and unconfirmed.json()["error"]["code"] == "confirmation_required"
    done = client.post(f"{path}/confirm", json={"confirm": True}, headers=admin)
    assert done.status_code == 200, done.text
    assert done.json()["receipt"]["deleted"]["conversations"] == 1
    assert done.json()["request"]["status"] == "done" and done.json()["request"]["session_id"] is None
    assert _conversation(client, session) is None
    assert client.get("/api/v1/admin/privacy/requests", headers=admin).json() == []
    again = client.post(f"{path}/confirm", json={"confirm": True}, headers=admin)
    assert again.status_code == 404 and again.json()["error"]["code"] == "privacy_request_not_found"
    # the decided request keeps no trace of whom it was about
    assert [(row.status, row.subjects_enc) for row in _rows(client)] == [("done", None)]
    audit = client.get("/api/v1/admin/privacy/audit", headers=admin).json()
    actions = [(entry["action"], entry["actor"].split(":")[0]) for entry in audit]
    assert ("request", "agent") in actions and ("erase", "agent") in actions
    assert session not in str(audit)
    requester = {e["action"]: e["actor"] for e in audit}
    assert requester["request"] != requester["erase"]  # the agent filed, the admin erased


def test_an_erasure_made_another_way_closes_the_waiting_request_and_its_identifiers(client: TestClient) -> None:
    session = chat(client, "Bitte löschen Sie meine Daten.")["session_id"]
    body = {"session_id": session, "action": "export"}
    assert client.post("/api/v1/agent/privacy/requests", json=body, headers=staff(client, "anna")).status_code == 201
    make_agent(client, "ada", role="admin", display_name="Ada Admin")
    admin = bearer(login(client, "ada"))
    erased = client.post("/api/v1/admin/privacy/erase", json={"session_id": session, "confirm": True}, headers=admin)
    assert erased.status_code == 200, erased.text
    assert erased.json()["deleted"]["waiting_request_identifiers"] == 1
    assert client.get("/api/v1/admin/privacy/requests", headers=admin).json() == []
    assert [(row.status, row.subjects_enc) for row in _rows(client)] == [("done", None)]


def test_an_export_request_hands_the_document_to_the_admin_and_a_rejected_one_does_nothing(
    client: TestClient,
) -> None:
    first = chat(client, "Welche Daten haben Sie über mich?")["session_id"]
    second = chat(client, "Löschen Sie alles!")["session_id"]
    agent = staff(client, "anna")
    make_agent(client, "ada", role="admin")
    admin = bearer(login(client, "ada"))
    export = client.post(
        "/api/v1/agent/privacy/requests", json={"session_id": first, "action": "export"}, headers=agent
    )
    erase = client.post("/api/v1/agent/privacy/requests", json={"session_id": second, "action": "erase"}, headers=admin)
    decided = client.post(
        f"/api/v1/admin/privacy/requests/{export.json()['id']}/confirm", json={"confirm": True}, headers=admin
    )
    assert decided.status_code == 200
    assert decided.json()["export"]["conversations"][0]["messages"][0]["text"] == "Welche Daten haben Sie über mich?"
    rejected = client.post(f"/api/v1/admin/privacy/requests/{erase.json()['id']}/reject", headers=admin)
    assert rejected.status_code == 200 and rejected.json()["status"] == "rejected"
    assert _conversation(client, second) is not None
    assert {row.subjects_enc for row in _rows(client)} == {None}
    assert "reject" in [entry["action"] for entry in client.get("/api/v1/admin/privacy/audit", headers=admin).json()]


def test_filing_needs_a_staff_account_and_a_named_person(client: TestClient) -> None:
    body = {"email": "kundin@example.test", "action": "erase"}
    assert client.post("/api/v1/agent/privacy/requests", json=body).status_code == 401
    operator = client.post("/api/v1/agent/privacy/requests", json=body, headers=admin_headers(client))
    assert operator.status_code == 403 and operator.json()["error"]["code"] == "agent_account_required"
    agent = staff(client, "anna")
    for bad in ({"action": "erase"}, {"email": "a@b.de", "action": "delete"}, {"email": "a@b.de"}):
        answer = client.post("/api/v1/agent/privacy/requests", json=bad, headers=agent)
        assert answer.status_code == 422 and answer.json()["error"]["code"] == "validation_error", bad
