"""The rating in the widget, in headless Chromium: asked when staff close the conversation, given by keyboard.

A customer escalates on the demo shop page, an agent answers and resolves through the agent API; the widget asks
for a rating, the customer chooses 4 with the arrow keys and writes a comment; staff find it on the conversation
(what the console shows), and axe finds nothing in the prompt or after it.
"""

from __future__ import annotations

import json

import httpx
import pytest

from tests.channels.chat.conftest import ChatServer
from tests.channels.chat.test_handoff_events import agent_headers

pytest.importorskip("playwright.sync_api")
pytest.importorskip("axe_playwright_python", reason="axe-playwright-python (bundles axe-core) is missing")
from playwright.sync_api import Page, expect

from tests.web.browser import screenshot_path
from tests.web.test_widget_axe import violations

COMMENT = "Schnelle und freundliche Hilfe."


async def _answer_and_resolve(shop: ChatServer, conversation_id: str) -> dict[str, str]:
    async with httpx.AsyncClient(base_url=shop.base, timeout=30) as http:
        staff = await agent_headers(shop, http)
        conversation = f"/api/v1/agent/conversations/{conversation_id}"
        assert (await http.post(f"{conversation}/claim", headers=staff)).status_code == 200
        reply = {"text": "Ich habe Ihnen den Ersatz geschickt."}
        assert (await http.post(f"{conversation}/reply", json=reply, headers=staff)).status_code == 200
        assert (await http.post(f"{conversation}/resolve", headers=staff)).status_code == 200
        return staff


async def _as_staff(shop: ChatServer, conversation_id: str, staff: dict[str, str]) -> dict[str, object]:
    async with httpx.AsyncClient(base_url=shop.base, timeout=30) as http:
        response = await http.get(f"/api/v1/agent/conversations/{conversation_id}", headers=staff)
        assert response.status_code == 200, response.text
        view: dict[str, object] = response.json()
        return view


def test_the_customer_rates_a_closed_conversation_by_keyboard(shop: ChatServer, page: Page) -> None:
    page.goto(shop.base + "/")
    page.locator(".hai-launcher").click()
    page.locator("#hai-input").fill("Ich möchte mit einem Mitarbeiter sprechen.")
    page.keyboard.press("Enter")
    expect(page.locator(".hai-root")).to_have_attribute("data-state", "pending_human", timeout=20000)
    stored = json.loads(page.evaluate("localStorage.getItem('heine-ai-chat:heine')"))
    conversation_id = stored["session_id"]
    expect(page.locator(".hai-rating")).to_have_count(0)

    staff = shop.call(_answer_and_resolve(shop, conversation_id))
    prompt = page.locator(".hai-rating")
    expect(prompt).to_be_visible(timeout=15000)
    group = page.get_by_role("group", name="Wie zufrieden sind Sie mit unserem Kundenservice?")
    expect(group).to_have_accessible_description("1 = gar nicht zufrieden, 5 = sehr zufrieden")
    expect(group.get_by_role("radio")).to_have_count(5)
    assert violations(page) == [], "rating prompt"

    page.get_by_role("button", name="Bewertung senden").focus()
    page.keyboard.press("Enter")  # nothing chosen yet: it says so and nothing is stored
    expect(prompt.get_by_role("status")).to_have_text("Bitte wählen Sie eine Zahl von 1 bis 5.")
    expect(group.get_by_role("radio", name="1")).to_be_focused()
    assert shop.call(_as_staff(shop, conversation_id, staff))["rating"] is None

    for _ in range(3):
        page.keyboard.press("ArrowRight")  # a radio group: the arrow keys move and choose
    expect(group.get_by_role("radio", name="4")).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Möchten Sie uns noch etwas mitteilen? (freiwillig)")).to_be_focused()
    page.keyboard.type(COMMENT)
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Bewertung senden")).to_be_focused()
    page.keyboard.press("Enter")
    thanks = page.locator(".hai-log").get_by_text("Vielen Dank für Ihre Bewertung!")
    expect(thanks).to_be_focused(timeout=15000)
    expect(prompt).to_have_count(0)
    assert violations(page) == [], "after rating"
    page.screenshot(path=screenshot_path("widget-rating"))

    rating = shop.call(_as_staff(shop, conversation_id, staff))["rating"]
    assert isinstance(rating, dict)
    assert (rating["score"], rating["comment"], rating["with_person"]) == (4, COMMENT, True)
