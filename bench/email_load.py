"""E-mail channel end to end: N customer mails by SMTP, the worker reads them by IMAP (IDLE), answers through the
assistant and sends the replies by SMTP into the customers' mailboxes (real Dovecot + aiosmtpd, loopback).

Prints mails per second end to end, p50/p95 seconds from sending a mail to its reply reaching the customer's mail
server, and lost and duplicated replies counted in the customers' IMAP mailboxes (both must be 0).

    .venv/bin/python bench/email_load.py [--mails 500] [--customers 100] [--rate 0] [--parallel 4] [--queued]

``--rate 0`` sends all at once; ``--queued`` delivers every mail before the worker starts, which then drains the full
mailbox (``mails_per_second`` is then the worker's rate alone); ``--parallel`` is the mailbox's mails in flight.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import smtplib
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from pathlib import Path

from aiosmtpd.smtp import SMTP, Envelope, Session

from common import ROOT, percentile

sys.path.insert(0, str(ROOT))
from tests.channels.email.conftest import email_block, write_brand
from tests.support.mailservers import PASSWORD, LmtpRelay, customer_mail, mailbox, run_dovecot, run_smtp, wait_for

from heine_ai.installation import build_installation, installation_settings
from heine_ai.lifespan import close_state
from heine_ai.observability.logging import configure_logging

BRAND_ADDRESS = "service@heine.example"
TIME_LIMIT_SECONDS = 170.0


class TimingRelay(LmtpRelay):
    """Delivers like the test relay and notes when each reply (by its In-Reply-To) reached the mail server."""

    def __init__(self, lmtp_port: int, expected: int) -> None:
        super().__init__(lmtp_port)
        self.replied: dict[str, list[float]] = {}
        self.expected = expected
        self.complete = threading.Event()

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        result = await super().handle_DATA(server, session, envelope)
        headers = BytesHeaderParser().parsebytes(envelope.original_content or b"")
        if headers.get("In-Reply-To"):
            self.replied.setdefault(str(headers["In-Reply-To"]).strip(), []).append(time.monotonic())
            if len(self.replied) >= self.expected:
                self.complete.set()
        return result


def questions() -> list[str]:
    lines = (ROOT / "bench" / "data" / "heine_questions.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines if line.strip()]


def mails(count: int, customers: int) -> list[EmailMessage]:
    pool = questions()
    return [
        customer_mail(
            f"kunde{i % customers}@example.test",
            BRAND_ADDRESS,
            f"Frage {i}",
            pool[i % len(pool)],
            message_id=f"<bench-{i}@example.test>",
        )
        for i in range(count)
    ]


def send_all(port: int, batch: list[EmailMessage], rate: float, sent: dict[str, float]) -> None:
    """Send over four SMTP connections; with ``rate`` > 0 at that many mails per second overall."""
    start = time.monotonic()

    def worker(offset: int) -> None:
        with smtplib.SMTP("127.0.0.1", port) as smtp:
            for index in range(offset, len(batch), 4):
                if rate > 0:
                    time.sleep(max(0.0, start + index / rate - time.monotonic()))
                sent[batch[index]["Message-ID"]] = time.monotonic()
                smtp.send_message(batch[index])

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(worker, range(4)))


async def run(count: int, customers: int, rate: float, parallel: int, queued: bool) -> dict[str, float]:
    with run_dovecot() as dovecot, tempfile.TemporaryDirectory(prefix="heine-email-bench-") as tmp:
        relay = TimingRelay(dovecot.lmtp_port, count)
        with run_smtp(dovecot, relay=relay) as servers:
            root = Path(tmp)
            os.environ["EMAIL_HEINE_IMAP_PASSWORD"] = PASSWORD
            brands = write_brand(root / "brands", {**email_block(servers, BRAND_ADDRESS), "parallel": parallel})
            settings = installation_settings(
                root, config_file=ROOT / "config" / "system.yaml", brands_dir=brands, log_level="WARNING"
            )
            state = await build_installation(settings, knowledge={"heine": ROOT / "knowledge" / "heine"})
            try:
                assert state.email is not None
                sent: dict[str, float] = {}
                batch = mails(count, customers)
                if queued:
                    await asyncio.to_thread(send_all, servers.smtp_port, batch, rate, sent)
                    await asyncio.to_thread(wait_for, lambda: relay.accepted >= count, 60.0, "mails not delivered")
                    sent = dict.fromkeys(sent, time.monotonic())
                started = time.monotonic()
                worker = asyncio.create_task(state.email.workers["heine"].run())
                if not queued:
                    await asyncio.to_thread(send_all, servers.smtp_port, batch, rate, sent)
                await asyncio.to_thread(relay.complete.wait, TIME_LIMIT_SECONDS - (time.monotonic() - started))
                finished = max((times[0] for times in relay.replied.values()), default=time.monotonic())
                await asyncio.sleep(1.0)  # a late duplicate would show up now
                worker.cancel()
            finally:
                await close_state(state)
            in_mailboxes: dict[str, int] = {}
            for index in range(customers):
                for reply in mailbox(servers, f"kunde{index}@example.test"):
                    key = str(reply["In-Reply-To"])
                    in_mailboxes[key] = in_mailboxes.get(key, 0) + 1
    latencies = [relay.replied[mid][0] - sent[mid] for mid in sent if mid in relay.replied]
    return {
        "mails": count,
        "mails_per_second": round(len(latencies) / (finished - started), 2),
        "p50_seconds": round(percentile(latencies, 0.5), 3),
        "p95_seconds": round(percentile(latencies, 0.95), 3),
        "lost": sum(1 for mid in sent if in_mailboxes.get(mid, 0) == 0),
        "duplicated": sum(1 for mid in sent if in_mailboxes.get(mid, 0) > 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mails", type=int, default=500)
    parser.add_argument("--customers", type=int, default=100)
    parser.add_argument("--rate", type=float, default=0.0, help="mails per second sent; 0: all at once")
    parser.add_argument("--parallel", type=int, default=4, help="the mailbox's mails in flight")
    parser.add_argument("--queued", action="store_true", help="fill the mailbox first, then start the worker")
    args = parser.parse_args()
    configure_logging("WARNING", "console")
    result = asyncio.run(run(args.mails, args.customers, args.rate, args.parallel, args.queued))
    print(json.dumps({"parallel": args.parallel, "queued": args.queued, **result}))


if __name__ == "__main__":
    main()
