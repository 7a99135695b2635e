"""``heine-ai eval retrieval``: recall@1, recall@5, MRR@10 and latency of BM25, dense and the project's retrieval.

The dataset is JSONL with ``question`` and ``context`` (optionally ``title``), the format of XQuAD. Every distinct
context becomes a document of a throw-away brand in a temporary database and vector store; a question is a hit
at rank r when the r-th distinct document returned is its context.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import time
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from heine_ai.app_state import AppState
from heine_ai.config import Settings
from heine_ai.errors import ConfigError
from heine_ai.installation import build_installation
from heine_ai.knowledge.documents import Document
from heine_ai.knowledge.loaders.markdown import parse_markdown
from heine_ai.knowledge.retrieval import METHODS, KnowledgeBase, Method
from heine_ai.lifespan import close_state
from heine_ai.providers.embeddings import Embedder

EVAL_BRAND = "eval"
CANDIDATES = 10


@dataclass(frozen=True, slots=True)
class Pair:
    question: str
    source: str  # the document the question belongs to
    answers: tuple[str, ...] = ()  # gold answer spans, where the dataset has them


def load_dataset(path: Path, limit: int | None = None) -> tuple[list[Document], list[Pair]]:
    documents: dict[str, Document] = {}
    pairs: list[Pair] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc})") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            question, context = str(row["question"]), str(row["context"])
        except (ValueError, KeyError, TypeError) as exc:
            raise ConfigError(f"{path}:{number}: expected a JSON object with 'question' and 'context'") from exc
        source = hashlib.sha256(context.encode("utf-8")).hexdigest()[:16]
        if source not in documents:
            title = str(row.get("title", "")).replace("_", " ")
            blocks = parse_markdown(context)
            documents[source] = Document(source=source, title=title, url=f"/eval/{source}", blocks=blocks)
        answers = tuple(str(answer) for answer in row.get("answers", []))
        pairs.append(Pair(question=question, source=source, answers=answers))
        if limit is not None and len(pairs) >= limit:
            break
    return list(documents.values()), pairs


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else 0.0


async def _score(knowledge: KnowledgeBase, pairs: list[Pair], method: Method) -> dict[str, float]:
    hits1 = hits5 = 0
    reciprocal = 0.0
    latencies: list[float] = []
    await knowledge.search(EVAL_BRAND, pairs[0].question, k=CANDIDATES, method=method)  # warm-up
    for pair in pairs:
        started = time.perf_counter()
        results = await knowledge.search(EVAL_BRAND, pair.question, k=CANDIDATES, method=method)
        latencies.append((time.perf_counter() - started) * 1000)
        ranked = list(dict.fromkeys(str(r.chunk.metadata.get("source")) for r in results))
        if pair.source in ranked:
            rank = ranked.index(pair.source) + 1
            hits1 += rank == 1
            hits5 += rank <= 5
            reciprocal += 1.0 / rank
    count = len(pairs)
    return {
        "recall@1": round(hits1 / count, 4),
        "recall@5": round(hits5 / count, 4),
        "mrr@10": round(reciprocal / count, 4),
        "p50_ms": round(_percentile(latencies, 0.50), 2),
        "p95_ms": round(_percentile(latencies, 0.95), 2),
    }


@asynccontextmanager
async def throwaway_brand(
    dataset: Path, documents: list[Document], embedder: Embedder | None, base_settings: Settings | None
) -> AsyncIterator[AppState]:
    """An installation in a temporary directory whose brand ``EVAL_BRAND`` holds the dataset's contexts."""
    async with throwaway_installation(embedder, base_settings) as state:
        summary = await state.ingestor.ingest_documents(EVAL_BRAND, documents)
        if summary.failed:
            raise ConfigError(f"{dataset}: {len(summary.failed)} contexts could not be indexed")
        yield state


@asynccontextmanager
async def demo_brand(brand: str, embedder: Embedder | None, base_settings: Settings | None) -> AsyncIterator[AppState]:
    """A throw-away installation holding a configured brand's own knowledge (its ``knowledge_path``)."""
    async with throwaway_installation(embedder, base_settings) as state:
        if brand not in state.brands:
            raise ConfigError(f"unknown brand '{brand}'")
        summary = await state.ingestor.ingest_paths(brand, [state.brands[brand].knowledge_path])
        if summary.failed or not summary.chunks:
            raise ConfigError(f"the knowledge of brand '{brand}' could not be indexed")
        yield state


@asynccontextmanager
async def throwaway_installation(
    embedder: Embedder | None,
    base_settings: Settings | None,
    *,
    knowledge: Mapping[str, Path] | None = None,
    brands_dir: Path | None = None,
) -> AsyncIterator[AppState]:
    """The configured installation (``base_settings``: its brands, models, thresholds; ``brands_dir`` instead of
    its brands if given) with a migrated database and an embedded vector store of its own in a temporary
    directory, ``knowledge`` (brand to folder) ingested; removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="heine-eval-") as tmp:
        root = Path(tmp)
        overrides: dict[str, Any] = {
            "data_dir": root,
            "database_url": f"sqlite:///{root / 'eval.db'}",
            "vector_store_type": "chromadb",
            "vector_store_path": root / "vectors",
            "redis_url": None,
        }
        if brands_dir is not None:
            overrides["brands_dir"] = brands_dir
        settings = (base_settings or Settings()).model_copy(update=overrides)
        state = await build_installation(settings, embedder=embedder, knowledge=knowledge)
        try:
            yield state
        finally:
            await close_state(state)


async def evaluate_retrieval(
    dataset: Path,
    *,
    limit: int | None = None,
    methods: tuple[Method, ...] = METHODS,
    embedder: Embedder | None = None,
    base_settings: Settings | None = None,
) -> dict[str, dict[str, float]]:
    """Ingest the dataset's contexts into a throw-away store and score each method on its questions."""
    documents, pairs = load_dataset(dataset, limit)
    if not pairs:
        raise ConfigError(f"{dataset}: no questions")
    async with throwaway_brand(dataset, documents, embedder, base_settings) as state:
        return {method: await _score(state.knowledge, pairs, method) for method in methods}
