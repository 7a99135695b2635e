"""Ingesting knowledge: idempotent by content hash, changes replace chunks, prune, bad files skipped, brands apart."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from heine_ai.app_state import AppState
from heine_ai.knowledge import documents
from heine_ai.knowledge.documents import Document
from heine_ai.knowledge.loaders.markdown import parse_markdown
from heine_ai.knowledge.retrieval import sentence_collection
from heine_ai.lifespan import close_state
from tests.conftest import SettingsFactory
from tests.support.embedder import MemoEmbedder
from tests.support.installations import BRANDS, KNOWLEDGE, Templates, build_installed_state

RETURNS = "Wie lange habe ich Zeit, einen Artikel zurückzuschicken?"


def _doc(title: str, url: str, body: str) -> str:
    return f"---\ntitle: {title}\nurl: {url}\n---\n# {title}\n\n{body}\n"


@pytest.fixture
async def fresh(
    make_settings: SettingsFactory,
    embedder: MemoEmbedder,
    templates: Templates,
    tmp_path: Path,
    vector_settings: dict[str, Any],
) -> AsyncIterator[AppState]:
    """Runs every test on the embedded store and on a Chroma server."""
    brands = tmp_path / "brands"
    brands.mkdir()
    shutil.copy(BRANDS / "heine.yaml", brands / "heine.yaml")
    (brands / "sheego.yaml").write_text(
        "display_name: sheego\ngreeting: Hallo!\nsignature: Ihr sheego Team\nknowledge_path: kb/sheego\n",
        encoding="utf-8",
    )
    settings = make_settings(brands_dir=brands, **vector_settings)
    state = await build_installed_state(settings, embedder, templates, demo=False)
    yield state
    await close_state(state)


async def test_reingesting_unchanged_documents_does_nothing(fresh: AppState) -> None:
    first = await fresh.ingestor.ingest_paths("heine", [KNOWLEDGE])
    assert first.added == len(list(KNOWLEDGE.rglob("*.md"))) and first.failed == []
    second = await fresh.ingestor.ingest_paths("heine", [KNOWLEDGE])
    assert (second.added, second.changed, second.unchanged) == (0, 0, first.added)
    assert second.version == first.version  # no effective change, no new version
    assert fresh.vector_store.count("heine") == first.chunks


async def test_a_sentence_that_points_back_is_embedded_under_its_heading(
    fresh: AppState, tmp_path: Path, embedder: MemoEmbedder
) -> None:
    """ "In diesem Fall ..." is found by the topic its heading names; a sentence that stands alone stays as it is."""
    kb = tmp_path / "kb"
    kb.mkdir()
    leaning = "In diesem Fall zahlen Sie bequem in sechs Monatsraten."
    (kb / "a.md").write_text(_doc("Zahlung", "/z", f"## Ratenzahlung\n\n{leaning}"), encoding="utf-8")
    lone = "Die Lieferung dauert 2 bis 4 Werktage."
    (kb / "b.md").write_text(_doc("Lieferung", "/l", f"## Dauer\n\n{lone}"), encoding="utf-8")
    await fresh.ingestor.ingest_paths("heine", [kb])
    rows, vectors = fresh.vector_store.export(sentence_collection("heine"))
    pairs = list(zip(rows, vectors, strict=True))
    stored = {row.text: np.asarray(vector, np.float32) for row, vector in pairs if not row.metadata.get("heading")}
    assert set(stored) == {leaning, lone}  # the sentence itself is kept and shown, without its heading
    # each section heading has a vector of its own, searched but with no text to quote
    headings = [np.asarray(vector, np.float32) for row, vector in pairs if row.metadata.get("heading")]
    assert [row.text for row, _ in pairs if row.metadata.get("heading")] == ["", ""]
    expected = embedder.embed_passages(["Ratenzahlung", "Dauer"])
    assert sorted(any(np.allclose(h, e, atol=1e-3) for h in headings) for e in expected) == [True, True]
    under_heading, bare = embedder.embed_passages([f"Ratenzahlung\n{leaning}", leaning])
    assert np.allclose(stored[leaning], under_heading, atol=1e-3)
    assert np.allclose(stored[lone], embedder.embed_passages([lone])[0], atol=1e-3)
    question = embedder.embed_query("Wie funktioniert die Ratenzahlung?")
    assert float(stored[leaning] @ question) > float(bare @ question) + 0.015  # 0.877 against 0.845 here


def test_an_upgrade_that_embeds_differently_reindexes_every_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """The next ingest after such an upgrade sees every document as changed and embeds it the new way."""
    document = Document("a.md", "FAQ", "/faq", parse_markdown("Wir liefern in 2 bis 4 Werktagen."), language="de")
    before = document.content_hash
    monkeypatch.setattr(documents, "INDEX_FORMAT", "1")
    assert document.content_hash != before


async def test_changed_document_replaces_its_chunks_and_bumps_the_version(fresh: AppState, tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "a.md").write_text(_doc("Rücksendung", "/r", "## Frist\n\nSie haben 30 Tage Zeit für die Rücksendung."))
    (kb / "b.md").write_text(_doc("Lieferung", "/l", "## Dauer\n\nDie Lieferung dauert 2 bis 4 Werktage."))
    first = await fresh.ingestor.ingest_paths("heine", [kb])
    (kb / "a.md").write_text(_doc("Rücksendung", "/r", "## Frist\n\nSie haben 100 Tage Zeit für die Rücksendung."))
    second = await fresh.ingestor.ingest_paths("heine", [kb])
    assert (second.added, second.changed, second.unchanged) == (0, 1, 1)
    assert second.version == first.version + 1
    texts = [chunk.text for chunk in fresh.vector_store.export("heine")[0]]
    assert any("100 Tage" in t for t in texts) and not any("30 Tage" in t for t in texts)
    hits = await fresh.knowledge.search("heine", RETURNS)
    assert "100 Tage" in hits[0].chunk.text


async def test_prune_removes_documents_that_disappeared(fresh: AppState, tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "a.md").write_text(_doc("Rücksendung", "/r", "Sie haben 30 Tage Zeit für die Rücksendung."))
    (kb / "b.md").write_text(_doc("Lieferung", "/l", "Die Lieferung dauert 2 bis 4 Werktage."))
    await fresh.ingestor.ingest_paths("heine", [kb])
    (kb / "b.md").unlink()
    kept = await fresh.ingestor.ingest_paths("heine", [kb])
    assert kept.removed == 0 and fresh.vector_store.count("heine") == 2  # without --prune nothing is removed
    pruned = await fresh.ingestor.ingest_paths("heine", [kb], prune=True)
    assert pruned.removed == 1
    assert [c.metadata["url"] for c in fresh.vector_store.export("heine")[0]] == ["/r"]


async def test_bad_files_are_skipped_with_a_reason_and_the_rest_is_ingested(fresh: AppState, tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "good.md").write_text(_doc("Gutscheine", "/g", "Gutscheine lösen Sie im Warenkorb ein."))
    (kb / "empty.md").write_text("")
    (kb / "latin1.txt").write_bytes("Größe".encode("latin-1"))  # not UTF-8, but text: detected and read
    (kb / "garbage.txt").write_bytes(bytes(range(256)) * 8)
    (kb / "image.png").write_bytes(b"\x89PNG\r\n")
    (kb / "open.md").write_text("---\ntitle: x\nno closing")
    summary = await fresh.ingestor.ingest_paths("heine", [kb, tmp_path / "missing"])
    assert summary.added == 2
    assert any(chunk.text == "Größe." for chunk in fresh.vector_store.export("heine")[0])  # a statement
    reasons = {Path(source).name: reason for source, reason in summary.failed}
    assert "empty" in reasons["empty.md"]
    assert "not text" in reasons["garbage.txt"]
    assert "unsupported" in reasons["image.png"]
    assert "front matter" in reasons["open.md"]
    assert "no such file" in reasons["missing"]


async def test_search_never_crosses_brands(fresh: AppState, tmp_path: Path) -> None:
    kb = tmp_path / "sheego"
    kb.mkdir()
    (kb / "a.md").write_text(_doc("Rücksendung bei sheego", "/sheego/r", "Bei sheego haben Sie 14 Tage Zeit."))
    await fresh.ingestor.ingest_paths("heine", [KNOWLEDGE])
    await fresh.ingestor.ingest_paths("sheego", [kb])
    heine = await fresh.knowledge.search("heine", RETURNS, k=10)
    sheego = await fresh.knowledge.search("sheego", RETURNS, k=10)
    assert heine and all(not r.url.startswith("/sheego") for r in heine)
    assert sheego and all(r.url.startswith("/sheego") for r in sheego)
