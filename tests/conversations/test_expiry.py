"""Sessions expire after inactivity; the background task closes them and the gauge follows."""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient

from heine_ai.app import create_app
from heine_ai.conversations.service import ConversationService
from heine_ai.db.models import Conversation, utcnow


def test_idle_session_expires_and_is_cleaned_up(make_state: Any) -> None:
    """The session is made idle by moving its last activity back, not by waiting: on a busy machine a first answer
    may take longer than any short TTL would allow."""
    state = make_state(session_ttl=600, session_cleanup_interval=0.2)
    with TestClient(create_app(state)) as client:
        first = client.post("/api/v1/chat", json={"brand": "heine", "message": "Wie lange dauert die Lieferung?"})
        session_id, token = first.json()["session_id"], first.json()["session_token"]
        assert _metric_becomes(client, 'active_sessions{brand="heine"} 1.0')
        client.portal.call(_age, state, session_id)
        assert _metric_becomes(client, 'active_sessions{brand="heine"} 0.0')
        again = client.post(
            "/api/v1/chat",
            json={"brand": "heine", "message": "Hallo", "session_id": session_id, "session_token": token},
        )
        assert again.status_code == 410
        assert again.json()["error"]["code"] == "session_expired"
        history = client.get(f"/api/v1/sessions/{session_id}/history", headers={"Authorization": f"Bearer {token}"})
        assert history.status_code == 200 and history.json()["total_messages"] == 2  # kept, not lost


async def _age(state: Any, conversation_id: str) -> None:
    async with state.sessions() as session, session.begin():
        conversation = await session.get(Conversation, conversation_id)
        conversation.last_activity_at = utcnow() - timedelta(hours=1)


def _metric_becomes(client: TestClient, line: str) -> bool:
    """Whether the metrics show ``line`` within a minute (the cleanup runs every 0.2 s)."""
    for _ in range(600):
        if line in client.get("/metrics").text:
            return True
        time.sleep(0.1)
    return False


def test_escalated_sessions_do_not_expire(make_state: Any) -> None:
    state = make_state(session_ttl=1, session_cleanup_interval=0.2)
    with TestClient(create_app(state)) as client:
        first = client.post("/api/v1/chat", json={"brand": "heine", "message": "Ich will mit einem Menschen sprechen"})
        time.sleep(1.5)
        again = client.post(
            "/api/v1/chat",
            json={
                "brand": "heine",
                "message": "Sind Sie noch da?",
                "session_id": first.json()["session_id"],
                "session_token": first.json()["session_token"],
            },
        )
        assert again.status_code == 200  # waiting for a person: the customer can still write
        assert again.json()["escalation_required"] is True


async def test_an_email_thread_outlives_a_chat_session(empty_state: Any) -> None:
    """A chat idle past SESSION_TTL closes; an e-mail conversation waits for EMAIL_SESSION_TTL (the customer may
    answer the next day), then closes too."""
    service = ConversationService(empty_state.sessions, empty_state.cipher, 3600, {"email": 7 * 24 * 3600})
    async with service.sessions() as session, session.begin():
        chat, _ = await service.open(session, "heine", "web")
        mail, _ = await service.open(session, "heine", "email")
        old_mail, _ = await service.open(session, "heine", "email")
        chat.last_activity_at = mail.last_activity_at = utcnow() - timedelta(days=1)
        old_mail.last_activity_at = utcnow() - timedelta(days=8)
        ids = chat.id, mail.id, old_mail.id
    assert await service.expire_inactive() == 2
    async with service.sessions() as session:
        statuses = [(await service.get(session, i)).status for i in ids]
    assert statuses == ["closed", "bot", "closed"]
