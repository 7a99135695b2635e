"""The customer's language decides the language of the brand's sentences around an answer."""

from __future__ import annotations

import pytest

from heine_ai.languages import conversation_language, detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Where is my order?", "en"),
        ("How long does the delivery take?", "en"),
        ("Can I pay with PayPal?", "en"),
        ("I want to return a dress", "en"),
        ("Wo ist meine Bestellung?", "de"),
        ("Wie lange dauert die Lieferung?", "de"),
        ("Kann ich mit PayPal bezahlen?", "de"),
        ("Ich möchte ein Kleid zurückschicken", "de"),
        ("rücksendung kosten", "de"),
        ("Hello", "en"),
        ("Thank you!", "en"),
        ("Hallo", "de"),
        ("Vielen Dank!", "de"),
        ("Servus, wo is mei Packerl? I hab vor a paar Tag bei eich bstellt.", "de"),  # "i", "a", "is": Bavarian
        ("Griaß Eana! Ko i des Sackerl mit da Retour aa abgeben?", "de"),
        ("Hoi zäme, isch das Paket scho unterwegs?", "de"),
        ("Is the Größe 40 in stock?", "en"),
    ],
)
def test_detects_german_and_english(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_undecided_messages_keep_the_brands_language() -> None:
    assert detect_language("PayPal?") == "de"
    assert detect_language("PayPal?", default="en") == "en"


def test_a_bare_number_keeps_the_language_of_the_dialogue() -> None:
    assert conversation_language(["Where is my order?", "40123456"]) == "en"
    assert conversation_language(["Wo ist meine Bestellung?", "40123456"]) == "de"
    assert conversation_language(["40123456"], default="de") == "de"
