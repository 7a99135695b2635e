"""The SQLite pool skips the empty ROLLBACK after a COMMIT, but still rolls back what was left open; errors hide
bound values; a new database file is private."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from heine_ai.db.engine import create_engine


def test_a_transaction_left_open_is_rolled_back_when_the_connection_returns(tmp_path: Path) -> None:
    async def scenario() -> list[int]:
        engine = create_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
        try:
            async with engine.begin() as connection:
                await connection.execute(text("CREATE TABLE t (a INTEGER)"))
                await connection.execute(text("INSERT INTO t VALUES (1)"))
            async with engine.connect() as connection:  # a write behind SQLAlchemy's back, never committed
                raw = await connection.get_raw_connection()
                await raw.driver_connection.execute("INSERT INTO t VALUES (2)")  # type: ignore[union-attr]
            async with engine.begin() as connection:  # the same pooled connection: its own commit
                await connection.execute(text("INSERT INTO t VALUES (3)"))
            async with engine.connect() as connection:
                return [row[0] for row in await connection.execute(text("SELECT a FROM t ORDER BY a"))]
        finally:
            await engine.dispose()

    assert asyncio.run(scenario()) == [1, 3]


async def test_errors_carry_no_bound_values_and_the_file_is_private(tmp_path: Path) -> None:
    """A failing statement's error (and so its log line) must not quote a message text or an address."""
    engine = create_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    try:
        async with engine.connect() as connection:
            with pytest.raises(DBAPIError) as failed:
                await connection.execute(text("INSERT INTO nowhere VALUES (:secret)"), {"secret": "max@example.org"})
        assert "max@example.org" not in str(failed.value)
    finally:
        await engine.dispose()
    assert (tmp_path / "db.sqlite").stat().st_mode & 0o777 == 0o600
