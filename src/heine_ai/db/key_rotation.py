"""Every encrypted column and every lookup hash, and what a key change does to them (docs/security.md, "Keys").

``rotate`` rewrites, in batches of its own transactions while the service runs, each value that the first
``ENCRYPTION_KEY`` did not write (MultiFernet.rotate) and each lookup hash the first ``LOOKUP_HASH_KEY`` did not
compute; a value changed meanwhile (an erasure, a new note) is left to the writer: an update only applies to the
value it read. Running it again finds nothing left to do. ``check`` decrypts a sample at startup, so that a wrong
key stops the start with the fix rather than failing requests later.

A new encrypted or lookup-hash column must be listed here, or a rotation leaves it behind. The one exception is
``IdentityCode.code_hash``: a one-time code lives minutes and its plaintext is gone, so it cannot be re-hashed;
a code sent just before a key change fails, and the customer asks for a new one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import InstrumentedAttribute, aliased

from heine_ai.db.models import (
    Attachment,
    Conversation,
    Customer,
    IdentityCode,
    MailRecord,
    MailThread,
    Message,
    PhoneCall,
    PrivacyRequest,
    Rating,
    Ticket,
    TicketEvent,
)
from heine_ai.errors import ConfigError
from heine_ai.security.crypto import Cipher
from heine_ai.text import subject_lookup_value

BATCH_SIZE = 500

# (primary key, encrypted column)
ENCRYPTED_COLUMNS: tuple[tuple[InstrumentedAttribute[Any], InstrumentedAttribute[Any]], ...] = (
    (Message.id, Message.content_enc),
    (Customer.id, Customer.external_id_enc),
    (Customer.id, Customer.email_enc),
    (Ticket.id, Ticket.summary_enc),
    (TicketEvent.id, TicketEvent.note_enc),
    (MailRecord.id, MailRecord.subject_enc),
    (MailRecord.id, MailRecord.attachments_enc),
    (MailRecord.id, MailRecord.content_enc),
    (MailThread.conversation_id, MailThread.token_enc),
    (PhoneCall.call_sid, PhoneCall.token_enc),
    (PhoneCall.call_sid, PhoneCall.caller_enc),
    (Attachment.id, Attachment.filename_enc),
    (Attachment.id, Attachment.data_enc),
    (Rating.conversation_id, Rating.comment_enc),
    (PrivacyRequest.id, PrivacyRequest.subjects_enc),
    (IdentityCode.id, IdentityCode.order_enc),
)


@dataclass(frozen=True, slots=True)
class LookupHash:
    """A hash column, the encrypted column its value is read from, and how that value becomes the hashed text."""

    key: InstrumentedAttribute[Any]
    hashed: InstrumentedAttribute[Any]
    source: InstrumentedAttribute[Any]
    join: Callable[[Any], Any] | None = None
    hashed_text: Callable[[str], str] = lambda value: value


_sender = aliased(Customer)

LOOKUP_HASHES: tuple[LookupHash, ...] = (
    LookupHash(Customer.id, Customer.external_id_hash, Customer.external_id_enc),
    LookupHash(Customer.id, Customer.email_hash, Customer.email_enc),
    LookupHash(MailRecord.id, MailRecord.subject_hash, MailRecord.subject_enc, hashed_text=subject_lookup_value),
    # a mail's sender is kept only as its hash; an answered mail's sender is its conversation's customer. The
    # hash of a mail without a conversation (skipped, flagged) cannot be recomputed: it stays as it is
    LookupHash(
        MailRecord.id,
        MailRecord.sender_hash,
        _sender.email_enc,
        join=lambda query: query.join(Conversation, Conversation.id == MailRecord.conversation_id).join(
            _sender, _sender.id == Conversation.customer_id
        ),
    ),
)


def _name(column: InstrumentedAttribute[Any]) -> str:
    return f"{column.class_.__tablename__}.{column.key}"


async def rotate(
    sessions: async_sessionmaker[AsyncSession], cipher: Cipher, *, write: bool = True, batch_size: int = BATCH_SIZE
) -> Counter[str]:
    """Re-encrypt and re-hash what the current keys did not write; per column, how many values were (or, without
    ``write``, would be) rewritten. ``<column>:unreadable`` counts values no configured key decrypts,
    ``<column>:kept`` the sender hashes of mails without a conversation, which nothing stored can recompute."""
    counts: Counter[str] = Counter()
    for key, column in ENCRYPTED_COLUMNS:
        await _batches(sessions, key, column, column, None, batch_size, write, counts, _reencrypt(cipher, counts))
    for lookup in LOOKUP_HASHES:
        rehash = _rehash(cipher, lookup, counts)
        await _batches(
            sessions, lookup.key, lookup.hashed, lookup.source, lookup.join, batch_size, write, counts, rehash
        )
    async with sessions() as session:
        unknown_sender = MailRecord.sender_hash.is_not(None) & MailRecord.conversation_id.is_(None)
        kept = await session.scalar(select(func.count()).select_from(MailRecord).where(unknown_sender))
    counts[f"{_name(MailRecord.sender_hash)}:kept"] = int(kept or 0)
    return counts


def _reencrypt(cipher: Cipher, counts: Counter[str]) -> Callable[[str, Any, str], str | None]:
    def change(name: str, current: Any, source: str) -> str | None:
        if cipher.is_current(source):
            return None
        try:
            return cipher.reencrypt(source)
        except ConfigError:
            counts[f"{name}:unreadable"] += 1
            return None

    return change


def _rehash(cipher: Cipher, lookup: LookupHash, counts: Counter[str]) -> Callable[[str, Any, str], str | None]:
    def change(name: str, current: Any, source: str) -> str | None:
        try:
            value = cipher.decrypt(source)
        except ConfigError:
            counts[f"{name}:unreadable"] += 1
            return None
        fresh = cipher.lookup_hash(lookup.hashed_text(value))
        return None if fresh == current else fresh

    return change


async def _batches(
    sessions: async_sessionmaker[AsyncSession],
    key: InstrumentedAttribute[Any],
    column: InstrumentedAttribute[Any],
    source: InstrumentedAttribute[Any],
    join: Callable[[Any], Any] | None,
    batch_size: int,
    write: bool,
    counts: Counter[str],
    change: Callable[[str, Any, str], str | None],
) -> None:
    name, table = _name(column), column.class_.__table__
    statement = (
        update(table)
        .where(table.c[key.key] == bindparam("row_key"), table.c[column.key] == bindparam("old"))
        .values({column.key: bindparam("new")})
    )
    after: str | None = None
    while True:
        query = (
            select(key, column, source).where(source.is_not(None), column.is_not(None)).order_by(key).limit(batch_size)
        )
        if join is not None:
            query = join(query)
        if after is not None:
            query = query.where(key > after)
        async with sessions() as session, session.begin():
            rows = (await session.execute(query)).all()
            if not rows:
                return
            changes = [
                {"row_key": row_key, "old": current, "new": new}
                for row_key, current, value in rows
                if (new := change(name, current, value)) is not None
            ]
            counts[name] += len(changes)
            if changes and write:
                await session.execute(statement, changes)
        after = rows[-1][0]


async def check(sessions: async_sessionmaker[AsyncSession], cipher: Cipher) -> None:
    """Decrypt a stored message and a customer's number or address and recompute its lookup hash; a
    ``ConfigError`` naming the fix if the configured keys do not fit the data."""
    async with sessions() as session:
        message = await session.scalar(select(Message.content_enc).limit(1))
        customers = [
            (await session.execute(select(enc, hashed).where(enc.is_not(None)).limit(1))).first()
            for enc, hashed in (
                (Customer.external_id_enc, Customer.external_id_hash),
                (Customer.email_enc, Customer.email_hash),
            )
        ]
    samples = [(str(row[0]), row[1]) for row in customers if row is not None]
    try:
        if message is not None:
            cipher.decrypt(message)
        values = [(cipher.decrypt(encrypted), hashed) for encrypted, hashed in samples]
    except ConfigError as exc:
        raise ConfigError(
            "the configured ENCRYPTION_KEY does not decrypt the stored data: list the key it was written with "
            "(after a new one, comma-separated) and start again; see docs/security.md, Keys"
        ) from exc
    if any(hashed not in cipher.lookup_hashes(value) for value, hashed in values):
        raise ConfigError(
            "the configured LOOKUP_HASH_KEY does not match the stored lookup hashes: list the key they were "
            "written with (`heine-ai keys legacy-lookup-key` prints an older installation's); see "
            "docs/security.md, Keys"
        )
