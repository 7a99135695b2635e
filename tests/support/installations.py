"""The tests' installations: migrated and ingested once per test run, then copied for every test.

Migrating costs about half a second on SQLite and more on PostgreSQL, a real ingest of the demo knowledge
seconds of vector-store writes (and minutes of model time the first time); copying a closed installation's
SQLite file and Chroma folder costs milliseconds. So a run builds its template installations once with
``heine_ai.installation`` (one migrated, one with the demo knowledge), and each test gets a copy of its own.
"""

from __future__ import annotations

import asyncio
import fcntl
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, select

from heine_ai.app_state import AppState
from heine_ai.config import Settings
from heine_ai.db.engine import create_engine as create_async_engine
from heine_ai.db.models import KnowledgeDocument, KnowledgeVersion
from heine_ai.installation import (
    build_installation,
    copy_database_file,
    copy_vector_store,
    installation_settings,
    sqlite_file,
)
from heine_ai.lifespan import build_state, close_state
from heine_ai.providers.embeddings import Embedder
from tests.support.embedder import MemoEmbedder

ROOT = Path(__file__).resolve().parents[2]
KNOWLEDGE = ROOT / "knowledge" / "heine"
BRANDS = ROOT / "config" / "brands"
DEMO_TABLES = (KnowledgeDocument.__table__, KnowledgeVersion.__table__)  # what an ingest writes to SQL
# for a test whose fixtures run on both databases (``database_url``) but whose SQL does not differ between them
sqlite_only = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


class Templates:
    """The run's template installations on SQLite and the embedded store, in a folder all pytest-xdist workers
    of the run share: ``empty`` migrated, ``demo`` with the demo knowledge. Each is built on first use by the
    first worker that needs it, while the other waits for the lock and then takes it, with the passage vectors
    the model computed (a test re-ingesting the demo knowledge then costs no model time on either worker)."""

    def __init__(self, root: Path, embedder: MemoEmbedder) -> None:
        self._root = root
        self._embedder = embedder
        self._ready: dict[str, Settings] = {}

    def empty(self) -> Settings:
        return self._template("empty", {})

    def demo(self) -> Settings:
        return self._template("demo", {"heine": KNOWLEDGE})

    def _template(self, name: str, knowledge: dict[str, Path]) -> Settings:
        if name in self._ready:
            return self._ready[name]
        folder = self._root / name
        folder.mkdir(parents=True, exist_ok=True)
        settings = installation_settings(folder, brands_dir=BRANDS)
        passages = folder / "passages"
        with (folder / "build.lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if (folder / "ready").exists():
                if knowledge:
                    self._embedder.load_passages(passages)
            else:
                asyncio.run(self._build(settings, knowledge))
                if knowledge:
                    self._embedder.save_passages(passages)
                (folder / "ready").touch()
        self._ready[name] = settings
        return settings

    async def _build(self, settings: Settings, knowledge: dict[str, Path]) -> None:
        await close_state(await build_installation(settings, embedder=self._embedder, knowledge=knowledge))


def install(settings: Settings, templates: Templates, *, demo: bool) -> None:
    """Make ``settings``' places a migrated installation, with the demo knowledge if ``demo``.

    A SQLite file that exists already is another installation's database (two workers sharing it) and is kept;
    a PostgreSQL database must come migrated (the ``database_url`` fixture's does)."""
    if settings.database_url.startswith("sqlite"):
        if sqlite_file(settings).exists():
            if demo:
                raise ValueError("the demo knowledge is copied into a new database only")
        else:
            copy_database_file(templates.demo() if demo else templates.empty(), settings)
    elif demo:
        asyncio.run(_insert_demo_rows(settings.database_url, templates))
    if demo:
        copy_vector_store(templates.demo(), settings)


async def build_installed_state(
    settings: Settings, embedder: Embedder, templates: Templates, *, demo: bool = True
) -> AppState:
    """``build_state`` over a copy of the templates, for async fixtures and tests (close it with ``close_state``)."""
    await asyncio.to_thread(install, settings, templates, demo=demo)
    return build_state(settings, embedder=embedder)


async def _insert_demo_rows(url: str, templates: Templates) -> None:
    engine = create_async_engine(url)
    try:
        async with engine.begin() as connection:
            for table in DEMO_TABLES:
                await connection.execute(table.insert(), demo_rows(sqlite_file(templates.demo()))[table.name])
    finally:
        await engine.dispose()


@cache
def demo_rows(database: Path) -> dict[str, list[dict[str, Any]]]:
    """The SQL rows the demo ingest wrote, to put into a PostgreSQL database beside a copy of its vectors."""
    engine = create_engine(f"sqlite:///{database}")
    try:
        with engine.connect() as connection:
            return {t.name: [dict(row) for row in connection.execute(select(t)).mappings()] for t in DEMO_TABLES}
    finally:
        engine.dispose()
