"""Export and erasure of a person's data (GDPR Art. 15, 17, 18 and 20), each audited.

Erasure deletes every conversation of the person with its messages, tickets, notes and mails, every mail from their
address, and their customer rows. Business correspondence under a legal retention duty (a conversation with a ticket
for one of the brand's ``retention.legal_hold_reasons``, e.g. a complaint: HGB §257, AO §147) is restricted instead:
kept encrypted, closed, without a session token and hidden from staff, until ``restricted_until``, when the
retention job deletes it. The receipt says what was deleted and what was restricted until when.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from heine_ai.config import BrandConfig
from heine_ai.config.retention import RetentionConfig
from heine_ai.db.models import Conversation, utcnow
from heine_ai.errors import PrivacySubjectNotFound
from heine_ai.observability.metrics import Metrics
from heine_ai.privacy import audit, repository
from heine_ai.privacy.export import Exporter
from heine_ai.privacy.subjects import Holdings, Subject, find
from heine_ai.security.crypto import Cipher


@dataclass(frozen=True, slots=True)
class Receipt:
    """What an erasure did: rows deleted per kind, and the conversations kept restricted for their legal period."""

    deleted: dict[str, int]
    restricted_conversations: int = 0
    restricted_until: datetime | None = None  # the latest end of a legal period among them
    restricted_reason: str | None = None
    erased_at: datetime = field(default_factory=utcnow)

    def counts(self) -> dict[str, Any]:
        return {**self.deleted, "restricted_conversations": self.restricted_conversations}

    def to_json(self) -> dict[str, Any]:
        return {
            "erased_at": self.erased_at.isoformat(),
            "deleted": dict(self.deleted),
            "restricted": {
                "conversations": self.restricted_conversations,
                "until": self.restricted_until.isoformat() if self.restricted_until else None,
                "reason": self.restricted_reason,
            },
        }


# Removes what a customer's message left in the answer cache (brand, message text): the number of entries removed.
ForgetAnswers = Callable[[str, str], Awaitable[int]]

LEGAL_HOLD_NOTE = (
    "Business correspondence (HGB §257, AO §147) is kept encrypted and restricted, hidden from customers and staff, "
    "until its retention period ends; it is deleted then."
)


class PrivacyService:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        cipher: Cipher,
        brands: dict[str, BrandConfig],
        metrics: Metrics,
        forget_answers: ForgetAnswers,
    ) -> None:
        self._sessions = sessions
        self._cipher = cipher
        self._brands = brands
        self._metrics = metrics
        self._forget_answers = forget_answers
        self._exporter = Exporter(cipher)

    def policy(self, brand: str) -> RetentionConfig:
        config = self._brands.get(brand)
        return config.retention if config is not None else RetentionConfig()

    async def export(self, subjects: Sequence[Subject], actor: str) -> dict[str, Any]:
        """Everything held about the person the subjects name, as one JSON-ready document; nothing held: 404."""
        async with self._sessions() as session, session.begin():
            held = await self._find(session, subjects)
            document = await self._exporter.document(session, subjects, held)
            messages = sum(len(c["messages"]) for c in document["conversations"])
            counts = {"conversations": len(held.conversations), "messages": messages}
            await audit.record(session, "export", actor, subject_kinds(subjects), counts)
        self._metrics.privacy_requests.labels(action="export").inc()
        return document

    async def erase(self, subjects: Sequence[Subject], actor: str) -> Receipt:
        now = utcnow()
        async with self._sessions() as session, session.begin():
            held = await self._find(session, subjects)
            reasons = await repository.ticket_reasons(session, held.conversation_ids)
            erase: list[str] = []
            restricted: list[datetime] = []
            for conversation in held.conversations:
                until = self._legal_hold(conversation, reasons.get(conversation.id, []))
                if until is not None and until > now:
                    await repository.restrict(session, conversation.id, until, now)
                    restricted.append(until)
                else:
                    erase.append(conversation.id)
            words = await self._customer_words(session, held, erase)
            deleted = await repository.delete_conversations(session, erase)
            loose = await repository.delete_mail_records(session, [mail.id for mail in held.loose_mails])
            if loose:
                deleted["mail_records"] = deleted.get("mail_records", 0) + loose
            customers = await repository.delete_orphan_customers(session, [c.id for c in held.customers])
            if customers:
                deleted["customers"] = customers
            cached = sum([await self._forget_answers(brand, text) for brand, text in words])
            if cached:
                deleted["answer_cache_entries"] = cached
            fulfilled = await self._fulfil_requests(session, subjects, actor)
            if fulfilled:
                deleted["waiting_request_identifiers"] = fulfilled
            receipt = Receipt(
                deleted=deleted,
                restricted_conversations=len(restricted),
                restricted_until=max(restricted) if restricted else None,
                restricted_reason=LEGAL_HOLD_NOTE if restricted else None,
                erased_at=now,
            )
            await audit.record(session, "erase", actor, subject_kinds(subjects), receipt.counts())
        self._metrics.privacy_requests.labels(action="erase").inc()
        async with self._sessions() as session:
            await repository.compact_sqlite(session)
        return receipt

    async def _fulfil_requests(self, session: AsyncSession, subjects: Sequence[Subject], actor: str) -> int:
        """Close the waiting requests that name one of ``subjects``: this erasure fulfils them, and the identifiers
        they keep encrypted while they wait must not outlive the person's data."""
        named = {(subject.kind.value, subject.value.strip().lower()) for subject in subjects}
        closed = 0
        for row in await repository.pending_requests(session, limit=None):
            stored = json.loads(self._cipher.decrypt(row.subjects_enc)) if row.subjects_enc else []
            if named & {(kind, value.strip().lower()) for kind, value in stored}:
                row.status, row.decided_by, row.decided_at, row.subjects_enc = "done", actor, utcnow(), None
                closed += 1
        return closed

    async def _customer_words(self, session: AsyncSession, held: Holdings, ids: list[str]) -> set[tuple[str, str]]:
        """(brand, text) of the customer's messages in the conversations to erase, for the answer cache."""
        brands = {conversation.id: conversation.brand for conversation in held.conversations}
        messages = await repository.messages(session, ids) if ids else []
        return {
            (brands[m.conversation_id], self._cipher.decrypt(m.content_enc)) for m in messages if m.role == "customer"
        }

    def _legal_hold(self, conversation: Conversation, reasons: list[str]) -> datetime | None:
        """The end of the conversation's legal retention, if it is business correspondence."""
        if conversation.restricted_until is not None:
            return conversation.restricted_until
        policy = self.policy(conversation.brand)
        if set(reasons) & {reason.value for reason in policy.legal_hold_reasons}:
            return policy.legal_hold_until(conversation.last_activity_at)
        return None

    async def _find(self, session: AsyncSession, subjects: Sequence[Subject]) -> Holdings:
        held = await find(session, self._cipher, subjects)
        if not (held.customers or held.conversations or held.loose_mails):
            raise PrivacySubjectNotFound("Nothing is held about this person.")
        return held

    async def audit_entries(self, limit: int = 100) -> list[audit.AuditEntry]:
        async with self._sessions() as session:
            return await audit.entries(session, limit)


def subject_kinds(subjects: Sequence[Subject]) -> str:
    """What named the person (``customer_id,email``): the audit keeps this, never the values."""
    return ",".join(sorted({subject.kind.value for subject in subjects}))
