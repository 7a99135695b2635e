"""The cache: in-process TTL-LRU, and Redis (the machine's real server) that never fails a request."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

from fastapi.testclient import TestClient
from redis.asyncio import Redis

from heine_ai.app import create_app
from heine_ai.providers.cache import MemoryCache, RedisCache
from tests.conftest import admin_headers
from tests.support.servers import REDIS_URL, free_port, port_open, require


async def test_memory_cache_expires_and_evicts() -> None:
    cache = MemoryCache(max_items=2)
    await cache.set("a", "1", ttl=60)
    await cache.set("b", "2", ttl=60)
    assert await cache.get("a") == "1"  # a is now the most recent
    await cache.set("c", "3", ttl=60)
    assert await cache.get("b") is None and await cache.get("a") == "1"
    await cache.set("short", "x", ttl=1)
    await asyncio.sleep(1.05)
    assert await cache.get("short") is None
    await cache.set("never", "x", ttl=0)
    assert await cache.get("never") is None


async def test_redis_cache_round_trip_with_ttl() -> None:
    require(port_open("127.0.0.1", 6379), "Redis is not running on 127.0.0.1:6379")
    client = Redis.from_url(REDIS_URL)
    cache = RedisCache(client, prefix=f"test-{uuid.uuid4().hex}:")
    try:
        await cache.set("k", "Rücksendung", ttl=30)
        assert await cache.get("k") == "Rücksendung"
        assert 0 < await client.ttl(cache._prefix + "k") <= 30
        assert await cache.get("missing") is None
    finally:
        await client.aclose()


async def test_redis_outage_is_a_miss_not_a_failure() -> None:
    client = Redis.from_url(f"redis://127.0.0.1:{free_port()}/0", socket_connect_timeout=0.2, socket_timeout=0.2)
    cache = RedisCache(client)
    await cache.set("k", "v", ttl=30)  # does not raise
    assert await cache.get("k") is None
    await client.aclose()


def test_health_reports_redis_when_configured(make_state: Any) -> None:
    require(port_open("127.0.0.1", 6379), "Redis is not running on 127.0.0.1:6379")
    with TestClient(create_app(make_state(ingest=False, redis_url=REDIS_URL))) as client:
        body = client.get("/api/v1/admin/health", headers=admin_headers(client)).json()
        assert body["checks"]["redis"]["status"] == "healthy"
    down = f"redis://127.0.0.1:{free_port()}/0"
    with TestClient(create_app(make_state(ingest=False, redis_url=down))) as client:
        body = client.get("/api/v1/admin/health", headers=admin_headers(client)).json()
        assert body["status"] == "unhealthy"
        assert body["checks"]["redis"]["status"] == "unhealthy"
        assert body["checks"]["database"]["status"] == "healthy"
        answer = client.post("/api/v1/chat", json={"brand": "heine", "message": "Hallo"})
        assert answer.status_code == 200  # a Redis outage never fails a customer's request


async def test_counts_lose_no_concurrent_increment_in_memory_and_in_redis() -> None:
    require(port_open("127.0.0.1", 6379), "Redis is not running on 127.0.0.1:6379")
    client = Redis.from_url(REDIS_URL)
    prefix = f"test-{uuid.uuid4().hex}:"
    try:
        for cache in (MemoryCache(), RedisCache(client, prefix=prefix)):
            counts = await asyncio.gather(*(cache.incr("failures", ttl=30) for _ in range(50)))
            assert sorted(counts) == list(range(1, 51))  # every increment counted once
            assert await cache.incr("failures", ttl=30, by=-1) == 49  # a count taken back
        assert 0 < await client.ttl(prefix + "failures") <= 30
    finally:
        await client.delete(prefix + "failures")
        await client.aclose()


async def test_counting_goes_on_in_the_process_while_redis_is_away() -> None:
    client = Redis.from_url(f"redis://127.0.0.1:{free_port()}/0", socket_connect_timeout=0.2, socket_timeout=0.2)
    cache = RedisCache(client)
    assert [await cache.incr("failures", ttl=30) for _ in range(3)] == [1, 2, 3]
    await client.aclose()
