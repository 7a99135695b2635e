"""German hybrid retrieval: compounds, umlauts, exact numbers, brand isolation and a relevance that means the same."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from heine_ai.app_state import AppState
from heine_ai.knowledge import index as index_module
from heine_ai.knowledge.documents import Document
from heine_ai.knowledge.index import BrandIndex
from heine_ai.knowledge.loaders.markdown import parse_markdown
from heine_ai.knowledge.retrieval import (
    Preference,
    RetrievedChunk,
    break_ties,
    coverage,
    load_index,
    rare_terms,
)
from heine_ai.lifespan import close_state
from heine_ai.providers.vectors import StoredChunk
from heine_ai.text import stems
from heine_ai_lab.retrieval import evaluate_retrieval
from tests.conftest import SettingsFactory
from tests.support.embedder import MemoEmbedder
from tests.support.installations import Templates, build_installed_state
from tests.support.servers import SHARED_EVAL, require

THRESHOLD = 0.5
XQUAD = SHARED_EVAL / "xquad_de" / "xquad_de_flat.jsonl"


def doc(source: str, title: str, text: str) -> Document:
    return Document(source=source, title=title, url=f"/{source}", blocks=parse_markdown(text))


SMALL_KB = [
    doc(
        "etikett", "Retouren", "Das Etikett für Ihre Rücksendung liegt jedem Paket bei. Kleben Sie es gut sichtbar auf."
    ),
    doc("lieferung", "Lieferung", "Die Lieferung erfolgt mit DHL oder Hermes und dauert zwei bis vier Werktage."),
    doc("gutschein", "Gutscheine", "Gutscheincodes geben Sie im Warenkorb ein. Ein Gutschein gilt drei Jahre."),
    doc("art1", "Wollmantel", "Der Wollmantel mit der Artikelnummer 583921 ist in Schwarz und Camel erhältlich."),
    doc("art2", "Wollmantel kurz", "Der kurze Wollmantel mit der Artikelnummer 583912 ist in Schwarz erhältlich."),
    doc("art3", "Wolljacke", "Die Wolljacke mit der Artikelnummer 583922 ist in Schwarz und Grau erhältlich."),
    doc("groesse", "Größenberatung", "Unsere Größentabelle hilft Ihnen, die passende Größe zu finden."),
]


@pytest.fixture
async def small(
    make_settings: SettingsFactory, embedder: MemoEmbedder, templates: Templates, vector_settings: dict[str, Any]
) -> AsyncIterator[AppState]:
    state = await build_installed_state(make_settings(**vector_settings), embedder, templates, demo=False)
    summary = await state.ingestor.ingest_documents("heine", SMALL_KB)
    assert summary.added == len(SMALL_KB)
    try:
        yield state
    finally:
        await close_state(state)


async def top_url(state: AppState, question: str) -> str:
    results = await state.knowledge.search("heine", question, k=3)
    return results[0].url


async def test_compound_words_meet_their_parts(small: AppState) -> None:
    assert await top_url(small, "Wo finde ich das Rücksendeetikett?") == "/etikett"
    assert await top_url(small, "Wie lange ist ein Gutscheincode gültig?") == "/gutschein"


async def test_umlauts_and_sharp_s_are_folded(small: AppState) -> None:
    assert await top_url(small, "grossentabelle") == "/groesse"
    assert await top_url(small, "RUCKSENDUNG ETIKETT") == "/etikett"


async def test_exact_article_numbers_match(small: AppState) -> None:
    assert await top_url(small, "583921") == "/art1"
    assert await top_url(small, "Ist Artikel 583922 in Grau lieferbar?") == "/art3"
    assert await top_url(small, "Gibt es 583912 auch in Camel?") == "/art2"


async def test_a_large_index_keeps_half_precision_sentences_and_ranks_the_same(
    small: AppState, monkeypatch: pytest.MonkeyPatch
) -> None:
    questions = ["Wie lange dauert die Lieferung?", "Wo ist das Rücksendeetikett?", "Wollmantel 583921 in Camel?"]
    version = await small.knowledge.version("heine")

    def ranked() -> list[list[tuple[int, float]]]:
        built = load_index(small.vector_store, "heine", version)
        hits = [built.search(small.embedder.embed_query(q), q, k=3) for q in questions]
        return [[(hit.position, hit.sentence) for hit in found] for found in hits]

    exact = ranked()
    monkeypatch.setattr(index_module, "FLOAT32_SENTENCES", 0)  # as if the brand had more sentences than that
    half = ranked()
    assert [[p for p, _ in found] for found in half] == [[p for p, _ in found] for found in exact]
    for near, far in zip(half, exact, strict=True):
        assert [s for _, s in near] == pytest.approx([s for _, s in far], abs=2e-3)


async def test_relevance_is_calibrated_across_questions(state: AppState) -> None:
    answerable = [
        "Wie lange habe ich Zeit, einen Artikel zurückzuschicken?",
        "Welche Zahlungsarten gibt es?",
        "Ich habe mein Passwort vergessen",
        "Wie löse ich einen Gutschein ein?",
        "Liefern Sie auch in die Schweiz?",
    ]
    unrelated = ["Wie wird das Wetter morgen?", "Spiel mir ein Lied von Queen", "Wer hat die WM 2014 gewonnen?"]
    for question in answerable:
        best = (await state.knowledge.search("heine", question))[0]
        assert 0 <= best.relevance <= 1
        assert best.relevance >= THRESHOLD, (question, best.relevance)
    for question in unrelated:
        best = (await state.knowledge.search("heine", question))[0]
        assert best.relevance < THRESHOLD, (question, best.relevance)


async def test_unchanged_knowledge_keeps_the_loaded_index(state: AppState) -> None:
    first = await state.knowledge.index("heine")
    again = await state.knowledge.index("heine")
    assert again is first and len(first) > 100


async def test_eval_command_on_a_slice_of_xquad(
    tmp_path: Path, embedder: MemoEmbedder, make_settings: SettingsFactory
) -> None:
    require(XQUAD.exists(), f"{XQUAD} is missing (shared/ is laid beside the repository)")
    rows = XQUAD.read_text(encoding="utf-8").splitlines()[:60]
    dataset = tmp_path / "slice.jsonl"
    dataset.write_text("\n".join(rows) + "\n", encoding="utf-8")
    results = await evaluate_retrieval(dataset, embedder=embedder, base_settings=make_settings())
    assert set(results) == {"bm25", "char4", "dense", "project"}
    for row in results.values():
        assert set(row) == {"recall@1", "recall@5", "mrr@10", "p50_ms", "p95_ms"}
        assert 0 <= row["recall@1"] <= row["recall@5"] <= 1
        assert row["p95_ms"] >= row["p50_ms"] > 0
    assert results["project"]["recall@1"] >= max(results["bm25"]["recall@1"], results["dense"]["recall@1"])
    assert results["project"]["recall@1"] >= 0.9
    json.dumps(results)  # what --json prints


EVERYDAY_KB = [
    doc(
        "retoure",
        "Retoure",
        "# Retoure\n\n## Wie viel Zeit habe ich für eine Rücksendung?\n\nSie haben 21 Tage Zeit. Die Frist beginnt mit"
        " der Zustellung.\n\n## So geht die Retoure\n\nMelden Sie die Retoure im Kundenkonto an und drucken Sie das"
        " Label aus.",
    ),
    doc(
        "geld",
        "Rückzahlung",
        "# Rückzahlung\n\n## Wann bekomme ich mein Geld zurück?\n\nWenn Sie Artikel zurückschicken, erstatten wir den"
        " Betrag innerhalb von 5 Werktagen.",
    ),
    doc(
        "versand",
        "Versand",
        "# Versand\n\n## Lieferung nach Österreich\n\nNach Österreich liefern wir in 4 bis 6 Werktagen.\n\n"
        "## Lieferung in die Schweiz\n\nIn die Schweiz liefern wir in 5 bis 8 Werktagen.",
    ),
]


@pytest.fixture
async def everyday(
    make_settings: SettingsFactory, embedder: MemoEmbedder, templates: Templates, vector_settings: dict[str, Any]
) -> AsyncIterator[AppState]:
    state = await build_installed_state(make_settings(**vector_settings), embedder, templates, demo=False)
    await state.ingestor.ingest_documents("heine", EVERYDAY_KB)
    try:
        yield state
    finally:
        await close_state(state)


async def test_a_question_in_other_words_finds_the_section_its_heading_names(everyday: AppState) -> None:
    prefer = Preference("de", THRESHOLD)
    _, results = await everyday.knowledge.lookup(
        "heine", "Wie lange habe ich Zeit, etwas zurückzuschicken?", prefer=prefer
    )
    assert (results[0].url, results[0].section) == ("/retoure", "Wie viel Zeit habe ich für eine Rücksendung?")
    # the heading is searched, never quoted: only the section's sentences are offered to an answer
    assert all(text for text, _ in results[0].sentences)
    assert "Wie viel Zeit habe ich für eine Rücksendung?" not in dict(results[0].sentences)


def _hit(url: str, text: str, score: float, relevance: float) -> RetrievedChunk:
    chunk = StoredChunk(id=url, text=text, metadata={"url": url})
    return RetrievedChunk(chunk, relevance=relevance, score=score, sentence=0.0, passage=0.0, coverage=1.0)


def test_a_how_to_question_takes_the_steps_of_a_tie() -> None:
    # scored nearly alike, as on a second brand's pages: the refund page's condition names the question's words
    condition = _hit("/geld", "Wenn Sie die Bestellung zurückschicken, erstatten wir die Versandkosten.", 2.71, 0.92)
    steps = _hit("/retoure", "Melden Sie die Rücksendung in Ihrem Kundenkonto an.", 2.64, 0.60)
    far = _hit("/storno", "Melden Sie sich bei uns.", 1.50, 0.70)
    assert [r.url for r in break_ties([condition, steps, far], "Wie schicke ich es zurück?")] == [
        "/retoure",
        "/geld",
        "/storno",
    ]
    # a question that wants no steps keeps the relevance order of the tie
    assert break_ties([condition, steps, far], "Bekomme ich das Porto zurück?")[0].url == "/geld"


def test_a_word_no_page_uses_weighs_on_no_page() -> None:
    page = frozenset(stems("Retoure: So schicken Sie einen Artikel zurück"))
    brand = page | frozenset(stems("Lieferung nach Österreich"))
    question = "Wie kann ich den Mantel zurückschicken?"
    assert coverage(question, page) == 0.5  # "Mantel" is missing from this page ...
    assert coverage(question, page, known=brand) == 1.0  # ... and from every other: it tells the pages no apart
    assert coverage("Wie lange dauert die Lieferung nach Österreich?", page, known=brand) == 0.0
    # filler words of everyday German are no words of the question's topic
    care = frozenset(stems("Pflege: So waschen Sie Wolle"))
    assert coverage("Sag mal, wie wasch ich die Wolle trotzdem am besten?", care) == 1.0


async def test_a_misspelt_question_is_searched_as_the_brand_writes(everyday: AppState) -> None:
    prefer = Preference("de", THRESHOLD)
    _, results = await everyday.knowledge.lookup("heine", "wie lang dauert dei liferung nach östereich", prefer=prefer)
    assert results[0].section == "Lieferung nach Österreich"
    assert results[0].relevance >= THRESHOLD


def test_a_word_few_chunks_use_names_what_they_are_about_unless_the_question_names_an_unknown_thing() -> None:
    texts = [
        "Nachnahme und Barzahlung bieten wir nicht an, Sie bestellen auf Rechnung.",
        "Sie bezahlen per Rechnung oder PayPal.",
        "Die Rechnung liegt dem Paket bei.",
        "Daunenjacken waschen Sie bei 30 Grad.",
        "Wir verschicken alles aus unserem Lager bei Rosenheim.",
        "Wie lange dauert die Lieferung? Meist zwei Tage.",
    ]
    chunks = [StoredChunk(id=str(i), text=text, metadata={"title": "Service"}) for i, text in enumerate(texts)]
    index = BrandIndex(chunks, np.zeros((6, 4), np.float32), np.zeros((0, 4), np.float32), [], version=1)
    assert rare_terms("Kann ich per Nachnahme bestellen?", index) & index.content_stems(0)
    assert not rare_terms("Kann ich per Nachnahme bestellen?", index) & index.content_stems(1)  # it lacks the word
    assert not rare_terms("Geht das per Rechnung?", index) & index.content_stems(1)  # three chunks say "Rechnung"
    # a product no page names: the care page's word "Daunenjacke" does not make it answer a question on stock
    assert not rare_terms("Wann ist die Daunenjacke Elster wieder lieferbar?", index) & index.content_stems(3)
    # a place says where the customer is, not what the question is about: no pull to the warehouse's town
    assert not rare_terms("Wie lange braucht ein Paket zu mir nach Rosenheim?", index)
    # a rare word that names no thing: "dauert" in one heading makes no page about the question
    assert not rare_terms("Und wie lange dauert das?", index)
