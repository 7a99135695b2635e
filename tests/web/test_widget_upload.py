"""A customer's image from the widget reaches the console, in headless Chromium against one real server.

The customer attaches a photo with the widget's attach button: it shows at once and is marked sent; the bot
cannot look at it, so the conversation goes to the staff, and the agent in the console sees the ticket, the file
message and the file, and downloads exactly the bytes sent. A text file named like an image is refused with a
notice and stored nowhere.
"""

from __future__ import annotations

import httpx
from playwright.sync_api import Page, expect

from heine_ai.security.tokens import Role
from tests.conftest import StateFactory
from tests.handoff.helpers import PASSWORD
from tests.support.images import png
from tests.support.live import live_server
from tests.web.browser import chromium, screenshot_path


def _agent_logs_in(page: Page, base: str) -> None:
    page.goto(f"{base}/console")
    page.get_by_label("Benutzername").fill("anna")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page.locator("#feed-state")).to_have_text("live")


def test_an_image_from_the_widget_reaches_the_console(make_state: StateFactory) -> None:
    state = make_state()
    image = png()
    admin = {"Authorization": f"Bearer {state.tokens.issue('ops', Role.ADMIN)}"}
    with live_server(state) as base, chromium() as browser:
        agent = {"username": "anna", "display_name": "Anna Becker", "password": PASSWORD, "brands": ["heine"]}
        assert httpx.post(f"{base}/api/v1/admin/agents", json=agent, headers=admin, timeout=30).status_code == 201
        console = browser.new_context(locale="de-DE").new_page()
        _agent_logs_in(console, base)

        customer = browser.new_context(locale="de-DE", viewport={"width": 360, "height": 740}).new_page()
        customer.goto(f"{base}/")
        customer.locator(".hai-launcher").click()
        expect(customer.locator(".hai-root")).to_have_attribute("data-connection", "online", timeout=15000)
        expect(customer.get_by_role("button", name="Bild oder PDF anhängen")).to_be_visible()

        picker = customer.locator(".hai-form input[type='file']")
        fake = {"name": "rechnung.png", "mimeType": "image/png", "buffer": b"kein Bild, nur Text"}
        picker.set_input_files(fake)  # the server checks the first bytes, not the name
        notice = customer.locator(".hai-notice").filter(has_text="Bitte senden Sie ein Bild")
        expect(notice).to_have_count(1, timeout=15000)
        expect(customer.locator(".hai-customer")).to_have_count(0)

        picker.set_input_files({"name": "schaden.png", "mimeType": "image/png", "buffer": image})
        bubble = customer.locator(".hai-customer").filter(has_text="📎 schaden.png")
        expect(bubble.locator(".hai-delivery")).to_have_text("gesendet", timeout=15000)
        expect(customer.locator(".hai-root")).to_have_attribute("data-state", "pending_human", timeout=15000)
        customer.screenshot(path=screenshot_path("widget-upload"))

        ticket = console.locator("#queue button").first  # the file went to the staff: a ticket appears live
        expect(ticket).to_be_visible(timeout=15000)
        ticket.click()
        expect(console.locator("#messages li.customer")).to_contain_text(["📎 schaden.png"])
        download = console.get_by_role("button", name="schaden.png herunterladen")
        expect(download).to_be_visible()
        console.screenshot(path=screenshot_path("console-widget-upload"), full_page=True)
        with console.expect_download() as info:
            download.click()
        saved = info.value.path()
        with open(saved, "rb") as handle:
            assert handle.read() == image
        session_id = customer.evaluate("JSON.parse(localStorage.getItem('heine-ai-chat:heine')).session_id")
        login = httpx.post(f"{base}/api/v1/auth/login", json={"username": "anna", "password": PASSWORD}, timeout=30)
        staff = {"Authorization": f"Bearer {login.json()['access_token']}"}
        listed = httpx.get(f"{base}/api/v1/agent/conversations/{session_id}/attachments", headers=staff, timeout=30)
        files = [(f["filename"], f["content_type"], f["size"], f["refused"]) for f in listed.json()]
        assert files == [("schaden.png", "image/png", len(image), None)]  # the refused fake left nothing
