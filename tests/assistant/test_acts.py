"""Dialogue acts of customer messages: greetings, thanks, goodbyes, yes and no in front of or instead of a question,
German and English, Sie and du, typos."""

from __future__ import annotations

import pytest

from heine_ai.assistant.acts import Act, dialogue_acts

QUESTIONS_BEHIND_ACTS = [
    ("Hallo, wie lange dauert die Lieferung?", {Act.GREETING}, "wie lange dauert die Lieferung?"),
    ("Hallo? Kann ich mit PayPal zahlen?", {Act.GREETING}, "Kann ich mit PayPal zahlen?"),
    ("Hi, can I return my dress for free?", {Act.GREETING}, "can I return my dress for free?"),
    ("Guten Morgen! Liefert ihr auch in die Schweiz?", {Act.GREETING}, "Liefert ihr auch in die Schweiz?"),
    (
        "Guten Abend, ich hätte eine Frage: Kann ich die Lieferadresse noch ändern?",
        {Act.GREETING},
        "Kann ich die Lieferadresse noch ändern?",
    ),
    (
        "Grüezi mitenand, was kostet der Versand in die Schweiz? Merci.",
        {Act.GREETING, Act.THANKS},
        "was kostet der Versand in die Schweiz?",
    ),
    ("Servus, kann i des Packerl gratis zruckschicken?", {Act.GREETING}, "kann i des Packerl gratis zruckschicken?"),
    ("Hey, weißt du, ob ihr an Packstationen liefert?", {Act.GREETING}, "weißt du, ob ihr an Packstationen liefert?"),
    (
        "nee, lass mal. was kostet eigentlich der versand nach österreich?",
        {Act.DENY},
        "was kostet eigentlich der versand nach österreich?",
    ),
    ("Danke! Und wie lange dauert die Erstattung?", {Act.THANKS}, "Und wie lange dauert die Erstattung?"),
    ("Wie lange dauert die Lieferung? Danke im Voraus", {Act.THANKS}, "Wie lange dauert die Lieferung?"),
    ("And by when?", set(), "And by when?"),
    ("Zwei Fragen: Geht Lastschrift?", set(), "Geht Lastschrift?"),
    (
        "Sehr geehrte Damen und Herren, ich habe zwei Fragen: Kann ich per Nachnahme bestellen?",
        {Act.GREETING},
        "Kann ich per Nachnahme bestellen?",
    ),
    (
        "Muss ich für das falsche Hemd die 2,95 Euro bezahlen? Mit freundlichen Grüßen Hildegard B.",
        {Act.GOODBYE},
        "Muss ich für das falsche Hemd die 2,95 Euro bezahlen?",
    ),
]


@pytest.mark.parametrize(("text", "acts", "body"), QUESTIONS_BEHIND_ACTS, ids=[t for t, _, _ in QUESTIONS_BEHIND_ACTS])
def test_the_question_behind_a_greeting_or_thanks_is_kept(text: str, acts: set[Act], body: str) -> None:
    found = dialogue_acts(text)
    assert found.acts == acts
    assert found.body == body
    assert not found.small_talk


SMALL_TALK = [
    ("Hallo", {Act.GREETING}),
    ("Hi there!", {Act.GREETING}),
    ("Guten Morgen!", {Act.GREETING}),
    ("Hallo, ich habe eine Frage", {Act.GREETING}),
    ("Danke!", {Act.THANKS}),
    ("Vielen Dank für die Hilfe", {Act.THANKS}),
    ("Danke schön, schönen Tag noch!", {Act.THANKS, Act.GOODBYE}),
    ("Alles klar, tschüss", {Act.ACKNOWLEDGE, Act.GOODBYE}),
    ("ok danke, das wars schon", {Act.ACKNOWLEDGE, Act.THANKS, Act.GOODBYE}),
    ("Thanks, bye!", {Act.THANKS, Act.GOODBYE}),
    ("Tschüssi und danke", {Act.THANKS, Act.GOODBYE}),
    ("Ja, bitte.", {Act.AFFIRM}),
    ("ja gerne", {Act.AFFIRM}),
    ("yes please", {Act.AFFIRM}),
    ("Jap, das wäre nett", {Act.AFFIRM}),
    ("nein, nicht nötig, danke", {Act.DENY, Act.THANKS}),
    ("No thanks", {Act.DENY, Act.THANKS}),
    ("ok", {Act.ACKNOWLEDGE}),
    ("super danke dir 😊", {Act.ACKNOWLEDGE, Act.THANKS}),  # an emoji ends a phrase as punctuation does
    ("ok :)", {Act.ACKNOWLEDGE}),
    ("nu, gerne", {Act.AFFIRM}),  # Saxon "nu" beside another yes
    ("Ok, dann weiß ich Bescheid. Tschö!", {Act.ACKNOWLEDGE, Act.GOODBYE}),  # Cologne's goodbye
    ("Gut zu wissen, danke", {Act.ACKNOWLEDGE, Act.THANKS}),
    ("Passt, vergelt's Gott!", {Act.ACKNOWLEDGE, Act.THANKS}),  # Bavarian
    ("Vergelt’s Gott und pfiat eich", {Act.THANKS, Act.GOODBYE}),
    ("Merci vielmals, uf Widerluege", {Act.THANKS, Act.GOODBYE}),  # Swiss
    ("yo, anyone there? 🙂", {Act.GREETING}),
    ("Ist da jemand?", {Act.GREETING}),
    ("nah all good, thanks – have a good one!", {Act.DENY, Act.ACKNOWLEDGE, Act.THANKS, Act.GOODBYE}),
    ("hiii 👋", {Act.GREETING}),  # a greeting drawn out, and its emoji
    ("Glück auf!", {Act.GREETING}),  # the Ruhr's greeting
    ("super danke, ruhige Schicht noch", {Act.ACKNOWLEDGE, Act.THANKS, Act.GOODBYE}),  # a night nurse's goodbye
    ("Danke, gute Nacht!", {Act.THANKS, Act.GOODBYE}),
]


@pytest.mark.parametrize(("text", "acts"), SMALL_TALK, ids=[t for t, _ in SMALL_TALK])
def test_messages_of_acts_only_have_no_question(text: str, acts: set[Act]) -> None:
    found = dialogue_acts(text)
    assert found.acts == acts
    assert found.small_talk


def test_a_statement_after_no_or_thanks_closes_but_a_question_or_contrast_does_not() -> None:
    declined = dialogue_acts("Nein danke, ich schau später selbst nochmal im Shop.")
    assert declined.has(Act.DENY) and declined.small_talk
    assert not dialogue_acts("Danke, aber das Paket ist immer noch nicht da").small_talk
    assert not dialogue_acts("Nein, wie lange dauert denn die Lieferung?").small_talk
    # "und" before a thing or a case asks on without a question mark; before "ich" it closes
    assert not dialogue_acts("Super, danke. Und die Höhe: vom Ring bis zum Boden sind es 252 cm.").small_talk
    assert not dialogue_acts("Danke, und bei Gardinen nach Maß").small_talk
    assert dialogue_acts("Danke, und ich melde mich wieder.").small_talk


def test_a_question_without_its_mark_after_a_pause_is_asked_though_thanks_follow() -> None:
    typed = dialogue_acts("hab vor 2 wochen bestellt jetzt is die hose zu klein 🙈 kann ich die umtauschen thx")
    assert typed.has(Act.THANKS) and typed.asks and not typed.small_talk
    assert dialogue_acts("Danke, das kann ich gut gebrauchen, super").small_talk  # no verb in front


@pytest.mark.parametrize(
    "text",
    ["Ist die Zahlung sicher?", "Morgen kommt mein Paket?", "Passt die Hose gut?", "Gibt es Gutscheine?", "40123456"],
)
def test_words_that_end_or_start_a_question_are_no_acts(text: str) -> None:
    found = dialogue_acts(text)
    assert found.acts == frozenset()
    assert found.body == text


@pytest.mark.parametrize(
    "text", ["und?", "Und weiter?", "und dann?", "und sonst?", "Und was jetzt?", "ok, und?", "and?", "tell me more"]
)
def test_a_bare_and_asks_for_more_of_the_topic(text: str) -> None:
    found = dialogue_acts(text)
    assert found.has(Act.MORE) and found.body == ""


@pytest.mark.parametrize("text", ["und dann kann ich es zurückgeben?", "und wann?", "und in die Schweiz?"])
def test_an_and_with_a_question_of_its_own_asks_that(text: str) -> None:
    found = dialogue_acts(text)
    assert not found.has(Act.MORE) and found.body == text
