"""Yes or no to a yes/no question, only where the sentence clearly says it about what was asked."""

from __future__ import annotations

import pytest

from heine_ai.providers.llm.polarity import Polarity, narrowed, polarity

FREE_RETURNS = (
    "Innerhalb Deutschlands und aus Österreich ist die Rücksendung für Sie kostenlos: Das Porto übernimmt "
    "Lindenhof Mode, solange Sie unser Retourenlabel verwenden."
)


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("Kann ich bei euch mit PayPal bezahlen?", "PayPal bieten wir nicht an."),
        ("kann ich per nachnahme zahlen", "Nachnahme, Lastschrift und Google Pay bieten wir ebenfalls nicht an."),
        (
            "Liefern Sie auch nach Italien?",
            "Lieferungen nach Liechtenstein, Italien, Frankreich oder in andere Länder sind leider nicht möglich.",
        ),
        (
            "Kann ich eine Expresslieferung an eine Packstation schicken?",
            "Eine Expresslieferung an Packstationen ist leider nicht möglich.",
        ),
        ("Muss ich für eine Rücksendung etwas bezahlen?", FREE_RETURNS),
        ("Muss ich das Porto zahlen?", "Das Porto ist für Sie kostenlos."),  # a "yes" before: it is free
        ("Soll man den Versand selbst bezahlen?", "Der Versand ist kostenlos."),
        ("Can I pay with PayPal?", "We do not accept PayPal."),
        # "bestellen" is what every order does: the way to pay is what is asked
        ("Kann ich per Nachnahme bestellen?", "Nachnahme, Klarna und Barzahlung bieten wir nicht an."),
        # "bei Kranich" is the shop the customer calls "bei Ihnen", no case of it
        ("Kann ich bei Ihnen mit Apple Pay bezahlen?", "Apple Pay und Klarna gibt es bei Kranich nicht."),
    ],
)
def test_a_sentence_that_negates_the_asked_thing_says_no(question: str, sentence: str) -> None:
    assert polarity(question, sentence) is Polarity.NO


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("Kann ich auf Rechnung bezahlen?", "Sie können bequem auf Rechnung kaufen."),
        ("Kann ich mit Apple Pay zahlen?", "Auf Apple-Geräten können Sie außerdem mit Apple Pay bezahlen."),
        ("Ist die Rücksendung kostenlos?", FREE_RETURNS),
        ("Can I pay by credit card?", "You can pay by credit card."),
    ],
)
def test_a_sentence_that_affirms_the_asked_thing_says_yes(question: str, sentence: str) -> None:
    assert polarity(question, sentence) is Polarity.YES


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # an exception for another case is no answer to the general question
        (
            "Kann ich auf Rechnung bezahlen?",
            "Bei Lieferungen in die Schweiz und an Packstationen ist der Rechnungskauf leider nicht möglich.",
        ),
        ("Kann ich auf Rechnung bezahlen?", "Rechnung und Ratenkauf sind für die Schweiz nicht verfügbar."),
        # the negation is about pick-up stations, not about Austria
        ("Liefert ihr auch nach Österreich?", "Eine Zustellung an Abholstationen bieten wir in Österreich nicht an."),
        # a restriction that does not name the asked country
        (
            "Liefern Sie auch nach Italien?",
            "Wir liefern ausschließlich nach Deutschland, Österreich und in die Schweiz.",
        ),
        # the sentence does not name everything asked about
        (
            "Gilt das Widerrufsrecht auch für einen Schal?",
            "Das Widerrufsrecht besteht nicht bei Artikeln mit Stickerei.",
        ),
        ("Kann ich mit PayPal bezahlen?", "Welche Zahlungsarten bieten Sie an?"),
        # the negation after a comma is about the payment provider, not about paying on account
        ("Kann man auf Rechnung kaufen?", "Den Rechnungskauf wickeln wir selbst ab, nicht über einen Dienstleister."),
        # the clause that negates is about parcel shops; the first clause named the invoice
        (
            "Kann man auf Rechnung kaufen?",
            "Voraussetzung: Rechnungs- und Lieferadresse stimmen überein; Lieferung an einen PaketShop ist nicht möglich.",
        ),
        # "nichts" negates: never a "Ja" in front of it
        ("Muss ich da noch was draufrechnen?", "Bitte also nichts mehr draufrechnen!"),
        # free for a narrower case than the one asked about
        ("Ist die Rücksendung bei euch kostenlos?", "Die Rücksendung fehlerhafter Ware ist für Sie kostenlos."),
    ],
)
def test_when_unsure_there_is_no_yes_or_no(question: str, sentence: str) -> None:
    assert polarity(question, sentence) is None


def test_across_languages_the_glossary_names_the_asked_thing() -> None:
    assert polarity("Can I pay by invoice?", "Sie können bequem auf Rechnung kaufen.", into="de") is Polarity.YES
    assert polarity("Can I pay with PayPal?", "PayPal bieten wir nicht an.", into="de") is Polarity.NO
    assert polarity("Hi, can I return my dress for free?", FREE_RETURNS, into="de") is Polarity.YES
    listed = "Nachnahme, Lastschrift und Google Pay bieten wir ebenfalls nicht an."
    assert polarity("Can I pay by invoice?", listed, into="de") is None
    assert polarity("Kann ich auf Rechnung bezahlen?", "You can pay by invoice.", into="en") is Polarity.YES


@pytest.mark.parametrize(
    ("question", "sentence", "said"),
    [
        # the page answers its own question with a yes or a no
        ("Kann ich auch ohne Kundenkonto bestellen?", "Ja, eine Bestellung ist auch ohne Kundenkonto möglich.", "yes"),
        ("Can I order without an account?", "Yes, you can also order without an account as a guest.", "yes"),
        ("Gibt es einen Mindestbestellwert?", "Nein, einen Mindestbestellwert gibt es bei uns nicht.", "no"),
        # a negation the question asks about is no "no": "ohne" in both
        ("Kann ich ohne Kundenkonto bestellen?", "Eine Bestellung ist auch ohne Kundenkonto als Gast möglich.", "yes"),
        ("Kann ich ohne Kundenkonto bestellen?", "Ohne Kundenkonto können Sie nicht bestellen.", "no"),
    ],
)
def test_a_stated_answer_and_the_question_s_own_negation(question: str, sentence: str, said: str) -> None:
    assert polarity(question, sentence) is Polarity(said)


@pytest.mark.parametrize(
    ("question", "sentence", "answer"),
    [
        (
            "Kann ich bei Ihnen per Nachnahme bestellen?",
            "Nachnahme, American Express, Apple Pay, Klarna sowie Barzahlung bieten wir nicht an.",
            "Nachnahme bieten wir nicht an.",
        ),
        (
            "Kann ich mit Apple Pay bezahlen?",
            "Apple Pay, Klarna, Ratenkauf bzw. Finanzierung und TWINT können wir leider nicht anbieten.",
            "Apple Pay können wir leider nicht anbieten.",
        ),
        (
            "Kann ich bei Ihnen mit Apple Pay bezahlen?",
            "Apple Pay, Klarna, Nachnahme und Amazon Pay gibt es bei Kranich nicht, auch nicht auf Nachfrage.",
            "Apple Pay gibt es bei Kranich nicht, auch nicht auf Nachfrage.",
        ),
        # a list that is no fronted object, or two items asked about: the sentence as it is
        ("Kann ich mit PayPal zahlen?", "Sie können mit Rechnung, PayPal und Kreditkarte zahlen.", None),
        ("Geht Klarna oder Apple Pay?", "Apple Pay, Google Pay, Klarna und TWINT bieten wir nicht an.", None),
    ],
)
def test_a_listed_answer_is_cut_to_the_item_asked_about(question: str, sentence: str, answer: str | None) -> None:
    assert narrowed(question, sentence) == (answer or sentence)


def test_an_amount_below_the_threshold_is_not_free() -> None:
    row = "Lieferland Österreich: Versandkosten 7,50 EUR, Versandkostenfrei ab 120,00 EUR, Lieferzeit 3–5 Werktage."
    assert polarity("bei 110 euro ist der versand nach österreich dann auch schon gratis?", row) is Polarity.NO
    assert polarity("bei 130 € ist der versand nach österreich dann gratis?", row) is Polarity.YES
    threshold = "Ab einem Warenwert von 49 € ist der Versand kostenlos."
    assert polarity("Ich komme auf 45 Euro, ist der Versand dann kostenlos?", threshold) is Polarity.NO
    assert polarity("Is shipping free for €49?", "Shipping is free from €49.") is Polarity.YES


def test_paying_for_the_shipping_below_the_threshold_is_a_yes() -> None:
    threshold = "Ab einem Warenwert von 49 € liefern wir versandkostenfrei."
    assert polarity("ich habe 45 € im Korb, zahl ich Versand?", threshold) is Polarity.YES
    assert polarity("ich habe 50 € im Korb, zahl ich Versand?", threshold) is Polarity.NO
