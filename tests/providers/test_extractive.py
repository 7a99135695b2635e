"""The extractive answer: the passage's best sentences, word for word, and the list a chosen sentence announces."""

from __future__ import annotations

from heine_ai.providers.llm.base import Passage
from heine_ai.providers.llm.extractive import select_sentences

BENEFITS = Passage(
    title="Vorteilsprogramm",
    url="/service/vorteilsprogramm",
    relevance=0.9,
    text=(
        "Als Mitglied im heine Vorteilsprogramm profitieren Sie von:\n"
        "- einem Geburtstagsgutschein über 10 € ab einem Bestellwert von 50 €,\n"
        "- Early Access: Zugang zum Sale 24 Stunden vor allen anderen,\n"
        "- exklusiven Angeboten nur für Mitglieder.\n"
        "Die Teilnahme ist kostenlos."
    ),
)


def test_a_sentence_that_announces_a_list_brings_the_list() -> None:
    answer = select_sentences("Welche Vorteile bietet das Vorteilsprogramm als Mitglied?", BENEFITS)
    assert answer[0] == "Als Mitglied im heine Vorteilsprogramm profitieren Sie von:"
    assert any("Geburtstagsgutschein über 10 €" in line for line in answer)
    assert any("24 Stunden" in line for line in answer)


def test_sentences_are_quoted_word_for_word_in_their_order() -> None:
    answer = select_sentences("Ist die Teilnahme kostenlos?", BENEFITS)
    assert answer == ["Die Teilnahme ist kostenlos."]
