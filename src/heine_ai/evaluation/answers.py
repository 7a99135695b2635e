"""``heine-ai eval answers``: do the answers contain the gold answer span, and do they state unsupported numbers?

The dataset is XQuAD-style JSONL (question, context, answers). The contexts become a throw-away brand; each
question goes through retrieval and the configured answer provider, as in the assistant. An answer with a number
that its passages lack counts as unsupported; the goal is zero for every provider.
"""

from __future__ import annotations

from pathlib import Path

from heine_ai.config import Settings
from heine_ai.errors import ConfigError
from heine_ai.evaluation.retrieval import EVAL_BRAND, load_dataset, throwaway_brand
from heine_ai.providers.embeddings import Embedder
from heine_ai.providers.llm.base import AnswerRequest
from heine_ai.providers.llm.verification import unsupported_facts


async def evaluate_answers(
    dataset: Path, *, limit: int | None = None, embedder: Embedder | None = None, base_settings: Settings | None = None
) -> dict[str, dict[str, float]]:
    documents, pairs = load_dataset(dataset, limit)
    if not pairs:
        raise ConfigError(f"{dataset}: no questions")
    contains = unsupported = 0
    async with throwaway_brand(dataset, documents, embedder, base_settings) as state:
        brand = next(iter(state.brands.values()))  # its voice wraps the answers
        for pair in pairs:
            results = await state.knowledge.search(EVAL_BRAND, pair.question, k=3)
            passages = tuple(r.as_passage() for r in results[:1])
            answer = await state.llm.answer(AnswerRequest(pair.question, passages, brand))
            contains += any(gold.lower() in answer.text.lower() for gold in pair.answers)
            unsupported += bool(unsupported_facts(answer.text, [p.evidence for p in passages] + [pair.question]))
        provider = state.llm.name
    count = len(pairs)
    return {
        provider: {
            "contains_gold": round(contains / count, 4),
            "unsupported_number_share": round(unsupported / count, 4),
            "n": count,
        }
    }
