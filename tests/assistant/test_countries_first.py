"""A question on a country is answered from the section on that country, not from the best match on another."""

from __future__ import annotations

from pathlib import Path

from heine_ai.app_state import AppState
from heine_ai.messages import Channel, InboundMessage

# a brand written for measuring: delivery in Germany on one page, each country abroad in a section of another
PAGES = Path(__file__).parents[2] / "bench" / "data" / "lerchenfeld" / "knowledge"


async def test_the_named_countrys_section_answers_before_the_home_countrys(empty_state: AppState) -> None:
    pages = [PAGES / "versand-lieferung.html", PAGES / "lieferung-ausland.md"]
    await empty_state.ingestor.ingest_paths("heine", pages)
    for question, span in [
        ("Wie lange dauert eine Lieferung in die Niederlande?", "4–6 Werktage"),
        ("wie lang brauch paket nach östreich??", "5–7 Werktage"),
    ]:
        reply = await empty_state.assistant.handle(InboundMessage("heine", Channel.API, question))
        assert span in reply.text, question
        assert "3 bis 5 Werktage" not in reply.text  # the span within Germany
