"""A plain-text page's title line and capitalised section labels become its headings."""

from __future__ import annotations

from heine_ai.knowledge.chunking import chunk_document
from heine_ai.knowledge.documents import Document
from heine_ai.knowledge.loaders import Origin
from heine_ai.knowledge.loaders.dispatch import Kind, load

CONTACT = """Kontakt und Servicezeiten

So erreichen Sie unseren Kundenservice.


TELEFON

Deutschland: 0541 600 48 48
Montag bis Freitag von 8 bis 18 Uhr.


E-MAIL UND POST

Allgemeine Anfragen: service@shop.example
Wir antworten innerhalb von 2 Werktagen.
"""


def test_a_text_page_is_sectioned_by_its_capitalised_labels() -> None:
    document = _text(CONTACT)
    assert document.title == "Kontakt und Servicezeiten"
    sections = {chunk.section: chunk.text for chunk in chunk_document(document)}
    assert "8 bis 18 Uhr" in sections["Telefon"] and "service@" not in sections["Telefon"]
    assert "2 Werktagen" in sections["E-Mail und Post"]


def test_labels_in_capitals_head_the_lines_right_below_them() -> None:
    """A title in capitals with a line below it, and labels with their lines right below, no blank between."""
    document = _text(
        "KONTAKT UND SERVICEZEITEN\nShop - Kundenservice\n\nTELEFON\nDeutschland: 08041 793 30\n"
        "Servicezeiten: Montag bis Freitag 8 bis 17 Uhr, Samstag 9 bis 12 Uhr\n\nWHATSAPP\nNummer: +49 151 2340 7788\n"
    )
    assert document.title == "Kontakt und Servicezeiten"
    sections = {chunk.section: chunk.text for chunk in chunk_document(document)}
    assert "Samstag 9 bis 12 Uhr" in sections["Telefon"] and "+49 151" not in sections["Telefon"]
    assert "+49 151 2340 7788" in sections["Whatsapp"]


def test_a_text_of_one_line_is_its_own_content() -> None:
    document = _text("Größe")
    assert [chunk.text for chunk in chunk_document(document)] == ["Größe."]


def _text(text: str) -> Document:
    loaded = load(text.encode(), Kind.TEXT, Origin(source="seite.txt", url="/seite", name="seite"), 10**6)
    assert isinstance(loaded, Document)
    return loaded
