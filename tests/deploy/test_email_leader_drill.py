"""Fault drill: the e-mail leader dies (SIGKILL, no shutdown) while a mail waits. Two ``heine-ai email run``
processes share one database and Redis; the standby takes the mailbox over once the dead leader's lease
expires (``REDIS_LOCK_TTL_SECONDS``, 10 s here) and every mail is answered exactly once.

Cost: about 30 s on the 2-core machine (two process starts, one ingest, and the lease running out)."""

from __future__ import annotations

import collections
import contextlib
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from heine_ai.security.crypto import new_fernet_key
from tests.deploy.test_compose_processes import small_brand
from tests.support.mailservers import (
    PASSWORD,
    MailServers,
    customer_mail,
    mailbox,
    run_dovecot,
    run_smtp,
    send,
    wait_for,
)
from tests.support.processes import command_environment, run_command, stop
from tests.support.servers import REDIS_URL, port_open, require

pytestmark = [pytest.mark.redis, pytest.mark.slow]
LEASE_SECONDS = 10  # REDIS_LOCK_TTL_SECONDS, the ttl of the e-mail poller's lock (30 s by default)


@pytest.fixture(scope="module")
def mail_servers() -> Iterator[MailServers]:
    with run_dovecot() as dovecot, run_smtp(dovecot) as servers:
        yield servers


@contextlib.contextmanager
def email_worker(environment: dict[str, str], root: Path, log: Path) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("wb") as output:
        process = subprocess.Popen(
            ["heine-ai", "email", "run"], env=environment, cwd=root, stdout=output, stderr=subprocess.STDOUT
        )
        try:
            yield process
        finally:
            stop(process)


def connected(log: Path) -> bool:
    return '"email_connected"' in log.read_text(errors="replace")


def test_killed_email_leader_is_replaced_within_the_lease_and_mails_are_answered_once(
    tmp_path: Path, mail_servers: MailServers
) -> None:
    require(port_open("127.0.0.1", 6379), "Redis is not running on 127.0.0.1:6379")
    tag = uuid.uuid4().hex[:10]
    shop, customer = f"service-{tag}@heine.example", f"kunde-{tag}@example.test"
    brands = small_brand(tmp_path)
    brand: dict[str, Any] = yaml.safe_load((brands / "heine.yaml").read_text())
    brand["email"] = {
        "imap": {"host": "127.0.0.1", "port": mail_servers.imap_port, "tls": "none", "user": shop, "idle": True},
        "smtp": {"host": "127.0.0.1", "port": mail_servers.smtp_port, "tls": "none"},
        "from_address": shop,
        "from_name": "heine Kundenservice",
    }
    (brands / "heine.yaml").write_text(yaml.safe_dump(brand, allow_unicode=True))
    environment = command_environment(
        {
            "ENVIRONMENT": "development",
            "LOG_LEVEL": "INFO",
            "CONFIG_FILE": str(tmp_path / "absent.yaml"),
            "DATA_DIR": str(tmp_path / "data"),
            "BRANDS_DIR": str(brands),
            "ENCRYPTION_KEY": new_fernet_key(),
            "JWT_SECRET_KEY": "drill-" + "s" * 40,
            "REDIS_URL": REDIS_URL,
            "REDIS_LOCK_TTL_SECONDS": str(LEASE_SECONDS),
            "EMAIL_HEINE_IMAP_PASSWORD": PASSWORD,
            "OMP_NUM_THREADS": "1",
        }
    )
    run_command(["heine-ai", "db", "upgrade"], environment, tmp_path)
    run_command(["heine-ai", "ingest", "heine"], environment, tmp_path)

    def ask(subject: str, body: str, message_id: str) -> None:
        before = len(mailbox(mail_servers, shop))
        send(mail_servers, customer_mail(customer, shop, subject, body, message_id=message_id))
        wait_for(lambda: len(mailbox(mail_servers, shop)) > before, message="mail not delivered")

    def answered() -> collections.Counter[str]:
        return collections.Counter(str(reply["In-Reply-To"]) for reply in mailbox(mail_servers, customer))

    first_log, second_log = tmp_path / "leader.log", tmp_path / "standby.log"
    with email_worker(environment, tmp_path, first_log) as leader:
        wait_for(lambda: connected(first_log), 120, "the first worker did not open the mailbox")
        with email_worker(environment, tmp_path, second_log):
            ask("Lieferung", "Wie lange dauert die Lieferung?", f"<a-{tag}@example.test>")
            wait_for(lambda: len(answered()) == 1, 120, "the leader did not answer")
            assert not connected(second_log)  # it stands by: one poller per mailbox

            ask("Rücksendung", "Wie lange habe ich Zeit für eine Rücksendung?", f"<b-{tag}@example.test>")
            leader.kill()  # no shutdown: the lease is left to expire
            leader.wait()
            killed = time.monotonic()
            wait_for(lambda: connected(second_log), LEASE_SECONDS + 30, "the standby did not take over")
            assert time.monotonic() - killed >= LEASE_SECONDS / 3  # it waited for the lease, not a released lock
            wait_for(lambda: len(answered()) == 2, 120, "the mail waiting during the kill was not answered")
            ask("Lieferung", "Ist die Lieferung kostenlos?", f"<c-{tag}@example.test>")
            wait_for(lambda: len(answered()) == 3, 120, "the new leader did not answer")
            assert set(answered().values()) == {1}, answered()  # each mail answered exactly once
