"""Who is behind a staff token, checked against the account on every request: the one rule of staff access.

Every staff entrance resolves its token here: the REST admin routes, the agent API, the knowledge admin, the
health report, the session history, the console's events socket and staff following a web chat.

- A staff account's access token (``POST /api/v1/auth/login``) acts with the account's role and brands as the
  database holds them now; the token's ``role`` and ``brands`` claims are never trusted. A deactivated account,
  or a token issued before the account's ``tokens_valid_after`` (set by a role change, deactivation, a new
  password, logout and a replayed refresh token), is refused with 401 ``invalid_token``.
- An operator token (``heine-ai token``: no account behind it, minted by whoever holds ``JWT_SECRET_KEY``) has
  nothing to check but its claims. With the admin role it may use the admin routes (staff accounts, knowledge,
  the health report); it never reads a transcript nor acts on tickets (403 ``agent_account_required``): that
  needs an account, whose brands scope what it sees and whose name the audit trail keeps.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from heine_ai.errors import AgentAccountRequired, Forbidden, InvalidToken
from heine_ai.handoff import repository
from heine_ai.handoff.schemas import Actor
from heine_ai.security.tokens import Principal, Role, TokenService


@dataclass(frozen=True, slots=True)
class StaffCaller:
    """A verified staff token and the account behind it as it is now (None for an operator token)."""

    principal: Principal
    actor: Actor | None

    @property
    def is_admin(self) -> bool:
        if self.actor is not None:
            return self.actor.is_admin
        return self.principal.role is Role.ADMIN

    def account(self) -> Actor:
        """The staff account, for whatever shows a conversation or acts on it."""
        if self.actor is None:
            raise AgentAccountRequired("This needs the token of a staff account (POST /api/v1/auth/login).")
        return self.actor

    def require_admin(self) -> StaffCaller:
        if not self.is_admin:
            raise Forbidden("This needs the admin role.")
        return self


class StaffAuth:
    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], tokens: TokenService, known_brands: list[str]
    ) -> None:
        self._sessions = sessions
        self._tokens = tokens
        self._known_brands = tuple(known_brands)

    async def authenticate(self, token: str) -> StaffCaller:
        principal = self._tokens.verify(token)
        if principal.agent_id is None:
            return StaffCaller(principal, None)
        async with self._sessions() as session:
            agent = await repository.get_agent(session, principal.agent_id)
        if agent is None or not agent.active:
            raise InvalidToken("This account is deactivated.")
        cutoff = agent.tokens_valid_after
        if cutoff is not None and principal.issued_at < cutoff.timestamp():
            raise InvalidToken("This token is no longer valid; please log in again.")
        brands = self._known_brands if agent.role == Role.ADMIN.value else tuple(agent.brands)
        return StaffCaller(
            principal, Actor(id=agent.id, display_name=agent.display_name, role=agent.role, brands=brands)
        )

    async def actor(self, token: str) -> Actor:
        """The staff account behind ``token``; operator tokens are refused."""
        return (await self.authenticate(token)).account()
