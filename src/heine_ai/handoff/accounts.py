"""Service staff accounts: creation and management by admins, login, refresh-token rotation.

Access tokens are short-lived JWTs carrying the agent's id, role and brands; refresh tokens are random,
stored only as hashes and used once: each refresh revokes the token it used and issues a new pair. A refresh
token used a second time (stolen and replayed) revokes every refresh token of its agent. Whether an access
token still counts is decided in ``staff_auth.py``; this module sets the account's cut-off it compares with.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from heine_ai.db.models import Agent, RefreshToken, utcnow
from heine_ai.errors import (
    BrandNotFound,
    InvalidCredentials,
    InvalidToken,
    NotFound,
    UsernameTaken,
    ValidationFailed,
)
from heine_ai.handoff import repository
from heine_ai.handoff.schemas import AgentView, TokenPair
from heine_ai.observability.logging import get_logger
from heine_ai.security.crypto import hash_token, new_token
from heine_ai.security.login_throttle import LoginThrottle
from heine_ai.security.passwords import Passwords
from heine_ai.security.tokens import Role, TokenService

log = get_logger(__name__)
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")


@dataclass(frozen=True, slots=True)
class AgentChanges:
    display_name: str | None = None
    role: Role | None = None
    brands: list[str] | None = None
    active: bool | None = None
    password: str | None = None


class AccountService:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        tokens: TokenService,
        known_brands: list[str],
        refresh_days: int,
        throttle: LoginThrottle,
    ) -> None:
        self._sessions = sessions
        self._throttle = throttle
        self._tokens = tokens
        self._known_brands = known_brands
        self._refresh_ttl = timedelta(days=refresh_days)
        self._passwords = Passwords()

    async def create(self, username: str, display_name: str, password: str, role: Role, brands: list[str]) -> AgentView:
        if not USERNAME.match(username):
            raise ValidationFailed("A username has 2-64 lower-case letters, digits, '.', '_' or '-'.")
        self._check_brands(brands)
        password_hash = await asyncio.to_thread(self._passwords.hash, password)
        try:
            async with self._sessions() as session, session.begin():
                if await repository.agent_by_username(session, username) is not None:
                    raise UsernameTaken(f"The username '{username}' is taken.")
                agent = Agent(
                    username=username,
                    display_name=display_name.strip(),
                    password_hash=password_hash,
                    role=role.value,
                    brands=sorted(set(brands)),
                    active=True,
                )
                session.add(agent)
                await session.flush()
                view = to_view(agent)
        except IntegrityError as exc:  # two creations of the same name at once
            raise UsernameTaken(f"The username '{username}' is taken.") from exc
        log.info("agent_created", agent_id=view.id, role=view.role)
        return view

    def _check_brands(self, brands: list[str]) -> None:
        unknown = sorted(set(brands) - set(self._known_brands))
        if unknown:
            raise BrandNotFound(f"Unknown brand '{unknown[0]}'.", details={"known": sorted(self._known_brands)})

    async def login(self, username: str, password: str, address: str = "") -> TokenPair:
        """A token pair for the right password; ``address`` (the client's) scopes the brute-force lockout."""
        await self._throttle.attempt(username, address)
        async with self._sessions() as session:
            agent = await repository.agent_by_username(session, username.strip().lower())
        stored = agent.password_hash if agent is not None and agent.active else None
        if not await asyncio.to_thread(self._passwords.verify, stored, password) or agent is None:
            log.info("login_failed")  # the attempt was counted before the check
            raise InvalidCredentials("Unknown username or wrong password.")
        await self._throttle.succeeded(username, address)
        if self._passwords.needs_rehash(agent.password_hash):
            await self._set_password_hash(agent.id, await asyncio.to_thread(self._passwords.hash, password))
        async with self._sessions() as session, session.begin():
            pair = await self._issue(session, agent)
        log.info("login", agent_id=agent.id)
        return pair

    async def _set_password_hash(self, agent_id: str, password_hash: str) -> None:
        async with self._sessions() as session, session.begin():
            agent = await repository.get_agent(session, agent_id)
            if agent is not None:
                agent.password_hash = password_hash

    async def _issue(self, session: AsyncSession, agent: Agent) -> TokenPair:
        refresh = new_token()
        session.add(
            RefreshToken(agent_id=agent.id, token_hash=hash_token(refresh), expires_at=utcnow() + self._refresh_ttl)
        )
        await session.flush()
        access = self._tokens.issue(agent.id, Role(agent.role), agent_id=agent.id, brands=list(agent.brands))
        return TokenPair(access, refresh, self._tokens.expire_seconds, to_view(agent))

    async def refresh(self, refresh_token: str) -> TokenPair:
        now = utcnow()
        async with self._sessions() as session, session.begin():
            row = await repository.refresh_by_hash(session, hash_token(refresh_token))
            if row is None or row.expires_at < now:
                raise InvalidToken("The refresh token is invalid or has expired; please log in again.")
            if not await repository.revoke_refresh(session, row.id, now):
                await repository.revoke_all_refresh(session, row.agent_id, now)
                await repository.end_access_tokens(session, row.agent_id, now)
                log.warning("refresh_token_replayed", agent_id=row.agent_id)
                replayed = True
            else:
                replayed = False
                agent = await repository.get_agent(session, row.agent_id)
                if agent is None or not agent.active:
                    raise InvalidToken("This account is deactivated.")
                pair = await self._issue(session, agent)
        if replayed:  # raised after the commit, so the revocation of all tokens stays
            raise InvalidToken("The refresh token was already used; please log in again.")
        return pair

    async def purge_expired_tokens(self) -> int:
        """Deletes the refresh tokens past their expiry (refused anyway, whether used or not); how many."""
        async with self._sessions() as session, session.begin():
            return await repository.delete_expired_refresh(session, utcnow())

    async def logout(self, refresh_token: str) -> None:
        async with self._sessions() as session, session.begin():
            row = await repository.refresh_by_hash(session, hash_token(refresh_token))
            if row is not None:  # ends the access tokens issued so far too, on every device (they refresh)
                now = utcnow()
                await repository.revoke_refresh(session, row.id, now)
                await repository.end_access_tokens(session, row.agent_id, now)

    async def list(self) -> list[AgentView]:
        async with self._sessions() as session:
            return [to_view(agent) for agent in await repository.list_agents(session)]

    async def get(self, agent_id: str) -> AgentView:
        async with self._sessions() as session:
            return to_view(await _existing(session, agent_id))

    async def update(self, agent_id: str, changes: AgentChanges) -> AgentView:
        if changes.brands is not None:
            self._check_brands(changes.brands)
        password_hash = (
            await asyncio.to_thread(self._passwords.hash, changes.password) if changes.password is not None else None
        )
        async with self._sessions() as session, session.begin():
            agent = await _existing(session, agent_id)
            role_changes = changes.role is not None and changes.role.value != agent.role
            if role_changes or changes.active is False or password_hash is not None:
                await repository.end_access_tokens(session, agent.id, utcnow())
            if changes.display_name is not None:
                agent.display_name = changes.display_name.strip()
            if changes.role is not None:
                agent.role = changes.role.value
            if changes.brands is not None:
                agent.brands = sorted(set(changes.brands))
            if changes.active is not None:
                agent.active = changes.active
            if password_hash is not None:
                agent.password_hash = password_hash
            if changes.active is False or password_hash is not None:
                await repository.revoke_all_refresh(session, agent.id, utcnow())
            view = to_view(agent)
        log.info("agent_updated", agent_id=agent_id)
        return view


async def _existing(session: AsyncSession, agent_id: str) -> Agent:
    agent = await repository.get_agent(session, agent_id)
    if agent is None:
        raise NotFound("No agent with this id.")
    return agent


def to_view(agent: Agent) -> AgentView:
    return AgentView(
        id=agent.id,
        username=agent.username,
        display_name=agent.display_name,
        role=agent.role,
        brands=list(agent.brands),
        active=agent.active,
        created_at=agent.created_at,
    )
