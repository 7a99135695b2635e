"""axe-core (the copy bundled in the ``axe-playwright-python`` package) finds no violation in the widget.

Checked in headless Chromium on the open widget, a conversation with an answer and its sources, an escalation and
the closed widget with an unread badge, with every rule axe runs by default (WCAG 2.x A and AA, best practices).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.channels.chat.conftest import DELIVERY_QUESTION, ChatServer

pytest.importorskip("playwright.sync_api")
axe_package = pytest.importorskip("axe_playwright_python", reason="axe-playwright-python (bundles axe-core) is missing")
from playwright.sync_api import Page, Route, expect  # noqa: E402

AXE = Path(axe_package.__file__).parent / "axe.min.js"


def violations(page: Page) -> list[dict[str, Any]]:
    """axe's violations inside the widget, each as rule id, impact and the offending elements."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    found: list[dict[str, Any]] = page.evaluate("async () => (await axe.run('.hai-root')).violations")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]} for v in found]


def test_the_widget_has_no_axe_violations(shop: ChatServer, page: Page) -> None:
    page.goto(shop.base + "/")
    page.locator(".hai-launcher").click()
    expect(page.locator(".hai-root")).to_have_attribute("data-connection", "online", timeout=15000)
    assert violations(page) == [], "open widget"

    page.locator("#hai-input").fill(DELIVERY_QUESTION)
    page.keyboard.press("Enter")
    expect(page.locator(".hai-sources")).to_have_count(1, timeout=20000)
    expect(page.locator(".hai-customer .hai-delivery")).to_have_text("gesendet")
    assert violations(page) == [], "conversation"

    page.locator("#hai-input").fill("Ich möchte mit einem Mitarbeiter sprechen.")
    page.keyboard.press("Enter")
    expect(page.locator(".hai-root")).to_have_attribute("data-state", "pending_human", timeout=20000)
    assert violations(page) == [], "escalation"

    page.keyboard.press("Escape")
    stored = json.loads(page.evaluate("localStorage.getItem('heine-ai-chat:heine')"))
    shop.call(shop.agent_reply(stored["session_id"], "Guten Tag, ich bin gleich für Sie da."))
    expect(page.locator(".hai-badge")).to_have_text("1", timeout=15000)
    assert violations(page) == [], "closed with an unread badge"


def test_focus_stays_in_the_open_panel(shop: ChatServer, page: Page) -> None:
    page.goto(shop.base + "/")
    page.locator(".hai-launcher").click()
    expect(page.locator("#hai-input")).to_be_focused()
    for _ in range(8):
        page.keyboard.press("Tab")
        assert page.evaluate("!!document.activeElement.closest('.hai-panel')")
    for _ in range(8):
        page.keyboard.press("Shift+Tab")
        assert page.evaluate("!!document.activeElement.closest('.hai-panel')")
    close = page.locator(".hai-close").bounding_box()
    assert close is not None and close["width"] >= 24 and close["height"] >= 24


def test_the_widget_shows_only_once_its_styles_are_in(shop: ChatServer, page: Page) -> None:
    """On a slow network an unstyled launcher would flash in the shop's page with buttons too small to hit."""
    held: list[Route] = []
    page.route("**/widget.css", lambda route: held.append(route))
    page.goto(shop.base + "/", wait_until="domcontentloaded")
    expect(page.locator(".hai-root")).to_have_count(1, timeout=15000)
    assert held, "the stylesheet was requested"
    expect(page.locator(".hai-launcher")).to_be_hidden()
    held[0].continue_()
    expect(page.locator(".hai-launcher")).to_be_visible(timeout=15000)
    page.locator(".hai-launcher").click()
    close = page.locator(".hai-close").bounding_box()
    assert close is not None and close["width"] >= 24 and close["height"] >= 24
