"""URL lists (one URL a line, ``#`` comments) and XML sitemaps (``<urlset>``, ``<sitemapindex>``)."""

from __future__ import annotations

import gzip
import io

from lxml import etree

from heine_ai.errors import KnowledgeError
from heine_ai.knowledge.loaders.base import Listing, is_http_url

_SITEMAP_ROOTS = frozenset({"urlset", "sitemapindex"})


def url_list(text: str) -> Listing | None:
    """The URLs of a URL list, or None when the text is not one (then it is a knowledge text)."""
    entries = [line.strip() for line in text.splitlines()]
    entries = [entry for entry in entries if entry and not entry.startswith("#")]
    if not entries or not all(is_http_url(entry) for entry in entries):
        return None
    return Listing(pages=list(dict.fromkeys(entries)))


def read_sitemap(data: bytes, max_bytes: int) -> Listing | None:
    """The pages of a ``<urlset>`` or the sitemaps of a ``<sitemapindex>``; None for any other XML."""
    data = _gunzip(data, max_bytes) if data[:2] == b"\x1f\x8b" else data
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise KnowledgeError("not well-formed XML") from exc
    kind = etree.QName(root).localname
    if kind not in _SITEMAP_ROOTS:
        return None
    locations = [
        (element.text or "").strip()
        for element in root.iter()
        if isinstance(element.tag, str) and etree.QName(element).localname == "loc"
    ]
    urls = list(dict.fromkeys(url for url in locations if is_http_url(url)))
    return Listing(pages=urls) if kind == "urlset" else Listing(pages=[], sitemaps=urls)


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as archive:
            unpacked = archive.read(max_bytes + 1)
    except (OSError, EOFError) as exc:
        raise KnowledgeError("not a readable gzip file") from exc
    if len(unpacked) > max_bytes:
        raise KnowledgeError(f"the unpacked sitemap is larger than {max_bytes >> 20} MB")
    return unpacked
