"""JWT access tokens for staff and operators."""

from __future__ import annotations

import time

import jwt
import pytest

from heine_ai.errors import InvalidToken
from heine_ai.security.tokens import Role, TokenService

SECRET = "s" * 40


def test_issue_and_verify_roles() -> None:
    """The claims only: whether the holder may act is checked against the account (tests/handoff)."""
    service = TokenService(SECRET)
    before = time.time()
    principal = service.verify(service.issue("anna", Role.AGENT))
    assert principal.subject == "anna" and principal.role is Role.AGENT and principal.agent_id is None
    assert before <= principal.issued_at <= time.time()  # to the fraction of a second, for the account's cut-off
    staff = service.verify(service.issue("ops", Role.ADMIN, agent_id="a1", brands=["heine"]))
    assert staff.role is Role.ADMIN and staff.agent_id == "a1" and staff.brands == ("heine",)


def test_expired_foreign_and_roleless_tokens_are_refused() -> None:
    service = TokenService(SECRET)
    with pytest.raises(InvalidToken, match="expired"):
        service.verify(service.issue("ops", Role.ADMIN, expire_seconds=-5))
    with pytest.raises(InvalidToken):
        service.verify(TokenService("t" * 40).issue("ops", Role.ADMIN))
    claims = {"sub": "x", "iat": 0, "exp": 9_999_999_999, "typ": "access", "role": "god"}
    roleless = jwt.encode(claims, SECRET, algorithm="HS256")
    with pytest.raises(InvalidToken, match="role"):
        service.verify(roleless)
    undated = jwt.encode({"sub": "x", "exp": 9_999_999_999, "role": "admin"}, SECRET, algorithm="HS256")
    with pytest.raises(InvalidToken):  # no ``iat``: nothing to compare with an account's cut-off
        service.verify(undated)
    unsigned = jwt.encode({"sub": "x", "exp": 9_999_999_999, "role": "admin"}, None, algorithm="none")
    with pytest.raises(InvalidToken):
        service.verify(unsigned)


def test_a_link_token_is_never_an_access_token_and_the_reverse() -> None:
    tokens = TokenService("k" * 40)
    link = tokens.issue_link("rating", "conversation-1", expire_seconds=60)
    assert tokens.verify_link("rating", link) == "conversation-1"
    with pytest.raises(InvalidToken):
        tokens.verify(link)  # no role: no access
    forged = {"sub": "anna", "iat": time.time(), "exp": time.time() + 60, "typ": "rating", "role": "admin"}
    with pytest.raises(InvalidToken, match="no access token"):
        tokens.verify(jwt.encode(forged, "k" * 40, algorithm="HS256"))  # a link's type with a role: still no access
    with pytest.raises(InvalidToken):
        tokens.verify_link("unsubscribe", link)  # another purpose
    with pytest.raises(InvalidToken):
        tokens.verify_link("rating", tokens.issue("anna", Role.ADMIN))
    with pytest.raises(InvalidToken):
        tokens.verify_link("rating", tokens.issue_link("rating", "c", expire_seconds=-1))  # expired
