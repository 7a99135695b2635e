"""Knowledge in several languages: each document's language, and retrieval that prefers the customer's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from heine_ai.app_state import AppState
from heine_ai.errors import KnowledgeError
from heine_ai.knowledge.documents import Document
from heine_ai.knowledge.loaders import Origin
from heine_ai.knowledge.loaders.html import read_html
from heine_ai.knowledge.loaders.markdown import markdown_document, parse_markdown
from heine_ai.knowledge.retrieval import Preference

ORIGIN = Origin(source="page.md", url="/page", name="page")
THRESHOLD = 0.5


def doc(source: str, title: str, url: str, text: str, language: str = "") -> Document:
    return Document(source, title, url, parse_markdown(text), language)


KB = [
    doc(
        "de/lieferung.md",
        "Lieferung",
        "/service/lieferung",
        "Die Lieferung dauert innerhalb Deutschlands 2 bis 4 Werktage. Die Versandkosten betragen 5,95 €.",
    ),
    doc(
        "de/ruecksendung.md",
        "Rücksendung",
        "/service/ruecksendung",
        "Sie haben 30 Tage Zeit, einen Artikel kostenlos zurückzuschicken.",
    ),
    doc(
        "de/passwort.md",
        "Passwort vergessen",
        "/service/passwort",
        "Haben Sie Ihr Passwort vergessen, klicken Sie auf der Anmeldeseite auf „Passwort vergessen?“.",
    ),
    doc(
        "en/delivery.md",
        "Delivery",
        "/en/service/delivery",
        "Within Germany, delivery takes 2 to 4 working days. Shipping costs €5.95 per order.",
    ),
    doc(
        "en/returns.md",
        "Returns",
        "/en/service/returns",
        "You have 30 days to return an item free of charge.",
    ),
]


@pytest.mark.parametrize(
    ("front_matter", "language"),
    [("language: en\n", "en"), ("language: en-GB\n", "en"), ("language: DE\n", "de"), ("", "en")],
)
def test_a_markdown_document_states_its_language_or_it_is_detected(front_matter: str, language: str) -> None:
    raw = f"---\ntitle: Returns\n{front_matter}---\n\nYou have 30 days to return an item, free of charge."
    assert markdown_document(raw, ORIGIN).language == language


def test_the_text_decides_when_nothing_is_stated() -> None:
    german = markdown_document("# Rücksendung\n\nSie haben 30 Tage Zeit für die Rücksendung.", ORIGIN)
    english = markdown_document("# Returns\n\nYou have 30 days to send an item back to us.", ORIGIN)
    assert (german.language, english.language) == ("de", "en")


def test_a_language_that_is_no_language_code_is_a_clear_failure() -> None:
    with pytest.raises(KnowledgeError, match="language"):
        markdown_document("---\nlanguage: English please\n---\n\nYou have 30 days.", ORIGIN)


def test_an_html_page_states_its_language_in_the_html_element() -> None:
    page = b'<html lang="en-US"><head><title>Returns</title></head><body><main><h1>Returns</h1>'
    page += b"<p>Sie haben 30 Tage Zeit.</p></main></body></html>"  # the page says English: that wins
    assert read_html(page, ORIGIN).language == "en"


def test_the_language_is_part_of_the_content_hash() -> None:
    german = doc("a.md", "FAQ", "/faq", "PayPal, Visa, Mastercard.", language="de")
    assert german.content_hash != doc("a.md", "FAQ", "/faq", "PayPal, Visa, Mastercard.", language="en").content_hash


async def test_correcting_only_the_language_reindexes_the_document(empty_state: AppState, tmp_path: Path) -> None:
    page = tmp_path / "kb" / "faq.md"
    page.parent.mkdir()
    page.write_text("---\ntitle: FAQ\nlanguage: de\n---\n\nPayPal, Visa und Mastercard.", encoding="utf-8")
    await empty_state.ingestor.ingest_paths("heine", [page.parent])
    page.write_text("---\ntitle: FAQ\nlanguage: en\n---\n\nPayPal, Visa und Mastercard.", encoding="utf-8")
    changed = await empty_state.ingestor.ingest_paths("heine", [page.parent])
    again = await empty_state.ingestor.ingest_paths("heine", [page.parent])
    assert (changed.changed, again.changed, again.unchanged) == (1, 0, 1)
    chunks, _ = empty_state.vector_store.export("heine")
    assert {chunk.metadata["language"] for chunk in chunks} == {"en"}


async def urls(state: AppState, question: str, language: str | None) -> list[str]:
    prefer = Preference(language, THRESHOLD) if language else None
    _, hits = await state.knowledge.lookup("heine", question, k=3, prefer=prefer)
    return [hit.url for hit in hits]


async def test_each_customer_is_answered_from_the_pages_in_their_language(empty_state: AppState) -> None:
    """Without the preference, the English delivery page is the German delivery question's second hit (0.83)."""
    await empty_state.ingestor.ingest_documents("heine", KB)
    english = await urls(empty_state, "How long does delivery take?", "en")
    german = await urls(empty_state, "Wie lange dauert die Lieferung?", "de")
    assert english[0] == "/en/service/delivery" and all(url.startswith("/en/") for url in english)
    assert german[0] == "/service/lieferung" and not any(url.startswith("/en/") for url in german)
    assert (await urls(empty_state, "How long do I have to return an item?", "en"))[0] == "/en/service/returns"


async def test_a_question_the_english_pages_do_not_answer_falls_back_to_all_pages(empty_state: AppState) -> None:
    await empty_state.ingestor.ingest_documents("heine", KB)
    assert (await urls(empty_state, "I forgot my password, what can I do?", "en"))[0] == "/service/passwort"


async def test_a_brand_without_pages_in_the_language_searches_all_pages(empty_state: AppState) -> None:
    await empty_state.ingestor.ingest_documents("heine", [d for d in KB if not d.source.startswith("en/")])
    assert (await urls(empty_state, "How long does delivery take?", "en"))[0] == "/service/lieferung"


async def test_a_page_in_two_languages_is_searched_in_the_customers_part(empty_state: AppState) -> None:
    """A page that states no language and has a German and an English part: each part keeps its own language, a
    list of facts under a German heading the German one, so a German customer is answered from the German part."""
    page = doc(
        "international.md",
        "Internationale Bestellungen / International orders",
        "/service/international",
        "## Deutsch\n\nWir liefern auch nach Österreich und in die Schweiz, die Lieferzeit beginnt mit dem "
        "Versandtag.\n\n### Österreich\n\n- Lieferzeit: 3–5 Werktage\n- Versandkosten: EUR 6,49\n\n## English\n\n"
        "We are happy to ship to a small number of countries outside Germany. Shipping to the Netherlands, Belgium "
        "and Luxembourg costs EUR 7.90 and takes 4 to 6 working days, and the shipping is free from EUR 120.",
    )
    await empty_state.ingestor.ingest_documents("heine", [page])
    chunks, _ = empty_state.vector_store.export("heine")
    by_section = {chunk.metadata["section"]: chunk.metadata["language"] for chunk in chunks}
    assert by_section["Österreich"] == "de" and by_section["English"] == "en"
    _, hits = await empty_state.knowledge.lookup(
        "heine", "Wie lange dauert die Lieferung nach Österreich?", k=1, prefer=Preference("de", THRESHOLD)
    )
    assert hits[0].section in {"Deutsch", "Österreich"} and hits[0].chunk.metadata["language"] == "de"


async def test_a_few_english_notes_do_not_keep_an_english_customer_from_the_german_answer(
    empty_state: AppState,
) -> None:
    """German pages with one short English note for customers abroad: the note answers an English question only
    when nothing German answers it clearly better."""
    german = [d for d in KB if not d.source.startswith("en/")] + [
        doc("de/zahlung.md", "Bezahlen", "/service/zahlung", "Sie bezahlen auf Rechnung, per PayPal oder Kreditkarte."),
        doc("de/konto.md", "Kundenkonto", "/service/konto", "Im Kundenkonto sehen Sie Ihre Bestellungen."),
        doc("de/gutschein.md", "Gutscheine", "/service/gutschein", "Gutscheine sind drei Jahre gültig."),
    ]
    note = doc(
        "abroad.md",
        "For customers abroad",
        "/service/abroad",
        "Returns from Switzerland: please send your parcel with Swiss Post to our return address in Kreuzlingen.",
        "en",
    )
    await empty_state.ingestor.ingest_documents("heine", [*german, note])
    assert (await urls(empty_state, "How many days do I have to send stuff back?", "en"))[0] == "/service/ruecksendung"
    assert (await urls(empty_state, "Where do I send a return from Switzerland?", "en"))[0] == "/service/abroad"
