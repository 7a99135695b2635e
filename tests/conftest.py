"""Shared fixtures: real SQLite files and PostgreSQL databases, the real embedding model, real apps.

Every installation a test gets is a copy of the run's templates (``tests/support/installations.py``).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from heine_ai.app import create_app
from heine_ai.app_state import AppState
from heine_ai.config import Settings
from heine_ai.db.migrate import upgrade
from heine_ai.installation import installation_settings
from heine_ai.lifespan import build_state, close_state
from heine_ai.security.tokens import Role
from tests.support.embedder import MemoEmbedder
from tests.support.installations import BRANDS, Templates, build_installed_state, install
from tests.support.postgres import postgres_database, url_of
from tests.support.servers import free_port, port_open, require

# The e5 engine's OpenMP threads wait passively, not spinning: beside the other pytest-xdist worker on a 2-core
# machine a spinning team took about half again as long for the same embeddings (a FAQ-question test with one core
# busy: 15-18 s spinning, 9-10 s passive). Set before the engine loads, which it does lazily, in the first test.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


@pytest.fixture(scope="session")
def embedder() -> MemoEmbedder:
    return MemoEmbedder(os.environ.get("HEINE_TEST_VECTORS"))


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory, embedder: MemoEmbedder) -> Templates:
    """The run's template installations, each built by the first xdist worker that needs it."""
    run = tmp_path_factory.getbasetemp()
    if "PYTEST_XDIST_WORKER" in os.environ:
        run = run.parent  # each worker's base temp lies in one folder of the run
    return Templates(run / "installations", embedder)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    with postgres_database() as name:
        yield url_of(name)


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[str]:
    """A migrated PostgreSQL database of this worker (by name) to copy test databases from."""
    with postgres_database() as name:
        upgrade(url_of(name))
        yield name


@pytest.fixture
def migrated_postgres_url(postgres_template: str) -> Iterator[str]:
    """A fresh migrated PostgreSQL database for one test, dropped afterwards."""
    with postgres_database(template=postgres_template) as name:
        yield url_of(name)


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The database of a test that runs on both: a SQLite file still to be created (``make_state`` creates it
    migrated) or a migrated PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'heine_ai.db'}"
    url: str = request.getfixturevalue("migrated_postgres_url")
    return url


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
        # a module's tests open many chats from one test client; tests/api/test_edges.py checks that limit
        defaults = {"brands_dir": BRANDS, "new_chats_per_minute": 100_000}
        return installation_settings(tmp_path, **{**defaults, **overrides})

    return factory


StateFactory = Callable[..., AppState]


@pytest.fixture
def make_state(make_settings: SettingsFactory, embedder: MemoEmbedder, templates: Templates) -> Iterator[StateFactory]:
    """A migrated installation (a copy of the templates), with the demo knowledge unless ``ingest=False``;
    closed at the end of the test."""
    built: list[AppState] = []

    def factory(*, ingest: bool = True, **overrides: Any) -> AppState:
        settings = make_settings(**overrides)
        install(settings, templates, demo=ingest)
        state = build_state(settings, embedder=embedder)
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
async def empty_state(
    make_settings: SettingsFactory, embedder: MemoEmbedder, templates: Templates
) -> AsyncIterator[AppState]:
    """A migrated installation with an empty knowledge base (SQLite, embedded vector store)."""
    app_state = await build_installed_state(make_settings(), embedder, templates, demo=False)
    try:
        yield app_state
    finally:
        await close_state(app_state)


@pytest.fixture
async def state(
    make_settings: SettingsFactory, embedder: MemoEmbedder, templates: Templates
) -> AsyncIterator[AppState]:
    """An AppState for async tests that call services directly (SQLite, demo knowledge ingested)."""
    app_state = await build_installed_state(make_settings(), embedder, templates)
    try:
        yield app_state
    finally:
        await close_state(app_state)
