"""heine-ai backup and restore: a conversation written on one installation is read back, decrypted, from a
fresh one restored from the backup and its separately kept keys (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from heine_ai.app import create_app
from heine_ai.cli import app
from heine_ai.config import load_settings
from tests.support.installations import BRANDS
from tests.support.postgres import postgres_database, url_of

runner = CliRunner()
MESSAGE = "Meine Bestellung mit der Nummer 4711 ist noch nicht angekommen."
PAGE = "---\ntitle: Lieferung\nurl: /l\n---\n# Lieferung\n\nDie Lieferung dauert 2 bis 4 Werktage.\n"


def use_installation(monkeypatch: pytest.MonkeyPatch, root: Path, database_url: str) -> None:
    monkeypatch.setenv("CONFIG_FILE", str(root / "absent.yaml"))
    monkeypatch.setenv("DATA_DIR", str(root / "data"))
    monkeypatch.setenv("BRANDS_DIR", str(BRANDS))
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("VECTOR_STORE_PATH", str(root / "vectors"))
    monkeypatch.setenv("KEYS_DIR", str(root / "keys"))
    for name in ("ENCRYPTION_KEY", "LOOKUP_HASH_KEY", "JWT_SECRET_KEY", "REDIS_URL", "ENVIRONMENT"):
        monkeypatch.delenv(name, raising=False)  # the keys live in KEYS_DIR, as on a single machine


def invoke(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(params=["sqlite", "postgres"])
def two_databases(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """The original installation's database and an empty one to restore into."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'a' / 'heine.db'}", f"sqlite:///{tmp_path / 'b' / 'heine.db'}"
        return
    with postgres_database() as original, postgres_database() as fresh:
        yield url_of(original), url_of(fresh)


def test_restore_into_a_fresh_directory_reads_the_conversation_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, two_databases: tuple[str, str]
) -> None:
    original, fresh = two_databases
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "lieferung.md").write_text(PAGE)
    use_installation(monkeypatch, tmp_path / "a", original)
    invoke("db", "upgrade")
    invoke("ingest", "heine", str(kb))
    with TestClient(create_app(settings=load_settings())) as client:
        chat = client.post("/api/v1/chat", json={"brand": "heine", "message": MESSAGE}).json()
    key = (tmp_path / "a" / "keys" / "encryption.key").read_text().strip()

    refused = runner.invoke(app, ["backup", str(tmp_path / "backup"), "--keys-to", str(tmp_path / "backup" / "k")])
    assert refused.exit_code == 2 and "apart from the backup" in refused.output
    invoke("backup", str(tmp_path / "backup"), "--keys-to", str(tmp_path / "keys"))
    for part in (tmp_path / "backup").iterdir():  # neither the key nor the message in plain text
        # the message by its words: a dump's catalog lists object ids as text, and "4711" alone is one by chance
        data = part.read_bytes()
        assert key.encode() not in data and b"mit der Nummer 4711" not in data and b"nicht angekommen" not in data

    use_installation(monkeypatch, tmp_path / "b", fresh)
    output = invoke("restore", str(tmp_path / "backup"), "--keys-from", str(tmp_path / "keys"))
    assert "1 knowledge documents to index again" in output
    assert "1 added" in invoke("ingest", "heine", str(kb))  # the vector store is rebuilt, not skipped
    with TestClient(create_app(settings=load_settings())) as client:
        history = client.get(
            f"/api/v1/sessions/{chat['session_id']}/history",
            headers={"Authorization": f"Bearer {chat['session_token']}"},
        )
        answer = client.post("/api/v1/chat", json={"brand": "heine", "message": "Wie lange dauert die Lieferung?"})
    assert history.status_code == 200, history.text
    assert history.json()["messages"][0]["content"] == MESSAGE
    assert answer.json()["sources"][0]["url"] == "/l"

    again = runner.invoke(app, ["restore", str(tmp_path / "backup")])
    assert again.exit_code == 2 and "--replace" in again.output  # an existing database is never overwritten silently
