"""The seed's chat API end to end: a customer asks, the assistant answers from the brand's knowledge."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import ExitStack

import pytest
from fastapi.testclient import TestClient

from heine_ai.app import create_app
from heine_ai.installation import installation_settings
from heine_ai.lifespan import build_state
from tests.support.embedder import MemoEmbedder
from tests.support.installations import BRANDS, Templates, install
from tests.support.postgres import postgres_database, url_of

RETURNS_QUESTION = "Wie lange habe ich Zeit, einen Artikel zurückzuschicken?"


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def client(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    embedder: MemoEmbedder,
    templates: Templates,
) -> Iterator[TestClient]:
    """One app with the demo knowledge per database for the whole module: every test talks in conversations of
    its own, so they share it (the representative slice of the API on PostgreSQL)."""
    with ExitStack() as stack:
        url = None
        if request.param == "postgres":
            url = url_of(stack.enter_context(postgres_database(template=request.getfixturevalue("postgres_template"))))
        root = tmp_path_factory.mktemp("chat")
        settings = installation_settings(root, brands_dir=BRANDS, **({"database_url": url} if url else {}))
        install(settings, templates, demo=True)
        with TestClient(create_app(build_state(settings, embedder=embedder))) as test_client:
            yield test_client


def ask(client: TestClient, message: str, **extra: object) -> dict[str, object]:
    response = client.post("/api/v1/chat", json={"brand": "heine", "message": message, **extra})
    assert response.status_code == 200, response.text
    body: dict[str, object] = response.json()
    return body


def ask_again(client: TestClient, first: dict[str, object], message: str) -> dict[str, object]:
    """Continue the session that ``first`` opened."""
    return ask(client, message, session_id=first["session_id"], session_token=first["session_token"])


def test_returns_question_is_answered_from_the_returns_document(client: TestClient) -> None:
    body = ask(client, RETURNS_QUESTION)
    sources = body["sources"]
    assert isinstance(sources, list) and sources
    assert sources[0]["url"] == "/service/ruecksendung"
    assert "Rücksendung" in sources[0]["title"]
    assert 0 < sources[0]["relevance"] <= 1
    assert "30 Tage" in str(body["response"])
    assert body["author"] == "assistant"  # the API says who wrote it (EU AI Act Art. 50)
    assert body["escalation_required"] is False
    assert 0.5 <= float(body["confidence"]) <= 1  # type: ignore[arg-type]
    assert float(body["processing_time"]) > 0  # type: ignore[arg-type]
    assert body["session_id"] and body["session_token"]


def test_complaint_escalates_to_a_service_manager(client: TestClient) -> None:
    """The seed's escalation example."""
    body = ask(client, "Ich bin sehr unzufrieden mit dem Service!")
    assert body["escalation_required"] is True
    assert body["escalation_reason"] == "complaint"
    assert "manager" in str(body["response"]).lower()
    assert body["sources"] == []


def test_greeting_gets_a_greeting_and_a_new_session(client: TestClient) -> None:
    """The seed's chat endpoint example, in spirit: a session is issued when none is given."""
    body = ask(client, "Hallo, ich habe eine Frage")
    assert "response" in body and str(body["response"]).strip()
    assert isinstance(body["session_id"], str) and len(body["session_id"]) >= 16
    assert body["escalation_required"] is False


def test_conversation_continues_with_the_session_token(client: TestClient) -> None:
    first = ask(client, "Wie lange dauert die Lieferung?")
    token = first["session_token"]
    second = client.post(
        "/api/v1/chat",
        json={"brand": "heine", "message": "Welche Zahlungsarten gibt es?", "session_id": first["session_id"]},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert second.status_code == 200, second.text
    assert second.json()["session_id"] == first["session_id"]
    assert second.json()["session_token"] is None  # issued once, never again
    assert "PayPal" in second.json()["response"] or "Rechnung" in second.json()["response"]


def test_history_round_trip_keeps_every_message_in_order(client: TestClient) -> None:
    first = ask(client, RETURNS_QUESTION)
    session_id, token = first["session_id"], first["session_token"]
    ask(client, "Und wie lange dauert die Erstattung?", session_id=session_id, session_token=token)
    response = client.get(f"/api/v1/sessions/{session_id}/history", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.text
    history = response.json()
    assert history["session_id"] == session_id
    assert history["total_messages"] == 4
    roles = [m["role"] for m in history["messages"]]
    assert roles == ["user", "assistant", "user", "assistant"]
    assert history["messages"][0]["content"] == RETURNS_QUESTION
    assert history["messages"][1]["content"] == first["response"]
    stamps = [m["timestamp"] for m in history["messages"]]
    assert stamps == sorted(stamps)
    assert history["session_duration"] >= 0


def test_follow_up_question_is_resolved_with_the_conversation(client: TestClient) -> None:
    first = ask(client, "Wie funktioniert die Ratenzahlung?")
    follow = ask_again(client, first, "Und wie hoch ist die Mindestrate?")
    assert follow["sources"] and follow["sources"][0]["url"] == first["sources"][0]["url"]  # type: ignore[index]
    assert "10 €" in str(follow["response"])


UNANSWERABLE = (
    "Kann ich meine Bestellung in einer Filiale in München abholen?",
    "Gibt es bei Ihnen auch Kinderwagen und Autositze?",
)


def test_unanswerable_question_offers_a_colleague_without_inventing(client: TestClient) -> None:
    body = ask(client, UNANSWERABLE[0])
    assert body["sources"] == []
    assert "Kolleg" in str(body["response"])
    assert float(body["confidence"]) < 0.5  # type: ignore[arg-type]


def test_two_unanswerable_questions_in_a_row_escalate(client: TestClient) -> None:
    first = ask(client, UNANSWERABLE[0])
    second = ask_again(client, first, UNANSWERABLE[1])
    assert second["escalation_required"] is True
    assert second["escalation_reason"] == "repeated_failure"


def test_out_of_scope_requests_are_declined_politely_and_never_escalate(client: TestClient) -> None:
    first = ask(client, "Wie wird das Wetter morgen in Hamburg?")
    second = ask_again(client, first, "Spiel mir bitte ein Lied von Queen")
    for body in (first, second):
        assert body["sources"] == [] and body["escalation_required"] is False
        assert "nicht weiterhelfen" in str(body["response"]) and "Kolleg" not in str(body["response"])


def test_escalated_conversation_gets_no_bot_answer(client: TestClient) -> None:
    first = ask(client, "Ich möchte mit einem Mitarbeiter sprechen")
    assert first["escalation_reason"] == "human_request"
    second = ask_again(client, first, RETURNS_QUESTION)
    assert second["escalation_required"] is True
    assert second["sources"] == []
    assert "30 Tage" not in str(second["response"])


def test_customer_id_links_sessions_to_one_encrypted_customer(client: TestClient) -> None:
    ask(client, "Hallo", customer_id="cust-4711")
    ask(client, "Hallo", customer_id="cust-4711")
    state = client.app.state.heine  # type: ignore[attr-defined]

    async def customers() -> list[tuple[str | None, str | None]]:
        from sqlalchemy import select

        from heine_ai.db.models import Customer

        async with state.sessions() as session:
            rows = await session.execute(select(Customer.external_id_enc, Customer.external_id_hash))
            return [tuple(row) for row in rows]

    rows = client.portal.call(customers)  # type: ignore[union-attr]
    assert len(rows) == 1
    encrypted, lookup = rows[0]
    assert encrypted and "cust-4711" not in encrypted and lookup and "cust-4711" not in lookup
    assert state.cipher.decrypt(encrypted) == "cust-4711"


def test_brands_are_listed(client: TestClient) -> None:
    response = client.get("/api/v1/brands")
    assert response.status_code == 200
    assert [b["id"] for b in response.json()] == ["heine"]


def test_openapi_docs_are_served(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assets = re.findall(r"""(?:src|href)=['"]([^'"]+\.(?:js|css))['"]""", page.text)
    assert len(assets) == 2, assets  # Swagger UI's script and styles, from the app itself: /docs works offline
    for asset in assets:
        assert asset.startswith("/"), asset
        assert client.get(asset).status_code == 200
    assert client.get("/redoc").status_code == 200
    spec = client.get("/openapi.json").json()
    assert "/api/v1/chat" in spec["paths"] and "/api/v1/admin/health" in spec["paths"]
