"""Async engine and session factory; the lifespan builds one of each."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import ConnectionPoolEntry, PoolResetState

from heine_ai.config import async_database_url


def create_engine(url: str) -> AsyncEngine:
    """``hide_parameters``: bound values (message texts, addresses) never reach an error log. A new SQLite file
    is created readable by its owner only; SQLite gives its journal files the same mode."""
    async_url = async_database_url(url)
    parsed = make_url(async_url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            Path(parsed.database).touch(mode=0o600)
        engine = create_async_engine(
            async_url, connect_args={"timeout": 30}, pool_reset_on_return=None, hide_parameters=True
        )
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        event.listen(engine.sync_engine, "reset", _rollback_if_open)
        return engine
    return create_async_engine(async_url, pool_size=10, max_overflow=20, pool_pre_ping=True, hide_parameters=True)


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    """WAL lets readers run beside the writer; foreign keys are off in SQLite unless asked for; ``secure_delete``
    overwrites deleted rows with zeros, so an erased customer's ciphertext does not linger in free pages."""
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _rollback_if_open(dbapi_connection: DBAPIConnection, record: ConnectionPoolEntry, _state: PoolResetState) -> None:
    """The pool's reset of a connection it takes back: a ROLLBACK, but only when a transaction is still open.

    The default reset rolls back every time, also after a COMMIT; with aiosqlite each statement is a round trip
    to the connection's own thread, and that empty ROLLBACK was two of the 23 round trips of a chat message."""
    connection = record.driver_connection
    if connection is not None and connection.in_transaction:
        dbapi_connection.rollback()


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


async def ping(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        await connection.execute(text("SELECT 1"))
