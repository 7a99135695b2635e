"""Two workers behind one load balancer: one database, one Redis, a customer on one and an agent on the other.

With Redis, the notices of one worker reach the sockets of the other (``RedisPubSub``), and both take the same
conversation locks (``RedisLocks``). Over SQLite and PostgreSQL.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator

import httpx
import pytest
from websockets.asyncio.client import connect

from heine_ai.security.crypto import new_fernet_key
from tests.channels.chat.conftest import ChatServer, serve, stored_events
from tests.channels.chat.test_handoff_events import agent_headers, escalated_customer
from tests.conftest import StateFactory
from tests.support.servers import REDIS_URL, port_open, require

pytestmark = pytest.mark.redis


@pytest.fixture
def two_workers(make_state: StateFactory, database_url: str) -> Iterator[tuple[ChatServer, ChatServer]]:
    require(port_open("127.0.0.1", 6379), "Redis is not running on 127.0.0.1:6379")
    shared = {"database_url": database_url, "redis_url": REDIS_URL, "encryption_key": new_fernet_key()}
    first, second = serve(make_state(**shared)), serve(make_state(ingest=False, **shared))
    try:
        yield next(first), next(second)
    finally:
        first.close()
        second.close()


async def test_an_agent_on_one_worker_answers_a_customer_connected_to_the_other(
    two_workers: tuple[ChatServer, ChatServer],
) -> None:
    agents_worker, customers_worker = two_workers
    customer, session_id = await escalated_customer(customers_worker)

    async with httpx.AsyncClient(base_url=agents_worker.base, timeout=30) as http:
        staff = await agent_headers(agents_worker, http)
        console = await connect(agents_worker.base.replace("http://", "ws://") + "/api/v1/agent/events")
        await console.send(json.dumps({"type": "auth", "token": staff["Authorization"].split()[1]}))
        assert json.loads(await asyncio.wait_for(console.recv(), 10))["type"] == "ready"
        await customer.send({"type": "message", "text": "Hallo? Ist da jemand?"})
        while (notice := json.loads(await asyncio.wait_for(console.recv(), 10)))["type"] != "message":
            pass
        assert notice["conversation_id"] == session_id and notice["role"] == "customer"  # the console heard it
        await console.close()

        conversation = f"/api/v1/agent/conversations/{session_id}"
        assert (await http.post(f"{conversation}/claim", headers=staff)).status_code == 200
        assert "Anna Schmidt" in (await customer.until("agent_joined"))["text"]
        reply = await http.post(f"{conversation}/reply", json={"text": "Ich kümmere mich darum."}, headers=staff)
        assert reply.status_code == 200, reply.text
        message = await customer.until("agent_message")
        assert message["text"] == "Ich kümmere mich darum." and message["author"] == "Anna Schmidt"

    seqs = [e["seq"] for e in stored_events(customer.received) if e["type"] != "escalated"]
    assert seqs == list(range(1, len(seqs) + 1))  # every message once, in order, across both workers
    await customer.socket.close()
