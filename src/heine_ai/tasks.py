"""Stopping background tasks for certain: ``cancel_and_wait``."""

from __future__ import annotations

import asyncio
from typing import Any

RECANCEL_SECONDS = 1.0


async def cancel_and_wait(*tasks: asyncio.Future[Any] | None, recancel: float = RECANCEL_SECONDS) -> None:
    """Cancel the tasks and wait until each has ended, whatever it raised.

    One ``cancel()`` is not always enough on Python 3.11: ``asyncio.wait_for`` swallows a cancellation that
    arrives just as the awaited operation completes (CPython gh-86296, fixed in 3.12), and aioimaplib wraps every
    IMAP command in it, so a mailbox worker could go on polling for ever while its caller waited for it to end.
    A task still running after ``recancel`` seconds is cancelled again (as anyio does), so it ends either way; a
    task that is merely slow in its cleanup loses only the rest of that cleanup step.
    """
    pending = {task for task in tasks if task is not None and not task.done()}
    while pending:
        for task in pending:
            task.cancel()
        _done, pending = await asyncio.wait(pending, timeout=recancel)
    for ended in tasks:
        if ended is not None and not ended.cancelled():
            ended.exception()  # retrieved, so asyncio does not report it as never retrieved
