"""PROMETHEUS_PORT: the same metrics as /metrics on a port of their own, open while the app runs."""

from __future__ import annotations

import socket

import httpx
import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from heine_ai.app import create_app
from heine_ai.errors import ConfigError
from tests.conftest import StateFactory
from tests.support.servers import free_port


def _requests_total(text: str) -> float:
    return sum(
        sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == "ai_requests_total"
    )


def test_the_metrics_are_scraped_on_their_own_port(make_state: StateFactory) -> None:
    port = free_port()
    state = make_state(ingest=False, prometheus_port=port)
    with TestClient(create_app(state)) as client:
        client.post("/api/v1/chat", json={"brand": "heine", "message": "Wie lange dauert die Lieferung?"})
        scraped = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=10)
        assert scraped.status_code == 200
        assert scraped.headers["content-type"].startswith("text/plain")
        assert _requests_total(scraped.text) == 1 == _requests_total(client.get("/metrics").text)
    with pytest.raises(httpx.ConnectError):  # closed with the app
        httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=2)


def test_a_metrics_port_in_use_stops_the_start(make_state: StateFactory) -> None:
    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))  # noqa: S104 - the metrics server binds all interfaces too
        taken.listen()
        state = make_state(ingest=False, prometheus_port=taken.getsockname()[1])
        with pytest.raises(ConfigError, match="PROMETHEUS_PORT"), TestClient(create_app(state)):
            pass
