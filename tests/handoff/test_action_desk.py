"""The console's action queues through the real API: an exception becomes an approval task, a person approves or
declines it with one call, and the customer reads the decision in their conversation; withdrawals have a queue
of their own."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from heine_ai.app import create_app
from tests.conftest import StateFactory
from tests.handoff.helpers import chat, staff, two_brands_dir


@pytest.fixture
def desk_client(make_state: StateFactory, tmp_path: Path) -> Iterator[TestClient]:
    """Two brands, heine and sheego, without knowledge: the procedures need none."""
    with TestClient(create_app(make_state(ingest=False, brands_dir=two_brands_dir(tmp_path)))) as test_client:
        yield test_client


def converse(client: TestClient, *texts: str) -> tuple[tuple[str, str], list[dict[str, Any]]]:
    session: tuple[str, str] | None = None
    answers = []
    for text in texts:
        answer = chat(client, text, session)
        session = session or (answer["session_id"], answer["session_token"])
        answers.append(answer)
    assert session is not None
    return session, answers


def history(client: TestClient, session: tuple[str, str]) -> list[str]:
    response = client.get(f"/api/v1/sessions/{session[0]}/history", headers={"Authorization": f"Bearer {session[1]}"})
    assert response.status_code == 200, response.text
    return [message["content"] for message in response.json()["messages"]]


@pytest.mark.parametrize(("approve", "told"), [(True, "wurde genehmigt"), (False, "nicht genehmigen")])
def test_an_exception_is_approved_or_declined_and_the_customer_is_told(
    desk_client: TestClient, approve: bool, told: str
) -> None:
    session, answers = converse(
        desk_client, "Ich möchte den Wollmantel zurückschicken, Bestellung 41000002, PLZ 80331", "Ja"
    )
    assert "Rückgabefrist" in answers[0]["response"] and "Soll ich das so machen?" in answers[0]["response"]
    assert "zur Freigabe weitergegeben" in answers[1]["response"]
    headers = staff(desk_client, "petra")
    tasks = desk_client.get("/api/v1/agent/actions", params={"brand": "heine"}, headers=headers).json()
    assert [(t["kind"], t["order_number"], t["approval_reason"]) for t in tasks] == [
        ("return", "41000002", "window_passed")
    ]
    url = f"/api/v1/agent/actions/{tasks[0]['id']}/decision"
    decided = desk_client.post(url, params={"brand": "heine"}, json={"approve": approve}, headers=headers)
    assert decided.status_code == 200, decided.text
    assert decided.json()["customer_told"] is True
    assert decided.json()["action"]["state"] == ("approved" if approve else "declined")
    messages = history(desk_client, session)
    assert told in messages[-1] and tasks[0]["reference"] in messages[-1]
    label = re.search(r"/api/v1/brands/heine/returns/[0-9a-f]{32}/label\.pdf", messages[-1])
    assert (label is not None) == approve  # an approved return links its label
    if label is not None:
        assert desk_client.get(label.group(0)).content.startswith(b"%PDF")
    again = desk_client.post(url, params={"brand": "heine"}, json={"approve": not approve}, headers=headers)
    assert again.json()["customer_told"] is False  # the first decision stands; the customer is told once
    assert again.json()["action"]["state"] == decided.json()["action"]["state"]
    assert len(history(desk_client, session)) == len(messages)
    pending = desk_client.get("/api/v1/agent/actions", params={"brand": "heine"}, headers=headers).json()
    assert pending == []


def test_withdrawals_are_their_own_queue_and_other_brands_staff_see_nothing(desk_client: TestClient) -> None:
    converse(desk_client, "Ich widerrufe meinen Kauf, Bestellung 41000006, PLZ 04109", "Ja")
    converse(desk_client, "Bitte schicken Sie mir eine Kopie der Rechnung, Bestellung 40345678, PLZ 50667", "Ja")
    headers = staff(desk_client, "petra")
    queue = {"brand": "heine", "queue": "withdrawals"}
    withdrawals = desk_client.get("/api/v1/agent/actions", params=queue, headers=headers).json()
    assert [(w["kind"], w["order_number"], w["state"]) for w in withdrawals] == [("withdrawal", "41000006", "done")]
    everything = desk_client.get("/api/v1/agent/actions", params={**queue, "queue": "all"}, headers=headers).json()
    assert sorted(a["kind"] for a in everything) == ["invoice_copy", "withdrawal"]
    stranger = staff(desk_client, "sven", brands=("sheego",))
    assert desk_client.get("/api/v1/agent/actions", params=queue, headers=stranger).json() == []
    url = f"/api/v1/agent/actions/{withdrawals[0]['id']}/decision"
    refused = desk_client.post(url, params={"brand": "heine"}, json={"approve": False}, headers=stranger)
    assert refused.status_code == 404 and refused.json()["error"]["code"] == "not_found"


def test_a_registered_return_links_its_label(desk_client: TestClient) -> None:
    _, answers = converse(desk_client, "Ich möchte die Jeans zurückschicken, Bestellung 41000001, PLZ 20095", "Ja")
    done = answers[-1]["response"]
    match = re.search(r"(/api/v1/brands/heine/returns/[0-9a-f]{32}/label\.pdf)", done)
    assert match is not None, done
    label = desk_client.get(match.group(1))
    assert label.status_code == 200 and label.headers["content-type"] == "application/pdf"
    reference = re.search(r"Vorgang ([0-9A-F]{8})", done)
    assert reference is not None and label.content.startswith(b"%PDF")
    assert f"Vorgang {reference.group(1)}".encode() in label.content and b"41000001" in label.content
    unknown = desk_client.get(f"/api/v1/brands/heine/returns/{'0' * 32}/label.pdf")
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "not_found"
