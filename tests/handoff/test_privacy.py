"""The hand-off keeps customer text encrypted at rest (ticket summary, internal notes, agent replies) and out of
the logs, which carry ids, lengths and codes only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from heine_ai.observability.logging import configure_logging
from tests.handoff.helpers import chat, escalate, staff

SECRET_COMPLAINT = "Ich bin sehr unzufrieden! Bestellung 40777123, ich wohne in der Geheimgasse 12."
SECRET_NOTE = "Kundin hat im Juni schon einmal reklamiert, Gutschein 4711 angeboten"
SECRET_REPLY = "Guten Tag, ich habe Ihnen den Ersatz an die Geheimgasse geschickt."


def test_summary_notes_and_replies_are_ciphertext_and_not_logged(
    light_client: TestClient, database_url: str, tmp_path: Path
) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("the file check needs SQLite (PostgreSQL is covered by the conversations' pg_dump test)")
    client = light_client
    log_file = tmp_path / "logs" / "heine_ai.log"
    configure_logging("DEBUG", "json", log_file)
    anna = staff(client, "anna")
    session = escalate(client, SECRET_COMPLAINT)
    base = f"/api/v1/agent/conversations/{session[0]}"
    assert "40777123" in client.get("/api/v1/agent/queue", headers=anna).json()[0]["summary"]  # readable for staff
    client.post(f"{base}/claim", headers=anna)
    assert client.post(f"{base}/notes", json={"text": SECRET_NOTE}, headers=anna).status_code == 201
    assert client.post(f"{base}/reply", json={"text": SECRET_REPLY}, headers=anna).status_code == 200
    chat(client, "Danke, die Geheimgasse stimmt.", session)
    client.post(f"{base}/resolve", json={"note": SECRET_NOTE + " (erledigt)"}, headers=anna)

    database = Path(database_url.removeprefix("sqlite:///"))
    raw = b"".join(p.read_bytes() for p in database.parent.glob(database.name + "*"))
    assert b"ticket_events" in raw
    logs = log_file.read_text(encoding="utf-8")
    events = {json.loads(line)["event"] for line in logs.splitlines() if line.strip()}
    assert {"ticket_opened", "ticket_claimed", "ticket_note", "agent_replied", "ticket_finished"} <= events
    for secret in ("40777123", "Geheimgasse", "Gutschein 4711", "Ersatz an die", "unzufrieden"):
        assert secret.encode() not in raw, secret
        assert secret not in logs, secret
