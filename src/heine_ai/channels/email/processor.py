"""One fetched mail through its states: recorded, answered by the assistant, reply planned, sent, done.

Each state is committed before the next step starts; ``handle`` resumes a mail from whatever state a previous
(perhaps killed) worker left it in. The send is at most once: a mail whose send had started when the worker died
is not sent again but flagged ``send_unconfirmed`` for review (the window is the SMTP transaction itself).
"""

from __future__ import annotations

from collections.abc import Callable

from heine_ai.assistant.turn import Assistant
from heine_ai.channels.email.compose import reply_envelope, reply_message_id, thread_references
from heine_ai.channels.email.imap import Fetched
from heine_ai.channels.email.ledger import DuplicateMail, MailLedger, MailState
from heine_ai.channels.email.loopguard import loop_reason
from heine_ai.channels.email.parsing import ParsedMail, parse_headers_only, parse_mail
from heine_ai.channels.email.replies import ReplyMail, ReplyMailer
from heine_ai.channels.email.settings import Mailbox
from heine_ai.channels.email.smtp import SendFailed
from heine_ai.conversation_status import HUMAN_STATES
from heine_ai.conversations.attachments import AttachmentStore
from heine_ai.conversations.ratings import RatingLinks
from heine_ai.conversations.service import ConversationService
from heine_ai.errors import AppError
from heine_ai.messages import Channel, EscalationReason, InboundMessage
from heine_ai.observability.logging import get_logger
from heine_ai.observability.metrics import Metrics

log = get_logger(__name__)

ATTACHMENTS_ONLY = "(nur Anhang: {names})"  # the customer message of a mail without text, as staff read it
RETRY_LATER = (503, 504)  # an AppError with this status is an outage, not a problem of the mail
Step = Callable[[str], None]  # called after each committed step; tests kill the worker there


class ServiceDown(Exception):
    """IMAP or SMTP is unreachable or refuses us, or a provider the assistant needs is down (a 503 or 504 such as
    ``embedding_unavailable``): the worker backs off and retries, and the mail waits in its state."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _no_step(_name: str) -> None:
    return None


class MailProcessor:
    def __init__(
        self,
        mailbox: Mailbox,
        *,
        assistant: Assistant,
        conversations: ConversationService,
        ledger: MailLedger,
        mailer: ReplyMailer,
        attachments: AttachmentStore,
        rating_links: RatingLinks | None = None,
        metrics: Metrics,
        on_step: Step | None = None,
    ) -> None:
        self._mailbox = mailbox
        self._brand = mailbox.brand.id
        self._assistant = assistant
        self._conversations = conversations
        self._ledger = ledger
        self._mailer = mailer
        self._attachments = attachments
        self._rating_links = rating_links
        self._metrics = metrics
        self._step = on_step or _no_step

    async def handle(self, fetched: Fetched) -> str:
        """Process one mail; returns what to do with it in the folder: ``seen``, ``review`` or ``leave``."""
        mail = parse_headers_only(fetched.data) if fetched.headers_only else parse_mail(fetched.data)
        record = await self._ledger.find(self._brand, mail.message_id)
        if record is None:
            self._step("fetched")
            try:
                record = await self._admit(mail, fetched.size)
            except DuplicateMail:
                return "leave"
            self._step("recorded")
        if record.state == "received":
            record = await self._answer(record, mail)
        if record.state == "planned":
            record = await self._send(record, mail)
        if record.state == "sending":  # a worker died inside the SMTP transaction: never send twice
            record = await self._finish(record, "flagged", "send_unconfirmed")
        return "review" if record.state == "flagged" else "seen"

    async def _admit(self, mail: ParsedMail, size: int) -> MailState:
        self._count("received")
        if mail.problem is not None:
            return await self._finish(await self._ledger.record(self._brand, mail, size, "flagged", mail.problem))
        reason = loop_reason(mail, self._mailbox.own_addresses)
        if reason is not None:
            return await self._finish(await self._ledger.record(self._brand, mail, size, "skipped", reason))
        record = await self._ledger.admit(self._brand, mail, size, self._mailbox.config.thread_window_hours)
        log.info(
            "email_received", brand=self._brand, message_id=mail.message_id, conversation_id=record.conversation_id
        )
        return record

    async def _answer(self, record: MailState, mail: ParsedMail) -> MailState:
        assert record.conversation_id is not None
        if mail.files:  # linked to the conversation before anything else; stored once however often this runs
            await self._attachments.store(self._brand, record.conversation_id, mail.message_id, mail.files)
        stored, reply_message = await self._ledger.existing_reply(record)
        if reply_message is None:
            if stored and await self._status(record.conversation_id) in HUMAN_STATES:
                return await self._finish(record, "answered", "waiting_for_human")
            token = await self._ledger.token(record.conversation_id)
            inbound = InboundMessage(
                brand=self._brand,
                channel=Channel.EMAIL,
                text=mail.text or ATTACHMENTS_ONLY.format(names=", ".join(mail.attachments)),
                thread_key=record.conversation_id,
                sender=mail.sender,  # the action procedures' identity: it must be the order's address
                session_token=token,
                metadata={"channel_message_id": mail.message_id},
            )
            if not mail.text:  # files only: a person looks at them (in the thread's conversation), the bot is silent
                await self._assistant.for_staff(inbound, EscalationReason.ATTACHMENT)
                return await self._finish(record, "answered", "for_staff")
            try:
                reply = await self._assistant.handle(inbound)
            except AppError as exc:
                if exc.status_code in RETRY_LATER:  # not the mail's fault: it stays ``received`` for the retry
                    raise ServiceDown(exc.code) from exc
                return await self._finish(record, "flagged", exc.code)
            if reply.silent or reply.message_id is None:
                return await self._finish(record, "answered", "waiting_for_human")
            reply_message = reply.message_id
        self._step("replied")
        from_address = self._mailbox.config.from_address
        reply_id = reply_message_id(self._brand, record.message_id, from_address)
        refs = thread_references(mail.references, mail.message_id)
        record = await self._ledger.plan(record, reply_message, reply_id, refs)
        self._step("planned")
        return record

    async def _send(self, record: MailState, mail: ParsedMail) -> MailState:
        assert record.reply_id is not None
        assert record.reply_message_id is not None
        assert mail.sender is not None
        envelope = reply_envelope(mail.sender, mail.subject, record.reply_id, mail.message_id, mail.references)
        text, language = await self._ledger.planned_reply(record.reply_message_id)  # the reply's, as the turn decided
        rating = (
            self._rating_links.url(record.conversation_id) if self._rating_links and record.conversation_id else None
        )
        reply = ReplyMail(envelope, text, language=language or self._mailbox.brand.language, rating_url=rating)
        record = await self._ledger.move(record, "sending")
        self._step("sending")
        try:
            await self._mailer.send(reply)
        except SendFailed as exc:
            if exc.unknown:
                return await self._finish(record, "flagged", "send_unconfirmed")
            if exc.permanent:
                return await self._finish(record, "flagged", exc.code)
            await self._ledger.move(record, "planned")
            raise ServiceDown(exc.code) from exc
        self._step("sent")
        return await self._finish(record, "answered")

    async def _finish(self, record: MailState, state: str | None = None, reason: str | None = None) -> MailState:
        if state is not None:
            record = await self._ledger.move(record, state, reason)
        self._count(record.state)
        log.info(
            f"email_{record.state}",
            brand=self._brand,
            message_id=record.message_id,
            reason=record.reason,
            conversation_id=record.conversation_id,
        )
        return record

    async def _status(self, conversation_id: str) -> str:
        async with self._conversations.sessions() as session:
            return (await self._conversations.get(session, conversation_id)).status

    def _count(self, state: str) -> None:
        self._metrics.email_mails.labels(brand=self._brand, state=state).inc()
