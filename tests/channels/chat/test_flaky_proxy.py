"""Customers who chat through a TCP proxy that stalls and drops their connections lose nothing and see nothing twice.

Each customer behaves like the widget (``tests/support/chat_customer.py``: client ids, resend of what is not
acknowledged, ping with a pong timeout, reconnect with backoff) and has a proxy of its own that stalls for a few
seconds or drops the connections at random. ``bench/chat_delivery.py`` runs the same with 100 customers and
stalls of 40-60 s.
"""

from __future__ import annotations

import asyncio
import random

from tests.channels.chat.conftest import ChatServer
from tests.support.chat_customer import ChatCustomer, Timings, unique_questions
from tests.support.flaky_proxy import FlakyProxy, chaos

QUESTIONS = [
    "Wie lange dauert die Lieferung?",
    "Welche Zahlungsarten gibt es?",
    "Wie kann ich etwas zurücksenden?",
]
# a pong timeout of seconds: the server shares this process (and its GIL) with the test, on a busy machine
TIMINGS = Timings(ping_interval=1.0, pong_timeout=3.0, think_min=0.2, think_max=1.5, deadline=300)


async def _customer(server: ChatServer, number: int) -> tuple[ChatCustomer, dict[str, int]]:
    rng = random.Random(number)
    port = int(server.base.rsplit(":", 1)[1])
    proxy = FlakyProxy("127.0.0.1", port)
    await proxy.start()
    customer = ChatCustomer(
        f"ws://127.0.0.1:{proxy.port}/api/v1/ws/chat", "heine", unique_questions(number, QUESTIONS), TIMINGS, rng
    )
    stop = asyncio.Event()
    disturbing = asyncio.create_task(chaos(proxy, rng, calm=(1.0, 3.0), stall=(3.0, 6.0), stop=stop))
    try:
        await customer.run()
    finally:
        stop.set()
        done = await disturbing
        await proxy.close()
    return customer, done


async def test_stalls_and_drops_lose_double_and_reorder_nothing(chat_server: ChatServer) -> None:
    results = await asyncio.gather(*(_customer(chat_server, number) for number in range(5)))
    disturbances = sum(done["stalls"] + done["drops"] for _, done in results)
    assert disturbances >= 5  # the network really was bad
    assert sum(customer.reconnects for customer, _ in results) >= 3
    for customer, _ in results:
        outcome = await customer.outcome(chat_server.base)
        assert outcome.typed == len(QUESTIONS)
        assert outcome.gave_up == 0, outcome  # everything acknowledged and answered before the deadline
        assert (outcome.lost, outcome.duplicated, outcome.out_of_order, outcome.unanswered) == (0, 0, 0, 0), (
            customer.typed,
            [(e["seq"], e["type"], e.get("client_id")) for e in customer.shown],
        )
        answers = [e for e in customer.shown if e["type"] == "answer"]
        assert len(answers) == len(QUESTIONS)  # every answer reached the customer, once
        seqs = [e["seq"] for e in customer.shown]
        assert seqs == sorted(set(seqs))  # shown in the stored order, each once
