"""Throw-away installations: settings under one folder, a migrated database, a vector store and, if asked, a
brand's knowledge ingested; removed again afterwards.

Tests, benchmarks and the evaluation assemble theirs here, so what a complete installation consists of is written
down once and shipped with the package (as httpx ships ``MockTransport`` for its users' tests). An installation
on SQLite and the embedded vector store lives entirely in its folder: ``copy_database_file`` and
``copy_vector_store`` clone one in milliseconds, which is how the tests migrate and ingest once and still give
every test an installation of its own.
"""

from __future__ import annotations

import asyncio
import hashlib
import shutil
import tempfile
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from heine_ai.app_state import AppState
from heine_ai.config import Settings, load_settings
from heine_ai.db.migrate import upgrade
from heine_ai.errors import ConfigError
from heine_ai.lifespan import build_state, close_state
from heine_ai.providers.embeddings import Embedder
from heine_ai.security.crypto import legacy_lookup_key, new_fernet_key

DATABASE_FILE = "heine_ai.db"
VECTOR_DIR = "vectors"


def installation_settings(root: Path, **overrides: Any) -> Settings:
    """Settings of an installation kept under ``root``, isolated from the machine's ``system.yaml`` (unless
    ``config_file`` is given) and from its Redis. ``overrides`` win.

    The token secret follows from ``root``, so that two workers of one installation accept each other's tokens;
    the encryption key is fresh (pass the same ``encryption_key`` to workers that share a database; the lookup
    hash key follows from it unless given)."""
    values: dict[str, Any] = {
        "config_file": root / "absent-system.yaml",
        "environment": "test",
        "data_dir": root / "data",
        "keys_dir": root / "keys",
        "database_url": f"sqlite:///{root / DATABASE_FILE}",
        "vector_store_type": "chromadb",
        "vector_store_path": root / VECTOR_DIR,
        "redis_url": None,
        "jwt_secret_key": "installation-" + hashlib.sha256(str(root).encode()).hexdigest(),
        "encryption_key": new_fernet_key(),
        "log_format": "json",
        "ai_provider": "extractive",
    }
    values.update(overrides)
    if values["encryption_key"]:  # the lookup key follows the (shared) encryption key unless given
        values.setdefault("lookup_hash_key", legacy_lookup_key(values["encryption_key"]))
    return load_settings(**values)


async def build_installation(
    settings: Settings, *, embedder: Embedder | None = None, knowledge: Mapping[str, Path] | None = None
) -> AppState:
    """Migrate the database, build the state and ingest ``knowledge`` (brand to folder). Close it with
    ``close_state``. A knowledge folder that does not ingest cleanly is an error: a half-filled installation
    would measure or test something else."""
    await asyncio.to_thread(upgrade, settings.database_url)
    state = build_state(settings, embedder=embedder)
    try:
        for brand, folder in (knowledge or {}).items():
            summary = await state.ingestor.ingest_paths(brand, [folder])
            if summary.failed:
                raise ConfigError(f"the knowledge of {brand} did not ingest: {summary.failed}")
    except BaseException:
        await close_state(state)
        raise
    return state


@asynccontextmanager
async def temporary_installation(
    *,
    embedder: Embedder | None = None,
    knowledge: Mapping[str, Path] | None = None,
    prefix: str = "heine-",
    **overrides: Any,
) -> AsyncIterator[AppState]:
    """``build_installation`` in a temporary folder, closed and removed on exit."""
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        settings = installation_settings(Path(tmp), **overrides)
        state = await build_installation(settings, embedder=embedder, knowledge=knowledge)
        try:
            yield state
        finally:
            await close_state(state)


def copy_database_file(source: Settings, target: Settings) -> None:
    """Clone a closed installation's SQLite database into ``target``'s place (both on SQLite)."""
    source_file, target_file = sqlite_file(source), sqlite_file(target)
    target_file.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal"):  # a write-ahead log not yet checkpointed belongs to the file
        if (part := Path(f"{source_file}{suffix}")).exists():
            shutil.copyfile(part, f"{target_file}{suffix}")


def copy_vector_store(source: Settings, target: Settings) -> None:
    """Clone an installation's embedded vector store into ``target``'s place (both embedded)."""
    if source.vector_store_type != "chromadb" or target.vector_store_type != "chromadb":
        raise ConfigError("only the embedded vector store is a folder to copy")
    shutil.copytree(source.vector_store_path, target.vector_store_path, dirs_exist_ok=True)


def sqlite_file(settings: Settings) -> Path:
    """The database file of an installation on SQLite."""
    if not settings.database_url.startswith("sqlite:///"):
        raise ConfigError(f"not a SQLite database: {settings.database_url.split(':', 1)[0]}")
    return Path(settings.database_url.removeprefix("sqlite:///"))
