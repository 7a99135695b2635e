"""The knowledge document, and finding the files below a folder. Reading each format: ``knowledge/loaders/``."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from heine_ai.errors import KnowledgeError


@dataclass(frozen=True, slots=True)
class Document:
    source: str  # path relative to the ingested root, or a URL; identifies the document within a brand
    title: str
    url: str
    text: str

    @property
    def content_hash(self) -> str:
        payload = "\x1f".join((self.title, self.url, self.text)).encode("utf-8")
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
