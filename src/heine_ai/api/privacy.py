"""Admins act on a customer's GDPR request: export everything held about them, or erase it (docs/security.md).

Only an admin's staff account may: the audit names the account (``privacy_events``), and an operator token has
none. An erasure cannot be undone, so it wants ``confirm: true`` (the console asks the admin first).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field, model_validator

from heine_ai.api.deps import Admin, State
from heine_ai.api.schemas import Text
from heine_ai.errors import ConfirmationRequired
from heine_ai.privacy.subjects import Subject, SubjectKind

router = APIRouter(prefix="/api/v1/admin/privacy", tags=["admin"])


class PrivacyRequest(BaseModel):
    """The person, by their shop customer number, their e-mail address or a conversation's id (one or more)."""

    model_config = ConfigDict(extra="forbid")

    customer_id: Text | None = Field(None, min_length=1, max_length=128)
    email: Text | None = Field(None, min_length=3, max_length=320)
    session_id: str | None = Field(None, min_length=1, max_length=64)

    @model_validator(mode="after")
    def _named(self) -> PrivacyRequest:
        if not self.subjects():
            raise ValueError("name the person by customer_id, email or session_id")
        return self

    def subjects(self) -> list[Subject]:
        given = (
            (SubjectKind.CUSTOMER_ID, self.customer_id),
            (SubjectKind.EMAIL, self.email),
            (SubjectKind.SESSION, self.session_id),
        )
        return [Subject(kind, value) for kind, value in given if value is not None]


class ErasureRequest(PrivacyRequest):
    confirm: bool = Field(False, description="Must be true: an erasure cannot be undone.")


class Restricted(BaseModel):
    conversations: int
    until: datetime | None
    reason: str | None


class ErasureReceipt(BaseModel):
    erased_at: datetime
    deleted: dict[str, int] = Field(description="Rows deleted, per kind (conversations, messages, tickets, ...).")
    restricted: Restricted


class PrivacyAuditEntry(BaseModel):
    action: str
    actor: str
    subject_kind: str | None
    counts: dict[str, Any]
    created_at: datetime


def _actor(admin: Admin) -> str:
    return f"agent:{admin.account().id}"


@router.post("/export", summary="Everything held about a person, as one JSON document")
async def export(body: PrivacyRequest, state: State, admin: Admin) -> dict[str, Any]:
    return await state.privacy.export(body.subjects(), _actor(admin))


@router.post("/erase", response_model=ErasureReceipt, summary="Erase a person's data; returns the receipt")
async def erase(body: ErasureRequest, state: State, admin: Admin) -> ErasureReceipt:
    actor = _actor(admin)
    if not body.confirm:
        raise ConfirmationRequired("An erasure cannot be undone; send confirm: true.")
    receipt = await state.privacy.erase(body.subjects(), actor)
    return ErasureReceipt.model_validate(receipt.to_json())


@router.get("/audit", response_model=list[PrivacyAuditEntry], summary="The latest privacy actions")
async def audit(state: State, admin: Admin, limit: int = Query(100, ge=1, le=1000)) -> list[PrivacyAuditEntry]:
    admin.account()
    return [
        PrivacyAuditEntry(
            action=e.action, actor=e.actor, subject_kind=e.subject_kind, counts=e.counts, created_at=e.created_at
        )
        for e in await state.privacy.audit_entries(limit)
    ]
