"""Vector storage. Embedded default: ChromaDB ``PersistentClient``; scale-out: a Chroma server (``HttpClient``).

We always pass our own embeddings: Chroma's default embedding function downloads a model at run time.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from heine_ai.errors import ProviderError
from heine_ai.providers.embeddings import Vector

Metadata = Mapping[str, str | int | float | bool]


@dataclass(frozen=True, slots=True)
class StoredChunk:
    id: str
    text: str
    metadata: Metadata = field(default_factory=dict)


class VectorStore(Protocol):
    """Collections of chunks with their embeddings; a collection per brand, so search never crosses brands."""

    def upsert(self, collection: str, chunks: Sequence[StoredChunk], embeddings: Vector) -> None: ...

    def delete_ids(self, collection: str, ids: Sequence[str]) -> None: ...

    def export(self, collection: str) -> tuple[list[StoredChunk], Vector]: ...

    def delete_where_in(self, collection: str, key: str, values: Sequence[str]) -> None: ...

    def count(self, collection: str) -> int: ...

    def ping(self) -> None: ...


_INVALID = re.compile(r"[^a-zA-Z0-9._-]")


def collection_name(brand: str, prefix: str = "kb-") -> str:
    """Chroma needs 3-512 characters of [a-zA-Z0-9._-], starting and ending with a letter or digit.

    The prefix lets several installations (or test runs) share one Chroma server without seeing each other.
    """
    return prefix + _INVALID.sub("-", brand).strip("-._")


class ChromaVectorStore:
    """Blocking client calls; the knowledge layer calls them from a worker thread."""

    def __init__(self, client: Any, prefix: str = "kb-") -> None:
        self._client = client
        self._prefix = prefix

    @classmethod
    def persistent(cls, path: Path, prefix: str = "kb-") -> ChromaVectorStore:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        path.mkdir(parents=True, exist_ok=True)
        client = chromadb.PersistentClient(path=str(path), settings=ChromaSettings(anonymized_telemetry=False))
        return cls(client, prefix)

    @classmethod
    def http(cls, host: str, port: int, prefix: str = "kb-") -> ChromaVectorStore:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        try:
            client = chromadb.HttpClient(host=host, port=port, settings=ChromaSettings(anonymized_telemetry=False))
        except Exception as exc:
            raise ProviderError(f"Chroma server at {host}:{port} is not reachable") from exc
        return cls(client, prefix)

    def _collection(self, name: str) -> Any:
        return self._client.get_or_create_collection(
            name=collection_name(name, self._prefix), metadata={"hnsw:space": "cosine"}, embedding_function=None
        )

    def upsert(self, collection: str, chunks: Sequence[StoredChunk], embeddings: Vector) -> None:
        if not chunks:
            return
        target = self._collection(collection)
        batch = 1000
        for start in range(0, len(chunks), batch):
            part = chunks[start : start + batch]
            target.upsert(
                ids=[chunk.id for chunk in part],
                documents=[chunk.text for chunk in part],
                metadatas=[dict(chunk.metadata) for chunk in part],
                embeddings=embeddings[start : start + batch].tolist(),
            )

    def delete_ids(self, collection: str, ids: Sequence[str]) -> None:
        if ids:
            self._collection(collection).delete(ids=list(ids))

    def export(self, collection: str) -> tuple[list[StoredChunk], Vector]:
        """Every entry with its vector, read in pages so a large collection does not arrive as one response."""
        target = self._collection(collection)
        chunks: list[StoredChunk] = []
        vectors: list[Any] = []
        page = 5000
        for offset in range(0, int(target.count()), page):
            result = target.get(include=["documents", "metadatas", "embeddings"], limit=page, offset=offset)
            for chunk_id, text, metadata in zip(result["ids"], result["documents"], result["metadatas"], strict=True):
                chunks.append(StoredChunk(chunk_id, text or "", metadata or {}))
            vectors.extend(result["embeddings"])
        matrix = np.asarray(vectors, dtype=np.float32).reshape(len(chunks), -1) if chunks else np.zeros((0, 0))
        return chunks, matrix.astype(np.float32)

    def delete_where_in(self, collection: str, key: str, values: Sequence[str]) -> None:
        if values:
            self._collection(collection).delete(where={key: {"$in": list(values)}})

    def count(self, collection: str) -> int:
        return int(self._collection(collection).count())

    def ping(self) -> None:
        try:
            self._client.heartbeat()
        except Exception as exc:
            raise ProviderError("vector store does not answer") from exc
