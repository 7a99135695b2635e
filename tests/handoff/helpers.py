"""Staff accounts, logins and escalated conversations through the real API, for the hand-off tests."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from tests.conftest import admin_headers
from tests.support.installations import BRANDS

PASSWORD = "sehr-geheimes-passwort-1"
COMPLAINT = "Ich bin sehr unzufrieden! Meine Jacke aus Bestellung 40123456 kam kaputt an."


def two_brands_dir(tmp_path: Path) -> Path:
    """The demo brand and a second brand ``sheego`` (no knowledge needed: escalations work without)."""
    folder = tmp_path / "brands"
    folder.mkdir()
    shutil.copy(BRANDS / "heine.yaml", folder / "heine.yaml")
    text = (BRANDS / "heine.yaml").read_text(encoding="utf-8").replace("id: heine", "id: sheego")
    (folder / "sheego.yaml").write_text(text.replace("display_name: heine", "display_name: sheego"), encoding="utf-8")
    return folder


def make_agent(
    client: TestClient,
    username: str,
    *,
    brands: tuple[str, ...] = ("heine",),
    role: str = "agent",
    display_name: str | None = None,
) -> dict[str, Any]:
    body = {
        "username": username,
        "display_name": display_name or username.capitalize(),
        "password": PASSWORD,
        "role": role,
        "brands": list(brands),
    }
    response = client.post("/api/v1/admin/agents", json=body, headers=admin_headers(client))
    assert response.status_code == 201, response.text
    agent: dict[str, Any] = response.json()
    return agent


def login(client: TestClient, username: str, password: str = PASSWORD) -> dict[str, Any]:
    response = client.post("/api/v1/auth/login", json={"username": username, "password": password})
    assert response.status_code == 200, response.text
    tokens: dict[str, Any] = response.json()
    return tokens


def bearer(tokens: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens['access_token']}"}


def staff(client: TestClient, username: str, **kwargs: Any) -> dict[str, str]:
    """A new agent's Authorization header."""
    make_agent(client, username, **kwargs)
    return bearer(login(client, username))


def chat(client: TestClient, text: str, session: tuple[str, str] | None = None, brand: str = "heine") -> dict[str, Any]:
    body: dict[str, Any] = {"brand": brand, "message": text}
    if session:
        body["session_id"], body["session_token"] = session
    response = client.post("/api/v1/chat", json=body)
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    return answer


def escalate(client: TestClient, text: str = COMPLAINT, brand: str = "heine") -> tuple[str, str]:
    """A new conversation escalated by the customer's first message; (session_id, session_token)."""
    answer = chat(client, text, brand=brand)
    assert answer["escalation_required"], answer
    return answer["session_id"], answer["session_token"]


def history(client: TestClient, session: tuple[str, str]) -> list[dict[str, Any]]:
    response = client.get(f"/api/v1/sessions/{session[0]}/history", headers={"Authorization": f"Bearer {session[1]}"})
    assert response.status_code == 200, response.text
    messages: list[dict[str, Any]] = response.json()["messages"]
    return messages
