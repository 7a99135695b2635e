"""Away mode of the web chat: what a customer waiting for a person is told (service hours, expected wait), and
the e-mail address with which the conversation continues by mail (staff replies also go out as mails in a thread
the customer can answer; the answer lands in the same conversation).

Both take the session token as ``Authorization: Bearer``.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from heine_ai.api.deps import Caller, State
from heine_ai.errors import EmailNotAvailable
from heine_ai.handoff.waiting import estimate
from heine_ai.observability.logging import get_logger

log = get_logger(__name__)
router = APIRouter(prefix="/api/v1/sessions", tags=["chat"])
ADDRESS = r"^[^@\s<>\"',;]+@[^@\s<>\"',;]+\.[^@\s<>\"',;]+$"


class WaitingOut(BaseModel):
    open_now: bool  # within the brand's service hours
    hours: dict[str, str]  # per weekday ("mon" … "sun"), e.g. "08:00-20:00"; a day left out has none
    timezone: str
    wait_minutes: int  # expected at most, by the ticket's SLA (0 when overdue)
    overdue: bool  # the ticket's due time has passed
    waiting_before: int  # open tickets served before this one
    long_wait: bool  # outside the hours or a wait over the brand's long_wait_minutes
    email_offered: bool  # the brand has a mailbox: the chat can continue by e-mail
    email_following: bool  # the customer already left an address


class FollowByMail(BaseModel):
    model_config = ConfigDict(extra="forbid")

    address: str = Field(min_length=3, max_length=254, pattern=ADDRESS)
    consent: Literal[True]  # the customer agreed that the address is used to answer this conversation


class FollowingOut(BaseModel):
    email_following: bool


@router.get("/{session_id}/waiting", response_model=WaitingOut, summary="Service hours and the expected wait")
async def waiting(session_id: str, state: State, caller: Caller) -> WaitingOut:
    async with state.conversations.sessions() as session:
        conversation = await state.conversations.for_customer(session, session_id, caller.session_token)
    brand = state.brands[conversation.brand]
    wait = await estimate(state.sessions, brand, conversation.id)
    offered = state.email is not None and brand.id in state.email.mailboxes
    return WaitingOut(
        open_now=wait.open_now,
        hours=brand.handoff.hours,
        timezone=brand.handoff.timezone,
        wait_minutes=wait.wait_minutes,
        overdue=wait.overdue,
        waiting_before=wait.waiting_before,
        long_wait=wait.long_wait,
        email_offered=offered,
        email_following=offered and state.email is not None and await state.email.outbox.follows(conversation.id),
    )


@router.post("/{session_id}/email", response_model=FollowingOut, summary="Continue this chat by e-mail")
async def follow_by_mail(session_id: str, body: FollowByMail, state: State, caller: Caller) -> FollowingOut:
    async with state.conversations.sessions() as session:
        conversation = await state.conversations.for_customer(session, session_id, caller.session_token)
    if state.email is None or conversation.brand not in state.email.mailboxes:
        raise EmailNotAvailable("This brand answers by e-mail only through its mailbox, and it has none.")
    assert caller.session_token is not None  # for_customer checked it
    await state.email.ledger.follow_by_mail(conversation.brand, conversation.id, caller.session_token, body.address)
    log.info("chat_follows_by_mail", conversation_id=conversation.id)
    return FollowingOut(email_following=True)
