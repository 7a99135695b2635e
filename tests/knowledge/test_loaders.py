"""Every knowledge format ingests and is found first; boilerplate stays out; bad files are skipped with a reason."""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest

from heine_ai.app_state import AppState
from heine_ai.lifespan import close_state
from heine_ai.providers.vectors import StoredChunk
from tests.conftest import SettingsFactory
from tests.support.documents import FOOTER_WORDS, NAV_WORDS, docx_bytes, html_page, pdf_bytes, write
from tests.support.embedder import MemoEmbedder
from tests.support.installations import Templates, build_installed_state

REPAIR_PAGES = [
    "Reparaturservice\n\nIst an Ihrer Lederjacke eine Naht aufgegangen oder der Reißverschluss defekt? "
    "Unser Reparaturservice repariert Lederjacken innerhalb von 21 Tagen.",
    "Kosten\n\nDie Reparatur ist im ersten Jahr nach dem Kauf kostenlos. Danach berechnen wir pauschal 19 Euro.",
]
OUTLET = (
    "<p>Im heine Outlet in Karlsruhe finden Sie reduzierte Mode aus vergangenen Katalogen.</p>"
    "<h2>Öffnungszeiten</h2><p>Das Outlet in Karlsruhe hat montags bis samstags von 10 bis 19 Uhr geöffnet.</p>"
    "<h2>Anfahrt</h2><p>Kostenlose Parkplätze gibt es direkt vor dem Outlet in der Brauerstraße.</p>"
)
CURTAINS = [
    ("Maßanfertigung", "Gardinen nach Maß fertigen wir in drei Wochen für Sie an. Geben Sie Breite und Höhe an."),
    ("Waschen", "Gardinen waschen Sie bei 30 Grad im Schonwaschgang und hängen sie feucht wieder auf."),
]
FABRICS = [
    ["Stoff", "Breite", "Preis pro Meter"],
    ["Voile", "140 cm", "12,99 Euro"],
    ["Leinen", "150 cm", "24,99 Euro"],
]
TAILORING = (
    "Änderungsschneiderei\n\nHosen und Röcke kürzen wir für Sie in unserer Änderungsschneiderei. Das Kürzen "
    "einer Hose kostet 9,95 Euro, die Bearbeitung dauert etwa eine Woche. Größere Änderungen auf Anfrage.\n"
)


def chunks_of(state: AppState, source: str) -> list[StoredChunk]:
    return [chunk for chunk in state.vector_store.export("heine")[0] if chunk.metadata["source"] == source]


async def test_each_format_is_ingested_and_found_first(state: AppState, tmp_path: Path) -> None:
    """Beside the demo documents, a question about each new document finds that document first."""
    kb = tmp_path / "kb"
    write(kb / "reparaturservice.pdf", pdf_bytes(REPAIR_PAGES, title="Reparaturservice für Lederjacken"))
    write(kb / "gardinen.docx", docx_bytes("Gardinen nach Maß", CURTAINS, FABRICS))
    write(kb / "outlet-karlsruhe.html", html_page("Outlet Karlsruhe", OUTLET))
    write(kb / "aenderungsschneiderei.txt", TAILORING.encode("latin-1"))
    summary = await state.ingestor.ingest_paths("heine", [kb])
    assert (summary.added, summary.failed) == (4, [])
    cases = [
        ("Wie lange dauert die Reparatur meiner Lederjacke?", "reparaturservice.pdf", "21 Tagen"),
        ("Wann hat das Outlet in Karlsruhe geöffnet?", "outlet-karlsruhe.html", "10 bis 19 Uhr"),
        ("Wie lange dauert die Anfertigung von Gardinen nach Maß?", "gardinen.docx", "drei Wochen"),
        ("Was kostet das Kürzen einer Hose?", "aenderungsschneiderei.txt", "9,95 Euro"),
    ]
    for question, source, answer in cases:
        hits = await state.knowledge.search("heine", question)
        assert hits[0].chunk.metadata["source"] == source, (question, [h.chunk.metadata["source"] for h in hits])
        assert answer in hits[0].chunk.text
    first = (await state.knowledge.search("heine", "Wie lange dauert die Reparatur meiner Lederjacke?"))[0]
    assert (first.title, first.url) == ("Reparaturservice für Lederjacken", "/reparaturservice")


async def test_html_keeps_the_main_content_and_drops_the_boilerplate(empty_state: AppState, tmp_path: Path) -> None:
    page = write(tmp_path / "outlet-karlsruhe.html", html_page("Outlet Karlsruhe", OUTLET))
    summary = await empty_state.ingestor.ingest_paths("heine", [page])
    assert summary.failed == []
    chunks = chunks_of(empty_state, "outlet-karlsruhe.html")
    text = "\n".join(chunk.text for chunk in chunks)
    for main in ("reduzierte Mode", "10 bis 19 Uhr", "Brauerstraße"):
        assert main in text
    for boilerplate in (*NAV_WORDS, *FOOTER_WORDS, "Cookies", "Suchbegriff", "dataLayer", "interessieren", "color"):
        assert boilerplate not in text
    assert {chunk.metadata["section"] for chunk in chunks} >= {"Öffnungszeiten", "Anfahrt"}  # split by <h2>
    assert {chunk.metadata["title"] for chunk in chunks} == {"Outlet Karlsruhe"}  # "<title>" minus " | heine"


async def test_a_page_without_main_element_loses_its_boilerplate_too(empty_state: AppState, tmp_path: Path) -> None:
    """Old templates: no <main>, <nav> or <footer>; the boilerplate is only named in class and id attributes."""
    menu = "".join(f'<li><a href="/k{i}">{word} entdecken</a></li>' for i, word in enumerate(NAV_WORDS * 4))
    page = (
        '<html><head><title>Lieferung - heine</title></head><body><div id="header"><ul class="top-menu">'
        f'{menu}</ul></div><div class="cookie-hint">Wir verwenden Cookies.</div><div class="content">'
        "<h1>Lieferung</h1><p>Die Lieferung dauert 2 bis 4 Werktage.</p><h2>Kosten</h2>"
        "<p>Die Versandkosten betragen 5,95 Euro pro Bestellung.</p></div>"
        '<div class="sidebar"><h3>Beliebt</h3><p>Sale-Highlights</p></div>'
        f'<div class="site-footer">{" | ".join(FOOTER_WORDS)}</div></body></html>'
    )
    write(tmp_path / "lieferung.html", page)
    assert (await empty_state.ingestor.ingest_paths("heine", [tmp_path / "lieferung.html"])).failed == []
    chunks = chunks_of(empty_state, "lieferung.html")
    text = "\n".join(chunk.text for chunk in chunks)
    assert "2 bis 4 Werktage" in text and "5,95 Euro" in text
    assert not any(word in text for word in (*NAV_WORDS, *FOOTER_WORDS, "Cookies", "Beliebt"))
    assert {chunk.metadata["section"] for chunk in chunks} == {"Lieferung", "Kosten"}
    assert {chunk.metadata["title"] for chunk in chunks} == {"Lieferung"}


async def test_small_pages_titles_and_canonical_urls(empty_state: AppState, tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    write(kb / "kurz.html", "<p>Gutscheine lösen Sie im Warenkorb ein.</p>")  # no <html>, no title, one sentence
    write(
        kb / "kanonisch.htm",
        '<html><head><link rel="canonical" href="https://www.heine.example/service/versand">'
        "</head><body><h1>Versand</h1><p>Wir liefern mit DHL.</p><h1>Kosten</h1><p>5,95 Euro.</p></body></html>",
    )
    write(kb / "ohne-titel.pdf", pdf_bytes(["Pflege von Seide\n\nSeide waschen Sie von Hand bei 20 Grad."]))
    summary = await empty_state.ingestor.ingest_paths("heine", [kb])
    assert (summary.added, summary.failed) == (3, [])
    assert [c.text for c in chunks_of(empty_state, "kurz.html")] == ["Gutscheine lösen Sie im Warenkorb ein."]
    assert chunks_of(empty_state, "kurz.html")[0].metadata["title"] == "kurz"
    canonical = chunks_of(empty_state, "kanonisch.htm")
    assert {c.metadata["url"] for c in canonical} == {"https://www.heine.example/service/versand"}
    assert {c.metadata["title"] for c in canonical} == {"Versand"}
    assert {c.metadata["section"] for c in canonical} == {"Versand", "Kosten"}  # a second <h1> starts a section
    assert chunks_of(empty_state, "ohne-titel.pdf")[0].metadata["title"] == "Pflege von Seide"  # the first line


async def test_word_headings_become_sections_and_tables_text(empty_state: AppState, tmp_path: Path) -> None:
    path = write(tmp_path / "gardinen.docx", docx_bytes("Gardinen nach Maß", CURTAINS, FABRICS))
    assert (await empty_state.ingestor.ingest_paths("heine", [path])).added == 1
    chunks = chunks_of(empty_state, "gardinen.docx")
    assert {c.metadata["title"] for c in chunks} == {"Gardinen nach Maß"}
    assert {c.metadata["section"] for c in chunks} == {"Maßanfertigung", "Waschen"}
    text = "\n".join(c.text for c in chunks)
    assert "Stoff Voile: Breite 140 cm, Preis pro Meter 12,99 Euro." in text.splitlines()  # a row keeps its headers
    assert "|" not in text


@pytest.mark.parametrize(
    ("name", "encoding"),
    [("a.txt", "latin-1"), ("b.md", "cp1252"), ("c.txt", "utf-8-sig"), ("d.md", "utf-16"), ("e.html", "latin-1")],
)
async def test_text_in_other_encodings_keeps_its_umlauts(
    empty_state: AppState, tmp_path: Path, name: str, encoding: str
) -> None:
    sentence = "Für Übergrößen gilt: Die Rücksendung ist kostenlos, äußerst günstig – nur 0 €."
    if encoding == "latin-1":
        sentence = sentence.replace("–", "-").replace("€", "Euro")
    body = f"<html><body><p>{sentence}</p></body></html>" if name.endswith(".html") else sentence
    path = write(tmp_path / name, body.encode(encoding))
    summary = await empty_state.ingestor.ingest_paths("heine", [path])
    assert summary.failed == []
    assert [chunk.text for chunk in chunks_of(empty_state, name)] == [sentence]


async def test_bad_files_are_skipped_with_their_reason(empty_state: AppState, tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    write(kb / "gut.md", "# Gutscheine\n\nGutscheine lösen Sie im Warenkorb ein.\n")
    write(kb / "gut.pdf", pdf_bytes(REPAIR_PAGES))
    bad = {
        "kaputt.pdf": (b"%PDF-1.7\n" + os.urandom(2000), "not a readable PDF"),
        "geheim.pdf": (pdf_bytes(REPAIR_PAGES, password="geheim"), "password protected"),
        "scan.pdf": (pdf_bytes([""]), "no extractable text"),
        "leer.md": (b"", "the file is empty"),
        "leer.pdf": (b"", "the file is empty"),
        "bild.png": (b"\x89PNG\r\n\x1a\n" + os.urandom(100), "unsupported file type '.png'"),
        "tabelle.xlsx": (b"PK\x03\x04", "unsupported file type '.xlsx'"),
        "binaer.txt": (os.urandom(4000), "not text"),
        "binaer.html": (b"\x00\x01\x02" + os.urandom(4000), "not text"),
        "kaputt.docx": (b"PK\x03\x04" + os.urandom(500), "not a readable Word document"),
        "nur-navigation.html": (
            b"<html><body><nav><a href='/'>Start</a></nav><footer>AGB</footer></body></html>",
            "no main text",
        ),
        "feed.xml": (b"<rss><channel><title>x</title></channel></rss>", "only sitemaps"),
    }
    for name, (content, _) in bad.items():
        write(kb / name, content)
    with (kb / "riesig.pdf").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024 + 1)  # sparse: the default limit plus one byte
    summary = await empty_state.ingestor.ingest_paths("heine", [kb])
    assert summary.added == 2
    reasons = {Path(source).name: reason for source, reason in summary.failed}
    assert set(reasons) == {*bad, "riesig.pdf"}
    for name, (_, reason) in bad.items():
        assert reason in reasons[name], (name, reasons[name])
    assert reasons["riesig.pdf"] == "the file is larger than the limit of 50 MB"


async def test_an_oversized_file_is_rejected_without_being_read(empty_state: AppState, tmp_path: Path) -> None:
    big = tmp_path / "handbuch.pdf"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024 + 1)
    tracemalloc.start()
    try:
        summary = await empty_state.ingestor.ingest_paths("heine", [big])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [reason for _, reason in summary.failed] == ["the file is larger than the limit of 50 MB"]
    assert peak < 10 * 1024 * 1024  # the 50 MB never came into memory


async def test_the_size_limit_is_a_setting(
    make_settings: SettingsFactory, embedder: MemoEmbedder, templates: Templates, tmp_path: Path
) -> None:
    settings = make_settings(knowledge_max_file_mb=1)
    state = await build_installed_state(settings, embedder, templates, demo=False)
    try:
        path = write(tmp_path / "gross.txt", "Lieferung dauert zwei Tage. " * 40_000)  # about 1.1 MB
        summary = await state.ingestor.ingest_paths("heine", [path])
    finally:
        await close_state(state)
    assert summary.failed == [(str(path), "the file is larger than the limit of 1 MB")]


async def test_a_file_that_turned_bad_keeps_its_indexed_version(empty_state: AppState, tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    write(kb / "reparatur.pdf", pdf_bytes(REPAIR_PAGES, title="Reparaturservice"))
    write(kb / "gutscheine.md", "# Gutscheine\n\nGutscheine lösen Sie im Warenkorb ein.\n")
    first = await empty_state.ingestor.ingest_paths("heine", [kb])
    assert first.added == 2
    write(kb / "reparatur.pdf", b"%PDF-1.7\n" + os.urandom(500))  # overwritten by a broken upload
    second = await empty_state.ingestor.ingest_paths("heine", [kb], prune=True)
    assert [Path(source).name for source, _ in second.failed] == ["reparatur.pdf"]
    assert (second.removed, second.unchanged, second.version) == (0, 1, first.version)
    hits = await empty_state.knowledge.search("heine", "Wie lange dauert die Reparatur meiner Lederjacke?")
    assert hits[0].chunk.metadata["source"] == "reparatur.pdf" and "21 Tagen" in hits[0].chunk.text
