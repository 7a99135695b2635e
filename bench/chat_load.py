"""Throughput and latency of POST /api/v1/chat under N concurrent customers, beside the framework's ceiling.

Starts the real server (SQLite, embedded vector store, extractive answers) on a loopback port, drives N customers
for a fixed time (each customer opens a session and keeps asking in it), then drives the same N against the
trivial GET /healthz of the same app. Prints requests/s and p50/p95/p99 latency of both, and their ratio.

    .venv/bin/python bench/chat_load.py --customers 20 --seconds 20
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import time
from dataclasses import dataclass, field

import httpx

from common import percentile, served_app

QUESTIONS = [
    "Wie lange habe ich Zeit, einen Artikel zurückzuschicken?",
    "Wie lange dauert die Lieferung?",
    "Welche Zahlungsarten bieten Sie an?",
    "Ich habe mein Passwort vergessen, was kann ich tun?",
    "Kann ich meine Bestellung noch stornieren?",
    "Was kostet der Versand?",
    "Wie löse ich einen Gutschein ein?",
    "Wann bekomme ich mein Geld nach der Rücksendung zurück?",
    "Liefern Sie auch in die Schweiz?",
    "Welche Größe passt mir?",
    "Wie funktioniert die Ratenzahlung?",
    "Wo finde ich meine Bestellnummer?",
]


@dataclass
class Run:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0

    def summary(self) -> dict[str, float]:
        ok = len(self.latencies)
        return {
            "requests": ok,
            "errors": self.errors,
            "rps": round(ok / self.seconds, 1) if self.seconds else 0.0,
            "p50_ms": round(percentile(self.latencies, 0.50) * 1000, 1),
            "p95_ms": round(percentile(self.latencies, 0.95) * 1000, 1),
            "p99_ms": round(percentile(self.latencies, 0.99) * 1000, 1),
        }


async def chat_customer(client: httpx.AsyncClient, stop: float, run: Run, rng: random.Random) -> None:
    session: dict[str, str] = {}
    while time.perf_counter() < stop:
        body: dict[str, str] = {"brand": "heine", "message": rng.choice(QUESTIONS), **session}
        started = time.perf_counter()
        response = await client.post("/api/v1/chat", json=body)
        elapsed = time.perf_counter() - started
        if response.status_code != 200:
            run.errors += 1
            continue
        run.latencies.append(elapsed)
        data = response.json()
        if data.get("escalation_required"):
            session = {}  # a colleague took over: this customer starts a new conversation
        elif not session:
            session = {"session_id": data["session_id"], "session_token": data["session_token"]}


async def health_customer(client: httpx.AsyncClient, stop: float, run: Run, _rng: random.Random) -> None:
    while time.perf_counter() < stop:
        started = time.perf_counter()
        response = await client.get("/healthz")
        if response.status_code == 200:
            run.latencies.append(time.perf_counter() - started)
        else:
            run.errors += 1


async def drive(base: str, customer: object, customers: int, seconds: float) -> Run:
    run = Run()
    limits = httpx.Limits(max_connections=customers, max_keepalive_connections=customers)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        started = time.perf_counter()
        stop = started + seconds
        await asyncio.gather(
            *(customer(client, stop, run, random.Random(i)) for i in range(customers))  # type: ignore[operator]
        )
        run.seconds = time.perf_counter() - started
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=20, help="concurrent customers (default 20)")
    parser.add_argument("--seconds", type=float, default=20.0, help="duration of each measurement (default 20)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    with served_app() as base:
        asyncio.run(drive(base, chat_customer, 2, 2.0))  # warm-up: model, caches, connections
        chat = asyncio.run(drive(base, chat_customer, args.customers, args.seconds)).summary()
        health = asyncio.run(drive(base, health_customer, args.customers, args.seconds)).summary()
    ratio = round(chat["rps"] / health["rps"], 3) if health["rps"] else 0.0
    result = {"customers": args.customers, "seconds": args.seconds, "chat": chat, "healthz": health, "ratio": ratio}
    if args.json:
        print(json.dumps(result))
        return
    print(f"{args.customers} concurrent customers, {args.seconds:g} s each, loopback HTTP, 2 cores")
    print(f"{'endpoint':<22}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for name, row in (("POST /api/v1/chat", chat), ("GET /healthz (ceiling)", health)):
        print(f"{name:<22}{row['rps']:>9}{row['p50_ms']:>9}{row['p95_ms']:>9}{row['p99_ms']:>9}{row['errors']:>8}")
    print(f"chat throughput / framework ceiling = {ratio}")


if __name__ == "__main__":
    main()
