"""What every loader shares: where a document comes from, and how its title and URL are settled."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from heine_ai.knowledge.blocks import Block
from heine_ai.knowledge.documents import Document

MAX_TITLE_CHARS = 500  # the column holds 512
_SPACES = re.compile(r"[ \t\u00a0]+")
_LANGUAGE_TAG = re.compile(r"([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Origin:
    """Where the bytes came from, and the fallbacks for what the content itself does not say."""

    source: str  # the document's key within the brand: a relative path, ``upload/<name>`` or a URL
    url: str  # where a customer finds the document when the content names no URL
    name: str  # a fallback title, e.g. the file name without suffix
    metadata_url: bool = True  # files may name their URL (front matter, canonical link); a fetched URL stays
    charset: str | None = None  # declared by the web server, if any


@dataclass(frozen=True, slots=True)
class Listing:
    """A URL list or a sitemap: not a document but the URLs of documents (and of further sitemaps)."""

    pages: list[str]
    sitemaps: list[str] = field(default_factory=list)


Loaded = Document | Listing


def is_http_url(text: str) -> bool:
    if any(ch.isspace() for ch in text):
        return False
    parts = urlsplit(text)
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


def is_link_target(url: str) -> bool:
    """Whether a URL a document names for itself may be shown to customers as a link: http(s) or root-relative
    ("/service/retoure"); ``javascript:``, ``data:`` and protocol-relative ones are not."""
    stripped = url.strip()
    return is_http_url(stripped) or (stripped.startswith("/") and not stripped.startswith("//"))


def one_line(text: str) -> str:
    return _SPACES.sub(" ", " ".join(text.split())).strip()


def language_code(tag: object) -> str | None:
    """The primary subtag of a stated language ("en-GB" -> "en", "DE" -> "de"); None for anything else."""
    match = _LANGUAGE_TAG.fullmatch(tag.strip()) if isinstance(tag, str) else None
    return match.group(1).lower() if match else None


def build_document(
    origin: Origin, *, title: str | None, url: str | None, blocks: tuple[Block, ...], language: str | None = None
) -> Document:
    """``language`` as the document states it; without one, ``Document`` detects it from the text."""
    chosen_url = url if (url and origin.metadata_url and is_link_target(url)) else origin.url
    chosen_title = one_line(title or "") or fallback_title(origin.name)
    return Document(
        source=origin.source,
        title=chosen_title[:MAX_TITLE_CHARS],
        url=chosen_url,
        blocks=blocks,
        language=language or "",
    )


def fallback_title(name: str) -> str:
    return one_line(name.replace("-", " ").replace("_", " ")) or name
