"""Background tasks end when they are stopped, even where one cancellation gets lost."""

from __future__ import annotations

import asyncio
import contextlib

from heine_ai.tasks import cancel_and_wait


async def _polls_after(ready: asyncio.Future[int], ended: list[str]) -> None:
    """A worker like the mailbox's: one awaited operation with a timeout, then a loop until cancelled."""
    try:
        await asyncio.wait_for(ready, 10)
        await asyncio.Event().wait()  # until cancelled
    finally:
        ended.append("ended")


async def test_a_worker_that_loses_the_cancellation_still_ends() -> None:
    ended: list[str] = []
    ready: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(_polls_after(ready, ended))
    await asyncio.sleep(0.01)
    # the operation completes just as the worker is cancelled: on Python 3.11 ``wait_for`` returns its result and
    # the worker runs on (gh-86296)
    ready.set_result(1)
    async with asyncio.timeout(5):
        await cancel_and_wait(task, recancel=0.1)
    assert task.done()
    assert ended == ["ended"]


async def test_finished_failed_and_missing_tasks_are_taken_as_they_are() -> None:
    async def fails() -> None:
        raise RuntimeError("boom")

    failed = asyncio.create_task(fails())
    finished = asyncio.create_task(asyncio.sleep(0))
    await asyncio.sleep(0.01)
    sleeper = asyncio.create_task(asyncio.sleep(60))
    await cancel_and_wait(failed, finished, sleeper, None)
    assert sleeper.cancelled()
    assert isinstance(failed.exception(), RuntimeError)
    assert finished.result() is None


async def test_the_caller_can_still_be_cancelled_while_it_waits() -> None:
    released = asyncio.Event()

    async def stubborn() -> None:
        while not released.is_set():
            with contextlib.suppress(asyncio.CancelledError):
                await released.wait()  # ignores every cancellation until released

    worker = asyncio.create_task(stubborn())
    stopper = asyncio.create_task(cancel_and_wait(worker, recancel=0.05))
    await asyncio.sleep(0.2)
    stopper.cancel()
    await asyncio.gather(stopper, return_exceptions=True)
    assert stopper.cancelled()
    assert not worker.done()
    released.set()
    await asyncio.wait_for(worker, 5)
