"""``heine-ai agents`` creates accounts that can log in; the console's events socket checks its token and shows
an agent only the notices of their brands."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx
import pytest
import websockets
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from heine_ai.app import create_app
from heine_ai.cli import app
from heine_ai.security.tokens import Role
from tests.conftest import StateFactory
from tests.handoff.helpers import COMPLAINT, PASSWORD, login, two_brands_dir
from tests.support.installations import BRANDS
from tests.support.live import live_server

runner = CliRunner()


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, value in {
        "CONFIG_FILE": tmp_path / "absent.yaml",
        "DATA_DIR": tmp_path / "data",
        "KEYS_DIR": tmp_path / "keys",
        "BRANDS_DIR": BRANDS,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'data' / 'db.sqlite'}",
        "JWT_SECRET_KEY": "cli-secret-" + "z" * 40,
    }.items():
        monkeypatch.setenv(name, str(value))
    monkeypatch.delenv("ENCRYPTION_KEY", raising=False)
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    return tmp_path


def test_agents_create_and_list(cli_env: Path, make_state: StateFactory) -> None:
    created = runner.invoke(
        app, ["agents", "create", "anna", "--display-name", "Anna Becker", "--brands", "heine", "--password-stdin"],
        input=f"{PASSWORD}\n",
    )  # fmt: skip
    assert created.exit_code == 0, created.output
    assert "created anna (agent; brands: heine)" in created.output and PASSWORD not in created.output
    again = runner.invoke(app, ["agents", "create", "anna", "--display-name", "A", "--password-stdin"], input="x" * 12)
    assert again.exit_code == 2 and "taken" in again.output
    weak = runner.invoke(app, ["agents", "create", "ben", "--display-name", "Ben", "--password-stdin"], input="kurz\n")
    assert weak.exit_code == 2 and "10 characters" in weak.output
    unknown = runner.invoke(
        app, ["agents", "create", "cara", "--display-name", "C", "--brands", "nope", "--password-stdin"], input="y" * 12
    )
    assert unknown.exit_code == 2 and "nope" in unknown.output
    listing = runner.invoke(app, ["agents", "list"])
    assert listing.output.splitlines() == ["anna\tAnna Becker\tagent\theine\tactive"]
    state = make_state(database_url=f"sqlite:///{cli_env / 'data' / 'db.sqlite'}", ingest=False)
    with TestClient(create_app(state)) as client:  # the account logs in with the password it was given
        assert login(client, "anna")["agent"]["display_name"] == "Anna Becker"


async def _feed(base: str, token: str, frames: int) -> list[dict[str, object]]:
    async with websockets.connect(base.replace("http", "ws") + "/api/v1/agent/events") as socket:
        await socket.send(json.dumps({"type": "auth", "token": token}))
        received = [json.loads(await socket.recv())]
        for _ in range(frames):
            received.append(json.loads(await asyncio.wait_for(socket.recv(), 10)))
        return received


def test_events_socket_refuses_bad_tokens_and_keeps_brands_apart(make_state: StateFactory, tmp_path: Path) -> None:
    state = make_state(ingest=False, brands_dir=two_brands_dir(tmp_path))
    admin = {"Authorization": f"Bearer {state.tokens.issue('ops', Role.ADMIN)}"}
    with live_server(state) as base, httpx.Client(base_url=base, timeout=30) as http:
        body = {"username": "anna", "display_name": "Anna", "password": PASSWORD, "brands": ["heine"]}
        assert http.post("/api/v1/admin/agents", json=body, headers=admin).status_code == 201
        token = http.post("/api/v1/auth/login", json={"username": "anna", "password": PASSWORD}).json()["access_token"]
        refused = asyncio.run(_feed(base, "not-a-token", 0))
        assert refused == [{"type": "error", "code": "invalid_token", "message": "The token is invalid."}]

        async def watch() -> list[dict[str, object]]:
            task = asyncio.create_task(_feed(base, token, 2))
            await asyncio.sleep(0.5)
            for brand in ("sheego", "heine"):  # the other brand's escalation is not shown
                body = {"brand": brand, "message": COMPLAINT}
                assert (await asyncio.to_thread(http.post, "/api/v1/chat", json=body)).status_code == 200
            return await task

        frames = asyncio.run(watch())
    assert frames[0] == {"type": "ready", "brands": ["heine"]}
    assert [(f["type"], f["role"], f["status"]) for f in frames[1:]] == [
        ("message", "customer", "bot"),
        ("message", "assistant", "pending_human"),
    ]
    assert all("text" not in f and "content" not in f for f in frames)  # ids and states only, never text


def test_events_socket_closes_when_the_token_expires(make_state: StateFactory) -> None:
    state = make_state(ingest=False)
    admin = {"Authorization": f"Bearer {state.tokens.issue('ops', Role.ADMIN)}"}
    with live_server(state) as base, httpx.Client(base_url=base, timeout=30) as http:
        body = {"username": "anna", "display_name": "Anna", "password": PASSWORD, "brands": ["heine"]}
        agent_id = http.post("/api/v1/admin/agents", json=body, headers=admin).json()["id"]
        # long enough to open the socket on a loaded machine (at 2 s, CI under load saw the token expire first)
        short = state.tokens.issue(agent_id, Role.AGENT, agent_id=agent_id, brands=["heine"], expire_seconds=6)
        frames = asyncio.run(_feed(base, short, 1))
    assert frames == [
        {"type": "ready", "brands": ["heine"]},
        {"type": "error", "code": "invalid_token", "message": "The token has expired."},
    ]
