"""Staff authorization replayed over HTTP: every staff request is checked against the account as it is now.

Regression tests of the two High findings of issue 19: admin rights that outlived a demotion and a
deactivation, and a history endpoint that let any validly signed token read any transcript.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from heine_ai.app import create_app
from heine_ai.security.tokens import Role
from tests.conftest import StateFactory, admin_headers
from tests.handoff.helpers import COMPLAINT, PASSWORD, bearer, escalate, login, make_agent, staff, two_brands_dir
from tests.support.live import live_server

HEALTH = "/api/v1/admin/health"
KNOWLEDGE = "/api/v1/admin/knowledge"
AGENTS = "/api/v1/admin/agents"
NEW_ADMIN = {"username": "mallory", "display_name": "Mallory", "password": PASSWORD, "role": "admin"}


@pytest.fixture
def two_brand_client(make_state: StateFactory, database_url: str, tmp_path: Path) -> Iterator[TestClient]:
    """Brands ``heine`` and ``sheego``, no knowledge (escalations need none), on SQLite and PostgreSQL."""
    state = make_state(database_url=database_url, ingest=False, brands_dir=two_brands_dir(tmp_path))
    with TestClient(create_app(state)) as test_client:
        yield test_client


def _outcome(client: TestClient, method: str, url: str, headers: dict[str, str], **body: object) -> tuple[int, str]:
    response = client.request(method, url, headers=headers, **body)  # type: ignore[arg-type]
    return response.status_code, response.json().get("error", {}).get("code", "") if response.is_error else ""


def test_a_demoted_admin_cannot_create_an_admin_and_a_deactivated_one_reads_nothing(
    two_brand_client: TestClient,
) -> None:
    client, operator = two_brand_client, admin_headers(two_brand_client)
    chef = make_agent(client, "chef", role="admin", brands=())
    token = bearer(login(client, "chef"))
    assert _outcome(client, "GET", HEALTH, token) == (200, "")  # an admin while the account is one

    demoted = client.patch(f"{AGENTS}/{chef['id']}", json={"role": "agent"}, headers=operator)
    assert demoted.status_code == 200 and demoted.json()["role"] == "agent"
    assert _outcome(client, "POST", AGENTS, token, json=NEW_ADMIN) == (401, "invalid_token")
    as_agent = bearer(login(client, "chef"))  # logging in again gives the account's role, not the old one
    assert _outcome(client, "POST", AGENTS, as_agent, json=NEW_ADMIN) == (403, "forbidden")

    assert client.delete(f"{AGENTS}/{chef['id']}", headers=operator).status_code == 200
    for stale in (token, as_agent):
        assert _outcome(client, "POST", AGENTS, stale, json=NEW_ADMIN) == (401, "invalid_token")
        assert _outcome(client, "GET", HEALTH, stale) == (401, "invalid_token")
        assert _outcome(client, "GET", KNOWLEDGE, stale) == (401, "invalid_token")
        assert _outcome(client, "GET", AGENTS, stale) == (401, "invalid_token")
    usernames = [a["username"] for a in client.get(AGENTS, headers=operator).json()]
    assert usernames == ["chef"]  # no admin was created


def test_the_history_endpoint_reads_only_for_staff_serving_the_brand(two_brand_client: TestClient) -> None:
    client = two_brand_client
    session_id, customer_token = escalate(client)  # a complaint to heine
    url = f"/api/v1/sessions/{session_id}/history"
    dieter = make_agent(client, "dieter")
    deactivated = bearer(login(client, "dieter"))
    assert client.delete(f"{AGENTS}/{dieter['id']}", headers=admin_headers(client)).status_code == 200

    refused = {
        "agent of another brand": (staff(client, "sina", brands=("sheego",)), (404, "session_not_found")),
        "agent without brands": (staff(client, "nora", brands=()), (404, "session_not_found")),
        "deactivated agent": (deactivated, (401, "invalid_token")),
        "operator token (agent)": (admin_headers(client, Role.AGENT), (403, "agent_account_required")),
        "operator token (admin)": (admin_headers(client, Role.ADMIN), (403, "agent_account_required")),
    }
    for case, (headers, expected) in refused.items():
        assert _outcome(client, "GET", url, headers) == expected, case

    allowed = {
        "agent of the brand": staff(client, "anna", brands=("heine",)),
        "admin account": staff(client, "chef", role="admin", brands=()),
        "the customer's session token": {"Authorization": f"Bearer {customer_token}"},
    }
    for case, headers in allowed.items():
        response = client.get(url, headers=headers)
        assert response.status_code == 200 and response.json()["total_messages"] == 2, case


def test_logout_and_a_new_password_end_the_access_tokens_issued_before(two_brand_client: TestClient) -> None:
    client = two_brand_client
    anna = make_agent(client, "anna")
    first = login(client, "anna")
    assert client.post("/api/v1/auth/logout", json={"refresh_token": first["refresh_token"]}).status_code == 204
    assert _outcome(client, "GET", "/api/v1/auth/me", bearer(first)) == (401, "invalid_token")
    second = login(client, "anna")  # in the same second: the new token works
    assert _outcome(client, "GET", "/api/v1/agent/queue", bearer(second)) == (200, "")

    new_password = {"password": PASSWORD + "-neu"}
    assert client.patch(f"{AGENTS}/{anna['id']}", json=new_password, headers=admin_headers(client)).status_code == 200
    assert _outcome(client, "GET", "/api/v1/agent/queue", bearer(second)) == (401, "invalid_token")
    third = login(client, "anna", PASSWORD + "-neu")
    assert _outcome(client, "GET", "/api/v1/agent/queue", bearer(third)) == (200, "")


async def _until_closed(socket: ClientConnection, wait: float = 5.0) -> list[dict[str, Any]]:
    """What the server sends until it closes the socket (or stays silent for ``wait`` seconds)."""
    frames = []
    with contextlib.suppress(ConnectionClosed, TimeoutError):
        while True:
            frames.append(json.loads(await asyncio.wait_for(socket.recv(), wait)))
    return frames


def test_open_staff_sockets_stop_when_the_account_is_deactivated(make_state: StateFactory) -> None:
    """Sockets opened before the deactivation: the console's feed and a followed web chat send nothing more."""
    state = make_state(ingest=False)
    with live_server(state) as base, httpx.Client(base_url=base, timeout=30) as http:
        operator = {"Authorization": f"Bearer {state.tokens.issue('ops', Role.ADMIN)}"}
        account = {"username": "anna", "display_name": "Anna", "password": PASSWORD, "brands": ["heine"]}
        anna = http.post(AGENTS, json=account, headers=operator).json()
        token = http.post("/api/v1/auth/login", json={"username": "anna", "password": PASSWORD}).json()["access_token"]
        customer = http.post("/api/v1/chat", json={"brand": "heine", "message": COMPLAINT}).json()
        hello = {"type": "hello", "brand": "heine", "session_id": customer["session_id"], "session_token": token}
        later = {"brand": "heine", "message": "Hallo, ist da jemand?"} | {
            k: customer[k] for k in ("session_id", "session_token")
        }
        ws = base.replace("http", "ws")

        async def watch() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
            async with connect(f"{ws}/api/v1/agent/events") as feed, connect(f"{ws}/api/v1/ws/chat") as chat:
                await feed.send(json.dumps({"type": "auth", "token": token}))
                assert json.loads(await feed.recv())["type"] == "ready"
                await chat.send(json.dumps(hello | {"last_seq": 2}))  # the complaint and its answer were read
                assert json.loads(await chat.recv())["type"] == "ready"
                gone = await asyncio.to_thread(http.delete, f"{AGENTS}/{anna['id']}", headers=operator)
                assert gone.status_code == 200
                assert (await asyncio.to_thread(http.post, "/api/v1/chat", json=later)).status_code == 200
                return await _until_closed(feed), await _until_closed(chat)

        feed_frames, chat_frames = asyncio.run(watch())
    refused = {"type": "error", "code": "invalid_token", "message": "This account is deactivated."}
    assert feed_frames == [refused]  # not the notice of the customer's new message
    assert [(f["type"], f.get("code")) for f in chat_frames] == [("error", "invalid_token")]  # nor its text
