"""Entities in customer messages: order number, customer number, e-mail address, postcode."""

from __future__ import annotations

import re
from dataclasses import dataclass

from heine_ai.masking import EMAIL

# a number glued to a word ("Quenzelbrück91287809", "A12345678") is part of a name or an article code, no entity
_ORDER = re.compile(r"(?<![\w.,])\d{8}(?![\d.,]\d|[^\W\d])")
_CUSTOMER = re.compile(r"(?<![\w.,])\d{10}(?![\d.,]\d|[^\W\d])")
_POSTCODE = re.compile(r"(?<![\w.,€])\d{5}(?![\d.,]?\d|[^\W\d]|\s?(?:€|euro|eur\b))", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Entities:
    order_number: str | None = None
    customer_number: str | None = None
    email: str | None = None
    postcode: str | None = None


def extract(text: str) -> Entities:
    """The first of each kind; an 8-digit order number is never mistaken for a postcode, nor the reverse."""
    order = _ORDER.search(text)
    customer = _CUSTOMER.search(text)
    email = EMAIL.search(text)
    postcode = _POSTCODE.search(text)
    return Entities(
        order_number=order.group(0) if order else None,
        customer_number=customer.group(0) if customer else None,
        email=email.group(0) if email else None,
        postcode=postcode.group(0) if postcode else None,
    )
