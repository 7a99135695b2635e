"""Two workers with one Redis poll a mailbox once between them: one polls, the other stands by and takes over."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import pytest

from heine_ai.lifespan import build_state, close_state
from heine_ai.security.crypto import new_fernet_key
from heine_ai.tasks import cancel_and_wait
from tests.channels.email.conftest import EmailStateFactory, Shop
from tests.channels.email.helpers import ask, replies
from tests.conftest import SettingsFactory
from tests.support.embedder import MemoEmbedder
from tests.support.servers import REDIS_URL, port_open, require

pytestmark = pytest.mark.redis


async def until(condition: Callable[[], bool], state: Callable[[], object], seconds: float = 60.0) -> None:
    """Waits without blocking the loop the workers run on; the deadline only ends a hang (it is no speed check),
    and ``state`` says where the workers stood when it did."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"still waiting: {state()}"
        await asyncio.sleep(0.1)


async def test_one_of_two_workers_polls_and_the_other_takes_over_when_it_stops(
    shop: Shop, make_settings: SettingsFactory, embedder: MemoEmbedder, build_email_state: EmailStateFactory
) -> None:
    require(port_open("127.0.0.1", 6379), "Redis is not running on 127.0.0.1:6379")
    shared = {"brands_dir": shop.brands_dir, "redis_url": REDIS_URL, "encryption_key": new_fernet_key()}
    first = await build_email_state(**shared)
    second = build_state(make_settings(**shared), embedder=embedder)  # same database and knowledge
    assert first.email is not None and second.email is not None

    def state() -> object:
        assert first.email is not None and second.email is not None
        return {
            "first": first.email.status["heine"],
            "second": second.email.status["heine"],
            "replies": len(replies(shop)),
        }

    leader = first.email.start()
    await until(lambda: first.email.status["heine"].state == "connected", state)
    standby = second.email.start()
    try:
        await asyncio.sleep(1.0)
        assert second.email.status["heine"].state == "standby"  # it did not open the mailbox
        assert second.email.status["heine"].healthy
        ask(shop, "Lieferung", "Wie lange dauert die Lieferung?", "<w1@example.test>")
        await until(lambda: len(replies(shop)) == 1, state)  # answered by the polling worker

        await cancel_and_wait(*leader)  # the first worker shuts down: the second one takes the mailbox over
        await until(lambda: second.email.status["heine"].state == "connected", state)
        ask(shop, "Rücksendung", "Wie lange habe ich Zeit für eine Rücksendung?", "<w2@example.test>")
        await until(lambda: len(replies(shop)) == 2, state)  # the second worker took over
        await asyncio.sleep(1.0)
        assert len(replies(shop)) == 2  # each mail answered once
    finally:
        await cancel_and_wait(*standby)
        await close_state(second)
        await close_state(first)
