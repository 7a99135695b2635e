"""The widget end to end in headless Chromium on a phone-sized screen, keyboard only, against the real server.

Each step saves a screenshot under test-artifacts/widget/.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from tests.channels.chat.conftest import DELIVERY_QUESTION, ChatServer, serve
from tests.conftest import StateFactory
from tests.support.installations import ROOT

ARTIFACTS = ROOT / "test-artifacts" / "widget"
COMPLAINT = "Ich bin sehr unzufrieden, die Jacke kam kaputt an!"

pytest.importorskip("playwright.sync_api")
from playwright.sync_api import Page, expect  # noqa: E402

from tests.web.browser import chromium  # noqa: E402


@pytest.fixture
def shop(make_state: StateFactory) -> Iterator[ChatServer]:
    yield from serve(make_state())


@pytest.fixture
def page() -> Iterator[Page]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 360, "height": 740}, locale="de-DE")
        try:
            yield context.new_page()
        finally:
            context.close()


def snap(page: Page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def ask_by_keyboard(page: Page, text: str) -> None:
    page.keyboard.type(text)
    page.keyboard.press("Enter")


def test_customer_asks_reloads_and_is_handed_over(shop: ChatServer, page: Page) -> None:
    page.goto(shop.base + "/")
    launcher = page.locator(".hai-launcher")
    expect(launcher).to_be_visible()
    page.keyboard.press("Tab")  # keyboard only: the launcher is the first stop on the demo page after the nav
    while not launcher.evaluate("el => el === document.activeElement"):
        page.keyboard.press("Tab")
    assert launcher.evaluate("el => getComputedStyle(el).outlineStyle") != "none"  # visible focus
    page.keyboard.press("Enter")
    expect(page.locator(".hai-panel")).to_be_visible()
    assert page.evaluate("document.activeElement.id") == "hai-input"
    assert page.locator(".hai-log").get_attribute("aria-live") == "polite"
    # EU AI Act Art. 50: the header and the chat's first message say that an AI answers, and how to reach a person
    expect(page.locator(".hai-header .hai-ai-notice")).to_contain_text("KI-Assistent")
    expect(page.locator(".hai-log .hai-msg").first).to_contain_text("mit einem Mitarbeiter sprechen")

    ask_by_keyboard(page, DELIVERY_QUESTION)
    answer = page.locator(".hai-assistant").filter(has=page.locator(".hai-sources"))
    expect(answer).to_have_count(1, timeout=20000)
    expect(answer).to_contain_text("Werktag")
    link = answer.locator("a[href='/service/lieferung']")
    expect(link).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # nothing sticks out on a phone
    snap(page, "01-answer-with-source")

    page.reload()
    expect(page.locator(".hai-panel")).to_be_visible()  # open again, with the history of the session
    expect(page.locator(".hai-customer")).to_have_count(1, timeout=15000)
    expect(page.locator(".hai-customer")).to_contain_text(DELIVERY_QUESTION)
    expect(page.locator(".hai-sources a[href='/service/lieferung']")).to_have_count(1)
    snap(page, "02-history-after-reload")

    page.locator("#hai-input").focus()
    ask_by_keyboard(page, COMPLAINT)
    status = page.locator(".hai-status.hai-handover")
    expect(status).to_be_visible(timeout=20000)
    expect(status).to_contain_text("Kollege oder eine Kollegin")
    expect(page.locator(".hai-root")).to_have_attribute("data-state", "pending_human")
    snap(page, "03-handed-over")

    stored = json.loads(page.evaluate("localStorage.getItem('heine-ai-chat:heine')"))
    shop.call(shop.agent_reply(stored["session_id"], "Guten Tag, das tut mir leid. Ich kümmere mich sofort darum."))
    agent = page.locator(".hai-agent")
    expect(agent).to_contain_text("Ich kümmere mich sofort darum", timeout=15000)
    expect(agent.locator(".hai-who")).to_have_text("Anna Schmidt")  # the agent's display name
    snap(page, "04-agent-message")

    page.keyboard.press("Escape")
    expect(page.locator(".hai-panel")).to_be_hidden()
    assert launcher.evaluate("el => el === document.activeElement")


@pytest.fixture
def flaky_shop(make_state: StateFactory) -> Iterator[ChatServer]:
    """The server drops every connection that is silent for 1.5 s, as a flaky mobile network would."""
    yield from serve(make_state(ws_idle_timeout=1.5))


def test_dropped_connections_resume_without_losing_or_doubling(flaky_shop: ChatServer, page: Page) -> None:
    sockets: list[object] = []
    page.on("websocket", lambda socket: sockets.append(socket))
    page.goto(flaky_shop.base + "/")
    page.locator(".hai-launcher").click()
    ask_by_keyboard(page, DELIVERY_QUESTION)
    expect(page.locator(".hai-sources")).to_have_count(1, timeout=20000)
    stored = json.loads(page.evaluate("localStorage.getItem('heine-ai-chat:heine')"))

    page.wait_for_timeout(2500)  # the connection is dropped meanwhile and the widget reconnects
    flaky_shop.call(flaky_shop.agent_reply(stored["session_id"], "Haben Sie noch eine Frage?"))
    expect(page.locator(".hai-agent")).to_contain_text("Haben Sie noch eine Frage?", timeout=15000)
    page.wait_for_timeout(4000)  # more drops and resumes

    assert len(sockets) >= 3  # it really reconnected
    expect(page.locator(".hai-agent")).to_have_count(1)  # exactly once
    expect(page.locator(".hai-customer")).to_have_count(1)
    expect(page.locator(".hai-sources")).to_have_count(1)
    snap(page, "05-after-reconnects")
