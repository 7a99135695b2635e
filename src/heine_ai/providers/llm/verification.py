"""Check a generated answer against its sources: every number, price, duration, date and payment method in the
answer must appear in the passages (or in the customer's own question), else the answer is not sent.

Numbers are compared by value ("5,95" = "5.95", "30" = "30"), so a model that rephrases is fine and a model that
invents "14 Tage" where the source says "30 Tage" is caught.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from heine_ai.text import fold

_NUMBER = re.compile(
    r"(?<![\w.])\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})?(?![\w])"  # dates: 31.01.2027, 31.01.
    r"|(?<![\w.])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\w])"  # thousands: 1.000,50
    r"|(?<![\w.])\d+(?:[.,]\d+)?(?![\w])"
)
_NUMBER_WORDS = {
    "eins": "1",
    "einen": "1",
    "einem": "1",
    "zwei": "2",
    "drei": "3",
    "vier": "4",
    "fünf": "5",
    "funf": "5",
    "sechs": "6",
    "sieben": "7",
    "acht": "8",
    "neun": "9",
    "zehn": "10",
    "elf": "11",
    "zwölf": "12",
    "zwolf": "12",
    "vierzehn": "14",
    "zwanzig": "20",
    "dreißig": "30",
    "dreissig": "30",
    "hundert": "100",
}
PAYMENT_METHODS = (
    "paypal",
    "kreditkarte",
    "visa",
    "mastercard",
    "american express",
    "amex",
    "rechnung",
    "ratenzahlung",
    "ratenkauf",
    "lastschrift",
    "vorkasse",
    "nachnahme",
    "sofortuberweisung",
    "sofort",
    "klarna",
    "apple pay",
    "google pay",
    "amazon pay",
    "giropay",
    "paydirekt",
    "bitcoin",
    "barzahlung",
    "uberweisung",
)


def _canonical(number: str) -> str:
    text = number.replace(" ", "")
    if re.fullmatch(r"\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})?", text):
        day, month, year = text.split(".")
        return f"{int(day)}.{int(month)}.{year}"
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):  # German thousands separators: 1.000,50
        text = text.replace(".", "")
    text = text.replace(",", ".")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.lstrip("0") or "0"


def numbers(text: str) -> set[str]:
    found = {_canonical(match.group(0)) for match in _NUMBER.finditer(text)}
    for word in re.findall(r"[a-zäöüß]+", text.lower()):
        if word in _NUMBER_WORDS:
            found.add(_NUMBER_WORDS[word])
    return found


def payment_methods(text: str) -> set[str]:
    folded = fold(text)
    return {method for method in PAYMENT_METHODS if re.search(rf"\b{re.escape(method)}\b", folded)}


def unsupported_facts(answer: str, sources: Iterable[str]) -> list[str]:
    """Numbers and payment methods of ``answer`` that none of ``sources`` contains; empty when all are backed."""
    corpus = " ".join(sources)
    backed_numbers = numbers(corpus)
    backed_methods = payment_methods(corpus)
    missing = sorted(n for n in numbers(answer) if n not in backed_numbers)
    missing += sorted(m for m in payment_methods(answer) if m not in backed_methods)
    return missing
