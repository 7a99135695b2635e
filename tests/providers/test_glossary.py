"""The customer-service vocabulary across German and English, and the coverage of a search across languages."""

from __future__ import annotations

from heine_ai.glossary import concepts, english_words, german_words, kin, word_kin
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


def test_a_word_family_names_what_the_page_calls_it() -> None:
    returns = kin("Wie lange habe ich Zeit, etwas zurückzuschicken?")
    assert {"Rücksendung", "Retoure", "Rückgabe"} <= set(returns)
    assert "zurückschicken" not in returns  # the question's own word is not repeated
    assert "Rücksendung" in kin("Wie schicke ich es zurück?")  # the separable verb put together
    assert {"Zahlungsart", "Kreditkarte"} <= set(kin("kann man mit karte zahlen?"))
    assert "Versand" in kin("Liefert ihr auch in die Schweiz?")
    assert "Umtausch" in kin("Kann ich die Hose gegen eine größere tauschen?")
    assert "Dauer" in word_kin("dauert")  # the column "Dauer" of a price table
    assert "Standard" in kin("Wie lange brauchen die Pakete normalerweise?")  # the usual case: "Standard"


def test_a_question_outside_customer_service_has_no_family() -> None:
    assert kin("Wer war der erste Bundeskanzler?") == []
    assert kin("Was läuft heute Abend im Kino?") == []


def test_word_kin_starts_with_the_word() -> None:
    family = word_kin("Packerl")
    assert family[0] == "Packerl" and "Paket" in family
    assert word_kin("Hochzeit") == ["Hochzeit"]


def test_coverage_counts_a_word_found_through_its_family() -> None:
    page = frozenset(stems("Wie viel Zeit habe ich für eine Rücksendung? Sie haben 21 Tage Zeit."))
    assert coverage("Zeit zum Zurückschicken", page) == 1.0
    assert coverage("Zeit zum Stricken", page) == 0.5
