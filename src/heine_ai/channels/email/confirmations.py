"""``Confirmations`` for the e-mail channel: an action's confirmation mail (a withdrawal declared in the chat, a
return's label) through the brand's mailbox, on the same send path as every reply (``replies.py``).

Once per action: the Message-ID is derived from the action's id and recorded before sending, like the staff
outbox's; a confirmation already sent is not sent again, nor one whose send broke off (it may have arrived);
one that certainly failed is marked ``failed`` and would go out if handed over again.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from heine_ai.channels.email import repository
from heine_ai.channels.email.compose import Envelope, reply_message_id
from heine_ai.channels.email.replies import ReplyMail, ReplyMailer
from heine_ai.channels.email.smtp import SendFailed
from heine_ai.db.models import MailRecord, utcnow
from heine_ai.messages import ConfirmationMail
from heine_ai.observability.logging import get_logger

log = get_logger(__name__)


class EmailConfirmations:
    def __init__(self, mailers: dict[str, ReplyMailer], sessions: async_sessionmaker[AsyncSession]) -> None:
        self._mailers = mailers  # by brand
        self._sessions = sessions

    async def send(self, mail: ConfirmationMail) -> bool:
        mailer = self._mailers.get(mail.brand)
        if mailer is None:
            log.warning("action_mail_unsent", brand=mail.brand, action_id=mail.key, reason="no_mailbox")
            return False
        message_id = reply_message_id(mail.brand, f"action:{mail.key}", mailer.mailbox.config.from_address)
        async with self._sessions() as session, session.begin():
            sent = await repository.record(session, mail.brand, message_id)
            if sent is not None and sent.state != "failed":
                return sent.state == "sent"
            if sent is None:
                sent = MailRecord(brand=mail.brand, message_id=message_id, direction="out")
                session.add(sent)
            sent.state = "sending"
        envelope = Envelope(to=mail.to, subject=mail.subject, in_reply_to=None, references=(), message_id=message_id)
        try:
            await mailer.send(ReplyMail(envelope, mail.text, language=mail.language, files=mail.files))
        except SendFailed as exc:
            await self._mark(mail.brand, message_id, "sending" if exc.unknown else "failed")
            log.warning("action_mail_failed", brand=mail.brand, action_id=mail.key, error=exc.code)
            return False
        await self._mark(mail.brand, message_id, "sent")
        log.info("action_mail_sent", brand=mail.brand, action_id=mail.key, message_id=message_id)
        return True

    async def _mark(self, brand: str, message_id: str, state: str) -> None:
        async with self._sessions() as session, session.begin():
            record = await repository.record(session, brand, message_id)
            if record is not None:
                record.state, record.updated_at = state, utcnow()
