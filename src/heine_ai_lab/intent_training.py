"""``heine-ai train intents``: rebuild ``assistant/data/intents.npz`` from the training pool of ``intent_data``.

The knowledge features are computed exactly as the assistant computes them: the demo brand's FAQ is ingested into
a throw-away installation and every training text is searched there with its (cached) query vector, preferring the
pages in the text's language. Class weights:
each shop intent weighs 1 in total (German 0.6, English 0.4 where both exist); out of scope weighs 3 in German and
3 × 0.4 more in English. The threshold on
P(out_of_scope) is the highest that keeps ``TARGET_ANSWERED`` of the German shop examples in scope, judged on
5-fold grouped out-of-fold probabilities, so it is never chosen on rows the model has seen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from heine_ai.assistant.intents import INTENTS, INTENTS_FILE, OUT_OF_SCOPE, IntentModel, knowledge_features
from heine_ai.config import Settings
from heine_ai.knowledge.retrieval import KnowledgeBase, Preference
from heine_ai.languages import detect_language
from heine_ai.providers.embeddings import Embedder
from heine_ai_lab.fitting import Floats, Ints, fit_softmax, grouped_folds
from heine_ai_lab.intent_data import Example, training_pool
from heine_ai_lab.retrieval import demo_brand
from heine_ai_lab.vectors import QueryVectors

OOS_WEIGHT = 3.0
ENGLISH_SHARE = 0.4
L2 = 1e-5
EPOCHS = 800
FOLDS = 5
TARGET_ANSWERED = 0.96


@dataclass(frozen=True, slots=True)
class Matrix:
    """Training or evaluation rows as the model sees them."""

    vectors: Floats
    knowledge: Floats
    labels: Ints
    english: npt.NDArray[np.bool_]


async def knowledge_rows(
    knowledge: KnowledgeBase, brand: str, texts: Sequence[str], vectors: Floats, threshold: float
) -> Floats:
    rows = []
    for text, vector in zip(texts, vectors, strict=True):
        prefer = Preference(detect_language(text), threshold)
        _, hits = await knowledge.lookup(brand, text, k=3, vector=vector, prefer=prefer)
        rows.append(knowledge_features(hits))
    return np.vstack(rows) if rows else np.zeros((0, 2), dtype=np.float32)


async def matrix(
    knowledge: KnowledgeBase, brand: str, examples: Sequence[Example], cache: QueryVectors, threshold: float
) -> Matrix:
    """``threshold``: the relevance below which the assistant searches all pages, not only the text's language."""
    texts = [e.text for e in examples]
    vectors = cache.embed(texts)
    return Matrix(
        vectors=vectors,
        knowledge=await knowledge_rows(knowledge, brand, texts, vectors, threshold),
        labels=np.array([INTENTS.index(e.intent) for e in examples], dtype=np.int64),
        english=np.array([e.english for e in examples], dtype=np.bool_),
    )


def class_weights(labels: Ints, english: npt.NDArray[np.bool_]) -> npt.NDArray[np.float64]:
    weight = np.zeros(len(labels))
    for label in range(len(INTENTS)):
        for lang in (False, True):
            rows = (labels == label) & (english == lang)
            if rows.any():
                both = ((labels == label) & (english != lang)).any()
                share = (ENGLISH_SHARE if lang else 1 - ENGLISH_SHARE) if both else 1.0
                if label == OUT_OF_SCOPE and not lang:  # the English rows add to the German ones, which the
                    share = 1.0  # massive_de rejection is judged on
                weight[rows] = share / rows.sum()
    weight[labels == OUT_OF_SCOPE] *= OOS_WEIGHT
    return weight


def fit(data: Matrix, rows: Ints) -> IntentModel:
    knowledge = data.knowledge[rows]
    mu, sd = knowledge.mean(axis=0), knowledge.std(axis=0) + 1e-6
    model = IntentModel(np.zeros(0, np.float32), np.zeros(0, np.float32), mu, sd, 0.5)
    features = model.features(data.vectors[rows], knowledge)
    weight = class_weights(data.labels[rows], data.english[rows])
    model.w, model.b = fit_softmax(features, data.labels[rows], weight, len(INTENTS), l2=L2, epochs=EPOCHS)
    return model


def choose_threshold(data: Matrix, groups: Sequence[str]) -> tuple[float, float]:
    """(threshold, out-of-fold share of German shop rows kept in scope)."""
    fold = grouped_folds(groups, FOLDS)
    p_oos = np.zeros(len(data.labels), dtype=np.float32)
    for k in range(FOLDS):
        train, test = np.where(fold != k)[0], np.where(fold == k)[0]
        model = fit(data, train)
        p_oos[test] = model.proba(data.vectors[test], data.knowledge[test])[:, OUT_OF_SCOPE]
    german_shop = ~data.english & (data.labels != OUT_OF_SCOPE)
    for threshold in np.round(np.arange(0.05, 0.96, 0.01), 2):
        kept = float((p_oos[german_shop] < threshold).mean())
        if kept >= TARGET_ANSWERED:
            return float(threshold), kept
    return 0.95, float((p_oos[german_shop] < 0.95).mean())


async def train_intents(
    shared: Path,
    *,
    brand: str = "heine",
    output: Path = INTENTS_FILE,
    embedder: Embedder | None = None,
    base_settings: Settings | None = None,
) -> dict[str, float]:
    async with demo_brand(brand, embedder, base_settings) as state:
        examples = training_pool(shared, state.brands[brand].knowledge_path)
        threshold = state.settings.similarity_threshold
        data = await matrix(state.knowledge, brand, examples, QueryVectors(state.embedder), threshold)
    threshold, kept = choose_threshold(data, [e.group or e.text for e in examples])
    model = fit(data, np.arange(len(examples)))
    model.threshold = threshold
    output.parent.mkdir(parents=True, exist_ok=True)
    model.save(output)
    return {"rows": len(examples), "threshold": threshold, "oof_german_shop_kept": round(kept, 4)}
