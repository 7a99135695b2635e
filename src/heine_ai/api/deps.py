"""Dependencies the routes resolve: the application state and the caller's credentials."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from heine_ai.app_state import AppState
from heine_ai.errors import Unauthorized
from heine_ai.handoff.schemas import Actor
from heine_ai.handoff.staff_auth import StaffCaller


def get_state(request: Request) -> AppState:
    state: AppState = request.app.state.heine
    return state


State = Annotated[AppState, Depends(get_state)]


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def _looks_like_jwt(token: str) -> bool:
    return token.count(".") == 2


async def staff_caller(request: Request, state: State) -> StaffCaller:
    """The Bearer token's holder, checked against their account now (``handoff/staff_auth.py``)."""
    token = bearer_token(request)
    if token is None:
        raise Unauthorized("This needs a staff access token (Authorization: Bearer <jwt>).")
    return await state.handoff.staff.authenticate(token)


StaffToken = Annotated[StaffCaller, Depends(staff_caller)]


def require_admin(caller: StaffToken) -> StaffCaller:
    return caller.require_admin()


def require_account(caller: StaffToken) -> Actor:
    return caller.account()


@dataclass(frozen=True, slots=True)
class Credential:
    """Either a customer's session token or a checked staff token."""

    session_token: str | None = None
    staff: StaffCaller | None = None


async def credential(request: Request, state: State) -> Credential:
    token = bearer_token(request)
    if token is None:
        return Credential()
    if _looks_like_jwt(token):
        return Credential(staff=await state.handoff.staff.authenticate(token))
    return Credential(session_token=token)


Caller = Annotated[Credential, Depends(credential)]
Admin = Annotated[StaffCaller, Depends(require_admin)]
Staff = Annotated[Actor, Depends(require_account)]  # a staff account: operator tokens are refused
