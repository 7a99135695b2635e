"""The running state of a command: the composition root's ``AppState``, closed when the command is done."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from heine_ai.config import load_settings
from heine_ai.errors import DatabaseNotMigrated

if TYPE_CHECKING:
    from heine_ai.app_state import AppState


@asynccontextmanager
async def running_state() -> AsyncIterator[AppState]:
    """Build the state from the configured settings (as the app does), close it on the way out.

    A database without this release's tables (a fresh clone, or an upgrade not yet applied) stops the command
    with what to run, instead of a traceback at the first query."""
    from heine_ai.db.migrate import is_migrated
    from heine_ai.lifespan import build_state, close_state  # loads the whole service: only when a command needs it

    state = build_state(load_settings())
    try:
        if not await is_migrated(state.engine):
            raise DatabaseNotMigrated(
                "the database is not migrated to this release: run `heine-ai db upgrade` first "
                "(then `heine-ai ingest <brand>` for a brand's knowledge)"
            )
        yield state
    finally:
        await close_state(state)
