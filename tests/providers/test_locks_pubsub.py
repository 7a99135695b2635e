"""In-process locks serialise one conversation; pub/sub delivers to every subscriber of a topic."""

from __future__ import annotations

import asyncio

from heine_ai.providers.locks import InProcessLocks
from heine_ai.providers.pubsub import InProcessPubSub


async def test_lock_serialises_one_key_and_is_released() -> None:
    locks = InProcessLocks()
    order: list[str] = []

    async def worker(name: str, key: str) -> None:
        async with locks.lock(key):
            order.append(f"{name}+")
            await asyncio.sleep(0.02)
            order.append(f"{name}-")

    await asyncio.gather(worker("a", "c1"), worker("b", "c1"))
    assert order in (["a+", "a-", "b+", "b-"], ["b+", "b-", "a+", "a-"])
    assert len(locks) == 0  # no lock objects left behind


async def test_pubsub_fans_out_and_forgets_unsubscribed() -> None:
    pubsub = InProcessPubSub(max_queue=2)
    async with pubsub.subscribe("s1") as first, pubsub.subscribe("s1") as second:
        await pubsub.publish("s1", "hello")
        await pubsub.publish("other", "nobody listens")
        assert await first.get() == "hello" and await second.get() == "hello"
        for n in range(3):
            await pubsub.publish("s1", str(n))
        assert [first.get_nowait(), first.get_nowait()] == ["1", "2"]  # a stalled subscriber drops the oldest
    await pubsub.publish("s1", "after")  # no subscribers: no error, nothing kept
