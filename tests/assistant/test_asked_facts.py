"""A question for a span of time or a price gets one, though a page's opening matches its words better."""

from __future__ import annotations

from pathlib import Path

import pytest

from heine_ai.app_state import AppState
from heine_ai.assistant.passages import with_asked_fact
from heine_ai.knowledge.retrieval import RetrievedChunk
from heine_ai.messages import Channel, InboundMessage
from heine_ai.providers.llm.questions import question_parts
from heine_ai.providers.vectors import StoredChunk

# pages of a brand written for measuring, whose openings speak to the customer's situation ("Passt nicht?")
PAGES = Path(__file__).parents[2] / "bench" / "data" / "rosenau" / "knowledge"


@pytest.fixture
async def rosenau(empty_state: AppState) -> AppState:
    names = ["retoure-umtausch", "gutscheine-bonusprogramm", "rueckerstattung", "bezahlen"]
    await empty_state.ingestor.ingest_paths("heine", [PAGES / f"{name}.md" for name in names])
    return empty_state


async def ask(state: AppState, question: str) -> str:
    return (await state.assistant.handle(InboundMessage("heine", Channel.API, question))).text


def hit(url: str, text: str, relevance: float) -> RetrievedChunk:
    chunk = StoredChunk(f"{url}-{relevance}", text, {"url": url, "title": url})
    return RetrievedChunk(chunk, relevance, 0.0, 0.0, 0.0, 0.0)


OPENING = hit("/retoure", "Passt nicht, gefällt nicht? Passiert! Du kannst fast alles zurückschicken.", 0.72)
DAYS = hit("/retoure", "Du hast 40 Tage Zeit! Die 40 Tage starten, wenn dein Paket ankommt.", 0.45)
ELSEWHERE = hit("/storno", "Schick die Sachen innerhalb von 40 Tagen kostenlos zurück.", 0.49)
FAR = hit("/retoure", "Die Rücksendung ist 40 Tage lang kostenlos.", 0.2)


def test_the_span_asked_for_comes_from_the_best_passages_page() -> None:
    question = question_parts("wie lange habe ich zeit zum zurückschicken? die hose passt nicht")
    results = [OPENING, ELSEWHERE, DAYS]
    assert with_asked_fact([OPENING], results, question, 0.5) == [OPENING, DAYS]
    assert with_asked_fact([OPENING], [OPENING, ELSEWHERE, FAR], question, 0.5) == [OPENING]  # too far below
    assert with_asked_fact([OPENING, DAYS], results, question, 0.5) == [OPENING, DAYS]  # a confident one has it
    no_span = question_parts("kann ich die hose zurückschicken?")
    assert with_asked_fact([OPENING], results, no_span, 0.5) == [OPENING]


async def test_no_end_is_the_span_a_question_on_validity_asks_for(rosenau: AppState) -> None:
    question = "wie lange sind eure geschenkgutscheine gültig? will einen für die babyparty verschenken"
    assert "verfallen nicht" in await ask(rosenau, question)
