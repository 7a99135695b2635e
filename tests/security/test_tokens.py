"""JWT access tokens for staff and operators."""

from __future__ import annotations

import jwt
import pytest

from heine_ai.errors import Forbidden, InvalidToken
from heine_ai.security.tokens import Role, TokenService

SECRET = "s" * 40


def test_issue_and_verify_roles() -> None:
    service = TokenService(SECRET)
    principal = service.verify(service.issue("anna", Role.AGENT))
    assert principal.subject == "anna" and principal.role is Role.AGENT
    assert service.require(service.issue("ops", Role.ADMIN), Role.ADMIN).role is Role.ADMIN
    with pytest.raises(Forbidden):
        service.require(service.issue("anna", Role.AGENT), Role.ADMIN)


def test_expired_foreign_and_roleless_tokens_are_refused() -> None:
    service = TokenService(SECRET)
    with pytest.raises(InvalidToken, match="expired"):
        service.verify(service.issue("ops", Role.ADMIN, expire_seconds=-5))
    with pytest.raises(InvalidToken):
        service.verify(TokenService("t" * 40).issue("ops", Role.ADMIN))
    roleless = jwt.encode({"sub": "x", "exp": 9_999_999_999, "role": "god"}, SECRET, algorithm="HS256")
    with pytest.raises(InvalidToken, match="role"):
        service.verify(roleless)
    unsigned = jwt.encode({"sub": "x", "exp": 9_999_999_999, "role": "admin"}, None, algorithm="none")
    with pytest.raises(InvalidToken):
        service.verify(unsigned)
