"""Locks and pub/sub shared by several workers on the machine's real Redis; an outage never fails a request.

Each "worker" here is its own Redis client and provider object, as two processes would have; the keys and
channels carry a per-test prefix so that nothing else on the server is touched.
"""

from __future__ import annotations

import asyncio
import json
import socket
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Iterator
from contextlib import contextmanager

import pytest
from redis.asyncio import Redis

from heine_ai.lifespan import build_state, close_state
from heine_ai.providers.cache import RedisCache
from heine_ai.providers.factory import connect_redis
from heine_ai.providers.locks import RedisLocks
from heine_ai.providers.pubsub import GAP, RedisPubSub
from tests.conftest import SettingsFactory
from tests.support.embedder import MemoEmbedder
from tests.support.servers import REDIS_URL, free_port, port_open, require

pytestmark = pytest.mark.redis


@pytest.fixture
async def prefix() -> AsyncIterator[str]:
    require(port_open("127.0.0.1", 6379), "Redis is not running on 127.0.0.1:6379")
    value = f"test-{uuid.uuid4().hex[:12]}:"
    yield value
    admin = Redis.from_url(REDIS_URL)
    keys = [key async for key in admin.scan_iter(match=f"{value}*")]
    if keys:
        await admin.delete(*keys)
    await admin.aclose()


def dead_redis() -> Redis:
    return Redis.from_url(f"redis://127.0.0.1:{free_port()}/0", socket_connect_timeout=0.2, socket_timeout=0.2)


async def next_message(queue: asyncio.Queue[str], wait: float = 3.0) -> str:
    return await asyncio.wait_for(queue.get(), wait)


async def test_a_notice_published_by_one_worker_reaches_the_subscribers_of_another(prefix: str) -> None:
    first, second = Redis.from_url(REDIS_URL), Redis.from_url(REDIS_URL)
    publisher, receiver = RedisPubSub(first, prefix=prefix), RedisPubSub(second, prefix=prefix)
    try:
        async with receiver.subscribe("conversation:a") as a, receiver.subscribe("brand:heine") as brand:
            await publisher.publish("conversation:b", "not for a")
            await publisher.publish("conversation:a", '{"type": "message", "seq": 3}')
            await publisher.publish("brand:heine", "queue changed")
            assert json.loads(await next_message(a)) == {"type": "message", "seq": 3}
            assert await next_message(brand) == "queue changed"
            assert a.empty()  # the other conversation's notice went elsewhere
            async with publisher.subscribe("conversation:a") as own:
                await receiver.publish("conversation:a", "both ways")
                assert await next_message(own) == "both ways"  # the publisher's own process hears it too
                assert await next_message(a) == "both ways"
    finally:
        for pubsub in (publisher, receiver):
            await pubsub.aclose()
        await first.aclose()
        await second.aclose()


async def test_after_its_connection_drops_a_subscriber_is_told_to_resync_and_hears_again(prefix: str) -> None:
    name = f"heine-test-{uuid.uuid4().hex[:8]}"
    admin, worker = Redis.from_url(REDIS_URL), Redis.from_url(REDIS_URL, client_name=name)
    receiver = RedisPubSub(worker, prefix=prefix, retry=0.1)
    try:
        async with receiver.subscribe("conversation:a") as queue:
            connections = [c for c in await admin.client_list(_type="pubsub") if c.get("name") == name]
            assert len(connections) == 1
            await admin.client_kill_filter(_id=connections[0]["id"])
            await admin.publish(prefix + "conversation:a", "lost while away")  # may or may not arrive
            deadline = time.monotonic() + 5
            while (message := await next_message(queue)) != GAP:
                assert time.monotonic() < deadline and message == "lost while away"
            await admin.publish(prefix + "conversation:a", "after the gap")
            assert await next_message(queue) == "after the gap"
    finally:
        await receiver.aclose()
        await worker.aclose()
        await admin.aclose()


async def test_without_redis_a_notice_still_reaches_this_workers_subscribers() -> None:
    client = dead_redis()
    pubsub = RedisPubSub(client, retry=0.1)
    try:
        started = time.monotonic()
        async with pubsub.subscribe("conversation:a") as queue:
            assert time.monotonic() - started < 1.0  # subscribing does not hang on the outage
            await pubsub.publish("conversation:a", "local")  # does not raise
            assert await next_message(queue) == "local"
    finally:
        await pubsub.aclose()
        await client.aclose()


async def test_one_key_is_held_by_one_worker_at_a_time_other_keys_run_alongside(prefix: str) -> None:
    clients = [Redis.from_url(REDIS_URL) for _ in range(2)]
    workers = [RedisLocks(client, prefix=prefix) for client in clients]
    spans: dict[str, tuple[float, float]] = {}

    async def hold(name: str, locks: RedisLocks, key: str) -> None:
        async with locks.lock(key):
            start = time.monotonic()
            await asyncio.sleep(0.2)
            spans[name] = (start, time.monotonic())

    try:
        await asyncio.gather(
            hold("a", workers[0], "conversation:1"),
            hold("b", workers[1], "conversation:1"),
            hold("c", workers[1], "conversation:2"),
        )
        (a_start, a_end), (b_start, b_end) = spans["a"], spans["b"]
        assert a_end <= b_start or b_end <= a_start  # the same conversation never ran on both workers at once
        c_start, c_end = spans["c"]
        assert c_start < max(a_end, b_end) and min(a_start, b_start) < c_end  # another conversation did not wait
        assert [key async for key in clients[0].scan_iter(match=f"{prefix}*")] == []  # all released
    finally:
        for client in clients:
            await client.aclose()


async def test_a_held_lock_is_renewed_and_a_dead_workers_lock_expires(prefix: str) -> None:
    clients = [Redis.from_url(REDIS_URL) for _ in range(2)]
    holder, waiter = (RedisLocks(client, prefix=prefix, ttl=0.6) for client in clients)
    released = 0.0

    async def hold_past_the_ttl() -> None:
        nonlocal released
        async with holder.lock("conversation:1"):
            await asyncio.sleep(1.5)  # 2.5 TTLs: only the renewal keeps the key
            released = time.monotonic()

    try:
        task = asyncio.create_task(hold_past_the_ttl())
        await asyncio.sleep(0.1)
        async with waiter.lock("conversation:1"):
            assert released and time.monotonic() >= released  # it waited for the release, not for the TTL
        await task

        # a worker that died while holding a lock: its key has a TTL and no one renews it
        await clients[0].set(prefix + "conversation:2", "dead-worker-token", px=600)
        started = time.monotonic()
        async with waiter.lock("conversation:2"):
            assert 0.3 < time.monotonic() - started < 3.0
    finally:
        for client in clients:
            await client.aclose()


async def test_without_redis_locks_still_serialise_within_the_worker() -> None:
    client = dead_redis()
    locks = RedisLocks(client)
    order: list[str] = []

    async def worker(name: str) -> None:
        async with locks.lock("conversation:1"):  # does not raise
            order.append(f"{name}+")
            await asyncio.sleep(0.05)
            order.append(f"{name}-")

    try:
        await asyncio.gather(worker("a"), worker("b"))
        assert order in (["a+", "a-", "b+", "b-"], ["b+", "b-", "a+", "a-"])
    finally:
        await client.aclose()


@contextmanager
def silent_redis() -> Iterator[Redis]:
    """A server that accepts connections and never answers, as Redis behind a lost network looks."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    client = connect_redis(f"redis://127.0.0.1:{listener.getsockname()[1]}/0", timeout=0.3)
    try:
        yield client
    finally:
        listener.close()


async def timed(call: Awaitable[object]) -> float:
    started = time.monotonic()
    await call
    return time.monotonic() - started


async def test_a_silent_redis_costs_one_timeout_then_is_skipped_for_a_while() -> None:
    with silent_redis() as client:
        cache, locks, pubsub = RedisCache(client), RedisLocks(client), RedisPubSub(client)

        async def take_lock() -> None:
            async with locks.lock("conversation:1"):
                pass

        async with pubsub.subscribe("conversation:1") as queue:
            calls = {
                "cache": (lambda: cache.get("k"), lambda: cache.set("k", "v", ttl=30)),
                "locks": (take_lock,),
                "pubsub": (lambda: pubsub.publish("conversation:1", "n"),),
            }
            for provider, (first, *others) in calls.items():
                assert 0.25 < await timed(first()) < 1.5, provider  # the first call waits for the socket timeout
                for call in (first, *others):
                    assert sum([await timed(call()) for _ in range(5)]) < 0.1, provider  # the next ones skip Redis
            assert [queue.get_nowait() for _ in range(6)] == ["n"] * 6  # every notice reached this worker
        await pubsub.aclose()
        await client.aclose()


def test_a_restarted_app_on_a_new_event_loop_hears_notices_again() -> None:
    require(port_open("127.0.0.1", 6379), "Redis is not running on 127.0.0.1:6379")
    prefix = f"test-{uuid.uuid4().hex[:12]}:"
    client = Redis.from_url(REDIS_URL)
    pubsub = RedisPubSub(client, prefix=prefix)

    async def one_life() -> str:
        async with pubsub.subscribe("conversation:a") as queue:
            await pubsub.publish("conversation:a", "hello")
            return await next_message(queue)  # no aclose: as if the loop just ended

    assert asyncio.run(one_life()) == "hello"
    client.connection_pool.reset()  # the pool's connections belonged to the first loop
    assert asyncio.run(one_life()) == "hello"


async def test_the_lock_ttl_setting_is_how_long_a_dead_workers_lock_outlives_it(
    make_settings: SettingsFactory, embedder: MemoEmbedder
) -> None:
    """``REDIS_LOCK_TTL_SECONDS`` is the failover time of a killed worker's conversations and mailbox lease."""
    require(port_open("127.0.0.1", 6379), "Redis is not running on 127.0.0.1:6379")
    state = build_state(make_settings(redis_url=REDIS_URL, redis_lock_ttl_seconds=4), embedder=embedder)
    key = f"test-{uuid.uuid4().hex[:12]}"
    admin = Redis.from_url(REDIS_URL)
    try:
        async with state.locks.lock(key):
            remaining = await admin.pttl(f"heine-ai:lock:{key}")
            assert 0 < remaining <= 4000
    finally:
        await admin.aclose()
        await close_state(state)
