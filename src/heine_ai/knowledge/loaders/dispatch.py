"""Choosing the loader: by file suffix, by the server's content type, and reading a file within the size limit."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from heine_ai.errors import KnowledgeError
from heine_ai.knowledge.documents import Document
from heine_ai.knowledge.loaders.archive import check_archive
from heine_ai.knowledge.loaders.base import Loaded, Origin
from heine_ai.knowledge.loaders.docx import read_docx
from heine_ai.knowledge.loaders.encoding import decode_text
from heine_ai.knowledge.loaders.html import read_html
from heine_ai.knowledge.loaders.listing import read_sitemap, url_list
from heine_ai.knowledge.loaders.markdown import markdown_document, read_markdown
from heine_ai.knowledge.loaders.pdf import read_pdf
from heine_ai.knowledge.loaders.plain_text import plain_text_headings


class Kind(StrEnum):
    MARKDOWN = "markdown"
    TEXT = "text"  # a knowledge text, or a URL list when every line is a URL
    HTML = "html"
    PDF = "pdf"
    DOCX = "docx"
    XML = "xml"  # only sitemaps


SUFFIXES: dict[str, Kind] = {
    ".md": Kind.MARKDOWN,
    ".markdown": Kind.MARKDOWN,
    ".txt": Kind.TEXT,
    ".text": Kind.TEXT,
    ".html": Kind.HTML,
    ".htm": Kind.HTML,
    ".xhtml": Kind.HTML,
    ".pdf": Kind.PDF,
    ".docx": Kind.DOCX,
    ".xml": Kind.XML,
}
CONTENT_TYPES: dict[str, Kind] = {
    "text/html": Kind.HTML,
    "application/xhtml+xml": Kind.HTML,
    "application/pdf": Kind.PDF,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": Kind.DOCX,
    "text/plain": Kind.TEXT,
    "text/markdown": Kind.MARKDOWN,
    "text/x-markdown": Kind.MARKDOWN,
    "application/xml": Kind.XML,
    "text/xml": Kind.XML,
    "application/gzip": Kind.XML,
    "application/x-gzip": Kind.XML,
}
_DOCUMENT_READERS: dict[Kind, Callable[[bytes, Origin], Document]] = {
    Kind.MARKDOWN: read_markdown,
    Kind.HTML: read_html,
    Kind.PDF: read_pdf,
    Kind.DOCX: read_docx,
}


def kind_of_path(path: PurePosixPath | Path) -> Kind:
    if path.name.lower().endswith(".xml.gz"):
        return Kind.XML  # a gzipped sitemap
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise KnowledgeError(f"unsupported file type '{path.suffix or '(none)'}'")
    return kind


def kind_of_response(content_type: str, url: str) -> Kind:
    """By the content type; a server that sends none or ``application/octet-stream`` is judged by the URL's suffix."""
    kind = CONTENT_TYPES.get(content_type)
    if kind is not None:
        return kind
    if content_type in {"", "application/octet-stream", "binary/octet-stream"}:
        return kind_of_path(PurePosixPath(urlsplit(url).path))
    raise KnowledgeError(f"unsupported content type '{content_type}'")


def load(data: bytes, kind: Kind, origin: Origin, max_bytes: int) -> Loaded:
    """A document, or for URL lists and sitemaps the listing of URLs to fetch."""
    if not data:
        raise KnowledgeError("the file is empty")
    if kind is Kind.XML:
        listing = read_sitemap(data, max_bytes)
        if listing is None:
            raise KnowledgeError("unsupported XML: only sitemaps (<urlset>, <sitemapindex>) are read")
        return listing
    if kind is Kind.TEXT:
        text = decode_text(data, origin.charset)
        return url_list(text) or markdown_document(plain_text_headings(text), origin)
    if kind is Kind.DOCX:
        check_archive(data, max_bytes)
    return _DOCUMENT_READERS[kind](data, origin)


def read_file(path: Path, origin: Origin, max_bytes: int) -> Loaded:
    """Reads ``path`` only when it is a supported type and within ``max_bytes``: a huge file is never loaded."""
    kind = kind_of_path(path)
    size = path.stat().st_size
    if size == 0:
        raise KnowledgeError("the file is empty")
    if size > max_bytes:
        raise KnowledgeError(f"the file is larger than the limit of {_megabytes(max_bytes)} MB")
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)  # the file may have grown since stat()
    if len(data) > max_bytes:
        raise KnowledgeError(f"the file is larger than the limit of {_megabytes(max_bytes)} MB")
    return load(data, kind, origin, max_bytes)


def _megabytes(size: int) -> str:
    return f"{size / (1 << 20):g}"
