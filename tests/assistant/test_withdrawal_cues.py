"""Action cues: a withdrawal is recognised however it is declared (§356a BGB), a question about withdrawing is not
one, and "return" in a sense no shop handles (a tax return) starts no return."""

from __future__ import annotations

import pytest

from heine_ai.assistant.action_cues import action_kind, side_questions
from heine_ai.orders.commerce import ActionKind


@pytest.mark.parametrize(
    "text",
    [
        "Ich widerrufe meinen Kauf.",
        "Hiermit widerrufe ich den Vertrag über die Bestellung 40123456.",
        "Hiermit widerrufen wir den Kauf",
        "Ich möchte vom Vertrag zurücktreten",
        "Ich möchte mein Widerrufsrecht ausüben",
        "Kann ich bitte vom Vertrag zurücktreten?",
        "I want to cancel my purchase",
        "I hereby withdraw from the contract.",
    ],
)
def test_a_declaration_starts_the_withdrawal(text: str) -> None:
    assert action_kind(text) is ActionKind.WITHDRAWAL


@pytest.mark.parametrize(
    "text",
    [
        "Muss ich einen Grund angeben, wenn ich widerrufe?",
        "Was passiert, falls ich vom Vertrag zurücktreten möchte?",
        "Widerrufe ich dann die ganze Bestellung?",
        "How do I exercise my right of withdrawal?",
        "Gilt das Widerrufsrecht auch für einen Schal mit Monogramm?",
    ],
)
def test_a_question_about_withdrawing_declares_nothing(text: str) -> None:
    assert action_kind(text) is None


def test_a_return_in_another_sense_starts_no_return() -> None:
    assert action_kind("I want to return my dress") is ActionKind.RETURN
    assert action_kind("Can you help me fill out my tax return?") is None
    assert action_kind("I need to book a return flight") is None


def test_a_request_is_one_sentence_with_its_action_and_a_question_behind_it_is_answered_too() -> None:
    # "ich muss ein bisschen ausholen" asks for nothing; the return is only talked about
    story = "Ich muss ein bisschen ausholen. Die Schuhe habe ich vor sechs Wochen bekommen. Ist es zu spät zum Zurückschicken?"
    assert action_kind(story) is None
    assert action_kind("Ich möchte die Jacke zurückschicken.") is ActionKind.RETURN
    asked = "Ich würde die Jacke zurückschicken – muss ich fürs Zurückschicken eigentlich was bezahlen?"
    assert action_kind(asked) is ActionKind.RETURN
    assert side_questions(asked) == ["muss ich fürs Zurückschicken eigentlich was bezahlen?"]
