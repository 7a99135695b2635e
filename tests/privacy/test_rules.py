"""The privacy rules besides the erasure itself: who may act, restriction of business correspondence, the
retention job, the end of a closed history's readability, and the AI disclosure's version."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml
from cryptography.fernet import Fernet
from fastapi.testclient import TestClient
from sqlalchemy import select, update
from typer.testing import CliRunner

from heine_ai.app import create_app
from heine_ai.cli import app
from heine_ai.config import load_brand
from heine_ai.config.disclosure import disclosure_text, disclosure_version
from heine_ai.db.models import Conversation, Customer, PrivacyEvent, utcnow
from heine_ai.errors import ConfigError
from tests.conftest import StateFactory, admin_headers
from tests.handoff.helpers import COMPLAINT, bearer, chat, escalate, history, login, make_agent, staff
from tests.privacy.conftest import app_state
from tests.support.installations import BRANDS

runner = CliRunner()


def _admin(client: TestClient) -> dict[str, str]:
    make_agent(client, "ada", role="admin", display_name="Ada Admin")
    return bearer(login(client, "ada"))


def _conversation(client: TestClient, conversation_id: str) -> Conversation | None:
    state = app_state(client)

    async def load() -> Conversation | None:
        async with state.sessions() as session:
            return await session.get(Conversation, conversation_id)

    return client.portal.call(load)  # type: ignore[union-attr]


def _retention(client: TestClient, now: datetime) -> dict[tuple[str, str], int]:
    return dict(client.portal.call(app_state(client).retention.run, now))  # type: ignore[union-attr]


def test_only_an_admin_account_acts_on_privacy_requests(client: TestClient) -> None:
    session = chat(client, "Hallo")["session_id"]
    body = {"session_id": session}
    agent = staff(client, "anna")
    assert client.post("/api/v1/admin/privacy/export", json=body).status_code == 401
    refused = client.post("/api/v1/admin/privacy/export", json=body, headers=agent)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "forbidden"
    operator = client.post("/api/v1/admin/privacy/erase", json=body | {"confirm": True}, headers=admin_headers(client))
    assert operator.status_code == 403 and operator.json()["error"]["code"] == "agent_account_required"
    admin = _admin(client)
    for bad in ({}, {"email": ""}, {"session_id": session, "name": "x"}):
        answer = client.post("/api/v1/admin/privacy/export", json=bad, headers=admin)
        assert answer.status_code == 422 and answer.json()["error"]["code"] == "validation_error", bad
    unknown = client.post("/api/v1/admin/privacy/export", json={"email": "niemand@example.test"}, headers=admin)
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "privacy_subject_not_found"
    assert _conversation(client, session) is not None  # the refused erasure changed nothing


def test_a_complaint_is_restricted_until_its_legal_period_ends(client: TestClient) -> None:
    session = escalate(client, COMPLAINT)
    anna = staff(client, "anna")
    base = f"/api/v1/agent/conversations/{session[0]}"
    assert client.post(f"{base}/claim", headers=anna).status_code == 200
    assert client.post(f"{base}/resolve", json={}, headers=anna).status_code == 200
    admin = _admin(client)

    erased = client.post("/api/v1/admin/privacy/erase", json={"session_id": session[0], "confirm": True}, headers=admin)
    assert erased.status_code == 200, erased.text
    receipt = erased.json()
    until = datetime(utcnow().year + 7, 1, 1, tzinfo=UTC)  # six years after the end of this year
    assert receipt["deleted"] == {}
    assert receipt["restricted"]["conversations"] == 1
    assert datetime.fromisoformat(receipt["restricted"]["until"]) == until
    assert "HGB §257" in receipt["restricted"]["reason"]

    # hidden from the customer and from staff, kept for the legal period (the admin's export still shows it)
    reading = client.get(f"/api/v1/sessions/{session[0]}/history", headers={"Authorization": f"Bearer {session[1]}"})
    assert reading.status_code == 403
    assert client.get(base, headers=anna).status_code == 404
    assert client.get(f"/api/v1/sessions/{session[0]}/history", headers=anna).status_code == 404
    resolved = client.get("/api/v1/agent/queue?status=resolved", headers=anna).json()
    assert session[0] not in {ticket["conversation_id"] for ticket in resolved}
    kept = client.post("/api/v1/admin/privacy/export", json={"session_id": session[0]}, headers=admin).json()
    assert kept["conversations"][0]["restricted_until"] is not None
    assert "unzufrieden" in kept["conversations"][0]["messages"][0]["text"]

    assert _retention(client, until - timedelta(days=1)) == {}
    assert _retention(client, until + timedelta(days=1)) == {("heine", "restricted"): 1}
    assert _conversation(client, session[0]) is None
    metrics = client.get("/metrics").text
    assert 'privacy_retention_deleted_total{brand="heine",type="restricted"} 1.0' in metrics


def test_the_retention_job_deletes_each_kind_after_its_period(client: TestClient) -> None:
    bot_only = chat(client, "Hallo", brand="heine")["session_id"]
    with_customer = client.post("/api/v1/chat", json={"brand": "heine", "message": "Hallo", "customer_id": "K-1"})
    assert with_customer.status_code == 200
    handled = escalate(client, "Ich möchte mit einem Mitarbeiter sprechen.")
    complaint = escalate(client, COMPLAINT)
    anna = staff(client, "anna")
    for session in (handled, complaint):
        base = f"/api/v1/agent/conversations/{session[0]}"
        assert client.post(f"{base}/claim", headers=anna).status_code == 200
        assert client.post(f"{base}/resolve", json={}, headers=anna).status_code == 200
    now = utcnow()

    assert _retention(client, now + timedelta(days=10)) == {}
    assert _retention(client, now + timedelta(days=91)) == {("heine", "bot_conversation"): 2, ("*", "customer"): 1}
    assert _conversation(client, bot_only) is None
    assert _conversation(client, handled[0]) is not None
    assert _retention(client, now + timedelta(days=3 * 365 + 1)) == {("heine", "closed_ticket"): 1}
    assert _conversation(client, handled[0]) is None
    assert _conversation(client, complaint[0]) is not None  # business correspondence: six years
    later = datetime(now.year + 7, 1, 1, tzinfo=UTC) + timedelta(days=1)
    assert _retention(client, later) == {("heine", "closed_ticket"): 1}
    assert _conversation(client, complaint[0]) is None

    state = app_state(client)

    async def leftovers() -> tuple[int, list[PrivacyEvent]]:
        async with state.sessions() as session:
            customers = len(list(await session.scalars(select(Customer))))
            return customers, list(await session.scalars(select(PrivacyEvent)))

    customers, events = client.portal.call(leftovers)  # type: ignore[union-attr]
    assert customers == 0
    assert [e.action for e in events] == ["retention"] * 3 and all(e.actor == "retention" for e in events)


def test_a_closed_history_is_no_longer_readable_after_the_period(make_state: StateFactory) -> None:
    state = make_state(ingest=False, closed_history_days=30)
    with TestClient(create_app(state)) as client:
        session = escalate(client, "Ich möchte mit einem Mitarbeiter sprechen.")
        anna = staff(client, "anna")
        base = f"/api/v1/agent/conversations/{session[0]}"
        client.post(f"{base}/claim", headers=anna)
        assert client.post(f"{base}/resolve", json={}, headers=anna).status_code == 200
        assert len(history(client, session)) >= 2  # just closed: still readable

        async def closed_long_ago(days: int) -> None:
            async with state.sessions() as db, db.begin():
                when = utcnow() - timedelta(days=days)
                await db.execute(update(Conversation).where(Conversation.id == session[0]).values(closed_at=when))

        client.portal.call(closed_long_ago, 29)  # type: ignore[union-attr]
        assert len(history(client, session)) >= 2
        client.portal.call(closed_long_ago, 31)  # type: ignore[union-attr]
        expired = client.get(
            f"/api/v1/sessions/{session[0]}/history", headers={"Authorization": f"Bearer {session[1]}"}
        )
        assert expired.status_code == 410 and expired.json()["error"]["code"] == "history_expired"
        assert client.get(f"/api/v1/sessions/{session[0]}/history", headers=anna).status_code == 200  # staff: yes


def test_the_disclosure_version_is_stored_with_each_conversation(client: TestClient) -> None:
    state = app_state(client)
    brand = state.brands["heine"]
    conversation = _conversation(client, chat(client, "Hallo")["session_id"])
    assert conversation is not None
    assert conversation.disclosure_version == disclosure_version(brand.widget.ai_notice)
    assert len(conversation.disclosure_version) == 12
    assert disclosure_version(disclosure_text(brand, "email")) != conversation.disclosure_version


def test_the_cli_exports_and_erases(cli_env: Path, make_state: StateFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    key = Fernet.generate_key().decode()
    monkeypatch.setenv("ENCRYPTION_KEY", key)  # the commands read the same data as the app wrote
    state = make_state(database_url=f"sqlite:///{cli_env / 'data' / 'db.sqlite'}", ingest=False, encryption_key=key)
    with TestClient(create_app(state)) as client:
        answer = client.post("/api/v1/chat", json={"brand": "heine", "message": "Hallo Welt", "customer_id": "K-CLI-1"})
        assert answer.status_code == 200
    output = cli_env / "auskunft.json"
    exported = runner.invoke(app, ["privacy", "export", "--customer-id", "K-CLI-1", "--output", str(output)])
    assert exported.exit_code == 0, exported.output
    assert output.stat().st_mode & 0o077 == 0  # the person's data: readable by its owner only
    document = json.loads(output.read_text(encoding="utf-8"))
    assert document["customers"][0]["customer_id"] == "K-CLI-1"
    assert document["conversations"][0]["messages"][0]["text"] == "Hallo Welt"
    declined = runner.invoke(app, ["privacy", "erase", "--customer-id", "K-CLI-1"], input="n\n")
    assert declined.exit_code == 1  # asked, declined: nothing erased
    erased = runner.invoke(app, ["privacy", "erase", "--customer-id", "K-CLI-1", "--yes"])
    assert erased.exit_code == 0, erased.output
    assert '"conversations": 1' in erased.output
    again = runner.invoke(app, ["privacy", "export", "--customer-id", "K-CLI-1"])
    assert again.exit_code == 2 and "Nothing is held" in again.output
    none = runner.invoke(app, ["privacy", "erase", "--yes"])
    assert none.exit_code == 2 and "--customer-id" in none.output
    assert "deleted 0" in runner.invoke(app, ["privacy", "retention"]).output.splitlines()


def test_the_service_runs_the_retention_job_on_its_own(make_state: StateFactory) -> None:
    state = make_state(ingest=False, retention_interval=0.2)
    with TestClient(create_app(state)) as client:
        old = chat(client, "Hallo")["session_id"]
        recent = chat(client, "Hallo")["session_id"]

        async def age(conversation_id: str, days: int) -> None:
            async with state.sessions() as db, db.begin():
                when = utcnow() - timedelta(days=days)
                values = {"last_activity_at": when, "created_at": when}
                await db.execute(update(Conversation).where(Conversation.id == conversation_id).values(**values))

        client.portal.call(age, old, 91)  # type: ignore[union-attr]
        deadline = time.monotonic() + 60
        while _conversation(client, old) is not None:
            assert time.monotonic() < deadline, "the retention job did not run"
            time.sleep(0.1)
        assert _conversation(client, recent) is not None
        assert (
            'privacy_retention_deleted_total{brand="heine",type="bot_conversation"} 1.0' in client.get("/metrics").text
        )


def test_a_brand_sets_its_retention_and_a_mistake_names_the_field(tmp_path: Path) -> None:
    data = yaml.safe_load((BRANDS / "heine.yaml").read_text(encoding="utf-8"))
    data["retention"] = {"bot_conversation_days": 30, "legal_hold_reasons": ["complaint"]}
    (tmp_path / "heine.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    retention = load_brand(tmp_path / "heine.yaml").retention
    assert (retention.bot_conversation_days, retention.closed_ticket_days) == (30, 1095)
    assert retention.legal_hold_until(datetime(2026, 3, 1, tzinfo=UTC)) == datetime(2033, 1, 1, tzinfo=UTC)
    data["retention"] = {"bot_conversation_days": 0}
    (tmp_path / "heine.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"retention\.bot_conversation_days"):
        load_brand(tmp_path / "heine.yaml")
