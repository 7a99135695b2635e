"""Bad input on the agent API: clear 4xx codes, a consistent state, nothing lost; brand isolation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from heine_ai.app import create_app
from tests.conftest import StateFactory
from tests.handoff.helpers import chat, escalate, history, staff, two_brands_dir


@pytest.fixture
def two_brand_client(make_state: StateFactory, database_url: str, tmp_path: Path) -> Iterator[TestClient]:
    state = make_state(database_url=database_url, brands_dir=two_brands_dir(tmp_path))
    with TestClient(create_app(state)) as test_client:
        yield test_client


def _post(
    client: TestClient, session: tuple[str, str], action: str, headers: dict[str, str], **body: str
) -> tuple[int, str]:
    response = client.post(f"/api/v1/agent/conversations/{session[0]}/{action}", json=body or None, headers=headers)
    code = response.json().get("error", {}).get("code", "") if response.status_code >= 400 else ""
    return response.status_code, code


def test_replying_without_holding_resolving_twice_and_unknown_conversations(light_client: TestClient) -> None:
    client = light_client
    anna, ben = staff(client, "anna"), staff(client, "ben")
    session = escalate(client)
    assert _post(client, session, "reply", anna, text="Hallo") == (409, "conversation_not_held")  # not claimed yet
    assert _post(client, session, "resolve", anna) == (409, "conversation_not_held")
    assert _post(client, session, "claim", anna) == (200, "")
    assert _post(client, session, "claim", ben) == (409, "ticket_already_claimed")
    assert _post(client, session, "reply", ben, text="Hallo") == (409, "conversation_not_held")
    assert _post(client, session, "handback", ben) == (409, "conversation_not_held")
    assert _post(client, session, "reply", anna, text="   ") == (422, "message_empty")
    assert _post(client, session, "reply", anna, text="x" * 4001) == (422, "message_too_long")
    assert _post(client, session, "assign", anna, agent_id="nobody") == (422, "invalid_assignee")
    assert _post(client, session, "resolve", anna) == (200, "")
    assert _post(client, session, "resolve", anna) == (409, "ticket_not_active")
    assert _post(client, session, "handback", anna) == (409, "ticket_not_active")
    unknown = ("0" * 32, "")
    assert _post(client, unknown, "claim", anna) == (404, "conversation_not_found")
    assert client.get(f"/api/v1/agent/conversations/{'0' * 32}", headers=anna).status_code == 404
    # after the resolution the conversation is closed: the customer gets a clear answer, nothing is stored
    closed = client.post(
        "/api/v1/chat",
        json={"brand": "heine", "message": "Noch eine Frage", "session_id": session[0], "session_token": session[1]},
    )
    assert closed.status_code == 410 and closed.json()["error"]["code"] == "session_expired"
    roles = [m["role"] for m in history(client, session)]
    assert roles == ["user", "assistant", "system", "system"]  # escalation, agent joined, agent left


def test_a_bot_conversation_has_no_ticket(light_client: TestClient) -> None:
    client = light_client
    anna = staff(client, "anna")
    answer = chat(client, "Guten Tag!")
    session = (answer["session_id"], answer["session_token"])
    assert _post(client, session, "claim", anna) == (409, "ticket_not_active")
    assert client.get("/api/v1/agent/queue", headers=anna).json() == []


def test_another_brands_conversation_reads_as_unknown(two_brand_client: TestClient) -> None:
    client = two_brand_client
    anna = staff(client, "anna", brands=("heine",))
    sheego_agent = staff(client, "sina", brands=("sheego",))
    admin = staff(client, "chef", role="admin", brands=())
    foreign = escalate(client, brand="sheego")
    own = escalate(client, brand="heine")
    response = client.get(f"/api/v1/agent/conversations/{foreign[0]}", headers=anna)
    unknown = client.get(f"/api/v1/agent/conversations/{'f' * 32}", headers=anna)
    assert response.status_code == unknown.status_code == 404
    assert response.json() == unknown.json()  # not a word of the conversation, not even that it exists
    assert _post(client, foreign, "claim", anna) == (404, "conversation_not_found")
    assert _post(client, foreign, "notes", anna, text="x") == (404, "conversation_not_found")
    assert [t["conversation_id"] for t in client.get("/api/v1/agent/queue", headers=anna).json()] == [own[0]]
    assert [t["brand"] for t in client.get("/api/v1/agent/queue", headers=sheego_agent).json()] == ["sheego"]
    assert {t["brand"] for t in client.get("/api/v1/agent/queue", headers=admin).json()} == {"heine", "sheego"}
    assert client.get("/api/v1/agent/queue?brand=sheego", headers=anna).json() == []
