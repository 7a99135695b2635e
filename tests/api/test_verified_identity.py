"""The verified widget identity end to end through the real app (REST chat and the WebSocket hello): the shop signs
its customer's id with the brand's secret, and a signed-in customer reaches their own orders with the order number
alone, never another customer's; a forged signature is refused, and an unsigned customer id is only a claim.

Orders of the demo shop (``orders/demo.py``): K-200001 owns 41000001 and 41000009; 41000002 belongs to K-200002.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from heine_ai.app import create_app
from heine_ai.errors import ConfigError
from heine_ai.security.user_hash import identity_secrets, user_hash
from tests.conftest import StateFactory
from tests.support.commerce_server import http_settings, reference_shop

SECRET = "f3c1a9e07b5d42c8a6e19d0b7c3f5a2e4d6b8c0a1e3f5d7b"
ANNA = "K-200001"
SIGNED_IN = {"customer_id": ANNA, "user_hash": user_hash(SECRET, ANNA)}


@pytest.fixture(params=["demo", "http"])
def client(
    request: pytest.FixtureRequest, make_state: StateFactory, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[TestClient]:
    """The real app (SQLite, no knowledge needed) for a brand with an identity secret, on the demo shop and on the
    reference shop server over HTTP (only the settings differ)."""
    monkeypatch.setenv("WIDGET_HEINE_IDENTITY_SECRET", SECRET)
    with ExitStack() as stack:
        shop = {}
        if request.param == "http":
            shop = http_settings(stack.enter_context(reference_shop(tmp_path / "reference_shop.db")))
        with TestClient(create_app(make_state(ingest=False, **shop))) as test_client:
            yield test_client


class Conversation:
    """One REST conversation; the identity goes with the first message only, the session carries it on."""

    def __init__(self, client: TestClient, **identity: str) -> None:
        self._client = client
        self._identity: dict[str, str] = dict(identity)
        self._session: dict[str, Any] = {}

    def say(self, text: str) -> str:
        body = {"brand": "heine", "message": text, **self._identity, **self._session}
        response = self._client.post("/api/v1/chat", json=body)
        assert response.status_code == 200, response.text
        answer = response.json()
        self._session = self._session or {
            "session_id": answer["session_id"],
            "session_token": answer["session_token"],
        }
        self._identity = {}
        return str(answer["response"])


def test_a_signed_in_customer_gets_the_order_status_without_a_postcode(client: TestClient) -> None:
    german = Conversation(client, **SIGNED_IN).say("Wo ist meine Bestellung 41000001?")
    assert "Ihre Bestellung 41000001 ist zugestellt" in german and "Postleitzahl" not in german
    english = Conversation(client, **SIGNED_IN).say("Where is my order 41000009?")
    assert "Your order 41000009 is" in english
    assert "postcode" not in english


def test_a_signed_in_customer_is_asked_only_for_the_order_number(client: TestClient) -> None:
    chat = Conversation(client, **SIGNED_IN)
    asked = chat.say("Wo ist meine Bestellung?")
    assert "Bestellnummer" in asked and "Postleitzahl" not in asked
    assert "Ihre Bestellung 41000001 ist zugestellt" in chat.say("41000001")


def test_a_signed_in_customer_starts_a_return_without_a_postcode(client: TestClient) -> None:
    chat = Conversation(client, **SIGNED_IN)
    proposal = chat.say("Ich möchte die Jeans zurückschicken, Bestellung 41000001.")
    assert "Ich melde die Rücksendung für 1 × Jeans, Größe 40" in proposal
    done = chat.say("Ja")
    assert "Rücksendung für 1 × Jeans, Größe 40, ist angemeldet" in done and "Vorgang" in done

    english = Conversation(client, **SIGNED_IN)
    asked = english.say("I would like to return the dress.")
    assert "order number" in asked and "postcode" not in asked
    assert "register the return of 1 × Strickkleid, size 38" in english.say("It is order 41000009.")
    assert "Done: the return of 1 × Strickkleid, size 38" in english.say("Yes please")


def test_a_signed_in_customer_cannot_reach_another_customers_order(client: TestClient) -> None:
    status = Conversation(client, **SIGNED_IN).say("Wo ist meine Bestellung 41000002?")
    assert "keine Bestellung" in status and "Kundenkonto" in status
    assert "zugestellt" not in status and "Hermes" not in status
    chat = Conversation(client, **SIGNED_IN)
    refused = chat.say("Ich möchte den Wollmantel zurückschicken, Bestellung 41000002.")
    assert "keine Bestellung" in refused and "Wollmantel" not in refused.split("zurückschicken")[-1]
    english = Conversation(client, **SIGNED_IN).say("Where is my order 41000002?")
    assert "could not find" in english and "customer account" in english


def test_a_forged_or_foreign_user_hash_is_refused(client: TestClient) -> None:
    forged = [
        {"customer_id": ANNA, "user_hash": user_hash("another-secret", ANNA)},
        {"customer_id": "K-200002", "user_hash": SIGNED_IN["user_hash"]},  # Anna's signature for Ben's id
    ]
    for identity in forged:
        response = client.post("/api/v1/chat", json={"brand": "heine", "message": "Wo ist 41000002?", **identity})
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "invalid_user_hash"
    malformed = client.post("/api/v1/chat", json={"brand": "heine", "message": "Hallo", "user_hash": "abc"})
    assert malformed.status_code == 422 and malformed.json()["error"]["code"] == "validation_error"


def test_an_unsigned_customer_id_still_needs_order_number_and_postcode(client: TestClient) -> None:
    chat = Conversation(client, customer_id=ANNA)
    asked = chat.say("Wo ist meine Bestellung 41000001?")
    assert "Postleitzahl" in asked and "zugestellt" not in asked
    assert "Ihre Bestellung 41000001 ist zugestellt" in chat.say("20095")
    action = Conversation(client, customer_id=ANNA).say("I would like to return the jeans from order 41000001.")
    assert "postcode" in action and "register" not in action


def test_the_websocket_hello_verifies_the_signed_customer(client: TestClient) -> None:
    with client.websocket_connect("/api/v1/ws/chat") as ws:
        ws.send_json({"type": "hello", "brand": "heine", **SIGNED_IN})
        assert ws.receive_json()["type"] == "ready"
        ws.send_json({"type": "message", "text": "Wo ist meine Bestellung 41000009?"})
        answer = ws.receive_json()
        while answer["type"] != "answer":
            answer = ws.receive_json()
    assert "Ihre Bestellung 41000009 ist zugestellt" in answer["text"]
    with client.websocket_connect("/api/v1/ws/chat") as ws:
        ws.send_json(
            {"type": "hello", "brand": "heine", "customer_id": "K-200002", "user_hash": SIGNED_IN["user_hash"]}
        )
        refused = ws.receive_json()
    assert refused["type"] == "error" and refused["code"] == "invalid_user_hash"


def test_a_resumed_session_becomes_verified_when_the_customer_signs_in(client: TestClient) -> None:
    """An anonymous chat, then the customer signs in at the shop: the widget's next hello carries the signature."""
    with client.websocket_connect("/api/v1/ws/chat") as ws:
        ws.send_json({"type": "hello", "brand": "heine"})
        ready = ws.receive_json()
    session = {"session_id": ready["session_id"], "session_token": ready["session_token"]}
    with client.websocket_connect("/api/v1/ws/chat") as ws:
        ws.send_json({"type": "hello", "brand": "heine", **session, **SIGNED_IN})
        assert ws.receive_json()["type"] == "ready"
    response = client.post(
        "/api/v1/chat", json={"brand": "heine", "message": "Wo ist meine Bestellung 41000001?", **session}
    )
    assert "Ihre Bestellung 41000001 ist zugestellt" in response.json()["response"]


def test_a_user_hash_without_a_secret_is_a_clear_error(make_state: StateFactory) -> None:
    with TestClient(create_app(make_state(ingest=False))) as plain:
        response = plain.post("/api/v1/chat", json={"brand": "heine", "message": "Hallo", **SIGNED_IN})
    assert response.status_code == 400 and response.json()["error"]["code"] == "identity_not_configured"


def test_production_refuses_a_weak_identity_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIDGET_HEINE_IDENTITY_SECRET", "changeme")
    assert identity_secrets(["heine"], production=False) == {"heine": "changeme"}
    with pytest.raises(ConfigError, match="WIDGET_HEINE_IDENTITY_SECRET"):
        identity_secrets(["heine"], production=True)
    monkeypatch.setenv("WIDGET_HEINE_IDENTITY_SECRET", SECRET)
    assert identity_secrets(["heine"], production=True) == {"heine": SECRET}
