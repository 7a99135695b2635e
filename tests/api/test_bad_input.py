"""Bad input gets a clear 4xx with a machine-readable code, never a 500, and changes nothing stored."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from heine_ai.app import create_app
from heine_ai.security.tokens import Role
from tests.conftest import admin_headers

CASES: list[tuple[str, Any, int, str]] = [
    ("unknown brand", {"brand": "nobrand", "message": "Hallo"}, 404, "brand_not_found"),
    ("empty message", {"brand": "heine", "message": ""}, 422, "message_empty"),
    ("blank message", {"brand": "heine", "message": "   \n\t "}, 422, "message_empty"),
    ("over-long message", {"brand": "heine", "message": "a" * 4001}, 422, "message_too_long"),
    ("missing message", {"brand": "heine"}, 422, "validation_error"),
    ("missing brand", {"message": "Hallo"}, 422, "validation_error"),
    ("message of wrong type", {"brand": "heine", "message": 42}, 422, "validation_error"),
    ("metadata of wrong type", {"brand": "heine", "message": "Hallo", "metadata": "x"}, 422, "validation_error"),
    ("unknown field", {"brand": "heine", "message": "Hallo", "sessionid": "x"}, 422, "validation_error"),
    ("body is a list", [1, 2], 422, "validation_error"),
    ("unknown session", {"brand": "heine", "message": "Hallo", "session_id": "nope"}, 404, "session_not_found"),
]


@pytest.mark.parametrize(("name", "body", "status", "code"), CASES, ids=[c[0] for c in CASES])
def test_bad_chat_request(sqlite_client: TestClient, name: str, body: Any, status: int, code: str) -> None:
    response = sqlite_client.post("/api/v1/chat", json=body)
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code
    assert response.json()["error"]["message"]


def test_malformed_json(sqlite_client: TestClient) -> None:
    response = sqlite_client.post(
        "/api/v1/chat", content=b'{"brand": "heine", "message": ', headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "malformed_json"


def test_unknown_route_and_method(sqlite_client: TestClient) -> None:
    assert sqlite_client.get("/api/v1/nothing").json()["error"]["code"] == "not_found"
    response = sqlite_client.get("/api/v1/chat")
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"


def _session(client: TestClient) -> tuple[str, str]:
    body = client.post("/api/v1/chat", json={"brand": "heine", "message": "Wie lange dauert die Lieferung?"}).json()
    return body["session_id"], body["session_token"]


def _history(client: TestClient, session_id: str, token: str) -> list[dict[str, Any]]:
    response = client.get(f"/api/v1/sessions/{session_id}/history", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    messages: list[dict[str, Any]] = response.json()["messages"]
    return messages


def test_writing_to_a_session_needs_its_token(sqlite_client: TestClient) -> None:
    session_id, token = _session(sqlite_client)
    before = _history(sqlite_client, session_id, token)
    body = {"brand": "heine", "message": "Hallo", "session_id": session_id}
    missing = sqlite_client.post("/api/v1/chat", json=body)
    assert missing.status_code == 401 and missing.json()["error"]["code"] == "unauthorized"
    other_id, other_token = _session(sqlite_client)
    wrong = sqlite_client.post("/api/v1/chat", json={**body, "session_token": other_token})
    assert wrong.status_code == 403 and wrong.json()["error"]["code"] == "forbidden"
    assert _history(sqlite_client, session_id, token) == before  # nothing stored, nothing changed
    assert other_id != session_id


def test_reading_history_needs_the_token_or_a_staff_account(sqlite_client: TestClient) -> None:
    session_id, token = _session(sqlite_client)
    url = f"/api/v1/sessions/{session_id}/history"
    assert sqlite_client.get(url).status_code == 401
    _, other_token = _session(sqlite_client)
    forbidden = sqlite_client.get(url, headers={"Authorization": f"Bearer {other_token}"})
    assert forbidden.status_code == 403
    assert "messages" not in forbidden.json()
    bad_jwt = sqlite_client.get(url, headers={"Authorization": "Bearer a.b.c"})
    assert bad_jwt.status_code == 401 and bad_jwt.json()["error"]["code"] == "invalid_token"
    operator = sqlite_client.get(url, headers=admin_headers(sqlite_client, Role.AGENT))
    assert operator.status_code == 403 and operator.json()["error"]["code"] == "agent_account_required"
    unknown = sqlite_client.get("/api/v1/sessions/doesnotexist/history", headers={"Authorization": f"Bearer {token}"})
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "session_not_found"


def test_rejected_message_does_not_touch_the_conversation(sqlite_client: TestClient) -> None:
    session_id, token = _session(sqlite_client)
    before = _history(sqlite_client, session_id, token)
    too_long = sqlite_client.post(
        "/api/v1/chat",
        json={"brand": "heine", "message": "x" * 5000, "session_id": session_id, "session_token": token},
    )
    assert too_long.status_code == 422
    assert _history(sqlite_client, session_id, token) == before


def test_message_limit_is_configurable(make_state: Any) -> None:
    with TestClient(create_app(make_state(ingest=False, max_message_length=10))) as client:
        response = client.post("/api/v1/chat", json={"brand": "heine", "message": "elf Zeichen"})
        assert response.status_code == 422
        assert response.json()["error"]["details"]["max_length"] == 10


def test_a_brand_with_nothing_ingested_answers_that_it_has_no_answer(make_state: Any) -> None:
    with TestClient(create_app(make_state(ingest=False))) as client:
        response = client.post("/api/v1/chat", json={"brand": "heine", "message": "Wie lange dauert die Lieferung?"})
        assert response.status_code == 200
        body = response.json()
        assert body["sources"] == [] and body["escalation_required"] is False
        assert "leider" in body["response"].lower() or "keine" in body["response"].lower()
