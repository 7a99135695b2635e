"""The knowledge document, and finding the files below a folder. Reading each format: ``knowledge/loaders/``."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from heine_ai.errors import KnowledgeError
from heine_ai.languages import detect_language

INDEX_FORMAT = "2"
"""Part of every document's content hash: raise it when what ingestion embeds changes, so the next ingest after an
upgrade re-embeds every document (2: a sentence that points back is embedded under its section's heading)."""


@dataclass(frozen=True, slots=True)
class Document:
    source: str  # path relative to the ingested root, or a URL; identifies the document within a brand
    title: str
    url: str
    text: str
    language: str = ""  # "de", "en", ...: as the document states it (front matter, <html lang>), else detected

    def __post_init__(self) -> None:
        if not self.language:
            object.__setattr__(self, "language", detect_language(f"{self.title}\n{self.text}"))

    @property
    def content_hash(self) -> str:
        """Changes with anything a chunk carries, the language too, so a corrected ``language:`` is re-indexed,
        and with ``INDEX_FORMAT``, so the next ingest after an upgrade re-embeds what was indexed the old way."""
        payload = "\x1f".join((INDEX_FORMAT, self.title, self.url, self.text, self.language)).encode("utf-8")
        return hashlib.sha256(payload).hexdigest()


def iter_files(path: Path) -> Iterator[Path]:
    """``path`` itself, or every file below it in a stable order."""
    if path.is_file():
        yield path
        return
    if not path.is_dir():
        raise KnowledgeError("no such file or directory")
    for child in sorted(path.rglob("*")):
        if child.is_file() and not child.name.startswith("."):
            yield child
