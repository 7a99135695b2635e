"""``Outbox`` for ``Channel.EMAIL``: a staff member's reply goes out as a mail in the customer's thread."""

from __future__ import annotations

from heine_ai.channels.email import repository
from heine_ai.channels.email.compose import Envelope, compose, reply_message_id, reply_subject, thread_references
from heine_ai.channels.email.settings import Mailbox
from heine_ai.channels.email.smtp import SendFailed, SmtpSender
from heine_ai.conversations.service import ConversationService
from heine_ai.db.models import MailRecord, utcnow
from heine_ai.errors import EmailDeliveryFailed
from heine_ai.languages import detect_language
from heine_ai.messages import StaffMessage
from heine_ai.observability.logging import get_logger
from heine_ai.security.crypto import Cipher

log = get_logger(__name__)
_UNCONFIRMED = {"reason": "send_unconfirmed"}


class EmailOutbox:
    def __init__(self, mailboxes: dict[str, Mailbox], conversations: ConversationService, cipher: Cipher) -> None:
        self._mailboxes = mailboxes
        self._sessions = conversations.sessions
        self._cipher = cipher

    async def deliver(self, message: StaffMessage) -> str:
        """Send ``message`` answering the customer's latest mail; its Message-ID. Delivering twice sends once."""
        mailbox = self._mailboxes.get(message.brand)
        if mailbox is None:
            raise EmailDeliveryFailed(f"Brand '{message.brand}' has no mailbox.", details={"reason": "no_mailbox"})
        reply_id = reply_message_id(message.brand, f"staff:{message.message_id}", mailbox.config.from_address)
        async with self._sessions() as session, session.begin():
            sent = await repository.record(session, message.brand, reply_id)
            if sent is not None and sent.state == "sent":
                return reply_id
            if sent is not None and sent.state != "failed":  # an earlier attempt died while sending: not twice
                raise EmailDeliveryFailed("An earlier send of this reply is unconfirmed.", details=_UNCONFIRMED)
            envelope = await self._envelope(message, reply_id)
            if sent is None:
                sent = MailRecord(brand=message.brand, message_id=reply_id, direction="out")
                session.add(sent)
            sent.conversation_id, sent.state, sent.refs = message.conversation_id, "sending", list(envelope.references)
            await repository.set_channel_message_id(session, message.message_id, reply_id)
        language = detect_language(message.text, mailbox.brand.language)
        mail = compose(
            mailbox.brand,
            mailbox.config,
            envelope,
            message.text,
            automatic=False,
            author=message.author,
            language=language,
        )
        try:
            await SmtpSender(mailbox).send(mail, envelope.to)
        except SendFailed as exc:
            await self._mark(message.brand, reply_id, "sending" if exc.unknown else "failed")
            log.warning("email_staff_reply_failed", conversation_id=message.conversation_id, error=exc.code)
            raise EmailDeliveryFailed("The reply could not be sent by e-mail.", details={"reason": exc.code}) from exc
        await self._mark(message.brand, reply_id, "sent")
        log.info("email_staff_reply_sent", conversation_id=message.conversation_id, message_id=reply_id)
        return reply_id

    async def _envelope(self, message: StaffMessage, reply_id: str) -> Envelope:
        async with self._sessions() as session:
            last = await repository.last_inbound(session, message.conversation_id)
            customer = await repository.conversation_customer(session, message.conversation_id)
        if customer is None or customer.email_enc is None:
            raise EmailDeliveryFailed("The conversation has no customer address.", details={"reason": "no_address"})
        subject = self._cipher.decrypt(last.subject_enc) if last is not None and last.subject_enc else ""
        return Envelope(
            to=self._cipher.decrypt(customer.email_enc),
            subject=reply_subject(subject),
            in_reply_to=last.message_id if last else None,
            references=thread_references(tuple(last.refs or ()), last.message_id) if last else (),
            message_id=reply_id,
        )

    async def _mark(self, brand: str, reply_id: str, state: str) -> None:
        async with self._sessions() as session, session.begin():
            record = await repository.record(session, brand, reply_id)
            if record is not None:
                record.state, record.updated_at = state, utcnow()
