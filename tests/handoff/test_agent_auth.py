"""Staff accounts over the API: login, refresh rotation, expired and replayed tokens, admin management."""

from __future__ import annotations

import asyncio
import time
import uuid
from datetime import timedelta

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from heine_ai.app import create_app
from heine_ai.db.models import RefreshToken, utcnow
from heine_ai.security.tokens import Role
from tests.conftest import StateFactory, admin_headers
from tests.handoff.helpers import PASSWORD, bearer, login, make_agent
from tests.support.live import live_server
from tests.support.servers import REDIS_URL, port_open, require


def test_login_refresh_rotation_and_replay(light_client: TestClient) -> None:
    client = light_client
    make_agent(client, "anna", display_name="Anna Becker")
    tokens = login(client, "anna")
    assert tokens["agent"]["display_name"] == "Anna Becker" and "password_hash" not in tokens["agent"]
    me = client.get("/api/v1/auth/me", headers=bearer(tokens))
    assert me.status_code == 200 and me.json()["username"] == "anna"

    rotated = client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert rotated.status_code == 200 and rotated.json()["refresh_token"] != tokens["refresh_token"]
    replay = client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert replay.status_code == 401 and replay.json()["error"]["code"] == "invalid_token"
    # a replayed token revokes the whole family, also the one issued by the rotation
    stolen = client.post("/api/v1/auth/refresh", json={"refresh_token": rotated.json()["refresh_token"]})
    assert stolen.status_code == 401


def test_wrong_password_unknown_user_and_expired_token(light_client: TestClient) -> None:
    client = light_client
    make_agent(client, "anna")
    for username, password in (("anna", "falsch-falsch-falsch"), ("nobody", PASSWORD)):
        response = client.post("/api/v1/auth/login", json={"username": username, "password": password})
        assert response.status_code == 401 and response.json()["error"]["code"] == "invalid_credentials"
    state = client.app.state.heine  # type: ignore[attr-defined]
    agent_id = login(client, "anna")["agent"]["id"]
    expired = state.tokens.issue(agent_id, Role.AGENT, agent_id=agent_id, brands=["heine"], expire_seconds=-5)
    response = client.get("/api/v1/agent/queue", headers={"Authorization": f"Bearer {expired}"})
    assert response.status_code == 401 and response.json()["error"]["code"] == "invalid_token"
    operator = client.get("/api/v1/agent/queue", headers=admin_headers(client))
    assert operator.status_code == 403 and operator.json()["error"]["code"] == "agent_account_required"
    assert client.get("/api/v1/agent/queue").status_code == 401


def test_admin_manages_agents_without_exposing_hashes(light_client: TestClient) -> None:
    client = light_client
    admin = admin_headers(client)
    created = make_agent(client, "ben", brands=("heine",))
    assert set(created) == {"id", "username", "display_name", "role", "brands", "active", "created_at"}
    again = client.post(
        "/api/v1/admin/agents",
        json={"username": "ben", "display_name": "Ben", "password": PASSWORD, "brands": ["heine"]},
        headers=admin,
    )
    assert again.status_code == 409 and again.json()["error"]["code"] == "username_taken"
    weak = client.post(
        "/api/v1/admin/agents", json={"username": "cara", "display_name": "Cara", "password": "kurz"}, headers=admin
    )
    assert weak.status_code == 422 and weak.json()["error"]["code"] == "weak_password"
    unknown = client.post(
        "/api/v1/admin/agents",
        json={"username": "cara", "display_name": "Cara", "password": PASSWORD, "brands": ["nope"]},
        headers=admin,
    )
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "brand_not_found"
    tokens = login(client, "ben")
    changed = client.patch(f"/api/v1/admin/agents/{created['id']}", json={"display_name": "Ben K."}, headers=admin)
    assert changed.status_code == 200 and changed.json()["display_name"] == "Ben K."
    gone = client.delete(f"/api/v1/admin/agents/{created['id']}", headers=admin)
    assert gone.status_code == 200 and gone.json()["active"] is False
    # a deactivated agent's tokens stop working at once, and the agent cannot log in again
    assert client.get("/api/v1/agent/queue", headers=bearer(tokens)).status_code == 401
    assert client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}).status_code == 401
    assert client.post("/api/v1/auth/login", json={"username": "ben", "password": PASSWORD}).status_code == 401
    listing = client.get("/api/v1/admin/agents", headers=admin).json()
    assert [a["username"] for a in listing] == ["ben"] and "password_hash" not in listing[0]
    agent_token = bearer(login(client, make_agent(client, "dora")["username"]))
    assert client.get("/api/v1/admin/agents", headers=agent_token).status_code == 403


def test_repeated_wrong_passwords_lock_that_username_for_that_client(light_client: TestClient) -> None:
    client = light_client
    make_agent(client, "anna")
    make_agent(client, "ben")

    def attempt(username: str, password: str) -> tuple[int, str | None]:
        response = client.post("/api/v1/auth/login", json={"username": username, "password": password})
        return response.status_code, response.json().get("error", {}).get("code")

    for _ in range(4):
        assert attempt("anna", "falsch-falsch-falsch") == (401, "invalid_credentials")
    assert attempt("anna", PASSWORD)[0] == 200  # a success clears the count
    for _ in range(5):
        assert attempt("Anna ", "falsch-falsch-falsch") == (401, "invalid_credentials")
    locked = client.post("/api/v1/auth/login", json={"username": "anna", "password": PASSWORD})
    assert locked.status_code == 429  # even the right password waits now
    assert locked.json()["error"]["code"] == "too_many_login_attempts"
    assert locked.json()["error"]["details"]["retry_after_seconds"] == 900
    assert attempt("ben", PASSWORD)[0] == 200  # a colleague at the same desk is not locked out


@pytest.mark.parametrize("redis", [False, True], ids=["in_process", "redis"])
def test_wrong_passwords_sent_all_at_once_are_limited_like_one_after_another(
    make_state: StateFactory, redis: bool
) -> None:
    """An attacker who sends 30 guesses at once gets no more than LOGIN_MAX_FAILURES of them checked."""
    if redis:
        require(port_open("127.0.0.1", 6379), "Redis is not running on 127.0.0.1:6379")
    # every guess comes from one address: the per-client share of the concurrency limit (tests/api/test_edges.py)
    # would turn most of them away before the throttle counts them
    state = make_state(
        ingest=False, redis_url=REDIS_URL if redis else None, login_max_failures=5, max_concurrent_per_client=100
    )
    username = f"anna{uuid.uuid4().hex[:8]}"  # the Redis counts outlive the test: a name of its own

    async def guess_at_once(base: str) -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=base, timeout=60) as http:
            admin = {"Authorization": f"Bearer {state.tokens.issue('admin', Role.ADMIN)}"}
            account = {"username": username, "display_name": "Anna", "password": PASSWORD, "brands": ["heine"]}
            assert (await http.post("/api/v1/admin/agents", json=account, headers=admin)).status_code == 201
            guesses = [{"username": username, "password": f"falsch-{n:04d}-falsch"} for n in range(30)]
            return await asyncio.gather(*(http.post("/api/v1/auth/login", json=body) for body in guesses))

    with live_server(state) as base:
        answers = asyncio.run(guess_at_once(base))
    codes = sorted(answer.json()["error"]["code"] for answer in answers)
    assert codes.count("invalid_credentials") == 5  # five passwords were checked ...
    assert codes.count("too_many_login_attempts") == 25  # ... the rest refused before their password was looked at


@pytest.mark.parametrize("behind_proxy", [False, True], ids=["direct", "behind_proxy"])
def test_the_lockout_address_comes_from_x_forwarded_for_only_from_a_trusted_proxy(
    make_state: StateFactory, behind_proxy: bool
) -> None:
    """Behind a proxy every client shares its address: without FORWARDED_ALLOW_IPS an attacker would lock the
    agent out for everyone; a header from an untrusted peer must change nothing, or it would undo the lockout."""
    state = make_state(ingest=False, forwarded_allow_ips=["127.0.0.1"] if behind_proxy else [])
    with live_server(state) as base, httpx.Client(base_url=base, timeout=30) as http:
        admin = {"Authorization": f"Bearer {state.tokens.issue('admin', Role.ADMIN)}"}
        account = {"username": "anna", "display_name": "Anna", "password": PASSWORD, "brands": ["heine"]}
        assert http.post("/api/v1/admin/agents", json=account, headers=admin).status_code == 201

        def login_from(address: str, password: str) -> int:
            body = {"username": "anna", "password": password}
            return http.post("/api/v1/auth/login", json=body, headers={"X-Forwarded-For": address}).status_code

        assert [login_from("203.0.113.7", "falsch-falsch-falsch") for _ in range(5)] == [401] * 5
        assert login_from("203.0.113.7", PASSWORD) == 429
        # the agent at her own desk: a different client behind the proxy, or the same connection without one
        assert login_from("198.51.100.9", PASSWORD) == (200 if behind_proxy else 429)


def test_expired_refresh_tokens_are_deleted_while_valid_ones_keep_working(
    make_state: StateFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("heine_ai.lifespan.TOKEN_PURGE_SECONDS", 0.2)  # hourly in service
    state = make_state(ingest=False, session_cleanup_interval=0.2)

    async def add_expired(agent_id: str) -> None:
        async with state.sessions() as session, session.begin():
            stale = utcnow() - timedelta(days=1)
            session.add(RefreshToken(agent_id=agent_id, token_hash="0" * 64, expires_at=stale))

    async def stored_tokens() -> int:
        async with state.sessions() as session:
            return int(await session.scalar(select(func.count()).select_from(RefreshToken)) or 0)

    with TestClient(create_app(state)) as client:
        make_agent(client, "anna")
        tokens = login(client, "anna")
        assert client.portal is not None
        client.portal.call(add_expired, tokens["agent"]["id"])
        deadline = time.monotonic() + 10
        while client.portal.call(stored_tokens) != 1:  # the cleanup loop deletes the expired one
            assert time.monotonic() < deadline
            time.sleep(0.1)
        refreshed = client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
        assert refreshed.status_code == 200  # the login's own token was kept
