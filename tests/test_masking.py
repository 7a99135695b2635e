"""Personal data is masked before text leaves for an external LLM, and restored in the reply."""

from __future__ import annotations

import pytest

from heine_ai.masking import mask

CASES = [
    ("Meine E-Mail ist erika.mustermann@example.com.", "erika.mustermann@example.com", "EMAIL"),
    ("IBAN: DE89 3704 0044 0532 0130 00 bitte", "DE89 3704 0044 0532 0130 00", "IBAN"),
    ("IBAN DE89370400440532013000", "DE89370400440532013000", "IBAN"),
    ("Rufen Sie mich an: +49 170 1234567", "+49 170 1234567", "PHONE"),
    ("Telefon 0170/1234567", "0170/1234567", "PHONE"),
    ("Festnetz 040 123456", "040 123456", "PHONE"),
    ("Ich wohne in der Musterstraße 12a", "Musterstraße 12a", "ADDRESS"),
    ("Lieferadresse: Hauptstr. 5, bitte", "Hauptstr. 5", "ADDRESS"),
    ("Lieferung an Am Markt 3", "Am Markt 3", "ADDRESS"),
    ("Postleitzahl 20095 Hamburg", "20095", "POSTCODE"),
    ("Bestellung 40123456 ist nicht da", "40123456", "NUMBER"),
    ("Kundennummer 1234567890", "1234567890", "NUMBER"),
    ("Karte 4111 1111 1111 1111", "4111 1111 1111 1111", "CARD"),
]


@pytest.mark.parametrize(("text", "secret", "kind"), CASES, ids=[c[2] + ":" + c[1] for c in CASES])
def test_personal_data_is_masked_and_restored(text: str, secret: str, kind: str) -> None:
    masked = mask(text)
    assert secret not in masked.text
    assert f"[{kind}_1]" in masked.text
    assert masked.unmask(masked.text) == text


def test_ordinary_text_is_left_alone() -> None:
    text = "Sie haben 30 Tage Zeit. Der Versand kostet 5,95 € und ab 75 € ist er kostenlos, Lieferung in 2 bis 4 Tagen."
    assert mask(text).text == text


def test_same_value_same_placeholder_across_texts_and_invented_placeholders_dropped() -> None:
    first = mask("Bestellung 40123456, Mail an a@b.de")
    second = mask("Ist 40123456 schon unterwegs? Sonst an c@d.de", first)
    assert "[NUMBER_1]" in second.text and "[EMAIL_2]" in second.text
    reply = "Ihre Bestellung [NUMBER_1] ist unterwegs; wir schreiben an [EMAIL_2] und [EMAIL_9]."
    assert second.unmask(reply) == "Ihre Bestellung 40123456 ist unterwegs; wir schreiben an c@d.de und ."
