"""A customer the shop signed in, in headless Chromium: the widget sends the signed identity with its ``hello``.

The shop page sets ``window.heineAiIdentity`` (customer id and the HMAC the shop's server computed with the
brand's identity secret) before the widget loads; the customer then asks about their own order by its number
alone. With a forged hash the widget chats on anonymously, and the order needs its postcode as for anyone.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from heine_ai.security.user_hash import user_hash
from tests.channels.chat.conftest import ChatServer, serve
from tests.conftest import StateFactory

pytest.importorskip("playwright.sync_api")
from playwright.sync_api import Page, expect

SECRET = "8b1f0c6e2d4a49f7a3c5e7091b2d4f6a8c0e1f3a5b7d9e0c"
ANNA = "K-200001"  # the demo shop's customer whose order 41000001 is delivered


@pytest.fixture
def shop(make_state: StateFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[ChatServer]:
    monkeypatch.setenv("WIDGET_HEINE_IDENTITY_SECRET", SECRET)
    yield from serve(make_state(ingest=False))


def _ask_about_the_order(page: Page, shop: ChatServer, signature: str) -> None:
    identity = json.dumps({"customerId": ANNA, "userHash": signature})
    page.add_init_script(f"window.heineAiIdentity = {identity};")
    page.goto(shop.base + "/")
    page.locator(".hai-launcher").click()
    page.locator("#hai-input").fill("Wo ist meine Bestellung 41000001?")
    page.keyboard.press("Enter")


def test_a_signed_in_customer_needs_no_postcode_in_the_widget(shop: ChatServer, page: Page) -> None:
    _ask_about_the_order(page, shop, user_hash(SECRET, ANNA))
    answer = page.locator(".hai-assistant").last
    expect(answer).to_contain_text("Ihre Bestellung 41000001 ist zugestellt", timeout=20000)
    expect(answer).not_to_contain_text("Postleitzahl")


def test_a_forged_signature_leaves_the_chat_anonymous(shop: ChatServer, page: Page) -> None:
    _ask_about_the_order(page, shop, user_hash("not-the-shops-secret", ANNA))
    answer = page.locator(".hai-assistant").last
    expect(answer).to_contain_text("Postleitzahl", timeout=20000)
    expect(answer).not_to_contain_text("zugestellt")
