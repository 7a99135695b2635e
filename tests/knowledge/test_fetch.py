"""Ingesting from the web: pages, URL lists and sitemaps from a real HTTP server on a loopback port."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from heine_ai.app_state import AppState
from heine_ai.lifespan import close_state
from heine_ai.providers.vectors import StoredChunk
from tests.conftest import SettingsFactory
from tests.support.documents import FOOTER_WORDS, NAV_WORDS, docx_bytes, html_page, pdf_bytes, write
from tests.support.embedder import MemoEmbedder
from tests.support.installations import Templates, build_installed_state
from tests.support.servers import free_port
from tests.support.static_server import StaticServer, static_server

RETURNS = "<p>Sie können Artikel innerhalb von 30 Tagen kostenlos an uns zurückschicken.</p>"
GIFT_WRAP = "<p>Gegen 3,95 Euro verpacken wir Ihre Bestellung als Geschenk mit Karte.</p>"


def sitemap(*urls: str, index: bool = False) -> str:
    tag, item = ("sitemapindex", "sitemap") if index else ("urlset", "url")
    entries = "".join(f"<{item}><loc>{url}</loc></{item}>" for url in urls)
    return f'<?xml version="1.0" encoding="UTF-8"?><{tag} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</{tag}>'


LOOPBACK = ["127.0.0.1/32"]  # the test site's address: private, so ingestion must be allowed to fetch from it


@pytest.fixture
async def empty_state(
    make_settings: SettingsFactory, embedder: MemoEmbedder, templates: Templates
) -> AsyncIterator[AppState]:
    """An installation without knowledge whose ingestion may fetch from the loopback test site."""
    settings = make_settings(knowledge_fetch_allowed_networks=LOOPBACK)
    app_state = await build_installed_state(settings, embedder, templates, demo=False)
    try:
        yield app_state
    finally:
        await close_state(app_state)


@pytest.fixture
def site(tmp_path: Path) -> Iterator[StaticServer]:
    """A small shop site: two HTML pages, a PDF, a Word file, a URL list and a sitemap index with one sitemap."""
    root = tmp_path / "site"
    write(root / "service/ruecksendung.html", html_page("Rücksendung", RETURNS))
    write(root / "service/geschenk.html", html_page("Geschenkverpackung", GIFT_WRAP))
    write(
        root / "docs/reparatur.pdf",
        pdf_bytes(["Lederjacken reparieren wir innerhalb von 21 Tagen."], title="Reparatur"),
    )
    write(root / "docs/gardinen.docx", docx_bytes("Gardinen", [("Maß", "Gardinen nach Maß dauern drei Wochen.")]))
    with static_server(root) as server:
        write(
            root / "urls.txt",
            f"# service pages\n{server.url('service/ruecksendung.html')}\n\n{server.url('service/geschenk.html')}\n",
        )
        pages = ["service/ruecksendung.html", "docs/reparatur.pdf", "docs/gardinen.docx", "service/fehlt.html"]
        write(root / "sitemap-service.xml", sitemap(*(server.url(p) for p in pages)))
        write(root / "sitemap.xml", sitemap(server.url("sitemap-service.xml"), index=True))
        yield server


def sources(state: AppState) -> dict[str, list[StoredChunk]]:
    found: dict[str, list[StoredChunk]] = {}
    for chunk in state.vector_store.export("heine")[0]:
        found.setdefault(str(chunk.metadata["source"]), []).append(chunk)
    return found


async def test_a_page_url_is_ingested_without_boilerplate(empty_state: AppState, site: StaticServer) -> None:
    url = site.url("service/ruecksendung.html")
    summary = await empty_state.ingestor.ingest("heine", [url])
    assert (summary.added, summary.failed) == (1, [])
    [chunk] = sources(empty_state)[url]
    assert chunk.metadata["url"] == url and chunk.metadata["title"] == "Rücksendung"
    assert "30 Tagen" in chunk.text
    assert not any(word in chunk.text for word in (*NAV_WORDS, *FOOTER_WORDS))
    assert site.user_agents and all(agent.startswith("heine-ai/") for agent in site.user_agents)
    again = await empty_state.ingestor.ingest("heine", [url])
    assert (again.added, again.unchanged) == (0, 1)


async def test_a_url_list_file_and_a_url_list_by_url(empty_state: AppState, site: StaticServer) -> None:
    local = await empty_state.ingestor.ingest("heine", [site.root / "urls.txt"])
    assert (local.added, local.failed) == (2, [])
    assert set(sources(empty_state)) == {site.url("service/ruecksendung.html"), site.url("service/geschenk.html")}
    remote = await empty_state.ingestor.ingest("heine", [site.url("urls.txt")])
    assert (remote.added, remote.unchanged, remote.failed) == (0, 2, [])


async def test_a_sitemap_index_by_url_reads_every_format(empty_state: AppState, site: StaticServer) -> None:
    summary = await empty_state.ingestor.ingest("heine", [site.url("sitemap.xml")])
    assert summary.added == 3
    assert summary.failed == [(site.url("service/fehlt.html"), "HTTP 404 File not found")]
    found = sources(empty_state)
    assert "21 Tagen" in found[site.url("docs/reparatur.pdf")][0].text
    assert found[site.url("docs/reparatur.pdf")][0].metadata["title"] == "Reparatur"
    assert found[site.url("docs/gardinen.docx")][0].metadata["section"] == "Maß"
    local = await empty_state.ingestor.ingest("heine", [site.root / "sitemap-service.xml"])  # a sitemap file works too
    assert (local.added, local.unchanged) == (0, 3)


async def test_unreachable_and_missing_urls_are_skipped(empty_state: AppState, site: StaticServer) -> None:
    refused = f"http://127.0.0.1:{free_port()}/faq.html"  # nothing listens there
    missing = site.url("service/gibt-es-nicht.html")
    good = site.url("service/geschenk.html")
    summary = await empty_state.ingestor.ingest(
        "heine", [refused, missing, good, site.url("loop"), "ftp://example.org/x"]
    )
    assert summary.added == 1 and set(sources(empty_state)) == {good}
    reasons = dict(summary.failed)
    assert reasons[refused] == "unreachable"
    assert reasons[missing] == "HTTP 404 File not found"
    assert reasons[site.url("loop")] == "more than 5 redirects"
    assert reasons["ftp://example.org/x"] == "not an http(s) URL"


async def test_downloads_over_the_limit_are_dropped(
    make_settings: SettingsFactory, embedder: MemoEmbedder, templates: Templates, site: StaticServer
) -> None:
    write(site.root / "gross.html", html_page("Groß", "<p>" + "Mode " * 300_000 + "</p>"))  # 1.5 MB
    settings = make_settings(knowledge_max_file_mb=1, knowledge_fetch_allowed_networks=LOOPBACK)
    state = await build_installed_state(settings, embedder, templates, demo=False)
    try:
        summary = await state.ingestor.ingest("heine", [site.url("gross.html")])
    finally:
        await close_state(state)
    assert summary.failed == [(site.url("gross.html"), "the download is larger than the limit of 1 MB")]


async def test_a_latin1_page_without_a_declared_charset(empty_state: AppState, site: StaticServer) -> None:
    page = "<html><body><p>Übergrößen schicken Sie kostenlos zurück.</p></body></html>"
    write(site.root / "latin1.html", page.encode("latin-1"))
    summary = await empty_state.ingestor.ingest("heine", [site.url("latin1.html")])
    assert summary.failed == []
    assert sources(empty_state)[site.url("latin1.html")][0].text == "Übergrößen schicken Sie kostenlos zurück."


async def test_prune_never_removes_what_could_not_be_read(empty_state: AppState, site: StaticServer) -> None:
    first = await empty_state.ingestor.ingest("heine", [site.url("sitemap.xml")])
    assert first.added == 3
    (site.root / "docs/gardinen.docx").unlink()  # a page of the sitemap is gone for now: it stays indexed
    kept = await empty_state.ingestor.ingest("heine", [site.url("sitemap.xml")], prune=True)
    assert (kept.removed, kept.prune_skipped) == (0, False)
    assert site.url("docs/gardinen.docx") in sources(empty_state)
    (site.root / "sitemap.xml").unlink()  # the sitemap itself is gone: nothing may be pruned
    skipped = await empty_state.ingestor.ingest("heine", [site.url("sitemap.xml")], prune=True)
    assert (skipped.removed, skipped.prune_skipped) == (0, True)
    assert len(sources(empty_state)) == 3
    write(site.root / "sitemap.xml", sitemap(site.url("sitemap-service.xml"), index=True))
    write(site.root / "sitemap-service.xml", sitemap(site.url("service/ruecksendung.html")))
    pruned = await empty_state.ingestor.ingest("heine", [site.url("sitemap.xml")], prune=True)
    assert pruned.removed == 2 and set(sources(empty_state)) == {site.url("service/ruecksendung.html")}
