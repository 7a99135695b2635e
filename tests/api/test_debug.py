"""Debug mode: the timing breakdown in the request log, and the admin debug endpoints (memory, top allocations,
one message profiled), refused outside debug mode and never showing message content."""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from heine_ai.app import create_app
from heine_ai.config import load_settings
from heine_ai.observability.logging import configure_logging
from heine_ai.security.tokens import Role
from tests.conftest import admin_headers

SECRET = "Ich heiße Erika Mustermann, wie lange dauert die Lieferung nach Musterweg 12?"
MEMORY = "/api/v1/admin/debug/memory"
PROFILE = "/api/v1/admin/debug/profile"


@pytest.fixture
def stop_tracing() -> Iterator[None]:
    yield
    tracemalloc.stop()


def test_the_debug_endpoints_are_refused_outside_debug_mode(make_state: Any) -> None:
    with TestClient(create_app(make_state(ingest=False))) as client:
        assert client.get(MEMORY).status_code == 401
        for response in (
            client.get(MEMORY, headers=admin_headers(client)),
            client.post(PROFILE, json={"brand": "heine", "message": "Hallo"}, headers=admin_headers(client)),
        ):
            assert response.status_code == 404
            assert response.json()["error"]["code"] == "debug_disabled"


def test_memory_and_top_allocations_for_admins(make_state: Any, stop_tracing: None) -> None:
    with TestClient(create_app(make_state(ingest=False, debug_endpoints=True))) as client:
        assert client.get(MEMORY, headers=admin_headers(client, Role.AGENT)).status_code == 403
        plain = client.get(MEMORY, headers=admin_headers(client)).json()
        assert plain["rss_bytes"] > 0 and plain["tracemalloc"] == {"tracing": False}
        started = client.post(f"{MEMORY}/tracing", json={"enabled": True}, headers=admin_headers(client))
        assert started.json()["tracing"] is True
        client.post("/api/v1/chat", json={"brand": "heine", "message": "Hallo"})
        traced = client.get(MEMORY, params={"top": 5}, headers=admin_headers(client)).json()["tracemalloc"]
        assert traced["current_bytes"] > 0 and len(traced["top"]) == 5
        assert all(":" in entry["location"] and entry["size_bytes"] > 0 for entry in traced["top"])
        stopped = client.post(f"{MEMORY}/tracing", json={"enabled": False}, headers=admin_headers(client))
        assert stopped.json() == {"tracing": False}
        bad = client.get(MEMORY, params={"top": 0}, headers=admin_headers(client))
        assert bad.status_code == 422


def test_profile_one_message_without_its_content(make_state: Any) -> None:
    with TestClient(create_app(make_state(debug_endpoints=True))) as client:
        response = client.post(PROFILE, json={"brand": "heine", "message": SECRET}, headers=admin_headers(client))
        unknown = client.post(PROFILE, json={"brand": "nope", "message": "Hallo"}, headers=admin_headers(client))
    assert response.status_code == 200, response.text
    body = response.json()
    assert {"store_message", "decide", "retrieval", "store_reply"} <= set(body["timings_ms"])
    assert "handle" in body["profile"] and "turn.py" in body["profile"]
    assert body["duration_seconds"] > 0
    text = json.dumps(body, ensure_ascii=False)
    for fragment in ("Mustermann", "Musterweg", "Lieferung"):
        assert fragment not in text
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "brand_not_found"


def test_debug_mode_logs_each_request_with_its_timing_breakdown(make_state: Any, tmp_path: Path) -> None:
    log_file = tmp_path / "heine_ai.log"
    configure_logging("DEBUG", "json", log_file)
    with TestClient(create_app(make_state(debug=True))) as client:
        client.post("/api/v1/chat", json={"brand": "heine", "message": SECRET})
        assert client.get(MEMORY, headers=admin_headers(client)).status_code == 200  # DEBUG turns the endpoints on
    lines = [json.loads(line) for line in log_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    chat = next(line for line in lines if line["event"] == "http_request" and line["route"] == "/api/v1/chat")
    assert {"store_message", "decide", "store_reply"} <= set(chat["timings_ms"])
    assert all(value >= 0 for value in chat["timings_ms"].values())
    assert "Mustermann" not in log_file.read_text(encoding="utf-8")


def test_debug_sets_the_log_level(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CONFIG_FILE", str(tmp_path / "absent.yaml"))
    monkeypatch.setenv("LOG_LEVEL", "WARNING")
    assert load_settings().effective_log_level == "WARNING"
    monkeypatch.setenv("DEBUG", "true")
    settings = load_settings()
    assert settings.effective_log_level == "DEBUG" and settings.serves_debug_endpoints
