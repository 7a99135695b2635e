"""Privacy requests: a staff member files a customer's export or erasure request, an admin decides it.

Filing, confirming and rejecting are each audited (``request``, then the ``export`` or ``erase`` itself, or
``reject``) with the request's id and never the person. The person's identifiers are kept encrypted only while
the request waits: the decision clears them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from heine_ai.db.models import PrivacyRequest, utcnow
from heine_ai.errors import PrivacyRequestNotFound
from heine_ai.privacy import audit, repository
from heine_ai.privacy.service import PrivacyService, Receipt, subject_kinds
from heine_ai.privacy.subjects import Subject, SubjectKind
from heine_ai.security.crypto import Cipher

Action = Literal["export", "erase"]


@dataclass(frozen=True, slots=True)
class FiledRequest:
    id: str
    action: str
    status: str
    subjects: tuple[Subject, ...]  # empty once decided
    requested_by: str
    created_at: datetime
    decided_by: str | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    request: FiledRequest
    export: dict[str, Any] | None = None
    receipt: Receipt | None = None


class PrivacyRequests:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], cipher: Cipher, privacy: PrivacyService) -> None:
        self._sessions = sessions
        self._cipher = cipher
        self._privacy = privacy

    async def file(self, subjects: Sequence[Subject], action: Action, actor: str) -> FiledRequest:
        stored = json.dumps([[subject.kind.value, subject.value] for subject in subjects])
        row = PrivacyRequest(
            action=action,
            status="pending",
            subject_kind=subject_kinds(subjects),
            subjects_enc=self._cipher.encrypt(stored),
            requested_by=actor,
            created_at=utcnow(),
        )
        async with self._sessions() as session, session.begin():
            await repository.add_request(session, row)
            await audit.record(session, "request", actor, row.subject_kind, {"request": row.id, "asked": action})
        return self._snapshot(row, subjects)

    async def pending(self, limit: int = 100) -> list[FiledRequest]:
        async with self._sessions() as session:
            return [
                self._snapshot(row, self._subjects(row)) for row in await repository.pending_requests(session, limit)
            ]

    async def confirm(self, request_id: str, actor: str) -> Decision:
        """Carry the request out as ``actor`` (an admin), then mark it done; the person's identifiers go."""
        async with self._sessions() as session:
            row = await self._waiting(session, request_id)
            subjects, action = self._subjects(row), row.action
        if action == "export":
            export = await self._privacy.export(subjects, actor)
            return Decision(await self._decide(request_id, actor, "done"), export=export)
        receipt = await self._privacy.erase(subjects, actor)  # closes this request too, as every one naming them
        async with self._sessions() as session:
            closed = await repository.request(session, request_id)
            assert closed is not None
            return Decision(self._snapshot(closed, ()), receipt=receipt)

    async def reject(self, request_id: str, actor: str) -> FiledRequest:
        return await self._decide(request_id, actor, "rejected")

    async def _decide(self, request_id: str, actor: str, status: str) -> FiledRequest:
        async with self._sessions() as session, session.begin():
            row = await self._waiting(session, request_id)
            row.status, row.decided_by, row.decided_at, row.subjects_enc = status, actor, utcnow(), None
            if status == "rejected":
                await audit.record(session, "reject", actor, row.subject_kind, {"request": row.id})
            return self._snapshot(row, ())

    async def _waiting(self, session: AsyncSession, request_id: str) -> PrivacyRequest:
        row = await repository.request(session, request_id)
        if row is None or row.status != "pending":
            raise PrivacyRequestNotFound("No privacy request with this id waits for a decision.")
        return row

    def _subjects(self, row: PrivacyRequest) -> tuple[Subject, ...]:
        if row.subjects_enc is None:
            return ()
        return tuple(
            Subject(SubjectKind(kind), value) for kind, value in json.loads(self._cipher.decrypt(row.subjects_enc))
        )

    @staticmethod
    def _snapshot(row: PrivacyRequest, subjects: Sequence[Subject]) -> FiledRequest:
        return FiledRequest(
            id=row.id,
            action=row.action,
            status=row.status,
            subjects=tuple(subjects),
            requested_by=row.requested_by,
            created_at=row.created_at,
            decided_by=row.decided_by,
        )
