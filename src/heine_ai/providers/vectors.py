"""Vector storage. Embedded default: ChromaDB ``PersistentClient``; scale-out: a Chroma server (``HttpClient``).

We always pass our own embeddings: Chroma's default embedding function downloads a model at run time.
"""

from __future__ import annotations

import contextlib
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


@dataclass(frozen=True, slots=True)
class VectorHit:
    chunk: StoredChunk
    similarity: float  # cosine similarity in -1..1


class VectorStore(Protocol):
    """Collections of chunks with their embeddings; a collection per brand, so search never crosses brands."""

    def upsert(self, collection: str, chunks: Sequence[StoredChunk], embeddings: Vector) -> None: ...

    def delete_ids(self, collection: str, ids: Sequence[str]) -> None: ...

    def query(self, collection: str, embedding: Vector, k: int) -> list[VectorHit]: ...

    def all_chunks(self, collection: str) -> list[StoredChunk]: ...

    def embeddings(self, collection: str, ids: Sequence[str]) -> Vector: ...

    def count(self, collection: str) -> int: ...

    def drop(self, collection: str) -> None: ...

    def ping(self) -> None: ...


_INVALID = re.compile(r"[^a-zA-Z0-9._-]")


def collection_name(brand: str) -> str:
    """Chroma needs 3-512 characters of [a-zA-Z0-9._-], starting and ending with a letter or digit."""
    return "kb-" + _INVALID.sub("-", brand).strip("-._")


class ChromaVectorStore:
    """Blocking client calls; the knowledge layer calls them from a worker thread."""

    def __init__(self, client: Any) -> None:
        self._client = client

    @classmethod
    def persistent(cls, path: Path) -> ChromaVectorStore:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        path.mkdir(parents=True, exist_ok=True)
        return cls(chromadb.PersistentClient(path=str(path), settings=ChromaSettings(anonymized_telemetry=False)))

    @classmethod
    def http(cls, host: str, port: int) -> ChromaVectorStore:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        try:
            client = chromadb.HttpClient(host=host, port=port, settings=ChromaSettings(anonymized_telemetry=False))
        except Exception as exc:
            raise ProviderError(f"Chroma server at {host}:{port} is not reachable") from exc
        return cls(client)

    def _collection(self, name: str) -> Any:
        return self._client.get_or_create_collection(
            name=collection_name(name), metadata={"hnsw:space": "cosine"}, embedding_function=None
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

    def query(self, collection: str, embedding: Vector, k: int) -> list[VectorHit]:
        target = self._collection(collection)
        result = target.query(
            query_embeddings=[embedding.tolist()],
            n_results=k,
            include=["documents", "metadatas", "distances"],
        )
        hits = []
        for chunk_id, text, metadata, distance in zip(
            result["ids"][0],
            result["documents"][0],
            result["metadatas"][0],
            result["distances"][0],
            strict=True,
        ):
            hits.append(VectorHit(StoredChunk(chunk_id, text or "", metadata or {}), 1.0 - float(distance)))
        return hits

    def all_chunks(self, collection: str) -> list[StoredChunk]:
        result = self._collection(collection).get(include=["documents", "metadatas"])
        return [
            StoredChunk(chunk_id, text or "", metadata or {})
            for chunk_id, text, metadata in zip(result["ids"], result["documents"], result["metadatas"], strict=True)
        ]

    def embeddings(self, collection: str, ids: Sequence[str]) -> Vector:
        """The stored vectors of ``ids``, in that order."""
        result = self._collection(collection).get(ids=list(ids), include=["embeddings"])
        by_id = dict(zip(result["ids"], result["embeddings"], strict=True))
        return np.asarray([by_id[chunk_id] for chunk_id in ids], dtype=np.float32)

    def count(self, collection: str) -> int:
        return int(self._collection(collection).count())

    def drop(self, collection: str) -> None:
        with contextlib.suppress(Exception):  # an absent collection is already dropped
            self._client.delete_collection(collection_name(collection))

    def ping(self) -> None:
        try:
            self._client.heartbeat()
        except Exception as exc:
            raise ProviderError("vector store does not answer") from exc
