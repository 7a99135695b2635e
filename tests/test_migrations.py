"""The same Alembic migrations build and remove the schema on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio

from sqlalchemy import inspect

from heine_ai.db.engine import create_engine
from heine_ai.db.migrate import downgrade, upgrade

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
}


async def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            return set(await connection.run_sync(lambda sync: inspect(sync).get_table_names()))
    finally:
        await engine.dispose()


def test_upgrade_downgrade_upgrade(database_url: str) -> None:
    upgrade(database_url)
    assert asyncio.run(_tables(database_url)) == TABLES
    downgrade(database_url, "base")
    assert asyncio.run(_tables(database_url)) == {"alembic_version"}
    upgrade(database_url)
    upgrade(database_url)  # idempotent
    assert asyncio.run(_tables(database_url)) == TABLES
