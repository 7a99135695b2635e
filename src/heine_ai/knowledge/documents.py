"""Reading knowledge documents from disk: Markdown with a front matter (title, url) and plain text."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from heine_ai.errors import KnowledgeError

SUPPORTED_SUFFIXES = frozenset({".md", ".markdown", ".txt"})
MAX_DOCUMENT_BYTES = 5 << 20


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
        raise KnowledgeError(f"{path}: no such file or directory")
    for child in sorted(path.rglob("*")):
        if child.is_file() and not child.name.startswith("."):
            yield child


def read_document(path: Path, root: Path) -> Document:
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise KnowledgeError(f"{path}: unsupported file type '{path.suffix or '(none)'}'")
    size = path.stat().st_size
    if size == 0:
        raise KnowledgeError(f"{path}: the file is empty")
    if size > MAX_DOCUMENT_BYTES:
        raise KnowledgeError(f"{path}: the file is larger than {MAX_DOCUMENT_BYTES >> 20} MB")
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise KnowledgeError(f"{path}: not UTF-8 text") from exc
    relative = path.relative_to(root).as_posix() if path != root else path.name
    meta, body = split_front_matter(raw, path)
    title = str(meta.get("title") or _first_heading(body) or path.stem.replace("-", " ").replace("_", " "))
    url = str(meta.get("url") or "/" + relative.rsplit(".", 1)[0])
    if not body.strip():
        raise KnowledgeError(f"{path}: the document has no text")
    return Document(source=relative, title=title, url=url, text=body.strip())


def split_front_matter(raw: str, path: Path) -> tuple[dict[str, object], str]:
    if not raw.startswith("---"):
        return {}, raw
    parts = raw.split("\n---", 1)
    if len(parts) != 2:
        raise KnowledgeError(f"{path}: the front matter is not closed with '---'")
    try:
        meta = yaml.safe_load(parts[0].removeprefix("---")) or {}
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{path}: the front matter is not valid YAML") from exc
    if not isinstance(meta, dict):
        raise KnowledgeError(f"{path}: the front matter must be a mapping")
    return meta, parts[1].lstrip("-").lstrip("\n")


def _first_heading(body: str) -> str | None:
    for line in body.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return None
