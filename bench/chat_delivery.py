"""Web-chat delivery on a bad network: N customers, each behind a TCP proxy that stalls 40-60 s and drops at random.

Starts the real server in a separate process (SQLite, embedded vector store, extractive answers), then runs
--customers customers at once. Each behaves like the widget (tests/support/chat_customer.py: every message with a
client id, kept until acknowledged and sent again after each reconnect, a ping that expects its pong within
--pong-timeout, reconnect with jittered backoff, resume from the last seq shown) and types --questions questions
with a think time between them. Each has an asyncio TCP proxy of its own (tests/support/flaky_proxy.py) that,
after a calm of --calm seconds, either stalls (no byte passes, connections stay open, new ones hang; 40-60 s,
times --stall-scale) and then resumes or drops the connections, or drops them outright.

At the end every customer's stored history (REST, with its session token) and what it showed are compared with
what it typed: lost (typed but never stored or never shown), duplicated (stored or shown twice), out of order,
unanswered. The goal is 0/0/0/0.

    .venv/bin/python bench/chat_delivery.py                      # 100 customers, stalls 40-60 s
    .venv/bin/python bench/chat_delivery.py --stall-scale 0.1    # a quick run: stalls 4-6 s
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import time
from dataclasses import asdict
from typing import Any

from common import ROOT, served_app

sys.path.insert(0, str(ROOT))
from tests.support.chat_customer import ChatCustomer, Outcome, Timings, unique_questions
from tests.support.flaky_proxy import FlakyProxy, chaos

QUESTIONS = [  # questions the demo knowledge answers without handing over (a person would make the bot silent)
    "Wie lange dauert die Lieferung?",
    "Welche Zahlungsarten gibt es?",
    "Wie kann ich etwas zurücksenden?",
    "Was kostet der Versand?",
    "Kann ich auf Rechnung bezahlen?",
    "Liefern Sie auch in die Schweiz?",
    "Wie löse ich einen Gutschein ein?",
]


async def one_customer(
    port: int, number: int, args: argparse.Namespace, timings: Timings
) -> tuple[ChatCustomer, dict[str, int]]:
    rng = random.Random(args.seed * 1000 + number)
    proxy = FlakyProxy("127.0.0.1", port)
    await proxy.start()
    questions = unique_questions(number, rng.sample(QUESTIONS, args.questions))
    customer = ChatCustomer(f"ws://127.0.0.1:{proxy.port}/api/v1/ws/chat", "heine", questions, timings, rng)
    stop = asyncio.Event()
    stall = (40 * args.stall_scale, 60 * args.stall_scale)
    calm = (args.calm[0] * args.stall_scale, args.calm[1] * args.stall_scale)
    disturbing = asyncio.create_task(chaos(proxy, rng, calm=calm, stall=stall, stop=stop))
    try:
        await asyncio.sleep(rng.uniform(0, args.ramp))
        await customer.run()
    finally:
        stop.set()
        done = await disturbing
        await proxy.close()
    return customer, done


async def run(base: str, args: argparse.Namespace) -> dict[str, Any]:
    port = int(base.rsplit(":", 1)[1])
    scale = args.stall_scale
    timings = Timings(
        ping_interval=args.ping_interval * scale,
        pong_timeout=args.pong_timeout * scale,
        think_min=2.0 * scale,
        think_max=20.0 * scale,
        deadline=args.deadline,
    )
    started = time.monotonic()
    results = await asyncio.gather(*(one_customer(port, n, args, timings) for n in range(args.customers)))
    seconds = time.monotonic() - started
    total = Outcome()
    for customer, _ in results:
        outcome = await customer.outcome(base)
        for name, value in asdict(outcome).items():
            setattr(total, name, getattr(total, name) + value)
    return {
        "customers": args.customers,
        "stall_seconds": [40 * scale, 60 * scale],
        "stalls": sum(done["stalls"] for _, done in results),
        "drops": sum(done["drops"] for _, done in results),
        **asdict(total),
        "seconds": round(seconds, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=100)
    parser.add_argument("--questions", type=int, default=4, help="questions per customer (default 4)")
    parser.add_argument("--stall-scale", type=float, default=1.0, help="scales stalls, calms, think times, pings")
    parser.add_argument("--calm", type=float, nargs=2, default=[10.0, 40.0], help="calm between disturbances, s")
    parser.add_argument("--ping-interval", type=float, default=20.0, help="the widget's default, s")
    parser.add_argument("--pong-timeout", type=float, default=8.0, help="the widget's default, s")
    parser.add_argument("--ramp", type=float, default=10.0, help="customers start within this many seconds")
    parser.add_argument("--deadline", type=float, default=900.0, help="longest a customer tries, s")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with served_app() as base:
        result = asyncio.run(run(base, args))
    if args.json:
        print(json.dumps(result))
        return
    print(
        f"{result['customers']} customers, {result['typed']} messages, stalls {result['stall_seconds'][0]:.0f}-"
        f"{result['stall_seconds'][1]:.0f} s: {result['stalls']} stalls, {result['drops']} drops, "
        f"{result['reconnects']} reconnects, {result['redelivered']} events re-sent by the server"
    )
    print(
        f"lost {result['lost']}, duplicated {result['duplicated']}, out of order {result['out_of_order']}, "
        f"unanswered {result['unanswered']}  ({result['seconds']} s)"
    )


if __name__ == "__main__":
    main()
