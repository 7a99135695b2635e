"""MAX_CONCURRENT_REQUESTS and REQUEST_TIMEOUT are enforced on a real server; operations stay reachable."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from tests.support.live import live_server

QUESTION = {"brand": "heine", "message": "Wie lange habe ich Zeit, einen Artikel zurückzuschicken?"}


async def _burst(base: str, count: int) -> list[httpx.Response]:
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        return list(await asyncio.gather(*(client.post("/api/v1/chat", json=QUESTION) for _ in range(count))))


def test_requests_beyond_the_concurrency_limit_get_503(make_state: Any) -> None:
    state = make_state(max_concurrent_requests=2)
    with live_server(state) as base:
        responses = asyncio.run(_burst(base, 12))
        statuses = sorted(r.status_code for r in responses)
        assert statuses.count(200) >= 2
        rejected = [r for r in responses if r.status_code == 503]
        assert rejected, statuses
        assert all(r.json()["error"]["code"] == "overloaded" and r.headers["retry-after"] for r in rejected)
        assert set(statuses) <= {200, 503}
        assert httpx.get(base + "/healthz").status_code == 200
        # once the burst is over, the service answers again
        assert httpx.post(base + "/api/v1/chat", json=QUESTION, timeout=30).status_code == 200


def test_requests_beyond_the_timeout_get_504(make_state: Any) -> None:
    state = make_state(request_timeout=0.001)
    with live_server(state) as base:
        response = httpx.post(base + "/api/v1/chat", json=QUESTION, timeout=30)
        assert response.status_code == 504
        assert response.json()["error"]["code"] == "request_timeout"
        assert httpx.get(base + "/metrics").status_code == 200  # not under the API timeout
