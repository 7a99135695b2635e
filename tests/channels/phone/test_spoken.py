"""Answers for the ear: figures in German words, no links, the page named in words, short sentences; and the
TwiML that carries them, which no caller's words can break."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from lxml import etree

from heine_ai.channels.phone.digits import join_spoken_digits, keypad_text
from heine_ai.channels.phone.spoken import for_the_ear
from heine_ai.channels.phone.twiml import Listen, TwiML, Voice
from heine_ai.config import BrandTexts, PhoneConfig
from heine_ai.config.texts import EnglishBrandTexts

TODAY = date(2026, 12, 6)
TEXTS = BrandTexts.default()


@pytest.mark.parametrize(
    ("written", "heard"),
    [
        ("Die Versandkosten betragen 5,95 €.", "Die Versandkosten betragen fünf Euro fünfundneunzig."),
        ("Ab 75 € liefern wir versandkostenfrei.", "Ab fünfundsiebzig Euro liefern wir versandkostenfrei."),
        ("Die Gebühr beträgt 0,50 €.", "Die Gebühr beträgt fünfzig Cent."),
        ("Sie haben 14 Tage Zeit.", "Sie haben vierzehn Tage Zeit."),
        ("Raten ab 1.500 € Bestellwert.", "Raten ab eintausendfünfhundert Euro Bestellwert."),
        ("Die Lieferung kommt am 07.12.2026.", "Die Lieferung kommt am Montag, dem siebten Dezember."),
        ("Gültig bis 2027-01-31.", "Gültig bis Sonntag, dem einunddreißigsten Januar zweitausendsiebenundzwanzig."),
        ("Wir sind von 8 bis 20 Uhr da.", "Wir sind von acht bis zwanzig Uhr da."),
        ("Zustellung gegen 14:30 Uhr.", "Zustellung gegen vierzehn Uhr dreißig."),
        ("Rufen Sie 0800 123 45 67 an.", "Rufen Sie null acht null null, eins zwei drei, vier fünf, sechs sieben an."),
        ("Ihre Bestellung 40345678 ist da.", "Ihre Bestellung vier null drei vier fünf sechs sieben acht ist da."),
        ("Sie erhalten 10 % Rabatt.", "Sie erhalten zehn Prozent Rabatt."),
        ("Das geht z. B. per PayPal bzw. Rechnung.", "Das geht zum Beispiel per PayPal beziehungsweise Rechnung."),
    ],
)
def test_figures_are_said_as_a_german_caller_expects(written: str, heard: str) -> None:
    assert for_the_ear(written, TEXTS, "de", TODAY) == heard


def test_links_and_page_hints_give_way_to_the_page_named_in_words() -> None:
    written = (
        "Die Expresslieferung kostet 7,95 € Aufpreis (siehe https://www.heine.de/service/express). "
        "Mehr dazu finden Sie unter „Expresslieferung“."
    )
    heard = for_the_ear(written, TEXTS, "de", TODAY, "Das steht auf unserer Seite Expresslieferung.")
    assert heard == (
        "Die Expresslieferung kostet sieben Euro fünfundneunzig Aufpreis. Das steht auf unserer Seite Expresslieferung."
    )


def test_every_figure_of_the_checked_answer_is_said_and_none_is_added() -> None:
    written = "Die Versandkosten von 5,95 € entfallen ab 75 €; Sie haben 30 Tage Zeit für die Rücksendung."
    heard = for_the_ear(written, TEXTS, "de", TODAY)
    assert not any(ch.isdigit() for ch in heard)
    for words in ("fünf Euro fünfundneunzig", "fünfundsiebzig Euro", "dreißig Tage"):
        assert words in heard


def test_a_long_sentence_is_split_where_it_already_pauses() -> None:
    written = (
        "Sie können Ihre Bestellung innerhalb von 30 Minuten nach dem Absenden kostenlos ändern oder stornieren; "
        "danach wenden Sie sich bitte an unseren Kundenservice, der Ihnen gerne bei allen Fragen weiterhilft."
    )
    heard = for_the_ear(written, TEXTS, "de", TODAY)
    assert heard.count(".") == 2 and "; " not in heard


def test_english_answers_are_said_in_english() -> None:
    heard = for_the_ear("Shipping costs 5,95 € and arrives on 07.12.2026.", EnglishBrandTexts.default(), "en", TODAY)
    assert heard == "Shipping costs five euros ninety-five and arrives on Monday, December seventh."


def test_digits_said_one_by_one_or_typed_become_one_figure() -> None:
    assert join_spoken_digits("meine Nummer ist vier null drei vier fünf sechs sieben acht") == (
        "meine Nummer ist 40345678"
    )
    assert join_spoken_digits("4034 5678, PLZ fünf null sechs sechs sieben.") == "40345678, PLZ 50667."
    assert join_spoken_digits("Ich habe ein Problem mit 2 Hosen") == "Ich habe ein Problem mit 2 Hosen"
    assert keypad_text("40345678#") == "40345678" and keypad_text("abc") == ""


def test_twiml_keeps_a_callers_words_as_text() -> None:
    voice = Voice("Polly.Vicki-Neural", "de-DE")
    xml = TwiML().say('Sie sagten: <Dial>+49</Dial> & "mehr"', voice).hangup().to_xml()
    root = etree.fromstring(xml.encode("utf-8"))
    assert [child.tag for child in root] == ["Say", "Hangup"]
    assert root[0].text == 'Sie sagten: <Dial>+49</Dial> & "mehr"'
    gathered = TwiML().gather(Listen("/next?turn=2&misses=0", "de-DE", "auto"), "Wie bitte?", voice).to_xml()
    gather = etree.fromstring(gathered.encode("utf-8"))[0]
    assert gather.get("action") == "/next?turn=2&misses=0" and gather[0].text == "Wie bitte?"


def test_service_hours_are_read_in_the_brands_time_zone() -> None:
    config = PhoneConfig(number="+4940999888777", hotline="+4940123456789", hours={"mon": "08:00-20:00"})
    monday_morning_utc = datetime(2026, 12, 7, 7, 30, tzinfo=UTC)  # 08:30 in Berlin
    assert config.is_open(monday_morning_utc)
    assert not config.is_open(datetime(2026, 12, 7, 6, 30, tzinfo=UTC))  # 07:30 in Berlin
    assert not config.is_open(datetime(2026, 12, 8, 10, 0, tzinfo=UTC))  # Tuesday: not listed
    with pytest.raises(ValueError, match="span"):
        PhoneConfig(number="+4940999888777", hotline="+4940123456789", hours={"mon": "20:00-08:00"})
