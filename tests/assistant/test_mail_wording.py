"""The expected response time of a hand-over by e-mail, in words, from the ticket's SLA."""

from __future__ import annotations

import pytest

from heine_ai.assistant.mail_wording import expected_wait
from heine_ai.config.brands import load_brand
from tests.support.installations import BRANDS

BRAND = load_brand(BRANDS / "heine.yaml")


@pytest.mark.parametrize(
    ("minutes", "german", "english"),
    [
        (30, "30 Minuten", "30 minutes"),
        (60, "einer Stunde", "one hour"),
        (90, "90 Minuten", "90 minutes"),
        (120, "2 Stunden", "2 hours"),
        (480, "8 Stunden", "8 hours"),
        (500, "9 Stunden", "9 hours"),
    ],
)
def test_the_sla_in_words(minutes: int, german: str, english: str) -> None:
    assert expected_wait(minutes, BRAND.texts_for("de")) == german
    assert expected_wait(minutes, BRAND.texts_for("en")) == english
