"""Downloading knowledge from the web: one GET per URL, bounded in time, redirects and size, and only from
addresses ``outbound.py`` allows, checked again on every redirect.

The body is streamed and counted, so a response over the limit is dropped before it fills the memory, also when
the server sends no Content-Length or a compressed body. Every failure becomes a ``KnowledgeError`` whose message
says why (cannot connect, HTTP status, too large, ...); the caller pairs it with the URL.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

import httpx

from heine_ai import __version__
from heine_ai.errors import KnowledgeError
from heine_ai.knowledge.loaders import is_http_url
from heine_ai.knowledge.outbound import UNREACHABLE, Network, resolve

USER_AGENT = f"heine-ai/{__version__} (knowledge ingestion)"
ACCEPT = "text/html, application/xhtml+xml, application/pdf, text/plain, application/xml, */*;q=0.5"
MAX_URL_CHARS = 1000  # the source and url columns hold 1024


@dataclass(frozen=True, slots=True)
class FetchLimits:
    max_bytes: int
    timeout: float = 20.0
    max_redirects: int = 5
    concurrency: int = 4
    allowed_networks: tuple[Network, ...] = ()  # private networks the operator lets ingestion fetch from
    allowed_domains: tuple[str, ...] = ()  # the brand's knowledge_domains; empty: any public host


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # as requested: the document's identity, even when the server redirected
    content_type: str  # the media type without parameters, lower case; "" when the server sent none
    charset: str | None
    data: bytes


def open_client(limits: FetchLimits) -> httpx.AsyncClient:
    """Redirects are followed by ``fetch`` itself: each hop's address is checked before it is connected to."""
    return httpx.AsyncClient(
        timeout=limits.timeout, follow_redirects=False, headers={"User-Agent": USER_AGENT, "Accept": ACCEPT}
    )


async def fetch(client: httpx.AsyncClient, url: str, limits: FetchLimits) -> Fetched:
    current = url
    for _ in range(limits.max_redirects + 1):
        request = await _pinned_request(client, current, limits)
        try:
            response = await client.send(request, stream=True)
        except httpx.TimeoutException as exc:
            raise KnowledgeError(f"{UNREACHABLE}: no complete answer within {limits.timeout:g} s") from exc
        except httpx.ConnectError as exc:
            raise KnowledgeError(UNREACHABLE) from exc
        except httpx.HTTPError as exc:
            raise KnowledgeError(f"download failed ({type(exc).__name__})") from exc
        try:
            if response.is_redirect and "location" in response.headers:
                current = urljoin(current, response.headers["location"])
                continue
            return await _body(response, url, limits)
        finally:
            await response.aclose()
    raise KnowledgeError(f"more than {limits.max_redirects} redirects")


async def _pinned_request(client: httpx.AsyncClient, url: str, limits: FetchLimits) -> httpx.Request:
    """A GET of ``url`` addressed to the IP address that was checked, with the host name kept for the server
    (``Host``) and for TLS (SNI and certificate check)."""
    if not is_http_url(url):
        raise KnowledgeError("not an http(s) URL")
    if len(url) > MAX_URL_CHARS:
        raise KnowledgeError(f"the URL is longer than {MAX_URL_CHARS} characters")
    parsed = httpx.URL(url)
    host = parsed.host
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    target = await resolve(host, port, limits.allowed_networks, limits.allowed_domains)
    host_header = host if parsed.port is None else f"{host}:{parsed.port}"
    return client.build_request(
        "GET",
        parsed.copy_with(host=str(target.address)),
        headers={"Host": host_header},
        extensions={"sni_hostname": host},
    )


async def _body(response: httpx.Response, url: str, limits: FetchLimits) -> Fetched:
    if response.status_code >= 400:
        raise KnowledgeError(f"HTTP {response.status_code} {response.reason_phrase}".strip())
    try:
        data = await _read_limited(response, limits.max_bytes)
    except httpx.TimeoutException as exc:
        raise KnowledgeError(f"no complete answer within {limits.timeout:g} s") from exc
    except httpx.HTTPError as exc:
        raise KnowledgeError(f"download failed ({type(exc).__name__})") from exc
    if not data:
        raise KnowledgeError("the response is empty")
    content_type = response.headers.get("content-type", "")
    media_type = content_type.split(";")[0].strip().lower()
    return Fetched(url=url, content_type=media_type, charset=response.charset_encoding, data=data)


async def _read_limited(response: httpx.Response, max_bytes: int) -> bytes:
    too_large = KnowledgeError(f"the download is larger than the limit of {max_bytes / (1 << 20):g} MB")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise too_large
    body = bytearray()
    async for piece in response.aiter_bytes():
        body.extend(piece)
        if len(body) > max_bytes:
            raise too_large
    return bytes(body)
