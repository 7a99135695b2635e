"""Staff login: access and refresh tokens, refresh with rotation, logout, and the logged-in account."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from heine_ai.api.agent_schemas import AgentOut, LoginRequest, RefreshRequest, TokenResponse
from heine_ai.api.deps import Staff, State

router = APIRouter(prefix="/api/v1/auth", tags=["staff"])


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
