"""Dependencies the routes resolve: the application state and the caller's credentials."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from heine_ai.errors import Unauthorized
from heine_ai.lifespan import AppState
from heine_ai.security.tokens import Principal, Role


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


@dataclass(frozen=True, slots=True)
class Credential:
    """Either a customer's session token or a verified staff principal."""

    session_token: str | None = None
    principal: Principal | None = None


def credential(request: Request, state: State) -> Credential:
    token = bearer_token(request)
    if token is None:
        return Credential()
    if _looks_like_jwt(token):
        return Credential(principal=state.tokens.verify(token))
    return Credential(session_token=token)


def require_admin(request: Request, state: State) -> Principal:
    token = bearer_token(request)
    if token is None:
        raise Unauthorized("This needs an admin token (Authorization: Bearer <jwt>).")
    return state.tokens.require(token, Role.ADMIN)


Caller = Annotated[Credential, Depends(credential)]
Admin = Annotated[Principal, Depends(require_admin)]
