"""The agent console in headless Chromium against the real server: login, live queue, claim, reply, hand back.

The customer side speaks the REST chat API here (the widget has its own two-browser test); what the customer
gets is checked through the session history.
"""

from __future__ import annotations

from typing import Any

import httpx
from playwright.sync_api import Page, expect

from heine_ai.security.tokens import Role
from tests.conftest import StateFactory
from tests.handoff.helpers import COMPLAINT, PASSWORD
from tests.support.live import live_server
from tests.web.axe import violations
from tests.web.browser import chromium, screenshot_path

REPLY = "Guten Tag, hier ist Anna Becker. Das tut mir leid – ich schicke Ihnen heute noch einen Ersatz."


def _customer(http: httpx.Client, text: str, session: dict[str, Any] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"brand": "heine", "message": text}
    if session:
        body |= {"session_id": session["session_id"], "session_token": session["session_token"]}
    response = http.post("/api/v1/chat", json=body)
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    return answer


def _history(http: httpx.Client, session: dict[str, Any]) -> list[dict[str, Any]]:
    headers = {"Authorization": f"Bearer {session['session_token']}"}
    messages: list[dict[str, Any]] = http.get(
        f"/api/v1/sessions/{session['session_id']}/history", headers=headers
    ).json()["messages"]
    return messages


def _login(page: Page, base: str) -> None:
    page.goto(f"{base}/console")
    assert violations(page) == []  # the login form
    expect(page.get_by_label("Benutzername")).to_be_focused()
    page.keyboard.type("anna")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Passwort")).to_be_focused()
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")  # submits the form: the whole login works by keyboard
    expect(page.locator("#agent-name")).to_contain_text("Anna Becker")
    expect(page.locator("#feed-state")).to_have_text("live")
    expect(page.locator("#queue-title")).to_be_focused()  # not BODY: a screen reader starts at the queue
    assert violations(page) == []  # the workspace


def test_console_claim_reply_hand_back(make_state: StateFactory) -> None:
    state = make_state()
    admin = {"Authorization": f"Bearer {state.tokens.issue('ops', Role.ADMIN)}"}
    with live_server(state) as base, httpx.Client(base_url=base, timeout=30) as http, chromium() as browser:
        agent = {"username": "anna", "display_name": "Anna Becker", "password": PASSWORD, "brands": ["heine"]}
        assert http.post("/api/v1/admin/agents", json=agent, headers=admin).status_code == 201
        page = browser.new_context(locale="de-DE").new_page()
        _login(page, base)
        expect(page.locator("#queue-empty")).to_be_visible()

        session = _customer(http, COMPLAINT)  # the ticket appears live, without a reload
        ticket = page.locator("#queue button").first
        expect(ticket).to_contain_text("hoch")
        expect(ticket).to_contain_text("40123456")
        page.screenshot(path=screenshot_path("console-queue"), full_page=True)

        ticket.focus()
        assert ticket.evaluate("el => getComputedStyle(el).outlineStyle") != "none"  # visible focus
        page.keyboard.press("Enter")
        expect(page.locator("#conversation-title")).to_be_focused()
        expect(page.locator("#messages li").first).to_contain_text(COMPLAINT)
        page.get_by_role("button", name="Übernehmen").click()
        expect(page.get_by_role("status")).to_have_text("Unterhaltung übernommen.")
        expect(page.locator("#messages")).to_contain_text("Anna Becker aus unserem Kundenservice")

        page.get_by_label("Antwort an die Kundin oder den Kunden").fill(REPLY)
        page.get_by_role("button", name="Antwort senden").click()
        expect(page.get_by_role("status")).to_have_text("Antwort gesendet.")
        agent_messages = [m for m in _history(http, session) if m["role"] == "agent"]
        assert [m["content"] for m in agent_messages] == [REPLY]

        silent = _customer(http, "Vielen Dank! Wann kommt der Ersatz?", session)
        assert silent["response"] == ""  # the bot stays silent beside the agent
        expect(page.locator("#messages li.customer").last).to_contain_text("Wann kommt der Ersatz?")
        page.screenshot(path=screenshot_path("console-conversation"), full_page=True)

        page.get_by_role("button", name="An den Bot zurückgeben").click()
        expect(page.get_by_role("status")).to_have_text("An den Bot zurückgegeben.")
        answer = _customer(http, "Wie lange habe ich Zeit, einen Artikel zurückzuschicken?", session)
        assert answer["response"] and not answer["escalation_required"]
        expect(page.locator("#messages li.assistant").last.locator(".sources a").first).to_contain_text("Rücksendung")
        page.screenshot(path=screenshot_path("console-handed-back"), full_page=True)
        assert page.evaluate("document.querySelectorAll('[aria-live]').length") == 2


def test_console_refuses_a_wrong_password(make_state: StateFactory) -> None:
    state = make_state(ingest=False)
    with live_server(state) as base, chromium() as browser:
        page = browser.new_page()
        page.goto(f"{base}/console")
        page.get_by_label("Benutzername").fill("anna")
        page.get_by_label("Passwort").fill("falsch")
        page.get_by_role("button", name="Anmelden").click()
        expect(page.get_by_role("alert")).to_have_text("Benutzername oder Passwort ist falsch.")
        expect(page.locator("#workspace")).to_be_hidden()
