"""``heine-ai eval intents``: out-of-scope rejection, share of the brand's own questions answered, intent accuracy.

All in one run, on the demo brand's FAQ ingested into a throw-away installation, with the assistant's own
retrieval and shipped intent model (``project``) beside two baselines:

- ``relevance``: the assistant before the intent model, which declined only when no passage reached
  ``SIMILARITY_THRESHOLD`` (it has no intents);
- ``nearest_example``: the intent (or out of scope) of the most similar training example by e5 cosine.

Metrics: ``oos_rejection``: share of massive_de dev (voice-assistant commands, none a shop request, never trained
on) that gets no FAQ answer; ``kb_answered``: share of the demo FAQ's own questions (``bench/data/
heine_questions.jsonl``) the assistant takes as shop questions; ``kb_answered_with_source``: of those, answered from
a passage at or above the threshold; ``kb_intent_accuracy``: intent = the intent of the question's FAQ page;
``en_intent_accuracy``: bitext's held-out English half.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from heine_ai.assistant.intents import GREETING, INTENTS, OUT_OF_SCOPE, IntentModel
from heine_ai.config import Settings
from heine_ai.knowledge.retrieval import KnowledgeBase, Preference
from heine_ai.languages import detect_language
from heine_ai.providers.embeddings import Embedder
from heine_ai_lab.intent_data import Example, bitext, page_intent, read_csv, read_jsonl, training_pool
from heine_ai_lab.intent_training import Matrix, matrix
from heine_ai_lab.retrieval import demo_brand
from heine_ai_lab.vectors import QueryVectors

Metrics = dict[str, float | None]


@dataclass(frozen=True, slots=True)
class Scored:
    """One evaluation set: the model's rows and the best retrieval relevance of each."""

    data: Matrix
    relevance: npt.NDArray[np.float32]


async def _scored(
    knowledge: KnowledgeBase, brand: str, examples: list[Example], cache: QueryVectors, threshold: float
) -> Scored:
    """Searched as the assistant searches: the pages in the text's language first (``Preference``)."""
    data = await matrix(knowledge, brand, examples, cache, threshold)
    best = []
    for example, vector in zip(examples, data.vectors, strict=True):
        prefer = Preference(detect_language(example.text), threshold)
        _, hits = await knowledge.lookup(brand, example.text, k=1, vector=vector, prefer=prefer)
        best.append(hits[0].relevance if hits else 0.0)
    return Scored(data, np.asarray(best, dtype=np.float32))


def _declined(predicted: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
    return np.isin(predicted, (OUT_OF_SCOPE, GREETING))


def _metrics(sets: dict[str, Scored], predicted: dict[str, npt.NDArray[np.int64]], threshold: float) -> Metrics:
    kb = sets["kb"]
    answered = ~_declined(predicted["kb"])
    return {
        "oos_rejection": round(float(_declined(predicted["oos"]).mean()), 4),
        "kb_answered": round(float(answered.mean()), 4),
        "kb_answered_with_source": round(float((answered & (kb.relevance >= threshold)).mean()), 4),
        "kb_intent_accuracy": round(float((predicted["kb"] == kb.data.labels).mean()), 4),
        "en_intent_accuracy": round(float((predicted["en"] == sets["en"].data.labels).mean()), 4),
    }


def _relevance_only(sets: dict[str, Scored], threshold: float) -> Metrics:
    return {
        "oos_rejection": round(float((sets["oos"].relevance < threshold).mean()), 4),
        "kb_answered": round(float((sets["kb"].relevance >= threshold).mean()), 4),
        "kb_answered_with_source": round(float((sets["kb"].relevance >= threshold).mean()), 4),
        "kb_intent_accuracy": None,
        "en_intent_accuracy": None,
    }


def _nearest(examples: list[Example], cache: QueryVectors, rows: Matrix) -> npt.NDArray[np.int64]:
    labels = np.array([INTENTS.index(e.intent) for e in examples], dtype=np.int64)
    nearest = (rows.vectors @ cache.embed([e.text for e in examples]).T).argmax(axis=1)
    return np.asarray(labels[nearest], dtype=np.int64)


async def evaluate_intents(
    shared: Path,
    questions: Path,
    *,
    brand: str = "heine",
    embedder: Embedder | None = None,
    base_settings: Settings | None = None,
) -> dict[str, Metrics]:
    model = IntentModel.load()
    async with demo_brand(brand, embedder, base_settings) as state:
        cache = QueryVectors(state.embedder)
        threshold = state.settings.similarity_threshold
        oos = [Example(r["text"], "out_of_scope") for r in read_csv(shared / "eval" / "massive_de" / "dev.csv")]
        kb = [Example(r["question"], page_intent(r["url"])) for r in read_jsonl(questions)]
        evaluation = {"oos": oos, "kb": kb, "en": bitext(shared, train=False)}
        sets = {
            name: await _scored(state.knowledge, brand, rows, cache, threshold) for name, rows in evaluation.items()
        }
        reference = training_pool(shared, state.brands[brand].knowledge_path)
    project = {name: model.decide(model.proba(s.data.vectors, s.data.knowledge)) for name, s in sets.items()}
    nearest = {name: _nearest(reference, cache, s.data) for name, s in sets.items()}
    counts: Metrics = {f"n_{name}": float(len(rows)) for name, rows in evaluation.items()}
    return {
        "relevance": _relevance_only(sets, threshold) | counts,
        "nearest_example": _metrics(sets, nearest, threshold) | counts,
        "project": _metrics(sets, project, threshold) | counts,
    }
