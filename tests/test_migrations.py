"""The same Alembic migrations build and remove the schema on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy import Connection, inspect

from heine_ai.db.engine import create_engine
from heine_ai.db.migrate import downgrade, upgrade
from heine_ai.db.models import Base

TABLES = {
    "conversations",
    "messages",
    "customers",
    "knowledge_documents",
    "knowledge_versions",
    "alembic_version",
    "agents",
    "refresh_tokens",
    "tickets",
    "ticket_events",
    "email_messages",
    "email_conversations",
    "privacy_events",
    "phone_calls",
    "attachments",
    "ratings",
    "privacy_requests",
    "identity_codes",
}


async def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            return set(await connection.run_sync(lambda sync: inspect(sync).get_table_names()))
    finally:
        await engine.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database without a schema: the other tests' ``database_url`` comes migrated."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'heine_ai.db'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


async def _columns(url: str) -> dict[str, set[str]]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:

            def read(sync: Connection) -> dict[str, set[str]]:
                inspector = inspect(sync)
                return {name: {c["name"] for c in inspector.get_columns(name)} for name in inspector.get_table_names()}

            return await connection.run_sync(read)
    finally:
        await engine.dispose()


def test_the_migrations_build_the_models_columns(empty_database_url: str) -> None:
    """No column lives in the database that the models lost (0004 drops the unused ones), nor the reverse."""
    database_url = empty_database_url
    upgrade(database_url)
    columns = asyncio.run(_columns(database_url))
    columns.pop("alembic_version")
    assert columns == {table.name: {column.name for column in table.columns} for table in Base.metadata.sorted_tables}


def test_upgrade_downgrade_upgrade(empty_database_url: str) -> None:
    database_url = empty_database_url
    upgrade(database_url)
    assert asyncio.run(_tables(database_url)) == TABLES
    downgrade(database_url, "base")
    assert asyncio.run(_tables(database_url)) == {"alembic_version"}
    upgrade(database_url)
    upgrade(database_url)  # idempotent
    assert asyncio.run(_tables(database_url)) == TABLES
