"""Admins act on a customer's GDPR request: export everything held about them, or erase it (docs/security.md).

Only an admin's staff account may: the audit names the account (``privacy_events``), and an operator token has
none. An erasure cannot be undone, so it wants ``confirm: true`` (the console asks the admin first). Any staff
account may file a customer's request (``/api/v1/agent/privacy/requests``) for an admin to confirm or reject.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from fastapi import APIRouter, Query, status
from pydantic import BaseModel, ConfigDict, Field, model_validator

from heine_ai.api.deps import Admin, Staff, State
from heine_ai.api.schemas import Text
from heine_ai.errors import ConfirmationRequired
from heine_ai.privacy.requests import Decision, FiledRequest
from heine_ai.privacy.subjects import Subject, SubjectKind

router = APIRouter(prefix="/api/v1/admin/privacy", tags=["admin"])
staff_router = APIRouter(prefix="/api/v1/agent/privacy", tags=["agent"])


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


class RequestFiling(PrivacyRequest):
    action: Literal["export", "erase"]


class Confirmation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    confirm: bool = Field(False, description="Must be true: an export hands out, an erasure destroys the data.")


class FiledPrivacyRequest(BaseModel):
    id: str
    action: str
    status: str = Field(description="pending, done or rejected")
    customer_id: str | None = None
    email: str | None = None
    session_id: str | None = None
    requested_by: str
    decided_by: str | None
    created_at: datetime


class RequestDecision(BaseModel):
    request: FiledPrivacyRequest
    export: dict[str, Any] | None = None
    receipt: ErasureReceipt | None = None


def _filed(request: FiledRequest) -> FiledPrivacyRequest:
    named = {subject.kind.value: subject.value for subject in request.subjects}
    return FiledPrivacyRequest(
        id=request.id,
        action=request.action,
        status=request.status,
        customer_id=named.get(SubjectKind.CUSTOMER_ID.value),
        email=named.get(SubjectKind.EMAIL.value),
        session_id=named.get(SubjectKind.SESSION.value),
        requested_by=request.requested_by,
        decided_by=request.decided_by,
        created_at=request.created_at,
    )


@staff_router.post(
    "/requests",
    response_model=FiledPrivacyRequest,
    status_code=status.HTTP_201_CREATED,
    summary="File a customer's export or erasure request for an admin to decide",
)
async def file_request(body: RequestFiling, state: State, staff: Staff) -> FiledPrivacyRequest:
    return _filed(await state.privacy_requests.file(body.subjects(), body.action, f"agent:{staff.id}"))


@router.get("/requests", response_model=list[FiledPrivacyRequest], summary="The requests waiting for a decision")
async def pending_requests(
    state: State, admin: Admin, limit: int = Query(100, ge=1, le=1000)
) -> list[FiledPrivacyRequest]:
    admin.account()
    return [_filed(request) for request in await state.privacy_requests.pending(limit)]


@router.post("/requests/{request_id}/confirm", response_model=RequestDecision, summary="Carry a filed request out")
async def confirm_request(request_id: str, body: Confirmation, state: State, admin: Admin) -> RequestDecision:
    actor = _actor(admin)
    if not body.confirm:
        raise ConfirmationRequired("Confirming carries the request out; send confirm: true.")
    decision: Decision = await state.privacy_requests.confirm(request_id, actor)
    receipt = ErasureReceipt.model_validate(decision.receipt.to_json()) if decision.receipt else None
    return RequestDecision(request=_filed(decision.request), export=decision.export, receipt=receipt)


@router.post("/requests/{request_id}/reject", response_model=FiledPrivacyRequest, summary="Reject a filed request")
async def reject_request(request_id: str, state: State, admin: Admin) -> FiledPrivacyRequest:
    return _filed(await state.privacy_requests.reject(request_id, _actor(admin)))
