"""A question on a country is answered from the section on that country, not from the best match on another."""

from __future__ import annotations

from pathlib import Path

from heine_ai.app_state import AppState
from heine_ai.knowledge.documents import Document
from heine_ai.knowledge.loaders.markdown import parse_markdown
from heine_ai.messages import Channel, EscalationReason, InboundMessage

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


SWISS = Document(
    "schweiz.md",
    "Versand in die Schweiz",
    "/schweiz",
    parse_markdown(
        "# Versand in die Schweiz\n\n## Schweiz\n\nDer Versand in die Schweiz kostet 12,90 €. Die Lieferung dauert "
        "fünf bis acht Werktage.\n"
    ),
)


async def test_only_another_countrys_fact_is_no_answer_with_no_source(empty_state: AppState) -> None:
    await empty_state.ingestor.ingest_documents("heine", [SWISS])
    first = await empty_state.assistant.handle(
        InboundMessage("heine", Channel.API, "Was kostet der Versand nach Belgien?")
    )
    assert "12,90" not in first.text  # the Swiss price is no answer on Belgium
    assert first.sources == ()  # and "no reliable information" names no page
    assert not first.escalation_required
    again = InboundMessage(
        "heine",
        Channel.API,
        "Und wie lange dauert der Versand nach Belgien?",
        first.session_id,
        session_token=first.session_token,
    )
    second = await empty_state.assistant.handle(again)
    assert second.escalation_reason is EscalationReason.REPEATED_FAILURE  # the second no-answer in a row hands over
