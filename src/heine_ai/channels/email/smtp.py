"""Sending a mail by SMTP (aiosmtplib), telling apart "certainly not sent" from "unknown"."""

from __future__ import annotations

from email.message import EmailMessage

import aiosmtplib

from heine_ai.channels.email.settings import Mailbox

SEND_TIMEOUT_SECONDS = 30.0
# Raised before the server accepted the mail: nothing was sent, a retry is safe.
_NOT_SENT = (
    aiosmtplib.SMTPConnectError,
    aiosmtplib.SMTPHeloError,
    aiosmtplib.SMTPAuthenticationError,
    aiosmtplib.SMTPNotSupported,
    aiosmtplib.SMTPSenderRefused,
    aiosmtplib.SMTPRecipientsRefused,
    aiosmtplib.SMTPDataError,
    ConnectionRefusedError,
)


class SendFailed(Exception):
    """The mail was not sent (``unknown`` False) or may have been (``unknown`` True: the connection broke).

    ``permanent``: the server refused this mail for good (5xx, recipient refused); retrying will not help.
    """

    def __init__(self, code: str, *, unknown: bool, permanent: bool = False) -> None:
        super().__init__(code)
        self.code = code
        self.unknown = unknown
        self.permanent = permanent


class SmtpSender:
    def __init__(self, mailbox: Mailbox) -> None:
        self._mailbox = mailbox

    async def send(self, message: EmailMessage, recipient: str) -> None:
        smtp = self._mailbox.config.smtp
        try:
            await aiosmtplib.send(
                message,
                sender=self._mailbox.config.from_address,
                recipients=[recipient],
                hostname=smtp.host,
                port=smtp.port,
                username=smtp.user,
                password=self._mailbox.smtp_password,
                use_tls=smtp.tls == "ssl",
                start_tls=smtp.tls == "starttls",
                timeout=SEND_TIMEOUT_SECONDS,
            )
        except _NOT_SENT as exc:
            permanent = isinstance(exc, aiosmtplib.SMTPRecipientsRefused) or (
                isinstance(exc, aiosmtplib.SMTPDataError) and exc.code >= 500
            )
            raise SendFailed(f"smtp_{type(exc).__name__}", unknown=False, permanent=permanent) from exc
        except (aiosmtplib.SMTPException, OSError) as exc:
            raise SendFailed(f"smtp_{type(exc).__name__}", unknown=True) from exc
