"""Escalation signals, dialogue acts, the question a message asks and follow-ups, German and English."""

from __future__ import annotations

import pytest

from heine_ai.assistant.understanding import focus, understand
from heine_ai.messages import EscalationReason

ESCALATE = [
    ("Ich bin sehr unzufrieden mit dem Service!", EscalationReason.COMPLAINT),
    ("Das ist eine Frechheit, die Jacke ist schon wieder nicht da", EscalationReason.COMPLAINT),
    ("Ich bin total enttäuscht von Ihrer Ware", EscalationReason.COMPLAINT),
    ("I am very unhappy with your service", EscalationReason.COMPLAINT),
    ("Ich möchte mit einem Mitarbeiter sprechen", EscalationReason.HUMAN_REQUEST),
    ("Kann ich bitte mit einem echten Menschen reden?", EscalationReason.HUMAN_REQUEST),
    ("Verbinden Sie mich mit Ihrem Vorgesetzten", EscalationReason.HUMAN_REQUEST),
    ("I want to speak to a human", EscalationReason.HUMAN_REQUEST),
    ("Ich schalte meinen Anwalt ein", EscalationReason.LEGAL_THREAT),
    ("Dann gehe ich zur Verbraucherzentrale", EscalationReason.LEGAL_THREAT),
    ("Ihr seid doch alle Idioten", EscalationReason.ABUSE),
    ("Jemand hat mit meinem Konto betrogen, das ist Betrug", EscalationReason.SENSITIVE_TOPIC),
    ("Bitte löschen Sie alle meine Daten gemäß DSGVO", EscalationReason.SENSITIVE_TOPIC),
]

ORDINARY = [
    "Wie lange habe ich Zeit, einen Artikel zurückzuschicken?",
    "Was mache ich, wenn die Ware beschädigt ankommt?",
    "Meine Kollegin hat mir heine empfohlen, wie bestelle ich?",
    "Gibt es Mode für Menschen mit großen Größen?",
    "Wie lange dauert die Lieferung?",
]


@pytest.mark.parametrize(("text", "reason"), ESCALATE, ids=[t for t, _ in ESCALATE])
def test_escalation_signals(text: str, reason: EscalationReason) -> None:
    assert understand(text).escalation is reason


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_questions_do_not_escalate(text: str) -> None:
    understood = understand(text)
    assert understood.escalation is None
    assert understood.intent == "question"


def test_greetings_thanks_and_follow_ups() -> None:
    assert understand("Hallo, ich habe eine Frage").intent == "greeting"
    assert understand("Guten Morgen!").intent == "greeting"
    assert understand("Vielen Dank!").intent == "thanks"
    assert understand("Hallo, wie lange dauert die Lieferung nach Österreich?").intent == "question"
    assert understand("Und wie lange dauert das?").is_follow_up
    assert understand("Was kostet das?").is_follow_up
    assert not understand("Wie wird das Wetter morgen?").is_follow_up  # an article, not a reference
    assert not understand("Wie lange dauert die Lieferung nach Österreich?").is_follow_up
    assert understand("And how long does that take?").is_follow_up  # English filler words name no topic
    assert understand("And can I pay for that with PayPal too?").is_follow_up
    assert not understand("Can I pay with PayPal?").is_follow_up
    assert not understand("How long does delivery to Austria take with DHL Express?").is_follow_up


def test_the_question_behind_the_acts_is_what_the_knowledge_answers() -> None:
    assert understand("Hallo, wie lange dauert die Lieferung?").question == "wie lange dauert die Lieferung?"
    assert understand("Hi, can I return my dress for free?").question == "can I return my dress for free?"
    assert understand("ok danke, das wars schon").question == ""
    assert understand("ok danke, das wars schon").intent == "thanks"
    assert understand("Alles klar, tschüss").intent == "thanks"
    assert understand("Ja, bitte.").question == ""


def test_a_long_message_is_searched_by_its_question_and_the_clause_before_it() -> None:
    story = (
        "Guten Tag, ich bin 78 Jahre alt und mit dem Internet nicht so bewandert. Meine Enkelin hat mir geholfen, "
        "bei Ihnen einen Wintermantel zu bestellen, aber er ist mir zu groß. Nun ist sie im Urlaub und ich habe zu "
        "Hause keinen Drucker. Wie kann ich den Mantel trotzdem zurückschicken?"
    )
    assert understand(story).question == (
        "Nun ist sie im Urlaub und ich habe zu Hause keinen Drucker Wie kann ich den Mantel trotzdem zurückschicken?"
    )
    rambling = (
        "ich habe mir vor zehn Tagen ein Kleid für die Hochzeit meiner Schwester bestellt, das kam pünktlich an, "
        "aber die Hochzeit wurde verschoben, deshalb würde ich es lieber zurückgeben – wie lange habe ich dafür Zeit?"
    )
    assert focus(rambling) == "deshalb würde ich es lieber zurückgeben wie lange habe ich dafür Zeit?"
    assert focus("Wie lange dauert die Lieferung?") == "Wie lange dauert die Lieferung?"
    measured = (
        "meine Tochter hat sich für die Wiesn ein Dirndl ausgesucht, das Paket kam erst nach dem Geburtstag, jetzt "
        "ist es an der Taille viel zu weit, 66 cm Taille hat sie, hab extra nachgemessen – welche Größe soll ich nehmen?"
    )
    # the measure told in the story is what the size table is looked up with
    assert focus(measured) == "66 cm Taille hat sie hab extra nachgemessen welche Größe soll ich nehmen?"


def test_a_long_message_asking_inside_a_statement_is_searched_from_that_question_on() -> None:
    gift = (
        "Hallo, ich habe für meine Mutter zum Geburtstag eine Bluse bestellt und die soll direkt zu ihr geschickt "
        "werden, jetzt frag ich mich aber, ob da die Rechnung mit den Preisen im Paket liegt, sie soll ja nicht "
        "sehen, was das gekostet hat. Gibt es da irgendeine Möglichkeit?"
    )
    assert understand(gift).question == (
        "ob da die Rechnung mit den Preisen im Paket liegt, sie soll ja nicht sehen, was das gekostet hat. "
        "Gibt es da irgendeine Möglichkeit?"
    )
