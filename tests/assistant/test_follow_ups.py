"""Follow-ups resolved against the conversation's topic, and the dialogue state replayed from stored messages."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from heine_ai.assistant.dialogue_state import Pending, dialogue_state
from heine_ai.assistant.follow_ups import Topic, complete, is_follow_up, resolve
from heine_ai.conversations.service import StoredMessage
from heine_ai.intents import Intent

RETURNS = Topic("Retoure und Umtausch", "/retoure", "Wie lange habe ich Zeit, etwas zurückzuschicken?")
DELIVERY = Topic("Versand und Lieferzeiten", "/versand", "Wie lange dauert die Lieferung?")


def test_a_follow_up_with_its_own_question_is_asked_as_it_is_and_searched_on_the_topic() -> None:
    resolved = resolve("und wer zahlt das Porto?", RETURNS)
    assert resolved.question == "wer zahlt das Porto?"
    assert resolved.topic == RETURNS
    assert resolved.query == "Retoure und Umtausch: Zeit – wer zahlt das Porto?"  # not the frame "Wie lange"


def test_a_condition_after_a_price_or_a_span_asks_that_again_on_it() -> None:
    price = Topic("Rücksendung und Umtausch", "/ruecksendung", "Was kostet mich eine Rücksendung?")
    resolved = resolve("und wenn ich nur eine andere Größe möchte?", price)
    assert resolved.question == "Was kostet mich eine Rücksendung, wenn ich nur eine andere Größe möchte?"
    again = Topic(price.title, price.url, resolved.question)
    assert resolve("und falls die Ware kaputt ist?", again).question == (
        "Was kostet mich eine Rücksendung, falls die Ware kaputt ist?"  # the condition before is replaced
    )
    # after a way to do something, a condition asks what then: not the way again
    way = Topic("Stornierung", "/storno", "Wie storniere ich eine Bestellung?")
    assert resolve("und wenn die 45 Minuten schon um sind?", way).question == "wenn die 45 Minuten schon um sind?"


def test_a_follow_up_keeps_the_country_the_conversation_is_about() -> None:
    abroad = Topic("Lieferung ins Ausland", "/ausland", "was kostet versand nach holland?")
    resolved = resolve("und ab wann isses gratis?", abroad)  # lower case, "es" run into its verb
    assert resolved.topic == abroad
    assert resolved.question == "ab wann isses gratis (Niederlande)?"
    own = resolve("und wie lange dauert es nach Österreich?", abroad)  # a country of its own stays alone
    assert own.question == "wie lange dauert es nach Österreich?"


@pytest.mark.parametrize(
    ("previous", "fragment", "question"),
    [
        ("Wie lange dauert die Lieferung?", "und nach Österreich?", "Wie lange dauert die Lieferung nach Österreich?"),
        ("Was kostet der Versand nach Österreich?", "und in die Schweiz?", "Was kostet der Versand in die Schweiz?"),
        ("Kann ich mit Apple Pay zahlen?", "Und mit Klarna?", "Kann ich mit Klarna zahlen?"),
        # a place after "für" is a destination: it replaces the one before, not joins it
        ("Was kostet der Versand nach Österreich?", "und für südtirol?", "Was kostet der Versand für südtirol?"),
        ("How long does delivery to Germany take?", "and to Austria?", "How long does delivery to Austria take?"),
        ("How much is shipping to Austria?", "what about Switzerland?", "How much is shipping to Switzerland?"),
        # a correction names what the question should have named
        (
            "Wie viele Tage braucht ein Paket nach Österreich?",
            "Entschuldigung, ich meinte natürlich in die Schweiz.",
            "Wie viele Tage braucht ein Paket in die Schweiz?",
        ),
        ("How much is shipping to Austria?", "sorry, I meant to Switzerland", "How much is shipping to Switzerland?"),
    ],
)
def test_a_fragment_borrows_the_frame_of_the_question_it_continues(previous: str, fragment: str, question: str) -> None:
    topic = Topic("Versand", "/versand", previous)
    resolved = resolve(fragment, topic)
    assert resolved.question == question
    assert resolved.query == question


def test_what_is_a_follow_up() -> None:
    assert is_follow_up("Und wie lange dauert das?")
    assert is_follow_up("Muss ich da noch Zoll bezahlen?")
    assert is_follow_up("und nach Österreich?")
    assert is_follow_up("And how long does that take?")
    assert is_follow_up("kommt's dann morgen?") and is_follow_up("gibts das auch in blau?")
    assert is_follow_up("bei 80 euro?")
    assert is_follow_up("Ich komme auf ungefähr 65 Euro – ist der Versand dorthin dann schon gratis?")  # no subject
    assert not is_follow_up("Wie wird das Wetter morgen?")  # "das Wetter" is an article, not a reference
    assert not is_follow_up("Wie lange dauert die Lieferung nach Österreich?")
    assert not is_follow_up("How long does delivery to Austria take with DHL Express?")


def test_a_question_without_a_topic_stands_on_its_own() -> None:
    resolved = resolve("und wer zahlt das Porto?", None)
    assert resolved == resolve("und wer zahlt das Porto?", None)
    assert resolved.topic is None and resolved.query == "und wer zahlt das Porto?"
    assert complete("Was kostet der Versand?", "für Gutscheine") == "Was kostet der Versand für Gutscheine?"


def _message(seq: int, role: str, text: str, intent: Intent | None = None, *pages: str) -> StoredMessage:
    sources: list[dict[str, Any]] = [{"title": page.title(), "url": f"/{page}", "relevance": 0.9} for page in pages]
    return StoredMessage(
        id=str(seq), seq=seq, role=role, content=text, created_at=datetime.now(UTC), sources=sources, intent=intent
    )


def test_the_offer_of_a_colleague_is_remembered_until_the_next_reply() -> None:
    history = [
        _message(1, "customer", "Habt ihr den Trenchcoat in Größe 44?"),
        _message(2, "assistant", "Dazu habe ich leider keine verlässliche Information ...", Intent.NO_ANSWER),
    ]
    assert dialogue_state(history).pending is Pending.COLLEAGUE
    declined = [
        *history,
        _message(3, "customer", "nein danke"),
        _message(4, "assistant", "In Ordnung.", Intent.DECLINED),
    ]
    assert dialogue_state(declined).pending is Pending.NOTHING
    assert dialogue_state([]).bot_spoke is False and dialogue_state(history).bot_spoke is True


def test_a_follow_up_of_a_follow_up_continues_the_resolved_question() -> None:
    history = [
        _message(1, "customer", "Wie lange dauert die Lieferung?"),
        _message(2, "assistant", "2 bis 4 Werktage.", Intent.DELIVERY, "versand"),
        _message(3, "customer", "und nach Österreich?"),
        _message(4, "assistant", "4 bis 6 Werktage.", Intent.DELIVERY, "versand"),
    ]
    topic = dialogue_state(history).topic
    assert topic is not None and topic.url == "/versand"
    assert topic.question == "Wie lange dauert die Lieferung nach Österreich?"
    assert resolve("und in die Schweiz?", topic).question == "Wie lange dauert die Lieferung in die Schweiz?"


def test_a_miss_ends_the_topic() -> None:
    history = [
        _message(1, "customer", "Wie lange dauert die Lieferung?"),
        _message(2, "assistant", "2 bis 4 Werktage.", Intent.DELIVERY, "versand"),
        _message(3, "customer", "Gibt es den Mantel in Petrol?"),
        _message(4, "assistant", "Dazu habe ich leider keine ...", Intent.NO_ANSWER),
    ]
    assert dialogue_state(history).topic is None


@pytest.mark.parametrize(
    ("reply", "page"),
    [("die zweite", "retoure"), ("Das erste bitte", "versand"), ("the second one", "retoure"), ("Retoure", "retoure")],
)
def test_a_clarification_is_answered_by_place_or_by_name(reply: str, page: str) -> None:
    history = [
        _message(1, "customer", "Und nach Österreich?"),
        _message(2, "assistant", "Meinen Sie „Versand“ oder „Retoure“?", Intent.CLARIFICATION, "versand", "retoure"),
    ]
    state = dialogue_state(history)
    assert state.pending is Pending.TOPIC_CHOICE
    chosen = state.choice(reply)
    assert chosen is not None and chosen.url == f"/{page}"
    assert chosen.question == "Und nach Österreich?"
    assert state.choice("Wie lange dauert die Erstattung?") is None


def test_an_amount_alone_continues_on_the_topics_page() -> None:
    topic = Topic("Versand", "/versand", "Ab wann ist der Versand kostenlos?")
    resolved = resolve("bei 80 euro?", topic)
    assert resolved.page == "/versand" and "80 euro" in resolved.question


def test_a_correction_behind_an_apology_and_before_an_aside_replaces_the_place() -> None:
    abroad = Topic("Lieferung ins Ausland", "/ausland", "Wie viel kostet der Versand nach Österreich?")
    message = (
        "Entschuldigung, ich habe mich vertan! Ich meinte natürlich Liechtenstein, meine Schwester wohnt in Vaduz."
    )
    assert resolve(message, abroad).question == "Wie viel kostet der Versand nach Liechtenstein?"


def test_a_corrected_measure_asks_the_question_before_again_with_it_on_its_page() -> None:
    sizes = Topic("Größentabelle", "/groessen", "Mein Brustumfang beträgt 106 cm. Welche Größe brauche ich?")
    resolved = resolve("Oh, Entschuldigung, ich habe falsch abgelesen: Es sind 110 cm, nicht 106.", sizes)
    assert resolved.question == "Mein Brustumfang beträgt 110 cm. Welche Größe brauche ich?"
    assert resolved.page == "/groessen"
    assert resolve("Es sind 110 cm, nicht 98.", sizes).question != resolved.question  # no 98 to correct
