"""The hand-off under load on the real server: escalations, the queue, double claims, replies, hand-backs.

Starts the real server (SQLite, no knowledge needed) on a loopback port, creates two agents with
``heine-ai agents create``, then: N customers escalate (complaints, 10 at a time); the queue of N open tickets is
read; both agents claim every conversation at the same moment (exactly one may win each race); the winner
replies and hands back. Also the live feed: the delay from a customer's POST to its notice on the agent's
WebSocket. Prints p50/p95 per step and the race outcome.

    .venv/bin/python bench/handoff_load.py --tickets 200
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import tempfile
import time
from collections.abc import Awaitable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import websockets

from common import CLI, ROOT, bench_env, free_port, percentile

PASSWORD = "bench-passwort-123"  # noqa: S105 (a throw-away installation)
COMPLAINT = "Ich bin sehr unzufrieden! Meine Bestellung 40123456 kam beschädigt an."
ESCALATE = {"brand": "heine", "message": COMPLAINT}
AGENT_OPTIONS = ("--brands", "heine", "--password-stdin")
REPLY = {"text": "Guten Tag, ich helfe Ihnen gern weiter."}


@contextmanager
def server() -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="heine-bench-") as tmp:
        env = bench_env(Path(tmp))
        subprocess.run([*CLI, "db", "upgrade"], env=env, check=True, cwd=ROOT, capture_output=True)
        for name in ("anna", "ben"):
            subprocess.run(
                [*CLI, "agents", "create", name, "--display-name", name.title(), *AGENT_OPTIONS],
                env=env,
                check=True,
                cwd=ROOT,
                capture_output=True,
                input=f"{PASSWORD}\n".encode(),
            )
        port = free_port()
        process = subprocess.Popen([*CLI, "serve", "--port", str(port)], env=env, cwd=ROOT)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                try:
                    if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=20)


def stats(latencies: list[float]) -> dict[str, float]:
    return {
        "n": len(latencies),
        "p50_ms": round(percentile(latencies, 0.5) * 1000, 1),
        "p95_ms": round(percentile(latencies, 0.95) * 1000, 1),
    }


async def timed(call: Awaitable[httpx.Response], into: list[float]) -> httpx.Response:
    """Await the request (it starts only now) and record how long it took."""
    started = time.perf_counter()
    response = await call
    into.append(time.perf_counter() - started)
    return response


async def escalate_all(http: httpx.AsyncClient, count: int) -> tuple[list[str], list[float]]:
    latencies: list[float] = []
    limit = asyncio.Semaphore(10)

    async def one() -> str:
        async with limit:
            response = await timed(http.post("/api/v1/chat", json=ESCALATE), latencies)
        body: dict[str, Any] = response.json()
        assert body["escalation_required"], body
        return str(body["session_id"])

    return list(await asyncio.gather(*(one() for _ in range(count)))), latencies


async def feed_delay(base: str, http: httpx.AsyncClient, token: str, samples: int) -> list[float]:
    delays = []
    async with websockets.connect(base.replace("http", "ws") + "/api/v1/agent/events") as socket:
        await socket.send(json.dumps({"type": "auth", "token": token}))
        assert json.loads(await socket.recv())["type"] == "ready"
        for _ in range(samples):
            started = time.perf_counter()
            session = (await http.post("/api/v1/chat", json=ESCALATE)).json()["session_id"]
            while True:  # the customer's message is the first notice of its conversation
                notice = json.loads(await socket.recv())
                if notice["conversation_id"] == session and notice.get("role") == "customer":
                    delays.append(time.perf_counter() - started)
                    break
    return delays


async def run(base: str, tickets: int) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        tokens = []
        for name in ("anna", "ben"):
            login = await http.post("/api/v1/auth/login", json={"username": name, "password": PASSWORD})
            tokens.append(login.json()["access_token"])
        agents = [{"Authorization": f"Bearer {token}"} for token in tokens]
        conversations, escalation = await escalate_all(http, tickets)
        queue: list[float] = []
        for _ in range(20):
            listed = await timed(http.get("/api/v1/agent/queue", headers=agents[0]), queue)
        assert len(listed.json()) == tickets
        claims: list[float] = []
        wins, double = 0, 0
        replies: list[float] = []
        backs: list[float] = []
        for conversation in conversations:
            path = f"/api/v1/agent/conversations/{conversation}"
            results = await asyncio.gather(*(timed(http.post(f"{path}/claim", headers=h), claims) for h in agents))
            codes = sorted(r.status_code for r in results)
            wins += codes == [200, 409]
            double += codes.count(200) > 1
            winner = agents[[r.status_code for r in results].index(200)]
            await timed(
                http.post(f"{path}/reply", json={"text": "Guten Tag, ich helfe Ihnen."}, headers=winner), replies
            )
            await timed(http.post(f"{path}/handback", headers=winner), backs)
        feed = await feed_delay(base, http, tokens[0], 30)
    return {
        "tickets": tickets,
        "escalating_chat": stats(escalation),
        "queue_of_open_tickets": stats(queue),
        "claim": stats(claims),
        "reply": stats(replies),
        "hand_back": stats(backs),
        "feed_notice": stats(feed),
        "races": len(conversations),
        "races_with_one_winner": wins,
        "double_wins": double,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickets", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with server() as base:
        result = asyncio.run(run(base, args.tickets))
    if args.json:
        print(json.dumps(result))
        return
    print(f"{args.tickets} escalated conversations, two agents, loopback HTTP, SQLite, 2 cores")
    for step in ("escalating_chat", "queue_of_open_tickets", "claim", "reply", "hand_back", "feed_notice"):
        row = result[step]
        print(f"{step:<24}{row['n']:>6}  p50 {row['p50_ms']:>7.1f} ms  p95 {row['p95_ms']:>7.1f} ms")
    won, races = result["races_with_one_winner"], result["races"]
    print(f"claim races: {won}/{races} with exactly one winner, {result['double_wins']} double wins")


if __name__ == "__main__":
    main()
