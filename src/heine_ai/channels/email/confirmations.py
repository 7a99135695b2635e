"""``Confirmations`` for the e-mail channel: an action's confirmation mail (a withdrawal declared in the chat, a
return's label) through the brand's mailbox, on the same send path as every reply (``replies.py``).

Durable rather than sent in the customer's turn: ``queue`` stores the mail (its content encrypted, as every
``_enc`` column) under a Message-ID derived from the action's id, and one sender per brand (``run``, started with
the mailbox workers) delivers it, backing off while the mail server is away as the mailbox worker does. A mail
server that is down or hangs therefore neither delays the chat nor loses the confirmation.

Once per action: the Message-ID is unique per brand, and a sender claims a mail (``queued -> sending``) in one
conditional update before sending, so two processes never send it both. A send that certainly failed goes back to
``queued`` for the next attempt; one refused for good ends ``failed``; one whose outcome is unknown (the connection
broke inside the SMTP transaction, or the process died there) is never sent again: it may have arrived
(``flagged``, or ``sending`` left behind). The content is deleted once the mail went out.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from heine_ai.channels.email import repository
from heine_ai.channels.email.compose import Envelope, reply_message_id
from heine_ai.channels.email.processor import ServiceDown
from heine_ai.channels.email.replies import ReplyMail, ReplyMailer
from heine_ai.channels.email.smtp import SendFailed
from heine_ai.channels.email.worker import BACKOFF_INITIAL_SECONDS, BACKOFF_MAX_SECONDS
from heine_ai.db.models import MailRecord, utcnow
from heine_ai.messages import ConfirmationMail, MailFile
from heine_ai.observability.logging import get_logger
from heine_ai.security.crypto import Cipher

log = get_logger(__name__)

IDLE_SECONDS = 30.0  # without a wake-up, a sender looks for mails another process queued this often
BATCH = 50
_HANDED = ("held", "queued", "sending", "sent", "flagged")  # handed over again: nothing more to do


@dataclass(frozen=True, slots=True)
class _Claimed:
    message_id: str
    to: str
    subject: str
    text: str
    language: str
    files: tuple[MailFile, ...]


class EmailConfirmations:
    def __init__(
        self,
        mailers: dict[str, ReplyMailer],
        sessions: async_sessionmaker[AsyncSession],
        cipher: Cipher,
        *,
        backoff_initial: float = BACKOFF_INITIAL_SECONDS,
        backoff_max: float = BACKOFF_MAX_SECONDS,
    ) -> None:
        self._mailers = mailers  # by brand
        self._sessions = sessions
        self._cipher = cipher
        self._backoff_initial = backoff_initial
        self._backoff_max = backoff_max
        self._wake = {brand: asyncio.Event() for brand in mailers}

    def _message_id(self, brand: str, key: str) -> str:
        return reply_message_id(brand, f"action:{key}", self._mailers[brand].mailbox.config.from_address)

    async def queue(self, mail: ConfirmationMail, *, hold: bool = False) -> bool:
        if mail.brand not in self._mailers:
            log.warning("action_mail_unsent", brand=mail.brand, action_id=mail.key, reason="no_mailbox")
            return False
        message_id = self._message_id(mail.brand, mail.key)
        try:
            async with self._sessions() as session, session.begin():
                known = await repository.record(session, mail.brand, message_id)
                if known is not None:
                    return known.state in _HANDED
                session.add(self._row(mail, message_id, "held" if hold else "queued"))
        except IntegrityError:  # the same action's mail, queued by another process at this very moment
            return True
        log.info("action_mail_queued", brand=mail.brand, action_id=mail.key, held=hold)
        if not hold:
            self._wake[mail.brand].set()
        return True

    async def release(self, brand: str, key: str) -> bool:
        if brand not in self._mailers:
            return False
        message_id = self._message_id(brand, key)
        async with self._sessions() as session, session.begin():
            if await repository.move_outgoing(session, brand, message_id, "held", "queued"):
                log.info("action_mail_released", brand=brand, action_id=key)
                self._wake[brand].set()
                return True
            known = await repository.record(session, brand, message_id)
        return known is not None and known.state in _HANDED and known.state != "held"

    async def drop(self, brand: str, key: str) -> None:
        if brand not in self._mailers:
            return
        message_id = self._message_id(brand, key)
        async with self._sessions() as session, session.begin():
            if await repository.move_outgoing(session, brand, message_id, "held", "dropped", clear=True):
                log.info("action_mail_dropped", brand=brand, action_id=key)

    async def run(self, brand: str) -> None:
        """Forever: send what is queued, then wait for a wake-up (or ``IDLE_SECONDS``); while the mail server is
        away, wait 1, 2, 4 ... up to 300 s between attempts, as the mailbox worker does."""
        delay = self._backoff_initial
        wake = self._wake[brand]
        while True:
            wake.clear()
            try:
                await self.send_due(brand)
            except (ServiceDown, SQLAlchemyError, OSError) as exc:
                code = exc.code if isinstance(exc, ServiceDown) else f"error_{type(exc).__name__}"
                log.warning("action_mail_backing_off", brand=brand, error=code, seconds=delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, self._backoff_max)
                continue
            delay = self._backoff_initial
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(wake.wait(), IDLE_SECONDS)

    async def send_due(self, brand: str) -> int:
        """Send the brand's queued mails, oldest first; how many went out. Raises ``ServiceDown`` when the server is
        away (the mail stays queued)."""
        sent = 0
        async with self._sessions() as session:
            waiting = await repository.outgoing_ids(session, brand, "queued", BATCH)
        for record_id in waiting:
            claimed = await self._claim(record_id)
            if claimed is not None:
                await self._send(brand, claimed)
                sent += 1
        return sent

    async def waiting(self, brand: str) -> dict[str, int]:
        """The brand's confirmation mails not (certainly) delivered, per state: for the health report."""
        async with self._sessions() as session:
            return await repository.outgoing_counts(session, brand, ("queued", "sending", "failed", "flagged"))

    async def _claim(self, record_id: str) -> _Claimed | None:
        async with self._sessions() as session, session.begin():
            row = await repository.claim_outgoing(session, record_id)
            if row is None or row.content_enc is None:
                return None
            content = json.loads(self._cipher.decrypt(row.content_enc))
            subject = self._cipher.decrypt(row.subject_enc) if row.subject_enc else ""
            message_id = row.message_id
        files = tuple(MailFile(f["filename"], f["content_type"], base64.b64decode(f["data"])) for f in content["files"])
        return _Claimed(message_id, content["to"], subject, content["text"], content["language"], files)

    async def _send(self, brand: str, mail: _Claimed) -> None:
        envelope = Envelope(
            to=mail.to, subject=mail.subject, in_reply_to=None, references=(), message_id=mail.message_id
        )
        try:
            await self._mailers[brand].send(ReplyMail(envelope, mail.text, language=mail.language, files=mail.files))
        except SendFailed as exc:
            if exc.unknown:
                await self._mark(brand, mail.message_id, "flagged", "send_unconfirmed")
            elif exc.permanent:
                await self._mark(brand, mail.message_id, "failed", exc.code)
            else:
                await self._mark(brand, mail.message_id, "queued", exc.code)
                raise ServiceDown(exc.code) from exc
            log.warning("action_mail_failed", brand=brand, message_id=mail.message_id, error=exc.code)
            return
        await self._mark(brand, mail.message_id, "sent", None, clear=True)
        log.info("action_mail_sent", brand=brand, message_id=mail.message_id)

    async def _mark(self, brand: str, message_id: str, state: str, reason: str | None, *, clear: bool = False) -> None:
        async with self._sessions() as session, session.begin():
            record = await repository.record(session, brand, message_id)
            if record is not None:
                record.state, record.reason, record.updated_at = state, reason, utcnow()
                if clear:
                    record.content_enc = None

    def _row(self, mail: ConfirmationMail, message_id: str, state: str) -> MailRecord:
        files = [
            {"filename": f.filename, "content_type": f.content_type, "data": base64.b64encode(f.data).decode("ascii")}
            for f in mail.files
        ]
        content = {"to": mail.to, "text": mail.text, "language": mail.language, "files": files}
        names = [f.filename for f in mail.files]
        return MailRecord(
            brand=mail.brand,
            message_id=message_id,
            direction="out",
            state=state,
            conversation_id=mail.conversation_id,
            subject_enc=self._cipher.encrypt(mail.subject),
            attachments_enc=self._cipher.encrypt(json.dumps(names)) if names else None,
            content_enc=self._cipher.encrypt(json.dumps(content)),
        )
