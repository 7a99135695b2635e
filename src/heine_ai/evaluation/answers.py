"""``heine-ai eval answers``: do the answers contain the gold answer span, and do they state unsupported numbers?

The dataset is XQuAD-style JSONL (question, context, answers). The contexts become a throw-away brand; each
question goes through retrieval and the configured answer provider, as in the assistant. An answer with a number
that its passages lack counts as unsupported; the goal is zero for every provider.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
from pathlib import Path

from heine_ai.config import Settings, load_brands
from heine_ai.db.migrate import upgrade
from heine_ai.errors import ConfigError
from heine_ai.evaluation.retrieval import EVAL_BRAND, load_dataset
from heine_ai.lifespan import build_state, close_state
from heine_ai.providers.embeddings import Embedder
from heine_ai.providers.llm.base import AnswerRequest, Passage
from heine_ai.providers.llm.verification import unsupported_facts


def gold_answers(path: Path, limit: int | None) -> list[list[str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            out.append([str(a) for a in json.loads(line).get("answers", [])])
        if limit is not None and len(out) >= limit:
            break
    return out


async def evaluate_answers(
    dataset: Path, *, limit: int | None = None, embedder: Embedder | None = None, base_settings: Settings | None = None
) -> dict[str, dict[str, float]]:
    documents, pairs = load_dataset(dataset, limit)
    golds = gold_answers(dataset, limit)
    if not pairs:
        raise ConfigError(f"{dataset}: no questions")
    settings = base_settings or Settings()
    brand = next(iter(load_brands(settings.brands_dir).values()))
    with tempfile.TemporaryDirectory(prefix="heine-eval-") as tmp:
        root = Path(tmp)
        settings = settings.model_copy(
            update={
                "data_dir": root,
                "database_url": f"sqlite:///{root / 'eval.db'}",
                "vector_store_type": "chromadb",
                "vector_store_path": root / "vectors",
                "redis_url": None,
            }
        )
        await asyncio.to_thread(upgrade, settings.database_url)
        state = build_state(settings, embedder=embedder)
        try:
            await state.ingestor.ingest_documents(EVAL_BRAND, documents)
            contains = unsupported = 0
            for pair, gold in zip(pairs, golds, strict=True):
                results = await state.knowledge.search(EVAL_BRAND, pair.question, k=3)
                passages = tuple(Passage(r.title, r.url, r.chunk.text, r.relevance, r.section) for r in results[:1])
                answer = await state.llm.answer(AnswerRequest(pair.question, passages, brand))
                contains += any(g.lower() in answer.text.lower() for g in gold)
                unsupported += bool(unsupported_facts(answer.text, [p.evidence for p in passages] + [pair.question]))
        finally:
            await close_state(state)
    count = len(pairs)
    return {
        state.llm.name: {
            "contains_gold": round(contains / count, 4),
            "unsupported_number_share": round(unsupported / count, 4),
            "n": count,
        }
    }
