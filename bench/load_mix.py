"""Load mix: REST chat, web chat (WebSocket) and e-mail at the same time against ``heine-ai serve --workers N``,
on SQLite and on PostgreSQL, in the scale-out layout (Redis and a Chroma server of the bench's own, the shared
PostgreSQL server's throw-away database, Dovecot and aiosmtpd on loopback; a dozen demo pages ingested).

    OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/load_mix.py [--seconds 60] [--workers 1 2]
        [--databases sqlite postgres] [--rest 3] [--sockets 3] [--mail-every 3] [--json]

For each workers x database: ``--rest`` REST customers (three-message conversations, no pause), ``--sockets``
web-chat customers (a socket per three-question conversation, no pause) and one mail every ``--mail-every``
seconds, for ``--seconds``; then up to 120 s for the last mail replies. Prints per channel the messages, errors,
p50/p95/p99 (chat: request to answer; e-mail: sent to the reply reaching the mail server) and messages per
second; for e-mail also replies lost and duplicated (counted in the customers' mailboxes).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import shutil
import smtplib
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import yaml
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from chat_load import QUESTIONS
from common import CLI, ROOT, bench_env, free_port, percentile
from email_load import TimingRelay

sys.path.insert(0, str(ROOT))
from tests.channels.email.conftest import email_block
from tests.support.mailservers import PASSWORD, MailServers, customer_mail, mailbox, run_dovecot, run_smtp
from tests.support.postgres import postgres_database, url_of
from tests.support.throwaway import own_chroma, own_redis

FOLLOW_UPS = ["Und wie lange dauert das?", "Was kostet das?", "Danke!"]
MAIL_GRACE_SECONDS = 120.0


class Channel:
    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.errors = 0

    def summary(self, seconds: float) -> dict[str, Any]:
        return {
            "messages": len(self.latencies),
            "errors": self.errors,
            "p50_ms": round(percentile(self.latencies, 0.5) * 1000),
            "p95_ms": round(percentile(self.latencies, 0.95) * 1000),
            "p99_ms": round(percentile(self.latencies, 0.99) * 1000),
            "per_second": round(len(self.latencies) / seconds, 2),
        }


async def rest_customer(client: httpx.AsyncClient, until: float, channel: Channel, rng: random.Random) -> None:
    while time.monotonic() < until:
        body: dict[str, str] = {"brand": "heine", "message": rng.choice(QUESTIONS)}
        for turn in range(3):
            started = time.perf_counter()
            try:
                response = await client.post("/api/v1/chat", json=body)
            except httpx.HTTPError:
                channel.errors += 1
                break
            if response.status_code != 200:
                channel.errors += 1
                break
            channel.latencies.append(time.perf_counter() - started)
            if turn == 0:
                reply = response.json()
                body = {"brand": "heine", "session_id": reply["session_id"], "session_token": reply["session_token"]}
            body["message"] = rng.choice(FOLLOW_UPS)


async def next_event(socket: Any, kind: str) -> dict[str, Any]:
    while True:
        event: dict[str, Any] = json.loads(await asyncio.wait_for(socket.recv(), 120))
        if event["type"] == kind:
            return event
        if event["type"] == "error":
            raise RuntimeError(event.get("code"))


async def socket_customer(url: str, until: float, channel: Channel, rng: random.Random) -> None:
    while time.monotonic() < until:
        try:
            async with connect(url, open_timeout=30) as socket:
                await socket.send(json.dumps({"type": "hello", "brand": "heine"}))
                await next_event(socket, "ready")
                for text in (rng.choice(QUESTIONS), rng.choice(FOLLOW_UPS), rng.choice(FOLLOW_UPS)):
                    started = time.perf_counter()
                    await socket.send(json.dumps({"type": "message", "text": text}))
                    await next_event(socket, "answer")
                    channel.latencies.append(time.perf_counter() - started)
        except (OSError, TimeoutError, ConnectionClosed, RuntimeError):
            channel.errors += 1


def send_mails(servers: MailServers, shop: str, tag: str, until: float, every: float, sent: dict[str, float]) -> None:
    pool = QUESTIONS
    with smtplib.SMTP("127.0.0.1", servers.smtp_port) as smtp:
        index = 0
        while time.monotonic() < until:
            message_id = f"<mix-{tag}-{index}@example.test>"
            mail = customer_mail(
                f"kunde-{tag}@example.test", shop, f"Frage {index}", pool[index % len(pool)], message_id=message_id
            )
            sent[message_id] = time.monotonic()
            smtp.send_message(mail)
            index += 1
            time.sleep(every)


def write_brand(root: Path, servers: MailServers, shop: str) -> Path:
    knowledge = root / "kb"
    knowledge.mkdir()
    for page in sorted((ROOT / "knowledge" / "heine").glob("*.md"))[:12]:
        shutil.copy(page, knowledge)
    brands = root / "brands"
    brands.mkdir()
    brand: dict[str, Any] = yaml.safe_load((ROOT / "config" / "brands" / "heine.yaml").read_text(encoding="utf-8"))
    brand["knowledge_path"] = str(knowledge)
    brand["email"] = email_block(servers, shop)
    (brands / "heine.yaml").write_text(yaml.safe_dump(brand, allow_unicode=True), encoding="utf-8")
    return brands


async def load(
    base: str, args: argparse.Namespace, mail: tuple[MailServers, str, str]
) -> tuple[Channel, Channel, dict[str, float], float]:
    rest, sockets = Channel(), Channel()
    sent: dict[str, float] = {}
    started = time.monotonic()
    until = started + args.seconds
    url = base.replace("http://", "ws://") + "/api/v1/ws/chat"
    mailer = threading.Thread(target=send_mails, args=(*mail, until, args.mail_every, sent))
    mailer.start()
    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        tasks = [rest_customer(client, until, rest, random.Random(i)) for i in range(args.rest)]
        tasks += [socket_customer(url, until, sockets, random.Random(100 + i)) for i in range(args.sockets)]
        await asyncio.gather(*tasks)
    elapsed = time.monotonic() - started
    await asyncio.to_thread(mailer.join)
    return rest, sockets, sent, elapsed


def run_config(workers: int, database: str, args: argparse.Namespace, shared: dict[str, Any]) -> dict[str, Any]:
    tag = f"{database}{workers}-{uuid.uuid4().hex[:6]}"
    shop = f"service-{tag}@heine.example"
    servers: MailServers = shared["servers"]
    relay: TimingRelay = shared["relay"]
    with tempfile.TemporaryDirectory(prefix="heine-mix-") as tmp, contextlib.ExitStack() as stack:
        root = Path(tmp)
        data = root / "data"
        if database == "postgres":
            database_url = url_of(stack.enter_context(postgres_database()))
        else:
            database_url = f"sqlite:///{data / 'heine_ai.db'}"
        env = bench_env(
            data,
            BRANDS_DIR=str(write_brand(root, servers, shop)),
            DATABASE_URL=database_url,
            REDIS_URL=shared["redis"],
            VECTOR_STORE_TYPE="chroma_http",
            CHROMA_HOST="127.0.0.1",
            CHROMA_PORT=str(shared["chroma"]),
            VECTOR_STORE_PREFIX=f"{tag}-",
            EMAIL_HEINE_IMAP_PASSWORD=PASSWORD,
            NEW_CHATS_PER_MINUTE="100000",
            MAX_CONCURRENT_PER_CLIENT="100",
            OMP_NUM_THREADS="1",
        )
        for command in (["db", "upgrade"], ["ingest", "heine"]):
            subprocess.run([*CLI, *command], env=env, check=True, cwd=ROOT, capture_output=True)
        port = free_port()
        server = subprocess.Popen(
            [*CLI, "serve", "--port", str(port), "--workers", str(workers)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=(root / "server.log").open("wb"),
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 180
            while True:
                with contextlib.suppress(httpx.HTTPError):
                    if httpx.get(base + "/readyz", timeout=2).status_code == 200:
                        break
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError((root / "server.log").read_text(errors="replace")[-2000:])
                time.sleep(0.3)
            rest, sockets, sent, elapsed = asyncio.run(load(base, args, (servers, shop, tag)))
            grace = time.monotonic() + MAIL_GRACE_SECONDS
            while time.monotonic() < grace and any(mid not in relay.replied for mid in sent):
                time.sleep(0.5)
            time.sleep(1.0)  # a late duplicate would show up now
        finally:
            server.terminate()
            server.wait(timeout=60)
        replies: dict[str, int] = {}
        for reply in mailbox(servers, f"kunde-{tag}@example.test"):
            replies[str(reply["In-Reply-To"])] = replies.get(str(reply["In-Reply-To"]), 0) + 1
    latencies = [relay.replied[mid][0] - sent[mid] for mid in sent if mid in relay.replied]
    email = Channel()
    email.latencies = latencies
    return {
        "workers": workers,
        "database": database,
        "seconds": round(elapsed, 1),
        "rest": rest.summary(elapsed),
        "websocket": sockets.summary(elapsed),
        "email": {
            **email.summary(elapsed),
            "sent": len(sent),
            "lost": sum(1 for mid in sent if replies.get(mid, 0) == 0),
            "duplicated": sum(1 for mid in sent if replies.get(mid, 0) > 1),
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--databases", nargs="+", choices=["sqlite", "postgres"], default=["sqlite", "postgres"])
    parser.add_argument("--rest", type=int, default=3, help="concurrent REST customers")
    parser.add_argument("--sockets", type=int, default=3, help="concurrent web-chat customers")
    parser.add_argument("--mail-every", type=float, default=3.0, help="seconds between customer mails")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = []
    with contextlib.ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="heine-mix-servers-")))
        dovecot = stack.enter_context(run_dovecot())
        relay = TimingRelay(dovecot.lmtp_port, expected=10**9)
        shared = {
            "servers": stack.enter_context(run_smtp(dovecot, relay=relay)),
            "relay": relay,
            "redis": stack.enter_context(own_redis(tmp / "redis")).url,
            "chroma": stack.enter_context(own_chroma(tmp / "chroma")).port,
        }
        for database in args.databases:
            for workers in args.workers:
                result = run_config(workers, database, args, shared)
                results.append(result)
                if not args.json:
                    print(
                        f"{database:8} workers={workers}",
                        json.dumps({k: result[k] for k in ("rest", "websocket", "email")}),
                        flush=True,
                    )
    if args.json:
        print(json.dumps(results))


if __name__ == "__main__":
    main()
