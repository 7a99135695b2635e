"""Staff login: access and refresh tokens, refresh with rotation, logout; and the staff dependency."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from heine_ai.api.agent_schemas import AgentOut, LoginRequest, RefreshRequest, TokenResponse
from heine_ai.api.deps import State, bearer_token
from heine_ai.errors import Unauthorized
from heine_ai.handoff.schemas import Actor

router = APIRouter(prefix="/api/v1/auth", tags=["staff"])


async def current_actor(request: Request, state: State) -> Actor:
    """The staff member behind the Bearer access token, checked against the database (active, brands)."""
    token = bearer_token(request)
    if token is None:
        raise Unauthorized("This needs a staff access token (Authorization: Bearer <jwt>).")
    return await state.handoff.accounts.actor(state.tokens.verify(token))


Staff = Annotated[Actor, Depends(current_actor)]


@router.post("/login", response_model=TokenResponse, summary="Log in: an access token and a refresh token")
async def login(body: LoginRequest, state: State, request: Request) -> TokenResponse:
    address = request.client.host if request.client else ""
    return TokenResponse.of(await state.handoff.accounts.login(body.username, body.password, address))


@router.post("/refresh", response_model=TokenResponse, summary="A new token pair; the refresh token is used up")
async def refresh(body: RefreshRequest, state: State) -> TokenResponse:
    return TokenResponse.of(await state.handoff.accounts.refresh(body.refresh_token))


@router.post("/logout", status_code=204, summary="Revoke a refresh token")
async def logout(body: RefreshRequest, state: State) -> Response:
    await state.handoff.accounts.logout(body.refresh_token)
    return Response(status_code=204)


@router.get("/me", response_model=AgentOut, summary="The logged-in staff account")
async def me(actor: Staff, state: State) -> AgentOut:
    return AgentOut.of(await state.handoff.accounts.get(actor.id))
