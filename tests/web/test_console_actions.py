"""The console's action queues in headless Chromium against the real server: an exception to the return policy
becomes an approval task, a person approves it with one click, and the customer reads the decision in their
conversation; withdrawals are a list of their own."""

from __future__ import annotations

from typing import Any

import httpx
from playwright.sync_api import Page, expect

from heine_ai.security.tokens import Role
from tests.conftest import StateFactory
from tests.handoff.helpers import PASSWORD
from tests.support.live import live_server
from tests.web.axe import violations
from tests.web.browser import chromium, screenshot_path


def _converse(http: httpx.Client, *texts: str) -> dict[str, Any]:
    session: dict[str, Any] = {}
    for text in texts:
        body: dict[str, Any] = {"brand": "heine", "message": text} | session
        response = http.post("/api/v1/chat", json=body)
        assert response.status_code == 200, response.text
        answer = response.json()
        session = session or {"session_id": answer["session_id"], "session_token": answer["session_token"]}
    return session


def _history(http: httpx.Client, session: dict[str, Any]) -> list[str]:
    headers = {"Authorization": f"Bearer {session['session_token']}"}
    response = http.get(f"/api/v1/sessions/{session['session_id']}/history", headers=headers)
    return [message["content"] for message in response.json()["messages"]]


def _login(page: Page, base: str) -> None:
    page.goto(f"{base}/console")
    page.get_by_label("Benutzername").fill("anna")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page.locator("#agent-name")).to_contain_text("Anna Becker")


def test_an_approval_round_trip_and_the_withdrawals_in_the_console(make_state: StateFactory) -> None:
    state = make_state(ingest=False)
    admin = {"Authorization": f"Bearer {state.tokens.issue('ops', Role.ADMIN)}"}
    with live_server(state) as base, httpx.Client(base_url=base, timeout=30) as http, chromium() as browser:
        agent = {"username": "anna", "display_name": "Anna Becker", "password": PASSWORD, "brands": ["heine"]}
        assert http.post("/api/v1/admin/agents", json=agent, headers=admin).status_code == 201
        _converse(http, "Ich widerrufe meinen Kauf, Bestellung 41000006, PLZ 04109", "Ja")

        page = browser.new_context(locale="de-DE").new_page()
        _login(page, base)
        desk = page.locator("#actions-desk")
        expect(page.locator("#feed-state")).to_have_text("live")
        expect(desk.locator("#actions-empty")).to_be_visible()
        outside = _converse(http, "Ich möchte den Wollmantel zurückschicken, Bestellung 41000002, PLZ 80331", "Ja")
        task = desk.locator("#actions li")  # appears live, without a reload
        expect(task).to_have_count(1)
        expect(task).to_contain_text("Rücksendung")
        expect(task).to_contain_text("Bestellung 41000002 · wartet auf Freigabe · Rückgabefrist abgelaufen")
        assert violations(page) == []
        page.screenshot(path=screenshot_path("console-approvals"), full_page=True)

        approve = task.get_by_role("button", name="genehmigen")
        approve.focus()
        page.keyboard.press("Enter")  # one key press, as one click
        expect(page.get_by_role("status")).to_contain_text("genehmigt: die Kundin oder der Kunde ist informiert.")
        expect(desk.locator("#actions-empty")).to_be_visible()
        expect(page.locator("#actions-title")).to_be_focused()
        told = _history(http, outside)[-1]
        assert "wurde genehmigt" in told

        page.get_by_label("Liste").select_option("withdrawals")
        withdrawal = desk.locator("#actions li")
        expect(withdrawal).to_have_count(1)
        expect(withdrawal).to_contain_text("Widerruf")
        expect(withdrawal).to_contain_text("Bestellung 41000006 · erledigt")
        expect(withdrawal.get_by_role("button")).to_have_count(0)  # a withdrawal needs nobody's approval
        assert violations(page) == []
        page.screenshot(path=screenshot_path("console-withdrawals"), full_page=True)
