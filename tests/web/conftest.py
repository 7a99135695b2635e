"""Fixtures of the widget's browser tests: the demo shop page served with the real app, and a phone-sized page
of headless Chromium (a module may define its own, as the delivery tests do with their proxy)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from tests.channels.chat.conftest import ChatServer, serve
from tests.conftest import StateFactory

if TYPE_CHECKING:
    from playwright.sync_api import Page


@pytest.fixture
def shop(make_state: StateFactory) -> Iterator[ChatServer]:
    yield from serve(make_state())


@pytest.fixture
def page() -> Iterator[Page]:
    from tests.web.browser import chromium  # Playwright only where a test asks for a page

    with chromium() as browser:
        context = browser.new_context(viewport={"width": 360, "height": 740}, locale="de-DE")
        try:
            yield context.new_page()
        finally:
            context.close()
