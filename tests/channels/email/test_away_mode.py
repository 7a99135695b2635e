"""Away mode: a web chat customer waiting for a person leaves an e-mail address and the conversation goes on by
mail (Chromium, the real server, Dovecot and aiosmtpd).

The widget shows the service hours and the expected wait and offers to continue by e-mail; the staff reply
arrives in the customer's IMAP inbox as a mail they can answer, and their answer lands in the same conversation,
in the console's transcript and in the widget.
"""

from __future__ import annotations

import asyncio

import httpx
from playwright.sync_api import expect

from heine_ai.app_state import AppState
from heine_ai.security.tokens import Role
from tests.channels.email.conftest import Shop
from tests.channels.email.helpers import body, deliver, replies
from tests.handoff.helpers import PASSWORD
from tests.support.live import live_server
from tests.support.mailservers import customer_mail, wait_for
from tests.web.browser import chromium, screenshot_path
from tests.web.test_widget_axe import violations

REPLY = "Ihr Ersatz ist unterwegs und kommt übermorgen an."
ANSWER = "Vielen Dank, dann warte ich auf das Paket."


def _staff(http: httpx.Client, admin: dict[str, str]) -> dict[str, str]:
    agent = {"username": "anna", "display_name": "Anna Becker", "password": PASSWORD, "brands": ["heine"]}
    assert http.post("/api/v1/admin/agents", json=agent, headers=admin).status_code == 201
    login = http.post("/api/v1/auth/login", json={"username": "anna", "password": PASSWORD})
    return {"Authorization": f"Bearer {login.json()['access_token']}"}


def test_a_waiting_chat_continues_by_email_both_ways(email_state: AppState, shop: Shop) -> None:
    asyncio.run(email_state.engine.dispose())  # the live server runs the app on its own event loop
    admin = {"Authorization": f"Bearer {email_state.tokens.issue('ops', Role.ADMIN)}"}
    with live_server(email_state) as base, httpx.Client(base_url=base, timeout=30) as http, chromium() as browser:
        staff = _staff(http, admin)
        page = browser.new_context(locale="de-DE", viewport={"width": 360, "height": 740}).new_page()
        page.goto(f"{base}/")
        page.locator(".hai-launcher").click()
        page.locator("#hai-input").fill("Ich möchte mit einem Mitarbeiter sprechen.")
        page.keyboard.press("Enter")
        expect(page.locator(".hai-root")).to_have_attribute("data-state", "pending_human", timeout=20000)

        away = page.locator(".hai-away")
        expect(away).to_contain_text("Mo–Sa 08:00–20:00 Uhr", timeout=15000)  # the brand's default service hours
        # open or not depends on the clock; the wait (SLA 120 min) is long either way, so the offer comes
        field = page.get_by_label("Ihre E-Mail-Adresse (freiwillig)")
        expect(field).to_be_visible()
        expect(field).to_have_accessible_description(
            "Wir verwenden Ihre Adresse nur, um Ihnen in dieser Unterhaltung zu antworten. Mit dem Absenden willigen "
            "Sie darin ein."
        )
        assert violations(page) == [], "away mode"
        field.fill("keine-adresse")
        page.keyboard.press("Enter")
        expect(away.get_by_role("status")).to_have_text("Bitte geben Sie eine gültige E-Mail-Adresse ein.")
        field.fill(shop.customer)
        page.keyboard.press("Enter")
        saved = away.get_by_text(f"Sie erhalten unsere Antwort auch per E-Mail an {shop.customer}.")
        expect(saved).to_be_focused(timeout=15000)
        page.screenshot(path=screenshot_path("widget-away-mode"))

        session_id = page.evaluate("JSON.parse(localStorage.getItem('heine-ai-chat:heine')).session_id")
        conversation = f"/api/v1/agent/conversations/{session_id}"
        assert http.post(f"{conversation}/claim", headers=staff).status_code == 200
        thread = http.get(f"{conversation}/email", headers=staff).json()  # staff see where the reply goes
        assert thread["address"] == shop.customer
        preview = http.post(f"{conversation}/email-preview", json={"text": REPLY}, headers=staff).json()
        assert preview["to"] == shop.customer and REPLY in preview["text"]
        sent = http.post(f"{conversation}/reply", json={"text": REPLY}, headers=staff)
        assert sent.status_code == 200 and sent.json()["delivered"] is True, sent.text
        expect(page.locator(".hai-agent").filter(has_text="übermorgen")).to_be_visible(timeout=15000)

        wait_for(lambda: len(replies(shop)) == 1, timeout=30, message="the staff reply was not mailed")
        mail = replies(shop)[0]
        assert REPLY in body(mail)
        assert mail["From"].addresses[0].addr_spec == shop.brand_address

        answer = customer_mail(
            shop.customer,
            shop.brand_address,
            f"Re: {mail['Subject']}",
            ANSWER,
            message_id="<away-answer@example.test>",
            in_reply_to=mail["Message-ID"],
        )
        deliver(shop, answer)
        expect(page.locator(".hai-customer").filter(has_text="warte ich auf das Paket")).to_be_visible(timeout=30000)
        transcript = http.get(conversation, headers=staff).json()
        customer_says = [m["content"] for m in transcript["messages"] if m["role"] == "customer"]
        assert customer_says[-1].startswith(ANSWER)
        assert len(replies(shop)) == 1  # a person holds it: the bot did not answer the mail
