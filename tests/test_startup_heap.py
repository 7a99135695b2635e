"""Once the app has started, what it loaded is out of the cyclic garbage collector's reach."""

from __future__ import annotations

import gc
from typing import Any

from fastapi.testclient import TestClient

from heine_ai.app import create_app


def test_the_started_app_has_frozen_its_startup_heap(make_state: Any) -> None:
    with TestClient(create_app(make_state(ingest=False))) as client:
        assert client.get("/healthz").status_code == 200
        assert gc.get_freeze_count() > 100_000  # the modules and models loaded at startup, not a handful
