"""``Outbox`` for ``Channel.EMAIL``: a staff member's reply goes out as a mail in the customer's thread."""

from __future__ import annotations

from dataclasses import dataclass
from email.message import EmailMessage

from heine_ai.channels.email import repository
from heine_ai.channels.email.compose import Envelope, reply_envelope, reply_message_id
from heine_ai.channels.email.replies import ReplyMail, ReplyMailer
from heine_ai.channels.email.smtp import SendFailed
from heine_ai.conversations.ratings import RatingLinks
from heine_ai.conversations.service import ConversationService
from heine_ai.db.models import MailRecord, utcnow
from heine_ai.errors import EmailDeliveryFailed
from heine_ai.languages import detect_language
from heine_ai.messages import StaffMessage
from heine_ai.observability.logging import get_logger
from heine_ai.security.crypto import Cipher
from heine_ai.text import base_subject

log = get_logger(__name__)
_UNCONFIRMED = {"reason": "send_unconfirmed"}


@dataclass(frozen=True, slots=True)
class MailThreadView:
    address: str | None
    subject: str


class EmailOutbox:
    def __init__(
        self,
        mailers: dict[str, ReplyMailer],
        conversations: ConversationService,
        cipher: Cipher,
        rating_links: RatingLinks | None = None,
    ) -> None:
        self._mailers = mailers  # by brand
        self._rating_links = rating_links
        self._sessions = conversations.sessions
        self._cipher = cipher

    async def deliver(self, message: StaffMessage) -> str:
        """Send ``message`` answering the customer's latest mail; its Message-ID. Delivering twice sends once."""
        mailer = self._mailers.get(message.brand)
        if mailer is None:
            raise EmailDeliveryFailed(f"Brand '{message.brand}' has no mailbox.", details={"reason": "no_mailbox"})
        mailbox = mailer.mailbox
        reply_id = reply_message_id(message.brand, f"staff:{message.message_id}", mailbox.config.from_address)
        async with self._sessions() as session, session.begin():
            sent = await repository.record(session, message.brand, reply_id)
            if sent is not None and sent.state == "sent":
                return reply_id
            if sent is not None and sent.state != "failed":  # an earlier attempt died while sending: not twice
                raise EmailDeliveryFailed("An earlier send of this reply is unconfirmed.", details=_UNCONFIRMED)
            envelope = await self._envelope(message.conversation_id, reply_id)
            thread_language = await repository.reply_language(session, message.conversation_id)
            if sent is None:
                sent = MailRecord(brand=message.brand, message_id=reply_id, direction="out")
                session.add(sent)
            sent.conversation_id, sent.state, sent.refs = message.conversation_id, "sending", list(envelope.references)
            await repository.set_channel_message_id(session, message.message_id, reply_id)
        reply = self._reply(mailer, envelope, message.text, message.author, thread_language, message.conversation_id)
        try:
            await mailer.send(reply)
        except SendFailed as exc:
            await self._mark(message.brand, reply_id, "sending" if exc.unknown else "failed")
            log.warning("email_staff_reply_failed", conversation_id=message.conversation_id, error=exc.code)
            raise EmailDeliveryFailed("The reply could not be sent by e-mail.", details={"reason": exc.code}) from exc
        await self._mark(message.brand, reply_id, "sent")
        log.info("email_staff_reply_sent", conversation_id=message.conversation_id, message_id=reply_id)
        return reply_id

    async def follows(self, conversation_id: str) -> bool:
        """Whether a conversation of another channel (a web chat) also gets its staff replies by mail: the customer
        left an address to continue by e-mail (``MailLedger.follow_by_mail``)."""
        async with self._sessions() as session:
            return await repository.thread_token(session, conversation_id) is not None

    async def preview(self, brand: str, conversation_id: str, text: str, author: str) -> EmailMessage:
        """The mail ``text`` would go out as, composed exactly as ``deliver`` composes it; nothing is sent or
        stored. Its Message-ID is a placeholder: the real one is derived from the stored message."""
        mailer = self._mailers.get(brand)
        if mailer is None:
            raise EmailDeliveryFailed(f"Brand '{brand}' has no mailbox.", details={"reason": "no_mailbox"})
        placeholder = reply_message_id(brand, f"preview:{conversation_id}", mailer.mailbox.config.from_address)
        envelope = await self._envelope(conversation_id, placeholder)
        async with self._sessions() as session:
            thread_language = await repository.reply_language(session, conversation_id)
        return mailer.compose(self._reply(mailer, envelope, text, author, thread_language, conversation_id))

    async def thread(self, conversation_id: str) -> MailThreadView | None:
        """The customer's address and the thread's subject, for the console; None for a conversation without
        mails or an address (a web chat continued by e-mail has the address before the customer's first mail)."""
        async with self._sessions() as session:
            inbound = await repository.inbound_mails(session, conversation_id)
            customer = await repository.conversation_customer(session, conversation_id)
        address = self._cipher.decrypt(customer.email_enc) if customer and customer.email_enc else None
        if not inbound:
            return MailThreadView(address=address, subject="") if address else None
        first = inbound[0]
        subject = self._cipher.decrypt(first.subject_enc) if first.subject_enc else ""
        return MailThreadView(address=address, subject=base_subject(subject))

    def _reply(
        self,
        mailer: ReplyMailer,
        envelope: Envelope,
        text: str,
        author: str,
        thread_language: str | None,
        conversation_id: str,
    ) -> ReplyMail:
        # The agent's words decide; a reply that names no language ("Erledigt: 40123456") keeps the thread's.
        language = detect_language(text, thread_language or mailer.mailbox.brand.language)
        rating = self._rating_links.url(conversation_id) if self._rating_links else None
        return ReplyMail(envelope, text, language=language, author=author, rating_url=rating)

    async def _envelope(self, conversation_id: str, reply_id: str) -> Envelope:
        async with self._sessions() as session:
            last = await repository.last_inbound(session, conversation_id)
            customer = await repository.conversation_customer(session, conversation_id)
        if customer is None or customer.email_enc is None:
            raise EmailDeliveryFailed("The conversation has no customer address.", details={"reason": "no_address"})
        to = self._cipher.decrypt(customer.email_enc)
        if last is None:
            return reply_envelope(to, "", reply_id, None)
        subject = self._cipher.decrypt(last.subject_enc) if last.subject_enc else ""
        return reply_envelope(to, subject, reply_id, last.message_id, tuple(last.refs or ()))

    async def _mark(self, brand: str, reply_id: str, state: str) -> None:
        async with self._sessions() as session, session.begin():
            record = await repository.record(session, brand, reply_id)
            if record is not None:
                record.state, record.updated_at = state, utcnow()
