"""Real mail servers for the tests: Dovecot (IMAP and LMTP) from a temporary directory, and an aiosmtpd SMTP
server in the test process that delivers every mail into Dovecot over LMTP.

Any address is a mailbox (password ``secret``): a customer's mail sent by SMTP lands in the brand's IMAP
mailbox, and the brand's reply in the customer's. Importable by other test packages (``from tests.support.mailservers
import ...``); the fixtures live in tests/channels/email/conftest.py.
"""

from __future__ import annotations

import email
import email.policy
import imaplib
import logging
import os
import shutil
import smtplib
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from tests.support.servers import free_port, port_open, require

PASSWORD = "secret"
_CONFIG = """\
protocols = imap lmtp
listen = 127.0.0.1
base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = nobody
default_internal_group = nogroup
default_login_user = nobody
mail_location = maildir:{d}/mail/%u/Maildir
passdb {{
  driver = static
  args = password={password}
}}
userdb {{
  driver = static
  args = uid=nobody gid=nogroup home={d}/mail/%u allow_all_users=yes
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {imap}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service lmtp {{
  inet_listener lmtp {{
    address = 127.0.0.1
    port = {lmtp}
  }}
}}
service anvil {{
  chroot =
}}
"""


def dovecot_available() -> bool:
    return shutil.which("dovecot") is not None and Path("/usr/lib/dovecot/lmtp").exists()


@dataclass(frozen=True, slots=True)
class Dovecot:
    directory: Path
    imap_port: int
    lmtp_port: int


@contextmanager
def run_dovecot() -> Iterator[Dovecot]:
    """Dovecot on free loopback ports from a fresh directory, stopped by its PID afterwards."""
    require(dovecot_available(), "Dovecot is not installed (Debian packages dovecot-imapd dovecot-lmtpd)")
    directory = Path(tempfile.mkdtemp(prefix="heine-dovecot-"))
    directory.chmod(0o755)
    imap, lmtp = free_port(), free_port()
    (directory / "dovecot.conf").write_text(_CONFIG.format(d=directory, password=PASSWORD, imap=imap, lmtp=lmtp))
    for sub in ("run", "state", "mail"):
        (directory / sub).mkdir()
    subprocess.run(["chown", "-R", "nobody:nogroup", str(directory)], check=True)
    command = ["dovecot", "-c", str(directory / "dovecot.conf")]
    if os.geteuid() == 0:  # Dovecot refuses to serve mail as root
        command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *command]
    subprocess.run(command, check=True)
    try:
        _wait(lambda: port_open("127.0.0.1", imap) and port_open("127.0.0.1", lmtp), 10, "Dovecot did not start")
        yield Dovecot(directory, imap, lmtp)
    finally:
        pid_file = directory / "run" / "master.pid"
        if pid_file.exists():
            subprocess.run(["kill", pid_file.read_text().strip()], check=False)
            _wait(lambda: not port_open("127.0.0.1", imap), 10, "Dovecot did not stop")
        shutil.rmtree(directory, ignore_errors=True)


class LmtpRelay:
    """aiosmtpd handler: every accepted mail goes on to Dovecot over LMTP, for all its recipients."""

    def __init__(self, lmtp_port: int) -> None:
        self._port = lmtp_port
        self.accepted = 0

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        content = envelope.original_content or b""
        with smtplib.LMTP("127.0.0.1", self._port) as lmtp:
            lmtp.sendmail(envelope.mail_from or "", list(envelope.rcpt_tos), content)
        self.accepted += 1
        return "250 OK delivered"


@dataclass(slots=True)
class MailServers:
    dovecot: Dovecot
    smtp_port: int
    relay: LmtpRelay
    controller: Controller

    @property
    def imap_port(self) -> int:
        return self.dovecot.imap_port


@contextmanager
def run_smtp(dovecot: Dovecot, port: int | None = None, relay: LmtpRelay | None = None) -> Iterator[MailServers]:
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every address it sees
    relay = relay or LmtpRelay(dovecot.lmtp_port)
    smtp_port = port or free_port()
    controller = Controller(relay, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    try:
        yield MailServers(dovecot, smtp_port, relay, controller)
    finally:
        controller.stop()


def send(servers: MailServers, message: EmailMessage) -> None:
    """A customer sends a mail (by SMTP, to the brand's address)."""
    with smtplib.SMTP("127.0.0.1", servers.smtp_port) as smtp:
        smtp.send_message(message)


def customer_mail(
    sender: str, to: str, subject: str, body: str, *, message_id: str, in_reply_to: str | None = None, **headers: str
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = message_id
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
        message["References"] = headers.pop("references", in_reply_to)
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return message


def mailbox(servers: MailServers, user: str, folder: str = "INBOX") -> list[EmailMessage]:
    """Every mail in ``user``'s folder (read with BODY.PEEK: flags unchanged)."""
    with imaplib.IMAP4("127.0.0.1", servers.imap_port) as imap:
        imap.login(user, PASSWORD)
        status, _ = imap.select(f'"{folder}"', readonly=True)
        if status != "OK":
            return []
        _, data = imap.uid("search", "ALL")
        mails = []
        for uid in data[0].split():
            _, parts = imap.uid("fetch", uid, "(BODY.PEEK[])")
            raw = next(part[1] for part in parts if isinstance(part, tuple))
            parsed = email.message_from_bytes(raw, policy=email.policy.default)
            assert isinstance(parsed, EmailMessage)
            mails.append(parsed)
        return mails


def flags(servers: MailServers, user: str, folder: str = "INBOX") -> list[str]:
    with imaplib.IMAP4("127.0.0.1", servers.imap_port) as imap:
        imap.login(user, PASSWORD)
        imap.select(f'"{folder}"', readonly=True)
        _, data = imap.uid("fetch", "1:*", "(FLAGS)")
        return [item.decode() for item in data if isinstance(item, bytes)]


def wait_for(predicate: Callable[[], bool], timeout: float = 10.0, message: str = "condition not met") -> None:
    _wait(predicate, timeout, message)


def _wait(predicate: Callable[[], bool], timeout: float, message: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(message)
        time.sleep(0.02)
