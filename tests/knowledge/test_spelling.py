"""Misspelt and dialect words of a question mapped to the words of the brand's knowledge."""

from __future__ import annotations

from heine_ai.knowledge.spelling import Vocabulary

PAGES = (
    "Versand und Lieferzeiten. Die Lieferung nach Österreich dauert 4 bis 6 Werktage.",
    "Wenn Sie die komplette Bestellung zurückschicken, erstatten wir Ihnen auch die Versandkosten.",
)


def test_typos_become_the_brands_words() -> None:
    words = Vocabulary(PAGES)
    assert words.corrections("wie lang dauert dei liferung nach östereich", "de") == {
        "dei": "die",
        "liferung": "Lieferung",
        "ostereich": "Österreich",
    }
    # written as the brand writes them: a folded "zuruckschicken" or "grosse" reads differently to the embedding
    assert words.corrected("Kann i des Packerl zruckschicken?", "de") == "Kann i des Packerl zurückschicken?"


def test_correct_words_stay_as_they_are() -> None:
    words = Vocabulary(PAGES)
    # known to the brand, to the German dictionary although the brand never uses them, or to the glossary
    assert words.corrections("Die Lieferung für die Hochzeit meiner Enkelin", "de") == {}
    assert words.corrections("Kann ich das Packerl retournieren?", "de") == {}
    assert words.corrections("Wie lange dauert die Lieferung?", "de") == {}


def test_the_first_part_of_a_brand_compound_is_no_misspelling() -> None:
    words = Vocabulary(["Legen Sie den Rücksendeschein bei.", "Die Rückseite des Etiketts zeigt die Größe."])
    assert words.corrections("rücksende etikett selbst ausdrucken", "de") == {}
    assert words.corrected("andere Groesse", "de") == "andere Größe"


def test_a_word_far_from_every_brand_word_is_left_alone() -> None:
    words = Vocabulary(PAGES)
    assert words.corrections("Was kostet ein Flugticket nach Sydnei?", "de") == {}


def test_a_language_without_a_dictionary_is_not_corrected() -> None:
    assert Vocabulary(PAGES).corrections("liferung", "xx") == {}
