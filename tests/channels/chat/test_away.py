"""Away mode's API against a real server: service hours and the expected wait from the ticket's SLA, and the
e-mail address refused where it cannot be used (no mailbox, no consent, not an address, another session)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import update

from heine_ai.config.handoff import HandoffConfig
from heine_ai.db.models import Ticket
from tests.channels.chat.conftest import ChatServer, open_client


async def _session(server: ChatServer, text: str | None = None) -> tuple[str, dict[str, str]]:
    client = await open_client(server)
    ready = await client.hello()
    if text:
        await client.send({"type": "message", "text": text, "client_id": "c0ffee00c0ffee00"})
        await client.until("escalated")
    await client.socket.close()
    return ready["session_id"], {"Authorization": f"Bearer {ready['session_token']}"}


def test_service_hours_follow_the_brand_time_zone() -> None:
    hours = HandoffConfig(timezone="Europe/Berlin", hours={"mon": "08:00-20:00"})
    assert hours.is_open(datetime(2026, 12, 7, 7, 30, tzinfo=UTC))  # Monday 08:30 in Berlin
    assert not hours.is_open(datetime(2026, 12, 7, 6, 30, tzinfo=UTC))  # 07:30 in Berlin
    assert not hours.is_open(datetime(2026, 12, 8, 12, 0, tzinfo=UTC))  # Tuesday: no hours


async def test_the_wait_is_the_tickets_sla_and_email_needs_a_mailbox(chat_server: ChatServer) -> None:
    session_id, auth = await _session(chat_server, "Ich möchte mit einem Mitarbeiter sprechen.")
    other_id, other_auth = await _session(chat_server)
    async with httpx.AsyncClient(base_url=chat_server.base, timeout=30) as http:
        waiting = await http.get(f"/api/v1/sessions/{session_id}/waiting", headers=auth)
        assert waiting.status_code == 200, waiting.text
        wait = waiting.json()
        sla = chat_server.state.brands["heine"].handoff.sla_minutes["normal"]
        assert 0 < wait["wait_minutes"] <= sla  # due within the SLA of a human request
        assert wait["hours"]["mon"] == "08:00-20:00" and "sun" not in wait["hours"]
        assert wait["long_wait"] is True  # over 30 minutes, or outside the hours
        assert (wait["email_offered"], wait["email_following"]) == (False, False)  # this brand has no mailbox

        no_ticket = (await http.get(f"/api/v1/sessions/{other_id}/waiting", headers=other_auth)).json()
        assert no_ticket["wait_minutes"] == sla

        follow = f"/api/v1/sessions/{session_id}/email"
        address = {"address": "kundin@example.test", "consent": True}
        cases = [
            (auth, address, 409, "email_not_available"),
            (auth, {"address": "kundin@example.test"}, 422, "validation_error"),
            (auth, {"address": "kundin@example.test", "consent": False}, 422, "validation_error"),
            (auth, {"address": "keine adresse", "consent": True}, 422, "validation_error"),
            (other_auth, address, 403, "forbidden"),
            ({}, address, 401, "unauthorized"),
        ]
        for headers, body, status, code in cases:
            response = await http.post(follow, json=body, headers=headers)
            assert (response.status_code, response.json()["error"]["code"]) == (status, code), body
        forbidden = await http.get(f"/api/v1/sessions/{session_id}/waiting", headers=other_auth)
        assert forbidden.status_code == 403

        await chat_server.on_server(_make_overdue(chat_server, session_id))
        late = (await http.get(f"/api/v1/sessions/{session_id}/waiting", headers=auth)).json()
        assert (late["overdue"], late["wait_minutes"], late["long_wait"]) == (True, 0, True)  # late: e-mail offered
        assert wait["overdue"] is False


async def _make_overdue(server: ChatServer, conversation_id: str) -> None:
    async with server.state.sessions() as session, session.begin():
        await session.execute(
            update(Ticket)
            .where(Ticket.conversation_id == conversation_id)
            .values(sla_due_at=datetime.now(UTC) - timedelta(minutes=5))
        )
