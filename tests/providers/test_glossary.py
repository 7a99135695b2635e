"""The customer-service vocabulary across German and English, and the coverage of a search across languages."""

from __future__ import annotations

from heine_ai.glossary import concepts, english_words, german_words
from heine_ai.knowledge.retrieval import coverage
from heine_ai.text import stems


def test_english_terms_get_their_german_words_and_the_reverse() -> None:
    assert {"Rechnung", "bezahlen"} <= set(german_words("Can I pay by invoice?"))
    assert "Rücksendung" in german_words("How long do I have to send something back?")
    assert "return" in english_words("Wie lange dauern Rücksendungen?")
    assert german_words("What is the weather tomorrow?") == []


def test_a_phrase_is_one_term() -> None:
    terms = concepts("How long do I have to send something back?", "de")
    assert ["Rücksendung", "Retoure", "zurückschicken", "zurücksenden"] in terms
    assert ["send"] not in terms and ["back"] not in terms


def test_coverage_across_languages_counts_terms_found_in_translation() -> None:
    page = frozenset(stems("Wie viel Zeit habe ich für eine Rücksendung? Sie haben 21 Tage Zeit."))
    assert coverage("How long do I have to send something back?", page) == 0.0  # no shared word
    assert coverage("How long do I have to send something back?", page, "de") == 1.0
    assert coverage("What is the weather tomorrow?", page, "de") == 0.0
