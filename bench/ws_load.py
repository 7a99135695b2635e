"""WebSocket load: N concurrent web-chat customers over loopback, each in a session of its own, with think time.

Starts the real server in a separate process (SQLite, embedded vector store, extractive answers, answer cache on),
then for each N: opens N sockets (spread over --ramp seconds) that all stay open until the last customer is done;
each customer sends `hello`, then --questions questions with a random think time between them, and waits for each
answer. Prints p50/p95/p99 of the time from sending a question to its `answer` event, connections dropped
(closed by anything but the customer), messages lost (a question without its answer, or a gap or a repeat in the
seq numbers a customer saw), and the server's resident memory (RSS) before, at peak and after.

    .venv/bin/python bench/ws_load.py --customers 200 1000
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from chat_load import QUESTIONS
from common import percentile, served_process


@dataclass
class Phase:
    customers: int
    latencies: list[float] = field(default_factory=list)
    questions: int = 0
    answers: int = 0
    dropped: int = 0
    sequence_errors: int = 0
    connect_failures: int = 0
    peak_open: int = 0
    open_now: int = 0
    seconds: float = 0.0
    rss_mb: dict[str, float] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        return {
            "customers": self.customers,
            "questions": self.questions,
            "answers": self.answers,
            "lost": self.questions - self.answers + self.sequence_errors,
            "dropped": self.dropped,
            "connect_failures": self.connect_failures,
            "peak_open": self.peak_open,
            "p50_ms": round(percentile(self.latencies, 0.50) * 1000, 1),
            "p95_ms": round(percentile(self.latencies, 0.95) * 1000, 1),
            "p99_ms": round(percentile(self.latencies, 0.99) * 1000, 1),
            "seconds": round(self.seconds, 1),
            "rss_mb": self.rss_mb,
        }


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def watch_memory(pid: int, peak: list[float]) -> None:
    while True:
        peak[0] = max(peak[0], rss_mb(pid))
        await asyncio.sleep(0.25)


async def next_event(socket: ClientConnection, kind: str, seen: list[int], wait: float) -> dict[str, Any]:
    """The next event of ``kind``; records every stored event's seq on the way."""
    deadline = time.monotonic() + wait
    while True:
        event: dict[str, Any] = json.loads(await asyncio.wait_for(socket.recv(), deadline - time.monotonic()))
        if "seq" in event and event["type"] != "escalated":
            seen.append(event["seq"])
        if event["type"] == kind:
            return event


async def customer(url: str, phase: Phase, args: argparse.Namespace, rng: random.Random, done: asyncio.Event) -> None:
    await asyncio.sleep(rng.uniform(0, args.ramp))
    try:
        socket = await connect(url, open_timeout=30, max_queue=64)
    except (OSError, TimeoutError):
        phase.connect_failures += 1
        return
    phase.open_now += 1
    phase.peak_open = max(phase.peak_open, phase.open_now)
    seen: list[int] = []
    try:
        await socket.send(json.dumps({"type": "hello", "brand": "heine"}))
        await next_event(socket, "ready", seen, args.timeout)
        for _ in range(args.questions):
            await asyncio.sleep(rng.uniform(args.think_min, args.think_max))
            phase.questions += 1
            started = time.perf_counter()
            await socket.send(json.dumps({"type": "message", "text": rng.choice(QUESTIONS)}))
            await next_event(socket, "answer", seen, args.timeout)
            phase.latencies.append(time.perf_counter() - started)
            phase.answers += 1
        if seen != list(range(1, len(seen) + 1)):
            phase.sequence_errors += 1
        await done.wait()  # stay connected until every customer is through: the concurrency is real
    except (ConnectionClosed, TimeoutError):
        phase.dropped += 1
    finally:
        phase.open_now -= 1
        await socket.close()


async def run_phase(base: str, pid: int, customers: int, args: argparse.Namespace) -> Phase:
    phase = Phase(customers)
    url = base.replace("http://", "ws://") + "/api/v1/ws/chat"
    peak = [rss_mb(pid)]
    phase.rss_mb["before"] = round(peak[0], 1)
    watcher = asyncio.create_task(watch_memory(pid, peak))
    done = asyncio.Event()
    started = time.perf_counter()
    tasks = [asyncio.create_task(customer(url, phase, args, random.Random(i), done)) for i in range(customers)]
    expected = customers * args.questions
    while phase.answers + phase.dropped * args.questions < expected and time.perf_counter() - started < args.limit:
        if all(t.done() for t in tasks):
            break
        await asyncio.sleep(0.2)
    phase.seconds = time.perf_counter() - started
    done.set()
    await asyncio.wait(tasks, timeout=30)
    for task in tasks:
        task.cancel()
    watcher.cancel()
    phase.rss_mb["peak"] = round(peak[0], 1)
    await asyncio.sleep(1.0)
    phase.rss_mb["after"] = round(rss_mb(pid), 1)
    return phase


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, nargs="+", default=[200, 1000], help="phases (default 200 1000)")
    parser.add_argument("--questions", type=int, default=2, help="questions per customer (default 2)")
    parser.add_argument("--think-min", type=float, default=8.0, help="think time before each question, s")
    parser.add_argument("--think-max", type=float, default=20.0)
    parser.add_argument("--ramp", type=float, default=10.0, help="customers arrive within this many seconds")
    parser.add_argument("--timeout", type=float, default=60.0, help="longest wait for one answer, s")
    parser.add_argument("--limit", type=float, default=75.0, help="longest phase, s (the run stays bounded)")
    parser.add_argument("--json", action="store_true", help="print one JSON object per phase")
    args = parser.parse_args()
    with served_process() as (base, server):
        results = [asyncio.run(run_phase(base, server.pid, n, args)).summary() for n in args.customers]
        alive = server.poll() is None
    report(results, args, alive)


def report(results: list[dict[str, Any]], args: argparse.Namespace, alive: bool) -> None:
    if args.json:
        for row in results:
            print(json.dumps(row))
        return
    print(
        f"WebSocket customers over loopback, {args.questions} questions each, think {args.think_min:g}-"
        f"{args.think_max:g} s, arrivals within {args.ramp:g} s; server alive afterwards: {alive}"
    )
    header = ["customers", "answers", "p50 ms", "p95 ms", "p99 ms", "dropped", "lost", "RSS MB before/peak/after"]
    print("".join(f"{h:>12}" for h in header[:-1]) + "  " + header[-1])
    for r in results:
        cells = [r["customers"], r["answers"], r["p50_ms"], r["p95_ms"], r["p99_ms"], r["dropped"], r["lost"]]
        memory = "{before}/{peak}/{after}".format(**r["rss_mb"])
        print("".join(f"{c:>12}" for c in cells) + "  " + memory)


if __name__ == "__main__":
    main()
