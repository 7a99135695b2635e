"""What operators see: health, readiness, Prometheus metrics and the admin health report."""

from __future__ import annotations

import sqlite3
import time
from typing import Any

from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from heine_ai.app import create_app
from heine_ai.security.tokens import Role, TokenService
from tests.conftest import admin_headers
from tests.support.installations import sqlite_only


def _samples(client: TestClient) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    out = {}
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            out[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return out


def test_liveness_and_readiness(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["checks"]["database"]["status"] == "healthy"
    assert ready.json()["checks"]["vector_store"]["status"] == "healthy"
    assert ready.json()["checks"]["embeddings"]["status"] == "healthy"  # the embedded model: in-process


@sqlite_only
def test_seed_metrics_count_requests_sessions_and_errors(client: TestClient) -> None:
    client.post("/api/v1/chat", json={"brand": "heine", "message": "Wie lange dauert die Lieferung?"})
    client.post("/api/v1/chat", json={"brand": "heine", "message": "Ich bin sehr unzufrieden mit dem Service!"})
    samples = _samples(client)
    answered = (("brand", "heine"), ("channel", "api"), ("status", "answered"))
    escalated = (("brand", "heine"), ("channel", "api"), ("status", "escalated"))
    assert samples[("ai_requests_total", answered)] == 1
    assert samples[("ai_requests_total", escalated)] == 1
    assert samples[("ai_request_duration_seconds_count", (("brand", "heine"), ("channel", "api")))] == 2
    assert samples[("ai_escalations_total", (("brand", "heine"), ("reason", "complaint")))] == 1
    assert ("active_sessions", (("brand", "heine"),)) in samples
    families = {family.name for family in text_string_to_metric_families(client.get("/metrics").text)}
    assert {"ai_requests", "ai_request_duration_seconds", "active_sessions", "ai_errors"} <= families


@sqlite_only
def test_admin_health_reports_checks_and_metrics(client: TestClient) -> None:
    client.post("/api/v1/chat", json={"brand": "heine", "message": "Wie lange dauert die Lieferung?"})
    response = client.get("/api/v1/admin/health", headers=admin_headers(client))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "healthy"
    assert body["version"]
    assert set(body["checks"]) == {"database", "embeddings", "llm", "vector_store"}  # redis only when configured
    assert all(check["status"] == "healthy" for check in body["checks"].values())
    assert body["metrics"]["active_sessions"] == 1
    assert body["metrics"]["requests_per_minute"] == 1
    assert body["metrics"]["average_response_time"] > 0


@sqlite_only
def test_admin_health_needs_an_admin_token(client: TestClient) -> None:
    assert client.get("/api/v1/admin/health").status_code == 401
    agent = client.get("/api/v1/admin/health", headers=admin_headers(client, Role.AGENT))
    assert agent.status_code == 403 and agent.json()["error"]["code"] == "forbidden"
    forged = TokenService("another-secret-" + "y" * 30).issue("mallory", Role.ADMIN)
    response = client.get("/api/v1/admin/health", headers={"Authorization": f"Bearer {forged}"})
    assert response.status_code == 401 and response.json()["error"]["code"] == "invalid_token"
    state = client.app.state.heine  # type: ignore[attr-defined]
    expired = state.tokens.issue("ops", Role.ADMIN, expire_seconds=-1)
    time.sleep(0.01)
    response = client.get("/api/v1/admin/health", headers={"Authorization": f"Bearer {expired}"})
    assert response.status_code == 401 and "expired" in response.json()["error"]["message"]


@sqlite_only
def test_request_id_is_echoed(client: TestClient) -> None:
    response = client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert response.headers["x-request-id"] == "abc-123"
    assert len(client.get("/healthz").headers["x-request-id"]) == 32


def test_internal_failure_is_counted_and_answered_in_the_error_shape(make_state: Any) -> None:
    """A broken database (the messages table gone) gives a JSON 500 and counts in ai_errors_total."""
    state = make_state()
    path = state.settings.database_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TABLE messages")
    with TestClient(create_app(state), raise_server_exceptions=False) as client:
        question = {"brand": "heine", "message": "Wie lange dauert die Lieferung?"}
        response = client.post("/api/v1/chat", json=question)
        assert response.status_code == 500
        assert response.json()["error"]["code"] == "internal_error"
        samples = _samples(client)
        errors = [value for (name, _labels), value in samples.items() if name == "ai_errors_total"]
        assert errors == [1.0]


def test_cors_preflight_admits_the_admin_apis_methods_for_a_configured_origin(make_state: Any) -> None:
    """The admin and agent APIs use PATCH and DELETE; a console on another origin must be allowed to send them."""
    state = make_state(ingest=False, cors_origins=["https://service.example"])
    with TestClient(create_app(state)) as client:
        for method in ("PATCH", "DELETE"):
            response = client.options(
                "/api/v1/admin/agents/x",
                headers={"Origin": "https://service.example", "Access-Control-Request-Method": method},
            )
            assert response.status_code == 200
            assert method in response.headers["access-control-allow-methods"]
        foreign = client.options(
            "/api/v1/admin/agents/x",
            headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "DELETE"},
        )
        assert "access-control-allow-origin" not in foreign.headers
