"""Outages of what stores the data answer 503 with a machine-readable code, not 500: a database that refuses
connections (nothing listens on its port) and a full disk (``/dev/full`` answers every write with ENOSPC).
The fault drills in tests/deploy/ show the same on a running service; these cost milliseconds."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from heine_ai.api.errors import install_error_handlers
from heine_ai.db.engine import create_engine, ping
from tests.support.servers import free_port


def app_with(route: object) -> TestClient:
    app = FastAPI()
    install_error_handlers(app)
    app.get("/probe")(route)
    return TestClient(app, raise_server_exceptions=False)


def test_a_database_that_refuses_connections_is_503_database_unavailable() -> None:
    engine = create_engine(f"postgresql://heine@127.0.0.1:{free_port()}/heine")

    async def probe() -> None:
        await ping(engine)

    with app_with(probe) as client:
        response = client.get("/probe")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "database_unavailable"


def test_a_full_disk_is_503_storage_full() -> None:
    if not Path("/dev/full").exists():
        pytest.skip("/dev/full is missing")

    def probe() -> None:
        with Path("/dev/full").open("wb", buffering=0) as full:
            full.write(b"x")

    with app_with(probe) as client:
        response = client.get("/probe")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "storage_full"


def test_another_os_error_stays_an_internal_error() -> None:
    def probe() -> None:
        Path("/nonexistent/heine").read_text()

    with app_with(probe) as client:
        response = client.get("/probe")
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal_error"
