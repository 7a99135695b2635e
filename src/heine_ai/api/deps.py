"""Dependencies the routes resolve: the application state and the caller's credentials."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from heine_ai.app_state import AppState
from heine_ai.errors import Unauthorized
from heine_ai.handoff.schemas import Actor
from heine_ai.handoff.staff_auth import StaffCaller


def get_state(request: Request) -> AppState:
    state: AppState = request.app.state.heine
    return state


State = Annotated[AppState, Depends(get_state)]


_bearer = HTTPBearer(
    auto_error=False,
    description="A staff access token (JWT from /api/v1/auth/login), an operator token, or a chat session's token.",
)


def bearer_token(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> str | None:
    """The Bearer token, if any; declared as the API's security scheme in the OpenAPI document."""
    token = credentials.credentials.strip() if credentials else ""
    return token or None


Token = Annotated[str | None, Depends(bearer_token)]


def _looks_like_jwt(token: str) -> bool:
    return token.count(".") == 2


async def staff_caller(token: Token, state: State) -> StaffCaller:
    """The Bearer token's holder, checked against their account now (``handoff/staff_auth.py``)."""
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


async def credential(token: Token, state: State) -> Credential:
    if token is None:
        return Credential()
    if _looks_like_jwt(token):
        return Credential(staff=await state.handoff.staff.authenticate(token))
    return Credential(session_token=token)


Caller = Annotated[Credential, Depends(credential)]
Admin = Annotated[StaffCaller, Depends(require_admin)]
Staff = Annotated[Actor, Depends(require_account)]  # a staff account: operator tokens are refused
