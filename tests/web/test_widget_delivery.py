"""The widget's delivery in headless Chromium: sending, sent, retry across a stalled network, and the unread badge.

The page's WebSocket goes through a real TCP proxy that stalls and drops (``tests/support/flaky_proxy.py``); the
page itself and the widget's assets are served straight from the app, so a stall hits only the chat connection.
The widget runs with short heartbeat timings (its ``data-`` attributes) so a dead connection shows in seconds.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import httpx
import pytest

from tests.channels.chat.conftest import DELIVERY_QUESTION, ChatServer, serve
from tests.channels.chat.test_handoff_events import agent_headers
from tests.conftest import StateFactory
from tests.support.flaky_proxy import ProxyThread, proxy_thread
from tests.support.installations import ROOT

ARTIFACTS = ROOT / "test-artifacts" / "widget"
PAYMENT_QUESTION = "Welche Zahlungsarten gibt es?"
SHOP_PAGE = """<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Demo-Shop</title></head>
<body><main><h1>Demo-Shop</h1></main>
<script src="/widget.js" data-brand="heine" data-ping-interval="1" data-pong-timeout="1.5" data-send-timeout="3"
 defer></script></body></html>"""

pytest.importorskip("playwright.sync_api")
from playwright.sync_api import Page, Route, expect  # noqa: E402

from tests.web.browser import chromium  # noqa: E402


@pytest.fixture
def shop(make_state: StateFactory) -> Iterator[ChatServer]:
    yield from serve(make_state())


@pytest.fixture
def proxy(shop: ChatServer) -> Iterator[ProxyThread]:
    with proxy_thread(int(shop.base.rsplit(":", 1)[1])) as running:
        yield running


@pytest.fixture
def page(shop: ChatServer, proxy: ProxyThread) -> Iterator[Page]:
    """A shop page on the proxy's origin; its HTTP requests go straight to the app, its WebSocket through the proxy."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def straight(route: Route) -> None:
        path = route.request.url[len(proxy.base) :]
        if path == "/shop":
            route.fulfill(body=SHOP_PAGE, content_type="text/html; charset=utf-8")
        else:
            route.fulfill(response=route.fetch(url=shop.base + path))

    # a page Playwright serves counts as public to Chromium, which then refuses its socket to a loopback port
    with chromium("--disable-features=LocalNetworkAccessChecks") as browser:
        context = browser.new_context(viewport={"width": 360, "height": 740}, locale="de-DE")
        context.route(proxy.base + "/**", straight)
        try:
            tab = context.new_page()
            tab.goto(proxy.base + "/shop")
            yield tab
        finally:
            context.close()


def ask(page: Page, text: str) -> None:
    page.locator("#hai-input").fill(text)
    page.keyboard.press("Enter")


def session_of(page: Page) -> dict[str, object]:
    stored: dict[str, object] = json.loads(page.evaluate("localStorage.getItem('heine-ai-chat:heine')"))
    return stored


def stored_roles(shop: ChatServer, conversation_id: str) -> list[tuple[str, str]]:
    transcript = shop.call(shop.state.conversations.transcript(conversation_id, None, staff_brands=["heine"]))
    return [(m.role, m.content) for m in transcript.messages]


def test_a_message_typed_in_a_stall_shows_sending_survives_a_reload_and_is_sent_once(
    shop: ChatServer, proxy: ProxyThread, page: Page
) -> None:
    page.locator(".hai-launcher").click()
    ask(page, DELIVERY_QUESTION)
    first = page.locator(".hai-customer").first
    expect(first.locator(".hai-delivery")).to_have_text("gesendet", timeout=20000)
    expect(page.locator(".hai-sources")).to_have_count(1, timeout=20000)
    conversation_id = str(session_of(page)["session_id"])

    proxy.stall()  # a tunnel: the socket stays open, nothing passes
    ask(page, PAYMENT_QUESTION)
    second = page.locator(".hai-customer").nth(1)
    expect(second).to_contain_text(PAYMENT_QUESTION)  # shown at once
    expect(second.locator(".hai-delivery")).to_have_text("wird gesendet …")
    expect(page.locator(".hai-root")).to_have_attribute("data-connection", "offline", timeout=15000)
    expect(page.locator(".hai-status")).to_contain_text("Keine Verbindung")
    expect(second.locator(".hai-retry")).to_have_text("nicht gesendet – tippen zum Wiederholen", timeout=15000)
    page.screenshot(path=str(ARTIFACTS / "06-not-sent-offline.png"))

    page.reload()  # still stalled: the unsent message is kept in the browser
    pending = page.locator(".hai-customer").filter(has_text=PAYMENT_QUESTION)
    expect(pending).to_have_count(1, timeout=15000)
    expect(pending.locator(".hai-delivery")).to_contain_text("gesendet")  # sending or not sent, never lost

    proxy.drop()  # the stall ends with the old connections gone, as after a cell change
    proxy.resume()
    expect(pending.locator(".hai-delivery")).to_have_text("gesendet", timeout=30000)
    expect(page.locator(".hai-root")).to_have_attribute("data-connection", "online")
    expect(page.locator(".hai-assistant").filter(has_text="Rechnung")).to_have_count(1, timeout=20000)
    page.screenshot(path=str(ARTIFACTS / "07-sent-after-stall.png"))

    customer = [text for role, text in stored_roles(shop, conversation_id) if role == "customer"]
    assert customer == [DELIVERY_QUESTION, PAYMENT_QUESTION]  # stored once each, in order
    expect(page.locator(".hai-customer")).to_have_count(2)
    assert session_of(page)["pending"] == []


def test_tapping_not_sent_sends_it(shop: ChatServer, proxy: ProxyThread, page: Page) -> None:
    page.locator(".hai-launcher").click()
    expect(page.locator(".hai-root")).to_have_attribute("data-connection", "online", timeout=15000)
    proxy.stall()
    ask(page, DELIVERY_QUESTION)
    retry = page.locator(".hai-customer .hai-retry")
    expect(retry).to_be_visible(timeout=15000)
    box = retry.bounding_box()
    assert box is not None and box["height"] >= 24  # a target big enough to tap
    proxy.drop()
    proxy.resume()
    retry.click()
    expect(page.locator(".hai-customer .hai-delivery")).to_have_text("gesendet", timeout=30000)
    expect(page.locator(".hai-sources")).to_have_count(1, timeout=20000)
    conversation_id = str(session_of(page)["session_id"])
    assert [role for role, _ in stored_roles(shop, conversation_id)] == ["customer", "assistant"]


async def _close_by_staff(shop: ChatServer, conversation_id: str) -> None:
    async with httpx.AsyncClient(base_url=shop.base, timeout=30) as http:
        staff = await agent_headers(shop, http)
        conversation = f"/api/v1/agent/conversations/{conversation_id}"
        await http.post(f"{conversation}/claim", headers=staff)
        await http.post(f"{conversation}/reply", json={"text": "Gern geschehen."}, headers=staff)
        assert (await http.post(f"{conversation}/resolve", headers=staff)).status_code == 200


def test_unread_badge_and_title_while_closed_and_five_messages_after_staff_closed(shop: ChatServer, page: Page) -> None:
    page.locator(".hai-launcher").click()
    ask(page, "Ich möchte mit einem Mitarbeiter sprechen.")
    expect(page.locator(".hai-root")).to_have_attribute("data-state", "pending_human", timeout=20000)
    expect(page.locator(".hai-status")).to_contain_text("Kollege oder eine Kollegin")
    conversation_id = str(session_of(page)["session_id"])
    page.keyboard.press("Escape")
    launcher = page.locator(".hai-launcher")
    badge = page.locator(".hai-badge")
    expect(badge).to_be_hidden()

    shop.call(shop.agent_reply(conversation_id, "Guten Tag, ich bin gleich für Sie da."))
    expect(badge).to_have_text("1", timeout=15000)
    assert page.title() == "(1) Demo-Shop"
    expect(launcher).to_have_accessible_name(re.compile(r"^heine Kundenservice\s+1 neue Nachricht$"))
    page.screenshot(path=str(ARTIFACTS / "08-unread-badge.png"))
    shop.call(shop.agent_reply(conversation_id, "Worum geht es?"))
    expect(badge).to_have_text("2", timeout=15000)

    page.reload()  # what was already counted is not counted again, and nothing read is new
    expect(badge).to_have_text("2", timeout=15000)
    launcher.click()
    expect(badge).to_be_hidden()
    assert page.title() == "Demo-Shop"
    page.reload()
    expect(page.locator(".hai-agent")).to_have_count(2, timeout=15000)
    expect(badge).to_be_hidden()

    shop.call(_close_by_staff(shop, conversation_id))  # the conversation ends; the customer writes on
    expect(page.locator(".hai-root")).to_have_attribute("data-state", "bot", timeout=15000)  # agent_left
    questions = [
        "Wie lange dauert die Lieferung?",
        "Welche Zahlungsarten gibt es?",
        "Wie kann ich etwas zurücksenden?",
        "Was kostet der Versand?",
        "Kann ich auf Rechnung bezahlen?",
    ]
    for question in questions:
        ask(page, question)
    expect(page.locator(".hai-notice").filter(has_text="neuen")).to_have_count(1, timeout=15000)
    for question in questions:
        bubble = page.locator(".hai-customer").filter(has_text=question).last
        expect(bubble.locator(".hai-delivery")).to_have_text("gesendet", timeout=30000)
    expect(page.locator(".hai-customer[data-delivery='sent']")).to_have_count(1 + len(questions), timeout=30000)
    new_id = str(session_of(page)["session_id"])
    assert new_id != conversation_id
    stored = stored_roles(shop, new_id)
    for _ in range(150):  # the last answers may still be on their way: poll until all five are stored
        if [role for role, _ in stored].count("assistant") == len(questions):
            break
        page.wait_for_timeout(200)
        stored = stored_roles(shop, new_id)
    assert [text for role, text in stored if role == "customer"] == questions
    assert [role for role, _ in stored].count("assistant") == len(questions)
    texts = page.locator(".hai-log .hai-msg").all_inner_texts()
    order = [next(i for i, t in enumerate(texts) if q in t) for q in questions]
    assert order == sorted(order)  # shown in the order typed
    page.wait_for_function(  # every answer of the new session shows, after the notice that it began
        """count => {
            const all = [...document.querySelectorAll('.hai-log .hai-msg')];
            const start = all.findIndex(m => m.classList.contains('hai-notice'));
            return all.slice(start).filter(m => m.classList.contains('hai-assistant')).length === count;
        }""",
        arg=len(questions),
        timeout=30000,
    )
    page.screenshot(path=str(ARTIFACTS / "09-new-session-after-close.png"))


def test_an_english_customer_gets_the_widget_in_english(page: Page) -> None:
    page.locator(".hai-launcher").click()
    ask(page, "How long does the delivery take?")
    answer = page.locator(".hai-assistant[lang='en']")
    expect(answer).to_have_count(1, timeout=20000)
    expect(answer.locator(".hai-sources li").first).to_have_text("Sources:")
    expect(page.locator(".hai-customer .hai-delivery")).to_have_text("sent")  # the labels follow the answer
    expect(page.locator("#hai-input")).to_have_attribute("placeholder", "Your question …")
    expect(page.locator(".hai-send")).to_have_text("Send")
