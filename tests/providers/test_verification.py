"""Every number, price, duration, date and payment method of an answer must be in its sources."""

from __future__ import annotations

import pytest

from heine_ai.providers.llm.verification import unsupported_facts

SOURCE = (
    "Sie haben 30 Tage Zeit. Der Versand kostet 5,95 €, ab 75 € ist er kostenlos. Zahlen Sie per Rechnung, "
    "PayPal oder Kreditkarte. Die Lieferung dauert 2 bis 4 Werktage. Stichtag ist der 31.01.2027. Ab 1.000 € Rate."
)


@pytest.mark.parametrize(
    "answer",
    [
        "Sie haben dreißig Tage Zeit.",
        "Die Rücksendung ist 30 Tage lang möglich.",
        "Der Versand kostet 5.95 Euro.",
        "Zahlen Sie bequem mit PayPal.",
        "Die Lieferung dauert zwei bis vier Werktage.",
        "Bis zum 31.01.2027.",
        "Ab 1000 € gibt es die Rate.",
    ],
)
def test_supported_answers_pass(answer: str) -> None:
    assert unsupported_facts(answer, [SOURCE]) == []


@pytest.mark.parametrize(
    ("answer", "missing"),
    [
        ("Sie haben 14 Tage Zeit.", ["14"]),
        ("Der Versand kostet 4,95 €.", ["4.95"]),
        ("Die Lieferung dauert einen Werktag.", ["1"]),
        ("Zahlen Sie per Nachnahme.", ["nachnahme"]),
        ("Bis zum 30.01.2027.", ["30.1.2027"]),
        ("Zahlen Sie mit Klarna, ab 50 €.", ["50", "klarna"]),
    ],
)
def test_invented_facts_are_found(answer: str, missing: list[str]) -> None:
    assert unsupported_facts(answer, [SOURCE]) == missing
