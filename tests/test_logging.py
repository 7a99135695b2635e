"""Logs are JSON lines with an event name and ids, and never carry message bodies, addresses or tokens."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from heine_ai.app import create_app
from heine_ai.observability.logging import configure_logging

SECRET = "Ich heiße Erika Mustermann, erika.mustermann@example.com, Bestellung 40555666"


def test_json_logs_without_personal_data(make_state: Any, tmp_path: Path) -> None:
    log_file = tmp_path / "logs" / "heine_ai.log"
    configure_logging("INFO", "json", log_file)
    state = make_state()
    with TestClient(create_app(state)) as client:
        first = client.post("/api/v1/chat", json={"brand": "heine", "message": SECRET})
        token = first.json()["session_token"]
        client.get(
            f"/api/v1/sessions/{first.json()['session_id']}/history", headers={"Authorization": f"Bearer {token}"}
        )
    text = log_file.read_text(encoding="utf-8")
    lines = [json.loads(line) for line in text.splitlines() if line.strip()]
    events = {line["event"] for line in lines}
    assert {"http_request", "message_answered"} <= events
    answered = next(line for line in lines if line["event"] == "message_answered")
    assert answered["conversation_id"] == first.json()["session_id"]
    assert answered["message_length"] == len(SECRET)
    assert all("request_id" in line for line in lines if line["event"] == "http_request")
    for secret in ("Mustermann", "erika.mustermann@example.com", "40555666", token, first.json()["response"][:30]):
        assert secret not in text, secret
