"""Answer chunks while an LLM streams, over a real uvicorn server and a loopback OpenAI-compatible endpoint."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.channels.chat.conftest import DELIVERY_QUESTION, ChatServer, open_client, serve
from tests.conftest import StateFactory
from tests.support.fake_openai import FakeOpenAI, fake_openai_server
from tests.web.browser import chromium

# Every state of a provisional bubble the page ever had, recorded in the page itself (chunks come fast).
RECORD_PROVISIONAL = """
window.provisional = [];
new MutationObserver(function () {
  document.querySelectorAll(".hai-provisional").forEach(function (node) {
    window.provisional.push({ text: node.textContent, hidden: node.getAttribute("aria-hidden") });
  });
}).observe(document, { subtree: true, childList: true, characterData: true });
"""

GROUNDED = (
    "Die Lieferung dauert bei heine innerhalb Deutschlands in der Regel 2 bis 4 Werktage. "
    "Die voraussichtliche Lieferzeit sehen Sie auf jeder Produktseite und im Warenkorb. "
    "Bei Fragen helfen wir Ihnen gern."
)
FIRST = "Die Lieferung dauert bei heine innerhalb Deutschlands in der Regel 2 bis 4 Werktage."


@pytest.fixture
def fake() -> FakeOpenAI:
    return FakeOpenAI()


@pytest.fixture
def streaming_server(make_state: StateFactory, fake: FakeOpenAI) -> Iterator[ChatServer]:
    """The app with ``AI_PROVIDER=openai`` pointing at the scripted loopback endpoint."""
    with fake_openai_server(fake) as url:
        yield from serve(make_state(ai_provider="openai", ai_base_url=url))


def chunks(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in events if e["type"] == "answer_chunk"]


async def test_a_streamed_answer_arrives_in_chunks_then_as_the_answer(
    streaming_server: ChatServer, fake: FakeOpenAI
) -> None:
    fake.script = [f"ok:{GROUNDED}"]
    client = await open_client(streaming_server)
    ready = await client.hello()
    await client.send({"type": "message", "text": DELIVERY_QUESTION})
    answer = await client.until("answer")

    pieces = chunks(client.received)
    assert [c["index"] for c in pieces] == [0, 1, 2]
    assert pieces[0]["text"] == FIRST and "seq" not in pieces[0]  # not stored
    assert "".join(c["text"] for c in pieces) == answer["text"] == GROUNDED
    assert answer["seq"] == 2 and answer["sources"]
    assert chunks(await client.quiet()) == []
    await client.socket.close()

    resumed = await open_client(streaming_server)
    await resumed.hello(session_id=ready["session_id"], session_token=ready["session_token"], last_seq=0)
    replay = await resumed.quiet()
    assert [e["type"] for e in replay if "seq" in e] == ["customer_message", "answer"]
    assert chunks(replay) == []  # chunks are never replayed: the stored answer is what counts
    await resumed.socket.close()


async def test_an_invented_number_is_never_streamed_and_the_extractive_answer_follows(
    streaming_server: ChatServer, fake: FakeOpenAI
) -> None:
    fake.script = [f"ok:{FIRST} Mit Express sind es nur 24 Stunden. Bei Fragen helfen wir Ihnen gern."]
    client = await open_client(streaming_server)
    await client.hello()
    await client.send({"type": "message", "text": DELIVERY_QUESTION})
    answer = await client.until("answer")

    assert [c["text"] for c in chunks(client.received)] == [FIRST]  # released up to the invented sentence only
    assert not any("24" in e.get("text", "") for e in client.received)
    texts = streaming_server.state.assistant.brand("heine").texts_for("de")
    assert answer["text"].startswith(texts.answer_intro)  # the extractive answer, from the source word for word
    assert answer["text"].endswith(texts.source_hint.format(title=answer["sources"][0]["title"]))
    assert "Werktage" in answer["text"]
    await client.socket.close()
    async with httpx.AsyncClient(base_url=streaming_server.base) as http:
        metrics = (await http.get("/metrics")).text
    assert 'ai_llm_fallbacks_total{brand="heine",reason="rejected"} 1.0' in metrics  # operators see the rejection


def test_the_widget_shows_chunks_provisionally_and_replaces_them_with_the_answer(
    streaming_server: ChatServer, fake: FakeOpenAI
) -> None:
    fake.script = [f"ok:{FIRST} Mit Express sind es nur 24 Stunden. Bei Fragen helfen wir Ihnen gern."]
    texts = streaming_server.state.assistant.brand("heine").texts_for("de")
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 360, "height": 740}, locale="de-DE")
        page.add_init_script(RECORD_PROVISIONAL)
        page.goto(streaming_server.base + "/")
        page.locator(".hai-launcher").click()
        page.locator("#hai-input").fill(DELIVERY_QUESTION)
        page.keyboard.press("Enter")
        answer = page.locator(".hai-assistant").filter(has=page.locator(".hai-sources"))
        answer.wait_for(timeout=20000)

        seen = page.evaluate("window.provisional")
        assert seen and any(FIRST in state["text"] for state in seen)
        assert all(state["hidden"] == "true" for state in seen)  # the live region reads only the final answer
        assert not any("24" in state["text"] for state in seen)
        assert page.locator(".hai-provisional").count() == 0  # replaced
        assert answer.get_attribute("aria-hidden") is None
        assert texts.answer_intro in answer.inner_text()  # the extractive answer, not the streamed sentence
        page.close()
