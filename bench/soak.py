"""Soak: one served worker (SQLite, pages of the demo brand) answering REST chat conversations without pause for a long
time, its resident memory sampled every 10 s. A leak shows as a steady climb after the warm-up.

    OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/soak.py [--seconds 600] [--customers 4] [--json]

Prints the samples (seconds, RSS MiB, conversations so far), the growth from the first sample after the warm-up
to the end, the growth over the second half, and the chat latencies and errors.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import tempfile
import time
from pathlib import Path

import httpx

from common import ROOT, percentile, served_process

QUESTIONS = [
    "Wie lange dauert die Lieferung?",
    "Kann ich auf Rechnung bezahlen?",
    "Wie kann ich einen Artikel zurücksenden?",
    "Was kostet der Versand?",
    "Wie lange habe ich Zeit für eine Rücksendung?",
    "Kann ich meine Bestellung stornieren?",
    "How long does delivery take?",
]
FOLLOW_UPS = ["Und wie lange dauert das?", "Danke!", "Was kostet das?"]
SAMPLE_SECONDS = 10.0
WARM_UP_SECONDS = 60.0
PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_mib(pid: int) -> float:
    return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE / (1 << 20)


async def customer(client: httpx.AsyncClient, until: float, latencies: list[float], counts: dict[str, int]) -> None:
    rng = random.Random()
    while time.monotonic() < until:
        body: dict[str, str] = {"brand": "heine", "message": rng.choice(QUESTIONS)}
        for turn in range(3):
            started = time.perf_counter()
            try:
                response = await client.post("/api/v1/chat", json=body)
            except httpx.HTTPError:
                counts["errors"] += 1
                break
            latencies.append(time.perf_counter() - started)
            if response.status_code != 200:
                counts["errors"] += 1
                break
            reply = response.json()
            if turn == 0:
                body = {"brand": "heine", "session_id": reply["session_id"], "session_token": reply["session_token"]}
            body["message"] = rng.choice(FOLLOW_UPS)
        counts["conversations"] += 1


async def soak(base: str, pid: int, seconds: float, customers: int) -> dict[str, object]:
    latencies: list[float] = []
    counts = {"conversations": 0, "errors": 0}
    samples: list[tuple[float, float, int]] = []
    started = time.monotonic()
    until = started + seconds
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        tasks = [asyncio.create_task(customer(client, until, latencies, counts)) for _ in range(customers)]
        while time.monotonic() < until:
            samples.append((round(time.monotonic() - started), round(rss_mib(pid), 1), counts["conversations"]))
            await asyncio.sleep(min(SAMPLE_SECONDS, max(0.0, until - time.monotonic())))
        await asyncio.gather(*tasks)
    samples.append((round(time.monotonic() - started), round(rss_mib(pid), 1), counts["conversations"]))
    after_warm_up = [s for s in samples if s[0] >= WARM_UP_SECONDS] or samples
    half = [s for s in samples if s[0] >= seconds / 2] or samples
    return {
        "seconds": seconds,
        "customers": customers,
        "conversations": counts["conversations"],
        "messages": len(latencies),
        "errors": counts["errors"],
        "p50_ms": round(percentile(latencies, 0.5) * 1000, 1),
        "p95_ms": round(percentile(latencies, 0.95) * 1000, 1),
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 1),
        "rss_start_mib": samples[0][1],
        "rss_after_warm_up_mib": after_warm_up[0][1],
        "rss_end_mib": samples[-1][1],
        "growth_after_warm_up_mib": round(samples[-1][1] - after_warm_up[0][1], 1),
        "growth_second_half_mib": round(samples[-1][1] - half[0][1], 1),
        "samples": samples,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=600.0, help="duration (default 600)")
    parser.add_argument("--customers", type=int, default=4, help="concurrent customers (default 4)")
    parser.add_argument("--pages", type=int, default=12, help="demo pages ingested (default 12; 0: all)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="heine-soak-") as tmp:
        pages = sorted((ROOT / "knowledge" / "heine").glob("*.md"))
        for page in pages[: args.pages] if args.pages else pages:
            shutil.copy(page, tmp)
        with served_process(Path(tmp), NEW_CHATS_PER_MINUTE="100000") as (base, server):
            result = asyncio.run(soak(base, server.pid, args.seconds, args.customers))
    if args.json:
        print(json.dumps(result))
        return
    for seconds, rss, conversations in result["samples"]:  # type: ignore[attr-defined]
        print(f"{seconds:5d} s  {rss:7.1f} MiB  {conversations:6d} conversations")
    print({key: value for key, value in result.items() if key != "samples"})


if __name__ == "__main__":
    main()
