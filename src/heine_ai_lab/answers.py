"""``heine-ai eval answers``: do the answers contain the gold answer span, and do they state unsupported numbers?

The dataset is XQuAD-style JSONL (question, context, answers). The contexts become a throw-away brand; each
question goes through retrieval and the configured answer provider, as in the assistant. An answer with a number
that its passages lack counts as unsupported; the goal is zero for every provider.

A generating provider falls back to the extractive answer when verification rejects its text, its breaker is
open or the call fails, so its row also says whose text was sent: ``own_share`` (the provider's own text),
one ``fallback_<reason>`` share per reason, and ``rejection_share``, the share of the model's non-empty answers
that verification rejected (the guard's catch rate). The extractive provider answers the same passages beside
it, as the baseline of the same run.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import get_args

from heine_ai.config import Settings
from heine_ai.errors import ConfigError
from heine_ai.providers.embeddings import Embedder
from heine_ai.providers.llm.base import LLM, Answer, AnswerRequest, FallbackReason
from heine_ai.providers.llm.extractive import ExtractiveLLM
from heine_ai.providers.llm.verification import unsupported_facts
from heine_ai_lab.retrieval import EVAL_BRAND, Pair, load_dataset, throwaway_brand


class _Tally:
    """Counts for one provider over the questions of a run."""

    def __init__(self) -> None:
        self.count = self.contains = self.unsupported = 0
        self.origins: Counter[FallbackReason | None] = Counter()

    def add(self, pair: Pair, answer: Answer, sources: list[str]) -> None:
        self.count += 1
        self.contains += any(gold.lower() in answer.text.lower() for gold in pair.answers)
        self.unsupported += bool(unsupported_facts(answer.text, sources))
        self.origins[answer.fallback] += 1

    def row(self) -> dict[str, float]:
        def share(part: int) -> float:
            return round(part / self.count, 4)

        generated = self.origins[None] + self.origins["rejected"]
        row: dict[str, float] = {
            "contains_gold": share(self.contains),
            "unsupported_number_share": share(self.unsupported),
            "own_share": share(self.origins[None]),
        }
        row.update({f"fallback_{reason}": share(self.origins[reason]) for reason in get_args(FallbackReason)})
        row["rejection_share"] = round(self.origins["rejected"] / generated, 4) if generated else 0.0
        row["n"] = self.count
        return row


async def evaluate_answers(
    dataset: Path, *, limit: int | None = None, embedder: Embedder | None = None, base_settings: Settings | None = None
) -> dict[str, dict[str, float]]:
    """One row per provider: the configured one and, when that is not it, the extractive baseline."""
    documents, pairs = load_dataset(dataset, limit)
    if not pairs:
        raise ConfigError(f"{dataset}: no questions")
    async with throwaway_brand(dataset, documents, embedder, base_settings) as state:
        brand = next(iter(state.brands.values()))  # its voice wraps the answers
        providers: list[LLM] = [state.llm]
        if state.llm.name != ExtractiveLLM.name:
            providers.append(ExtractiveLLM())
        tallies = {provider.name: _Tally() for provider in providers}
        for pair in pairs:
            results = await state.knowledge.search(EVAL_BRAND, pair.question, k=3)
            passages = tuple(r.as_passage() for r in results[:1])
            sources = [p.evidence for p in passages] + [pair.question]
            for provider in providers:
                answer = await provider.answer(AnswerRequest(pair.question, passages, brand))
                tallies[provider.name].add(pair, answer, sources)
    return {name: tally.row() for name, tally in tallies.items()}
