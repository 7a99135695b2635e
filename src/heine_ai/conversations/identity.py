"""One-time codes for e-mail senders: the proof that whoever writes from another address can read the order's mail.

When an e-mail about an order comes from an address other than the order's, the assistant sends a six-digit code
to the order's address (``assistant/identity.py``) and asks the sender to reply with it. The code is stored only as
a keyed hash (the lookup-hash key: a stolen database alone does not let a million guesses find it), expires after
``CODE_TTL``, and takes ``MAX_ATTEMPTS`` tries; a new code replaces the conversation's pending ones. A correct
code marks the conversation as entitled to that one order (``verified_at``), for the rest of the conversation.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from heine_ai.conversations import repository
from heine_ai.db.models import IdentityCode, utcnow
from heine_ai.security.crypto import Cipher

CODE_TTL = timedelta(minutes=15)
CODE_MINUTES = int(CODE_TTL.total_seconds() // 60)
MAX_ATTEMPTS = 3
CODE_DIGITS = 6


class CodeCheck(StrEnum):
    VERIFIED = "verified"
    WRONG = "wrong"  # also: no code pending for this order
    EXPIRED = "expired"  # expired or out of attempts: a new code is due


@dataclass(frozen=True, slots=True)
class IssuedCode:
    id: str  # one confirmation mail per code (``ConfirmationMail.key``)
    code: str


class IdentityCodes:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], cipher: Cipher) -> None:
        self._sessions = sessions
        self._cipher = cipher

    def _hash(self, conversation_id: str, order_number: str, code: str) -> str:
        return self._cipher.lookup_hash(f"identity-code|{conversation_id}|{order_number}|{code}")

    async def issue(self, conversation_id: str, order_number: str) -> IssuedCode:
        """A new code for ``order_number``; the conversation's codes still pending stop counting."""
        code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
        async with self._sessions() as session, session.begin():
            for pending in await repository.identity_codes(session, conversation_id):
                if pending.verified_at is None:
                    await session.delete(pending)
            row = IdentityCode(
                conversation_id=conversation_id,
                order_enc=self._cipher.encrypt(order_number),
                code_hash=self._hash(conversation_id, order_number, code),
                expires_at=utcnow() + CODE_TTL,
                attempts=0,
            )
            session.add(row)
            await session.flush()
            return IssuedCode(row.id, code)

    async def check(self, conversation_id: str, order_number: str, code: str) -> CodeCheck:
        """Try ``code`` for ``order_number``: every wrong try counts against the pending code."""
        async with self._sessions() as session, session.begin():
            pending = [
                row
                for row in await repository.identity_codes(session, conversation_id)
                if row.verified_at is None and self._cipher.decrypt(row.order_enc) == order_number
            ]
            if not pending:
                return CodeCheck.WRONG
            row = pending[0]
            if row.expires_at < utcnow() or row.attempts >= MAX_ATTEMPTS:
                return CodeCheck.EXPIRED
            if hmac.compare_digest(row.code_hash, self._hash(conversation_id, order_number, code)):
                row.verified_at = utcnow()
                return CodeCheck.VERIFIED
            row.attempts += 1
            return CodeCheck.WRONG

    async def pending(self, conversation_id: str, order_number: str) -> bool:
        """Whether a code for ``order_number`` waits for its reply (sent, not expired, tries left)."""
        async with self._sessions() as session:
            rows = await repository.identity_codes(session, conversation_id)
            now = utcnow()
            return any(
                row.verified_at is None
                and row.expires_at >= now
                and row.attempts < MAX_ATTEMPTS
                and self._cipher.decrypt(row.order_enc) == order_number
                for row in rows
            )

    async def verified(self, conversation_id: str, order_number: str) -> bool:
        """Whether a code for ``order_number`` was confirmed in this conversation."""
        async with self._sessions() as session:
            rows = await repository.identity_codes(session, conversation_id)
            return any(
                row.verified_at is not None and self._cipher.decrypt(row.order_enc) == order_number for row in rows
            )
