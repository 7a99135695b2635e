"""Order numbers, customer numbers, e-mail addresses and postcodes in customer messages."""

from __future__ import annotations

import pytest

from heine_ai.entities import Entities, extract

CASES = [
    ("Bestellung 40123456, PLZ 20095", Entities(order_number="40123456", postcode="20095")),
    ("Meine Kundennummer ist 1234567890", Entities(customer_number="1234567890")),
    ("Bitte an erika@example.com schreiben", Entities(email="erika@example.com")),
    ("Ich wohne in 80331 München", Entities(postcode="80331")),
    ("Die Jacke kostet 12345 Euro?", Entities()),
    ("Sie haben 30 Tage Zeit und zahlen 5,95 €", Entities()),
    ("Order 40345678 to 50667 please", Entities(order_number="40345678", postcode="50667")),
    ("Bestellung #40123456 (PLZ: 20095).", Entities(order_number="40123456", postcode="20095")),
    # digits glued to a word belong to a name or an article code: the erasure test's place names caught this
    ("Wie lange dauert die Lieferung nach Quenzelbrück91287809?", Entities()),
    ("Artikel A12345678, Größe 40123456x", Entities()),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_extract(text: str, expected: Entities) -> None:
    assert extract(text) == expected
