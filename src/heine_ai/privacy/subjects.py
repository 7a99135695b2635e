"""Whom a privacy request is about, and what of theirs is held: customers, conversations and loose mails."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from heine_ai.db.models import Conversation, Customer, MailRecord
from heine_ai.privacy import repository
from heine_ai.security.crypto import Cipher


class SubjectKind(StrEnum):
    CUSTOMER_ID = "customer_id"  # the shop's customer number, as the chat API's ``customer_id`` gave it
    EMAIL = "email"  # the address the customer wrote from
    SESSION = "session"  # one conversation's id (the chat's ``session_id``)


@dataclass(frozen=True, slots=True)
class Subject:
    kind: SubjectKind
    value: str


@dataclass(slots=True)
class Holdings:
    """Everything found about a subject, across brands and channels."""

    customers: list[Customer]
    conversations: list[Conversation]
    loose_mails: list[MailRecord]  # from the person's address, in no conversation of theirs
    sender_hashes: list[str]

    @property
    def conversation_ids(self) -> list[str]:
        return [conversation.id for conversation in self.conversations]


def _variants(subject: Subject) -> list[str]:
    """The value as given and trimmed, and an address also lower-cased (the hash is of the exact text; a customer
    number's case may matter, an address's does not)."""
    stripped = subject.value.strip()
    lowered = stripped.lower() if subject.kind is SubjectKind.EMAIL else stripped
    return list(dict.fromkeys((subject.value, stripped, lowered)))


async def find(session: AsyncSession, cipher: Cipher, subjects: Sequence[Subject]) -> Holdings:
    """What is held about the person the subjects name (one person may be named by several: their customer
    number and their address), each row once."""
    held = Holdings([], [], [], [])
    for subject in subjects:
        found = await _find_one(session, cipher, subject)
        known = set(held.conversation_ids)
        held.conversations += [c for c in found.conversations if c.id not in known]
        known_customers = {c.id for c in held.customers}
        held.customers += [c for c in found.customers if c.id not in known_customers]
        held.sender_hashes += found.sender_hashes
        held.loose_mails += found.loose_mails
    ids = set(held.conversation_ids)
    seen: set[str] = set()
    loose: list[MailRecord] = []
    for mail in held.loose_mails:
        if mail.conversation_id not in ids and mail.id not in seen:
            seen.add(mail.id)
            loose.append(mail)
    held.loose_mails = loose
    return held


async def _find_one(session: AsyncSession, cipher: Cipher, subject: Subject) -> Holdings:
    hashes = [hashed for variant in _variants(subject) for hashed in cipher.lookup_hashes(variant)]
    if subject.kind is SubjectKind.SESSION:
        conversations = await repository.conversations(session, ids=[subject.value.strip()])
        customer_ids = {c.customer_id for c in conversations if c.customer_id}
        customers = await repository.customers(session, customer_ids)
        return Holdings(customers, conversations, [], [])
    column = "external_id" if subject.kind is SubjectKind.CUSTOMER_ID else "email"
    customers = await repository.customers_by_hash(session, column, hashes)
    sender_hashes = hashes if subject.kind is SubjectKind.EMAIL else []
    mailed = await repository.conversations_of_mail_senders(session, sender_hashes) if sender_hashes else []
    conversations = await repository.conversations(session, ids=mailed, customer_ids=[c.id for c in customers])
    mails = await repository.mail_records(session, [], sender_hashes) if sender_hashes else []
    return Holdings(customers, conversations, mails, sender_hashes)
