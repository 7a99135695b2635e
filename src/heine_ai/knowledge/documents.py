"""The knowledge document, and finding the files below a folder. Reading each format: ``knowledge/loaders/``."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from heine_ai.errors import KnowledgeError
from heine_ai.knowledge.blocks import Block, blocks_text
from heine_ai.languages import detect_language

INDEX_FORMAT = "5"
"""Part of every document's content hash: raise it when what ingestion embeds changes, so the next ingest after an
upgrade re-embeds every document (2: a sentence that points back is embedded under its section's heading; 3:
documents are parsed into blocks, hard wraps joined, table rows and list items statements; 4: section headings
are embedded as searched sentences of their chunks; 5: a page that states no language has each chunk's detected)."""


@dataclass(frozen=True, slots=True)
class Document:
    source: str  # path relative to the ingested root, or a URL; identifies the document within a brand
    title: str
    url: str
    blocks: tuple[Block, ...]
    language: str = ""  # "de", "en", ...: as the document states it (front matter, <html lang>), else detected
    # the language was detected, not stated: its chunks are then told apart one by one (``ingest.chunk_languages``)
    detected: bool = field(default=False, init=False)

    def __post_init__(self) -> None:
        if not self.language:
            object.__setattr__(self, "language", detect_language(f"{self.title}\n{self.text}"))
            object.__setattr__(self, "detected", True)

    @property
    def text(self) -> str:
        return blocks_text(self.blocks)

    @property
    def content_hash(self) -> str:
        """Changes with anything a chunk carries, the language too, so a corrected ``language:`` is re-indexed,
        and with ``INDEX_FORMAT``, so the next ingest after an upgrade re-embeds what was indexed the old way."""
        structure = "\x1e".join(f"{block.kind}{block.level}\x1d{block.text}" for block in self.blocks)
        payload = "\x1f".join((INDEX_FORMAT, self.title, self.url, structure, self.language)).encode("utf-8")
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
