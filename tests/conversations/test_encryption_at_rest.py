"""Stored messages and customer data are ciphertext on disk: neither the SQLite file nor a pg_dump shows them."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from heine_ai.app import create_app
from tests.support.servers import require

SECRET_TEXT = "Meine Bestellnummer ist 40999111 und ich wohne in der Geheimstraße 7"
CUSTOMER_ID = "kunde-geheim-0815"


def _talk(client: TestClient) -> str:
    response = client.post("/api/v1/chat", json={"brand": "heine", "message": SECRET_TEXT, "customer_id": CUSTOMER_ID})
    assert response.status_code == 200
    reply: str = response.json()["response"]
    return reply


def test_sqlite_file_holds_no_plaintext(make_state: Any) -> None:
    state = make_state()
    with TestClient(create_app(state)) as client:
        reply = _talk(client)
    database = Path(state.settings.database_url.removeprefix("sqlite:///"))
    raw = b"".join(p.read_bytes() for p in database.parent.glob(database.name + "*"))  # includes the WAL file
    assert b"conversations" in raw  # we are looking at the right file
    for plaintext in (SECRET_TEXT, "40999111", "Geheimstra", CUSTOMER_ID, reply[:40]):
        assert plaintext.encode() not in raw, plaintext


def test_postgres_dump_holds_no_plaintext(make_state: Any, migrated_postgres_url: str) -> None:
    require(shutil.which("pg_dump") is not None, "pg_dump is not installed")
    state = make_state(database_url=migrated_postgres_url)
    with TestClient(create_app(state)) as client:
        reply = _talk(client)
    dump = subprocess.run(["pg_dump", migrated_postgres_url], capture_output=True, check=True).stdout
    assert b"COPY public.messages" in dump
    for plaintext in (SECRET_TEXT, "40999111", "Geheimstra", CUSTOMER_ID, reply[:40]):
        assert plaintext.encode() not in dump, plaintext
