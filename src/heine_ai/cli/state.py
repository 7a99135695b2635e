"""The running state of a command: the composition root's ``AppState``, closed when the command is done."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from heine_ai.config import load_settings

if TYPE_CHECKING:
    from heine_ai.app_state import AppState


@asynccontextmanager
async def running_state() -> AsyncIterator[AppState]:
    """Build the state from the configured settings (as the app does), close it on the way out."""
    from heine_ai.lifespan import build_state, close_state  # loads the whole service: only when a command needs it

    state = build_state(load_settings())
    try:
        yield state
    finally:
        await close_state(state)
