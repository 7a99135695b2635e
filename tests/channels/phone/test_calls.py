"""Whole calls over real HTTP in the provider's webhook format: answers, follow-ups, order status by voice, a
transfer, a callback outside service hours, a hang-up mid-turn, and requests with bad signatures."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import httpx
from sqlalchemy import select

from heine_ai.app_state import AppState
from heine_ai.db.models import Conversation, PhoneCall
from heine_ai.security.tokens import Role
from tests.channels.phone.conftest import CALLER, HOTLINE, NUMBER, spoken


def _metric(state: AppState, name: str, **labels: str) -> float:
    return state.metrics.registry.get_sample_value(name, labels) or 0.0


def _console(client: httpx.Client, base: str, state: AppState, conversation_id: str) -> dict[str, Any]:
    """The conversation as an agent of the brand sees it in the console (history, ticket, audit)."""
    admin = {"Authorization": f"Bearer {state.tokens.issue('tester', Role.ADMIN)}"}
    body = {"username": "anna", "display_name": "Anna", "password": "a-long-password-1", "role": "agent"}
    created = client.post(f"{base}/api/v1/admin/agents", json={**body, "brands": ["heine"]}, headers=admin)
    assert created.status_code in (201, 409), created.text
    login = client.post(f"{base}/api/v1/auth/login", json={"username": "anna", "password": "a-long-password-1"})
    headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
    view = client.get(f"{base}/api/v1/agent/conversations/{conversation_id}", headers=headers)
    assert view.status_code == 200, view.text
    result: dict[str, Any] = view.json()
    return result


def _call_row(state: AppState, call_sid: str) -> tuple[PhoneCall, Conversation]:
    async def read() -> tuple[PhoneCall, Conversation]:
        async with state.sessions() as session:
            call = await session.get(PhoneCall, call_sid)
            assert call is not None
            conversation = (
                await session.execute(select(Conversation).where(Conversation.id == call.conversation_id))
            ).scalar_one()
            return call, conversation

    return asyncio.run(read())


def test_a_question_and_a_follow_up_are_answered_for_the_ear(phone_app: Any) -> None:
    state, new_call = phone_app()
    call = new_call()
    greeting = call.start()
    said = spoken(greeting)
    assert "künstliche Intelligenz" in said and "heine" in said  # the AI disclosure comes first
    assert "nicht aufgezeichnet" in said  # and whether the call is recorded
    gather = greeting.find("Gather")
    assert gather is not None
    assert gather.get("input") == "speech dtmf" and gather.get("language") == "de-DE"
    assert gather.get("bargeIn") == "true"

    answer = spoken(call.say("Was kostet die Expresslieferung?"))
    assert "sieben Euro fünfundneunzig" in answer
    assert "€" not in answer and "http" not in answer and "„" not in answer
    assert "Seite" in answer  # the source is named in words
    assert call.next_action is not None  # the call goes on

    follow_up = spoken(call.say("Wie lange dauert die Lieferung?"))
    assert "Werktage" in follow_up
    again = spoken(call.say("und nach Österreich?"))
    assert "drei bis fünf Werktage" in again

    goodbye = call.say("Danke, das war alles. Auf Wiederhören!")
    assert goodbye.find("Hangup") is not None and goodbye.find("Gather") is None
    assert "Auf Wiederhören" in spoken(goodbye)
    assert call.hang_up().status_code == 204
    row, conversation = _call_row(state, call.call_sid)
    assert conversation.channel == "phone" and conversation.status == "closed"
    assert row.caller_enc is not None and CALLER not in row.caller_enc  # the number is stored encrypted
    assert state.cipher.decrypt(row.caller_enc) == CALLER
    assert _metric(state, "phone_calls_total", brand="heine", event="answered") == 1
    assert _metric(state, "phone_call_duration_seconds_count", brand="heine", outcome="completed") == 1
    with httpx.Client() as client:
        console = _console(client, call.base, state, row.conversation_id)
    customer = [m["content"] for m in console["messages"] if m["role"] == "customer"]
    assert customer[:3] == [
        "Was kostet die Expresslieferung?",
        "Wie lange dauert die Lieferung?",
        "und nach Österreich?",
    ]
    assert len([m for m in console["messages"] if m["role"] == "assistant"]) == 4


def test_order_status_by_voice_and_keypad(phone_app: Any) -> None:
    _state, new_call = phone_app()
    call = new_call()
    call.start()
    asked = spoken(call.say("Wo ist meine Bestellung?"))
    assert "Bestellnummer" in asked and "Tastatur" in asked  # the keypad is offered for the digits
    postcode = spoken(call.press("40345678#"))
    assert "Postleitzahl" in postcode
    status = spoken(call.say("fünf null sechs sechs sieben"))
    assert "zugestellt" in status
    assert "vier null drei vier fünf sechs sieben acht" in status  # the order number read digit by digit


def test_a_request_for_a_person_is_put_through_within_service_hours(phone_app: Any) -> None:
    state, new_call = phone_app()
    call = new_call()
    call.start()
    twiml = call.say("Ich möchte bitte mit einem Mitarbeiter sprechen.")
    dial = twiml.find("Dial")
    assert dial is not None and dial.get("callerId") == NUMBER
    assert [number.text for number in dial.iter("Number")] == [HOTLINE]
    assert "verbinde" in spoken(twiml)
    assert _metric(state, "phone_calls_total", brand="heine", event="transferred") == 1
    assert call.hang_up().status_code == 204
    row, conversation = _call_row(state, call.call_sid)
    assert row.state == "transferred" and conversation.status == "pending_human"  # the ticket stays open


def test_an_escalation_outside_service_hours_leaves_a_callback_ticket(phone_app: Any) -> None:
    state, new_call = phone_app(hours={})  # never open
    call = new_call()
    call.start()
    twiml = call.say("Ich will sofort einen Menschen sprechen!")
    assert twiml.find("Dial") is None and twiml.find("Hangup") is not None
    assert "zurück" in spoken(twiml)
    assert call.hang_up().status_code == 204
    row, conversation = _call_row(state, call.call_sid)
    assert conversation.status == "pending_human"
    with httpx.Client() as client:
        console = _console(client, call.base, state, row.conversation_id)
    assert console["ticket"] is not None and console["ticket"]["status"] == "open"
    notes = [entry["note"] for entry in console["audit"] if entry["action"] == "note"]
    assert notes == [f"Rückruf erbeten unter {CALLER}."]
    assert _metric(state, "phone_calls_total", brand="heine", event="callback") == 1


def test_a_hang_up_in_the_middle_of_a_turn_closes_the_conversation_cleanly(phone_app: Any) -> None:
    state, new_call = phone_app()
    call = new_call()
    call.start()
    results: dict[str, int] = {}

    def speak() -> None:
        assert call.next_action is not None
        params = {"CallSid": call.call_sid, "From": CALLER, "SpeechResult": "Wie lange dauert die Lieferung?"}
        results["speech"] = call.post(call.next_action, params).status_code

    speaker = threading.Thread(target=speak)
    speaker.start()
    results["status"] = call.hang_up().status_code  # the caller hangs up while the turn may be running
    speaker.join(timeout=120)
    assert results["status"] == 204
    row, conversation = _call_row(state, call.call_sid)
    assert row.ended_at is not None and conversation.status == "closed"

    async def roles() -> list[str]:
        async with state.sessions() as session:
            messages = await state.conversations.history(session, row.conversation_id, 10)
            return [m.role for m in messages]

    # the turn ran to its end before the close, or the call had ended when the speech result came (410, nothing
    # stored): never half a turn
    expected = {200: ["customer", "assistant"], 410: []}
    assert asyncio.run(roles()) == expected[results["speech"]]
    after = call.say("Hallo?")  # a late webhook of the ended call
    assert after.find("Hangup") is not None and after.find("Gather") is None
    assert call.hang_up().status_code == 204  # a repeated status callback counts nothing twice
    assert _metric(state, "phone_call_duration_seconds_count", brand="heine", outcome="abandoned") == 1


def test_unsigned_and_wrongly_signed_webhooks_are_refused(phone_app: Any) -> None:
    state, new_call = phone_app()
    call = new_call()
    params = {"CallSid": call.call_sid, "From": CALLER, "To": NUMBER, "CallStatus": "ringing"}
    path = "/api/v1/phone/heine/voice"
    missing = call.post(path, params, signature=None)
    assert missing.status_code == 403 and missing.json()["error"]["code"] == "invalid_signature"
    wrong = call.post(path, params, signature="bm90IHRoZSBzaWduYXR1cmU=")
    assert wrong.status_code == 403
    call.token = "another-account-token"
    assert call.post(path, params).status_code == 403
    assert _metric(state, "phone_webhooks_rejected_total", brand="heine") == 3
    assert _metric(state, "phone_calls_total", brand="heine", event="started") == 0
    call.token = "phone-test-auth-token-0123456789"
    call.start()
    assert call.next_action is not None
    tampered = call.post(call.next_action, {"CallSid": call.call_sid, "SpeechResult": "x"}, signature="sign")
    assert tampered.status_code == 200  # correctly signed: answered
    forged = dict(params, SpeechResult="Ich will einen Menschen")
    signed = call.post(call.next_action, params).request.headers["X-Twilio-Signature"]
    assert call.post(call.next_action, forged, signature=signed).status_code == 403  # a parameter was changed
    unknown = call.post("/api/v1/phone/nobrand/voice", params)
    assert unknown.status_code == 404
