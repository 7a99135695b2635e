"""The keys, attacked as the review did (issue 19, finding 6): a copy of the data directory, an old key removed
after a rotation, a ten-year operator token, a JWT secret change."""

from __future__ import annotations

import asyncio
import shutil
import threading
import time
from pathlib import Path
from typing import Any

import jwt
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from typer.testing import CliRunner

from heine_ai.app import create_app
from heine_ai.app_state import AppState
from heine_ai.cli import app as cli
from heine_ai.db.models import Conversation, Customer, MailRecord
from heine_ai.errors import ConfigError
from heine_ai.lifespan import build_state
from heine_ai.security.crypto import Cipher, new_fernet_key
from heine_ai.security.tokens import Role
from heine_ai.text import subject_lookup_value
from tests.conftest import StateFactory
from tests.handoff.helpers import COMPLAINT, history
from tests.support.embedder import MemoEmbedder

runner = CliRunner()
MARKER = "Kundennummer K-8817 Zebra-Sonnenschirm"


def _chat(client: TestClient, text: str, customer_id: str | None = None) -> tuple[str, str]:
    body: dict[str, Any] = {"brand": "heine", "message": text}
    if customer_id:
        body["customer_id"] = customer_id
    answer = client.post("/api/v1/chat", json=body)
    assert answer.status_code == 200, answer.text
    return answer.json()["session_id"], answer.json()["session_token"]


def _customers(client: TestClient) -> int:
    state: AppState = client.app.state.heine  # type: ignore[attr-defined]

    async def count() -> int:
        async with state.sessions() as session:
            return int(await session.scalar(select(func.count()).select_from(Customer)) or 0)

    return int(client.portal.call(count))  # type: ignore[union-attr]


def test_a_copy_of_the_data_directory_decrypts_nothing(
    make_state: StateFactory, embedder: MemoEmbedder, tmp_path: Path
) -> None:
    """Development keys live in KEYS_DIR (the user's config folder), not in data/: a copy of data/ carries no key,
    and a service started on it stops with the fix instead of answering 500s."""
    data, keys = tmp_path / "data", tmp_path / "home" / ".config" / "heine-ai"
    no_keys = {"encryption_key": None, "jwt_secret_key": None, "lookup_hash_key": None}
    places = {"data_dir": data, "database_url": f"sqlite:///{data / 'heine_ai.db'}"}
    data.mkdir()
    state = make_state(ingest=False, keys_dir=keys, **places, **no_keys)
    with TestClient(create_app(state)) as client:
        _chat(client, f"Guten Tag, {MARKER}", customer_id="K-8817")
    assert sorted(path.name for path in keys.iterdir()) == ["encryption.key", "jwt.secret", "lookup.key"]
    secrets = [(keys / name).read_text().strip().encode() for name in ("encryption.key", "jwt.secret", "lookup.key")]
    copied = [path for path in data.rglob("*") if path.is_file()]
    assert copied and not any(secret in path.read_bytes() for path in copied for secret in secrets)
    assert not any(MARKER.encode() in path.read_bytes() for path in copied)

    stolen = tmp_path / "elsewhere"
    shutil.copytree(data, stolen / "data")
    thief = make_state(
        ingest=False,
        keys_dir=stolen / "keys",
        data_dir=stolen / "data",
        database_url=f"sqlite:///{stolen / 'data' / 'heine_ai.db'}",
        **no_keys,
    )
    with (
        pytest.raises(ConfigError, match="ENCRYPTION_KEY does not decrypt the stored data"),
        TestClient(create_app(thief)),
    ):
        pass


def test_keys_an_earlier_version_left_in_the_data_directory_are_moved_out(
    make_settings: Any, embedder: MemoEmbedder, tmp_path: Path
) -> None:
    legacy = tmp_path / "data" / "keys"
    legacy.mkdir(parents=True)
    key = new_fernet_key()
    (legacy / "encryption.key").write_text(key + "\n")
    settings = make_settings(data_dir=tmp_path / "data", keys_dir=tmp_path / "cfg", encryption_key=None)
    state = build_state(settings, embedder=embedder)
    assert not (legacy / "encryption.key").exists()
    assert (tmp_path / "cfg" / "encryption.key").read_text().strip() == key
    assert (tmp_path / "cfg" / "encryption.key").stat().st_mode & 0o777 == 0o600
    assert not legacy.exists()
    # the old installation's lookup hashes stay valid: its lookup key is the one derived from its key
    assert state.cipher.lookup_hash("K-1") == Cipher(key).lookup_hash("K-1")
    # another installation's legacy key that differs from the one in KEYS_DIR is not silently replaced
    other = tmp_path / "other" / "keys"
    other.mkdir(parents=True)
    (other / "encryption.key").write_text(new_fernet_key() + "\n")
    with pytest.raises(ConfigError, match="hold different keys"):
        build_state(
            make_settings(data_dir=other.parent, keys_dir=tmp_path / "cfg", encryption_key=None), embedder=embedder
        )


def _mails(state: AppState, cipher: Cipher) -> tuple[str, str]:
    """A mail answered in a conversation of a customer known by address, and a flagged mail of no conversation."""

    async def insert() -> tuple[str, str]:
        async with state.sessions() as session, session.begin():
            customer = Customer(
                brand="heine",
                email_hash=cipher.lookup_hash("kundin@example.test"),
                email_enc=cipher.encrypt("kundin@example.test"),
            )
            session.add(customer)
            await session.flush()
            conversation = Conversation(brand="heine", channel="email", customer_id=customer.id)
            session.add(conversation)
            await session.flush()
            rows = [
                MailRecord(
                    brand="heine",
                    message_id=f"<{name}@example.test>",
                    direction="in",
                    conversation_id=conversation_id,
                    state=state_name,
                    sender_hash=cipher.lookup_hash("kundin@example.test"),
                    subject_hash=cipher.lookup_hash(subject_lookup_value("AW: Rücksendung")),
                    subject_enc=cipher.encrypt("AW: Rücksendung"),
                )
                for name, conversation_id, state_name in (("a", conversation.id, "answered"), ("b", None, "flagged"))
            ]
            session.add_all(rows)
            await session.flush()
            ids = rows[0].id, rows[1].id
        await state.engine.dispose()  # its connections belong to this loop
        return ids

    return asyncio.run(insert())


def test_after_a_rotation_the_old_keys_can_go_and_histories_stay_readable(
    make_state: StateFactory, database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The review removed the old key after prepending a new one: old histories and the queue answered 500.
    Now `heine-ai keys rotate` re-encrypts and re-hashes everything while the service runs; then the old keys go."""
    old_key, old_lookup, new_key, new_lookup = (new_fernet_key() for _ in range(4))
    keys = {"database_url": database_url, "ingest": False}
    state = make_state(encryption_key=old_key, lookup_hash_key=old_lookup, **keys)
    with TestClient(create_app(state)) as client:
        sessions = [_chat(client, f"Frage {i}: {MARKER}", customer_id=f"K-{i}") for i in range(6)]
        sessions.append(_chat(client, COMPLAINT, customer_id="K-0"))  # a ticket with its summary
        before = [history(client, session) for session in sessions]
    answered, flagged = _mails(state, Cipher(old_key, old_lookup))

    # removing the old key before the rotation: the start stops with the fix, not 500s later
    too_early = make_state(encryption_key=new_key, lookup_hash_key=new_lookup, **keys)
    with pytest.raises(ConfigError, match="ENCRYPTION_KEY does not decrypt"), TestClient(create_app(too_early)):
        pass

    # the new keys in front; the service serves while the rotation runs in batches of two
    both = {"encryption_key": f"{new_key},{old_key}", "lookup_hash_key": f"{new_lookup},{old_lookup}"}
    for name, value in {**both, "DATABASE_URL": database_url, "KEYS_DIR": str(tmp_path / "k")}.items():
        monkeypatch.setenv(name.upper(), value)
    monkeypatch.setenv("CONFIG_FILE", str(tmp_path / "absent.yaml"))
    serving = make_state(**both, **keys)
    with TestClient(create_app(serving)) as client:
        result: dict[str, Any] = {}
        rotation = threading.Thread(
            target=lambda: result.update(out=runner.invoke(cli, ["keys", "rotate", "--batch-size", "2"]))
        )
        rotation.start()
        during = []
        while rotation.is_alive() or not during:
            during.append(_chat(client, "Wie lange dauert der Versand?", customer_id="K-1"))
        rotation.join()
        assert result["out"].exit_code == 0, result["out"].output
        assert "0 unreadable" in result["out"].output
        sessions += during
        assert history(client, sessions[0]) == before[0]
    status = runner.invoke(cli, ["keys", "status"])
    assert status.exit_code == 0 and status.output.splitlines()[-1].startswith("0 values to rewrite"), status.output
    # the flagged mail's sender hash stays: no stored value tells its sender (said, not hidden)
    assert "email_messages.sender_hash:kept\t1" in status.output

    after = make_state(encryption_key=new_key, lookup_hash_key=new_lookup, **keys)
    with TestClient(create_app(after)) as client:
        assert [history(client, session) for session in sessions[:7]] == before
        assert all(history(client, session) for session in sessions[7:])
        customers = _customers(client)
        _chat(client, "Noch eine Frage", customer_id="K-3")  # found by the re-hashed number: no second row
        assert _customers(client) == customers

    async def mail_hashes() -> dict[str, tuple[str | None, str | None]]:
        async with after.sessions() as session:
            rows = await session.execute(select(MailRecord.id, MailRecord.sender_hash, MailRecord.subject_hash))
            found = {row[0]: (row[1], row[2]) for row in rows}
        await after.engine.dispose()  # its connections belong to this loop
        return found

    hashes = asyncio.run(mail_hashes())
    new = Cipher(new_key, new_lookup)
    assert hashes[answered] == (
        new.lookup_hash("kundin@example.test"),
        new.lookup_hash(subject_lookup_value("Rücksendung")),
    )
    assert hashes[flagged][1] == new.lookup_hash(subject_lookup_value("Rücksendung"))


def test_operator_tokens_are_capped_and_a_ten_year_token_is_refused(sqlite_client: TestClient) -> None:
    state: AppState = sqlite_client.app.state.heine  # type: ignore[attr-defined]
    secret = state.settings.jwt_secret_key
    assert secret is not None
    now = int(time.time())
    ten_years = jwt.encode(
        {"sub": "operator", "role": "admin", "iat": now, "exp": now + 10 * 365 * 86400, "typ": "access"}, secret
    )
    refused = sqlite_client.get("/api/v1/admin/agents", headers={"Authorization": f"Bearer {ten_years}"})
    assert refused.status_code == 401
    day = state.tokens.issue("operator", Role.ADMIN, expire_seconds=24 * 3600)
    assert sqlite_client.get("/api/v1/admin/agents", headers={"Authorization": f"Bearer {day}"}).status_code == 200
    # a staff token is never longer than JWT_EXPIRE_MINUTES
    staff = state.tokens.issue("a1", Role.ADMIN, agent_id="a1", brands=["heine"], expire_seconds=24 * 3600)
    assert sqlite_client.get("/api/v1/admin/agents", headers={"Authorization": f"Bearer {staff}"}).status_code == 401


def test_the_token_command_refuses_a_lifetime_beyond_the_cap(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CONFIG_FILE", str(tmp_path / "absent.yaml"))
    monkeypatch.setenv("JWT_SECRET_KEY", "s" * 40)
    monkeypatch.setenv("KEYS_DIR", str(tmp_path / "keys"))
    ten_years = runner.invoke(cli, ["token", "--minutes", str(10 * 365 * 24 * 60)])
    assert ten_years.exit_code == 2 and "OPERATOR_TOKEN_MAX_HOURS" in ten_years.output
    assert runner.invoke(cli, ["token", "--minutes", str(24 * 60)]).exit_code == 0


def test_tokens_of_the_previous_jwt_secret_are_accepted_during_a_change(make_state: StateFactory) -> None:
    old, new = "alter-schluessel-" + "o" * 32, "neuer-schluessel-" + "n" * 32
    before = make_state(ingest=False, jwt_secret_key=old)
    token = before.tokens.issue("operator", Role.ADMIN)
    changing = make_state(ingest=False, jwt_secret_key=new, jwt_previous_secret_key=old)
    with TestClient(create_app(changing)) as client:
        assert client.get("/api/v1/admin/agents", headers={"Authorization": f"Bearer {token}"}).status_code == 200
        fresh = changing.tokens.issue("operator", Role.ADMIN)
        assert jwt.decode(fresh, new, algorithms=["HS256"])["sub"] == "operator"  # signed with the new one only
    changed = make_state(ingest=False, jwt_secret_key=new)
    with TestClient(create_app(changed)) as client:
        assert client.get("/api/v1/admin/agents", headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_keys_status_names_values_no_key_reads_and_the_legacy_lookup_key_fits(
    make_state: StateFactory, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    key = new_fernet_key()
    state = make_state(ingest=False, encryption_key=key, lookup_hash_key=None)
    with TestClient(create_app(state)) as client:
        _chat(client, "Guten Tag", customer_id="K-77")
    monkeypatch.setenv("CONFIG_FILE", str(tmp_path / "absent.yaml"))
    monkeypatch.setenv("KEYS_DIR", str(tmp_path / "k"))
    monkeypatch.setenv("DATABASE_URL", state.settings.database_url)
    monkeypatch.setenv("ENCRYPTION_KEY", key)
    monkeypatch.setenv("JWT_SECRET_KEY", "j" * 40)
    legacy = runner.invoke(cli, ["keys", "legacy-lookup-key"]).output.strip()
    assert Cipher(key, legacy).lookup_hash("K-77") == state.cipher.lookup_hash("K-77")
    assert runner.invoke(cli, ["keys", "status"]).exit_code == 0
    monkeypatch.setenv("ENCRYPTION_KEY", new_fernet_key())  # the old key forgotten
    status = runner.invoke(cli, ["keys", "status"])
    assert status.exit_code == 1 and "messages.content_enc:unreadable\t2" in status.output, status.output
