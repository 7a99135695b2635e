"""Customer and agent in two browser contexts against one real server.

The customer escalates in the widget on the demo shop page; the agent logs into the console, sees the ticket
appear, claims it and replies; the customer sees the reply with the agent's name live; the agent hands back and
the bot answers the customer's next question with its source again.
"""

from __future__ import annotations

import httpx
from playwright.sync_api import Page, expect

from heine_ai.security.tokens import Role
from tests.conftest import StateFactory
from tests.handoff.helpers import PASSWORD
from tests.support.live import live_server
from tests.web.browser import chromium, screenshot_path

COMPLAINT = "Ich bin sehr unzufrieden, die Jacke aus Bestellung 40123456 kam kaputt an!"
REPLY = "Guten Tag, hier ist Anna Becker. Ich schicke Ihnen sofort einen Ersatz."
QUESTION = "Wie lange dauert die Lieferung?"


def _customer_asks(page: Page, text: str) -> None:
    page.locator("#hai-input").fill(text)
    page.keyboard.press("Enter")


def _agent_logs_in(page: Page, base: str) -> None:
    page.goto(f"{base}/console")
    page.get_by_label("Benutzername").fill("anna")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page.locator("#feed-state")).to_have_text("live")


def test_widget_customer_and_console_agent(make_state: StateFactory) -> None:
    state = make_state()
    admin = {"Authorization": f"Bearer {state.tokens.issue('ops', Role.ADMIN)}"}
    with live_server(state) as base, chromium() as browser:
        agent = {"username": "anna", "display_name": "Anna Becker", "password": PASSWORD, "brands": ["heine"]}
        assert httpx.post(f"{base}/api/v1/admin/agents", json=agent, headers=admin, timeout=30).status_code == 201
        console = browser.new_context(locale="de-DE").new_page()
        _agent_logs_in(console, base)

        customer = browser.new_context(locale="de-DE", viewport={"width": 390, "height": 800}).new_page()
        customer.goto(f"{base}/")
        customer.locator(".hai-launcher").click()
        expect(customer.locator(".hai-panel")).to_be_visible()
        _customer_asks(customer, COMPLAINT)
        expect(customer.locator(".hai-status.hai-handover")).to_be_visible(timeout=20000)

        ticket = console.locator("#queue button").first  # appears live in the console
        expect(ticket).to_contain_text("Beschwerde", timeout=15000)
        ticket.click()
        console.get_by_role("button", name="Übernehmen").click()
        expect(console.get_by_role("status")).to_have_text("Unterhaltung übernommen.")
        console.get_by_label("Antwort an die Kundin oder den Kunden").fill(REPLY)
        console.get_by_role("button", name="Antwort senden").click()

        reply = customer.locator(".hai-agent").filter(has_text="sofort einen Ersatz")
        expect(reply).to_be_visible(timeout=15000)
        expect(reply.locator(".hai-who")).to_have_text("Anna Becker")
        customer.screenshot(path=screenshot_path("widget-agent-reply"))
        console.screenshot(path=screenshot_path("console-widget-conversation"), full_page=True)

        console.get_by_role("button", name="An den Bot zurückgeben").click()
        expect(console.get_by_role("status")).to_have_text("An den Bot zurückgegeben.")
        expect(customer.locator(".hai-root")).to_have_attribute("data-state", "bot", timeout=15000)
        _customer_asks(customer, QUESTION)
        answer = customer.locator(".hai-assistant").filter(has=customer.locator(".hai-sources")).last
        expect(answer).to_contain_text("Werktag", timeout=20000)
        expect(console.locator("#messages li.assistant").last).to_contain_text("Werktag")
        customer.screenshot(path=screenshot_path("widget-bot-again"))
