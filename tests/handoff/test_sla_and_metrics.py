"""SLA breaches are counted once and audited; the hand-off metrics move as a person would expect."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import update

from heine_ai.app_state import AppState
from heine_ai.db.models import Ticket, utcnow
from heine_ai.handoff.inbox import QueueFilter
from heine_ai.messages import Channel, InboundMessage
from heine_ai.security.tokens import Role
from tests.conftest import admin_headers
from tests.handoff.helpers import COMPLAINT, PASSWORD, escalate, staff


async def _escalated(state: AppState, text: str = COMPLAINT) -> str:
    reply = await state.assistant.handle(InboundMessage("heine", Channel.API, text))
    assert reply.escalation_required
    return reply.session_id


def _sample(state: AppState, name: str, **labels: str) -> float:
    return state.metrics.registry.get_sample_value(name, labels) or 0.0


async def test_sla_breach_is_counted_once_and_audited(empty_state: AppState) -> None:
    state = empty_state
    await state.handoff.accounts.create("anna", "Anna", PASSWORD, Role.AGENT, ["heine"])
    anna = await state.handoff.staff.actor((await state.handoff.accounts.login("anna", PASSWORD)).access_token)
    late, on_time = await _escalated(state), await _escalated(state, "Ich möchte mit einem Mitarbeiter sprechen.")
    async with state.sessions() as session, session.begin():
        await session.execute(
            update(Ticket).where(Ticket.conversation_id == late).values(sla_due_at=utcnow() - timedelta(minutes=1))
        )
    assert await state.handoff.inbox.sla_sweep() == 1
    assert await state.handoff.inbox.sla_sweep() == 0  # once only
    assert _sample(state, "handoff_sla_breaches_total", brand="heine", priority="high") == 1
    overdue = await state.handoff.inbox.queue(anna, QueueFilter(overdue=True))
    assert [t.conversation_id for t in overdue] == [late] and overdue[0].sla_breached
    normal = await state.handoff.inbox.queue(anna, QueueFilter(priority="normal"))
    assert [t.conversation_id for t in normal] == [on_time]
    view = await state.handoff.inbox.conversation(anna, late)
    assert [a.action for a in view.audit] == ["opened", "sla_breached"] and view.audit[1].actor == "system"


async def test_first_reply_and_hand_back_metrics(empty_state: AppState) -> None:
    state = empty_state
    await state.handoff.accounts.create("anna", "Anna", PASSWORD, Role.AGENT, ["heine"])
    pair = await state.handoff.accounts.login("anna", PASSWORD)
    anna = await state.handoff.staff.actor(pair.access_token)
    conversation_id = await _escalated(state)
    assert (await state.handoff.inbox.refresh_gauge()) == {("heine", "high"): 1}
    assert _sample(state, "handoff_open_tickets", brand="heine", priority="high") == 1
    await state.handoff.service.claim(anna, conversation_id)
    await state.handoff.service.reply(anna, conversation_id, "Guten Tag, ich kümmere mich darum.")
    await state.handoff.service.reply(anna, conversation_id, "Der Ersatz ist unterwegs.")
    assert _sample(state, "handoff_first_reply_seconds_count", brand="heine", priority="high") == 1  # the first only
    await state.handoff.service.hand_back(anna, conversation_id)
    assert _sample(state, "handoff_hand_backs_total", brand="heine") == 1
    assert (await state.handoff.inbox.refresh_gauge()) == {}
    assert _sample(state, "handoff_open_tickets", brand="heine", priority="high") == 0
    stats = await state.handoff.inbox.stats()
    assert stats.hand_backs == 1 and stats.average_first_reply_seconds is not None
    assert stats.open_tickets == {"high": 0, "normal": 0, "low": 0}


def test_health_and_prometheus_report_the_handoff(light_client: TestClient) -> None:
    client = light_client
    anna = staff(client, "anna")
    session = escalate(client)
    health = client.get("/api/v1/admin/health", headers=admin_headers(client)).json()["metrics"]["handoff"]
    assert health["open_tickets"]["high"] == 1 and health["average_first_reply_seconds_24h"] is None
    client.post(f"/api/v1/agent/conversations/{session[0]}/claim", headers=anna)
    client.post(f"/api/v1/agent/conversations/{session[0]}/reply", json={"text": "Guten Tag!"}, headers=anna)
    client.post(f"/api/v1/agent/conversations/{session[0]}/handback", headers=anna)
    health = client.get("/api/v1/admin/health", headers=admin_headers(client)).json()["metrics"]["handoff"]
    assert health["open_tickets"]["high"] == 0 and health["hand_backs_24h"] == 1
    assert health["average_first_reply_seconds_24h"] is not None
    text = client.get("/metrics").text
    assert 'handoff_hand_backs_total{brand="heine"} 1.0' in text
    assert 'handoff_first_reply_seconds_count{brand="heine",priority="high"} 1.0' in text
    assert 'handoff_open_tickets{brand="heine",priority="high"} 0.0' in text
