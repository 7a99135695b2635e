"""The mail records and their state changes, each in its own committed transaction.

Every step of a mail is written before the next one starts, so a worker that dies anywhere finds on restart
where the mail stood (see docs/email.md, "Exactly once").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from heine_ai.channels.email import repository
from heine_ai.channels.email.parsing import ParsedMail
from heine_ai.conversations.service import ConversationService
from heine_ai.db.models import Customer, MailRecord, MailThread, utcnow
from heine_ai.errors import SessionExpired
from heine_ai.messages import Channel
from heine_ai.security.crypto import Cipher
from heine_ai.text import base_subject, subject_lookup_value

TERMINAL = ("answered", "skipped", "flagged")


@dataclass(frozen=True, slots=True)
class MailState:
    id: str
    brand: str
    message_id: str
    state: str
    reason: str | None
    conversation_id: str | None
    reply_id: str | None
    reply_message_id: str | None
    refs: tuple[str, ...]


def _snapshot(row: MailRecord) -> MailState:
    return MailState(
        id=row.id,
        brand=row.brand,
        message_id=row.message_id,
        state=row.state,
        reason=row.reason,
        conversation_id=row.conversation_id,
        reply_id=row.reply_id,
        reply_message_id=row.reply_message_id,
        refs=tuple(row.refs or ()),
    )


class DuplicateMail(Exception):
    """Another worker recorded the same Message-ID at the same moment; it owns the mail."""


class MailLedger:
    def __init__(self, conversations: ConversationService, cipher: Cipher) -> None:
        self._conversations = conversations
        self._sessions = conversations.sessions
        self._cipher = cipher

    async def counts(self, brand: str) -> dict[str, int]:
        """Inbound mails per state (``flagged`` ones wait in the review folder)."""
        async with self._sessions() as session:
            return await repository.counts_by_state(session, brand)

    async def find(self, brand: str, message_id: str) -> MailState | None:
        async with self._sessions() as session:
            row = await repository.record(session, brand, message_id)
            return _snapshot(row) if row else None

    async def record(self, brand: str, mail: ParsedMail, size: int, state: str, reason: str | None) -> MailState:
        """A mail that will not be answered (skipped or flagged), kept with its reason."""
        async with self._sessions() as session, session.begin():
            row = self._row(brand, mail, size, state, reason, None)
            return await self._insert(session, row)

    async def admit(self, brand: str, mail: ParsedMail, size: int, window_hours: float) -> MailState:
        """Record a mail to answer, in its thread's conversation or a new one, with the customer linked."""
        async with self._sessions() as session, session.begin():
            conversation_id = await self._thread(session, brand, mail, window_hours)
            if conversation_id is None:
                conversation_id = await self._open(session, brand, mail.sender or "")
            row = self._row(brand, mail, size, "received", None, conversation_id)
            return await self._insert(session, row)

    async def follow_by_mail(self, brand: str, conversation_id: str, token: str, address: str) -> None:
        """A web chat the customer continues by e-mail: its customer gets the address and the conversation a mail
        thread (with the session token, as a conversation the channel opened), so staff replies go out by mail and
        the customer's answer to one lands here. Giving the address again replaces it."""
        async with self._sessions() as session, session.begin():
            conversation = await self._conversations.get(session, conversation_id)
            customer = await repository.customer_by_email(session, brand, self._cipher.lookup_hashes(address))
            if customer is None:
                customer = Customer(
                    brand=brand, email_hash=self._hash(address), email_enc=self._cipher.encrypt(address)
                )
                session.add(customer)
                await session.flush()
            conversation.customer_id = customer.id
            thread = await session.get(MailThread, conversation_id)
            if thread is None:
                session.add(
                    MailThread(conversation_id=conversation_id, brand=brand, token_enc=self._cipher.encrypt(token))
                )

    async def _thread(self, session: AsyncSession, brand: str, mail: ParsedMail, window_hours: float) -> str | None:
        """Headers first; a subject match alone only within the window and for the same sender."""
        found = await repository.conversation_by_ids(session, brand, mail.thread_ids)
        if found is None and mail.sender and base_subject(mail.subject):
            since = utcnow() - timedelta(hours=window_hours)
            found = await repository.conversation_by_subject(
                session,
                brand,
                self._cipher.lookup_hashes(mail.sender),
                self._cipher.lookup_hashes(subject_lookup_value(mail.subject)),
                since,
            )
        if found is None:
            return None
        conversation = await self._conversations.get(session, found)
        try:  # a closed or expired conversation is not continued: the mail opens a new one (docs/email.md)
            self._conversations.ensure_open(conversation)
        except SessionExpired:
            return None
        return found

    async def _open(self, session: AsyncSession, brand: str, sender: str) -> str:
        conversation, token = await self._conversations.open(session, brand, Channel.EMAIL)
        customer = await repository.customer_by_email(session, brand, self._cipher.lookup_hashes(sender))
        if customer is None:
            customer = Customer(brand=brand, email_hash=self._hash(sender), email_enc=self._cipher.encrypt(sender))
            session.add(customer)
            await session.flush()
        conversation.customer_id = customer.id
        session.add(MailThread(conversation_id=conversation.id, brand=brand, token_enc=self._cipher.encrypt(token)))
        return conversation.id

    def _row(
        self, brand: str, mail: ParsedMail, size: int, state: str, reason: str | None, conversation_id: str | None
    ) -> MailRecord:
        return MailRecord(
            brand=brand,
            message_id=mail.message_id,
            direction="in",
            conversation_id=conversation_id,
            state=state,
            reason=reason,
            sender_hash=self._hash(mail.sender) if mail.sender else None,
            subject_hash=self._subject_hash(mail.subject),
            subject_enc=self._cipher.encrypt(mail.subject),
            attachments_enc=self._cipher.encrypt(json.dumps(list(mail.attachments))) if mail.attachments else None,
            refs=list(mail.references),
            size=size,
        )

    async def _insert(self, session: AsyncSession, row: MailRecord) -> MailState:
        session.add(row)
        try:
            await session.flush()
        except IntegrityError as exc:
            raise DuplicateMail(row.message_id) from exc
        return _snapshot(row)

    def _hash(self, value: str) -> str:
        return self._cipher.lookup_hash(value)

    def _subject_hash(self, subject: str) -> str:
        return self._cipher.lookup_hash(subject_lookup_value(subject))

    async def token(self, conversation_id: str) -> str | None:
        async with self._sessions() as session:
            token_enc = await repository.thread_token(session, conversation_id)
        return self._cipher.decrypt(token_enc) if token_enc else None

    async def existing_reply(self, mail: MailState) -> tuple[bool, str | None]:
        """(whether the pipeline already stored this mail, the id of the reply it stored if any)."""
        if mail.conversation_id is None:
            return False, None
        async with self._sessions() as session:
            stored = await repository.customer_message(session, mail.conversation_id, mail.message_id)
            if stored is None:
                return False, None
            reply = await repository.reply_after(session, mail.conversation_id, stored.seq)
            return True, reply.id if reply else None

    async def plan(self, mail: MailState, reply_message_id: str, reply_id: str, refs: tuple[str, ...]) -> MailState:
        """Fix the reply's Message-ID before sending, on the inbound record, an outbound record and the message."""
        async with self._sessions() as session, session.begin():
            row = await self._load(session, mail)
            row.state, row.reply_id, row.reply_message_id, row.updated_at = (
                "planned",
                reply_id,
                reply_message_id,
                utcnow(),
            )
            if await repository.record(session, mail.brand, reply_id) is None:
                session.add(
                    MailRecord(
                        brand=mail.brand,
                        message_id=reply_id,
                        direction="out",
                        conversation_id=mail.conversation_id,
                        state="planned",
                        refs=list(refs),
                    )
                )
            await repository.set_channel_message_id(session, reply_message_id, reply_id)
            return _snapshot(row)

    async def move(self, mail: MailState, state: str, reason: str | None = None) -> MailState:
        """Set the inbound record's state (and its planned reply's, if any)."""
        async with self._sessions() as session, session.begin():
            row = await self._load(session, mail)
            row.state, row.reason, row.updated_at = state, reason, utcnow()
            if row.reply_id:
                out = await repository.record(session, mail.brand, row.reply_id)
                if out is not None:
                    out.state = {"answered": "sent", "flagged": "unconfirmed"}.get(state, state)
            return _snapshot(row)

    async def _load(self, session: AsyncSession, mail: MailState) -> MailRecord:
        row = await session.get(MailRecord, mail.id)
        assert row is not None, "the mail's record is gone: an erasure deleted it meanwhile"
        return row

    async def planned_reply(self, reply_message_id: str) -> tuple[str, str | None]:
        """The planned reply's text and the language the assistant wrote it in (None if stored before 0006)."""
        async with self._sessions() as session:
            stored = await repository.message(session, reply_message_id)
        assert stored is not None, "a planned reply's message exists"
        return self._cipher.decrypt(stored.content_enc), stored.language
