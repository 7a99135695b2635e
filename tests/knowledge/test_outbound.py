"""The SSRF guard: knowledge ingestion fetches only from public addresses and the networks the operator allows,
checked on every redirect, with one error text for refused, closed and silent addresses."""

from __future__ import annotations

import asyncio
import ipaddress
from pathlib import Path

import pytest

from heine_ai.config import load_brands
from heine_ai.errors import ConfigError, KnowledgeError
from heine_ai.knowledge.fetch import FetchLimits, fetch, open_client
from heine_ai.knowledge.outbound import in_domains, is_public, parse_networks
from tests.conftest import StateFactory
from tests.support.documents import html_page, write
from tests.support.installations import BRANDS
from tests.support.servers import free_port
from tests.support.static_server import StaticServer, static_server

PAGE = html_page("Outlet", "<p>Das Outlet öffnet um 10 Uhr.</p>")


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",  # noqa: S104
        "224.0.0.1",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "ff02::1",
    ],
)
def test_private_and_special_addresses_are_not_public(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:4700::1111"])
def test_public_addresses_are_public(address: str) -> None:
    assert is_public(ipaddress.ip_address(address))


async def _fetch(url: str, *allowed: str, domains: tuple[str, ...] = ()) -> str:
    limits = FetchLimits(
        max_bytes=1 << 20, timeout=5, allowed_networks=parse_networks(allowed), allowed_domains=domains
    )
    async with open_client(limits) as client:
        return (await fetch(client, url, limits)).data.decode()


@pytest.fixture
def internal(tmp_path: Path) -> StaticServer:
    write(tmp_path / "site" / "metrics.html", PAGE)
    with static_server(tmp_path / "site") as server:
        yield server  # type: ignore[misc]


async def test_loopback_is_refused_however_it_is_written(internal: StaticServer) -> None:
    port = internal.base.rsplit(":", 1)[1]
    for host in ("127.0.0.1", "2130706433", "0x7f.1", "localhost", "[::ffff:127.0.0.1]"):
        with pytest.raises(KnowledgeError) as refused:
            await _fetch(f"http://{host}:{port}/metrics.html")
        assert refused.value.message == "unreachable: the address is not public", host
    assert internal.paths == []


async def test_an_allowed_network_is_fetched(internal: StaticServer) -> None:
    assert "10 Uhr" in await _fetch(internal.url("metrics.html"), "127.0.0.1/32")


async def test_a_redirect_into_a_private_network_is_refused(internal: StaticServer, tmp_path: Path) -> None:
    """127.0.0.2 stands for an allowed intranet host; the loopback address it redirects to is not allowed."""
    write(tmp_path / "cms" / "index.html", PAGE)
    with static_server(tmp_path / "cms", host="127.0.0.2") as cms:
        with pytest.raises(KnowledgeError, match="not public"):
            await _fetch(cms.url(f"redirect?to={internal.url('metrics.html')}"), "127.0.0.2/32")
        assert "10 Uhr" in await _fetch(cms.url("redirect?to=/index.html"), "127.0.0.2/32")  # same host: fine
    assert internal.paths == []


async def test_closed_and_open_ports_fail_alike(internal: StaticServer) -> None:
    """Error texts must not tell an attacker which internal ports are open."""
    messages = set()
    for url in (internal.url("metrics.html"), f"http://127.0.0.1:{free_port()}/metrics.html"):
        with pytest.raises(KnowledgeError) as refused:
            await _fetch(url)
        messages.add(refused.value.message)
    assert len(messages) == 1
    with pytest.raises(KnowledgeError) as closed:
        await _fetch(f"http://127.0.0.1:{free_port()}/x", "127.0.0.1/32")
    assert closed.value.message == "unreachable"


async def test_the_host_name_reaches_the_server(tmp_path: Path) -> None:
    """The request goes to the checked address but keeps the name in the Host header (virtual hosts)."""
    write(tmp_path / "s" / "a.html", PAGE)
    with static_server(tmp_path / "s") as server:
        port = server.base.rsplit(":", 1)[1]
        assert "10 Uhr" in await _fetch(f"http://localhost:{port}/a.html", "127.0.0.0/8", "::1/128")
    assert server.hosts == [f"localhost:{port}"]


def test_a_brand_s_knowledge_domains_name_hosts_and_their_subdomains() -> None:
    assert in_domains("www.heine.de", ["heine.de"]) and in_domains("heine.de.", ["heine.de"])
    assert in_domains("anything.example", [])
    for host in ("heine.de.evil.example", "notheine.de", "127.0.0.1"):
        assert not in_domains(host, ["heine.de"]), host


async def test_a_host_outside_the_brand_s_knowledge_domains_is_refused_on_every_hop(tmp_path: Path) -> None:
    """``localhost`` stands for the brand's site; 127.0.0.1 (the same server) is another host, also after a
    redirect from the brand's site."""
    write(tmp_path / "s" / "a.html", PAGE)
    with static_server(tmp_path / "s") as server:
        port = server.base.rsplit(":", 1)[1]
        site = ("localhost",)
        assert "10 Uhr" in await _fetch(f"http://localhost:{port}/a.html", "127.0.0.0/8", "::1/128", domains=site)
        other = f"http://127.0.0.1:{port}/a.html"
        with pytest.raises(KnowledgeError, match="knowledge_domains"):
            await _fetch(other, "127.0.0.0/8", domains=site)
        with pytest.raises(KnowledgeError, match="knowledge_domains"):
            await _fetch(f"http://localhost:{port}/redirect?to={other}", "127.0.0.0/8", "::1/128", domains=site)
    assert server.hosts == [f"localhost:{port}", f"localhost:{port}"]


def test_the_brand_file_s_knowledge_domains_reach_the_ingestion(
    make_state: StateFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    brands = tmp_path / "brands"
    brands.mkdir()
    text = (BRANDS / "heine.yaml").read_text(encoding="utf-8")
    (brands / "heine.yaml").write_text(text + "\nknowledge_domains: [Heine.de]\n", encoding="utf-8")
    write(tmp_path / "s" / "a.html", PAGE)
    state = make_state(ingest=False, brands_dir=brands, knowledge_fetch_allowed_networks=["127.0.0.0/8"])
    assert state.brands["heine"].knowledge_domains == ["heine.de"]
    with static_server(tmp_path / "s") as server:
        summary = asyncio.run(state.ingestor.ingest("heine", [server.url("a.html")]))
    assert summary.failed and "knowledge_domains" in str(summary.failed[0])
    assert server.paths == []
    (brands / "heine.yaml").write_text(text + "\nknowledge_domains: ['heine.de/pfad']\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="knowledge_domains"):
        load_brands(brands)
