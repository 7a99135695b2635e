"""JWT access tokens for service staff and operators (PyJWT, HS256 by default).

A verified token only says who it was issued to and when: whether its holder may still act is decided against
the account on every request (``handoff/staff_auth.py``), never from the claims alone.

While the secret changes, the previous one (``JWT_PREVIOUS_SECRET_KEY``) still verifies the tokens it signed;
nothing is signed with it. A token whose lifetime (``exp - iat``) exceeds what this service issues (staff:
``JWT_EXPIRE_MINUTES``, operator tokens: ``OPERATOR_TOKEN_MAX_HOURS``) is refused, however it was signed.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import jwt

from heine_ai.errors import InvalidToken

REQUIRED_CLAIMS = ["exp", "sub", "iat"]


class Role(StrEnum):
    AGENT = "agent"
    ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class Principal:
    subject: str
    role: Role
    # set for staff accounts (login): the agent's id and the brands they serve; None for operator tokens
    agent_id: str | None = None
    brands: tuple[str, ...] | None = None
    expires_at: int | None = None  # the token's ``exp`` (Unix seconds): long-lived sockets close then
    issued_at: float = 0.0  # the token's ``iat`` (Unix seconds, sub-second): compared with the account's cut-off


class TokenService:
    def __init__(
        self,
        secret: str,
        *,
        algorithm: str = "HS256",
        expire_minutes: int = 60,
        previous_secret: str | None = None,
        operator_max_hours: int = 24,
    ) -> None:
        self._secret = secret
        self._verifying = [secret] + ([previous_secret] if previous_secret else [])
        self._algorithm = algorithm
        self._expire_seconds = expire_minutes * 60
        self._operator_max_seconds = operator_max_hours * 3600

    @property
    def expire_seconds(self) -> int:
        return self._expire_seconds

    def issue(
        self,
        subject: str,
        role: Role,
        *,
        expire_seconds: int | None = None,
        agent_id: str | None = None,
        brands: list[str] | None = None,
    ) -> str:
        now = time.time()  # ``iat`` keeps its fraction: a login right after a logout must outlive the cut-off
        claims: dict[str, object] = {
            "sub": subject,
            "role": role.value,
            "iat": now,
            "exp": int(now) + (expire_seconds if expire_seconds is not None else self._expire_seconds),
            "typ": "access",
        }
        if agent_id is not None:
            claims["agent_id"] = agent_id
            claims["brands"] = list(brands or [])
        return jwt.encode(claims, self._secret, algorithm=self._algorithm)

    def issue_link(self, purpose: str, subject: str, *, expire_seconds: int) -> str:
        """A token for a link in a mail (e.g. ``rating`` of a conversation): no role, so never an access token."""
        now = int(time.time())
        claims = {"sub": subject, "iat": now, "exp": now + expire_seconds, "typ": purpose}
        return jwt.encode(claims, self._secret, algorithm=self._algorithm)

    def verify_link(self, purpose: str, token: str) -> str:
        """The subject of a link token issued for ``purpose``; ``InvalidToken`` if forged, expired or another's."""
        try:
            claims = jwt.decode(token, self._secret, algorithms=[self._algorithm], options={"require": ["exp", "sub"]})
        except jwt.InvalidTokenError as exc:
            raise InvalidToken("The link is invalid or has expired.") from exc
        if claims.get("typ") != purpose or "role" in claims:
            raise InvalidToken("The link is invalid or has expired.")
        return str(claims["sub"])

    def verify(self, token: str) -> Principal:
        claims = self._decode(token)
        if claims.get("typ") != "access":  # a link token (an e-mail continuation, a download) opens no API
            raise InvalidToken("The token is no access token.")
        try:
            role = Role(str(claims.get("role")))
        except ValueError as exc:
            raise InvalidToken("The token carries no known role.") from exc
        agent_id = claims.get("agent_id")
        brands = claims.get("brands")
        lifetime = float(claims["exp"]) - float(claims["iat"])
        if lifetime > (self._expire_seconds if agent_id else self._operator_max_seconds) + 1:
            raise InvalidToken("The token's lifetime is longer than this service issues.")
        return Principal(
            subject=str(claims["sub"]),
            role=role,
            agent_id=str(agent_id) if agent_id else None,
            brands=tuple(str(b) for b in brands) if isinstance(brands, list) else None,
            expires_at=int(claims["exp"]),
            issued_at=float(claims["iat"]),
        )

    def _decode(self, token: str) -> dict[str, Any]:
        """The verified claims, by the current secret or else the previous one."""
        for secret in self._verifying:
            try:
                claims: dict[str, Any] = jwt.decode(
                    token, secret, algorithms=[self._algorithm], options={"require": REQUIRED_CLAIMS}
                )
            except jwt.ExpiredSignatureError as exc:
                raise InvalidToken("The token has expired.") from exc
            except jwt.InvalidSignatureError:
                continue
            except jwt.InvalidTokenError as exc:
                raise InvalidToken("The token is invalid.") from exc
            return claims
        raise InvalidToken("The token is invalid.")
