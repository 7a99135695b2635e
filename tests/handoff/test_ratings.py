"""Satisfaction ratings through the real app: the customer rates once with the session token, staff see the
rating in the console's conversation view, and the ``csat`` metric counts it by brand, channel and person."""

from __future__ import annotations

import re

import httpx
from fastapi.testclient import TestClient

from tests.handoff.helpers import chat, escalate, staff


def _rate(
    client: TestClient, session: tuple[str, str], body: dict[str, object], token: str | None = None
) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token or session[1]}"}
    return client.post(f"/api/v1/sessions/{session[0]}/rating", json=body, headers=headers)


def test_a_rating_after_a_persons_reply_is_stored_once_shown_and_counted(light_client: TestClient) -> None:
    client = light_client
    anna = staff(client, "anna", display_name="Anna Becker")
    session = escalate(client)
    base = f"/api/v1/agent/conversations/{session[0]}"
    assert client.post(f"{base}/claim", headers=anna).status_code == 200
    assert client.post(f"{base}/reply", json={"text": "Ersatz ist unterwegs."}, headers=anna).status_code == 200
    assert client.post(f"{base}/resolve", headers=anna).status_code == 200

    bad = [
        _rate(client, session, {"score": 6}),
        _rate(client, session, {"score": 0}),
        _rate(client, session, {"score": 3, "comment": "x" * 2001}),
        _rate(client, session, {"score": 3}, token="wrong-token"),
    ]
    assert [(r.status_code, r.json()["error"]["code"]) for r in bad] == [
        (422, "validation_error"),
        (422, "validation_error"),
        (422, "validation_error"),
        (403, "forbidden"),
    ]
    rated = _rate(client, session, {"score": 4, "comment": "  Schnelle Hilfe, danke!  "})
    assert rated.status_code == 201, rated.text
    assert rated.json() == {"score": 4, "comment": "Schnelle Hilfe, danke!", "with_person": True}
    again = _rate(client, session, {"score": 1})
    assert (again.status_code, again.json()["error"]["code"]) == (409, "already_rated")

    view = client.get(base, headers=anna).json()
    assert view["rating"] == {"score": 4, "comment": "Schnelle Hilfe, danke!", "with_person": True}
    metrics = client.get("/metrics").text
    assert re.search(r'csat_total\{brand="heine",channel="\w+",score="4",with_person="true"\} 1\.0', metrics), metrics


def test_a_rating_of_the_bot_alone_counts_without_a_person(light_client: TestClient) -> None:
    client = light_client
    answer = chat(client, "Wie lange habe ich Zeit, einen Artikel zurückzuschicken?")
    session = (answer["session_id"], answer["session_token"])
    rated = _rate(client, session, {"score": 5})
    assert rated.status_code == 201 and rated.json()["with_person"] is False
    assert 'score="5",with_person="false"} 1.0' in client.get("/metrics").text
