"""Two agents claim the same conversation at the same moment: exactly one wins, the audit trail has one claim.

Once through one server (the conversation lock orders them) and once through two servers on the same database,
each with its own locks, as two workers would be: there only the conditional UPDATE decides.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from heine_ai.security.crypto import new_fernet_key
from heine_ai.security.tokens import Role
from tests.conftest import StateFactory
from tests.handoff.helpers import COMPLAINT, PASSWORD
from tests.support.live import live_server


def _setup(base: str, admin: str) -> tuple[str, list[dict[str, str]]]:
    with httpx.Client(base_url=base, timeout=30) as http:
        headers = []
        for name in ("anna", "ben"):
            body = {"username": name, "display_name": name.title(), "password": PASSWORD, "brands": ["heine"]}
            assert http.post("/api/v1/admin/agents", json=body, headers={"Authorization": admin}).status_code == 201
            token = http.post("/api/v1/auth/login", json={"username": name, "password": PASSWORD}).json()
            headers.append({"Authorization": f"Bearer {token['access_token']}"})
        chat = http.post("/api/v1/chat", json={"brand": "heine", "message": COMPLAINT}).json()
        assert chat["escalation_required"]
        return chat["session_id"], headers


def _claim_at_once(bases: list[str], conversation_id: str, headers: list[dict[str, str]]) -> list[int]:
    barrier = threading.Barrier(2)

    def claim(index: int) -> int:
        with httpx.Client(base_url=bases[index], timeout=30) as http:
            barrier.wait()
            return http.post(f"/api/v1/agent/conversations/{conversation_id}/claim", headers=headers[index]).status_code

    with ThreadPoolExecutor(2) as pool:
        return list(pool.map(claim, [0, 1]))


def _check_one_winner(base: str, conversation_id: str, headers: list[dict[str, str]], codes: list[int]) -> None:
    assert sorted(codes) == [200, 409]
    winner = headers[codes.index(200)]
    with httpx.Client(base_url=base, timeout=30) as http:
        view = http.get(f"/api/v1/agent/conversations/{conversation_id}", headers=winner).json()
    assert [a["action"] for a in view["audit"]].count("claimed") == 1
    assert [m["intent"] for m in view["messages"]].count("agent_joined") == 1
    assert view["status"] == "human" and view["ticket"]["status"] == "claimed"


def test_double_claim_through_one_server(make_state: StateFactory, database_url: str) -> None:
    state = make_state(database_url=database_url, ingest=False)
    admin = f"Bearer {state.tokens.issue('ops', Role.ADMIN)}"
    with live_server(state) as base:
        conversation_id, headers = _setup(base, admin)
        codes = _claim_at_once([base, base], conversation_id, headers)
        _check_one_winner(base, conversation_id, headers, codes)


def test_double_claim_through_two_workers(make_state: StateFactory, database_url: str, tmp_path: Path) -> None:
    key = new_fernet_key()
    first = make_state(database_url=database_url, encryption_key=key, ingest=False)
    second = make_state(
        database_url=database_url, encryption_key=key, ingest=False, vector_store_path=tmp_path / "second-vectors"
    )
    admin = f"Bearer {first.tokens.issue('ops', Role.ADMIN)}"
    with live_server(first) as one, live_server(second) as two:
        conversation_id, headers = _setup(one, admin)
        codes = _claim_at_once([one, two], conversation_id, headers)
        _check_one_winner(one, conversation_id, headers, codes)
        for _ in range(3):  # more races on fresh conversations
            with httpx.Client(base_url=one, timeout=30) as http:
                fresh = http.post("/api/v1/chat", json={"brand": "heine", "message": COMPLAINT}).json()["session_id"]
            _check_one_winner(one, fresh, headers, _claim_at_once([one, two], fresh, headers))


def _escalate(base: str) -> tuple[str, str]:
    with httpx.Client(base_url=base, timeout=30) as http:
        chat = http.post("/api/v1/chat", json={"brand": "heine", "message": COMPLAINT}).json()
    return chat["session_id"], chat["session_token"]


def _write_and_resolve(base: str, session: tuple[str, str], agent: dict[str, str]) -> tuple[int, int]:
    barrier = threading.Barrier(2)
    body = {"brand": "heine", "message": "Noch eine Frage!", "session_id": session[0], "session_token": session[1]}

    def customer() -> int:
        with httpx.Client(base_url=base, timeout=30) as http:
            barrier.wait()
            return http.post("/api/v1/chat", json=body).status_code

    def resolve() -> int:
        with httpx.Client(base_url=base, timeout=30) as http:
            barrier.wait()
            return http.post(f"/api/v1/agent/conversations/{session[0]}/resolve", headers=agent).status_code

    with ThreadPoolExecutor(2) as pool:
        wrote, resolved = pool.submit(customer), pool.submit(resolve)
        return wrote.result(), resolved.result()


def test_customer_writes_while_the_agent_resolves(make_state: StateFactory, database_url: str) -> None:
    """Either the message comes first (stored, no bot answer, then closed) or the resolution (410): never lost."""
    state = make_state(database_url=database_url, ingest=False)
    admin = f"Bearer {state.tokens.issue('ops', Role.ADMIN)}"
    with live_server(state) as base:
        _, headers = _setup(base, admin)
        for _ in range(4):
            session = _escalate(base)
            with httpx.Client(base_url=base, timeout=30) as http:
                assert http.post(f"/api/v1/agent/conversations/{session[0]}/claim", headers=headers[0]).is_success
            codes = _write_and_resolve(base, session, headers[0])
            assert codes in {(200, 200), (410, 200)}
            with httpx.Client(base_url=base, timeout=30) as http:
                view = http.get(f"/api/v1/agent/conversations/{session[0]}", headers=headers[0]).json()
            roles = [(m["role"], m["intent"]) for m in view["messages"]]
            stored = ("customer", None) in roles[1:]
            assert stored == (codes[0] == 200)  # a 200 means stored, a 410 means not stored
            assert view["status"] == "closed" and roles[-1] == ("system", "agent_left")
            assert [role for role, _ in roles].count("assistant") == 1  # the escalation; no bot answer after it
