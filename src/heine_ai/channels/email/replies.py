"""The one way a reply leaves by e-mail, the assistant's and a staff member's alike.

``ReplyMailer.send`` composes the reply in the customer's thread (``compose``: greeting and signature in the
reply's language, a staff member's name under the closing) and hands it to SMTP. The callers keep only their own
bookkeeping around it: the mail processor walks the inbound mail's states (docs/email.md, "Exactly once"), the
staff outbox its outbound record.
"""

from __future__ import annotations

from dataclasses import dataclass
from email.message import EmailMessage

from heine_ai.channels.email.compose import Envelope, compose
from heine_ai.channels.email.settings import Mailbox
from heine_ai.channels.email.smtp import SmtpSender
from heine_ai.messages import MailFile


@dataclass(frozen=True, slots=True)
class ReplyMail:
    envelope: Envelope
    text: str
    language: str  # "de" or "en": picks the greeting and the signature
    author: str | None = None  # a staff member's name; None for the assistant's reply
    rating_url: str | None = None  # the conversation's rating link (conversations/ratings.py), if configured
    files: tuple[MailFile, ...] = ()  # attached (a return label)


class ReplyMailer:
    """Sends a mailbox's replies; one per mailbox, shared by its mail processor and the staff outbox."""

    def __init__(self, mailbox: Mailbox) -> None:
        self.mailbox = mailbox
        self._smtp = SmtpSender(mailbox)

    async def send(self, reply: ReplyMail) -> None:
        """Raises ``SendFailed``: ``unknown`` when the server may have taken the mail, ``permanent`` when it
        refused it for good."""
        await self._smtp.send(self.compose(reply), reply.envelope.to)

    def compose(self, reply: ReplyMail) -> EmailMessage:
        """The mail as it is sent (the console's preview shows this very mail)."""
        return compose(
            self.mailbox.brand,
            self.mailbox.config,
            reply.envelope,
            reply.text,
            language=reply.language,
            author=reply.author,
            rating_url=reply.rating_url,
            files=reply.files,
        )
