"""Markdown and plain text: an optional YAML front matter (``title``, ``url``, ``language``), then the body."""

from __future__ import annotations

import yaml

from heine_ai.errors import KnowledgeError
from heine_ai.knowledge.documents import Document
from heine_ai.knowledge.loaders.base import Origin, build_document, language_code
from heine_ai.knowledge.loaders.encoding import decode_text


def read_markdown(data: bytes, origin: Origin) -> Document:
    """Markdown or plain text (a text file may carry a front matter too)."""
    return markdown_document(decode_text(data, origin.charset), origin)


def markdown_document(raw: str, origin: Origin) -> Document:
    meta, body = split_front_matter(raw)
    if not body.strip():
        raise KnowledgeError("the document has no text")
    title = meta.get("title") or first_heading(body)
    url = meta.get("url")
    language = language_code(meta["language"]) if "language" in meta else None
    if "language" in meta and language is None:
        raise KnowledgeError("the front matter 'language' must be a language code such as 'en' or 'de'")
    return build_document(
        origin, title=str(title) if title else None, url=str(url) if url else None, text=body, language=language
    )


def split_front_matter(raw: str) -> tuple[dict[str, object], str]:
    if not raw.startswith("---"):
        return {}, raw
    parts = raw.split("\n---", 1)
    if len(parts) != 2:
        raise KnowledgeError("the front matter is not closed with '---'")
    try:
        meta = yaml.safe_load(parts[0].removeprefix("---")) or {}
    except yaml.YAMLError as exc:
        raise KnowledgeError("the front matter is not valid YAML") from exc
    if not isinstance(meta, dict):
        raise KnowledgeError("the front matter must be a mapping")
    return meta, parts[1].lstrip("-").lstrip("\n")


def first_heading(body: str) -> str | None:
    for line in body.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return None
