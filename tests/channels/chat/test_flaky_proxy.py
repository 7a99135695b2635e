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
    # calms shorter than a customer's three questions take on a quiet machine: every customer meets the chaos
    disturbing = asyncio.create_task(chaos(proxy, rng, calm=(0.3, 1.0), stall=(3.0, 6.0), stop=stop))
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


def test_an_ack_that_overtakes_the_resumed_replay_hides_nothing() -> None:
    """The order a resume can really produce: the reader acknowledges a resent client id (``ack`` with the stored
    message's ``seq``) while the feed is still replaying from the client's cursor, so the ``ack`` arrives before
    the echo and the answers it names. The customer, like the widget, still shows every message and answer once."""
    customer = ChatCustomer("ws://unused", "heine", unique_questions(0, QUESTIONS))
    typed = [(f"c{index}", text) for index, text in enumerate(customer.questions, 1)]
    customer.typed, customer.pending = list(typed), dict(typed)

    def stored(seq: int, index: int, kind: str) -> dict[str, object]:
        if kind == "customer_message":
            return {"type": kind, "seq": seq, "text": typed[index][1], "client_id": typed[index][0]}
        return {"type": "answer", "seq": seq, "text": f"Antwort {index + 1}"}

    # first socket: the first question and its answer, then it dies before the second one's echo is read
    for event in (stored(1, 0, "customer_message"), stored(2, 0, "answer")):
        customer.on_event(event)
    assert customer.last_seq == 2
    # resumed with last_seq 2; c2 and c3 were stored meanwhile (seq 3 and 5); their resends are acknowledged first
    for event in (
        {"type": "ack", "client_id": "c2", "seq": 3},
        {"type": "ack", "client_id": "c3", "seq": 5},
        stored(3, 1, "customer_message"),
        stored(4, 1, "answer"),
        stored(5, 2, "customer_message"),
        stored(6, 2, "answer"),
    ):
        customer.on_event(event)

    assert customer.pending == {}
    assert customer._shown_texts() == [text for _, text in typed]
    assert [e["seq"] for e in customer.shown] == [1, 2, 3, 4, 5, 6]
    assert customer.last_seq == 6
    assert customer.redelivered == 0
